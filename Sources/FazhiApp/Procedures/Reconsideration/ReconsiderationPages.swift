import FazhiCore
import FazhiStore
import Vapor

extension AppModule {
    /// 行政复议: online application and its status page, 复议决定公开, the 复议委员会 registry, the demo cases.
    static let reconsideration = AppModule(
        folder: "Reconsideration",
        report: ReconsiderationReport.contributions,
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
        benches: { $0.use(BenchDisputesCommand(), as: "reconsideration") },
        figureSets: [ReconsiderationRespondentFigures.figures],
        // 第四十八条: the 被申请人 hands over the file of the act under review; the 复议 staff of the office handling a
        // 复议 that names a penalty case in Fazhi read that case.
        caseReaders: [
            { c, user, req in
                guard user.grants.contains(where: { $0.role == .reconsiderationStaff }) else { return false }
                return try await CaseStore.reviewsOf(c.id, procedure: ReconsiderationProcedure.id, on: req.db)
                    .contains { user.readable.contains($0) }
            }
        ],
        portalServices: [
            .init(kind: .apply, title: "申请行政复议", detail: "对行政行为不服，网上提交复议申请", path: "/reconsideration"),
            .init(kind: .track, title: "行政复议申请进度", detail: "凭查询编号和查询码", path: "/reconsideration/status"),
            .init(kind: .read, title: "行政复议决定", detail: "已作出并公开的复议决定书", path: "/reconsideration/decisions"),
        ],
        latest: { req in
            try await ReconsiderationDecisionsPortal.published(req, text: nil).sorted { $0.decidedOn > $1.decidedOn }
                .prefix(5).map { d in
                    PortalNews(
                        date: d.decidedOn, kind: "复议决定", title: "\(d.authority)行政复议决定书（\(d.decisionNumber)）",
                        path: "/reconsideration/decisions/\(d.caseID.uuidString)")
                }
        })
}
