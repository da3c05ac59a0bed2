import FazhiCore
import FluentKit
import SQLKit

/// 009: what the yearly statistics count, kept on the case row when a step is saved (whether 法制审核 passed, whether a
/// hearing was held, the 90-day decision due date, the handling days), so a year of a province's cases is summed in
/// SQL over one index instead of probing the steps and deadlines of every case. Existing cases are filled in.
public struct M009_CaseFigures: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        for column in [
            "legally_reviewed INTEGER NOT NULL DEFAULT 0", "heard INTEGER NOT NULL DEFAULT 0", "decision_due TEXT",
            "handling_days INTEGER",
        ] {
            try await sql.raw("ALTER TABLE cases ADD COLUMN \(unsafeRaw: column)").run()
        }
        try await sql.raw("CREATE INDEX cases_opened_all ON cases (opened_on)").run()
        // Published decisions found by the search index (whose refs are upper-case UUID text) through an indexed column,
        // not by casting every row's UUID.
        try await sql.raw("ALTER TABLE publications ADD COLUMN search_ref TEXT").run()
        try await sql.raw("UPDATE publications SET search_ref = UPPER(CAST(case_id AS TEXT))").run()
        try await sql.raw("CREATE INDEX publications_search_ref ON publications (search_ref)").run()
        // Every step looks up the acting user's officer record (CaseStore.enrich): without this, a scan of a province's officers.
        try await sql.raw("CREATE INDEX officers_user ON officers (user_id)").run()
        for row in try await sql.raw("SELECT opened_on, content FROM cases").all() {
            let file = try StoreJSON.decode(CaseFile.self, try row.decode(column: "content", as: String.self))
            let f = CaseFileFigures(file, openedOn: try row.decode(column: "opened_on", as: String.self))
            try await sql.raw(
                """
                UPDATE cases SET legally_reviewed = \(bind: f.legallyReviewed), heard = \(bind: f.heard), decision_due = \(bind: f.decisionDue),
                handling_days = \(bind: f.handlingDays) WHERE id = \(bind: file.id)
                """
            ).run()
        }
    }

    public func revert(on db: any Database) async throws {}
}

/// The figures of one case that the statistics sum.
struct CaseFileFigures {
    let legallyReviewed: Int, heard: Int, decisionDue: String?, handlingDays: Int?

    init(_ f: CaseFile, openedOn: String) {
        legallyReviewed = f.steps.contains { $0.action == "legal_review_pass" } ? 1 : 0
        heard = f.steps.contains { $0.action == "hold_hearing" } ? 1 : 0
        decisionDue = f.deadlines.filter { $0.key == "decision" }.map(\.deadline.due).max()?.description
        // From registration (the case row's opened_on) to the decision, as the statistics have always counted.
        handlingDays = f.facts.date("decidedOn").flatMap { d in CivilDate(iso: openedOn).map { $0.days(until: d) } }
    }
}
