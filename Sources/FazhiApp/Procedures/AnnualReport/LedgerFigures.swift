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
        _ id: String, _ label: String, _ definition: String, _ value: Double, _ unit: String
    ) -> FigureOut {
        FigureOut(id: id, label: label, definition: definition, value: value, unit: unit, records: nil)
    }

    static let duty = FigureSet(
        id: "duty", title: "第一责任人履职",
        compute: { req, year, bodies in
            let entries = try await Ledgers.list(kind: LedgerKinds.duty.id, units: bodies, year: year, on: req.db)
            var out = [figure("entries", "履职记录", "\(year)年登记的第一责任人履职记录", Double(entries.count), "次")]
            for form in LedgerKinds.DutyForm.allCases {
                out.append(
                    figure(
                        "form.\(form.rawValue)", form.chineseName, "\(year)年登记的履职方式为“\(form.chineseName)”的记录",
                        Double(entries.filter { $0["form"] == form.rawValue }.count),
                        form == .instruction ? "件" : "次"))
            }
            return ("\(year)年第一责任人履职记录\(entries.count)次。", out)
        }, page: { SitePath.ledger(kind: LedgerKinds.duty.id, year: $0).path })

    static let courses = FigureSet(
        id: "courses", title: "执法人员培训（期次）",
        compute: { req, year, bodies in
            let entries = try await Ledgers.list(kind: LedgerKinds.course.id, units: bodies, year: year, on: req.db)
            let attendance = entries.map { $0.lines("attendees").count }.reduce(0, +)
            let hours = entries.map { $0.number("hours") * Double($0.lines("attendees").count) }.reduce(0, +)
            return (
                "\(year)年组织执法人员培训\(entries.count)期、参训\(attendance)人次。",
                [
                    figure("courses", "执法人员培训", "\(year)年登记的执法人员培训期次", Double(entries.count), "期"),
                    figure("attendance", "参训人次", "\(year)年各期培训参训人员之和", Double(attendance), "人次"),
                    figure("hours", "参训学时", "\(year)年各期培训学时×参训人数之和", hours, "学时"),
                ]
            )
        }, page: { SitePath.ledger(kind: LedgerKinds.course.id, year: $0).path })

    static let exams = FigureSet(
        id: "exams", title: "执法资格考试",
        compute: { req, year, bodies in
            let entries = try await Ledgers.list(kind: LedgerKinds.exam.id, units: bodies, year: year, on: req.db)
            let candidates = entries.map { $0.scores("scores").count }.reduce(0, +)
            let passed = entries.map { e in e.scores("scores").filter { $0.score >= e.number("passMark") }.count }
                .reduce(0, +)
            return (
                "\(year)年组织执法资格考试\(entries.count)次，参考\(candidates)人，合格\(passed)人。",
                [
                    figure("exams", "执法资格考试", "\(year)年登记的行政执法人员资格考试", Double(entries.count), "次"),
                    figure("candidates", "参加考试", "\(year)年各次考试的考生人数之和", Double(candidates), "人"),
                    figure("passed", "考试合格", "\(year)年各次考试成绩不低于合格分数线的人数之和", Double(passed), "人"),
                    figure(
                        "passRate", "考试合格率", "考试合格 ÷ 参加考试",
                        candidates == 0 ? 0 : Double(passed) / Double(candidates), "比率"),
                    figure(
                        "certificates", "核发执法证", "\(year)年考试合格后核发的执法证件",
                        entries.map { $0.number("certificates") }.reduce(0, +), "个"),
                ]
            )
        }, page: { SitePath.ledger(kind: LedgerKinds.exam.id, year: $0).path })

    /// 单位填报: each indicator summed over the units that reported it, its definition naming the sources.
    static let indicators = FigureSet(
        id: "indicators", title: "单位填报指标",
        compute: { req, year, bodies in
            let entries = try await Ledgers.list(kind: LedgerKinds.indicator.id, units: bodies, year: year, on: req.db)
            let out = LedgerKinds.ReportedIndicator.allCases.map { i in
                let mine = entries.filter { $0["indicator"] == i.rawValue }
                let sources = mine.map { "\($0["source"])（\($0["attachment"])）" }.joined(separator: "；")
                return figure(
                    i.rawValue, i.chineseName,
                    "单位填报：\(year)年\(i.chineseName)" + (sources.isEmpty ? "" : "，来源：\(sources)"),
                    mine.map { $0.number("value") }.reduce(0, +), i.unit)
            }
            return ("\(year)年单位填报指标\(entries.count)项。", out)
        }, page: { SitePath.ledger(kind: LedgerKinds.indicator.id, year: $0).path })

    /// 工作要点: the tasks due in the year, done, and overdue as of today.
    static let workPlan = FigureSet(
        id: "workPlan", title: "工作要点",
        compute: { req, year, bodies in
            let entries = try await Ledgers.list(kind: LedgerKinds.workPlan.id, units: bodies, year: year, on: req.db)
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
        }, page: { SitePath.ledger(kind: LedgerKinds.workPlan.id, year: $0).path })

    /// Next year's 工作要点 tasks as part 四 drafts them: the task, its lead unit and its 完成时限.
    static func plans(_ req: Request, year: Int, units: Set<UUID>) async throws -> [String] {
        try await Ledgers.list(kind: LedgerKinds.workPlan.id, units: units, year: year + 1, on: req.db).reversed().map {
            e in
            let task = e["task"].trimmingCharacters(in: CharacterSet(charactersIn: "。；; "))
            return "\(task)（牵头单位：\(e["owner"])，完成时限：\(CaseDocuments.chineseDate(e.on))）。"
        }
    }

    static let contributions: [ReportContribution] =
        [
            ReportContribution(
                .safeguards, set: "duty", sentences: [],
                shortfalls: [
                    Shortfall("form.lawReport", .below(1, unlessZero: "entries"), "党政主要负责人年度述法尚未开展。")
                ],
                firstResponsibility: [
                    "主要负责人主持召开会议研究法治建设工作{form.chaired}次。",
                    "主要负责人听取法治建设工作汇报{form.heard}次。",
                    "主要负责人对法治建设工作作出批示{form.instruction}件。",
                    "主要负责人开展述法{form.lawReport}次。",
                    "主要负责人组织宪法宣誓{form.oath}次。",
                ]),
            ReportContribution(
                .enforcement, set: "courses", sentences: ["组织执法人员培训{courses}期、参训{attendance}人次。"],
                compared: ["courses", "attendance"]),
            ReportContribution(
                .enforcement, set: "exams",
                sentences: ["组织行政执法人员资格考试{exams}次，参加考试{candidates}人、合格{passed}人。", "考试合格后核发执法证{certificates}个。"],
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
                sentences: items.map { "据单位填报，全年\($0.chineseName){\($0.rawValue)}\($0.unit)。" })
        }
}
