import Foundation

/// The facts a 行政规范性文件 case records (事实项), each declared once with its type and Chinese label.
public enum NormativeFact {
    public static let title = FactKey<String>("title", "文件名称")
    public static let documentKind = FactKey<String>("documentKind", "文种")
    public static let provisional = FactKey<Bool>("provisional", "暂行或者试行")
    public static let touchesRights = FactKey<Bool>("touchesRights", "涉及公民、法人和其他组织权利义务")
    public static let businessRelated = FactKey<Bool>("businessRelated", "与市场主体生产经营活动密切相关")
    public static let affectsMarket = FactKey<Bool>("affectsMarket", "涉及市场主体经济活动（须公平竞争审查）")
    public static let inPlan = FactKey<Bool>("inPlan", "列入年度制定计划")
    public static let notInPlanReason = FactKey<String>("notInPlanReason", "未列入计划的理由")
    public static let draftSummary = FactKey<String>("draftSummary", "起草说明")
    public static let draftVersion = FactKey<Double>("draftVersion", "草案版本")
    public static let draftText = FactKey<String>("draftText", "草案文本")

    public static let consultationUntil = FactKey<CivilDate>("consultationUntil", "征求意见截止日期")
    public static let shortPeriodReason = FactKey<String>("shortPeriodReason", "缩短征求意见期限的理由（公开说明）")
    public static let commentsReceived = FactKey<Double>("commentsReceived", "收到意见条数")
    public static let commentsAdopted = FactKey<Double>("commentsAdopted", "采纳意见条数")
    public static let offlineComments = FactKey<Double>("offlineComments", "其他渠道收到的意见条数")
    public static let offlineAdopted = FactKey<Double>("offlineAdopted", "其他渠道意见中采纳的条数")
    public static let adoptionSummary = FactKey<String>("adoptionSummary", "意见采纳情况")

    public static let competitionConclusion = FactKey<String>("competitionConclusion", "公平竞争审查结论")
    public static let competitionNotes = FactKey<String>("competitionNotes", "公平竞争审查情况")

    public static let reviewingBody = FactKey<String>("reviewingBody", "合法性审核机构")
    public static let emergencyReason = FactKey<String>("emergencyReason", "未公开征求意见的理由（紧急情况等）")
    public static let reviewOpinion = FactKey<String>("reviewOpinion", "合法性审核意见")
    public static let reviewer = FactKey<String>("reviewer", "审核人")
    public static let reviewProblems = FactKey<[String]>("reviewProblems", "审核发现的问题（对照“不得”清单）")
    public static let reviewText = FactKey<String>("reviewText", "审核意见")
    public static let expeditedReason = FactKey<String>("expeditedReason", "审核不足5个工作日的理由")
    public static let reviewedVersion = FactKey<Double>("reviewedVersion", "审核通过的草案版本")
    public static let failedVersion = FactKey<Double>("failedVersion", "审核不合法的草案版本")
    public static let reviewChangesNote = FactKey<String>("reviewChangesNote", "按审核意见修改的情况或者未采纳的理由")
    public static let revisionReason = FactKey<String>("revisionReason", "修改理由")

    public static let meetingKind = FactKey<String>("meetingKind", "集体审议会议")
    public static let meetingOn = FactKey<CivilDate>("meetingOn", "会议日期")
    public static let attendees = FactKey<[String]>("attendees", "出席人员")

    public static let signedOn = FactKey<CivilDate>("signedOn", "签发日期")
    public static let signer = FactKey<String>("signer", "签发人")
    public static let effectiveOn = FactKey<CivilDate>("effectiveOn", "施行日期")
    public static let validityYears = FactKey<Double>("validityYears", "有效期（年）")
    public static let expiresOn = FactKey<CivilDate>("expiresOn", "失效之日（有效期最后一日的次日）")
    public static let validUntil = FactKey<CivilDate>("validUntil", "有效期至")
    public static let evaluationDue = FactKey<CivilDate>("evaluationDue", "评估期限")
    public static let evaluationConclusion = FactKey<String>("evaluationConclusion", "评估结论")
    public static let evaluationNotes = FactKey<String>("evaluationNotes", "评估情况")
    public static let extendedUntil = FactKey<CivilDate>("extendedUntil", "新的有效期至")
    public static let extensionPublishedOn = FactKey<CivilDate>("extensionPublishedOn", "公布继续有效决定之日")
    public static let finalText = FactKey<String>("finalText", "印发文本")
    public static let documentNumber = FactKey<String>("documentNumber", "文号")
    /// Every 文号 the document was issued under, in order: its own, then each 修改决定's (for the text versions).
    public static let issueNumbers = FactKey<[String]>("issueNumbers", "印发文号（含修改决定）")
    public static let amending = FactKey<Bool>("amending", "修改中")
    public static let amendmentReason = FactKey<String>("amendmentReason", "修改理由")
    public static let amendmentNumber = FactKey<String>("amendmentNumber", "最近一次修改决定文号")
    public static let amendedOn = FactKey<CivilDate>("amendedOn", "最近一次修改签发日期")
    public static let amendmentEffectiveOn = FactKey<CivilDate>("amendmentEffectiveOn", "最近一次修改施行日期")

