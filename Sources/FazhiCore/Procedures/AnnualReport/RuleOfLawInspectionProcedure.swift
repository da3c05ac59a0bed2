import Foundation

/// 法治督察 (《法治政府建设与责任落实督察工作规定》, 厅字〔2019〕28号; article numbers **[U]**): the 依法治县办 — staffed by the
/// 司法局 — inspects a department or a town: it records the inspection and what it found, feeds its 督察意见 back with a
/// period to rectify (from the day they are served), the unit reports its rectification item by item, and the
/// inspector verifies and closes, with a 通报 when one is made. The case belongs to the inspected unit (it answers);
/// the 司法局's 监督人员 act wherever they supervise. The units may be sampled by the draw rule (`RandomDraw.sample`):
/// the draw's inputs, their SHA-256 and the public value go on the record, so anyone can redo it.
public enum RuleOfLawInspectionProcedure {
    public static let id = "rule_of_law_inspection"
    public static let version = 1
    static let source = "法治政府建设与责任落实督察工作规定"

    public enum State {
        public static let new = ProcedureState("new", "待督察")
        public static let inspected = ProcedureState("inspected", "已督察，待反馈")
        public static let fedBack = ProcedureState("fed_back", "已反馈督察意见，待整改")
        public static let reported = ProcedureState("reported", "已报送整改情况，待核查")
        public static let closed = ProcedureState("closed", "已办结", terminal: true)
    }

    public enum Step {
        public static let inspect = "record_inspection"
        public static let closeClean = "close_without_findings"
        public static let feedBack = "feed_back_opinions"
        public static let report = "report_rectification"
        public static let accept = "accept_rectification"
        public static let orderMore = "order_further_rectification"
        public static let pressOverdue = "press_overdue_rectification"
    }

    public enum Fact {
        public static let kind = FactKey<String>("inspectionKind", "督察方式")
        public static let scope = FactKey<String>("inspectionScope", "督察类型")
        public static let topic = FactKey<String>("topic", "督察事项")
        public static let methods = FactKey<[String]>("methods", "督察方法")
        public static let inspectedOn = FactKey<CivilDate>("inspectedOn", "督察日期")
        public static let inspectors = FactKey<String>("inspectors", "督察组成员")
        public static let findings = FactKey<[String]>("findings", "发现的问题")
        public static let conclusion = FactKey<String>("conclusion", "督察结论")
        public static let requirements = FactKey<String>("requirements", "整改要求")
        public static let servedOn = FactKey<CivilDate>("servedOn", "督察意见送达日期")
        public static let rectifyDays = FactKey<Double>("rectifyDays", "整改期限（日）")
        public static let corrections = FactKey<[String]>("corrections", "整改情况")
        public static let measures = FactKey<String>("measures", "建立的长效机制")
        public static let rectifiedLate = FactKey<Bool>("rectifiedLate", "逾期报送整改情况")
        public static let verification = FactKey<String>("verification", "核查意见")
        public static let circular = FactKey<String>("circular", "通报")
        public static let circularText = FactKey<String>("circularText", "通报内容")
        public static let furtherReasons = FactKey<String>("furtherReasons", "整改不到位的问题")
        public static let furtherDays = FactKey<Double>("furtherDays", "继续整改的期限（日）")
        public static let overdueMeasure = FactKey<String>("overdueMeasure", "逾期未报送的处理")
        public static let overdueNote = FactKey<String>("overdueNote", "处理情况")
        public static let all: [AnyFactKey] = [
            kind.any, scope.any, topic.any, methods.any, inspectedOn.any, inspectors.any, findings.any, conclusion.any,
            requirements.any, servedOn.any, rectifyDays.any, corrections.any, measures.any, rectifiedLate.any,
            verification.any, circular.any, circularText.any, furtherReasons.any, furtherDays.any, overdueMeasure.any,
            overdueNote.any,
            CaseColumns.decidedOn.any, CaseColumns.outcome.any,
        ]
    }

