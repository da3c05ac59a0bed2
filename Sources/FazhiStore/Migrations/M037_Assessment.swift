import FluentKit
import SQLKit

/// 037: 考核 — the year's scheme in versions, and the scores units report (自评) and assessors give (评分).
public struct M037_Assessment: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw(
            """
            CREATE TABLE assessment_schemes (year INTEGER NOT NULL, version INTEGER NOT NULL, content TEXT NOT NULL,
            imported_by TEXT NOT NULL, imported_on TEXT NOT NULL, PRIMARY KEY (year, version))
            """
        ).run()
        try await sql.raw(
            """
            CREATE TABLE assessment_scores (year INTEGER NOT NULL, unit_id TEXT NOT NULL, code TEXT NOT NULL,
            kind TEXT NOT NULL, score DOUBLE PRECISION NOT NULL, evidence TEXT NOT NULL, by_name TEXT NOT NULL,
            on_date TEXT NOT NULL, PRIMARY KEY (year, unit_id, code, kind))
            """
        ).run()
    }

    public func revert(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw("DROP TABLE assessment_scores").run()
        try await sql.raw("DROP TABLE assessment_schemes").run()
    }
}
