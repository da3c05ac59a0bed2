import FluentKit

/// 017: a role a 系统管理员 asks for themselves waits here until another administrator approves it — no one grants
/// themselves a role (issue 14); the record shows the request and the approval, each with its person.
public struct M017_GrantRequests: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("grant_requests")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("role", .string, .required)
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("requested_by", .uuid, .required)
            .field("requested_at", .string, .required)
            .field("decided_by", .uuid)
            .field("decided_at", .string)
            .field("decision", .string)
            .create()
    }

    public func revert(on db: any Database) async throws { try await db.schema("grant_requests").delete() }
}
