import Foundation

/// 行政复议 (《中华人民共和国行政复议法》2023, 第三章 受理、第四章 审理、第五章 决定), as data: from the application
/// through 受理审查, 补正, the simple or ordinary procedure, 中止/恢复/终止, hearing and 复议委员会, to the decision,
/// its service and the follow-up. Each step cites its article; the 复议机构's staff take the steps, the 机构负责人
/// approves extensions and the switch of procedure.
public enum ReconsiderationProcedure {
    public static let id = "reconsideration"
    public static let version = 1

    /// Its states (阶段), each declared once: a state named anywhere else is one of these.
    public enum State {
        public static let applied = ProcedureState("applied", "申请待登记")
        public static let received = ProcedureState("received", "受理审查")
        public static let correcting = ProcedureState("correcting", "待补正")
        public static let accepted = ProcedureState("accepted", "审理中")
        public static let suspended = ProcedureState("suspended", "中止")
        public static let decided = ProcedureState("decided", "已决定（待送达）")
        public static let served = ProcedureState("served", "已生效（跟踪履行）")
        public static let closed = ProcedureState("closed", "已结案", terminal: true)
        public static let refused = ProcedureState("refused", "不予受理", terminal: true)
        public static let abandoned = ProcedureState("abandoned", "视为放弃申请", terminal: true)
        public static let terminated = ProcedureState("terminated", "终止", terminal: true)
        public static let dismissed = ProcedureState("dismissed", "驳回申请", terminal: true)
    }

    /// Its steps (步骤) by id, each declared once: a step named anywhere else is one of these.
    public enum Step {
        public static let register = "register"
        public static let requestCorrection = "request_correction"
        public static let recordCorrectionNoticeReceived = "record_correction_notice_received"
        public static let extendCorrection = "extend_correction"
        public static let receiveCorrection = "receive_correction"
        public static let deemAbandoned = "deem_abandoned"
        public static let accept = "accept"
        public static let deemAccepted = "deem_accepted"
        public static let refuse = "refuse"
        public static let switchToOrdinary = "switch_to_ordinary"
        public static let classify = "classify"
        public static let sendCopy = "send_copy"
        public static let recordCopyReceived = "record_copy_received"
        public static let recordAnswer = "record_answer"
        public static let hearParties = "hear_parties"
        public static let reviewInWriting = "review_in_writing"
        public static let scheduleHearing = "schedule_hearing"
        public static let recordHearing = "record_hearing"
        public static let consultCommittee = "consult_committee"
        public static let extendDecisionPeriod = "extend_decision_period"
        public static let suspend = "suspend"
        public static let resume = "resume"
        public static let terminate = "terminate"
        public static let dismiss = "dismiss"
        public static let decide = "decide"
        public static let serve = "serve"
        public static let issueOpinion = "issue_opinion"
        public static let recordOpinionReport = "record_opinion_report"
        public static let recordPerformance = "record_performance"
        public static let close = "close"
    }

    public static let states = [
        State.applied, State.received, State.correcting, State.accepted, State.suspended, State.decided, State.served,
        State.closed, State.refused, State.abandoned, State.terminated, State.dismissed,
    ]
    static let running: Set<String> = [State.received.id, State.correcting.id, State.accepted.id, State.suspended.id]
    static let staff: Set<Role> = [.reconsiderationStaff]
    /// Deadlines that stop when a case ends before a decision.
    static let allDeadlines = ["acceptance", "correction", "copy", "answer", "decision"]

    static func isSimple(_ f: Facts) -> Bool { f[ReconsiderationFact.track] == "simple" }

