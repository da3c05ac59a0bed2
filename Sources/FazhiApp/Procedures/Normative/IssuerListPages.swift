import FazhiCore
import FazhiStore
import Vapor

/// 行政规范性文件制定主体清单: the 司法局 keeps it (console), the portal publishes it; a body not on it cannot register a
/// draft once the list is published (国办发〔2018〕37号: 严禁以内设机构名义发文).
enum IssuerListPages {
    static func register(console: any RoutesBuilder, portal: any RoutesBuilder) {
        console.get("normative", "issuers") { req async throws -> Response in
            let user = try req.requireUser()
            return try await page(req, user, error: nil)
        }
        console.post("normative", "issuers") { req async throws -> Response in
            let user = try req.requireUser()
            guard user.isSupervisor || user.isAdmin else {
                throw APIError.forbidden("制定主体清单由司法行政部门（监督人员）或系统管理员维护")
            }
            struct Form: Content { let organisation: UUID?; let listed: String?; let basis: String? }
            let f = try req.content.decode(Form.self)
            guard let org = f.organisation else { throw DomainError.invalid(field: "organisation", message: "请选择单位") }
            let today = req.fazhi.today
            do {
                try await req.write(as: user) { tx in
                    try await OrganisationLists.set(
                        Normative.issuerList, organisation: org, listed: f.listed == "1", basis: f.basis ?? "",
                        on: today,
                        in: tx)
                }
            } catch let e as DomainError {
                return try await page(req, user, error: e.message).with(status: APIError(e).status)
            }
            Flash.set(req, ok: f.listed == "1" ? "已列入制定主体清单" : "已移出制定主体清单")
            return req.redirect(to: SitePath.normativeIssuers.path)
        }
        portal.get("documents", "issuers") { req async throws -> Response in
            let (entries, names) = try await lists(req)
            return Views.portal("行政规范性文件制定主体清单", request: req, IssuerListViews.portal(entries, names: names))
        }
    }

    static func lists(_ req: Request) async throws -> ([OrganisationLists.Entry], [UUID: String]) {
        let orgs = try await Directory.organisations(on: req.db)
        let names = Dictionary(orgs.compactMap { o in o.id.map { ($0, o.name) } }, uniquingKeysWith: { a, _ in a })
        return (try await OrganisationLists.entries(Normative.issuerList, on: req.db), names)
    }

    static func page(_ req: Request, _ user: AuthUser, error: String?) async throws -> Response {
        let (entries, names) = try await lists(req)
        return Views.console(
            "制定主体清单", user: user, request: req, active: SitePath.normativeIssuers.path,
            IssuerListViews.console(
                entries, names: names, editable: user.isSupervisor || user.isAdmin, error: error,
                csrf: CSRF.token(for: req))
        ).with(status: error == nil ? .ok : .unprocessableEntity)
    }
}
