import Foundation

/// 行政处罚 普通程序 (《行政处罚法》第五章第三节、第四节; 第六章 执行), as data. Each step names who takes it, in
/// which states, what it asks for, the gates it must pass and the article behind each.
public enum PenaltyOrdinaryProcedure {
    public static let id = "penalty.ordinary"
    /// Bump when a rule changes; running cases keep the version they started with.
    public static let version = 1

    /// States, in the order a case normally runs.
    /// Its states (阶段), each declared once: a state named anywhere else is one of these.
    public enum State {
        public static let clue = ProcedureState("clue", "线索登记")
        public static let investigating = ProcedureState("investigating", "调查取证")
        public static let proposed = ProcedureState("proposed", "拟作处罚")
        public static let notified = ProcedureState("notified", "已告知（陈述申辩）")
        public static let hearing = ProcedureState("hearing", "听证")
        public static let decided = ProcedureState("decided", "已决定")
        public static let served = ProcedureState("served", "已送达（待履行）")
        public static let enforcing = ProcedureState("enforcing", "强制执行")
        public static let executed = ProcedureState("executed", "已履行")
        public static let transferred = ProcedureState("transferred", "已移送司法机关")
        public static let closed = ProcedureState("closed", "已结案", terminal: true)
    }

    /// Its steps (步骤) by id, each declared once: a step named anywhere else is one of these.
    public enum Step {
        public static let fileCase = "file_case"
        /// 拟立案: the officer fills in the 立案审批表 for the head to approve (立案 itself is the head's, 第五十四条).
        public static let draftFiling = "draft_filing"
        public static let declineFiling = "decline_filing"
        public static let extendDecisionPeriod = "extend_decision_period"
        public static let recordEvidence = "record_evidence"
        public static let preserveEvidence = "preserve_evidence"
        public static let disposePreserved = "dispose_preserved"
        public static let decideRecusal = "decide_recusal"
        public static let markSuspectedCrime = "mark_suspected_crime"
        public static let propose = "propose"
        public static let notify = "notify"
        public static let recordStatement = "record_statement"
        public static let waive = "waive"
        public static let requestHearing = "request_hearing"
        public static let scheduleHearing = "schedule_hearing"
        public static let holdHearing = "hold_hearing"
        public static let legalReviewPass = "legal_review_pass"
        public static let legalReviewReturn = "legal_review_return"
        public static let collectiveDiscussion = "collective_discussion"
        public static let decide = "decide"
        public static let serve = "serve"
        public static let approveDeferral = "approve_deferral"
        public static let recordPayment = "record_payment"
        public static let serveDemand = "serve_demand"
        public static let applyEnforcement = "apply_enforcement"
        public static let enforceDirectly = "enforce_directly"
        public static let publish = "publish"
        public static let recordChange = DecisionChange.step
        public static let withdrawPublication = "withdraw_publication"
        public static let transfer = "transfer"
        public static let transferAccepted = "transfer_accepted"
        public static let transferReturned = "transfer_returned"
        public static let close = "close"
    }

    public static let states = [
        State.clue, State.investigating, State.proposed, State.notified, State.hearing, State.decided, State.served,
        State.enforcing, State.executed, State.transferred, State.closed,
    ]
    static let active: Set<String> = [State.investigating.id, State.proposed.id, State.notified.id, State.hearing.id]
    static let decidedStates: Set<String> = [
        State.decided.id, State.served.id, State.enforcing.id, State.executed.id, State.closed.id,
    ]
    /// The 法制审核 steps: a reviewer who has taken one before is no longer 初次 (第五十八条第二款).
    static let reviewSteps = [Step.legalReviewPass, Step.legalReviewReturn]

    /// 拟立案: the officer drafts the 立案审批表 — the same items and checks as 立案 — and the case waits for the head, whose
    /// 立案 form starts from the draft (行政处罚法 第五十四条: 经行政机关负责人批准，立案). May be redone until approved.
    static func draftFiling(_ filing: ActionDefinition) -> ActionDefinition {
        var draft = ActionDefinition(
            Step.draftFiling, "拟立案（填写立案审批表，报负责人审批）", from: [State.clue.id], to: nil, by: [.officer],
            basis: "行政处罚法 第五十四条")
        draft.inputs = filing.inputs + [InputField("filingOpinion", "承办人意见（初步核查情况和立案理由）")]
        draft.gates = filing.gates
        draft.lookups = filing.lookups
        return draft.then(
            .compute(writes: EnforcementFact.filingDraftedOn, EnforcementFact.filingDrafter) { c in
                Facts([EnforcementFact.filingDraftedOn ~ c.date, EnforcementFact.filingDrafter ~ c.actor.name])
            })
    }

