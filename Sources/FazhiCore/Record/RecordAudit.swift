import Crypto
import Foundation

/// A stored entry as the verifier reads it back from the database: the fields, the payload text and the
/// hashes that were stored when it was appended.
public struct StoredRecordEntry: Sendable {
    public let entry: RecordEntry
    public let payload: [UInt8]
    public let storedLeafHash: String
    public let storedChainHash: String

    public init(entry: RecordEntry, payload: [UInt8], storedLeafHash: String, storedChainHash: String) {
        self.entry = entry; self.payload = payload; self.storedLeafHash = storedLeafHash;
        self.storedChainHash = storedChainHash
    }
}

/// What `fazhi record verify` found.
public struct RecordAuditReport: Sendable {
    public var entriesChecked = 0
    public var checkpointsChecked = 0
    public var root: Merkle.Hash = Merkle.emptyRoot
    /// The first problem found (sequence number and reason), if any.
    public var firstProblem: (sequence: Int64, reason: String)?
    public var checkpointProblems: [String] = []

    public var ok: Bool { firstProblem == nil && checkpointProblems.isEmpty }
}

/// Streams the log in sequence order and recomputes everything: each payload hash, leaf hash and chain
/// hash; that sequence numbers run 1, 2, 3… with no gap; and at each checkpoint's size, the Merkle root and
/// the signature. It keeps O(log n) state, so it verifies millions of entries in constant memory.
public struct RecordAuditor {
    private var report = RecordAuditReport()
    private var range = CompactRange()
    private var chain = RecordChain.genesis
    private var expected: Int64 = 1
    private var pending: [RecordCheckpoint]
    private let keys: [String: RecordSigningKey.PublicKey]

    /// `checkpoints` in any order; `keys` by key id.
    public init(checkpoints: [RecordCheckpoint], keys: [RecordSigningKey.PublicKey]) {
        pending = checkpoints.sorted { $0.treeSize < $1.treeSize }
        var k: [String: RecordSigningKey.PublicKey] = [:]
        for key in keys { k[key.keyID] = key }
        self.keys = k
        checkCheckpoints()
    }

    /// Goes on from a verified checkpoint's frontier: checks only the entries after it (and the checkpoints
    /// signed since), so a periodic check costs what was appended, not the whole log.
    public init(resuming frontier: RecordFrontier, checkpoints: [RecordCheckpoint], keys: [RecordSigningKey.PublicKey])
    {
        self.init(checkpoints: checkpoints.filter { $0.treeSize > frontier.size }, keys: keys)
        range = frontier.range
        chain = frontier.chain
        expected = Int64(frontier.size) + 1
    }

    /// Where the entries consumed so far end: what the next incremental check resumes from.
    public var frontier: RecordFrontier { RecordFrontier(range: range, chain: chain) }

    public mutating func consume(_ stored: StoredRecordEntry) { consume(RecordPage([stored]).check(0..<1)) }

    /// Goes on with a page whose entries were checked one by one (`RecordPage.checked`): in order, the sequence
    /// numbers, each entry's own problem (its payload, its leaf, its link to the entry before), the page's first link
    /// against the chain carried so far, the tree and the checkpoints at their sizes. A block of entries that all
    /// passed goes into the tree as the subtree `RecordPage.checked` hashed beside the other cores, unless a
    /// checkpoint's size falls inside it.
    public mutating func consume(_ page: CheckedRecordPage) {
        // The running chain is the stored chain hash of the last entry taken (equal to the recomputed one once it
        // passed), read back when the page is done.
        var taken: Int?
        defer { if let k = taken, let stored = page.storedChain(k) { chain = stored } }
        var i = 0, block = 0
        while i < page.count, report.firstProblem == nil {
            while block < page.blockStarts.count, page.blockStarts[block] < i { block += 1 }
            if block < page.blockStarts.count, page.blockStarts[block] == i, takeBlock(page, block, at: i) {
                taken = i + CheckedRecordPage.blockSize - 1
                i += CheckedRecordPage.blockSize
                continue
            }
            guard take(page, i) else { return }
            taken = i
            i += 1
        }
    }

    /// Entry `i` alone: its sequence number, its problem, its link, then into the tree.
    private mutating func take(_ page: CheckedRecordPage, _ i: Int) -> Bool {
        let seq = page.sequences[i]
        if seq != expected {
            let reason =
                seq > expected
                ? "第\(expected)条记录缺失（下一条为第\(seq)条）：记录被删除"
                : "第\(seq)条记录重复或顺序被改动"
            report.firstProblem = (expected, reason); return false
        }
        switch page.problems[i] {
        case .payload:
            report.firstProblem = (seq, "第\(seq)条记录的内容与其哈希不符：内容被改动")
            return false
        case .leaf:
            report.firstProblem = (seq, "第\(seq)条记录的字段与其叶哈希不符：记录被改动")
            return false
        case .chain:
            report.firstProblem = (seq, Self.chainBroken(seq))
            return false
        case nil: break
        }
        if i == 0, !firstLinkHolds(page) { report.firstProblem = (seq, Self.chainBroken(seq)); return false }
        range.append(page.leaf(i))
        expected += 1
        report.entriesChecked += 1
        checkCheckpoints()
        return true
    }

