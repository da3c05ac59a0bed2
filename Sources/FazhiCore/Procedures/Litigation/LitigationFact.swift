import Foundation

/// The facts a 行政应诉 case records (事实项), each declared once with its type and Chinese label.
public enum LitigationFact {
    public static let absenceReason = FactKey<String>("absenceReason", "负责人不能出庭的理由")
    public static let actDescription = FactKey<String>("actDescription", "被诉行政行为")
    public static let actKind = FactKey<String>("actKind", "被诉行政行为类别")
    public static let agents = FactKey<[String]>("agents", "诉讼代理人")
    public static let answerLate = FactKey<Bool>("answerLate", "逾期答辩举证")
    public static let answerSummary = FactKey<String>("answerSummary", "答辩意见")
    public static let appealCaseNumber = FactKey<String>("appealCaseNumber", "二审案号")
    public static let appealCourt = FactKey<String>("appealCourt", "二审法院")
    public static let appealReasons = FactKey<String>("appealReasons", "上诉理由")
    public static let appealedOn = FactKey<CivilDate>("appealedOn", "上诉日期")
    public static let appearingStaff = FactKey<[String]>("appearingStaff", "出庭的工作人员")
    public static let appellant = FactKey<String>("appellant", "上诉人")
    public static let claims = FactKey<String>("claims", "诉讼请求")
    public static let closingSummary = FactKey<String>("closingSummary", "结案意见")
    public static let court = FactKey<String>("court", "受理法院")
    public static let courtCaseNumber = FactKey<String>("courtCaseNumber", "法院案号")
    public static let currentInstance = FactKey<String>("currentInstance", "当前审级")
    public static let defendantRole = FactKey<String>("defendantRole", "本机关诉讼地位")
    public static let evidenceList = FactKey<[String]>("evidenceList", "提交的证据")
    public static let final = FactKey<Bool>("final", "终审")
    public static let headAppeared = FactKey<Bool>("headAppeared", "行政机关负责人出庭应诉")
    public static let headName = FactKey<String>("headName", "出庭负责人姓名")
    public static let headOpinion = FactKey<String>("headOpinion", "负责人就实质性化解争议发表的意见")
    public static let headPosition = FactKey<String>("headPosition", "出庭负责人职务")
    public static let hearingDate = FactKey<CivilDate>("hearingDate", "开庭日期")
    public static let hearings = FactKey<Double>("hearings", "开庭次数")
    public static let instance = FactKey<String>("instance", "审级")
    public static let isRuling = FactKey<Bool>("isRuling", "裁定")
    public static let issuer = FactKey<String>("issuer", "提出建议的法院或者检察院")
    public static let judgedOn = FactKey<CivilDate>("judgedOn", "收到裁判日期")
    public static let judgment = FactKey<String>("judgment", "裁判结果")
    public static let judgmentNumber = FactKey<String>("judgmentNumber", "裁判文书号")
    public static let judgmentServedOn = FactKey<CivilDate>("judgmentServedOn", "收到裁判文书日期")
    public static let judgmentSummary = FactKey<String>("judgmentSummary", "裁判要旨")
    public static let lastRecommendationKind = FactKey<String>("lastRecommendationKind", "最近一份建议的种类")
    public static let lateReason = FactKey<String>("lateReason", "逾期提交的正当理由（经法院准许延期的写明）")
    public static let lateReplies = FactKey<Double>("lateReplies", "逾期回复建议数")
    public static let legalBasis = FactKey<[String]>("legalBasis", "所依据的规范性文件")
    public static let letterNumber = FactKey<String>("letterNumber", "建议书文号")
    public static let lost = FactKey<Bool>("lost", "败诉")
    public static let performanceSummary = FactKey<String>("performanceSummary", "履行情况（重新作出行为、履行职责、赔偿等）")
    public static let plaintiff = FactKey<String>("plaintiff", "原告")
    public static let recommendationContent = FactKey<String>("recommendationContent", "建议内容")
    public static let recommendationKind = FactKey<String>("recommendationKind", "建议类别")
    public static let recommendations = FactKey<[String]>("recommendations", "收到的司法建议、检察建议")
    public static let relatedCaseNumber = FactKey<String>("relatedCaseNumber", "关联的执法或者复议案号")
    public static let repliedRecommendations = FactKey<Double>("repliedRecommendations", "已回复建议数")
    public static let replyNumber = FactKey<String>("replyNumber", "回复函文号")
    public static let replySummary = FactKey<String>("replySummary", "处理情况和回复内容")
    public static let servedOn = FactKey<CivilDate>("servedOn", "收到起诉状副本日期")

    public static let registeredOn = FactKey<CivilDate>("registeredOn", "登记日期")
    public static let answeredOn = FactKey<CivilDate>("answeredOn", "答辩举证日期")
    public static let firstInstanceLost = FactKey<Bool>("firstInstanceLost", "一审败诉")
    public static let effectiveOn = FactKey<CivilDate>("effectiveOn", "生效日期")
    public static let performedOn = FactKey<CivilDate>("performedOn", "履行日期")
    /// Every key the module reads or writes, for the definition check (`ProcedureModule.problems`).
    public static let retrialProcedure = FactKey<String>("retrialProcedure", "再审适用的程序")
    public static let all: [AnyFactKey] = [
        retrialProcedure.any,
        absenceReason.any,
        actDescription.any,
        actKind.any,
        agents.any,
        answerLate.any,
        answerSummary.any,
        appealCaseNumber.any,
        appealCourt.any,
        appealReasons.any,
        appealedOn.any,
        appearingStaff.any,
        appellant.any,
        claims.any,
        closingSummary.any,
        court.any,
        courtCaseNumber.any,
        currentInstance.any,
        defendantRole.any,
        evidenceList.any,
        final.any,
        headAppeared.any,
        headName.any,
        headOpinion.any,
        headPosition.any,
        hearingDate.any,
        hearings.any,
        instance.any,
        isRuling.any,
        issuer.any,
        judgedOn.any,
        judgment.any,
        judgmentNumber.any,
        judgmentServedOn.any,
        judgmentSummary.any,
        lastRecommendationKind.any,
        lateReason.any,
        lateReplies.any,
        legalBasis.any,
        letterNumber.any,
        lost.any,
        performanceSummary.any,
        plaintiff.any,
        recommendationContent.any,
        recommendationKind.any,
        recommendations.any,
        relatedCaseNumber.any,
        repliedRecommendations.any,
        replyNumber.any,
        replySummary.any,
        servedOn.any,
        registeredOn.any,
        answeredOn.any,
        firstInstanceLost.any,
        effectiveOn.any,
        performedOn.any,
    ]
}
