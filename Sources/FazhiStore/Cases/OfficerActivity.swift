import FazhiCore
import Foundation
import SQLKit

/// How many case steps each 执法人员 took part in each year, kept as steps are taken: the 零执法 alert and the officers'
/// figures read it instead of every step of a province.
enum OfficerActivity {
    /// Counts the officers named on these steps (each officer once per step): one statement for up to 500
    /// officer-years (a step's two officers cost one round trip, not two).
    static func note(_ steps: [CaseStep], on sql: any SQLDatabase) async throws {
        var n: [OfficerYear: Int] = [:]
        for s in steps {
            for o in Set(s.officers.map(\.id)) {
                n[OfficerYear(officer: o.uuidString, year: s.on.year), default: 0] += 1
            }
        }
        // In one order, so two transactions adding the same officers touch the rows alike.
        let counts = n.sorted { ($0.key.officer, $0.key.year) < ($1.key.officer, $1.key.year) }
        for chunk in counts.chunked(500) {
            let rows = SQLList(
                chunk.map { SQLGroupExpression([SQLBind($0.key.officer), SQLBind($0.key.year), SQLBind($0.value)]) })
            try await sql.raw(
                """
                INSERT INTO officer_activity (officer_id, year, n) VALUES \(rows)
                ON CONFLICT (officer_id, year) DO UPDATE SET n = officer_activity.n + excluded.n
                """
            ).run()
        }
    }

    private struct OfficerYear: Hashable {
        let officer: String, year: Int
    }

    /// Fills the table from the steps already taken (a store that had cases before the table existed).
    static func backfill(on sql: any SQLDatabase) async throws {
        var offset = 0
        while true {
            let rows = try await sql.raw(
                "SELECT content FROM case_steps ORDER BY case_id, seq LIMIT 5000 OFFSET \(bind: offset)"
            ).all()
            if rows.isEmpty { break }
            let steps = try rows.map {
                try StoreJSON.decode(CaseStep.self, try $0.decode(column: "content", as: String.self))
            }
            try await note(steps, on: sql)
            offset += rows.count
        }
    }
}
