import FazhiCore
import FluentKit
import Foundation

/// Leaf hashes of the record, kept in memory and extended with only the entries appended since the last
/// call, so the public proof endpoints do not re-read the whole log for every anonymous request.
///
/// Leaves are recomputed from the stored fields when first read; entries are append-only, and if someone
/// alters one directly in the database afterwards, proofs keep describing the log as it was first read,
/// while `fazhi record verify` reports the alteration.
public actor RecordLeafCache {
    private var leaves: [Merkle.Hash] = []

    public init() {}

    /// The first `size` leaves; throws `notFound` if the log is shorter.
    public func leaves(upTo size: Int, on db: any Database) async throws -> [Merkle.Hash] {
        if leaves.count < size {
            var fresh: [Merkle.Hash] = []
            let start = Int64(leaves.count + 1)
            var expected = start
            try await RecordLog.forEachEntry(on: db, from: start) { stored in
                // Stop at a gap rather than cache leaves at the wrong positions.
                guard stored.entry.sequence == expected else { return }
                fresh.append(stored.entry.leafHash)
                expected += 1
            }
            leaves.append(contentsOf: fresh)
        }
        guard leaves.count >= size else { throw DomainError.notFound("记录只有 \(leaves.count) 条，不足 \(size) 条") }
        return Array(leaves[0..<size])
    }
}
