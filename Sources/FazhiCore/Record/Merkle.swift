import Crypto

/// The Merkle tree of RFC 6962 §2.1 (Certificate Transparency): leaf = SHA-256(0x00 ‖ d),
/// node = SHA-256(0x01 ‖ left ‖ right), split at the largest power of two smaller than n.
public enum Merkle {
    public typealias Hash = [UInt8]

    public static func leafHash(_ data: [UInt8]) -> Hash {
        var h = SHA256(); h.update(data: [0]); h.update(data: data); return Array(h.finalize())
    }

    public static func nodeHash(_ left: Hash, _ right: Hash) -> Hash {
        var h = SHA256(); h.update(data: [1]); h.update(data: left); h.update(data: right); return Array(h.finalize())
    }

    public static let emptyRoot: Hash = Array(SHA256.hash(data: [UInt8]()))

    /// Largest power of two strictly smaller than n (n ≥ 2).
    static func split(_ n: Int) -> Int {
        var k = 1
        while k << 1 < n { k <<= 1 }
        return k
    }

    /// MTH(D[n]) over leaf hashes.
    public static func root(_ leaves: ArraySlice<Hash>) -> Hash {
        var b = CompactRange()
        for l in leaves { b.append(l) }
        return b.root
    }

    public static func root(_ leaves: [Hash]) -> Hash { root(leaves[...]) }

    /// PATH(m, D[n]): the inclusion proof of leaf `index` in the tree of the first `size` leaves.
    public static func inclusionProof(index: Int, size: Int, leaves: [Hash]) -> [Hash]? {
        guard index >= 0, index < size, size <= leaves.count else { return nil }
        return path(index, leaves[0..<size])
    }

    private static func path(_ m: Int, _ d: ArraySlice<Hash>) -> [Hash] {
        let n = d.count
        if n <= 1 { return [] }
        let k = split(n), s = d.startIndex
        if m < k { return path(m, d[s..<(s + k)]) + [root(d[(s + k)...])] }
        return path(m - k, d[(s + k)...]) + [root(d[s..<(s + k)])]
    }

    /// PROOF(m, D[n]): the consistency proof between the trees of the first `from` and `to` leaves.
    public static func consistencyProof(from m: Int, to n: Int, leaves: [Hash]) -> [Hash]? {
        guard m >= 1, m <= n, n <= leaves.count else { return nil }
        return subproof(m, leaves[0..<n], true)
    }

    private static func subproof(_ m: Int, _ d: ArraySlice<Hash>, _ b: Bool) -> [Hash] {
        let n = d.count, s = d.startIndex
        if m == n { return b ? [] : [root(d)] }
        let k = split(n)
        if m <= k { return subproof(m, d[s..<(s + k)], b) + [root(d[(s + k)...])] }
        return subproof(m - k, d[(s + k)...], false) + [root(d[s..<(s + k)])]
    }
}

/// Incremental root computation: a stack of perfect subtrees, O(log n) memory, so a verifier can stream
/// millions of leaves and read off the root at any size (e.g. at every checkpoint).
public struct CompactRange: Sendable {
    private var stack: [(height: Int, hash: Merkle.Hash)] = []
    public private(set) var size = 0

    public init() {}

    /// Resumes from the perfect subtrees (`nodes`) a range of `size` leaves ended with (a `RecordFrontier`);
    /// nil when they cannot be that range's (one subtree per set bit of `size`, largest first).
    public init?(size: Int, nodes: [(height: Int, hash: Merkle.Hash)]) {
        let heights = (0..<Int.bitWidth).reversed().filter { size >> $0 & 1 == 1 }
        guard size >= 0, nodes.map(\.height) == heights, nodes.allSatisfy({ $0.hash.count == 32 }) else { return nil }
        self.stack = nodes; self.size = size
    }

    /// The perfect subtrees, largest first: all that is needed to go on appending (O(log n) hashes).
    public var nodes: [(height: Int, hash: Merkle.Hash)] { stack }

    public mutating func append(_ leaf: Merkle.Hash) {
        var node = (height: 0, hash: leaf)
        var n = size
        while n & 1 == 1 {
            let left = stack.removeLast()
            node = (height: left.height + 1, hash: Merkle.nodeHash(left.hash, node.hash))
            n >>= 1
        }
        stack.append(node)
        size += 1
    }

    /// Appends a perfect subtree of 2^`height` leaves at once (its root, `hash`): as appending its leaves one by one
    /// would, when the range's size is a multiple of 2^`height` (false, and nothing appended, otherwise).
    @discardableResult
    public mutating func append(subtree hash: Merkle.Hash, height: Int) -> Bool {
        guard height >= 0, height < Int.bitWidth - 2, size % (1 << height) == 0 else { return false }
        var node = (height: height, hash: hash)
        var n = size >> height
        while n & 1 == 1 {
            let left = stack.removeLast()
            node = (height: left.height + 1, hash: Merkle.nodeHash(left.hash, node.hash))
            n >>= 1
        }
        stack.append(node)
        size += 1 << height
        return true
    }

    /// MTH of all leaves appended so far: fold the perfect subtrees from the right.
    public var root: Merkle.Hash {
        guard var acc = stack.last?.hash else { return Merkle.emptyRoot }
        for item in stack.dropLast().reversed() { acc = Merkle.nodeHash(item.hash, acc) }
        return acc
    }
}

/// Checks proofs as RFC 9162 §2.1.3.2 and §2.1.4.2 describe: what a citizen's or auditor's verifier runs.
public enum MerkleVerifier {
    public static func verifyInclusion(
        leafHash: Merkle.Hash, index: Int, size: Int, proof: [Merkle.Hash], root: Merkle.Hash
    ) -> Bool {
        guard index >= 0, index < size else { return false }
        var fn = index, sn = size - 1
        var r = leafHash
        for p in proof {
            if sn == 0 { return false }
            if fn & 1 == 1 || fn == sn {
                r = Merkle.nodeHash(p, r)
                if fn & 1 == 0 {
                    repeat { fn >>= 1; sn >>= 1 } while fn & 1 == 0 && fn != 0
                }
            } else {
                r = Merkle.nodeHash(r, p)
            }
            fn >>= 1; sn >>= 1
        }
        return sn == 0 && r == root
    }

    public static func verifyConsistency(
        from first: Int, to second: Int, firstRoot: Merkle.Hash, secondRoot: Merkle.Hash, proof: [Merkle.Hash]
    ) -> Bool {
        guard first >= 1, first <= second else { return false }
        if first == second { return proof.isEmpty && firstRoot == secondRoot }
        guard !proof.isEmpty else { return false }
        var path = proof
        if first & (first - 1) == 0 { path.insert(firstRoot, at: 0) }
        var fn = first - 1, sn = second - 1
        while fn & 1 == 1 { fn >>= 1; sn >>= 1 }
        var fr = path[0], sr = path[0]
        for c in path.dropFirst() {
            if sn == 0 { return false }
            if fn & 1 == 1 || fn == sn {
                fr = Merkle.nodeHash(c, fr); sr = Merkle.nodeHash(c, sr)
                if fn & 1 == 0 {
                    repeat { fn >>= 1; sn >>= 1 } while fn & 1 == 0 && fn != 0
                }
            } else {
                sr = Merkle.nodeHash(sr, c)
            }
            fn >>= 1; sn >>= 1
        }
        return fr == firstRoot && sr == secondRoot && sn == 0
    }
}
