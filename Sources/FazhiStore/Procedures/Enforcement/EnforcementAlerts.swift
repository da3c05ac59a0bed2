import FazhiCore
import Foundation
import SQLKit

/// The enforcement records' 执法监督预警: raised by the step that breaks the rule (a fine decided outside the 裁量基准, a
/// decision published late, a repeated inspection) or by the sweep (a transfer without feedback, 零执法).
enum EnforcementAlerts {
    typealias Step = PenaltyOrdinaryProcedure.Step

    /// 偏离裁量基准 (at 作出决定) and 未按期公示 (at 公示).
    /// The case number (one more read) is looked up only when an alert is raised, not on every step.
    static let penalty = CaseProjection(procedure: PenaltyOrdinaryProcedure.id) { file, _, tx in
        guard let step = file.steps.last else { return }
        if step.action == Step.decide, outsideBenchmark(file, number: "", on: step.on) != nil,
            let number = try await caseNumber(file.id, on: tx.sql),
            let alert = outsideBenchmark(file, number: number, on: step.on)
        {
            try await SupervisionAlerts.raise(alert, on: tx.sql)
        }
        if step.action == Step.publish, let due = file.deadline("publication")?.deadline.due, step.on > due,
            let number = try await caseNumber(file.id, on: tx.sql)
        {
            try await SupervisionAlerts.raise(
                SupervisionAlert(
                    rule: AlertRule.latePublication.id, subject: file.id.uuidString, bodyID: file.bodyID,
                    caseID: file.id, caseNumber: number,
                    detail: "应于\(due)前公示，\(step.on)公示，逾期\(due.days(until: step.on))天",
                    brokenOn: due, raisedOn: step.on),
                on: tx.sql)
        }
    }

    /// A fine outside the range the registered benchmark gives on the decision (第三十四条): the alert names the range,
    /// the fine and the reason recorded at 拟作处罚.
    static func outsideBenchmark(_ file: CaseFile, number: String, on day: CivilDate) -> SupervisionAlert? {
        let f = file.facts
        guard f[EnforcementFact.outcome] == "penalty", let fine = f[EnforcementFact.fineAmount],
            let min = f[EnforcementFact.benchmarkMin],
            let max = f[EnforcementFact.benchmarkMax], fine < min || fine > max
        else { return nil }
        let code = f[EnforcementFact.benchmarkCode] ?? "", tier = f[EnforcementFact.benchmarkTier] ?? ""
        let reason = f[EnforcementFact.outsideBenchmarkReason].map { "；理由：\($0)" } ?? "；未说明理由"
        return SupervisionAlert(
            rule: AlertRule.outsideBenchmark.id, subject: file.id.uuidString, bodyID: file.bodyID, caseID: file.id,
            caseNumber: number, detail: "罚款\(fine)元，裁量基准\(code)\(tier)幅度\(min)—\(max)元\(reason)",
            brokenOn: day, raisedOn: day)
    }

    /// Each inspection's visit, and 短期内重复检查: the same object inspected by any body within `repeatInspectionDays`
    /// before, unless this inspection answers a complaint (投诉举报). The departments of one 部门联合抽查 inspecting on the
    /// same day are one visit (进一次门): those visits do not count against each other; another day is another entry.
    static let inspection = CaseProjection(procedure: InspectionProcedure.id) { file, settings, tx in
        let days = settings.repeatInspectionDays
        guard let step = file.steps.last, step.action == InspectionProcedure.Step.recordInspection,
            let object = file.facts[EnforcementFact.inspectedObject]?.trimmed, !object.isEmpty,
            let number = try await caseNumber(file.id, on: tx.sql)
        else { return }
        let joint = file.facts[EnforcementFact.jointTask].map { "joint:\($0)" }
        let source = joint ?? file.facts[EnforcementFact.inspectionSource] ?? ""
        let earlier = try await tx.sql.raw(
            """
            SELECT case_number, visited_on FROM inspection_visits WHERE object = \(bind: object)
            AND visited_on >= \(bind: step.on.adding(days: -days).description) AND visited_on <= \(bind: step.on.description)
            AND case_id <> \(bind: file.id.uuidString)
            AND NOT (source = \(bind: joint ?? "-") AND visited_on = \(bind: step.on.description)) ORDER BY visited_on DESC LIMIT 1
            """
        ).first()
        try await tx.sql.raw(
            """
            INSERT INTO inspection_visits (case_id, body_id, object, case_number, visited_on, source)
            VALUES (\(bind: file.id.uuidString), \(bind: file.bodyID.uuidString), \(bind: object), \(bind: number),
            \(bind: step.on.description), \(bind: source)) ON CONFLICT (case_id) DO NOTHING
            """
        ).run()
        guard source != "complaint", let earlier else { return }
        let before = try earlier.decode(column: "case_number", as: String.self)
        let on = try earlier.decode(column: "visited_on", as: String.self)
        try await SupervisionAlerts.raise(
            SupervisionAlert(
                rule: AlertRule.repeatInspection.id, subject: file.id.uuidString, bodyID: file.bodyID,
                caseID: file.id, caseNumber: number,
                detail: "检查对象“\(object)”已于\(on)接受检查（\(before)），\(days)日内再次检查",
                brokenOn: step.on, raisedOn: step.on),
            on: tx.sql)
    }

