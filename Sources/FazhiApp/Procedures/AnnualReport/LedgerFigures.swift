import FazhiCore
import FazhiStore
import Foundation
import Vapor

/// The figures each 台账 counts from its entries (`GET /api/v1/statistics/{duty|courses|exams|indicators|workPlan}`), and
/// what they put into the report.
enum LedgerFigures {
    static let sets = [duty, courses, exams, indicators, workPlan]

    /// A figure counted from a 台账's entries, linked to the 台账 page of the year.
    static func figure(
        _ id: String, _ label: String, _ definition: String, _ value: Double, _ unit: String, applicable: Bool = true
    ) -> FigureOut {
        FigureOut(
            id: id, label: label, definition: definition, value: value, unit: unit, records: nil,
            applicable: applicable ? nil : false)
    }

    /// The unit's own leaders' records (a county's report does not count its departments' heads); a 述法 counts for the
    /// year it reports on, held that year or early the next.
    static let duty = FigureSet(
        id: "duty", title: "第一责任人履职",
        compute: { req, year, bodies in
            let entries = try await Ledgers.list(kind: LedgerKinds.duty.id, units: bodies, year: year, on: req.readDB)
            let next = try await Ledgers.list(kind: LedgerKinds.duty.id, units: bodies, year: year + 1, on: req.readDB)
            let lawReport = LedgerKinds.DutyForm.lawReport.rawValue
            var out = [figure("entries", "履职记录", "\(year)年登记的第一责任人履职记录", Double(entries.count), "次")]
            for form in LedgerKinds.DutyForm.allCases {
                let counted =
                    form == .lawReport
                    ? (entries + next).filter { $0["form"] == lawReport && $0["lawYear"] == String(year) }.count
                    : entries.filter { $0["form"] == form.rawValue }.count
                out.append(
                    figure(
                        "form.\(form.rawValue)", form.chineseName,
                        form == .lawReport
                            ? "述法年度为\(year)年的述法（含次年年初进行的）" : "\(year)年登记的履职方式为“\(form.chineseName)”的记录",
                        Double(counted), form == .instruction ? "件" : "次"))
            }
            return ("\(year)年第一责任人履职记录\(entries.count)次。", out)
        }, page: { SitePath.ledger(kind: LedgerKinds.duty.id, year: $0).path }, ownUnitOnly: true)

    static let courses = FigureSet(
        id: "courses", title: "执法人员培训（期次）",
        compute: { req, year, bodies in
            let entries = try await Ledgers.list(kind: LedgerKinds.course.id, units: bodies, year: year, on: req.readDB)
            let attendance = entries.map { $0.lines("attendees").count }.reduce(0, +)
            let hours = entries.map { $0.number("hours") * Double($0.lines("attendees").count) }.reduce(0, +)
            return (
                "\(year)年组织执法人员培训\(entries.count)期、参训\(attendance)人次。",
                [
                    figure("courses", "执法人员培训", "\(year)年登记的执法人员培训期次", Double(entries.count), "期"),
                    figure("attendance", "参训人次", "\(year)年各期培训参训人员之和", Double(attendance), "人次"),
                    figure("hours", "参训总学时（人·学时）", "\(year)年各期培训学时×参训人数之和", hours, "学时"),
                ]
            )
        }, page: { SitePath.ledger(kind: LedgerKinds.course.id, year: $0).path })

    static let exams = FigureSet(
        id: "exams", title: "组织参加执法资格考试",
        compute: { req, year, bodies in
            let entries = try await Ledgers.list(kind: LedgerKinds.exam.id, units: bodies, year: year, on: req.readDB)
            let candidates = entries.map { $0.scores("scores").count }.reduce(0, +)
            let passed = entries.map { e in e.scores("scores").filter { $0.score >= e.number("passMark") }.count }
                .reduce(0, +)
            let certified = QualifiedOfficer.certified(
                try await QualifiedOfficer.of(entries, kind: LedgerKinds.exam, year: year, on: req.readDB))
            return (
                "\(year)年组织执法资格考试\(entries.count)次，参考\(candidates)人，合格\(passed)人。",
                [
                    figure("exams", "执法资格考试", "\(year)年登记的行政执法人员资格考试", Double(entries.count), "次"),
                    figure("candidates", "参加考试", "\(year)年各次考试的考生人数之和", Double(candidates), "人"),
                    figure("passed", "考试合格", "\(year)年各次考试成绩不低于合格分数线的人数之和", Double(passed), "人"),
                    figure(
                        "passRate", "考试合格率", "考试合格 ÷ 参加考试",
                        candidates == 0 ? 0 : Double(passed) / Double(candidates), "比率", applicable: candidates > 0),
                    figure(
                        "certificates", "申领执法证", "\(year)年为考试合格人员申领的执法证件",
                        entries.map { $0.number("certificates") }.reduce(0, +), "个"),
                    figure(
                        "certified", "合格并已领取执法证", "\(year)年考试合格、执法人员名录中登记了考试后发放的执法证的人数",
                        Double(certified), "人"),
                ]
            )
        }, page: { SitePath.ledger(kind: LedgerKinds.exam.id, year: $0).path })

