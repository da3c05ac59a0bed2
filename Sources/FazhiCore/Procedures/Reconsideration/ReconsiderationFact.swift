import Foundation

/// The facts a 行政复议 case records (事实项), each declared once with its type and Chinese label.
public enum ReconsiderationFact {
    public static let acceptedOn = FactKey<CivilDate>("acceptedOn", "受理日期")
    public static let actAmount = FactKey<Money>("actAmount", "涉及款额（元）")
    public static let actDescription = FactKey<String>("actDescription", "被申请复议的行政行为（名称、文号）")
    public static let actKind = FactKey<String>("actKind", "行政行为类别")
    public static let actOn = FactKey<CivilDate>("actOn", "行政行为作出日期")
    public static let answerMissing = FactKey<Bool>("answerMissing", "被申请人未按期答复（第七十条）")
    public static let answerSummary = FactKey<String>("answerSummary", "答复要点")
    public static let applicantAddress = FactKey<String>("applicantAddress", "住所或通讯地址")
    public static let applicantIDNumber = FactKey<String>("applicantIDNumber", "身份证号或统一社会信用代码")
    public static let applicantKind = FactKey<String>("applicantKind", "申请人类型")
    public static let applicantName = FactKey<String>("applicantName", "申请人")
    public static let applicantPhone = FactKey<String>("applicantPhone", "联系电话")
    public static let applicationDue = FactKey<CivilDate>("applicationDue", "申请期限届满（第二十条）")
    public static let applicationDueEstimated = FactKey<Bool>("applicationDueEstimated", "申请期限按推定日期计算")
    public static let applicationLate = FactKey<Bool>("applicationLate", "超过申请期限")
    public static let approval = FactKey<String>("approval", "审批方式")
    public static let approver = FactKey<String>("approver", "批准人或集体讨论记录")
    public static let attachments = FactKey<[String]>("attachments", "附件（证据材料 SHA-256）")
    public static let beyondOuterLimit = FactKey<Bool>("beyondOuterLimit", "超过最长申请期限（第二十一条）")
    public static let changeWorsens = FactKey<Bool>("changeWorsens", "变更后对申请人更为不利")
    public static let changedAmount = FactKey<Money>("changedAmount", "变更后的款额（元）")
    public static let channel = FactKey<String>("channel", "申请方式")
    public static let closingSummary = FactKey<String>("closingSummary", "结案意见")
    public static let committeeConsulted = FactKey<Bool>("committeeConsulted", "已提请复议委员会咨询")
    public static let committeeMembers = FactKey<[String]>("committeeMembers", "参加咨询的委员")
    public static let committeeNeeded = FactKey<Bool>("committeeNeeded", "行政复议机构认为有必要提请复议委员会咨询")
    public static let committeeOpinion = FactKey<String>("committeeOpinion", "咨询意见")
    public static let committeeRequired = FactKey<Bool>("committeeRequired", "应当提请复议委员会咨询（第五十二条）")
    public static let competentBody = FactKey<String>("competentBody", "有管辖权的行政复议机关（不属于本机关管辖的）")
    public static let correctionItems = FactKey<[String]>("correctionItems", "需要补正的事项（一次性列明）")
    public static let correctionSummary = FactKey<String>("correctionSummary", "补正的材料")
    public static let decidedOn = CaseColumns.decidedOn
    public static let decisionNumber = FactKey<String>("decisionNumber", "决定书文号")
    public static let decisionReasons = FactKey<String>("decisionReasons", "认定的事实和理由")
    public static let decisionText = FactKey<String>("decisionText", "决定主文")
    public static let deemedAccepted = FactKey<Bool>("deemedAccepted", "视为受理（第三十条第三款）")
    public static let effectiveOn = FactKey<CivilDate>("effectiveOn", "生效日期")
    public static let enforcementDecisionNumber = FactKey<String>("enforcementDecisionNumber", "本系统内的行政处罚决定书文号")
    public static let evidenceProduced = FactKey<Bool>("evidenceProduced", "提交了作出行政行为的证据、依据")
    public static let extendedDays = FactKey<Double>("extendedDays", "延长天数（不超过三十日）")
    public static let extensionReason = FactKey<String>("extensionReason", "正当理由")
    public static let extraDays = FactKey<Double>("extraDays", "延长的工作日数")
    public static let heard = FactKey<Bool>("heard", "已听取意见或听证")
    public static let hearingChair = FactKey<String>("hearingChair", "主持人")
    public static let hearingClerk = FactKey<String>("hearingClerk", "记录员")
    public static let hearingDate = FactKey<CivilDate>("hearingDate", "听证日期")
    public static let hearingMethod = FactKey<String>("hearingMethod", "方式")
    public static let hearingOfficers = FactKey<[String]>("hearingOfficers", "听证员（至少二人）")
    public static let hearingPlace = FactKey<String>("hearingPlace", "听证地点")
    public static let hearingRecordSigned = FactKey<Bool>("hearingRecordSigned", "笔录经当事人签字")
    public static let hearingSummary = FactKey<String>("hearingSummary", "听证情况（质证、辩论）")
    public static let learnedOn = FactKey<CivilDate>("learnedOn", "知道或者应当知道该行政行为之日")
    public static let linkedCaseID = FactKey<String>("linkedCaseID", "本系统内被复议的案件")
    public static let major = FactKey<Bool>("major", "重大、疑难、复杂案件")
    public static let mediationSigned = FactKey<Bool>("mediationSigned", "调解书经双方当事人签字")
    public static let noEvidence = FactKey<Bool>("noEvidence", "视为没有证据、依据（第七十条）")
    public static let noGoodCause = FactKey<Bool>("noGoodCause", "申请人无正当理由逾期未补正")
    public static let notToldOfRights = FactKey<Bool>("notToldOfRights", "行政机关未告知申请复议的权利、机关或期限")
    public static let noticeDocument = FactKey<String>("noticeDocument", "书面告知当事人的文书")
    public static let opinionContent = FactKey<String>("opinionContent", "纠正相关违法或者不当行政行为的意见")
    public static let opinionTo = FactKey<String>("opinionTo", "意见书送达的机关")
    public static let opinionsSummary = FactKey<String>("opinionsSummary", "当事人意见")
    public static let outcome = CaseColumns.outcome
    public static let performanceDays = FactKey<Double>("performanceDays", "责令履行的期限（日）")
    public static let performanceNote = FactKey<String>("performanceNote", "履行情况或者督促措施")
    public static let performed = FactKey<Bool>("performed", "被申请人已履行")
    public static let publicationWithheld = FactKey<String>("publicationWithheld", "不予公开的理由（涉及国家秘密、商业秘密、个人隐私等；公开的不填）")
    public static let realProperty = FactKey<Bool>("realProperty", "涉及不动产")
    public static let reasons = FactKey<String>("reasons", "事实和理由")
    public static let receivedOn = FactKey<CivilDate>("receivedOn", "受理日期")
    public static let recipient = FactKey<String>("recipient", "受送达人")
    public static let redoDays = FactKey<Double>("redoDays", "责令重新作出行政行为的期限（日）")
    public static let refusalReasons = FactKey<String>("refusalReasons", "不予受理的理由")
    public static let refusedOn = FactKey<CivilDate>("refusedOn", "不予受理日期")
    public static let reportSummary = FactKey<String>("reportSummary", "纠正情况")
    public static let requests = FactKey<String>("requests", "行政复议请求")
    public static let respondent = FactKey<String>("respondent", "被申请人")
    public static let resumeReason = FactKey<String>("resumeReason", "中止原因消除的情况")
    public static let rightsLearnedOn = FactKey<CivilDate>("rightsLearnedOn", "知道复议权利、机关和期限之日")
    public static let serviceMethod = FactKey<String>("serviceMethod", "送达方式")
    public static let settlementDocument = FactKey<String>("settlementDocument", "和解协议或撤回申请书")
    public static let simpleGround = FactKey<String>("simpleGround", "适用简易程序的情形")
    public static let suspendedOn = FactKey<CivilDate>("suspendedOn", "中止日期")
    public static let suspensionGround = FactKey<String>("suspensionGround", "中止情形")
    public static let switchReason = FactKey<String>("switchReason", "不宜适用简易程序的理由")
    public static let switchedToOrdinary = FactKey<Bool>("switchedToOrdinary", "已转为普通程序")
    public static let technical = FactKey<Bool>("technical", "专业性、技术性较强")
    public static let terminatedOn = FactKey<CivilDate>("terminatedOn", "终止日期")
    public static let terminationGround = FactKey<String>("terminationGround", "终止情形")
    public static let thirdPartyRequested = FactKey<Bool>("thirdPartyRequested", "第三人提出了相反请求")
    public static let timelinessAnswer = FactKey<String>("timelinessAnswer", "对申请期限的审查意见")
    public static let track = FactKey<String>("track", "审理程序")
    public static let trackingNumber = FactKey<String>("trackingNumber", "网上申请查询号")

