import Crypto
import Foundation
import Testing

@testable import FazhiCore

/// The audit's work beside the other cores (`RecordPage.checked`): every link checked against the stored link before
/// it, and whole aligned blocks of leaves hashed into subtrees the in-order pass appends at once. Whatever it finds
/// must be what walking the log entry by entry finds: the same first problem, root and checkpoints.
@Suite("Record audit: links and blocks checked in parallel")
struct RecordBlockTests {
    let log = RecordTests()

    /// The log audited in pages of `pageSize`, each checked in two parts, optionally resuming after `from` entries.
    func paged(
        _ entries: [StoredRecordEntry], pageSize: Int = 1_000, from: Int = 0, _ cps: [RecordCheckpoint] = [],
        keys: [RecordSigningKey.PublicKey] = []
    ) -> RecordAuditReport {
        var a = RecordAuditor(checkpoints: cps, keys: keys)
        if from > 0 {
            for e in entries[0..<from] { a.consume(e) }
            a = RecordAuditor(resuming: a.frontier, checkpoints: cps, keys: keys)
        }
        for start in stride(from: from, to: entries.count, by: pageSize) {
            a.consume(RecordPage(Array(entries[start..<min(start + pageSize, entries.count)])).checked(parts: 2))
        }
        return a.finish()
    }

    func withChain(_ entries: [StoredRecordEntry], at k: Int, _ chain: String) -> [StoredRecordEntry] {
        var out = entries
        let e = out[k]
        out[k] = StoredRecordEntry(
            entry: e.entry, payload: e.payload, storedLeafHash: e.storedLeafHash, storedChainHash: chain)
        return out
    }

    @Test func aSubtreeAppendsAsItsLeavesDo() {
        let leaves = (0..<800).map { Merkle.leafHash(Array("leaf \($0)".utf8)) }
        for prefix in [0, 256, 512] {
            var oneByOne = CompactRange()
            for l in leaves[0..<prefix] { oneByOne.append(l) }
            var whole = oneByOne
            let appended = whole.append(subtree: Merkle.root(leaves[prefix..<(prefix + 256)]), height: 8)
            #expect(appended)
            for l in leaves[prefix..<(prefix + 256)] { oneByOne.append(l) }
            #expect(whole.size == oneByOne.size && whole.root == oneByOne.root)
            #expect(whole.nodes.map(\.height) == oneByOne.nodes.map(\.height))
        }
        // Not at a multiple of the block's size: refused, nothing appended.
        var misaligned = CompactRange()
        misaligned.append(leaves[0])
        let refused = !misaligned.append(subtree: Merkle.root(leaves[1..<257]), height: 8)
        #expect(refused)
        #expect(misaligned.size == 1 && misaligned.root == leaves[0])
    }

    @Test func anIntactLogGivesTheSameRootAndCheckpoints() throws {
        let entries = log.makeLog(3_000)
        let leaves = entries.map(\.entry.leafHash)
        let key = RecordSigningKey()
        // At a block's end, inside a block, at a page's end and one leaf past a block.
        let cps = try [256, 700, 1_024, 2_000, 2_049].map {
            try key.sign(treeSize: $0, root: Merkle.root(leaves.prefix($0)), madeAt: "t")
        }
        // The blocks lying whole in each part of the first page (parts 1–500, 501–1000): entries 1–256 and 513–768.
        #expect(RecordPage(Array(entries[0..<1_000])).checked(parts: 2).blockStarts == [0, 512])
        let whole = paged(entries, cps, keys: [key.publicKey])
        #expect(whole.ok && whole.entriesChecked == 3_000 && whole.checkpointsChecked == 5)
        #expect(whole.root == Merkle.root(leaves))
        // A checkpoint whose root is not the log's, inside a block taken whole otherwise (entries 513–768 lie in the
        // page's second part): found, as entry by entry finds it.
        let wrong = try key.sign(treeSize: 700, root: Merkle.root(leaves.prefix(699)), madeAt: "t")
        let found = paged(entries, [wrong], keys: [key.publicKey])
        #expect(!found.ok && found.checkpointsChecked == 1)
        #expect(found.checkpointProblems == log.audit(entries, [wrong], keys: [key.publicKey]).checkpointProblems)
    }

