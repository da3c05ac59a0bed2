import Foundation

/// The facts a 调解 case records (事实项), each declared once with its type and Chinese label.
public enum MediationFact {
    public static let agreedOn = FactKey<CivilDate>("agreedOn", "达成协议日期")
    public static let agreementForm = FactKey<String>("agreementForm", "协议形式")
    public static let agreementTerms = FactKey<String>("agreementTerms", "协议内容")
    public static let amountInvolved = FactKey<Money>("amountInvolved", "涉及金额（元）")
    public static let committee = FactKey<String>("committee", "调解组织")
    public static let court = FactKey<String>("court", "移交或者引导起诉的人民法院")
    public static let declineNote = FactKey<String>("declineNote", "情况说明")
    public static let declineReason = FactKey<String>("declineReason", "不予调解的原因")
    public static let disputeFacts = FactKey<String>("disputeFacts", "纠纷的主要事实、争议事项及各方责任")
    public static let disputeSummary = FactKey<String>("disputeSummary", "纠纷简要情况")
    public static let disputeType = FactKey<String>("disputeType", "纠纷类型")
    public static let failureReason = FactKey<String>("failureReason", "调解不成的原因")
    public static let invited = FactKey<[String]>("invited", "邀请参与调解的人员（亲属、邻里、专业人员等）")
    public static let mediated = FactKey<Bool>("mediated", "已经调解")
    public static let mediationKind = FactKey<String>("mediationKind", "调解类别")
    public static let mediatorSigned = FactKey<Bool>("mediatorSigned", "调解员已签名并加盖调解组织印章")
    public static let mediators = FactKey<[String]>("mediators", "调解员")
    public static let outcome = CaseColumns.outcome
    public static let parties = FactKey<[String]>("parties", "当事人（至少两方）")
    public static let partiesConsented = FactKey<Bool>("partiesConsented", "当事人同意邀请上述人员参与")
    public static let performance = FactKey<String>("performance", "协议履行情况")
    public static let performanceTerms = FactKey<String>("performanceTerms", "履行方式和期限")
    public static let receivedOn = FactKey<CivilDate>("receivedOn", "受理日期")
    public static let referralNote = FactKey<String>("referralNote", "转诉讼的情况")
    public static let rightsInformed = FactKey<Bool>("rightsInformed", "已告知当事人可以通过仲裁、行政、司法等途径维护权利")
    public static let routesInformed = FactKey<[String]>("routesInformed", "告知当事人的途径")
    public static let sessionDate = FactKey<CivilDate>("sessionDate", "调解日期")
    public static let sessionSummary = FactKey<String>("sessionSummary", "调解情况（当事人陈述、调解员意见）")
    public static let sessions = FactKey<Double>("sessions", "调解次数")
    public static let signedByParties = FactKey<Bool>("signedByParties", "各方当事人已签名、盖章或者按指印")
    public static let source = FactKey<String>("source", "纠纷来源")
    public static let visitNotes = FactKey<String>("visitNotes", "回访情况")
    public static let visitedOn = FactKey<CivilDate>("visitedOn", "回访日期")

    public static let partyName = FactKey<String>("partyName", "当事人")
    public static let concludedOn = FactKey<CivilDate>("concludedOn", "调解结束日期")
    public static let mediationStartedOn = FactKey<CivilDate>("mediationStartedOn", "开始调解日期")
    public static let confirmationDue = FactKey<CivilDate>("confirmationDue", "可申请司法确认至")
    /// Every key the module reads or writes, for the definition check (`ProcedureModule.problems`).
    public static let all: [AnyFactKey] = [
        agreedOn.any,
        agreementForm.any,
        agreementTerms.any,
        amountInvolved.any,
        committee.any,
        court.any,
        declineNote.any,
        declineReason.any,
        disputeFacts.any,
        disputeSummary.any,
        disputeType.any,
        failureReason.any,
        invited.any,
        mediated.any,
        mediationKind.any,
        mediatorSigned.any,
        mediators.any,
        outcome.any,
        parties.any,
        partiesConsented.any,
        performance.any,
        performanceTerms.any,
        receivedOn.any,
        referralNote.any,
        rightsInformed.any,
        routesInformed.any,
        sessionDate.any,
        sessionSummary.any,
        sessions.any,
        signedByParties.any,
        source.any,
        visitNotes.any,
        visitedOn.any,
        partyName.any,
        concludedOn.any,
        mediationStartedOn.any,
        confirmationDue.any,
    ]
}
