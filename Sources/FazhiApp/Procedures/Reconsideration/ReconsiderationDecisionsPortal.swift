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
            case "json":
                return try TableResponse.json(["total": AnyEncodable(items.count), "items": AnyEncodable(items)])
            case "csv":
                return TableResponse.csv(
                    [["决定书文号", "行政复议机关", "申请人", "被申请人", "行政行为", "决定类型", "决定主文", "决定日期", "生效日期"]]
                        + items.map {
                            [
                                $0.decisionNumber, $0.authority, $0.applicant, $0.respondent, $0.act, $0.outcome,
                                $0.decision, $0.decidedOn, $0.effectiveOn,
                            ]
                        },
                    filename: "行政复议决定公开")
            default: break
            }
            let view = ReconsiderationDecisionsPage.ListView(
                text: text, items: Array(items.prefix(200)), total: items.count, formats: RegistryPortal.formats(req))
            return Views.portal("行政复议决定公开", request: req, view.render())
        }
        app.get("reconsideration", "decisions", ":id") { req async throws -> Response in
            guard let id = req.parameters.get("id", as: UUID.self),
                let c = try await CaseStore.load(id, on: req.readDB),
                ReconsiderationPublication.isPublished(c.file)
            else {
                throw APIError.notFound("没有该行政复议决定")
            }
            let d = ReconsiderationPublication.project(
                c.file, authority: try await CaseStore.governmentAbove(c.file.bodyID, on: req.readDB) ?? "")
            if RegistryPortal.format(req) == "json" { return try TableResponse.json(["decision": AnyEncodable(d)]) }
            return Views.portal(
                d.decisionNumber, request: req, ReconsiderationDecisionsPage.DecisionView(decision: d).render())
        }
    }

    static func published(_ req: Request, text: String?) async throws -> [PublicReconsiderationDecision] {
        let served = try await CaseStore.decided(
            procedure: ReconsiderationProcedure.id,
            states: [ReconsiderationProcedure.State.served.id, ReconsiderationProcedure.State.closed.id], on: req.readDB
        )
        var authorities: [UUID: String] = [:]
        for body in Set(served.map(\.file.bodyID)) {
            authorities[body] = try await CaseStore.governmentAbove(body, on: req.readDB) ?? ""
        }
        return ReconsiderationPublication.published(
            served.map(\.file), authority: { authorities[$0.bodyID] ?? "" }, text: text)
    }
}
