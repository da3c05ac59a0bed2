import Foundation

/// The facts a 行政执法 case (行政处罚 普通/简易程序, 行政检查) records (事实项), each declared once with its type and Chinese label.
public enum EnforcementFact {
    public static let approvalDocument = FactKey<String>("approvalDocument", "批准文书")
    public static let benchmarkCode = FactKey<String>("benchmarkCode", "裁量基准编号")
    public static let benchmarkMax = FactKey<Money>("benchmarkMax", "基准幅度上限（元）")
    public static let benchmarkMin = FactKey<Money>("benchmarkMin", "基准幅度下限（元）")
    public static let benchmarkTier = FactKey<String>("benchmarkTier", "裁量档次")
    public static let certificateShown = FactKey<Bool>("certificateShown", "已主动出示执法证件")
    public static let changeDocument = FactKey<String>("changeDocument", "复议决定书、判决书或者本机关决定的文号")
    public static let changeKind = FactKey<String>("changeKind", "变更情形")
    public static let changedOn = FactKey<CivilDate>("changedOn", "变更、撤销或者确认之日")
    public static let checkedItems = FactKey<[String]>("checkedItems", "检查事项")
    public static let closingSummary = FactKey<String>("closingSummary", "结案报告")
    public static let collectiveRequired = FactKey<Bool>("collectiveRequired", "应当集体讨论（第五十七条第二款）")
    public static let complexCase = FactKey<Bool>("complexCase", "案情疑难复杂、涉及多个法律关系")
    public static let confiscationValue = FactKey<Money>("confiscationValue", "没收金额或价值（元）")
    public static let crimeReason = FactKey<String>("crimeReason", "涉嫌犯罪的事实和理由")
    public static let daysUnderReview = FactKey<Double>("daysUnderReview", "诉讼或者本系统以外的复议期间天数（不计加处罚款；本系统的复议案件自动扣除）")
    public static let decidedFine = CaseColumns.decidedFine
    public static let decidedKinds = FactKey<[String]>("decidedKinds", "决定的处罚种类")
    public static let decidedOn = CaseColumns.decidedOn
    public static let decisionChanged = FactKey<Bool>("decisionChanged", "决定已被变更或撤销")
    public static let decisionNumber = FactKey<String>("decisionNumber", "决定书文号")
    public static let decisionPeriodDays = FactKey<Double>("decisionPeriodDays", "办案期限（日）")
    public static let decisionReasons = FactKey<String>("decisionReasons", "理由和依据")
    public static let defended = FactKey<Bool>("defended", "当事人已陈述申辩")
    public static let deferredUntil = FactKey<CivilDate>("deferredUntil", "缴纳期限延至")
    public static let discussedRound = FactKey<Double>("discussedRound", "集体讨论时的拟处罚轮次")
    public static let disposal = FactKey<String>("disposal", "处理决定")
    public static let electronicConsent = FactKey<Bool>("electronicConsent", "当事人已签订电子送达确认书")
    public static let enforcementMeasure = FactKey<String>("enforcementMeasure", "执行措施或受理法院")
    public static let evidenceFiles = FactKey<[String]>("evidenceFiles", "证据文件（SHA-256）")
    public static let evidenceKind = FactKey<String>("evidenceKind", "取证方式")
    public static let evidenceSummary = FactKey<String>("evidenceSummary", "笔录或证据内容摘要")
    public static let extendedDays = FactKey<Double>("extendedDays", "延长天数")
    public static let extensionBasis = FactKey<String>("extensionBasis", "延长依据（法律、法规、规章条款）")
    public static let filed = FactKey<Bool>("filed", "已立案")
    public static let filingNote = FactKey<String>("filingNote", "备案情况")
    public static let findings = FactKey<String>("findings", "检查情况")
    public static let fineAmount = FactKey<Money>("fineAmount", "罚款金额（元）")
    public static let formNumber = FactKey<String>("formNumber", "预定格式、编有号码的决定书编号")
    public static let handoverReceipt = FactKey<String>("handoverReceipt", "交款凭证")
    public static let hardToEnforce = FactKey<Bool>("hardToEnforce", "不当场收缴事后难以执行")
    public static let hardshipReason = FactKey<String>("hardshipReason", "经济困难情况")
    public static let heard = FactKey<Bool>("heard", "已听证")
    public static let hearingChair = FactKey<String>("hearingChair", "听证主持人")
    public static let hearingChairOfficerID = FactKey<String>("hearingChairOfficerID", "主持人执法人员编号")
    public static let hearingDate = FactKey<CivilDate>("hearingDate", "听证日期")
    public static let hearingPlace = FactKey<String>("hearingPlace", "听证地点")
    public static let hearingPublic = FactKey<Bool>("hearingPublic", "公开举行")
    public static let hearingRecordCited = FactKey<Bool>("hearingRecordCited", "已根据听证笔录作出决定")
    public static let hearingRecordSigned = FactKey<String>("hearingRecordSigned", "听证笔录签字")
    public static let hearingRequest = FactKey<String>("hearingRequest", "听证申请（方式、内容）")
    public static let hearingRequested = FactKey<Bool>("hearingRequested", "当事人要求听证")
    public static let hearingRight = FactKey<Bool>("hearingRight", "有听证权利")
    public static let hearingScheduled = FactKey<Bool>("hearingScheduled", "已安排听证")
    public static let hearingSummary = FactKey<String>("hearingSummary", "听证情况（调查人员提出的事实、证据、处罚建议，当事人申辩和质证）")
    public static let inspectedObject = FactKey<String>("inspectedObject", "检查对象")
    public static let inspectionSource = FactKey<String>("inspectionSource", "检查来源")
    public static let instalments = FactKey<Double>("instalments", "分期数")
    public static let lateFine = FactKey<Money>("lateFine", "加处罚款（元）")
    public static let legalReviewReasons = FactKey<[String]>("legalReviewReasons", "应当法制审核的事由（第五十八条）")
    public static let lifeHealthOrFinance = FactKey<Bool>("lifeHealthOrFinance", "涉及公民生命健康安全、金融安全且有危害后果")
    public static let majorPublicInterest = FactKey<Bool>("majorPublicInterest", "涉及重大公共利益")
    public static let meetingConclusion = FactKey<String>("meetingConclusion", "讨论结论")
    public static let meetingOpinions = FactKey<String>("meetingOpinions", "讨论意见")
    public static let meetingParticipants = FactKey<[String]>("meetingParticipants", "参加人员")
    public static let nonPublicReason = FactKey<String>("nonPublicReason", "不公开的理由（国家秘密、商业秘密或者个人隐私）")
    public static let noticeMethod = FactKey<String>("noticeMethod", "告知方式")
    public static let notifiedRound = FactKey<Double>("notifiedRound", "告知时的拟处罚轮次")
    public static let objectAddress = FactKey<String>("objectAddress", "检查地点")
    public static let outcome = CaseColumns.outcome
    public static let outsideBenchmarkReason = FactKey<String>("outsideBenchmarkReason", "不按裁量基准的理由")
    public static let paidAmount = FactKey<Money>("paidAmount", "缴纳金额（元）")
    public static let paidOn = FactKey<CivilDate>("paidOn", "缴纳日期")
    public static let partyAddress = FactKey<String>("partyAddress", "住所或地址")
    public static let partyAppeared = FactKey<Bool>("partyAppeared", "当事人到场")
    public static let partyIDNumber = FactKey<String>("partyIDNumber", "身份证号或统一社会信用代码")
    public static let partyKind = FactKey<String>("partyKind", "当事人类型")
    public static let partyName = FactKey<String>("partyName", "当事人")
    public static let partyPhone = FactKey<String>("partyPhone", "联系电话")
    public static let partySignature = FactKey<String>("partySignature", "被检查人签名")
    public static let paymentVoucher = FactKey<String>("paymentVoucher", "银行或者电子支付缴款凭证号")
    public static let penaltyBasis = FactKey<String>("penaltyBasis", "处罚依据")
    public static let penaltyKinds = FactKey<[String]>("penaltyKinds", "处罚种类")
    public static let performBy = FactKey<String>("performBy", "履行方式和期限")
    public static let powerItemCode = CaseColumns.powerItemCode
    public static let preservationReason = FactKey<String>("preservationReason", "证据可能灭失或者以后难以取得的情形")
    public static let preservedItems = FactKey<String>("preservedItems", "登记保存的物品")
    public static let proposalRound = FactKey<Double>("proposalRound", "拟处罚轮次")
    public static let proposedFine = FactKey<Money>("proposedFine", "拟罚款（元）")
    public static let proposedKinds = FactKey<[String]>("proposedKinds", "拟处罚种类")
    public static let publicationRequired = FactKey<Bool>("publicationRequired", "应当公示（第四十八条）")
    public static let published = FactKey<Bool>("published", "已公示")
    public static let receiptNumber = FactKey<String>("receiptNumber", "接收回执或立案文书号")
    public static let receivingOrgan = FactKey<String>("receivingOrgan", "接收机关")
    public static let recheckFindings = FactKey<String>("recheckFindings", "复查情况")
    public static let recipient = FactKey<String>("recipient", "受送达人")
    public static let rectifyBy = FactKey<CivilDate>("rectifyBy", "整改期限")
    public static let recusalGranted = FactKey<Bool>("recusalGranted", "决定回避")
    public static let recusalOfficer = FactKey<String>("recusalOfficer", "申请回避的执法人员")
    public static let recusalReason = FactKey<String>("recusalReason", "理由")
    public static let recused = FactKey<[String]>("recused", "回避的人员")
    public static let referralReason = FactKey<String>("referralReason", "立案理由")
    public static let remoteArea = FactKey<Bool>("remoteArea", "边远、水上、交通不便地区，当事人提出")
    public static let result = FactKey<String>("result", "检查结果")
    public static let returnReason = FactKey<String>("returnReason", "退回理由及文书号")
    public static let reviewOpinion = FactKey<String>("reviewOpinion", "审核意见")
    public static let reviewPassedRound = FactKey<Double>("reviewPassedRound", "法制审核通过时的拟处罚轮次")
    public static let seriousViolation = FactKey<Bool>("seriousViolation", "情节复杂或者重大违法")
    public static let serviceMethod = FactKey<String>("serviceMethod", "送达方式")
    public static let source = FactKey<String>("source", "案件来源")
    public static let statement = FactKey<String>("statement", "当事人陈述、申辩意见")
    public static let statementAdopted = FactKey<String>("statementAdopted", "复核结论")
    public static let statementAnswer = FactKey<String>("statementAnswer", "复核理由")
    public static let summary = FactKey<String>("summary", "案情摘要")
    public static let suspectedCrime = FactKey<Bool>("suspectedCrime", "涉嫌犯罪")
    public static let transferFeedback = FactKey<String>("transferFeedback", "反馈情况")
    public static let transferNumber = FactKey<String>("transferNumber", "移送书文号")
    public static let transferReason = FactKey<String>("transferReason", "涉嫌犯罪的事实和理由")
    public static let violationContinuing = FactKey<Bool>("violationContinuing", "违法行为有连续或者继续状态")
    public static let violationFacts = FactKey<String>("violationFacts", "违法事实")
    public static let violationOn = FactKey<CivilDate>("violationOn", "违法行为发生日期")
    public static let waived = FactKey<Bool>("waived", "当事人放弃陈述申辩")
    public static let waiverDocument = FactKey<String>("waiverDocument", "书面放弃声明（签名日期、内容）")
    public static let withdrawalReason = FactKey<String>("withdrawalReason", "公开说明的理由")
    public static let withdrawn = FactKey<Bool>("withdrawn", "已撤回公示")

