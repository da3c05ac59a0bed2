/// The facts of a 年度法治政府建设情况报告's course (`AnnualReportProcedure`).
public enum AnnualReportFact {
    public static let reportYear = FactKey<Double>("reportYear", "报告年度")
    public static let title = FactKey<String>("title", "报告名称")
    public static let submitBy = FactKey<CivilDate>("submitBy", "报送期限")
    public static let publishBy = FactKey<CivilDate>("publishBy", "公开期限")
    public static let reportSha256 = FactKey<String>("reportSha256", "定稿 SHA-256")
    public static let frozenOn = FactKey<CivilDate>("frozenOn", "定稿日期")
    public static let reviewOpinion = FactKey<String>("reviewOpinion", "审核意见")
    public static let recipients = FactKey<String>("recipients", "报送机关")
    public static let submittedOn = FactKey<CivilDate>("submittedOn", "报送日期")
    public static let submittedLate = FactKey<Bool>("submittedLate", "逾期报送")
    public static let documentNumber = FactKey<String>("documentNumber", "报送文号")
    public static let submitLateReason = FactKey<String>("submitLateReason", "逾期报送原因")
    public static let publishLateReason = FactKey<String>("publishLateReason", "逾期公开原因")
    public static let channel = FactKey<String>("channel", "公开途径")
    public static let publishedOn = FactKey<CivilDate>("publishedOn", "公开日期")
    public static let publishedLate = FactKey<Bool>("publishedLate", "逾期公开")

    public static let all: [AnyFactKey] = [
        reportYear.any, title.any, submitBy.any, publishBy.any, reportSha256.any, frozenOn.any, reviewOpinion.any,
        recipients.any, submittedOn.any, submittedLate.any, documentNumber.any, submitLateReason.any, channel.any,
        publishedOn.any, publishedLate.any, publishLateReason.any,
    ]
}
