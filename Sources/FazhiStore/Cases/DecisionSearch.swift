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
    static func bodyToken(_ id: UUID) -> String { "qbody" + id.uuidString.replacingOccurrences(of: "-", with: "").lowercased() }
    static func monthToken(year: Int, month: Int) -> String { "qmonth\(year * 100 + month)" }

    /// What a decision is found by: the bigrams of its public text, its body and its decision month.
    public static func tokens(_ d: PublicDecision, bodyID: UUID) -> [String] {
        var t = CJKTokenizer.indexTokens("\(d.decisionNumber) \(d.body) \(d.party) \(d.violation) \(d.basis) \(d.penalties.joined(separator: " "))")
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
                    try await sql.raw("UPDATE publications SET search_tokens = \(bind: d.tokens)::text[] WHERE search_seq = \(bind: d.seq)").run()
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

    /// The newest `limit` decisions (after `offset`) whose text holds every token of `text`, with the filters, and
    /// how many there are counted up to `countUpTo` (nil: all). `where` holds the filters on `p` (publications).
    static func search(text tokens: [String], _ q: Publications.Query, where w: SQLQueryString, limit: Int, offset: Int, countUpTo: Int?,
                       on sql: any SQLDatabase) async throws -> (rows: [any SQLRow], total: Int) {
        if sql.dialect.name == "sqlite" {
            let (all, months) = filterTokens(q)
            // Each token quoted as an FTS5 string (tokens hold only letters and digits, so no quote to escape).
            var match = (tokens + all).map { "\"\($0)\"" }.joined(separator: " AND ")
            if !months.isEmpty { match += " AND (" + months.map { "\"\($0)\"" }.joined(separator: " OR ") + ")" }
            // FTS5 hands back rowids newest first and the join probes each publication by its sequence: the walk stops
            // once the page (or the count's cap) is reached.
            let from: SQLQueryString = "FROM decision_fts f JOIN publications p ON p.search_seq = f.rowid WHERE decision_fts MATCH \(bind: match) AND " + w
            let rows = try await sql.raw("SELECT p.content " + from + " ORDER BY f.rowid DESC LIMIT \(literal: limit) OFFSET \(literal: offset)").all()
            let total = try await sql.raw(countUpTo.map { "SELECT COUNT(*) AS n FROM (SELECT 1 " + from + " LIMIT \(literal: $0 + 1)) AS hits" }
                                          ?? "SELECT COUNT(*) AS n " + from).first()!.decode(column: "n", as: Int.self)
            return (rows, total)
        }
        // Only the words here: the body and the dates are already conditions on their own columns, and saying them twice
        // (as tokens too) makes the planner multiply two selectivities of one fact and pick a full bitmap scan and sort
        // (116 ms instead of 5 ms for a broad word in one month, on 525,000 decisions).
        let cond: SQLQueryString = "p.search_tokens @> \(bind: tokens)::text[] AND " + w
        let total = try await sql.raw(countUpTo.map { "SELECT COUNT(*) AS n FROM (SELECT 1 FROM publications p WHERE " + cond + " LIMIT \(literal: $0 + 1)) AS hits" }
                                      ?? "SELECT COUNT(*) AS n FROM publications p WHERE " + cond).first()!.decode(column: "n", as: Int.self)
        // The planner multiplies the selectivities of a phrase's bigrams (无证 证经 经营), which always occur together, so it
        // takes a phrase in 5 % of the decisions for a rare one, fetches all 26,000 and sorts them (150 ms). When the count
        // shows many hits and no body or date narrows them, walk the newest publications in windows instead: each window is
        // a range of the sequence index, and a broad phrase fills the page from the first one or two.
        if total > Self.broad, q.body == nil, q.from == nil, q.to == nil {
            return (try await walk(cond, limit: limit, offset: offset, on: sql), total)
        }
        let rows = try await sql.raw("SELECT p.content FROM publications p WHERE " + cond + " ORDER BY p.search_seq DESC LIMIT \(literal: limit) OFFSET \(literal: offset)").all()
        return (rows, total)
    }

    /// Above this many hits a search walks the publications newest first (PostgreSQL, see `search`).
    static let broad = 1000
    static let window: Int64 = 4000

    /// The newest matching publications, found window by window down the publication sequence.
    static func walk(_ cond: SQLQueryString, limit: Int, offset: Int, on sql: any SQLDatabase) async throws -> [any SQLRow] {
        var hi = try await sql.raw("SELECT COALESCE(MAX(search_seq), 0) AS n FROM publications").first()!.decode(column: "n", as: Int64.self)
        var out: [any SQLRow] = []
        while hi > 0 && out.count < offset + limit {
            let lo = hi - window
            out += try await sql.raw("SELECT p.content FROM publications p WHERE p.search_seq > \(bind: lo) AND p.search_seq <= \(bind: hi) AND " + cond
                                     + " ORDER BY p.search_seq DESC LIMIT \(literal: offset + limit - out.count)").all()
            hi = lo
        }
        return Array(out.dropFirst(offset))
    }
}
