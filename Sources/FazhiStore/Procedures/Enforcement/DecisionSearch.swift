import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// The portal's full-text search of published decisions (事后公示检索), ranked newest published first.
///
/// A broad word ("食品") matches half a province's decisions, and the page wants only the newest 50. So the index is
/// kept in publication order (`publications.search_seq`) and read from its newest end until the page is full, instead
/// of collecting every hit and sorting it: on SQLite a decisions-only FTS5 table whose rowid is the publication's
/// sequence, where the body and the decision month are tokens too, so a filtered search narrows inside the index; on
/// PostgreSQL a GIN-indexed token array on the publication row, which lets the planner walk the sequence index (or the
/// body's) backwards for broad words and use the GIN index for rare ones.
public enum DecisionSearch {
    static func bodyToken(_ id: UUID) -> String {
        "qbody" + id.uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }
    static func monthToken(year: Int, month: Int) -> String { "qmonth\(year * 100 + month)" }

    /// What a decision is found by: the bigrams of its public text, its body and its decision month.
    public static func tokens(_ d: PublicDecision, bodyID: UUID) -> [String] {
        var t = CJKTokenizer.indexTokens(
            "\(d.decisionNumber) \(d.body) \(d.party) \(d.violation) \(d.basis) \(d.penalties.joined(separator: " "))")
        t.append(bodyToken(bodyID))
        if let day = CivilDate(iso: d.decidedOn) { t.append(monthToken(year: day.year, month: day.month)) }
        return t
    }

    /// The next publication sequence number, as a subquery for the insert (the write lock makes it unique).
    static let nextSeq: SQLQueryString = "(SELECT COALESCE(MAX(search_seq), 0) + 1 FROM publications)"

    /// Indexes decisions already inserted with their sequence numbers. SQLite: rows of the FTS5 table; PostgreSQL:
    /// the token column (the insert usually sets it itself, see `Publications.apply`).
    public static func index(_ docs: [(seq: Int64, tokens: [String])], on sql: any SQLDatabase) async throws {
        guard !docs.isEmpty else { return }
        for chunk in docs.chunked(400) {
            if sql.dialect.name == "sqlite" {
                var ins = sql.insert(into: "decision_fts").columns("rowid", "tokens")
                for d in chunk { ins = ins.values(SQLBind(d.seq), SQLBind(d.tokens.joined(separator: " "))) }
                try await ins.run()
            } else {
                for d in chunk {
                    try await sql.raw(
                        "UPDATE publications SET search_tokens = \(bind: d.tokens)::text[] WHERE search_seq = \(bind: d.seq)"
                    ).run()
                }
            }
        }
    }

    /// Tokens the query's filters add: the body, and the decision months a date range covers (up to three years;
    /// a wider range is left to the date columns).
    static func filterTokens(_ q: Publications.Query) -> (all: [String], anyMonth: [String]) {
        var all: [String] = []
        if let b = q.body { all.append(bodyToken(b)) }
        var months: [String] = []
        if let from = q.from, let to = q.to, from <= to {
            var (y, m) = (from.year, from.month)
            while (y, m) <= (to.year, to.month) && months.count <= 36 {
                months.append(monthToken(year: y, month: m))
                (y, m) = m == 12 ? (y + 1, 1) : (y, m + 1)
            }
            if months.count > 36 { months = [] }
        }
        return (all, months)
    }

    /// The order of the results: the latest published first; with a decision-date range, the latest decided first (then
    /// the latest published), as someone asking for a period expects.
    static func orderBy(_ q: Publications.Query) -> SQLQueryString {
        q.from != nil || q.to != nil ? " ORDER BY p.decided_on DESC, p.search_seq DESC" : " ORDER BY p.search_seq DESC"
    }

    /// The filters on `p` (publications) other than the words: dates, penalty kind, and the body unless the index holds it.
    static func filters(_ q: Publications.Query, body: Bool) -> SQLQueryString {
        var w: SQLQueryString = "1 = 1"
        if body, let b = q.body { w = w + " AND p.body_id = \(bind: b)" }
        if let f = q.from { w = w + " AND p.decided_on >= \(bind: f.description)" }
        if let t = q.to { w = w + " AND p.decided_on <= \(bind: t.description)" }
        if let p = q.penalty?.trimmed, !p.isEmpty { w = w + " AND p.penalties LIKE \(bind: "%\(p)%")" }
        return w
    }

