import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// 执法监督预警, kept: raised by the sweep (`AlertSweep`) and by the steps that break a rule (projections), answered by the
/// body, closed by the supervisor. Pages read the table; nothing recomputes a province's cases per page.
public enum SupervisionAlerts {
    /// What a sweep knows: the day, the settings and whose periods are whose.
    public struct SweepContext: Sendable {
        public let today: CivilDate
        public let catalog: ProcedureCatalog
        public init(today: CivilDate, catalog: ProcedureCatalog) { self.today = today; self.catalog = catalog }
        public var settings: ProcedureSettings { catalog.settings }
    }

    /// A rule checked over the whole store at once (in set-based statements), raising what is new.
    public struct Sweep: Sendable {
        public let rule: AlertRule
        public let run: @Sendable (SweepContext, any SQLDatabase) async throws -> Void
        public init(_ rule: AlertRule, run: @escaping @Sendable (SweepContext, any SQLDatabase) async throws -> Void) {
            self.rule = rule; self.run = run
        }
    }

    /// Runs every sweep; returns how many alerts are new.
    @discardableResult
    public static func sweep(_ context: SweepContext, on db: any Database) async throws -> Int {
        let sql = db as! any SQLDatabase
        let before = try await count(on: sql)
        for s in AlertSweeps.all { try await s.run(context, sql) }
        return try await count(on: sql) - before
    }

