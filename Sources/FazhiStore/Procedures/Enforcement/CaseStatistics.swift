import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// One body's figures for one month (or the year, month nil) of enforcement cases.
public struct CaseFigures: Codable, Sendable, Equatable {
    public var bodyID: UUID
    public var month: Int?
    /// Cases opened (all procedures), of them 行政处罚 (ordinary + simple) and 行政检查.
    public var opened = 0, penaltyCases = 0, inspections = 0
    /// Decisions by outcome; fines decided (yuan).
    public var penalties = 0, noPenalty = 0, notEstablished = 0, transferred = 0
    public var fines = 0.0
    /// Average days from 立案 to decision, over decided ordinary cases.
    public var averageHandlingDays: Double?
    /// Ordinary cases decided after their decision deadline, or still undecided past it.
    public var overdue = 0
    /// Penalty decisions (ordinary procedure) that passed 法制审核, and those that went through a hearing.
    public var legallyReviewed = 0, heard = 0
    public var ordinaryPenaltyDecisions = 0

    /// A body's year with nothing in it (a body with no cases still has its row in an export).
    public static func none(_ body: UUID) -> CaseFigures { CaseFigures(bodyID: body, month: nil) }

    /// 法制审核率: reviewed penalty decisions over all ordinary-procedure penalty decisions.
    public var reviewRate: Double? {
        ordinaryPenaltyDecisions == 0 ? nil : Double(legallyReviewed) / Double(ordinaryPenaltyDecisions)
    }
}

/// How often each 行政处罚 item of the list was used in a year (履职率: seed 000 names a low rate as a problem).
public struct PowerItemUse: Codable, Sendable {
    public let code: String
    public let name: String
    public let bodyID: UUID
    public let cases: Int
}

public enum CaseStatistics {
    /// One body and month of the kept sums, added up in the database (a province's year is ~17,000 kept rows; decoding
    /// them one by one cost more than the query).
    struct SumRow: Decodable {
        let bodyId: String, month: String
        let opened: Int, inspections: Int, penalties: Int, noPenalty: Int, notEstablished: Int, transferred: Int
        let fines: Double?, ordinaryPenaltyDecisions: Int, legallyReviewed: Int, heard: Int, late: Int,
            handlingSum: Int?, handlingN: Int
    }

