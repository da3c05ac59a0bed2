import FazhiCore
import FluentKit
import FluentPostgresDriver
import Foundation
import SQLKit

/// The full-text index over CJK bigrams (see `CJKTokenizer`): FTS5 on SQLite, a GIN-indexed token array on
/// PostgreSQL. Documents are (kind, ref) pairs; the text is tokenised here.
public enum SearchIndex {
    public static func put(_ kind: String, _ ref: String, text: String, on sql: any SQLDatabase) async throws {
        try await putMany(kind, [(ref, text)], on: sql)
    }

    /// Replaces the documents, tokenised as an import's are (`indexed`), in one statement.
    public static func putMany(
        _ kind: String, _ docs: [(ref: String, text: String)], on sql: any SQLDatabase
    ) async throws {
        guard !docs.isEmpty else { return }
        try await putTokens(kind, docs.map { indexed($0.ref, text: $0.text) }, on: sql)
    }

    /// A document as the index stores it: its tokens joined by spaces, in byte order
    /// (`CJKTokenizer.indexTextInByteOrder`, which spares PostgreSQL's GIN index a sort). An import prepares these on
    /// the other cores while its previous rows are written.
    public static func indexed(_ ref: String, text: String) -> (ref: String, tokens: String) {
        (ref, CJKTokenizer.indexTextInByteOrder(text))
    }

    /// Replaces the documents, already tokenised (`indexed`). `new`: none of them is in the index yet (rows just
    /// created with fresh ids), so there is nothing to remove first.
    public static func putTokens(
        _ kind: String, _ docs: [(ref: String, tokens: String)], new: Bool = false, on sql: any SQLDatabase
    ) async throws {
        try await putTokens(kind, rows: rows(docs, RowsFormat(for: sql)), new: new, on: sql)
    }

    /// A document's columns: its ref and its tokens joined by spaces.
    static let columns = JSONRows([("ref", .text), ("tokens", .text)])

    /// Documents as `columns` rows (an import makes them on another core).
    static func rows(_ docs: some Collection<(ref: String, tokens: String)>, _ format: RowsFormat) throws -> PackedRows
    {
        try columns.pack(docs, format) { row, d in
            row.string(d.ref)
            row.string(d.tokens)
        }
    }

    /// Replaces the documents made into `rows`: each statement takes all of them.
    static func putTokens(_ kind: String, rows: PackedRows, new: Bool, on sql: any SQLDatabase) async throws {
        if let sent = try send(kind, rows: rows, new: new, on: sql) {
            _ = try await sent.rows()
            return
        }
        let json = try JSONRows.json(rows, on: sql)
        let ref = JSONRows.element(0), tokens = JSONRows.element(1)
        if !new {
            // Remove old versions of these documents, then insert fresh rows with new rowids.
            let refs: SQLQueryString = "SELECT \(unsafeRaw: ref) FROM \(JSONRows.source(json))"
            try await sql.raw(
                """
                DELETE FROM search_fts
                WHERE rowid IN (SELECT id FROM search_docs WHERE kind = \(bind: kind) AND ref IN (\(refs)))
                """
            ).run()
            try await sql.raw("DELETE FROM search_docs WHERE kind = \(bind: kind) AND ref IN (\(refs))").run()
        }
        try await sql.raw(
            """
            INSERT INTO search_docs (kind, ref)
            SELECT \(bind: kind), \(unsafeRaw: ref) FROM \(JSONRows.source(json))
            """
        ).run()
        // CROSS JOIN: SQLite keeps the rows outside and looks each document up by (kind, ref); as a plain JOIN it chose
        // to walk every document of the kind and scan the rows for each (quadratic in an import).
        try await sql.raw(
            """
            INSERT INTO search_fts (rowid, tokens)
            SELECT d.id, \(unsafeRaw: tokens) FROM \(JSONRows.source(json))
            CROSS JOIN search_docs d ON d.kind = \(bind: kind) AND d.ref = \(unsafeRaw: ref)
            """
        ).run()
    }

    /// PostgreSQL: sends the statement that replaces the documents made into `rows`, unread (`PendingRows`); nil for
    /// rows packed for SQLite, which `putTokens` writes in three statements.
    static func send(_ kind: String, rows: PackedRows, new: Bool, on sql: any SQLDatabase) throws -> PendingRows? {
        guard let values = try columns.bound(rows) else { return nil }
        // New documents are inserted without `ON CONFLICT`: its speculative insertion probes and confirms each row, two
        // thirds of inserting 100,000 documents into the table without its GIN index (measured).
        let upsert = new ? "" : "ON CONFLICT (kind, ref) DO UPDATE SET tokens = excluded.tokens"
        let text = """
            INSERT INTO search_index (kind, ref, tokens) SELECT $1, e.c0, string_to_array(e.c1, ' ')
            FROM \(columns.unnest(from: 2)) \(upsert)
            """
        return try JSONRows.send(text, [PostgresData(string: kind)] + values, on: sql)
    }

    /// An import's search documents, indexed a few large statements at a time on SQLite, a chunk's with the chunk on
    /// PostgreSQL (`add`). SQLite's full-text index writes its
    /// pending terms out at every statement (a segment each, merged later), so a statement per 500-row chunk made two
    /// hundred segments for 100,000 officers; the whole import in one statement held all its terms in memory at once.
    struct Batch {
        let kind: String
        /// None of the documents is in the index yet.
        let new: Bool
        /// Documents per statement.
        var size = 20_000
        private var parts: [PackedRows] = []
        private var count = 0