    public static let publishedOn = FactKey<CivilDate>("publishedOn", "公布日期")
    public static let interpretation = FactKey<String>("interpretation", "政策解读")
    public static let publishedLate = FactKey<Bool>("publishedLate", "逾期公布")
    public static let fileWithCongress = FactKey<Bool>("fileWithCongress", "须报本级人大常委会备案")

    public static let filedOn = FactKey<CivilDate>("filedOn", "报送备案日期")
    public static let filedWith = FactKey<String>("filedWith", "备案机关")
    public static let filingLate = FactKey<Bool>("filingLate", "逾期备案")
    public static let filingConclusion = FactKey<String>("filingConclusion", "备案审查结论")
    public static let filingReviewNotes = FactKey<String>("filingReviewNotes", "备案审查意见")
    public static let correctionDueOn = FactKey<CivilDate>("correctionDueOn", "按备案审查意见改正的期限")
    public static let correctionFrom = FactKey<CivilDate>("correctionFrom", "改正期限的前一日")

    public static let ending = FactKey<String>("ending", "废止或者失效")
    public static let endedOn = FactKey<CivilDate>("endedOn", "废止或者失效日期")
    public static let endingReason = FactKey<String>("endingReason", "理由（清理结论）")
    public static let endingDecision = FactKey<String>("endingDecision", "废止、宣布失效或者撤销的决定")
    public static let endingMeetingOn = FactKey<CivilDate>("endingMeetingOn", "集体审议之日")
    public static let congressFiledOn = FactKey<CivilDate>("congressFiledOn", "报送人大常委会备案日期")
    public static let congressFilingLate = FactKey<Bool>("congressFilingLate", "逾期报送人大常委会备案")
    public static let confidentialReason = FactKey<String>("confidentialReason", "依法需要保密、不公开征求意见的理由")
    public static let decidedOn = CaseColumns.decidedOn
    public static let outcome = CaseColumns.outcome
    public static let partyName = FactKey<String>("partyName", "文件名称")

    public static let all: [AnyFactKey] = [
        title.any, documentKind.any, provisional.any, touchesRights.any, businessRelated.any, affectsMarket.any,
        inPlan.any, notInPlanReason.any, draftSummary.any, draftVersion.any, draftText.any, consultationUntil.any,
        shortPeriodReason.any, commentsReceived.any, commentsAdopted.any, offlineComments.any, offlineAdopted.any,
        adoptionSummary.any,
        competitionConclusion.any, competitionNotes.any, reviewingBody.any, emergencyReason.any, reviewOpinion.any,
        reviewer.any, reviewProblems.any, reviewText.any, expeditedReason.any, reviewedVersion.any, failedVersion.any,
        reviewChangesNote.any,
        revisionReason.any, meetingKind.any, meetingOn.any, attendees.any, signedOn.any, signer.any, effectiveOn.any,
        validityYears.any, expiresOn.any, validUntil.any, evaluationDue.any, evaluationConclusion.any,
        evaluationNotes.any, extendedUntil.any, extensionPublishedOn.any, finalText.any, documentNumber.any,
        issueNumbers.any, amending.any,
        amendmentReason.any, amendmentNumber.any, amendedOn.any, amendmentEffectiveOn.any, publishedOn.any,
        interpretation.any,
        publishedLate.any, fileWithCongress.any, filedOn.any, filedWith.any, filingLate.any, filingConclusion.any,
        filingReviewNotes.any, correctionDueOn.any, correctionFrom.any, ending.any, endedOn.any, endingReason.any,
        endingDecision.any, endingMeetingOn.any,
        congressFiledOn.any,
        congressFilingLate.any, confidentialReason.any, decidedOn.any, outcome.any, partyName.any,
    ]
}
