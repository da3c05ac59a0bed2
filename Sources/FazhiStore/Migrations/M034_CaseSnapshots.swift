import FluentKit
import SQLKit

/// 034: snapshots a module freezes for a case (the 年度报告's final text with its figures), each with its SHA-256, which
/// the step that freezes it writes to the record.
public struct M034_CaseSnapshots: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw(
            """
            CREATE TABLE case_snapshots (case_id TEXT NOT NULL, seq INTEGER NOT NULL, sha256 TEXT NOT NULL,
            content TEXT NOT NULL, taken_on TEXT NOT NULL, PRIMARY KEY (case_id, seq))
            """
        ).run()
    }

    public func revert(on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("DROP TABLE case_snapshots").run()
    }
}
