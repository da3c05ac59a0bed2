import FazhiCore
import FluentPostgresDriver
import Foundation
import NIOCore
import SQLKit

/// How the rows of a `JSONRows` statement travel to the database.
public enum RowsFormat: Sendable {
    /// One JSON array of rows, taken apart by the database (SQLite's `jsonb_each`).
    case json
    /// PostgreSQL: one binary array per column, read by `unnest`. The server reads each element as it reads a bound
    /// value, where a JSON text of 2,000 rows was parsed whole at bind (a third of a 权责清单 import's bind and parse).
    case columns

    /// The format of the database `sql` talks to.
    public init(for sql: any SQLDatabase) {
        self = sql is any PostgresDatabase ? .columns : .json
    }
}

/// Rows made for a `JSONRows` statement (`JSONRows.pack`), in one `RowsFormat`. An import makes them on the preparing
/// core; the writer only sends them.
public struct PackedRows: Sendable {
    enum Storage: Sendable {
        case json([UInt8])
        case columns([PostgresColumn])
    }

    let storage: Storage
    /// How many rows.
    public let count: Int
    /// The rows' seals (row key → seal), when they were made with the rows (`JSONRows.pack(…, sealingAs:)`).
    var seals: [String: String]? = nil

    /// Several packings of the same columns, in one format, as one (rows in order).
    public static func joined(_ parts: [PackedRows]) throws -> PackedRows {
        let count = parts.reduce(0) { $0 + $1.count }
        var json: [[UInt8]] = [], columns: [PostgresColumn] = [], columnar = false
        for (k, part) in parts.enumerated() {
            switch part.storage {
            case .json(let j) where !columnar: json.append(j)
            case .columns(let first) where k == 0:
                columns = first
                columnar = true
            case .columns(let more) where columnar && more.count == columns.count:
                for i in more.indices { columns[i].append(more[i]) }
            default: throw StoreError.integrity("批量写入的各批行格式或列数不一致（内部错误）")
            }
        }
        // The parts' seals, when every part has them (rows of one table, each part's keys its own).
        var seals: [String: String]? = [:]
        for part in parts { seals = part.seals.flatMap { mine in seals?.merging(mine) { $1 } } }
        return PackedRows(
            storage: columnar ? .columns(columns) : .json(JSONRows.joined(json)), count: count,
            seals: parts.isEmpty ? nil : seals)
    }
}

/// One column's elements in PostgreSQL's binary array format, without the array's header (written when sent, once
/// the count is known and parts are joined): each element its length (Int32, -1 for NULL) and its bytes.
struct PostgresColumn: Sendable {
    var elements: [UInt8] = []
    var count = 0
    var hasNull = false

    mutating func append(_ other: PostgresColumn) {
        elements.append(contentsOf: other.elements)
        count += other.count
        hasNull = hasNull || other.hasNull
    }

    mutating func length(_ n: Int32) {
        withUnsafeBytes(of: n.bigEndian) { elements.append(contentsOf: $0) }
        count += 1
    }

    mutating func null() {
        length(-1)
        hasNull = true
    }

