import FazhiCore
import FazhiStore
import Fluent
import Vapor

/// The people a 台账 entry qualifies (an exam's passed candidates) beside the 执法人员名录: who now holds an 执法证 —
/// the chain 考试合格 → 申领 → 发证 the report states ("合格25人，已领取执法证23人"). Matched by name among the officers
/// of the government the entry's unit belongs to (the 司法局 enters the county's candidates, who serve in every
/// department): the units under the entry unit's parent; a certificate issued on or after the entry's date counts as
/// issued after it.
struct QualifiedOfficer {
    let entry: LedgerEntry
    let name: String
    let score: Double
    /// The officer in the 名录: by 身份证号 when the line gives one, else the only one of that name.
    let officer: OfficerRow?
    /// Officers of that name when the line gives no 身份证号 and there are several (none is taken).
    let namesakes: Int

    var certifiedAfter: Bool { officer.map { $0.certificateIssuedOn >= entry.on.description } ?? false }

    static func of(
        _ entries: [LedgerEntry], kind: LedgerKind, year: Int, on db: any Database
    ) async throws -> [QualifiedOfficer] {
        guard let qualifies = kind.qualifies, !entries.isEmpty else { return [] }
        let tree = try await Directory.tree(on: db)
        func scope(_ unit: UUID) -> Set<UUID> { tree.subtree(of: tree.node(unit)?.parentID ?? unit) }
        let units = Set(entries.map(\.unitID)).reduce(into: Set<UUID>()) { $0.formUnion(scope($1)) }
        let officers = Dictionary(grouping: try await Officers.list(bodies: units, year: year, on: db), by: \.name)
        return entries.flatMap { e in
            let under = scope(e.unitID)
            return qualifies(e).map { person in
                let same = (officers[person.name] ?? []).filter { under.contains($0.bodyId) }
                    .filter { o in person.idNumber.map { $0 == o.idNumber } ?? true }
                return QualifiedOfficer(
                    entry: e, name: person.name, score: person.score, officer: same.count == 1 ? same[0] : nil,
                    namesakes: same.count > 1 ? same.count : 0)
            }
        }
    }

    /// The people certified after passing, each once (one who passed two exams is one person).
    static func certified(_ people: [QualifiedOfficer]) -> Int {
        Set(people.filter(\.certifiedAfter).compactMap { $0.officer?.id }).count
    }
}
