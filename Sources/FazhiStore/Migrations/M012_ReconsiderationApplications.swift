import FluentKit
import SQLKit

/// 012: applications for 行政复议 made online on the portal (行政复议法 第二十二条): the tracking number and the hash of the
/// secret the applicant checks the status with, and the form's submission key, unique, so a form sent twice files one
/// application.
public struct M012_ReconsiderationApplications: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("reconsideration_applications")
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
        try await db.schema("reconsideration_applications").delete()
    }
}
