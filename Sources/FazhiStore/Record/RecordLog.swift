import FazhiCore
import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit

/// The append-only record table and its checkpoints.
public enum RecordLog {
    static let columns = [
        "seq", "recorded_at", "actor", "organisation", "subject_type", "subject_id", "action",
        "payload", "payload_hash", "leaf_hash", "chain_hash",
    ]

    struct Tail: Decodable, Sendable { let seq: Int64; let chain_hash: String }

    /// Appends entries after the current tail, in one multi-row insert per 400 entries, and returns the new tail.
    /// Must run inside a write transaction (`Store.write`) so the tail cannot move underneath.
    ///
    /// With `knownTail` (what this process last committed) and `guarded`, the first insert is guarded by the log's
    /// current last sequence number instead of reading the tail first: one statement less per write. When another
    /// process wrote since, the guard inserts nothing and the tail is read as usual — and `guarded` turns false, so
    /// that while several app nodes take turns the next write reads the tail first instead of sending a guarded insert
    /// bound to fail (two statements, not three); it turns true again once a read tail is the known one.
    static func append(
        _ pending: [PendingRecordEntry], context: ChangeContext, at now: Date, knownTail: Tail? = nil,
        guarded: inout Bool, on sql: any SQLDatabase
    ) async throws -> Tail? {
        guard !pending.isEmpty else { return knownTail }
        if guarded, let knownTail,
            let after = try await insert(pending, after: knownTail, context: context, at: now, guarded: true, on: sql)
        {
            return after
        }
        let tail =
            try await sql.raw("SELECT seq, chain_hash FROM record_entries ORDER BY seq DESC LIMIT 1").first(
                decoding: Tail.self)
            ?? Tail(seq: 0, chain_hash: Hex.encode(RecordChain.genesis))
        guarded = knownTail.map { $0.seq == tail.seq && $0.chain_hash == tail.chain_hash } ?? true
        return try await insert(pending, after: tail, context: context, at: now, guarded: false, on: sql)
    }

    /// Inserts the entries chained after `tail`; when `guarded`, only if `tail` is still the log's last entry
    /// (nil when it was not, and nothing was written).
    private static func insert(
        _ pending: [PendingRecordEntry], after tail: Tail, context: ChangeContext, at now: Date, guarded: Bool,
        on sql: any SQLDatabase
    ) async throws -> Tail? {
        var seq = tail.seq
        var chain = Hex.decode(tail.chain_hash) ?? RecordChain.genesis
        let time = ChinaTime.iso(now)
        var rows: [[any SQLExpression]] = []
        rows.reserveCapacity(pending.count)
        for p in pending {
            seq += 1
            let e = RecordEntry(
                sequence: seq, recordedAt: time, actor: context.actor, organisation: context.organisation,
                subjectType: p.subjectType, subjectID: p.subjectID, action: p.action,
                payloadHash: RecordEntry.payloadHash(of: p.payload))
            let leaf = e.leafHash
            chain = RecordChain.next(previous: chain, leaf: leaf)
            rows.append([
                SQLBind(seq), SQLBind(e.recordedAt), SQLBind(e.actor), SQLBind(e.organisation), SQLBind(e.subjectType),
                SQLBind(e.subjectID), SQLBind(e.action), SQLBind(String(decoding: p.payload, as: UTF8.self)),
                SQLBind(e.payloadHash), SQLBind(Hex.encode(leaf)), SQLBind(Hex.encode(chain)),
            ])
        }
        var start = 0
        while start < rows.count {
            let end = min(start + 400, rows.count)
            if guarded && start == 0 {
                // INSERT … SELECT from the rows, kept only while the log still ends at `tail` (the lock the write
                // holds keeps it so until the commit once this statement has seen it).
                let values = SQLList(rows[start..<end].map { SQLGroupExpression($0) })
                let inserted = try await sql.raw(
                    """
                    INSERT INTO record_entries (\(unsafeRaw: columns.joined(separator: ", ")))
                    SELECT * FROM (VALUES \(values)) AS v WHERE (SELECT COALESCE(MAX(seq), 0) FROM record_entries) = \(bind: tail.seq)
                    RETURNING seq
                    """
                ).all()
                if inserted.isEmpty { return nil }
            } else {
                var insert = sql.insert(into: "record_entries").columns(columns)
                for r in rows[start..<end] { insert = insert.values(r) }
                try await insert.run()
            }
            start = end
        }
        return Tail(seq: seq, chain_hash: Hex.encode(chain))
    }

