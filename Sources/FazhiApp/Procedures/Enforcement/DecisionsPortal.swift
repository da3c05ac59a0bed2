import FazhiCore
import FazhiStore
import Foundation
import Vapor

/// 事后公示 on the portal: published penalty decisions, searchable by body, date, penalty and full text; each
/// with the record entry that published it, so anyone can check the page is what was recorded.
enum DecisionsPortal {
    static func register(_ app: any RoutesBuilder) {
        app.get("decisions") { req async throws -> Response in
            func date(_ k: String) throws -> CivilDate? {
                guard let s = req.query[String.self, at: k], !s.isEmpty else { return nil }
                guard let d = CivilDate(iso: s) else { throw DomainError.invalid(field: k, message: "日期格式应为 YYYY-MM-DD") }
                return d
            }
            let q = Publications.Query(body: req.query[String.self, at: "body"].flatMap(UUID.init(uuidString:)), from: try date("from"), to: try date("to"),
                                       penalty: req.query[String.self, at: "penalty"], text: req.query[String.self, at: "q"])
            let page = max(1, req.query[Int.self, at: "page"] ?? 1)
            let html = RegistryPortal.format(req) == "html"
            let (items, total) = try await Publications.search(q, limit: html ? 50 : 100_000, offset: html ? (page - 1) * 50 : 0, countUpTo: html ? 1000 : nil, on: req.db)
            switch RegistryPortal.format(req) {
            case "json": return try TableResponse.json(["total": AnyEncodable(total), "items": AnyEncodable(items)])
            case "csv":
                return TableResponse.csv([["决定书文号", "执法主体", "当事人", "违法行为", "处罚依据", "处罚", "罚款（元）", "决定日期", "公示日期", "撤回日期", "撤回理由"]]
                    + items.map { [$0.decisionNumber, $0.body, $0.party, $0.violation, $0.basis, $0.penalties.joined(separator: "、"), Yuan.number($0.fine), $0.decidedOn, $0.publishedOn, $0.withdrawnOn ?? "", $0.withdrawalReason ?? ""] },
                    filename: "行政处罚决定公示")
            default: break
            }
            let bodies = try await EnforcementBodies.all(on: req.db)
            let rows = items.map { d -> HTML in
                """
                <tr\(HTML(raw: d.withdrawnOn != nil ? " class=\"withdrawn\"" : ""))><td class="mono"><a href="/decisions/\(d.caseID.uuidString)">\(d.decisionNumber)</a></td><td>\(d.body)</td><td>\(d.party)</td>
                <td>\(d.violation)</td><td>\(d.penalties.joined(separator: "、"))</td><td data-sort="\(Int(d.fine))">\(d.fine > 0 ? Yuan.text(d.fine) : "")</td><td>\(d.decidedOn)</td>
                <td>\(d.withdrawnOn.map { "已撤回（\($0)）" } ?? "公示中")</td></tr>
                """
            }
            let pages = (min(total, 1000) + 49) / 50
            return Views.portal("行政处罚决定公示", request: req, """
            <form method="get" action="/decisions" class="card search"><label for="q">关键词</label><input id="q" name="q" value="\(q.text ?? "")" placeholder="如：食品、无证经营">
            <label for="body">执法主体</label><select id="body" name="body">\(RegistryViews.bodyOptions(bodies, selected: q.body))</select>
            <label for="penalty">处罚种类</label><select id="penalty" name="penalty"><option value="">全部</option>\(HTML.join(Penalty.kinds.map { "<option\(HTML(raw: q.penalty == $0 ? " selected" : ""))>\($0)</option>" }))</select>
            <label for="from">决定日期自</label><input id="from" name="from" type="date" value="\(q.from?.description ?? "")">
            <label for="to">至</label><input id="to" name="to" type="date" value="\(q.to?.description ?? "")"><button type="submit">查询</button></form>
            <p>依据《中华人民共和国行政处罚法》第四十八条公示的行政处罚决定 <b id="decision-total">\(total > 1000 ? "1,000+" : String(total))</b> 件。自然人姓名已隐去，不公开身份证号码、电话和住址；决定被变更、撤销或者确认违法、无效的，已撤回并说明理由。</p>
            \(RegistryPortal.formats(req))
            <div class="table-wrap"><table class="data" id="decisions"><thead><tr><th>决定书文号</th><th>执法主体</th><th>当事人</th><th>违法行为</th><th>处罚</th><th>罚款（元）</th><th>决定日期</th><th>状态</th></tr></thead><tbody>\(rows)</tbody></table></div>
            \(pages > 1 ? HTML("<p class=\"pager\">第 \(page)/\(pages) 页</p>") : "")
            """)
        }
        app.get("decisions", ":id") { req async throws -> Response in
            guard let id = req.parameters.get("id", as: UUID.self), let p = try await Publications.decision(id, on: req.db) else { throw APIError.notFound("没有该公示") }
            let d = p.decision
            let seq = try await Publications.recordEntry(id, on: req.db)
            let entry = try await seq.asyncMap { try await RecordLog.entry($0, on: req.db) } ?? nil
            let payload = String(decoding: try CanonicalJSON.encode(d), as: UTF8.self)
            let matches = entry.map { $0.entry.payloadHash == RecordEntry.payloadHash(of: Array(payload.utf8)) } ?? false
            if RegistryPortal.format(req) == "json" {
                return try TableResponse.json(["decision": AnyEncodable(d), "recordEntry": AnyEncodable(seq), "payloadHash": AnyEncodable(entry?.entry.payloadHash)])
            }
            return Views.portal(d.decisionNumber, request: req, """
            \(d.withdrawnOn.map { HTML("<div class=\"flash error\">该决定已于 \($0) 撤回公示。理由：\(d.withdrawalReason ?? "")（《中华人民共和国行政处罚法》第四十八条第二款）</div>") } ?? "")
            <dl class="card facts"><dt>执法主体</dt><dd>\(d.body)</dd><dt>当事人</dt><dd>\(d.party)（\(d.partyKind)）</dd><dt>违法行为</dt><dd>\(d.violation)</dd>
            <dt>处罚依据</dt><dd>\(d.basis)</dd><dt>处罚</dt><dd>\(d.penalties.joined(separator: "、"))\(d.fine > 0 ? "，罚款 \(Yuan.text(d.fine)) 元" : "")</dd>
            <dt>决定日期</dt><dd>\(d.decidedOn)</dd><dt>公示日期</dt><dd>\(d.publishedOn)</dd></dl>
            <h2>核验</h2>
            <p>本公示是全过程记录第 <b>\(seq.map { String($0) } ?? "—")</b> 条的内容。该条记录的内容哈希：<span class="mono">\(entry?.entry.payloadHash ?? "")</span>；
            本页内容（下方 JSON）的 SHA-256 \(matches ? "与之一致" : "与之不一致")。\(seq.map { HTML(raw: "<a href=\"/record?entry=\($0)\">取得该条记录的包含证明</a>") } ?? HTML(raw: ""))</p>
            <details><summary>公示内容（规范化 JSON）</summary><pre class="mono">\(payload)</pre></details>
            """)
        }
    }
}

extension Optional {
    func asyncMap<U>(_ f: (Wrapped) async throws -> U) async rethrows -> U? {
        guard let v = self else { return nil }
        return try await f(v)
    }
}
