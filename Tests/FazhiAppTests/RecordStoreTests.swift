import FazhiApp
import FazhiCore
import FazhiStore
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

@Suite("The record on a real database")
struct RecordStoreTests {
    @Test(arguments: TestDB.all)
    func everyChangeIsRecordedInItsTransaction(_ db: TestDB) async throws {
        try await withTestApp(db) { t in
            let before = try await t.recordSize()
            let token = try await t.token("admin")
            let org = try await t.orgID("清河县司法局")
            let r = try await t.send(
                .POST, "/api/v1/users", token: token,
                json:
                    #"{"username":"new.user","displayName":"新用户","password":"abcdef12345","organisationId":"\#(org)","roles":[{"role":"officer","organisationId":"\#(org)"}]}"#
            )
            #expect(r.status == .created)
            // token creation (1) + user (1) + grant (1)
            #expect(try await t.recordSize() == before + 3)
            let recent = try await RecordLog.recent(on: t.app.db, limit: 2)
            #expect(recent.map(\.action) == ["grant", "create"])
            #expect(recent[1].actor == (try await t.userID("admin")).uuidString)
            // A failed change writes nothing, record included.
            let dup = try await t.send(
                .POST, "/api/v1/users", token: token,
                json: #"{"username":"new.user","displayName":"重复","password":"abcdef12345","organisationId":"\#(org)"}"#
            )
            #expect(dup.status == .conflict)
            #expect(try await t.recordSize() == before + 3)
            // A grant that fails after the user row was inserted rolls the user back too.
            let bad = try await t.send(
                .POST, "/api/v1/users", token: token,
                json:
                    #"{"username":"half.written","displayName":"半","password":"abcdef12345","organisationId":"\#(org)","roles":[{"role":"officer","organisationId":"\#(org)"},{"role":"officer","organisationId":"\#(org)"}]}"#
            )
            #expect(bad.status == .conflict)
            #expect(try await Accounts.user(named: "half.written", on: t.app.db) == nil)
            #expect(try await t.recordSize() == before + 3)
        }
    }

