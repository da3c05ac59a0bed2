import FazhiCore
import FazhiStore
import Fluent
import Vapor

/// 机关与区划.
struct OrganisationsConsole {
    struct NewOrgForm: Content { let name: String?; let uscc: String?; let regionCode: String?; let parentId: String? }
    struct NewRegionForm: Content { let code: String?; let name: String?; let parentCode: String? }

    static func register(_ console: any RoutesBuilder) {
        console.get("organisations") { req async throws -> Response in
            let user = try req.requireUser()
            let orgs = try await Directory.organisations(on: req.db)
            let regions = try await Directory.regions(on: req.db)
            let regionName = Dictionary(uniqueKeysWithValues: regions.map { ($0.id!, $0.name) })
            let orgName = Dictionary(uniqueKeysWithValues: orgs.map { ($0.id!, $0.name) })
            let readable = user.readable
            let model = OrganisationsView.Model(
                organisations: orgs.filter { readable.contains($0.id!) }.map { o in
                    (
                        o.name, o.uscc ?? "—", "\(regionName[o.regionCode] ?? "")（\(o.regionCode)）",
                        o.parentID.flatMap { orgName[$0] } ?? "—"
                    )
                },
                regions: regions.map { ($0.id!, $0.name, $0.parentCode.flatMap { regionName[$0] } ?? "—") },
                parentOptions: user.isAdmin
                    ? UsersConsole.orgOptions(orgs, allowed: user.administered, selected: nil) : nil,
                csrf: CSRF.token(for: req))
            let body = OrganisationsView(model: model).render()
            return Views.console(
                "机关与区划", user: user, request: req, active: SitePath.organisations.path, flash: Flash.take(req), body)
        }
        console.post("organisations") { req async throws -> Response in
            let user = try req.requireUser()
            let form = try req.content.decode(NewOrgForm.self)
            try await UsersConsole.formAction(req, back: "") {
                guard let parent = form.parentId.flatMap(UUID.init(uuidString:)) else {
                    throw DomainError.invalid(field: "parentId", message: "请选择上级机关")
                }
                guard user.administered.contains(parent) else { throw APIError.forbidden("您不是上级机关的系统管理员，不能在其下设立机关") }
                let o = try await req.write(as: user) { tx in
                    try await Directory.createOrganisation(
                        .init(
                            name: form.name ?? "", uscc: form.uscc, regionCode: form.regionCode ?? "", parentID: parent),
                        in: tx)
                }
                return "已新设机关：\(o.name)"
            }
            return req.redirect(to: SitePath.organisations.path)
        }
        console.post("regions") { req async throws -> Response in
            let user = try req.requireUser()
            guard user.isAdmin else { throw APIError.forbidden("只有系统管理员可以维护行政区划") }
            let form = try req.content.decode(NewRegionForm.self)
            try await UsersConsole.formAction(req, back: "") {
                let parent = (form.parentCode ?? "").isEmpty ? nil : form.parentCode
                let r = try await req.write(as: user) { tx in
                    try await Directory.createRegion(
                        .init(
                            code: (form.code ?? "").trimmingCharacters(in: .whitespaces), name: form.name ?? "",
                            parentCode: parent), in: tx)
                }
                return "已新增行政区划：\(r.name)（\(r.id!)）"
            }
            return req.redirect(to: SitePath.organisations.path)
        }
    }
}

/// API 令牌: create and revoke one's own tokens. The clear token is shown once.
struct TokensConsole {
    struct NewTokenForm: Content { let name: String? }

    static func page(_ req: Request, _ user: AuthUser, newToken: String? = nil) async throws -> Response {
        let tokens = try await APITokenRecord.query(on: req.db).filter(\.$userID == user.id).sort(
            \.$createdAt, .descending
        ).all()
        let body = TokensView(
            tokens: tokens.map { t in
                (
                    t.id!, t.name,
                    t.createdAt.map { String(ChinaTime.iso($0).prefix(16)).replacingOccurrences(of: "T", with: " ") }
                        ?? "",
                    t.revokedAt != nil
                )
            }, newToken: newToken, csrf: CSRF.token(for: req)
        ).render()
        return Views.console(
            "API 令牌", user: user, request: req, active: SitePath.tokens.path, flash: Flash.take(req), body)
    }

    static func register(_ console: any RoutesBuilder) {
        console.get("tokens") { req async throws -> Response in try await page(req, try req.requireUser()) }
        console.post("tokens") { req async throws -> Response in
            let user = try req.requireUser()
            let form = try req.content.decode(NewTokenForm.self)
            guard let me = try await UserRecord.find(user.id, on: req.db) else { throw APIError.notFound() }
            do {
                let (_, clear) = try await req.write(as: user) { tx in
                    try await Accounts.createToken(for: me, name: form.name ?? "", tx: tx)
                }
                return try await page(req, user, newToken: clear)
            } catch let e as DomainError {
                Flash.set(req, error: Flash.message(for: e, request: req))
                return req.redirect(to: SitePath.tokens.path)
            }
        }
        console.post("tokens", ":id", "revoke") { req async throws -> Response in
            let user = try req.requireUser()
            guard let id = req.parameters.get("id", as: UUID.self),
                let t = try await APITokenRecord.find(id, on: req.db), t.userID == user.id
            else {
                throw APIError.notFound("该令牌不存在")
            }
            try await UsersConsole.formAction(req, back: "") {
                try await req.write(as: user) { tx in try await Accounts.revoke(token: t, tx: tx) }
                return "已吊销令牌“\(t.name)”"
            }
            return req.redirect(to: SitePath.tokens.path)
        }
    }
}

