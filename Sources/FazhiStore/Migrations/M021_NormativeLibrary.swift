import FluentKit
import SQLKit

/// 021: the 文件库 of 行政规范性文件 — one row per published document with the dates its standing on any day is read from
/// (公布、施行、失效、废止), kept by the step that changes them, so "in force on day D" and the full-text search (the shared
/// CJK index, kind `normative`) answer from an index instead of reading every case.
public struct M021_NormativeLibrary: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw(
            """
            CREATE TABLE normative_documents (
                ref TEXT PRIMARY KEY, case_id \(unsafeRaw: sql.dialect.name == "sqlite" ? "BLOB" : "UUID") NOT NULL,
                body_id \(unsafeRaw: sql.dialect.name == "sqlite" ? "BLOB" : "UUID") NOT NULL,
                number TEXT NOT NULL, title TEXT NOT NULL, kind TEXT NOT NULL, signed_on TEXT NOT NULL,
                published_on TEXT NOT NULL, effective_on TEXT NOT NULL, expires_on TEXT NOT NULL, ended_on TEXT,
                ending TEXT, amended_on TEXT)
            """
        ).run()
        try await sql.raw("CREATE INDEX normative_documents_signed ON normative_documents (signed_on, number)").run()
        try await sql.raw("CREATE INDEX normative_documents_body ON normative_documents (body_id, signed_on)").run()
        try await sql.raw("CREATE INDEX normative_documents_number ON normative_documents (number)").run()
        // Documents published before this table existed.
        try await NormativeLibraryStore.rebuild(on: sql)
    }

    public func revert(on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("DROP TABLE normative_documents").run()
    }
}
