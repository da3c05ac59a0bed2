import Foundation

/// 公民、法人和其他组织的审查建议: anyone who thinks a 规范性文件 unlawful may ask the 备案审查机关 (the 司法行政部门 for the
/// government) in writing to review it (国办发〔2018〕37号 备案审查; the province's 规范性文件备案审查 rules; 行政复议法
/// 第十三条 lets a 复议 applicant ask for review of the document a decision rests on, a separate route). The 司法局 registers it — online through the portal with a receipt —
/// studies it and answers within the local period (setting, counted from receipt).
public enum NormativeSuggestionProcedure {
    public static let id = "normative_suggestion"
    public static let version = 1

    public enum State {
        public static let new = ProcedureState("new", "待登记")
        public static let received = ProcedureState("received", "已收到，审查中")
        public static let answered = ProcedureState("answered", "已答复", terminal: true)
    }

    public enum Step {
        public static let receive = "receive_suggestion"
        public static let answer = "answer_suggestion"
    }

    public enum External {
        /// A cited document was issued by the answering office's own government or office (`CaseLookup`).
        public static let citedAbove = "suggestion.citedAbove"
    }

    /// The 司法行政部门's 备案审查 staff (监督人员), for every body they read.
    static let staff: Set<Role> = [.supervisor]

    public static func definition(_ s: ProcedureSettings) -> ProcedureDefinition {
        var d = ProcedureDefinition(
            id: id, version: version, name: "规范性文件审查建议", instrument: "国办发〔2018〕37号；本地规范性文件备案审查规定",
            initial: State.new.id, states: [State.new, State.received, State.answered],
            actions: [receive(s), answer()], kind: .normative,
            opening: OpeningRule(
                staff, article: "国办发〔2018〕37号", refusal: "审查建议由备案审查机关（司法行政部门）登记"),
            numbering: CaseNumbering("审建", issuer: .organisation), presentation: presentation)
        d.rolesHeldWhereRead = staff
        d.statistics = statistics
        return d
    }

    static func receive(_ s: ProcedureSettings) -> ActionDefinition {
        ActionDefinition(
            Step.receive, "登记审查建议", from: [State.new.id], to: State.received.id, by: staff,
            basis: "国办发〔2018〕37号；本地规范性文件备案审查规定"
        )
        .asks(
            .init("channel", "提出方式", .choice(Normative.suggestionChannels)),
            .init("suggesterName", "建议人姓名或者名称", personName: true),
            .init("suggesterContact", "联系电话或者通讯地址", personal: true),
            .init("documentCited", "建议审查的文件（名称或者文号）"),
            .init("suggestionText", "认为违法的条款和理由"),
            .init("receivedOn", "收到之日", .date, required: false),
            .init("trackingNumber", "网上提交查询号", required: false, systemOnly: true)
        )
        .gate("本地规定", "收到之日不能晚于登记之日", field: "receivedOn") { c in
            (c.inputs[NormativeSuggestionFact.receivedOn] ?? c.date) <= c.date
        }
        .gate("系统限制", "建议人姓名或者名称不超过100字", field: "suggesterName") { c in
            (c.inputs[NormativeSuggestionFact.suggesterName] ?? "").count <= 100
        }
        .gate("系统限制", "联系方式不超过200字", field: "suggesterContact") { c in
            (c.inputs[NormativeSuggestionFact.suggesterContact] ?? "").count <= 200
        }
        .gate("系统限制", "建议内容不超过5000字", field: "suggestionText") { c in
            (c.inputs[NormativeSuggestionFact.suggestionText] ?? "").count <= 5_000
        }
        .gate("系统限制", "文件名称或者文号不超过200字", field: "documentCited") { c in
            (c.inputs[NormativeSuggestionFact.documentCited] ?? "").count <= 200
        }
        .then(
            .compute(writes: NormativeSuggestionFact.receivedOn, NormativeSuggestionFact.partyName) { c in
                Facts([
                    NormativeSuggestionFact.receivedOn ~ (c.stepInputs[NormativeSuggestionFact.receivedOn] ?? c.date),
                    NormativeSuggestionFact.partyName ~ (c.inputs[NormativeSuggestionFact.suggesterName] ?? ""),
                ])
            },
            // Counted from receipt (收到), not from the day it was registered.
            .startDeadline(
                DeadlineRule(
                    "answer", "研究处理并答复建议人", days: s.normativeSuggestionAnswerDays, .day,
                    article: "本地规定（审查建议处理期限，自收到之日起）", fromFact: "receivedOn"))
        )
    }

