import FazhiStore
import Fluent
import Foundation
import SQLKit
import Vapor

/// Consistent copies while the server runs.
public enum Backup {
    public static func write(to path: String, app: Application) async throws {
        guard !FileManager.default.fileExists(atPath: path) else { throw CommandFailure("备份目标已存在：\(path)（不覆盖已有文件）") }
        switch app.fazhi.store.target {
        case .sqlite:
            // VACUUM INTO reads one snapshot of the database, so writers may continue meanwhile.
            let escaped = path.replacingOccurrences(of: "'", with: "''")
            try await (app.db as! any SQLDatabase).raw("VACUUM INTO '\(unsafeRaw: escaped)'").run()
        case .postgres(let url):
            // pg_dump takes one repeatable-read snapshot; restore with `pg_restore -d NEWDB PATH`.
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["pg_dump", "--format=custom", "--no-owner", "--file", path, "--dbname", url]
            try p.run()
            p.waitUntilExit()
            guard p.terminationStatus == 0 else { throw CommandFailure("pg_dump 失败（退出码 \(p.terminationStatus)）") }
        }
    }
}