    public static func size(on db: any Database) async throws -> Int {
        struct Row: Decodable { let n: Int64? }
        let r = try await (db as! any SQLDatabase).raw("SELECT MAX(seq) AS n FROM record_entries").first(
            decoding: Row.self)
        return Int(r?.n ?? 0)
    }

    struct Row: Decodable {
        let seq: Int64, recorded_at: String, actor: String, organisation: String, subject_type: String,
            subject_id: String
        let action: String, payload: String, payload_hash: String, leaf_hash: String, chain_hash: String

        var stored: StoredRecordEntry {
            StoredRecordEntry(
                entry: RecordEntry(
                    sequence: seq, recordedAt: recorded_at, actor: actor, organisation: organisation,
                    subjectType: subject_type, subjectID: subject_id, action: action, payloadHash: payload_hash),
                payload: Array(payload.utf8), storedLeafHash: leaf_hash, storedChainHash: chain_hash)
        }
    }

    /// Streams stored entries in sequence order, a page at a time, using keyset paging.
    public static func forEachEntry(
        on db: any Database, pageSize: Int = 20000, from firstSeq: Int64 = 1,
        _ body: (StoredRecordEntry) throws -> Void
    ) async throws {
        // The first page starts at the smallest sequence whatever it is, so a deleted first entry is seen.
        var after: Int64 = firstSeq > 1 ? firstSeq - 1 : Int64.min
        while true {
            let page = try await readPage(on: db, after: after, limit: pageSize)
            for stored in page { try body(stored) }
            guard page.count == pageSize, let last = page.last else { return }
            after = last.entry.sequence
        }
    }

    static let pageSQL =
        "SELECT " + columns.joined(separator: ", ") + " FROM record_entries WHERE seq > $1 ORDER BY seq LIMIT $2"

    /// Runs a page read so that PostgreSQL walks the primary key in order instead of sorting the page. Its statistics
    /// lag behind an append-only table, so for the newest entries it often expects a few hundred rows where 20,000
    /// come, picks a bitmap scan and sorts them — on disk, past `work_mem` (measured on a 41,000-entry log: 27–30 ms a
    /// page sorted against 7 ms walked in order, and a temporary file of 8 MB each time). `SET LOCAL` holds for this
    /// read's own transaction; inside a caller's transaction the read runs as it is, leaving the caller's plans alone.
    static func inKeyOrder<T: Sendable>(
        on db: any Database, _ read: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        guard db is any PostgresDatabase, !db.inTransaction else { return try await read(db) }
        return try await db.transaction { tx in
            guard let sql = tx as? any SQLDatabase else { return try await read(tx) }
            try await sql.raw("SET LOCAL enable_sort = off").run()
            return try await read(tx)
        }
    }