    @Test(arguments: TestDB.all)
    func appendedEntriesAreCheckedFromTheLastCheckpointsFrontier(_ db: TestDB) async throws {
        try await withTestApp(db) { t in
            let key = t.app.fazhi.recordKey, store = t.app.fazhi.store
            let sql = t.app.db as! any SQLDatabase
            let token = try await t.token("admin")
            let first = try await RecordLog.makeCheckpoint(key: key, store: store, on: t.app.db)
            for i in 0..<5 {
                _ = try await t.send(.POST, "/api/v1/tokens", token: token, json: #"{"name":"n\#(i)"}"#)
            }
            let size = try await t.recordSize()
            // Only what was appended since the checkpoint is read and checked.
            let checked = try #require(try await RecordLog.auditAppended(on: t.app.db, trustedKeys: [key.publicKey]))
            #expect(checked.report.ok)
            #expect(checked.report.entriesChecked == size - first.treeSize)
            #expect(checked.frontier.size == size)
            // The next checkpoint, signed from the frontier, has the root the whole log's audit computes.
            let second = try await RecordLog.makeCheckpoint(key: key, store: store, on: t.app.db)
            let full = try await RecordLog.audit(on: t.app.db)
            #expect(full.ok)
            #expect(second.treeSize == size && Hex.encode(full.root) == second.rootHash)
            // An appended entry altered afterwards is caught, and no checkpoint is signed over it.
            _ = try await t.send(.POST, "/api/v1/tokens", token: token, json: #"{"name":"later"}"#)
            let last = try await t.recordSize()
            try await sql.raw("UPDATE record_entries SET payload = payload || ' ' WHERE seq = \(bind: last)").run()
            let again = try #require(try await RecordLog.auditAppended(on: t.app.db, trustedKeys: [key.publicKey]))
            #expect(again.report.firstProblem?.sequence == Int64(last))
            await #expect(throws: StoreError.self) {
                try await RecordLog.makeCheckpoint(key: key, store: store, on: t.app.db)
            }
            // A checkpoint signed by a key merely registered in the database (not one this node holds) is not
            // resumed from, nor is a frontier that is not the signed tree's: the caller audits the whole log.
            let planted = RecordSigningKey()
            try await RecordLog.register(key: planted.publicKey, on: t.app.db)
            #expect(try await RecordLog.auditAppended(on: t.app.db, trustedKeys: [planted.publicKey]) == nil)
            try await sql.raw("UPDATE record_frontiers SET nodes = '' WHERE tree_size = \(bind: second.treeSize)").run()
            #expect(try await RecordLog.auditAppended(on: t.app.db, trustedKeys: [key.publicKey]) == nil)
        }
    }

    @Test(arguments: TestDB.all)
    func proofsVerifyAgainstSignedCheckpoints(_ db: TestDB) async throws {
        try await withTestApp(db) { t in
            let key = t.app.fazhi.recordKey.publicKey
            let cpA = try await RecordLog.latestCheckpoint(on: t.app.db)!
            // A first proof fills the leaf cache; later ones must see the entries appended since.
            let early = try await t.send(.GET, "/api/v1/record/proof?entry=1&size=\(cpA.treeSize)")
            #expect(early.status == .ok)
            let token = try await t.token("admin")
            _ = try await t.send(.POST, "/api/v1/tokens", token: token, json: #"{"name":"x"}"#)
            let signed = try await t.send(.POST, "/api/v1/record/checkpoint", token: token)
            #expect(signed.status == .created)
            let cpJSON = try await t.send(.GET, "/api/v1/record/checkpoint").json()
            let cpB = RecordCheckpoint(
                treeSize: cpJSON["treeSize"] as! Int, rootHash: cpJSON["rootHash"] as! String,
                madeAt: cpJSON["madeAt"] as! String,
                keyID: cpJSON["keyId"] as! String, signature: cpJSON["signature"] as! String)
            #expect(cpB.treeSize > cpA.treeSize)
            #expect(RecordSigningKey.PublicKey(base64: cpJSON["publicKey"] as! String)?.keyID == key.keyID)
            for entry in [1, cpA.treeSize, cpB.treeSize] {
                let r = try await t.send(.GET, "/api/v1/record/proof?entry=\(entry)&size=\(cpB.treeSize)")
                #expect(r.status == .ok)
                let doc = try JSONDecoder().decode(InclusionProofDocument.self, from: Data(r.text.utf8))
                let stored = try await RecordLog.entry(Int64(entry), on: t.app.db)!
                try RecordProofVerifier.verify(doc, checkpoint: cpB, publicKey: key, entry: stored.entry)
                // The proof does not vouch for a different entry.
                let other = try await RecordLog.entry(Int64(entry == 1 ? 2 : 1), on: t.app.db)!
                #expect(throws: RecordProofVerifier.Failure.entryMismatch) {
                    try RecordProofVerifier.verify(doc, checkpoint: cpB, publicKey: key, entry: other.entry)
                }
            }
            let c = try await t.send(.GET, "/api/v1/record/consistency?from=\(cpA.treeSize)&to=\(cpB.treeSize)")
            let cdoc = try JSONDecoder().decode(ConsistencyProofDocument.self, from: Data(c.text.utf8))
            try RecordProofVerifier.verify(cdoc, older: cpA, newer: cpB, publicKey: key)
            // Out-of-range requests are refused with the field named.
            #expect(try await t.send(.GET, "/api/v1/record/proof?entry=0").errorField == "entry")
            #expect(try await t.send(.GET, "/api/v1/record/proof?entry=1&size=999999").errorField == "size")
            #expect(try await t.send(.GET, "/api/v1/record/consistency?from=5&to=2").errorField == "from")
            // Only an admin or supervisor may sign on demand.
            let officer = try await t.token("scj.zhifa1")
            #expect(try await t.send(.POST, "/api/v1/record/checkpoint", token: officer).status == .forbidden)
        }
    }

    /// A long payload (an import's rows) is stored LZ4-compressed on PostgreSQL (M044), reads back byte for byte and
    /// verifies; SQLite stores it as it is.
    @Test(arguments: TestDB.all)
    func longPayloadsAreCompressedWithLZ4(_ db: TestDB) async throws {
        try await withTestApp(db) { t in
            struct Rows: Encodable { let rows: [String] }
            let rows = Rows(rows: (0..<2_000).map { "执法人员 \($0)：清河县市场监督管理局，证件 QH-\($0 * 7919)" })
            try await t.app.fazhi.store.write(on: t.app.db, .system) { tx in
                try tx.record("officer_import", "lz4-check", "import", rows)
            }
            let seq = try await t.recordSize()
            let stored = try await RecordLog.entry(Int64(seq), on: t.app.db)
            #expect(stored?.payload == (try CanonicalJSON.encode(rows)))
            if db != .sqlite {
                struct Row: Decodable { let method: String? }
                let row = try await t.sql.raw(
                    "SELECT pg_column_compression(payload) AS method FROM record_entries WHERE seq = \(bind: seq)"
                ).first(decoding: Row.self)
                #expect(row?.method == "lz4")
            }
            #expect(try await RecordLog.audit(on: t.app.db).ok)
        }
    }

    enum Tamper: String, CaseIterable, Sendable {
        case alterPayload, alterActor, delete, insert, swap, rewriteWithHashes
    }

    /// Tampers with the database directly, as someone with database access could, and checks that the audit
    /// names the first bad entry.
    @Test(arguments: TestDB.all, Tamper.allCases)
    func tamperingIsDetected(_ db: TestDB, _ tamper: Tamper) async throws {
        try await withTestApp(db) { t in
            let sql = t.sql
            let clean = try await RecordLog.audit(on: t.app.db)
            #expect(clean.ok)
            let n = try await t.recordSize()
            #expect(n > 20)
            let k = 7
            switch tamper {
            case .alterPayload:
                try await sql.raw("UPDATE record_entries SET payload = '{\"forged\":true}' WHERE seq = \(literal: k)")
                    .run()
            case .alterActor:
                try await sql.raw("UPDATE record_entries SET actor = 'intruder' WHERE seq = \(literal: k)").run()
            case .delete:
                try await sql.raw("DELETE FROM record_entries WHERE seq = \(literal: k)").run()
            case .insert:
                try await sql.raw("UPDATE record_entries SET seq = seq + 1000 WHERE seq >= \(literal: k)").run()
                try await sql.raw("UPDATE record_entries SET seq = seq - 999 WHERE seq >= 1000").run()
                try await sql.raw(
                    "INSERT INTO record_entries (seq, recorded_at, actor, organisation, subject_type, subject_id, action, payload, payload_hash, leaf_hash, chain_hash) SELECT \(literal: k), recorded_at, actor, organisation, subject_type, subject_id, action, payload, payload_hash, leaf_hash, chain_hash FROM record_entries WHERE seq = 1"
                ).run()
            case .swap:
                try await sql.raw("UPDATE record_entries SET seq = -1 WHERE seq = \(literal: k)").run()
                try await sql.raw("UPDATE record_entries SET seq = \(literal: k) WHERE seq = \(literal: k + 1)").run()
                try await sql.raw("UPDATE record_entries SET seq = \(literal: k + 1) WHERE seq = -1").run()
            case .rewriteWithHashes:
                // Rewrite entry k's payload and recompute every hash after it: only the signed checkpoint catches this.
                var chain = RecordChain.genesis
                var rows: [StoredRecordEntry] = []
                try await RecordLog.forEachEntry(on: t.app.db) { rows.append($0) }
                for s in rows {
                    var e = s.entry
                    var payload = s.payload
                    if e.sequence == Int64(k) {
                        payload = Array("{\"forged\":true}".utf8)
                        e = RecordEntry(
                            sequence: e.sequence, recordedAt: e.recordedAt, actor: e.actor,
                            organisation: e.organisation, subjectType: e.subjectType, subjectID: e.subjectID,
                            action: e.action, payloadHash: RecordEntry.payloadHash(of: payload))
                    }
                    chain = RecordChain.next(previous: chain, leaf: e.leafHash)
                    if e.sequence >= Int64(k) {
                        try await sql.raw(
                            "UPDATE record_entries SET payload = \(bind: String(decoding: payload, as: UTF8.self)), payload_hash = \(bind: e.payloadHash), leaf_hash = \(bind: Hex.encode(e.leafHash)), chain_hash = \(bind: Hex.encode(chain)) WHERE seq = \(bind: e.sequence)"
                        ).run()
                    }
                }
            }
            let report = try await RecordLog.audit(on: t.app.db)
            #expect(!report.ok)
            if tamper == .rewriteWithHashes {
                #expect(!report.checkpointProblems.isEmpty)
            } else {
                #expect(
                    report.firstProblem?.sequence == Int64(k), "\(tamper): \(String(describing: report.firstProblem))")
            }
            // And no checkpoint blesses the tampered log: none is signed (the change reaches past the last checkpoint),
            // or the one signed resumed from the last checkpoint's frontier and so carries the untampered tree's root,
            // against which the tampered log still fails.
            _ = try await t.send(.POST, "/api/v1/tokens", token: try await t.token("admin"), json: #"{"name":"y"}"#)
            if let cp = try? await RecordLog.makeCheckpoint(
                key: t.app.fazhi.recordKey, store: t.app.fazhi.store, on: t.app.db)
            {
                let after = try await RecordLog.audit(on: t.app.db)
                #expect(!after.ok)
                #expect(cp.rootHash != Hex.encode(after.root))
            }
        }
    }

    @Test("Checkpoints are signed periodically while the server runs")
    func periodicCheckpoints() async throws {
        let dir = try TestEnv.tempDir()
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        try await configure(
            app,
            options: AppOptions(
                database: .sqlite(path: dir.appendingPathComponent("p.sqlite").path),
                recordKeyPath: dir.appendingPathComponent("k").path, loadDemo: true, checkpointInterval: 1))
        app.passwords.use(.bcrypt(cost: 4))
        try await prepareForServing(app)
        try await app.asyncBoot()
        let first = try await RecordLog.latestCheckpoint(on: app.db)!
        let size = try await RecordLog.size(on: app.db)
        #expect(first.treeSize == size)
        try await app.fazhi.store.write(on: app.db, .system) { tx in
            _ = try await Directory.createRegion(.init(code: "339909", name: "测试区", parentCode: nil), in: tx)
        }
        var latest = first
        for _ in 0..<50 where latest.treeSize == first.treeSize {
            try await Task.sleep(nanoseconds: 100_000_000)
            latest = try await RecordLog.latestCheckpoint(on: app.db)!
        }
        #expect(latest.treeSize == size + 1)
        #expect(latest.verifySignature(publicKey: app.fazhi.recordKey.publicKey))
        try await app.asyncShutdown()
        try? FileManager.default.removeItem(at: dir)
    }

    @Test(arguments: TestDB.all)
    func backupRestoresAndVerifies(_ db: TestDB) async throws {
        try await withTestApp(db) { t in
            let path = t.dir.appendingPathComponent("backup.\(db == .sqlite ? "sqlite" : "dump")").path
            // Writers keep going while the backup runs.
            let token = try await t.token("admin")
            async let writes: Void = {
                for i in 0..<10 {
                    _ = try await t.send(
                        .POST, "/api/v1/tokens", token: token, json: #"{"name":"during-backup-\#(i)"}"#)
                }
            }()
            try await Backup.write(to: path, app: t.app)
            try await writes
            let restoredTarget: DatabaseTarget
            var cleanup: String?
            switch db {
            case .sqlite: restoredTarget = .sqlite(path: path)
            case .postgres:
                let (url, name) = try TestEnv.createPostgresDatabase()
                let (rc, out) = try TestEnv.shell(["pg_restore", "--no-owner", "--dbname", url, path])
                #expect(rc == 0, "\(out)")
                restoredTarget = .postgres(url: url); cleanup = name
            }
            let restored = try await Application.make(.testing)
            try await configure(
                restored,
                options: AppOptions(
                    database: restoredTarget, recordKeyPath: t.dir.appendingPathComponent("record.key").path,
                    checkpointInterval: 0))
            let report = try await RecordLog.audit(on: restored.db)
            #expect(report.ok, "\(String(describing: report.firstProblem)) \(report.checkpointProblems)")
            #expect(report.entriesChecked > 20)
            #expect(try await Accounts.user(named: "admin", on: restored.db) != nil)
            try await restored.asyncShutdown()
            if let cleanup { TestEnv.dropPostgresDatabase(cleanup) }
        }
    }
}