    static func count(on sql: any SQLDatabase) async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM supervision_alerts").first()?.decode(column: "n", as: Int.self)
            ?? 0
    }

    /// Raises one alert unless its rule and subject already have one (a step taken twice, a sweep run again).
    public static func raise(_ a: SupervisionAlert, on sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            INSERT INTO supervision_alerts (rule, subject, body_id, case_id, case_number, detail, broken_on, raised_on,
            state) VALUES (\(bind: a.rule), \(bind: a.subject), \(bind: a.bodyID.uuidString),
            \(bind: a.caseID?.uuidString), \(bind: a.caseNumber), \(bind: a.detail), \(bind: a.brokenOn.description),
            \(bind: a.raisedOn.description), 'open') ON CONFLICT (rule, subject) DO NOTHING
            """
        ).run()
    }

    /// The alerts of these bodies, newest broken first, filtered by state and rule.
    public static func list(
        bodies: Set<UUID>, state: AlertState?, rule: String?, limit: Int = 200, offset: Int = 0,
        on db: any Database
    ) async throws -> [SupervisionAlert] {
        guard !bodies.isEmpty else { return [] }
        let sql = db as! any SQLDatabase
        var q = sql.select().column("*").from("supervision_alerts")
            .where("body_id", .in, SQLBind.group(bodies.map(\.uuidString)))
        if let state { q = q.where("state", .equal, SQLBind(state.rawValue)) }
        if let rule { q = q.where("rule", .equal, SQLBind(rule)) }
        return try await q.orderBy("broken_on", .descending).orderBy("id", .descending)
            .limit(max(1, min(limit, 1_000))).offset(max(0, offset)).all().map(decode)
    }

    public static func alert(_ id: Int64, on db: any Database) async throws -> SupervisionAlert? {
        try await (db as! any SQLDatabase).select().column("*").from("supervision_alerts")
            .where("id", .equal, SQLBind(id)).first().map(decode)
    }

    /// How many alerts each body has, by rule and state (the supervisor's overview).
    public struct Count: Sendable, Equatable {
        public let bodyID: UUID
        public let rule: String
        public let state: AlertState
        public let n: Int
    }

    public static func counts(bodies: Set<UUID>, on db: any Database) async throws -> [Count] {
        guard !bodies.isEmpty else { return [] }
        let rows = try await (db as! any SQLDatabase).raw(
            """
            SELECT body_id, rule, state, COUNT(*) AS n FROM supervision_alerts
            WHERE body_id IN \(SQLGroupExpression(bodies.map { SQLBind($0.uuidString) })) GROUP BY body_id, rule, state
            """
        ).all()
        return try rows.compactMap(count)
    }

    /// The alerts broken in a year (by the day the rule was broken), by rule and state: the yearly figures.
    public static func yearCounts(bodies: Set<UUID>, year: Int, on db: any Database) async throws -> [Count] {
        guard !bodies.isEmpty else { return [] }
        let rows = try await (db as! any SQLDatabase).raw(
            """
            SELECT body_id, rule, state, COUNT(*) AS n FROM supervision_alerts
            WHERE body_id IN \(SQLGroupExpression(bodies.map { SQLBind($0.uuidString) }))
            AND broken_on >= \(bind: "\(year)-01-01") AND broken_on <= \(bind: "\(year)-12-31") GROUP BY body_id, rule, state
            """
        ).all()
        return try rows.compactMap(count)
    }

    static func count(_ r: any SQLRow) throws -> Count? {
        guard let body = UUID(uuidString: try r.decode(column: "body_id", as: String.self)),
            let state = AlertState(rawValue: try r.decode(column: "state", as: String.self))
        else { return nil }
        return Count(
            bodyID: body, rule: try r.decode(column: "rule", as: String.self), state: state,
            n: try r.decode(column: "n", as: Int.self))
    }

    /// The body answers, once: what it explains or what it corrected (the answer stands as given; the supervisor closes
    /// the alert with a finding, or presses further with a 监督文书).
    public static func answer(
        _ id: Int64, _ kind: AlertAnswer, text: String, by name: String, today: CivilDate, bodies: Set<UUID>,
        in tx: WriteTransaction
    ) async throws -> SupervisionAlert {
        var a = try await mine(id, bodies: bodies, on: tx.db)
        let text = text.trimmed
        guard !text.isEmpty, text.count <= 5_000 else {
            throw DomainError.invalid(field: "answerText", message: "请写明情况说明或者整改情况（不超过5000字）")
        }
        guard a.state == .open else {
            throw DomainError.invalid(
                field: "state", message: a.state == .closed ? "该预警已关闭，不能再答复" : "该预警已答复，待司法行政部门核查")
        }
        a.state = .answered; a.answer = kind; a.answerText = text; a.answeredBy = name; a.answeredOn = today
        try await tx.sql.update("supervision_alerts").set("state", to: SQLBind(a.state.rawValue))
            .set("answer", to: SQLBind(kind.rawValue)).set("answer_text", to: SQLBind(text))
            .set("answered_by", to: SQLBind(name)).set("answered_on", to: SQLBind(today.description))
            .where("id", .equal, SQLBind(id)).run()
        try tx.record("supervision_alert", String(id), "answer", a)
        return a
    }

    /// The supervisor closes it, saying why (答复属实 / 已核实整改 / 不构成问题), or it stays open.
    public static func close(
        _ id: Int64, note: String, by name: String, today: CivilDate, bodies: Set<UUID>, in tx: WriteTransaction
    ) async throws -> SupervisionAlert {
        var a = try await mine(id, bodies: bodies, on: tx.db)
        let note = note.trimmed
        guard !note.isEmpty, note.count <= 2_000 else {
            throw DomainError.invalid(field: "closeNote", message: "请写明关闭理由（核查结论，不超过2000字）")
        }
        guard a.state != .closed else { throw DomainError.invalid(field: "state", message: "该预警已关闭") }
        a.state = .closed; a.closedBy = name; a.closedOn = today; a.closeNote = note
        try await tx.sql.update("supervision_alerts").set("state", to: SQLBind(a.state.rawValue))
            .set("closed_by", to: SQLBind(name)).set("closed_on", to: SQLBind(today.description))
            .set("close_note", to: SQLBind(note)).where("id", .equal, SQLBind(id)).run()
        try tx.record("supervision_alert", String(id), "close", a)
        return a
    }

    static func mine(_ id: Int64, bodies: Set<UUID>, on db: any Database) async throws -> SupervisionAlert {
        guard let a = try await alert(id, on: db), bodies.contains(a.bodyID) else {
            throw DomainError.notFound("没有该预警")
        }
        return a
    }

    static func decode(_ r: any SQLRow) throws -> SupervisionAlert {
        func text(_ c: String) throws -> String? {
            try r.decodeNil(column: c) ? nil : r.decode(column: c, as: String.self)
        }
        func date(_ c: String) throws -> CivilDate? { try text(c).flatMap { CivilDate(iso: $0) } }
        var a = SupervisionAlert(
            id: try r.decode(column: "id", as: Int64.self), rule: try r.decode(column: "rule", as: String.self),
            subject: try r.decode(column: "subject", as: String.self),
            bodyID: UUID(uuidString: try r.decode(column: "body_id", as: String.self)) ?? UUID(),
            caseID: try text("case_id").flatMap(UUID.init(uuidString:)), caseNumber: try text("case_number"),
            detail: try r.decode(column: "detail", as: String.self),
            brokenOn: try date("broken_on") ?? CivilDate(year: 2000, month: 1, day: 1)!,
            raisedOn: try date("raised_on") ?? CivilDate(year: 2000, month: 1, day: 1)!)
        a.state = AlertState(rawValue: try r.decode(column: "state", as: String.self)) ?? .open
        a.answer = try text("answer").flatMap(AlertAnswer.init(rawValue:))
        a.answerText = try text("answer_text"); a.answeredBy = try text("answered_by")
        a.answeredOn = try date("answered_on"); a.closedBy = try text("closed_by"); a.closedOn = try date("closed_on")
        a.closeNote = try text("close_note")
        return a
    }
}
