import FazhiCore
import FluentPostgresDriver
import Foundation
import NIOCore
import SQLKit

/// Many rows written by one statement with a few bound values, taken apart by the database itself: on SQLite the rows
/// as one JSON array of arrays (one element per column, in the columns' order) read by `jsonb_each`; on PostgreSQL one
/// binary array per column read by `unnest` (`RowsFormat`). An import writes 100,000 rows; bound cell by cell, SQLKit
/// encoded 1.5 million values and SQLite parsed a statement of 4,500 placeholders every 300 rows.
public struct JSONRows: Sendable {
    /// What a column's cells are stored as, as the drivers store a bound Swift value: a UUID as SQLite's text
    /// (`uuidString`) or PostgreSQL's `uuid`, a Bool as SQLite's 0/1 or `boolean`.
    public enum Kind: Sendable { case text, uuid, bool, double, int }

    public let columns: [(name: String, kind: Kind)]

    public init(_ columns: [(String, Kind)]) { self.columns = columns.map { (name: $0.0, kind: $0.1) } }

    /// The column names, quoted, for `INSERT INTO t (…)`.
    public var names: String { columns.map { "\"\($0.name)\"" }.joined(separator: ", ") }

    /// SQLite's `FROM` source of rows packed as JSON: one row per element of the bound array, alias `e`. The binary
    /// form (`jsonb_each`): the text is parsed once and each row's elements are read from the parsed row — with the
    /// text form every `->>` parsed the row's text again (fifteen times a row for an officer).
    public static func source(_ json: [UInt8]) -> SQLQueryString {
        "jsonb_each(\(bind: String(decoding: json, as: UTF8.self))) AS e"
    }

    /// Element `index` of a row of `source`, as stored (`->>`).
    public static func element(_ index: Int) -> String { "e.value ->> \(index)" }

    /// The values of one row, for `SELECT …` over `source`.
    var elements: String { columns.indices.map(Self.element).joined(separator: ", ") }

    /// Rows packed as JSON, or a refusal: such rows are made for SQLite only (`RowsFormat`).
    static func json(_ rows: PackedRows, on sql: any SQLDatabase) throws -> [UInt8] {
        guard case .json(let json) = rows.storage, sql.dialect.name == "sqlite" else {
            let rule = "JSON 行只用于 SQLite，按列打包只用于 PostgreSQL"
            throw StoreError.integrity("批量写入的行格式与数据库不符（\(rule)）")
        }
        return json
    }

    /// `UPDATE table SET … FROM the rows WHERE …`: the first `keys` columns find the row, the others are set. A row the
    /// rows name twice would be set by either: the caller passes each key once. `returning`: a `RETURNING` list of text
    /// columns, whose rows it returns.
    @discardableResult
    public func update(
        _ table: String, keys: Int, _ rows: PackedRows, returning: String = "", on sql: any SQLDatabase
    ) async throws -> [[String]] {
        try await sendUpdate(table, keys: keys, rows, returning: returning, on: sql).rows()
    }

    /// `update`, sent: on PostgreSQL the statement is on its way when this returns, and its rows are read later.
    public func sendUpdate(
        _ table: String, keys: Int, _ rows: PackedRows, returning: String = "", on sql: any SQLDatabase
    ) async throws -> PendingRows {
        if let values = try bound(rows) {
            let set = columns.indices.dropFirst(keys).map { "\"\(columns[$0].name)\" = e.c\($0)" }
            let match = columns.indices.prefix(keys).map { "\"\(table)\".\"\(columns[$0].name)\" = e.c\($0)" }
            let text = """
                UPDATE "\(table)" SET \(set.joined(separator: ", ")) FROM \(unnest(from: 1))
                WHERE \(match.joined(separator: " AND ")) \(returning)
                """
            return try Self.send(text, values, on: sql)
        }
        let json = try Self.json(rows, on: sql)
        let set = columns.indices.dropFirst(keys).map { "\"\(columns[$0].name)\" = \(Self.element($0))" }
        let match = columns.indices.prefix(keys).map { "\(table).\"\(columns[$0].name)\" = \(Self.element($0))" }
        let statement = sql.raw(
            """
            UPDATE \(ident: table) SET \(unsafeRaw: set.joined(separator: ", "))
            FROM \(Self.source(json))
            WHERE \(unsafeRaw: match.joined(separator: " AND ")) \(unsafeRaw: returning)
            """
        )
        return PendingRows(ran: try await Self.run(statement, returning: !returning.isEmpty))
    }

