import FazhiCore
import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit
import VaporCSQLite

/// Reads the record for `fazhi record verify` a page at a time as raw bytes (`RecordPage`), the fastest way each
/// database offers: on a SQLite file its own read-only connection stepping the statement in C (no `String` per
/// column), on PostgreSQL the row cells' bytes as they came off the wire; otherwise (an in-memory SQLite) the
/// ordinary decoded rows.
enum RecordPageReader {
    /// Entries with `after < seq <= end`, in order, at most `limit`.
    typealias Read = @Sendable (_ after: Int64, _ end: Int64, _ limit: Int) async throws -> RecordPage

    /// How to read pages, how many reads may run at once, and what to close afterwards.
    static func open(on db: any Database) async throws -> (read: Read, depth: Int, close: @Sendable () -> Void) {
        if let sql = db as? any SQLDatabase, db is any SQLiteDatabase,
            let path = try await sqliteFile(sql), let file = SQLiteRecordFile(path: path)
        {
            // One connection, one statement: one read at a time (reading is far cheaper than hashing here anyway).
            return (
                { after, end, limit in try await offThePool { try file.page(after: after, end: end, limit: limit) } },
                1, { file.close() }
            )
        }
        if db is any PostgresDatabase {
            // Two reads at once, on two of the pool's connections: the server reads one while the app decodes the other.
            return (
                { after, end, limit in
                    try await RecordLog.inKeyOrder(on: db) { tx in
                        guard let pg = tx as? any PostgresDatabase else {
                            throw StoreError.integrity("记录表无法按序读取")
                        }
                        return try await postgresPage(pg, after: after, end: end, limit: limit)
                    }
                }, 2, {}
            )
        }
        return (
            { after, end, limit in
                RecordPage(
                    try await RecordLog.readPage(on: db, after: after, limit: limit).filter { $0.entry.sequence <= end }
                )
            }, 1, {}
        )
    }

    /// The main database's file, or nil for an in-memory one.
    private static func sqliteFile(_ sql: any SQLDatabase) async throws -> String? {
        struct Row: Decodable { let file: String? }
        let row = try await sql.raw("SELECT file FROM pragma_database_list WHERE name = 'main'").first(
            decoding: Row.self)
        guard let file = row?.file, !file.isEmpty else { return nil }
        return file
    }

    /// Runs blocking work (C calls, hashing) on a Dispatch thread, not on Swift's cooperative pool.
    static func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { c in
            DispatchQueue.global().async { c.resume(with: Result { try work() }) }
        }
    }

    /// One row per entry, its cells' bytes copied as they came off the wire. (Tried and measured slower, BENCHMARKS.md:
    /// the page as one row of eleven `array_agg` arrays — the app's share fell by two thirds but the server's doubled —
    /// and decoding each row as a tuple of `ByteBuffer`s.)
    private static func postgresPage(
        _ pg: any PostgresDatabase, after: Int64, end: Int64, limit: Int
    ) async throws
        -> RecordPage
    {
        let result = try await pg.query(
            "SELECT \(RecordLog.columns.joined(separator: ", ")) FROM record_entries WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3",
            [PostgresData(int64: after), PostgresData(int64: end), PostgresData(int64: Int64(limit))]
        ).get()
        var page = RecordPage()
        // Twice the first row's size for every row (memory reserved and never written costs nothing here; a page of
        // longer rows still grows only once or twice), at most 64 MB: one huge first row must not ask for gigabytes.
        let first = result.rows.first.map { $0.reduce(0) { $0 + ($1.bytes?.readableBytes ?? 0) } } ?? 0
        let perRow = min(2 * first, (1 << 26) / max(1, result.rows.count))
        page.reserve(entries: result.rows.count, bytes: perRow * result.rows.count)
        for row in result.rows {
            var cells = row.makeIterator()
            guard let first = cells.next(), var seqBytes = first.bytes else {
                throw StoreError.integrity("记录表有一行的序号缺失")
            }
            // PostgresNIO asks for binary results: a BIGINT is 8 bytes, big-endian.
            guard first.format == .binary, first.dataType == .int8, seqBytes.readableBytes == 8,
                let seq = seqBytes.readInteger(as: Int64.self)
            else { throw StoreError.integrity("记录表有一行的序号类型错误") }
            page.begin(sequence: seq)
            for column in RecordLog.columns.dropFirst() {
                guard let cell = cells.next(), cell.dataType == .text || cell.dataType == .varchar,
                    let bytes = cell.bytes
                else {
                    throw StoreError.integrity("记录表第 \(seq) 行的 \(column) 列缺失或类型错误")
                }
                bytes.withUnsafeReadableBytes { page.append(field: $0) }
            }
        }
        return page
    }
}

/// A read-only connection of its own to the SQLite file, used from one thread at a time (the audit reads its pages
/// one after the other).
final class SQLiteRecordFile: @unchecked Sendable {
    private var handle: OpaquePointer?
    private var statement: OpaquePointer?

    init?(path: String) {
        guard sqlite_nio_sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK,
            // Wait out another process's brief lock (a WAL checkpoint, a recovery) as the app's own connections do.
            sqlite_nio_sqlite3_busy_timeout(handle, 30_000) == SQLITE_OK,
            sqlite_nio_sqlite3_prepare_v2(
                handle,
                "SELECT \(RecordLog.columns.joined(separator: ", ")) FROM record_entries WHERE seq > ?1 AND seq <= ?2 ORDER BY seq LIMIT ?3",
                -1, &statement, nil) == SQLITE_OK
        else {
            close()
            return nil
        }
    }

    func page(after: Int64, end: Int64, limit: Int) throws -> RecordPage {
        guard let statement else { throw StoreError.integrity("记录表无法读取") }
        defer { sqlite_nio_sqlite3_reset(statement) }
        sqlite_nio_sqlite3_bind_int64(statement, 1, after)
        sqlite_nio_sqlite3_bind_int64(statement, 2, end)
        sqlite_nio_sqlite3_bind_int64(statement, 3, Int64(limit))
        var page = RecordPage()
        let columns = Int32(RecordLog.columns.count)
        while true {
            let step = sqlite_nio_sqlite3_step(statement)
            if step == SQLITE_DONE { break }
            guard step == SQLITE_ROW else {
                throw StoreError.integrity("读取记录表出错：\(String(cString: sqlite_nio_sqlite3_errmsg(handle)))")
            }
            guard sqlite_nio_sqlite3_column_type(statement, 0) == SQLITE_INTEGER else {
                throw StoreError.integrity("记录表有一行的序号缺失")
            }
            let seq = sqlite_nio_sqlite3_column_int64(statement, 0)
            page.begin(sequence: seq)
            for c in 1..<columns {
                guard sqlite_nio_sqlite3_column_type(statement, c) == SQLITE_TEXT,
                    let text = sqlite_nio_sqlite3_column_text(statement, c)
                else {
                    throw StoreError.integrity("记录表第 \(seq) 行的 \(RecordLog.columns[Int(c)]) 列缺失或类型错误")
                }
                let n = Int(sqlite_nio_sqlite3_column_bytes(statement, c))
                page.append(field: UnsafeRawBufferPointer(start: text, count: n))
            }
        }
        return page
    }

    func close() {
        sqlite_nio_sqlite3_finalize(statement)
        statement = nil
        sqlite_nio_sqlite3_close(handle)
        handle = nil
    }

    deinit { close() }
}
