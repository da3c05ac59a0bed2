import Foundation

/// The facts a 政府信息公开申请 case records (事实项), each declared once with its type and Chinese label.
public enum DisclosureFact {
    // 登记申请 (第二十九条、第三十一条)
    public static let channel = FactKey<String>("channel", "申请方式")
    public static let applicantName = FactKey<String>("applicantName", "申请人")
    public static let applicantKind = FactKey<String>("applicantKind", "申请人类型")
    public static let applicantIDNumber = FactKey<String>("applicantIDNumber", "身份证件号码或统一社会信用代码")
    public static let applicantPhone = FactKey<String>("applicantPhone", "联系电话")
    public static let applicantAddress = FactKey<String>("applicantAddress", "通讯地址")
    public static let applicantEmail = FactKey<String>("applicantEmail", "电子邮箱")
    public static let informationDescription = FactKey<String>(
        "informationDescription", "申请公开的政府信息（名称、文号或者便于查询的其他特征性描述）")
    public static let requestedForm = FactKey<String>("requestedForm", "获取信息的形式")
    public static let delivery = FactKey<String>("delivery", "获取信息的方式")
    public static let receivedOn = FactKey<CivilDate>("receivedOn", "收到申请之日")
    public static let trackingNumber = FactKey<String>("trackingNumber", "网上申请查询号")
    public static let partyName = FactKey<String>("partyName", "申请人")
    /// The day the 20 working days run from: receipt, or receipt of the corrected request (第三十条), or of the order to
    /// answer again.
    public static let answerFrom = FactKey<CivilDate>("answerFrom", "答复期限起算日")

    // 补正 (第三十条)
    public static let correctionItems = FactKey<[String]>("correctionItems", "需要补正的事项（一次性列明）")
    public static let correctionWorkdays = FactKey<Double>("correctionWorkdays", "补正期限（工作日）")
    public static let correctionReceivedOn = FactKey<CivilDate>("correctionReceivedOn", "收到补正申请之日")
    public static let correctionSummary = FactKey<String>("correctionSummary", "补正的内容")
    public static let lateCause = FactKey<String>("lateCause", "逾期补正的正当理由")
    public static let correctionLate = FactKey<Bool>("correctionLate", "逾期补正")
    public static let noGoodCause = FactKey<Bool>("noGoodCause", "申请人无正当理由逾期未补正")

    // 征求意见 (第三十二条、第三十四条)
    public static let consultee = FactKey<String>("consultee", "征求意见对象")
    public static let consulteeName = FactKey<String>("consulteeName", "第三方或者机关名称")
    public static let consultationMatter = FactKey<String>("consultationMatter", "征求意见的事项")
    public static let consultationReceivedOn = FactKey<CivilDate>("consultationReceivedOn", "对方收到征求意见书之日")
    public static let opinion = FactKey<String>("opinion", "意见")
    public static let opinionReason = FactKey<String>("opinionReason", "意见和理由")
    public static let thirdPartyRefused = FactKey<Bool>("thirdPartyRefused", "第三方不同意公开")
    public static let consultations = FactKey<Double>("consultations", "征求意见次数")
    public static let consultationEndedOn = FactKey<CivilDate>("consultationEndedOn", "征求意见期限届满日")
    public static let refusalReasonable = FactKey<Bool>("refusalReasonable", "第三方不同意公开的理由合理")

    // 延期 (第三十三条第二款)
    public static let extensionWorkdays = FactKey<Double>("extensionWorkdays", "延长的工作日数（最长20个工作日）")
    public static let extensionReason = FactKey<String>("extensionReason", "延期理由")
    public static let extensionApprovedBy = FactKey<String>("extensionApprovedBy", "同意延期的政府信息公开工作机构负责人")
    public static let applicantNotified = FactKey<Bool>("applicantNotified", "已告知申请人延期")
    public static let deferredUntil = FactKey<CivilDate>("deferredUntil", "延迟答复至")
    public static let deferralNotified = FactKey<Bool>("deferralNotified", "已告知申请人延迟答复的期限")

