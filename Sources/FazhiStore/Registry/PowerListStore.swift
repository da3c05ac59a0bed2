import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// A list item as listed on a date, with its body's name (for pages, exports and the API).
public struct PowerListEntry: Codable, Sendable {
    public let itemId: UUID
    public let code: String
    public let kind: String
    public let effectiveOn: String
    public let sequence: Int
    public let organisationName: String
    public let contentJSON: String

    enum CodingKeys: String, CodingKey {
        case itemId = "item_id", code, kind, effectiveOn = "effective_on", sequence, organisationName =
            "organisation_name", contentJSON = "content"
    }

    public func content() throws -> PowerItemContent { try StoreJSON.decode(PowerItemContent.self, contentJSON) }
    public var status: PowerItemStatus { (AdjustmentKind(rawValue: kind) ?? .add).resultingStatus }
}

/// An adjustment as stored (the item's history).
public struct StoredAdjustment: Codable, Sendable {
    public let sequence: Int
    public let kind: String
    public let effectiveOn: String
    public let reason: String
    public let approvalDocument: String
    public let approver: String
    public let content: String

    public func domain() throws -> PowerAdjustment {
        // A stored row that does not read back is reported, not trapped on (it would take the server down).
        guard let kind = AdjustmentKind(rawValue: self.kind), let effectiveOn = CivilDate(iso: self.effectiveOn) else {
            throw StoreError.integrity(
                "权责清单调整记录（第\(sequence)次）的类型或生效日期无法读取")
        }
        return PowerAdjustment(
            kind: kind, effectiveOn: effectiveOn, sequence: sequence,
            reason: reason,
            approvalDocument: approvalDocument, approver: approver,
            content: try StoreJSON.decode(PowerItemContent.self, content))
    }
}

/// What an adjustment asks for, before the store gives it its sequence.
public struct AdjustmentRequest: Codable, Sendable {
    public var kind: AdjustmentKind
    public var effectiveOn: CivilDate
    public var reason: String
    public var approvalDocument: String
    public var approver: String
    public var content: PowerItemContent
    public init(
        kind: AdjustmentKind, effectiveOn: CivilDate, reason: String, approvalDocument: String, approver: String,
        content: PowerItemContent
    ) {
        self.kind = kind; self.effectiveOn = effectiveOn; self.reason = reason;
        self.approvalDocument = approvalDocument; self.approver = approver; self.content = content
    }
}

