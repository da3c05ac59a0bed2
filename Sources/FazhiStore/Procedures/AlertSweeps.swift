import FazhiCore
import SQLKit

/// Every rule checked by sweeping the store (the rules a step breaks are raised by that step, in the modules'
/// projections). A module adds its sweeps here.
enum AlertSweeps {
    static let all: [SupervisionAlerts.Sweep] = [.stepOverdue, .transferWithoutFeedback, .zeroEnforcement]
}

extension SupervisionAlerts.Sweep {
    /// 办理期限逾期: every running period of a case's own body whose due day has passed, in the procedures the 执法监督
    /// watches (the party's and other organs' periods are left out: when they end the body may act, it has not failed to). One alert per case, period and due
    /// date — a period started again with a new due date is a new alert.
    static let stepOverdue = SupervisionAlerts.Sweep(.stepOverdue) { c, sql in
        let others = c.catalog.definitions.flatMap { d in d.othersPeriods.map { "\(d.id):\($0)" } }
        let watched = Set(c.catalog.definitions.filter(\.kind.supervised).map(\.id)).sorted()
        try await sql.raw(
            """
            INSERT INTO supervision_alerts (rule, subject, body_id, case_id, case_number, detail, broken_on, raised_on,
            state) SELECT \(bind: AlertRule.stepOverdue.id), UPPER(CAST(d.case_id AS TEXT)) || ':' || d.key || ':' || d.due,
            d.body_id, UPPER(CAST(d.case_id AS TEXT)), d.case_number, '“' || d.name || '”期限（' || d.article || '）已于' || d.due || '届满，尚未办理', d.due, \(bind: c.today.description), 'open'
            FROM case_deadlines d WHERE d.running = \(bind: true) AND d.due < \(bind: c.today.description)
            AND d.body_id IS NOT NULL AND d.procedure IN \(SQLGroupExpression(watched.map { SQLBind($0) }))
            AND (d.procedure || ':' || d.key) NOT IN \(SQLGroupExpression((others + [":"]).map { SQLBind($0) }))
            ON CONFLICT (rule, subject) DO NOTHING
            """
        ).run()
    }
}