    /// 单位填报: each indicator summed over the units that reported it, its definition naming the sources.
    static let indicators = FigureSet(
        id: "indicators", title: "单位填报指标",
        compute: { req, year, bodies in
            let entries = try await Ledgers.list(
                kind: LedgerKinds.indicator.id, units: bodies, year: year, on: req.readDB)
            let out = LedgerKinds.ReportedIndicator.allCases.map { i in
                let mine = entries.filter { $0["indicator"] == i.rawValue }
                let sources = mine.map { "\($0["source"])（\($0["attachment"])）" }.joined(separator: "；")
                return figure(
                    i.rawValue, i.chineseName,
                    "单位填报：\(year)年\(i.chineseName)" + (sources.isEmpty ? "" : "，来源：\(sources)"),
                    mine.map { $0.number("value") }.reduce(0, +), i.unit)
            }
            return ("\(year)年单位填报指标\(entries.count)项。", out)
        }, page: { SitePath.ledger(kind: LedgerKinds.indicator.id, year: $0).path }, reported: true)

    /// 工作要点: the tasks due in the year, done, and overdue as of today.
    static let workPlan = FigureSet(
        id: "workPlan", title: "工作要点",
        compute: { req, year, bodies in
            let entries = try await Ledgers.list(
                kind: LedgerKinds.workPlan.id, units: bodies, year: year, on: req.readDB)
            let done = entries.filter { $0["progress"] == LedgerKinds.TaskProgress.done.rawValue }
            let today = req.fazhi.today
            let overdue = entries.filter { $0.on < today && $0["progress"] != LedgerKinds.TaskProgress.done.rawValue }
            return (
                "\(year)年工作要点任务\(entries.count)项，已完成\(done.count)项，逾期未完成\(overdue.count)项。",
                [
                    figure("tasks", "工作要点任务", "完成时限在\(year)年的工作要点任务", Double(entries.count), "项"),
                    figure("done", "已完成任务", "进展为“已完成”的任务", Double(done.count), "项"),
                    figure(
                        "overdue", "逾期未完成任务", "完成时限已过、进展不是“已完成”的任务（截至\(today.description)）", Double(overdue.count), "项"),
                ]
            )
        }, page: { SitePath.ledger(kind: LedgerKinds.workPlan.id, year: $0).path }, ownUnitOnly: true)

    /// Part 四 from the unit's own 工作要点: next year's tasks ("一是…（县司法局牵头，2027年6月底前完成）。"), or, before next
    /// year's plan is issued, this year's tasks still under way ("继续推进…").
    static func plans(_ req: Request, year: Int, unit: UUID) async throws -> [String] {
        let next = try await Ledgers.list(kind: LedgerKinds.workPlan.id, units: [unit], year: year + 1, on: req.readDB)
        if !next.isEmpty {
            return next.reversed().map { e in "\(task(e))（\(e["owner"])牵头，\(due(e.on))前完成）。" }
        }
        let done = LedgerKinds.TaskProgress.done.rawValue
        return try await Ledgers.list(kind: LedgerKinds.workPlan.id, units: [unit], year: year, on: req.readDB)
            .reversed().filter { $0["progress"] != done }.map { e in "继续推进\(task(e))（\(e["owner"])牵头）。" }
    }

    static func task(_ e: LedgerEntry) -> String {
        e["task"].trimmingCharacters(in: CharacterSet(charactersIn: "。；; "))
    }

    /// "2027年6月底" for a month's last day, else "2027年6月15日".
    static func due(_ d: CivilDate) -> String {
        d.adding(days: 1).month != d.month ? "\(d.year)年\(d.month)月底" : "\(d.year)年\(d.month)月\(d.day)日"
    }

    static let contributions: [ReportContribution] =
        [
            ReportContribution(
                .safeguards, set: "duty", sentences: [],
                shortfalls: [
                    Shortfall(
                        "form.lawReport", .below(1, unlessZero: "entries"),
                        "推进法治建设第一责任人职责落实还有差距，主要负责人年度述法尚未开展。")
                ],
                firstResponsibility: [
                    "主要负责人认真履行推进法治建设第一责任人职责", "主持召开会议专题研究部署法治建设工作{form.chaired}次",
                    "审定年度法治建设工作要点或计划{form.deployed}次", "听取法治建设工作汇报{form.heard}次",
                    "就法治建设工作作出批示{form.instruction}次", "督办法治督察反馈问题整改{form.rectification}次",
                    "监誓本级政府任命人员宪法宣誓{form.oath}次", "就本年度履行推进法治建设第一责任人职责情况述法{form.lawReport}次",
                ]),
            ReportContribution(
                .enforcement, set: "courses", sentences: ["组织执法人员培训{courses}期、参训{attendance}人次。"],
                compared: ["courses", "attendance"]),
            ReportContribution(
                .enforcement, set: "exams",
                sentences: [
                    "组织{candidates}人参加行政执法资格考试，合格{passed}人。", "为考试合格人员申领行政执法证件{certificates}个。",
                    "考试合格人员中已有{certified}人领取行政执法证件。",
                ],
                compared: ["candidates", "passed"]),
            ReportContribution(
                .safeguards, set: "workPlan", sentences: ["制定年度法治政府建设工作要点，明确任务{tasks}项，已完成{done}项。"],
                shortfalls: [Shortfall("overdue", .above(0), "年度工作要点中有{overdue}项任务逾期未完成。")]),
        ]
        + Dictionary(grouping: LedgerKinds.ReportedIndicator.allCases, by: \.system).sorted {
            $0.key.rawValue < $1.key.rawValue
        }
        .map { system, items in
            ReportContribution(
                system, set: "indicators",
                sentences: items.map(\.sentence))
        }
}
