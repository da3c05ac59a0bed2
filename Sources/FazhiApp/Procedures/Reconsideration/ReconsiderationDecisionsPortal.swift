import FazhiCore
import FazhiStore
import Foundation
import Vapor

/// 行政复议决定公开 (行政复议法 第七十九条): served decisions on the portal, newest first, searchable by keyword, each in full —
/// the applicant's name masked when a natural person, no ID numbers, phone numbers or addresses. A decision the 复议机构
/// withheld (涉及国家秘密、商业秘密、个人隐私) is not listed. Also as JSON and CSV.
enum ReconsiderationDecisionsPortal {
    static func register(_ app: any RoutesBuilder) {
        app.get("reconsideration", "decisions") { req async throws -> Response in
            let text = req.query[String.self, at: "q"]?.trimmed
            let items = try await published(req, text: text)
            switch RegistryPortal.format(req) {
            case "json": return try TableResponse.json(["total": AnyEncodable(items.count), "items": AnyEncodable(items)])
            case "csv":
                return TableResponse.csv([["决定书文号", "行政复议机关", "申请人", "被申请人", "行政行为", "决定类型", "决定主文", "决定日期", "生效日期"]]
                    + items.map { [$0.decisionNumber, $0.authority, $0.applicant, $0.respondent, $0.act, $0.outcome, $0.decision, $0.decidedOn, $0.effectiveOn] },
                    filename: "行政复议决定公开")
            default: break
            }
            let rows = HTML.join(items.prefix(200).map { d -> HTML in
                """
                <tr><td class="mono"><a href="/reconsideration/decisions/\(d.caseID.uuidString)">\(d.decisionNumber)</a></td><td>\(d.applicant)</td><td>\(d.respondent)</td>
                <td>\(d.act)</td><td>\(d.outcome)</td><td>\(d.decidedOn)</td></tr>
                """
            })
            return Views.portal("行政复议决定公开", request: req, """
            <form method="get" action="/reconsideration/decisions" class="card search"><label for="q">关键词</label><input id="q" name="q" value="\(text ?? "")" placeholder="如：行政处罚、撤销、被申请人名称"><button type="submit">查询</button></form>
            <p>依据《中华人民共和国行政复议法》第七十九条公开的行政复议决定书 <b id="decision-total">\(items.count)</b> 件。自然人申请人的姓名已隐去，不公开身份证号码、电话和住址。<a href="/reconsideration">网上申请行政复议</a></p>
            \(RegistryPortal.formats(req))
            <div class="table-wrap"><table class="data" id="decisions"><thead><tr><th>决定书文号</th><th>申请人</th><th>被申请人</th><th>行政行为</th><th>决定</th><th>决定日期</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """)
        }
        app.get("reconsideration", "decisions", ":id") { req async throws -> Response in
            guard let id = req.parameters.get("id", as: UUID.self), let c = try await CaseStore.load(id, on: req.db), ReconsiderationPublication.isPublished(c.file) else {
                throw APIError.notFound("没有该行政复议决定")
            }
            let d = ReconsiderationPublication.project(c.file, authority: try await CaseStore.governmentAbove(c.file.bodyID, on: req.db) ?? "")
            if RegistryPortal.format(req) == "json" { return try TableResponse.json(["decision": AnyEncodable(d)]) }
            return Views.portal(d.decisionNumber, request: req, """
            <article class="card decision">
            <h2>\(d.authority)行政复议决定书</h2><p class="mono">\(d.decisionNumber)</p>
            <dl class="facts"><dt>申请人</dt><dd>\(d.applicant)</dd><dt>被申请人</dt><dd>\(d.respondent)</dd><dt>行政行为</dt><dd>\(d.act)</dd>
            <dt>决定类型</dt><dd>\(d.outcome)</dd><dt>决定日期</dt><dd>\(d.decidedOn)</dd><dt>送达生效</dt><dd>\(d.effectiveOn)</dd></dl>
            <h3>认定的事实和理由</h3><p>\(d.reasons)</p><h3>决定</h3><p id="decision-text">\(d.decision)</p>
            </article>
            <p><a href="/reconsideration/decisions">返回行政复议决定公开</a></p>
            """)
        }
    }

    static func published(_ req: Request, text: String?) async throws -> [PublicReconsiderationDecision] {
        let served = try await CaseStore.decided(procedure: ReconsiderationProcedure.id, states: ["served", "closed"], on: req.db)
        var authorities: [UUID: String] = [:]
        for body in Set(served.map(\.file.bodyID)) { authorities[body] = try await CaseStore.governmentAbove(body, on: req.db) ?? "" }
        return ReconsiderationPublication.published(served.map(\.file), authority: { authorities[$0.bodyID] ?? "" }, text: text)
    }
}
