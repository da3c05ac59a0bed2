import Crypto
import Dispatch

/// 一页记录: stored entries as the verifier reads them — each entry's sequence number and its ten stored text fields
/// as raw UTF-8 bytes in one buffer, with no `String` made per field. A database reader fills it straight from the
/// driver's row bytes; `checked()` re-hashes it on every core.
public struct RecordPage: Sendable {
    /// The stored columns after `seq`, in this order (`RecordLog.columns`).
    public enum Field: Int, CaseIterable, Sendable {
        case recordedAt, actor, organisation, subjectType, subjectID, action, payload, payloadHash, leafHash, chainHash
    }
    static let fieldCount = Field.allCases.count

    public private(set) var sequences: [Int64] = []
    private var bytes: [UInt8] = []
    /// `fieldCount` end offsets into `bytes` per entry.
    private var ends: [Int] = []

    public init() {}

    public var count: Int { sequences.count }

    /// Starts the next entry; its ten fields follow with `append(field:)`, in `Field` order.
    public mutating func begin(sequence: Int64) { sequences.append(sequence) }

    public mutating func append(field: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: field)
        ends.append(bytes.count)
    }

    public mutating func append<S: Sequence>(field: S) where S.Element == UInt8 {
        bytes.append(contentsOf: field)
        ends.append(bytes.count)
    }

    /// A page of entries already in memory (`StoredRecordEntry`), as tests and the in-memory figures use.
    public init(_ stored: [StoredRecordEntry]) {
        for s in stored {
            let e = s.entry
            begin(sequence: e.sequence)
            for text in [e.recordedAt, e.actor, e.organisation, e.subjectType, e.subjectID, e.action] {
                append(field: text.utf8)
            }
            append(field: s.payload)
            append(field: e.payloadHash.utf8)
            append(field: s.storedLeafHash.utf8)
            append(field: s.storedChainHash.utf8)
        }
    }

    func withField<T>(_ entry: Int, _ field: Field, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        let i = entry * Self.fieldCount + field.rawValue
        let start = i == 0 ? 0 : ends[i - 1]
        return bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<ends[i]])) }
    }

    /// Every entry's payload hash and leaf hash recomputed and compared with what was stored, the page split over
    /// `parts` threads (the entries are independent; only the chain and the Merkle tree must go in order).
    public func checked(parts: Int = 2) -> CheckedRecordPage {
        let n = count
        let parts = max(1, min(parts, n / 512 + 1))
        let bounds = (0...parts).map { $0 * n / parts }
        let values = Parallel.map(parts: parts) { p in check(bounds[p]..<bounds[p + 1]) }
        var all = values[0]
        for part in values.dropFirst() { all.append(part) }
        return all
    }

    /// The entries in `range` checked on this thread.
    public func check(_ range: Range<Int>) -> CheckedRecordPage {
        var out = CheckedRecordPage()
        out.reserve(range.count)
        var canonical: [UInt8] = []
        canonical.reserveCapacity(512)
        for i in range {
            let seq = sequences[i]
            let payloadDigest = withField(i, .payload) { SHA256.hash(data: $0) }
            let problem: CheckedRecordPage.Problem?
            if !withField(i, .payloadHash, { Self.hexEquals(payloadDigest, $0) }) {
                problem = .payload
            } else {
                canonicalBytes(i, into: &canonical)
                var h = SHA256()
                h.update(data: [0])
                h.update(data: canonical)
                let leaf = h.finalize()
                out.leaves.append(contentsOf: leaf)
                problem = withField(i, .leafHash) { Self.hexEquals(leaf, $0) } ? nil : .leaf
            }
            // 32 bytes per entry whatever happened: a leaf that was computed stays (`.leaf`); none was for `.payload`.
            if problem == .payload { out.leaves.append(contentsOf: RecordChain.genesis) }
            out.sequences.append(seq)
            out.problems.append(problem)
            withField(i, .chainHash) { out.appendChain($0) }
        }
        return out
    }

    /// The leaf's bytes exactly as `RecordEntry.canonicalBytes` writes them, from the stored fields.
    private func canonicalBytes(_ i: Int, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        out.append(contentsOf: "fazhi-record-v1;".utf8)
        func put(_ field: UnsafeRawBufferPointer) {
            out.append(contentsOf: String(field.count).utf8)
            out.append(58)
            out.append(contentsOf: field)
            out.append(59)
        }
        let seq = String(sequences[i])
        seq.utf8.withContiguousStorageIfAvailable { put(UnsafeRawBufferPointer($0)) }
            ?? Array(seq.utf8).withUnsafeBytes { put($0) }
        for field in [Field.recordedAt, .actor, .organisation, .subjectType, .subjectID, .action, .payloadHash] {
            withField(i, field) { put($0) }
        }
    }

    /// Whether `stored` is the lower-case hex of `digest` (as `Hex.encode` writes it), without making a string.
    static func hexEquals<D: Digest>(_ digest: D, _ stored: UnsafeRawBufferPointer) -> Bool {
        guard stored.count == D.byteCount * 2 else { return false }
        return digest.withUnsafeBytes { d in
            for k in 0..<d.count {
                if stored[2 * k] != hexDigits[Int(d[k] >> 4)] || stored[2 * k + 1] != hexDigits[Int(d[k] & 0x0f)] {
                    return false
                }
            }
            return true
        }
    }
    private static let hexDigits = Array("0123456789abcdef".utf8)
}

/// A page after the per-entry checks: what is left for the verifier to do in order (sequence numbers, the chain,
/// the Merkle tree, the checkpoints).
public struct CheckedRecordPage: Sendable {
    public enum Problem: Sendable { case payload, leaf }
    public var sequences: [Int64] = []
    /// 32 bytes per entry (zeros where the entry has a problem).
    var leaves: [UInt8] = []
    /// The stored chain hash's text bytes, one after another (64 per well-formed entry).
    var storedChains: [UInt8] = []
    var chainEnds: [Int] = []
    public var problems: [Problem?] = []

    public var count: Int { sequences.count }

    mutating func reserve(_ n: Int) {
        sequences.reserveCapacity(n); leaves.reserveCapacity(32 * n); storedChains.reserveCapacity(64 * n)
        chainEnds.reserveCapacity(n); problems.reserveCapacity(n)
    }

    mutating func appendChain(_ text: UnsafeRawBufferPointer) {
        storedChains.append(contentsOf: text)
        chainEnds.append(storedChains.count)
    }

    mutating func append(_ other: CheckedRecordPage) {
        let base = storedChains.count
        sequences += other.sequences; leaves += other.leaves; storedChains += other.storedChains
        chainEnds += other.chainEnds.map { $0 + base }; problems += other.problems
    }

    func leaf(_ i: Int) -> Merkle.Hash { Array(leaves[(32 * i)..<(32 * i + 32)]) }

    func withStoredChain<T>(_ i: Int, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        let start = i == 0 ? 0 : chainEnds[i - 1]
        return storedChains.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<chainEnds[i]])) }
    }
}
