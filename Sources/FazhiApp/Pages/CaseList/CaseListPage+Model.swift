import FazhiCore
import FazhiStore
import Foundation

extension CaseListPage {
    struct Model {
        struct DeadlineRow {
            let caseID: UUID; let number: String; let party: String; let name: String; let deadline: Deadline;
            let article: String
        }
        struct CaseRow {
            let id: UUID; let number: String; let procedure: String; let party: String; let body: String;
            let state: String; let openedOn: String
            let fine: Double?
        }

        var title: String
        var navPath: String
        /// (procedure id, name), the filtered procedure first.
        var openable: [(id: String, name: String)]
        var procedures: [(id: String, name: String)]
        var selected: String?
        var deadlines: [DeadlineRow]
        var cases: [CaseRow]
        var csrf: String
        var today: CivilDate
    }
}

extension CaseListPage.Model {
    init(_ q: CaseListPage.Query, filter: CaseListPage.Filter, csrf: String, today: CivilDate) {
        let nav = CasesConsole.navEntry(filter.procedure)
        title = nav.title
        navPath = nav.path.path
        openable = q.openable.sorted { ($0.id == filter.procedure ? 0 : 1) < ($1.id == filter.procedure ? 0 : 1) }.map {
            ($0.id, $0.name)
        }
        procedures = q.catalog.currentDefinitions.map { ($0.id, $0.name) }
        selected = filter.procedure
        deadlines = q.deadlines.compactMap { d in
            guard let due = CivilDate(iso: d.due) else { return nil }
            return DeadlineRow(
                caseID: d.caseId, number: d.number, party: d.partyName, name: d.name,
                deadline: Deadline(start: due, period: 0, unit: .day, article: d.article, due: due), article: d.article)
        }
        cases = q.cases.map { c in
            let def = q.catalog.current(c.procedure)
            return CaseRow(
                id: c.id, number: c.number, procedure: def?.name ?? c.procedure, party: c.partyName,
                body: q.bodyNames[c.bodyId] ?? "",
                state: def?.stateName(c.state) ?? c.state, openedOn: c.openedOn, fine: c.fine)
        }
        self.csrf = csrf
        self.today = today
    }
}
