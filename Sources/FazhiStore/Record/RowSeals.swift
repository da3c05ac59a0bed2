import Crypto
import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// A 登记簿 table whose rows are sealed in the record (状态审计 of the registries, issue 14): every write that changes
/// a row notes it with `WriteTransaction.seal`, and the transaction's record then carries the SHA-256 of each such
/// row as stored, so an edit made past Fazhi shows as a row whose content no longer matches its seal.
public struct SealedTable: Sendable, Hashable {
    public let name: String
    /// What a person calls one row of it.
    let noun: String
    /// The column a write seals by: every row with one of the written values is sealed again.
    let owner: String
    /// The columns that name a row (joined with "/").
    let key: [String]
    /// Every stored column of the row.
    let columns: [String]
    /// SQL (over alias `t`) for what a person recognises the row by.
    let label: String
    /// SQL (over alias `t`) for what the public lists know the row by (`StateProblem.ref`).
    var ref: String = "t.id"

    /// 执法主体.
    public static let enforcementBodies = SealedTable(
        name: "enforcement_bodies", noun: "执法主体", owner: "id", key: ["id"],
        columns: [
            "organisation_id", "kind", "entrusting_organisation_id", "legal_basis", "scope", "confirmed_on",
            "announcement_document",
        ],
        label: "(SELECT name FROM organisations o WHERE o.id = t.organisation_id)", ref: "t.organisation_id")
    /// 执法人员.
    public static let officers = SealedTable(
        name: "officers", noun: "执法人员", owner: "id", key: ["id"],
        columns: [
            "name", "gender", "id_number", "body_id", "post", "certificate_number", "certificate_category",
            "certificate_region", "certificate_issued_on", "certificate_expires_on", "certificate_status",
            "legal_qualification", "legal_certificate_number", "exam_score", "user_id",
        ],
        label: "t.name")
    /// 执法人员 yearly training hours.
    public static let officerTraining = SealedTable(
        name: "officer_training", noun: "执法人员培训学时", owner: "officer_id", key: ["officer_id", "year"],
        columns: ["hours"], label: "(SELECT name FROM officers o WHERE o.id = t.officer_id)", ref: "t.officer_id")
    /// 权责清单 items (their current content).
    public static let powerItems = SealedTable(
        name: "power_items", noun: "权责清单事项", owner: "id", key: ["id"],
        columns: ["code", "name", "type", "organisation_id", "status", "adjustments", "content"], label: "t.code",
        ref: "t.code")
    /// 权责清单 dated adjustments.
    public static let powerAdjustments = SealedTable(
        name: "power_adjustments", noun: "权责清单调整", owner: "item_id", key: ["item_id", "sequence"],
        columns: [
            "id", "code", "kind", "effective_on", "valid_to", "type", "organisation_id", "reason", "approval_document",
            "approver", "content",
        ],
        label: "t.code", ref: "t.code")
    /// 裁量基准 versions.
    public static let benchmarks = SealedTable(
        name: "benchmarks", noun: "裁量基准", owner: "code", key: ["code", "version"],
        columns: ["id", "power_item_code", "effective_on", "violation", "content"], label: "t.code", ref: "t.code")

    /// 政府信息公开目录 items (政府信息公开条例 第十二条).
    public static let proactiveItems = SealedTable(
        name: "proactive_items", noun: "主动公开目录项", owner: "id", key: ["id"],
        columns: ["body_id", "category", "title", "summary", "formed_on", "published_on", "link", "content"],
        label: "t.title")

    public static let all: [SealedTable] = [
        .enforcementBodies, .officers, .officerTraining, .powerItems, .powerAdjustments, .benchmarks, .proactiveItems,
    ]
}

/// Seals of registry rows in the record, and the audit that compares them with the rows as stored.
public enum RowSeals {
    /// The record subject type of seal entries (subject id = the table).
    static let subjectType = "row_seal"

    /// Each column of the row as text the database itself writes — SQLite's `quote()` (a blob as X'…', NULL as NULL),
    /// PostgreSQL's cast to text — so a value reads the same whichever driver type it has, and a stored UUID is exact.
    /// The database joins them itself into the two strings a seal is made of (one value per row to decode, not one per
    /// column: an import seals 100,000 rows): `sealed`, every column as "s" + text (or "∅" for NULL) separated by U+001F,
    /// and `row_key`, the key columns' text separated by "/".
    /// `qualifier`: how the columns are named — "t." over the alias `t`, "" in a `RETURNING` list.
    /// On PostgreSQL, `postgresSeal` makes the same text in Swift for rows an import inserts.
    static func selectList(_ table: SealedTable, qualifier: String = "t.", on sql: any SQLDatabase) -> String {
        let sqlite = sql.dialect.name == "sqlite"
        func text(_ c: String) -> String { sqlite ? "quote(\(qualifier)\(c))" : "CAST(\(qualifier)\(c) AS TEXT)" }
        func value(_ c: String) -> String { sqlite ? "'s' || \(text(c))" : "COALESCE('s' || \(text(c)), '∅')" }
        func key(_ c: String) -> String { sqlite ? text(c) : "COALESCE(\(text(c)), '')" }
        let separator = sqlite ? " || char(31) || " : " || chr(31) || "
        let sealed = (table.key + table.columns).map(value).joined(separator: separator)
        let rowKey = table.key.map(key).joined(separator: " || '/' || ")
        return "\(sealed) AS sealed, \(rowKey) AS row_key"
    }

