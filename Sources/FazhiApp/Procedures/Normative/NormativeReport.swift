import FazhiCore

/// What 规范性文件 puts into the 年度报告 (依法行政制度体系): issued, reviewed, filed, cleaned; late filing as a shortfall.
enum NormativeReport {
    static let contributions: [ReportContribution] = [
        ReportContribution(
            .rules, set: "normative_year",
            sentences: [
                "加强行政规范性文件管理，本年公布规范性文件{published}件，开展合法性审核{reviews}件，公开征求意见{consultations}次；开展清理{cleanups}次、清理文件{cleaned}件，废止{repealed}件，年末现行有效{inForceAtYearEnd}件。"
            ], compared: ["published", "reviews", "inForceAtYearEnd"]),
        ReportContribution(
            .rules, set: NormativeProcedure.id,
            sentences: ["规范性文件报送备案{filed}件，按时备案率{filingOnTime}。"], compared: ["filed", "filingOnTime"],
            shortfalls: [
                Shortfall("filedLate", .above(0), "规范性文件备案管理仍有薄弱环节，{filedLate}件规范性文件未按期报送备案。"),
                Shortfall("publishedLate", .above(0), "{publishedLate}件规范性文件未按期公布。"),
            ]),
        ReportContribution(
            .rules, set: "normative_suggestion",
            sentences: ["收到公民、法人和其他组织提出的规范性文件审查建议{received}件，经审查纠正{corrected}件。"]),
    ]
}
