import FazhiCore

/// What 行政执法监督 puts into the 年度报告 (制约监督): the alerts raised and closed; overdue steps and 零执法 as shortfalls.
enum SupervisionReport {
    static let contributions: [ReportContribution] = [
        ReportContribution(
            .oversight, set: "supervision",
            sentences: ["加强行政执法监督，系统发出执法监督预警{alerts}条，已核查关闭{closed}条。"], compared: ["alerts", "closed"],
            shortfalls: [
                Shortfall("rule.step_overdue", .above(0), "执法监督预警发现案件办理超期{rule.step_overdue}条，执法程序时限意识有待增强。"),
                Shortfall("rule.outside_benchmark", .above(0), "执法监督发现偏离裁量基准{rule.outside_benchmark}条，裁量基准执行仍需规范。"),
                Shortfall("rule.zero_enforcement", .above(0), "有{rule.zero_enforcement}名执法人员全年零执法。"),
            ],
            zeros: [ZeroResult("alerts", "全年未发生执法监督预警。")])
    ]
}
