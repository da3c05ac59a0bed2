import FazhiCore
import FluentKit
import FluentPostgresDriver
import Foundation
import SQLKit

/// Who is making a change, for the record: the acting user (or `system`) and the organisation they act for.
public struct ChangeContext: Sendable {
    public let actor: String
    public let organisation: String
    public init(actor: String, organisation: String) { self.actor = actor; self.organisation = organisation }
    public static let system = ChangeContext(actor: "system", organisation: "")
}

/// One change inside a write transaction. Every change it makes notes a record entry with `record(…)`;
/// the entries are appended to the log in the same transaction, just before it commits.
public final class WriteTransaction: @unchecked Sendable {
    public let db: any Database
    public var sql: any SQLDatabase { db as! any SQLDatabase }
    public let context: ChangeContext
    public let now: Date
    fileprivate(set) var pending: [PendingRecordEntry] = []
    /// The log's last entry as this transaction knows it (from the store's last commit, then its own appends).
    fileprivate(set) var knownTail: RecordLog.Tail?
    /// Whether to trust `knownTail` enough to append guarded by it (one statement) rather than read the tail first: false
    /// once another process was found to have written since (several app nodes take turns), true again once not.
    fileprivate(set) var guardsTail = true
    /// Registry rows written and not yet sealed (`seal(_:_:)`, `seal(_:returned:)`).
    var toSeal: [(SealedTable, SealNote)] = []

    init(
        db: any Database, context: ChangeContext, now: Date, knownTail: RecordLog.Tail? = nil, guardsTail: Bool = true
    ) {
        self.db = db; self.context = context; self.now = now; self.knownTail = knownTail; self.guardsTail = guardsTail
    }

    /// Appends the entries noted so far to the log now, still inside this transaction (so they commit or roll back
    /// with it). A long import calls it per chunk so its payloads are not all held in memory until the commit.
    public func flushRecord() async throws {
        try await recordSeals()
        knownTail = try await RecordLog.append(
            pending, context: context, at: now, knownTail: knownTail, guarded: &guardsTail, on: sql)
        pending = []
    }

    /// Notes a change whose payload is already canonical JSON (`CanonicalJSON.encode`, e.g. encoded on another core).
    func record(raw subjectType: String, _ subjectID: String, _ action: String, _ payload: [UInt8]) {
        pending.append(
            PendingRecordEntry(subjectType: subjectType, subjectID: subjectID, action: action, payload: payload))
    }

    /// Notes what changed: the subject, the action and the change's payload (hashed canonically).
    public func record<P: Encodable>(_ subjectType: String, _ subjectID: String, _ action: String, _ payload: P) throws
    {
        pending.append(
            PendingRecordEntry(
                subjectType: subjectType, subjectID: subjectID, action: action,
                payload: try CanonicalJSON.encode(payload)))
    }
}

struct PendingRecordEntry: Sendable {
    let subjectType: String, subjectID: String, action: String, payload: [UInt8]
}

/// The `Idempotency-Key` claim of the request a write serves (set by the app's idempotency middleware around the
/// handler): the write marks it `committed` in its own transaction, so a retry after a lost answer is told the work
/// was done instead of doing it twice.
public struct IdempotencyClaim: Sendable {
    public let key: String
    public let principal: String
    public init(key: String, principal: String) { self.key = key; self.principal = principal }

    @TaskLocal public static var current: IdempotencyClaim?
    public static let inProgress = 0
    public static let committed = 1

    func mark(in tx: WriteTransaction) async throws {
        try await tx.sql.raw(
            """
            UPDATE idempotency_keys SET status = \(bind: Self.committed)
            WHERE idem_key = \(bind: key) AND principal = \(bind: principal) AND status = \(bind: Self.inProgress)
            """
        ).run()
    }
}

