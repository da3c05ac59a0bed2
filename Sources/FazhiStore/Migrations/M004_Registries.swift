import FluentKit
import SQLKit

/// 004: the registries of 事前公示 — 执法主体, 执法人员 (with yearly training), the 权责清单 as items plus their
/// append-only dated adjustments, versioned 裁量基准, and the full-text search index.
public struct M004_Registries: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("enforcement_bodies")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("kind", .string, .required)
            .field("entrusting_organisation_id", .uuid, .references("organisations", "id"))
            .field("legal_basis", .string, .required)
            .field("scope", .string, .required)
            .field("confirmed_on", .string)
            .field("announcement_document", .string, .required)
            .unique(on: "organisation_id")
            .create()
        try await db.schema("officers")
            .id()
            .field("name", .string, .required)
            .field("gender", .string, .required)
            .field("id_number", .string, .required)
            .field("body_id", .uuid, .required, .references("organisations", "id"))
            .field("post", .string, .required)
            .field("certificate_number", .string, .required)
            .field("certificate_category", .string, .required)
            .field("certificate_region", .string, .required)
            .field("certificate_issued_on", .string, .required)
            .field("certificate_expires_on", .string, .required)
            .field("certificate_status", .string, .required)
            .field("legal_qualification", .bool, .required)
            .field("legal_certificate_number", .string, .required)
            .field("exam_score", .double)
            .unique(on: "certificate_number")
            .unique(on: "id_number")
            .create()
        try await db.schema("officer_training")
            .field("officer_id", .uuid, .required, .references("officers", "id"))
            .field("year", .int, .required)
            .field("hours", .double, .required)
            .unique(on: "officer_id", "year")
            .create()
        try await db.schema("power_items")
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("type", .string, .required)
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("status", .string, .required)
            .field("adjustments", .int, .required)
            .field("content", .string, .required)
            .unique(on: "code")
            .create()
        try await db.schema("power_adjustments")
            .id()
            .field("item_id", .uuid, .required, .references("power_items", "id"))
            .field("code", .string, .required)
            .field("sequence", .int, .required)
            .field("kind", .string, .required)
            .field("effective_on", .string, .required)
            .field("type", .string, .required)
            .field("organisation_id", .uuid, .required)
            .field("reason", .string, .required)
            .field("approval_document", .string, .required)
            .field("approver", .string, .required)
            .field("content", .string, .required)
            .unique(on: "item_id", "sequence")
            .create()
        try await db.schema("benchmarks")
            .id()
            .field("code", .string, .required)
            .field("version", .int, .required)
            .field("power_item_code", .string, .required)
            .field("effective_on", .string, .required)
            .field("violation", .string, .required)
            .field("content", .string, .required)
            .unique(on: "code", "version")
            .create()
        let sql = db as! any SQLDatabase
        try await sql.raw("CREATE INDEX officers_body ON officers (body_id)").run()
        try await sql.raw("CREATE INDEX power_adjustments_date ON power_adjustments (effective_on, item_id, sequence)")
            .run()
        try await sql.raw("CREATE INDEX power_items_org ON power_items (organisation_id, type)").run()
        // Full-text search over CJK bigram tokens (see CJKTokenizer). The one place the schema differs by dialect.
        if sql.dialect.name == "sqlite" {
            // FTS5 rows are found by rowid; search_docs gives each (kind, ref) its rowid so a document can be replaced.
            try await sql.raw(
                "CREATE TABLE search_docs (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, ref TEXT NOT NULL, UNIQUE (kind, ref))"
            ).run()
            try await sql.raw("CREATE VIRTUAL TABLE search_fts USING fts5(tokens, tokenize = 'unicode61')").run()
        } else {
            // A GIN index over a token array rather than tsvector('simple'): the tokens are already cut, and an array
            // needs no text-search parser (whose word rules depend on the server's locale).
            try await sql.raw(
                "CREATE TABLE search_index (kind TEXT NOT NULL, ref TEXT NOT NULL, tokens TEXT[] NOT NULL, PRIMARY KEY (kind, ref))"
            ).run()
            try await sql.raw("CREATE INDEX search_index_tokens ON search_index USING GIN (tokens)").run()
        }
    }

    public func revert(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        for t in ["search_index", "search_fts", "search_docs"] {
            try await sql.raw("DROP TABLE IF EXISTS \(unsafeRaw: t)").run()
        }
        for t in [
            "benchmarks", "power_adjustments", "power_items", "officer_training", "officers", "enforcement_bodies",
        ] {
            try await db.schema(t).delete()
        }
    }
}
