import Crypto
import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// A business row whose stored content no longer matches what its latest record entry says: edited past Fazhi (in the
/// database file, by SQL), so the record — which verifies — and the row part ways.
public struct StateProblem: Sendable, Codable, Equatable {
    /// `case`, `publication`, or the registry table (`SealedTable.name`).
    public let subjectType: String
    public let subjectID: String
    /// What a person recognises: the case number or the decision number.
    public let label: String
    /// The record entry the row contradicts (nil when the row has none).
    public let entry: Int64?
    public let message: String
    /// For a registry row, what the public lists know it by: the officer's id, the body's organisation id, the 权责清单
    /// item's or the 裁量基准's code.
    public var ref: String? = nil
}

/// Checks every case, publication and registry row (`RowSeals`) against its latest record entry (issue 14, 状态审计). A case step's entry
/// carries the SHA-256 `seal` of the case row as written (its content and the columns lists and statistics read); a
/// publication's entry is the public projection itself. Rows written before seals existed are skipped, not flagged.
public enum StateAudit {
    /// The seal of a case row: its content and the columns read for lists and statistics, in one canonical line.
    public static func caseSeal(
        content: String, number: String, state: String, fine: Double?, outcome: String?, decidedOn: String?,
        party: String, powerItemCode: String
    ) -> String {
        let fineText = fine.map { String(format: "%.2f", $0) } ?? ""
        let line = [content, number, state, fineText, outcome ?? "", decidedOn ?? "", party, powerItemCode]
            .joined(separator: "\u{1F}")
        return Hex.encode(SHA256.hash(data: Array(line.utf8)))
    }

    /// Every row that contradicts its record: cases, then publications, then registry rows.
    public static func run(on db: any Database) async throws -> [StateProblem] {
        let sql = db as! any SQLDatabase
        return try await cases(on: sql) + Publications.audit(on: sql) + RowSeals.audit(on: sql)
    }

    struct Sealed: Decodable { let seal: String? }

    /// The latest entries of these subjects of a type: subject id → payload.
    static func latestPayloads(_ type: String, ids: [String], on sql: any SQLDatabase) async throws -> [String: String]
    {
        let entries = try await sql.raw(
            """
            SELECT subject_id, payload FROM record_entries WHERE seq IN (SELECT MAX(seq) FROM record_entries WHERE subject_type = \(bind: type) AND subject_id IN \(SQLGroupExpression(ids.map { SQLBind($0) })) GROUP BY subject_id)
            """
        ).all()
        var out: [String: String] = [:]
        for e in entries {
            out[try e.decode(column: "subject_id", as: String.self).uppercased()] = try e.decode(
                column: "payload", as: String.self)
        }
        return out
    }

    /// The latest entry of each subject of a type: subject id → (sequence, payload).
    /// Entries that do not change the row (an evidence file uploaded to a case) are passed over.
    static func latest(_ type: String, on sql: any SQLDatabase) async throws -> [String: (Int64, String)] {
        let rows = try await sql.raw(
            """
            SELECT subject_id, seq, payload FROM record_entries WHERE seq IN (SELECT MAX(seq) FROM record_entries WHERE subject_type = \(bind: type) AND action <> 'evidence_upload' GROUP BY subject_id)
            """
        ).all()
        var out: [String: (Int64, String)] = [:]
        for r in rows {
            out[try r.decode(column: "subject_id", as: String.self).uppercased()] = (
                try r.decode(column: "seq", as: Int64.self), try r.decode(column: "payload", as: String.self)
            )
        }
        return out
    }

    static func cases(on sql: any SQLDatabase) async throws -> [StateProblem] {
        let entries = try await latest("case", on: sql)
        let rows = try await sql.raw(
            """
            SELECT id, number, state, content, fine, outcome, decided_on, party_name, power_item_code FROM cases ORDER BY number
            """
        ).all()
        var out: [StateProblem] = []
        var seen = Set<String>()
        for r in rows {
            let id = try r.decode(column: "id", as: UUID.self).uuidString
            let number = try r.decode(column: "number", as: String.self)
            seen.insert(id)
            guard let (seq, payload) = entries[id] else {
                out.append(
                    StateProblem(
                        subjectType: "case", subjectID: id, label: number, entry: nil,
                        message: "案件\(number)在全过程记录中没有任何记录"))
                continue
            }
            guard let seal = try? JSONDecoder().decode(Sealed.self, from: Data(payload.utf8)).seal else { continue }
            let stored = caseSeal(
                content: try r.decode(column: "content", as: String.self), number: number,
                state: try r.decode(column: "state", as: String.self),
                fine: try r.decode(column: "fine", as: Double?.self),
                outcome: try r.decode(column: "outcome", as: String?.self),
                decidedOn: try r.decode(column: "decided_on", as: String?.self),
                party: try r.decode(column: "party_name", as: String.self),
                powerItemCode: try r.decode(column: "power_item_code", as: String.self))
            if stored != seal {
                out.append(
                    StateProblem(
                        subjectType: "case", subjectID: id, label: number, entry: seq,
                        message: "案件\(number)的存储内容与全过程记录第\(seq)条不一致（在本系统之外被改动）"))
            }
        }
        for (id, (seq, _)) in entries where !seen.contains(id) {
            out.append(
                StateProblem(
                    subjectType: "case", subjectID: id, label: id, entry: seq, message: "全过程记录第\(seq)条所载的案件已不在数据库中（被删除）"
                ))
        }
        return out
    }

    /// The one case's row against its latest sealed entry (the case page and its 文书 check it before showing it).
    public static func caseProblem(_ id: UUID, on db: any Database) async throws -> StateProblem? {
        let sql = db as! any SQLDatabase
        guard
            let r = try await sql.raw(
                """
                SELECT number, state, content, fine, outcome, decided_on, party_name, power_item_code FROM cases WHERE id = \(bind: id)
                """
            ).first(),
            let e = try await sql.raw(
                """
                SELECT seq, payload FROM record_entries WHERE subject_type = 'case' AND subject_id = \(bind: id.uuidString) AND action <> 'evidence_upload' ORDER BY seq DESC LIMIT 1
                """
            ).first()
        else { return nil }
        let number = try r.decode(column: "number", as: String.self)
        let seq = try e.decode(column: "seq", as: Int64.self)
        guard
            let seal = try? JSONDecoder().decode(
                Sealed.self, from: Data(try e.decode(column: "payload", as: String.self).utf8)
            ).seal
        else { return nil }
        let stored = caseSeal(
            content: try r.decode(column: "content", as: String.self), number: number,
            state: try r.decode(column: "state", as: String.self), fine: try r.decode(column: "fine", as: Double?.self),
            outcome: try r.decode(column: "outcome", as: String?.self),
            decidedOn: try r.decode(column: "decided_on", as: String?.self),
            party: try r.decode(column: "party_name", as: String.self),
            powerItemCode: try r.decode(column: "power_item_code", as: String.self))
        guard stored != seal else { return nil }
        return StateProblem(
            subjectType: "case", subjectID: id.uuidString, label: number, entry: seq,
            message: "案件\(number)的存储内容与全过程记录第\(seq)条不一致（在本系统之外被改动）")
    }

}
