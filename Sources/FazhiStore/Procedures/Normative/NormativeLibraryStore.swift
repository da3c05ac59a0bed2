import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// The 文件库 (normative_documents, M021): each published 规范性文件's 文号, name, issuer and the dates its standing on any
/// day is read from, kept by every step of the document; the full text in the shared CJK index (kind `normative`).
public enum NormativeLibraryStore {
    static let searchKind = "normative"

    static let projection = CaseProjection(
        procedure: NormativeProcedure.id, apply: { file, _, tx in try await project(file, on: tx.sql) },
        applyMany: { files, _, tx in try await projectNew(files, on: tx.sql) })

    /// One listed document.
    public struct Row: Sendable, Encodable {
        public let id: UUID
        public let bodyID: UUID
        public let number: String
        public let title: String
        public let kind: String
        public let signedOn: String
        public let publishedOn: String
        public let effectiveOn: String
        public let expiresOn: String
        public let endedOn: String?
        public let ending: String?
        public let amendedOn: String?

        /// The dates as facts, so the standing is read by the rule the procedure states (`Normative.standing`).
        public var facts: Facts {
            var f = Facts()
            f[NormativeFact.effectiveOn] = CivilDate(iso: effectiveOn)
            f[NormativeFact.publishedOn] = CivilDate(iso: publishedOn)
            f[NormativeFact.expiresOn] = CivilDate(iso: expiresOn)
            f[NormativeFact.endedOn] = endedOn.flatMap(CivilDate.init(iso:))
            f[NormativeFact.ending] = ending
            return f
        }
        public func standing(on day: CivilDate) -> String { Normative.standing(facts, on: day) }
        /// 有效期至: the last valid day.
        public var validUntil: String { CivilDate(iso: expiresOn)?.adding(days: -1).description ?? "" }
    }

    /// Writes the document's row once it is published (and re-indexes its text); a 文号 another document holds is refused.
    static func project(_ file: CaseFile, on sql: any SQLDatabase) async throws {
        guard let number = listedNumber(file) else { return }
        let ref = file.id.uuidString
        if let other = try await sql.raw(
            "SELECT title FROM normative_documents WHERE number = \(bind: number) AND ref <> \(bind: ref)"
        ).first() {
            // 国办发〔2018〕37号 统一编号: one number, one document.
            throw DomainError.conflict(
                field: "documentNumber",
                message: "文号“\(number)”已由《\(try other.decode(column: "title", as: String.self))》使用（国办发〔2018〕37号：统一编号）")
        }
        try await sql.raw("DELETE FROM normative_documents WHERE ref = \(bind: ref)").run()
        try await insert([(file, number, values(file, number: number))], on: sql)
    }

    /// The document's 文号 once it is listed: published, with the dates its standing is read from.
    static func listedNumber(_ file: CaseFile) -> String? {
        let f = file.facts
        guard f[NormativeFact.publishedOn] != nil, f[NormativeFact.signedOn] != nil,
            f[NormativeFact.effectiveOn] != nil,
            f[NormativeFact.expiresOn] != nil
        else { return nil }
        return f[NormativeFact.documentNumber]
    }

    /// The row's columns (without the search tokens).
    static func values(_ file: CaseFile, number: String) -> [SQLBind] {
        let f = file.facts
        return [
            SQLBind(file.id.uuidString), SQLBind(file.id), SQLBind(file.bodyID), SQLBind(number),
            SQLBind(f[NormativeFact.title] ?? ""), SQLBind(f[NormativeFact.documentKind] ?? ""),
            SQLBind(f[NormativeFact.signedOn]?.description ?? ""),
            SQLBind(f[NormativeFact.publishedOn]?.description ?? ""),
            SQLBind(f[NormativeFact.effectiveOn]?.description ?? ""),
            SQLBind(f[NormativeFact.expiresOn]?.description ?? ""),
            SQLBind(f[NormativeFact.endedOn]?.description), SQLBind(f[NormativeFact.ending]),
            SQLBind(f[NormativeFact.amendedOn]?.description),
        ]
    }

    /// What the search reads of a document: its 文号, name and the latest issued text.
    static func searchText(_ file: CaseFile, number: String) -> String {
        [number, file.facts[NormativeFact.title] ?? "", Normative.versions(file).last { $0.issued }?.text ?? ""]
            .joined(separator: "\n")
    }

