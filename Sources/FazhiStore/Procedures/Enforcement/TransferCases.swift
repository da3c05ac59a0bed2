import FazhiCore
import FluentKit
import Foundation
import SQLKit

extension CaseStore {
    /// Cases of the given bodies that were marked 涉嫌犯罪 or transferred (两法衔接), opened in `year` or later.
    public static func transferCases(
        bodies: Set<UUID>, since year: Int, on db: any Database
    ) async throws -> [StoredCase] {
        guard !bodies.isEmpty else { return [] }
        let rows = try await (db as! any SQLDatabase).raw(
            """
            SELECT number, opened_on, content FROM cases WHERE body_id IN \(SQLGroupExpression(bodies.map { SQLBind($0) }))
            AND opened_on >= \(bind: String(format: "%04d-01-01", year))
            AND id IN (SELECT case_id FROM case_steps WHERE action IN (\(bind: PenaltyOrdinaryProcedure.Step.markSuspectedCrime), \(bind: PenaltyOrdinaryProcedure.Step.transfer)))
            ORDER BY opened_on DESC
            """
        ).all()
        return try rows.map { r in
            StoredCase(
                file: try StoreJSON.decode(CaseFile.self, try r.decode(column: "content", as: String.self)),
                number: try r.decode(column: "number", as: String.self),
                openedOn: try r.decode(column: "opened_on", as: String.self))
        }
    }
}
