import AsyncKit
import FluentPostgresDriver
import Foundation

/// Whether an error means the database could not be reached (a failover under way, the primary restarting) rather
/// than a fault in the request: the app then answers 503 with Retry-After, and the client may simply retry — nothing
/// was acknowledged. The connection pool drops the dead connections and opens new ones to whatever the address now
/// reaches, so the node recovers by itself once the database answers again.
public enum DatabaseUnavailable {
    public static func matches(_ error: any Error) -> Bool {
        switch error {
        case let e as PSQLError:
            let lost: [PSQLError.Code] = [
                .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed,
            ]
            return lost.contains(e.code) || e.serverInfo?[.sqlState].map(isShutdown) == true
        // Only the pool's errors, not any NIO I/O error: a failed read of an evidence file is not the database.
        case is ConnectionPoolTimeoutError, is ConnectionPoolError, is ConnectionClosed:
            return true
        default:
            return false
        }
    }

    /// SQLSTATE class 57P (operator intervention: admin/crash shutdown, cannot connect now) and 08 (connection
    /// exception), and 25006 (read-only transaction: a demoted primary still reached for a moment).
    static func isShutdown(_ state: String) -> Bool {
        state.hasPrefix("57P") || state.hasPrefix("08") || state == "25006" || isConflict(state)
    }

    /// Whether the server rolled the transaction back for meeting another one (its outcome is known: nothing written).
    public static func conflicted(_ error: any Error) -> Bool {
        (error as? PSQLError)?.serverInfo?[.sqlState].map(isConflict) == true
    }

    /// 40P01 (deadlock detected) and 40001 (serialization failure): two app nodes' transactions met on the same rows
    /// and the server rolled one back — nothing of it was written; a retry succeeds.
    static func isConflict(_ state: String) -> Bool { state == "40P01" || state == "40001" }
}

/// The connection a write ran on closed before the write finished (`Store.unlessClosed`).
public struct ConnectionClosed: Error, CustomStringConvertible {
    public var description: String { "数据库连接在写入完成前断开" }
}
