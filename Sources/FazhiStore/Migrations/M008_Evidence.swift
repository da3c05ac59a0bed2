import FluentKit
import SQLKit

/// 008: evidence files (证据文件) of a case. The content lives on disk under its SHA-256 (content-addressed, so a
/// file uploaded twice is stored once); this table says which case holds which file, and the record holds the hash.
public struct M008_Evidence: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("evidence_files")
            .field("case_id", .uuid, .required)
            .field("sha256", .string, .required)
            .field("size", .int64, .required)
            .field("media_type", .string, .required)
            .field("label", .string, .required)
            .field("file_name", .string, .required)
            .field("uploaded_on", .string, .required)
            .field("uploaded_by", .string, .required)
            .unique(on: "case_id", "sha256")
            .create()
        try await (db as! any SQLDatabase).raw("CREATE INDEX evidence_files_sha ON evidence_files (sha256)").run()
    }

    public func revert(on db: any Database) async throws { try await db.schema("evidence_files").delete() }
}