    /// The newest `limit` decisions (after `offset`) whose text holds every token, with the query's filters, and how many
    /// there are counted up to `countUpTo` (nil: all).
    static func search(
        text tokens: [String], _ q: Publications.Query, limit: Int, offset: Int, countUpTo: Int?,
        broadAbove: Int = broad,
        on sql: any SQLDatabase
    ) async throws -> (rows: [any SQLRow], total: Int) {
        let dated = q.from != nil || q.to != nil
        func count(_ from: SQLQueryString) async throws -> Int {
            try await sql.raw(
                countUpTo.map { "SELECT COUNT(*) AS n FROM (SELECT 1 " + from + " LIMIT \(literal: $0 + 1)) AS hits" }
                    ?? "SELECT COUNT(*) AS n " + from
            ).first()!.decode(column: "n", as: Int.self)
        }
        if sql.dialect.name == "sqlite" {
            let (all, months) = filterTokens(q)
            // Each token quoted as an FTS5 string (tokens hold only letters and digits, so no quote to escape).
            var match = (tokens + all).map { "\"\($0)\"" }.joined(separator: " AND ")
            if !months.isEmpty { match += " AND (" + months.map { "\"\($0)\"" }.joined(separator: " OR ") + ")" }
            let w = filters(q, body: false)
            if dated {
                // The months narrow the hits inside the index; the page is then read down the decision-date index, keeping
                // the rows among them.
                let from: SQLQueryString =
                    "FROM publications p WHERE p.search_seq IN (SELECT rowid FROM decision_fts WHERE decision_fts MATCH \(bind: match)) AND "
                    + w
                let rows = try await sql.raw(
                    "SELECT p.content " + from + orderBy(q) + " LIMIT \(literal: limit) OFFSET \(literal: offset)"
                ).all()
                return (rows, try await count(from))
            }
            // FTS5 hands back rowids newest first and the join probes each publication by its sequence: the walk stops
            // once the page (or the count's cap) is reached.
            let from: SQLQueryString =
                "FROM decision_fts f JOIN publications p ON p.search_seq = f.rowid WHERE decision_fts MATCH \(bind: match) AND "
                + w
            let rows = try await sql.raw(
                "SELECT p.content " + from + " ORDER BY f.rowid DESC LIMIT \(literal: limit) OFFSET \(literal: offset)"
            ).all()
            return (rows, try await count(from))
        }
        // PostgreSQL. The body is a token with the words: GIN then intersects the words' long posting lists with the body's
        // short one, and the planner does not see one fact twice (a body_id condition as well made it multiply two
        // selectivities of the same thing and pick a full bitmap scan and sort). The dates stay on their column.
        let words = tokens + (q.body.map { [bodyToken($0)] } ?? [])
        let cond: SQLQueryString = "p.search_tokens @> \(bind: words)::text[] AND " + filters(q, body: false)
        let from: SQLQueryString = "FROM publications p WHERE " + cond
        let total = try await count(from)
        // It also multiplies the selectivities of a phrase's bigrams (无证 证经 经营), which always occur together, so it takes
        // a phrase in 5 % of the decisions for a rare one, fetches all 26,000 and sorts them (150 ms). When the count shows
        // many hits and nothing else narrows them, walk the newest publications in windows instead.
        if total > broadAbove, q.body == nil {
            if dated { return (try await walkByDate(tokens, q, limit: limit, offset: offset, on: sql), total) }
            return (try await walk(cond, limit: limit, offset: offset, on: sql), total)
        }
        let rows = try await sql.raw(
            "SELECT p.content " + from + orderBy(q) + " LIMIT \(literal: limit) OFFSET \(literal: offset)"
        ).all()
        return (rows, total)
    }

    /// Above this many hits a search walks the publications newest first (PostgreSQL, see `search`).
    public static let broad = 1000
    static let window: Int64 = 4000
    /// Rows per window down the date index: each row's token array is read, ~13 ms per thousand on 2 cores.
    static let dateWindow = 1000

    /// With a date range and many hits: read the range down the (decided_on, search_seq) index a window at a time and
    /// keep the rows holding the words — checked on the row, so neither the GIN index's long posting lists nor the
    /// planner's guess at a phrase come into it. Content is sent back only for the rows kept.
    static func walkByDate(
        _ tokens: [String], _ q: Publications.Query, limit: Int, offset: Int, on sql: any SQLDatabase
    ) async throws -> [any SQLRow] {
        var out: [any SQLRow] = []
        var cursor: (String, Int64)?
        while out.count < offset + limit {
            var w = filters(q, body: false)
            // A row comparison, so the (decided_on, search_seq) index starts the window where the last one ended.
            if let (d, s) = cursor { w = w + " AND (p.decided_on, p.search_seq) < (\(bind: d), \(bind: s))" }
            let rows = try await sql.raw(
                """
                SELECT CASE WHEN w.search_tokens @> \(bind: tokens)::text[] THEN w.content END AS content, w.decided_on, w.search_seq
                FROM (SELECT p.content, p.search_tokens, p.decided_on, p.search_seq FROM publications p WHERE
                """ + " " + w
                    + " ORDER BY p.decided_on DESC, p.search_seq DESC LIMIT \(literal: dateWindow)) w ORDER BY w.decided_on DESC, w.search_seq DESC"
            ).all()
            for r in rows where out.count < offset + limit {
                if try !r.decodeNil(column: "content") { out.append(r) }
            }
            guard rows.count == dateWindow, let last = rows.last else { break }
            cursor = (
                try last.decode(column: "decided_on", as: String.self),
                try last.decode(column: "search_seq", as: Int64.self)
            )
        }
        return Array(out.dropFirst(offset))
    }

    /// The newest matching publications, found window by window down the publication sequence.
    static func walk(
        _ cond: SQLQueryString, limit: Int, offset: Int, on sql: any SQLDatabase
    ) async throws -> [any SQLRow] {
        var hi = try await sql.raw("SELECT COALESCE(MAX(search_seq), 0) AS n FROM publications").first()!.decode(
            column: "n", as: Int64.self)
        var out: [any SQLRow] = []
        while hi > 0 && out.count < offset + limit {
            let lo = hi - window
            out += try await sql.raw(
                "SELECT p.content FROM publications p WHERE p.search_seq > \(bind: lo) AND p.search_seq <= \(bind: hi) AND "
                    + cond
                    + " ORDER BY p.search_seq DESC LIMIT \(literal: offset + limit - out.count)"
            ).all()
            hi = lo
        }
        return Array(out.dropFirst(offset))
    }
}
