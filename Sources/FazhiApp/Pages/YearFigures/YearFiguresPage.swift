import FazhiCore
import FazhiStore
import Vapor

/// 复议·应诉·调解统计 — a procedure's year in its declared figures (`ProcedureStatistics`): the main figures and rates,
/// the breakdown as bars, by body, and a figure's cases (each figure a link), with Excel of the year's table and of a
/// figure's cases. Read from the kept sums (`YearFigures`). Query → Model → View.
enum YearFiguresPage {
    /// The procedures that keep yearly figures, one page each.
    static var procedures: [String] { ProcedureCatalog.standard.withStatistics.map(\.id) }

    static func register(_ console: any RoutesBuilder) {
        for id in procedures {
            console.get(PathComponent(stringLiteral: id), "statistics") { req async throws -> Response in
                try await get(req, procedure: id)
            }
        }
    }

    static func get(_ req: Request, procedure: String) async throws -> Response {
        let user = try req.requireUser()
        let year = req.query[Int.self, at: "year"] ?? req.fazhi.today.year
        guard (2000...2100).contains(year) else { throw DomainError.invalid(field: "year", message: "年度应在2000至2100之间") }
        let figure = req.query[String.self, at: "figure"]
        let group = req.query[String.self, at: "group"].map { String($0.prefix(100)) }
        let q = try await Query.fetch(
            req, user: user, procedure: procedure, year: year, figure: figure, group: group,
            limit: req.query[String.self, at: "format"] == "xlsx" ? 100_000 : 500)
        if req.query[String.self, at: "format"] == "xlsx" {
            return try xlsx(q, exportedAt: ChinaTime.minute(req.fazhi.now))
        }
        let model = Model(q, catalog: req.fazhi.procedures)
        return Views.console(model.title, user: user, request: req, active: model.navPath, View(model: model).render())
    }

    /// The year's table as the annual report wants it (a title row with the export time, each body, then 合计; by the
    /// second dimension on its own sheet), or a figure's cases (台账).
    static func xlsx(_ q: Query, exportedAt: String) throws -> Response {
        let stats = q.statistics, names = q.bodyNames
        if let (f, cases) = q.listing {
            return try TableResponse.xlsx(
                [["案号", "当事人", "单位", "登记日期", "阶段", "结果"]]
                    + cases.map {
                        [
                            $0.number, q.definition.presentation.partyName($0.file.facts), names[$0.file.bodyID] ?? "",
                            $0.openedOn,
                            q.definition.stateName($0.file.state), q.definition.presentation.result($0.file),
                        ]
                    }, sheet: f.label, filename: "\(stats.title)-\(q.year)-\(f.label)")
        }
        func row(_ name: String, _ t: FigureTally) -> [String] {
            [name] + stats.figures.map { String(t.count($0.id)) } + stats.rates.map { FigureTally.percent(t.rate($0)) }
        }
        let header = ["单位"] + stats.figures.map(\.label) + stats.rates.map(\.label)
        let title = ["\(q.year)年\(stats.title)", "导出时间：\(exportedAt)"]
        let bodies = q.byBody.sorted { (names[$0.key] ?? "") < (names[$1.key] ?? "") }.map {
            row(names[$0.key] ?? $0.key.uuidString, $0.value)
        }
        var sheets: [TableResponse.Sheet] = [
            .init(name: "\(q.year)年", rows: [title, header] + bodies + [row("合计", q.tally)])
        ]
        if let grouping = stats.grouping {
            let groups = q.byGroup.sorted { $0.key < $1.key }.map { row($0.key.isEmpty ? "（未填）" : $0.key, $0.value) }
            sheets.append(
                .init(
                    name: "按\(grouping.label)",
                    rows: [
                        ["\(q.year)年\(stats.title)（按\(grouping.label)）", "导出时间：\(exportedAt)"],
                        [grouping.label] + header.dropFirst(),
                    ] + groups + [row("合计", q.tally)]))
        }
        return try TableResponse.xlsx(sheets, filename: "\(stats.title)-\(q.year)")
    }
}
