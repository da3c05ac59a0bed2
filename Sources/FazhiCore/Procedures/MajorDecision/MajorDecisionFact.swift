import Foundation

/// The facts a 重大行政决策 case records (事实项), each declared once with its type and Chinese label.
public enum MajorDecisionFact {
    public static let title = FactKey<String>("title", "决策事项")
    public static let partyName = FactKey<String>("partyName", "决策事项")
    public static let category = FactKey<String>("category", "决策事项类别")
    public static let source = FactKey<String>("source", "建议来源")
    public static let proposer = FactKey<String>("proposer", "建议提出者")
    public static let necessity = FactKey<String>("necessity", "拟解决的主要问题、理由和依据、初步方案及其必要性、可行性")
    public static let undertaker = FactKey<String>("undertaker", "决策承办单位")
    public static let catalogueItem = FactKey<String>("catalogueItem", "决策事项目录中的事项")
    public static let outsideCatalogueReason = FactKey<String>("outsideCatalogueReason", "未列入决策事项目录的理由")
    public static let draftSummary = FactKey<String>("draftSummary", "决策草案说明")
    public static let draftText = FactKey<String>("draftText", "决策草案")
    public static let draftVersion = FactKey<Double>("draftVersion", "草案版本")
    public static let options = FactKey<[String]>("options", "备选方案")
    public static let consultedUnits = FactKey<[String]>("consultedUnits", "协商的部门和单位")
    public static let disagreements = FactKey<String>("disagreements", "争议的主要问题和各方意见")
    public static let affectsMarket = FactKey<Bool>("affectsMarket", "涉及市场主体经济活动（须公平竞争审查）")
    public static let specialised = FactKey<Bool>("specialised", "专业性、技术性较强（须专家论证）")
    public static let stabilityRisk = FactKey<Bool>("stabilityRisk", "可能对社会稳定、公共安全等造成不利影响（须风险评估）")
    public static let notPublicReason = FactKey<String>("notPublicReason", "依法不予公开的理由")

    public static let consultationUntil = FactKey<CivilDate>("consultationUntil", "征求意见截止日期")
    public static let shortPeriodReason = FactKey<String>("shortPeriodReason", "缩短征求意见期限的理由（公开说明）")
    public static let commentsReceived = FactKey<Double>("commentsReceived", "收到意见条数")
    public static let commentsAdopted = FactKey<Double>("commentsAdopted", "采纳意见条数")
    public static let offlineComments = FactKey<Double>("offlineComments", "其他方式收到的意见条数")
    public static let offlineAdopted = FactKey<Double>("offlineAdopted", "其他方式意见中采纳的条数")
    public static let adoptionSummary = FactKey<String>("adoptionSummary", "公众意见研究采纳情况")

    public static let hearingOn = FactKey<CivilDate>("hearingOn", "听证会日期")
    public static let hearingNoticeOn = FactKey<CivilDate>("hearingNoticeOn", "公布听证会信息和参加人名单之日")
    public static let participantRules = FactKey<String>("participantRules", "听证参加人遴选办法")
    public static let participants = FactKey<[String]>("participants", "听证参加人")
    public static let materialsSentOn = FactKey<CivilDate>("materialsSentOn", "听证材料送达参加人之日")
    public static let recordSigned = FactKey<Bool>("recordSigned", "听证参加人已确认记录并签字")
    public static let hearingSummary = FactKey<String>("hearingSummary", "听证会意见")

    public static let experts = FactKey<[String]>("experts", "论证专家、专业机构")
    public static let expertSelection = FactKey<String>("expertSelection", "专家遴选方式")
    public static let differingViews = FactKey<Bool>("differingViews", "选择了持不同意见的专家")
    public static let noInterest = FactKey<Bool>("noInterest", "专家与决策事项无直接利害关系")
    public static let opinionsSigned = FactKey<Bool>("opinionsSigned", "书面论证意见已署名、盖章")
    public static let expertOpinions = FactKey<String>("expertOpinions", "专家论证意见及研究采纳情况")

