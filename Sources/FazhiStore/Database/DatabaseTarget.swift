import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import NIOCore

/// Where Fazhi stores its data: the embedded SQLite file by default, or a PostgreSQL server.
///
/// `FAZHI_DATABASE_URL` names it: `sqlite:PATH`, `sqlite::memory:`, or `postgres://user:pass@host:port/db`.
public enum DatabaseTarget: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    public static let defaultSQLitePath = "./fazhi.sqlite"

    public init(url: String?) throws {
        guard let url, !url.isEmpty else { self = .sqlite(path: Self.defaultSQLitePath); return }
        if url.hasPrefix("sqlite:") {
            let path = String(url.dropFirst("sqlite:".count)).replacingOccurrences(
                of: "//", with: "", options: .anchored)
            guard !path.isEmpty else { throw StoreError.configuration("FAZHI_DATABASE_URL：sqlite: 后须给出文件路径") }
            self = .sqlite(path: path)
        } else if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            self = .postgres(url: url)
        } else {
            throw StoreError.configuration("FAZHI_DATABASE_URL 应以 sqlite: 或 postgres:// 开头")
        }
    }

    public static func fromEnvironment() throws -> DatabaseTarget {
        try DatabaseTarget(url: ProcessInfo.processInfo.environment["FAZHI_DATABASE_URL"])
    }

    public var isSQLite: Bool { if case .sqlite = self { return true } else { return false } }

    public var description: String {
        switch self {
        case .sqlite(let p): return "SQLite \(p)"
        case .postgres(let u):
            // Never print the password.
            if var c = URLComponents(string: u) {
                if c.password != nil { c.password = "***" }; return "PostgreSQL \(c.string ?? "")"
            }
            return "PostgreSQL"
        }
    }

    /// Registers the database with Fluent: as the default, or (a read replica) under `id`.
    public func register(in databases: Databases, as id: DatabaseID? = nil, maxConnections: Int = 8) throws {
        switch self {
        case .sqlite(let path):
            let storage: SQLiteConfiguration.Storage = path == ":memory:" ? .memory : .file(path: path)
            databases.use(
                .sqlite(SQLiteConfiguration(storage: storage, enableForeignKeys: true), sqlLogLevel: .trace),
                as: .sqlite)
        case .postgres(let url):
            let config = try SQLPostgresConfiguration(url: url)
            databases.use(
                .postgres(
                    configuration: config, maxConnectionsPerEventLoop: maxConnections,
                    connectionPoolTimeout: .seconds(20), sqlLogLevel: .trace), as: id ?? .psql, isDefault: id == nil)
        }
    }
}

public enum StoreError: Error, CustomStringConvertible, Sendable {
    case configuration(String)
    case integrity(String)
    public var description: String {
        switch self {
        case .configuration(let m), .integrity(let m): return m
        }
    }
}
