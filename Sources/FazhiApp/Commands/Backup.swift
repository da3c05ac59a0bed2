import FazhiStore
import Fluent
import Foundation
import SQLKit
import Vapor

/// Consistent copies while the server runs: the database at PATH, the evidence files (证据文件) it refers to in
/// `PATH.evidence/` (the same `sha256/ab/<hash>` layout as `FAZHI_EVIDENCE_DIR`, so restoring is copying the folder back).
public enum Backup {
    public struct Summary: Sendable { public let evidenceFiles: Int, evidenceBytes: Int64 }

    /// The folder the evidence of a backup at `path` goes to.
    public static func evidenceFolder(_ path: String) -> String { path + ".evidence" }

    @discardableResult
    public static func write(to path: String, app: Application) async throws -> Summary {
        let fm = FileManager.default
        guard !fm.fileExists(atPath: path), !fm.fileExists(atPath: evidenceFolder(path)) else {
            throw CommandFailure("备份目标已存在：\(path)（不覆盖已有文件）")
        }
        try await database(to: path, app: app)
        // After the database: every file its copy refers to is already in place (content is moved in before the step
        // that lists it commits, and removed only when no row refers to it), and content never changes under its name.
        return try evidence(from: app.fazhi.evidence.root, to: URL(fileURLWithPath: evidenceFolder(path)))
    }

    static func database(to path: String, app: Application) async throws {
        switch app.fazhi.store.target {
        case .sqlite:
            // VACUUM INTO reads one snapshot of the database, so writers may continue meanwhile.
            let escaped = path.replacingOccurrences(of: "'", with: "''")
            try await (app.db as! any SQLDatabase).raw("VACUUM INTO '\(unsafeRaw: escaped)'").run()
        case .postgres(let url):
            // pg_dump takes one repeatable-read snapshot; restore with `pg_restore -d NEWDB PATH`. Without the columns'
            // compression methods (M044's LZ4): a `SET COMPRESSION lz4` travels in its table's own statement, and a
            // server without LZ4 would refuse the table with it — the record with it.
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = [
                "pg_dump", "--format=custom", "--no-owner", "--no-toast-compression", "--file", path, "--dbname", url,
            ]
            try p.run()
            p.waitUntilExit()
            guard p.terminationStatus == 0 else { throw CommandFailure("pg_dump 失败（退出码 \(p.terminationStatus)）") }
        }
    }

    /// Copies the content-addressed evidence, hard-linking where the backup is on the same file system (the content is
    /// never rewritten in place, so a link is a copy). Uploads still in progress (`tmp/`) are not evidence yet.
    static func evidence(from root: URL, to target: URL) throws -> Summary {
        let fm = FileManager.default
        let source = root.appendingPathComponent("sha256")
        var files = 0, bytes: Int64 = 0
        try fm.createDirectory(at: target, withIntermediateDirectories: true)
        guard let shards = try? fm.contentsOfDirectory(atPath: source.path) else {
            return Summary(evidenceFiles: 0, evidenceBytes: 0)
        }
        for shard in shards.sorted() {
            let dir = target.appendingPathComponent("sha256/\(shard)")
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
            for name in try fm.contentsOfDirectory(atPath: source.appendingPathComponent(shard).path)
            where name.count == 64 {
                let from = source.appendingPathComponent("\(shard)/\(name)"), to = dir.appendingPathComponent(name)
                do { try fm.linkItem(at: from, to: to) } catch { try fm.copyItem(at: from, to: to) }
                files += 1
                bytes += (try? fm.attributesOfItem(atPath: to.path)[.size] as? Int64) ?? 0
            }
        }
        return Summary(evidenceFiles: files, evidenceBytes: bytes)
    }
}
