import Foundation

/// 行政执法: 行政处罚 (普通程序、简易程序) and 行政检查 — one module, since they share the 执法主体, the officers, the
/// 权责清单 and the enforcement statistics.
extension ProcedureModule {
    public static let enforcement = ProcedureModule(
        folder: "Enforcement", name: "行政执法",
        procedureIDs: [PenaltyOrdinaryProcedure.id, PenaltySimpleProcedure.id, InspectionProcedure.id],
        definitions: { s in
            [
                PenaltyOrdinaryProcedure.definition(s), PenaltySimpleProcedure.definition(s),
                InspectionProcedure.definition(s, version: 1), InspectionProcedure.definition(s),
            ]
        },
        documents: [
            .filingApproval, .evidenceRecord, .preservationNotice, .priorNotice, .hearingNotice, .hearingRecord,
            .legalReviewOpinion,
            .collectiveDiscussion, .penaltyDecision, .onSpotDecision, .demandNotice, .transferLetter, .closingReport,
            .inspectionRecord,
        ],
        facts: EnforcementFact.all,
        alertRules: [
            .outsideBenchmark, .repeatInspection, .latePublication, .transferWithoutFeedback, .zeroEnforcement,
        ],
        render: EnforcementDocuments.render)
}

extension CaseDocumentKind {
    public static let filingApproval = CaseDocumentKind("filing_approval", "立案审批表")
    public static let evidenceRecord = CaseDocumentKind("evidence_record", "调查取证笔录")
    public static let preservationNotice = CaseDocumentKind("preservation_notice", "先行登记保存通知书")
    public static let priorNotice = CaseDocumentKind("prior_notice", "行政处罚事先告知书")
    public static let hearingNotice = CaseDocumentKind("hearing_notice", "听证通知书")
    public static let hearingRecord = CaseDocumentKind("hearing_record", "听证笔录")
    public static let legalReviewOpinion = CaseDocumentKind("legal_review_opinion", "法制审核意见书")
    public static let collectiveDiscussion = CaseDocumentKind("collective_discussion", "集体讨论记录")
    public static let penaltyDecision = CaseDocumentKind("penalty_decision", "行政处罚决定书")
    public static let onSpotDecision = CaseDocumentKind("on_spot_decision", "当场行政处罚决定书")
    public static let transferLetter = CaseDocumentKind("transfer_letter", "涉嫌犯罪案件移送书")
    public static let closingReport = CaseDocumentKind("closing_report", "结案报告")
    public static let inspectionRecord = CaseDocumentKind("inspection_record", "行政检查记录")
    /// 催告书 (行政强制法 第三十五条): before enforcement, the party is told in writing what to perform, by when, and their
    /// right to state their case.
    public static let demandNotice = CaseDocumentKind("demand_notice", "催告书")
}

extension Penalty {
    /// 行政处罚法 第四十二条: cases are handled by the body's officers; its head approves 立案.
    static let opening = OpeningRule([.officer, .head], article: "行政处罚法 第四十二条", refusal: "只有本机关的执法人员或负责人可以登记案件")

    /// The decision's outcome in words.
    public static let outcomes = [
        InputField.Choice("penalty", "给予行政处罚"), .init("no_penalty", "不予行政处罚"),
        .init("not_established", "违法事实不能成立"),
    ]

    static func presentation(party: [String]) -> CasePresentation {
        var p = CasePresentation(
            party: party,
            shownFacts: [
                "partyName", "partyKind", "partyAddress", "powerItemCode", "summary", "violationOn", "inspectedObject",
                "penaltyKinds",
                "proposedFine", "benchmarkCode", "benchmarkTier", "benchmarkMin", "benchmarkMax", "benchmarkArticles",
                "outsideBenchmarkReason", "legalReviewReasons", "hearingRight", "decisionNumber", "decidedOn",
                "decidedFine", "servedOn",
                "demandServedOn", "lateFine", "reviewPeriodsEnd", "result", "rectifyBy",
            ],
            labels: [
                "proposedFine": "拟罚款（元）", "hearingRight": "有听证权利", "decisionNumber": "决定书文号", "decidedOn": "决定日期",
                "decidedFine": "决定罚款（元）", "lateFine": "加处罚款（元）", "servedOn": "决定书送达之日",
                "demandServedOn": "催告书送达之日", "reviewPeriodsEnd": "复议、诉讼期限届满之日",
                "benchmarkCode": "裁量基准", "benchmarkTier": "裁量档次（按基准计算）", "benchmarkMin": "基准幅度下限（元）",
                "benchmarkMax": "基准幅度上限（元）", "benchmarkArticles": "裁量依据",
                "legalReviewReasons": "应当法制审核的事由（第五十八条）",
            ],
            notStarted: "尚未立案",
            result: { f in
                f.facts[EnforcementFact.outcome].map { o in outcomes.first { $0.value == o }?.label ?? o } ?? ""
            },
            servedDocument: { f in f[EnforcementFact.outcome] == "penalty" ? "行政处罚决定书" : "不予行政处罚决定书" })
        p.notStartedLabel = "案情"
        return p
    }
}
