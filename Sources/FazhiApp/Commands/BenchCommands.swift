import Crypto
import FazhiCore
import FazhiStore
import Fluent
import Foundation
import SQLKit
import Vapor

/// `bench <name> <value> <unit> baseline=<value> ratio=<value>` — one line per figure.
func benchLine(_ name: String, _ value: Double, _ unit: String, baseline: Double) -> String {
    func f(_ x: Double) -> String { x >= 100 ? String(format: "%.0f", x) : String(format: "%.3f", x) }
    return
        "bench \(name) \(f(value)) \(unit) baseline=\(f(baseline)) ratio=\(String(format: "%.3f", baseline == 0 ? 0 : value / baseline))"
}

/// This process's resident memory after glibc's `malloc_trim(0)` has handed every free page back, in bytes: what
/// is in use, to the page (freed memory reused by a later structure would otherwise hide its size).
func residentInUseBytes() -> Double {
    typealias Trim = @convention(c) (Int) -> Int32
    if let symbol = dlsym(dlopen(nil, RTLD_NOW), "malloc_trim") { _ = unsafeBitCast(symbol, to: Trim.self)(0) }
    return residentMiB() * 1_048_576
}

/// This process's resident memory now (VmRSS), in MiB.
func residentMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        let kb =
            line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Double($0) }
            ?? 0
        return kb / 1024
    }
    return 0
}

/// Inserts rows in multi-row INSERTs of `chunk` rows at a time (the benchmarks' bulk loads).
func insertRows(
    _ sql: any SQLDatabase, _ table: String, _ cols: [String], _ rows: [[SQLBind]], chunk: Int = 400
) async throws {
    for part in rows.chunkedArrays(chunk) {
        let ins = sql.insert(into: table).columns(cols)
        for r in part { ins.values(r.map { $0 as any SQLExpression }) }
        try await ins.run()
    }
}

func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let t0 = DispatchTime.now().uptimeNanoseconds
    try await body()
    return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
}

