import FazhiCore
import Vapor

extension AppModule {
    /// 行政复议: online application and its status page, 复议决定公开, the 复议委员会 registry, the demo cases.
    static let reconsideration = AppModule(
        folder: "Reconsideration",
        routes: { r in
            ReconsiderationDecisionsPortal.register(r.portal)
            ReconsiderationPortal.register(r.sessions)
            CommitteeConsole.register(console: r.console, api: r.api)
        },
        navigation: [
            NavEntry(
                .disputes, "行政复议", .cases(procedure: ReconsiderationProcedure.id),
                roles: [.reconsiderationStaff, .head, .supervisor]),
            NavEntry(.disputes, "复议委员会", .committee, roles: [.reconsiderationStaff]),
            NavEntry(
                .statistics, "复议应诉调解统计", .yearFigures(procedure: ReconsiderationProcedure.id, year: nil),
                roles: [.reconsiderationStaff, .legalReviewer, .mediator, .head, .supervisor]),
        ],
        demo: { c, tx in
            try await DemoReconsideration.load(
                orgs: c.orgs, people: c.people, catalog: c.catalog, calendar: c.calendar, today: c.today, in: tx)
        },
        benches: { $0.use(BenchDisputesCommand(), as: "reconsideration") })
}