    public static func definition(_ settings: ProcedureSettings) -> ProcedureDefinition {
        let two = OfficerRule(minimum: 2, article: "行政处罚法 第四十二条、第五十五条")
        var actions: [ActionDefinition] = [
            // MARK: 立案
            ActionDefinition(
                Step.fileCase, "立案", from: [State.clue.id], to: State.investigating.id, by: [.head],
                basis: "行政处罚法 第五十四条"
            )
            .asks(
                .init(
                    "source", "案件来源",
                    .choice([
                        .init("complaint", "投诉举报"), .init("inspection", "检查发现"), .init("transfer", "移送"),
                        .init("random", "双随机抽查"), .init("other", "其他"),
                    ])),
                InputField("powerItemCode", "行政处罚事项编码").picking(.powerItemsOfCaseBody(.penalty)),
                .init("partyName", "当事人", personName: true),
                .init("partyKind", "当事人类型", .choice(Penalty.partyKinds)),
                .init("partyIDNumber", "身份证号或统一社会信用代码", required: false, personal: true),
                .init("coParties", "其他当事人（自然人姓名，公开时隐去）", .list, required: false, personName: true),
                .init("partyAddress", "住所或地址"),
                .init("partyPhone", "联系电话", required: false, personal: true),
                .init("summary", "案情摘要"),
                .init("violationOn", "违法行为发生日期", .date),
                .init("violationContinuing", "违法行为有连续或者继续状态", .bool, required: false),
                .init("violationEndedOn", "违法行为终了之日（连续或者继续状态的；尚未终了的填发现之日）", .date, required: false),
                .init("discoveredOn", "发现违法行为之日（不填为立案之日）", .date, required: false),
                .init("lifeHealthOrFinance", "涉及公民生命健康安全、金融安全且有危害后果", .bool, required: false)
            )
            .gate("行政处罚法 第十七条", "执法主体资格未经确认、公告，不能以其名义立案", { $0.external.flag(Penalty.External.bodyConfirmed) })
            .gate(
                "行政处罚法 第十七条、第三十九条", "该事项不是本机关权责清单中的行政处罚事项", field: "powerItemCode",
                { $0.external.flag(Penalty.External.powerItemIsBodysPenalty) }
            )
            .gate("行政处罚法 第三十六条", "违法行为发生日期不能晚于立案之日", field: "violationOn") { c in
                c.inputs[EnforcementFact.violationOn].map { $0 <= c.date } ?? true
            }
            .gate("行政处罚法 第三十六条第一款", "发现违法行为之日不能晚于立案之日，也不能早于违法行为发生之日", field: "discoveredOn") { c in
                c.inputs[EnforcementFact.discoveredOn].map {
                    $0 <= c.date && $0 >= (c.inputs[EnforcementFact.violationOn] ?? $0)
                } ?? true
            }
            .gate("行政处罚法 第三十六条第二款", "违法行为有连续或者继续状态的，期限从行为终了之日起计算：请填写违法行为终了之日", field: "violationEndedOn") { c in
                !c.inputs.flag(EnforcementFact.violationContinuing) || c.inputs[EnforcementFact.violationEndedOn] != nil
            }
            .gate("行政处罚法 第三十六条第二款", "违法行为终了之日不能早于发生之日，也不能晚于立案之日", field: "violationEndedOn") { c in
                c.inputs[EnforcementFact.violationEndedOn].map {
                    $0 <= c.date && $0 >= (c.inputs[EnforcementFact.violationOn] ?? $0)
                } ?? true
            }
            .gate("行政处罚法 第三十六条", "违法行为在二年内未被发现（涉及生命健康、金融安全且有危害后果的为五年），不再给予行政处罚", field: "violationOn") { c in
                let f = c.inputs
                // 第二款: a continuing or repeated act is measured from the day it ended; 第一款: to the day it was discovered.
                let from =
                    f.flag(EnforcementFact.violationContinuing)
                    ? f[EnforcementFact.violationEndedOn] ?? c.date : f[EnforcementFact.violationOn]!
                return Penalty.withinLimitation(
                    violationOn: from, discoveredOn: f[EnforcementFact.discoveredOn] ?? c.date,
                    extended: f.flag(EnforcementFact.lifeHealthOrFinance))
            }
            .then(
                .compute(
                    writes: EnforcementFact.filedOn, EnforcementFact.decisionPeriodDays, EnforcementFact.discoveredOn
                ) { c in
                    Facts([
                        EnforcementFact.filedOn ~ c.date,
                        EnforcementFact.decisionPeriodDays ~ Double(c.settings.decisionDays),
                        EnforcementFact.discoveredOn ~ (c.inputs[EnforcementFact.discoveredOn] ?? c.date),
                    ])
                },
                .startDeadline(
                    DeadlineRule(
                        "decision", "作出处罚决定", days: settings.decisionDays, .day, article: "行政处罚法 第六十条",
                        fromFact: "filedOn", daysFact: "decisionPeriodDays"))
            )
            .produces(.filingApproval),
            ActionDefinition(
                Step.extendDecisionPeriod, "延长办案期限", from: active, to: nil, by: [.head], basis: "行政处罚法 第六十条"
            )
            .asks(
                .init("extendedDays", "延长天数", .number),
                .init("extensionBasis", "延长依据（法律、法规、规章条款）"),
                .init("approvalDocument", "批准文书")
            )
            .gate("行政处罚法 第六十条；上限为本地设置", "延长天数超出本地规定的范围", field: "extendedDays") { c in
                (1...c.settings.penaltyExtensionMaxDays).contains(Int(c.inputs[EnforcementFact.extendedDays] ?? 0))
            }
            .then(
                .compute(writes: EnforcementFact.decisionPeriodDays) { c in
                    Facts([
                        "decisionPeriodDays": .number(
                            (c.file.facts[EnforcementFact.decisionPeriodDays] ?? 90)
                                + (c.inputs[EnforcementFact.extendedDays] ?? 0))
                    ])
                },
                .startDeadline(
                    DeadlineRule(
                        "decision", "作出处罚决定", days: settings.decisionDays, .day, article: "行政处罚法 第六十条",
                        fromFact: "filedOn", daysFact: "decisionPeriodDays"))),

            // MARK: 调查取证
            ActionDefinition(
                Step.recordEvidence, "调查取证", from: [State.investigating.id], to: nil, by: [.officer],
                basis: "行政处罚法 第五十四条、第五十五条"
            )
            .needs(two)
            .asks(
                .init("evidenceKind", "取证方式", .choice(Penalty.evidenceKinds)),
                .init("evidenceSummary", "笔录或证据内容摘要"),
                .init("witnesses", "被询问人、证人（自然人姓名，公开时隐去）", .list, required: false, personName: true),
                .init("partySignature", "当事人签名", .choice(Penalty.signature)),
                .init("certificateShown", "已主动出示执法证件", .bool),
                .init("evidenceFiles", "证据文件（SHA-256）", .list, required: false)
            )
            .gate("行政处罚法 第五十五条", "调查或者检查时应当主动向当事人或者有关人员出示执法证件", field: "certificateShown") {
                $0.inputs.flag(EnforcementFact.certificateShown)
            }
            // An evidence file named in a record must be one stored with the case, so its SHA-256 proves the content.
            .gate("行政处罚法 第四十六条", "所列证据文件尚未上传到本案（证据必须经查证属实，请先上传文件再列入笔录）", field: "evidenceFiles") { c in
                Set(c.inputs.list(EnforcementFact.evidenceFiles)).isSubset(
                    of: c.external.list(Penalty.External.uploadedEvidence))
            }
            .gate("行政处罚法 第四十六条第一款第三项", "视听资料须附执法记录仪等设备的音视频文件", field: "evidenceFiles") { c in
                c.inputs[EnforcementFact.evidenceKind] != "audiovisual"
                    || c.inputs.list(EnforcementFact.evidenceFiles).contains(
                        where: c.external.list(Penalty.External.uploadedAudioVisual).contains)
            }
            .produces(.evidenceRecord),
            ActionDefinition(
                Step.preserveEvidence, "先行登记保存", from: [State.investigating.id], to: nil, by: [.head],
                basis: "行政处罚法 第五十六条"
            )
            .needs(two)
            .asks(
                .init("preservedItems", "登记保存的物品"),
                .init("preservationReason", "证据可能灭失或者以后难以取得的情形")
            )
            .gate("行政处罚法 第五十六条", "已有先行登记保存尚未处理，请先作出处理决定") { c in c.file.deadline("preservation")?.isRunning != true }
            .then(
                .startDeadline(
                    DeadlineRule("preservation", "对先行登记保存的证据作出处理决定", days: 7, .workday, article: "行政处罚法 第五十六条"))
            )
            .produces(.preservationNotice),
            ActionDefinition(
                Step.disposePreserved, "处理先行登记保存的证据", from: active, to: nil, by: [.head, .officer], basis: "行政处罚法 第五十六条"
            )
            .asks(
                .init(
                    "disposal", "处理决定",
                    .choice([
                        .init("return", "解除并返还"), .init("seize", "依法查封扣押"), .init("confiscate", "依法没收"),
                        .init("transfer", "移送有关部门"),
                    ]))
            )
            .gate("行政处罚法 第五十六条", "没有待处理的先行登记保存") { c in c.file.deadline("preservation")?.isRunning == true }
            .then(.stopDeadline("preservation")),
            ActionDefinition(Step.decideRecusal, "决定回避申请", from: active, to: nil, by: [.head], basis: "行政处罚法 第四十三条")
                .asks(
                    .init("recusalOfficer", "申请回避的执法人员"),
                    .init("recusalGranted", "决定回避", .bool, required: false),
                    .init("recusalReason", "理由")
                )
                .then(
                    .compute(writes: EnforcementFact.recused) { c in
                        c.inputs.flag(EnforcementFact.recusalGranted)
                            ? Facts([
                                "recused": .list(
                                    c.file.facts.list(EnforcementFact.recused) + [
                                        c.inputs[EnforcementFact.recusalOfficer]!
                                    ])
                            ]) : Facts()
                    }),
            ActionDefinition(
                Step.markSuspectedCrime, "认定涉嫌犯罪", from: active, to: nil, by: [.head, .officer], basis: "行政处罚法 第二十七条"
            )
            .asks(.init("crimeReason", "涉嫌犯罪的事实和理由"))
            .then(.set("suspectedCrime", .bool(true))),

            // MARK: 拟处罚、告知、陈述申辩
            ActionDefinition(
                Step.propose, "拟作处罚（含裁量）", from: [State.investigating.id], to: State.proposed.id, by: [.officer],
                basis: "行政处罚法 第五十七条"
            )
            .asks(
                .init("violationFacts", "违法事实"),
                .init("penaltyBasis", "处罚依据"),
                InputField("penaltyKinds", "处罚种类", .list).choosing(from: Penalty.kinds),
                .init("fineAmount", "罚款金额（元）", .amount, required: false),
                .init("confiscationValue", "没收金额或价值（元）", .amount, required: false),
                .init("outsideBenchmarkReason", "不按裁量基准的理由（拟罚款超出计算的幅度时填写）", required: false),
                .init("majorPublicInterest", "涉及重大公共利益", .bool, required: false),
                .init("complexCase", "案情疑难复杂、涉及多个法律关系", .bool, required: false),
                .init("seriousViolation", "情节复杂或者重大违法", .bool, required: false)
            )
            .gate("行政处罚法 第九条", Penalty.kindsProblem, field: "penaltyKinds") { c in
                Set(c.inputs.list(EnforcementFact.penaltyKinds)).isSubset(of: Set(Penalty.kinds))
            }
            .gated([Penalty.detention])
            .gate("行政处罚法 第九条", "处罚种类含罚款时须写明罚款金额", field: "fineAmount") { c in
                !c.inputs.list(EnforcementFact.penaltyKinds).contains("罚款")
                    || (c.inputs[EnforcementFact.fineAmount] ?? 0) > 0
            }
            .gate("行政处罚法 第五十四条第一款", "拟作处罚前应当调查取证（全面、客观、公正地调查，收集有关证据）") { c in
                c.file.steps.contains { $0.action == Step.recordEvidence }
            }
            .asks(Penalty.discretionInputs)
            .looksUp(
                .benchmark(
                    input: "benchmarkCode", into: Penalty.External.benchmark,
                    itemHasBenchmark: Penalty.External.itemHasBenchmark)
            )
            .gated(Penalty.discretionGates)
            .gate("行政处罚法 第三十四条", "拟处罚款超出裁量基准计算的幅度，须写明不按基准的理由（并将提交法制审核）", field: "outsideBenchmarkReason") { c in
                try !Penalty.outsideBenchmark(c) || !(c.inputs[EnforcementFact.outsideBenchmarkReason] ?? "").isEmpty
            }
            .then(
                // The tier and range the registered benchmark gives, with its articles and reasons (第三十四条).
                .compute(
                    writes: EnforcementFact.benchmarkTier, EnforcementFact.benchmarkMin, EnforcementFact.benchmarkMax,
                    EnforcementFact.benchmarkArticles, EnforcementFact.benchmarkReasons
                ) { c in
                    guard let o = try Penalty.discretion(c) else { return Facts() }
                    var out = Facts([
                        EnforcementFact.benchmarkTier ~ o.tier.chineseName,
                        EnforcementFact.benchmarkArticles ~ o.articles, EnforcementFact.benchmarkReasons ~ o.reasons,
                    ])
                    out[EnforcementFact.benchmarkMin] = o.fineMinimumYuan.flatMap(Money.init(yuan:))
                    out[EnforcementFact.benchmarkMax] = o.fineMaximumYuan.flatMap(Money.init(yuan:))
                    return out
                }
            )
            .then(
                .compute(
                    writes: EnforcementFact.proposalRound, EnforcementFact.proposedFine, EnforcementFact.proposedKinds,
                    EnforcementFact.hearingRight, EnforcementFact.legalReviewReasons, EnforcementFact.collectiveRequired
                ) { c in
                    let f = c.inputs, org = Penalty.isOrganisation(c.file.facts)
                    let fine = f[EnforcementFact.fineAmount] ?? 0, kinds = f.list(EnforcementFact.penaltyKinds)
                    var reasons: [String] = []
                    if f.flag(EnforcementFact.majorPublicInterest) { reasons.append("涉及重大公共利益（第五十八条第一款(一)）") }
                    if f.flag(EnforcementFact.complexCase) { reasons.append("案情疑难复杂、涉及多个法律关系（第五十八条第一款(三)）") }
                    if c.settings.majorDecisionItems.contains(c.file.facts[EnforcementFact.powerItemCode] ?? "") {
                        reasons.append("列入本地重大执法决定法制审核目录（第五十八条第一款(四)）")
                    }
                    if try Penalty.outsideBenchmark(c) { reasons.append("拟处罚超出裁量基准幅度（第三十四条）") }
                    return Facts([
                        "proposalRound": .number((c.file.facts[EnforcementFact.proposalRound] ?? 0) + 1),
                        "proposedFine": fine.fact, "proposedKinds": .list(kinds),
                        "hearingRight": .bool(
                            Penalty.hearingRight(
                                kinds: kinds, fine: fine, confiscation: f[EnforcementFact.confiscationValue] ?? 0,
                                organisation: org, settings: c.settings)),
                        "legalReviewReasons": .list(reasons),
                        "collectiveRequired": .bool(
                            f.flag(EnforcementFact.complexCase) || f.flag(EnforcementFact.seriousViolation)),
                    ])
                }),
            ActionDefinition(
                Step.notify, "事先告知", from: [State.proposed.id], to: State.notified.id, by: [.officer],
                basis: "行政处罚法 第四十四条"
            )
            .asks(
                .init(
                    "noticeMethod", "告知方式",
                    .choice([.init("direct", "直接送达"), .init("post", "邮寄送达"), .init("electronic", "电子送达（已签确认书）")]))
            )
            .recordsService(method: "noticeMethod")
            .then(
                .compute(writes: EnforcementFact.notifiedRound, EnforcementFact.notifiedOn, EnforcementFact.waived) {
                    c in
                    // The party is told when the 告知书 reaches them (a setting: `noticePeriodsFromService`).
                    let told =
                        c.settings.noticePeriodsFromService ? Service.servedOn(c, method: "noticeMethod") : c.date
                    return Facts([
                        EnforcementFact.notifiedRound ~ (c.file.facts[EnforcementFact.proposalRound] ?? 0),
                        EnforcementFact.notifiedOn ~ told, EnforcementFact.waived ~ false,
                    ])
                },
                .startDeadline(
                    DeadlineRule(
                        "statement", "陈述、申辩期满", days: settings.statementWorkingDays, .workday,
                        article: "行政处罚法 第四十四条、第六十二条", fromFact: "notifiedOn", holder: .party)),
                .startDeadline(
                    DeadlineRule(
                        "hearingRequest", "当事人要求听证", days: 5, .workday, article: "行政处罚法 第六十四条第一项",
                        fromFact: "notifiedOn", holder: .party),
                    onlyIf: { $0.file.facts.flag(EnforcementFact.hearingRight) })
            )
            .produces(.priorNotice),
            ActionDefinition(
                Step.recordStatement, "记录陈述申辩及复核", from: [State.notified.id, State.hearing.id], to: nil, by: [.officer],
                basis: "行政处罚法 第四十五条"
            )
            .asks(
                .init("statement", "当事人陈述、申辩意见"),
                .init(
                    "statementAdopted", "复核结论",
                    .choice([.init("adopted", "成立，予以采纳"), .init("partly", "部分采纳"), .init("rejected", "不成立，不予采纳")])),
                .init("statementAnswer", "复核理由")
            )
            .then(.set("defended", .bool(true))),
            ActionDefinition(
                Step.waive, "当事人书面放弃陈述申辩和听证", from: [State.notified.id], to: nil, by: [.officer], basis: "行政处罚法 第六十二条"
            )
            .asks(.init("waiverDocument", "书面放弃声明（签名日期、内容）"))
            .then(.set("waived", .bool(true)), .stopDeadline("statement"), .stopDeadline("hearingRequest")),

            // MARK: 听证
            ActionDefinition(
                Step.requestHearing, "当事人要求听证", from: [State.notified.id], to: State.hearing.id, by: [.officer, .head],
                basis: "行政处罚法 第六十三条、第六十四条"
            )
            .asks(
                .init("hearingRequest", "听证申请（方式、内容）"),
                .init("agents", "委托代理人（自然人姓名，公开时隐去）", .list, required: false, personName: true)
            )
            .recordsFiling()
            .gate("行政处罚法 第六十三条", "拟作出的处罚不属于应当告知听证权利的情形") { $0.file.facts.flag(EnforcementFact.hearingRight) }
            .gate("行政处罚法 第六十二条", "当事人已书面放弃陈述申辩和听证") { !$0.file.facts.flag(EnforcementFact.waived) }
            // 民事诉讼法 第八十五条第四款: a request posted before the period ended is in time, whenever it arrives.
            .gate("行政处罚法 第六十四条第一项", "当事人应当在告知后五日（工作日）内提出听证要求，已逾期（邮寄的以交邮日期为准）", field: "postedOn") { c in
                guard let d = c.file.deadline("hearingRequest") else { return false }
                return Posting.filedOn(c) <= d.deadline.due
            }
            .then(.set("hearingRequested", .bool(true)), .stopDeadline("hearingRequest")),
            ActionDefinition(
                Step.scheduleHearing, "通知听证", from: [State.hearing.id], to: nil, by: [.head], basis: "行政处罚法 第六十四条"
            )
            .asks(
                .init("hearingDate", "听证日期", .date),
                .init("hearingPlace", "听证地点"),
                .init("hearingChair", "听证主持人"),
                .init("hearingChairOfficerID", "主持人执法人员编号", required: false),
                .init("hearingPublic", "公开举行", .bool, required: false),
                .init("nonPublicReason", "不公开的理由（国家秘密、商业秘密或者个人隐私）", required: false)
            )
            .gate("行政处罚法 第六十四条第四项", "听证由非本案调查人员主持", field: "hearingChair") { c in
                let name = c.inputs[EnforcementFact.hearingChair] ?? "",
                    id = c.inputs[EnforcementFact.hearingChairOfficerID].flatMap(UUID.init(uuidString:))
                return !c.file.steps.flatMap(\.officers).contains { $0.name == name || $0.id == id }
            }
            .gate("行政处罚法 第六十四条第二项", "应当在举行听证的七日（工作日）前通知当事人听证的时间、地点", field: "hearingDate") { c in
                try c.calendar.due(from: c.date, days: 7, unit: .workday) <= c.inputs[EnforcementFact.hearingDate]!
            }
            .gate("行政处罚法 第六十四条第三项", "不公开举行听证须写明涉及国家秘密、商业秘密或者个人隐私的理由", field: "nonPublicReason") { c in
                c.inputs.flag(EnforcementFact.hearingPublic)
                    || !(c.inputs[EnforcementFact.nonPublicReason] ?? "").isEmpty
            }
            .then(.set("hearingScheduled", .bool(true)))
            .produces(.hearingNotice),
            ActionDefinition(
                Step.holdHearing, "举行听证", from: [State.hearing.id], to: State.notified.id,
                by: [.head, .officer, .legalReviewer],
                basis: "行政处罚法 第六十四条、第六十五条"
            )
            .asks(
                .init("partyAppeared", "当事人到场", .bool, required: false),
                .init("hearingSummary", "听证情况（调查人员提出的事实、证据、处罚建议，当事人申辩和质证）"),
                .init(
                    "hearingRecordSigned", "听证笔录签字",
                    .choice([.init("signed", "当事人已审核签字"), .init("refused", "当事人拒绝签字（已注明）"), .init("absent", "当事人未到场")]))
            )
            .gate("行政处罚法 第六十四条第二项", "尚未通知听证时间、地点") { $0.file.facts.flag(EnforcementFact.hearingScheduled) }
            .gate("行政处罚法 第六十四条", "听证日期未到") { c in c.date >= (c.file.facts[EnforcementFact.hearingDate] ?? c.date) }
            // 第六十四条第六项: not appearing without good reason is giving up the hearing; either way the hearing has ended.
            // 第五十八条: a 法制审核 done before the hearing did not see its record — the decision after it needs a new one.
            .then(.set("heard", .bool(true)), .set("reviewPassedRound", .number(-1)))
            .produces(.hearingRecord),

            // MARK: 法制审核、集体讨论
            ActionDefinition(
                Step.legalReviewPass, "法制审核通过", from: [State.proposed.id, State.notified.id], to: nil,
                by: [.legalReviewer],
                basis: "行政处罚法 第五十八条"
            )
            .asks(.init("reviewOpinion", "审核意见"))
            .gate("行政处罚法 第五十八条；国办发〔2018〕118号", "法制审核人员不得为本案调查人员", { notInvestigator($0) })
            .gate(
                "行政处罚法 第五十八条第二款", "初次从事行政处罚决定法制审核的人员，应当通过国家统一法律职业资格考试取得法律职业资格",
                { $0.actor.hasReviewedBefore || $0.actor.hasLegalQualification }
            )
            .looksUp(.actorHasTaken(reviewSteps))
            .then(
                .compute(writes: EnforcementFact.reviewPassedRound) { c in
                    Facts(["reviewPassedRound": .number(c.file.facts[EnforcementFact.proposalRound] ?? 0)])
                }
            )
            .produces(.legalReviewOpinion),
            ActionDefinition(
                Step.legalReviewReturn, "法制审核退回", from: [State.proposed.id, State.notified.id],
                to: State.investigating.id,
                by: [.legalReviewer], basis: "行政处罚法 第五十八条"
            )
            .asks(.init("reviewOpinion", "审核意见（退回补充调查或者修改的理由）"))
            .gate("行政处罚法 第五十八条；国办发〔2018〕118号", "法制审核人员不得为本案调查人员", { notInvestigator($0) })
            .gate(
                "行政处罚法 第五十八条第二款", "初次从事行政处罚决定法制审核的人员，应当通过国家统一法律职业资格考试取得法律职业资格",
                { $0.actor.hasReviewedBefore || $0.actor.hasLegalQualification }
            )
            .looksUp(.actorHasTaken(reviewSteps))
            .then(.stopDeadline("statement"), .stopDeadline("hearingRequest"))
            .produces(.legalReviewOpinion),
            ActionDefinition(
                Step.collectiveDiscussion, "集体讨论", from: [State.proposed.id, State.notified.id], to: nil, by: [.head],
                basis: "行政处罚法 第五十七条第二款"
            )
            .asks(
                .init("meetingParticipants", "参加人员", .list),
                .init("meetingOpinions", "讨论意见"),
                .init("meetingConclusion", "讨论结论")
            )
            .gate("行政处罚法 第五十七条第二款；人数为本地设置", "集体讨论由行政机关负责人参加，参加人数少于本地规定的人数", field: "meetingParticipants") {
                c in
                Set(c.inputs.list(EnforcementFact.meetingParticipants)).count >= c.settings.collectiveDiscussionMinimum
            }
            .then(
                .compute(writes: EnforcementFact.discussedRound) { c in
                    Facts(["discussedRound": .number(c.file.facts[EnforcementFact.proposalRound] ?? 0)])
                }
            )
            .produces(.collectiveDiscussion),

            // MARK: 决定
            ActionDefinition(
                Step.decide, "作出决定", from: [State.investigating.id, State.notified.id], to: State.decided.id,
                by: [.head],
                basis: "行政处罚法 第五十七条"
            )
            .asks(
                .init(
                    "outcome", "决定类型",
                    .choice([
                        .init("penalty", "给予行政处罚"), .init("no_penalty", "不予行政处罚（违法行为轻微等）"),
                        .init("not_established", "违法事实不能成立，不予行政处罚"),
                    ])),
                InputField("penaltyKinds", "处罚种类", .list, required: false).choosing(from: Penalty.kinds),
                .init("fineAmount", "罚款金额（元）", .amount, required: false),
                .init("confiscationValue", "没收金额或价值（元）", .amount, required: false),
                .init("decisionReasons", "理由和依据"),
                .init("performBy", "履行方式和期限", required: false),
                .init("hearingRecordCited", "已根据听证笔录作出决定", .bool, required: false)
            )
            .gate("行政处罚法 第二十七条、第五十七条第一款第四项、第八十二条", "案件涉嫌犯罪，应当移送司法机关，不得以行政处罚代替刑事处罚") {
                !$0.file.facts.flag(EnforcementFact.suspectedCrime)
            }
            .gate("行政处罚法 第四十四条", "作出行政处罚决定之前，应当告知拟作出的处罚内容及事实、理由、依据和当事人的权利", field: "outcome") { c in
                c.inputs[EnforcementFact.outcome] != "penalty"
                    || (c.file.state == State.notified.id
                        && c.file.facts[EnforcementFact.notifiedRound] == c.file.facts[EnforcementFact.proposalRound])
            }
            .gate(
                "行政处罚法 第六十二条", "陈述、申辩期限未满，当事人也未明确放弃，不得作出处罚决定", field: "outcome",
                waitsFor: "statement"
            ) { c in
                guard c.inputs[EnforcementFact.outcome] == "penalty" else { return true }
                return c.file.facts.flag(EnforcementFact.waived) || c.file.facts.flag(EnforcementFact.heard)
                    || c.date > (c.file.deadline("statement")?.deadline.due ?? c.date)
            }
            .gate(
                "行政处罚法 第六十三条、第六十四条第一项", "当事人要求听证的期限尚未届满，也未明确放弃，不得作出处罚决定", field: "outcome",
                waitsFor: "hearingRequest"
            ) { c in
                guard c.inputs[EnforcementFact.outcome] == "penalty",
                    let d = c.file.deadline("hearingRequest"), d.isRunning
                else { return true }
                return c.date > d.deadline.due
            }
            .gate("行政处罚法 第六十四条", "当事人已要求听证，听证结束前不得作出决定") { c in
                !c.file.facts.flag(EnforcementFact.hearingRequested) || c.file.facts.flag(EnforcementFact.heard)
            }
            .gate("行政处罚法 第六十五条", "听证结束后，应当根据听证笔录作出决定", field: "hearingRecordCited") { c in
                !c.file.facts.flag(EnforcementFact.heard) || c.inputs.flag(EnforcementFact.hearingRecordCited)
            }
            // 第三十四条: a decided fine outside the range the benchmark gave must be the one proposed with its reason and
            // so reviewed (法制审核) — another amount outside the range was never reviewed.
            .gate(
                "行政处罚法 第三十四条、第五十八条", "决定的罚款超出裁量基准计算的幅度，且不是经法制审核的拟处罚金额：应当重新拟作处罚，写明理由并经法制审核",
                field: "fineAmount"
            ) { c in
                guard c.inputs[EnforcementFact.outcome] == "penalty", let fine = c.inputs[EnforcementFact.fineAmount]
                else { return true }
                let outside =
                    (c.file.facts[EnforcementFact.benchmarkMin].map { fine < $0 } ?? false)
                    || (c.file.facts[EnforcementFact.benchmarkMax].map { fine > $0 } ?? false)
                return !outside
                    || (c.file.facts.list(EnforcementFact.legalReviewReasons).contains { $0.contains("第三十四条") }
                        && c.file.facts[EnforcementFact.proposedFine] == fine)
            }
            .gate("行政处罚法 第五十八条", "本案应当进行法制审核；未经法制审核或者审核未通过的，不得作出决定") { c in
                !legalReviewRequired(c)
                    || c.file.facts[EnforcementFact.reviewPassedRound] == c.file.facts[EnforcementFact.proposalRound]
            }
            .gate("行政处罚法 第五十七条第二款", "情节复杂或者重大违法行为给予行政处罚，应当由行政机关负责人集体讨论决定") { c in
                c.inputs[EnforcementFact.outcome] != "penalty" || !c.file.facts.flag(EnforcementFact.collectiveRequired)
                    || c.file.facts[EnforcementFact.discussedRound] == c.file.facts[EnforcementFact.proposalRound]
            }
            .gate("行政处罚法 第九条", Penalty.kindsProblem, field: "penaltyKinds") { c in
                c.inputs[EnforcementFact.outcome] != "penalty"
                    || (!c.inputs.list(EnforcementFact.penaltyKinds).isEmpty
                        && Set(c.inputs.list(EnforcementFact.penaltyKinds)).isSubset(of: Set(Penalty.kinds)))
            }
            .gated([Penalty.detention])
            .gate("行政处罚法 第九条", "处罚种类含罚款时须写明罚款金额", field: "fineAmount") { c in
                c.inputs[EnforcementFact.outcome] != "penalty"
                    || !c.inputs.list(EnforcementFact.penaltyKinds).contains("罚款")
                    || (c.inputs[EnforcementFact.fineAmount] ?? 0) > 0
            }
            .gate("行政处罚法 第四十五条", "不得因当事人陈述、申辩而给予更重的处罚", field: "fineAmount") { c in
                c.inputs[EnforcementFact.outcome] != "penalty" || !c.file.facts.flag(EnforcementFact.defended)
                    || !Penalty.heavier(
                        kinds: c.inputs.list(EnforcementFact.penaltyKinds),
                        fine: c.inputs[EnforcementFact.fineAmount] ?? 0, than: c.file.facts)
            }
            .gate("行政处罚法 第四十四条", "决定重于已告知的拟处罚内容，应当重新告知", field: "fineAmount") { c in
                c.inputs[EnforcementFact.outcome] != "penalty"
                    || !Penalty.heavier(
                        kinds: c.inputs.list(EnforcementFact.penaltyKinds),
                        fine: c.inputs[EnforcementFact.fineAmount] ?? 0, than: c.file.facts)
            }
            .looksUp(.nextNumber(kind: "罚", into: Penalty.External.decisionNumber))
            .gate("行政处罚法 第五十九条", "缺少决定书文号", field: "decisionNumber") {
                !($0.external.text(Penalty.External.decisionNumber) ?? "").isEmpty
            }
            .then(
                .stopDeadline("decision"), .stopDeadline("statement"), .stopDeadline("hearingRequest"),
                .compute(
                    writes: EnforcementFact.decisionNumber, EnforcementFact.decidedOn, EnforcementFact.decidedFine,
                    EnforcementFact.decidedKinds, EnforcementFact.publicationRequired
                ) { c in
                    let penalty = c.inputs[EnforcementFact.outcome] == "penalty"
                    return Facts([
                        "decisionNumber": .text(c.external.text(Penalty.External.decisionNumber) ?? ""),
                        "decidedOn": .date(c.date),
                        "decidedFine": (penalty ? c.inputs[EnforcementFact.fineAmount] ?? 0 : Money.zero).fact,
                        "decidedKinds": .list(penalty ? c.inputs.list(EnforcementFact.penaltyKinds) : []),
                        "publicationRequired": .bool(publicationRuleCovers(c)),
                    ])
                },
                .startDeadline(DeadlineRule("service", "送达决定书", days: 7, .workday, article: "行政处罚法 第六十一条")),
                // 事后公示 within 7 working days of the decision: 国办发〔2018〕118号, unverified [U] — configurable.
                .startDeadline(
                    DeadlineRule(
                        "publication", "公示处罚决定", days: settings.publicationWorkingDays, .workday,
                        article: "国办发〔2018〕118号；\("行政处罚法 第四十八条")"),
                    onlyIf: publicationRuleCovers)
            )
            .produces(.penaltyDecision),

            // MARK: 送达、执行
            ActionDefinition(
                Step.serve, "送达决定书", from: [State.decided.id], to: State.served.id, by: [.officer], basis: "行政处罚法 第六十一条"
            )
            .asks(
                .init(
                    "serviceMethod", "送达方式",
                    .choice([
                        .init("on_spot", "宣告后当场交付"), .init("direct", "直接送达"), .init("left", "留置送达"),
                        .init("post", "邮寄送达"),
                        .init("electronic", "电子送达（传真、电子邮件等）"), .init("announcement", "公告送达"),
                    ])),
                .init("recipient", "受送达人", personName: true),
                .init("electronicConsent", "当事人已签订电子送达确认书", .bool, required: false)
            )
            .recordsService(method: "serviceMethod")
            .gate("行政处罚法 第六十一条第二款", "电子送达须当事人同意并签订确认书", field: "electronicConsent") { c in
                c.inputs[EnforcementFact.serviceMethod] != "electronic"
                    || c.inputs.flag(EnforcementFact.electronicConsent)
            }
            .then(
                .stopDeadline("service"), .set("served", .bool(true)),
                // 第六十一条 → 民事诉讼法: served on the day the method makes it (签收, 公告 + 30 日), and every period
                // "自送达之日起" (the 15 days to pay, the 复议 and 诉讼 periods) runs from that day.
                .compute(writes: EnforcementFact.servedOn) { c in
                    Facts([EnforcementFact.servedOn ~ Service.servedOn(c, method: "serviceMethod")])
                },
                .startDeadline(
                    DeadlineRule(
                        "payment", "缴纳罚款", days: 15, .day, article: "行政处罚法 第六十七条第三款", fromFact: "servedOn",
                        holder: .party),
                    onlyIf: { ($0.file.facts[EnforcementFact.decidedFine] ?? 0) > 0 })
            )
            .produces(.serviceReceipt),
            ActionDefinition(
                Step.approveDeferral, "批准暂缓或者分期缴纳", from: [State.served.id], to: nil, by: [.head],
                basis: "行政处罚法 第六十六条第二款"
            )
            .asks(
                .init("deferredUntil", "缴纳期限延至", .date),
                .init("instalments", "分期数", .number, required: false),
                .init("hardshipReason", "经济困难情况")
            )
            .gate("行政处罚法 第六十六条第二款", "暂缓或者分期缴纳的期限应晚于原缴纳期限", field: "deferredUntil") { c in
                c.inputs[EnforcementFact.deferredUntil]! > (c.file.deadline("payment")?.deadline.due ?? c.date)
            }
            .then(
                .startDeadlineUntil(
                    key: "payment", name: "缴纳罚款（经批准暂缓或者分期）", dateFact: "deferredUntil", article: "行政处罚法 第六十六条第二款",
                    holder: .party)),
            ActionDefinition(
                Step.recordPayment, "登记缴款凭证", from: [State.served.id, State.enforcing.id], to: State.executed.id,
                by: [.officer, .head],
                basis: "行政处罚法 第六十七条"
            )
            .asks(
                .init("paymentVoucher", "银行或者电子支付缴款凭证号"),
                .init("paidAmount", "缴纳金额（元）", .amount),
                .init("paidOn", "缴纳日期", .date)
            )
            .gate("行政处罚法 第六十七条、第七十二条", "缴纳金额少于罚款及加处罚款合计", field: "paidAmount") { c in
                (c.inputs[EnforcementFact.paidAmount] ?? 0)
                    >= (c.file.facts[EnforcementFact.decidedFine] ?? 0) + (c.file.facts[EnforcementFact.lateFine] ?? 0)
            }
            .then(.stopDeadline("payment")),
            ActionDefinition(
                Step.serveDemand, "催告履行（送达催告书）", from: [State.served.id], to: nil, by: [.head, .officer],
                basis: "行政强制法 第三十五条、第五十四条"
            )
            .asks(
                .init("demandMethod", "催告书送达方式", .choice(Penalty.serviceMethods)),
                .init("demandContent", "催告的履行义务、期限、方式和依法享有的陈述申辩权")
            )
            .recordsService(method: "demandMethod")
            .gate("行政处罚法 第七十二条；行政强制法 第三十五条", "缴纳期限未届满，尚不能催告") { c in paymentOverdue(c) }
            .then(
                .compute(writes: EnforcementFact.demandServedOn) { c in
                    Facts([EnforcementFact.demandServedOn ~ Service.servedOn(c, method: "demandMethod")])
                },
                // 行政强制法 第五十四条 "催告书送达十日后"; 第六十九条: a period of ten days or less is working days.
                .startDeadline(
                    DeadlineRule(
                        "demand", "催告期满（当事人仍未履行的，可以申请强制执行）", days: Penalty.demandWorkingDays, .workday,
                        article: "行政强制法 第五十四条、第六十九条", fromFact: "demandServedOn", holder: .party))
            )
            .produces(.demandNotice),
            ActionDefinition(
                Step.applyEnforcement, "加处罚款并申请人民法院强制执行", from: [State.served.id], to: State.enforcing.id,
                by: [.head],
                basis: "行政处罚法 第七十二条；行政强制法 第五十三条、第五十四条"
            )
            .asks(
                .init("daysUnderReview", "诉讼或者本系统以外的复议期间天数（不计加处罚款；本系统的复议案件自动扣除）", .number, required: false),
                .init("reviewConcluded", "当事人已申请复议或者提起诉讼，决定维持且已生效", .bool, required: false),
                .init("reviewConcludedDocument", "维持的复议决定书或者生效裁判文书号", required: false),
                .init("enforcementMeasure", "受理申请的人民法院")
            )
            .looksUp(.periodsUnderReview(into: Penalty.External.reconsiderationPeriods))
            .gate("行政处罚法 第七十二条", "缴纳期限未届满，不能加处罚款或者申请强制执行") { c in paymentOverdue(c) }
            .gate("行政强制法 第五十四条", "申请人民法院强制执行前，应当催告当事人履行义务；催告书送达十个工作日后当事人仍未履行的，才能申请") { c in
                demandLapsed(c)
            }
            // A 复议 of this decision still running in this system: the party did apply, so 第五十三条 does not open.
            .gate("行政强制法 第五十三条", "当事人对该决定申请的行政复议尚未终结，不能申请人民法院强制执行") { c in
                !Penalty.periods(c.external).contains { $0.to >= c.date }
            }
            .gate("行政强制法 第五十三条", "维持决定或者生效裁判的文书号未填写", field: "reviewConcludedDocument") { c in
                !c.inputs.flag(EnforcementFact.reviewConcluded)
                    || !(c.inputs[EnforcementFact.reviewConcludedDocument] ?? "").isEmpty
            }
            .gate(
                "行政强制法 第五十三条；行政复议法 第二十条；行政诉讼法 第四十六条", "当事人申请行政复议（六十日）、提起行政诉讼（六个月）的期限尚未届满，不能申请人民法院强制执行",
                field: "reviewConcluded"
            ) { c in
                c.inputs.flag(EnforcementFact.reviewConcluded) || c.date > reviewPeriodsEnd(c)
            }
            .gate("行政强制法 第五十三条", "复议、诉讼期限届满之日起三个月内才能申请人民法院强制执行，申请期限已过", field: "reviewConcluded") { c in
                c.inputs.flag(EnforcementFact.reviewConcluded)
                    || c.date <= c.calendar.periodEnd(reviewPeriodsEnd(c).addingMonths(Penalty.applicationWindowMonths))
            }
            .then(accruedLateFine)
            .then(.stopDeadline("demand")),
            ActionDefinition(
                Step.enforceDirectly, "加处罚款超过三十日，依法自行强制执行", from: [State.served.id], to: State.enforcing.id,
                by: [.head],
                basis: "行政强制法 第四十五条、第四十六条"
            )
            .asks(
                .init("enforcementPower", "法律授予本机关强制执行权的依据（法律名称和条款）"),
                .init("daysUnderReview", "诉讼或者本系统以外的复议期间天数（不计加处罚款；本系统的复议案件自动扣除）", .number, required: false),
                .init("enforcementMeasure", "强制执行方式（划拨存款、拍卖财物等）")
            )
            .looksUp(.periodsUnderReview(into: Penalty.External.reconsiderationPeriods))
            .gate("行政处罚法 第七十二条", "缴纳期限未届满，不能加处罚款或者强制执行") { c in paymentOverdue(c) }
            .gate("行政强制法 第四十六条第一款", "加处罚款超过三十日，经催告当事人仍不履行的，才能强制执行；加处罚款尚未超过三十日") { c in
                guard let due = c.file.deadline("payment")?.deadline.due else { return false }
                return c.date > due.adding(days: Penalty.lateFineDaysBeforeEnforcement)
            }
            .gate("行政强制法 第三十五条、第四十六条第一款", "强制执行前应当催告当事人履行义务；催告期限尚未届满") { c in demandLapsed(c) }
            .then(accruedLateFine)
            .then(.set("enforcedDirectly", .bool(true)), .stopDeadline("demand")),

            // MARK: 事后公示
            ActionDefinition(
                Step.publish, "公示处罚决定", from: decidedStates, to: nil, by: [.officer, .head], basis: "行政处罚法 第四十八条"
            )
            .gate("行政处罚法 第四十八条", "只有行政处罚决定需要公示") { $0.file.facts[EnforcementFact.outcome] == "penalty" }
            .gate("行政处罚法 第四十八条第一款", "该决定不在本地公示规则的范围内（FAZHI_PUBLICATION_RULE）") {
                $0.file.facts["publicationRequired"] == nil || $0.file.facts.flag(EnforcementFact.publicationRequired)
            }
            .gate("行政处罚法 第四十八条", "该决定已经公示") { !$0.file.facts.flag(EnforcementFact.published) }
            .then(
                .set("published", .bool(true)),
                .compute(writes: EnforcementFact.publishedOn) { Facts(["publishedOn": .date($0.date)]) },
                .stopDeadline("publication")
            )
            .publishes(.publish),
            ActionDefinition(
                Step.recordChange, "登记决定被变更、撤销或者确认违法、无效", from: decidedStates, to: nil, by: [.head],
                basis: "行政处罚法 第四十八条第二款"
            )
            .asks(
                .init(
                    "changeKind", "变更情形",
                    .choice([
                        .init("changed", "被依法变更"), .init("revoked", "被撤销"), .init("illegal", "被确认违法"),
                        .init("void", "被确认无效"),
                    ])),
                .init("changeDocument", "复议决定书、判决书或者本机关决定的文号"),
                .init("changedOn", "变更、撤销或者确认之日", .date)
            )
            .gate("行政处罚法 第四十八条第二款", "变更、撤销或者确认之日不能晚于登记之日", field: "changedOn") { c in
                c.inputs[EnforcementFact.changedOn]! <= c.date
            }
            .then(
                .set("decisionChanged", .bool(true)),
                .startDeadline(
                    DeadlineRule(
                        "withdrawal", "撤回已公示的处罚决定并公开说明理由", days: 3, .workday, article: "行政处罚法 第四十八条第二款",
                        fromFact: "changedOn"),
                    onlyIf: {
                        $0.file.facts.flag(EnforcementFact.published) && !$0.file.facts.flag(EnforcementFact.withdrawn)
                    })),
            ActionDefinition(
                Step.withdrawPublication, "撤回公示并说明理由", from: decidedStates, to: nil, by: [.head, .officer],
                basis: "行政处罚法 第四十八条第二款"
            )
            .asks(.init("withdrawalReason", "公开说明的理由"))
            .gate("行政处罚法 第四十八条第二款", "该决定尚未公示或者已经撤回") {
                $0.file.facts.flag(EnforcementFact.published) && !$0.file.facts.flag(EnforcementFact.withdrawn)
            }
            .gate("行政处罚法 第四十八条第二款", "只有被变更、撤销或者确认违法、无效的决定才撤回公示；请先登记变更情况") {
                $0.file.facts.flag(EnforcementFact.decisionChanged)
            }
            .then(
                .set("withdrawn", .bool(true)),
                .compute(writes: EnforcementFact.withdrawnOn) { Facts(["withdrawnOn": .date($0.date)]) },
                .stopDeadline("withdrawal")
            )
            .publishes(.withdraw),

            // MARK: 两法衔接
            ActionDefinition(
                Step.transfer, "移送司法机关", from: active, to: State.transferred.id, by: [.head], basis: "行政处罚法 第二十七条"
            )
            .asks(
                .init("receivingOrgan", "接收机关"),
                .init("transferNumber", "移送书文号"),
                .init("transferReason", "涉嫌犯罪的事实和理由")
            )
            .then(
                .set("suspectedCrime", .bool(true)), .stopDeadline("decision"), .stopDeadline("statement"),
                .stopDeadline("hearingRequest")
            )
            .produces(.transferLetter),
            ActionDefinition(
                Step.transferAccepted, "司法机关立案（移送反馈）", from: [State.transferred.id], to: State.closed.id,
                by: [.head, .officer],
                basis: "行政处罚法 第二十七条"
            )
            .asks(
                .init("receiptNumber", "接收回执或立案文书号"),
                .init("transferFeedback", "反馈情况")
            )
            .gate("行政处罚法 第五十六条", "先行登记保存的证据尚未处理") { c in c.file.deadline("preservation")?.isRunning != true }
            .produces(.closingReport),
            ActionDefinition(
                Step.transferReturned, "司法机关退回（不予立案）", from: [State.transferred.id], to: State.investigating.id,
                by: [.head, .officer],
                basis: "行政处罚法 第二十七条第一款"
            )
            .asks(.init("returnReason", "退回理由及文书号"))
            .then(
                .set("suspectedCrime", .bool(false)),
                .startDeadline(
                    DeadlineRule(
                        "decision", "作出处罚决定", days: settings.decisionDays, .day, article: "行政处罚法 第六十条",
                        fromFact: "filedOn", daysFact: "decisionPeriodDays"))),

            // MARK: 结案
            ActionDefinition(
                Step.close, "结案", from: [State.served.id, State.executed.id, State.enforcing.id], to: State.closed.id,
                by: [.head],
                basis: "行政处罚法 第四十七条"
            )
            .asks(.init("closingSummary", "结案报告"))
            .gate("行政处罚法 第六十七条、第七十二条", "罚款未缴纳，也未申请强制执行，不能结案") { c in
                (c.file.facts[EnforcementFact.decidedFine] ?? 0) == 0 || c.file.state != State.served.id
            }
            .gate("行政处罚法 第五十六条", "先行登记保存的证据尚未处理") { c in c.file.deadline("preservation")?.isRunning != true }
            .produces(.closingReport),
        ]
        if let filing = actions.first(where: { $0.id == Step.fileCase }) { actions.insert(draftFiling(filing), at: 0) }
        // 第五十四条 files a case only "符合立案标准的": the head may also decline a clue, which then closes without a
        // 立案号 (its registration number stays).
        actions.insert(
            ActionDefinition(
                Step.declineFiling, "不予立案", from: [State.clue.id], to: State.closed.id, by: [.head],
                basis: "行政处罚法 第五十四条"
            )
            .asks(.init("declineReason", "不予立案的理由（不符合立案标准的情形）"))
            .then(
                .compute(writes: EnforcementFact.filingDeclinedOn) { c in
                    Facts([EnforcementFact.filingDeclinedOn ~ c.date])
                }),
            at: 2)
        // 第四十三条: a person whose recusal was granted takes no further step of the case, alone, named on one, or as
        // the hearing's chair.
        for i in actions.indices { actions[i].gates.append(notRecused) }
        var d = ProcedureDefinition(
            id: id, version: version, name: "行政处罚普通程序", instrument: "《中华人民共和国行政处罚法》", initial: State.clue.id,
            states: states,
            actions: actions,
            opening: Penalty.opening,
            numbering: CaseNumbering(
                "立", issuer: .enforcementBody, registeredAs: "登", numberedAt: Step.fileCase),
            presentation: Penalty.presentation(party: ["partyName"]))
        let writable = d.writableFacts
        d.presentation.shownFacts.removeAll { !writable.contains($0) }
        return d
    }

