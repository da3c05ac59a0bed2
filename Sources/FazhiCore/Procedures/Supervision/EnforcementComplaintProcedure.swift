import Foundation

/// 行政执法投诉举报: anyone may complain to the 司法行政部门 (the government's 行政执法监督机构, 行政执法监督条例 第六条) about
/// how an enforcement body acted — on the portal with a receipt, or by letter and in person. The 司法局 registers it, decides
/// within `complaintAcceptanceWorkdays` whether it takes it up (not: a matter for 复议 or 诉讼, outside 行政执法, no
/// concrete facts), may pass it to the body concerned to check, and answers the complainant within `complaintAnswerDays`
/// of receipt (收到). The 条例's own periods are not verified here — both are settings ([U], README).
public enum EnforcementComplaintProcedure {
    public static let id = "enforcement_complaint"
    public static let version = 1

    public enum State {
        public static let new = ProcedureState("new", "待登记")
        public static let received = ProcedureState("received", "已收到，待决定是否受理")
        public static let accepted = ProcedureState("accepted", "已受理，核查中")
        public static let declined = ProcedureState("declined", "不予受理（已告知）", terminal: true)
        public static let answered = ProcedureState("answered", "已答复", terminal: true)
    }

    public enum Step {
        public static let receive = "receive_complaint"
        public static let accept = "accept_complaint"
        public static let decline = "decline_complaint"
        public static let refer = "refer_complaint_for_check"
        public static let answer = "answer_complaint"
    }

    public enum Fact {
        public static let channel = FactKey<String>("channel", "投诉举报方式")
        public static let complainantName = FactKey<String>("complainantName", "投诉举报人")
        public static let complainantContact = FactKey<String>("complainantContact", "联系方式")
        public static let bodyComplained = FactKey<String>("bodyComplained", "被投诉的行政执法机关")
        public static let relatedCase = FactKey<String>("relatedCase", "涉及的决定书文号或者案号")
        public static let complaintText = FactKey<String>("complaintText", "投诉举报的事实和理由")
        public static let receivedOn = FactKey<CivilDate>("receivedOn", "收到之日")
        public static let trackingNumber = FactKey<String>("trackingNumber", "网上提交查询号")
        public static let declineGround = FactKey<String>("declineGround", "不予受理的情形")
        public static let declineText = FactKey<String>("declineText", "告知内容")
        public static let referredTo = FactKey<String>("referredTo", "交由核查的单位")
        public static let referralNote = FactKey<String>("referralNote", "核查要求")
        public static let conclusion = FactKey<String>("complaintConclusion", "核查结论")
        public static let answerText = FactKey<String>("answerText", "答复内容")
        public static let partyName = FactKey<String>("partyName", "投诉举报人")
        public static let all: [AnyFactKey] = [
            channel.any, complainantName.any, complainantContact.any, bodyComplained.any, relatedCase.any,
            complaintText.any, receivedOn.any, trackingNumber.any, declineGround.any, declineText.any, referredTo.any,
            referralNote.any, conclusion.any, answerText.any, partyName.any, CaseColumns.decidedOn.any,
            CaseColumns.outcome.any,
        ]
    }

    public static let channels = [
        InputField.Choice("online", "网上提交"), .init("letter", "信函"), .init("in_person", "当面提出"),
        .init("phone", "电话（12345转办）"),
    ]
    public static let declineGrounds = [
        InputField.Choice("remedy", "属于行政复议、行政诉讼等法定途径解决的事项，已告知途径"),
        .init("outside", "不属于行政执法监督范围，已告知有权处理的机关"), .init("vague", "没有具体的被投诉机关和事实"),
        .init("repeated", "同一事项已经处理答复，没有新的事实和理由"),
    ]
    public static let conclusions = [
        InputField.Choice("substantiated", "属实，已责令纠正"), .init("partly", "部分属实，已责令纠正"),
        .init("unfounded", "经核查不属实"),
    ]

    /// The 司法局's 行政执法监督人员.
    static let staff: Set<Role> = [.supervisor]
    static let article = "行政执法监督条例 第六条"

