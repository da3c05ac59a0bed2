import Foundation

/// 行政复议 (行政复议法 2023): the procedure, its 文书 in the 复议机关's name, its yearly figures and the publication of
/// its decisions (第七十九条).
extension ProcedureModule {
    public static let reconsideration = ProcedureModule(
        folder: "Reconsideration", name: "行政复议",
        procedureIDs: [ReconsiderationProcedure.id],
        definitions: { s in [ReconsiderationProcedure.definition(s)] },
        documents: [
            .applicationReceipt, .correctionNotice, .acceptanceNotice, .refusalDecision, .answerNotice,
            .reconsiderationHearingNotice,
            .reconsiderationHearingRecord, .committeeOpinion, .extensionNotice, .suspensionNotice, .terminationDecision,
            .reconsiderationDecision, .opinionLetter, .dismissalDecision,
        ],
        facts: ReconsiderationFact.all,
        render: { input, draft in
            let f = input.facts
            if input.kind == .reconsiderationDecision {
                let number = f[ReconsiderationFact.decisionNumber] ?? ""
                draft.number = number.isEmpty ? input.context.caseNumber : number
                if f[ReconsiderationFact.outcome] == "mediation" { draft.title = "行政复议调解书" }
            }
            draft.blocks += ReconsiderationDocuments.blocks(
                input.kind, facts: f, file: input.file, step: input.step, context: input.context)
        })
}

extension CaseDocumentKind {
    public static let applicationReceipt = CaseDocumentKind("application_receipt", "行政复议申请接收凭证")
    public static let correctionNotice = CaseDocumentKind("correction_notice", "行政复议申请补正通知书")
    public static let acceptanceNotice = CaseDocumentKind("acceptance_notice", "行政复议受理通知书")
    public static let refusalDecision = CaseDocumentKind("refusal_decision", "不予受理行政复议申请决定书")
    public static let answerNotice = CaseDocumentKind("answer_notice", "提出答复通知书")
    public static let reconsiderationHearingNotice = CaseDocumentKind("reconsideration_hearing_notice", "行政复议听证通知书")
    public static let reconsiderationHearingRecord = CaseDocumentKind("reconsideration_hearing_record", "行政复议听证笔录")
    public static let committeeOpinion = CaseDocumentKind("committee_opinion", "行政复议委员会咨询意见")
    public static let extensionNotice = CaseDocumentKind("extension_notice", "行政复议延期审理通知书")
    public static let suspensionNotice = CaseDocumentKind("suspension_notice", "行政复议中止通知书")
    public static let terminationDecision = CaseDocumentKind("termination_decision", "行政复议终止决定书")
    public static let reconsiderationDecision = CaseDocumentKind("reconsideration_decision", "行政复议决定书")
    public static let opinionLetter = CaseDocumentKind("opinion_letter", "行政复议意见书")
    /// 驳回行政复议申请决定书 (行政复议法 第三十三条): accepted, then found not to meet the conditions of 第三十条第一款.
    public static let dismissalDecision = CaseDocumentKind("dismissal_decision", "驳回行政复议申请决定书")
}

extension ReconsiderationProcedure {
    /// seed 002: "收到行政复议申请22件，审结20件".
    static let summary: @Sendable (FigureTally) -> String = { t in
        "\(t.year)年收到行政复议申请\(t.count("received"))件，审结\(t.count("concluded"))件，纠错率\(FigureTally.percent(t.rate("correction")))。"
    }
    static let presentation: CasePresentation = {
        var p = presentationBase
        p.waitingPeriods = waitingPeriods
        return p
    }()

    /// 第三十一条 and 第四十八条/第五十四条 count from the applicant's or the respondent's receipt: until it is recorded the
    /// period shows as not started.
    static let waitingPeriods: @Sendable (CaseFile) -> [WaitingPeriod] = { f in
        var out: [WaitingPeriod] = []
        if f.state == State.correcting.id, f.deadline("correction") == nil {
            out.append(
                WaitingPeriod("correction", "申请人补正", waitsFor: "待申请人收到补正通知后起算（请登记“补正通知已送达申请人”）", article: "行政复议法 第三十一条")
            )
        }
        if f.hasTaken(Step.sendCopy), f.deadline("answer") == nil, !f.hasTaken(Step.recordAnswer),
            [State.accepted.id, State.suspended.id].contains(f.state)
        {
            out.append(
                WaitingPeriod(
                    "answer", "被申请人提出书面答复并提交证据", waitsFor: "待被申请人收到申请书副本后起算（请登记“申请书副本已送达被申请人”）",
                    article: isSimple(f.facts) ? "行政复议法 第五十四条" : "行政复议法 第四十八条"))
        }
        return out
    }

    static let presentationBase = CasePresentation(
        party: ["applicantName"],
        shownFacts: [
            "applicantName", "applicantKind", "channel", "respondent", "actDescription", "learnedOn", "applicationDue",
            "applicationLate",
            "requests", "track", "deemedAccepted", "acceptedOn", "copySentOn", "copyReceivedOn", "outcome",
            "decisionNumber", "decidedOn", "effectiveOn",
        ],
        labels: [
            "applicationDue": "申请期限届满（第二十条）", "applicationLate": "超过申请期限", "deemedAccepted": "视为受理（第三十条第三款）",
            "acceptedOn": "受理日期", "effectiveOn": "生效日期（送达之日）", "copySentOn": "发送申请书副本日期",
            "copyReceivedOn": "被申请人收到副本日期", "decisionNumber": "决定书文号", "decidedOn": "决定日期",
            "linkedCaseID": "被复议的处罚案件",
        ],
        notStarted: "尚未登记",
        result: { f in
            f.facts[ReconsiderationFact.decidedOn] != nil
                ? Reconsideration.outcomeName(f.facts[ReconsiderationFact.outcome] ?? "") : ""
        },
        servedDocument: { f in f[ReconsiderationFact.outcome] == "mediation" ? "行政复议调解书" : "行政复议决定书" },
        caseLinks: [ReconsiderationFact.linkedCaseID.id])

    /// A 复议 of a penalty decision in this system runs from receipt of the application to its end — served, terminated,
    /// refused, abandoned — and those days do not count toward the decision's 加处罚款 (行政处罚法 第七十三条第三款).
    static let reviewOfCase = ReviewOfCase(linkFact: "linkedCaseID") { f, through in
        guard let from = f.facts[ReconsiderationFact.receivedOn] else { return nil }
        let ended =
            f.facts[ReconsiderationFact.effectiveOn] ?? f.facts[ReconsiderationFact.terminatedOn] ?? f.facts[
                ReconsiderationFact.refusedOn] ?? f.facts[ReconsiderationFact.dismissedOn]
            ?? (f.state == ReconsiderationProcedure.State.abandoned.id ? f.steps.last?.on : nil)
        return (from, min(ended ?? through, through))
    }
}
