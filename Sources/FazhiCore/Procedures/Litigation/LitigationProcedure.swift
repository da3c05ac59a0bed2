import Foundation

/// 行政应诉 (《中华人民共和国行政诉讼法》), as data: a lawsuit against the body from the complaint served on it, through
/// the answer and evidence (第六十七条), the hearings — with whether the body's head appeared in court (第三条第三款) — the
/// judgment or ruling, the appeal (第八十五条), performing the judgment (第九十四条), and any 司法建议 or 检察建议 received and
/// answered. The case belongs to the body sued; its 法制机构 (legal reviewers), its head, or the government's 复议应诉 office
/// take the steps.
public enum LitigationProcedure {
    public static let id = "litigation"
    public static let version = 1

    /// Its states (阶段), each declared once: a state named anywhere else is one of these.
    public enum State {
        public static let new = ProcedureState("new", "待登记")
        public static let answering = ProcedureState("answering", "答辩举证期")
        public static let pending = ProcedureState("pending", "审理中")
        public static let judged = ProcedureState("judged", "已裁判（上诉期）")
        public static let effective = ProcedureState("effective", "裁判生效（履行）")
        public static let closed = ProcedureState("closed", "已结案", terminal: true)
    }

    /// Its steps (步骤) by id, each declared once: a step named anywhere else is one of these.
    public enum Step {
        public static let register = "register"
        public static let submitAnswer = "submit_answer"
        public static let recordHearing = "record_hearing"
        public static let recordJudgment = "record_judgment"
        public static let appeal = "appeal"
        public static let judgmentEffective = "judgment_effective"
        public static let recordPerformance = "record_performance"
        public static let receiveRecommendation = "receive_recommendation"
        public static let replyRecommendation = "reply_recommendation"
        public static let close = "close"
    }

    public static let states = [
        State.new, State.answering, State.pending, State.judged, State.effective, State.closed,
    ]
    static let staff: Set<Role> = [.legalReviewer, .head, .reconsiderationStaff]
    static let open: Set<String> = [State.answering.id, State.pending.id, State.judged.id, State.effective.id]

