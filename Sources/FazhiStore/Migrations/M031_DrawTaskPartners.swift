import FluentKit
import SQLKit

/// 031: the departments joining a 部门联合抽查 task, so each finds the tasks it takes part in.
public struct M031_DrawTaskPartners: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("draw_task_partners")
            .field("task_id", .uuid, .required, .references("draw_tasks", "id"))
            .field("body_id", .uuid, .required, .references("organisations", "id"))
            .unique(on: "task_id", "body_id")
            .create()
    }

    public func revert(on db: any Database) async throws {
        try await db.schema("draw_task_partners").delete()
    }
}