    /// 督察方式: in writing (the unit's 自查 and written account) or on site (暗访 is a way of inspecting on site).
    public static let kinds = [
        InputField.Choice("written", "书面督察"), .init("onsite", "实地督察"), .init("unannounced", "实地督察（暗访）"),
    ]
    /// 督察类型: the whole of the unit's 法治政府建设, or one matter.
    public static let scopes = [InputField.Choice("comprehensive", "综合督察"), .init("special", "专项督察")]
    public static let circulars = [
        InputField.Choice("none", "不通报"), .init("praise", "通报表扬"), .init("criticise", "通报批评"),
    ]
    /// What the 依法治县办 does when a unit has not reported its rectification in time.
    public static let overdueMeasures = [
        InputField.Choice("urge", "书面催办"), .init("interview", "约谈被督察单位主要负责人"), .init("criticise", "通报批评"),
        .init("accountability", "移送有关机关依规依纪依法问责"),
    ]

    /// The 依法治县办's inspectors are the 司法局's 监督人员; the unit answers through its head or 法制机构.
    static let inspectors: Set<Role> = [.supervisor]
    static let unit: Set<Role> = [.head, .legalReviewer]

    static func rectifyPeriod(from fact: String?) -> DeadlineRule {
        DeadlineRule(
            "rectify", "报送整改情况", days: 30, .day, article: source + "（整改期限由督察意见确定）", fromFact: fact,
            daysFact: Fact.rectifyDays.id)
    }

    /// 继续整改's own period, from the day it is ordered (the first period's facts stay as they were).
    static let furtherPeriod = DeadlineRule(
        "rectify", "报送整改情况（继续整改）", days: 30, .day, article: source + "（整改期限由督察意见确定）",
        daysFact: Fact.furtherDays.id)

    /// A report after its period: late, and stays late once it was (a second, timely report after 继续整改 does not
    /// clear the first delay).
    static func late(_ c: StepContext) -> Bool {
        c.file.facts.flag(Fact.rectifiedLate) || (c.file.deadline("rectify").map { c.date > $0.deadline.due } ?? false)
    }

    static func daysGate(_ a: ActionDefinition, _ key: FactKey<Double> = Fact.rectifyDays) -> ActionDefinition {
        a.gate("系统限制", "整改期限应为1至180日", field: key.id) { c in
            c.inputs[key].map { $0 >= 1 && $0 <= 180 && $0 == $0.rounded() } ?? false
        }
    }

    static func listGate(
        _ a: ActionDefinition, _ key: FactKey<[String]>, _ label: String, required: Bool
    )
        -> ActionDefinition
    {
        a.gate("系统限制", "\(label)\(required ? "至少一项、" : "")不超过50项，每项不超过1000字", field: key.id) { c in
            let items = c.inputs.list(key.id)
            return (!required || !items.isEmpty) && items.count <= 50 && items.allSatisfy { $0.count <= 1_000 }
        }
    }

