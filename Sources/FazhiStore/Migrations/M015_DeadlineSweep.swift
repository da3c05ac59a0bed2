import FluentKit
import SQLKit

/// 015: each deadline row carries its case's body, procedure and number, and one covering index serves the deadline
/// sweep ("every case due in the next three working days") and the 待办 list from the index alone — no join to the
/// cases of a province. Rows written before are filled in from their cases.
public struct M015_DeadlineSweep: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        for column in ["body_id", "procedure", "case_number"] {
            try await sql.raw("ALTER TABLE case_deadlines ADD COLUMN \(unsafeRaw: column) TEXT").run()
        }
        if sql.dialect.name == "postgresql" {
            try await sql.raw(
                """
                UPDATE case_deadlines d SET body_id = UPPER(CAST(c.body_id AS TEXT)), procedure = c.procedure, case_number = c.number FROM cases c WHERE c.id = d.case_id
                """
            ).run()
        } else {
            try await sql.raw(
                """
                UPDATE case_deadlines SET (body_id, procedure, case_number) = (SELECT UPPER(CAST(c.body_id AS TEXT)), c.procedure, c.number FROM cases c WHERE c.id = case_deadlines.case_id)
                """
            ).run()
        }
        try await sql.raw("DROP INDEX case_deadlines_due").run()
        try await sql.raw(
            "CREATE INDEX case_deadlines_sweep ON case_deadlines (running, due, body_id, procedure, case_number, case_id, key)"
        ).run()
    }

    public func revert(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw("DROP INDEX case_deadlines_sweep").run()
        try await sql.raw("CREATE INDEX case_deadlines_due ON case_deadlines (running, due)").run()
    }
}
