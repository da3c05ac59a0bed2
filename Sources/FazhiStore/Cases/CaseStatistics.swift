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
    struct Row: Decodable {
        let bodyId: UUID, procedure: String, openedOn: String, decidedOn: String?, outcome: String?, fine: Double?, state: String
        let reviewed: Int, heard: Int, decisionDue: String?
    }

    /// Figures per body and month of `year` (by the month the case was opened), plus a year row per body (month nil).
    public static func figures(year: Int, bodies: Set<UUID>, today: CivilDate, on db: any Database) async throws -> [CaseFigures] {
        guard !bodies.isEmpty else { return [] }
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw("""
            SELECT c.body_id, c.procedure, c.opened_on, c.decided_on, c.outcome, c.fine, c.state,
              (SELECT COUNT(*) FROM case_steps s WHERE s.case_id = c.id AND s.action = 'legal_review_pass') AS reviewed,
              (SELECT COUNT(*) FROM case_steps s WHERE s.case_id = c.id AND s.action = 'hold_hearing') AS heard,
              (SELECT MAX(d.due) FROM case_deadlines d WHERE d.case_id = c.id AND d.key = 'decision') AS decision_due
            FROM cases c
            WHERE c.body_id IN \(SQLGroupExpression(bodies.map { SQLBind($0) })) AND c.opened_on >= \(bind: "\(year)-01-01") AND c.opened_on <= \(bind: "\(year)-12-31")
            """).all(decoding: Row.self, with: SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase))
        var out: [String: CaseFigures] = [:]
        var handling: [String: [Int]] = [:]
        for r in rows {
            let month = Int(r.openedOn.dropFirst(5).prefix(2)) ?? 1
            for key in ["\(r.bodyId)|\(month)", "\(r.bodyId)|"] {
                var f = out[key] ?? CaseFigures(bodyID: r.bodyId, month: key.hasSuffix("|") ? nil : month)
                f.opened += 1
                if r.procedure == InspectionProcedure.id { f.inspections += 1 } else { f.penaltyCases += 1 }
                switch r.outcome {
                case "penalty"?: f.penalties += 1; f.fines += r.fine ?? 0
                case "no_penalty"?: f.noPenalty += 1
                case "not_established"?: f.notEstablished += 1
                default: break
                }
                if r.state == "transferred" || (r.state == "closed" && r.outcome == nil && r.procedure == PenaltyOrdinaryProcedure.id && r.decidedOn == nil) { f.transferred += 1 }
                if r.procedure == PenaltyOrdinaryProcedure.id {
                    if r.outcome == "penalty" { f.ordinaryPenaltyDecisions += 1; if r.reviewed > 0 { f.legallyReviewed += 1 } }
                    if r.heard > 0 { f.heard += 1 }
                    if let due = r.decisionDue {
                        if let decided = r.decidedOn { if decided > due { f.overdue += 1 } } else if today.description > due && r.state != "transferred" && r.state != "closed" { f.overdue += 1 }
                    }
                    if let decided = r.decidedOn.flatMap(CivilDate.init(iso:)), let opened = CivilDate(iso: r.openedOn) {
                        handling[key, default: []].append(opened.days(until: decided))
                    }
                }
                out[key] = f
            }
        }
        for (k, days) in handling where !days.isEmpty { out[k]?.averageHandlingDays = Double(days.reduce(0, +)) / Double(days.count) }
        return out.values.sorted { ($0.bodyID.uuidString, $0.month ?? 0) < ($1.bodyID.uuidString, $1.month ?? 0) }
    }

    /// Every 行政处罚 item listed for the bodies on the last day of `year` (or today, if earlier), with its cases that year.
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
