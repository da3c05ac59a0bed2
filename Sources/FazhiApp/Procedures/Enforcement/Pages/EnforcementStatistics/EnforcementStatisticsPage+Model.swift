import FazhiCore
import FazhiStore
import Foundation

extension EnforcementStatisticsPage {
    struct Model {
        struct ItemUse { let code: String; let name: String; let body: String; let bodyID: UUID; let cases: Int }

        var year: Int
        var years: [Int]
        var bodies: [EnforcementBodyRow]
        var names: [UUID: String]
        var only: UUID?
        var yearRows: [CaseFigures]
        var monthRows: [CaseFigures]
        /// Cases opened per month (index 1…12) across the bodies shown.
        var perMonth: [Int]
        var uses: [ItemUse]

        var used: Int { uses.filter { $0.cases > 0 }.count }
        var useRate: String { uses.isEmpty ? "—" : String(format: "%.1f%%", Double(used) / Double(uses.count) * 100) }

        /// The case list a figure counts: the body, the month (or the year), the outcome or the item.
        func casesPath(body: UUID, month: Int?, outcome: String? = nil, item: String? = nil) -> String {
            var q =
                "body=\(body.uuidString)&month=\(month.map { String(format: "%04d-%02d", year, $0) } ?? String(year))"
            if let outcome { q += "&outcome=\(outcome)" }
            if let item { q += "&item=\(item)" }
            return "\(SitePath.cases(procedure: nil).path)?\(q)"
        }
    }
}

extension EnforcementStatisticsPage.Model {
    init(_ q: EnforcementStatisticsPage.Query, today: CivilDate) {
        year = q.year
        years = Array((max(2020, today.year - 5)...today.year).reversed())
        bodies = q.bodies
        names = q.names
        only = q.only
        yearRows = q.figures.filter { $0.month == nil }
        monthRows = q.only.map { b in q.figures.filter { $0.month != nil && $0.bodyID == b } } ?? []
        var perMonth = Array(repeating: 0, count: 13)
        for f in q.figures { if let m = f.month { perMonth[m] += f.opened } }
        self.perMonth = perMonth
        uses = q.uses.sorted { ($0.cases, $0.code) < ($1.cases, $1.code) }.map {
            ItemUse(code: $0.code, name: $0.name, body: q.names[$0.bodyID] ?? "", bodyID: $0.bodyID, cases: $0.cases)
        }
    }
}