    /// A stored chain hash replaced (by another entry's, by the same in capitals, by garbage) is named at that entry
    /// wherever it lies: a page's first entry, a part's first, inside a block, at a block's edge, the last.
    @Test func aBrokenLinkIsNamedWhereverItFalls() {
        let entries = log.makeLog(3_000)
        for k in [0, 1, 255, 256, 257, 499, 500, 501, 999, 1_000, 1_001, 1_500, 2_047, 2_048, 2_999] {
            for chain in [
                entries[(k + 7) % entries.count].storedChainHash, entries[k].storedChainHash.uppercased(), "00",
            ] {
                let altered = withChain(entries, at: k, chain)
                let found = paged(altered)
                #expect(found.firstProblem?.sequence == Int64(k + 1), "entry \(k + 1)")
                #expect(found.firstProblem?.reason == log.audit(altered).firstProblem?.reason)
            }
        }
    }

    @Test func entriesRemovedOrMovedInsideABlockAreNamed() {
        let entries = log.makeLog(3_000)
        var removed = entries
        removed.remove(at: 300)
        #expect(paged(removed).firstProblem?.sequence == 301)
        var moved = entries
        moved.swapAt(600, 601)
        #expect(paged(moved).firstProblem?.sequence == log.audit(moved).firstProblem?.sequence)
    }

    /// The same entry with its fields changed and its leaf hash stored anew, its chain hash left: only the link to the
    /// entry before can tell. At a page's first entry that link is the auditor's to check — here where the page also
    /// starts a block (entry 513, resumed after 512; pages of 256).
    @Test func aReLeafedFirstEntryOfAPageIsNamed() {
        let entries = log.makeLog(1_200)
        func releafed(_ k: Int) -> [StoredRecordEntry] {
            var out = entries
            let e = out[k].entry
            let forged = RecordEntry(
                sequence: e.sequence, recordedAt: e.recordedAt, actor: "intruder", organisation: e.organisation,
                subjectType: e.subjectType, subjectID: e.subjectID, action: e.action, payloadHash: e.payloadHash)
            out[k] = StoredRecordEntry(
                entry: forged, payload: out[k].payload, storedLeafHash: Hex.encode(forged.leafHash),
                storedChainHash: out[k].storedChainHash)
            return out
        }
        #expect(paged(releafed(512), from: 512).firstProblem?.sequence == 513)
        #expect(paged(releafed(768), pageSize: 256).firstProblem?.sequence == 769)
        #expect(paged(releafed(700)).firstProblem?.sequence == 701)
        #expect(paged(releafed(700)).firstProblem?.reason == log.audit(releafed(700)).firstProblem?.reason)
    }

    /// An entry removed and the rest renumbered with their leaves stored anew: the sequence numbers and leaves agree,
    /// only the chain is broken — at the first renumbered entry.
    @Test func aRemovalHiddenByRenumberingIsNamed() {
        let entries = log.makeLog(1_000)
        var hidden = Array(entries[0..<300])
        for old in entries[301...] {
            let e = old.entry
            let moved = RecordEntry(
                sequence: e.sequence - 1, recordedAt: e.recordedAt, actor: e.actor, organisation: e.organisation,
                subjectType: e.subjectType, subjectID: e.subjectID, action: e.action, payloadHash: e.payloadHash)
            hidden.append(
                StoredRecordEntry(
                    entry: moved, payload: old.payload, storedLeafHash: Hex.encode(moved.leafHash),
                    storedChainHash: old.storedChainHash))
        }
        #expect(paged(hidden).firstProblem?.sequence == 301)
        #expect(paged(hidden).firstProblem?.reason == log.audit(hidden).firstProblem?.reason)
    }

