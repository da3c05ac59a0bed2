import FazhiCore
import FazhiStore
import Vapor

/// 政府信息公开目录 (政府信息公开条例 第十二条、第二十条、第二十六条): on the portal, a body's catalogue by the categories of
/// 第二十条 — the items its staff enter, and what Fazhi itself keeps public (registries, 处罚决定, 复议决定) — each with the
/// day it was made and published; in the console, the body's items with the 20 working days of 第二十六条 counted from the
/// day each was made, red when they ran out before it was published.
enum ProactivePages {
    struct Row {
        let item: ProactiveItem
        let due: Deadline?
        let late: Bool
    }

    /// What Fazhi publishes on its own pages, by category: (category, title, link with the body).
    static func kept(body: UUID) -> [(String, String, String)] {
        let b = body.uuidString
        return [
            ("2", "行政执法主体及其执法依据（事前公示）", "/bodies"),
            ("2", "行政执法人员名录（事前公示）", "/officers?body=\(b)"),
            ("5", "权责清单：事项、依据、流程（事前公示）", "/powers?body=\(b)"),
            ("6", "行政处罚裁量基准", "/benchmarks"),
            ("6", "行政处罚决定（事后公示）", "/decisions?body=\(b)"),
        ]
    }

    static func register(portal: any RoutesBuilder, console: any RoutesBuilder) {
        // The public catalogue: reads that may lag a moment (a replica when there is one).
        portal.get("openness") { req async throws -> Response in
            let offices = try await DisclosureApplications.offices(on: req.readDB)
            let chosen =
                req.query[String.self, at: "body"].flatMap(UUID.init(uuidString:)).flatMap { id in
                    offices.first { $0.id == id }
                } ?? offices.first
            let items = try await chosen.asyncMap {
                try await ProactiveCatalogue.list(bodies: [$0.id], publishedOnly: true, on: req.readDB)
            }
            return Views.portal(
                "政府信息公开目录", request: req,
                ProactiveViews.portal(
                    offices: offices.map { ($0.id, $0.name) }, chosen: chosen?.id, items: items ?? [],
                    kept: chosen.map { kept(body: $0.id) } ?? []))
        }
        console.get("disclosure", "catalogue") { req async throws -> Response in
            let user = try req.requireUser()
            return try await page(req, user: user, error: nil, values: [:])
        }
        console.post("disclosure", "catalogue") { req async throws -> Response in
            let user = try req.requireUser()
            let values = try req.content.decode([String: String].self)
            func v(_ k: String) -> String { String((values[k] ?? "").trimmed.prefix(2_000)) }
            do {
                let body = try mayManage(user)
                guard let formed = CivilDate(iso: v("formedOn")) else {
                    throw DomainError.invalid(field: "formedOn", message: "请填写生成日期（YYYY-MM-DD）")
                }
                let published = v("publishedOn").isEmpty ? nil : CivilDate(iso: v("publishedOn"))
                if !v("publishedOn").isEmpty && published == nil {
                    throw DomainError.invalid(field: "publishedOn", message: "公开日期格式应为 YYYY-MM-DD")
                }
                let item = ProactiveItem(
                    bodyID: body, category: v("category"), title: v("title"), summary: v("summary"), formedOn: formed,
                    publishedOn: published, link: v("link"))
                let today = req.fazhi.today
                try await req.write(as: user) { tx in try await ProactiveCatalogue.save(item, today: today, in: tx) }
                Flash.set(req, ok: "已登记目录项“\(item.title)”")
                return req.redirect(to: SitePath.disclosureCatalogue.path)
            } catch let e as DomainError {
                let r = try await page(req, user: user, error: e.message, values: values)
                r.status = APIError(e).status
                return r
            }
        }
        console.post("disclosure", "catalogue", ":id", "publish") { req async throws -> Response in
            let user = try req.requireUser()
            let body = try mayManage(user)
            guard let id = req.parameters.get("id", as: UUID.self),
                var item = try await ProactiveCatalogue.item(id, on: req.db),
                item.bodyID == body
            else { throw APIError.notFound("没有该目录项") }
            item.publishedOn = req.fazhi.today
            let today = req.fazhi.today, published = item
            try await req.write(as: user) { tx in try await ProactiveCatalogue.save(published, today: today, in: tx) }
            Flash.set(req, ok: "已登记公开：\(item.title)")
            return req.redirect(to: SitePath.disclosureCatalogue.path)
        }
    }

    /// The user's own body, when they keep its catalogue (its 政府信息公开 staff or head).
    static func mayManage(_ user: AuthUser) throws -> UUID {
        let roles = CasesAPI.actor(user, body: user.organisationID).roles
        guard !roles.isDisjoint(with: [.disclosureStaff, .head]) else {
            throw DomainError.forbidden("只有本机关的政府信息公开工作人员或者负责人可以维护政府信息公开目录", article: "政府信息公开条例 第四条")
        }
        return user.organisationID
    }

    static func page(_ req: Request, user: AuthUser, error: String?, values: [String: String]) async throws -> Response
    {
        let today = req.fazhi.today, calendar = req.fazhi.deadlines
        let items = try await ProactiveCatalogue.list(bodies: [user.organisationID], publishedOnly: false, on: req.db)
        let rows = items.map { i in
            Row(
                item: i,
                due: try? calendar.deadline(
                    from: i.formedOn, days: ProactiveDisclosure.publicationWorkdays, unit: .workday,
                    article: "政府信息公开条例 第二十六条"),
                late: i.isLate(calendar, today: today))
        }
        return Views.console(
            "主动公开目录", user: user, request: req, active: SitePath.disclosureCatalogue.path, flash: Flash.take(req),
            ProactiveViews.console(
                rows: rows, today: today, canManage: (try? mayManage(user)) != nil, csrf: CSRF.token(for: req),
                error: error, values: values))
    }
}