    /// Runs a SQLite statement, with the rows of its `RETURNING` list if it has one: each row's columns as text, in
    /// order.
    private static func run(_ statement: SQLRawBuilder, returning: Bool) async throws -> [[String]] {
        guard returning else {
            try await statement.run()
            return []
        }
        return try await statement.all().map { row in
            try row.allColumns.map { try row.decode(column: $0, as: String?.self) ?? "" }
        }
    }

    /// `INSERT INTO table (columns) SELECT … FROM the rows`, then `tail` (e.g. an upsert's `ON CONFLICT`), then
    /// `returning` (a `RETURNING` list of text columns, whose rows it returns).
    @discardableResult
    public func insert(
        into table: String, _ rows: PackedRows, tail: String = "", returning: String = "", on sql: any SQLDatabase
    ) async throws -> [[String]] {
        try await sendInsert(into: table, rows, tail: tail, returning: returning, on: sql).rows()
    }

    /// `insert`, sent: on PostgreSQL the statement is on its way when this returns, and its rows are read later.
    public func sendInsert(
        into table: String, _ rows: PackedRows, tail: String = "", returning: String = "", on sql: any SQLDatabase
    ) async throws -> PendingRows {
        if let values = try bound(rows) {
            let cells = columns.indices.map { "e.c\($0)" }.joined(separator: ", ")
            let text = """
                INSERT INTO "\(table)" (\(names)) SELECT \(cells) FROM \(unnest(from: 1)) \(tail) \(returning)
                """
            return try Self.send(text, values, on: sql)
        }
        let json = try Self.json(rows, on: sql)
        // SQLite reads `ON CONFLICT` after `SELECT … FROM` as a join constraint unless a WHERE comes between.
        let guardClause = tail.isEmpty ? "" : " WHERE true"
        let statement = sql.raw(
            """
            INSERT INTO \(ident: table) (\(unsafeRaw: names))
            SELECT \(unsafeRaw: elements)
            FROM \(Self.source(json))\(unsafeRaw: guardClause) \(unsafeRaw: tail) \(unsafeRaw: returning)
            """
        )
        return PendingRows(ran: try await Self.run(statement, returning: !returning.isEmpty))
    }
}

extension JSONRows {
    /// Rows for these columns in `format`, each written by `write` (its cells in the columns' order). `sealingAs`: the
    /// rows are new rows of this table, and on PostgreSQL their seals are made as they are packed (`PackedRows.seals`),
    /// when these columns hold every sealed one and none is a double (whose text PostgreSQL writes its own way). Those
    /// seals are the stored rows' only if the rows are inserted as sent: a plain `INSERT` (no upsert), each column's
    /// kind its type in the table (`text`, not `varchar(n)`), no trigger or default on a sealed column, a UTF-8
    /// database — as `power_items` and `power_adjustments` are (`JSONRowsTests` checks the seals against the
    /// audit's).
    public func pack<Row>(
        _ rows: some Collection<Row>, _ format: RowsFormat, sealingAs table: SealedTable? = nil,
        _ write: (inout RowWriter, Row) throws -> Void
    ) throws -> PackedRows {
        var writer = RowWriter(
            kinds: columns.map(\.kind), format: format, capacity: max(4096, rows.count * 128),
            sealing: table.flatMap(sealingOrder))
        for r in rows { try writer.row { try write(&$0, r) } }
        if let failure = writer.failure { throw StoreError.integrity("批量写入的行有误：\(failure)") }
        return writer.packed(count: rows.count)
    }

    /// Where each of `table`'s sealed columns (key first) is among these columns; nil unless all are, none a double.
    func sealingOrder(_ table: SealedTable) -> (order: [Int], keyCount: Int)? {
        var order: [Int] = []
        for name in table.key + table.columns {
            guard let i = columns.firstIndex(where: { $0.name == name }), columns[i].kind != .double else { return nil }
            order.append(i)
        }
        return (order, table.key.count)
    }

