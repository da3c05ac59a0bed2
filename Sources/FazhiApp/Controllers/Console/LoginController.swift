import FazhiCore
import FazhiStore
import Fluent
import Vapor

/// Web login and logout with server-side sessions; repeated failures are throttled.
struct LoginController {
    struct LoginForm: Content { let username: String?; let password: String? }

    static func page(
        _ req: Request, error: String? = nil, username: String = "", status: HTTPResponseStatus = .ok
    ) -> Response {
        let body = LoginView(error: error, username: username, csrf: CSRF.token(for: req)).render()
        let r = Views.portal("工作人员登录", request: req, body)
        r.status = status
        return r
    }

    static func register(_ app: any RoutesBuilder) {
        app.get("login") { req -> Response in
            if req.auth.has(AuthUser.self) { return req.redirect(to: SitePath.home.path) }
            return page(req)
        }
        app.post("login") { req async throws -> Response in
            // Login CSRF: without it a hostile page could sign the victim in as the attacker.
            do { try CSRF.verify(req) } catch { return page(req, error: "登录页面已过期，请重新输入", status: .forbidden) }
            let form = try req.content.decode(LoginForm.self)
            let username = (form.username ?? "").trimmingCharacters(in: .whitespaces).lowercased()
            let password = form.password ?? ""
            guard !username.isEmpty, !password.isEmpty else {
                return page(req, error: "请输入用户名和密码", username: username, status: .unprocessableEntity)
            }
            let keys = [
                LoginThrottle.accountKey(username), LoginThrottle.addressKey(req.clientAddress),
            ]
            let throttle = req.fazhi.throttle
            let claim = try await throttle.claim(keys, on: req)
            if let wait = claim.retryAfter {
                let r = page(
                    req, error: "登录失败次数过多，请 \((wait + 59) / 60) 分钟后再试", username: username, status: .tooManyRequests)
                r.headers.replaceOrAdd(name: "Retry-After", value: "\(wait)")
                return r
            }
            guard let user = try await Accounts.user(named: username, on: req.db), user.isActive,
                try await req.password.async.verify(password, created: user.passwordHash)
            else {
                // The failed attempt stays counted (it was counted before the password was checked).
                return page(req, error: "用户名或密码错误，或账号已停用", username: username, status: .unauthorized)
            }
            try await throttle.forgive(claim, on: req)
            try await throttle.reset(LoginThrottle.accountKey(username), on: req)
            // A new session id at login, so an id planted before login is worthless afterwards.
            if let old = req.session.id { try? await StoreSessionDriver().deleteSession(old, for: req) }
            req.session.id = nil
            req.session.data = SessionData()
            req.session.data["uid"] = user.id!.uuidString
            _ = CSRF.token(for: req)
            return req.redirect(to: SitePath.home.path)
        }
        app.post("logout") { req async throws -> Response in
            try CSRF.verify(req)
            req.auth.logout(AuthUser.self)
            req.session.destroy()
            return req.redirect(to: "/login")
        }
    }
}
