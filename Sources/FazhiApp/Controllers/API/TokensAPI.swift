import FazhiCore
import FazhiStore
import Fluent
import Vapor

struct TokenDTO: Content {
    let id: UUID; let name: String; let createdAt: String?; let revoked: Bool; let token: String?
    init(_ t: APITokenRecord, clear: String? = nil) {
        id = t.id!; name = t.name; createdAt = t.createdAt.map { ChinaTime.iso($0) }; revoked = t.revokedAt != nil;
        token = clear
    }
}

/// The signed-in user's own API tokens.
struct TokensAPI {
    struct NewTokenInput: StrictInput { static let fields: Set<String> = ["name"]; let name: String }

    static func register(_ api: any RoutesBuilder) {
        api.get("tokens") { req async throws -> [TokenDTO] in
            let user = try req.requireUser()
            return try await APITokenRecord.query(on: req.db).filter(\.$userID == user.id).sort(
                \.$createdAt, .descending
            ).all().map { TokenDTO($0) }
        }
        api.post("tokens") { req async throws -> Response in
            let user = try req.requireUser()
            let input = try StrictJSON.decode(NewTokenInput.self, from: req)
            guard let me = try await UserRecord.find(user.id, on: req.db) else { throw APIError.notFound() }
            let (t, clear) = try await req.write(as: user) { tx in
                try await Accounts.createToken(for: me, name: input.name, tx: tx)
            }
            return try created(TokenDTO(t, clear: clear))
        }
        api.delete("tokens", ":id") { req async throws -> HTTPStatus in
            let user = try req.requireUser()
            guard let id = req.parameters.get("id", as: UUID.self),
                let t = try await APITokenRecord.find(id, on: req.db), t.userID == user.id
            else {
                throw APIError.notFound("该令牌不存在")
            }
            try await req.write(as: user) { tx in try await Accounts.revoke(token: t, tx: tx) }
            return .noContent
        }
    }
}
