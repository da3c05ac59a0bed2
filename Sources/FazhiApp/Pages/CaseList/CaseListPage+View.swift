import FazhiCore
import Foundation

extension CaseListPage {
    struct View {
        let model: Model

        func render() -> HTML {
            let m = model
            let deadlines = DataTable(
                id: "deadlines", columns: [.init("案件"), .init("当事人"), .init("事项"), .init("期限"), .init("依据")],
                rows: m.deadlines.map { d in
                    [
                        .link(d.number, .caseFile(d.caseID), class: "mono"), .text(d.party), .text(d.name),
                        .deadline(d.deadline, today: m.today), .article(d.article),
                    ]
                }, empty: "没有进行中的期限。"
            ).render()
            let cases = DataTable(
                id: "cases",
                columns: [
                    .init("编号"), .init("程序"), .init("当事人"), .init("单位"), .init("阶段"), .init("登记日期"),
                    .init("罚款（元）", numeric: true),
                ],
                rows: m.cases.map { c in
                    [
                        .link(c.number, .caseFile(c.id), class: "mono"), .text(c.procedure), .text(c.party),
                        .text(c.body), .text(c.state), .text(c.openedOn), .money(c.fine),
                    ]
                }, empty: "没有案件。"
            ).render()
            return """
                \(open())
                <h2>办案期限（\(m.deadlines.count)）</h2>
                \(deadlines)
                <h2>案件（\(m.cases.count)）</h2>
                \(filter())
                \(cases)
                """
        }

        /// 登记: the procedures the user may open.
        func open() -> HTML {
            guard !model.openable.isEmpty else { return "" }
            let content: HTML = """
                <label for="procedure">登记</label>\(select("procedure", model.openable.map { ($0.id, $0.name) }, selected: nil))
                """
            return PostForm(
                action: SitePath.cases(procedure: nil).path, id: "open-case", cssClass: "card search", csrf: model.csrf,
                content: content, submit: "登记新案件"
            ).render()
        }

        func filter() -> HTML {
            """
            <form method="get" action="\(SitePath.cases(procedure: nil).path)" class="search"><label for="pf">程序</label>\(select("pf", [("", "全部")] + model.procedures.map { ($0.id, $0.name) }, selected: model.selected ?? "", name: "procedure"))<button type="submit" class="secondary">筛选</button></form>
            """
        }

        func select(_ id: String, _ options: [(String, String)], selected: String?, name: String? = nil) -> HTML {
            let opts = HTML.join(
                options.map { o in
                    "<option value=\"\(o.0)\"\(HTML(raw: o.0 == selected ? " selected" : ""))>\(o.1)</option>"
                })
            return "<select id=\"\(id)\" name=\"\(name ?? id)\">\(opts)</select>"
        }
    }
}
