import FluentKit
import SQLKit

/// 041: files attached to a 台账 entry (a 单位填报指标's 证明材料: the 统计报表 it was read from). The content lives in the
/// evidence store under its SHA-256, like a case's evidence; this table says which entry holds which file.
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
    }

    public func revert(on db: any Database) async throws { try await db.schema("ledger_attachments").delete() }
}