    public static func definition(_ settings: ProcedureSettings) -> ProcedureDefinition {
        let actions: [ActionDefinition] = [
            // MARK: 申请与受理审查
            ActionDefinition(
                Step.register, "登记行政复议申请", from: [State.applied.id], to: State.received.id, by: staff,
                basis: "行政复议法 第二十二条、第三十条"
            )
            .asks(
                .init("channel", "申请方式", .choice(Reconsideration.channels)),
                .init("applicantName", "申请人", personName: true),
                .init("thirdParties", "第三人（自然人姓名，公开时隐去）", .list, required: false, personName: true),
                .init("agents", "委托代理人（自然人姓名，公开时隐去）", .list, required: false, personName: true),
                .init("applicantKind", "申请人类型", .choice(Reconsideration.applicantKinds)),
                .init("applicantIDNumber", "身份证号或统一社会信用代码", required: false, personal: true),
                .init("applicantPhone", "联系电话", required: false, personal: true),
                .init("applicantAddress", "住所或通讯地址"),
                .init("respondent", "被申请人"),
                .init("actKind", "行政行为类别", .choice(Reconsideration.actKinds)),
                .init("actDescription", "被申请复议的行政行为（名称、文号）"),
                .init("actOn", "行政行为作出日期", .date, required: false),
                .init("learnedOn", "知道或者应当知道该行政行为之日", .date),
                .init("notToldOfRights", "行政机关未告知申请复议的权利、机关或期限", .bool, required: false),
                .init("rightsLearnedOn", "知道复议权利、机关和期限之日", .date, required: false),
                .init("realProperty", "涉及不动产", .bool, required: false),
                .init("actAmount", "涉及款额（元）", .amount, required: false),
                .init("enforcementDecisionNumber", "本系统内的行政处罚决定书文号", required: false),
                .init("requests", "行政复议请求"),
                .init("reasons", "事实和理由"),
                .init("attachments", "附件（证据材料 SHA-256）", .list, required: false),
                .init("trackingNumber", "网上申请查询号", required: false, systemOnly: true)
            )
            .looksUp(
                .caseByDecisionNumber(input: "enforcementDecisionNumber", into: Reconsideration.External.linkedCase)
            )
            // The number is the file the 被申请人 must hand over (第四十八条): it must be a decision in Fazhi, and theirs.
            .gate(
                "行政复议法 第四十八条", "本系统内没有该文号的行政处罚决定；不是本系统内作出的，请在“被申请复议的行政行为”中写明，此处不填", field: "enforcementDecisionNumber"
            ) { c in
                (c.inputs.text("enforcementDecisionNumber") ?? "").isEmpty
                    || c.external.text(Reconsideration.External.linkedCase) != nil
            }
            // 第十九条: the body that made the decision is the 被申请人 — for a 受委托组织's decision, its 委托机关.
            .gate("行政复议法 第十九条", "该文号的行政处罚决定不是被申请人作出的：请核对被申请人或者文号", field: "enforcementDecisionNumber") { c in
                guard c.external.text(Reconsideration.External.linkedCase) != nil else { return true }
                let respondent = c.inputs.text(ReconsiderationFact.respondent.id)?.trimmed
                let linked = Reconsideration.External.linkedCase
                return [c.external.text(linked + ".bodyName"), c.external.text(linked + ".principalName")].contains(
                    respondent)
            }
            .gate("行政复议法 第二十条第三款", "未告知复议权利的，须写明申请人知道复议权利、机关和期限之日", field: "rightsLearnedOn") { c in
                !c.inputs.flag(ReconsiderationFact.notToldOfRights)
                    || c.inputs[ReconsiderationFact.rightsLearnedOn] != nil
            }
            .gate("行政复议法 第二十条", "知道行政行为之日不能晚于收到申请之日", field: "learnedOn") { c in
                c.inputs[ReconsiderationFact.learnedOn]! <= c.date
            }
            .then(
                .compute(
                    writes: ReconsiderationFact.applicationDue, ReconsiderationFact.applicationDueEstimated,
                    ReconsiderationFact.applicationLate,
                    ReconsiderationFact.outerLimit, ReconsiderationFact.beyondOuterLimit
                ) { c in try applicationPeriod(c) },
                .compute(writes: ReconsiderationFact.receivedOn, ReconsiderationFact.linkedCaseID) { c in
                    Facts([
                        "receivedOn": .date(c.date),
                        "linkedCaseID": c.external[Reconsideration.External.linkedCase] ?? .text(""),
                    ])
                },
                .startDeadline(DeadlineRule("acceptance", "受理审查（逾期未决定视为受理）", days: 5, .workday, article: "行政复议法 第三十条"))
            )
            .produces(.applicationReceipt),
            ActionDefinition(
                Step.requestCorrection, "通知补正", from: [State.received.id], to: State.correcting.id, by: staff,
                basis: "行政复议法 第三十一条"
            )
            .asks(
                .init("correctionItems", "需要补正的事项（一次性列明）", .list),
                .init("noticeReceivedOn", "申请人收到补正通知之日（当场交付的填写；邮寄的待签收后登记）", .date, required: false)
            )
            .gate("行政复议法 第三十一条", "补正通知应当一次性载明需要补正的全部事项，本案已经通知过补正") { c in !c.file.hasTaken(Step.requestCorrection) }
            .gate("行政复议法 第三十一条", "应当自收到申请之日起五个工作日内通知补正；受理审查期限已过") { c in !overdue(c, "acceptance") }
            .gate("行政复议法 第三十一条", "当场交付的，收到补正通知之日即通知之日；以后收到的，请签收后登记“补正通知已送达申请人”", field: "noticeReceivedOn") { c in
                c.inputs[ReconsiderationFact.noticeReceivedOn].map { $0 == c.date } ?? true
            }
            // 第三十一条: the 10 working days run "自收到补正通知之日起" — from the applicant's receipt, not from sending.
            .then(.stopDeadline("acceptance"), correctionPeriod)
            .produces(.correctionNotice),
            ActionDefinition(
                Step.recordCorrectionNoticeReceived, "补正通知已送达申请人", from: [State.correcting.id], to: nil, by: staff,
                basis: "行政复议法 第三十一条"
            )
            .asks(.init("noticeReceivedOn", "申请人收到补正通知之日（以送达回证或者邮件签收日期为准）", .date))
            .gate("行政复议法 第三十一条", "补正期限已经起算") { c in c.file.deadline("correction") == nil }
            .gate("行政复议法 第三十一条", "收到补正通知之日不能早于通知之日，也不能晚于登记之日", field: "noticeReceivedOn") { c in
                let on = c.inputs[ReconsiderationFact.noticeReceivedOn]!
                return on <= c.date && on >= (c.file.lastStep(Step.requestCorrection)?.on ?? on)
            }
            .then(correctionPeriod),
            ActionDefinition(
                Step.extendCorrection, "延长补正期限（有正当理由）", from: [State.correcting.id], to: nil, by: staff,
                basis: "行政复议法 第三十一条"
            )
            .asks(
                .init("extraDays", "延长的工作日数", .number),
                .init("extensionReason", "正当理由")
            )
            .gate("行政复议法 第三十一条", "补正期限尚未起算（申请人收到补正通知后才起算），不需要延长") { c in
                c.file.deadline("correction")?.isRunning == true
            }
            .gate("行政复议法 第三十一条；上限为本地设置", "延长的工作日数应为1至30", field: "extraDays") { c in
                (1...30).contains(Int(c.inputs[ReconsiderationFact.extraDays] ?? 0))
            }
            .then(
                .compute(writes: ReconsiderationFact.correctionDue) { c in
                    let due = try c.calendar.extended(
                        c.file.deadline("correction")!.deadline, by: Int(c.inputs[ReconsiderationFact.extraDays]!),
                        article: nil
                    ).due
                    return Facts(["correctionDue": .date(due)])
                },
                .extendDeadline(
                    key: "correction", name: "申请人补正（已延长）", byFact: "extraDays", article: "行政复议法 第三十一条")),
            ActionDefinition(
                Step.receiveCorrection, "收到补正材料", from: [State.correcting.id], to: State.received.id, by: staff,
                basis: "行政复议法 第三十一条"
            )
            .asks(
                .init("correctionSummary", "补正的材料"),
                .init("lateCause", "逾期补正的正当理由（补正期限届满后才交邮或者送到的填写）", required: false)
            )
            .recordsFiling()
            // 第三十一条: material after the period without good cause means the application is deemed abandoned.
            .gate("行政复议法 第三十一条", "补正期限已过（以交邮日期为准）：无正当理由逾期不补正的，视为申请人放弃行政复议申请；有正当理由的请写明", field: "lateCause") { c in
                guard let d = c.file.deadline("correction"), d.isRunning, Posting.filedOn(c) > d.deadline.due else {
                    return true
                }
                return !(c.inputs[ReconsiderationFact.lateCause] ?? "").isEmpty
            }
            // 补正所用时间不计入审查期限: the 5 working days run again from the day the material arrives (see the note in
            // ISSUES: a reading of 第三十一条 to confirm).
            .then(
                // Posted before the period ended, it is in time (民事诉讼法 第八十五条第四款); late material is recorded as late.
                .compute(writes: ReconsiderationFact.correctionLate) { c in
                    Facts([
                        ReconsiderationFact.correctionLate
                            ~ (c.file.deadline("correction").map { Posting.filedOn(c) > $0.deadline.due } ?? false)
                    ])
                }
            )
            .then(
                .stopDeadline("correction"),
                .startDeadline(
                    DeadlineRule("acceptance", "受理审查（逾期未决定视为受理）", days: 5, .workday, article: "行政复议法 第三十条、第三十一条"))),
            ActionDefinition(
                Step.deemAbandoned, "逾期未补正，视为放弃申请", from: [State.correcting.id], to: State.abandoned.id, by: staff,
                basis: "行政复议法 第三十一条"
            )
            .asks(.init("noGoodCause", "申请人无正当理由逾期未补正", .bool))
            .gate("行政复议法 第三十一条", "补正期限尚未届满") { c in overdue(c, "correction") }
            .gate("行政复议法 第三十一条", "申请人有正当理由的，应当延长补正期限而不是视为放弃", field: "noGoodCause") {
                $0.inputs.flag(ReconsiderationFact.noGoodCause)
            }
            .then(.stopDeadline("correction")),
            ActionDefinition(
                Step.accept, "受理", from: [State.received.id], to: State.accepted.id, by: staff, basis: "行政复议法 第三十条"
            )
            .asks(
                .init("track", "审理程序", .choice([.init("ordinary", "普通程序"), .init("simple", "简易程序")])),
                .init("simpleGround", "适用简易程序的情形", .choice(Reconsideration.simpleGrounds), required: false),
                .init("timelinessAnswer", "对申请期限的审查意见", required: false)
            )
            .gate("行政复议法 第三十条", "受理审查期限已过：依法视为受理，请登记“视为受理”") { c in !overdue(c, "acceptance") }
            .gate("行政复议法 第二十一条", "自行政行为作出之日起已超过五年（涉及不动产的二十年），行政复议机关不予受理（该期限没有例外）") { c in
                !c.file.facts.flag(ReconsiderationFact.beyondOuterLimit)
            }
            .gate(
                "行政复议法 第二十条", "申请超过法定申请期限，受理时须写明对申请期限的审查意见（如不可抗力、正当理由耽误的期限不计算在内）", field: "timelinessAnswer"
            ) { c in
                !c.file.facts.flag(ReconsiderationFact.applicationLate)
                    || !(c.inputs[ReconsiderationFact.timelinessAnswer] ?? "").isEmpty
            }
            .gate("行政复议法 第五十三条", "适用简易程序须写明第五十三条规定的情形", field: "simpleGround") { c in
                c.inputs[ReconsiderationFact.track] != "simple" || c.inputs[ReconsiderationFact.simpleGround] != nil
            }
            .gate("行政复议法 第五十三条第一款第三项", "案件涉及款额超过三千元，不能以“款额三千元以下”适用简易程序", field: "simpleGround") { c in
                c.inputs[ReconsiderationFact.simpleGround] != "small_amount"
                    || (c.file.facts[ReconsiderationFact.actAmount].map { $0 <= Reconsideration.simpleAmountMax }
                        ?? false)
            }
            .gate("行政复议法 第五十三条第一款第二项", "被申请的行政行为不是警告或者通报批评", field: "simpleGround") { c in
                c.inputs[ReconsiderationFact.simpleGround] != "warning"
                    || c.file.facts[ReconsiderationFact.actKind] == "warning"
            }
            .gate("行政复议法 第五十三条第一款第一项", "被申请的行政行为不是当场作出的", field: "simpleGround") { c in
                c.inputs[ReconsiderationFact.simpleGround] != "on_spot"
                    || c.file.facts[ReconsiderationFact.actKind] == "on_spot"
            }
            .gate("行政复议法 第五十三条第一款第四项", "本案不是政府信息公开案件", field: "simpleGround") { c in
                c.inputs[ReconsiderationFact.simpleGround] != "info_disclosure"
                    || c.file.facts[ReconsiderationFact.actKind] == "info_disclosure"
            }
            .then(
                .stopDeadline("acceptance"),
                .compute(writes: ReconsiderationFact.acceptedOn, ReconsiderationFact.deemedAccepted) { c in
                    Facts(["acceptedOn": .date(c.date), "deemedAccepted": .bool(false)])
                }
            )
            .then(reviewDeadlines(settings))
            .produces(.acceptanceNotice),
            ActionDefinition(
                Step.deemAccepted, "受理审查期满，视为受理", from: [State.received.id], to: State.accepted.id, by: staff,
                basis: "行政复议法 第三十条第三款"
            )
            .gate("行政复议法 第三十条第三款", "受理审查期限尚未届满") { c in overdue(c, "acceptance") }
            // 第三十条第三款 "审查期限届满之日起视为受理": accepted on the day the period ends (not the day after); the copy
            // and decision periods run from it, and the case is heard in the ordinary procedure.
            .then(
                .stopDeadline("acceptance"),
                .compute(
                    writes: ReconsiderationFact.acceptedOn, ReconsiderationFact.deemedAccepted,
                    ReconsiderationFact.track
                ) { c in
                    Facts([
                        "acceptedOn": .date(c.file.deadline("acceptance")!.deadline.due),
                        "deemedAccepted": .bool(true), "track": .text("ordinary"),
                    ])
                }
            )
            .then(reviewDeadlines(settings)),
            ActionDefinition(
                Step.refuse, "不予受理", from: [State.received.id], to: State.refused.id, by: staff, basis: "行政复议法 第三十条"
            )
            .asks(
                .init("refusalReasons", "不予受理的理由"),
                .init("competentBody", "有管辖权的行政复议机关（不属于本机关管辖的）", required: false)
            )
            .gate("行政复议法 第三十条", "不予受理决定应当在受理审查期限内作出；期限已过，依法视为受理") { c in !overdue(c, "acceptance") }
            .then(
                .stopDeadline("acceptance"),
                .compute(writes: ReconsiderationFact.refusedOn) { Facts(["refusedOn": .date($0.date)]) }
            )
            .produces(.refusalDecision),

            // MARK: 审理
            ActionDefinition(
                Step.switchToOrdinary, "简易程序转为普通程序", from: [State.accepted.id], to: nil, by: [.head],
                basis: "行政复议法 第五十五条"
            )
            .asks(.init("switchReason", "不宜适用简易程序的理由"))
            .gate("行政复议法 第五十五条", "本案已适用普通程序") { c in isSimple(c.file.facts) }
            // 60 days from acceptance instead of 30: the running period gains the difference at its nominal end, so days
            // under 中止 stay uncounted (第三十九条、第六十二条); with none running, 60 days from acceptance.
            .then(
                .set("track", .text("ordinary")), .set("switchedToOrdinary", .bool(true)),
                .set(
                    "switchExtraDays",
                    .number(Double(Reconsideration.ordinaryDecisionDays - Reconsideration.simpleDecisionDays))),
                .extendDeadline(
                    key: "decision", name: "作出行政复议决定", byFact: "switchExtraDays", article: "行政复议法 第六十二条第一款"),
                .startDeadline(
                    DeadlineRule(
                        "decision", "作出行政复议决定", days: Reconsideration.ordinaryDecisionDays, .day,
                        article: "行政复议法 第六十二条第一款", fromFact: "acceptedOn"),
                    onlyIf: { $0.file.deadline("decision")?.isRunning != true })),
            ActionDefinition(
                Step.classify, "认定案件情形", from: [State.accepted.id], to: nil, by: staff, basis: "行政复议法 第五十条、第五十二条"
            )
            .asks(
                .init("major", "重大、疑难、复杂案件", .bool, required: false),
                .init("technical", "专业性、技术性较强", .bool, required: false),
                .init("committeeNeeded", "行政复议机构认为有必要提请复议委员会咨询", .bool, required: false)
            )
            .then(
                .compute(writes: ReconsiderationFact.major, ReconsiderationFact.committeeRequired) { c in
                    let f = c.inputs
                    return Facts([
                        "major": .bool(f.flag(ReconsiderationFact.major)),
                        "committeeRequired": .bool(
                            f.flag(ReconsiderationFact.major) || f.flag(ReconsiderationFact.technical)
                                || f.flag(ReconsiderationFact.committeeNeeded)),
                    ])
                }),
            ActionDefinition(
                Step.sendCopy, "发送申请书副本（通知被申请人答复）", from: [State.accepted.id], to: nil, by: staff,
                basis: "行政复议法 第四十八条、第五十四条"
            )
            .asks(.init("copyReceivedOn", "被申请人收到申请书副本之日（当场交付或者已知的填写；否则待签收后登记）", .date, required: false))
            .gate("行政复议法 第四十八条", "申请书副本已经发送") { c in !c.file.hasTaken(Step.sendCopy) }
            .gate("行政复议法 第四十八条", "收到副本之日应为发送之日（当场交付）；以后收到的，请签收后登记“副本已送达”", field: "copyReceivedOn") { c in
                c.inputs[ReconsiderationFact.copyReceivedOn].map { $0 == c.date } ?? true
            }
            .then(
                .stopDeadline("copy"),
                .compute(writes: ReconsiderationFact.copySentOn) { Facts(["copySentOn": .date($0.date)]) }
            )
            .then(answerPeriod)
            .produces(.answerNotice),
            ActionDefinition(
                Step.recordCopyReceived, "申请书副本已送达被申请人", from: [State.accepted.id], to: nil, by: staff,
                basis: "行政复议法 第四十八条、第五十四条"
            )
            .asks(.init("copyReceivedOn", "被申请人收到申请书副本之日（以送达回证或者邮件签收日期为准）", .date))
            .gate("行政复议法 第四十八条", "尚未发送申请书副本") { c in c.file.hasTaken(Step.sendCopy) }
            .gate("行政复议法 第四十八条", "答复期限已经起算") { c in c.file.deadline("answer") == nil }
            .gate("行政复议法 第四十八条", "已经收到被申请人的答复") { c in !c.file.hasTaken(Step.recordAnswer) }
            .gate("行政复议法 第四十八条", "收到副本之日不能早于发送之日，也不能晚于登记之日", field: "copyReceivedOn") { c in
                let on = c.inputs[ReconsiderationFact.copyReceivedOn]!
                return on <= c.date && on >= (c.file.facts[ReconsiderationFact.copySentOn] ?? on)
            }
            .then(answerPeriod),
            ActionDefinition(
                Step.recordAnswer, "收到被申请人答复和证据", from: [State.accepted.id, State.suspended.id], to: nil, by: staff,
                basis: "行政复议法 第四十八条、第四十四条"
            )
            .asks(
                .init("answerSummary", "答复要点"),
                .init("evidenceProduced", "提交了作出行政行为的证据、依据", .bool, required: false)
            )
            .recordsFiling()
            .gate("行政复议法 第四十八条", "尚未发送申请书副本") { c in c.file.hasTaken(Step.sendCopy) }
            .then(
                .compute(
                    writes: ReconsiderationFact.answeredOn, ReconsiderationFact.answerLate,
                    ReconsiderationFact.noEvidence
                ) { c in
                    // In time when posted before the period ended (民事诉讼法 第八十五条第四款); no period yet, never late.
                    let late = c.file.deadline("answer").map { Posting.filedOn(c) > $0.deadline.due } ?? false
                    return Facts([
                        "answeredOn": .date(Posting.filedOn(c)), "answerLate": .bool(late),
                        "noEvidence": .bool(late || !c.inputs.flag(ReconsiderationFact.evidenceProduced)),
                    ])
                }, .stopDeadline("answer")),
            ActionDefinition(
                Step.hearParties, "听取当事人意见", from: [State.accepted.id], to: nil, by: staff, basis: "行政复议法 第四十九条"
            )
            .asks(
                .init(
                    "hearingMethod", "方式",
                    .choice([.init("in_person", "当面"), .init("online", "互联网"), .init("phone", "电话")])),
                .init("opinionsSummary", "当事人意见")
            ),
            ActionDefinition(
                Step.reviewInWriting, "因当事人原因不能听取意见，书面审理", from: [State.accepted.id], to: nil, by: staff,
                basis: "行政复议法 第四十九条"
            )
            .asks(.init("writtenReviewReason", "当事人的原因（如经通知拒不到场、无法联系）及听取意见的尝试"))
            .then(.set("writtenReview", .bool(true))),
            ActionDefinition(
                Step.scheduleHearing, "决定听证并通知", from: [State.accepted.id], to: nil, by: staff,
                basis: "行政复议法 第五十条、第五十一条"
            )
            .asks(
                .init("hearingDate", "听证日期", .date),
                .init("hearingPlace", "听证地点"),
                .init("hearingChair", "主持人"),
                .init("hearingOfficers", "听证员（至少二人）", .list),
                .init("hearingClerk", "记录员")
            )
            .gate("行政复议法 第五十条第三款", "听证由一名行政复议人员任主持人，两名以上行政复议人员任听证员，一名记录员制作听证笔录", field: "hearingOfficers") { c in
                Set(c.inputs.list(ReconsiderationFact.hearingOfficers)).count >= 2
            }
            .gate("行政复议法 第五十一条", "应当在举行听证的五日前将听证的时间、地点和拟听证事项书面通知当事人", field: "hearingDate") { c in
                c.inputs[ReconsiderationFact.hearingDate]!
                    >= (try c.calendar.due(from: c.date, days: 5, unit: .workday))
            }
            .produces(.reconsiderationHearingNotice),
            ActionDefinition(
                Step.recordHearing, "听证笔录", from: [State.accepted.id], to: nil, by: staff, basis: "行政复议法 第五十条、第六十一条第二款"
            )
            .asks(
                .init("hearingSummary", "听证情况（质证、辩论）"),
                .init("hearingRecordSigned", "笔录经当事人签字", .bool)
            )
            .gate("行政复议法 第五十条", "尚未通知听证") { c in c.file.hasTaken(Step.scheduleHearing) }
            .gate("行政复议法 第五十一条", "听证日期未到") { c in
                c.file.facts[ReconsiderationFact.hearingDate].map { c.date >= $0 } ?? false
            }
            .then(.set("heard", .bool(true)))
            .produces(.reconsiderationHearingRecord),
            ActionDefinition(
                Step.consultCommittee, "提请行政复议委员会咨询", from: [State.accepted.id], to: nil, by: staff,
                basis: "行政复议法 第五十二条"
            )
            .asks(
                .init("committeeMembers", "参加咨询的委员", .list),
                .init("committeeOpinion", "咨询意见")
            )
            .looksUp(.committeeMembers(into: Reconsideration.External.committeeMembers))
            .gate("行政复议法 第五十二条；人数为本地设置", "参加咨询的委员少于本地规定的人数", field: "committeeMembers") { c in
                Set(c.inputs.list(ReconsiderationFact.committeeMembers)).count >= c.settings.committeeMinimum
            }
            .gate("行政复议法 第五十二条", "参加咨询的应当是本机关行政复议委员会的在任委员（先在“复议委员会”中登记）", field: "committeeMembers") { c in
                Set(c.inputs.list(ReconsiderationFact.committeeMembers)).isSubset(
                    of: Set(c.external.list(Reconsideration.External.committeeMembers)))
            }
            .then(.set("committeeConsulted", .bool(true)))
            .produces(.committeeOpinion),
            ActionDefinition(
                Step.extendDecisionPeriod, "延长审理期限", from: [State.accepted.id], to: nil, by: [.head],
                basis: "行政复议法 第六十二条第一款"
            )
            .asks(
                .init("extendedDays", "延长天数（不超过三十日）", .number),
                .init("extensionReason", "情况复杂、不能在规定期限内作出决定的理由"),
                .init("noticeDocument", "书面告知当事人的文书")
            )
            .gate("行政复议法 第六十二条第一款", "简易程序案件不能延长审理期限（须先转为普通程序）") { c in !isSimple(c.file.facts) }
            .gate("行政复议法 第六十二条第一款", "审理期限只能延长一次") { c in !c.file.hasTaken(Step.extendDecisionPeriod) }
            .gate("行政复议法 第六十二条第一款", "审理期限已经届满，不能再延长") { c in
                guard let d = c.file.deadline("decision"), d.isRunning else { return false }
                return c.date <= d.deadline.due
            }
            .gate("行政复议法 第六十二条第一款", "延长期限最多不得超过三十日", field: "extendedDays") { c in
                (1...Reconsideration.extensionMaxDays).contains(Int(c.inputs[ReconsiderationFact.extendedDays] ?? 0))
            }
            .then(
                // Added to the nominal end (not to an end already moved past a holiday), moved past a rest day once.
                .compute(writes: ReconsiderationFact.decisionDue) { c in
                    let due = try c.calendar.extended(
                        c.file.deadline("decision")!.deadline, by: Int(c.inputs[ReconsiderationFact.extendedDays]!),
                        article: nil
                    ).due
                    return Facts(["decisionDue": .date(due)])
                },
                .extendDeadline(
                    key: "decision", name: "作出行政复议决定（已延长）", byFact: "extendedDays", article: "行政复议法 第六十二条第一款")
            )
            .produces(.extensionNotice),
            ActionDefinition(
                Step.suspend, "中止审理", from: [State.accepted.id], to: State.suspended.id, by: staff, basis: "行政复议法 第三十九条"
            )
            .asks(.init("suspensionGround", "中止情形", .choice(Reconsideration.suspensionGrounds)))
            .then(
                .compute(writes: ReconsiderationFact.suspendedOn) { Facts(["suspendedOn": .date($0.date)]) },
                .pauseDeadline("decision"), .pauseDeadline("answer")
            )
            .produces(.suspensionNotice),
            ActionDefinition(
                Step.resume, "恢复审理", from: [State.suspended.id], to: State.accepted.id, by: staff,
                basis: "行政复议法 第三十九条第二款"
            )
            .asks(.init("resumeReason", "中止原因消除的情况"))
            .then(.resumeDeadline("decision"), .resumeDeadline("answer")),
            ActionDefinition(
                Step.terminate, "终止行政复议", from: running, to: State.terminated.id, by: staff, basis: "行政复议法 第四十一条"
            )
            .asks(
                .init("terminationGround", "终止情形", .choice(Reconsideration.terminationGrounds)),
                .init("settlementDocument", "和解协议或撤回申请书", required: false)
            )
            .gate(
                "行政复议法 第四十一条第五项", "中止满六十日且中止原因仍未消除的，才能以此终止（限第三十九条第一款第一项、第二项、第四项的中止情形）", field: "terminationGround"
            ) { c in
                guard c.inputs[ReconsiderationFact.terminationGround] == "suspension_60_days" else { return true }
                guard c.file.state == State.suspended.id,
                    Reconsideration.terminableSuspensions.contains(
                        c.file.facts[ReconsiderationFact.suspensionGround] ?? ""),
                    let from = c.file.facts[ReconsiderationFact.suspendedOn]
                else { return false }
                return c.date >= from.adding(days: 60)
            }
            .gate("行政复议法 第四十一条第一项", "撤回申请的，须附撤回申请书（和解后撤回的附和解协议，第七十四条）", field: "settlementDocument") { c in
                c.inputs[ReconsiderationFact.terminationGround] != "withdrawn"
                    || !(c.inputs[ReconsiderationFact.settlementDocument] ?? "").isEmpty
            }
            .then(
                allDeadlines.map { Effect.stopDeadline($0) } + [
                    .compute(writes: ReconsiderationFact.terminatedOn) { Facts(["terminatedOn": .date($0.date)]) }
                ]
            )
            .produces(.terminationDecision),

            ActionDefinition(
                Step.dismiss, "驳回行政复议申请（受理后发现不符合受理条件）", from: [State.accepted.id, State.suspended.id],
                to: State.dismissed.id, by: staff, basis: "行政复议法 第三十三条"
            )
            .asks(.init("dismissalReasons", "不符合第三十条第一款规定的受理条件的情形"))
            .then(
                allDeadlines.map { Effect.stopDeadline($0) } + [
                    .compute(writes: ReconsiderationFact.dismissedOn) { Facts(["dismissedOn": .date($0.date)]) }
                ]
            )
            .produces(.dismissalDecision),

            // MARK: 决定
            ActionDefinition(
                Step.decide, "作出行政复议决定", from: [State.accepted.id], to: State.decided.id, by: staff,
                basis: "行政复议法 第六十一条"
            )
            .asks(
                .init("outcome", "决定类型", .choice(Reconsideration.outcomes)),
                .init("decisionText", "决定主文"),
                .init("decisionReasons", "认定的事实和理由"),
                .init("approval", "审批方式", .choice([.init("head", "行政复议机关负责人同意"), .init("collective", "集体讨论通过")])),
                .init("approver", "批准人或集体讨论记录"),
                .init("changedAmount", "变更后的款额（元）", .amount, required: false),
                .init("changeWorsens", "变更后对申请人更为不利", .bool, required: false),
                .init("thirdPartyRequested", "第三人提出了相反请求", .bool, required: false),
                .init("thirdPartyEvidence", "行政行为涉及第三人合法权益，第三人提供了证据", .bool, required: false),
                .init("redoDays", "责令重新作出行政行为的期限（日）", .number, required: false),
                .init("performanceDays", "责令履行的期限（日）", .number, required: false),
                .init("mediationSigned", "调解书经双方当事人签字", .bool, required: false),
                // 第七十九条: decisions are published as the respondent's act was; one that may not be says why.
                .init("publicationWithheld", "不予公开的理由（涉及国家秘密、商业秘密、个人隐私等；公开的不填）", required: false)
            )
            .looksUp(.caseNumber(into: Reconsideration.External.caseNumber))
            .gate("行政复议法 第四十八条、第五十四条", "尚未将申请书副本发送被申请人，不能作出决定") { c in c.file.hasTaken(Step.sendCopy) }
            .gate("行政复议法 第四十九条", "普通程序审理应当听取当事人的意见（或者举行听证；因当事人原因不能听取的，登记书面审理）") { c in
                isSimple(c.file.facts) || c.file.hasTaken(Step.hearParties)
                    || c.file.facts.flag(ReconsiderationFact.heard)
                    || c.file.facts.flag(ReconsiderationFact.writtenReview)
            }
            .gate("行政复议法 第五十条第一款", "重大、疑难、复杂的案件应当组织听证") { c in
                !c.file.facts.flag(ReconsiderationFact.major) || c.file.facts.flag(ReconsiderationFact.heard)
            }
            .gate("行政复议法 第五十二条", "本案应当提请行政复议委员会提出咨询意见") { c in
                !c.file.facts.flag(ReconsiderationFact.committeeRequired)
                    || c.file.facts.flag(ReconsiderationFact.committeeConsulted)
            }
            .gate("行政复议法 第六十三条第二款", "变更决定不得作出对申请人更为不利的决定（第三人提出相反请求的除外）", field: "changedAmount") { c in
                guard c.inputs[ReconsiderationFact.outcome] == "change",
                    !c.inputs.flag(ReconsiderationFact.thirdPartyRequested)
                else { return true }
                if c.inputs.flag(ReconsiderationFact.changeWorsens) { return false }
                if let before = c.file.facts[ReconsiderationFact.actAmount],
                    let after = c.inputs[ReconsiderationFact.changedAmount]
                {
                    return after <= before
                }
                return true
            }
            .gate(
                "行政复议法 第七十条", "被申请人未按期答复、提交证据，视为该行政行为没有证据、依据：只能决定撤销、部分撤销、确认违法、确认无效或者责令履行（第三人提供证据的除外）", field: "outcome"
            ) {
                c in
                !noAnswer(c) || c.inputs.flag(ReconsiderationFact.thirdPartyEvidence)
                    || Reconsideration.noAnswerOutcomes.contains(c.inputs[ReconsiderationFact.outcome] ?? "")
            }
            .gate("行政复议法 第七十条", "本案没有登记第三人，不能以第三人提供证据为由", field: "thirdPartyEvidence") { c in
                !c.inputs.flag(ReconsiderationFact.thirdPartyEvidence)
                    || !c.file.facts.list(ReconsiderationFact.thirdParties).isEmpty
            }
            .gate("行政复议法 第七十三条", "调解书须经双方当事人签字", field: "mediationSigned") { c in
                c.inputs[ReconsiderationFact.outcome] != "mediation"
                    || c.inputs.flag(ReconsiderationFact.mediationSigned)
            }
            .gate("行政复议法 第六十四条；上限为本地设置", "责令重新作出行政行为的期限超出本地规定的范围", field: "redoDays") { c in
                c.inputs[ReconsiderationFact.redoDays].map { (1...c.settings.redoMaxDays).contains(Int($0)) } ?? true
            }
            .then(
                .stopDeadline("decision"), .stopDeadline("copy"), .stopDeadline("answer"),
                .compute(
                    writes: ReconsiderationFact.decidedOn, ReconsiderationFact.decisionNumber,
                    ReconsiderationFact.answerMissing
                ) { c in
                    Facts([
                        "decidedOn": .date(c.date),
                        "decisionNumber": c.external[Reconsideration.External.caseNumber] ?? .text(""),
                        "answerMissing": .bool(noAnswer(c)),
                    ])
                }
            )
            .produces(.reconsiderationDecision),
            ActionDefinition(
                Step.serve, "送达行政复议决定书", from: [State.decided.id], to: State.served.id, by: staff, basis: "行政复议法 第七十五条"
            )
            .asks(
                .init(
                    "serviceMethod", "送达方式",
                    .choice([
                        .init("direct", "直接送达"), .init("post", "邮寄送达"), .init("electronic", "电子送达（已同意）"),
                        .init("announcement", "公告送达"),
                    ])),
                .init("recipient", "受送达人", personName: true)
            )
            .recordsService(method: "serviceMethod")
            .then(
                // 第七十五条第二款: effective once served — on the day the method makes it (签收, 公告 + 30 日).
                .compute(writes: ReconsiderationFact.effectiveOn) { c in
                    Facts(["effectiveOn": .date(Service.servedOn(c, method: "serviceMethod"))])
                },
                .startDeadline(
                    DeadlineRule(
                        "redo", "被申请人重新作出行政行为", days: 0, .day, article: "行政复议法 第六十四条", fromFact: "effectiveOn",
                        daysFact: "redoDays", holder: .other),
                    onlyIf: { ($0.file.facts[ReconsiderationFact.redoDays] ?? 0) > 0 }),
                .startDeadline(
                    DeadlineRule(
                        "performance", "被申请人履行法定职责", days: 0, .day, article: "行政复议法 第六十六条", fromFact: "effectiveOn",
                        daysFact: "performanceDays", holder: .other),
                    onlyIf: { ($0.file.facts[ReconsiderationFact.performanceDays] ?? 0) > 0 })
            )
            .links { c in
                // A decision that changes, revokes or voids a penalty decision of this system: that case records it, and
                // its published decision must be withdrawn within 3 working days (行政处罚法 第四十八条第二款).
                guard
                    let kind = Reconsideration.changesPublishedDecision[
                        c.file.facts[ReconsiderationFact.outcome] ?? ""],
                    let id = c.file.facts[ReconsiderationFact.linkedCaseID].flatMap(UUID.init(uuidString:))
                else { return [] }
                return [
                    LinkedStep(
                        caseID: id, action: DecisionChange.step,
                        inputs: Facts([
                            DecisionChange.kind ~ kind,
                            DecisionChange.document ~ (c.file.facts[ReconsiderationFact.decisionNumber] ?? ""),
                            DecisionChange.on ~ c.date,
                        ]))
                ]
            }
            .produces(.serviceReceipt),

            // MARK: 跟踪
            ActionDefinition(
                Step.issueOpinion, "制发行政复议意见书", from: [State.decided.id, State.served.id], to: nil, by: staff,
                basis: "行政复议法 第七十六条"
            )
            .asks(
                .init("opinionTo", "意见书送达的机关"),
                .init("opinionContent", "纠正相关违法或者不当行政行为的意见")
            )
            .then(
                .startDeadline(
                    DeadlineRule(
                        "opinionReport", "收到意见书的机关报送纠正情况", days: Reconsideration.opinionReportDays, .day,
                        article: "行政复议法 第七十六条", holder: .other))
            )
            .produces(.opinionLetter),
            ActionDefinition(
                Step.recordOpinionReport, "收到意见书反馈", from: [State.decided.id, State.served.id, State.closed.id],
                to: nil,
                by: staff,
                basis: "行政复议法 第七十六条"
            )
            .asks(.init("reportSummary", "纠正情况"))
            .gate("行政复议法 第七十六条", "没有待反馈的意见书") { c in c.file.deadline("opinionReport")?.isRunning == true }
            .then(.stopDeadline("opinionReport")),
            ActionDefinition(
                Step.recordPerformance, "登记履行情况", from: [State.served.id], to: nil, by: staff,
                basis: "行政复议法 第七十七条、第七十八条"
            )
            .asks(
                .init("performed", "被申请人已履行", .bool),
                .init("performanceNote", "履行情况或者督促措施")
            )
            .then(
                .compute(writes: ReconsiderationFact.performedOn) { c in
                    c.inputs.flag(ReconsiderationFact.performed) ? Facts(["performedOn": .date(c.date)]) : Facts()
                },
                .stopDeadline("redo"), .stopDeadline("performance")),
            ActionDefinition(
                Step.close, "结案归档", from: [State.served.id], to: State.closed.id, by: staff, basis: "行政复议法 第七十五条、第七十七条"
            )
            .asks(.init("closingSummary", "结案意见"))
            .gate("行政复议法 第六十四条、第六十六条、第七十七条", "被申请人重新作出行政行为或者履行的期限尚未届满且未登记履行") { c in
                ["redo", "performance"].allSatisfy { c.file.deadline($0)?.isRunning != true || overdue(c, $0) }
            },
        ]
        var d = ProcedureDefinition(
            id: id, version: version, name: "行政复议", instrument: "《中华人民共和国行政复议法》", initial: State.applied.id,
            states: states,
            actions: actions,
            kind: .reconsideration,
            opening: OpeningRule(
                [.reconsiderationStaff, .head], article: "行政复议法 第四条",
                refusal: "只有行政复议机构的工作人员或负责人可以登记行政复议申请"),
            numbering: CaseNumbering("复", issuer: .governmentAbove), presentation: presentation)
        d.reviewOfCase = reviewOfCase
        d.actReview = actReview
        d.onExpiry = ["acceptance": Step.deemAccepted]
        d.statistics = statistics
        d.statistics?.summary = summary
        return d
    }