    public static func definition(_ settings: ProcedureSettings) -> ProcedureDefinition {
        let actions: [ActionDefinition] = [
            ActionDefinition(
                Step.register, "登记应诉案件（收到起诉状副本）", from: [State.new.id], to: State.answering.id, by: staff,
                basis: "行政诉讼法 第六十七条"
            )
            .asks(
                .init("court", "受理法院"),
                .init("courtCaseNumber", "法院案号"),
                .init("instance", "审级", .choice(Litigation.instances)),
                .init("retrialProcedure", "再审适用的程序（再审案件填写）", .choice(Litigation.retrialProcedures), required: false),
                .init("plaintiff", "原告", personName: true),
                .init("defendantRole", "本机关诉讼地位", .choice(Litigation.defendantRoles)),
                .init("actKind", "被诉行政行为类别", .choice(Litigation.actKinds)),
                .init("actDescription", "被诉行政行为"),
                .init("claims", "诉讼请求"),
                .init("servedOn", "收到起诉状副本日期", .date),
                .init("relatedCaseNumber", "关联的执法或者复议案号", required: false)
            )
            .gate("行政诉讼法 第一百零一条；民事诉讼法 第二百一十八条", "再审案件须写明适用第一审程序还是第二审程序", field: "retrialProcedure") { c in
                c.inputs[LitigationFact.instance] != "retrial" || c.inputs[LitigationFact.retrialProcedure] != nil
            }
            .gate("行政诉讼法 第六十七条", "收到起诉状副本的日期不能晚于登记之日", field: "servedOn") { c in
                c.inputs[LitigationFact.servedOn]! <= c.date
            }
            .then(
                .compute(
                    writes: LitigationFact.registeredOn, LitigationFact.currentInstance, LitigationFact.headAppeared,
                    LitigationFact.hearings
                ) { c in
                    Facts([
                        "registeredOn": .date(c.date), "currentInstance": c.inputs["instance"]!,
                        "headAppeared": .bool(false), "hearings": .number(0),
                    ])
                },
                .startDeadline(
                    DeadlineRule(
                        "answer", "提交答辩状和作出行政行为的证据、依据", days: settings.litigationAnswerDays, .day,
                        article: "行政诉讼法 第六十七条第一款", fromFact: "servedOn"))),
            ActionDefinition(
                Step.submitAnswer, "提交答辩状和证据", from: [State.answering.id], to: State.pending.id, by: staff,
                basis: "行政诉讼法 第六十七条、第三十四条"
            )
            .asks(
                .init("answerSummary", "答辩意见"),
                .init("evidenceList", "提交的证据", .list),
                .init("legalBasis", "所依据的规范性文件", .list),
                .init("agents", "诉讼代理人", .list, required: false),
                .init("lateReason", "逾期提交的正当理由（经法院准许延期的写明）", required: false)
            )
            .recordsFiling()
            .gate("行政诉讼法 第三十四条第二款", "已超过答辩举证期限：无正当理由逾期提供证据的，视为没有相应证据；请写明正当理由（第三十六条）或者如实登记", field: "lateReason") { c in
                !answerLate(c) || !(c.inputs[LitigationFact.lateReason] ?? "").isEmpty
            }
            .then(
                .compute(writes: LitigationFact.answeredOn, LitigationFact.answerLate) { c in
                    Facts([LitigationFact.answeredOn ~ Posting.filedOn(c), LitigationFact.answerLate ~ answerLate(c)])
                }, .stopDeadline("answer")
            )
            .produces(.litigationAnswer),
            ActionDefinition(
                Step.recordHearing, "登记开庭（出庭应诉）", from: [State.answering.id, State.pending.id], to: State.pending.id,
                by: staff,
                basis: "行政诉讼法 第三条第三款"
            )
            .asks(
                .init("hearingDate", "开庭日期", .date),
                .init("headAppeared", "行政机关负责人出庭应诉", .bool),
                .init("headName", "出庭负责人姓名", required: false),
                .init("headPosition", "出庭负责人职务", required: false),
                .init("appearingStaff", "出庭的工作人员", .list, required: false),
                .init("absenceReason", "负责人不能出庭的理由", required: false),
                .init("headOpinion", "负责人就实质性化解争议发表的意见", required: false)
            )
            .gate("行政诉讼法 第三条第三款", "开庭日期不能晚于登记之日", field: "hearingDate") { c in
                c.inputs[LitigationFact.hearingDate]! <= c.date
            }
            .gate("行政诉讼法 第三条第三款", "负责人出庭的，须写明出庭负责人的姓名和职务", field: "headName") { c in
                !c.inputs.flag(LitigationFact.headAppeared)
                    || (!(c.inputs[LitigationFact.headName] ?? "").isEmpty
                        && !(c.inputs[LitigationFact.headPosition] ?? "").isEmpty)
            }
            .gate("行政诉讼法 第三条第三款", "负责人不能出庭的，应当写明理由，并委托本机关相应的工作人员出庭", field: "absenceReason") { c in
                c.inputs.flag(LitigationFact.headAppeared)
                    || (!(c.inputs[LitigationFact.absenceReason] ?? "").isEmpty
                        && !c.inputs.list(LitigationFact.appearingStaff).isEmpty)
            }
            .then(
                .compute(writes: LitigationFact.hearings, LitigationFact.headAppeared) { c in
                    Facts([
                        "hearings": .number((c.file.facts[LitigationFact.hearings] ?? 0) + 1),
                        "headAppeared": .bool(
                            c.file.facts.flag(LitigationFact.headAppeared) || c.inputs.flag(LitigationFact.headAppeared)
                        ),
                    ])
                }),
            ActionDefinition(
                Step.recordJudgment, "登记裁判结果", from: [State.pending.id], to: State.judged.id, by: staff,
                basis: "行政诉讼法 第八十条、第八十五条"
            )
            .asks(
                .init("judgment", "裁判结果", .choice(Litigation.judgments.map { .init($0.value, $0.label) })),
                .init("judgmentNumber", "裁判文书号"),
                .init("judgmentServedOn", "收到裁判文书日期", .date),
                .init("judgmentSummary", "裁判要旨")
            )
            .gate("行政诉讼法 第八十五条", "收到裁判文书的日期不能晚于登记之日", field: "judgmentServedOn") { c in
                c.inputs[LitigationFact.judgmentServedOn]! <= c.date
            }
            .gate("行政诉讼法 第八十九条", "“驳回上诉、维持原判”只用于二审", field: "judgment") { c in
                c.inputs[LitigationFact.judgment] != "uphold_on_appeal"
                    || c.file.facts[LitigationFact.currentInstance] == "second"
            }
            .then(
                .compute(
                    writes: LitigationFact.judgedOn, LitigationFact.lost, LitigationFact.isRuling, LitigationFact.final
                ) { c in
                    let j = Litigation.judgment(c.inputs[LitigationFact.judgment])!
                    let keeps = Litigation.keepsFirstInstance.contains(j.value)
                    let lost = keeps ? c.file.facts.flag(LitigationFact.lost) : j.lost
                    return Facts([
                        "judgedOn": .date(c.inputs[LitigationFact.judgmentServedOn]!), "lost": .bool(lost),
                        "isRuling": .bool(j.ruling),
                        "final": .bool(!appealable(j, c)),
                    ])
                },
                .startDeadline(
                    DeadlineRule(
                        "appeal", "不服一审判决提起上诉", days: Litigation.appealDaysJudgment, .day, article: "行政诉讼法 第八十五条",
                        fromFact: "judgmentServedOn", holder: .other),
                    onlyIf: { !$0.facts.flag(LitigationFact.final) && !$0.facts.flag(LitigationFact.isRuling) }),
                .startDeadline(
                    DeadlineRule(
                        "appeal", "不服一审裁定提起上诉", days: Litigation.appealDaysRuling, .day, article: "行政诉讼法 第八十五条",
                        fromFact: "judgmentServedOn", holder: .other),
                    onlyIf: { !$0.facts.flag(LitigationFact.final) && $0.facts.flag(LitigationFact.isRuling) })),
            ActionDefinition(
                Step.appeal, "提起上诉（或者对方上诉）", from: [State.judged.id], to: State.pending.id, by: staff,
                basis: "行政诉讼法 第八十五条"
            )
            .asks(
                .init("appellant", "上诉人", .choice(Litigation.appellants)),
                .init("appealedOn", "上诉日期（递交上诉状之日）", .date),
                .init("appealReasons", "上诉理由"),
                .init("appealCourt", "二审法院"),
                .init("appealCaseNumber", "二审案号", required: false)
            )
            .recordsFiling()
            .gate("行政诉讼法 第七条、第八十五条", "该裁判不能上诉（二审裁判、调解书、准许撤诉等裁定；可以依照第九十条申请再审）") { c in
                !c.file.facts.flag(LitigationFact.final)
            }
            .gate("行政诉讼法 第八十五条", "本机关上诉应当在裁判文书送达之日起的上诉期限内提出（判决十五日，裁定十日）", field: "appealedOn") { c in
                guard c.inputs[LitigationFact.appellant] == "defendant",
                    let due = c.file.deadline("appeal")?.deadline.due
                else { return true }
                // 民事诉讼法 第八十五条第四款: an appeal posted before the period ended is in time.
                return (c.inputs[ServiceFacts.postedOn] ?? c.inputs[LitigationFact.appealedOn]!) <= due
            }
            .then(
                .stopDeadline("appeal"), .set("currentInstance", .text("second")),
                .compute(
                    writes: LitigationFact.court, LitigationFact.firstInstanceLost, LitigationFact.courtCaseNumber
                ) { c in
                    Facts(
                        [
                            "court": c.inputs["appealCourt"]!,
                            "firstInstanceLost": .bool(c.file.facts.flag(LitigationFact.lost)),
                        ]
                        .merging(
                            c.inputs[LitigationFact.appealCaseNumber].map {
                                ["courtCaseNumber": FactValue.text($0)]
                            } ?? [:]
                        ) { a, _ in a })
                }),
            ActionDefinition(
                Step.judgmentEffective, "裁判发生法律效力", from: [State.judged.id], to: State.effective.id, by: staff,
                basis: "行政诉讼法 第八十五条"
            )
            .gate("行政诉讼法 第八十五条", "上诉期限尚未届满，一审裁判尚未发生法律效力") { c in
                c.file.facts.flag(LitigationFact.final)
                    || (c.file.deadline("appeal").map { c.date > $0.deadline.due } ?? true)
            }
            .then(
                .stopDeadline("appeal"),
                // A final judgment or a 调解书 takes effect when served (民事诉讼法 第一百条, 第一百五十八条 by 第一百零一条);
                // one that could be appealed, when the appeal period has passed unused (the day this is recorded).
                .compute(writes: LitigationFact.effectiveOn) { c in
                    let final = c.file.facts.flag(LitigationFact.final)
                    return Facts([
                        LitigationFact.effectiveOn ~ (final ? c.file.facts[LitigationFact.judgedOn] ?? c.date : c.date)
                    ])
                }),
            ActionDefinition(
                Step.recordPerformance, "履行生效裁判", from: [State.effective.id], to: nil, by: staff, basis: "行政诉讼法 第九十四条"
            )
            .asks(.init("performanceSummary", "履行情况（重新作出行为、履行职责、赔偿等）"))
            .then(.compute(writes: LitigationFact.performedOn) { Facts(["performedOn": .date($0.date)]) }),
            ActionDefinition(
                Step.receiveRecommendation, "收到司法建议或者检察建议", from: open.union([State.closed.id]), to: nil, by: staff,
                basis: "行政诉讼法 第二十五条第四款、第九十六条"
            )
            .asks(
                .init("recommendationKind", "建议类别", .choice(Litigation.recommendationKinds)),
                .init("issuer", "提出建议的法院或者检察院"),
                .init("letterNumber", "建议书文号"),
                .init("recommendationContent", "建议内容")
            )
            .gate("行政诉讼法 第九十六条", "前一份建议尚未回复，请先登记回复") { c in c.file.deadline("recommendationReply")?.isRunning != true }
            .then(
                .compute(writes: LitigationFact.recommendations, LitigationFact.lastRecommendationKind) { c in
                    let kind = c.inputs[LitigationFact.recommendationKind]!
                    return Facts([
                        "recommendations": .list(c.file.facts.list(LitigationFact.recommendations) + [kind]),
                        "lastRecommendationKind": .text(kind),
                    ])
                },
                .startDeadline(
                    DeadlineRule(
                        "recommendationReply", "书面回复检察建议", days: settings.procuratorialReplyMonths, .month,
                        article: "《人民检察院检察建议工作规定》第十九条（两个月）"),
                    onlyIf: { $0.inputs[LitigationFact.recommendationKind] == "procuratorial" }),
                .startDeadline(
                    DeadlineRule(
                        "recommendationReply", "回复司法建议", days: settings.judicialReplyDays, .day,
                        article: "行政诉讼法 第九十六条第四项（期限按建议书）"),
                    onlyIf: { $0.inputs[LitigationFact.recommendationKind] == "judicial" })),
            ActionDefinition(
                Step.replyRecommendation, "回复建议", from: open.union([State.closed.id]), to: nil, by: staff,
                basis: "行政诉讼法 第九十六条第四项"
            )
            .asks(
                .init("replySummary", "处理情况和回复内容"),
                .init("replyNumber", "回复函文号")
            )
            .gate("行政诉讼法 第九十六条第四项", "没有待回复的司法建议或者检察建议") { c in c.file.deadline("recommendationReply")?.isRunning == true
            }
            .then(
                .compute(writes: LitigationFact.repliedRecommendations, LitigationFact.lateReplies) { c in
                    let late = c.file.deadline("recommendationReply").map { c.date > $0.deadline.due } ?? false
                    return Facts([
                        "repliedRecommendations": .number(
                            (c.file.facts[LitigationFact.repliedRecommendations] ?? 0) + 1),
                        "lateReplies": .number((c.file.facts[LitigationFact.lateReplies] ?? 0) + (late ? 1 : 0)),
                    ])
                }, .stopDeadline("recommendationReply")
            )
            .produces(.recommendationReply),
            ActionDefinition(
                Step.close, "结案归档", from: [State.effective.id], to: State.closed.id, by: staff, basis: "行政诉讼法 第九十四条"
            )
            .asks(.init("closingSummary", "结案意见"))
            .gate("行政诉讼法 第九十四条", "本机关败诉的，应当先登记履行生效裁判的情况") { c in
                !c.file.facts.flag(LitigationFact.lost) || c.file.hasTaken(Step.recordPerformance)
            },
        ]
        var d = ProcedureDefinition(
            id: id, version: version, name: "行政应诉", instrument: "《中华人民共和国行政诉讼法》", initial: State.new.id, states: states,
            actions: actions,
            kind: .litigation,
            opening: OpeningRule(
                [.legalReviewer, .head, .reconsiderationStaff], article: "行政诉讼法 第三条第三款",
                refusal: "只有被诉机关的负责人、法制审核人员或者复议应诉工作人员可以登记应诉案件"),
            numbering: CaseNumbering("诉", issuer: .organisation), presentation: presentation)
        d.actReview = actReview
        d.statistics = statistics
        d.statistics?.summary = summary
        return d
    }