    /// The figures per body and month of `year`, and per body for the year (month nil), from the sums kept as cases
    /// change (M010); only "undecided and past the decision due date" is counted live, as it depends on the day.
    public static func figures(
        year: Int, bodies: Set<UUID>, today: CivilDate, on db: any Database
    ) async throws -> [CaseFigures] {
        guard !bodies.isEmpty else { return [] }
        let sql = db as! any SQLDatabase
        let ids = SQLGroupExpression(bodies.map { SQLBind($0.uuidString) })
        let ord = PenaltyOrdinaryProcedure.id
        let rows = try await sql.raw(
            """
            SELECT body_id, month, SUM(n) AS opened,
              SUM(CASE WHEN procedure = \(bind: InspectionProcedure.id) THEN n ELSE 0 END) AS inspections,
              SUM(CASE WHEN outcome = 'penalty' THEN n ELSE 0 END) AS penalties,
              SUM(CASE WHEN outcome = 'no_penalty' THEN n ELSE 0 END) AS no_penalty,
              SUM(CASE WHEN outcome = 'not_established' THEN n ELSE 0 END) AS not_established,
              SUM(CASE WHEN transferred > 0 THEN n ELSE 0 END) AS transferred,
              SUM(CASE WHEN outcome = 'penalty' THEN fines ELSE 0 END) AS fines,
              SUM(CASE WHEN procedure = \(bind: ord) AND outcome = 'penalty' THEN n ELSE 0 END) AS ordinary_penalty_decisions,
              SUM(CASE WHEN procedure = \(bind: ord) AND outcome = 'penalty' AND reviewed > 0 THEN n ELSE 0 END) AS legally_reviewed,
              SUM(CASE WHEN procedure = \(bind: ord) AND heard > 0 THEN n ELSE 0 END) AS heard,
              SUM(CASE WHEN procedure = \(bind: ord) AND late > 0 THEN n ELSE 0 END) AS late,
              SUM(CASE WHEN procedure = \(bind: ord) THEN handling_sum ELSE 0 END) AS handling_sum,
              SUM(CASE WHEN procedure = \(bind: ord) THEN handling_n ELSE 0 END) AS handling_n
            FROM case_figures WHERE body_id IN \(ids) AND month >= \(bind: "\(year)-01") AND month <= \(bind: "\(year)-12")
            GROUP BY body_id, month HAVING SUM(n) <> 0
            """
        ).all(decoding: SumRow.self, with: SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase))
        let waiting = try await sql.raw(
            """
            SELECT body_id, SUBSTR(opened_on, 6, 2) AS month, COUNT(*) AS n FROM cases
            WHERE decided_on IS NULL AND opened_on >= \(bind: "\(year)-01-01") AND opened_on <= \(bind: "\(year)-12-31")
              AND procedure = \(bind: ord) AND decision_due < \(bind: today.description) AND state <> 'transferred' AND state <> 'closed'
              AND body_id IN \(SQLGroupExpression(bodies.map { SQLBind($0) }))
            GROUP BY body_id, SUBSTR(opened_on, 6, 2)
            """
        ).all()
        var out: [String: CaseFigures] = [:]
        var handling: [String: (Int, Int)] = [:]
        func each(_ body: UUID, _ month: Int, _ change: (inout CaseFigures) -> Void) {
            for key in ["\(body)|\(month)", "\(body)|"] {
                var f = out[key] ?? CaseFigures(bodyID: body, month: key.hasSuffix("|") ? nil : month)
                change(&f)
                out[key] = f
            }
        }
        for r in rows {
            guard let body = UUID(uuidString: r.bodyId) else { continue }
            let month = Int(r.month.suffix(2)) ?? 1
            each(body, month) { f in
                f.opened += r.opened; f.inspections += r.inspections; f.penaltyCases += r.opened - r.inspections
                f.penalties += r.penalties; f.fines += r.fines ?? 0; f.noPenalty += r.noPenalty;
                f.notEstablished += r.notEstablished
                f.transferred += r.transferred; f.ordinaryPenaltyDecisions += r.ordinaryPenaltyDecisions;
                f.legallyReviewed += r.legallyReviewed
                f.heard += r.heard; f.overdue += r.late
            }
            for key in ["\(body)|\(month)", "\(body)|"] {
                let h = handling[key] ?? (0, 0); handling[key] = (h.0 + (r.handlingSum ?? 0), h.1 + r.handlingN)
            }
        }
        for w in waiting {
            let body = try w.decode(column: "body_id", as: UUID.self),
                month = Int(try w.decode(column: "month", as: String.self)) ?? 1
            let n = try w.decode(column: "n", as: Int.self)
            each(body, month) { $0.overdue += n }
        }
        for (k, h) in handling where h.1 > 0 { out[k]?.averageHandlingDays = Double(h.0) / Double(h.1) }
        return out.values.sorted { ($0.bodyID.uuidString, $0.month ?? 0) < ($1.bodyID.uuidString, $1.month ?? 0) }
    }

    /// The year's sums over the given per-body year rows (month nil), for the declared figures (`Penalty.statistics`).
    public static func sums(_ rows: [CaseFigures]) -> EnforcementSums {
        var s = EnforcementSums()
        for f in rows {
            s.opened += f.opened; s.penaltyCases += f.penaltyCases; s.inspections += f.inspections
            s.penalties += f.penalties; s.noPenalty += f.noPenalty; s.notEstablished += f.notEstablished
            s.transferred += f.transferred; s.fines = s.fines + (Money(yuan: f.fines) ?? .zero)
            s.overdue += f.overdue; s.heard += f.heard; s.legallyReviewed += f.legallyReviewed
            s.ordinaryPenaltyDecisions += f.ordinaryPenaltyDecisions
            if let d = f.averageHandlingDays { s.averageHandlingDays.append(d) }
        }
        return s
    }

    public static func powerItemUse(
        year: Int, bodies: Set<UUID>, today: CivilDate, on db: any Database
    ) async throws -> [PowerItemUse] {
        guard !bodies.isEmpty else { return [] }
        let asOf = min(today, CivilDate(year: year, month: 12, day: 31)!)
        let items = try await PowerListStore.list(on: asOf, .init(type: .penalty, organisations: bodies), on: db).rows
        let sql = db as! any SQLDatabase
        var counts: [String: Int] = [:]
        for r in try await sql.raw(
            """
            SELECT code, SUM(n) AS n FROM case_item_use WHERE body_id IN \(SQLGroupExpression(bodies.map { SQLBind($0.uuidString) })) AND year = \(bind: year) GROUP BY code
            """
        ).all() {
            counts[try r.decode(column: "code", as: String.self)] = try r.decode(column: "n", as: Int.self)
        }
        return try items.map { e in
            let c = try e.content()
            return PowerItemUse(code: e.code, name: c.name, bodyID: c.organisationID, cases: counts[e.code] ?? 0)
        }
    }
}