    /// Whether a running deadline of the case has passed on the step's day.
    static func overdue(_ c: StepContext, _ key: String) -> Bool {
        guard let d = c.file.deadline(key), d.isRunning else { return false }
        return c.date > d.deadline.due
    }

    /// 第七十条: the respondent answered late, produced no evidence, or the answer period has passed with no answer.
    static func noAnswer(_ c: StepContext) -> Bool {
        c.file.facts.flag(ReconsiderationFact.noEvidence)
            || (c.file.hasTaken(Step.sendCopy) && !c.file.hasTaken(Step.recordAnswer) && overdue(c, "answer"))
    }

    /// 第二十条、第二十一条: the application period and the outer limit, as facts the acceptance decision must address.
    static func applicationPeriod(_ c: StepContext) throws -> Facts {
        let f = c.inputs
        let learned = f[ReconsiderationFact.learnedOn]!
        var out = Facts()
        var estimated = false
        // The period only informs the acceptance decision; an application must be filed even when the calendar of the
        // year it ends in is not yet published: then the end is provisional (never later than the true end) and marked.
        func sixtyDays(from d: CivilDate) throws -> CivilDate {
            let dl = try c.calendar.procedureDeadline(from: d, days: Reconsideration.applicationDays, unit: .day)
            if dl.provisional == true { estimated = true }
            return dl.due
        }
        var due = try sixtyDays(from: learned)
        if f.flag(ReconsiderationFact.notToldOfRights), let rights = f[ReconsiderationFact.rightsLearnedOn] {
            // The period runs from learning of the rights, but ends at the latest one year after learning of the act.
            // 第二十条第三款's one year ends past a rest day, as every period (民事诉讼法 第八十五条, by 第八十八条).
            let cap = c.calendar.periodEnd(learned.addingYears(Reconsideration.untoldCapYears))
            due = max(due, min(try sixtyDays(from: rights), cap))
        }
        out["applicationDue"] = .date(due)
        out["applicationDueEstimated"] = .bool(estimated)
        out["applicationLate"] = .bool(c.date > due)
        if let act = f[ReconsiderationFact.actOn] {
            let years =
                f.flag(ReconsiderationFact.realProperty)
                ? Reconsideration.outerLimitYearsRealProperty : Reconsideration.outerLimitYears
            let limit = c.calendar.periodEnd(act.addingYears(years))
            out["outerLimit"] = .date(limit)
            out["beyondOuterLimit"] = .bool(c.date > limit)
        }
        return out
    }

