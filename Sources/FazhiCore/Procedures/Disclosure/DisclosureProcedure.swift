import Foundation

/// 依申请公开政府信息 (《中华人民共和国政府信息公开条例》第四章), as data: a request received by one of the channels of
/// 第三十一条 and answered within 20 working days of receipt (第三十三条) — once sent back for correction within 7 working
/// days (第三十条, the period then running again from the corrected request), once extended by at most 20 working days with
/// the office head's approval (第三十三条第二款), with the time a third party (第三十二条) or another body (第三十四条) takes
/// to give its opinion not counted — by one of the answers of 第三十六条, each with its ground and a rights notice; a
/// 复议 or court order to answer again reopens it with the period the order sets.
public enum DisclosureProcedure {
    public static let id = "disclosure"
    public static let version = 1

    /// Its states (阶段), each declared once.
    public enum State {
        public static let new = ProcedureState("new", "待登记")
        public static let received = ProcedureState("received", "办理中")
        public static let correcting = ProcedureState("correcting", "待申请人补正")
        public static let consulting = ProcedureState("consulting", "征求意见中（不计入答复期限）")
        public static let awaitingFee = ProcedureState("awaitingFee", "待缴纳信息处理费（不计入答复期限）")
        public static let answered = ProcedureState("answered", "已答复", terminal: true)
        public static let abandoned = ProcedureState("abandoned", "视为放弃申请", terminal: true)
    }

    /// Its steps (步骤) by id, each declared once.
    public enum Step {
        public static let register = "register"
        public static let requestCorrection = "request_correction"
        public static let receiveCorrection = "receive_correction"
        public static let deemAbandoned = "deem_abandoned"
        public static let consult = "consult"
        public static let recordOpinion = "record_opinion"
        public static let consultationLapsed = "consultation_lapsed"
        public static let recordConsultationReceived = "record_consultation_received"
        public static let notifyFee = "notify_fee"
        public static let recordFeePaid = "record_fee_paid"
        public static let feeLapsed = "fee_lapsed"
        public static let extend = "extend"
        public static let deferExcessive = "defer_excessive"
        public static let answer = "answer"
        public static let reopen = "reopen"
        /// A 复议 decision or judgment of this system that changes, revokes or voids the answer records it here.
        public static let recordChange = DecisionChange.step
    }

    public static let states = [
        State.new, State.received, State.correcting, State.consulting, State.awaitingFee, State.answered,
        State.abandoned,
    ]
    static let staff: Set<Role> = [.disclosureStaff, .head]
    static let article = "政府信息公开条例"

    static func overdue(_ c: StepContext, _ key: String) -> Bool {
        guard let d = c.file.deadline(key), d.isRunning else { return false }
        return c.date > d.deadline.due
    }

