import FluentKit
import SQLKit

/// 006: each adjustment of the 权责清单 carries the date it stops applying (`valid_to`: the next adjustment's date,
/// or 9999-12-31 while it is the latest). The list as of a date is then a range condition an index answers,
/// instead of a "latest adjustment per item" aggregate over the whole history on every page.
public struct M006_PowerListValidity: AsyncMigration {
    public init() {}
    public static let open = "9999-12-31"

    public func prepare(on db: any Database) async throws {
        try await db.schema("power_adjustments").field("valid_to", .string).update()
        let sql = db as! any SQLDatabase
        try await sql.raw(
            """
            UPDATE power_adjustments SET valid_to = COALESCE((SELECT b.effective_on FROM power_adjustments b
              WHERE b.item_id = power_adjustments.item_id AND b.sequence = power_adjustments.sequence + 1), \(literal: Self.open))
            """
        ).run()
        // Covering: counts by date, type and body are answered from the index alone (no row lookups).
        try await sql.raw(
            "CREATE INDEX power_adjustments_valid ON power_adjustments (valid_to, effective_on, kind, type, organisation_id, code)"
        ).run()
        try await sql.raw("CREATE INDEX power_adjustments_code_valid ON power_adjustments (code, valid_to)").run()
    }

    public func revert(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw("DROP INDEX IF EXISTS power_adjustments_valid").run()
        try await sql.raw("DROP INDEX IF EXISTS power_adjustments_code_valid").run()
        try await db.schema("power_adjustments").deleteField("valid_to").update()
    }
}
