import FazhiCore
import FazhiStore
import Fluent
import Foundation
import Vapor

/// The signed-in user with their grants and the access policy evaluated against the current organisation tree.
public struct AuthUser: Authenticatable, Sendable {
    public let id: UUID
    public let username: String
    public let displayName: String
    public let organisationID: UUID
    public let grants: [RoleGrant]
    public let policy: AccessPolicy
    /// Whether this request came with a bearer token (no CSRF check then: no ambient credentials).
    public let viaToken: Bool

    public var readable: Set<UUID> { policy.readableOrganisations(grants) }
    public var administered: Set<UUID> { policy.administeredOrganisations(grants) }
    public var isAdmin: Bool { grants.contains { $0.role == .systemAdmin } }
    public var isSupervisor: Bool { grants.contains { $0.role == .supervisor } }
    public func has(_ role: Role) -> Bool { grants.contains { $0.role == role } }

    static func load(_ user: UserRecord, on db: any Database, viaToken: Bool) async throws -> AuthUser {
        let id = try user.requireID()
        return AuthUser(
            id: id, username: user.username, displayName: user.displayName, organisationID: user.organisationID,
            grants: try await Accounts.grants(of: id, on: db),
            policy: AccessPolicy(tree: try await Directory.tree(on: db)),
            viaToken: viaToken)
    }
}

extension Request {
    func requireUser() throws -> AuthUser {
        guard let u = auth.get(AuthUser.self) else {
            throw APIError(.unauthorized, code: "unauthenticated", message: "请先登录或提供有效的 API 令牌")
        }
        return u
    }
}

/// Signs in from the session cookie.
struct SessionUserAuthenticator: AsyncRequestAuthenticator {
    func authenticate(request: Request) async throws {
        // `request.session` would create a session (and a database row) for a request that has none, so
        // look only when the request came with one.
        guard request.auth.get(AuthUser.self) == nil, request.hasSession,
            let raw = request.session.data["uid"], let id = UUID(uuidString: raw),
            let user = try await UserRecord.find(id, on: request.db), user.isActive
        else { return }
        request.auth.login(try await AuthUser.load(user, on: request.db, viaToken: false))
    }
}

/// Signs in from `Authorization: Bearer fz_…`.
struct BearerTokenAuthenticator: AsyncBearerAuthenticator {
    func authenticate(bearer: BearerAuthorization, for request: Request) async throws {
        let key = Accounts.tokenHash(bearer.token)
        let generation = request.fazhi.store.generation
        // Real time, not the app clock: the cache's age limit is about this process, not legal dates.
        if let cached = request.fazhi.accessCache.get(key, generation: generation, now: Date()) {
            request.auth.login(cached); return
        }
        guard let user = try await Accounts.user(forToken: bearer.token, on: request.db) else {
            throw APIError(.unauthorized, code: "invalid_token", message: "API 令牌无效或已吊销")
        }
        let auth = try await AuthUser.load(user, on: request.db, viaToken: true)
        request.fazhi.accessCache.put(key, auth, generation: generation, now: Date())
        request.auth.login(auth)
    }
}