    public static let filedOn = FactKey<CivilDate>("filedOn", "立案日期")
    public static let notifiedOn = FactKey<CivilDate>("notifiedOn", "告知日期")
    public static let servedOn = FactKey<CivilDate>("servedOn", "送达日期")
    public static let daysUnderReconsideration = FactKey<Double>("daysUnderReconsideration", "本系统复议期间天数（不计加处罚款）")
    public static let publishedOn = FactKey<CivilDate>("publishedOn", "公示日期")
    public static let withdrawnOn = FactKey<CivilDate>("withdrawnOn", "撤回公示日期")
    /// Every key the module reads or writes, for the definition check (`ProcedureModule.problems`).
    public static let discoveredOn = FactKey<CivilDate>("discoveredOn", "发现违法行为之日")
    public static let violationEndedOn = FactKey<CivilDate>("violationEndedOn", "违法行为终了之日（连续或者继续状态）")
    public static let demandMethod = FactKey<String>("demandMethod", "催告书送达方式")
    public static let demandContent = FactKey<String>("demandContent", "催告的履行义务、期限、方式和依法享有的陈述申辩权")
    public static let demandServedOn = FactKey<CivilDate>("demandServedOn", "催告书送达之日")
    public static let reviewPeriodsEnd = FactKey<CivilDate>("reviewPeriodsEnd", "复议、诉讼期限届满之日")
    public static let reviewConcluded = FactKey<Bool>("reviewConcluded", "当事人已申请复议或者提起诉讼，决定维持且已生效")
    public static let reviewConcludedDocument = FactKey<String>("reviewConcludedDocument", "维持的复议决定书或者生效裁判文书号")
    public static let enforcementPower = FactKey<String>("enforcementPower", "法律授予本机关强制执行权的依据")
    public static let enforcedDirectly = FactKey<Bool>("enforcedDirectly", "行政机关依法自行强制执行")
    public static let partyInformed = FactKey<Bool>("partyInformed", "已告知违法事实、处罚理由和依据及陈述申辩权利")
    public static let partyStatement = FactKey<String>("partyStatement", "当事人的陈述、申辩（放弃的写明“放弃”）")
    public static let measureValue = FactKey<Double>("measureValue", "裁量因素数值")
    public static let illegalGains = FactKey<Money>("illegalGains", "违法所得（元）")
    public static let goodsValue = FactKey<Money>("goodsValue", "货值金额（元）")
    public static let ageAtViolation = FactKey<Double>("ageAtViolation", "违法行为时的年龄")
    public static let minorCorrectedNoHarm = FactKey<Bool>("minorCorrectedNoHarm", "违法行为轻微并及时改正，没有造成危害后果")
    public static let firstViolation = FactKey<Bool>("firstViolation", "初次违法且危害后果轻微并及时改正")
    public static let noSubjectiveFault = FactKey<Bool>("noSubjectiveFault", "当事人有证据足以证明没有主观过错")
    public static let mitigating = FactKey<[String]>("mitigating", "应当从轻或者减轻处罚的情形")
    public static let emergencyBreach = FactKey<Bool>("emergencyBreach", "突发事件期间违反应对措施")
    public static let benchmarkArticles = FactKey<[String]>("benchmarkArticles", "裁量依据")
    public static let benchmarkReasons = FactKey<[String]>("benchmarkReasons", "裁量理由")
    /// 双随机: the draw task, the target's code and the inspectors the draw assigned (执法证号).
    public static let drawTask = FactKey<String>("drawTask", "双随机抽查任务")
    public static let objectCode = FactKey<String>("objectCode", "检查对象统一社会信用代码")
    public static let assignedInspectors = FactKey<[String]>("assignedInspectors", "随机选派的检查人员（执法证号）")
    /// 拟立案: the officer's draft of the 立案审批表 (when, by whom, and the 承办人意见) for the head to approve.
    public static let filingDraftedOn = FactKey<CivilDate>("filingDraftedOn", "拟立案日期")
    public static let filingDrafter = FactKey<String>("filingDrafter", "承办人")
    public static let filingOpinion = FactKey<String>("filingOpinion", "承办人意见")
    public static let filingDeclinedOn = FactKey<CivilDate>("filingDeclinedOn", "不予立案日期")
    /// 部门联合抽查: the joint task (its id) whose departments inspect the target on one visit.
    public static let jointTask = FactKey<String>("jointTask", "部门联合抽查任务")
    public static let resultPublishedOn = FactKey<CivilDate>("resultPublishedOn", "抽查结果公示日期")
    public static let resultPublishedLate = FactKey<Bool>("resultPublishedLate", "抽查结果逾期公示")
    public static let publicationChannel = FactKey<String>("publicationChannel", "公示途径")
    public static let all: [AnyFactKey] = [
        drawTask.any, objectCode.any, assignedInspectors.any, jointTask.any, filingDraftedOn.any, filingDrafter.any,
        filingOpinion.any, filingDeclinedOn.any, resultPublishedOn.any,
        resultPublishedLate.any,
        publicationChannel.any,
        measureValue.any, illegalGains.any, goodsValue.any, ageAtViolation.any, minorCorrectedNoHarm.any,
        firstViolation.any, noSubjectiveFault.any, mitigating.any, emergencyBreach.any, benchmarkArticles.any,
        benchmarkReasons.any,
        discoveredOn.any,
        violationEndedOn.any,
        demandMethod.any,
        demandContent.any,
        demandServedOn.any,
        reviewPeriodsEnd.any,
        reviewConcluded.any,
        reviewConcludedDocument.any,
        enforcementPower.any,
        enforcedDirectly.any,
        partyInformed.any,
        partyStatement.any,
        approvalDocument.any,
        benchmarkCode.any,
        benchmarkMax.any,
        benchmarkMin.any,
        benchmarkTier.any,
        certificateShown.any,
        changeDocument.any,
        changeKind.any,
        changedOn.any,
        checkedItems.any,
        closingSummary.any,
        collectiveRequired.any,
        complexCase.any,
        confiscationValue.any,
        crimeReason.any,
        daysUnderReview.any,
        decidedFine.any,
        decidedKinds.any,
        decidedOn.any,
        decisionChanged.any,
        decisionNumber.any,
        decisionPeriodDays.any,
        decisionReasons.any,
        defended.any,
        deferredUntil.any,
        discussedRound.any,
        disposal.any,
        electronicConsent.any,
        enforcementMeasure.any,
        evidenceFiles.any,
        evidenceKind.any,
        evidenceSummary.any,
        extendedDays.any,
        extensionBasis.any,
        filed.any,
        filingNote.any,
        findings.any,
        fineAmount.any,
        formNumber.any,
        handoverReceipt.any,
        hardToEnforce.any,
        hardshipReason.any,
        heard.any,
        hearingChair.any,
        hearingChairOfficerID.any,
        hearingDate.any,
        hearingPlace.any,
        hearingPublic.any,
        hearingRecordCited.any,
        hearingRecordSigned.any,
        hearingRequest.any,
        hearingRequested.any,
        hearingRight.any,
        hearingScheduled.any,
        hearingSummary.any,
        inspectedObject.any,
        inspectionSource.any,
        instalments.any,
        lateFine.any,
        legalReviewReasons.any,
        lifeHealthOrFinance.any,
        majorPublicInterest.any,
        meetingConclusion.any,
        meetingOpinions.any,
        meetingParticipants.any,
        nonPublicReason.any,
        noticeMethod.any,
        notifiedRound.any,
        objectAddress.any,
        outcome.any,
        outsideBenchmarkReason.any,
        paidAmount.any,
        paidOn.any,
        partyAddress.any,
        partyAppeared.any,
        partyIDNumber.any,
        partyKind.any,
        partyName.any,
        partyPhone.any,
        partySignature.any,
        paymentVoucher.any,
        penaltyBasis.any,
        penaltyKinds.any,
        performBy.any,
        powerItemCode.any,
        preservationReason.any,
        preservedItems.any,
        proposalRound.any,
        proposedFine.any,
        proposedKinds.any,
        publicationRequired.any,
        published.any,
        receiptNumber.any,
        receivingOrgan.any,
        recheckFindings.any,
        recipient.any,
        rectifyBy.any,
        recusalGranted.any,
        recusalOfficer.any,
        recusalReason.any,
        recused.any,
        referralReason.any,
        remoteArea.any,
        result.any,
        returnReason.any,
        reviewOpinion.any,
        reviewPassedRound.any,
        seriousViolation.any,
        serviceMethod.any,
        source.any,
        statement.any,
        statementAdopted.any,
        statementAnswer.any,
        summary.any,
        suspectedCrime.any,
        transferFeedback.any,
        transferNumber.any,
        transferReason.any,
        violationContinuing.any,
        violationFacts.any,
        violationOn.any,
        waived.any,
        waiverDocument.any,
        withdrawalReason.any,
        withdrawn.any,
        filedOn.any,
        notifiedOn.any,
        servedOn.any,
        daysUnderReconsideration.any,
        publishedOn.any,
        withdrawnOn.any,
    ]
}
