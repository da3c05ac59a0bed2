import Foundation

/// 重大行政决策: the 决策事项目录 and each decision from 启动 to 后评估 and 归档 on the engine, the 合法性审查意见书, and the
/// yearly figures the seeds report (决策事项、履行五项法定程序、公众意见采纳、后评估).
extension ProcedureModule {
    public static let majorDecision = ProcedureModule(
        folder: "MajorDecision", name: "重大行政决策",
        procedureIDs: [MajorDecisionProcedure.id, DecisionCatalogueProcedure.id],
        definitions: { s in [MajorDecisionProcedure.definition(s), DecisionCatalogueProcedure.definition(s)] },
        documents: [.decisionReviewOpinion],
        facts: MajorDecisionFact.all + DecisionCatalogueProcedure.Fact.all,
        render: { input, draft in
            draft.blocks += MajorDecisionDocuments.blocks(
                input.kind, facts: input.facts, file: input.file, step: input.step, context: input.context)
        })
}

extension CaseDocumentKind {
    public static let decisionReviewOpinion = CaseDocumentKind("decision_review_opinion", "重大行政决策合法性审查意见书")
}

extension MajorDecisionProcedure {
    static let presentation = CasePresentation(
        party: ["title"],
        shownFacts: [
            "title", "category", "source", "undertaker", "catalogueItem", "outsideCatalogueReason", "draftVersion",
            "consultationUntil", "commentsReceived", "commentsAdopted", "hearingOn", "experts", "riskLevel",
            "riskControllable", "competitionConclusion", "reviewOpinion", "reviewer", "adviserOpinions", "meetingKind",
            "meetingOn", "chief", "majorityView", "dissent", "decidedOn", "partyReportedOn", "publishedOn",
            "executionUnit", "lastProgressOn", "progressPercent", "adjustment", "adjustments", "evaluatedOn",
            "evaluationConclusion", "archivedOn",
        ],
        // The facts' own names, not the step forms' prompts.
        labels: Dictionary(MajorDecisionFact.all.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a }),
        computedChoices: ["outcome": [.init("approved", "通过"), .init("rejected", "不予通过"), .init("stopped", "停止执行")]],
        notStarted: "尚未启动",
        result: { f in
            MajorDecision.label(
                f.facts[MajorDecisionFact.outcome],
                in: [.init("approved", "通过"), .init("rejected", "不予通过"), .init("stopped", "停止执行")])
        })

    /// The year's figures by the year of the meeting's decision (决策作出), as the seeds report them (重大行政决策28件，
    /// 履行公众参与、专家论证、风险评估、合法性审查、集体讨论决定五项法定程序).
    public static let statistics: ProcedureStatistics = {
        typealias Fig = ProcedureStatistics.Figure
        let figures: [Fig] = [
            Fig("decided", "集体讨论决定", definition: "本年经常务会议或者全体会议讨论决定的重大行政决策") {
                $0.facts[MajorDecisionFact.decidedOn] != nil
            },
            Fig("approved", "通过", main: false) { $0.facts[MajorDecisionFact.outcome] == "approved" },
            Fig("rejected", "不予通过", main: false) { $0.facts[MajorDecisionFact.outcome] == "rejected" },
            Fig("consulted", "公开征求意见", definition: "履行公众参与程序（公开征求意见）") { $0.hasTaken(Step.closeConsultation) },
            Fig("heard", "召开听证会", main: false) { $0.hasTaken(Step.hearing) },
            Fig("expertReviewed", "专家论证") { $0.hasTaken(Step.expertReview) },
            Fig("riskAssessed", "风险评估") { $0.hasTaken(Step.riskAssessment) },
            Fig("legalityReviewed", "合法性审查") { $0.hasTaken(Step.passReview) },
            Fig("exploratory", "探索性改革事项（明示法律风险）", main: false) {
                $0.facts.flag(MajorDecisionFact.exploratory.id) && $0.facts[MajorDecisionFact.decidedOn] != nil
            },
            Fig("allFive", "履行五项法定程序", definition: "公众参与、专家论证、风险评估、合法性审查、集体讨论决定均已履行") { f in
                (f.hasTaken(Step.closeConsultation) || f.hasTaken(Step.hearing)) && f.hasTaken(Step.expertReview)
                    && f.hasTaken(Step.riskAssessment) && f.hasTaken(Step.passReview)
                    && f.facts[MajorDecisionFact.decidedOn] != nil
            },
            Fig("outsideCatalogue", "目录外事项", main: false) {
                !($0.facts[MajorDecisionFact.outsideCatalogueReason] ?? "").isEmpty
            },
            Fig("evaluated", "决策后评估") { $0.hasTaken(Step.evaluate) },
            Fig("adjusted", "调整", main: false) { ($0.facts[MajorDecisionFact.adjustments] ?? 0) > 0 },
            Fig("stopped", "停止执行", main: false) { $0.state == State.ended.id },
            Fig("archived", "归档", main: false) { $0.hasTaken(Step.archive) },
        ]
        return ProcedureStatistics(
            title: "重大行政决策统计", year: { $0.facts[MajorDecisionFact.decidedOn]?.year }, figures: figures,
            rates: [.init("legalityRate", "合法性审查率", "legalityReviewed", over: "decided", formula: "经合法性审查数 ÷ 集体讨论决定数")])
    }()
}
