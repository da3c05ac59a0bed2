import FazhiCore

/// What 行政复议 puts into the 年度报告 (矛盾纠纷): the 复议机关's applications and outcomes; the cases in which the unit was
/// the 被申请人, and their 纠错 as the unit's shortfall (not the 复议机关's).
enum ReconsiderationReport {
    static let contributions: [ReportContribution] = [
        ReportContribution(
            .disputes, set: ReconsiderationProcedure.id,
            sentences: [
                "发挥行政复议化解行政争议主渠道作用，收到行政复议申请{received}件，受理{accepted}件，审结{concluded}件，其中维持{outcome.uphold}件、撤销{outcome.revoke}件，纠错{corrected}件，终止{terminated}件。"
            ], compared: ["received", "accepted", "concluded", "corrected", "correction"],
            zeros: [ZeroResult("received", "全年未收到行政复议申请。")]),
        ReportContribution(
            .disputes, set: "reconsideration_respondent",
            sentences: ["本单位（含所属部门）被申请行政复议{received}件，审结{concluded}件，被纠错{corrected}件。"],
            compared: ["received", "corrected"],
            shortfalls: [
                Shortfall("corrected", .above(0), "部分行政行为的合法性、适当性仍有不足，被申请行政复议的案件中被纠错{corrected}件。")
            ],
            zeros: [ZeroResult("corrected", given: "concluded", "被申请行政复议且已审结的{concluded}件案件中，无被纠错案件。")]),
    ]
}
