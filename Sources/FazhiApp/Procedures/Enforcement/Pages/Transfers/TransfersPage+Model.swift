import FazhiCore
import FazhiStore
import Foundation

extension TransfersPage {
    struct Model {
        struct BodyRow { let name: String; let transferred: Int; let byStatus: [CriminalTransfer.Status: Int] }
        struct CaseRow {
            let id: UUID; let number: String; let body: String; let party: String; let transfer: CriminalTransfer;
            let daysWaiting: Int?
        }
        struct Filter { let label: String; let path: String; let current: Bool }

        var year: Int
        var statuses: [CriminalTransfer.Status]
        var bodies: [BodyRow]
        var filters: [Filter]
        var cases: [CaseRow]
    }
}

extension TransfersPage.Model {
    init(_ q: TransfersPage.Query, year: Int, status: CriminalTransfer.Status?, today: CivilDate) {
        let names = q.bodyNames
        var counts: [UUID: [CriminalTransfer.Status: Int]] = [:]
        for (c, t) in q.cases { counts[c.file.bodyID, default: [:]][t.status, default: 0] += 1 }
        self.year = year
        statuses = CriminalTransfer.Status.allCases
        bodies = counts.keys.sorted { (names[$0] ?? "") < (names[$1] ?? "") }.map { body in
            let n = counts[body]!
            return BodyRow(
                name: names[body] ?? "", transferred: n.values.reduce(0, +) - (n[.notTransferred] ?? 0), byStatus: n)
        }
        filters = ([nil] + CriminalTransfer.Status.allCases.map { Optional($0) }).map { s in
            Filter(
                label: s?.chineseName ?? "全部",
                path: "\(SitePath.transfers.path)?year=\(year)" + (s.map { "&status=\($0.rawValue)" } ?? ""),
                current: s == status)
        }
        cases = q.cases.filter { status == nil || $0.1.status == status }.map { (c, t) in
            CaseRow(
                id: c.id, number: c.number, body: names[c.file.bodyID] ?? "",
                party: c.file.facts[EnforcementFact.partyName] ?? "", transfer: t,
                daysWaiting: t.daysWaiting(today: today))
        }
    }
}
