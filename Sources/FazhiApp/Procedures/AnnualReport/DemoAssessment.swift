import FazhiCore
import FazhiStore
import Foundation

/// The demo's 考核方案 for the year (also the template offered before a scheme is imported): 100 points over
/// 行政执法, 矛盾纠纷化解, 法治保障 read from the figures, and two indicators the assessor scores; a 加分项, a 一票否决
/// and a 降等 item; a department's 自评 and the assessor's score on one.
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
            (
                "3.3", "上一年度法治政府建设年度报告逾期报送", 5, .deduct(figure: "annual_report.submittedLate", points: 5, base: nil),
                "按报送日期与3月1日期限自动计分"
            ),
            ("3.4", "法治宣传教育", 10, .assessed, "“八五”普法规划年度任务落实情况"),
            ("4", "加分和否决事项", 0, nil, ""),
            ("4.1", "法治建设工作经验被上级推广或获表彰", 5, .bonus, "每项加1—3分，最高5分"),
            ("4.2", "发生重大违法行政行为被上级通报", 0, .veto(figure: nil, above: 0, demote: false), "造成严重社会影响的，一票否决"),
            ("4.3", "行政诉讼败诉案件", 0, .veto(figure: "litigation.lost", above: 2, demote: true), "败诉超过2件的，降低一个等次"),
        ]
        return AssessmentScheme(
            year: year, version: 1,
            indicators: rows.map { AssessmentIndicator(code: $0.0, name: $0.1, maxScore: $0.2, rule: $0.3, note: $0.4) }
        )
    }

    static func load(_ c: DemoContext, in tx: WriteTransaction) async throws {
        guard let market = c.orgs["清河县市场监督管理局"] else { return }
        try await inspections(c, in: tx)
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

    /// 法治督察 of two units: the 综合行政执法局's problems fed back (its rectification now overdue), the 应急管理局 clean.
    static func inspections(_ c: DemoContext, in tx: WriteTransaction) async throws {
        guard let def = c.catalog.current(RuleOfLawInspectionProcedure.id), let actor = c.actor("sfj.jiandu") else {
            return
        }
        typealias S = RuleOfLawInspectionProcedure.Step
        let base = c.base(span: 60)
        func run(_ unit: String, _ steps: [(String, Int, [String: FactValue])]) async throws {
            guard let body = c.orgs[unit] else { return }
            var file = try await CaseStore.open(def, bodyID: body, today: base.adding(days: -45), in: tx)
            for (action, day, inputs) in steps {
                file = try await CaseStore.take(
                    StepRequest(
                        caseID: file.id, action: action, expectedVersion: file.file.version, inputs: Facts(inputs),
                        officerIDs: [], actor: actor, date: base.adding(days: day)),
                    catalog: c.catalog, calendar: c.calendar, today: c.today, in: tx
                ).0
            }
        }
        let inspect: (Int, [String]) -> [String: FactValue] = { day, findings in
            [
                "inspectionKind": .text("onsite"), "inspectionScope": .text("special"),
                "topic": .text("行政执法“三项制度”落实情况"),
                "methods": .list(["听取汇报", "查阅资料", "抽查案卷"]), "inspectedOn": .date(base.adding(days: day)),
                "inspectors": .text("县依法治县办督察组（林晓岚、周建国）"), "findings": .list(findings),
            ]
        }
        try await run(
            "清河县综合行政执法局",
            [
                (S.inspect, -40, inspect(-40, ["部分行政处罚决定未在7个工作日内公示", "重大执法决定法制审核目录清单未动态调整"])),
                (
                    S.feedBack, -35,
                    [
                        "requirements": .text("逐项整改，完善公示台账，调整法制审核目录清单"),
                        "servedOn": .date(base.adding(days: -35)), "rectifyDays": .number(30),
                    ]
                ),
            ])
        try await run(
            "清河县应急管理局",
            [
                (S.inspect, -30, inspect(-30, [])),
                (S.closeClean, -29, ["conclusion": .text("执法公示、全过程记录和法制审核制度落实到位，未发现问题")]),
            ])
    }
}
