import FluentKit
import SQLKit

/// 005: cases under the procedure engine. `cases` holds each case's file (JSON) plus the columns lists,
/// statistics and the 待办 query filter on; `case_steps` is the append-only timeline; `case_deadlines` the
/// deadlines (rewritten for a case at each step); `case_sequences` numbers documents per body, year and kind.
public struct M005_Cases: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("cases")
            .id()
            .field("procedure", .string, .required)
            .field("definition_version", .int, .required)
            .field("body_id", .uuid, .required, .references("organisations", "id"))
            .field("number", .string, .required)
            .field("state", .string, .required)
            .field("version", .int, .required)
            .field("party_name", .string, .required)
            .field("power_item_code", .string, .required)
            .field("opened_on", .string, .required)
            .field("decided_on", .string)
            .field("closed_on", .string)
            .field("outcome", .string)
            .field("fine", .double)
            .field("content", .string, .required)
            .unique(on: "number")
            .create()
        try await db.schema("case_steps")
            .field("case_id", .uuid, .required, .references("cases", "id"))
            .field("seq", .int, .required)
            .field("action", .string, .required)
            .field("taken_on", .string, .required)
            .field("actor_id", .uuid, .required)
            .field("content", .string, .required)
            .unique(on: "case_id", "seq")
            .create()
        try await db.schema("case_deadlines")
            .field("case_id", .uuid, .required, .references("cases", "id"))
            .field("key", .string, .required)
            .field("name", .string, .required)
            .field("due", .string, .required)
            .field("article", .string, .required)
            .field("running", .bool, .required)
            .create()
        try await db.schema("case_sequences")
            .field("body_id", .uuid, .required)
            .field("year", .int, .required)
            .field("kind", .string, .required)
            .field("last", .int, .required)
            .unique(on: "body_id", "year", "kind")
            .create()
        // Officers may be linked to the user account they sign in with (for 法制审核: qualification, not-on-case).
        try await db.schema("officers").field("user_id", .uuid).update()
        let sql = db as! any SQLDatabase
        try await sql.raw("CREATE INDEX cases_body_state ON cases (body_id, state)").run()
        try await sql.raw("CREATE INDEX cases_opened ON cases (body_id, opened_on)").run()
        try await sql.raw("CREATE INDEX case_deadlines_due ON case_deadlines (running, due)").run()
        try await sql.raw("CREATE INDEX case_deadlines_case ON case_deadlines (case_id)").run()
        try await sql.raw("CREATE INDEX case_steps_actor ON case_steps (actor_id, action)").run()
    }

    public func revert(on db: any Database) async throws {
        try await db.schema("officers").deleteField("user_id").update()
        for t in ["case_sequences", "case_deadlines", "case_steps", "cases"] { try await db.schema(t).delete() }
    }
}
