import FazhiCore
import FazhiStore
import Vapor

/// Where a module's pages hang: the portal, the session-aware portal (forms with CSRF), the JSON API and the console.
struct ModuleRoutes {
    let portal: any RoutesBuilder
    let sessions: any RoutesBuilder
    let api: any RoutesBuilder
    let console: any RoutesBuilder
}

/// Everything a demo module needs to take its cases through the engine as staff would.
struct DemoContext: Sendable {
    let orgs: [String: UUID]
    let people: [String: DemoCases.Person]
    let catalog: ProcedureCatalog
    let calendar: DeadlineCalculator
    let today: CivilDate

    /// The day the demo's cases are dated from: today, or earlier so that every deadline they start (up to `span` days)
    /// falls in a year the calendar covers (it fails closed beyond).
    func base(span: Int) -> CivilDate {
        let lastYear = calendar.calendar.years.max() ?? today.year
        return min(today, CivilDate(year: lastYear, month: 12, day: 31)!.adding(days: -span))
    }

    /// A demo user as the engine sees them.
    func actor(_ username: String) -> ProcedureActor? {
        people[username].map { ProcedureActor(id: $0.id, name: $0.name, roles: $0.roles) }
    }

    var runner: DemoRunner { DemoRunner(catalog: catalog, calendar: calendar, today: today) }
}

/// The web side of a procedure module (`ProcedureModule` is its core): its own pages, its entries in the console's
/// navigation and its demo cases, all in its folder `FazhiApp/Procedures/<folder>/`.
struct AppModule: Sendable {
    let folder: String
    /// What it puts into the 年度法治政府建设情况报告, read only from its figure sets.
    var report: [ReportContribution] = []
    var routes: @Sendable (ModuleRoutes) -> Void = { _ in }
    var navigation: [NavEntry] = []
    var demo: (@Sendable (DemoContext, WriteTransaction) async throws -> Void)?
    /// Its benchmarks, added to `fazhi bench`.
    var benches: @Sendable (inout AsyncCommands) -> Void = { _ in }
    /// Its own commands (`fazhi draw verify`).
    var commands: @Sendable (inout AsyncCommands) -> Void = { _ in }
    /// Figure sets of its own the statistics API serves besides its procedures' declared figures.
    var figureSets: [FigureSet] = []
    /// What its pages add to a user's 待办 on the 工作台.
    var pending: [PendingItems.Provider] = []
    /// Who may read a case outside their own scope, and why (a 案卷评查 reviewer reads the file drawn for them); reading
    /// gives no step: the engine still asks the roles held at the case's body.
    var caseReaders: [@Sendable (StoredCase, AuthUser, Request) async throws -> Bool] = []
    /// Jobs it runs at start-up and then periodically (`PeriodicJob`), each with its name.
    var jobs: [(name: String, run: @Sendable (Application) async throws -> Void)] = []
    /// What a citizen may do with it on the portal's home (apply, follow, read), and what it published last.
    var portalServices: [PortalService] = []
    var latest: (@Sendable (Request) async throws -> [PortalNews])?
}

/// The web side of every module, one line each, in the order of `ProcedureCatalog.modules`.
enum AppModules {
    /// Whether any module lets the user read this case outside their scope.
    static func mayRead(_ c: StoredCase, _ user: AuthUser, _ req: Request) async throws -> Bool {
        for reader in all.flatMap(\.caseReaders) where try await reader(c, user, req) { return true }
        return false
    }

    static let all: [AppModule] = [
        .enforcement,
        .reconsideration,
        .litigation,
        .mediation,
        .disclosure,
        .normative,
        .majorDecision,
        .supervision,
        .annualReport,
    ]
}