    /// Inserts the rows and indexes their text: SQLite's FTS (the rows then note their rowids), PostgreSQL's token column.
    static func insert(
        _ docs: [(file: CaseFile, number: String, values: [SQLBind])], on sql: any SQLDatabase
    )
        async throws
    {
        let postgres = sql.dialect.name != "sqlite"
        let texts = docs.map { searchText($0.file, number: $0.number) }
        let tokens = postgres ? await SearchIndex.tokenize(texts) : []
        let columns =
            [
                "ref", "case_id", "body_id", "number", "title", "kind", "signed_on", "published_on", "effective_on",
                "expires_on", "ended_on", "ending", "amended_on",
            ] + (postgres ? ["search_tokens"] : [])
        for (c, chunk) in docs.chunked(1_000).enumerated() {
            let ins = sql.insert(into: "normative_documents").columns(columns)
            for (i, d) in chunk.enumerated() {
                ins.values(
                    (d.values + (postgres ? [SQLBind(tokens[c * 1_000 + i])] : [])).map { $0 as any SQLExpression })
            }
            try await ins.run()
        }
        guard !postgres else { return }
        try await SearchIndex.putMany(searchKind, zip(docs, texts).map { ($0.0.file.id.uuidString, $0.1) }, on: sql)
        try await linkSearchRows(ref: docs.count == 1 ? docs[0].file.id.uuidString : nil, on: sql)
    }

    /// SQLite: notes each row's FTS rowid (search_docs.id) — one row's, or every row still without it.
    static func linkSearchRows(ref: String? = nil, on sql: any SQLDatabase) async throws {
        guard sql.dialect.name == "sqlite" else { return }
        let which: SQLQueryString = ref.map { "ref = \(bind: $0)" } ?? "search_id IS NULL"
        try await sql.raw(
            """
            UPDATE normative_documents SET search_id = (SELECT s.id FROM search_docs s WHERE s.kind = \(bind: searchKind)
            AND s.ref = normative_documents.ref) WHERE
            """ + " " + which
        ).run()
    }

    /// Rows for many new documents (the bulk import): the 文号 checked against the library in one query, the rows and
    /// their text index written in multi-row statements.
    static func projectNew(_ files: [CaseFile], on sql: any SQLDatabase) async throws {
        typealias Doc = (file: CaseFile, number: String, values: [SQLBind])
        let docs: [Doc] = files.compactMap { file in
            guard let number = listedNumber(file) else { return nil }
            return (file, number, values(file, number: number))
        }
        for chunk in docs.map(\.number).chunked(500) {
            if let other = try await sql.raw(
                "SELECT number, title FROM normative_documents WHERE number IN \(SQLGroupExpression(chunk.map { SQLBind($0) }))"
            ).first() {
                throw DomainError.conflict(
                    field: "documentNumber",
                    message:
                        "文号“\(try other.decode(column: "number", as: String.self))”已由《\(try other.decode(column: "title", as: String.self))》使用（国办发〔2018〕37号：统一编号）"
                )
            }
        }
        try await insert(docs, on: sql)
    }

    /// Rebuilds the rows from the cases (the migration that creates the table; a repair).
    public static func rebuild(on sql: any SQLDatabase) async throws {
        for row in try await sql.raw(
            "SELECT content FROM cases WHERE procedure = \(bind: NormativeProcedure.id)"
        ).all() {
            try await project(
                try StoreJSON.decode(CaseFile.self, try row.decode(column: "content", as: String.self)), on: sql)
        }
    }

    /// What the 文件库 asks: published by the day, optionally one standing, one issuer, words anywhere in the 文号, name
    /// or text; newest signed first, one page.
    public struct Query: Sendable {
        public var day: CivilDate
        public var text = ""
        public var standing: String?
        public var bodyID: UUID?
        public var offset = 0
        public var limit = 50
        /// Count the matches only up to this many (a page says "1000 件以上"); nil counts them all.
        public var countUpTo: Int?
        public init(day: CivilDate) { self.day = day }
    }

    /// Above this many full-text hits a search walks the documents in order instead of sorting its hits (SQLite).
    static let manyHits = 5_000

