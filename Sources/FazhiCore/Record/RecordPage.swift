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

    /// Room for `entries` entries of `bytes` field bytes in all, so a reader filling a page of 20,000 does not grow
    /// (and copy) the buffers twenty times over.
    public mutating func reserve(entries: Int, bytes count: Int) {
        sequences.reserveCapacity(entries)
        ends.reserveCapacity(entries * Self.fieldCount)
        bytes.reserveCapacity(count)
    }

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

    /// The entries in `range` checked on this thread: each payload hash and leaf hash recomputed; each entry's chain
    /// hash from the chain hash stored in the entry before it (all but the page's first, which the auditor checks
    /// against the chain it carries); and the roots of the whole aligned blocks of `CheckedRecordPage.blockSize` leaves
    /// that lie in `range`, so the auditor's in-order pass appends a block as one subtree.
    ///
    /// Checking each link against the stored link before it names the same first problem as walking the chain in
    /// order: up to the first link that fails, every stored link equals the recomputed one.
    public func check(_ range: Range<Int>) -> CheckedRecordPage {
        var out = CheckedRecordPage()
        out.reserve(range.count)
        // 0x00 ‖ the canonical bytes (RFC 6962 leaf), rewritten in place for every entry.
        var leafInput: [UInt8] = []
        leafInput.reserveCapacity(1024)
        // The stored link before ‖ this leaf: the chain's input.
        var link = [UInt8](repeating: 0, count: 64)
        let tag = Self.canonicalTag, fields = Self.canonicalFields
        bytes.withUnsafeBytes { all in
            ends.withUnsafeBufferPointer { ends in
                func field(_ i: Int, _ f: Field) -> UnsafeRawBufferPointer {
                    let k = i * Self.fieldCount + f.rawValue
                    return UnsafeRawBufferPointer(rebasing: all[(k == 0 ? 0 : ends[k - 1])..<ends[k]])
                }
                for i in range {
                    let payloadDigest = SHA256.hash(data: field(i, .payload))
                    var problem: CheckedRecordPage.Problem? = nil
                    if !Self.hexEquals(payloadDigest, field(i, .payloadHash)) {
                        problem = .payload
                        out.leaves.append(contentsOf: RecordChain.genesis)
                    } else {
                        leafInput.removeAll(keepingCapacity: true)
                        leafInput.append(0)
                        leafInput.append(contentsOf: tag)
                        Self.putDecimal(sequences[i], into: &leafInput)
                        for f in fields { Self.put(field(i, f), into: &leafInput) }
                        let leaf = SHA256.hash(data: leafInput)
                        leaf.withUnsafeBytes { out.leaves.append(contentsOf: $0) }
                        if !Self.hexEquals(leaf, field(i, .leafHash)) {
                            problem = .leaf
                        } else if i > 0 {
                            let linked = link.withUnsafeMutableBytes { l -> Bool in
                                guard Self.hexDecode(field(i - 1, .chainHash), into: l) else { return false }
                                leaf.withUnsafeBytes {
                                    UnsafeMutableRawBufferPointer(rebasing: l[32..<64]).copyMemory(from: $0)
                                }
                                return true
                            }
                            if !linked || !Self.hexEquals(SHA256.hash(data: link), field(i, .chainHash)) {
                                problem = .chain
                            }
                        }
                    }
                    out.sequences.append(sequences[i])
                    out.problems.append(problem)
                    out.appendChain(field(i, .chainHash))
                }
            }
        }
        out.addBlocks()
        return out
    }

    static let canonicalTag = Array("fazhi-record-v1;".utf8)
    static let canonicalFields: [Field] = [
        .recordedAt, .actor, .organisation, .subjectType, .subjectID, .action, .payloadHash,
    ]

    /// `<utf8 byte count>:<bytes>;` as `RecordEntry.canonicalBytes` writes each field.
    @inline(__always) static func put(_ field: UnsafeRawBufferPointer, into out: inout [UInt8]) {
        putDigits(UInt64(field.count), into: &out)
        out.append(58)
        out.append(contentsOf: field)
        out.append(59)
    }

    /// The sequence number as a field: its decimal text (`String(sequence)`, a minus sign included) with its length.
    static func putDecimal(_ n: Int64, into out: inout [UInt8]) {
        var count = n < 0 ? 1 : 0
        var probe = n.magnitude
        repeat {
            count += 1
            probe /= 10
        } while probe > 0
        putDigits(UInt64(count), into: &out)
        out.append(58)
        if n < 0 { out.append(45) }
        putDigits(n.magnitude, into: &out)
        out.append(59)
    }

    @inline(__always) static func putDigits(_ n: UInt64, into out: inout [UInt8]) {
        if n < 10 { out.append(48 + UInt8(n)); return }
        var text:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &text) { buf in
            var k = buf.count, v = n
            while v > 0 { k -= 1; buf[k] = 48 + UInt8(v % 10); v /= 10 }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buf[k...]))
        }
    }

    /// Lower-case hex (as `Hex.encode` writes it) into `out`; false for anything else or the wrong length. Without a
    /// branch per character (digits and letters come in no order a processor could predict).
    static func hexDecode(_ text: UnsafeRawBufferPointer, into out: UnsafeMutableRawBufferPointer) -> Bool {
        guard text.count == 64, out.count >= 32 else { return false }
        var invalid: UInt8 = 0
        @inline(__always) func value(_ c: UInt8) -> UInt8 {
            let digit = c &- 48, letter = c &- 97
            let isDigit = digit < 10, isLetter = letter < 6
            invalid |= isDigit || isLetter ? 0 : 1
            return isDigit ? digit : letter &+ 10
        }
        for k in 0..<32 {
            out[k] = value(text[2 * k]) << 4 | value(text[2 * k + 1]) & 0x0f
        }
        return invalid == 0
    }

    /// Whether `stored` is the lower-case hex of `digest` (as `Hex.encode` writes it), without making a string or
    /// branching per character.
    static func hexEquals<D: Digest>(_ digest: D, _ stored: UnsafeRawBufferPointer) -> Bool {
        guard stored.count == D.byteCount * 2 else { return false }
        @inline(__always) func digit(_ n: UInt8) -> UInt8 { n &+ (n > 9 ? 87 : 48) }
        return digest.withUnsafeBytes { d in
            var difference: UInt8 = 0
            for k in 0..<d.count {
                difference |= (stored[2 * k] ^ digit(d[k] >> 4)) | (stored[2 * k + 1] ^ digit(d[k] & 0x0f))
            }
            return difference == 0
        }
    }
}

