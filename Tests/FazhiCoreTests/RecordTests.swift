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

    /// Pages re-hashed on several threads (`RecordPage.checked`) verify as entry by entry does: the same root, and
    /// the same first problem wherever it falls in the page's parts.
    @Test func pagesCheckedInPartsAgreeWithEntryByEntry() throws {
        let log = makeLog(2_500)
        let key = RecordSigningKey()
        let cp = try key.sign(
            treeSize: 1_777, root: Merkle.root(log.prefix(1_777).map { $0.entry.leafHash }), madeAt: "t")
        func paged(_ log: [StoredRecordEntry]) -> RecordAuditReport {
            var a = RecordAuditor(checkpoints: [cp], keys: [key.publicKey])
            for start in stride(from: 0, to: log.count, by: 1_000) {
                a.consume(RecordPage(Array(log[start..<min(start + 1_000, log.count)])).checked(parts: 2))
            }
            return a.finish()
        }
        let whole = paged(log)
        #expect(whole.ok && whole.entriesChecked == 2_500 && whole.checkpointsChecked == 1)
        #expect(whole.root == audit(log, [cp], keys: [key.publicKey]).root)
        // A field altered in the second part of a page (its leaf no longer matches), a payload altered after it.
        var altered = log
        let e = altered[1_800].entry
        altered[1_800] = StoredRecordEntry(
            entry: RecordEntry(
                sequence: e.sequence, recordedAt: e.recordedAt, actor: "someone else", organisation: e.organisation,
                subjectType: e.subjectType, subjectID: e.subjectID, action: e.action, payloadHash: e.payloadHash),
            payload: altered[1_800].payload, storedLeafHash: altered[1_800].storedLeafHash,
            storedChainHash: altered[1_800].storedChainHash)
        altered[2_100] = StoredRecordEntry(
            entry: altered[2_100].entry, payload: Array("{}".utf8), storedLeafHash: altered[2_100].storedLeafHash,
            storedChainHash: altered[2_100].storedChainHash)
        let found = paged(altered)
        #expect(found.firstProblem?.sequence == 1_801)
        #expect(found.firstProblem?.reason == audit(altered).firstProblem?.reason)
        // Two entries swapped inside a page: named at the first, as entry by entry names it.
        var swapped = log
        swapped.swapAt(1_500, 1_501)
        #expect(paged(swapped).firstProblem?.sequence == audit(swapped).firstProblem?.sequence)
        // Every part's leaves stay 32 bytes an entry even where an entry has a problem.
        let checked = RecordPage(Array(altered[1_000..<2_000])).checked(parts: 2)
        #expect(checked.count == 1_000 && checked.leaves.count == 32 * 1_000)
        #expect(checked.leaf(999) == altered[1_999].entry.leafHash)
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
