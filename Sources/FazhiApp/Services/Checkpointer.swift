import FazhiStore
import Foundation
import Vapor

/// Signs a checkpoint every `interval` seconds while the server runs, if the record has grown — on one app node
/// only, the one holding the `checkpoint` lease (`NodeLeases`), so several nodes never sign rival checkpoints.
struct PeriodicCheckpointer: LifecycleHandler {
    static let jobName = "checkpoint"
    let interval: Int
    private let task = TaskBox()

    final class TaskBox: @unchecked Sendable { var task: Task<Void, Never>? }

    func didBootAsync(_ app: Application) async throws {
        guard interval > 0 else { return }
        let seconds = interval, jobs = app.fazhi.jobs
        task.task = Task {
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: UInt64(seconds) * 1_000_000_000)
                if Task.isCancelled { break }
                do {
                    guard try await jobs.mayRun(Self.jobName, every: seconds, on: app.db) else { continue }
                    let size = try await RecordLog.size(on: app.db)
                    if try await RecordLog.latestCheckpoint(on: app.db)?.treeSize != size {
                        let cp = try await RecordLog.makeCheckpoint(
                            key: app.fazhi.recordKey, store: app.fazhi.store, on: app.db, now: app.fazhi.now)
                        app.logger.info(
                            "checkpoint signed", metadata: ["tree_size": "\(cp.treeSize)", "root": "\(cp.rootHash)"])
                    }
                    try await jobs.ran(Self.jobName, on: app.db)
                } catch {
                    app.logger.error("periodic checkpoint failed", metadata: ["error": "\(error)"])
                }
            }
        }
    }

    /// Waits for a run under way to end, so it never reaches for the database after the app has closed it.
    func shutdownAsync(_ app: Application) async {
        task.task?.cancel()
        await task.task?.value
        if interval > 0 { await app.fazhi.jobs.release(Self.jobName, on: app.db) }
    }
}
