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
        try await put([FigureRow(c, sign: sign)], uses: c.item.isEmpty ? [] : [ItemUse(c, sign: sign)], on: sql)
    }

    /// A step that changes a case's figures takes its old contribution out and puts its new one in: one statement
    /// for both `case_figures` rows (netted when they fall on one row) and one for both `case_item_use` rows (none
    /// when the item did not change).
    static func change(from old: FigureContribution?, to new: FigureContribution, on sql: any SQLDatabase) async throws
    {
        guard old != new else { return }
        var rows = [FigureRow(new, sign: 1)], uses = [ItemUse(new, sign: 1)]
        if let old {
            rows = FigureRow.netted(rows + [FigureRow(old, sign: -1)])
            uses = ItemUse.netted(uses + [ItemUse(old, sign: -1)])
        }
        try await put(
            rows.filter { !$0.isZero }, uses: uses.filter { !$0.code.isEmpty && $0.n != 0 }, on: sql)
    }

    private static func put(_ rows: [FigureRow], uses: [ItemUse], on sql: any SQLDatabase) async throws {
        if !rows.isEmpty {
            let values = SQLList(rows.map(\.values))
            try await sql.raw(
                """
                INSERT INTO case_figures (body_id, month, procedure, outcome, transferred, reviewed, heard, late, n, fines, handling_sum, handling_n)
                VALUES \(values)
                ON CONFLICT (body_id, month, procedure, outcome, transferred, reviewed, heard, late) DO UPDATE SET
                  n = case_figures.n + excluded.n, fines = case_figures.fines + excluded.fines,
                  handling_sum = case_figures.handling_sum + excluded.handling_sum, handling_n = case_figures.handling_n + excluded.handling_n
                """
            ).run()
        }
        guard !uses.isEmpty else { return }
        let values = SQLList(
            uses.map { SQLGroupExpression([SQLBind($0.body), SQLBind($0.year), SQLBind($0.code), SQLBind($0.n)]) })
        try await sql.raw(
            """
            INSERT INTO case_item_use (body_id, year, code, n) VALUES \(values)
            ON CONFLICT (body_id, year, code) DO UPDATE SET n = case_item_use.n + excluded.n
            """
        ).run()
    }
}

/// One `case_figures` change: the row's key and what to add to its sums.
private struct FigureRow {
    struct Key: Hashable {
        let body: String, month: String, procedure: String, outcome: String
        let transferred: Int, reviewed: Int, heard: Int, late: Int
    }
    let key: Key
    var n: Int, fines: Double, handlingSum: Int, handlingN: Int

    init(_ c: FigureContribution, sign: Int) {
        key = Key(
            body: c.body, month: c.month, procedure: c.procedure, outcome: c.outcome, transferred: c.transferred,
            reviewed: c.reviewed, heard: c.heard, late: c.late)
        n = sign; fines = Double(sign) * c.fine
        handlingSum = sign * (c.handlingDays ?? 0); handlingN = c.handlingDays == nil ? 0 : sign
    }

    /// One row per key (PostgreSQL refuses an upsert that touches a row twice), in the order first seen.
    static func netted(_ rows: [FigureRow]) -> [FigureRow] {
        var out: [FigureRow] = []
        for r in rows {
            if let i = out.firstIndex(where: { $0.key == r.key }) {
                out[i].n += r.n; out[i].fines += r.fines; out[i].handlingSum += r.handlingSum
                out[i].handlingN += r.handlingN
            } else {
                out.append(r)
            }
        }
        return out
    }

    /// Adds nothing: the step moved the case within one row without changing its sums.
    var isZero: Bool { n == 0 && fines == 0 && handlingSum == 0 && handlingN == 0 }

    var values: SQLGroupExpression {
        SQLGroupExpression([
            SQLBind(key.body), SQLBind(key.month), SQLBind(key.procedure), SQLBind(key.outcome),
            SQLBind(key.transferred), SQLBind(key.reviewed), SQLBind(key.heard), SQLBind(key.late), SQLBind(n),
            SQLBind(fines), SQLBind(handlingSum), SQLBind(handlingN),
        ])
    }
}

/// One `case_item_use` change: how many more (or fewer) cases of a body's year used a 权责事项.
private struct ItemUse {
    let body: String, year: Int, code: String
    var n: Int

    init(_ c: FigureContribution, sign: Int) { body = c.body; year = c.year; code = c.item; n = sign }

    static func netted(_ uses: [ItemUse]) -> [ItemUse] {
        var out: [ItemUse] = []
        for u in uses {
            if let i = out.firstIndex(where: { ($0.body, $0.year, $0.code) == (u.body, u.year, u.code) }) {
                out[i].n += u.n
            } else {
                out.append(u)
            }
        }
        return out
    }
}

extension FigureSums {
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
