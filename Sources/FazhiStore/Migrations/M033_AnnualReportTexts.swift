import FluentKit
import SQLKit

/// 033: the narrative of the 年度法治政府建设情况报告 — each part's text for a unit and year, every version kept.
public struct M033_AnnualReportTexts: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw(
            """
            CREATE TABLE annual_report_texts (unit_id TEXT NOT NULL, year INTEGER NOT NULL, part TEXT NOT NULL,
            version INTEGER NOT NULL, text TEXT NOT NULL, edited_by TEXT NOT NULL, edited_on TEXT NOT NULL,
            PRIMARY KEY (unit_id, year, part, version))
            """
        ).run()
    }

    public func revert(on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("DROP TABLE annual_report_texts").run()
    }
}