    public static let correctionDue = FactKey<CivilDate>("correctionDue", "补正期限届满日")
    public static let copySentOn = FactKey<CivilDate>("copySentOn", "发送答复通知日期")
    public static let answeredOn = FactKey<CivilDate>("answeredOn", "被申请人答复日期")
    public static let answerLate = FactKey<Bool>("answerLate", "被申请人逾期答复")
    public static let decisionDue = FactKey<CivilDate>("decisionDue", "决定期限届满日")
    public static let performedOn = FactKey<CivilDate>("performedOn", "履行日期")
    public static let outerLimit = FactKey<CivilDate>("outerLimit", "最长申请期限届满日（第二十一条）")
    /// Every key the module reads or writes, for the definition check (`ProcedureModule.problems`).
    public static let noticeReceivedOn = FactKey<CivilDate>("noticeReceivedOn", "申请人收到补正通知之日")
    public static let copyReceivedOn = FactKey<CivilDate>("copyReceivedOn", "被申请人收到申请书副本之日")
    public static let writtenReview = FactKey<Bool>("writtenReview", "因当事人原因书面审理")
    public static let writtenReviewReason = FactKey<String>("writtenReviewReason", "当事人的原因及听取意见的尝试")
    public static let thirdPartyEvidence = FactKey<Bool>("thirdPartyEvidence", "第三人提供了证据")
    public static let dismissalReasons = FactKey<String>("dismissalReasons", "驳回申请的理由")
    public static let dismissedOn = FactKey<CivilDate>("dismissedOn", "驳回申请之日")
    public static let correctionLate = FactKey<Bool>("correctionLate", "补正材料逾期（以交邮日期为准）")
    public static let lateCause = FactKey<String>("lateCause", "逾期补正的正当理由")
    public static let thirdParties = FactKey<[String]>("thirdParties", "第三人")
    public static let agents = FactKey<[String]>("agents", "委托代理人")
    public static let all: [AnyFactKey] = [
        lateCause.any, thirdParties.any, agents.any,
        correctionLate.any,
        noticeReceivedOn.any,
        copyReceivedOn.any,
        writtenReview.any,
        writtenReviewReason.any,
        thirdPartyEvidence.any,
        dismissalReasons.any,
        dismissedOn.any,
        acceptedOn.any,
        actAmount.any,
        actDescription.any,
        actKind.any,
        actOn.any,
        answerMissing.any,
        answerSummary.any,
        applicantAddress.any,
        applicantIDNumber.any,
        applicantKind.any,
        applicantName.any,
        applicantPhone.any,
        applicationDue.any,
        applicationDueEstimated.any,
        applicationLate.any,
        approval.any,
        approver.any,
        attachments.any,
        beyondOuterLimit.any,
        changeWorsens.any,
        changedAmount.any,
        channel.any,
        closingSummary.any,
        committeeConsulted.any,
        committeeMembers.any,
        committeeNeeded.any,
        committeeOpinion.any,
        committeeRequired.any,
        competentBody.any,
        correctionItems.any,
        correctionSummary.any,
        decidedOn.any,
        decisionNumber.any,
        decisionReasons.any,
        decisionText.any,
        deemedAccepted.any,
        effectiveOn.any,
        enforcementDecisionNumber.any,
        evidenceProduced.any,
        extendedDays.any,
        extensionReason.any,
        extraDays.any,
        heard.any,
        hearingChair.any,
        hearingClerk.any,
        hearingDate.any,
        hearingMethod.any,
        hearingOfficers.any,
        hearingPlace.any,
        hearingRecordSigned.any,
        hearingSummary.any,
        learnedOn.any,
        linkedCaseID.any,
        major.any,
        mediationSigned.any,
        noEvidence.any,
        noGoodCause.any,
        notToldOfRights.any,
        noticeDocument.any,
        opinionContent.any,
        opinionTo.any,
        opinionsSummary.any,
        outcome.any,
        performanceDays.any,
        performanceNote.any,
        performed.any,
        publicationWithheld.any,
        realProperty.any,
        reasons.any,
        receivedOn.any,
        recipient.any,
        redoDays.any,
        refusalReasons.any,
        refusedOn.any,
        reportSummary.any,
        requests.any,
        respondent.any,
        resumeReason.any,
        rightsLearnedOn.any,
        serviceMethod.any,
        settlementDocument.any,
        simpleGround.any,
        suspendedOn.any,
        suspensionGround.any,
        switchReason.any,
        switchedToOrdinary.any,
        technical.any,
        terminatedOn.any,
        terminationGround.any,
        thirdPartyRequested.any,
        timelinessAnswer.any,
        track.any,
        trackingNumber.any,
        correctionDue.any,
        copySentOn.any,
        answeredOn.any,
        answerLate.any,
        decisionDue.any,
        performedOn.any,
        outerLimit.any,
    ]
}
