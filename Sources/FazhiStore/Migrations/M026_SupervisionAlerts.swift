import FluentKit
import SQLKit

/// 026: 执法监督预警 — the alerts the records raise, kept (a supervisor's page reads them, never recomputes a province's
/// cases), unique per rule and subject so a sweep raises each once; and each inspection's visit (object, day, source)
/// that the repeated-inspection rule reads; and how many steps each officer took part in each year (零执法).
public struct M026_SupervisionAlerts: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        let key = sql.dialect.name == "postgresql" ? "id BIGSERIAL PRIMARY KEY" : "id INTEGER PRIMARY KEY AUTOINCREMENT"
        try await sql.raw(
            """
            CREATE TABLE supervision_alerts (\(unsafeRaw: key), rule TEXT NOT NULL, subject TEXT NOT NULL,
            body_id TEXT NOT NULL, case_id TEXT, case_number TEXT, detail TEXT NOT NULL, broken_on TEXT NOT NULL,
            raised_on TEXT NOT NULL, state TEXT NOT NULL, answer TEXT, answer_text TEXT, answered_by TEXT,
            answered_on TEXT, closed_by TEXT, closed_on TEXT, close_note TEXT, UNIQUE (rule, subject))
            """
        ).run()
        try await sql.raw("CREATE INDEX supervision_alerts_body ON supervision_alerts (body_id, state, rule)").run()
        try await sql.raw("CREATE INDEX supervision_alerts_state ON supervision_alerts (state, rule, body_id)").run()
        try await sql.raw(
            """
            CREATE TABLE inspection_visits (case_id TEXT PRIMARY KEY, body_id TEXT NOT NULL, object TEXT NOT NULL,
            case_number TEXT NOT NULL, visited_on TEXT NOT NULL, source TEXT NOT NULL)
            """
        ).run()
        try await sql.raw("CREATE INDEX inspection_visits_object ON inspection_visits (object, visited_on)").run()
        try await sql.raw(
            """
            CREATE TABLE officer_activity (officer_id TEXT NOT NULL, year INTEGER NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY (officer_id, year))
            """
        ).run()
        try await OfficerActivity.backfill(on: sql)
    }

    public func revert(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw("DROP TABLE officer_activity").run()
        try await sql.raw("DROP TABLE inspection_visits").run()
        try await sql.raw("DROP TABLE supervision_alerts").run()
    }
}