    /// Whether a judgment or ruling may be appealed (行政诉讼法 第八十五条): not a second-instance one (第七条), not a 调解书
    /// (effective on receipt, 民事诉讼法 第一百条 applied by 第一百零一条), not a ruling other than one dismissing the suit
    /// (准许撤诉 is final; 《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》第一百零一条 lists the appealable
    /// rulings), and a retrial's only when heard under first-instance procedure (民事诉讼法 第二百一十八条 — a setting).
    static func appealable(_ j: Litigation.Judgment, _ c: StepContext) -> Bool {
        if Litigation.unappealable.contains(j.value) { return false }
        switch c.file.facts[LitigationFact.currentInstance] {
        case "first": return true
        case "retrial":
            return c.file.facts[LitigationFact.retrialProcedure] == "first" && c.settings.retrialFirstInstanceAppealable
        default: return false
        }
    }

    /// The answer is late when it was filed (posted, 民事诉讼法 第八十五条第四款) after the answer period.
    static func answerLate(_ c: StepContext) -> Bool {
        guard let d = c.file.deadline("answer"), d.isRunning else { return false }
        return Posting.filedOn(c) > d.deadline.due
    }

    static func overdue(_ c: StepContext, _ key: String) -> Bool {
        guard let d = c.file.deadline(key), d.isRunning else { return false }
        return c.date > d.deadline.due
    }

