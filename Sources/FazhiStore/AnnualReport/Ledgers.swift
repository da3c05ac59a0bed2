import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// 台账 entries as kept: each checked against its kind, on the record when entered or changed.
public enum Ledgers {
    /// Enters a new entry, or the next version of one (`entry.version` is the version the editor started from).
    public static func save(
        _ entry: LedgerEntry, kind: LedgerKind, today: CivilDate, in tx: WriteTransaction
    ) async throws -> LedgerEntry {
        var e = try kind.checked(entry, today: today)
        try await checkCertificates(e, kind: kind, in: tx)
        try await checkUnique(e, kind: kind, in: tx)
        let existing = try await tx.sql.raw(
            "SELECT unit_id, version FROM ledger_entries WHERE id = \(bind: e.id.uuidString) AND kind = \(bind: kind.id)"
        ).first()
        if let existing {
            let version = try existing.decode(column: "version", as: Int.self)
            guard try existing.decode(column: "unit_id", as: String.self) == e.unitID.uuidString else {
                throw DomainError.invalid(field: "unit", message: "不能把记录改到其他单位")
            }
            guard version == entry.version else {
                throw DomainError.conflict(field: nil, message: "该记录已由他人修改（现为第\(version)版），请刷新后再改")
            }
            e.version = version + 1
            try await tx.sql.raw(
                """
                UPDATE ledger_entries SET on_date = \(bind: e.on.description), version = \(bind: e.version),
                content = \(bind: try StoreJSON.encode(e)) WHERE id = \(bind: e.id.uuidString)
                """
            ).run()
            try tx.record("ledger_entry", e.id.uuidString, "update", e)
        } else {
            e.version = 1
            try await tx.sql.raw(
                """
                INSERT INTO ledger_entries (id, unit_id, kind, on_date, version, content) VALUES (\(bind: e.id.uuidString),
                \(bind: e.unitID.uuidString), \(bind: kind.id), \(bind: e.on.description), 1, \(bind: try StoreJSON.encode(e)))
                """
            ).run()
            try tx.record("ledger_entry", e.id.uuidString, "create", e)
        }
        try await keepOfficerHours(e, kind: kind, in: tx)
        return e
    }

    /// The hours the entry gives each officer it names, replacing what an earlier version gave.
    static func keepOfficerHours(_ e: LedgerEntry, kind: LedgerKind, in tx: WriteTransaction) async throws {
        guard let hours = kind.officerHours else { return }
        try await tx.sql.raw("DELETE FROM officer_course_hours WHERE entry_id = \(bind: e.id.uuidString)").run()
        let each = hours(e)
        guard each > 0 else { return }
        for f in kind.fields {
            guard case .certificates = f.kind, !e.lines(f.id).isEmpty else { continue }
            let ids = try await tx.sql.raw(
                """
                SELECT id FROM officers WHERE certificate_number IN \(SQLGroupExpression(e.lines(f.id).map { SQLBind($0) }))
                """
            ).all().map { try $0.decode(column: "id", as: UUID.self) }
            for id in ids {
                try await tx.sql.raw(
                    """
                    INSERT INTO officer_course_hours (officer_id, year, entry_id, hours)
                    VALUES (\(bind: id), \(bind: e.on.year), \(bind: e.id.uuidString), \(bind: each))
                    """
                ).run()
            }
        }
    }

    /// Entries of a kind dated in a year, of these units (nil: every unit), newest first.
    public static func list(
        kind: String, units: Set<UUID>?, year: Int, on db: any Database
    ) async throws -> [LedgerEntry] {
        if units?.isEmpty == true { return [] }
        var q: SQLQueryString = """
            SELECT content FROM ledger_entries WHERE kind = \(bind: kind)
            AND on_date >= \(bind: "\(year)-01-01") AND on_date <= \(bind: "\(year)-12-31")
            """
        if let units { q = q + " AND unit_id IN \(SQLGroupExpression(units.map { SQLBind($0.uuidString) }))" }
        return try await (db as! any SQLDatabase).raw(q + " ORDER BY on_date DESC, id").all().map {
            try StoreJSON.decode(LedgerEntry.self, try $0.decode(column: "content", as: String.self))
        }
    }

    public static func entry(_ id: UUID, on db: any Database) async throws -> LedgerEntry? {
        try await (db as! any SQLDatabase).raw("SELECT content FROM ledger_entries WHERE id = \(bind: id.uuidString)")
            .first().map { try StoreJSON.decode(LedgerEntry.self, try $0.decode(column: "content", as: String.self)) }
    }

    /// Every 执法证号 of a certificates field must be an officer in the 名录.
    static func checkCertificates(_ e: LedgerEntry, kind: LedgerKind, in tx: WriteTransaction) async throws {
        for f in kind.fields {
            guard case .certificates = f.kind else { continue }
            let numbers = e.lines(f.id)
            guard !numbers.isEmpty else { continue }
            let known = Set(
                try await tx.sql.raw(
                    """
                    SELECT certificate_number FROM officers
                    WHERE certificate_number IN \(SQLGroupExpression(numbers.map { SQLBind($0) }))
                    """
                ).all().map { try $0.decode(column: "certificate_number", as: String.self) })
            if let unknown = numbers.first(where: { !known.contains($0) }) {
                throw DomainError.invalid(field: f.id, message: "执法证号“\(unknown)”不在执法人员名录中")
            }
        }
    }

    /// A kind's unique fields (one 普法 figure per unit and year) hold once.
    static func checkUnique(_ e: LedgerEntry, kind: LedgerKind, in tx: WriteTransaction) async throws {
        guard !kind.uniqueBy.isEmpty else { return }
        let others = try await list(kind: kind.id, units: [e.unitID], year: e.on.year, on: tx.db)
        for other in others where other.id != e.id {
            if kind.uniqueBy.allSatisfy({ other[$0] == e[$0] }) {
                let what = kind.uniqueBy.compactMap { id in kind.field(id).map { $0.label(of: e[id]) } }.joined(
                    separator: "、")
                throw DomainError.conflict(
                    field: kind.uniqueBy.first, message: "本单位\(e.on.year)年已填报“\(what)”，请修改原记录")
            }
        }
    }
}
