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

    public mutating func consume(_ stored: StoredRecordEntry) {
        guard report.firstProblem == nil else { return }
        let e = stored.entry
        if e.sequence != expected {
            let reason =
                e.sequence > expected
                ? "第\(expected)条记录缺失（下一条为第\(e.sequence)条）：记录被删除"
                : "第\(e.sequence)条记录重复或顺序被改动"
            report.firstProblem = (expected, reason); return
        }
        if RecordEntry.payloadHash(of: stored.payload) != e.payloadHash {
            report.firstProblem = (e.sequence, "第\(e.sequence)条记录的内容与其哈希不符：内容被改动"); return
        }
        let leaf = e.leafHash
        if Hex.encode(leaf) != stored.storedLeafHash {
            report.firstProblem = (e.sequence, "第\(e.sequence)条记录的字段与其叶哈希不符：记录被改动"); return
        }
        let c = RecordChain.next(previous: chain, leaf: leaf)
        if Hex.encode(c) != stored.storedChainHash {
            report.firstProblem = (e.sequence, "第\(e.sequence)条记录的链哈希不符：记录被插入、删除或调换"); return
        }
        chain = c
        range.append(leaf)
        expected += 1
        report.entriesChecked += 1
        checkCheckpoints()
    }

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