    /// The year's 行政应诉 figures, by the year the complaint was served: 出庭率 = 负责人出庭应诉的案件 ÷ 开庭审理的案件;
    /// 败诉率 = 败诉 ÷ 审结 (a case is 审结 once a judgment or ruling is recorded; an appeal's result replaces the first).
    public static let statistics: ProcedureStatistics = {
        typealias F = ProcedureStatistics.Figure
        @Sendable func judged(_ f: CaseFile) -> Bool {
            f.facts[LitigationFact.judgedOn] != nil && f.state != State.pending.id
        }
        return ProcedureStatistics(
            title: "行政应诉统计", year: { $0.facts[LitigationFact.servedOn]?.year },
            figures: [
                F("received", "应诉案件") { _ in true },
                F("heard", "开庭审理") { ($0.facts[LitigationFact.hearings] ?? 0) > 0 },
                F("headAppeared", "负责人出庭应诉") { $0.facts.flag(LitigationFact.headAppeared) },
                F("pending", "在审") { [State.answering.id, State.pending.id].contains($0.state) },
                F("concluded", "审结") { judged($0) },
                F("lost", "败诉") { judged($0) && $0.facts.flag(LitigationFact.lost) },
                F("appealed", "上诉", main: false) { $0.hasTaken(Step.appeal) },
                F("answerLate", "逾期答辩举证", main: false) { $0.facts.flag(LitigationFact.answerLate) },
                F("judicialRecommendation", "收到司法建议", main: false) {
                    $0.facts.list(LitigationFact.recommendations).contains("judicial")
                },
                F("procuratorialRecommendation", "收到检察建议", main: false) {
                    $0.facts.list(LitigationFact.recommendations).contains("procuratorial")
                },
                F("recommendationPending", "建议待回复", main: false) {
                    $0.deadline("recommendationReply")?.isRunning == true
                },
            ],
            rates: [
                .init("appearance", "负责人出庭率", "headAppeared", over: "heard", formula: "负责人出庭应诉案件 ÷ 开庭审理案件"),
                .init("loss", "败诉率", "lost", over: "concluded", formula: "败诉案件 ÷ 审结案件"),
            ])
    }()
}
