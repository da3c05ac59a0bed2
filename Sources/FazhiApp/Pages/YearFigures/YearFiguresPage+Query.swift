import FazhiCore
import FazhiStore
import Vapor

extension YearFiguresPage {
    struct Query {
        let definition: ProcedureDefinition
        let statistics: ProcedureStatistics
        let year: Int
        let tally: FigureTally
        let byBody: [UUID: FigureTally]
        let bodyNames: [UUID: String]
        /// The figure asked for and its newest cases (of one group when asked).
        let listing: (ProcedureStatistics.Figure, [StoredCase])?
        /// By the procedure's second dimension (复议: 被申请人), with every enforcement body (zeros included — the ones
        /// a supervisor looks for); and the group the listing is of.
        let byGroup: [String: FigureTally]
        let group: String?

        static func fetch(
            _ req: Request, user: AuthUser, procedure: String, year: Int, figure: String?, group: String?, limit: Int
        ) async throws -> Query {
            // One unit and those under it (the annual report's unit links here), or everything the user reads.
            var scope = user.readable
            if let raw = req.query[String.self, at: "unit"], !raw.isEmpty {
                guard let unit = UUID(uuidString: raw), user.readable.contains(unit) else {
                    throw DomainError.invalid(field: "unit", message: "请选择您可以查看的单位")
                }
                scope = user.policy.tree.subtree(of: unit).intersection(user.readable)
            }
            guard let def = req.fazhi.procedures.current(procedure), let stats = def.statistics,
                let tally = try await YearFigures.tally(def, year: year, bodies: scope, on: req.readDB)
            else { throw APIError.notFound("没有该统计") }
            var listing: (ProcedureStatistics.Figure, [StoredCase])?
            if let id = figure, let f = stats.figure(id) {
                listing = (
                    f,
                    try await YearFigures.cases(
                        procedure, figure: id, year: year, bodies: scope, group: group, limit: limit,
                        on: req.readDB)
                )
            }
            var byGroup = try await YearFigures.byGroup(def, year: year, bodies: scope, on: req.readDB)
            if stats.grouping != nil {
                // Every enforcement body by name (a 复议机关 reviews them all); the counts are of the readable cases only.
                for b in try await EnforcementBodies.all(on: req.readDB) where byGroup[b.organisationName] == nil {
                    byGroup[b.organisationName] = FigureTally(year: year, counts: [:], statistics: stats)
                }
            }
            return Query(
                definition: def, statistics: stats, year: year, tally: tally,
                byBody: try await YearFigures.byBody(def, year: year, bodies: scope, on: req.readDB),
                bodyNames: try await CasesConsole.bodyNames(req), listing: listing, byGroup: byGroup, group: group)
        }
    }
}
