import FluentKit
import SQLKit

/// 016: 文号 sequences belong to the prefix a number is written with (清市监罚〔2026〕), not to the body that issues it —
/// a 委托 所 that abbreviates like its 局 draws from the 局's sequence, so two numbers can never collide. A sequence
/// starts above the highest number already written with its prefix (`CaseStore.nextNumber`), so nothing is renumbered.
public struct M016_DocumentSequences: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw(
            """
            CREATE TABLE document_sequences (prefix TEXT NOT NULL, year INTEGER NOT NULL, kind TEXT NOT NULL, last INTEGER NOT NULL, PRIMARY KEY (prefix, year, kind))
            """
        ).run()
    }

    public func revert(on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("DROP TABLE document_sequences").run()
    }
}
