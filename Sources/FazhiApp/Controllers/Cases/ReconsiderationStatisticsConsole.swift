import FazhiCore
import FazhiStore
import Vapor

/// 行政复议统计: a year's figures as the annual reports give them (收案, 受理, 不予受理, 审结 and each decision type, 纠错率),
/// each figure a link that lists the cases it counts.
enum ReconsiderationStatisticsConsole {
    static func register(_ console: any RoutesBuilder) {
        console.get("reconsideration", "statistics") { req async throws -> Response in
            let user = try req.requireUser()
            let year = req.query[Int.self, at: "year"] ?? req.fazhi.today.year
            let stored = try await CaseStore.files(procedure: ReconsiderationProcedure.id, bodies: user.readable, year: year, on: req.db)
            let stats = ReconsiderationYear.count(stored.map(\.file), year: year)
            let byID = Dictionary(stored.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            func cell(_ f: ReconsiderationYear.Figure) -> HTML {
                "<tr><td>\(f.label)</td><td data-sort=\"\(f.count)\"><a href=\"/console/reconsideration/statistics?year=\(year)&figure=\(f.id)#cases\" id=\"figure-\(f.id)\">\(f.count)</a></td></tr>"
            }
            let main = ["received", "accepted", "deemed", "refused", "pending", "concluded"].compactMap(stats.figure)
            let kinds = stats.figures.filter { $0.id.hasPrefix("outcome.") || ["terminated", "abandoned", "refused"].contains($0.id) }
            let concluded = max(1, stats.figure("concluded")?.count ?? 1)
            let bars = HTML.join(kinds.filter { $0.count > 0 }.map { f in
                "<div class=\"bar-row\"><span>\(f.label)</span><progress class=\"bar\" max=\"\(concluded)\" value=\"\(f.count)\"></progress><b>\(f.count)</b></div>"
            })
            var listing: HTML = ""
            if let id = req.query[String.self, at: "figure"], let f = stats.figure(id) {
                let def = req.fazhi.procedures.current(ReconsiderationProcedure.id)
                let rows = HTML.join(f.cases.compactMap { byID[$0] }.map { c in
                    let x = c.file.facts
                    return """
                    <tr><td class="mono"><a href="/console/cases/\(c.id.uuidString)">\(c.number)</a></td><td>\(x.text("applicantName") ?? "")</td><td>\(x.text("respondent") ?? "")</td>
                    <td>\(x.date("receivedOn")?.description ?? "")</td><td>\(def?.stateName(c.file.state) ?? c.file.state)</td>
                    <td>\(x.date("decidedOn") != nil ? Reconsideration.outcomeName(x.text("outcome") ?? "") : "")</td></tr>
                    """
                })
                listing = """
                <h2 id="cases">\(f.label)：\(f.count) 件</h2>
                <div class="table-wrap"><table class="data"><thead><tr><th>案号</th><th>申请人</th><th>被申请人</th><th>收到申请</th><th>阶段</th><th>决定</th></tr></thead><tbody>\(rows)</tbody></table></div>
                """
            }
            let body: HTML = """
            <form method="get" class="search"><label for="year">年度</label><input id="year" name="year" type="number" value="\(year)" min="2000" max="2100"><button type="submit">查看</button></form>
            <p>\(year)年收到行政复议申请 <b>\(stats.figure("received")?.count ?? 0)</b> 件，审结 <b>\(stats.figure("concluded")?.count ?? 0)</b> 件；纠错率（撤销、部分撤销、变更、确认违法、责令履行、确认无效占审结）<b id="correction-rate">\(stats.correctionRate.map { String(format: "%.1f%%", $0 * 100) } ?? "—")</b>。点击数字查看所统计的案件。</p>
            <div class="grid2"><div><table class="data"><thead><tr><th>项目</th><th>件数</th></tr></thead><tbody>\(HTML.join(main.map(cell)))</tbody></table></div>
            <div><h2>审结方式</h2>\(kinds.allSatisfy { $0.count == 0 } ? HTML("<p class=\"muted\">本年度尚无审结案件。</p>") : HTML("<div class=\"counts\">\(bars)</div>"))
            <table class="data"><thead><tr><th>审结方式</th><th>件数</th></tr></thead><tbody>\(HTML.join(kinds.map(cell)))</tbody></table></div></div>
            \(listing)
            """
            return Views.console("行政复议统计", user: user, request: req, active: "/console/reconsideration/statistics", body)
        }
    }
}
