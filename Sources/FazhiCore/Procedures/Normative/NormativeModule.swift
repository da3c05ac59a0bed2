import Foundation

/// 行政规范性文件: drafting to 清理 on the engine, the 合法性审核意见书 and 备案报告, the yearly figures, and each document's
/// standing on any day (`Normative.standing`).
extension ProcedureModule {
    public static let normative = ProcedureModule(
        folder: "Normative", name: "行政规范性文件",
        procedureIDs: [NormativeProcedure.id, NormativeSuggestionProcedure.id, NormativeCleanupProcedure.id],
        definitions: { s in
            [
                NormativeProcedure.definition(s), NormativeSuggestionProcedure.definition(s),
                NormativeCleanupProcedure.definition(s),
            ]
        },
        documents: [.normativeReviewOpinion, .filingReport, .suggestionAnswer],
        facts: NormativeFact.all + NormativeSuggestionFact.all + NormativeCleanupFact.all,
        render: { input, draft in
            draft.blocks += NormativeDocuments.blocks(
                input.kind, facts: input.facts, file: input.file, step: input.step, context: input.context)
        })
}

extension CaseDocumentKind {
    public static let normativeReviewOpinion = CaseDocumentKind("normative_review_opinion", "规范性文件合法性审核意见书")
    public static let filingReport = CaseDocumentKind("filing_report", "规范性文件备案报告")
    public static let suggestionAnswer = CaseDocumentKind("suggestion_answer", "规范性文件审查建议答复书")
}

extension NormativeProcedure {
    static let presentation = CasePresentation(
        party: ["title"],
        shownFacts: [
            "title", "documentKind", "documentNumber", "touchesRights", "businessRelated", "affectsMarket", "inPlan",
            "draftVersion", "consultationUntil", "commentsReceived", "commentsAdopted", "competitionConclusion",
            "reviewOpinion", "reviewProblems", "signedOn", "effectiveOn", "expiresOn", "publishedOn", "publishedLate",
            "filedOn", "filingLate", "congressFiledOn", "congressFilingLate", "filingConclusion", "amendmentNumber",
            "amendedOn", "amendmentEffectiveOn",
            "ending",
            "endedOn",
        ],
        labels: [
            "draftVersion": "草案版本", "signedOn": "签发日期", "documentNumber": "文号", "expiresOn": "失效之日（有效期最后一日的次日）",
            "commentsReceived": "收到意见条数", "commentsAdopted": "采纳意见条数",
            "publishedOn": "公布日期", "publishedLate": "逾期公布", "filedOn": "报送备案日期", "filingLate": "逾期备案",
            "endedOn": "废止或者失效日期", "amendmentNumber": "最近一次修改决定文号", "amendedOn": "最近一次修改签发日期",
            "amendmentEffectiveOn": "最近一次修改施行日期", "congressFiledOn": "报送人大常委会备案日期",
            "congressFilingLate": "逾期报送人大常委会备案",
        ],
        computedChoices: ["ending": Normative.endings + [.init("expired", "有效期届满失效"), .init("revoked", "备案审查撤销")]],
        notStarted: "尚未登记",
        result: { f in f.facts[NormativeFact.documentNumber] ?? "" })

    /// The year's figures by the year a document was signed (制定) and the year of each later event, as the seeds report
    /// them (制发4件、备案无异议、废止12件、15日内备案).
    public static let statistics: ProcedureStatistics = {
        typealias F = ProcedureStatistics.Figure
        let figures: [F] = [
            F("issued", "制发", definition: "本年签发印发的规范性文件") { $0.facts[NormativeFact.signedOn] != nil },
            F("consulted", "公开征求意见", main: false) { $0.hasTaken(Step.closeConsultation) },
            F("reviewed", "经合法性审核", main: false) { $0.hasTaken(Step.passReview) },
            F("reviewFailed", "审核不合法（退回修改）", main: false) { $0.hasTaken(Step.failReview) },
            F("filed", "报送备案") { $0.facts[NormativeFact.filedOn] != nil },
            F("filedOnTime", "按时备案", definition: "在本地规定的期限内报送备案") {
                $0.facts[NormativeFact.filedOn] != nil && !$0.facts.flag(NormativeFact.filingLate)
            },
            F("filedLate", "逾期备案", main: false) { $0.facts.flag(NormativeFact.filingLate) },
            F("publishedLate", "逾期公布", main: false) { $0.facts.flag(NormativeFact.publishedLate) },
            F("corrected", "备案审查纠错", main: false) {
                ["correct", "propose_revocation", "revoke"].contains($0.facts[NormativeFact.filingConclusion] ?? "")
            },
            F("ended", "废止或者失效", main: false) { $0.state == State.ended.id },
        ]
        return ProcedureStatistics(
            title: "规范性文件统计", year: { $0.facts[NormativeFact.signedOn]?.year }, figures: figures,
            rates: [.init("filingOnTime", "按时备案率", "filedOnTime", over: "filed", formula: "按时备案数 ÷ 报送备案数")])
    }()
}
