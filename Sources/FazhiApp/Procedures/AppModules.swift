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
}

/// The web side of a procedure module (`ProcedureModule` is its core): its own pages, its entries in the console's
/// navigation and its demo cases, all in its folder `FazhiApp/Procedures/<folder>/`.
struct AppModule: Sendable {
    let folder: String
    var routes: @Sendable (ModuleRoutes) -> Void = { _ in }
    var navigation: [NavEntry] = []
    var demo: (@Sendable (DemoContext, WriteTransaction) async throws -> Void)?
    /// Its benchmarks, added to `fazhi bench`.
    var benches: @Sendable (inout AsyncCommands) -> Void = { _ in }
    /// Figure sets of its own the statistics API serves besides its procedures' declared figures.
    var figureSets: [FigureSet] = []
}

/// The web side of every module, one line each, in the order of `ProcedureCatalog.modules`.
enum AppModules {
    static let all: [AppModule] = [
        .enforcement,
        .reconsideration,
        .litigation,
        .mediation,
    ]
}