    /// The row's key and the text its seal hashes, as `selectList` selected them.
    static func sealedText(_ row: any SQLRow) throws -> (key: String, text: String) {
        (try row.decode(column: "row_key", as: String.self), try row.decode(column: "sealed", as: String.self))
    }

    static func seal(_ text: String) -> String { Hex.encode(SHA256.hash(data: Array(text.utf8))) }

    /// `RETURNING` what `seals` reads back, for each row the statement writes as the statement leaves it: an import
    /// seals its new rows without reading them again. (PostgreSQL planned that read of 2,000 ids a chunk as a scan of
    /// the whole table once the import's own rows had reached its statistics: each chunk's read took longer than the
    /// last.)
    static func returning(_ table: SealedTable, on sql: any SQLDatabase) -> String {
        "RETURNING \(selectList(table, qualifier: "", on: sql))"
    }

    /// A seal entry's payload, `{"rows":{key:seal,…}}` with the keys in UTF-8 byte order: what `CanonicalJSON.encode`
    /// writes for it, written for this one type (the generic path, unspecialised, took a sixth of an import's writer).
    static func payload(_ rows: [String: String]) -> [UInt8] {
        let sorted = rows.map { (bytes: Array($0.key.utf8), key: $0.key, seal: $0.value) }
            .sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
        var json = CanonicalJSONWriter(capacity: 16 + rows.count * 112)
        json.openObject()
        json.key("rows")
        json.openObject()
        for r in sorted {
            json.key(r.key)
            json.string(r.seal)
        }
        json.closeObject()
        json.closeObject()
        return json.bytes
    }

    /// The key and seal of a row as `selectList` reads it back on PostgreSQL — the same text, made in Swift: a change
    /// to one is a change to the other —, from its cells as PostgreSQL casts them to text (nil for NULL), in the
    /// table's order (`keyCount` key columns, then the others). A 权责清单 import seals the rows it inserts from
    /// the values it sends, on the preparing core: without `RETURNING` them, the import ran 14 % faster on PostgreSQL
    /// (BENCHMARKS.md, "Registry imports on PostgreSQL, fifth pass"). `JSONRowsTests` compares these seals with those
    /// the audit reads from the stored rows.
    static func postgresSeal(_ cells: [String?], keyCount: Int) -> (key: String, seal: String) {
        var text = "", key = ""
        for (i, cell) in cells.enumerated() {
            if i > 0 { text.unicodeScalars.append("\u{1F}") }
            if let cell {
                text += "s"
                text += cell
            } else {
                text += "∅"
            }
            guard i < keyCount else { continue }
            if i > 0 { key += "/" }
            key += cell ?? ""
        }
        return (key, seal(text))
    }

    /// A row `returning` gave, as (key, seal).
    static func sealed(returned row: [String]) throws -> (key: String, seal: String) {
        guard row.count == 2 else {
            throw StoreError.integrity("登记簿行的存证内容读取有误（\(row.count) 列）")
        }
        return (row[1], seal(row[0]))
    }

    /// The seals of the rows whose owner column has one of these values: row key → seal.
    static func seals(
        _ table: SealedTable, owners: [any Encodable & Sendable], on sql: any SQLDatabase
    ) async throws -> [String: String] {
        var out: [String: String] = [:]
        // 2,000 a statement (an import's chunk): each statement is a round trip through the driver's threads.
        for chunk in owners.chunked(2_000) {
            let rows = try await sql.raw(
                """
                SELECT \(unsafeRaw: selectList(table, on: sql)) FROM \(ident: table.name) t WHERE t.\(ident: table.owner) IN \(SQLGroupExpression(chunk.map { SQLBind($0) }))
                """
            ).all()
            for r in rows {
                let (k, text) = try sealedText(r)
                out[k] = seal(text)
            }
        }
        return out
    }