    public static let assessor = FactKey<String>("assessor", "风险评估单位")
    public static let riskLevel = FactKey<String>("riskLevel", "风险等级")
    public static let riskControllable = FactKey<Bool>("riskControllable", "风险可控")
    public static let riskReport = FactKey<String>("riskReport", "风险评估报告（风险点）")
    public static let riskMeasures = FactKey<String>("riskMeasures", "风险防范措施和处置预案")
    public static let riskUncontrolledVersion = FactKey<Double>("riskUncontrolledVersion", "评估为风险不可控的草案版本")
    /// Every unit that did the main pre-decision evaluation (论证评估): none may do the 后评估 (第三十六条第二款).
    public static let preDecisionEvaluators = FactKey<[String]>("preDecisionEvaluators", "决策前承担主要论证评估工作的单位")

    public static let competitionConclusion = FactKey<String>("competitionConclusion", "公平竞争审查结论")
    public static let competitionNotes = FactKey<String>("competitionNotes", "公平竞争审查情况")

    public static let reviewMaterials = FactKey<[String]>("reviewMaterials", "送审材料")
    public static let reviewOpinion = FactKey<String>("reviewOpinion", "合法性审查意见")
    public static let reviewer = FactKey<String>("reviewer", "审查人")
    public static let reviewText = FactKey<String>("reviewText", "合法性审查意见书内容")
    public static let reviewProblems = FactKey<[String]>("reviewProblems", "审查发现的问题")
    public static let adviserOpinions = FactKey<[String]>("adviserOpinions", "法律顾问、公职律师的法律意见")
    public static let shortReviewReason = FactKey<String>("shortReviewReason", "审查时间不足7个工作日的理由")
    public static let reviewedVersion = FactKey<Double>("reviewedVersion", "审查通过的草案版本")
    public static let failedVersion = FactKey<Double>("failedVersion", "审查不合法的草案版本")
    public static let revisionReason = FactKey<String>("revisionReason", "修改理由")

    public static let exploratory = FactKey<Bool>("exploratory", "国家尚无明确规定的探索性改革决策事项")
    public static let legalRisks = FactKey<String>("legalRisks", "明示的法律风险")
    public static let meetingKind = FactKey<String>("meetingKind", "会议")
    public static let meetingOn = FactKey<CivilDate>("meetingOn", "会议日期")
    public static let attendees = FactKey<[String]>("attendees", "出席的会议组成人员")
    public static let speeches = FactKey<[String]>("speeches", "发言（按发言顺序）")
    public static let chief = FactKey<String>("chief", "行政首长")
    public static let majorityView = FactKey<String>("majorityView", "会议组成人员多数人的意见")
    public static let againstMajorityReason = FactKey<String>("againstMajorityReason", "与多数人意见不一致的理由（会上说明）")
    public static let dissent = FactKey<[String]>("dissent", "不同意见")
    public static let meetingOutcome = FactKey<String>("meetingOutcome", "会议决定")
    public static let decidedOn = CaseColumns.decidedOn
    public static let outcome = CaseColumns.outcome

    public static let partyReportedOn = FactKey<CivilDate>("partyReportedOn", "向同级党委请示报告日期")
    public static let partyReply = FactKey<String>("partyReply", "党委意见")
    public static let publishedOn = FactKey<CivilDate>("publishedOn", "公布日期")
    public static let decisionText = FactKey<String>("decisionText", "公布的决策文本")
    public static let channels = FactKey<[String]>("channels", "公布途径")
    public static let interpretation = FactKey<String>("interpretation", "解读")
    public static let adoptionExplanation = FactKey<String>("adoptionExplanation", "公众意见、专家论证意见的采纳情况说明")
    public static let executionUnit = FactKey<String>("executionUnit", "决策执行单位")
    public static let milestones = FactKey<[String]>("milestones", "执行节点")

    public static let progressText = FactKey<String>("progressText", "执行情况")
    public static let progressPercent = FactKey<Double>("progressPercent", "完成进度（%）")
    public static let progressProblems = FactKey<String>("progressProblems", "发现的问题")
    public static let lastProgressOn = FactKey<CivilDate>("lastProgressOn", "最近一次报告执行情况")
    public static let suspensionReason = FactKey<String>("suspensionReason", "中止执行的理由（情况紧急）")
    public static let resumptionReason = FactKey<String>("resumptionReason", "恢复执行的理由")
    public static let adjustment = FactKey<String>("adjustment", "调整方式")
    public static let adjustmentReason = FactKey<String>("adjustmentReason", "调整或者停止执行的理由")
    public static let adjustments = FactKey<Double>("adjustments", "调整次数")