    public static func definition(_ s: ProcedureSettings) -> ProcedureDefinition {
        var d = ProcedureDefinition(
            id: id, version: version, name: "行政执法投诉举报", instrument: "《行政执法监督条例》（国务院令第825号）",
            initial: State.new.id,
            states: [State.new, State.received, State.accepted, State.declined, State.answered],
            actions: [receive(s), accept(), decline(), refer(), answer()], kind: .supervision,
            opening: OpeningRule(staff, article: article, refusal: "投诉举报由司法行政部门（行政执法监督机构）登记"),
            numbering: CaseNumbering("执投", issuer: .organisation),
            presentation: CasePresentation(
                party: ["complainantName"],
                shownFacts: [
                    "channel", "complainantName", "complainantContact", "bodyComplained", "relatedCase",
                    "complaintText", "receivedOn",
                    "trackingNumber", "declineGround", "declineText", "referredTo", "referralNote",
                    "complaintConclusion", "answerText",
                ],
                labels: Dictionary(Fact.all.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a }),
                computedChoices: ["outcome": declineGrounds + conclusions],
                notStarted: "尚未登记",
                result: { f in
                    (declineGrounds + conclusions).first { $0.value == f.facts[CaseColumns.outcome] }?.label ?? ""
                }))
        // Registered and handled at the 司法局 itself, by its own 监督人员: never under the body complained about, whose staff
        // would read who complained.
        d.rolesHeldAtBody = true
        return d
    }

    static func receive(_ s: ProcedureSettings) -> ActionDefinition {
        ActionDefinition(
            Step.receive, "登记投诉举报", from: [State.new.id], to: State.received.id, by: staff, basis: article
        )
        .asks(
            .init("channel", "投诉举报方式", .choice(channels)),
            .init("complainantName", "投诉举报人姓名或者名称（可以匿名）", required: false, personName: true),
            .init("complainantContact", "联系电话或者通讯地址", required: false, personal: true),
            .init("bodyComplained", "被投诉的行政执法机关"),
            .init("relatedCase", "涉及的决定书文号或者案号（可不填）", required: false),
            .init("complaintText", "投诉举报的事实和理由"),
            .init("receivedOn", "收到之日", .date, required: false),
            .init("trackingNumber", "网上提交查询号", required: false, systemOnly: true)
        )
        .gate(article, "收到之日不能晚于登记之日", field: "receivedOn") { c in
            (c.inputs[Fact.receivedOn] ?? c.date) <= c.date
        }
        .gate("系统限制", "投诉举报人、联系方式各不超过200字", field: "complainantName") { c in
            (c.inputs[Fact.complainantName] ?? "").count <= 200
                && (c.inputs[Fact.complainantContact] ?? "").count <= 200
        }
        .gate("系统限制", "被投诉的机关、文号各不超过200字", field: "bodyComplained") { c in
            (c.inputs[Fact.bodyComplained] ?? "").count <= 200 && (c.inputs[Fact.relatedCase] ?? "").count <= 200
        }
        .gate("系统限制", "事实和理由不超过5000字", field: "complaintText") { c in
            (c.inputs[Fact.complaintText] ?? "").count <= 5_000
        }
        .then(
            .compute(writes: Fact.receivedOn, Fact.partyName) { c in
                Facts([
                    Fact.receivedOn ~ (c.stepInputs[Fact.receivedOn] ?? c.date),
                    Fact.partyName
                        ~ ((c.inputs[Fact.complainantName]?.trimmed).flatMap { $0.isEmpty ? nil : $0 } ?? "匿名"),
                ])
            },
            // Both counted from receipt (收到), not from the day it was registered.
            .startDeadline(
                DeadlineRule(
                    "acceptance", "决定是否受理", days: s.complaintAcceptanceWorkdays, .workday,
                    article: "本地规定（投诉举报受理期限，自收到之日起）", fromFact: "receivedOn")),
            .startDeadline(
                DeadlineRule(
                    "answer", "答复投诉举报人", days: s.complaintAnswerDays, .day,
                    article: "本地规定（投诉举报办理期限，自收到之日起）", fromFact: "receivedOn"))
        )
    }

    static func accept() -> ActionDefinition {
        ActionDefinition(Step.accept, "受理", from: [State.received.id], to: State.accepted.id, by: staff, basis: article)
            .then(.stopDeadline("acceptance"))
    }

    static func decline() -> ActionDefinition {
        ActionDefinition(
            Step.decline, "不予受理并告知", from: [State.received.id], to: State.declined.id, by: staff, basis: article
        )
        .asks(.init("declineGround", "不予受理的情形", .choice(declineGrounds)), .init("declineText", "告知内容（途径和理由）"))
        .gate("系统限制", "告知内容不超过5000字", field: "declineText") { c in (c.inputs[Fact.declineText] ?? "").count <= 5_000 }
        .then(
            .stopDeadline("acceptance"), .stopDeadline("answer"),
            .compute(writes: CaseColumns.decidedOn, CaseColumns.outcome) { c in
                Facts([CaseColumns.decidedOn ~ c.date, CaseColumns.outcome ~ (c.inputs[Fact.declineGround] ?? "")])
            }
        )
        .produces(.complaintAnswer)
    }

    static func refer() -> ActionDefinition {
        ActionDefinition(
            Step.refer, "交被投诉单位核查", from: [State.accepted.id], to: nil, by: staff, basis: article
        )
        .asks(.init("referredTo", "交由核查的单位"), .init("referralNote", "核查要求和报告时间"))
        // What goes to the body complained about never names who complained (举报人保密).
        .gate(article, "交办核查的要求中不得写入投诉举报人的姓名或者联系方式", field: "referralNote") { c in
            let note = c.inputs[Fact.referralNote] ?? ""
            let identity = [c.file.facts[Fact.complainantName], c.file.facts[Fact.complainantContact]]
                .compactMap { $0?.trimmed }.filter { $0.count >= 2 && $0 != "匿名" }
            return !identity.contains { note.contains($0) }
        }
    }

    static func answer() -> ActionDefinition {
        ActionDefinition(
            Step.answer, "核查并答复投诉举报人", from: [State.accepted.id], to: State.answered.id, by: staff, basis: article
        )
        .asks(.init("complaintConclusion", "核查结论", .choice(conclusions)), .init("answerText", "答复内容（核查情况和处理结果）"))
        .gate("系统限制", "答复内容不超过10000字", field: "answerText") { c in (c.inputs[Fact.answerText] ?? "").count <= 10_000 }
        .then(
            .stopDeadline("answer"),
            .compute(writes: CaseColumns.decidedOn, CaseColumns.outcome) { c in
                Facts([CaseColumns.decidedOn ~ c.date, CaseColumns.outcome ~ (c.inputs[Fact.conclusion] ?? "")])
            }
        )
        .produces(.complaintAnswer)
    }
}

