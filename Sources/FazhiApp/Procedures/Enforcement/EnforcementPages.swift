import FazhiCore
import FazhiStore
import Vapor

extension AppModule {
    /// 行政执法: the 事后公示 portal, the enforcement statistics and 两法衔接 pages, the demo cases.
    static let enforcement = AppModule(
        folder: "Enforcement",
        report: EnforcementReport.contributions,
        routes: { r in
            DecisionsPortal.register(r.portal)
            EnforcementStatisticsPage.register(r.console)
            TransfersPage.register(r.console)
            DrawConsole.register(r.console)
            DrawPortal.register(r.portal)
            FileReviewConsole.register(r.console)
        },
        navigation: [
            NavEntry(.enforcement, "执法案件", .cases(procedure: nil), roles: enforcementRoles),
            NavEntry(.enforcement, "两法衔接", .transfers, roles: enforcementRoles),
            NavEntry(.statistics, "执法统计", .enforcementStatistics, roles: enforcementRoles),
            NavEntry(.enforcement, "双随机抽查", .draws, roles: [.head, .officer, .legalReviewer, .supervisor]),
            NavEntry(.supervision, "案卷评查", .fileReviews, roles: [.supervisor, .head, .legalReviewer]),
        ],
        demo: { c, tx in
            try await DemoCases.load(
                orgs: c.orgs, people: c.people, catalog: c.catalog, calendar: c.calendar, today: c.today, in: tx)
            try await DemoRandomInspection.load(c, in: tx)
            try await DemoRandomInspection.inspectTwice(c, in: tx)
            try await DemoFileReview.load(c, in: tx)
        },
        benches: {
            $0.use(BenchCasesCommand(), as: "cases")
            $0.use(DrawBench(), as: "draw")
            $0.use(AlertBench(), as: "alerts")
        },
        // 双随机: `fazhi draw verify TASK` re-runs a published draw.
        commands: { commands in
            var draw = AsyncCommands()
            draw.use(DrawVerifyCommand(), as: "verify")
            commands.use(draw.group(help: "双随机：verify 按公布的输入重新抽取并核对"), as: "draw")
        },
        figureSets: [enforcementFigures, RandomDrawFigures.figures, FileReviewConsole.figures],
        pending: [
            FileReviewConsole.pending, DrawConsole.pending, EnforcementPending.filings, EnforcementPending.reviews,
            EnforcementPending.decisions,
        ],
        caseReaders: [{ c, user, req in try await FileReviews.isReviewer(user.username, of: c.id, on: req.db) }],
        portalServices: [
            .init(kind: .read, title: "行政处罚公示", detail: "已作出的行政处罚决定，可按单位、日期、内容查询", path: "/decisions"),
            .init(kind: .read, title: "权责清单", detail: "各部门的行政职权事项及其依据", path: "/powers"),
            .init(kind: .read, title: "执法主体和执法人员", detail: "谁有权执法，执法证是否有效", path: "/bodies"),
            .init(kind: .read, title: "裁量基准", detail: "罚款等处罚的裁量幅度", path: "/benchmarks"),
            .init(kind: .read, title: "双随机抽查", detail: "抽查计划、抽取过程和检查结果", path: "/random-inspections"),
        ],
        latest: { req in
            try await Publications.search(.init(), limit: 5, on: req.db).items.map { d in
                PortalNews(
                    date: d.publishedOn, kind: "处罚公示", title: "\(d.body)对\(d.party)的行政处罚决定（\(d.decisionNumber)）",
                    path: "/decisions/\(d.caseID.uuidString)")
            }
        })

    /// 行政执法统计 for the year over the bodies, from the kept sums (M010), each figure as declared in the module
    /// (`Penalty.statistics`: what it counts) with the case list it counts.
    static let enforcementFigures = FigureSet(id: "enforcement", title: "行政执法统计") { req, year, bodies in
        let rows = try await CaseStatistics.figures(year: year, bodies: bodies, today: req.fazhi.today, on: req.readDB)
        let sums = CaseStatistics.sums(rows.filter { $0.month == nil })
        let figures = Penalty.statistics.map { f in
            FigureOut(
                id: f.id, label: f.label, definition: f.definition, value: f.value(sums), unit: f.unit,
                records: f.records.map { "/api/v1/cases?month=\(year)" + ($0.isEmpty ? "" : "&outcome=\($0)") })
        }
        return (Penalty.summary(year, sums), figures)
    }

    /// Who works with enforcement cases: officers, their heads and legal reviewers, and the 司法局's supervisors.
    static let enforcementRoles: Set<Role> = [.officer, .head, .legalReviewer, .supervisor]
}