    static func answer() -> ActionDefinition {
        ActionDefinition(
            Step.answer, "审查并答复", from: [State.received.id], to: State.answered.id, by: staff,
            basis: "国办发〔2018〕37号；本地规范性文件备案审查规定"
        )
        .asks(
            .init("suggestionConclusion", "处理结果", .choice(Normative.suggestionConclusions)),
            .init("answerText", "答复内容（审查意见和理由）")
        )
        // A document of the reviewer's own government (or its own) is reviewed above: here only referred on.
        .looksUp(.citedIssuedAboveActor(fact: "documentCited", into: External.citedAbove))
        .gate(
            "国办发〔2018〕37号", "建议审查的文件由本机关或者其上级机关制定，不属于本机关审查范围：请答复“不属于本机关审查范围，已告知有权机关”",
            field: "suggestionConclusion"
        ) { c in
            !c.external.flag(External.citedAbove)
                || c.inputs[NormativeSuggestionFact.suggestionConclusion] == "not_competent"
        }
        .gate("系统限制", "答复内容不超过10000字", field: "answerText") { c in
            (c.inputs[NormativeSuggestionFact.answerText] ?? "").count <= 10_000
        }
        .then(
            .stopDeadline("answer"),
            .compute(writes: NormativeSuggestionFact.decidedOn, NormativeSuggestionFact.outcome) { c in
                Facts([
                    NormativeSuggestionFact.decidedOn ~ c.date,
                    NormativeSuggestionFact.outcome ~ (c.inputs[NormativeSuggestionFact.suggestionConclusion] ?? ""),
                ])
            }
        )
        .produces(.suggestionAnswer)
    }

    static let presentation = CasePresentation(
        party: ["suggesterName"],
        shownFacts: [
            "channel", "suggesterName", "documentCited", "suggestionText", "receivedOn", "trackingNumber",
            "suggestionConclusion", "answerText",
        ],
        labels: [:], computedChoices: [:], notStarted: "尚未登记",
        result: { f in Normative.label(f.facts[NormativeSuggestionFact.outcome], in: Normative.suggestionConclusions) })

    /// 审查建议 by the year received: how many, answered in time, and how many led to a correction.
    public static let statistics: ProcedureStatistics = {
        typealias F = ProcedureStatistics.Figure
        return ProcedureStatistics(
            title: "审查建议统计", year: { $0.facts[NormativeSuggestionFact.receivedOn]?.year },
            figures: [
                F("received", "收到审查建议", definition: "本年收到的公民、法人和其他组织的审查建议") { _ in true },
                F("answered", "已答复") { $0.facts[NormativeSuggestionFact.decidedOn] != nil },
                F("corrected", "经审查纠正", main: false) {
                    Normative.correctingConclusions.contains($0.facts[NormativeSuggestionFact.outcome] ?? "")
                },
            ], rates: [])
    }()
}

/// The facts of a 审查建议.
public enum NormativeSuggestionFact {
    public static let channel = FactKey<String>("channel", "提出方式")
    public static let suggesterName = FactKey<String>("suggesterName", "建议人")
    public static let suggesterContact = FactKey<String>("suggesterContact", "联系方式")
    public static let documentCited = FactKey<String>("documentCited", "建议审查的文件")
    public static let suggestionText = FactKey<String>("suggestionText", "认为违法的条款和理由")
    public static let receivedOn = FactKey<CivilDate>("receivedOn", "收到之日")
    public static let trackingNumber = FactKey<String>("trackingNumber", "网上提交查询号")
    public static let suggestionConclusion = FactKey<String>("suggestionConclusion", "处理结果")
    public static let answerText = FactKey<String>("answerText", "答复内容")
    public static let decidedOn = CaseColumns.decidedOn
    public static let outcome = CaseColumns.outcome
    public static let partyName = FactKey<String>("partyName", "建议人")

    public static let all: [AnyFactKey] = [
        channel.any, suggesterName.any, suggesterContact.any, documentCited.any, suggestionText.any, receivedOn.any,
        trackingNumber.any, suggestionConclusion.any, answerText.any, decidedOn.any, outcome.any, partyName.any,
    ]
}

extension Normative {
    public static let suggestionChannels = [
        InputField.Choice("online", "网上提交"), .init("letter", "信函"), .init("in_person", "当面提交"),
    ]
    public static let suggestionConclusions = [
        InputField.Choice("lawful", "经审查未发现违法，不予纠正"), .init("issuer_corrected", "制定机关已自行纠正"),
        .init("ordered_correction", "责令制定机关改正"), .init("revoked", "撤销或者提请撤销"),
        .init("not_competent", "不属于本机关审查范围，已告知有权机关"),
    ]
    static let correctingConclusions: Set<String> = ["issuer_corrected", "ordered_correction", "revoked"]

    public static func label(_ value: String?, in choices: [InputField.Choice]) -> String {
        choices.first { $0.value == value }?.label ?? (value ?? "")
    }
}
