import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// 状态审计 of 事后公示 (`StateAudit`): a published decision is its record entry's payload, so a row edited past Fazhi —
/// its content or the columns the list and search read — no longer re-encodes to it.
extension Publications {
    static func audit(on sql: any SQLDatabase) async throws -> [StateProblem] {
        let entries = try await StateAudit.latest("publication", on: sql)
        let rows = try await sql.raw("SELECT case_id, decision_number, fine, content FROM publications").all()
        var out: [StateProblem] = []
        for r in rows {
            let id = try r.decode(column: "case_id", as: UUID.self).uuidString
            let number = try r.decode(column: "decision_number", as: String.self)
            guard let (seq, payload) = entries[id] else {
                out.append(
                    StateProblem(
                        subjectType: "publication", subjectID: id, label: number, entry: nil,
                        message: "公示的决定\(number)在全过程记录中没有任何记录"))
                continue
            }
            if try !publicationMatches(
                content: r.decode(column: "content", as: String.self), decisionNumber: number,
                fine: r.decode(column: "fine", as: Double.self), payload: payload)
            {
                out.append(
                    StateProblem(
                        subjectType: "publication", subjectID: id, label: number, entry: seq,
                        message: "公示的决定\(number)与全过程记录第\(seq)条不一致（在本系统之外被改动）"))
            }
        }
        return out
    }

    /// A publication row is what its entry recorded: its content re-encoded canonically is the entry's payload, and
    /// the columns the list and search read say the same.
    public static func publicationMatches(
        content: String, decisionNumber: String, fine: Double, payload: String
    )
        -> Bool
    {
        guard let d = try? StoreJSON.decode(PublicDecision.self, content),
            let canonical = try? CanonicalJSON.encode(d)
        else { return false }
        return String(decoding: canonical, as: UTF8.self) == payload && d.decisionNumber == decisionNumber
            && abs(d.fine - fine) < 0.005
    }

    /// Which of these publications no longer match their record (for marking list rows, JSON and CSV).
    public static func altered(_ caseIDs: [UUID], on db: any Database) async throws -> Set<UUID> {
        var out = Set<UUID>()
        for chunk in caseIDs.chunked(500) { out.formUnion(try await alteredChunk(Array(chunk), on: db)) }
        return out
    }

    static func alteredChunk(_ caseIDs: [UUID], on db: any Database) async throws -> Set<UUID> {
        guard !caseIDs.isEmpty else { return [] }
        let sql = db as! any SQLDatabase
        let payloads = try await StateAudit.latestPayloads("publication", ids: caseIDs.map(\.uuidString), on: sql)
        let rows = try await sql.raw(
            """
            SELECT case_id, decision_number, fine, content FROM publications WHERE case_id IN \(SQLGroupExpression(caseIDs.map { SQLBind($0) }))
            """
        ).all()
        var out = Set<UUID>()
        for r in rows {
            let id = try r.decode(column: "case_id", as: UUID.self)
            let ok =
                try payloads[id.uuidString].map {
                    publicationMatches(
                        content: try r.decode(column: "content", as: String.self),
                        decisionNumber: try r.decode(column: "decision_number", as: String.self),
                        fine: try r.decode(column: "fine", as: Double.self), payload: $0)
                } ?? false
            if !ok { out.insert(id) }
        }
        return out
    }
}
