import FluentKit
import SQLKit

/// 035: 学法 sessions (政府常务会议学法, 中心组学法, 专题讲座, 法治培训), the records of the report's 法治保障.
public struct M035_StudySessions: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw(
            """
            CREATE TABLE study_sessions (id TEXT PRIMARY KEY, unit_id TEXT NOT NULL, held_on TEXT NOT NULL,
            kind TEXT NOT NULL, content TEXT NOT NULL, attendance INTEGER NOT NULL)
            """
        ).run()
        try await sql.raw("CREATE INDEX study_sessions_unit ON study_sessions (unit_id, held_on)").run()
    }

    public func revert(on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("DROP TABLE study_sessions").run()
    }
}
