import FluentKit
import SQLKit

/// 025: 双随机 — the 检查对象名录库 of each body and the draw tasks with their frozen inputs (the published JSON the
/// draw is re-run from) and result.
public struct M025_RandomDraws: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("draw_targets")
            .field("body_id", .uuid, .required, .references("organisations", "id"))
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("industry", .string, .required)
            .field("area", .string, .required)
            .field("grade", .string, .required)
            .unique(on: "body_id", "code")
            .create()
        try await db.schema("draw_tasks")
            .field("id", .uuid, .identifier(auto: false))
            .field("body_id", .uuid, .required, .references("organisations", "id"))
            .field("state", .string, .required)
            .field("created_on", .string, .required)
            .field("content", .string, .required)
            .field("inputs", .string, .required)
            .create()
    }

    public func revert(on db: any Database) async throws {
        try await db.schema("draw_tasks").delete()
        try await db.schema("draw_targets").delete()
    }
}
