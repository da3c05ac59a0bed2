import FluentKit
import SQLKit

/// 018: 政府信息公开 requests made online on the portal (政府信息公开条例 第二十九条): as for 复议 (M012), the tracking
/// number, the secret's hash and the form's unique submission key.
public struct M018_DisclosureApplications: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("disclosure_applications")
            .field("case_id", .uuid, .identifier(auto: false), .references("cases", "id"))
            .field("tracking_number", .string, .required)
            .field("secret_hash", .string, .required)
            .field("submission_key", .string, .required)
            .field("submitted_on", .string, .required)
            .unique(on: "tracking_number")
            .unique(on: "submission_key")
            .create()
    }

    public func revert(on db: any Database) async throws {
        try await db.schema("disclosure_applications").delete()
    }
}
