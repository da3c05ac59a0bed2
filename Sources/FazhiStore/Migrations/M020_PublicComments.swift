import FluentKit
import SQLKit

/// 020: comments on drafts open for public consultation (行政规范性文件, 重大行政决策): kept, never deleted — a hidden one
/// keeps its published reason — and answered by group.
public struct M020_PublicComments: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("public_comments")
            .id()
            .field("case_id", .uuid, .required, .references("cases", "id"))
            .field("receipt", .string, .required)
            .field("submitted_on", .string, .required)
            .field("content", .string, .required)
            .unique(on: "receipt")
            .create()
        try await (db as! any SQLDatabase).raw("CREATE INDEX public_comments_case ON public_comments (case_id)").run()
    }

    public func revert(on db: any Database) async throws { try await db.schema("public_comments").delete() }
}
