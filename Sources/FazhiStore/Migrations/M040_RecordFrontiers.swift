import FluentKit

/// 040: each signed checkpoint's frontier (`RecordFrontier`: the chain hash and the Merkle tree's perfect subtrees at
/// its size), so the next check and the next checkpoint verify only what was appended since.
public struct M040_RecordFrontiers: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("record_frontiers")
            .field("tree_size", .int, .identifier(auto: false))
            .field("chain_hash", .string, .required)
            .field("nodes", .string, .required)
            .create()
    }

    public func revert(on db: any Database) async throws {
        try await db.schema("record_frontiers").delete()
    }
}
