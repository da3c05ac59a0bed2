import FazhiCore
import FazhiStore
import Foundation
import SQLKit
import Vapor

/// Records the steps the law takes by itself when a deadline passes (`ProcedureDefinition.onExpiry`), dated the day after
/// the due date: 行政复议法 第三十条第三款 — no decision on acceptance within 5 working days, the application is accepted.
/// Runs at start-up and then every ten minutes; each case is one write, so one refusal does not hold up the rest.
public enum ExpirySteps {
    /// The job's name in the leases and on `/metrics`.
    static let jobName = "expiry steps"

    /// Takes every expiry step due by `today`; returns how many were taken.
    @discardableResult
    public static func run(_ app: Application) async throws -> Int {
        let catalog = app.fazhi.procedures, calendar = app.fazhi.deadlines, today = app.fazhi.today
        let sql = app.db as! any SQLDatabase
        var taken = 0
        for def in catalog.definitions {
            for (key, actionID) in def.onExpiry.sorted(by: { $0.key < $1.key }) {
                let rows = try await sql.raw(
                    """
                    SELECT d.case_id, d.due FROM case_deadlines d JOIN cases c ON c.id = d.case_id
                    WHERE d.running = \(bind: true) AND d.key = \(bind: key) AND c.procedure = \(bind: def.id) AND d.due < \(bind: today.description)
                    ORDER BY d.due
                    """
                ).all()
                for row in rows {
                    let id = try row.decode(column: "case_id", as: UUID.self)
                    guard let due = CivilDate(iso: try row.decode(column: "due", as: String.self)) else { continue }
                    do {
                        try await app.fazhi.store.write(on: app.db, ChangeContext(actor: "system", organisation: "")) {
                            tx in
                            guard let c = try await CaseStore.load(id, on: tx.db) else { return }
                            let step = StepRequest(
                                caseID: id, action: actionID, expectedVersion: c.file.version, inputs: Facts(),
                                officerIDs: [],
                                actor: ProcedureActor(
                                    id: systemActorID, name: "系统（期限届满依法记录）", roles: Set(Role.allCases)),
                                // The day after the period; a case whose last step was recorded later (a document
                                // registered after its 有效期 ended) records it that day, the record staying in order.
                                date: max(due.adding(days: 1), c.file.steps.last?.on ?? due))
                            _ = try await CaseStore.take(
                                step, catalog: catalog, calendar: calendar, today: today, in: tx)
                        }
                        taken += 1
                    } catch {
                        app.logger.warning(
                            "expiry step not taken",
                            metadata: ["case": "\(id)", "action": "\(actionID)", "error": "\(error)"])
                    }
                }
            }
        }
        return taken
    }

    static let systemActorID = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2))
}

/// Runs a job at start-up and every `interval` seconds (0 = never), logging a failure and carrying on: the expiry
/// steps (`ExpirySteps`) and the state audit (`StateAlerts`) run this way. A job that writes (`exclusive`) runs on one
/// app node at a time: the node holding its lease (`NodeLeases`), so two nodes never take the same expiry step.
struct PeriodicJob: LifecycleHandler {
    let name: String
    let interval: Int
    let exclusive: Bool
    let run: @Sendable (Application) async throws -> Void
    private let task = PeriodicCheckpointer.TaskBox()

    init(
        _ name: String, interval: Int, exclusive: Bool = true,
        _ run: @escaping @Sendable (Application) async throws -> Void
    ) {
        self.name = name; self.interval = interval; self.exclusive = exclusive; self.run = run
    }

    func didBootAsync(_ app: Application) async throws {
        guard interval > 0 else { return }
        // The services are taken now: a run still going when the app shuts down must not ask for them afterwards.
        let seconds = interval, run = run, name = name, exclusive = exclusive, jobs = app.fazhi.jobs
        task.task = Task {
            while !Task.isCancelled {
                do {
                    let mine = try await !exclusive ? true : jobs.mayRun(name, every: seconds, on: app.db)
                    if mine {
                        try await run(app)
                        if exclusive, !Task.isCancelled { try await jobs.ran(name, on: app.db) }
                    }
                } catch {
                    app.logger.error("\(name) failed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(nanoseconds: UInt64(seconds) * 1_000_000_000)
            }
        }
    }

    /// Waits for a run under way to end, so it never reaches for the database after the app has closed it.
    func shutdownAsync(_ app: Application) async {
        task.task?.cancel()
        await task.task?.value
        if exclusive, interval > 0 { await app.fazhi.jobs.release(name, on: app.db) }
    }
}
