import Crypto

/// The record's Merkle tree kept whole in memory as its perfect subtrees, level by level, so that an inclusion or
/// consistency proof (RFC 6962 §2.1.1, §2.1.2) for any tree size reads O(log n) cached hashes instead of rehashing
/// the O(n) leaves beside the path. Appending a leaf completes at most one subtree per level.
///
/// Each level is kept as blocks of 2,048 hashes of 32 bytes one after another: an array per hash cost a heap block
/// and a pointer each (≈ 180 bytes per entry over all levels), and one growing buffer per level up to twice what it
/// holds; in blocks the tree is 64 bytes per entry and at most one block more per level (a million entries ≈ 64 MB,
/// `byteCount`).
public struct MerkleTree: Sendable {
    /// Level h, node i: the root of the perfect subtree of 2^h leaves starting at leaf i·2^h — in block i / 2,048, at
    /// byte 32 · (i mod 2,048).
    private var levels: [Level] = [Level()]

    private struct Level: Sendable {
        static let perBlock = 2048
        static let blockBytes = perBlock * 32
        var blocks: [[UInt8]] = []
        var count = 0

        mutating func append(_ hash: some Sequence<UInt8>) {
            if count % Self.perBlock == 0 {
                var block: [UInt8] = []
                block.reserveCapacity(Self.blockBytes)
                blocks.append(block)
            }
            blocks[blocks.count - 1].append(contentsOf: hash)
            count += 1
        }

        func node(_ i: Int) -> Merkle.Hash {
            let at = (i % Self.perBlock) * 32
            return Array(blocks[i / Self.perBlock][at..<(at + 32)])
        }

        /// SHA-256(0x01 ‖ node i ‖ node i + 1) for an even i (both in one block, the block size being even).
        func parent(of i: Int) -> SHA256.Digest {
            var sha = SHA256()
            withUnsafeBytes(of: UInt8(1)) { sha.update(bufferPointer: $0) }
            let at = (i % Self.perBlock) * 32
            blocks[i / Self.perBlock].withUnsafeBytes {
                sha.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[at..<(at + 64)]))
            }
            return sha.finalize()
        }
    }

    public init() {}

    public var count: Int { levels[0].count }

    /// The bytes the tree holds (its blocks' capacities), for the bench.
    public var byteCount: Int { levels.reduce(0) { sum, level in level.blocks.reduce(sum) { $0 + $1.capacity } } }

    /// Appends a leaf hash: 32 bytes, as `Merkle.leafHash` gives (the tree stores hashes at fixed offsets).
    public mutating func append(_ leaf: some Collection<UInt8>) {
        precondition(leaf.count == 32, "a Merkle leaf is a SHA-256 hash (32 bytes)")
        levels[0].append(leaf)
        var h = 0
        // Each time a level gets an even count, its last two nodes make a new node one level up.
        while levels[h].count % 2 == 0 {
            let parent = levels[h].parent(of: levels[h].count - 2)
            if levels.count == h + 1 { levels.append(Level()) }
            levels[h + 1].append(parent)
            h += 1
        }
    }

    /// The cached node `i` of level `h`.
    private func node(_ h: Int, _ i: Int) -> Merkle.Hash { levels[h].node(i) }

    /// MTH(D[a..<b]) for a range the RFC's recursion produces (a aligned to the largest power of two below b − a):
    /// a cached node when the range is a perfect subtree, else the left perfect part and the rest.
    func root(_ a: Int, _ b: Int) -> Merkle.Hash {
        let n = b - a
        if n == 0 { return Merkle.emptyRoot }
        if n & (n - 1) == 0, a % n == 0 {
            let h = n.trailingZeroBitCount
            return node(h, a >> h)
        }
        let k = Merkle.split(n)
        return Merkle.nodeHash(root(a, a + k), root(a + k, b))
    }

    /// The root of the tree of the first `size` leaves.
    public func root(size: Int) -> Merkle.Hash? {
        guard size >= 0, size <= count else { return nil }
        return root(0, size)
    }

    public func leaf(_ index: Int) -> Merkle.Hash? { index >= 0 && index < count ? node(0, index) : nil }

    /// PATH(index, D[size]), as `Merkle.inclusionProof` computes it from the leaves.
    public func inclusionProof(index: Int, size: Int) -> [Merkle.Hash]? {
        guard index >= 0, index < size, size <= count else { return nil }
        return path(index, 0, size)
    }

    private func path(_ m: Int, _ a: Int, _ b: Int) -> [Merkle.Hash] {
        let n = b - a
        if n <= 1 { return [] }
        let k = Merkle.split(n)
        if m < k { return path(m, a, a + k) + [root(a + k, b)] }
        return path(m - k, a + k, b) + [root(a, a + k)]
    }

    /// PROOF(from, D[to]), as `Merkle.consistencyProof` computes it from the leaves.
    public func consistencyProof(from m: Int, to n: Int) -> [Merkle.Hash]? {
        guard m >= 1, m <= n, n <= count else { return nil }
        return subproof(m, 0, n, true)
    }

    private func subproof(_ m: Int, _ a: Int, _ b: Int, _ complete: Bool) -> [Merkle.Hash] {
        let n = b - a
        if m == n { return complete ? [] : [root(a, b)] }
        let k = Merkle.split(n)
        if m <= k { return subproof(m, a, a + k, complete) + [root(a + k, b)] }
        return subproof(m - k, a + k, b, false) + [root(a, a + k)]
    }
}
