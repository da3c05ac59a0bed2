import FazhiCore
import FazhiStore
import Foundation

/// 行政处罚决定公示 on the portal (行政处罚法 第四十八条): the search form, the decisions found, one decision with the record
/// entry that published it.
enum DecisionsPage {
    struct Model {
        let query: Publications.Query
        let items: [PublicDecision]
        let total: Int
        let page: Int
        let bodies: [EnforcementBodyRow]
        let formats: HTML
        /// Decisions whose stored content no longer matches their record entry (`StateAudit`).
        var altered: Set<UUID> = []
    }

    struct View {
        let model: Model

        func render() -> HTML {
            let m = model, q = m.query
            let penalties = HTML.join(
                Penalty.kinds.map { "<option\(HTML(raw: q.penalty == $0 ? " selected" : ""))>\($0)</option>" as HTML })
            let table = DataTable(
                id: "decisions",
                columns: ["决定书文号", "执法主体", "当事人", "违法行为", "处罚"].map { .init($0) } + [
                    .init("罚款（元）", numeric: true), .init("决定日期"), .init("状态"),
                ],
                rows: m.items.map { d in
                    [
                        DataTable.Cell(
                            "<a href=\"/decisions/\(d.caseID.uuidString)\">\(d.decisionNumber)</a>", class: "mono"),
                        .text(d.body), .text(d.party), .text(d.violation), .text(d.penalties.joined(separator: "、")),
                        .money(d.fine > 0 ? d.fine : nil),
                        .text(d.decidedOn),
                        m.altered.contains(d.caseID)
                            ? DataTable.Cell("<span class=\"due overdue\">与全过程记录不一致（内容被改动）</span>")
                            : .text(d.withdrawnOn.map { "已撤回（\($0)）" } ?? "公示中"),
                    ]
                }, empty: "没有符合条件的公示决定。", rowClasses: m.items.map { $0.withdrawnOn != nil ? "withdrawn" : nil }
            ).render()
            let pager = Pager(
                page: m.page, pageSize: 50, total: min(m.total, 1000),
                base: queryString().isEmpty ? "/decisions" : "/decisions?\(queryString())"
            ).render()
            return """
                <form method="get" action="/decisions" class="card search"><label for="q">关键词</label><input id="q" name="q" value="\(q.text ?? "")" placeholder="如：食品、无证经营">
                <label for="body">执法主体</label><select id="body" name="body">\(RegistryViews.bodyOptions(m.bodies, selected: q.body))</select>
                <label for="penalty">处罚种类</label><select id="penalty" name="penalty"><option value="">全部</option>\(penalties)</select>
                <label for="from">决定日期自</label><input id="from" name="from" type="date" value="\(q.from?.description ?? "")">
                <label for="to">至</label><input id="to" name="to" type="date" value="\(q.to?.description ?? "")"><button type="submit">查询</button></form>
                <p>依据《中华人民共和国行政处罚法》第四十八条公示的行政处罚决定 <b id="decision-total">\(m.total > 1000 ? "1,000+" : String(m.total))</b> 件。自然人姓名已隐去，不公开身份证号码、电话和住址；决定被变更、撤销或者确认违法、无效的，已撤回并说明理由。</p>
                \(m.formats)
                \(table)
                \(pager)
                """
        }

        /// The search's own query items, for the pager's links.
        func queryString() -> String {
            let q = model.query
            var c = URLComponents()
            c.queryItems = [
                ("q", q.text), ("body", q.body?.uuidString), ("penalty", q.penalty), ("from", q.from?.description),
                ("to", q.to?.description),
            ]
            .compactMap { k, v in v.flatMap { $0.isEmpty ? nil : URLQueryItem(name: k, value: $0) } }
            return c.percentEncodedQuery ?? ""
        }
    }

    /// One published decision, with the record entry that published it and whether this page's content matches it.
    struct DecisionView {
        let decision: PublicDecision
        let recordEntry: Int64?
        let payloadHash: String?
        let matches: Bool
        let payload: String

        func render() -> HTML {
            let d = decision
            let facts = FactList(
                items: [
                    ("执法主体", d.body), ("当事人", "\(d.party)（\(d.partyKind)）"), ("违法行为", d.violation), ("处罚依据", d.basis),
                    ("处罚", d.penalties.joined(separator: "、") + (d.fine > 0 ? "，罚款 \(Yuan.text(d.fine)) 元" : "")),
                    ("决定日期", d.decidedOn), ("公示日期", d.publishedOn),
                ], empty: ("", "")
            ).render()
            return """
                \(d.withdrawnOn.map { HTML("<div class=\"flash error\">该决定已于 \($0) 撤回公示。理由：\(d.withdrawalReason ?? "")（《中华人民共和国行政处罚法》第四十八条第二款）</div>") } ?? "")
                \(facts)
                <h2>核验</h2>
                <p>本公示是全过程记录第 <b>\(recordEntry.map { String($0) } ?? "—")</b> 条的内容。该条记录的内容哈希：<span class="mono">\(payloadHash ?? "")</span>；
                本页内容（下方 JSON）的 SHA-256 \(matches ? "与之一致" : "与之不一致")。\(recordEntry.map { HTML(raw: "<a href=\"/record?entry=\($0)\">取得该条记录的包含证明</a>") } ?? HTML(raw: ""))</p>
                <details><summary>公示内容（规范化 JSON）</summary><pre class="mono">\(payload)</pre></details>
                """
        }
    }
}
