import FazhiCore
import FazhiStore
import Foundation
import SQLKit
import Vapor

/// `fazhi bench alerts`: a province's cases (default 1,000,000 over 100 bodies, each with its decision period, 3 % of
/// them overdue, 0.1 % transferred to the police 60 days ago without feedback) and 50,000 officers, then
/// - the alert sweep over all of them, first run (raising every alert) and a second run (nothing new),
/// - the supervisor's page reads (each body's open alerts by rule, and the newest 500 alerts): p50 and p95.
/// The alerts are kept, so the page's cost is the alert table's, not the province's cases (goal ≤ 1 s).
struct AlertBench: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "cases", help: "案件数（默认 1000000）") var cases: Int?
        @Option(name: "runs", help: "页面读取计时次数（默认 20）") var runs: Int?
    }
    var help: String { "执法监督预警：百万案件的预警扫描与监督人员页面读取" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await openStore(app)
        let print = { (s: String) in context.console.print(s) }
        print("bench machine \(ProcessInfo.processInfo.activeProcessorCount) cores, db=\(app.fazhi.store.target)")
        let n = max(1_000, min(signature.cases ?? 1_000_000, 5_000_000))
        let bodies = try await BenchDisputesCommand().makeOrganisations(app, names: (1...100).map { "基准第\($0)执法局" })
        let sql = app.db as! any SQLDatabase
        let today = app.fazhi.today
        let penalty = PenaltyOrdinaryProcedure.self
        let loadSeconds = try await seconds {
            var i = 0
            while i < n {
                let k = min(20_000, n - i)
                var cases: [[SQLBind]] = [], deadlines: [[SQLBind]] = [], steps: [[SQLBind]] = []
                for j in i..<(i + k) {
                    let id = UUID(), body = bodies[j % bodies.count]
                    let overdue = j % 33 == 0, transferred = j % 1_000 == 7
                    let opened = today.adding(days: overdue ? -120 : -(j % 80))
                    let number = "基准罚〔\(today.year)〕\(j + 1)号"
                    let state = transferred ? penalty.State.transferred.id : "investigating"
                    cases.append([
                        SQLBind(id), SQLBind(penalty.id), SQLBind(1), SQLBind(body), SQLBind(number), SQLBind(state),
                        SQLBind(1), SQLBind("基准当事人\(j)"), SQLBind(""), SQLBind(opened.description), SQLBind("{}"),
                    ])
                    deadlines.append([
                        SQLBind(id), SQLBind("decision"), SQLBind("作出处罚决定"),
                        SQLBind(opened.adding(days: 90).description),
                        SQLBind("行政处罚法 第六十条"), SQLBind(!transferred), SQLBind(body.uuidString), SQLBind(penalty.id),
                        SQLBind(number),
                    ])
                    if transferred {
                        steps.append([
                            SQLBind(id), SQLBind(1), SQLBind(penalty.Step.transfer),
                            SQLBind(today.adding(days: -60).description), SQLBind(UUID()), SQLBind("{}"),
                        ])
                    }
                }
                let (caseRows, deadlineRows, stepRows) = (cases, deadlines, steps)
                try await app.fazhi.store.write(on: app.db, .system) { tx in
                    try await insertRows(
                        tx.sql, "cases",
                        [
                            "id", "procedure", "definition_version", "body_id", "number", "state", "version",
                            "party_name", "power_item_code", "opened_on", "content",
                        ], caseRows, chunk: 500)
                    try await insertRows(
                        tx.sql, "case_deadlines",
                        ["case_id", "key", "name", "due", "article", "running", "body_id", "procedure", "case_number"],
                        deadlineRows, chunk: 500)
                    try await insertRows(
                        tx.sql, "case_steps", ["case_id", "seq", "action", "taken_on", "actor_id", "content"], stepRows,
                        chunk: 500)
                }
                i += k
            }
        }
        try await sql.raw("ANALYZE").run()
        print("bench loaded \(n) cases in \(String(format: "%.1f", loadSeconds)) s")
        let context = SupervisionAlerts.SweepContext(today: today, catalog: app.fazhi.procedures)
        var raised = 0
        let first = try await seconds { raised = try await SupervisionAlerts.sweep(context, on: app.db) }
        print(benchLine("alerts_sweep_first_s", first, "s", baseline: 1) + " raised=\(raised) cases=\(n)")
        let again = try await seconds { _ = try await SupervisionAlerts.sweep(context, on: app.db) }
        print(benchLine("alerts_sweep_again_s", again, "s", baseline: 1))
        let scope = Set(bodies)
        var times: [Double] = []
        for _ in 0..<max(1, min(signature.runs ?? 20, 1_000)) {
            times.append(
                try await seconds {
                    _ = try await SupervisionAlerts.counts(bodies: scope, on: app.db)
                    _ = try await SupervisionAlerts.list(bodies: scope, state: .open, rule: nil, limit: 500, on: app.db)
                })
        }
        times.sort()
        print(benchLine("alerts_page_p50_s", times[times.count / 2], "s", baseline: 1))
        print(benchLine("alerts_page_p95_s", times[min(times.count - 1, times.count * 95 / 100)], "s", baseline: 1))
    }
}