    public static func definition(_ settings: ProcedureSettings) -> ProcedureDefinition {
        let actions: [ActionDefinition] =
            [
                ActionDefinition(
                    Step.register, "登记政府信息公开申请", from: [State.new.id], to: State.received.id, by: staff,
                    basis: "政府信息公开条例 第二十九条、第三十一条"
                )
                .asks(
                    .init("channel", "申请方式", .choice(Disclosure.channels)),
                    .init("applicantName", "申请人姓名或者名称", personName: true),
                    .init("applicantKind", "申请人类型", .choice(Disclosure.applicantKinds)),
                    .init("applicantIDNumber", "身份证件号码或统一社会信用代码", personal: true),
                    .init("applicantPhone", "联系电话", personal: true),
                    .init("applicantAddress", "通讯地址"),
                    .init("applicantEmail", "电子邮箱", required: false),
                    .init("informationDescription", "申请公开的政府信息（名称、文号或者便于查询的其他特征性描述）"),
                    .init("requestedForm", "获取信息的形式", .choice(Disclosure.forms)),
                    .init("delivery", "获取信息的方式", .choice(Disclosure.deliveries)),
                    .init(
                        "receivedOn", "收到申请之日（当面提交为提交之日；邮寄为签收之日；平信、互联网、传真为与申请人确认之日）", .date,
                        required: false),
                    .init("trackingNumber", "网上申请查询号", required: false, systemOnly: true)
                )
                .gate("政府信息公开条例 第三十一条", "收到申请之日不能晚于登记之日", field: "receivedOn") { c in
                    (c.inputs[DisclosureFact.receivedOn] ?? c.date) <= c.date
                }
                .gated(Disclosure.applicationChecks)
                .then(
                    .compute(writes: DisclosureFact.receivedOn, DisclosureFact.answerFrom, DisclosureFact.partyName) {
                        c in
                        let on = c.stepInputs[DisclosureFact.receivedOn] ?? c.date
                        return Facts([
                            DisclosureFact.receivedOn ~ on, DisclosureFact.answerFrom ~ on,
                            DisclosureFact.partyName ~ (c.inputs[DisclosureFact.applicantName] ?? ""),
                        ])
                    },
                    answerPeriod("政府信息公开条例 第三十三条第二款")
                )
                .produces(.disclosureReceipt),
                ActionDefinition(
                    Step.requestCorrection, "通知补正", from: [State.received.id], to: State.correcting.id, by: staff,
                    basis: "政府信息公开条例 第三十条"
                )
                .asks(
                    .init("correctionItems", "需要补正的事项（一次性列明）", .list),
                    .init("correctionWorkdays", "合理的补正期限（工作日）", .number)
                )
                .gate("政府信息公开条例 第三十条", "补正应当一次性告知，本申请已经通知过补正") { c in !sinceReopen(c.file, Step.requestCorrection) }
                .gate("政府信息公开条例 第三十条", "应当自收到申请之日起7个工作日内通知补正；已超过7个工作日，请依法答复") { c in
                    let from = c.file.facts[DisclosureFact.receivedOn] ?? c.date
                    return c.date
                        <= (try c.calendar.due(from: from, days: Disclosure.correctionNoticeWorkdays, unit: .workday))
                }
                .gate("政府信息公开条例 第三十条；上限为本地设置", "补正期限应为1至30个工作日的整数", field: "correctionWorkdays") { c in
                    Disclosure.wholeDays(c.inputs[DisclosureFact.correctionWorkdays], in: 1...30)
                }
                // 第三十条: the answer period runs "自行政机关收到补正的申请之日起" — it stops here and starts afresh then.
                .then(
                    .stopDeadline("answer"),
                    .startDeadline(
                        DeadlineRule(
                            "correction", "申请人补正", days: 10, .workday, article: "政府信息公开条例 第三十条",
                            daysFact: "correctionWorkdays", holder: .party))
                )
                .produces(.disclosureCorrectionNotice),
                ActionDefinition(
                    Step.receiveCorrection, "收到补正申请", from: [State.correcting.id], to: State.received.id, by: staff,
                    basis: "政府信息公开条例 第三十条"
                )
                .asks(
                    .init("correctionReceivedOn", "收到补正申请之日", .date),
                    .init("correctionSummary", "补正的内容"),
                    .init("lateCause", "逾期补正的正当理由（补正期限届满后收到的填写）", required: false)
                )
                .gate("政府信息公开条例 第三十条", "收到补正申请之日不能早于通知补正之日，也不能晚于登记之日", field: "correctionReceivedOn") { c in
                    let on = c.inputs[DisclosureFact.correctionReceivedOn]!
                    return on <= c.date && on >= (c.file.lastStep(Step.requestCorrection)?.on ?? on)
                }
                .gate("政府信息公开条例 第三十条", "补正期限已过：申请人无正当理由逾期不补正的，视为放弃申请；有正当理由的请写明", field: "lateCause") { c in
                    guard let d = c.file.deadline("correction"), d.isRunning,
                        c.inputs[DisclosureFact.correctionReceivedOn]! > d.deadline.due
                    else { return true }
                    return !(c.inputs[DisclosureFact.lateCause] ?? "").trimmed.isEmpty
                }
                .then(
                    .compute(writes: DisclosureFact.correctionLate, DisclosureFact.answerFrom) { c in
                        let on = c.inputs[DisclosureFact.correctionReceivedOn]!
                        return Facts([
                            DisclosureFact.correctionLate
                                ~ (c.file.deadline("correction").map { on > $0.deadline.due } ?? false),
                            DisclosureFact.answerFrom ~ on,
                        ])
                    },
                    .stopDeadline("correction"),
                    answerPeriod("政府信息公开条例 第三十条、第三十三条")
                ),
                ActionDefinition(
                    Step.deemAbandoned, "逾期未补正，视为放弃申请", from: [State.correcting.id], to: State.abandoned.id, by: staff,
                    basis: "政府信息公开条例 第三十条"
                )
                .asks(.init("noGoodCause", "申请人无正当理由逾期未补正", .bool))
                .gate("政府信息公开条例 第三十条", "补正期限尚未届满") { c in overdue(c, "correction") }
                .gate("政府信息公开条例 第三十条", "只有申请人无正当理由逾期不补正的，才视为放弃申请", field: "noGoodCause") {
                    $0.inputs.flag(DisclosureFact.noGoodCause)
                }
                .then(
                    .stopDeadline("correction"),
                    .compute(
                        writes: DisclosureFact.answerType, DisclosureFact.answerGround, DisclosureFact.answeredOn,
                        DisclosureFact.outcome
                    ) { c in
                        Facts([
                            DisclosureFact.answerType ~ "other", DisclosureFact.answerGround ~ "no_correction",
                            DisclosureFact.answeredOn ~ c.date, DisclosureFact.outcome ~ "other",
                        ])
                    }),
                ActionDefinition(
                    Step.consult, "书面征求意见（所需时间不计入答复期限）", from: [State.received.id], to: State.consulting.id,
                    by: staff, basis: "政府信息公开条例 第三十二条、第三十四条"
                )
                .asks(
                    .init("consultee", "征求意见对象", .choice(Disclosure.consultees)),
                    .init("consulteeName", "第三方或者机关名称（自然人姓名公开时隐去）", personName: true),
                    .init("consultationMatter", "征求意见的事项"),
                    .init("consultationReceivedOn", "对方收到征求意见书之日（当面交付的填写；邮寄的待签收后登记）", .date, required: false)
                )
                .gate("政府信息公开条例 第三十三条", "答复期限已过，征求意见不能补救逾期") { c in !overdue(c, "answer") }
                .gate("政府信息公开条例 第三十二条", "当面交付的，对方收到之日即本步骤之日；以后收到的，请签收后登记“征求意见书已送达对方”", field: "consultationReceivedOn")
                { c in
                    c.stepInputs[DisclosureFact.consultationReceivedOn].map { $0 == c.date } ?? true
                }
                .then(
                    .compute(writes: DisclosureFact.consultations) { c in
                        Facts([DisclosureFact.consultations ~ ((c.file.facts[DisclosureFact.consultations] ?? 0) + 1)])
                    },
                    // 第三十三条第三款: the time the consultation takes is not counted — the answer period stops with its days
                    // left and runs on when the opinion comes or the 15 working days pass.
                    .pauseDeadline("answer"),
                    // 15 working days "自收到征求意见书之日起": from the day the letter reached them, once known.
                    .startDeadline(
                        consultationPeriod, onlyIf: { $0.stepInputs[DisclosureFact.consultationReceivedOn] != nil })
                )
                .produces(.disclosureConsultation),
                ActionDefinition(
                    Step.recordConsultationReceived, "征求意见书已送达对方", from: [State.consulting.id], to: nil, by: staff,
                    basis: "政府信息公开条例 第三十二条、第三十四条"
                )
                .asks(.init("consultationReceivedOn", "对方收到征求意见书之日（以送达回证或者邮件签收日期为准）", .date))
                .gate("政府信息公开条例 第三十二条、第三十四条", "提出意见的期限已经起算") { c in c.file.deadline("consultation")?.isRunning != true }
                .gate("政府信息公开条例 第三十二条、第三十四条", "对方收到征求意见书之日不能早于发出之日，也不能晚于登记之日", field: "consultationReceivedOn") { c in
                    let on = c.inputs[DisclosureFact.consultationReceivedOn]!
                    return on <= c.date && on >= (c.file.lastStep(Step.consult)?.on ?? on)
                }
                .then(.startDeadline(consultationPeriod)),
                ActionDefinition(
                    Step.recordOpinion, "收到意见", from: [State.consulting.id], to: State.received.id, by: staff,
                    basis: "政府信息公开条例 第三十二条、第三十四条"
                )
                .asks(
                    .init("opinion", "意见", .choice(Array(Disclosure.opinions.prefix(2)))),
                    .init("opinionReason", "意见和理由", required: false),
                    .init("refusalReasonable", "第三方不同意公开的理由合理（第三十二条）", .bool, required: false)
                )
                .gate("政府信息公开条例 第三十二条", "第三方不同意公开的，应当记录其理由，以便判断是否合理", field: "opinionReason") { c in
                    c.inputs[DisclosureFact.opinion] != "refuse"
                        || !(c.inputs[DisclosureFact.opinionReason] ?? "").trimmed.isEmpty
                }
                .then(opinionEffects),
                ActionDefinition(
                    Step.consultationLapsed, "征求意见期满未提出意见", from: [State.consulting.id], to: State.received.id,
                    by: staff,
                    basis: "政府信息公开条例 第三十二条、第三十四条"
                )
                .gate("政府信息公开条例 第三十二条、第三十四条", "征求意见的15个工作日尚未起算或者尚未届满") { c in overdue(c, "consultation") }
                // 第三十二条: the body decides; 第三十四条: another body's silence counts as consent. The time not counted ends
                // with the 15 working days (the step is recorded the day after): the answer period runs on from their last day.
                .then(
                    .set("opinion", .text("silent")),
                    .compute(writes: DisclosureFact.consultationEndedOn) { c in
                        Facts([
                            DisclosureFact.consultationEndedOn
                                ~ (c.file.deadline("consultation")?.deadline.due ?? c.date)
                        ])
                    },
                    .stopDeadline("consultation"),
                    .resumeDeadline("answer", fromFact: "consultationEndedOn"),
                    thirdPartyRefusal
                ),
                ActionDefinition(
                    Step.extend, "延长答复期限", from: [State.received.id], to: nil, by: staff,
                    basis: "政府信息公开条例 第三十三条第二款"
                )
                .asks(
                    .init("extensionWorkdays", "延长的工作日数（最长20个工作日）", .number),
                    .init("extensionReason", "延期理由"),
                    .init("extensionApprovedBy", "同意延期的政府信息公开工作机构负责人"),
                    .init("applicantNotified", "已告知申请人延期", .bool)
                )
                .gate("政府信息公开条例 第三十三条第二款", "答复期限只能延长一次，本申请已经延长过") { c in !sinceReopen(c.file, Step.extend) }
                .gate("行政复议法 第六十四条", "重新答复的期限由复议决定或者判决确定，不适用延长") { c in !c.file.hasTaken(Step.reopen) }
                .gate("政府信息公开条例 第三十五条", "已经确定延迟答复的期限，不再延长答复期限") { c in !sinceReopen(c.file, Step.deferExcessive) }
                .gate("政府信息公开条例 第三十三条第二款", "答复期限已过，不能再延长") { c in !overdue(c, "answer") }
                .gate("政府信息公开条例 第三十三条第二款", "延长的期限应为1至20个工作日的整数（最长不得超过20个工作日）", field: "extensionWorkdays") { c in
                    Disclosure.wholeDays(
                        c.inputs[DisclosureFact.extensionWorkdays], in: 1...Disclosure.maxExtensionWorkdays)
                }
                .gate("政府信息公开条例 第三十三条第二款", "需要延长答复期限的，应当告知申请人", field: "applicantNotified") {
                    $0.inputs.flag(DisclosureFact.applicantNotified)
                }
                .then(
                    .extendDeadline(
                        key: "answer", name: "答复申请（已延长）", byFact: "extensionWorkdays", article: "政府信息公开条例 第三十三条第二款")
                )
                .produces(.disclosureExtensionNotice),
                ActionDefinition(
                    Step.deferExcessive, "确定延迟答复的合理期限（申请数量、频次明显超过合理范围）", from: [State.received.id], to: nil,
                    by: staff, basis: "政府信息公开条例 第三十五条"
                )
                .asks(
                    .init("excessiveVolume", "申请数量、频次明显超过合理范围", .bool),
                    .init("reasonRequested", "已要求申请人说明理由，认为理由合理", .bool),
                    .init("deferredUntil", "延迟答复至", .date),
                    .init("deferralNotified", "已告知申请人延迟答复的期限", .bool)
                )
                .gate("政府信息公开条例 第三十五条", "答复期限已过，不能再确定延迟答复的期限") { c in !overdue(c, "answer") }
                .gate("政府信息公开条例 第三十五条", "只有申请数量、频次明显超过合理范围的，才可以确定延迟答复的期限", field: "excessiveVolume") {
                    $0.inputs.flag(DisclosureFact.excessiveVolume)
                }
                .gate("政府信息公开条例 第三十五条", "应当先要求申请人说明理由，并认为理由合理", field: "reasonRequested") {
                    $0.inputs.flag(DisclosureFact.reasonRequested)
                }
                .gate("政府信息公开条例 第三十五条", "应当将延迟答复的合理期限告知申请人", field: "deferralNotified") {
                    $0.inputs.flag(DisclosureFact.deferralNotified)
                }
                .gate("政府信息公开条例 第三十五条", "延迟答复的期限应当晚于现行答复期限", field: "deferredUntil") { c in
                    guard let due = c.file.deadline("answer")?.deadline.due,
                        c.file.deadline("answer")?.isRunning == true
                    else { return false }
                    return c.inputs[DisclosureFact.deferredUntil]! > due
                }
                .then(
                    .stopDeadline("answer"),
                    .startDeadlineUntil(
                        key: "answer", name: "答复申请（延迟答复）", dateFact: "deferredUntil", article: "政府信息公开条例 第三十五条")),
            ] + feeSteps + [
                answerStep,
                ActionDefinition(
                    Step.recordChange, "登记答复被变更、撤销或者确认违法、无效", from: [State.answered.id], to: nil,
                    by: staff, basis: "行政复议法 第六十四条；行政诉讼法 第七十条"
                )
                .asks(
                    .init("changeKind", "变更情形", .choice(DecisionChange.kinds)),
                    .init("changeDocument", "复议决定书、判决书或者本机关决定的文号"),
                    .init("changedOn", "变更、撤销或者确认之日", .date)
                )
                .gate("行政复议法 第六十四条", "变更、撤销或者确认之日不能晚于登记之日", field: "changedOn") { c in
                    c.inputs[DecisionChange.on]! <= c.date
                }
                // A revoked answer is to be made again: the request waits for it (the order's own period is entered
                // when it is reopened; until then 20 working days from the decision are shown).
                .then(
                    .startDeadline(
                        DeadlineRule(
                            "redo", "按复议决定或者判决重新答复", days: Disclosure.answerWorkdays, .workday,
                            article: "行政复议法 第六十四条；行政诉讼法 第七十条", fromFact: "changedOn"),
                        onlyIf: { $0.inputs[DecisionChange.kind] == "revoked" })),
                ActionDefinition(
                    Step.reopen, "按复议决定或者判决重新答复", from: [State.answered.id], to: State.received.id, by: staff,
                    basis: "行政复议法 第六十四条；行政诉讼法 第七十条"
                )
                .asks(
                    .init("reviewCaseNumber", "行政复议决定书或者判决书文号"),
                    .init("orderReceivedOn", "收到责令重新答复的决定或者判决之日", .date),
                    .init("redoWorkdays", "决定或者判决限定的期限（工作日；未限定的按20个工作日）", .number, required: false)
                )
                .gate("行政复议法 第六十四条", "收到决定或者判决之日不能早于原答复之日，也不能晚于登记之日", field: "orderReceivedOn") { c in
                    let on = c.inputs[DisclosureFact.orderReceivedOn]!
                    return on <= c.date && on >= (c.file.facts[DisclosureFact.answeredOn] ?? on)
                }
                .gate("行政复议法 第六十四条", "重新答复的期限应为1至60个工作日的整数", field: "redoWorkdays") { c in
                    c.inputs[DisclosureFact.redoWorkdays].map { Disclosure.wholeDays($0, in: 1...60) } ?? true
                }
                .then(
                    .compute(writes: DisclosureFact.answerFrom, DisclosureFact.reopenings) { c in
                        Facts([
                            DisclosureFact.answerFrom ~ c.inputs[DisclosureFact.orderReceivedOn]!,
                            DisclosureFact.reopenings ~ ((c.file.facts[DisclosureFact.reopenings] ?? 0) + 1),
                        ])
                    },
                    .stopDeadline("redo"),
                    .startDeadline(
                        DeadlineRule(
                            "answer", "重新答复", days: Disclosure.answerWorkdays, .workday, article: "行政复议法 第六十四条",
                            fromFact: "answerFrom", daysFact: "redoWorkdays"))),
            ]
        var d = ProcedureDefinition(
            id: id, version: version, name: "政府信息公开申请", instrument: "《中华人民共和国政府信息公开条例》",
            initial: State.new.id, states: states, actions: actions, kind: .disclosure,
            opening: OpeningRule(
                staff, article: "政府信息公开条例 第四条",
                refusal: "只有本机关的政府信息公开工作人员或者负责人可以登记政府信息公开申请"),
            numbering: CaseNumbering("依申", issuer: .organisation), presentation: presentation)
        d.onExpiry = ["consultation": Step.consultationLapsed, "feePayment": Step.feeLapsed]
        d.rolesHeldAtBody = true
        d.statistics = statistics
        d.statistics?.summary = summary
        return d
    }