    mutating func text(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            // At most `RowWriter.maxValueBytes` (checked there).
            length(Int32(clamping: utf8.count))
            elements.append(contentsOf: utf8)
        }
    }

    mutating func uuid(_ u: UUID) {
        length(16)
        withUnsafeBytes(of: u.uuid) { elements.append(contentsOf: $0) }
    }

    mutating func int(_ i: Int) {
        length(8)
        withUnsafeBytes(of: Int64(i).bigEndian) { elements.append(contentsOf: $0) }
    }

    mutating func double(_ d: Double) {
        length(8)
        withUnsafeBytes(of: d.bitPattern.bigEndian) { elements.append(contentsOf: $0) }
    }

    mutating func bool(_ b: Bool) {
        length(1)
        elements.append(b ? 1 : 0)
    }

    /// The bound value: a one-dimensional array of `kind`'s type (PostgreSQL's `array_recv` format).
    func bound(as kind: JSONRows.Kind) -> PostgresData {
        let (array, element): (PostgresDataType, PostgresDataType) =
            switch kind {
            case .text: (.textArray, .text)
            case .uuid: (.uuidArray, .uuid)
            case .bool: (.boolArray, .bool)
            case .double: (.float8Array, .float8)
            case .int: (.int8Array, .int8)
            }
        var buffer = ByteBuffer()
        buffer.reserveCapacity(20 + elements.count)
        buffer.writeInteger(Int32(count == 0 ? 0 : 1))
        buffer.writeInteger(Int32(hasNull ? 1 : 0))
        buffer.writeInteger(element.rawValue)
        if count > 0 {
            buffer.writeInteger(Int32(clamping: count))
            buffer.writeInteger(Int32(1))
        }
        buffer.writeBytes(elements)
        return PostgresData(type: array, formatCode: .binary, value: buffer)
    }
}

/// Writes the cells of `JSONRows` rows in the columns' order: as JSON (`RowsFormat.json`), or as each column's
/// binary array element (`RowsFormat.columns`), converted to the column's kind as the JSON path's casts would.
public struct RowWriter {
    private let kinds: [JSONRows.Kind]
    private var json: CanonicalJSONWriter
    private var columns: [PostgresColumn]
    private let columnar: Bool
    private var next = 0
    /// A cell that cannot become its column's kind, or a row of the wrong width (thrown when packing ends).
    private(set) var failure: String?
    /// Sealing the rows as they are packed (`RowSeals.postgresSeal`): the columns in the sealed table's order (key
    /// first), and how many of them are the key.
    private let sealing: (order: [Int], keyCount: Int)?
    /// The current row's cells as PostgreSQL casts them to text (nil for NULL), and the seals made so far.
    private var texts: [String?] = []
    private var seals: [String: String] = [:]

    init(kinds: [JSONRows.Kind], format: RowsFormat, capacity: Int, sealing: (order: [Int], keyCount: Int)? = nil) {
        self.kinds = kinds
        self.sealing = format == .columns ? sealing : nil
        columnar = format == .columns
        json = CanonicalJSONWriter(capacity: columnar ? 0 : capacity)
        columns = columnar ? Array(repeating: PostgresColumn(), count: kinds.count) : []
        if columnar {
            for i in columns.indices { columns[i].elements.reserveCapacity(capacity / max(1, kinds.count)) }
        } else {
            json.openArray()
        }
    }

    /// One row: `write` writes its cells.
    mutating func row(_ write: (inout RowWriter) throws -> Void) rethrows {
        next = 0
        if !columnar { json.openArray() }
        if sealing != nil { texts = Array(repeating: nil, count: kinds.count) }
        try write(&self)
        if !columnar { json.closeArray() }
        if next != kinds.count && failure == nil { failure = "一行应有 \(kinds.count) 列，写了 \(next) 列" }
        if let sealing {
            let (key, seal) = RowSeals.postgresSeal(sealing.order.map { texts[$0] }, keyCount: sealing.keyCount)
            seals[key] = seal
        }
    }

    /// The rows written.
    mutating func packed(count: Int) -> PackedRows {
        guard columnar else {
            json.closeArray()
            return PackedRows(storage: .json(json.bytes), count: count)
        }
        return PackedRows(storage: .columns(columns), count: count, seals: sealing == nil ? nil : seals)
    }

    /// Notes column `i`'s cell as PostgreSQL casts it to text, when the rows are sealed as packed.
    private mutating func noteSealText(_ i: Int, _ text: @autoclosure () -> String) {
        if sealing != nil { texts[i] = text() }
    }

    /// The kind of the next cell's column, and moves on (nil past the last column).
    private mutating func nextKind() -> (Int, JSONRows.Kind)? {
        defer { next += 1 }
        guard next < kinds.count else { return nil }
        return (next, kinds[next])
    }

