import FazhiCore
import FazhiStore
import Vapor

/// 决策台账 (第三十三条 过程记录): every decision of the bodies the user reads that was under way in a year, as Excel — its
/// stage, which of the five procedures it went through and when, publication, execution progress, 后评估 and adjustments —
/// with a title row and a 合计 row whose counts sum the columns.
enum DecisionLedgerExport {
    static let header = [
        "序号", "决策事项", "决策机关", "承办单位", "列入目录", "阶段", "启动日期", "公开征求意见", "收到意见", "采纳意见", "听证会", "专家论证",
        "风险评估", "合法性审查", "集体讨论日期", "公布日期", "执行单位", "执行进度（%）", "后评估", "调整次数",
    ]

    static func register(_ console: any RoutesBuilder) {
        console.get("major-decisions.xlsx") { req async throws -> Response in
            let user = try req.requireUser()
            let today = req.fazhi.today
            let asked = (try? req.query.get(Int.self, at: "year")) ?? today.year
            let year = (2000...(today.year + 1)).contains(asked) ? asked : today.year
            let cases = try await CaseStore.filesOpenDuring(
                procedure: MajorDecisionProcedure.id, bodies: user.readable, year: year, on: req.db)
            let names = try await CasesConsole.bodyNames(req)
            return try TableResponse.xlsx(
                sheet(cases, names: names, year: year, exportedOn: today), sheet: "决策台账",
                filename: "重大行政决策台账（\(year)年）")
        }
    }

    static func sheet(_ cases: [StoredCase], names: [UUID: String], year: Int, exportedOn day: CivilDate) -> [[String]]
    {
        typealias F = MajorDecisionFact
        typealias S = MajorDecisionProcedure.Step
        let def = ProcedureCatalog.standard.current(MajorDecisionProcedure.id)
        func on(_ f: CaseFile, _ action: String) -> String { f.lastStep(action)?.on.description ?? "" }
        let rows = cases.enumerated().map { i, c -> [String] in
            let f = c.file
            let progress = f.steps.last { $0.action == S.reportProgress }?.inputs.number(F.progressPercent.id)
            return [
                String(i + 1), f.facts[F.title] ?? c.number, names[f.bodyID] ?? "", f.facts[F.undertaker] ?? "",
                (f.facts[F.outsideCatalogueReason] ?? "").isEmpty ? "是" : "否", def?.state(f.state)?.name ?? f.state,
                f.steps.first?.on.description ?? "", on(f, S.closeConsultation),
                String(Int(f.facts[F.commentsReceived] ?? 0)), String(Int(f.facts[F.commentsAdopted] ?? 0)),
                on(f, S.hearing), on(f, S.expertReview), on(f, S.riskAssessment), on(f, S.passReview),
                f.facts[F.decidedOn]?.description ?? "", f.facts[F.publishedOn]?.description ?? "",
                f.facts[F.executionUnit] ?? "", progress.map { String(Int($0)) } ?? "", on(f, S.evaluate),
                String(Int(f.facts[F.adjustments] ?? 0)),
            ]
        }
        func count(_ column: Int) -> String { String(rows.filter { !$0[column].isEmpty }.count) }
        func sum(_ column: Int) -> String { String(rows.reduce(0) { $0 + (Int($1[column]) ?? 0) }) }
        let total = [
            "合计", "\(rows.count)", "", "", String(rows.filter { $0[4] == "是" }.count), "", "", count(7), sum(8), sum(9),
            count(10), count(11), count(12), count(13), count(14), count(15), "", "", count(18), sum(19),
        ]
        let title = ["重大行政决策台账（\(year)年，导出日期 \(day)）"] + Array(repeating: "", count: header.count - 1)
        return [title, header] + rows + [total]
    }
}