    /// The payment period is running and has passed (第七十二条: 到期不缴纳).
    static func paymentOverdue(_ c: StepContext) -> Bool {
        guard let d = c.file.deadline("payment"), d.isRunning else { return false }
        return c.date > d.deadline.due
    }

    /// A 催告书 was served and its ten working days have passed (行政强制法 第三十五条、第五十四条).
    static func demandLapsed(_ c: StepContext) -> Bool {
        guard let d = c.file.deadline("demand"), d.isRunning else { return false }
        return c.date > d.deadline.due
    }

    /// 行政强制法 第五十三条: the day the party's periods to apply for 行政复议 (60 days, 行政复议法 第二十条) and to sue (six
    /// months, 行政诉讼法 第四十六条) have both run out — each counted from service of the decision.
    static func reviewPeriodsEnd(_ c: StepContext) -> CivilDate {
        let served = c.file.facts[EnforcementFact.servedOn] ?? c.date
        let reconsideration = c.calendar.periodEnd(served.adding(days: Penalty.reconsiderationApplicationDays))
        let suit = c.calendar.periodEnd(served.addingMonths(Penalty.suitMonths))
        return max(reconsideration, suit)
    }

    /// 加处罚款 (第七十二条第一款第一项): 3% a day from the day after the payment period, days under 复议 or 诉讼 not counted
    /// (第七十三条第三款), at most the fine — as it stands on the step's day.
    static let accruedLateFine = Effect.compute(
        writes: EnforcementFact.lateFine, EnforcementFact.daysUnderReconsideration, EnforcementFact.reviewPeriodsEnd
    ) { c in
        let d = c.file.deadline("payment")!.deadline.due
        // 第七十三条第三款: days under 复议 in this system are counted from the linked 复议 cases; others are entered.
        let reconsideration = Penalty.daysUnderReview(
            Penalty.periods(c.external), overdueAfter: d, through: c.date)
        let review = reconsideration + Int(c.inputs[EnforcementFact.daysUnderReview] ?? 0)
        return Facts([
            EnforcementFact.lateFine
                ~ Penalty.lateFine(
                    fine: c.file.facts[EnforcementFact.decidedFine] ?? 0,
                    daysOverdue: d.days(until: c.date), daysUnderReview: review),
            EnforcementFact.daysUnderReconsideration ~ Double(reconsideration),
            EnforcementFact.reviewPeriodsEnd ~ reviewPeriodsEnd(c),
        ])
    }

