import FazhiCore
import FazhiStore
import Fluent
import Vapor

/// 用户与角色: the admin console page.
struct UsersConsole {
    struct NewUserForm: Content {
        let username: String?; let displayName: String?; let password: String?; let organisationId: String?;
        let role: String?
    }
    struct GrantForm: Content { let role: String?; let organisationId: String? }
    struct PasswordForm: Content { let password: String? }
    struct ActiveForm: Content { let active: String? }

    static func orgOptions(_ orgs: [OrganisationRecord], allowed: Set<UUID>, selected: UUID?) -> HTML {
        HTML.join(
            orgs.filter { allowed.contains($0.id!) }.map { o in
                "<option value=\"\(o.id!.uuidString)\"\(HTML(raw: o.id == selected ? " selected" : ""))>\(o.name)</option>"
            })
    }

    static func roleOptions(selected: String?) -> HTML {
        HTML.join(
            Role.allCases.map { r in
                "<option value=\"\(r.rawValue)\"\(HTML(raw: r.rawValue == selected ? " selected" : ""))>\(r.chineseName)</option>"
            })
    }

    static func newUserPage(
        _ req: Request, _ user: AuthUser, form: NewUserForm? = nil, error: String? = nil
    ) async throws -> Response {
        let orgs = try await Directory.organisations(on: req.db)
        let body = UsersViews.newUser(
            form: form, error: error,
            organisations: orgOptions(
                orgs, allowed: user.administered, selected: form?.organisationId.flatMap(UUID.init(uuidString:))),
            roles: roleOptions(selected: form?.role), csrf: CSRF.token(for: req))
        let r = Views.console("新建用户", user: user, request: req, active: SitePath.users.path, body)
        if error != nil { r.status = .unprocessableEntity }
        return r
    }