    static func caseNumber(_ id: UUID, on sql: any SQLDatabase) async throws -> String? {
        try await sql.raw("SELECT number FROM cases WHERE id = \(bind: id)").first()?.decode(
            column: "number", as: String.self)
    }
}

extension SupervisionAlerts.Sweep {
    /// 移送后未获反馈: a case transferred to the judicial organs with neither 立案 nor 退回 recorded after
    /// `transferFeedbackDays` days. One alert per transfer (a case returned and transferred again is a new one).
    static let transferWithoutFeedback = SupervisionAlerts.Sweep(.transferWithoutFeedback) { c, sql in
        let cutoff = c.today.adding(days: -c.settings.transferFeedbackDays).description
        try await sql.raw(
            """
            INSERT INTO supervision_alerts (rule, subject, body_id, case_id, case_number, detail, broken_on, raised_on,
            state) SELECT \(bind: AlertRule.transferWithoutFeedback.id), UPPER(CAST(c.id AS TEXT)) || ':' || s.taken_on,
            UPPER(CAST(c.body_id AS TEXT)), UPPER(CAST(c.id AS TEXT)), c.number,
            \(bind: "移送司法机关已满\(c.settings.transferFeedbackDays)日，未登记立案或者不予立案的反馈"), s.taken_on,
            \(bind: c.today.description), 'open'
            FROM cases c JOIN case_steps s ON s.case_id = c.id AND s.action = \(bind: PenaltyOrdinaryProcedure.Step.transfer)
            WHERE c.procedure = \(bind: PenaltyOrdinaryProcedure.id) AND c.state = \(bind: PenaltyOrdinaryProcedure.State.transferred.id)
            AND s.taken_on < \(bind: cutoff)
            ON CONFLICT (rule, subject) DO NOTHING
            """
        ).run()
    }

    /// 执法人员零执法: an officer whose certificate was valid during the whole of last year and who took part in no
    /// step of any case that year, at a body whose 行政处罚 or 行政检查 cases that year are in Fazhi (a body that came to
    /// Fazhi later has no record to judge by); not the body's heads or 法制审核 staff (they decide and review, they are not
    /// named as investigating officers). Raised for the last full year, once.
    static let zeroEnforcement = SupervisionAlerts.Sweep(.zeroEnforcement) { c, sql in
        let year = c.today.year - 1
        let enforcement = [PenaltyOrdinaryProcedure.id, PenaltySimpleProcedure.id, InspectionProcedure.id]
        try await sql.raw(
            """
            INSERT INTO supervision_alerts (rule, subject, body_id, case_id, case_number, detail, broken_on, raised_on,
            state) SELECT \(bind: AlertRule.zeroEnforcement.id), UPPER(CAST(o.id AS TEXT)) || ':' || \(bind: String(year)),
            UPPER(CAST(o.body_id AS TEXT)), NULL, NULL,
            o.name || '（执法证号' || o.certificate_number || '）' || \(bind: "\(year)年度未参与办理任何行政执法案件"),
            \(bind: "\(year)-12-31"), \(bind: c.today.description), 'open'
            FROM officers o WHERE o.certificate_status = \(bind: CertificateStatus.active.rawValue)
            AND o.certificate_issued_on <= \(bind: "\(year)-01-01") AND o.certificate_expires_on >= \(bind: "\(year)-12-31")
            AND NOT EXISTS (SELECT 1 FROM officer_activity a WHERE a.officer_id = UPPER(CAST(o.id AS TEXT)) AND a.year = \(bind: year))
            AND EXISTS (SELECT 1 FROM cases c WHERE c.body_id = o.body_id AND c.opened_on >= \(bind: "\(year)-01-01")
            AND c.opened_on <= \(bind: "\(year)-12-31") AND c.procedure IN \(SQLGroupExpression(enforcement.map { SQLBind($0) })))
            AND NOT EXISTS (SELECT 1 FROM role_grants g WHERE g.user_id = o.user_id
            AND g.role IN \(SQLGroupExpression([Role.head, .legalReviewer].map { SQLBind($0.rawValue) })))
            ON CONFLICT (rule, subject) DO NOTHING
            """
        ).run()
    }
}
