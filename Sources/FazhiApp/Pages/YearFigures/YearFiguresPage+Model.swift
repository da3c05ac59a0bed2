import FazhiCore
import FazhiStore
import Foundation

extension YearFiguresPage {
    struct Model {
        struct Tab { let title: String; let path: String; let active: Bool }
        struct Figure { let id: String; let label: String; let count: Int; let path: String }
        struct Rate { let id: String; let label: String; let value: String; let formula: String; let sort: Int }
        struct BodyRow { let name: String; let counts: [Int]; let rates: [Rate] }
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
        listing = q.listing.map { (f, cases) in
            Listing(
                figure: figure(f, q.tally), total: q.tally.count(f.id),
                cases: cases.map { c in
                    CaseLine(
                        id: c.id, number: c.number, party: def.presentation.partyName(c.file.facts),
                        body: names[c.file.bodyID] ?? "", openedOn: c.openedOn,
                        state: def.stateName(c.file.state), result: def.presentation.result(c.file))
                }, xlsx: "\(base)&figure=\(f.id)&format=xlsx")
        }
    }
}
