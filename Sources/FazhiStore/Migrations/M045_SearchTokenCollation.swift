import FluentKit
import SQLKit

/// 045: on PostgreSQL, the search index's tokens compared byte by byte (`COLLATE "C"`) instead of by the database's
/// locale. The GIN index only ever asks whether a token equals another (`tokens @> …`), which is the same under either
/// collation, but under a locale such as C.UTF-8 every comparison of the index's build and inserts went through
/// `strcoll`: inserting 100,000 officers' documents (1.1 million tokens) took a quarter less time with the byte order
/// (measured, BENCHMARKS.md). The queries' bound arrays take the column's collation, so the index still serves them.
/// The migration rebuilds the GIN index once, at the first start of the new version (seconds for a province's
/// registries). Nothing changes on SQLite, whose full-text index has no collation.
public struct M045_SearchTokenCollation: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw(#"ALTER TABLE search_index ALTER COLUMN tokens TYPE TEXT[] COLLATE "C""#).run()
    }

    public func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw(#"ALTER TABLE search_index ALTER COLUMN tokens TYPE TEXT[] COLLATE "default""#).run()
    }
}
