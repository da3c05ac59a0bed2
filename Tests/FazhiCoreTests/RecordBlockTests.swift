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
        // The blocks lying whole in each part of a page: entries 1–256 and 513–768 of the first (parts 1–500, 501–1000).
        #expect(RecordPage(Array(entries[0..<1_000])).checked(parts: 2).blockStarts == [0, 512])
        let whole = paged(entries, cps, keys: [key.publicKey])
        #expect(whole.ok && whole.entriesChecked == 3_000 && whole.checkpointsChecked == 5)
        #expect(whole.root == Merkle.root(leaves))
        // A checkpoint whose root is not the log's, inside a block: found, as entry by entry finds it.
        let wrong = try key.sign(treeSize: 300, root: Merkle.root(leaves.prefix(299)), madeAt: "t")
        let found = paged(entries, [wrong], keys: [key.publicKey])
        #expect(
            !found.ok
                && found.checkpointProblems == log.audit(entries, [wrong], keys: [key.publicKey]).checkpointProblems)
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