    /// Block `b` (starting at entry `i`) whole, when every entry in it passed and no checkpoint falls inside it.
    private mutating func takeBlock(_ page: CheckedRecordPage, _ b: Int, at i: Int) -> Bool {
        let size = CheckedRecordPage.blockSize
        guard range.size == Int(expected - 1), range.size % size == 0,
            pending.first.map({ $0.treeSize >= range.size + size }) ?? true
        else { return false }
        for j in i..<(i + size) where page.sequences[j] != expected + Int64(j - i) || page.problems[j] != nil {
            return false
        }
        if i == 0, !firstLinkHolds(page) { return false }
        guard range.append(subtree: page.blockRoot(b), height: CheckedRecordPage.blockHeight) else { return false }
        expected += Int64(size)
        report.entriesChecked += size
        checkCheckpoints()
        return true
    }

    /// The page's first entry links to the chain carried from the entries before it.
    private func firstLinkHolds(_ page: CheckedRecordPage) -> Bool {
        var h = SHA256()
        h.update(data: chain)
        h.update(data: page.leaf(0))
        let next = h.finalize()
        return page.withStoredChain(0) { RecordPage.hexEquals(next, $0) }
    }

    private static func chainBroken(_ seq: Int64) -> String { "第\(seq)条记录的链哈希不符：记录被插入、删除或调换" }

    private mutating func checkCheckpoints() {
        while let cp = pending.first, cp.treeSize <= range.size {
            pending.removeFirst()
            report.checkpointsChecked += 1
            if cp.treeSize == range.size && Hex.encode(range.root) != cp.rootHash {
                report.checkpointProblems.append(
                    "检查点（规模 \(cp.treeSize)，\(cp.madeAt)）的根哈希与重算结果不符：前 \(cp.treeSize) 条记录中有被改写的")
                if report.firstProblem == nil {
                    report.firstProblem = (Int64(cp.treeSize), "前 \(cp.treeSize) 条记录与签名检查点不符：记录在签名后被整体改写")
                }
            }
            if let key = keys[cp.keyID] {
                if !cp.verifySignature(publicKey: key) {
                    report.checkpointProblems.append("检查点（规模 \(cp.treeSize)，\(cp.madeAt)）签名无效")
                }
            } else {
                report.checkpointProblems.append("检查点（规模 \(cp.treeSize)）的签名密钥 \(cp.keyID) 未知")
            }
        }
    }

    public mutating func finish() -> RecordAuditReport {
        for cp in pending {
            report.checkpointProblems.append("检查点（规模 \(cp.treeSize)）超出现有记录数 \(range.size)：记录被截断")
            if report.firstProblem == nil {
                report.firstProblem = (Int64(range.size + 1), "第\(range.size + 1)条及以后的记录缺失（检查点规模 \(cp.treeSize)）")
            }
        }
        pending.removeAll()
        report.root = range.root
        return report
    }
}

/// 检查点前沿: where a verified stretch of the record ends — its size, the chain hash of its last entry and the
/// Merkle tree's perfect subtrees (O(log n) hashes) — kept beside each signed checkpoint so that the next check
/// resumes there (`RecordAuditor(resuming:)`). Its root must equal the checkpoint's signed root before it is trusted.
public struct RecordFrontier: Sendable {
    public let range: CompactRange
    public let chain: Merkle.Hash
    public var size: Int { range.size }
    public var root: Merkle.Hash { range.root }

    public init(range: CompactRange, chain: Merkle.Hash) { self.range = range; self.chain = chain }

    /// The subtrees as text, `height:hex` joined by commas (stored in `record_frontiers`).
    public var nodesText: String { range.nodes.map { "\($0.height):\(Hex.encode($0.hash))" }.joined(separator: ",") }

    public init?(size: Int, chainHex: String, nodesText: String) {
        var nodes: [(height: Int, hash: Merkle.Hash)] = []
        for part in nodesText.split(separator: ",") {
            let pair = part.split(separator: ":")
            guard pair.count == 2, let h = Int(pair[0]), let hash = Hex.decode(String(pair[1])) else { return nil }
            nodes.append((h, hash))
        }
        guard let range = CompactRange(size: size, nodes: nodes), let chain = Hex.decode(chainHex), chain.count == 32
        else { return nil }
        self.range = range; self.chain = chain
    }
}
