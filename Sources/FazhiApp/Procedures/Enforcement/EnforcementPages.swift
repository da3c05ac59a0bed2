import FazhiCore
import FazhiStore
import Vapor

extension AppModule {
    /// 行政执法: the 事后公示 portal, the enforcement statistics and 两法衔接 pages, the demo cases.
    static let enforcement = AppModule(
        folder: "Enforcement",
        routes: { r in
            DecisionsPortal.register(r.portal)
            EnforcementStatisticsPage.register(r.console)
            TransfersPage.register(r.console)
        },
        navigation: [
            NavEntry(.enforcement, "执法案件", .cases(procedure: nil), roles: enforcementRoles),
            NavEntry(.enforcement, "两法衔接", .transfers, roles: enforcementRoles),
            NavEntry(.statistics, "执法统计", .enforcementStatistics, roles: enforcementRoles),
        ],
        demo: { c, tx in
            try await DemoCases.load(
                orgs: c.orgs, people: c.people, catalog: c.catalog, calendar: c.calendar, today: c.today, in: tx)
        },
        benches: { $0.use(BenchCasesCommand(), as: "cases") },
        figureSets: [enforcementFigures])

    /// 行政执法统计 for the year over the bodies, from the kept sums (M010): each figure with the case list it counts.
    static let enforcementFigures = FigureSet(id: "enforcement", title: "行政执法统计") { req, year, bodies in
        let rows = try await CaseStatistics.figures(year: year, bodies: bodies, today: req.fazhi.today, on: req.db)
            .filter { $0.month == nil }
        func sum(_ f: (CaseFigures) -> Int) -> Double { Double(rows.map(f).reduce(0, +)) }
        let records = { (outcome: String?) in "/api/v1/cases?month=\(year)" + (outcome.map { "&outcome=\($0)" } ?? "") }
        let reviewed = sum(\.legallyReviewed), ordinary = sum(\.ordinaryPenaltyDecisions)
        let handling = rows.compactMap(\.averageHandlingDays)
        let figures = [
            FigureOut(
                id: "opened", label: "立案及检查", definition: "当年登记的行政处罚案件和行政检查", value: sum(\.opened), unit: "件",
                records: records(nil)),
            FigureOut(
                id: "penaltyCases", label: "行政处罚案件", definition: "当年登记的行政处罚案件（普通程序和简易程序）", value: sum(\.penaltyCases),
                unit: "件", records: records(nil)),
            FigureOut(
                id: "inspections", label: "行政检查", definition: "当年登记的行政检查", value: sum(\.inspections), unit: "件",
                records: records(nil)),
            FigureOut(
                id: "penalties", label: "处罚决定", definition: "作出行政处罚决定的案件", value: sum(\.penalties), unit: "件",
                records: records("penalty")),
            FigureOut(
                id: "noPenalty", label: "不予处罚", definition: "决定不予行政处罚的案件", value: sum(\.noPenalty), unit: "件",
                records: records("no_penalty")),
            FigureOut(
                id: "notEstablished", label: "违法事实不能成立", definition: "违法事实不能成立、不予处罚的案件", value: sum(\.notEstablished),
                unit: "件",
                records: records("not_established")),
            FigureOut(
                id: "transferred", label: "移送司法机关", definition: "涉嫌犯罪移送的案件", value: sum(\.transferred), unit: "件",
                records: nil),
            FigureOut(
                id: "fines", label: "罚款", definition: "处罚决定的罚款数额之和", value: rows.map(\.fines).reduce(0, +), unit: "元",
                records: records("penalty")),
            FigureOut(
                id: "overdue", label: "超期", definition: "超过办案期限作出决定或尚未决定的普通程序案件", value: sum(\.overdue), unit: "件",
                records: nil),
            FigureOut(
                id: "heard", label: "听证", definition: "经过听证的普通程序案件", value: sum(\.heard), unit: "件", records: nil),
            FigureOut(
                id: "legallyReviewed", label: "经法制审核的处罚决定", definition: "普通程序处罚决定中经法制审核的", value: reviewed, unit: "件",
                records: nil),
            FigureOut(
                id: "reviewRate", label: "法制审核率", definition: "经法制审核的处罚决定 ÷ 普通程序处罚决定",
                value: ordinary == 0 ? 0 : reviewed / ordinary,
                unit: "比率", records: nil),
            FigureOut(
                id: "averageHandlingDays", label: "平均办案天数", definition: "各执法主体普通程序案件自立案至决定的平均天数的平均",
                value: handling.isEmpty ? 0 : handling.reduce(0, +) / Double(handling.count), unit: "日", records: nil),
        ]
        let summary =
            "\(year)年立案及检查\(Int(sum(\.opened)))件，作出行政处罚决定\(Int(sum(\.penalties)))件，罚款\(Yuan.text(rows.map(\.fines).reduce(0, +)))元。"
        return (summary, figures)
    }

    /// Who works with enforcement cases: officers, their heads and legal reviewers, and the 司法局's supervisors.
    static let enforcementRoles: Set<Role> = [.officer, .head, .legalReviewer, .supervisor]
}
