import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// A published decision with the record entry that published it.
public struct PublishedDecision: Sendable {
    public let decision: PublicDecision
    public let bodyID: UUID
}

/// 事后公示: what the portal shows of decisions, and the record entries that prove it.
public enum Publications {
    /// Publishes or withdraws, in the step's transaction; the public projection itself is the record entry's payload,
    /// so anyone can hash what the portal shows and find it in the log.
    static func apply(
        _ effect: PublicationEffect, file: CaseFile, on date: CivilDate, in tx: WriteTransaction
    ) async throws {
        let sql = tx.sql
        switch effect {
        case .publish:
            let body = try await EnforcementBodies.body(organisation: file.bodyID, on: tx.db)?.organisationName ?? ""
            let d = DecisionPublication.project(file, bodyName: body, publishedOn: date)
            try await insert(d, bodyID: file.bodyID, on: sql)
            try tx.record("publication", file.id.uuidString, "publish", d)
        case .withdraw:
            guard var d = try await decision(file.id, on: tx.db)?.decision else {
                throw DomainError.notFound("该决定尚未公示")
            }
            d.withdrawnOn = date.description
            d.withdrawalReason = file.facts[EnforcementFact.withdrawalReason]
            try await sql.update("publications").set("withdrawn_on", to: SQLBind(date.description)).set(
                "content", to: SQLBind(try StoreJSON.encode(d))
            )
            .where("case_id", .equal, SQLBind(file.id)).run()
            try tx.record("publication", file.id.uuidString, "withdraw", d)
        }
    }

    /// Stores a decision's public projection and indexes it for the search, as the latest published. The caller records it.
    public static func insert(_ d: PublicDecision, bodyID: UUID, on sql: any SQLDatabase) async throws {
        let tokens = DecisionSearch.tokens(d, bodyID: bodyID)
        let postgres = sql.dialect.name != "sqlite"
        let values: SQLQueryString = """
            INSERT INTO publications (case_id, decision_number, body_id, decided_on, published_on, penalties, fine, content, search_seq\(unsafeRaw: postgres ? ", search_tokens" : ""))
            VALUES (\(bind: d.caseID), \(bind: d.decisionNumber), \(bind: bodyID), \(bind: d.decidedOn), \(bind: d.publishedOn),
                    \(bind: d.penalties.joined(separator: "、")), \(bind: d.fine), \(bind: try StoreJSON.encode(d)),
            """
        let tokenValue: SQLQueryString = postgres ? ", \(bind: tokens)::text[])" : ")"
        let seq = try await sql.raw(values + " " + DecisionSearch.nextSeq + tokenValue + " RETURNING search_seq")
            .first()!.decode(column: "search_seq", as: Int64.self)
        if !postgres { try await DecisionSearch.index([(seq, tokens)], on: sql) }
    }

    public static func decision(_ caseID: UUID, on db: any Database) async throws -> PublishedDecision? {
        guard
            let r = try await (db as! any SQLDatabase).raw(
                "SELECT body_id, content FROM publications WHERE case_id = \(bind: caseID)"
            ).first()
        else { return nil }
        return PublishedDecision(
            decision: try StoreJSON.decode(PublicDecision.self, try r.decode(column: "content", as: String.self)),
            bodyID: try r.decode(column: "body_id", as: UUID.self))
    }

    /// The latest record entry about a publication (its publishing or its withdrawal), for the proof link.
    public static func recordEntry(_ caseID: UUID, on db: any Database) async throws -> Int64? {
        try await (db as! any SQLDatabase).raw(
            "SELECT MAX(seq) AS s FROM record_entries WHERE subject_type = 'publication' AND subject_id = \(bind: caseID.uuidString)"
        )
        .first()?.decode(column: "s", as: Int64?.self)
    }

    public struct Query: Sendable {
        public var body: UUID?, from: CivilDate?, to: CivilDate?, penalty: String?, text: String?
        public init(
            body: UUID? = nil, from: CivilDate? = nil, to: CivilDate? = nil, penalty: String? = nil, text: String? = nil
        ) {
            self.body = body; self.from = from; self.to = to; self.penalty = penalty; self.text = text
        }
    }

    /// Published decisions, the latest published first (with a decision-date range, the latest decided first), with the
    /// total for paging.
    /// With `countUpTo`, the total is counted only that far (a page shows "1,000+"): counting every hit of a broad word
    /// over a province's decisions costs more than finding the page.
    /// `broadAbove`: from how many hits PostgreSQL walks the newest rows instead of asking its planner (tests lower it to
    /// check both ways give the same page).
    public static func search(
        _ q: Query, limit: Int = 50, offset: Int = 0, countUpTo: Int? = nil, broadAbove: Int = DecisionSearch.broad,
        on db: any Database
    ) async throws -> (items: [PublicDecision], total: Int) {
        let sql = db as! any SQLDatabase
        let text = q.text?.trimmed ?? ""
        let rows: [any SQLRow], total: Int
        if !text.isEmpty, let tokens = CJKTokenizer.queryTokens(text) {
            (rows, total) = try await DecisionSearch.search(
                text: tokens, q, limit: limit, offset: offset, countUpTo: countUpTo, broadAbove: broadAbove, on: sql)
        } else {
            // No word the index can answer (none, or a lone character): the filters' own indexes, and a substring match.
            var w = DecisionSearch.filters(q, body: true)
            if !text.isEmpty {
                w = w + " AND p.content LIKE \(bind: "%\(text.replacingOccurrences(of: "%", with: ""))%")"
            }
            rows = try await sql.raw(
                "SELECT p.content FROM publications p WHERE " + w + DecisionSearch.orderBy(q)
                    + " LIMIT \(literal: limit) OFFSET \(literal: offset)"
            ).all()
            total = try await sql.raw(
                countUpTo.map {
                    "SELECT COUNT(*) AS n FROM (SELECT 1 FROM publications p WHERE " + w
                        + " LIMIT \(literal: $0 + 1)) AS hits"
                }
                    ?? "SELECT COUNT(*) AS n FROM publications p WHERE " + w
            ).first()!.decode(column: "n", as: Int.self)
        }
        return (
            try rows.map {
                try StoreJSON.decode(PublicDecision.self, try $0.decode(column: "content", as: String.self))
            }, total
        )
    }
}
