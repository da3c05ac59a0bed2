import FluentKit
import SQLKit

/// 010: the statistics' sums kept as they change — per body and month, one row per kind of case (procedure, outcome,
/// transferred, 法制审核, 听证, decided late) with its count, fines and handling days; and per body, year and
/// 行政处罚 item, how many cases used it. A jurisdiction's year is then a few thousand rows, not a third of a million.
public struct M010_FigureSums: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw(
            """
            CREATE TABLE case_figures (body_id TEXT NOT NULL, month TEXT NOT NULL, procedure TEXT NOT NULL, outcome TEXT NOT NULL,
              transferred INTEGER NOT NULL, reviewed INTEGER NOT NULL, heard INTEGER NOT NULL, late INTEGER NOT NULL,
              n INTEGER NOT NULL, fines DOUBLE PRECISION NOT NULL, handling_sum INTEGER NOT NULL, handling_n INTEGER NOT NULL,
              PRIMARY KEY (body_id, month, procedure, outcome, transferred, reviewed, heard, late))
            """
        ).run()
        try await sql.raw(
            "CREATE TABLE case_item_use (body_id TEXT NOT NULL, year INTEGER NOT NULL, code TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (body_id, year, code))"
        ).run()
        // Undecided cases past their decision due date are counted live (it depends on the day); this finds them.
        // Covering (no row lookups): undecided ordinary cases of the year, their due date, state and body.
        try await sql.raw(
            "CREATE INDEX cases_undecided ON cases (decided_on, procedure, opened_on, decision_due, state, body_id)"
        ).run()
        try await FigureSums.rebuild(on: sql)
    }

    public func revert(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw("DROP TABLE case_figures").run()
        try await sql.raw("DROP TABLE case_item_use").run()
    }
}
