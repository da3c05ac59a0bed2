import FluentKit
import SQLKit

/// 019: the items of each body's 政府信息公开目录 that staff enter (政府信息公开条例 第十二条、第二十条、第二十六条): category,
/// name, summary, the day made or changed and the day published. What Fazhi publishes itself (decisions, registries) is
/// listed from its own tables.
public struct M019_ProactiveItems: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("proactive_items")
            .id()
            .field("body_id", .uuid, .required, .references("organisations", "id"))
            .field("category", .string, .required)
            .field("title", .string, .required)
            .field("summary", .string, .required)
            .field("formed_on", .string, .required)
            .field("published_on", .string)
            .field("link", .string, .required)
            .field("content", .string, .required)
            .create()
        try await (db as! any SQLDatabase).raw(
            "CREATE INDEX proactive_items_body ON proactive_items (body_id, formed_on)"
        )
        .run()
    }

    public func revert(on db: any Database) async throws { try await db.schema("proactive_items").delete() }
}