/// 权责清单: items and their append-only adjustments. The list on any date is the latest adjustment of each item
/// dated on or before it (`PowerListHistory` defines the rule; the SQL here selects the same rows in bulk).
public enum PowerListStore {
    static let decoder = SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase)

    public static func history(code: String, on db: any Database) async throws -> [StoredAdjustment] {
        try await (db as! any SQLDatabase).raw(
            """
            SELECT sequence, kind, effective_on, reason, approval_document, approver, content FROM power_adjustments
            WHERE code = \(bind: code) ORDER BY sequence
            """
        ).all(decoding: StoredAdjustment.self, with: decoder)
    }

    /// Applies one dated adjustment, creating the item on its first. Refuses what `PowerListHistory.check` refuses.
    @discardableResult
    public static func adjust(_ r: AdjustmentRequest, in tx: WriteTransaction) async throws -> Int {
        var r = r
        r.content.code = r.content.code.trimmed.uppercased()
        guard try await EnforcementBodies.body(organisation: r.content.organisationID, on: tx.db) != nil else {
            throw DomainError.invalid(field: "organisationId", message: "实施主体尚未登记为执法主体")
        }
        let existing = try await history(code: r.content.code, on: tx.db).map { try $0.domain() }
        let adj = PowerAdjustment(
            kind: r.kind, effectiveOn: r.effectiveOn, sequence: (existing.last?.sequence ?? 0) + 1,
            reason: r.reason.trimmed,
            approvalDocument: r.approvalDocument.trimmed, approver: r.approver.trimmed, content: r.content)
        if let p = PowerListHistory.check(adj, against: existing) { throw p }
        let itemID = try await itemID(code: r.content.code, on: tx.sql)
        try await write([(itemID, adj, existing.isEmpty)], in: tx)
        try await SearchIndex.put(
            "power", r.content.code, text: try await searchText(r.content, on: tx.sql), on: tx.sql)
        try tx.record("power_item", r.content.code, r.kind.rawValue, adj)
        return adj.sequence
    }

    static func itemID(code: String, on sql: any SQLDatabase) async throws -> UUID {
        try await sql.select().column("id").from("power_items").where("code", .equal, SQLBind(code)).first()?.decode(
            column: "id", as: UUID.self) ?? UUID()
    }

    static func searchText(_ c: PowerItemContent, on sql: any SQLDatabase) async throws -> String {
        let org =
            try await sql.select().column("name").from("organisations").where("id", .equal, SQLBind(c.organisationID))
            .first()?.decode(column: "name", as: String.self) ?? ""
        return searchText(c, organisationName: org)
    }

    public static func searchText(_ c: PowerItemContent, organisationName: String) -> String {
        ([c.code, c.name, c.type.chineseName, organisationName] + c.subItems + c.basis.map { "\($0.law) \($0.article)" })
            .joined(separator: " ")
    }

    /// Writes checked adjustments and seals the rows written (`RowSeals`).
    public static func write(
        _ rows: [(UUID, PowerAdjustment, Bool)], contents: [String]? = nil, in tx: WriteTransaction
    ) async throws {
        try await write(Batch(rows, contents: contents, format: RowsFormat(for: tx.sql)), in: tx)
    }

    /// Writes a batch made beforehand and seals the rows written (`RowSeals`, read back at the record's flush).
    static func write(_ batch: Batch, in tx: WriteTransaction) async throws {
        for sent in try await send(batch, on: tx.sql, sealing: false) { _ = try await sent.rows.rows() }
        tx.seal(.powerItems, batch.items)
        tx.seal(.powerAdjustments, batch.items)
    }

    /// The columns a new item is inserted with, and those an adjustment updates (after the key), as `JSONRows`.
    static let itemColumns = JSONRows([
        ("id", .uuid), ("code", .text), ("name", .text), ("type", .text), ("organisation_id", .uuid), ("status", .text),
        ("adjustments", .int), ("content", .text),
    ])
    static let itemUpdateColumns = JSONRows([
        ("id", .uuid), ("name", .text), ("organisation_id", .uuid), ("status", .text), ("adjustments", .int),
        ("content", .text),
    ])
    static let adjustmentColumns = JSONRows([
        ("id", .uuid), ("item_id", .uuid), ("code", .text), ("sequence", .int), ("kind", .text),
        ("effective_on", .text),
        ("valid_to", .text), ("type", .text), ("organisation_id", .uuid), ("reason", .text),
        ("approval_document", .text), ("approver", .text), ("content", .text),
    ])
    /// An item's adjustment closed at a date (`valid_to`), found by item and sequence.
    static let closingColumns = JSONRows([("item_id", .uuid), ("sequence", .int), ("valid_to", .text)])

    /// A batch's statements — the new items, the items updated, the stored adjustments closed, the adjustments — sent
    /// in order (`PendingRows`) on the transaction's one connection. `sealing`: each write's rows are to be sealed: the
    /// inserted rows with the seals made as they were packed (on PostgreSQL, `Batch(…, sealingNewRows: true)`), the
    /// updated ones as the statement returns them (an import: every row it changes is one of those, and the rows it
    /// leaves alone keep their seals).
    static func send(_ batch: Batch, on sql: any SQLDatabase, sealing: Bool) async throws -> [SentWrite] {
        guard !batch.items.isEmpty else { return [] }
        var sent: [SentWrite] = []
        /// Sends one statement (`statement` takes its `RETURNING` list). `inserted`: it inserts its rows, so their
        /// seals made while packing are theirs as stored; an update's are not (the row keeps its other columns).
        func sendWrite(
            _ table: SealedTable, _ rows: PackedRows, inserted: Bool, _ statement: (String) async throws -> PendingRows
        ) async throws {
            let seals = sealing && inserted ? rows.seals : nil
            let returning = sealing && seals == nil ? RowSeals.returning(table, on: sql) : ""
            sent.append(SentWrite(table: table, rows: try await statement(returning), seals: seals))
        }
        if let rows = batch.newItems {
            try await sendWrite(.powerItems, rows, inserted: true) {
                try await itemColumns.sendInsert(into: "power_items", rows, returning: $0, on: sql)
            }
        }
        if let rows = batch.updatedItems {
            try await sendWrite(.powerItems, rows, inserted: false) {
                try await itemUpdateColumns.sendUpdate("power_items", keys: 1, rows, returning: $0, on: sql)
            }
        }
        if let rows = batch.closedStored {
            try await sendWrite(.powerAdjustments, rows, inserted: false) {
                try await closingColumns.sendUpdate("power_adjustments", keys: 2, rows, returning: $0, on: sql)
            }
        }
        try await sendWrite(.powerAdjustments, batch.adjustments, inserted: true) {
            try await adjustmentColumns.sendInsert(into: "power_adjustments", batch.adjustments, returning: $0, on: sql)
        }
        return sent
    }

    /// Checked adjustments as the rows of the statements that write them (`JSONRows`), made without the database: an
    /// import makes each chunk's on the preparing core while the chunk before is written (the items' content JSON,
    /// quoted into these rows twice, was the writer's largest Swift cost).
    struct Batch: Sendable {
        /// The item of each adjustment, in order (what is sealed).
        let items: [UUID]
        /// Items created by their first adjustment (`itemColumns`).
        let newItems: PackedRows?
        /// Items adjusted again, each to the content its last adjustment in the batch left (`itemUpdateColumns`).
        let updatedItems: PackedRows?
        /// Stored adjustments closed at the date of the next one (`closingColumns`).
        let closedStored: PackedRows?
        /// The adjustment rows (`adjustmentColumns`).
        let adjustments: PackedRows

        /// `sealingNewRows`: the inserted rows' seals are made as they are packed (an import's, on PostgreSQL).
        init(
            _ rows: [(UUID, PowerAdjustment, Bool)], contents: [String]? = nil, format: RowsFormat,
            sealingNewRows: Bool = false
        ) throws {
            let itemSeals: SealedTable? = sealingNewRows ? .powerItems : nil
            let adjustmentSeals: SealedTable? = sealingNewRows ? .powerAdjustments : nil
            items = rows.map(\.0)
            let contents =
                try contents ?? rows.map { String(decoding: try StoreJSON.bytes($0.1.content), as: UTF8.self) }
            let new = rows.indices.filter { rows[$0].2 }
            newItems =
                new.isEmpty
                ? nil
                : try itemColumns.pack(new, format, sealingAs: itemSeals) { row, i in
                    // Read in place: binding `rows[i]` copied the adjustment, retaining each of its strings.
                    row.uuid(rows[i].0); row.string(rows[i].1.content.code); row.string(rows[i].1.content.name)
                    row.string(rows[i].1.content.type.rawValue)
                    row.uuid(rows[i].1.content.organisationID); row.string(rows[i].1.kind.resultingStatus.rawValue)
                    row.int(rows[i].1.sequence); row.string(contents[i])
                }
            // An item adjusted more than once in the batch ends as its last adjustment left it.
            var lastOfItem: [UUID: Int] = [:]
            for i in rows.indices where !rows[i].2 { lastOfItem[rows[i].0] = i }
            updatedItems =
                lastOfItem.isEmpty
                ? nil
                : try itemUpdateColumns.pack(lastOfItem.values.sorted(), format) { row, i in
                    row.uuid(rows[i].0); row.string(rows[i].1.content.name); row.uuid(rows[i].1.content.organisationID)
                    row.string(rows[i].1.kind.resultingStatus.rawValue); row.int(rows[i].1.sequence)
                    row.string(contents[i])
                }
            // Each adjustment applies until the next one of its item (M006): worked out within the batch, and for an
            // item's first adjustment in the batch, the stored one before it is closed at this date.
            var validTo = Array(repeating: M006_PowerListValidity.open, count: rows.count)
            var lastIndex: [UUID: Int] = [:], closeStored: [(UUID, Int, String)] = []
            for i in rows.indices {
                let id = rows[i].0, sequence = rows[i].1.sequence
                if let prev = lastIndex[id] {
                    validTo[prev] = rows[i].1.effectiveOn.description
                } else if sequence > 1 {
                    closeStored.append((id, sequence - 1, rows[i].1.effectiveOn.description))
                }
                lastIndex[id] = i
            }
            closedStored =
                closeStored.isEmpty
                ? nil
                : try closingColumns.pack(closeStored, format) { row, c in
                    row.uuid(c.0); row.int(c.1); row.string(c.2)
                }
            let adjustmentIDs = UUID.timeOrdered(rows.count)
            adjustments = try adjustmentColumns.pack(rows.indices, format, sealingAs: adjustmentSeals) { row, i in
                row.uuid(adjustmentIDs[i]); row.uuid(rows[i].0); row.string(rows[i].1.content.code)
                row.int(rows[i].1.sequence); row.string(rows[i].1.kind.rawValue)
                row.string(rows[i].1.effectiveOn.description); row.string(validTo[i])
                row.string(rows[i].1.content.type.rawValue); row.uuid(rows[i].1.content.organisationID)
                row.string(rows[i].1.reason); row.string(rows[i].1.approvalDocument); row.string(rows[i].1.approver)
                row.string(contents[i])
            }
        }
    }

    /// Filters of the list pages.
    public struct Filter: Sendable {
        public var type: PowerType?
        public var organisations: Set<UUID>?
        public var query: String?
        public init(type: PowerType? = nil, organisations: Set<UUID>? = nil, query: String? = nil) {
            self.type = type; self.organisations = organisations; self.query = query
        }
    }

    /// The adjustments in effect on `date`, one per item listed (cancelled items left out), filtered, ordered by code.
    /// `countUpTo` caps the total a page shows for a broad text search ("1,000 项以上"): counting stops there, so a
    /// two-character query that hits a seventh of a province's list still answers in milliseconds.
    public static func list(
        on date: CivilDate, _ f: Filter = Filter(), limit: Int = 1_000_000, offset: Int = 0, countUpTo: Int? = nil,
        on db: any Database
    ) async throws -> (rows: [PowerListEntry], total: Int) {
        let sql = db as! any SQLDatabase
        guard let whereClause = try await filterClause(f, on: sql) else { return ([], 0) }
        let from = listedOn(date) + whereClause
        // The total needs no organisation names: counted over the adjustments alone (index-only on SQLite).
        let counted: SQLQueryString =
            countUpTo.map {
                "SELECT COUNT(*) AS n FROM (SELECT 1 " + inForce(date) + whereClause + " LIMIT \(literal: $0)) capped"
            }
            ?? "SELECT COUNT(*) AS n " + inForce(date) + whereClause
        let total = try await count(counted, on: sql)
        let rows = try await sql.raw(
            "SELECT a.item_id, a.code, a.kind, a.effective_on, a.sequence, g.name AS organisation_name, a.content "
                + from + " ORDER BY a.code LIMIT \(literal: limit) OFFSET \(literal: offset)"
        ).all(decoding: PowerListEntry.self)
        return (rows, total)
    }

    /// The rows of the list on `date`: each item's adjustment in force that day (dated on or before it, and not yet
    /// followed by the next), cancelled ones left out — the rule of `PowerListHistory.listed`, in SQL.
    static func listedOn(_ date: CivilDate) -> SQLQueryString {
        """
        FROM power_adjustments a JOIN organisations g ON g.id = a.organisation_id
        WHERE a.effective_on <= \(bind: date.description) AND a.valid_to > \(bind: date.description) AND a.kind <> 'cancel'
        """
    }

    /// The same rows without the organisation join, for counting.
    static func inForce(_ date: CivilDate) -> SQLQueryString {
        "FROM power_adjustments a WHERE a.effective_on <= \(bind: date.description) AND a.valid_to > \(bind: date.description) AND a.kind <> 'cancel'"
    }

    static func filterClause(_ f: Filter, on sql: any SQLDatabase) async throws -> SQLQueryString? {
        var clause: SQLQueryString = ""
        if let t = f.type { clause = clause + " AND a.type = \(bind: t.rawValue)" }
        if let orgs = f.organisations {
            if orgs.isEmpty { return nil }
            clause = clause + " AND a.organisation_id IN \(SQLGroupExpression(orgs.map { SQLBind($0) }))"
        }
        if let q = f.query?.trimmed, !q.isEmpty {
            if let matches = SearchIndex.matching("power", q, on: sql) {
                clause = clause + " AND a.code IN (" + matches + ")"
            } else {
                let like = "%\(q.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: ""))%"
                clause = clause + " AND (a.content LIKE \(bind: like))"
            }
        }
        return clause
    }

    /// Counts by type and by body on `date`, as the seeds report them (e.g. 行政许可153、行政给付9…).
    public static func counts(
        on date: CivilDate, organisations: Set<UUID>? = nil, on db: any Database
    ) async throws -> (byType: [PowerType: Int], byBody: [(String, UUID, Int)]) {
        let sql = db as! any SQLDatabase
        guard let whereClause = try await filterClause(Filter(organisations: organisations), on: sql) else {
            return ([:], [])
        }
        let from = listedOn(date) + whereClause
        var byType: [PowerType: Int] = [:]
        for r in try await sql.raw("SELECT a.type, COUNT(*) AS n " + from + " GROUP BY a.type").all() {
            if let t = PowerType(rawValue: try r.decode(column: "type", as: String.self)) {
                byType[t] = try r.decode(column: "n", as: Int.self)
            }
        }
        var byBody: [(String, UUID, Int)] = []
        for r in try await sql.raw(
            "SELECT g.name, a.organisation_id, COUNT(*) AS n " + from
                + " GROUP BY g.name, a.organisation_id ORDER BY COUNT(*) DESC, g.name"
        ).all() {
            byBody.append(
                (
                    try r.decode(column: "name", as: String.self),
                    try r.decode(column: "organisation_id", as: UUID.self), try r.decode(column: "n", as: Int.self)
                ))
        }
        return (byType, byBody)
    }

    /// The list on `date` as the domain sees it (for diffs).
    public static func listed(
        on date: CivilDate, organisations: Set<UUID>? = nil, on db: any Database
    ) async throws -> [String: ListedPowerItem] {
        var out: [String: ListedPowerItem] = [:]
        for r in try await list(on: date, Filter(organisations: organisations), on: db).rows {
            let k = AdjustmentKind(rawValue: r.kind) ?? .add
            guard let since = CivilDate(iso: r.effectiveOn) else {
                throw StoreError.integrity("权责清单事项 \(r.code) 的生效日期无法读取")
            }
            out[r.code] = ListedPowerItem(
                content: try r.content(), status: k.resultingStatus, since: since, lastAdjustment: k)
        }
        return out
    }

    public static func diff(
        from: CivilDate, to: CivilDate, organisations: Set<UUID>? = nil, on db: any Database
    ) async throws -> PowerListDiff {
        PowerListHistory.diff(
            from: try await listed(on: from, organisations: organisations, on: db),
            to: try await listed(on: to, organisations: organisations, on: db))
    }

    public static func itemCount(on db: any Database) async throws -> Int {
        guard let sql = db as? any SQLDatabase else { throw StoreError.integrity("数据库不支持 SQL 查询") }
        return try await count("SELECT COUNT(*) AS n FROM power_items", on: sql)
    }

    /// The `n` of a `SELECT COUNT(*) AS n …`.
    static func count(_ query: SQLQueryString, on sql: any SQLDatabase) async throws -> Int {
        guard let row = try await sql.raw(query).first() else {
            throw StoreError.integrity("计数查询没有返回结果")
        }
        return try row.decode(column: "n", as: Int.self)
    }
}

