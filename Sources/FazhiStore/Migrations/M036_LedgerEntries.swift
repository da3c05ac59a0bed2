import FluentKit
import SQLKit

/// 036: 台账 entries (第一责任人履职, 执法人员培训, 执法资格考试, 单位填报指标, 工作要点), each kind declared in
/// `LedgerKinds`, its values kept as JSON.
public struct M036_LedgerEntries: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw(
            """
            CREATE TABLE ledger_entries (id TEXT PRIMARY KEY, unit_id TEXT NOT NULL, kind TEXT NOT NULL,
            on_date TEXT NOT NULL, version INTEGER NOT NULL, content TEXT NOT NULL)
            """
        ).run()
        try await sql.raw("CREATE INDEX ledger_entries_kind ON ledger_entries (kind, on_date, unit_id)").run()
    }

    public func revert(on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("DROP TABLE ledger_entries").run()
    }
}
