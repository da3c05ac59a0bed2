import FazhiCore

/// What 行政执法 puts into the 年度法治政府建设情况报告: the registries (政府职能), the cases, the three systems' figures,
/// 双随机 and 案卷评查 (行政执法), officers' training (法治保障) — and what they show is still short (part 二).
enum EnforcementReport {
    static let contributions: [ReportContribution] = [
        ReportContribution(
            .functions, set: "registries",
            sentences: [
                "动态调整并公布权责清单，在用权责清单事项{powerItems}项，其中行政许可{type.licensing}项、行政处罚{type.penalty}项、行政强制{type.coercion}项、行政检查{type.inspection}项等。",
                "公布行政执法主体{bodies}个、持证执法人员{officers}人，执法主体和人员资格实行动态管理。",
            ], compared: ["powerItems", "bodies", "officers"]),
        ReportContribution(
            .enforcement, set: "enforcement",
            sentences: [
                "全年立案及检查{opened}件，其中行政处罚案件{penaltyCases}件、行政检查{inspections}件；作出行政处罚决定{penalties}件，罚款{fines}元，依法不予处罚{noPenalty}件。",
                "落实行政执法公示、执法全过程记录、重大执法决定法制审核三项制度，经法制审核的处罚决定{legallyReviewed}件，举行听证{heard}件；向司法机关移送涉嫌犯罪案件{transferred}件。",
            ], compared: ["opened", "penalties", "fines", "legallyReviewed", "transferred"],
            shortfalls: [
                Shortfall("overdue", .above(0), "行政执法办案时效仍需提高，有{overdue}件案件超过法定办案期限。")
            ]),
        ReportContribution(
            .enforcement, set: "random_inspection",
            sentences: [
                "推行“双随机、一公开”监管，开展随机抽查{tasks}次，抽查检查对象{drawn}户次，发现问题{problems}户次，抽查结果按时公示{publishedOnTime}户次。"
            ], compared: ["tasks", "drawn", "problems"],
            shortfalls: [
                Shortfall(
                    "publishedOnTime", .below(1, unlessZero: "inspected"),
                    "双随机抽查结果公示不够及时，已检查{inspected}户次，按时公示{publishedOnTime}户次。")
            ]),
        ReportContribution(
            .enforcement, set: "file_review",
            sentences: ["开展行政执法案卷评查，评查案卷{scored}份，平均{average}分，评出优秀案卷{excellent}份、不合格案卷{failed}份。"],
            compared: ["scored", "average"],
            shortfalls: [Shortfall("failed", .above(0), "执法案卷质量有待提升，案卷评查中不合格案卷{failed}份。")]),
        ReportContribution(
            .safeguards, set: "training",
            sentences: ["加强执法队伍建设，执法人员名录{officers}人，全年培训学时合计{hours}学时，{met}人达到年度培训学时要求。"],
            compared: ["officers", "hours", "metRate"],
            shortfalls: [
                Shortfall("metRate", .below(1, unlessZero: "officers"), "执法人员培训学时未全部达标，年度培训达标率为{metRate}。")
            ]),
    ]
}
