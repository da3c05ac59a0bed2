import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// What a 权责清单 import checks its rows against: the registered bodies, which of them the importing user may adjust
/// the list for, and the first and the latest adjustment of every stored item (enough for `PowerListHistory.check`).
struct PowerListInStore: Sendable {
    let bodies: [String: UUID]
    /// Organisations the importing user may write for (nil = any).
    let allowed: Set<UUID>?
    let known: [String: (id: UUID, first: PowerAdjustment, last: PowerAdjustment)]

    static func read(allowed: Set<UUID>?, on db: any Database) async throws -> PowerListInStore {
        let sql = db as! any SQLDatabase
        var known: [String: (id: UUID, first: PowerAdjustment, last: PowerAdjustment)] = [:]
        for r in try await sql.raw(
            """
            SELECT i.id, i.code, a.kind, a.effective_on, a.sequence, a.content, f.effective_on AS first_on
            FROM power_items i JOIN power_adjustments a ON a.item_id = i.id AND a.sequence = i.adjustments
            JOIN power_adjustments f ON f.item_id = i.id AND f.sequence = 1
            """
        ).all() {
            let content = try StoreJSON.decode(PowerItemContent.self, try r.decode(column: "content", as: String.self))
            // A row edited past Fazhi refuses the import (the state audit names it); it must not stop the server.
            guard let kind = AdjustmentKind(rawValue: try r.decode(column: "kind", as: String.self)),
                let effectiveOn = CivilDate(iso: try r.decode(column: "effective_on", as: String.self)),
                let firstOn = CivilDate(iso: try r.decode(column: "first_on", as: String.self))
            else { throw StoreError.integrity("权责清单事项 \(content.code) 的调整记录无法读取，请先运行状态审计") }
            let last = PowerAdjustment(
                kind: kind, effectiveOn: effectiveOn, sequence: try r.decode(column: "sequence", as: Int.self),
                reason: "-", approvalDocument: "-", approver: "-", content: content)
            var first = last
            first.effectiveOn = firstOn; first.sequence = 1; first.kind = .add
            known[content.code] = (try r.decode(column: "id", as: UUID.self), first, last)
        }
        return PowerListInStore(bodies: try await RegistryImporter.bodyNames(on: db), allowed: allowed, known: known)
    }

    /// A row whose own checks passed, against the store: the adjustment to write (a new item takes `newID`), or its
    /// problem.
    func check(
        _ rowNumber: Int, _ r: RegistryTemplates.PowerRow, newID: UUID
    ) -> Result<RegistryImporter.ReadyAdjustment, RowRefused> {
        func refused(_ column: String, _ message: String) -> Result<RegistryImporter.ReadyAdjustment, RowRefused> {
            .failure(RowRefused(problems: [ImportProblem(row: rowNumber, column: column, message: message)]))
        }
        guard let body = bodies[r.bodyName] else { return refused("实施主体", "“\(r.bodyName)”不是已登记的执法主体") }
        if let allowed, !allowed.contains(body) { return refused("实施主体", "您无权为“\(r.bodyName)”调整权责清单") }
        let k = known[r.code]
        let existing = k.map { $0.first.sequence == $0.last.sequence ? [$0.last] : [$0.first, $0.last] } ?? []
        let adj = PowerAdjustment(
            kind: r.kind, effectiveOn: r.effectiveOn, sequence: (k?.last.sequence ?? 0) + 1, reason: r.reason,
            approvalDocument: r.approvalDocument, approver: r.approver, content: r.content(organisationID: body))
        if let e = PowerListHistory.check(adj, against: existing) {
            let (field, message): (String, String) = {
                switch e {
                case .invalid(let f, let m): return (f, m)
                case .conflict(let f, let m): return (f ?? "", m)
                default: return ("", e.description)
                }
            }()
            let column =
                [
                    "effectiveOn": "生效日期", "kind": "调整类型", "code": "事项编码", "type": "事项类型", "reason": "调整原因",
                    "approvalDocument": "批准文号", "approver": "批准人",
                ][field] ?? "事项编码"
            return refused(column, message)
        }
        return .success((rowNumber, k?.id ?? newID, adj, k == nil, r.bodyName))
    }

    /// Whether a row's code names a stored item (the import then is not all new items).
    func isStored(_ cells: [String], _ reader: RowReader) -> Bool {
        known[reader.cell(cells, "事项编码").uppercased()] != nil
    }

    /// The problem of a row that failed its own checks when its body name is not a registered body either.
    func unknownBody(_ rowNumber: Int, _ cells: [String], _ reader: RowReader) -> ImportProblem? {
        RegistryImporter.unknownBody(rowNumber, cells, reader, column: "实施主体", bodies: bodies)
    }
}
