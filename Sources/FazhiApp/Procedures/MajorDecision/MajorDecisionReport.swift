import FazhiCore

/// What 重大行政决策 and 法律顾问 put into the 年度报告 (行政决策): the catalogue, the five procedures, the advisers' work.
enum MajorDecisionReport {
    static let contributions: [ReportContribution] = [
        ReportContribution(
            .decisions, set: "major_decision_year",
            sentences: [
                "公布年度重大行政决策事项目录{catalogueItems}项，启动决策{started}件；公开征求意见{consultations}次，收到意见{commentsReceived}条、采纳{commentsAdopted}条；召开听证会{hearings}次，开展专家论证{expertReviews}次、风险评估{riskAssessments}次、合法性审查通过{reviewsPassed}次，经集体讨论决定{meetings}次。"
            ], compared: ["started", "consultations", "meetings"],
            shortfalls: [
                Shortfall("outsideCatalogue", .above(0), "重大行政决策目录管理仍需加强，{outsideCatalogue}件决策未列入年度目录即启动。")
            ]),
        ReportContribution(
            .decisions, set: "advisers",
            sentences: [
                "发挥法律顾问、公职律师作用，在聘法律顾问{advisers}个、公职律师{publicLawyers}人，审查合同{work_contract}件，参与重大行政决策合法性审查{work_decision}件，出具法律意见{work_opinion}件，代理诉讼、复议案件{work_litigation}件。"
            ], compared: ["advisers", "work_contract", "work_decision"]),
    ]
}
