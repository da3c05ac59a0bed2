import FluentKit
import SQLKit

/// 041: files attached to a 台账 entry (a 单位填报指标's 证明材料: the 统计报表 it was read from) and to a 考核 score (its
/// 佐证材料: the 自评's or the assessor's). The content lives in the evidence store under its SHA-256, like a case's
/// evidence; these tables say which entry or score holds which file.
public struct M041_LedgerAttachments: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("ledger_attachments")
            .field("entry_id", .uuid, .required)
            .field("sha256", .string, .required)
            .field("size", .int64, .required)
            .field("media_type", .string, .required)
            .field("label", .string, .required)
            .field("file_name", .string, .required)
            .field("uploaded_on", .string, .required)
            .field("uploaded_by", .string, .required)
            .unique(on: "entry_id", "sha256")
            .create()
        try await (db as! any SQLDatabase).raw("CREATE INDEX ledger_attachments_sha ON ledger_attachments (sha256)")
            .run()
        try await db.schema("assessment_attachments")
            .field("year", .int, .required)
            .field("unit_id", .string, .required)
            .field("code", .string, .required)
            .field("kind", .string, .required)
            .field("sha256", .string, .required)
            .field("size", .int64, .required)
            .field("media_type", .string, .required)
            .field("label", .string, .required)
            .field("file_name", .string, .required)
            .field("uploaded_on", .string, .required)
            .field("uploaded_by", .string, .required)
            .unique(on: "year", "unit_id", "code", "kind", "sha256")
            .create()
        try await (db as! any SQLDatabase).raw(
            "CREATE INDEX assessment_attachments_sha ON assessment_attachments (sha256)"
        ).run()
    }

    public func revert(on db: any Database) async throws {
        try await db.schema("assessment_attachments").delete()
        try await db.schema("ledger_attachments").delete()
    }
}