    /// One page of entries. On SQLite the rows are read straight from sqlite-nio (several times faster than
    /// decoding through SQLKit on long scans, which is what `fazhi record verify` does).
    static func readPage(on db: any Database, after: Int64, limit: Int) async throws -> [StoredRecordEntry] {
        if let sqlite = db as? any SQLiteDatabase {
            let rows = try await sqlite.query(
                pageSQL.replacingOccurrences(of: "$1", with: "?").replacingOccurrences(of: "$2", with: "?"),
                [.integer(Int(after)), .integer(limit)])
            return try rows.map { r in
                func text(_ c: String) throws -> String {
                    guard let v = r.column(c)?.string else {
                        throw StoreError.integrity("记录表第 \(r.column("seq")?.integer ?? 0) 行的 \(c) 列缺失或类型错误")
                    }
                    return v
                }
                guard let seq = r.column("seq")?.integer else { throw StoreError.integrity("记录表有一行的序号缺失") }
                return Row(
                    seq: Int64(seq), recorded_at: try text("recorded_at"), actor: try text("actor"),
                    organisation: try text("organisation"),
                    subject_type: try text("subject_type"), subject_id: try text("subject_id"),
                    action: try text("action"),
                    payload: try text("payload"), payload_hash: try text("payload_hash"),
                    leaf_hash: try text("leaf_hash"),
                    chain_hash: try text("chain_hash")
                ).stored
            }
        }
        let rows = try await inKeyOrder(on: db) { db in
            guard let sql = db as? any SQLDatabase else { throw StoreError.integrity("记录表无法按序读取") }
            return try await sql.select().columns(columns.map { SQLColumn($0) }).from("record_entries")
                .where("seq", .greaterThan, SQLBind(after)).orderBy("seq").limit(limit).all()
        }
        return try rows.map { r in
            try Row(
                seq: r.decode(column: "seq", as: Int64.self),
                recorded_at: r.decode(column: "recorded_at", as: String.self),
                actor: r.decode(column: "actor", as: String.self),
                organisation: r.decode(column: "organisation", as: String.self),
                subject_type: r.decode(column: "subject_type", as: String.self),
                subject_id: r.decode(column: "subject_id", as: String.self),
                action: r.decode(column: "action", as: String.self),
                payload: r.decode(column: "payload", as: String.self),
                payload_hash: r.decode(column: "payload_hash", as: String.self),
                leaf_hash: r.decode(column: "leaf_hash", as: String.self),
                chain_hash: r.decode(column: "chain_hash", as: String.self)
            ).stored
        }
    }

    /// Stored entries for display (newest first), optionally only one actor's.
    public static func recent(on db: any Database, limit: Int, actor: String? = nil) async throws -> [RecordEntry] {
        let q = (db as! any SQLDatabase).select().columns(columns.map { SQLColumn($0) }).from("record_entries")
        if let actor { q.where("actor", .equal, SQLBind(actor)) }
        return try await q.orderBy("seq", .descending).limit(limit).all(decoding: Row.self).map { $0.stored.entry }
    }

    /// Leaf hashes of entries 1…size, recomputed from the stored fields (so a proof never vouches for an
    /// entry whose fields were altered).
    public static func leafHashes(upTo size: Int, on db: any Database) async throws -> [Merkle.Hash] {
        var out: [Merkle.Hash] = []
        out.reserveCapacity(size)
        try await forEachEntry(on: db) { stored in
            guard out.count < size else { return }
            out.append(stored.entry.leafHash)
        }
        guard out.count >= size else { throw DomainError.notFound("记录只有 \(out.count) 条，不足 \(size) 条") }
        return Array(out.prefix(size))
    }

    /// Every entry about one subject (a case, and its publication), in order.
    public static func entries(
        subjectTypes: [String], subjectID: String, on db: any Database
    ) async throws -> [StoredRecordEntry] {
        try await (db as! any SQLDatabase).select().columns(columns.map { SQLColumn($0) }).from("record_entries")
            .where("subject_type", .in, subjectTypes).where("subject_id", .equal, SQLBind(subjectID))
            .orderBy("seq").all(decoding: Row.self).map(\.stored)
    }

    public static func entry(_ seq: Int64, on db: any Database) async throws -> StoredRecordEntry? {
        try await (db as! any SQLDatabase).select().columns(columns.map { SQLColumn($0) }).from("record_entries")
            .where("seq", .equal, SQLBind(seq)).first(decoding: Row.self)?.stored
    }

    // MARK: Checkpoints and keys

    public static func checkpoints(on db: any Database) async throws -> [RecordCheckpoint] {
        try await CheckpointRecord.query(on: db).sort(\.$treeSize).all().map(\.value)
    }

    public static func latestCheckpoint(on db: any Database) async throws -> RecordCheckpoint? {
        try await CheckpointRecord.query(on: db).sort(\.$treeSize, .descending).first()?.value
    }

    /// Publishes the signing key's public half (once).
    public static func register(key: RecordSigningKey.PublicKey, on db: any Database) async throws {
        if try await RecordKeyRecord.find(key.keyID, on: db) == nil {
            try await RecordKeyRecord(keyID: key.keyID, publicKey: key.base64).create(on: db)
        }
    }

