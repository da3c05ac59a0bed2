import FazhiCore
import FazhiStore
import Foundation

extension EnforcementStatisticsPage {
    struct View {
        let model: Model

        func render() -> HTML {
            let m = model
            let years = HTML.join(
                m.years.map { "<option\(HTML(raw: $0 == m.year ? " selected" : ""))>\(String($0))</option>" as HTML })
            let xlsx =
                "\(SitePath.enforcementStatistics.path)?year=\(String(m.year))\(m.only.map { "&body=\($0.uuidString)" } ?? "")&format=xlsx"
            let months: HTML =
                m.monthRows.isEmpty
                ? ""
                : "<h2>\(m.names[m.only!] ?? "")各月</h2>\(table(m.monthRows.map { ($0, "\($0.month!)月") }, id: nil))"
            let uses = DataTable(
                id: "item-use", columns: [.init("事项编码"), .init("事项名称"), .init("实施主体"), .init("案件数", numeric: true)],
                rows: m.uses.map { u in
                    [
                        .text(u.code, class: "mono"), .text(u.name), .text(u.body),
                        DataTable.Cell(
                            FigureLink(value: u.cases, path: m.casesPath(body: u.bodyID, month: nil, item: u.code))
                                .render(), sort: String(u.cases), class: "num"),
                    ]
                }, empty: "权责清单中没有行政处罚事项。", rowClasses: m.uses.map { $0.cases == 0 ? "unused" : nil }
            ).render()
            return """
                <form method="get" action="\(SitePath.enforcementStatistics.path)" class="card search"><label for="year">年度</label><select id="year" name="year">\(years)</select>
                <label for="body">执法主体</label><select id="body" name="body">\(RegistryViews.bodyOptions(m.bodies, selected: m.only))</select><button type="submit">查看</button>
                <a href="\(xlsx)">导出 Excel</a></form>
                <h2>\(String(m.year))年各月立案及检查</h2><div class="card" id="month-bars">\(m.monthChart?.render() ?? "")\(m.fineChart?.render() ?? "")</div>
                <h2>按执法主体</h2>\(m.bodyChart?.render() ?? "")<p class="muted">按立案（检查）日期归年、月；法制审核率 = 经法制审核的普通程序处罚决定 ÷ 普通程序处罚决定；超期指超过第六十条办案期限作出决定或仍未决定。</p>
                \(table(m.yearRows.map { ($0, m.names[$0.bodyID] ?? "") }, id: "statistics"))
                \(months)
                <h2>行政处罚事项履职情况（\(String(m.year))年）</h2>
                <p>权责清单中的行政处罚事项 <b>\(m.uses.count)</b> 项，本年度有案件的 <b id="items-used">\(m.used)</b> 项，履职率 <b id="use-rate">\(m.useRate)</b>。从未使用的事项排在前面。</p>
                \(uses)
                """
        }

        func table(_ rows: [(CaseFigures, String)], id: String?) -> HTML {
            let m = model
            func link(_ n: Int, _ f: CaseFigures, outcome: String? = nil) -> DataTable.Cell {
                DataTable.Cell(
                    FigureLink(value: n, path: m.casesPath(body: f.bodyID, month: f.month, outcome: outcome)).render(),
                    sort: String(n), class: "num")
            }
            let columns = EnforcementStatisticsPage.headers.enumerated().map {
                // The first column holds the body, or the month on one body's table.
                DataTable.Column($0.offset == 0 ? "执法主体/月份" : $0.element, numeric: $0.offset > 0)
            }
            return DataTable(
                id: id, columns: columns,
                rows: rows.map { (f, label) in
                    [
                        .text(label), link(f.opened, f), .number(f.penaltyCases), .number(f.inspections),
                        link(f.penalties, f, outcome: "penalty"),
                        link(f.noPenalty, f, outcome: "no_penalty"), .number(f.transferred), .money(f.fines),
                        DataTable.Cell(
                            "\(f.averageHandlingDays.map { String(format: "%.1f", $0) } ?? "—")", class: "num"),
                        DataTable.Cell(
                            "\(f.overdue)", sort: String(f.overdue), class: f.overdue > 0 ? "due overdue" : "num"),
                        DataTable.Cell(
                            "\(f.reviewRate.map { String(format: "%.0f%%", $0 * 100) } ?? "—")", class: "num"),
                        .number(f.heard),
                    ]
                }, empty: "本年度尚无案件。"
            ).render()
        }
    }
}
