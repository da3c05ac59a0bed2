import FazhiCore

extension AppModule {
    /// 年度法治政府建设情况报告: drafted from every module's declared figures (`AppModule.report`), with the narrative
    /// staff write.
    static let annualReport = AppModule(
        folder: "AnnualReport",
        report: StudyFigures.contributions + LedgerFigures.contributions + InspectionReport.contributions,
        routes: { r in
            AnnualReportPage.register(r.console)
            AnnualReportCourse.register(r.console)
            AnnualReportPortal.register(r.portal)
            StudyPage.register(r.console)
            LedgerPage.register(r.console)
            LedgerFiles.register(r.console)
            AssessmentPage.register(r.console)
            AssessmentFiles.register(r.console)
            InspectionOpening.register(r.console)
        },
        navigation: [
            NavEntry(
                .statistics, "法治政府建设年度报告", .annualReport(unit: nil, year: nil),
                roles: AnnualReportPage.writers.union([.officer])),
            NavEntry(.statistics, "学法记录", .study(year: nil), roles: AnnualReportPage.writers),
            NavEntry(
                .statistics, "法治建设台账", .ledger(kind: LedgerKinds.duty.id, year: nil), roles: AnnualReportPage.writers),
            NavEntry(.statistics, "法治政府建设考核", .assessment(year: nil), roles: AnnualReportPage.writers),
            NavEntry(
                .supervision, "法治督察", .cases(procedure: RuleOfLawInspectionProcedure.id),
                roles: [.supervisor, .head, .legalReviewer]),
        ],
        demo: { c, tx in
            try await DemoAnnualReport.load(c, in: tx)
            try await DemoAssessment.load(c, in: tx)
        },
        benches: { $0.use(AnnualReportBench(), as: "report") },
        figureSets: [StudyFigures.figures] + LedgerFigures.sets,
        pending: [AnnualReportCourse.pending],
        portalServices: [
            .init(kind: .read, title: "法治政府建设年度报告", detail: "各级政府和部门公开的年度报告", path: "/annual-reports")
        ])
}
