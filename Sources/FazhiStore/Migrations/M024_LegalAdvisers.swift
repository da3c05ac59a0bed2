import FluentKit
import SQLKit

/// 024: 法律顾问 and 公职律师 (`LegalAdviser`) and their work log (`AdviserWork`), each linked to the case it was for.
public struct M024_LegalAdvisers: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("legal_advisers")
            .field("id", .uuid, .identifier(auto: false))
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("content", .string, .required)
            .field("name", .string, .required)
            .field("contract_until", .string)
            .create()
        try await db.schema("adviser_work")
            .field("id", .uuid, .identifier(auto: false))
            .field("adviser_id", .uuid, .required, .references("legal_advisers", "id"))
            .field("done_on", .string, .required)
            .field("kind", .string, .required)
            .field("case_id", .uuid)
            .field("content", .string, .required)
            .unique(on: "adviser_id", "kind", "case_id")
            .create()
        try await (db as! any SQLDatabase).raw("CREATE INDEX adviser_work_case ON adviser_work (case_id)").run()
    }

    public func revert(on db: any Database) async throws {
        try await db.schema("adviser_work").delete()
        try await db.schema("legal_advisers").delete()
    }
}
