import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// What one case adds to the statistics' sums (M010): its key (body, month, kind) and its values.
struct FigureContribution: Equatable {
    let body: String, month: String, procedure: String, outcome: String
    let transferred: Int, reviewed: Int, heard: Int, late: Int
    let fine: Double, handlingDays: Int?
    let year: Int, item: String

    /// From the values the case row carries (`CaseStore.save` writes the same).
    init(
        body: UUID, openedOn: String, procedure: String, state: String, outcome: String?, decidedOn: String?,
        fine: Double?,
        legallyReviewed: Int, heard: Int, decisionDue: String?, handlingDays: Int?, powerItemCode: String
    ) {
        let ordinary = procedure == PenaltyOrdinaryProcedure.id
        self.body = body.uuidString; month = String(openedOn.prefix(7)); self.procedure = procedure;
        self.outcome = outcome ?? ""
        transferred =
            state == PenaltyOrdinaryProcedure.State.transferred.id
                || (state == PenaltyOrdinaryProcedure.State.closed.id && outcome == nil && ordinary && decidedOn == nil)
            ? 1 : 0
        reviewed = legallyReviewed > 0 ? 1 : 0; self.heard = heard > 0 ? 1 : 0
        late = ordinary && decidedOn != nil && decisionDue != nil && decidedOn! > decisionDue! ? 1 : 0
        self.fine = fine ?? 0; self.handlingDays = handlingDays
        year = Int(openedOn.prefix(4)) ?? 0; item = powerItemCode
    }

    init(_ f: CaseFile, openedOn: String) {
        let figures = CaseFileFigures(f, openedOn: openedOn)
        self.init(
            body: f.bodyID, openedOn: openedOn, procedure: f.procedure, state: f.state, outcome: CaseStore.outcome(f),
            decidedOn: f.facts[EnforcementFact.decidedOn]?.description,
            fine: f.facts[EnforcementFact.decidedFine]?.yuan,
            legallyReviewed: figures.legallyReviewed,
            heard: figures.heard, decisionDue: figures.decisionDue, handlingDays: figures.handlingDays,
            powerItemCode: f.facts[EnforcementFact.powerItemCode] ?? "")
    }
}

/// Keeps the sums in step with the cases: a case's old contribution out, its new one in, in the step's transaction.
public enum FigureSums {
    static func add(_ c: FigureContribution, sign: Int, on sql: any SQLDatabase) async throws {
        let h = c.handlingDays
        try await sql.raw(
            """
            INSERT INTO case_figures (body_id, month, procedure, outcome, transferred, reviewed, heard, late, n, fines, handling_sum, handling_n)
            VALUES (\(bind: c.body), \(bind: c.month), \(bind: c.procedure), \(bind: c.outcome), \(bind: c.transferred), \(bind: c.reviewed), \(bind: c.heard),
                    \(bind: c.late), \(bind: sign), \(bind: Double(sign) * c.fine), \(bind: sign * (h ?? 0)), \(bind: h == nil ? 0 : sign))
            ON CONFLICT (body_id, month, procedure, outcome, transferred, reviewed, heard, late) DO UPDATE SET
              n = case_figures.n + excluded.n, fines = case_figures.fines + excluded.fines,
              handling_sum = case_figures.handling_sum + excluded.handling_sum, handling_n = case_figures.handling_n + excluded.handling_n
            """
        ).run()
        guard !c.item.isEmpty else { return }
        try await sql.raw(
            """
            INSERT INTO case_item_use (body_id, year, code, n) VALUES (\(bind: c.body), \(bind: c.year), \(bind: c.item), \(bind: sign))
            ON CONFLICT (body_id, year, code) DO UPDATE SET n = case_item_use.n + excluded.n
            """
        ).run()
    }

    static func change(from old: FigureContribution?, to new: FigureContribution, on sql: any SQLDatabase) async throws
    {
        guard old != new else { return }
        if let old { try await add(old, sign: -1, on: sql) }
        try await add(new, sign: 1, on: sql)
    }

    /// Recomputes both tables from the enforcement case rows (the migration; a bulk load). 行政复议, 应诉 and 调解 cases are
    /// not enforcement cases: they keep their own figures (`YearFigures`).
    public static func rebuild(on sql: any SQLDatabase) async throws {
        let enforcement = SQLGroupExpression(
            ProcedureCatalog().definitions.filter { $0.kind == .enforcement }.map { SQLBind($0.id) })
        try await sql.raw("DELETE FROM case_figures").run()
        try await sql.raw("DELETE FROM case_item_use").run()
        let ordinary = PenaltyOrdinaryProcedure.id
        try await sql.raw(
            """
            INSERT INTO case_figures (body_id, month, procedure, outcome, transferred, reviewed, heard, late, n, fines, handling_sum, handling_n)
            SELECT body_id, month, procedure, outcome, transferred, reviewed, heard, late, COUNT(*), SUM(fine), SUM(handling), SUM(has_handling) FROM (
              SELECT UPPER(CAST(body_id AS TEXT)) AS body_id, SUBSTR(opened_on, 1, 7) AS month, procedure, COALESCE(outcome, '') AS outcome,
                CASE WHEN state = 'transferred' OR (state = 'closed' AND outcome IS NULL AND procedure = \(bind: ordinary) AND decided_on IS NULL) THEN 1 ELSE 0 END AS transferred,
                CASE WHEN legally_reviewed > 0 THEN 1 ELSE 0 END AS reviewed, CASE WHEN heard > 0 THEN 1 ELSE 0 END AS heard,
                CASE WHEN procedure = \(bind: ordinary) AND decided_on IS NOT NULL AND decision_due IS NOT NULL AND decided_on > decision_due THEN 1 ELSE 0 END AS late,
                COALESCE(fine, 0) AS fine, COALESCE(handling_days, 0) AS handling, CASE WHEN handling_days IS NULL THEN 0 ELSE 1 END AS has_handling
              FROM cases WHERE procedure IN \(enforcement)) AS c
            GROUP BY body_id, month, procedure, outcome, transferred, reviewed, heard, late
            """
        ).run()
        try await sql.raw(
            """
            INSERT INTO case_item_use (body_id, year, code, n)
            SELECT UPPER(CAST(body_id AS TEXT)), CAST(SUBSTR(opened_on, 1, 4) AS INTEGER), power_item_code, COUNT(*) FROM cases WHERE power_item_code <> '' AND procedure IN \(enforcement)
            GROUP BY UPPER(CAST(body_id AS TEXT)), CAST(SUBSTR(opened_on, 1, 4) AS INTEGER), power_item_code
            """
        ).run()
    }
}
