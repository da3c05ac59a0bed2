import FazhiCore

/// What 行政应诉 puts into the 年度报告 (制约监督): the suits, 负责人出庭, 败诉 and the courts' and procurators' suggestions.
enum LitigationReport {
    static let contributions: [ReportContribution] = [
        ReportContribution(
            .oversight, set: LitigationProcedure.id,
            sentences: [
                "支持人民法院依法受理和审理行政案件，全年行政应诉案件{received}件，开庭审理{heard}件，行政机关负责人出庭应诉{headAppeared}件，出庭应诉率{appearance}；审结{concluded}件，败诉{lost}件。",
                "收到司法建议{judicialRecommendation}件、检察建议{procuratorialRecommendation}件。",
            ], compared: ["received", "headAppeared", "appearance", "lost"],
            shortfalls: [
                Shortfall("lost", .above(0), "行政诉讼败诉{lost}件，败诉率{loss}，依法行政水平仍需提高。"),
                Shortfall("appearance", .below(1, unlessZero: "heard"), "行政机关负责人出庭应诉率为{appearance}，尚未做到开庭案件负责人全部出庭。"),
                Shortfall("answerLate", .above(0), "有{answerLate}件行政应诉案件未在法定期限内答辩举证。"),
                Shortfall("recommendationPending", .above(0), "有{recommendationPending}件司法建议、检察建议尚未回复。"),
            ],
            zeros: [
                ZeroResult("received", "全年未发生行政诉讼案件。"),
                ZeroResult("lost", given: "concluded", "审结的{concluded}件行政诉讼案件无一败诉。"),
            ])
    ]
}
