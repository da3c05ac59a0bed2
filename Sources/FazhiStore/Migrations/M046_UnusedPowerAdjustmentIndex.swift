import FluentKit
import SQLKit

/// 046: drops `power_adjustments_date` (effective_on, item_id, sequence), which no query has used since 006 gave each
/// adjustment its `valid_to`: the list as of a date is read through `power_adjustments_code_valid` (ordered by code)
/// and counted through `power_adjustments_valid` (covering); an item's history through `code_valid` too. After a
/// bench of 150,000 adjustments and its list queries, PostgreSQL counted 0 scans of it (`pg_stat_user_indexes`),
/// while every imported adjustment still paid its insert. `RegistryStoreTests` checks the plans without it.
public struct M046_UnusedPowerAdjustmentIndex: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("DROP INDEX IF EXISTS power_adjustments_date").run()
    }

    public func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX power_adjustments_date ON power_adjustments (effective_on, item_id, sequence)")
            .run()
    }
}
