import Foundation

/// 行政执法监督通知书、意见书、决定书 (《行政执法监督条例》, 国务院令第825号, in force 2026-02-01): the 司法行政部门, as the
/// government's 行政执法监督机构 (第六条), issues a document about a case or a body's enforcement, serves it, and the body
/// reports what it corrected; the supervisor verifies and closes, or orders further correction. The case belongs to the
/// supervised body (it answers for itself); the 司法局's 监督人员 act wherever they supervise. The period to report runs from
/// 送达, in working days the document sets (default `supervisionReportWorkdays`; the 条例's own periods are not verified —
/// [U], README settings); a late report is the body's own overdue period, so it raises 办理期限逾期.
public enum SupervisionNoticeProcedure {
    public static let id = "supervision_notice"
    public static let version = 1

    public enum State {
        public static let new = ProcedureState("new", "待制发")
        public static let issued = ProcedureState("issued", "已制发，待送达")
        public static let served = ProcedureState("served", "已送达，待报送整改情况")
        public static let reported = ProcedureState("reported", "已报送，待核查")
        public static let closed = ProcedureState("closed", "已核查办结", terminal: true)
        public static let cancelled = ProcedureState("cancelled", "已撤销（未制发）", terminal: true)
    }

    public enum Step {
        public static let issue = "issue_supervision_document"
        public static let serve = "serve_supervision_document"
        public static let report = "report_correction"
        public static let accept = "accept_correction"
        public static let orderMore = "order_further_correction"
        public static let cancel = "cancel_supervision_document"
        public static let extend = "extend_report_period"
        public static let pressOverdue = "press_overdue_report"
    }

    /// What the 司法局 does when a body has not reported by the end of its period.
    public static let overdueMeasures = [
        InputField.Choice("urge", "书面催办"), .init("interview", "约谈被监督单位负责人"), .init("circular", "通报"),
        .init("refer", "提请本级人民政府处理"),
    ]

    /// The three documents the 条例 names for pressing a correction, by how serious the problem is.
    public static let kinds = [
        InputField.Choice("notice", "行政执法监督通知书"), .init("opinion", "行政执法监督意见书"), .init("decision", "行政执法监督决定书"),
    ]

    public enum Fact {
        public static let kind = FactKey<String>("documentKind", "文书种类")
        /// The 文号, taken when the document is issued (a registration cancelled before leaves no gap in the 文号).
        public static let documentNumber = FactKey<String>("documentNumber", "文书文号")
        public static let subject = FactKey<String>("subject", "监督事项")
        public static let relatedCase = FactKey<String>("relatedCase", "涉及案件（案号或者决定书文号）")
        public static let alertNumbers = FactKey<[String]>("alertNumbers", "依据的执法监督预警编号")
        public static let problems = FactKey<[String]>("problems", "发现的问题")
        public static let legalBasis = FactKey<String>("legalBasis", "违反的规定")
        public static let requirements = FactKey<String>("requirements", "整改要求")
        public static let reportWorkdays = FactKey<Double>("reportWorkdays", "报送整改情况的期限（工作日）")
        public static let issuedBy = FactKey<String>("issuedBy", "行政执法监督机构")
        public static let servedOn = FactKey<CivilDate>("servedOn", "送达日期")
        public static let receiver = FactKey<String>("receiver", "签收人")
        public static let corrections = FactKey<[String]>("corrections", "整改情况")
        public static let measures = FactKey<String>("measures", "建立的长效机制和责任追究情况")
        public static let verification = FactKey<String>("verification", "核查意见")
        public static let furtherReasons = FactKey<String>("furtherReasons", "整改不到位的问题")
        public static let cancelReason = FactKey<String>("cancelReason", "撤销理由")
        public static let extensionWorkdays = FactKey<Double>("extensionWorkdays", "延长的工作日")
        public static let extensionReason = FactKey<String>("extensionReason", "延期理由")
        public static let overdueMeasure = FactKey<String>("overdueMeasure", "逾期未报送的处理")
        public static let overdueNote = FactKey<String>("overdueNote", "处理情况")
        public static let all: [AnyFactKey] = [
            kind.any, documentNumber.any, subject.any, relatedCase.any, alertNumbers.any, problems.any, legalBasis.any,
            requirements.any,
            reportWorkdays.any, issuedBy.any, servedOn.any, receiver.any, corrections.any, measures.any,
            verification.any, furtherReasons.any, cancelReason.any, extensionWorkdays.any, extensionReason.any,
            overdueMeasure.any, overdueNote.any, CaseColumns.decidedOn.any, CaseColumns.outcome.any,
        ]
    }

    /// The 司法局's 行政执法监督人员 issue, serve, verify.
    static let supervisors: Set<Role> = [.supervisor]
    /// The supervised body answers through its head or its staff.
    static let body: Set<Role> = [.head, .legalReviewer, .officer]
    static let article = "行政执法监督条例 第六条"

    static func reportPeriod(_ s: ProcedureSettings, from fact: String?) -> DeadlineRule {
        DeadlineRule(
            "report", "报送整改情况", days: s.supervisionReportWorkdays, .workday, article: "行政执法监督条例（报送期限由监督文书确定）",
            fromFact: fact, daysFact: Fact.reportWorkdays.id)
    }