    public static func publicKeys(on db: any Database) async throws -> [RecordSigningKey.PublicKey] {
        try await RecordKeyRecord.query(on: db).all().compactMap { RecordSigningKey.PublicKey(base64: $0.publicKey) }
    }

    /// Signs a checkpoint at the current size; returns the existing one if the log has not grown.
    @discardableResult
    public static func makeCheckpoint(
        key: RecordSigningKey, store: Store, on db: any Database, now: Date = Date()
    ) async throws -> RecordCheckpoint {
        if try await RecordKeyRecord.find(key.publicKey.keyID, on: db) == nil {
            try await store.write(on: db, .system, now: now) { tx in try await register(key: key.publicKey, on: tx.db) }
        }
        let n = try await size(on: db)
        if let existing = try await CheckpointRecord.query(on: db).filter(\.$treeSize == n).first() {
            return existing.value
        }
        // Verify before signing, so a checkpoint never blesses a log that was altered: what was appended since the
        // last checkpoint (from its frontier), or the whole log when there is no frontier to resume from.
        var resumed = try await auditAppended(upTo: n, on: db, trustedKeys: [key.publicKey])
        if resumed == nil { resumed = try await auditWithFrontier(upTo: n, on: db, extraKeys: [key.publicKey]) }
        guard let checked = resumed else { throw StoreError.integrity("记录校验未完成") }
        if let problem = checked.report.firstProblem {
            throw StoreError.integrity("记录校验未通过，拒绝签署检查点：\(problem.reason)")
        }
        guard checked.frontier.size == n else { throw StoreError.integrity("记录校验只读到 \(checked.frontier.size)/\(n) 条") }
        let cp = try key.sign(treeSize: n, root: checked.frontier.root, madeAt: ChinaTime.iso(now))
        let row = CheckpointRecord(cp)
        let frontier = checked.frontier
        do {
            try await store.write(on: db, .system, now: now) { tx in
                try await row.create(on: tx.db)
                try await saveFrontier(frontier, on: tx.sql)
            }
        } catch {
            // Another process signed the same size at the same moment: use theirs.
            if let existing = try await CheckpointRecord.query(on: db).filter(\.$treeSize == n).first() {
                return existing.value
            }
            throw error
        }
        return cp
    }

    /// Recomputes the whole log and every checkpoint signature (`fazhi record verify`).
    public static func audit(
        on db: any Database, extraKeys: [RecordSigningKey.PublicKey] = [],
        progress: ((Int) -> Void)? = nil
    ) async throws -> RecordAuditReport {
        try await auditWithFrontier(on: db, extraKeys: extraKeys, progress: progress).report
    }

    /// The whole log's audit (up to entry `limit`, or all), and where it ended.
    static func auditWithFrontier(
        upTo limit: Int? = nil, on db: any Database, extraKeys: [RecordSigningKey.PublicKey] = [],
        progress: ((Int) -> Void)? = nil
    ) async throws -> (report: RecordAuditReport, frontier: RecordFrontier) {
        var auditor = RecordAuditor(
            checkpoints: try await checkpoints(upTo: limit, on: db), keys: try await keys(db, extraKeys))
        try await consume(into: &auditor, after: Int64.min, upTo: limit, on: db, progress: progress)
        return (auditor.finish(), auditor.frontier)
    }

    /// 增量校验: checks only the entries appended after the latest checkpoint (up to `limit`), resuming from its
    /// frontier once the frontier's root is the checkpoint's signed root and the signature is by one of `trustedKeys`
    /// — keys held outside the database (the node's own), never merely registered in it, or whoever can write the
    /// database could plant a checkpoint and frontier over an altered log (`fazhi record verify --appended`, and
    /// before each new checkpoint). Nil when there is no frontier to trust: the caller audits the whole log. It does
    /// not re-read entries already under the checkpoint — a full `audit` does that.
    public static func auditAppended(
        upTo limit: Int? = nil, on db: any Database, trustedKeys: [RecordSigningKey.PublicKey],
        progress: ((Int) -> Void)? = nil
    ) async throws -> (report: RecordAuditReport, frontier: RecordFrontier)? {
        let signed = try await checkpoints(upTo: limit, on: db)
        guard let cp = signed.max(by: { $0.treeSize < $1.treeSize }),
            let key = trustedKeys.first(where: { $0.keyID == cp.keyID }), cp.verifySignature(publicKey: key),
            let frontier = try await frontier(at: cp.treeSize, on: db), Hex.encode(frontier.root) == cp.rootHash
        else { return nil }
        var auditor = RecordAuditor(resuming: frontier, checkpoints: signed, keys: try await keys(db, trustedKeys))
        try await consume(into: &auditor, after: Int64(cp.treeSize), upTo: limit, on: db, progress: progress)
        return (auditor.finish(), auditor.frontier)
    }

