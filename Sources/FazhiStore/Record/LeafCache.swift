import FazhiCore
import FluentKit
import Foundation

/// The record's Merkle tree (`MerkleTree`: leaves and every complete subtree), kept in memory and extended with only
/// the entries appended since the last call, so the public proof endpoints neither re-read the log nor rehash it:
/// each proof costs O(log n) cached hashes.
///
/// Leaves are recomputed from the stored fields when first read; entries are append-only, and if someone
/// alters one directly in the database afterwards, proofs keep describing the log as it was first read,
/// while `fazhi record verify` reports the alteration.
public actor RecordLeafCache {
    private var tree = MerkleTree()

    public init() {}

    /// Reads the entries the tree lacks, up to `size`; throws `notFound` if the log is shorter.
    private func extend(to size: Int, on db: any Database) async throws {
        if tree.count < size {
            // The new leaves one after another, 32 bytes each (not an array per leaf: a first read of a long log).
            var fresh: [UInt8] = []
            let start = Int64(tree.count + 1)
            var expected = start
            try await RecordLog.forEachEntry(on: db, from: start) { stored in
                // Stop at a gap rather than cache leaves at the wrong positions.
                guard stored.entry.sequence == expected else { return }
                fresh.append(contentsOf: stored.entry.leafHash)
                expected += 1
            }
            // Another call may have extended the tree while this one read: append only what is still missing.
            var at = max(0, tree.count - Int(start - 1)) * 32
            while at + 32 <= fresh.count {
                tree.append(fresh[at..<(at + 32)])
                at += 32
            }
        }
        guard tree.count >= size else { throw DomainError.notFound("记录只有 \(tree.count) 条，不足 \(size) 条") }
    }

    /// Entry `index` (from 0)'s leaf hash, its inclusion proof in the tree of the first `size` entries, and that root.
    public func inclusion(
        index: Int, size: Int, on db: any Database
    ) async throws -> (
        leaf: Merkle.Hash, proof: [Merkle.Hash], root: Merkle.Hash
    ) {
        try await extend(to: size, on: db)
        guard let leaf = tree.leaf(index), let proof = tree.inclusionProof(index: index, size: size),
            let root = tree.root(size: size)
        else { throw DomainError.notFound("记录序号 \(index + 1) 不在前 \(size) 条之内") }
        return (leaf, proof, root)
    }

    /// The consistency proof between the trees of the first `from` and `to` entries, with both roots.
    public func consistency(
        from: Int, to: Int, on db: any Database
    ) async throws -> (
        proof: [Merkle.Hash], fromRoot: Merkle.Hash, toRoot: Merkle.Hash
    ) {
        try await extend(to: to, on: db)
        guard let proof = tree.consistencyProof(from: from, to: to), let a = tree.root(size: from),
            let b = tree.root(size: to)
        else { throw DomainError.notFound("规模 \(from)–\(to) 无法给出一致性证明") }
        return (proof, a, b)
    }
}