/// Record append vs plain inserts of the same rows, and record verify vs raw SHA-256 over the same bytes.
struct BenchRecordCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "entries", help: "条数（默认 20000）") var entries: Int?
        @Option(name: "batch", help: "每个事务的记录条数（默认 4，与一次业务操作写入的条数相当）") var batch: Int?
    }
    var help: String { "记录追加与校验的吞吐量" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await openStore(app)
        let n = signature.entries ?? 20000, batch = max(1, signature.batch ?? 4)
        let sql = app.db as! any SQLDatabase
        let store = app.fazhi.store
        let ctx = ChangeContext(actor: UUID().uuidString, organisation: UUID().uuidString)
        struct Payload: Encodable { let i: Int; let name: String; let note: String }

        // Baseline: the same rows (same columns, same sizes) as plain inserts, same transaction sizes.
        try await sql.raw(
            "CREATE TABLE IF NOT EXISTS bench_plain (seq BIGINT PRIMARY KEY, recorded_at TEXT, actor TEXT, organisation TEXT, subject_type TEXT, subject_id TEXT, action TEXT, payload TEXT, payload_hash TEXT, leaf_hash TEXT, chain_hash TEXT)"
        ).run()
        try await sql.raw("DELETE FROM bench_plain").run()
        let hashFiller = String(repeating: "a", count: 64)
        let plain = try await seconds {
            var i = 0
            while i < n {
                let count = min(batch, n - i)
                let base = i
                try await store.write(on: app.db, ctx) { tx in
                    let insert = tx.sql.insert(into: "bench_plain").columns([
                        "seq", "recorded_at", "actor", "organisation", "subject_type", "subject_id", "action",
                        "payload", "payload_hash", "leaf_hash", "chain_hash",
                    ])
                    for k in 0..<count {
                        let seq = Int64(base + k + 1)
                        let payload = String(
                            decoding: try CanonicalJSON.encode(Payload(i: base + k, name: "清河县市场监督管理局", note: "bench")),
                            as: UTF8.self)
                        insert.values([
                            SQLBind(seq), SQLBind(ChinaTime.iso(Date())), SQLBind(ctx.actor), SQLBind(ctx.organisation),
                            SQLBind("bench"), SQLBind(String(base + k)), SQLBind("create"), SQLBind(payload),
                            SQLBind(hashFiller), SQLBind(hashFiller), SQLBind(hashFiller),
                        ])
                    }
                    try await insert.run()
                }
                i += count
            }
        }
        let before = try await RecordLog.size(on: app.db)
        let append = try await seconds {
            var i = 0
            while i < n {
                let count = min(batch, n - i)
                let base = i
                try await store.write(on: app.db, ctx) { tx in
                    for k in 0..<count {
                        try tx.record(
                            "bench", String(base + k), "create", Payload(i: base + k, name: "清河县市场监督管理局", note: "bench")
                        )
                    }
                }
                i += count
            }
        }
        try await sql.raw("DROP TABLE bench_plain").run()
        context.console.print(benchLine("record_append", Double(n) / append, "entries/s", baseline: Double(n) / plain))

        // Verify the whole log vs SHA-256 over the same bytes the verifier hashes (payload, leaf, chain).
        let total = try await RecordLog.size(on: app.db)
        var stored: [StoredRecordEntry] = []
        try await RecordLog.forEachEntry(on: app.db) { stored.append($0) }
        // The baseline is short and this VM is noisy: best of three.
        var raw = Double.infinity
        for _ in 0..<3 {
            raw = min(
                raw,
                await seconds {
                    var acc: UInt8 = 0
                    for s in stored {
                        acc ^= Array(SHA256.hash(data: s.payload))[0]
                        acc ^= Array(SHA256.hash(data: [0] + s.entry.canonicalBytes))[0]
                        acc ^= Array(SHA256.hash(data: [UInt8](repeating: acc, count: 64)))[0]
                    }
                    if acc == 255 { print("") }
                })
        }
        // Best of three as well, measured the same way.
        var verify = Double.infinity
        for _ in 0..<3 {
            let t0 = DispatchTime.now().uptimeNanoseconds
            let report = try await RecordLog.audit(on: app.db, extraKeys: [app.fazhi.recordKey.publicKey])
            verify = min(verify, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
            guard report.ok else {
                throw CommandFailure(
                    "校验未通过：\(report.firstProblem?.reason ?? report.checkpointProblems.joined(separator: "；"))")
            }
            guard report.entriesChecked == total, total >= before + n else {
                throw CommandFailure("校验条数不符：\(report.entriesChecked)/\(total)")
            }
        }
        context.console.print(
            benchLine("record_verify", Double(total) / verify, "entries/s", baseline: Double(total) / raw))
        // Reading alone, and verifying alone: where the time goes.
        var count = 0
        var readOnly = Double.infinity
        for _ in 0..<3 {
            readOnly = min(readOnly, try await seconds { count = try await RecordLog.readAll(on: app.db) })
        }
        context.console.print(
            benchLine("record_read_only", Double(count) / readOnly, "entries/s", baseline: Double(total) / raw))
        // The same verification without the database read: the verifier's own cost.
        var inMemory = Double.infinity
        var pages: [RecordPage] = []
        for start in stride(from: 0, to: stored.count, by: 20000) {
            pages.append(RecordPage(Array(stored[start..<min(start + 20000, stored.count)])))
        }
        for _ in 0..<3 {
            inMemory = min(
                inMemory,
                await seconds {
                    var a = RecordAuditor(checkpoints: [], keys: [])
                    for page in pages { a.consume(page.checked()) }
                    _ = a.finish()
                })
        }
        context.console.print(
            benchLine("record_verify_in_memory", Double(total) / inMemory, "entries/s", baseline: Double(total) / raw))

        // Inclusion proofs from the cached subtrees (`MerkleTree`, what the proof endpoints use: O(log n) hashes read)
        // against proofs rehashed from the leaves (O(n) each); and the cached ones at 1,000 entries, whose ratio to
        // the full size shows the cost growing with log n, not n.
        let leaves = stored.map(\.entry.leafHash)
        let beforeTree = residentInUseBytes()
        var tree = MerkleTree()
        for leaf in leaves { tree.append(leaf) }
        let treeBytes = residentInUseBytes() - beforeTree
        // The layout the tree had before (an array per hash, every level), built beside it for the same-run ratio.
        var perHash: [[Merkle.Hash]] = [leaves.map { $0.map { $0 } }]
        while perHash[perHash.count - 1].count > 1 {
            let below = perHash[perHash.count - 1]
            perHash.append(
                stride(from: 0, to: below.count - 1, by: 2).map { Merkle.nodeHash(below[$0], below[$0 + 1]) })
        }
        let perHashBytes = residentInUseBytes() - beforeTree - treeBytes
        context.console.print(
            benchLine(
                "record_tree_bytes_per_entry", treeBytes / Double(total), "bytes",
                baseline: perHashBytes / Double(total)))
        perHash.removeAll()
        let probes = 20_000, slowProbes = 10, small = min(1000, total)
        let cached = await seconds {
            for i in 0..<probes { _ = tree.inclusionProof(index: (i &* 7919) % total, size: total) }
        }
        let cachedSmall = await seconds {
            for i in 0..<probes { _ = tree.inclusionProof(index: (i &* 7919) % small, size: small) }
        }
        let fromLeaves = await seconds {
            for i in 0..<slowProbes {
                _ = Merkle.inclusionProof(index: (i &* 7919) % total, size: total, leaves: leaves)
            }
        }
        context.console.print(
            benchLine(
                "record_proof_cached", Double(probes) / cached, "proofs/s",
                baseline: Double(slowProbes) / fromLeaves))
        context.console.print(
            benchLine(
                "record_proof_cached_at_1000", Double(probes) / cachedSmall, "proofs/s",
                baseline: Double(probes) / cached))

        // Incremental verification: sign a checkpoint (it keeps its frontier), append 1,000 entries, then check what
        // was appended from the frontier, against the whole log's audit of the same log.
        try await RecordLog.makeCheckpoint(key: app.fazhi.recordKey, store: store, on: app.db)
        for b in 0..<250 {
            try await store.write(on: app.db, ctx) { tx in
                for k in 0..<4 {
                    try tx.record("bench", "tail-\(b)-\(k)", "create", Payload(i: k, name: "追加", note: "bench"))
                }
            }
        }
        var appendedReport: RecordAuditReport?
        let incremental = try await seconds {
            appendedReport = try await RecordLog.auditAppended(
                on: app.db, trustedKeys: [app.fazhi.recordKey.publicKey])?
                .report
        }
        guard let appendedReport, appendedReport.ok, appendedReport.entriesChecked == 1000 else {
            throw CommandFailure("增量校验结果不符")
        }
        let whole = try await seconds {
            _ = try await RecordLog.audit(on: app.db, extraKeys: [app.fazhi.recordKey.publicKey])
        }
        context.console.print(
            benchLine("record_verify_appended_1000", 1 / incremental, "checks/s", baseline: 1 / whole))
    }
}

