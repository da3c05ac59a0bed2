import FazhiCore
import FazhiStore
import Vapor

/// 执法监督预警 in the console: the 司法局 sees every body it supervises with its open alerts by rule (zeros included),
/// filters them, reads one and closes it with its finding, or issues a 监督文书 to the body; a body's head and staff see
/// their own alerts and answer each (情况说明 or 已整改). Every answer and close is on the record.
enum SupervisionConsole {
    struct Filter {
        var body: UUID?
        var rule: String?
        var state: AlertState?
    }

    struct BodyRow {
        let id: UUID
        let name: String
        /// Alerts not closed, by rule.
        let open: [String: Int]
        var total: Int { open.values.reduce(0, +) }
    }

    struct Page {
        let filter: Filter
        let rows: [BodyRow]
        let alerts: [SupervisionAlert]
        let names: [UUID: String]
        let supervises: Bool
        let rules: [AlertRule]
    }

    struct AlertPage {
        let alert: SupervisionAlert
        let rule: AlertRule?
        let bodyName: String
        let mayAnswer: Bool
        let mayClose: Bool
    }

    static func supervises(_ user: AuthUser) -> Bool { user.grants.contains { $0.role == .supervisor } }

    /// Whether the user answers for the body: its own head, 法制机构 or officers (granted at the body itself — the
    /// government's head does not answer for a department).
    static func answersFor(_ user: AuthUser, body: UUID) -> Bool {
        user.grants.contains { $0.organisationID == body && [.head, .legalReviewer, .officer].contains($0.role) }
    }

    static func filter(_ req: Request) -> Filter {
        Filter(
            body: req.query[String.self, at: "body"].flatMap(UUID.init(uuidString:)),
            rule: req.query[String.self, at: "rule"].flatMap { ProcedureCatalog.alertRule($0)?.id },
            state: req.query[String.self, at: "state"].flatMap(AlertState.init(rawValue:)))
    }

    static func load(_ req: Request, _ user: AuthUser) async throws -> Page {
        let f = filter(req)
        let names = try await CasesConsole.bodyNames(req)
        let counts = try await SupervisionAlerts.counts(bodies: user.readable, on: req.db)
        var open: [UUID: [String: Int]] = [:]
        for c in counts where c.state != .closed { open[c.bodyID, default: [:]][c.rule, default: 0] += c.n }
        // A supervisor looks for the bodies with nothing as much as for the others: every body read, zeros included.
        let shown = supervises(user) ? user.readable : Set(open.keys).union([user.organisationID])
        let rows = shown.compactMap { id in names[id].map { BodyRow(id: id, name: $0, open: open[id] ?? [:]) } }
            .sorted { ($0.total, $1.name) > ($1.total, $0.name) }
        let scope = f.body.map { user.readable.contains($0) ? [$0] : [] } ?? user.readable
        let alerts = try await SupervisionAlerts.list(
            bodies: Set(scope), state: f.state, rule: f.rule, limit: 500, on: req.db)
        return Page(
            filter: f, rows: rows, alerts: alerts, names: names, supervises: supervises(user),
            rules: ProcedureCatalog.alertRules)
    }

    static func alertPage(_ req: Request, _ user: AuthUser) async throws -> AlertPage {
        guard let id = req.parameters.get("id", as: Int64.self),
            let a = try await SupervisionAlerts.alert(id, on: req.db), user.readable.contains(a.bodyID)
        else { throw APIError.notFound("没有该预警，或者您无权查看") }
        let names = try await CasesConsole.bodyNames(req)
        return AlertPage(
            alert: a, rule: ProcedureCatalog.alertRule(a.rule), bodyName: names[a.bodyID] ?? "",
            mayAnswer: a.state == .open && answersFor(user, body: a.bodyID),
            mayClose: a.state != .closed && supervises(user))
    }

