import FluentKit
import SQLKit

/// 030: each body's 抽查工作细则 (一单两库一细则's 一细则), published as a text with its date.
public struct M030_DrawRules: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw(
            "CREATE TABLE draw_rules (body_id TEXT PRIMARY KEY, content TEXT NOT NULL)"
        ).run()
    }

    public func revert(on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("DROP TABLE draw_rules").run()
    }
}
