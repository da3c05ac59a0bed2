import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// 011: the decision search in publication order (see `DecisionSearch`). Each publication gets its sequence number
/// (`search_seq`, existing ones in the order they were published); SQLite gets a decisions-only FTS5 table keyed by
/// that number (contentless: the text is on the publication row), PostgreSQL a GIN-indexed token column. The
/// decisions' documents in the shared registry index are removed (that index now serves the registries only).
public struct M011_DecisionSearch: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        let sqlite = sql.dialect.name == "sqlite"
        try await sql.raw("ALTER TABLE publications ADD COLUMN search_seq BIGINT").run()
        try await sql.raw("CREATE UNIQUE INDEX publications_seq ON publications (search_seq)").run()
        if sqlite {
            // detail=none: the search asks only which documents hold all tokens, never positions (a third of the size).
            try await sql.raw(
                "CREATE VIRTUAL TABLE decision_fts USING fts5(tokens, content = '', detail = none, tokenize = 'unicode61')"
            ).run()
            try await sql.raw(
                "DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_docs WHERE kind = 'decision')"
            ).run()
            try await sql.raw("DELETE FROM search_docs WHERE kind = 'decision'").run()
        } else {
            try await sql.raw("ALTER TABLE publications ADD COLUMN search_tokens TEXT[] NOT NULL DEFAULT '{}'").run()
            try await sql.raw("DELETE FROM search_index WHERE kind = 'decision'").run()
        }
        var seq: Int64 = 0
        var docs: [(seq: Int64, tokens: [String])] = []
        for row in try await sql.raw(
            "SELECT case_id, body_id, content FROM publications ORDER BY published_on, decided_on, decision_number"
        ).all() {
            seq += 1
            let id = try row.decode(column: "case_id", as: UUID.self)
            try await sql.raw("UPDATE publications SET search_seq = \(bind: seq) WHERE case_id = \(bind: id)").run()
            let d = try StoreJSON.decode(PublicDecision.self, try row.decode(column: "content", as: String.self))
            docs.append((seq, DecisionSearch.tokens(d, bodyID: try row.decode(column: "body_id", as: UUID.self))))
        }
        try await DecisionSearch.index(docs, on: sql)
        try await sql.raw("CREATE INDEX publications_body_seq ON publications (body_id, search_seq)").run()
        // A date range is listed latest decided first, then latest published.
        try await sql.raw("CREATE INDEX publications_date_seq ON publications (decided_on, search_seq)").run()
        if !sqlite {
            try await sql.raw("CREATE INDEX publications_tokens ON publications USING GIN (search_tokens)").run()
        }
        // The registry index no longer finds decisions by their UUID text.
        try await sql.raw("DROP INDEX publications_search_ref").run()
    }

    public func revert(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        if sql.dialect.name == "sqlite" { try await sql.raw("DROP TABLE IF EXISTS decision_fts").run() }
    }
}
