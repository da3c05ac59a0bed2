import FazhiCore
import FazhiStore
import Vapor

/// 双随机、一公开 in a year's figures: tasks drawn (and cancelled), targets in scope and drawn, the ratio achieved,
/// targets inspected, problems found (责令整改 or 立案查处), cases opened, results published and published on time — from
/// the draw tasks and the 行政检查 cases they opened (a joint task counts once, its inspections at each department).
enum RandomDrawFigures {
    static let figures = FigureSet(id: "random_inspection", title: "双随机、一公开") { req, year, bodies in
        let tasks = try await RandomDraws.tasks(bodies: bodies, limit: 10_000, on: req.readDB).filter {
            ($0.drawnOn ?? $0.createdOn).year == year
        }
        let drawn = tasks.filter { $0.state == .drawn }
        var inspected = 0, problems = 0, cases = 0, published = 0, onTime = 0
        for t in drawn {
            // A joint task's inspections at each department taking part that is counted.
            for o in t.openedCases where bodies.contains(o.body) {
                guard let f = try await CaseStore.load(o.caseID, on: req.readDB)?.file else { continue }
                if let result = f.facts[EnforcementFact.result] {
                    inspected += 1
                    if result != "none" { problems += 1 }
                    if result == "case" { cases += 1 }
                }
                if f.facts[EnforcementFact.resultPublishedOn] != nil {
                    published += 1
                    if f.facts[EnforcementFact.resultPublishedLate] != true { onTime += 1 }
                }
            }
        }
        let inScope = drawn.reduce(0) { $0 + $1.targetCount }, picked = drawn.reduce(0) { $0 + $1.result.count }
        func f(_ id: String, _ label: String, _ definition: String, _ v: Double, _ unit: String) -> FigureOut {
            FigureOut(id: id, label: label, definition: definition, value: v, unit: unit, records: nil)
        }
        let ratio = inScope == 0 ? 0 : (Double(picked) / Double(inScope) * 1_000).rounded() / 10
        let out = [
            f("tasks", "抽查任务", "本年抽取的双随机抽查任务", Double(drawn.count), "次"),
            f("cancelled", "作废任务", "本年作废（说明理由）的任务", Double(tasks.filter { $0.state == .cancelled }.count), "次"),
            f("inScope", "抽取范围内的检查对象", "各任务抽取范围内的检查对象之和", Double(inScope), "户次"),
            f("drawn", "抽中的检查对象", "各任务抽中的检查对象之和", Double(picked), "户次"),
            f("ratio", "抽查比例", "抽中数 ÷ 抽取范围内数", ratio, "%"),
            f("inspected", "已检查", "抽中对象中已记录检查结果的", Double(inspected), "户次"),
            f("problems", "发现问题", "检查结果为责令整改或者立案查处的", Double(problems), "户次"),
            f("cases", "立案查处", "检查结果为立案查处的", Double(cases), "户次"),
            f("published", "结果已公示", "检查结果已公示的", Double(published), "户次"),
            f("publishedOnTime", "按时公示", "在规定期限内公示的", Double(onTime), "户次"),
        ]
        let summary =
            "\(year)年开展双随机抽查\(drawn.count)次，抽查检查对象\(picked)户次（抽查比例\(Yuan.number(ratio))%），已检查\(inspected)户次，发现问题\(problems)户次，结果公示\(published)户次"
        return (summary, out)
    }
}
