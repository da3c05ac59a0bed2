import FazhiStore
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Which periodic jobs this node may run and when each last ran. On SQLite there is one process, so it runs them
/// all; on PostgreSQL a job that writes runs only on the node holding its lease (`NodeLeases`), renewed each run and
/// lapsing after three missed runs, when another node takes it over.
final class JobRuns: Sendable {
    /// This process's name in the leases: the node's (`FAZHI_NODE_NAME`, default host name and process id) and a
    /// mark drawn at start, so two processes given one name — an env file copied to every node unchanged, two
    /// containers with one host name — are still two holders, and only one of them signs.
    let node: String
    /// One process on SQLite: no leases, every job runs here.
    let sqlite: Bool
    private let finished = NIOLockedValueBox<[String: Date]>([:])

    init(node: String, sqlite: Bool) {
        self.node = node + "#" + UUID().uuidString.prefix(8)
        self.sqlite = sqlite
    }

    func mayRun(_ job: String, every seconds: Int, on db: any Database) async throws -> Bool {
        guard !sqlite else { return true }
        return try await NodeLeases.acquire(job, holder: node, for: TimeInterval(max(3 * seconds, 30)), on: db)
    }

    func ran(_ job: String, on db: any Database) async throws {
        let now = Date()
        finished.withLockedValue { $0[job] = now }
        guard !sqlite else { return }
        try await NodeLeases.ran(job, holder: node, on: db)
    }

    /// Gives up the lease of `job` when this node stops.
    func release(_ job: String, on db: any Database) async {
        guard !sqlite else { return }
        try? await NodeLeases.release(job, holder: node, on: db)
    }

    /// When `job` last finished on any node (this one's memory on SQLite).
    func lastRun(_ job: String, on db: any Database) async throws -> Date? {
        if sqlite { return finished.withLockedValue { $0[job] } }
        return try await NodeLeases.lastRun(job, on: db)?.at
    }
}