/// 期限计算: the calculator, for staff (console) and the public (portal).
struct DeadlinePages {
    static func form(_ req: Request, action: String) -> HTML {
        let from = req.query[String.self, at: "from"] ?? req.fazhi.today.description
        let days = req.query[String.self, at: "days"] ?? ""
        let unit = req.query[String.self, at: "unit"] ?? "workday"
        var result: DeadlineView.Result?
        if req.query[String.self, at: "days"] != nil {
            do {
                let a = try DeadlineAPI.answer(req)
                let d = Deadline(
                    start: CivilDate(iso: a.from)!, period: a.days, unit: PeriodUnit(rawValue: a.unit)!, article: nil,
                    due: CivilDate(iso: a.due)!)
                result = .due(from: a.from, days: a.days, unitName: a.unitName, deadline: d, rule: a.rule)
            } catch {
                result = .error(Flash.message(for: error, request: req))
            }
        }
        return DeadlineView(
            action: action, from: from, days: days, unit: unit, result: result, today: req.fazhi.today,
            years: req.fazhi.calendar.years.map(String.init).joined(separator: "、")
        ).render()
    }

    static func register(console: any RoutesBuilder, portal: any RoutesBuilder) {
        console.get("deadline") { req async throws -> Response in
            Views.console(
                "期限计算", user: try req.requireUser(), request: req, active: SitePath.deadline.path,
                form(req, action: SitePath.deadline.path))
        }
        portal.get("deadline") { req -> Response in Views.portal("法定期限计算", request: req, form(req, action: "/deadline"))
        }
    }
}

/// 全过程记录: the log, its checkpoints, and a full verification on demand.
struct RecordConsole {
    static func register(_ console: any RoutesBuilder) {
        console.get("record") { req async throws -> Response in
            let user = try req.requireUser()
            guard user.isAdmin || user.isSupervisor else { throw APIError.notFound() }
            let size = try await RecordLog.size(on: req.db)
            let cps = try await RecordLog.checkpoints(on: req.db).suffix(10).reversed()
            let recent = try await RecordLog.recent(on: req.db, limit: 50)
            let users = try await UserRecord.query(on: req.db).all()
            let who = Dictionary(uniqueKeysWithValues: users.map { ($0.id!.uuidString, $0.displayName) })
            let body = RecordView(
                size: size,
                checkpoints: cps.map {
                    ($0.treeSize, String($0.madeAt.prefix(19)).replacingOccurrences(of: "T", with: " "), $0.rootHash)
                },
                entries: recent.map { e in
                    (
                        Int(e.sequence), String(e.recordedAt.prefix(19)).replacingOccurrences(of: "T", with: " "),
                        who[e.actor] ?? (e.actor == "system" ? "系统" : e.actor), ActionNames.describe(e),
                        String(e.payloadHash.prefix(16)) + "…"
                    )
                },
                publicKey: req.fazhi.recordKey.publicKey.base64, csrf: CSRF.token(for: req)
            ).render()
            return Views.console(
                "全过程记录", user: user, request: req, active: SitePath.record.path, flash: Flash.take(req), body)
        }
        console.post("record", "checkpoint") { req async throws -> Response in
            let user = try req.requireUser()
            guard user.isAdmin || user.isSupervisor else { throw APIError.forbidden("只有系统管理员或司法行政监督人员可以签署检查点") }
            try await UsersConsole.formAction(req, back: "") {
                let cp = try await RecordLog.makeCheckpoint(
                    key: req.fazhi.recordKey, store: req.fazhi.store, on: req.db, now: req.fazhi.now)
                return "已签署检查点：规模 \(cp.treeSize)"
            }
            return req.redirect(to: SitePath.record.path)
        }
        console.post("record", "verify") { req async throws -> Response in
            let user = try req.requireUser()
            guard user.isAdmin || user.isSupervisor else { throw APIError.forbidden() }
            let report = try await RecordLog.audit(on: req.db, extraKeys: [req.fazhi.recordKey.publicKey])
            let altered = try await StateAlerts.check(req.application)
            if report.ok && altered.isEmpty {
                Flash.set(
                    req, ok: "校验通过：\(report.entriesChecked) 条记录、\(report.checkpointsChecked) 个检查点均一致；案件与公示内容均与记录一致。")
            } else {
                Flash.set(
                    req,
                    error: "校验未通过："
                        + ([report.firstProblem?.reason].compactMap { $0 } + report.checkpointProblems
                        + altered.map(\.message)).joined(separator: "；"))
            }
            return req.redirect(to: SitePath.record.path)
        }
    }
}