/// Queues write transactions inside this process, `permits` at a time. SQLite has one writer at a time (one permit);
/// queueing here rather than in SQLite's busy handler means concurrent requests never see "database is locked".
/// On PostgreSQL every write waits for the record's advisory lock: a few permits keep the waiting writes off the
/// connection pool (fifty writers each holding a connection starved it into 503s), and more than one means a write
/// whose connection never answers (seen when the primary is killed mid-COMMIT) does not stop the node's other writes.
actor WriteGate {
    private let permits: Int
    private var holders = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(permits: Int = 1) { self.permits = max(1, permits) }

    func lock() async {
        if holders < permits { holders += 1; return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func unlock() {
        if waiters.isEmpty { holders -= 1 } else { waiters.removeFirst().resume() }
    }

    /// Writes running (holding a permit) and waiting for one.
    var load: (running: Int, waiting: Int) { (holders, waiters.count) }
}

/// The store's entry points that every capability shares: how to write, and the record.
public final class Store: Sendable {
    public let target: DatabaseTarget
    let gate: WriteGate
    /// How many PostgreSQL writes of one app node may hold a pooled connection at once (the pool has 8 per event loop).
    static let postgresWritePermits = 4
    /// PostgreSQL advisory lock key taken by every write transaction, so that appends to the record are
    /// serial across processes (the log's sequence and chain have exactly one order).
    static let recordLockKey: Int64 = 0x66617a6869  // "fazhi"

    /// PostgreSQL's `synchronous_commit` for every write transaction (`FAZHI_SYNCHRONOUS_COMMIT`): with a synchronous
    /// standby named in the primary's `synchronous_standby_names`, `on` acknowledges a write once the standby has it on
    /// disk (it survives the primary's loss), `remote_apply` once the standby shows it to readers. Nil: the server's.
    public let synchronousCommit: SynchronousCommit?

    public enum SynchronousCommit: String, Sendable, CaseIterable {
        case on, remoteWrite = "remote_write", remoteApply = "remote_apply"
    }

    public init(target: DatabaseTarget, synchronousCommit: SynchronousCommit? = nil) {
        self.target = target; self.synchronousCommit = synchronousCommit
        gate = WriteGate(permits: target.isSQLite ? 1 : Store.postgresWritePermits)
    }

    private let generationLock = NSLock()
    nonisolated(unsafe) private var _generation: UInt64 = 0

    /// Bumped after every committed write in this process, so caches of what was read can tell they are stale.
    public var generation: UInt64 { generationLock.lock(); defer { generationLock.unlock() }; return _generation }

    private func bumpGeneration() { generationLock.lock(); _generation &+= 1; generationLock.unlock() }

    /// The record's last entry as of this process's last committed write: the next append checks it instead of
    /// reading it (see `RecordLog.append`). Only a hint — a wrong one costs the read it would have saved.
    nonisolated(unsafe) private var _recordTail: RecordLog.Tail?
    private var recordTail: RecordLog.Tail? {
        get { generationLock.lock(); defer { generationLock.unlock() }; return _recordTail }
        set { generationLock.lock(); _recordTail = newValue; generationLock.unlock() }
    }
    /// Whether the next append is guarded by `recordTail` (`WriteTransaction.guardsTail`).
    nonisolated(unsafe) private var _guardsRecordTail = true
    private var guardsRecordTail: Bool {
        get { generationLock.lock(); defer { generationLock.unlock() }; return _guardsRecordTail }
        set { generationLock.lock(); _guardsRecordTail = newValue; generationLock.unlock() }
    }

    /// Runs `body` as one transaction and appends its record entries before committing. Either the change
    /// and its record entries are all stored, or nothing is.
    public func write<T: Sendable>(
        on db: any Database, _ context: ChangeContext, now: Date = Date(),
        _ body: @escaping @Sendable (WriteTransaction) async throws -> T
    ) async throws -> T {
        switch target {
        case .sqlite:
            await gate.lock()
            do {
                let result = try await db.withConnection { conn in
                    let sql = conn as! any SQLDatabase
                    // Both are per-connection settings, so set them on the connection that writes (SQLite's default
                    // is already FULL; this keeps it so whatever the build's defaults).
                    try await sql.raw("PRAGMA busy_timeout = 10000").run()
                    try await sql.raw("PRAGMA synchronous = FULL").run()
                    // A 32 MB page cache on the writing connection (SQLite's default is 2 MB): a large import otherwise
                    // spills pages to the WAL and reads them back all through its transaction (3× slower on 100k rows).
                    try await sql.raw("PRAGMA cache_size = -32768").run()
                    // Statement journals (a multi-row insert that may fail half-way) in memory, not in temporary files.
                    try await sql.raw("PRAGMA temp_store = MEMORY").run()
                    // IMMEDIATE takes the write lock up front: a deferred transaction that reads and then writes
                    // can fail at once with SQLITE_BUSY when another process wrote in between.
                    try await sql.raw("BEGIN IMMEDIATE").run()
                    do {
                        let tx = WriteTransaction(db: conn, context: context, now: now, knownTail: self.recordTail)
                        let r = try await body(tx)
                        try await IdempotencyClaim.current?.mark(in: tx)
                        try await tx.flushRecord()
                        try await sql.raw("COMMIT").run()
                        self.recordTail = tx.knownTail
                        return r
                    } catch {
                        self.recordTail = nil
                        try? await sql.raw("ROLLBACK").run()
                        throw error
                    }
                }
                bumpGeneration()
                await gate.unlock()
                return result
            } catch {
                bumpGeneration()
                await gate.unlock()
                throw error
            }
        case .postgres:
            // A few writes at a time per app node, queued here before they take a pooled connection: every write waits
            // for the record's advisory lock anyway, and fifty writers each holding a connection while they wait starved
            // the pool (a request waiting 20 s for a connection is answered 503). The advisory lock orders them, here
            // and across nodes; a write that finds the tail it knew stale reads the tail (RecordLog.append's guard).
            await gate.lock()
            defer { bumpGeneration() }
            let known = recordTail, guards = guardsRecordTail
            do {
                let (r, tail, guardsNext) = try await db.withConnection { conn in
                    let sql = conn as! any SQLDatabase
                    let closed = await Store.closed(conn)
                    if closed == nil { conn.logger.warning("PostgreSQL connection not reachable: write not watched") }
                    return try await Store.unlessClosed(closed) {
                        try await sql.raw("BEGIN").run()
                        do {
                            // Every write holds the record's lock from its start: the record has one order across app
                            // nodes, and what is numbered from the stored maximum (publications' search_seq, …) cannot be
                            // numbered twice. (Taking it only before the append was tried: two nodes then numbered one
                            // publication alike — see BENCHMARKS.md.)
                            try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: Store.recordLockKey))").run()
                            if let level = self.synchronousCommit {
                                try await sql.raw("SET LOCAL synchronous_commit TO \(unsafeRaw: level.rawValue)").run()
                            }
                            let tx = WriteTransaction(
                                db: conn, context: context, now: now, knownTail: known, guardsTail: guards)
                            let r = try await body(tx)
                            try await IdempotencyClaim.current?.mark(in: tx)
                            try await tx.flushRecord()
                            try await sql.raw("COMMIT").run()
                            return (r, tx.knownTail, tx.guardsTail)
                        } catch {
                            try? await sql.raw("ROLLBACK").run()
                            throw error
                        }
                    }
                }
                recordTail = tail
                guardsRecordTail = guardsNext
                await gate.unlock()
                return r
            } catch {
                recordTail = nil
                await gate.unlock()
                throw error
            }
        }
    }

    /// This node's writes running and queued (`/metrics`: a queue that only grows, or every permit held for minutes,
    /// means writes are stuck).
    public func writeLoad() async -> (running: Int, waiting: Int) { await gate.load }

    /// Runs `work` on a PostgreSQL connection unless the connection closes first. PostgresNIO (1.33) drops a query
    /// written after its channel closed without ever answering it (the fix, vapor/postgres-nio#487, was reverted in
    /// #501): a COMMIT sent as the primary was killed then waited for ever, holding its write permit and its pooled
    /// connection. A watcher looks at the connection every `every` while the work runs (a callback on the connection's
    /// close would stay registered on a pooled connection after every write); once it is closed, and a grace period
    /// later — an answer that came in just before the close is still the answer — the write is answered
    /// `ConnectionClosed` (503, retry) and the dead connection goes back to the pool, which drops it. The abandoned work
    /// is left to its never-answered query.
    static func unlessClosed<T: Sendable>(
        _ isClosed: (@Sendable () -> Bool)?, every: Duration = .seconds(1), grace: Duration = .milliseconds(500),
        _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        guard let isClosed else { return try await work() }
        return try await withCheckedThrowingContinuation { continuation in
            let once = ResumeOnce(continuation)
            let watcher = Task {
                while !Task.isCancelled {
                    try await Task.sleep(for: every)
                    guard isClosed() else { continue }
                    try await Task.sleep(for: grace)
                    once.resume(.failure(ConnectionClosed()))
                    return
                }
            }
            // Unstructured, so the answer does not wait for work that may never end (task-local values carry over).
            Task {
                let result: Result<T, any Error>
                do { result = .success(try await work()) } catch { result = .failure(error) }
                watcher.cancel()
                once.resume(result)
            }
        }
    }

    /// Whether the PostgreSQL connection under `conn` has closed (nil for SQLite).
    static func closed(_ conn: any Database) async -> (@Sendable () -> Bool)? {
        guard let pg = conn as? any PostgresDatabase,
            let connection = try? await pg.withConnection({ $0.eventLoop.makeSucceededFuture($0) }).get()
        else { return nil }
        return { connection.isClosed }
    }

    /// Runs `body` while holding the start-up lock (PostgreSQL: a session advisory lock), so app nodes started
    /// together migrate and load the demo one after another instead of racing.
    public func startingUp<T: Sendable>(
        on db: any Database, _ body: @escaping @Sendable () async throws -> T
    )
        async throws -> T
    {
        guard !target.isSQLite else { return try await body() }
        return try await db.withConnection { conn in
            let sql = conn as! any SQLDatabase
            try await sql.raw("SELECT pg_advisory_lock(\(literal: Store.recordLockKey + 1))").run()
            do {
                let r = try await body()
                try await sql.raw("SELECT pg_advisory_unlock(\(literal: Store.recordLockKey + 1))").run()
                return r
            } catch {
                try? await sql.raw("SELECT pg_advisory_unlock(\(literal: Store.recordLockKey + 1))").run()
                throw error
            }
        }
    }

    /// The setting the SQLite database file keeps once made: WAL, so readers never block the writer. (Full
    /// sync and the busy timeout are per connection; `write` sets them where it writes.)
    public func prepare(on db: any Database) async throws {
        guard target.isSQLite, let sql = db as? any SQLDatabase else { return }
        try await sql.raw("PRAGMA journal_mode = WAL").run()
    }
}

/// Resumes a continuation once, whoever comes first.
final class ResumeOnce<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?

    init(_ c: CheckedContinuation<T, any Error>) { continuation = c }

    func resume(_ result: Result<T, any Error>) {
        lock.lock()
        let c = continuation
        continuation = nil
        lock.unlock()
        c?.resume(with: result)
    }
}