    public static let evaluationTrigger = FactKey<String>("evaluationTrigger", "后评估情形")
    public static let evaluator = FactKey<String>("evaluator", "承担后评估工作的单位")
    public static let evaluationReport = FactKey<String>("evaluationReport", "后评估报告")
    public static let evaluationConclusion = FactKey<String>("evaluationConclusion", "后评估结论")
    public static let evaluatedOn = FactKey<CivilDate>("evaluatedOn", "后评估日期")

    public static let archivedOn = FactKey<CivilDate>("archivedOn", "归档日期")
    public static let archiveNumber = FactKey<String>("archiveNumber", "档号")
    public static let archiveKeeper = FactKey<String>("archiveKeeper", "归档单位")

    public static let participationMethod = FactKey<String>("participationMethod", "听取意见的方式")
    public static let participationOn = FactKey<CivilDate>("participationOn", "听取意见日期")
    public static let participationGroups = FactKey<String>("participationGroups", "听取意见的对象")
    public static let participationSummary = FactKey<String>("participationSummary", "意见及研究采纳情况")
    public static let controlMeasuresTaken = FactKey<String>("controlMeasuresTaken", "为确保风险可控已采取的调整措施")
    public static let reviewChangesNote = FactKey<String>("reviewChangesNote", "按审查意见调整或者补充的情况")
    public static let widelyConcerned = FactKey<Bool>("widelyConcerned", "社会公众普遍关心或者专业性、技术性较强")

    public static let writtenOpinions = FactKey<Bool>("writtenOpinions", "提供了书面论证意见")
    public static let priorAssessment = FactKey<String>("priorAssessment", "已按有关规定作出的风险评价、评估")
    public static let suspensionSituation = FactKey<String>("suspensionSituation", "中止执行的情形")

    public static let all: [AnyFactKey] = [
        title.any, partyName.any, category.any, source.any, proposer.any, necessity.any, undertaker.any,
        catalogueItem.any, outsideCatalogueReason.any, draftSummary.any, draftText.any, draftVersion.any, options.any,
        consultedUnits.any, disagreements.any, affectsMarket.any, specialised.any, stabilityRisk.any,
        notPublicReason.any, consultationUntil.any, shortPeriodReason.any, commentsReceived.any, commentsAdopted.any,
        offlineComments.any, offlineAdopted.any, adoptionSummary.any, hearingOn.any, hearingNoticeOn.any,
        participantRules.any, participants.any, materialsSentOn.any, recordSigned.any, hearingSummary.any, experts.any,
        expertSelection.any, differingViews.any, noInterest.any, opinionsSigned.any, expertOpinions.any, assessor.any,
        riskLevel.any, riskControllable.any, riskReport.any, riskMeasures.any, riskUncontrolledVersion.any,
        preDecisionEvaluators.any, competitionConclusion.any, competitionNotes.any, reviewMaterials.any,
        reviewOpinion.any, reviewer.any, reviewText.any, reviewProblems.any, adviserOpinions.any, shortReviewReason.any,
        reviewedVersion.any, failedVersion.any, revisionReason.any, exploratory.any, legalRisks.any, meetingKind.any,
        meetingOn.any, attendees.any, speeches.any, chief.any, majorityView.any, againstMajorityReason.any, dissent.any,
        meetingOutcome.any, decidedOn.any, outcome.any, partyReportedOn.any, partyReply.any, publishedOn.any,
        decisionText.any, channels.any, interpretation.any, adoptionExplanation.any, executionUnit.any, milestones.any,
        progressText.any, progressPercent.any, progressProblems.any, lastProgressOn.any, suspensionReason.any,
        resumptionReason.any, adjustment.any, adjustmentReason.any, adjustments.any, evaluationTrigger.any,
        evaluator.any, evaluationReport.any, evaluationConclusion.any, evaluatedOn.any, archivedOn.any,
        archiveNumber.any, archiveKeeper.any, participationMethod.any, participationOn.any, participationGroups.any,
        participationSummary.any, controlMeasuresTaken.any, reviewChangesNote.any, widelyConcerned.any,
        writtenOpinions.any, priorAssessment.any, suspensionSituation.any,
    ]
}
