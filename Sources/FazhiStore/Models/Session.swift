import FluentKit
import Foundation

/// A server-side login session (会话). The cookie carries only the random id.
public final class SessionRow: Model, @unchecked Sendable {
    public static let schema = "sessions"
    @ID(custom: "id", generatedBy: .user) public var id: String?
    @Field(key: "data") public var data: String
    @Field(key: "expires_at") public var expiresAt: Date

    public init() {}
    public init(id: String, data: String, expiresAt: Date) {
        self.id = id; self.data = data; self.expiresAt = expiresAt
    }
}

/// 003: sessions.
public struct M003_Sessions: AsyncMigration {
    public init() {}
    public func prepare(on db: any Database) async throws {
        try await db.schema("sessions")
            .field("id", .string, .identifier(auto: false))
            .field("data", .string, .required)
            .field("expires_at", .datetime, .required)
            .create()
    }
    public func revert(on db: any Database) async throws { try await db.schema("sessions").delete() }
}
