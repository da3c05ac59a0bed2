import FluentKit
import SQLKit

/// 007: 事后公示 — one row per published decision, holding only its public projection (masked), plus the
/// columns the portal filters on. Withdrawn decisions stay, marked, with the reason (行政处罚法 第四十八条).
public struct M007_Publications: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("publications")
            .field("case_id", .uuid, .identifier(auto: false))
            .field("decision_number", .string, .required)
            .field("body_id", .uuid, .required)
            .field("decided_on", .string, .required)
            .field("published_on", .string, .required)
            .field("withdrawn_on", .string)
            .field("penalties", .string, .required)
            .field("fine", .double, .required)
            .field("content", .string, .required)
            .create()
        try await (db as! any SQLDatabase).raw(
            "CREATE INDEX publications_body_date ON publications (body_id, decided_on)"
        ).run()
        try await (db as! any SQLDatabase).raw("CREATE INDEX publications_date ON publications (decided_on)").run()
    }

    public func revert(on db: any Database) async throws { try await db.schema("publications").delete() }
}
