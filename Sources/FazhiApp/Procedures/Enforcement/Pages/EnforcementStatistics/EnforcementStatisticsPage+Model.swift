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
        /// The charts: cases and decisions by month, fines by month, bodies side by side (all bodies, zeros included).
        var monthChart: BarChart? = nil
        var fineChart: BarChart? = nil
        var bodyChart: BarChart? = nil
        var uses: [ItemUse]

        var used: Int { uses.filter { $0.cases > 0 }.count }
        var useRate: String { uses.isEmpty ? "—" : String(format: "%.1f%%", Double(used) / Double(uses.count) * 100) }

        /// The case list a figure counts: the body, the month (or the year), the outcome or the item.
        func casesPath(body: UUID?, month: Int?, outcome: String? = nil, item: String? = nil) -> String {
            var q =
                (body.map { "body=\($0.uuidString)&" } ?? "")
                + "month=\(month.map { String(format: "%04d-%02d", year, $0) } ?? String(year))"
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
        var perMonth = Array(repeating: 0, count: 13), penalties = perMonth, fines = Array(repeating: 0.0, count: 13)
        for f in q.figures {
            guard let m = f.month else { continue }
            perMonth[m] += f.opened; penalties[m] += f.penalties; fines[m] += f.fines
        }
        self.perMonth = perMonth
        uses = q.uses.sorted { ($0.cases, $0.code) < ($1.cases, $1.code) }.map {
            ItemUse(code: $0.code, name: $0.name, body: q.names[$0.bodyID] ?? "", bodyID: $0.bodyID, cases: $0.cases)
        }
        let path = casesPath
        monthChart = BarChart(
            id: "month-chart", title: "\(q.year)年各月立案（检查）及处罚决定（件）",
            bars: (1...12).map { i in
                .init(
                    label: "\(i)月", value: Double(perMonth[i]), inner: Double(penalties[i]), text: "\(perMonth[i])",
                    link: path(q.only, i, nil, nil))
            }, layout: .columns, legend: (outer: "立案（检查）", inner: "处罚决定"))
        fineChart = BarChart(
            id: "fine-chart", title: "\(q.year)年各月罚款决定金额（万元）",
            bars: (1...12).map { i in
                .init(
                    label: "\(i)月", value: fines[i], text: Yuan.number((fines[i] / 100).rounded() / 100),
                    link: path(q.only, i, nil, nil))
            }, layout: .columns)
        bodyChart =
            q.only == nil
            ? BarChart(
                id: "body-chart", title: "各执法主体立案（检查）及处罚决定（件）",
                bars: q.bodies.map { b in
                    let f = q.figures.first { $0.month == nil && $0.bodyID == b.organisationId }
                    return .init(
                        label: b.organisationName, value: Double(f?.opened ?? 0), inner: Double(f?.penalties ?? 0),
                        text: "\(f?.opened ?? 0)／\(f?.penalties ?? 0)", link: path(b.organisationId, nil, nil, nil))
                }, legend: (outer: "立案（检查）", inner: "处罚决定")) : nil
    }
}
