import FluentKit

/// 043: until when an API token's reads stay on the primary after its client wrote (`wrote_until`, seconds since
/// 1970): read-your-writes for a client that carries no cookie, seen by every app node.
public struct M043_TokenWrites: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("api_tokens").field("wrote_until", .double).update()
    }

    public func revert(on db: any Database) async throws {
        try await db.schema("api_tokens").deleteField("wrote_until").update()
    }
}