    /// The period the document states: the one the supervisor set, or the local default.
    static func defaultDays(_ s: ProcedureSettings) -> Effect {
        .compute(writes: Fact.reportWorkdays) { c in
            Facts([Fact.reportWorkdays ~ (c.inputs[Fact.reportWorkdays] ?? Double(s.supervisionReportWorkdays))])
        }
    }

    static func daysGate(_ a: ActionDefinition) -> ActionDefinition {
        a.gate("系统限制", "报送整改情况的期限应为1至120个工作日", field: "reportWorkdays") { c in
            c.inputs[Fact.reportWorkdays].map { $0 >= 1 && $0 <= 120 && $0 == $0.rounded() } ?? true
        }
    }

    public static func definition(_ s: ProcedureSettings) -> ProcedureDefinition {
        var d = ProcedureDefinition(
            id: id, version: version, name: "行政执法监督文书", instrument: "《行政执法监督条例》（国务院令第825号）",
            initial: State.new.id,
            states: [State.new, State.issued, State.served, State.reported, State.closed, State.cancelled],
            actions: [
                daysGate(
                    ActionDefinition(
                        Step.issue, "制发监督文书", from: [State.new.id], to: State.issued.id, by: supervisors, basis: article
                    )
                    .asks(
                        .init("documentKind", "文书种类", .choice(kinds)),
                        .init("subject", "监督事项（如：罚款偏离裁量基准）"),
                        .init("relatedCase", "涉及案件（案号或者决定书文号，可不填）", required: false),
                        .init("alertNumbers", "依据的执法监督预警编号（每行一个，可不填）", .list, required: false),
                        .init("problems", "发现的问题（每行一项）", .list).oneItemPerLine(),
                        .init("legalBasis", "违反的规定"),
                        .init("requirements", "整改要求"),
                        .init("reportWorkdays", "报送整改情况的期限（工作日，自送达之日起算；不填按本地设置）", .number, required: false),
                        .init("issuedBy", "承办的行政执法监督机构（如：清河县司法局）"))
                )
                .looksUp(.caseByDecisionNumber(input: "relatedCase", into: "related"))
                .looksUp(.nextNumber(kind: "执监", into: "documentNumber"))
                .looksUp(.alertsOfCaseBody(input: "alertNumbers", into: "alerts"))
                .looksUp(.entrustingBody(into: "principal"))
                .gate(
                    "行政处罚法 第二十条第三款；行政执法监督条例 第二条",
                    "受委托组织以委托机关的名义实施行政执法，由委托机关负责监督并承担法律责任：请为其委托机关登记监督文书"
                ) { c in c.external.text("principal") == nil }
                .looksUp(.actorWithinBody(into: "ownBody"))
                .gate(
                    "行政执法监督条例 第二条",
                    "监督文书的对象应为本级人民政府所属部门、派出机关、下级人民政府或者法律法规授权的组织，不能是本机关或者本级人民政府：请撤销登记后为被监督单位登记"
                ) { c in
                    !c.external.flag("ownBody")
                }
                .gate("系统限制", "预警编号应为数字，不超过50个", field: "alertNumbers") { c in
                    let n = c.inputs.list(Fact.alertNumbers.id)
                    return n.count <= 50
                        && n.allSatisfy {
                            !$0.isEmpty && $0.count <= 18 && $0.allSatisfy(\.isASCII) && Int64($0) != nil
                        }
                }
                .gate(article, "预警编号应为对被监督单位发出的执法监督预警（请在“执法监督预警”页面核对编号）", field: "alertNumbers") { c in
                    let found = Set(c.external.list("alerts"))
                    return c.inputs.list(Fact.alertNumbers.id).allSatisfy { found.contains(String(Int64($0) ?? -1)) }
                }
                .gate(article, "本系统中没有该案号或者决定书文号的案件", field: "relatedCase") { c in
                    (c.inputs[Fact.relatedCase]?.trimmed ?? "").isEmpty || c.external.text("related") != nil
                }
                .gate(article, "涉及的案件不是被监督单位办理的案件：监督文书应向办理该案的单位制发", field: "relatedCase") { c in
                    // A 受委托组织's case is its 委托机关's (行政处罚法 第二十条第三款).
                    let own = c.file.bodyID.uuidString
                    return c.external.text("related") == nil || c.external.text("related.body") == own
                        || c.external.text("related.principal") == own
                }
                .gate("系统限制", "发现的问题不超过50项，每项不超过1000字", field: "problems") { c in
                    let p = c.inputs.list(Fact.problems.id)
                    return !p.isEmpty && p.count <= 50 && p.allSatisfy { $0.count <= 1_000 }
                }
                .then(
                    defaultDays(s),
                    .compute(writes: Fact.documentNumber) { c in
                        Facts([Fact.documentNumber ~ (c.external.text("documentNumber") ?? "")])
                    }
                )
                .produces(.supervisionDocument),
                ActionDefinition(
                    Step.serve, "送达", from: [State.issued.id], to: State.served.id, by: supervisors, basis: article
                )
                .asks(.init("servedOn", "送达日期", .date), .init("receiver", "签收人"))
                .gate(article, "送达日期不能早于制发日期，也不能晚于办理之日", field: "servedOn") { c in
                    let on = c.inputs[Fact.servedOn]!
                    return on <= c.date && on >= (c.file.steps.last { $0.action == Step.issue }?.on ?? on)
                }
                .then(.startDeadline(reportPeriod(s, from: Fact.servedOn.id))),
                ActionDefinition(
                    Step.report, "报送整改情况", from: [State.served.id], to: State.reported.id, by: body, basis: article
                )
                .asks(
                    .init("corrections", "整改情况（每行一项，对应发现的问题）", .list).oneItemPerLine(),
                    .init("measures", "建立的长效机制和责任追究情况", required: false)
                )
                .then(.stopDeadline("report")),
                ActionDefinition(
                    Step.accept, "核查认可，办结", from: [State.reported.id], to: State.closed.id, by: supervisors,
                    basis: article
                )
                .asks(.init("verification", "核查意见"))
                .then(
                    .compute(writes: CaseColumns.decidedOn, CaseColumns.outcome) { c in
                        Facts([CaseColumns.decidedOn ~ c.date, CaseColumns.outcome ~ "corrected"])
                    }),
                daysGate(
                    ActionDefinition(
                        Step.orderMore, "整改不到位，责令继续整改", from: [State.reported.id], to: State.served.id,
                        by: supervisors, basis: article
                    )
                    .asks(
                        .init("furtherReasons", "整改不到位的问题"),
                        .init("reportWorkdays", "再次报送的期限（工作日，自本日起算）", .number, required: false))
                )
                .then(defaultDays(s), .startDeadline(reportPeriod(s, from: nil))),
                ActionDefinition(
                    Step.extend, "同意延期报送", from: [State.served.id], to: nil, by: supervisors, basis: article
                )
                .asks(
                    .init("extensionWorkdays", "延长的工作日", .number),
                    .init("extensionReason", "延期理由（被监督单位的申请及理由）")
                )
                .gate("系统限制", "延长的期限应为1至60个工作日", field: "extensionWorkdays") { c in
                    let d = c.inputs[Fact.extensionWorkdays] ?? 0
                    return d >= 1 && d <= 60 && d == d.rounded()
                }
                .gate(article, "报送期限最多延长两次", field: "extensionWorkdays") { c in
                    c.file.steps.filter { $0.action == Step.extend }.count < 2
                }
                .gate(article, "报送期限已经届满，不能再延期：请作出逾期未报送的处理", field: "extensionWorkdays") { c in
                    c.file.deadline("report").map { $0.isRunning && c.date <= $0.deadline.due } ?? false
                }
                .then(
                    .extendDeadline(
                        key: "report", name: "报送整改情况（经同意延期）", byFact: Fact.extensionWorkdays.id,
                        article: "行政执法监督条例（延期经监督机构同意）")),
                ActionDefinition(
                    Step.pressOverdue, "逾期未报送的处理", from: [State.served.id], to: nil, by: supervisors,
                    basis: article
                )
                .asks(.init("overdueMeasure", "处理方式", .choice(overdueMeasures)), .init("overdueNote", "处理情况"))
                .gate(article, "报送整改情况的期限尚未届满", field: "overdueMeasure", waitsFor: "report") { c in
                    c.file.deadline("report").map { c.date > $0.deadline.due } ?? false
                },
                ActionDefinition(
                    Step.cancel, "撤销登记（未制发）", from: [State.new.id], to: State.cancelled.id, by: supervisors,
                    basis: article
                )
                .asks(.init("cancelReason", "撤销理由")),
            ],
            kind: .supervision,
            opening: OpeningRule(
                supervisors, article: article, refusal: "行政执法监督文书由司法行政部门（行政执法监督机构）的监督人员制发",
                forAnotherBody: "请在“执法监督预警”页面选择被监督单位后登记"),
            // The registration's own number; the document's 文号 (执监) is taken at 制发.
            numbering: CaseNumbering("执监登", issuer: .governmentAbove),
            presentation: CasePresentation(
                party: ["subject"],
                shownFacts: [
                    "documentKind", "documentNumber", "subject", "relatedCase", "alertNumbers", "problems",
                    "legalBasis", "requirements",
                    "reportWorkdays", "issuedBy", "servedOn", "receiver", "extensionWorkdays", "extensionReason",
                    "overdueMeasure", "overdueNote", "corrections", "measures", "furtherReasons", "verification",
                    "cancelReason",
                ],
                labels: Dictionary(Fact.all.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a }),
                computedChoices: ["outcome": [.init("corrected", "已整改")]],
                notStarted: "尚未制发",
                result: { f in f.facts[CaseColumns.outcome] == "corrected" ? "已整改" : "" }))
        d.rolesHeldAtBody = true
        d.rolesHeldWhereRead = [.supervisor]
        return d
    }
}
