extension ProcedureModule {
    /// 年度法治政府建设情况报告: its course (written, frozen, reviewed, submitted, published), its content drafted by the
    /// web side from every module's figures; and 法治督察 under the same 规定.
    public static let annualReport = ProcedureModule(
        folder: "AnnualReport", name: "年度法治政府建设情况报告",
        procedureIDs: [AnnualReportProcedure.id, RuleOfLawInspectionProcedure.id],
        definitions: { s in [AnnualReportProcedure.definition(s), RuleOfLawInspectionProcedure.definition(s)] },
        documents: [.inspectionOpinion, .inspectionReport],
        facts: AnnualReportFact.all + RuleOfLawInspectionProcedure.Fact.all,
        render: { input, draft in
            if [.inspectionOpinion, .inspectionReport].contains(input.kind) {
                InspectionDocuments.render(input, &draft)
            }
        })
}
