import FluentKit
import SQLKit

/// 027: 行政执法投诉举报 sent on the portal: as for 复议 (M012), 政府信息公开 (M018) and 审查建议 (M022), the tracking number,
/// the secret's hash and the form's unique submission key.
public struct M027_EnforcementComplaints: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("enforcement_complaints")
            .field("case_id", .uuid, .identifier(auto: false), .references("cases", "id"))
            .field("tracking_number", .string, .required)
            .field("secret_hash", .string, .required)
            .field("submission_key", .string, .required)
            .field("submitted_on", .string, .required)
            .unique(on: "tracking_number")
            .unique(on: "submission_key")
            .create()
    }

    public func revert(on db: any Database) async throws { try await db.schema("enforcement_complaints").delete() }
}
