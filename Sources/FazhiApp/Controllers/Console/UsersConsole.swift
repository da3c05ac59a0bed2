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
        let body: HTML = """
            <form method="post" action="/console/users" class="card">\(Views.flash(error, error: true))\(Views.csrfField(req))
            <label for="username">用户名（登录用，3–32位小写字母、数字或 . _ -）</label><input id="username" name="username" value="\(form?.username)" required>
            <label for="displayName">姓名</label><input id="displayName" name="displayName" value="\(form?.displayName)" required>
            <label for="organisationId">所在单位</label><select id="organisationId" name="organisationId">\(orgOptions(orgs, allowed: user.administered, selected: form?.organisationId.flatMap(UUID.init(uuidString:))))</select>
            <label for="role">初始角色（在所在单位内）</label><select id="role" name="role"><option value="">（暂不授予）</option>\(roleOptions(selected: form?.role))</select>
            <label for="password">初始密码（至少10位，含字母和数字）</label><input id="password" name="password" type="password" required autocomplete="new-password">
            <button type="submit" id="create-user">创建用户</button></form>
            """
        let r = Views.console("新建用户", user: user, request: req, active: "/console/users", body)
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
            let rows = users.map { u -> HTML in
                let roles = (byUser[u.id!] ?? []).map { g -> HTML in
                    "<span class=\"tag\">\(Role(rawValue: g.role)?.chineseName ?? g.role) · \(orgName[g.organisationID] ?? "")</span>"
                }
                return
                    "<tr><td><a href=\"/console/users/\(u.id!.uuidString)\">\(u.username)</a></td><td>\(u.displayName)</td><td>\(orgName[u.organisationID] ?? "")</td><td>\(roles)</td><td>\(u.isActive ? "正常" : "已停用")</td></tr>"
            }
            let newButton: HTML =
                user.isAdmin ? "<p><a class=\"button\" href=\"/console/users/new\" id=\"new-user\">新建用户</a></p>" : ""
            let body: HTML = """
                \(newButton)
                <div class="table-wrap"><table class="data" id="users"><thead><tr><th>用户名</th><th>姓名</th><th>所在单位</th><th>角色</th><th>状态</th></tr></thead><tbody>\(rows)</tbody></table></div>
                <p class="muted">共 \(users.count) 个用户。</p>
                """
            return Views.console(
                "用户与角色", user: user, request: req, active: "/console/users", flash: Flash.take(req), body)
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
                return req.redirect(to: "/console/users/\(u.id!.uuidString)")
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
            let tid = target.id!.uuidString
            let rows = grants.map { g -> HTML in
                let revoke: HTML =
                    canAdmin
                    ? "<form method=\"post\" action=\"/console/users/\(tid)/grants/\(g.id!.uuidString)/revoke\" class=\"inline\">\(Views.csrfField(req))<button class=\"secondary\" type=\"submit\">撤销</button></form>"
                    : ""
                return
                    "<tr><td>\(Role(rawValue: g.role)?.chineseName ?? g.role)</td><td>\(orgName[g.organisationID] ?? "")</td><td>\(revoke)</td></tr>"
            }
            let adminForms: HTML =
                canAdmin
                ? """
                <h2>授予角色</h2>
                <form method="post" action="/console/users/\(tid)/grants" class="card">\(Views.csrfField(req))
                <label for="role">角色</label><select id="role" name="role">\(roleOptions(selected: nil))</select>
                <label for="grant-org">单位</label><select id="grant-org" name="organisationId">\(orgOptions(orgs, allowed: user.administered, selected: target.organisationID))</select>
                <button type="submit">授予</button></form>
                <h2>重设密码</h2>
                <form method="post" action="/console/users/\(tid)/password" class="card">\(Views.csrfField(req))
                <label for="password">新密码（至少10位，含字母和数字）</label><input id="password" name="password" type="password" required autocomplete="new-password">
                <button type="submit">重设</button></form>
                <h2>账号状态</h2>
                <form method="post" action="/console/users/\(tid)/active" class="card">\(Views.csrfField(req))
                <input type="hidden" name="active" value="\(target.isActive ? "false" : "true")">
                <button type="submit" class="secondary">\(target.isActive ? "停用账号" : "启用账号")</button></form>
                """ : "<p class=\"muted\">您可以查看此用户，但无权修改。</p>"
            let body: HTML = """
                <div class="card"><p>用户名：<b>\(target.username)</b>　姓名：<b>\(target.displayName)</b></p>
                <p>所在单位：\(orgName[target.organisationID] ?? "")　状态：\(target.isActive ? "正常" : "已停用")</p></div>
                <h2>角色</h2>
                <div class="table-wrap"><table class="data"><thead><tr><th>角色</th><th>单位</th><th></th></tr></thead><tbody>\(rows)</tbody></table></div>
                \(adminForms)
                """
            return Views.console(
                "用户：\(target.displayName)", user: user, request: req, active: "/console/users", flash: Flash.take(req),
                body)
        }
        console.post("users", ":id", "grants") { req async throws -> Response in
            let user = try req.requireUser()
            let target = try await UsersAPI.visibleUser(req, user)
            let form = try req.content.decode(GrantForm.self)
            try await formAction(req, back: "/console/users/\(target.id!.uuidString)") {
                guard let role = form.role.flatMap(Role.init(rawValue:)) else {
                    throw DomainError.invalid(field: "role", message: "请选择角色")
                }
                guard let org = form.organisationId.flatMap(UUID.init(uuidString:)) else {
                    throw DomainError.invalid(field: "organisationId", message: "请选择单位")
                }
                try UsersAPI.requireAdmin(user, over: [target.organisationID, org])
                _ = try await req.write(as: user) { tx in try await Accounts.grant(role, to: target, in: org, tx: tx) }
                return "已授予角色“\(role.chineseName)”"
            }
            return req.redirect(to: "/console/users/\(target.id!.uuidString)")
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
            return req.redirect(to: "/console/users/\(target.id!.uuidString)")
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
            return req.redirect(to: "/console/users/\(target.id!.uuidString)")
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
            return req.redirect(to: "/console/users/\(target.id!.uuidString)")
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
