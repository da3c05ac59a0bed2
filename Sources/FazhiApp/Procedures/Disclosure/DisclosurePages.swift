import FazhiCore
import Vapor

extension AppModule {
    /// 政府信息公开: requests in the console (the generic case pages), the portal's online request and status pages, the
    /// yearly report, the demo requests and the 待办 sweep benchmark.
    static let disclosure = AppModule(
        folder: "Disclosure",
        report: DisclosureAnnualReport.contributions,
        routes: { r in
            DisclosurePortal.register(r.sessions)
            DisclosureReportPage.register(r.console)
            ProactivePages.register(portal: r.portal, console: r.console)
        },
        navigation: [
            NavEntry(
                .openness, "政府信息公开申请", .cases(procedure: DisclosureProcedure.id),
                roles: [.disclosureStaff, .head, .supervisor]),
            NavEntry(.openness, "主动公开目录", .disclosureCatalogue, roles: [.disclosureStaff, .head, .supervisor]),
            NavEntry(
                .openness, "政府信息公开年度报告", .disclosureReport(year: nil), roles: [.disclosureStaff, .head, .supervisor]),
            NavEntry(
                .statistics, "政府信息公开统计", .yearFigures(procedure: DisclosureProcedure.id, year: nil),
                roles: [.disclosureStaff, .head, .supervisor]),
        ],
        demo: { c, tx in try await DemoDisclosure.load(c, in: tx) },
        benches: { $0.use(DisclosureBench(), as: "disclosure") },
        portalServices: [
            .init(kind: .apply, title: "申请政府信息公开", detail: "网上提交公开申请", path: "/disclosure"),
            .init(kind: .track, title: "政府信息公开申请进度", detail: "凭查询编号和查询码", path: "/disclosure/status"),
            .init(kind: .read, title: "政府信息公开", detail: "主动公开目录和年度报告", path: "/openness"),
        ])
}