    /// 第三十三条: 20 working days from the day the answer period runs from (`answerFrom`).
    static func answerPeriod(_ article: String) -> Effect {
        .startDeadline(
            DeadlineRule(
                "answer", "答复申请", days: Disclosure.answerWorkdays, .workday, article: "政府信息公开条例 第三十三条",
                fromFact: "answerFrom"))
    }

    /// What an opinion changes: the consultation ends and the answer period runs on from the day it came.
    static let opinionEffects: [Effect] = [.stopDeadline("consultation"), .resumeDeadline("answer"), thirdPartyRefusal]

    /// 第三十二条: a third party's refusal binds the body only when its reasons are sound (an earlier consultation's
    /// binding refusal is kept).
    static let thirdPartyRefusal = Effect.compute(writes: DisclosureFact.thirdPartyRefused) { c in
        let refused =
            c.file.facts[DisclosureFact.consultee] == "third_party" && c.stepInputs[DisclosureFact.opinion] == "refuse"
            && c.stepInputs.flag(DisclosureFact.refusalReasonable)
        return Facts([
            DisclosureFact.thirdPartyRefused ~ (refused || c.file.facts.flag(DisclosureFact.thirdPartyRefused))
        ])
    }

    /// 第三十二条、第三十四条: 15 working days from the day the consultation letter reached them.
    static let consultationPeriod = DeadlineRule(
        "consultation", "对方提出意见", days: Disclosure.consultationWorkdays, .workday,
        article: "政府信息公开条例 第三十二条、第三十四条", fromFact: "consultationReceivedOn", holder: .other)

    /// Whether the step was taken since the request was last reopened (each answer after a 复议 order is its own round:
    /// one 补正, one extension).
    static func sinceReopen(_ f: CaseFile, _ action: String) -> Bool {
        let start = f.steps.lastIndex { $0.action == Step.reopen } ?? -1
        return f.steps.indices.contains { $0 > start && f.steps[$0].action == action }
    }
}
