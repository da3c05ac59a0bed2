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
        /// The figure asked for and its newest cases.
        let listing: (ProcedureStatistics.Figure, [StoredCase])?

        static func fetch(
            _ req: Request, user: AuthUser, procedure: String, year: Int, figure: String?, limit: Int
        ) async throws -> Query {
            guard let def = req.fazhi.procedures.current(procedure), let stats = def.statistics,
                let tally = try await YearFigures.tally(def, year: year, bodies: user.readable, on: req.db)
            else { throw APIError.notFound("没有该统计") }
            var listing: (ProcedureStatistics.Figure, [StoredCase])?
            if let id = figure, let f = stats.figure(id) {
                listing = (
                    f,
                    try await YearFigures.cases(
                        procedure, figure: id, year: year, bodies: user.readable, limit: limit, on: req.db)
                )
            }
            return Query(
                definition: def, statistics: stats, year: year, tally: tally,
                byBody: try await YearFigures.byBody(def, year: year, bodies: user.readable, on: req.db),
                bodyNames: try await CasesConsole.bodyNames(req), listing: listing)
        }
    }
}
