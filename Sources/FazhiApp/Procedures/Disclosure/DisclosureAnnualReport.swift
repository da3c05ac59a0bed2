import FazhiCore

/// What 政府信息公开 puts into the 年度报告 (制约监督): the requests and how they were answered; late answers as a shortfall.
enum DisclosureAnnualReport {
    static let contributions: [ReportContribution] = [
        ReportContribution(
            .oversight, set: DisclosureProcedure.id,
            sentences: [
                "全面推进政务公开，收到政府信息公开申请{received}件，办结{answered}件，其中予以公开{result.disclosed}件、部分公开{result.partial}件、不予公开{result.withheld}件，按期答复率{onTimeRate}。"
            ], compared: ["received", "answered", "onTimeRate"],
            shortfalls: [Shortfall("late", .above(0), "依申请公开答复时限管理仍需加强，{late}件政府信息公开申请逾期答复。")])
    ]
}
