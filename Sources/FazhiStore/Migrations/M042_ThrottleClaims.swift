import FluentKit
import SQLKit

/// 042: a throttle hit names the attempt that made it (`claim`), so an attempt is counted before it is made and taken
/// back when it turns out not to count — two nodes checking at the same instant can no longer both let one more through.
public struct M042_ThrottleClaims: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("throttle_hits").field("claim", .string).update()
        // A claim is taken back by its name (`ThrottleHits.forgive`): found by index, not by scanning every hit.
        try await (db as! any SQLDatabase).raw("CREATE INDEX throttle_hits_claim ON throttle_hits (claim)").run()
    }

    public func revert(on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("DROP INDEX throttle_hits_claim").run()
        try await db.schema("throttle_hits").deleteField("claim").update()
    }
}
