import FluentKit
import SQLKit

/// 039: what several app nodes on one PostgreSQL share instead of keeping it in one process — the periodic jobs'
/// leases (one node signs checkpoints, one runs the expiry sweep at a time) and the throttles' failed attempts.
public struct M039_NodeCoordination: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("node_leases")
            .field("name", .string, .identifier(auto: false))
            .field("holder", .string, .required)
            .field("expires_at", .double, .required)
            .field("last_run_at", .double)
            .create()
        try await db.schema("throttle_hits")
            .field("scope", .string, .required)
            .field("hit_key", .string, .required)
            .field("at", .double, .required)
            .create()
        try await (db as! any SQLDatabase).raw("CREATE INDEX throttle_hits_key ON throttle_hits (scope, hit_key, at)")
            .run()
    }

    public func revert(on db: any Database) async throws {
        try await db.schema("throttle_hits").delete()
        try await db.schema("node_leases").delete()
    }
}
