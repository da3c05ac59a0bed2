import FazhiCore
import Foundation

/// The 政府信息公开目录 as the portal shows it and as staff keep it.
enum ProactiveViews {
    static func portal(
        offices: [(UUID, String)], chosen: UUID?, items: [ProactiveItem], kept: [(String, String, String)]
    ) -> HTML {
        let options = HTML.join(
            offices.map {
                "<option value=\"\($0.0.uuidString)\"\(HTML(raw: chosen == $0.0 ? " selected" : ""))>\($0.1)</option>"
            })
        let sections = HTML.join(
            ProactiveDisclosure.categories.compactMap { c -> HTML? in
                let mine = items.filter { $0.category == c.value }
                let ours = kept.filter { $0.0 == c.value }
                guard !mine.isEmpty || !ours.isEmpty else { return nil }
                let rows = HTML.join(
                    ours.map { k in
                        "<tr><td><a href=\"\(k.2)\">\(k.1)</a></td><td>本平台实时公开</td><td></td><td></td></tr>" as HTML
                    }
                        + mine.map { i in
                            let title: HTML = i.link.isEmpty ? "\(i.title)" : "<a href=\"\(i.link)\">\(i.title)</a>"
                            return
                                "<tr><td>\(title)</td><td>\(i.summary)</td><td>\(i.formedOn.description)</td><td>\(i.publishedOn?.description ?? "")</td></tr>"
                        })
                return """
                    <h2>\(ProactiveDisclosure.shortName(c.value))</h2><div class="table-wrap"><table class="data"><thead><tr><th>名称</th><th>内容概述</th><th>生成日期</th><th>公开日期</th></tr></thead><tbody>\(rows)</tbody></table></div>
                    """
            })
        return """
            <p>依据《中华人民共和国政府信息公开条例》第二十条主动公开的政府信息，自形成或者变更之日起二十个工作日内公开（第二十六条）。其他政府信息可以<a href="/disclosure">网上申请公开</a>，并<a href="/disclosure/status">查询办理进度和答复</a>。</p>
            <form method="get" action="/openness" class="card search"><label for="body">行政机关</label><select id="body" name="body">\(options)</select><button type="submit">查看</button></form>
            \(sections)
            """
    }

    static func console(
        rows: [ProactivePages.Row], today: CivilDate, canManage: Bool, csrf: String, error: String?,
        values: [String: String]
    ) -> HTML {
        func v(_ k: String) -> String { values[k] ?? "" }
        let late = rows.filter(\.late).count
        let table = DataTable(
            id: "catalogue",
            columns: ["类别", "名称", "生成日期", "应公开期限（第二十六条）", "公开日期", ""].map { .init($0) },
            rows: rows.map { r in
                let i = r.item
                let publish: HTML =
                    i.publishedOn == nil && canManage
                    ? "<form method=\"post\" action=\"/console/disclosure/catalogue/\(i.id.uuidString)/publish\" class=\"inline\"><input type=\"hidden\" name=\"_csrf\" value=\"\(csrf)\"><button type=\"submit\">登记今日公开</button></form>"
                    : ""
                let status: HTML =
                    i.publishedOn.map { p in
                        r.late ? "<span class=\"due overdue\">\(p.description)（逾期公开）</span>" : "\(p.description)"
                    } ?? "未公开"
                return [
                    .text(ProactiveDisclosure.shortName(i.category)), .text(i.title), .text(i.formedOn.description),
                    i.publishedOn == nil
                        ? DataTable.Cell(r.due.map { DeadlineCell(deadline: $0, today: today).render() } ?? "")
                        : .text(r.due?.due.description ?? ""),
                    DataTable.Cell(status), DataTable.Cell(publish),
                ]
            }, empty: "尚未登记目录项。", rowClasses: rows.map { $0.late ? "overdue" : nil }
        ).render()
        let categories = HTML.join(
            ProactiveDisclosure.categories.map {
                "<option value=\"\($0.value)\"\(HTML(raw: v("category") == $0.value ? " selected" : ""))>\($0.label)</option>"
            })
        let form: HTML =
            canManage
            ? """
            <h2>登记目录项</h2>\(Views.flash(error, error: true))
            <form method="post" action="/console/disclosure/catalogue" class="card form" id="catalogue-form"><input type="hidden" name="_csrf" value="\(csrf)">
            <label for="category">公开类别</label><select id="category" name="category" required>\(categories)</select>
            <label for="title">名称</label><input id="title" name="title" maxlength="200" required value="\(v("title"))">
            <label for="summary">内容概述</label><textarea id="summary" name="summary" rows="2" maxlength="2000">\(v("summary"))</textarea>
            <label for="formedOn">生成日期（形成或者变更之日）</label><input id="formedOn" name="formedOn" type="date" required value="\(v("formedOn"))">
            <label for="publishedOn">公开日期（尚未公开的留空）</label><input id="publishedOn" name="publishedOn" type="date" value="\(v("publishedOn"))">
            <label for="link">全文链接</label><input id="link" name="link" maxlength="500" value="\(v("link"))">
            <button type="submit">登记</button></form>
            """ : ""
        return """
            <p>主动公开的政府信息应当自形成或者变更之日起二十个工作日内公开（《中华人民共和国政府信息公开条例》第二十六条）。\(late > 0 ? HTML("<span class=\"due overdue\">有 \(late) 项逾期</span>") : "")　<a href="/openness">门户上的目录</a></p>
            \(table)\(form)
            """
    }
}
