import FazhiCore

/// What 行政复议 puts into the 年度报告 (矛盾纠纷): the applications and their outcomes; 纠错 as a shortfall.
enum ReconsiderationReport {
    static let contributions: [ReportContribution] = [
        ReportContribution(
            .disputes, set: ReconsiderationProcedure.id,
            sentences: [
                "发挥行政复议化解行政争议主渠道作用，收到行政复议申请{received}件，受理{accepted}件，审结{concluded}件，其中维持{outcome.uphold}件、撤销{outcome.revoke}件，纠错{corrected}件，终止{terminated}件。"
            ], compared: ["received", "accepted", "concluded", "corrected", "correction"],
            shortfalls: [
                Shortfall("corrected", .above(0), "部分行政行为的合法性、适当性仍有不足，行政复议纠错{corrected}件，纠错率{correction}。")
            ],
            zeros: [
                ZeroResult("received", "全年未收到行政复议申请。"),
                ZeroResult("corrected", given: "concluded", "审结的{concluded}件行政复议案件中，无被纠错案件。"),
            ])
    ]
}
