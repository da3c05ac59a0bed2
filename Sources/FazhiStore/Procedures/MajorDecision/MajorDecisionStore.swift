import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// The cases the 决策公开 pages list: a procedure's started cases, newest first (a county makes tens of decisions a year;
/// the cap keeps a page bounded).
public enum MajorDecisionStore {
    public static func started(procedure: String, limit: Int = 5_000, on db: any Database) async throws -> [StoredCase]
    {
        try await (db as! any SQLDatabase).raw(
            """
            SELECT number, opened_on, content FROM cases WHERE procedure = \(bind: procedure) AND state <> 'new'
            ORDER BY opened_on DESC, number DESC LIMIT \(literal: limit)
            """
        ).all().map(CaseStore.storedCase)
    }

    /// The case with this number among the bodies (a work log entry names the case it was for).
    public static func caseID(number: String, bodies: Set<UUID>, on db: any Database) async throws -> UUID? {
        let n = number.trimmed
        guard !n.isEmpty, n.count <= 100,
            let row = try await (db as! any SQLDatabase).raw(
                "SELECT id, body_id FROM cases WHERE number = \(bind: n)"
            ).first(),
            bodies.contains(try row.decode(column: "body_id", as: UUID.self))
        else { return nil }
        return try row.decode(column: "id", as: UUID.self)
    }
}
