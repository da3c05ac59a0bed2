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

    /// 法制审核率: reviewed penalty decisions over all ordinary-procedure penalty decisions.
    public var reviewRate: Double? { ordinaryPenaltyDecisions == 0 ? nil : Double(legallyReviewed) / Double(ordinaryPenaltyDecisions) }
}

/// How often each 行政处罚 item of the list was used in a year (履职率: seed 000 names a low rate as a problem).
public struct PowerItemUse: Codable, Sendable {
    public let code: String
    public let name: String
    public let bodyID: UUID
    public let cases: Int
}

public enum CaseStatistics {
    /// One group of the yearly sums: a body and a month.
    struct Group: Decodable {
        let bodyId: UUID, month: String
        let opened: Int, inspections: Int, penalties: Int, noPenalty: Int, notEstablished: Int, transferred: Int
        let fines: Double?, ordinaryPenaltyDecisions: Int, legallyReviewed: Int, heard: Int, overdue: Int
        let handlingDaysSum: Int?, handlingCases: Int
    }

    /// The figures per body and month of `year`, and per body for the year (month nil). Summed in SQL over the case
    /// rows (the per-case figures are kept on the row when a step is saved: M009), so a province's year is one scan.
    public static func figures(year: Int, bodies: Set<UUID>, today: CivilDate, on db: any Database) async throws -> [CaseFigures] {
        guard !bodies.isEmpty else { return [] }
        let sql = db as! any SQLDatabase
        let ordinary = PenaltyOrdinaryProcedure.id, inspection = InspectionProcedure.id
        let groups = try await sql.raw("""
            SELECT body_id, SUBSTR(opened_on, 6, 2) AS month, COUNT(*) AS opened,
              SUM(CASE WHEN procedure = \(bind: inspection) THEN 1 ELSE 0 END) AS inspections,
              SUM(CASE WHEN outcome = 'penalty' THEN 1 ELSE 0 END) AS penalties,
              SUM(CASE WHEN outcome = 'no_penalty' THEN 1 ELSE 0 END) AS no_penalty,
              SUM(CASE WHEN outcome = 'not_established' THEN 1 ELSE 0 END) AS not_established,
              SUM(CASE WHEN state = 'transferred' OR (state = 'closed' AND outcome IS NULL AND procedure = \(bind: ordinary) AND decided_on IS NULL) THEN 1 ELSE 0 END) AS transferred,
              SUM(CASE WHEN outcome = 'penalty' THEN fine ELSE 0 END) AS fines,
              SUM(CASE WHEN procedure = \(bind: ordinary) AND outcome = 'penalty' THEN 1 ELSE 0 END) AS ordinary_penalty_decisions,
              SUM(CASE WHEN procedure = \(bind: ordinary) AND outcome = 'penalty' AND legally_reviewed > 0 THEN 1 ELSE 0 END) AS legally_reviewed,
              SUM(CASE WHEN procedure = \(bind: ordinary) AND heard > 0 THEN 1 ELSE 0 END) AS heard,
              SUM(CASE WHEN procedure = \(bind: ordinary) AND decision_due IS NOT NULL AND ((decided_on IS NOT NULL AND decided_on > decision_due)
                    OR (decided_on IS NULL AND decision_due < \(bind: today.description) AND state <> 'transferred' AND state <> 'closed')) THEN 1 ELSE 0 END) AS overdue,
              SUM(CASE WHEN procedure = \(bind: ordinary) THEN handling_days ELSE NULL END) AS handling_days_sum,
              SUM(CASE WHEN procedure = \(bind: ordinary) AND handling_days IS NOT NULL THEN 1 ELSE 0 END) AS handling_cases
            FROM cases
            WHERE body_id IN \(SQLGroupExpression(bodies.map { SQLBind($0) })) AND opened_on >= \(bind: "\(year)-01-01") AND opened_on <= \(bind: "\(year)-12-31")
            GROUP BY body_id, SUBSTR(opened_on, 6, 2)
            """).all(decoding: Group.self, with: SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase))
        var out: [String: CaseFigures] = [:]
        var handling: [String: (Int, Int)] = [:]
        for g in groups {
            let month = Int(g.month) ?? 1
            for key in ["\(g.bodyId)|\(month)", "\(g.bodyId)|"] {
                var f = out[key] ?? CaseFigures(bodyID: g.bodyId, month: key.hasSuffix("|") ? nil : month)
                f.opened += g.opened; f.inspections += g.inspections; f.penaltyCases += g.opened - g.inspections
                f.penalties += g.penalties; f.noPenalty += g.noPenalty; f.notEstablished += g.notEstablished; f.transferred += g.transferred
                f.fines += g.fines ?? 0; f.ordinaryPenaltyDecisions += g.ordinaryPenaltyDecisions; f.legallyReviewed += g.legallyReviewed
                f.heard += g.heard; f.overdue += g.overdue
                let h = handling[key] ?? (0, 0)
                handling[key] = (h.0 + (g.handlingDaysSum ?? 0), h.1 + g.handlingCases)
                out[key] = f
            }
        }
        for (k, h) in handling where h.1 > 0 { out[k]?.averageHandlingDays = Double(h.0) / Double(h.1) }
        return out.values.sorted { ($0.bodyID.uuidString, $0.month ?? 0) < ($1.bodyID.uuidString, $1.month ?? 0) }
    }

    public static func powerItemUse(year: Int, bodies: Set<UUID>, today: CivilDate, on db: any Database) async throws -> [PowerItemUse] {
        guard !bodies.isEmpty else { return [] }
        let asOf = min(today, CivilDate(year: year, month: 12, day: 31)!)
        let items = try await PowerListStore.list(on: asOf, .init(type: .penalty, organisations: bodies), on: db).rows
        let sql = db as! any SQLDatabase
        var counts: [String: Int] = [:]
        for r in try await sql.raw("""
            SELECT power_item_code AS code, COUNT(*) AS n FROM cases WHERE body_id IN \(SQLGroupExpression(bodies.map { SQLBind($0) }))
            AND opened_on >= \(bind: "\(year)-01-01") AND opened_on <= \(bind: "\(year)-12-31") GROUP BY power_item_code
            """).all() {
            counts[try r.decode(column: "code", as: String.self)] = try r.decode(column: "n", as: Int.self)
        }
        return try items.map { e in
            let c = try e.content()
            return PowerItemUse(code: e.code, name: c.name, bodyID: c.organisationID, cases: counts[e.code] ?? 0)
        }
    }
}