    /// A payload and a field altered inside blocks of a page: named there, as entry by entry names them.
    @Test func problemsInsideABlockAreNamed() {
        let entries = log.makeLog(1_000)
        var payload = entries
        payload[300] = StoredRecordEntry(
            entry: entries[300].entry, payload: Array("{}".utf8), storedLeafHash: entries[300].storedLeafHash,
            storedChainHash: entries[300].storedChainHash)
        #expect(paged(payload).firstProblem?.sequence == 301)
        #expect(paged(payload).firstProblem?.reason == log.audit(payload).firstProblem?.reason)
        var field = entries
        let e = entries[600].entry
        field[600] = StoredRecordEntry(
            entry: RecordEntry(
                sequence: e.sequence, recordedAt: e.recordedAt, actor: e.actor, organisation: "另一机关",
                subjectType: e.subjectType, subjectID: e.subjectID, action: e.action, payloadHash: e.payloadHash),
            payload: entries[600].payload, storedLeafHash: entries[600].storedLeafHash,
            storedChainHash: entries[600].storedChainHash)
        #expect(paged(field).firstProblem?.sequence == 601)
    }

    /// The leaf's bytes as the page writes them are `RecordEntry.canonicalBytes` for any sequence number a tampered
    /// row could carry.
    @Test(arguments: [Int64.min, -1_000, -1, 0, 1, 9, 10, 99, 100, 20_000, Int64.max])
    func leavesMatchCanonicalBytesForAnySequence(_ seq: Int64) {
        let payload = Array("{\"n\":1}".utf8)
        let e = RecordEntry(
            sequence: seq, recordedAt: "2026-12-02T10:00:00.000+08:00", actor: "u", organisation: "清河县",
            subjectType: "case", subjectID: "x", action: "create", payloadHash: RecordEntry.payloadHash(of: payload))
        let stored = StoredRecordEntry(
            entry: e, payload: payload, storedLeafHash: Hex.encode(e.leafHash), storedChainHash: "")
        let checked = RecordPage([stored]).check(0..<1)
        #expect(checked.leaf(0) == e.leafHash)
        #expect(checked.problems[0] == nil)
    }

    /// Hex read and compared as `Hex.encode` writes it: lower case only, every other byte refused.
    @Test func hexIsReadAndComparedExactly() {
        let digest = SHA256.hash(data: Array("法治".utf8))
        let text = Array(Hex.encode(digest).utf8)
        var decoded = [UInt8](repeating: 0, count: 32)
        let reads = text.withUnsafeBytes { t in decoded.withUnsafeMutableBytes { RecordPage.hexDecode(t, into: $0) } }
        #expect(reads && decoded == Array(digest))
        #expect(text.withUnsafeBytes { RecordPage.hexEquals(digest, $0) })
        let valid = Set("0123456789abcdef".utf8)
        for position in [0, 1, 37, 63] {
            for byte in UInt8.min...UInt8.max {
                var changed = text
                changed[position] = byte
                let accepted = changed.withUnsafeBytes { t in
                    decoded.withUnsafeMutableBytes { RecordPage.hexDecode(t, into: $0) }
                }
                let equal = changed.withUnsafeBytes { RecordPage.hexEquals(digest, $0) }
                #expect(accepted == valid.contains(byte), "byte \(byte) at \(position)")
                #expect(equal == (byte == text[position]), "byte \(byte) at \(position)")
            }
        }
    }

    /// Resuming from a frontier at any count (a checkpoint's size is rarely a block's multiple) reaches the same root,
    /// and still names an alteration after it.
    @Test func resumingAtAnyCountReachesTheSameRoot() {
        let entries = log.makeLog(2_600)
        let root = Merkle.root(entries.map(\.entry.leafHash))
        for from in [1, 300, 512, 1_000, 1_999] {
            let r = paged(entries, from: from)
            #expect(r.ok && r.root == root && r.entriesChecked == 2_600 - from, "from \(from)")
        }
        let altered = withChain(entries, at: 2_100, entries[2_101].storedChainHash)
        #expect(paged(altered, from: 300).firstProblem?.sequence == 2_101)
    }
}
