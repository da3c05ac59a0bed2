import FluentKit
import SQLKit

/// 028: 案卷评查 — each campaign with its published draw (inputs, revealed value, result) and each file under review with
/// its reviewer, what the system judged and the reviewer's score.
public struct M028_FileReviews: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw(
            """
            CREATE TABLE review_campaigns (id TEXT PRIMARY KEY, organiser TEXT NOT NULL, created_on TEXT NOT NULL,
            content TEXT NOT NULL)
            """
        ).run()
        try await sql.raw(
            """
            CREATE TABLE review_files (campaign_id TEXT NOT NULL, case_id TEXT NOT NULL, body_id TEXT NOT NULL,
            reviewer TEXT NOT NULL, score INTEGER, verdict TEXT, content TEXT NOT NULL, PRIMARY KEY (campaign_id, case_id))
            """
        ).run()
        try await sql.raw("CREATE INDEX review_files_reviewer ON review_files (reviewer, campaign_id)").run()
    }

    public func revert(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw("DROP TABLE review_files").run()
        try await sql.raw("DROP TABLE review_campaigns").run()
    }
}