extension PowerListStore {
    /// Writes whole item histories, each checked adjustment by adjustment (the demo loader and the benchmark).
    public static func writeChecked(
        _ items: [(UUID, [PowerAdjustment])], organisationNames: [UUID: String], in tx: WriteTransaction
    ) async throws {
        var rows: [(UUID, PowerAdjustment, Bool)] = []
        var docs: [(ref: String, text: String)] = []
        for (id, history) in items {
            for (i, a) in history.enumerated() {
                if let p = PowerListHistory.check(a, against: Array(history[..<i])) { throw p }
                rows.append((id, a, i == 0))
            }
            if let last = history.last {
                docs.append(
                    (
                        last.content.code,
                        searchText(last.content, organisationName: organisationNames[last.content.organisationID] ?? "")
                    ))
            }
        }
        // Items first (each created by its first adjustment), then the later adjustments update them in order.
        try await write(rows.filter { $0.2 }, in: tx)
        for (id, a, _) in rows where !rows.isEmpty && a.sequence > 1 { try await write([(id, a, false)], in: tx) }
        try await SearchIndex.putMany("power", docs, on: tx.sql)
        for chunk in rows.chunked(500) {
            try tx.record("power_list_import", chunk.first?.1.content.code ?? "", "import", chunk.map(\.1))
        }
    }
}
