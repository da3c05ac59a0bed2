import Foundation

/// 行政应诉 (行政诉讼法): the lawsuits against a body, its 答辩状 and replies to 司法建议/检察建议, 出庭率 and 败诉率.
extension ProcedureModule {
    public static let litigation = ProcedureModule(
        folder: "Litigation", name: "行政应诉",
        procedureIDs: [LitigationProcedure.id],
        definitions: { s in [LitigationProcedure.definition(s)] },
        documents: [.litigationAnswer, .recommendationReply],
        facts: LitigationFact.all,
        render: { input, draft in
            draft.blocks += LitigationDocuments.blocks(
                input.kind, facts: input.facts, file: input.file, step: input.step, context: input.context)
        })
}

extension CaseDocumentKind {
    public static let litigationAnswer = CaseDocumentKind("litigation_answer", "行政诉讼答辩状")
    public static let recommendationReply = CaseDocumentKind("recommendation_reply", "建议回复函")
}

extension LitigationProcedure {
    static let summary: @Sendable (FigureTally) -> String = { t in
        "\(t.year)年行政应诉案件\(t.count("received"))件，开庭审理\(t.count("heard"))件，行政机关负责人出庭应诉\(t.count("headAppeared"))件，"
            + "出庭率\(FigureTally.percent(t.rate("appearance")))；审结\(t.count("concluded"))件，败诉\(t.count("lost"))件，败诉率\(FigureTally.percent(t.rate("loss")))。"
    }
    static let presentation = CasePresentation(
        party: ["plaintiff"],
        shownFacts: [
            "court", "courtCaseNumber", "currentInstance", "plaintiff", "defendantRole", "actDescription", "claims",
            "servedOn", "answeredOn",
            "answerLate", "hearings", "headAppeared", "judgment", "judgedOn", "lost", "effectiveOn", "performedOn",
        ],
        labels: [
            "currentInstance": "当前审级", "answeredOn": "答辩举证日期", "answerLate": "逾期答辩举证", "hearings": "开庭次数",
            "judgedOn": "收到裁判日期", "lost": "败诉", "performedOn": "履行日期", "effectiveOn": "生效日期",
        ],
        computedChoices: ["currentInstance": Litigation.instances],
        notStarted: "尚未登记",
        result: { f in
            guard f.facts[LitigationFact.judgedOn] != nil,
                let j = Litigation.judgment(
                    f.steps.last { $0.action == LitigationProcedure.Step.recordJudgment }?.inputs[
                        LitigationFact.judgment])
            else { return "" }
            return j.label + (f.facts.flag(LitigationFact.lost) ? "（败诉）" : "")
        })
}
