import FazhiCore
import FazhiStore
import Fluent
import Vapor

struct GrantDTO: Content {
    let id: UUID; let role: String; let roleName: String; let organisationId: UUID
    init(_ g: RoleGrantRecord) {
        id = g.id!; role = g.role; roleName = Role(rawValue: g.role)?.chineseName ?? g.role;
        organisationId = g.organisationID
    }
}
struct GrantRequestDTO: Content {
    let id: UUID; let userId: UUID; let role: String; let roleName: String; let organisationId: UUID
    let requestedAt: String; let status: String; let message: String
    init(_ r: GrantRequestRecord) {
        id = r.id!; userId = r.userID; role = r.role; roleName = Role(rawValue: r.role)?.chineseName ?? r.role
        organisationId = r.organisationID; requestedAt = r.requestedAt
        status = r.decision ?? "pending"
        message = r.decision == nil ? "为自己授予角色须经另一名系统管理员批准" : (r.decision == "approved" ? "已批准" : "已驳回")
    }
}
struct UserDTO: Content {
    let id: UUID; let username: String; let displayName: String; let organisationId: UUID; let isActive: Bool;
    let grants: [GrantDTO]
}

/// Users and role grants. A user is visible to whoever may read their organisation; only a 系统管理员 of
/// the organisation (or one above it) may change them.
struct UsersAPI {
    struct RoleInput: StrictInput {
        static let fields: Set<String> = ["role", "organisationId"]
        let role: Role; let organisationId: UUID
        enum CodingKeys: String, CodingKey { case role, organisationId }
        init(role: Role, organisationId: UUID) { self.role = role; self.organisationId = organisationId }
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            role = try c.decodeEnum(Role.self, forKey: .role)
            organisationId = try c.decode(UUID.self, forKey: .organisationId)
        }
    }
    struct NewUserInput: StrictInput {
        static let fields: Set<String> = ["username", "displayName", "password", "organisationId", "roles"]
        let username: String; let displayName: String; let password: String; let organisationId: UUID;
        let roles: [RoleInput]?
    }
    /// A grant request body is exactly one role input.
    typealias GrantInput = RoleInput
    struct PasswordInput: StrictInput { static let fields: Set<String> = ["password"]; let password: String }
    struct ActiveInput: StrictInput { static let fields: Set<String> = ["active"]; let active: Bool }

    static func dto(_ u: UserRecord, on db: any Database) async throws -> UserDTO {
        let grants = try await RoleGrantRecord.query(on: db).filter(\.$userID == u.id!).all()
        return UserDTO(
            id: u.id!, username: u.username, displayName: u.displayName, organisationId: u.organisationID,
            isActive: u.isActive, grants: grants.map(GrantDTO.init))
    }

    /// The user if the reader may see them; otherwise 404 (never reveal what lies outside one's scope).
    static func visibleUser(_ req: Request, _ reader: AuthUser) async throws -> UserRecord {
        guard let id = req.parameters.get("id", as: UUID.self), let u = try await UserRecord.find(id, on: req.db),
            u.id == reader.id || reader.readable.contains(u.organisationID)
        else { throw APIError.notFound() }
        return u
    }

    /// A pending request the caller administers (404 otherwise: never reveal what lies outside one's scope).
    static func grantRequest(_ req: Request) async throws -> (AuthUser, GrantRequestRecord) {
        let user = try req.requireUser()
        guard let id = req.parameters.get("id", as: UUID.self),
            let r = try await GrantRequestRecord.find(id, on: req.db),
            user.administered.contains(r.organisationID)
        else { throw APIError.notFound("该角色申请不存在") }
        return (user, r)
    }

    static func requireAdmin(_ reader: AuthUser, over organisations: [UUID]) throws {
        guard organisations.allSatisfy({ reader.administered.contains($0) }) else {
            throw APIError.forbidden("只有该单位（或其上级）的系统管理员可以管理此用户及其角色")
        }
    }

    static func createUser(_ input: NewUserInput, by user: AuthUser, req: Request) async throws -> UserRecord {
        try requireAdmin(user, over: [input.organisationId] + (input.roles ?? []).map(\.organisationId))
        try Accounts.validatePassword(input.password)
        let hash = try await req.password.async.hash(input.password)
        return try await req.write(as: user) { tx in
            let u = try await Accounts.createUser(
                username: input.username, displayName: input.displayName, passwordHash: hash,
                organisationID: input.organisationId, in: tx)
            for r in input.roles ?? [] { _ = try await Accounts.grant(r.role, to: u, in: r.organisationId, tx: tx) }
            return u
        }
    }

    static func register(_ api: any RoutesBuilder) {
        api.get("me") { req async throws -> UserDTO in
            let user = try req.requireUser()
            guard let u = try await UserRecord.find(user.id, on: req.db) else { throw APIError.notFound() }
            return try await dto(u, on: req.db)
        }
        api.get("users") { req async throws -> [UserDTO] in
            let user = try req.requireUser()
            let readable = Array(user.readable)
            let users = try await UserRecord.query(on: req.db).filter(\.$organisationID ~~ readable).sort(\.$username)
                .all()
            var out: [UserDTO] = []
            for u in users { out.append(try await dto(u, on: req.db)) }
            return out
        }
        api.get("users", ":id") { req async throws -> UserDTO in
            let user = try req.requireUser()
            return try await dto(try await visibleUser(req, user), on: req.db)
        }
        api.post("users") { req async throws -> Response in
            let user = try req.requireUser()
            let input = try StrictJSON.decode(NewUserInput.self, from: req)
            let u = try await createUser(input, by: user, req: req)
            return try created(try await dto(u, on: req.db))
        }
        api.post("users", ":id", "grants") { req async throws -> Response in
            let user = try req.requireUser()
            let target = try await visibleUser(req, user)
            let input = try StrictJSON.decode(GrantInput.self, from: req)
            try requireAdmin(user, over: [target.organisationID, input.organisationId])
            // No one grants themselves a role: it waits for another administrator (`GrantRequests`).
            if target.id == user.id {
                let r = try await req.write(as: user) { tx in
                    try await GrantRequests.request(input.role, for: target, in: input.organisationId, tx: tx)
                }
                let response = Response(status: .accepted)
                try response.content.encode(GrantRequestDTO(r))
                return response
            }
            let g = try await req.write(as: user) { tx in
                try await Accounts.grant(input.role, to: target, in: input.organisationId, tx: tx)
            }
            return try created(GrantDTO(g))
        }
        api.get("grant-requests") { req async throws -> [GrantRequestDTO] in
            let user = try req.requireUser()
            return try await GrantRequests.pending(in: user.administered, on: req.db).map(GrantRequestDTO.init)
        }
        api.post("grant-requests", ":id", "approve") { req async throws -> Response in
            let (user, r) = try await grantRequest(req)
            let g = try await req.write(as: user) { tx in
                try await GrantRequests.decide(r, approve: true, by: user.id, tx: tx)
            }
            return try created(GrantDTO(g!))
        }
        api.post("grant-requests", ":id", "reject") { req async throws -> HTTPStatus in
            let (user, r) = try await grantRequest(req)
            try await req.write(as: user) { tx in try await GrantRequests.decide(r, approve: false, by: user.id, tx: tx)
            }
            return .noContent
        }
        api.delete("users", ":id", "grants", ":grant") { req async throws -> HTTPStatus in
            let user = try req.requireUser()
            let target = try await visibleUser(req, user)
            guard let gid = req.parameters.get("grant", as: UUID.self),
                let g = try await RoleGrantRecord.find(gid, on: req.db), g.userID == target.id
            else { throw APIError.notFound("该角色授权不存在") }
            try requireAdmin(user, over: [target.organisationID, g.organisationID])
            if target.id == user.id && g.role == Role.systemAdmin.rawValue {
                throw APIError(.conflict, code: "conflict", field: "role", message: "不能撤销自己的系统管理员角色（以免无人管理）")
            }
            try await req.write(as: user) { tx in try await Accounts.revoke(grant: g, tx: tx) }
            return .noContent
        }
        api.post("users", ":id", "password") { req async throws -> HTTPStatus in
            let user = try req.requireUser()
            let target = try await visibleUser(req, user)
            let input = try StrictJSON.decode(PasswordInput.self, from: req)
            try requireAdmin(user, over: [target.organisationID])
            try Accounts.validatePassword(input.password)
            let hash = try await req.password.async.hash(input.password)
            try await req.write(as: user) { tx in
                try await Accounts.setPassword(user: target, passwordHash: hash, in: tx)
            }
            return .noContent
        }
        api.post("users", ":id", "active") { req async throws -> UserDTO in
            let user = try req.requireUser()
            let target = try await visibleUser(req, user)
            let input = try StrictJSON.decode(ActiveInput.self, from: req)
            try requireAdmin(user, over: [target.organisationID])
            if target.id == user.id && !input.active {
                throw APIError(.conflict, code: "conflict", field: "active", message: "不能停用自己的账号")
            }
            try await req.write(as: user) { tx in
                try await Accounts.setActive(user: target, active: input.active, in: tx)
            }
            return try await dto(target, on: req.db)
        }
    }
}
