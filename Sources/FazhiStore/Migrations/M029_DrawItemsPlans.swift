import FluentKit
import SQLKit

/// 029: 双随机's 随机抽查事项清单 (each body's items) and 年度抽查计划 (per body and year, with its filing).
public struct M029_DrawItemsPlans: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw(
            "CREATE TABLE draw_items (body_id TEXT NOT NULL, code TEXT NOT NULL, content TEXT NOT NULL, PRIMARY KEY (body_id, code))"
        ).run()
        try await sql.raw(
            "CREATE TABLE draw_plans (body_id TEXT NOT NULL, year INTEGER NOT NULL, content TEXT NOT NULL, PRIMARY KEY (body_id, year))"
        ).run()
    }

    public func revert(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw("DROP TABLE draw_plans").run()
        try await sql.raw("DROP TABLE draw_items").run()
    }
}
