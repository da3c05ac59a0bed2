import Crypto
import FazhiCore
import Vapor

/// Cross-site request forgery protection for every form: a random token bound to the session, put in each
/// form as `_csrf` (or sent as `X-CSRF-Token` by scripts) and checked on every state-changing request that
/// relies on the session cookie. Bearer-token API calls carry no ambient credential and need none.
enum CSRF {
    static let sessionKey = "csrf"

    static func token(for req: Request) -> String {
        if let t = req.session.data[sessionKey] { return t }
        var rng = SystemRandomNumberGenerator()
        let t = Hex.encode((0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) })
        req.session.data[sessionKey] = t
        return t
    }

    static func verify(_ req: Request) throws {
        let expected = req.session.data[sessionKey]
        let sent = req.headers.first(name: "X-CSRF-Token") ?? (try? req.content.get(String.self, at: "_csrf"))
        guard let expected, let sent, constantTimeEqual(expected, sent) else {
            throw failure
        }
    }

    static let failure = APIError(.forbidden, code: "csrf", message: "表单已过期或来源无法确认（CSRF 校验失败），请刷新页面后重试")

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var d: UInt8 = 0
        for i in x.indices { d |= x[i] ^ y[i] }
        return d == 0
    }
}

struct CSRFMiddleware: AsyncMiddleware {
    /// The largest form (not a file upload) collected to read its token: far beyond any text a form asks for.
    static let formLimit = 1_048_576

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let safe = request.method == .GET || request.method == .HEAD || request.method == .OPTIONS
        // An API write with neither a session nor a token is unauthenticated (401), not a failed CSRF check (403).
        if !safe, request.url.path.hasPrefix("/api/"), request.auth.get(AuthUser.self) == nil {
            _ = try request.requireUser()
        }
        if !safe, request.auth.get(AuthUser.self)?.viaToken != true {
            // Routes collect their body after the middleware runs; a file upload arrives streamed, so collect it
            // here (up to the upload limit) to read the form's token.
            // Evidence uploads (up to gigabytes of video) are not collected: their handler checks the token as it streams.
            if request.url.path.hasPrefix("/console/cases/"), request.url.path.hasSuffix("/evidence") {
                return try await next.respond(to: request)
            }
            // A form longer than the first chunk (about 2 KB: a paragraph of reasons) also arrives streamed: collect it
            // too, or its token would be unreadable and a long answer refused as a failed CSRF check.
            if request.body.data == nil {
                let multipart = request.headers.contentType?.type == "multipart"
                _ = try await request.body.collect(max: multipart ? RegistryConsole.uploadLimit : Self.formLimit).get()
            }
            try CSRF.verify(request)
        }
        return try await next.respond(to: request)
    }
}
