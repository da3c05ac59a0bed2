import FazhiCore
import FazhiStore
import Vapor

extension AppModule {
    /// 行政执法监督: the alerts page (the 司法局 by body, a body its own), the 监督文书 on the generic case pages, the alert
    /// sweep run periodically, the 待办 of both sides, the yearly figures, the bench, the demo.
    static let supervision = AppModule(
        folder: "Supervision",
        report: SupervisionReport.contributions,
        routes: { r in
            SupervisionConsole.register(r.console)
            ComplaintPortal.register(r.sessions)
        },
        navigation: [
            NavEntry(
                .supervision, "执法监督预警", .alerts(body: nil, rule: nil, state: nil),
                roles: [.supervisor, .head, .legalReviewer]),
            NavEntry(
                .supervision, "行政执法监督文书", .cases(procedure: SupervisionNoticeProcedure.id),
                roles: [.supervisor, .head, .legalReviewer]),
            NavEntry(.supervision, "投诉举报", .cases(procedure: EnforcementComplaintProcedure.id), roles: [.supervisor]),
        ],
        demo: { c, tx in try await DemoSupervision.load(c, in: tx) },
        figureSets: [SupervisionFigures.figures],
        pending: [SupervisionPending.items],
        jobs: [
            (
                "supervision alerts",
                { app in
                    try await SupervisionAlerts.sweep(
                        .init(today: app.fazhi.today, catalog: app.fazhi.procedures), on: app.db)
                }
            )
        ],
        portalServices: [
            .init(kind: .apply, title: "行政执法投诉举报", detail: "对行政执法行为投诉、举报", path: "/complaints"),
            .init(kind: .track, title: "投诉举报办理进度", detail: "凭查询编号和查询码", path: "/complaints/status"),
        ])
}

/// The alerts in the 待办: a body's head and 法制机构 see how many of their alerts wait for an answer; the 司法局's
/// supervisors how many answers wait for their check.
enum SupervisionPending {
    static let items: PendingItems.Provider = { user, req in
        var out: [PendingItem] = []
        let counts = try await SupervisionAlerts.counts(bodies: user.readable, on: req.db)
        if SupervisionConsole.supervises(user) {
            let answered = counts.filter { $0.state == .answered }.reduce(0) { $0 + $1.n }
            if answered > 0 {
                out.append(
                    PendingItem(
                        severity: .warning, title: "执法监督预警已答复待核查 \(answered) 条", detail: "核查答复后关闭，或者制发监督文书",
                        link: SitePath.alerts(body: nil, rule: nil, state: AlertState.answered.rawValue).path))
            }
        }
        if SupervisionConsole.supervises(user) {
            for (procedure, state, what) in [
                (SupervisionNoticeProcedure.id, SupervisionNoticeProcedure.State.reported.id, "整改情况已报送，待核查"),
                (EnforcementComplaintProcedure.id, EnforcementComplaintProcedure.State.received.id, "投诉举报待决定是否受理"),
                (EnforcementComplaintProcedure.id, EnforcementComplaintProcedure.State.accepted.id, "投诉举报已受理，待答复"),
            ] {
                let cases = try await CaseStore.inState(procedure: procedure, state: state, limit: 200, on: req.db)
                    .filter { user.readable.contains($0.file.bodyID) }
                for c in cases {
                    let due = c.file.runningDeadlines.map(\.deadline.due).min()
                    let left = due.map { req.fazhi.today.days(until: $0) }
                    out.append(
                        PendingItem(
                            severity: (left ?? 1) < 0 ? .overdue : .warning, title: "\(c.number)：\(what)",
                            detail: due.map {
                                "期限\($0.description)" + ((left ?? 0) < 0 ? "，已逾期\(-(left ?? 0))天" : "，还剩\(left ?? 0)天")
                            } ?? "",
                            link: SitePath.caseFile(c.id).path))
                }
            }
        }
        let own = user.organisationID
        if SupervisionConsole.answersFor(user, body: own), user.grants.contains(where: { $0.role != .officer }) {
            let open = counts.filter { $0.bodyID == own && $0.state == .open }.reduce(0) { $0 + $1.n }
            if open > 0 {
                out.append(
                    PendingItem(
                        severity: .overdue, title: "本单位执法监督预警待答复 \(open) 条", detail: "逐条作出情况说明或者报告整改情况",
                        link: SitePath.alerts(body: own, rule: nil, state: AlertState.open.rawValue).path))
            }
        }
        return out
    }
}

/// The year's supervision figures: alerts by rule (raised, answered, closed) and the 监督文书 issued and closed.
enum SupervisionFigures {
    static let figures = FigureSet(id: "supervision", title: "行政执法监督") { req, year, bodies in
        let counts = try await SupervisionAlerts.yearCounts(bodies: bodies, year: year, on: req.readDB)
        func n(_ rule: String?, _ states: [AlertState]) -> Double {
            Double(
                counts.filter { (rule == nil || $0.rule == rule) && states.contains($0.state) }.reduce(0) { $0 + $1.n })
        }
        var out = [
            FigureOut(
                id: "alerts", label: "执法监督预警", definition: "本年发生的预警（按违反规则之日）", value: n(nil, AlertState.allCases),
                unit: "条", records: nil),
            FigureOut(
                id: "closed", label: "已核查关闭", definition: "本年发生、已由监督人员核查关闭的预警", value: n(nil, [.closed]), unit: "条",
                records: nil),
            FigureOut(
                id: "open", label: "尚未答复", definition: "本年发生、被监督单位尚未答复的预警", value: n(nil, [.open]), unit: "条",
                records: nil),
        ]
        for rule in ProcedureCatalog.alertRules {
            out.append(
                FigureOut(
                    id: "rule.\(rule.id)", label: rule.name, definition: "本年发生的“\(rule.name)”预警（\(rule.basis)）",
                    value: n(rule.id, AlertState.allCases), unit: "条", records: nil))
        }
        return ("本年执法监督预警\(Int(n(nil, AlertState.allCases)))条，已核查关闭\(Int(n(nil, [.closed])))条", out)
    }
}
