import FazhiCore
import FazhiStore
import Vapor

/// 两法衔接 overview: every case marked 涉嫌犯罪 or transferred, with where it stands (not yet transferred, waiting
/// for feedback, accepted, returned), per body counts as the seeds report them ("移送公安机关处理案件3件，退回1件").
/// Query → Model → View.
enum TransfersPage {
    static func register(_ console: any RoutesBuilder) {
        console.get("transfers") { req async throws -> Response in
            let user = try req.requireUser()
            let year = req.query[Int.self, at: "year"] ?? req.fazhi.today.year
            guard (2000...2100).contains(year) else {
                throw DomainError.invalid(field: "year", message: "年度应在2000至2100之间")
            }
            let status = req.query[String.self, at: "status"].flatMap(CriminalTransfer.Status.init(rawValue:))
            let q = try await Query.fetch(req, user: user, year: year)
            let model = Model(q, year: year, status: status, today: req.fazhi.today)
            return Views.console(
                "两法衔接", user: user, request: req, active: SitePath.transfers.path, View(model: model).render())
        }
    }

    struct Query {
        let cases: [(StoredCase, CriminalTransfer)]
        let bodyNames: [UUID: String]

        static func fetch(_ req: Request, user: AuthUser, year: Int) async throws -> Query {
            let cases = try await CaseStore.transferCases(bodies: user.readable, since: year, on: req.db)
                .filter { $0.openedOn < String(format: "%04d-01-01", year + 1) }
                .compactMap { c in CriminalTransfer.of(c.file).map { (c, $0) } }
            return Query(cases: cases, bodyNames: try await CasesConsole.bodyNames(req))
        }
    }
}
