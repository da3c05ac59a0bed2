import FazhiCore
import FazhiStore
import Vapor

extension CaseListPage {
    /// The list's filters, from the query string; an unknown body reads as none of the user's.
    struct Filter {
        var procedure: String?
        var body: UUID?
        var month: String?
        var outcome: String?
        var item: String?

        init(
            procedure: String? = nil, body: UUID? = nil, month: String? = nil, outcome: String? = nil,
            item: String? = nil
        ) {
            self.procedure = procedure; self.body = body; self.month = month; self.outcome = outcome; self.item = item
        }

        init(_ req: Request) throws {
            func text(_ k: String) -> String? {
                req.query[String.self, at: k].flatMap { $0.isEmpty ? nil : String($0.prefix(64)) }
            }
            procedure = text("procedure")
            body = text("body").flatMap(UUID.init(uuidString:))
            month = text("month")
            outcome = text("outcome")
            item = text("item")
        }
    }

    struct Query {
        let cases: [CaseSummary]
        let deadlines: [CaseDeadlineRow]
        let bodyNames: [UUID: String]
        let catalog: ProcedureCatalog
        /// The procedures the user may open in their own organisation.
        let openable: [ProcedureDefinition]

        static func fetch(_ req: Request, user: AuthUser, filter: Filter) async throws -> Query {
            let scope = filter.body.map { user.readable.contains($0) ? [$0] : [] } ?? user.readable
            let catalog = req.fazhi.procedures
            return Query(
                cases: try await CaseStore.list(
                    bodies: scope, procedure: filter.procedure, month: filter.month, outcome: filter.outcome,
                    powerItem: filter.item, on: req.db),
                // The deadlines of the cases the list shows: its bodies, its procedure.
                deadlines: try await CaseStore.runningDeadlines(bodies: scope, on: req.db).filter {
                    filter.procedure == nil || $0.procedure == filter.procedure
                },
                bodyNames: try await CasesConsole.bodyNames(req),
                catalog: catalog,
                openable: catalog.currentDefinitions.filter {
                    $0.opening.forAnotherBody == nil
                        && (try? CasesAPI.mayOpen($0, user: user, body: user.organisationID)) != nil
                })
        }
    }
}
