import FazhiCore
import FazhiStore
import Vapor

/// 复议·应诉·调解统计: a year's figures as the annual reports give them — 行政复议 (收案, 受理, 不予受理, 审结 and each decision
/// type, 纠错率), 行政应诉 (负责人出庭率, 败诉率) and 调解 (受理数, 调解数, 调解成功数, 调解率, 调解成功率) — over the bodies the
/// user may read, by body, each figure a link that lists the cases it counts. Read from the kept sums (`YearFigures`).
enum YearFiguresConsole {
    /// The procedures that keep yearly figures, one page each.
    static var procedures: [String] { ProcedureCatalog.standard.withStatistics.map(\.id) }

    static func register(_ console: any RoutesBuilder) {
        for id in procedures {
            console.get(PathComponent(stringLiteral: id), "statistics") { req async throws -> Response in try await page(req, procedure: id) }
        }
    }

    static func path(_ procedure: String) -> String { SitePath.yearFigures(procedure: procedure, year: nil).path }

    /// The navigation entry the figure pages share (the first procedure's page).
    static var navPath: String {
        AppModules.all.flatMap(\.navigation).first { if case .yearFigures = $0.path { true } else { false } }?.path.path ?? path(procedures.first ?? "")
    }

    static func page(_ req: Request, procedure: String) async throws -> Response {
        let user = try req.requireUser()
        guard let def = req.fazhi.procedures.current(procedure), let stats = def.statistics else { throw APIError.notFound("没有该统计") }
        let year = req.query[Int.self, at: "year"] ?? req.fazhi.today.year
        guard (2000...2100).contains(year) else { throw DomainError.invalid(field: "year", message: "年度应在2000至2100之间") }
        let tally = try await YearFigures.tally(def, year: year, bodies: user.readable, on: req.db)!
        let byBody = try await YearFigures.byBody(def, year: year, bodies: user.readable, on: req.db)
        let names = try await CasesConsole.bodyNames(req)
        let main = stats.figures.filter(\.main)
        let base = "\(path(procedure))?year=\(year)"

        func link(_ f: ProcedureStatistics.Figure) -> HTML {
            "<a href=\"\(base)&figure=\(f.id)#cases\" id=\"figure-\(f.id)\">\(tally.count(f.id))</a>"
        }
        let breakdown = stats.figures.filter { !$0.main }
        let rates = HTML.join(stats.rates.map { r in
            "<div class=\"stat\"><div class=\"muted small\">\(r.label)</div><b id=\"\(r.id)-rate\">\(FigureTally.percent(tally.rate(r)))</b><div class=\"muted small\">\(r.formula)</div></div>"
        })
        let mainRows = HTML.join(main.map { f in "<tr><td>\(f.label)</td><td data-sort=\"\(tally.count(f.id))\">\(link(f))</td></tr>" })
        let widest = max(1, breakdown.map { tally.count($0.id) }.max() ?? 1)
        let bars = HTML.join(breakdown.filter { tally.count($0.id) > 0 }.map { f in
            "<div class=\"bar-row\"><span>\(f.label)</span><progress class=\"bar\" max=\"\(widest)\" value=\"\(tally.count(f.id))\"></progress><b>\(link(f))</b></div>"
        })
        let bodyRows = HTML.join(byBody.sorted { (names[$0.key] ?? "") < (names[$1.key] ?? "") }.map { (body, t) -> HTML in
            let cells = HTML.join(main.map { f in "<td data-sort=\"\(t.count(f.id))\">\(t.count(f.id))</td>" })
            let rateCells = HTML.join(stats.rates.map { r in "<td data-sort=\"\(Int((t.rate(r) ?? -1) * 1000))\">\(FigureTally.percent(t.rate(r)))</td>" })
            return "<tr><td>\(names[body] ?? body.uuidString)</td>\(cells)\(rateCells)</tr>"
        })
        if req.query[String.self, at: "format"] == "xlsx" {
            // The year's table as the annual report wants it: each body, then 合计; or, for one figure, its cases (台账).
            if let id = req.query[String.self, at: "figure"], let f = stats.figure(id) {
                let cases = try await YearFigures.cases(procedure, figure: id, year: year, bodies: user.readable, limit: 100_000, on: req.db)
                return try TableResponse.xlsx([["案号", "当事人", "单位", "登记日期", "阶段", "结果"]] + cases.map {
                    [$0.number, def.presentation.partyName($0.file.facts), names[$0.file.bodyID] ?? "", $0.openedOn, def.stateName($0.file.state), def.presentation.result($0.file)]
                }, sheet: f.label, filename: "\(stats.title)-\(year)-\(f.label)")
            }
            func row(_ name: String, _ t: FigureTally) -> [String] {
                [name] + stats.figures.map { String(t.count($0.id)) } + stats.rates.map { FigureTally.percent(t.rate($0)) }
            }
            let header = ["单位"] + stats.figures.map(\.label) + stats.rates.map(\.label)
            let bodies = byBody.sorted { (names[$0.key] ?? "") < (names[$1.key] ?? "") }.map { row(names[$0.key] ?? $0.key.uuidString, $0.value) }
            return try TableResponse.xlsx([header] + bodies + [row("合计", tally)], sheet: "\(year)年", filename: "\(stats.title)-\(year)")
        }
        var listing: HTML = ""
        if let id = req.query[String.self, at: "figure"], let f = stats.figure(id) {
            let cases = try await YearFigures.cases(procedure, figure: id, year: year, bodies: user.readable, on: req.db)
            let rows = HTML.join(cases.map { c in
                """
                <tr><td class="mono"><a href="/console/cases/\(c.id.uuidString)">\(c.number)</a></td><td>\(def.presentation.partyName(c.file.facts))</td><td>\(names[c.file.bodyID] ?? "")</td>
                <td>\(c.openedOn)</td><td>\(def.stateName(c.file.state))</td><td>\(def.presentation.result(c.file))</td></tr>
                """
            })
            listing = """
            <h2 id="cases">\(f.label)：\(tally.count(id)) 件</h2><p><a href="\(base)&figure=\(f.id)&format=xlsx" id="figure-xlsx">导出台账（Excel）</a></p>\(tally.count(id) > cases.count ? HTML("<p class=\"muted\">列出最近的 \(cases.count) 件。</p>") : "")
            <div class="table-wrap"><table class="data"><thead><tr><th>案号</th><th>当事人</th><th>单位</th><th>登记日期</th><th>阶段</th><th>结果</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
        }
        let tabs = HTML.join(procedures.compactMap { req.fazhi.procedures.current($0) }.map { d in
            "<a href=\"\(path(d.id))?year=\(year)\"\(HTML(raw: d.id == procedure ? " class=\"active\"" : ""))>\(d.statistics?.title ?? d.name)</a>"
        })
        let body: HTML = """
        <nav class="tabs">\(tabs)</nav>
        <form method="get" class="search"><label for="year">年度</label><input id="year" name="year" type="number" value="\(year)" min="2000" max="2100"><button type="submit">查看</button></form>
        <p>\(stats.summary(tally))点击数字查看所统计的案件。 <a href="\(base)&format=xlsx" id="year-xlsx">导出年度统计表（Excel）</a></p>
        <div class="grid">\(rates)</div>
        <div class="grid2"><div><table class="data"><thead><tr><th>项目</th><th>件数</th></tr></thead><tbody>\(mainRows)</tbody></table></div>
        <div><h2>分类</h2>\(breakdown.allSatisfy({ tally.count($0.id) == 0 }) ? HTML("<p class=\"muted\">本年度尚无数据。</p>") : HTML("<div class=\"counts\">\(bars)</div>"))</div></div>
        <h2>按单位</h2>
        \(byBody.isEmpty ? HTML("<p class=\"muted\">本年度尚无数据。</p>") : HTML("<div class=\"table-wrap\"><table class=\"data\" id=\"by-body\"><thead><tr><th>单位</th>\(HTML.join(main.map { "<th>\($0.label)</th>" as HTML }))\(HTML.join(stats.rates.map { "<th>\($0.label)</th>" as HTML }))</tr></thead><tbody>\(bodyRows)</tbody></table></div>"))
        \(listing)
        """
        return Views.console(stats.title, user: user, request: req, active: navPath, body)
    }
}
