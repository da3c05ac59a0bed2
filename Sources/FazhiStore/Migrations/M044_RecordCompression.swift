import FluentKit
import SQLKit

/// 044: on PostgreSQL, the record's payloads compressed with LZ4 instead of pglz where the server has it (PostgreSQL 14
/// and later built with LZ4, as Debian's is). An import's entries carry its rows and their seals — about 116 MB for
/// 100,000 执法人员 and 50,000 权责清单 items — and pglz compressing them took a sixth of the importing backend's time
/// (measured, `perf record`), the one server process that bounds an import. Entries already stored keep pglz; reading
/// either is transparent. Nothing changes on SQLite, which does not compress. `fazhi backup` dumps without the method
/// (a restore onto a server without LZ4 would otherwise lose the table); deploy/README.md says how to set it again.
public struct M044_RecordCompression: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql", try await hasLZ4(sql) else { return }
        try await sql.raw("ALTER TABLE record_entries ALTER COLUMN payload SET COMPRESSION lz4").run()
    }

    public func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql", try await hasLZ4(sql) else { return }
        try await sql.raw("ALTER TABLE record_entries ALTER COLUMN payload SET COMPRESSION DEFAULT").run()
    }

    /// Whether this server was built with LZ4: it is then one of the setting's allowed values.
    private func hasLZ4(_ sql: any SQLDatabase) async throws -> Bool {
        struct Row: Decodable { let lz4: Bool }
        let row = try await sql.raw(
            """
            SELECT COALESCE(
                (SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'), false
            ) AS lz4
            """
        ).first(decoding: Row.self)
        return row?.lz4 ?? false
    }
}