    /// The checkpoints up to `limit` entries (all when nil): one signed meanwhile beyond what an audit reads is not
    /// taken for a truncation.
    static func checkpoints(upTo limit: Int?, on db: any Database) async throws -> [RecordCheckpoint] {
        try await checkpoints(on: db).filter { $0.treeSize <= limit ?? Int.max }
    }

    private static func keys(
        _ db: any Database, _ extra: [RecordSigningKey.PublicKey]
    ) async throws
        -> [RecordSigningKey.PublicKey]
    {
        try await publicKeys(on: db) + extra
    }

    /// Feeds the entries after `after` (up to `limit`) to the auditor, in three overlapping stages: the next pages are
    /// read (as raw bytes, `RecordPageReader`, ahead on as many connections as the reader allows: `RecordPageSource`)
    /// while the one before is re-hashed on every core (`RecordPage.checked`) and the one before that goes through the
    /// chain and the tree in order.
    private static func consume(
        into auditor: inout RecordAuditor, after start: Int64, upTo limit: Int?, on db: any Database,
        progress: ((Int) -> Void)?
    ) async throws {
        let end = limit.map(Int64.init) ?? Int64.max
        let reader = try await RecordPageReader.open(on: db)
        defer { reader.close() }
        var pages = RecordPageSource(read: reader.read, after: start, end: end, size: 20000, depth: reader.depth)
        var checking: Task<CheckedRecordPage, any Error>?
        var n = 0
        do {
            while true {
                let page = try await pages.next()
                let next = page.map { page in Task { try await RecordPageReader.offThePool { page.checked() } } }
                if let done = checking {
                    let checked = try await done.value
                    auditor.consume(checked)
                    n += checked.count
                    progress?(n)
                }
                checking = next
                if next == nil { break }
            }
        } catch {
            // The reader is closed on the way out: no read may still be running on it (nor hashing on the cores).
            try? await pages.drain()
            _ = try? await checking?.value
            throw error
        }
    }

    /// Reads the whole log the way the audit does, without checking it: how many entries (the audit's ceiling, for
    /// `fazhi bench record`).
    public static func readAll(on db: any Database) async throws -> Int {
        let reader = try await RecordPageReader.open(on: db)
        defer { reader.close() }
        var pages = RecordPageSource(
            read: reader.read, after: Int64.min, end: Int64.max, size: 20000, depth: reader.depth)
        var n = 0
        do {
            while let page = try await pages.next() { n += page.count }
        } catch {
            try? await pages.drain()
            throw error
        }
        return n
    }

    /// The frontier kept with the checkpoint of `size`, if any (and well-formed).
    static func frontier(at size: Int, on db: any Database) async throws -> RecordFrontier? {
        guard
            let row = try await (db as! any SQLDatabase).raw(
                "SELECT chain_hash, nodes FROM record_frontiers WHERE tree_size = \(bind: size)"
            ).first()
        else { return nil }
        return RecordFrontier(
            size: size, chainHex: try row.decode(column: "chain_hash", as: String.self),
            nodesText: try row.decode(column: "nodes", as: String.self))
    }

    static func saveFrontier(_ f: RecordFrontier, on sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            INSERT INTO record_frontiers (tree_size, chain_hash, nodes)
            VALUES (\(bind: f.size), \(bind: Hex.encode(f.chain)), \(bind: f.nodesText))
            """
        ).run()
    }
}
