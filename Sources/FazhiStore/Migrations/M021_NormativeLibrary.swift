import FluentKit
import SQLKit

/// 021: the 文件库 of 行政规范性文件 — one row per published document with the dates its standing on any day is read from
/// (公布、施行、失效、废止), kept by the step that changes them, so "in force on day D" and the full-text search (the shared
/// CJK index on SQLite, each row keeping its FTS rowid; a GIN-indexed token column on PostgreSQL) answer from an index
/// instead of reading every case.
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
                ending TEXT, amended_on TEXT, search_id BIGINT)
            """
        ).run()
        try await sql.raw("CREATE INDEX normative_documents_signed ON normative_documents (signed_on, number)").run()
        try await sql.raw("CREATE INDEX normative_documents_body ON normative_documents (body_id, signed_on)").run()
        try await sql.raw("CREATE INDEX normative_documents_number ON normative_documents (number)").run()
        // SQLite: the document's row in the shared full-text index (search_docs.id = the FTS rowid), so a search joins
        // the hits by integer.
        try await sql.raw("CREATE INDEX normative_documents_search ON normative_documents (search_id)").run()
        if sql.dialect.name != "sqlite" {
            // PostgreSQL: the text's tokens on the row, GIN-indexed, so the planner weighs words against dates itself.
            try await sql.raw("ALTER TABLE normative_documents ADD COLUMN search_tokens TEXT[] NOT NULL DEFAULT '{}'")
                .run()
            try await sql.raw(
                "CREATE INDEX normative_documents_tokens ON normative_documents USING GIN (search_tokens)"
            ).run()
        }
        // Documents published before this table existed.
        try await NormativeLibraryStore.rebuild(on: sql)
    }

    public func revert(on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("DROP TABLE normative_documents").run()
    }
}
