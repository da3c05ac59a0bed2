import FazhiCore

/// What 调解 puts into the 年度报告 (矛盾纠纷): the disputes taken, mediated and settled.
enum MediationReport {
    static let contributions: [ReportContribution] = [
        ReportContribution(
            .disputes, set: MediationProcedure.id,
            sentences: [
                "坚持和发展新时代“枫桥经验”，受理矛盾纠纷{received}件，调解{mediated}件，调解成功{succeeded}件，调解成功率{success}；受理的纠纷中人民调解{kind.people}件、行政调解{kind.administrative}件、司法调解{kind.judicial}件。"
            ], compared: ["received", "mediated", "succeeded", "success"])
    ]
}
