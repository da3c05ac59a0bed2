import FazhiCore
import FazhiStore
import Foundation

/// The demo's 考核方案 for the year (also the template offered before a scheme is imported): 100 points over
/// 行政执法, 矛盾纠纷化解, 法治保障 read from the figures, and two indicators the assessor scores; a department's 自评 and
/// the assessor's score on one.
enum DemoAssessment {
    static func scheme(year: Int) -> AssessmentScheme {
        func at(_ f: String, _ t: Double, _ b: String? = nil) -> AssessmentRule {
            .atLeast(figure: f, target: t, base: b)
        }
        func below(_ f: String, _ l: Double, _ b: String? = nil) -> AssessmentRule {
            .atMost(figure: f, limit: l, base: b)
        }
        let rows: [(String, String, Double, AssessmentRule?, String)] = [
            ("1", "严格规范公正文明执法", 0, nil, ""),
            ("1.1", "执法人员年度培训学时达标率", 10, at("training.metRate", 1, "training.officers"), "每人每年不少于规定学时"),
            ("1.2", "执法案卷评查平均分", 10, at("file_review.average", 90, "file_review.scored"), ""),
            ("1.3", "重大执法决定法制审核率", 10, at("enforcement.reviewRate", 1, "enforcement.penalties"), ""),
            ("1.4", "未处理的执法监督预警", 10, .deduct(figure: "supervision.open", points: 2, base: nil), "预警应在期限内核查处理"),
            ("2", "矛盾纠纷预防化解", 0, nil, ""),
            ("2.1", "行政机关负责人出庭应诉率", 15, at("litigation.appearance", 1, "litigation.heard"), ""),
            ("2.2", "行政复议被纠错案件", 10, .deduct(figure: "reconsideration_respondent.corrected", points: 5, base: nil), ""),
            ("2.3", "政府信息公开申请按期答复率", 10, at("disclosure.onTimeRate", 1, "disclosure.answered"), ""),
            ("3", "法治建设保障", 0, nil, ""),
            ("3.1", "年度工作要点逾期未完成任务", 5, below("workPlan.overdue", 0), ""),
            ("3.2", "主要负责人年度述法", 5, at("duty.form.lawReport", 1), ""),
            ("3.3", "法治政府建设年度报告按时报送、公开", 5, .assessed, "以报送回执和公开网址为据"),
            ("3.4", "法治宣传教育", 10, .assessed, "“八五”普法规划年度任务落实情况"),
        ]
        return AssessmentScheme(
            year: year, version: 1,
            indicators: rows.map { AssessmentIndicator(code: $0.0, name: $0.1, maxScore: $0.2, rule: $0.3, note: $0.4) }
        )
    }

    static func load(_ c: DemoContext, in tx: WriteTransaction) async throws {
        guard let market = c.orgs["清河县市场监督管理局"] else { return }
        let scheme = try await Assessments.importScheme(
            scheme(year: c.today.year), by: "司法局 法治督察科", on: c.today, in: tx)
        try await Assessments.give(
            AssessmentScore(
                unitID: market, code: "3.4", kind: .selfReport, score: 9, evidence: "全年开展“法律进企业”活动12场，发放资料3000份",
                by: "市场监管局 法制科", on: c.today.description), scheme: scheme, in: tx)
        try await Assessments.give(
            AssessmentScore(
                unitID: market, code: "3.4", kind: .assessor, score: 8,
                evidence: "活动记录齐全；“谁执法谁普法”责任清单未按时公布，扣2分", by: "司法局 法治督察科", on: c.today.description),
            scheme: scheme, in: tx)
    }
}
