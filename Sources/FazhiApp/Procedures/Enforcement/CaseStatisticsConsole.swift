import FazhiCore
import FazhiOffice
import FazhiStore
import Vapor

/// 执法统计: per body and month, the figures the seeds' annual reports give (cases, outcomes, fines, handling days,
/// overdue, 法制审核率, hearings), and how often each 行政处罚 item was used (履职率). Every figure links to its cases.
enum CaseStatisticsConsole {
    static func register(_ console: any RoutesBuilder) {
        console.get("statistics") { req async throws -> Response in
            let user = try req.requireUser()
            let today = req.fazhi.today
            let year = req.query[Int.self, at: "year"] ?? today.year
            let bodies = try await EnforcementBodies.all(on: req.db).filter { user.readable.contains($0.organisationId) }
            let names = Dictionary(bodies.map { ($0.organisationId, $0.organisationName) }, uniquingKeysWith: { a, _ in a })
            let only = req.query[String.self, at: "body"].flatMap(UUID.init(uuidString:)).flatMap { names[$0] != nil ? $0 : nil }
            let scope = only.map { Set([$0]) } ?? Set(bodies.map(\.organisationId))
            let figures = try await CaseStatistics.figures(year: year, bodies: scope, today: today, on: req.db)
            let uses = try await CaseStatistics.powerItemUse(year: year, bodies: scope, today: today, on: req.db)

            func link(_ text: String, body: UUID, month: Int?, outcome: String? = nil, item: String? = nil) -> HTML {
                var q = "body=\(body.uuidString)&month=\(month.map { String(format: "%04d-%02d", year, $0) } ?? String(year))"
                if let outcome { q += "&outcome=\(outcome)" }
                if let item { q += "&item=\(item)" }
                return "<a href=\"/console/cases?\(q)\">\(text)</a>"
            }
            func row(_ f: CaseFigures, label: String) -> HTML {
                """
                <tr><td>\(label)</td><td data-sort="\(f.opened)">\(link(String(f.opened), body: f.bodyID, month: f.month))</td><td>\(f.penaltyCases)</td><td>\(f.inspections)</td>
                <td data-sort="\(f.penalties)">\(link(String(f.penalties), body: f.bodyID, month: f.month, outcome: "penalty"))</td>
                <td>\(link(String(f.noPenalty), body: f.bodyID, month: f.month, outcome: "no_penalty"))</td><td>\(f.transferred)</td>
                <td data-sort="\(Int(f.fines))">\(Yuan.text(f.fines))</td><td>\(f.averageHandlingDays.map { String(format: "%.1f", $0) } ?? "—")</td>
                <td class="\(HTML(raw: f.overdue > 0 ? "due overdue" : ""))">\(f.overdue)</td>
                <td>\(f.reviewRate.map { String(format: "%.0f%%", $0 * 100) } ?? "—")</td><td>\(f.heard)</td></tr>
                """
            }
            let yearRows = figures.filter { $0.month == nil }
            let head: HTML = "<thead><tr><th>执法主体/月份</th><th>立案及检查</th><th>行政处罚案件</th><th>行政检查</th><th>处罚决定</th><th>不予处罚</th><th>移送</th><th>罚款（元）</th><th>平均办案天数</th><th>超期</th><th>法制审核率</th><th>听证</th></tr></thead>"
            // Monthly bars: cases opened per month across the bodies shown.
            var perMonth = Array(repeating: 0, count: 13)
            for f in figures { if let m = f.month { perMonth[m] += f.opened } }
            let maxMonth = max(1, perMonth.max() ?? 1)
            let bars = (1...12).map { m -> HTML in
                "<div class=\"bar-row\"><span>\(m)月</span><progress class=\"bar\" max=\"\(maxMonth)\" value=\"\(perMonth[m])\">\(perMonth[m])</progress><span>\(perMonth[m])</span></div>"
            }
            let monthRows = only.map { b in figures.filter { $0.month != nil && $0.bodyID == b }.map { row($0, label: "\($0.month!)月") } } ?? []
            let used = uses.filter { $0.cases > 0 }.count
            let useRows = uses.sorted { ($0.cases, $0.code) < ($1.cases, $1.code) }.map { u -> HTML in
                "<tr\(HTML(raw: u.cases == 0 ? " class=\"unused\"" : ""))><td class=\"mono\">\(u.code)</td><td>\(u.name)</td><td>\(names[u.bodyID] ?? "")</td><td data-sort=\"\(u.cases)\">\(link(String(u.cases), body: u.bodyID, month: nil, item: u.code))</td></tr>"
            }
            if req.query[String.self, at: "format"] == "xlsx" {
                let rows = [["执法主体", "立案及检查", "行政处罚案件", "行政检查", "处罚决定", "不予处罚", "移送", "罚款（元）", "平均办案天数", "超期", "法制审核率", "听证"]]
                    + yearRows.map { f in [names[f.bodyID] ?? "", String(f.opened), String(f.penaltyCases), String(f.inspections), String(f.penalties), String(f.noPenalty), String(f.transferred),
                                           Yuan.number(f.fines), f.averageHandlingDays.map { String(format: "%.1f", $0) } ?? "", String(f.overdue),
                                           f.reviewRate.map { String(format: "%.0f%%", $0 * 100) } ?? "", String(f.heard)] }
                return try TableResponse.xlsx(rows, sheet: "\(year)年执法统计", filename: "执法统计-\(year)")
            }
            let years = (max(2020, today.year - 5)...today.year).reversed().map { "<option\(HTML(raw: $0 == year ? " selected" : ""))>\(String($0))</option>" as HTML }
            return Views.console("执法统计", user: user, request: req, active: "/console/statistics", flash: Flash.take(req), """
            <form method="get" action="/console/statistics" class="card search"><label for="year">年度</label><select id="year" name="year">\(HTML.join(years))</select>
            <label for="body">执法主体</label><select id="body" name="body">\(RegistryViews.bodyOptions(bodies, selected: only))</select><button type="submit">查看</button>
            <a href="/console/statistics?year=\(String(year))\(only.map { "&body=\($0.uuidString)" } ?? "")&format=xlsx">导出 Excel</a></form>
            <h2>\(String(year))年各月立案及检查</h2><div class="card counts" id="month-bars">\(HTML.join(bars))</div>
            <h2>按执法主体</h2><p class="muted">按立案（检查）日期归年、月；法制审核率 = 经法制审核的普通程序处罚决定 ÷ 普通程序处罚决定；超期指超过第六十条办案期限作出决定或仍未决定。</p>
            <div class="table-wrap"><table class="data" id="statistics">\(head)<tbody>\(HTML.join(yearRows.map { row($0, label: names[$0.bodyID] ?? "") }))</tbody></table></div>
            \(monthRows.isEmpty ? "" : HTML("<h2>\(names[only!] ?? "")各月</h2><div class=\"table-wrap\"><table class=\"data\">\(head)<tbody>\(HTML.join(monthRows))</tbody></table></div>"))
            <h2>行政处罚事项履职情况（\(String(year))年）</h2>
            <p>权责清单中的行政处罚事项 <b>\(uses.count)</b> 项，本年度有案件的 <b id="items-used">\(used)</b> 项，履职率 <b id="use-rate">\(uses.isEmpty ? "—" : String(format: "%.1f%%", Double(used) / Double(uses.count) * 100))</b>。从未使用的事项排在前面。</p>
            <div class="table-wrap"><table class="data" id="item-use"><thead><tr><th>事项编码</th><th>事项名称</th><th>实施主体</th><th>案件数</th></tr></thead><tbody>\(HTML.join(useRows))</tbody></table></div>
            """)
        }
    }
}
