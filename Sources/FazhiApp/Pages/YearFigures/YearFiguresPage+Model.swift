import FazhiCore
import FazhiStore
import Foundation

extension YearFiguresPage {
    struct Model {
        struct Tab { let title: String; let path: String; let active: Bool }
        struct Figure { let id: String; let label: String; let count: Int; let path: String }
        struct Rate { let id: String; let label: String; let value: String; let formula: String; let sort: Int }
        struct BodyRow { let name: String; let counts: [Int]; let rates: [Rate] }
        /// A row of the second dimension (被申请人): each main figure linking to its cases of that group.
        struct GroupRow { let name: String; let figures: [Figure]; let rates: [Rate] }
        struct CaseLine {
            let id: UUID; let number: String; let party: String; let body: String; let openedOn: String;
            let state: String; let result: String
        }
        struct Listing { let figure: Figure; let total: Int; let cases: [CaseLine]; let xlsx: String }

        var title: String
        var navPath: String
        var year: Int
        var tabs: [Tab]
        var summary: String
        var yearXLSX: String
        var rates: [Rate]
        var main: [Figure]
        var breakdown: [Figure]
        var byBody: [BodyRow]
        /// The second dimension's label (被申请人) and rows, with its chart.
        var groupLabel: String? = nil
        var byGroup: [GroupRow] = []
        var groupChart: BarChart? = nil
        var bodyChart: BarChart? = nil
        var listing: Listing?
    }
}

extension YearFiguresPage.Model {
    init(_ q: YearFiguresPage.Query, catalog: ProcedureCatalog) {
        let stats = q.statistics, def = q.definition, base = SitePath.yearFigures(procedure: def.id, year: q.year).path
        func figure(_ f: ProcedureStatistics.Figure, _ t: FigureTally) -> Figure {
            Figure(id: f.id, label: f.label, count: t.count(f.id), path: "\(base)&figure=\(f.id)#cases")
        }
        func rate(_ r: ProcedureStatistics.Rate, _ t: FigureTally) -> Rate {
            Rate(
                id: r.id, label: r.label, value: FigureTally.percent(t.rate(r)), formula: r.formula,
                sort: Int((t.rate(r) ?? -1) * 1000))
        }
        title = stats.title
        navPath =
            AppModules.all.flatMap(\.navigation).first { if case .yearFigures = $0.path { true } else { false } }?.path
            .path ?? base
        year = q.year
        tabs = catalog.withStatistics.map { d in
            Tab(
                title: d.statistics?.title ?? d.name, path: SitePath.yearFigures(procedure: d.id, year: q.year).path,
                active: d.id == def.id)
        }
        summary = stats.summary(q.tally)
        yearXLSX = "\(base)&format=xlsx"
        rates = stats.rates.map { rate($0, q.tally) }
        main = stats.figures.filter(\.main).map { figure($0, q.tally) }
        breakdown = stats.figures.filter { !$0.main }.map { figure($0, q.tally) }
        let names = q.bodyNames
        byBody = q.byBody.sorted { (names[$0.key] ?? "") < (names[$1.key] ?? "") }.map { (body, t) in
            BodyRow(
                name: names[body] ?? body.uuidString, counts: stats.figures.filter(\.main).map { t.count($0.id) },
                rates: stats.rates.map { rate($0, t) })
        }
        let mainFigures = stats.figures.filter(\.main)
        // The charts: the first main figure, and inside it the first rate's numerator (纠错 of 收案).
        let inner = stats.rates.first.flatMap { r in stats.figure(r.numerator) }
        func bars(_ rows: [(String, FigureTally, String)]) -> [BarChart.Bar] {
            guard let first = mainFigures.first else { return [] }
            return rows.map { name, t, link in
                BarChart.Bar(
                    label: name, value: Double(t.count(first.id)), inner: inner.map { Double(t.count($0.id)) },
                    text: "\(t.count(first.id))" + (inner.map { "／\(t.count($0.id))" } ?? ""), link: link)
            }
        }
        let legend = mainFigures.first.flatMap { o in inner.map { (outer: o.label, inner: $0.label) } }
        let measured = [mainFigures.first?.label, inner?.label].compactMap { $0 }.joined(separator: "及") + "（件）"
        groupLabel = stats.grouping?.label
        let groups = q.byGroup.sorted {
            (-$0.value.count(mainFigures.first?.id ?? ""), $0.key) < (
                -$1.value.count(mainFigures.first?.id ?? ""), $1.key
            )
        }
        byGroup = groups.map { name, t in
            let encoded =
                name.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(["&", "=", "+", "#"]))
                ?? ""
            return GroupRow(
                name: name.isEmpty ? "（未填）" : name,
                figures: mainFigures.map { f in
                    Figure(
                        id: f.id, label: f.label, count: t.count(f.id),
                        path: "\(base)&figure=\(f.id)&group=\(encoded)#cases")
                }, rates: stats.rates.map { rate($0, t) })
        }
        groupChart = stats.grouping.map { g in
            BarChart(
                id: "group-chart", title: "各\(g.label)\(measured)",
                bars: bars(
                    groups.filter { $0.value.count(mainFigures.first?.id ?? "") > 0 }.map { name, t in
                        let encoded =
                            name.addingPercentEncoding(
                                withAllowedCharacters: .urlQueryAllowed.subtracting(["&", "=", "+", "#"])) ?? ""
                        return (
                            name.isEmpty ? "（未填）" : name, t,
                            "\(base)&figure=\(mainFigures.first?.id ?? "")&group=\(encoded)#cases"
                        )
                    }), legend: legend)
        }
        bodyChart = BarChart(
            id: "body-chart", title: "各单位\(measured)",
            bars: bars(
                q.byBody.sorted { (names[$0.key] ?? "") < (names[$1.key] ?? "") }.map { body, t in
                    (names[body] ?? "", t, "\(base)&figure=\(mainFigures.first?.id ?? "")#cases")
                }), legend: legend)
        listing = q.listing.map { (f, cases) in
            Listing(
                figure: figure(f, q.group.flatMap { q.byGroup[$0] } ?? q.tally),
                total: (q.group.flatMap { q.byGroup[$0] } ?? q.tally).count(f.id),
                cases: cases.map { c in
                    CaseLine(
                        id: c.id, number: c.number, party: def.presentation.partyName(c.file.facts),
                        body: names[c.file.bodyID] ?? "", openedOn: c.openedOn,
                        state: def.stateName(c.file.state), result: def.presentation.result(c.file))
                }, xlsx: "\(base)&figure=\(f.id)&format=xlsx")
        }
    }
}