    /// PostgreSQL's `FROM` source of packed columns: `unnest` of the bound arrays from parameter `first` on, each row's
    /// cells as `e.c0`, `e.c1`, …. One `unnest` per column in a subquery's select list, which streams the rows; the
    /// many-array `unnest(…) AS e(…)` in `FROM` is a function scan that first stores every row in a tuplestore (a
    /// tenth of the statement, inserting 50,000 search documents into a table without its GIN index).
    public func unnest(from first: Int) -> String {
        let arrays = columns.indices.map { i in
            let type =
                switch columns[i].kind {
                case .text: "text"
                case .uuid: "uuid"
                case .bool: "boolean"
                case .double: "double precision"
                case .int: "bigint"
                }
            return "$\(first + i)::\(type)[]"
        }
        let cells = arrays.enumerated().map { "unnest(\($0.element)) AS c\($0.offset)" }
        return "(SELECT \(cells.joined(separator: ", "))) AS e"
    }

    /// The bound arrays of `rows` packed as columns, in the columns' order; nil for rows packed as JSON.
    public func bound(_ rows: PackedRows) throws -> [PostgresData]? {
        guard case .columns(let packed) = rows.storage else { return nil }
        guard packed.count == columns.count else {
            throw StoreError.integrity("批量写入的列数 \(packed.count) 与语句的 \(columns.count) 列不符")
        }
        return zip(packed, columns).map { $0.bound(as: $1.kind) }
    }

    /// Sends a statement with packed columns bound to PostgreSQL; its rows are read from what this returns.
    public static func send(_ text: String, _ values: [PostgresData], on sql: any SQLDatabase) throws -> PendingRows {
        guard let pg = sql as? any PostgresDatabase else {
            throw StoreError.integrity("按列打包的行只能写入 PostgreSQL")
        }
        return PendingRows(sent: pg.query(text, values))
    }
}

/// A statement sent to write rows of a sealed table (`RowSeals`): its rows are sealed as it returns them, or, when
/// they were sealed as they were packed (`PackedRows.seals`), with those seals once it has run.
public struct SentWrite: Sendable {
    let table: SealedTable
    let rows: PendingRows
    let seals: [String: String]?

    /// Seals the rows (in the order the writes were sent, so a later write's seal of a row stands).
    func seal(in tx: WriteTransaction) async throws {
        let returned = try await rows.rows()
        if let seals { tx.seal(table, seals: seals) } else { try tx.seal(table, returned: returned) }
    }
}

/// The rows a statement returns, once the database has run it. On PostgreSQL the statement is sent when this is made
/// and its rows are read when asked for: an import sends a chunk's statements, then seals the chunk before while the
/// database writes (statements on one connection run in the order sent). On SQLite it has already run.
public struct PendingRows: Sendable {
    private let ran: [[String]]?
    private let sent: EventLoopFuture<PostgresQueryResult>?

    init(ran rows: [[String]]) {
        ran = rows
        sent = nil
    }

    init(sent future: EventLoopFuture<PostgresQueryResult>) {
        ran = nil
        sent = future
    }

    /// The first of these statements (in the order sent) that failed, with its error; nil when none did.
    static func firstFailure(_ statements: [PendingRows]) async -> (any Error)? {
        for statement in statements {
            guard let sent = statement.sent else { continue }
            do { _ = try await sent.get() } catch { return error }
        }
        return nil
    }

    /// Each returned row's cells as text, read by position as they came off the wire on PostgreSQL (NULL reads as "";
    /// a cell that is not text throws): decoding each cell through SQLKit by its column's name took two thirds of
    /// sealing an import's rows.
    public func rows() async throws -> [[String]] {
        guard let sent else { return ran ?? [] }
        return try await sent.get().rows.map { row in
            try row.map { cell in try cell.decode(String?.self) ?? "" }
        }
    }
}

extension JSONRows {
    /// Several JSON arrays of rows (`json`) as one.
    public static func joined(_ parts: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "[")]
        out.reserveCapacity(parts.reduce(2) { $0 + $1.count })
        for p in parts where p.count > 2 {
            if out.count > 1 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: p.dropFirst().dropLast())
        }
        out.append(UInt8(ascii: "]"))
        return out
    }
}

extension CanonicalJSONWriter {
    /// One row for `JSONRows`: the values in the columns' order, each as it is to be stored (UUIDs as text).
    public mutating func row(_ write: (inout CanonicalJSONWriter) throws -> Void) rethrows {
        openArray()
        try write(&self)
        closeArray()
    }
}