    public static func definition(_ s: ProcedureSettings) -> ProcedureDefinition {
        typealias F = Fact
        var d = ProcedureDefinition(
            id: id, version: version, name: "法治督察", instrument: "《\(source)》（厅字〔2019〕28号）", initial: State.new.id,
            states: [State.new, State.inspected, State.fedBack, State.reported, State.closed],
            actions: [
                listGate(
                    listGate(
                        ActionDefinition(
                            Step.inspect, "开展督察", from: [State.new.id], to: State.inspected.id, by: inspectors,
                            basis: source
                        )
                        .asks(
                            .init("inspectionKind", "督察方式", .choice(kinds)),
                            .init("inspectionScope", "督察类型", .choice(scopes)),
                            .init("topic", "督察事项（如：行政执法“三项制度”落实情况）"),
                            .init("methods", "督察方法（每行一项：听取汇报、查阅资料、实地察看、个别谈话、抽查案卷）", .list)
                                .oneItemPerLine(),
                            .init("inspectedOn", "督察日期", .date),
                            .init("inspectors", "督察组成员"),
                            .init("findings", "发现的问题（每行一项；未发现问题的不填）", .list, required: false).oneItemPerLine()),
                        F.methods, "督察方法", required: true), F.findings, "发现的问题", required: false
                )
                .gate("系统限制", "督察事项不超过200字", field: "topic") { c in (c.inputs.text("topic") ?? "").count <= 200 }
                .gate("系统限制", "督察组成员不超过200字", field: "inspectors") { c in
                    (c.inputs.text("inspectors") ?? "").count <= 200
                }
                .gate("系统限制", "督察日期不能晚于办理之日", field: "inspectedOn") { c in
                    (c.inputs[F.inspectedOn] ?? c.date) <= c.date
                },
                ActionDefinition(
                    Step.closeClean, "未发现问题，办结", from: [State.inspected.id], to: State.closed.id, by: inspectors,
                    basis: source
                )
                .asks(.init("conclusion", "督察结论"))
                .produces(.inspectionReport)
                .gate(source, "督察发现了问题，应反馈督察意见、督促整改", field: "conclusion") { c in
                    c.file.facts.list(F.findings).isEmpty
                }
                .then(
                    .compute(writes: CaseColumns.decidedOn, CaseColumns.outcome) { c in
                        Facts([CaseColumns.decidedOn ~ c.date, CaseColumns.outcome ~ "clean"])
                    }),
                daysGate(
                    ActionDefinition(
                        Step.feedBack, "反馈督察意见", from: [State.inspected.id], to: State.fedBack.id, by: inspectors,
                        basis: source
                    )
                    .asks(
                        .init("requirements", "督察意见和整改要求"), .init("servedOn", "督察意见送达日期", .date),
                        .init("rectifyDays", "整改期限（日，自送达之日起算）", .number))
                )
                .gate(source, "未发现问题的，以“未发现问题，办结”结束督察", field: "requirements") { c in
                    !c.file.facts.list(F.findings).isEmpty
                }
                .gate("系统限制", "送达日期不能早于督察日期，也不能晚于办理之日", field: "servedOn") { c in
                    guard let on = c.inputs[F.servedOn] else { return false }
                    return on <= c.date && on >= (c.file.facts[F.inspectedOn] ?? on)
                }
                .then(.startDeadline(rectifyPeriod(from: F.servedOn.id)))
                .produces(.inspectionOpinion),
                listGate(
                    ActionDefinition(
                        Step.report, "报送整改情况", from: [State.fedBack.id], to: State.reported.id, by: unit,
                        basis: source
                    )
                    .asks(
                        .init("corrections", "整改情况（每行一项，逐项对应发现的问题）", .list).oneItemPerLine(),
                        .init("measures", "建立的长效机制", required: false)),
                    F.corrections, "整改情况", required: true
                )
                .gate(source, "整改情况应逐项对应发现的问题（每个问题一行）", field: "corrections") { c in
                    c.inputs.list(F.corrections.id).count >= c.file.facts.list(F.findings).count
                }
                .then(
                    .compute(writes: F.rectifiedLate) { c in Facts([F.rectifiedLate ~ late(c)]) },
                    .stopDeadline("rectify")),
                ActionDefinition(
                    Step.accept, "核查办结", from: [State.reported.id], to: State.closed.id, by: inspectors, basis: source
                )
                .asks(
                    .init("verification", "核查意见"), .init("circular", "通报", .choice(circulars)),
                    .init("circularText", "通报内容（予以通报时填写）", required: false)
                )
                .gate(source, "予以通报的，请填写通报内容", field: "circularText") { c in
                    c.inputs.text("circular") == "none"
                        || !(c.inputs.text("circularText") ?? "").trimmingCharacters(in: .whitespaces).isEmpty
                }
                .then(
                    .compute(writes: CaseColumns.decidedOn, CaseColumns.outcome) { c in
                        Facts([CaseColumns.decidedOn ~ c.date, CaseColumns.outcome ~ "rectified"])
                    }
                )
                .produces(.inspectionReport),
                daysGate(
                    ActionDefinition(
                        Step.orderMore, "整改不到位，继续整改", from: [State.reported.id], to: State.fedBack.id,
                        by: inspectors, basis: source
                    )
                    .asks(
                        .init("furtherReasons", "整改不到位的问题"),
                        .init("furtherDays", "继续整改的期限（日，自本日起算）", .number)),
                    Fact.furtherDays
                )
                .then(.startDeadline(furtherPeriod)),
                // Not reported in time: the 依法治县办 presses (催办, 约谈, 通报批评, 问责) — the case stays open, late on the
                // record.
                ActionDefinition(
                    Step.pressOverdue, "逾期未报送的处理", from: [State.fedBack.id], to: nil, by: inspectors, basis: source
                )
                .asks(.init("overdueMeasure", "处理方式", .choice(overdueMeasures)), .init("overdueNote", "处理情况"))
                .gate(source, "整改期限尚未届满", field: "overdueMeasure", waitsFor: "rectify") { c in
                    c.file.deadline("rectify").map { c.date > $0.deadline.due } ?? false
                }
                .then(.compute(writes: F.rectifiedLate) { _ in Facts([F.rectifiedLate ~ true]) }),
            ],
            kind: .supervision,
            opening: OpeningRule(
                inspectors, article: source, refusal: "法治督察由依法治县办（司法行政部门）的督察人员组织",
                forAnotherBody: "请在“法治政府建设考核”页面选择被督察单位后登记，或者随机抽取"),
            numbering: CaseNumbering("法督", issuer: .governmentAbove, documentsIssuedBy: .ruleOfLawOffice),
            presentation: CasePresentation(
                party: ["topic"],
                shownFacts: [
                    "inspectionKind", "inspectionScope", "topic", "methods", "inspectedOn", "inspectors", "findings",
                    "conclusion",
                    "requirements", "servedOn", "rectifyDays", "corrections", "measures", "rectifiedLate",
                    "furtherReasons", "furtherDays", "overdueMeasure", "overdueNote", "verification", "circular",
                    "circularText",
                ],
                labels: Dictionary(Fact.all.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a }),
                computedChoices: ["outcome": [.init("clean", "未发现问题"), .init("rectified", "已整改")]],
                notStarted: "尚未督察",
                result: { f in
                    switch f.facts[CaseColumns.outcome] {
                    case "clean": "未发现问题"
                    case "rectified": "已整改"
                    default: ""
                    }
                }))
        d.rolesHeldAtBody = true
        d.rolesHeldWhereRead = [.supervisor]
        d.statistics = statistics
        return d
    }

    /// The year's 督察 figures, by the year of the inspection.
    public static let statistics: ProcedureStatistics = {
        typealias S = ProcedureStatistics.Figure
        return ProcedureStatistics(
            title: "法治督察", year: { $0.facts[Fact.inspectedOn]?.year },
            figures: [
                S("inspected", "督察单位次") { _ in true },
                S("withFindings", "发现问题的单位次") { !$0.facts.list(Fact.findings).isEmpty },
                S("fedBack", "反馈督察意见") { $0.hasTaken(Step.feedBack) },
                S("rectified", "整改办结") { $0.facts[CaseColumns.outcome] == "rectified" },
                S("rectifying", "整改中") { [State.fedBack.id, State.reported.id].contains($0.state) },
                S("rectifiedLate", "逾期未报送整改情况", main: false) { $0.facts.flag(Fact.rectifiedLate) },
                S("circulated", "予以通报", main: false) { ($0.facts[Fact.circular] ?? "none") != "none" },
            ],
            rates: [])
    }()
}