    static func register(_ console: any RoutesBuilder) {
        console.get("users") { req async throws -> Response in
            let user = try req.requireUser()
            guard user.isAdmin || user.isSupervisor else { throw APIError.notFound() }
            let readable = Array(user.readable)
            let users = try await UserRecord.query(on: req.db).filter(\.$organisationID ~~ readable).sort(\.$username)
                .all()
            let orgs = try await Directory.organisations(on: req.db)
            let orgName = Dictionary(uniqueKeysWithValues: orgs.map { ($0.id!, $0.name) })
            let grants = try await RoleGrantRecord.query(on: req.db).filter(\.$userID ~~ users.compactMap(\.id)).all()
            let byUser = Dictionary(grouping: grants, by: \.userID)
            let body = UsersViews.list(
                users: users.map { u in
                    UsersViews.UserLine(
                        id: u.id!, username: u.username, name: u.displayName,
                        organisation: orgName[u.organisationID] ?? "",
                        roles: (byUser[u.id!] ?? []).map {
                            "\(Role(rawValue: $0.role)?.chineseName ?? $0.role) · \(orgName[$0.organisationID] ?? "")"
                        },
                        active: u.isActive)
                }, canCreate: user.isAdmin,
                pending: try await GrantRequests.pending(in: user.administered, on: req.db).map { r in
                    UsersViews.PendingGrant(
                        id: r.id!, user: users.first { $0.id == r.userID }?.displayName ?? r.userID.uuidString,
                        role: Role(rawValue: r.role)?.chineseName ?? r.role,
                        organisation: orgName[r.organisationID] ?? "",
                        requestedAt: String(r.requestedAt.prefix(19)).replacingOccurrences(of: "T", with: " "),
                        mine: r.requestedBy == user.id)
                }, csrf: CSRF.token(for: req))
            return Views.console(
                "用户与角色", user: user, request: req, active: SitePath.users.path, flash: Flash.take(req), body)
        }
        console.get("users", "new") { req async throws -> Response in
            let user = try req.requireUser()
            guard user.isAdmin else { throw APIError.forbidden("只有系统管理员可以新建用户") }
            return try await newUserPage(req, user)
        }
        console.post("users") { req async throws -> Response in
            let user = try req.requireUser()
            let form = try req.content.decode(NewUserForm.self)
            do {
                guard let orgText = form.organisationId, let org = UUID(uuidString: orgText) else {
                    throw DomainError.invalid(field: "organisationId", message: "请选择所在单位")
                }
                var roles: [UsersAPI.RoleInput] = []
                if let r = form.role, !r.isEmpty {
                    guard let role = Role(rawValue: r) else {
                        throw DomainError.invalid(field: "role", message: "角色无效")
                    }
                    roles.append(UsersAPI.RoleInput(role: role, organisationId: org))
                }
                let input = UsersAPI.NewUserInput(
                    username: form.username ?? "", displayName: form.displayName ?? "", password: form.password ?? "",
                    organisationId: org, roles: roles)
                let u = try await UsersAPI.createUser(input, by: user, req: req)
                Flash.set(req, ok: "已创建用户 \(u.username)")
                return req.redirect(to: SitePath.userPage(u.id!).path)
            } catch {
                let c = FazhiErrorMiddleware.classify(error, request: req)
                if c.status == .forbidden { throw error }
                return try await newUserPage(req, user, form: form, error: Flash.message(for: error, request: req))
            }
        }
        console.get("users", ":id") { req async throws -> Response in
            let user = try req.requireUser()
            let target = try await UsersAPI.visibleUser(req, user)
            let orgs = try await Directory.organisations(on: req.db)
            let orgName = Dictionary(uniqueKeysWithValues: orgs.map { ($0.id!, $0.name) })
            let grants = try await RoleGrantRecord.query(on: req.db).filter(\.$userID == target.id!).all()
            let canAdmin = user.administered.contains(target.organisationID)
            let body = UsersViews.user(
                id: target.id!, username: target.username, name: target.displayName,
                organisation: orgName[target.organisationID] ?? "",
                active: target.isActive,
                grants: grants.map {
                    ($0.id!, Role(rawValue: $0.role)?.chineseName ?? $0.role, orgName[$0.organisationID] ?? "")
                },
                admin: canAdmin
                    ? (
                        roleOptions(selected: nil),
                        orgOptions(orgs, allowed: user.administered, selected: target.organisationID)
                    ) : nil,
                csrf: CSRF.token(for: req))
            return Views.console(
                "用户：\(target.displayName)", user: user, request: req, active: SitePath.users.path,
                flash: Flash.take(req),
                body)
        }
        console.post("users", ":id", "grants") { req async throws -> Response in
            let user = try req.requireUser()
            let target = try await UsersAPI.visibleUser(req, user)
            let form = try req.content.decode(GrantForm.self)
            try await formAction(req, back: SitePath.userPage(target.id!).path) {
                guard let role = form.role.flatMap(Role.init(rawValue:)) else {
                    throw DomainError.invalid(field: "role", message: "请选择角色")
                }
                guard let org = form.organisationId.flatMap(UUID.init(uuidString:)) else {
                    throw DomainError.invalid(field: "organisationId", message: "请选择单位")
                }
                try UsersAPI.requireAdmin(user, over: [target.organisationID, org])
                // No one grants themselves a role: it waits for another administrator.
                if target.id == user.id {
                    _ = try await req.write(as: user) { tx in
                        try await GrantRequests.request(role, for: target, in: org, tx: tx)
                    }
                    return "已提交申请：为自己授予角色“\(role.chineseName)”须经另一名系统管理员批准"
                }
                _ = try await req.write(as: user) { tx in try await Accounts.grant(role, to: target, in: org, tx: tx) }
                return "已授予角色“\(role.chineseName)”"
            }
            return req.redirect(to: SitePath.userPage(target.id!).path)
        }
        for approve in [true, false] {
            console.post("grant-requests", ":id", approve ? "approve" : "reject") { req async throws -> Response in
                try await formAction(req, back: SitePath.users.path) {
                    let (user, r) = try await UsersAPI.grantRequest(req)
                    try await req.write(as: user) { tx in
                        try await GrantRequests.decide(r, approve: approve, by: user.id, tx: tx)
                    }
                    return approve ? "已批准角色申请" : "已驳回角色申请"
                }
                return req.redirect(to: SitePath.users.path)
            }
        }
        console.post("users", ":id", "grants", ":grant", "revoke") { req async throws -> Response in
            let user = try req.requireUser()
            let target = try await UsersAPI.visibleUser(req, user)
            try await formAction(req, back: "") {
                guard let gid = req.parameters.get("grant", as: UUID.self),
                    let g = try await RoleGrantRecord.find(gid, on: req.db), g.userID == target.id
                else {
                    throw APIError.notFound("该角色授权不存在")
                }
                try UsersAPI.requireAdmin(user, over: [target.organisationID, g.organisationID])
                if target.id == user.id && g.role == Role.systemAdmin.rawValue {
                    throw DomainError.conflict(field: "role", message: "不能撤销自己的系统管理员角色")
                }
                try await req.write(as: user) { tx in try await Accounts.revoke(grant: g, tx: tx) }
                return "已撤销角色"
            }
            return req.redirect(to: SitePath.userPage(target.id!).path)
        }
        console.post("users", ":id", "password") { req async throws -> Response in
            let user = try req.requireUser()
            let target = try await UsersAPI.visibleUser(req, user)
            let form = try req.content.decode(PasswordForm.self)
            try await formAction(req, back: "") {
                try UsersAPI.requireAdmin(user, over: [target.organisationID])
                let p = form.password ?? ""
                try Accounts.validatePassword(p)
                let hash = try await req.password.async.hash(p)
                try await req.write(as: user) { tx in
                    try await Accounts.setPassword(user: target, passwordHash: hash, in: tx)
                }
                return "已重设密码"
            }
            return req.redirect(to: SitePath.userPage(target.id!).path)
        }
        console.post("users", ":id", "active") { req async throws -> Response in
            let user = try req.requireUser()
            let target = try await UsersAPI.visibleUser(req, user)
            let form = try req.content.decode(ActiveForm.self)
            try await formAction(req, back: "") {
                try UsersAPI.requireAdmin(user, over: [target.organisationID])
                let active = form.active == "true"
                if target.id == user.id && !active { throw DomainError.conflict(field: nil, message: "不能停用自己的账号") }
                try await req.write(as: user) { tx in try await Accounts.setActive(user: target, active: active, in: tx)
                }
                return active ? "已启用账号" : "已停用账号"
            }
            return req.redirect(to: SitePath.userPage(target.id!).path)
        }
    }

    /// Runs a form action: success and failure both become a flash message on the page redirected to.
    /// A refusal for lack of rights stays a 403 (and a page not visible a 404) rather than a flash.
    static func formAction(_ req: Request, back: String, _ body: () async throws -> String) async throws {
        do {
            Flash.set(req, ok: try await body())
        } catch {
            let c = FazhiErrorMiddleware.classify(error, request: req)
            if c.status == .forbidden || c.status == .notFound || c.status.code >= 500 { throw error }
            Flash.set(req, error: Flash.message(for: error, request: req))
        }
    }
}
