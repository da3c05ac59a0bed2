import FazhiCore
import FazhiStore
import Fluent
import Foundation
import Vapor

/// Builds the app: database, services, middleware, routes, commands. Everything comes in through `options`
/// so tests pick the database, the clock and the key.
public func configure(_ app: Application, options: AppOptions) async throws {
    try options.database.register(in: app.databases)
    for (i, replica) in options.readDatabases.enumerated() {
        try replica.register(in: app.databases, as: DatabaseID(string: "read\(i)"))
    }
    for m in FazhiMigrations.all { app.migrations.add(m) }

    let calendar = try StatutoryCalendar.load(extraDirectory: options.calendarDirectory)
    let key = try RecordSigningKey.loadOrCreate(path: options.recordKeyPath)
    app.fazhi = FazhiServices(
        options: options, store: Store(target: options.database, synchronousCommit: options.synchronousCommit),
        calendar: calendar, deadlines: DeadlineCalculator(calendar: calendar), recordKey: key, metrics: Metrics(),
        throttle: LoginThrottle(), jobs: JobRuns(node: options.nodeName, sqlite: options.database.isSQLite),
        replicas: ReplicaStates(count: options.readDatabases.count, maxLagSeconds: options.readMaxLagSeconds))
    app.passwords.use(.bcrypt)
    app.routes.defaultMaxBodySize = "1mb"

    app.sessions.use { _ in StoreSessionDriver() }
    let secure = options.secureCookies
    app.sessions.configuration = SessionsConfiguration(cookieName: "fazhi_session") { id in
        HTTPCookies.Value(
            string: id.string, expires: nil, maxAge: Int(StoreSessionDriver.lifetime), path: "/",
            isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }

    // Order matters: errors outermost so every failure is answered in Chinese; metrics see the final status.
    app.middleware = Middlewares()
    app.middleware.use(FazhiErrorMiddleware())
    app.middleware.use(ObservabilityMiddleware())
    app.middleware.use(RequestShapeMiddleware())
    app.middleware.use(ReadYourWritesMiddleware())

    routes(app)
    registerCommands(app)
}

func routes(_ app: Application) {
    Assets.register(app)
    Operations.register(app)
    OpenAPIDocument.register(app)
    PortalController.register(app)
    RegistryPortal.register(app)

    // Sessions only where they are used: a stray request (a favicon, a portal page) with a stale cookie must
    // not mint a new empty session that replaces the signed-in one in the browser.
    let sessions = app.grouped(app.sessions.middleware)
    let sessionAuth = sessions.grouped(SessionUserAuthenticator())
    LoginController.register(sessionAuth)

    // JSON API: a bearer token, or the session with a CSRF header for writes.
    let api = app.grouped("api", "v1")
    DeadlineAPI.register(api)
    let protected = sessions.grouped("api", "v1").grouped(
        SessionUserAuthenticator(), BearerTokenAuthenticator(), CSRFMiddleware(), IdempotencyMiddleware())
    RecordAPI.register(public: api, protected: protected)
    DirectoryAPI.register(protected)
    UsersAPI.register(protected)
    TokensAPI.register(protected)
    CasesAPI.register(protected)

    // Console: session only; signed-out visitors are sent to the login page.
    let console = sessions.grouped("console").grouped(
        SessionUserAuthenticator(), AuthUser.redirectMiddleware(path: "/login"), CSRFMiddleware())
    HomeController.register(console)
    UsersConsole.register(console)
    OrganisationsConsole.register(console)
    TokensConsole.register(console)
    RecordConsole.register(console)
    RegistryConsole.register(console)
    CasesConsole.register(console)
    YearFiguresPage.register(console)
    CaseDocumentsController.register(console: console, api: protected)
    CaseEvidenceController.register(api: protected, console: console)
    CaseArchiveController.register(console: console, api: protected)
    StatisticsAPI.register(protected)
    // Each module's own pages (a 网上申请 form is anonymous but carries a session-bound CSRF token, so it hangs on `sessions`).
    let routes = ModuleRoutes(portal: app, sessions: sessions, api: protected, console: console)
    for module in AppModules.all { module.routes(routes) }
    DeadlinePages.register(console: console, portal: app)
    ConsultationPages.register(sessions: sessions, console: console)
    // The portal's login link shows the login state, so the portal's home is session-aware but never creates one.
}

/// Work the server does when it starts: migrations, the SQLite settings, the key, demo data, a checkpoint.
/// Returns the demo logins created, if `--demo` loaded the demo now (nil without `--demo`).
@discardableResult
public func prepareForServing(_ app: Application) async throws -> [DemoLogin]? {
    // Nodes started together take turns: one migrates and loads the demo, the next finds it done.
    let demoLogins = try await app.fazhi.store.startingUp(on: app.db) { try await prepareDatabase(app) }
    try await signAndSweep(app)
    app.lifecycle.use(PeriodicCheckpointer(interval: app.fazhi.options.checkpointInterval))
    app.lifecycle.use(
        PeriodicJob(ExpirySteps.jobName, interval: app.fazhi.options.expiryStepsInterval) {
            _ = try await ExpirySteps.run($0)
        })
    app.lifecycle.use(
        PeriodicJob("state audit", interval: app.fazhi.options.stateAuditInterval, exclusive: false) {
            try await StateAlerts.check($0)
        })
    for job in AppModules.all.flatMap(\.jobs) {
        app.lifecycle.use(PeriodicJob(job.name, interval: app.fazhi.options.expiryStepsInterval, job.run))
    }
    if !app.fazhi.replicas.ids.isEmpty {
        app.lifecycle.use(
            PeriodicJob("replica lag", interval: 2, exclusive: false) { await $0.fazhi.replicas.measure($0) })
    }
    return demoLogins
}

private func prepareDatabase(_ app: Application) async throws -> [DemoLogin]? {
    try await app.fazhi.store.prepare(on: app.db)
    try await app.autoMigrate()
    let now = app.fazhi.now
    try await app.fazhi.store.write(on: app.db, .system, now: now) { tx in
        try await RecordLog.register(key: app.fazhi.recordKey.publicKey, on: tx.db)
    }
    var demoLogins: [DemoLogin]?
    if app.fazhi.options.loadDemo {
        demoLogins = try await DemoData.loadIfEmpty(app).map {
            DemoLogin(username: $0.username, description: $0.description)
        }
    }
    return demoLogins
}

/// After the start-up lock (a full audit may take a while; the other nodes need not wait for it): a checkpoint, and
/// the evidence sweep.
private func signAndSweep(_ app: Application) async throws {
    let now = app.fazhi.now
    // On PostgreSQL only the node holding the signer's lease signs, so a node starting beside a running one does not
    // sign a rival checkpoint with its own key. (Without a periodic signer, each start signs, as a single node does.)
    let interval = app.fazhi.options.checkpointInterval
    let signer =
        try await interval == 0
        ? true : app.fazhi.jobs.mayRun(PeriodicCheckpointer.jobName, every: interval, on: app.db)
    if signer {
        try await RecordLog.makeCheckpoint(key: app.fazhi.recordKey, store: app.fazhi.store, on: app.db, now: now)
    }
    // Evidence content no case refers to (a crash between moving an upload into place and its commit).
    let swept = try await EvidenceStore.sweep(app.fazhi.evidence, on: app.db)
    if swept > 0 { app.logger.notice("evidence sweep removed \(swept) unreferenced file(s)") }
}

/// A demo account, for printing at start-up.
public struct DemoLogin: Sendable {
    public let username: String
    public let description: String
    public static let password = DemoData.password
}