        init(kind: String, new: Bool) { self.kind = kind; self.new = new }

        /// Adds documents made into rows (`SearchIndex.rows`). On PostgreSQL they are sent at once and the statement is
        /// returned unread, to be read with the chunk's own (`ImportPipeline.SentChunk.following`): held for a batch of
        /// 20,000, they were a statement the writer waited for while the database wrote them alone (a quarter to two
        /// fifths of a second each time, and the last one after every other row was written). GIN's pending list
        /// takes them alike in any number. On SQLite the batch is written once it is full.
        mutating func add(_ rows: PackedRows, on sql: any SQLDatabase) async throws -> PendingRows? {
            if let sent = try SearchIndex.send(kind, rows: rows, new: new, on: sql) { return sent }
            parts.append(rows)
            count += rows.count
            if count >= size { try await flush(on: sql) }
            return nil
        }

        mutating func flush(on sql: any SQLDatabase) async throws {
            guard count > 0 else { return }
            try await SearchIndex.putTokens(kind, rows: try PackedRows.joined(parts), new: new, on: sql)
            parts = []
            count = 0
        }
    }

    /// Each text's index tokens, a long list split over the cores (the normative library's token column, thousands of
    /// documents at once).
    static func tokenize(_ texts: [String]) async -> [[String]] {
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, texts.count / 500))
        guard parts > 1 else { return texts.map(CJKTokenizer.indexTokens) }
        let size = (texts.count + parts - 1) / parts
        return await withTaskGroup(of: (Int, [[String]]).self) { group in
            for (k, start) in stride(from: 0, to: texts.count, by: size).enumerated() {
                let slice = Array(texts[start..<min(start + size, texts.count)])
                group.addTask { (k, slice.map(CJKTokenizer.indexTokens)) }
            }
            var out: [(Int, [[String]])] = []
            for await r in group { out.append(r) }
            return out.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }

    /// The refs of documents of `kind` whose text contains every token of the query, or nil when the query
    /// cannot be answered from the index (a lone CJK character): the caller then matches substrings.
    public static func search(
        _ kind: String, _ query: String, limit: Int, on sql: any SQLDatabase
    ) async throws -> [String]? {
        guard let tokens = CJKTokenizer.queryTokens(query) else { return nil }
        if sql.dialect.name == "sqlite" {
            // Each token quoted as an FTS5 string (tokens hold only letters and digits, so no quote to escape).
            let match = tokens.map { "\"\($0)\"" }.joined(separator: " AND ")
            return try await sql.raw(
                "SELECT ref FROM search_docs WHERE id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH \(bind: match)) AND kind = \(bind: kind) LIMIT \(literal: limit)"
            )
            .all().map { try $0.decode(column: "ref", as: String.self) }
        } else {
            return try await sql.raw(
                "SELECT ref FROM search_index WHERE kind = \(bind: kind) AND tokens @> \(bind: tokens)::text[] LIMIT \(literal: limit)"
            )
            .all().map { try $0.decode(column: "ref", as: String.self) }
        }
    }
}

extension SearchIndex {
    /// SQLite: the FTS rowids (search_docs.id, of any kind) whose text holds every token of the query, as a subquery;
    /// nil without a token of two characters. A table that keeps its documents' rowids joins by integer.
    public static func ftsRowids(_ query: String) -> SQLQueryString? {
        guard let tokens = CJKTokenizer.queryTokens(query) else { return nil }
        let match = tokens.map { "\"\($0)\"" }.joined(separator: " AND ")
        return "SELECT rowid FROM search_fts WHERE search_fts MATCH \(bind: match)"
    }

    /// The refs matching a query as a subquery, so the database joins the hits itself (no list of thousands of binds);
    /// nil for a query with no token of two characters (the caller falls back to LIKE).
    public static func matching(_ kind: String, _ query: String, on sql: any SQLDatabase) -> SQLQueryString? {
        guard let tokens = CJKTokenizer.queryTokens(query) else { return nil }
        if sql.dialect.name == "sqlite" {
            let match = tokens.map { "\"\($0)\"" }.joined(separator: " AND ")
            // FTS first, then the rowids: written as IN so the planner cannot choose to walk search_docs by kind and
            // probe the full-text index once per row (seconds instead of milliseconds on 100,000 documents).
            return
                "SELECT ref FROM search_docs WHERE id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH \(bind: match)) AND kind = \(bind: kind)"
        }
        return "SELECT ref FROM search_index WHERE kind = \(bind: kind) AND tokens @> \(bind: tokens)::text[]"
    }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

public enum StoreJSON {
    public static func encode<T: Encodable>(_ v: T) throws -> String {
        let e = JSONEncoder(); e.outputFormatting = [.sortedKeys]
        return String(decoding: try e.encode(v), as: UTF8.self)
    }
    /// A value that writes its own JSON (`CanonicalJSONWritable`), as `encode` would write it (slashes escaped).
    public static func bytes(_ v: some CanonicalJSONWritable) throws -> [UInt8] {
        try CanonicalJSONWriter.bytes(of: v, escapingSlashes: true)
    }
    public static func decode<T: Decodable>(_ t: T.Type, _ s: String) throws -> T {
        try JSONDecoder().decode(t, from: Data(s.utf8))
    }
}
