import FazhiCore
import Foundation
import SQLKit

/// How many case steps each 执法人员 took part in each year, kept as steps are taken: the 零执法 alert and the officers'
/// figures read it instead of every step of a province.
enum OfficerActivity {
    /// Counts the officers named on these steps (each officer once per step).
    static func note(_ steps: [CaseStep], on sql: any SQLDatabase) async throws {
        var n: [String: Int] = [:]
        for s in steps {
            for o in Set(s.officers.map(\.id)) { n["\(o.uuidString)|\(s.on.year)", default: 0] += 1 }
        }
        for (key, count) in n {
            let parts = key.split(separator: "|")
            try await sql.raw(
                """
                INSERT INTO officer_activity (officer_id, year, n) VALUES (\(bind: String(parts[0])), \(bind: Int(parts[1]) ?? 0), \(bind: count))
                ON CONFLICT (officer_id, year) DO UPDATE SET n = officer_activity.n + excluded.n
                """
            ).run()
        }
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