    /// Notes a cell that cannot be written: the column (counted from 1) just taken by `nextKind`, or one past the last.
    private mutating func refuse(_ value: String, _ kind: JSONRows.Kind?) {
        guard failure == nil else { return }
        let column = min(next, kinds.count + 1)
        let wanted = kind.map { "\($0)" } ?? "多出的列"
        failure = "第 \(column) 列的值 \(value.prefix(40)) 不能写成 \(wanted)"
    }

    /// PostgreSQL's limit on one value (1 GB); an element's length must also fit its Int32.
    static let maxValueBytes = 1 << 30

    public mutating func string(_ s: String) {
        guard columnar else {
            next += 1
            return json.string(s)
        }
        guard let (i, kind) = nextKind() else { return refuse(s, nil) }
        guard s.utf8.count <= Self.maxValueBytes else {
            if failure == nil { failure = "第 \(i + 1) 列的值超过 PostgreSQL 单个值 1 GB 的上限" }
            return
        }
        switch kind {
        case .text:
            columns[i].text(s)
            noteSealText(i, s)
        case .uuid:
            guard let u = UUID(uuidString: s) else { return refuse(s, kind) }
            columns[i].uuid(u)
            noteSealText(i, u.uuidText.lowercased())
        case .int:
            guard let n = Int(s) else { return refuse(s, kind) }
            columns[i].int(n)
            noteSealText(i, String(n))
        case .double:
            guard let d = Double(s), d.isFinite else { return refuse(s, kind) }
            columns[i].double(d)
        case .bool:
            guard s == "true" || s == "false" else { return refuse(s, kind) }
            columns[i].bool(s == "true")
            noteSealText(i, s)
        }
    }

    public mutating func uuid(_ u: UUID) {
        guard columnar else {
            next += 1
            return json.uuid(u)
        }
        guard let (i, kind) = nextKind() else { return refuse(u.uuidText, nil) }
        switch kind {
        case .uuid:
            columns[i].uuid(u)
            noteSealText(i, u.uuidText.lowercased())
        case .text:
            columns[i].text(u.uuidText)
            noteSealText(i, u.uuidText)
        default: refuse(u.uuidText, kind)
        }
    }

    public mutating func int(_ n: Int) {
        guard columnar else {
            next += 1
            return json.int(n)
        }
        guard let (i, kind) = nextKind() else { return refuse(String(n), nil) }
        switch kind {
        case .int:
            columns[i].int(n)
            noteSealText(i, String(n))
        case .double: columns[i].double(Double(n))
        case .text:
            columns[i].text(String(n))
            noteSealText(i, String(n))
        default: refuse(String(n), kind)
        }
    }

    public mutating func double(_ d: Double) throws {
        guard columnar else {
            next += 1
            return try json.double(d)
        }
        guard d.isFinite else {
            throw EncodingError.invalidValue(d, .init(codingPath: [], debugDescription: "不是有限数值：\(d)"))
        }
        guard let (i, kind) = nextKind() else { return refuse(String(d), nil) }
        switch kind {
        // A negative zero stored as zero, as the JSON path stored it (PostgreSQL's jsonb numbers have no -0).
        case .double: columns[i].double(d == 0 ? 0 : d)
        default: refuse(String(d), kind)
        }
    }

    public mutating func bool(_ b: Bool) {
        guard columnar else {
            next += 1
            return json.bool(b)
        }
        guard let (i, kind) = nextKind() else { return refuse(String(b), nil) }
        switch kind {
        case .bool:
            columns[i].bool(b)
            noteSealText(i, b ? "true" : "false")
        case .text:
            columns[i].text(b ? "true" : "false")
            noteSealText(i, b ? "true" : "false")
        default: refuse(String(b), kind)
        }
    }

    public mutating func null() {
        guard columnar else {
            next += 1
            return json.null()
        }
        guard let (i, _) = nextKind() else { return refuse("null", nil) }
        columns[i].null()
    }
}