    /// 第三十一条: the 10 working days to correct run from the applicant's receipt of the notice, once it is known.
    static let correctionPeriod = Effect.startDeadline(
        DeadlineRule(
            "correction", "申请人补正（无正当理由逾期视为放弃）", days: 10, .workday, article: "行政复议法 第三十一条",
            fromFact: "noticeReceivedOn", holder: .party),
        onlyIf: { $0.inputs[ReconsiderationFact.noticeReceivedOn] != nil })

    /// 第四十八条 (10 working days) / 第五十四条 (5, simple procedure): the answer period runs from the respondent's receipt
    /// of the copy, once it is known; until then it has not started (and 第七十条 cannot count against the respondent).
    static let answerPeriod: [Effect] = [
        .startDeadline(
            DeadlineRule(
                "answer", "被申请人提出书面答复并提交证据", days: 10, .workday, article: "行政复议法 第四十八条",
                fromFact: "copyReceivedOn", holder: .other),
            onlyIf: { !isSimple($0.file.facts) && $0.inputs[ReconsiderationFact.copyReceivedOn] != nil }),
        .startDeadline(
            DeadlineRule(
                "answer", "被申请人提出书面答复并提交证据", days: 5, .workday, article: "行政复议法 第五十四条",
                fromFact: "copyReceivedOn", holder: .other),
            onlyIf: { isSimple($0.file.facts) && $0.inputs[ReconsiderationFact.copyReceivedOn] != nil }),
    ]

    /// What acceptance starts: the copy to the respondent and the decision period, by procedure (第四十八条、第五十四条、第六十二条).
    static func reviewDeadlines(_ settings: ProcedureSettings) -> [Effect] {
        [
            .startDeadline(
                DeadlineRule("copy", "发送申请书副本", days: 7, .workday, article: "行政复议法 第四十八条", fromFact: "acceptedOn"),
                onlyIf: { !isSimple($0.facts) }),
            .startDeadline(
                DeadlineRule("copy", "发送申请书副本", days: 3, .workday, article: "行政复议法 第五十四条", fromFact: "acceptedOn"),
                onlyIf: { isSimple($0.facts) }),
            .startDeadline(
                DeadlineRule(
                    "decision", "作出行政复议决定", days: Reconsideration.ordinaryDecisionDays, .day, article: "行政复议法 第六十二条第一款",
                    fromFact: "acceptedOn"),
                onlyIf: { !isSimple($0.facts) }),
            .startDeadline(
                DeadlineRule(
                    "decision", "作出行政复议决定", days: Reconsideration.simpleDecisionDays, .day, article: "行政复议法 第六十二条第二款",
                    fromFact: "acceptedOn"),
                onlyIf: { isSimple($0.facts) }),
        ]
    }
}
