import FazhiCore
import FluentPostgresDriver
import Foundation
import SQLKit

/// Many rows written by one statement with one bound value: the rows as a JSON array of arrays (one element per column,
/// in the columns' order), taken apart by the database itself — SQLite's `json_each`, PostgreSQL's
/// `json_array_elements`. An import writes 100,000 rows; bound cell by cell, SQLKit encoded 1.5 million values and
/// SQLite parsed a statement of 4,500 placeholders every 300 rows.
public struct JSONRows: Sendable {
    /// How a column's JSON element becomes the stored value, as the drivers store a bound Swift value: a UUID as
    /// SQLite's text (`uuidString`) or PostgreSQL's `uuid`, a Bool as SQLite's 0/1 or `boolean`.
    public enum Kind: Sendable { case text, uuid, bool, double, int }

    public let columns: [(name: String, kind: Kind)]

    public init(_ columns: [(String, Kind)]) { self.columns = columns.map { (name: $0.0, kind: $0.1) } }

    /// The column names, quoted, for `INSERT INTO t (…)`.
    public var names: String { columns.map { "\"\($0.name)\"" }.joined(separator: ", ") }

    /// `FROM` source of the rows: one row per element of the bound JSON array, alias `e`. The binary forms (`jsonb_…`):
    /// the text is parsed once and each row's elements are read from the parsed row — with the text forms every `->>`
    /// parsed the row's text again (fifteen times a row for an officer).
    public static func source(_ json: [UInt8], on sql: any SQLDatabase) -> SQLQueryString {
        let text = String(decoding: json, as: UTF8.self)
        return sql.dialect.name == "sqlite"
            ? "jsonb_each(\(bind: text)) AS e" : "jsonb_array_elements(\(bind: text)::jsonb) AS e(value)"
    }

    /// Element `index` of a row as text (both dialects: `->>`).
    public static func element(_ index: Int) -> String { "e.value ->> \(index)" }

    /// Column `i`'s typed value in the current row of `source`.
    func value(_ i: Int, sqlite: Bool) -> String {
        let e = Self.element(i)
        switch (columns[i].kind, sqlite) {
        case (.text, _), (.uuid, true), (.bool, true), (.double, true), (.int, true): return e
        case (.uuid, false): return "(\(e))::uuid"
        case (.bool, false): return "(\(e))::boolean"
        case (.double, false): return "(\(e))::double precision"
        case (.int, false): return "(\(e))::bigint"
        }
    }

    /// The typed values of one row, for `SELECT …` over `source`.
    public func values(on sql: any SQLDatabase) -> String {
        let sqlite = sql.dialect.name == "sqlite"
        return columns.indices.map { value($0, sqlite: sqlite) }.joined(separator: ", ")
    }

    /// `UPDATE table SET … FROM the rows WHERE …`: the first `keys` columns find the row, the others are set. A row the
    /// rows name twice would be set by either: the caller passes each key once. `returning`: a `RETURNING` list of text
    /// columns, whose rows it returns.
    @discardableResult
    public func update(
        _ table: String, keys: Int, _ json: [UInt8], returning: String = "", on sql: any SQLDatabase
    ) async throws -> [[String]] {
        let sqlite = sql.dialect.name == "sqlite"
        let set = columns.indices.dropFirst(keys).map { "\"\(columns[$0].name)\" = \(value($0, sqlite: sqlite))" }
        let match = columns.indices.prefix(keys).map {
            "\(table).\"\(columns[$0].name)\" = \(value($0, sqlite: sqlite))"
        }
        let statement = sql.raw(
            """
            UPDATE \(ident: table) SET \(unsafeRaw: set.joined(separator: ", "))
            FROM \(Self.source(json, on: sql))
            WHERE \(unsafeRaw: match.joined(separator: " AND ")) \(unsafeRaw: returning)
            """
        )
        return try await Self.run(statement, returning: !returning.isEmpty)
    }

    /// Runs a statement, with the rows of its `RETURNING` list if it has one: each row's columns as text, in order.
    private static func run(_ statement: SQLRawBuilder, returning: Bool) async throws -> [[String]] {
        guard returning else {
            try await statement.run()
            return []
        }
        if let rows = try await postgresTexts(statement.query, on: statement.database) { return rows }
        return try await statement.all().map { row in
            try row.allColumns.map { try row.decode(column: $0, as: String?.self) ?? "" }
        }
    }

    /// On PostgreSQL, a statement's rows read cell by cell, by position, as they came off the wire (NULL reads as "";
    /// a cell that is not text throws). Decoding each cell through SQLKit by its column's name took two thirds of
    /// sealing an import's rows. Nil elsewhere, or for a statement with a bound value other than text.
    private static func postgresTexts(_ query: any SQLExpression, on sql: any SQLDatabase) async throws -> [[String]]? {
        guard let pg = sql as? any PostgresDatabase else { return nil }
        let (text, binds) = sql.serialize(query)
        var values: [PostgresData] = []
        for b in binds {
            guard let s = b as? String else { return nil }
            values.append(PostgresData(string: s))
        }
        return try await pg.query(text, values).get().rows.map { row in
            try row.map { cell in try cell.decode(String?.self) ?? "" }
        }
    }

    /// `INSERT INTO table (columns) SELECT … FROM the rows`, then `tail` (e.g. an upsert's `ON CONFLICT`), then
    /// `returning` (a `RETURNING` list of text columns, whose rows it returns).
    @discardableResult
    public func insert(
        into table: String, _ json: [UInt8], tail: String = "", returning: String = "", on sql: any SQLDatabase
    ) async throws -> [[String]] {
        // SQLite reads `ON CONFLICT` after `SELECT … FROM` as a join constraint unless a WHERE comes between.
        let guardClause = tail.isEmpty ? "" : " WHERE true"
        let statement = sql.raw(
            """
            INSERT INTO \(ident: table) (\(unsafeRaw: names))
            SELECT \(unsafeRaw: values(on: sql))
            FROM \(Self.source(json, on: sql))\(unsafeRaw: guardClause) \(unsafeRaw: tail) \(unsafeRaw: returning)
            """
        )
        return try await Self.run(statement, returning: !returning.isEmpty)
    }
}

extension JSONRows {
    /// Rows for these columns, each written by `write` (its values in the columns' order; UUIDs as text).
    public static func json<Row>(
        _ rows: some Sequence<Row>, _ write: (inout CanonicalJSONWriter, Row) throws -> Void
    )
        rethrows -> [UInt8]
    {
        var json = CanonicalJSONWriter(capacity: 4096)
        json.openArray()
        for r in rows { try json.row { try write(&$0, r) } }
        json.closeArray()
        return json.bytes
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