    /// Every registry row that contradicts its latest seal, and every sealed row that is gone. Rows never sealed
    /// (written before seals existed, or by a bench loader that writes no record) are passed over.
    public static func audit(on sql: any SQLDatabase) async throws -> [StateProblem] {
        struct Payload: Decodable { let rows: [String: String] }
        let entries = try await sql.raw(
            """
            SELECT seq, subject_id, payload FROM record_entries WHERE subject_type = \(bind: subjectType) ORDER BY seq
            """
        ).all()
        var sealed: [String: [String: (Int64, String)]] = [:]
        for e in entries {
            let seq = try e.decode(column: "seq", as: Int64.self)
            let table = try e.decode(column: "subject_id", as: String.self)
            guard
                let p = try? JSONDecoder().decode(
                    Payload.self, from: Data(try e.decode(column: "payload", as: String.self).utf8))
            else { continue }
            for (k, s) in p.rows { sealed[table, default: [:]][k] = (seq, s) }
        }
        var out: [StateProblem] = []
        for table in SealedTable.all {
            guard var expected = sealed[table.name] else { continue }
            let rows = try await sql.raw(
                """
                SELECT \(unsafeRaw: table.label) AS row_label, \(unsafeRaw: table.ref) AS row_ref, \(unsafeRaw: selectList(table, on: sql)) FROM \(ident: table.name) t
                """
            ).all()
            for r in rows {
                let (k, text) = try sealedText(r)
                guard let (seq, s) = expected.removeValue(forKey: k) else { continue }
                guard seal(text) != s else { continue }
                let label = (try? r.decode(column: "row_label", as: String?.self)) ?? nil
                let ref =
                    (try? r.decode(column: "row_ref", as: UUID.self).uuidString)
                    ?? (try? r.decode(column: "row_ref", as: String.self))
                out.append(
                    StateProblem(
                        subjectType: table.name, subjectID: k, label: label ?? k, entry: seq,
                        message: "\(table.noun)“\(label ?? k)”的登记内容与全过程记录第\(seq)条不一致（在本系统之外被改动）", ref: ref))
            }
            for (k, (seq, _)) in expected.sorted(by: { $0.key < $1.key }) {
                out.append(
                    StateProblem(
                        subjectType: table.name, subjectID: k, label: k, entry: seq,
                        message: "全过程记录第\(seq)条所载的\(table.noun)（\(k)）已不在数据库中（被删除）"))
            }
        }
        return out
    }
}

extension WriteTransaction {
    /// Notes that this transaction wrote the rows of a registry table with these owner values; their seals are taken
    /// as stored when the record is flushed (`RowSeals`), so several writes to one row leave one seal of its end state.
    public func seal(_ table: SealedTable, _ owners: [any Encodable & Sendable]) {
        guard !owners.isEmpty else { return }
        toSeal.append((table, .owners(owners)))
    }

    /// Seals rows already sealed (`RowSeals.postgresSeal`): row key → seal.
    func seal(_ table: SealedTable, seals: [String: String]) {
        guard !seals.isEmpty else { return }
        toSeal.append((table, .rows(seals)))
    }

    /// Seals the rows a statement ending in `RowSeals.returning(table)` wrote, as it returned them. For writes that
    /// leave their owners' other rows unchanged (an import: new rows, an amended item, the adjustment it closes); those
    /// rows keep the seals they had. `seal(_:_:)` seals every row of an owner again.
    func seal(_ table: SealedTable, returned rows: [[String]]) throws {
        var seals: [String: String] = [:]
        seals.reserveCapacity(rows.count)
        for r in rows {
            let (key, digest) = try RowSeals.sealed(returned: r)
            seals[key] = digest
        }
        toSeal.append((table, .rows(seals)))
    }

    /// Records the seals of every row noted since the last flush, one entry per table (in the order first noted). A
    /// row noted both ways is sealed as read at the flush: its end state.
    func recordSeals() async throws {
        guard !toSeal.isEmpty else { return }
        let noted = toSeal
        toSeal = []
        var owners: [SealedTable: [any Encodable & Sendable]] = [:], returned: [SealedTable: [String: String]] = [:]
        var order: [SealedTable] = []
        for (t, note) in noted {
            if owners[t] == nil && returned[t] == nil { order.append(t) }
            switch note {
            case .owners(let o): owners[t, default: []] += o
            case .rows(let seals): returned[t, default: [:]].merge(seals) { $1 }
            }
        }
        for t in order {
            var rows = returned[t] ?? [:]
            if let o = owners[t] { rows.merge(try await RowSeals.seals(t, owners: o, on: sql)) { $1 } }
            guard !rows.isEmpty else { continue }
            record(raw: RowSeals.subjectType, t.name, "seal", RowSeals.payload(rows))
        }
    }
}

/// What a write noted to seal in a table: every row of these owners (read at the flush), or rows already sealed as a
/// statement returned them.
enum SealNote {
    case owners([any Encodable & Sendable])
    case rows([String: String])
}
