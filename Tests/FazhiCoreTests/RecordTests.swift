import Foundation
import Testing

@testable import FazhiCore

@Suite("Record entries, chain and audit")
struct RecordTests {
    func makeLog(_ n: Int) -> [StoredRecordEntry] {
        var chain = RecordChain.genesis
        return (1...n).map { i in
            let payload = Array("{\"n\":\(i)}".utf8)
            let e = RecordEntry(
                sequence: Int64(i), recordedAt: "2026-11-21T10:00:00.000+08:00", actor: "u\(i % 3)",
                organisation: "org",
                subjectType: "user", subjectID: "\(i)", action: "create",
                payloadHash: RecordEntry.payloadHash(of: payload))
            chain = RecordChain.next(previous: chain, leaf: e.leafHash)
            return StoredRecordEntry(
                entry: e, payload: payload, storedLeafHash: Hex.encode(e.leafHash), storedChainHash: Hex.encode(chain))
        }
    }

    func audit(
        _ log: [StoredRecordEntry], _ cps: [RecordCheckpoint] = [], keys: [RecordSigningKey.PublicKey] = []
    ) -> RecordAuditReport {
        var a = RecordAuditor(checkpoints: cps, keys: keys)
        for e in log { a.consume(e) }
        return a.finish()
    }

    @Test func canonicalBytesAreUnambiguous() {
        let a = RecordEntry(
            sequence: 1, recordedAt: "t", actor: "a;1:b", organisation: "", subjectType: "x", subjectID: "y",
            action: "z", payloadHash: "h")
        let b = RecordEntry(
            sequence: 1, recordedAt: "t", actor: "a", organisation: "1:b", subjectType: "x", subjectID: "y",
            action: "z", payloadHash: "h")
        #expect(a.canonicalBytes != b.canonicalBytes)
    }

    @Test func intactLogVerifies() throws {
        let log = makeLog(20)
        let key = RecordSigningKey()
        let cp = try key.sign(treeSize: 13, root: Merkle.root(log.prefix(13).map { $0.entry.leafHash }), madeAt: "t")
        let r = audit(log, [cp], keys: [key.publicKey])
        #expect(r.ok)
        #expect(r.entriesChecked == 20 && r.checkpointsChecked == 1)
        #expect(r.root == Merkle.root(log.map { $0.entry.leafHash }))
    }

    @Test func alteredPayloadIsNamed() {
        var log = makeLog(10)
        let e = log[6]
        log[6] = StoredRecordEntry(
            entry: e.entry, payload: Array("{\"n\":999}".utf8), storedLeafHash: e.storedLeafHash,
            storedChainHash: e.storedChainHash)
        #expect(audit(log).firstProblem?.sequence == 7)
    }

    @Test func alteredFieldIsNamed() {
        var log = makeLog(10)
        let e = log[3].entry
        let forged = RecordEntry(
            sequence: e.sequence, recordedAt: e.recordedAt, actor: "intruder", organisation: e.organisation,
            subjectType: e.subjectType, subjectID: e.subjectID, action: e.action, payloadHash: e.payloadHash)
        log[3] = StoredRecordEntry(
            entry: forged, payload: log[3].payload, storedLeafHash: log[3].storedLeafHash,
            storedChainHash: log[3].storedChainHash)
        #expect(audit(log).firstProblem?.sequence == 4)
    }

    @Test func deletedEntryIsNamed() {
        var log = makeLog(10)
        log.remove(at: 4)
        let r = audit(log)
        #expect(r.firstProblem?.sequence == 5)
    }

    @Test func swappedEntriesAreNamed() {
        var log = makeLog(10)
        // Swap contents of 3 and 4 but keep their sequence numbers in place.
        func withSeq(_ s: StoredRecordEntry, _ seq: Int64) -> StoredRecordEntry {
            let e = s.entry
            return StoredRecordEntry(
                entry: RecordEntry(
                    sequence: seq, recordedAt: e.recordedAt, actor: e.actor, organisation: e.organisation,
                    subjectType: e.subjectType, subjectID: e.subjectID, action: e.action, payloadHash: e.payloadHash),
                payload: s.payload, storedLeafHash: s.storedLeafHash, storedChainHash: s.storedChainHash)
        }
        let a = log[2], b = log[3]
        log[2] = withSeq(b, 3); log[3] = withSeq(a, 4)
        #expect(audit(log).firstProblem?.sequence == 3)
    }

    @Test("A wholesale rewrite after a checkpoint is caught by the checkpoint")
    func rewriteCaughtByCheckpoint() throws {
        let original = makeLog(10)
        let key = RecordSigningKey()
        let cp = try key.sign(treeSize: 8, root: Merkle.root(original.prefix(8).map { $0.entry.leafHash }), madeAt: "t")
        // Rebuild a consistent log with one altered entry (all hashes recomputed, as an intruder with DB access could).
        var chain = RecordChain.genesis
        let forged: [StoredRecordEntry] = original.map { s in
            var e = s.entry
            var payload = s.payload
            if e.sequence == 2 {
                payload = Array("{\"n\":-1}".utf8)
                e = RecordEntry(
                    sequence: 2, recordedAt: e.recordedAt, actor: e.actor, organisation: e.organisation,
                    subjectType: e.subjectType, subjectID: e.subjectID, action: e.action,
                    payloadHash: RecordEntry.payloadHash(of: payload))
            }
            chain = RecordChain.next(previous: chain, leaf: e.leafHash)
            return StoredRecordEntry(
                entry: e, payload: payload, storedLeafHash: Hex.encode(e.leafHash), storedChainHash: Hex.encode(chain))
        }
        let r = audit(forged, [cp], keys: [key.publicKey])
        #expect(!r.ok)
        #expect(r.checkpointProblems.count == 1)
    }

    @Test func truncationIsCaught() throws {
        let log = makeLog(10)
        let key = RecordSigningKey()
        let cp = try key.sign(treeSize: 10, root: Merkle.root(log.map { $0.entry.leafHash }), madeAt: "t")
        let r = audit(Array(log.prefix(7)), [cp], keys: [key.publicKey])
        #expect(r.firstProblem?.sequence == 8)
    }

    @Test func forgedSignatureIsCaught() throws {
        let log = makeLog(4)
        let key = RecordSigningKey(), other = RecordSigningKey()
        let good = try key.sign(treeSize: 4, root: Merkle.root(log.map { $0.entry.leafHash }), madeAt: "t")
        let bad = RecordCheckpoint(
            treeSize: 4, rootHash: good.rootHash, madeAt: "t2", keyID: key.publicKey.keyID, signature: good.signature)
        #expect(!audit(log, [bad], keys: [key.publicKey]).ok)
        #expect(!audit(log, [good], keys: [other.publicKey]).ok)
        #expect(audit(log, [good], keys: [key.publicKey]).ok)
    }
}
