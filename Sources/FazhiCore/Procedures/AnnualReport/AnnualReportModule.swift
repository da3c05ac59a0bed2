extension ProcedureModule {
    /// 年度法治政府建设情况报告: its course (written, frozen, reviewed, submitted, published); its content is drafted by the
    /// web side from every module's figures.
    public static let annualReport = ProcedureModule(
        folder: "AnnualReport", name: "年度法治政府建设情况报告",
        procedureIDs: [AnnualReportProcedure.id],
        definitions: { s in [AnnualReportProcedure.definition(s)] },
        documents: [],
        facts: AnnualReportFact.all,
        render: { _, _ in })
}