/// A page after the per-entry checks: what is left for the verifier to do in order (sequence numbers, the chain,
/// the Merkle tree, the checkpoints).
public struct CheckedRecordPage: Sendable {
    public enum Problem: Sendable { case payload, leaf, chain }
    /// Leaves per block (2^8): a block whose first entry is at a multiple of this in the log gets its subtree's root.
    static let blockHeight = 8
    static let blockSize = 1 << blockHeight
    public var sequences: [Int64] = []
    /// 32 bytes per entry (zeros where the entry has a problem).
    var leaves: [UInt8] = []
    /// The stored chain hash's text bytes, one after another (64 per well-formed entry).
    var storedChains: [UInt8] = []
    var chainEnds: [Int] = []
    public var problems: [Problem?] = []
    /// Where whole aligned blocks start (indices into this page), and their subtrees' roots (32 bytes each).
    var blockStarts: [Int] = []
    var blockRoots: [UInt8] = []

    public var count: Int { sequences.count }

    mutating func reserve(_ n: Int) {
        sequences.reserveCapacity(n); leaves.reserveCapacity(32 * n); storedChains.reserveCapacity(64 * n)
        chainEnds.reserveCapacity(n); problems.reserveCapacity(n)
    }

    mutating func appendChain(_ text: UnsafeRawBufferPointer) {
        storedChains.append(contentsOf: text)
        chainEnds.append(storedChains.count)
    }

    /// Joins the parts of one page, in order (`checked(parts:)`); never two pages: a page's first entry has its link
    /// checked by the auditor, and inside a joined page nobody would check it.
    mutating func append(_ other: CheckedRecordPage) {
        let base = storedChains.count, first = count
        sequences += other.sequences; leaves += other.leaves; storedChains += other.storedChains
        chainEnds += other.chainEnds.map { $0 + base }; problems += other.problems
        blockStarts += other.blockStarts.map { $0 + first }; blockRoots += other.blockRoots
    }

    /// The roots of the blocks lying whole in this page: `blockSize` consecutive entries from one numbered
    /// k·`blockSize` + 1, hashed pairwise (RFC 6962 §2.1: in a perfect subtree every split is in the middle). Entries
    /// with a problem are hashed too; the auditor never takes such a block whole.
    mutating func addBlocks() {
        let size = Self.blockSize
        guard count >= size else { return }
        var level = [UInt8](repeating: 0, count: 32 * size)
        var node = [UInt8](repeating: 1, count: 65)
        var j = 0
        while j + size <= count {
            let s = sequences[j]
            guard s >= 1, s <= Int64.max - Int64(size), (s - 1) % Int64(size) == 0,
                sequences[j + size - 1] == s + Int64(size - 1)
            else {
                j += 1
                continue
            }
            leaves.withUnsafeBytes { all in
                level.withUnsafeMutableBytes { lv in
                    lv.copyMemory(from: UnsafeRawBufferPointer(rebasing: all[(32 * j)..<(32 * (j + size))]))
                    node.withUnsafeMutableBytes { nd in
                        var width = size
                        while width > 1 {
                            for k in 0..<(width / 2) {
                                // node = 0x01 ‖ left ‖ right; its hash overwrites slot k (already read: k ≤ 2k).
                                UnsafeMutableRawBufferPointer(rebasing: nd[1..<65]).copyMemory(
                                    from: UnsafeRawBufferPointer(rebasing: lv[(64 * k)..<(64 * k + 64)]))
                                SHA256.hash(data: UnsafeRawBufferPointer(nd)).withUnsafeBytes {
                                    UnsafeMutableRawBufferPointer(rebasing: lv[(32 * k)..<(32 * k + 32)]).copyMemory(
                                        from: $0)
                                }
                            }
                            width /= 2
                        }
                    }
                }
            }
            blockStarts.append(j)
            blockRoots.append(contentsOf: level[0..<32])
            j += size
        }
    }

    func blockRoot(_ b: Int) -> Merkle.Hash { Array(blockRoots[(32 * b)..<(32 * b + 32)]) }

    /// Entry `i`'s stored chain hash as bytes (nil unless lower-case hex of 32 bytes).
    func storedChain(_ i: Int) -> Merkle.Hash? {
        var out = [UInt8](repeating: 0, count: 32)
        let ok = withStoredChain(i) { text in out.withUnsafeMutableBytes { RecordPage.hexDecode(text, into: $0) } }
        return ok ? out : nil
    }

    func leaf(_ i: Int) -> Merkle.Hash { Array(leaves[(32 * i)..<(32 * i + 32)]) }

    func withStoredChain<T>(_ i: Int, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        let start = i == 0 ? 0 : chainEnds[i - 1]
        return storedChains.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<chainEnds[i]])) }
    }
}
