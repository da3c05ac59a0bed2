import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// 学法 sessions as kept: each on the record when entered.
public enum StudySessions {
    public static func add(_ s: StudySession, today: CivilDate, in tx: WriteTransaction) async throws {
        try s.check(today: today)
        try await tx.sql.raw(
            """
            INSERT INTO study_sessions (id, unit_id, held_on, kind, content, attendance) VALUES (\(bind: s.id.uuidString),
            \(bind: s.unitID.uuidString), \(bind: s.heldOn.description), \(bind: s.kind.rawValue),
            \(bind: try StoreJSON.encode(s)), \(bind: s.attendance))
            """
        ).run()
        try tx.record("study_session", s.id.uuidString, "create", s)
    }

    /// The sessions of these units held in a year, newest first.
    public static func list(units: Set<UUID>, year: Int, on db: any Database) async throws -> [StudySession] {
        guard !units.isEmpty else { return [] }
        return try await (db as! any SQLDatabase).raw(
            """
            SELECT content FROM study_sessions WHERE unit_id IN \(SQLGroupExpression(units.map { SQLBind($0.uuidString) }))
            AND held_on >= \(bind: "\(year)-01-01") AND held_on <= \(bind: "\(year)-12-31") ORDER BY held_on DESC
            """
        ).all().map { try StoreJSON.decode(StudySession.self, try $0.decode(column: "content", as: String.self)) }
    }
}