    /// 第五十八条第一款: the listed cases need 法制审核; a hearing case affecting major rights is (二).
    static func legalReviewRequired(_ c: StepContext) -> Bool {
        !c.file.facts.list(EnforcementFact.legalReviewReasons).isEmpty || c.file.facts.flag(EnforcementFact.heard)
    }

    static let notRecused = Gate("行政处罚法 第四十三条", "已决定回避的执法人员不能再参与本案") { c in
        let recused = Set(c.file.facts.list(EnforcementFact.recused).map(\.trimmed))
        guard !recused.isEmpty else { return true }
        let named =
            c.officers.flatMap { [$0.name, $0.certificateNumber, $0.id.uuidString] }
            + [c.inputs[EnforcementFact.hearingChair], c.inputs[EnforcementFact.hearingChairOfficerID]].compactMap {
                $0?.trimmed
            }
        let actor = [c.actor.name] + (c.actor.officerID.map { [$0.uuidString] } ?? [])
        return recused.isDisjoint(with: named + actor)
    }

    static func notInvestigator(_ c: StepContext) -> Bool {
        let onCase = c.file.officersOnCase
        return !(c.actor.officerID.map(onCase.contains) ?? false)
            && !c.file.steps.contains { $0.action == Step.recordEvidence && $0.actorID == c.actor.id }
    }

    /// Whether a decision being taken is one the local publication rule covers (第四十八条第一款; `PublicationRule`).
    @Sendable static func publicationRuleCovers(_ c: StepContext) -> Bool {
        guard c.inputs[EnforcementFact.outcome] == "penalty" else { return false }
        let kinds = c.inputs.list(EnforcementFact.penaltyKinds), fine = c.inputs[EnforcementFact.fineAmount] ?? 0
        let heard = Penalty.hearingRight(
            kinds: kinds, fine: fine, confiscation: c.file.facts[EnforcementFact.confiscationValue] ?? 0,
            organisation: Penalty.isOrganisation(c.facts), settings: c.settings)
        return c.settings.publicationRule.covers(kinds: kinds, fine: fine.yuan, hearingRight: heard)
    }
}
