import FazhiCore
import Foundation

extension YearFiguresPage {
    struct View {
        let model: Model

        func render() -> HTML {
            let m = model
            let tabs = HTML.join(
                m.tabs.map {
                    "<a href=\"\($0.path)\"\(HTML(raw: $0.active ? " class=\"active\"" : ""))>\($0.title)</a>" as HTML
                })
            let rates = HTML.join(
                m.rates.map { r in
                    "<div class=\"stat\"><div class=\"muted small\">\(r.label)</div><b id=\"\(r.id)-rate\">\(r.value)</b><div class=\"muted small\">\(r.formula)</div></div>"
                        as HTML
                })
            let main = DataTable(
                columns: [.init("项目"), .init("件数", numeric: true)],
                rows: m.main.map { f in
                    [
                        .text(f.label),
                        DataTable.Cell(
                            FigureLink(value: f.count, path: f.path, id: "figure-\(f.id)").render(),
                            sort: String(f.count), class: "num"),
                    ]
                }, empty: "本年度尚无数据。"
            ).render()
            let widest = max(1, m.breakdown.map(\.count).max() ?? 1)
            let shown = m.breakdown.filter { $0.count > 0 }
            let bars = HTML.join(
                shown.map { f in
                    "<div class=\"bar-row\"><span>\(f.label)</span><progress class=\"bar\" max=\"\(widest)\" value=\"\(f.count)\"></progress><b>\(FigureLink(value: f.count, path: f.path, id: "figure-\(f.id)").render())</b></div>"
                        as HTML
                })
            let byBody = DataTable(
                id: "by-body",
                columns: [.init("单位")] + m.main.map { .init($0.label, numeric: true) }
                    + m.rates.map { .init($0.label, numeric: true) },
                rows: m.byBody.map { b in
                    [.text(b.name)] + b.counts.map { DataTable.Cell.number($0) }
                        + b.rates.map { DataTable.Cell("\($0.value)", sort: String($0.sort), class: "num") }
                }, empty: "本年度尚无数据。"
            ).render()
            let byGroup: HTML =
                m.groupLabel.map { label in
                    let table = DataTable(
                        id: "by-group",
                        columns: [.init(label)] + m.main.map { .init($0.label, numeric: true) }
                            + m.rates.map { .init($0.label, numeric: true) },
                        rows: m.byGroup.map { g in
                            [.text(g.name)]
                                + g.figures.map { f in
                                    f.count == 0
                                        ? DataTable.Cell.number(0)
                                        : DataTable.Cell(
                                            FigureLink(value: f.count, path: f.path, id: nil).render(),
                                            sort: String(f.count), class: "num")
                                }
                                + g.rates.map { DataTable.Cell("\($0.value)", sort: String($0.sort), class: "num") }
                        }, empty: "本年度尚无数据。"
                    ).render()
                    return """
                        <h2>按\(label)</h2>
                        \(m.groupChart?.render() ?? "")
                        \(table)
                        """
                } ?? ""
            return """
                <nav class="tabs">\(tabs)</nav>
                <form method="get" class="search"><label for="year">年度</label><input id="year" name="year" type="number" value="\(m.year)" min="2000" max="2100"><button type="submit">查看</button></form>
                <p>\(m.summary)点击数字查看所统计的案件。 <a href="\(m.yearXLSX)" id="year-xlsx">导出年度统计表（Excel）</a></p>
                <div class="grid">\(rates)</div>
                <div class="grid2"><div>\(main)</div>
                <div><h2>分类</h2>\(shown.isEmpty ? HTML("<p class=\"muted\">本年度尚无数据。</p>") : HTML("<div class=\"counts\">\(bars)</div>"))</div></div>
                <h2>按单位</h2>
                \(m.bodyChart?.render() ?? "")
                \(byBody)
                \(byGroup)
                \(listing())
                """
        }

        func listing() -> HTML {
            guard let l = model.listing else { return "" }
            let table = DataTable(
                columns: [.init("案号"), .init("当事人"), .init("单位"), .init("登记日期"), .init("阶段"), .init("结果")],
                rows: l.cases.map { c in
                    [
                        .link(c.number, .caseFile(c.id), class: "mono"), .text(c.party), .text(c.body),
                        .text(c.openedOn), .text(c.state), .text(c.result),
                    ]
                }, empty: "没有案件。"
            ).render()
            return """
                <h2 id="cases">\(l.figure.label)：\(l.total) 件</h2><p><a href="\(l.xlsx)" id="figure-xlsx">导出台账（Excel）</a></p>\(l.total > l.cases.count ? HTML("<p class=\"muted\">列出最近的 \(l.cases.count) 件。</p>") : "")
                \(table)
                """
        }
    }
}
