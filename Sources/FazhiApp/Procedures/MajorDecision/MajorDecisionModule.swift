import FazhiCore
import FazhiStore
import Vapor

extension AppModule {
    /// 重大行政决策 and 法律顾问: decisions and the 决策事项目录 in the console (the generic case pages), the portal's 决策公开
    /// (the year's catalogue with each decision's stage, 征求意见, 决策公布和解读, 执行情况), the adviser registry and work log,
    /// their Excel, the adviser figures, contract expiry in the 待办, the demo.
    static let majorDecision = AppModule(
        folder: "MajorDecision",
        report: MajorDecisionReport.contributions,
        routes: { r in
            DecisionPortal.register(r.portal)
            AdviserPages.register(r.console)
            DecisionLedgerExport.register(r.console)
        },
        navigation: [
            NavEntry(
                .decisions, "重大行政决策", .cases(procedure: MajorDecisionProcedure.id),
                roles: [.head, .legalReviewer, .supervisor]),
            NavEntry(
                .decisions, "决策事项目录", .cases(procedure: DecisionCatalogueProcedure.id),
                roles: [.head, .legalReviewer, .supervisor]),
            NavEntry(.decisions, "决策台账（Excel）", .decisionLedger, roles: [.head, .legalReviewer, .supervisor]),
            NavEntry(.decisions, "法律顾问、公职律师", .advisers, roles: [.head, .legalReviewer, .supervisor, .systemAdmin]),
            NavEntry(
                .decisions, "重大行政决策统计", .yearFigures(procedure: MajorDecisionProcedure.id, year: nil),
                roles: [.head, .legalReviewer, .supervisor]),
        ],
        demo: { c, tx in try await DemoMajorDecision.load(c, in: tx) },
        figureSets: [AdviserPages.figures, DecisionYearFigures.figures],
        pending: [AdviserPages.contractItems, DecisionPending.items],
        portalServices: [
            .init(kind: .apply, title: "重大行政决策意见征集", detail: "对征求意见中的决策草案提出意见", path: "/consultations"),
            .init(kind: .read, title: "重大行政决策", detail: "决策事项目录和已作出的决策", path: "/major-decisions"),
        ])
}
