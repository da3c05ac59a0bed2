import FluentKit
import SQLKit

/// 023: lists of organisations a government publishes (the 行政规范性文件制定主体清单, …): which organisation is on which
/// list since when and on what basis. Every change is on the record.
public struct M023_OrganisationLists: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("organisation_lists")
            .field("list", .string, .required)
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("listed_on", .string, .required)
            .field("basis", .string, .required)
            .unique(on: "list", "organisation_id")
            .create()
    }

    public func revert(on db: any Database) async throws { try await db.schema("organisation_lists").delete() }
}