extension CaseDocumentKind {
    /// 投诉举报答复书 (or the 不予受理告知书, by the step that produced it).
    public static let complaintAnswer = CaseDocumentKind("complaint_answer", "行政执法投诉举报答复书")
}

/// The answer as printed: to the complainant, what was complained of, the finding or why it was not taken up.
enum ComplaintDocuments {
    typealias F = EnforcementComplaintProcedure.Fact

    static func blocks(_ f: Facts, file: CaseFile, step: CaseStep?, context c: DocumentContext) -> [DocumentText.Block]
    {
        let declined = step?.action == EnforcementComplaintProcedure.Step.decline
        let who = f.text(F.complainantName.id).flatMap { $0.trimmed.isEmpty ? nil : $0 } ?? "投诉举报人"
        let received = f[F.receivedOn].map(CaseDocuments.chineseDate) ?? ""
        var out: [DocumentText.Block] = [
            .centered(c.caseNumber),
            .paragraph("\(who)："),
            .paragraph("本机关于\(received)收到你（单位）对\(f.text(F.bodyComplained.id) ?? "")行政执法行为的投诉举报。"),
        ]
        if declined {
            let why =
                switch f.text(F.declineGround.id) {
                case "remedy": "属于可以通过行政复议、行政诉讼等法定途径解决的事项"
                case "outside": "不属于行政执法监督的范围"
                case "vague": "没有具体的被投诉机关和违法事实"
                case "repeated": "同一事项已经处理答复，没有新的事实和理由"
                default: "不符合受理条件"
                }
            out += [
                .paragraph("经审查，该投诉举报\(why)，本机关不予受理。"),
                .paragraph(f.text(F.declineText.id) ?? ""),
            ]
        } else {
            let conclusion = EnforcementComplaintProcedure.conclusions.first { $0.value == f.text(F.conclusion.id) }
            out += [
                .paragraph("本机关依法受理并进行了核查。核查结论：\(conclusion?.label ?? "")。"),
                .paragraph(f.text(F.answerText.id) ?? ""),
            ]
        }
        out += [
            .signature([c.bodyName, (step?.on ?? file.steps.last?.on).map(CaseDocuments.chineseDate) ?? ""]),
            .seal("（印章）"),
        ]
        return out
    }
}