    // 信息处理费 (第四十二条；《政府信息公开信息处理费管理办法》国办函〔2020〕109号)
    public static let feeBasis = FactKey<String>("feeBasis", "计费方式")
    public static let feeQuantity = FactKey<Double>("feeQuantity", "计费数量（本月累计申请件数或者页数）")
    public static let feeNoticeReceivedOn = FactKey<CivilDate>("feeNoticeReceivedOn", "申请人收到收费通知之日")
    public static let feePaidOn = FactKey<CivilDate>("feePaidOn", "缴纳费用之日")

    // 答复 (第三十六条、第三十七条、第四十二条)
    public static let answerType = FactKey<String>("answerType", "答复类型")
    public static let answerGround = FactKey<String>("answerGround", "答复情形")
    public static let answerReason = FactKey<String>("answerReason", "理由和依据")
    public static let informationProvided = FactKey<String>("informationProvided", "提供的信息或者获取方式、途径")
    public static let withheldParts = FactKey<String>("withheldParts", "不予公开的部分")
    public static let otherBody = FactKey<String>("otherBody", "负责公开该信息的行政机关及联系方式")
    public static let publicInterest = FactKey<Bool>("publicInterest", "不公开可能对公共利益造成重大影响，决定予以公开")
    public static let thirdPartyNotified = FactKey<Bool>("thirdPartyNotified", "已将决定公开的内容和理由书面告知第三方")
    public static let reasonRequested = FactKey<Bool>("reasonRequested", "已要求申请人说明理由，理由不合理")
    public static let feeAmount = FactKey<Money>("feeAmount", "信息处理费（元）")
    public static let excessiveVolume = FactKey<Bool>("excessiveVolume", "申请数量、频次明显超过合理范围")
    public static let answeredOn = FactKey<CivilDate>("answeredOn", "答复日期")
    public static let answerLate = FactKey<Bool>("answerLate", "逾期答复")
    public static let outcome = CaseColumns.outcome

    // 复议、诉讼后重新答复
    public static let reviewCaseNumber = FactKey<String>("reviewCaseNumber", "行政复议决定书或者判决书文号")
    public static let orderReceivedOn = FactKey<CivilDate>("orderReceivedOn", "收到责令重新答复的决定或者判决之日")
    public static let redoWorkdays = FactKey<Double>("redoWorkdays", "重新答复的期限（工作日）")
    public static let reopenings = FactKey<Double>("reopenings", "重新答复次数")

    /// Every key the module reads or writes, for the definition check (`ProcedureModule.problems`).
    public static let all: [AnyFactKey] = [
        channel.any, applicantName.any, applicantKind.any, applicantIDNumber.any, applicantPhone.any,
        applicantAddress.any, applicantEmail.any, informationDescription.any, requestedForm.any, delivery.any,
        receivedOn.any, trackingNumber.any, partyName.any, answerFrom.any,
        correctionItems.any, correctionWorkdays.any, correctionReceivedOn.any, correctionSummary.any, lateCause.any,
        correctionLate.any, noGoodCause.any,
        consultee.any, consulteeName.any, consultationMatter.any, consultationReceivedOn.any, opinion.any,
        consultationEndedOn.any, refusalReasonable.any, deferralNotified.any, feeBasis.any, feeQuantity.any,
        feeNoticeReceivedOn.any, feePaidOn.any,
        opinionReason.any, thirdPartyRefused.any, consultations.any,
        extensionWorkdays.any, extensionReason.any, extensionApprovedBy.any, applicantNotified.any, deferredUntil.any,
        answerType.any, answerGround.any, answerReason.any, informationProvided.any, withheldParts.any, otherBody.any,
        publicInterest.any, thirdPartyNotified.any, reasonRequested.any, feeAmount.any, excessiveVolume.any,
        answeredOn.any, answerLate.any, outcome.any,
        reviewCaseNumber.any, orderReceivedOn.any, redoWorkdays.any, reopenings.any,
    ]
}