    static func register(_ console: any RoutesBuilder) {
        console.get("supervision") { req async throws -> Response in
            let user = try req.requireUser()
            let p = try await load(req, user)
            return Views.console(
                "执法监督预警", user: user, request: req, active: SitePath.alerts(body: nil, rule: nil, state: nil).path,
                flash: Flash.take(req), SupervisionViews.overview(p, csrf: CSRF.token(for: req)))
        }
        console.get("supervision", "alerts", ":id") { req async throws -> Response in
            let user = try req.requireUser()
            return try await alert(req, user, error: nil)
        }
        console.post("supervision", "alerts", ":id", "answer") { req async throws -> Response in
            let user = try req.requireUser()
            let v = try req.content.decode([String: String].self)
            return try await change(req, user) { id, today, bodies in
                guard let kind = AlertAnswer(rawValue: v["answer"] ?? "") else {
                    throw DomainError.invalid(field: "answer", message: "请选择答复方式：情况说明或者已整改")
                }
                let unit = try await CasesConsole.bodyNames(req)[user.organisationID] ?? ""
                return try await req.write(as: user) { tx in
                    try await SupervisionAlerts.answer(
                        id, kind, text: v["answerText"] ?? "", by: "\(user.displayName)（\(unit)）", today: today,
                        bodies: bodies, in: tx)
                }
            }
        }
        console.post("supervision", "alerts", ":id", "close") { req async throws -> Response in
            let user = try req.requireUser()
            let v = try req.content.decode([String: String].self)
            return try await change(req, user, supervisorOnly: true) { id, today, bodies in
                try await req.write(as: user) { tx in
                    try await SupervisionAlerts.close(
                        id, note: v["closeNote"] ?? "", by: user.displayName, today: today, bodies: bodies, in: tx)
                }
            }
        }
        console.post("supervision", "notices") { req async throws -> Response in
            let user = try req.requireUser()
            let v = try req.content.decode([String: String].self)
            guard let body = v["body"].flatMap(UUID.init(uuidString:)), user.readable.contains(body),
                let def = req.fazhi.procedures.current(SupervisionNoticeProcedure.id)
            else { throw DomainError.invalid(field: "body", message: "请选择被监督的单位") }
            try CasesAPI.mayOpen(def, user: user, body: body)
            let today = req.fazhi.today
            let c = try await req.write(as: user) { tx in
                try await CaseStore.open(def, bodyID: body, today: today, in: tx)
            }
            Flash.set(req, ok: "已登记 \(c.number)，请填写并制发监督文书")
            return req.redirect(to: SitePath.caseFile(c.id).path)
        }
    }

    /// An answer or close: the alert must be one the user reads (and, to close, supervises); a refusal shows the page
    /// again with the reason and a 4xx.
    static func change(
        _ req: Request, _ user: AuthUser, supervisorOnly: Bool = false,
        _ body: (Int64, CivilDate, Set<UUID>) async throws -> SupervisionAlert
    ) async throws -> Response {
        guard let id = req.parameters.get("id", as: Int64.self) else { throw APIError.notFound("没有该预警") }
        do {
            if supervisorOnly && !supervises(user) {
                throw DomainError.forbidden("预警由司法行政部门的行政执法监督人员核查关闭", article: "行政执法监督条例 第六条")
            }
            if !supervisorOnly, let a = try await SupervisionAlerts.alert(id, on: req.db),
                !answersFor(user, body: a.bodyID)
            {
                throw DomainError.forbidden("预警由被监督单位的负责人或者工作人员答复", article: nil)
            }
            _ = try await body(id, req.fazhi.today, user.readable)
            Flash.set(req, ok: "已保存")
            return req.redirect(to: SitePath.alert(id).path)
        } catch let e as DomainError {
            return try await alert(req, user, error: e.message).with(status: APIError(e).status)
        }
    }

    static func alert(_ req: Request, _ user: AuthUser, error: String?) async throws -> Response {
        let p = try await alertPage(req, user)
        return Views.console(
            "执法监督预警第\(p.alert.id)号", user: user, request: req,
            active: SitePath.alerts(body: nil, rule: nil, state: nil).path, flash: Flash.take(req),
            SupervisionViews.alert(p, error: error, csrf: CSRF.token(for: req)))
    }
}