    public static let standings = ["现行有效", "未施行", "已失效", "已废止", "已撤销"]

    public static func search(_ q: Query, on db: any Database) async throws -> (rows: [Row], total: Int) {
        let sql = db as! any SQLDatabase
        let d = q.day.description
        // Signed before it was published: the bound lets the newest-signed-first walk start at the day.
        var conditions: [SQLQueryString] = ["n.signed_on <= \(bind: d) AND n.published_on <= \(bind: d)"]
        let ended: SQLQueryString = "(n.ended_on IS NOT NULL AND n.ended_on <= \(bind: d))"
        let running: SQLQueryString = "(n.ended_on IS NULL OR n.ended_on > \(bind: d))"
        switch q.standing {
        case "现行有效"?:
            conditions.append("n.effective_on <= \(bind: d) AND n.expires_on > \(bind: d) AND " + running)
        case "未施行"?: conditions.append("n.effective_on > \(bind: d) AND n.expires_on > \(bind: d) AND " + running)
        case "已失效"?:
            conditions.append(
                "((" + ended + " AND COALESCE(n.ending, '') NOT IN ('repealed', 'revoked')) OR (" + running
                    + " AND n.expires_on <= \(bind: d)))")
        case "已废止"?: conditions.append(ended + " AND n.ending = 'repealed'")
        case "已撤销"?: conditions.append(ended + " AND n.ending = 'revoked'")
        default: break
        }
        if let body = q.bodyID { conditions.append("n.body_id = \(bind: body)") }
        // A 文号 typed with [] or () is looked for as the office writes it (〔〕).
        let typed = q.text.trimmingCharacters(in: .whitespaces)
        let words = DocumentCitations.numbers(in: typed).first ?? typed
        var walkNewestFirst = false
        if !words.isEmpty {
            if sql.dialect.name != "sqlite", let tokens = CJKTokenizer.queryTokens(words) {
                conditions.append("n.search_tokens @> \(bind: tokens)::text[]")
            } else if sql.dialect.name == "sqlite", let fts = SearchIndex.ftsRowids(words) {
                conditions.append("n.search_id IN (" + fts + ")")
                // Many hits: walk the documents newest-signed first and stop at the page (sorting thousands of hits
                // costs more); few: sort the hits.
                walkNewestFirst =
                    try await sql.raw("SELECT COUNT(*) AS n FROM (" + fts + " LIMIT \(literal: manyHits + 1)) h")
                    .first()!
                    .decode(column: "n", as: Int.self) > manyHits
            } else if let matching = SearchIndex.matching(searchKind, words, on: sql) {
                conditions.append("n.ref IN (" + matching + ")")
            } else {
                // % and _ are the user's characters, not wildcards.
                let escaped = words.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
                    of: "%", with: "\\%"
                )
                .replacingOccurrences(of: "_", with: "\\_")
                let like = "%" + escaped + "%"
                conditions.append(
                    "(n.title LIKE \(bind: like) ESCAPE '\\' OR n.number LIKE \(bind: like) ESCAPE '\\')")
            }
        }
        var whereClause: SQLQueryString = conditions[0]
        for c in conditions.dropFirst() { whereClause = whereClause + " AND " + c }
        let from: SQLQueryString =
            walkNewestFirst
            ? "normative_documents n INDEXED BY normative_documents_signed" : "normative_documents n"
        let rows = try await sql.raw(
            "SELECT n.* FROM " + from + " WHERE " + whereClause
                + " ORDER BY n.signed_on DESC, n.number DESC LIMIT \(literal: q.limit) OFFSET \(literal: q.offset)"
        ).all().map(row)
        let counted: SQLQueryString =
            q.countUpTo.map {
                // Newest first, as the page: the walk stops at the cap near the day instead of crossing years of
                // documents no longer in force.
                "SELECT COUNT(*) AS n FROM (SELECT 1 FROM " + from + " WHERE " + whereClause
                    + " ORDER BY n.signed_on DESC LIMIT \(literal: $0 + 1)) c"
            } ?? "SELECT COUNT(*) AS n FROM normative_documents n WHERE " + whereClause
        let total = try await sql.raw(counted).first()!.decode(column: "n", as: Int.self)
        return (rows, total)
    }

    /// Every document of some issuers (all when nil), for the 文件目录 export and the 清理.
    public static func all(bodies: [UUID]?, on db: any Database) async throws -> [Row] {
        let sql = db as! any SQLDatabase
        if let b = bodies, b.isEmpty { return [] }
        let filter: SQLQueryString =
            bodies.map { "WHERE body_id IN \(SQLGroupExpression($0.map { SQLBind($0) }))" } ?? ""
        return try await sql.raw("SELECT * FROM normative_documents " + filter + " ORDER BY signed_on, number").all()
            .map(row)
    }

    /// The documents among these 文号, with their standing on the day — one not yet published (not in the library, but
    /// issued in a case) reads 未公布 — leaving out `excluding` (the document's own case).
    static func cited(
        _ numbers: [String], on day: CivilDate, excluding: UUID, db: any Database
    ) async throws
        -> [CitedDocument]
    {
        let sql = db as! any SQLDatabase
        var out: [CitedDocument] = []
        let listed = try await sql.raw(
            "SELECT * FROM normative_documents WHERE number IN \(SQLGroupExpression(numbers.map { SQLBind($0) }))"
        ).all().map(row).filter { $0.id != excluding }
        for r in listed {
            out.append(CitedDocument(number: r.number, title: r.title, standing: r.standing(on: day), issuer: r.bodyID))
        }
        // Issued and numbered but never published: found by its number in the cases.
        for n in numbers where !listed.contains(where: { $0.number == n }) {
            guard
                let c = try await sql.raw(
                    """
                    SELECT content FROM cases WHERE procedure = \(bind: NormativeProcedure.id) AND content LIKE \(bind: "%\"" + n + "\"%")
                    AND id <> \(bind: excluding) LIMIT 1
                    """
                ).first()
            else { continue }
            let file = try StoreJSON.decode(CaseFile.self, try c.decode(column: "content", as: String.self))
            let f = file.facts
            guard f[NormativeFact.documentNumber] == n else { continue }
            out.append(
                CitedDocument(
                    number: n, title: f[NormativeFact.title] ?? "", standing: Normative.standing(f, on: day),
                    issuer: file.bodyID))
        }
        return out
    }

    /// Which of these 文号 a document already holds (registered documents are published, so all are listed).
    public static func registeredNumbers(_ numbers: [String], on db: any Database) async throws -> Set<String> {
        var out: Set<String> = []
        for chunk in numbers.filter({ !$0.isEmpty }).chunked(500) {
            for r in try await (db as! any SQLDatabase).raw(
                "SELECT number FROM normative_documents WHERE number IN \(SQLGroupExpression(chunk.map { SQLBind($0) }))"
            ).all() {
                out.insert(try r.decode(column: "number", as: String.self))
            }
        }
        return out
    }

    /// The listed documents among these ids, by id.
    public static func rows(_ ids: [UUID], on db: any Database) async throws -> [UUID: Row] {
        var out: [UUID: Row] = [:]
        for chunk in ids.map(\.uuidString).chunked(500) {
            for r in try await (db as! any SQLDatabase).raw(
                "SELECT * FROM normative_documents WHERE ref IN \(SQLGroupExpression(chunk.map { SQLBind($0) }))"
            ).all().map(row) {
                out[r.id] = r
            }
        }
        return out
    }

    static func row(_ r: any SQLRow) throws -> Row {
        Row(
            id: try r.decode(column: "case_id", as: UUID.self), bodyID: try r.decode(column: "body_id", as: UUID.self),
            number: try r.decode(column: "number", as: String.self),
            title: try r.decode(column: "title", as: String.self),
            kind: try r.decode(column: "kind", as: String.self),
            signedOn: try r.decode(column: "signed_on", as: String.self),
            publishedOn: try r.decode(column: "published_on", as: String.self),
            effectiveOn: try r.decode(column: "effective_on", as: String.self),
            expiresOn: try r.decode(column: "expires_on", as: String.self),
            endedOn: try r.decode(column: "ended_on", as: String?.self),
            ending: try r.decode(column: "ending", as: String?.self),
            amendedOn: try r.decode(column: "amended_on", as: String?.self))
    }
}