struct BenchDeadlineCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "count", help: "计算次数（默认 1000000）") var count: Int?
    }
    var help: String { "期限计算吞吐量（目标 ≥ 1M/s）" }
    func run(using context: CommandContext, signature: Signature) async throws {
        let n = signature.count ?? 1_000_000
        let calc = context.application.fazhi.deadlines
        let start = CivilDate(iso: "2024-01-01")!.dayNumber
        var sink = 0
        let t = try await seconds {
            for i in 0..<n {
                // Starts spread over 2024–2025, periods 1–60, both units: the mix procedures use.
                let from = start + (i % 700)
                let days = 1 + (i % 60)
                sink &+= try calc.dueDayNumber(from: from, days: days, unit: i & 1 == 0 ? .workday : .day)
            }
        }
        if sink == 42 { print("") }
        context.console.print(benchLine("deadline", Double(n) / t, "computations/s", baseline: 1_000_000))
    }
}

/// An authenticated JSON read (`GET /api/v1/organisations/{id}`: bearer token, access check, one database
/// read) under wrk (64 connections, loopback) vs a trivial route of the same server.
struct BenchHTTPCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "duration", help: "每轮秒数（默认 10）") var duration: Int?
        @Option(name: "port", help: "端口（默认 18080）") var port: Int?
    }
    var help: String { "HTTP 认证 JSON 读取 vs 简单路由（需要 wrk）" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await openStore(app)
        let port = signature.port ?? 18080, duration = signature.duration ?? 10
        // A user with a token to read as.
        let hash = try await app.password.async.hash("bench-password-1")
        let (token, orgID) = try await app.fazhi.store.write(on: app.db, .system, now: app.fazhi.now) {
            tx -> (String, UUID) in
            let org: OrganisationRecord
            if let o = try await OrganisationRecord.query(on: tx.db).first() {
                org = o
            } else {
                if try await RegionRecord.find("339999", on: tx.db) == nil {
                    _ = try await Directory.createRegion(.init(code: "339999", name: "基准测试区", parentCode: nil), in: tx)
                }
                org = try await Directory.createOrganisation(
                    .init(name: "基准测试机关", uscc: nil, regionCode: "339999", parentID: nil), in: tx)
            }
            let u = try await Accounts.createUser(
                username: "bench\(Int.random(in: 1000...999999))", displayName: "基准", passwordHash: hash,
                organisationID: org.id!, in: tx)
            _ = try await Accounts.grant(.officer, to: u, in: org.id!, tx: tx)
            let (_, clear) = try await Accounts.createToken(for: u, name: "bench", tx: tx)
            return (clear, org.id!)
        }
        try await app.server.start(address: .hostname("127.0.0.1", port: port))
        defer { Task { await app.server.shutdown() } }
        let base = "http://127.0.0.1:\(port)"
        _ = try runWrk(["-t2", "-c64", "-d2s", base + "/ping"])  // warm-up
        let trivial = try runWrk(["-t2", "-c64", "-d\(duration)s", "--latency", base + "/ping"])
        let authed = try runWrk([
            "-t2", "-c64", "-d\(duration)s", "--latency", "-H", "Authorization: Bearer \(token)",
            base + "/api/v1/organisations/\(orgID.uuidString)",
        ])
        await app.server.shutdown()
        guard authed.non2xx == 0 else { throw CommandFailure("认证读取出现 \(authed.non2xx) 个非 2xx 响应") }
        context.console.print(benchLine("http_authed_json_rps", authed.rps, "req/s", baseline: trivial.rps))
        // For latency, lower is better: the ratio is baseline/value so that ≥ 0.3 reads the same way.
        context.console.print(
            "bench http_authed_json_p99 \(String(format: "%.2f", authed.p99ms)) ms baseline=\(String(format: "%.2f", trivial.p99ms)) ratio=\(String(format: "%.3f", trivial.p99ms / authed.p99ms))"
        )
        context.console.print("bench server_rss \(String(format: "%.1f", residentMiB())) MiB baseline=0 ratio=0")
    }

    struct WrkResult { var rps = 0.0; var p99ms = 0.0; var non2xx = 0 }

    func runWrk(_ args: [String]) throws -> WrkResult {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["wrk"] + args
        let pipe = Pipe()
        p.standardOutput = pipe
        do { try p.run() } catch { throw CommandFailure("无法运行 wrk（apt-get install wrk）：\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw CommandFailure("wrk 退出码 \(p.terminationStatus)") }
        var r = WrkResult()
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            let parts = t.split(separator: " ", omittingEmptySubsequences: true)
            if t.hasPrefix("Requests/sec:"), parts.count >= 2 { r.rps = Double(parts[1]) ?? 0 }
            if t.hasPrefix("99%"), parts.count >= 2 { r.p99ms = Self.milliseconds(String(parts[1])) }
            if t.hasPrefix("Non-2xx"), let last = parts.last { r.non2xx = Int(last) ?? 0 }
        }
        return r
    }

    static func milliseconds(_ s: String) -> Double {
        if s.hasSuffix("us") { return (Double(s.dropLast(2)) ?? 0) / 1000 }
        if s.hasSuffix("ms") { return Double(s.dropLast(2)) ?? 0 }
        if s.hasSuffix("s") { return (Double(s.dropLast(1)) ?? 0) * 1000 }
        return Double(s) ?? 0
    }
}
