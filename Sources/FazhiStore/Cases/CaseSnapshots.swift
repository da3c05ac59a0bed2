import Crypto
import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// A frozen text of a case (the 年度报告 as submitted for review): its bytes and their SHA-256. A step reads the latest
/// one through `CaseLookup.snapshot` in the same transaction, so what is frozen and what the record says agree.
public enum CaseSnapshots {
    /// Stores the next snapshot of a case and returns its SHA-256 (hex).
    public static func add(
        _ content: Data, case id: UUID, on day: CivilDate, in tx: WriteTransaction
    ) async throws
        -> String
    {
        let sha = Hex.encode(SHA256.hash(data: content))
        let next =
            (try await tx.sql.raw(
                "SELECT MAX(seq) AS s FROM case_snapshots WHERE case_id = \(bind: id.uuidString)"
            ).first()?.decode(column: "s", as: Int?.self) ?? 0) + 1
        try await tx.sql.raw(
            """
            INSERT INTO case_snapshots (case_id, seq, sha256, content, taken_on) VALUES (\(bind: id.uuidString),
            \(bind: next), \(bind: sha), \(bind: String(decoding: content, as: UTF8.self)), \(bind: day.description))
            """
        ).run()
        return sha
    }

    /// The latest snapshot of a case: its text and SHA-256 as stored.
    public static func latest(
        _ id: UUID, on db: any Database
    ) async throws -> (
        seq: Int, content: String, sha256: String
    )? {
        guard
            let row = try await (db as! any SQLDatabase).raw(
                """
                SELECT seq, content, sha256 FROM case_snapshots WHERE case_id = \(bind: id.uuidString) ORDER BY seq DESC LIMIT 1
                """
            ).first()
        else { return nil }
        return (
            try row.decode(column: "seq", as: Int.self), try row.decode(column: "content", as: String.self),
            try row.decode(column: "sha256", as: String.self)
        )
    }

    /// Whether a snapshot's text still hashes to the SHA-256 the record holds for it.
    public static func verifies(_ content: String, recorded: String) -> Bool {
        Hex.encode(SHA256.hash(data: Data(content.utf8))) == recorded
    }
}
