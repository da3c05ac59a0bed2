import FazhiCore
import FazhiStore
import Fluent
import Foundation
import SQLKit
import Vapor

/// `fazhi bench reconsideration`: 100,000 行政复议 cases and 1,000,000 调解 records, each case file made by the procedure
/// engine (every step checked, its deadlines computed on the calendar) and loaded as rows with its deadlines and its
/// kept yearly figures; then
/// - the yearly statistics (复议 and 调解, the whole jurisdiction and by body; goal ≤ 300 ms);
/// - the deadline sweep that finds every case due in the next 3 working days (goal ≤ 200 ms).
struct BenchDisputesCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "reconsideration", help: "行政复议案件数（默认 100000）") var reconsideration: Int?
        @Option(name: "disputes", help: "调解案件数（默认 1000000）") var disputes: Int?
        @Option(name: "runs", help: "每项计时的次数（默认 20）") var runs: Int?
        @Flag(name: "reuse", help: "沿用上次生成的数据，只测统计和期限扫描") var reuse: Bool
    }
    var help: String { "行政复议与调解：年度统计、3个工作日内到期案件扫描" }

    typealias Step = (action: String, day: Int, inputs: [String: FactValue])

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await openStore(app)
        _ = try await DemoData.loadIfEmpty(app)
        let print = { (s: String) in context.console.print(s) }
        print("bench machine \(ProcessInfo.processInfo.activeProcessorCount) cores, db=\(app.fazhi.store.target)")
        let sql = app.db as! any SQLDatabase
        var offices = try await benchOrganisations(sql, like: "基准%复议办")
        var committees = try await benchOrganisations(sql, like: "基准%调解委员会")
        if !signature.reuse || offices.isEmpty {
            offices = try await makeOrganisations(app, names: (1...20).map { "基准第\($0)县复议办" })
            committees = try await makeOrganisations(app, names: (1...100).map { "基准第\($0)调解委员会" })
            try await loadDisputes(
                app, reconsideration: signature.reconsideration ?? 100_000, disputes: signature.disputes ?? 1_000_000,
                offices: offices, committees: committees, console: context.console, print: print)
            try await sql.raw("ANALYZE").run()
        } else {
            print("bench reusing \(offices.count) 复议 offices and \(committees.count) 调解 organisations")
        }
        try await measure(app, offices: offices, committees: committees, runs: signature.runs ?? 20, print: print)
    }

    /// Loads 复议 cases over the offices and 调解 over the committees, each through the engine (the report bench's too).
    func loadDisputes(
        _ app: Application, reconsideration: Int, disputes: Int, offices: [UUID], committees: [UUID],
        console: any Console, print: (String) -> Void
    ) async throws {
        let catalog = app.fazhi.procedures
        try await load(
            app, def: catalog.current(ReconsiderationProcedure.id)!, count: reconsideration, bodies: offices,
            role: .reconsiderationStaff, scenario: reconsiderationSteps, console: console, print: print)
        try await load(
            app, def: catalog.current(Self.mediation.procedure)!, count: disputes, bodies: committees,
            role: .mediator, scenario: Self.mediation.steps, console: console, print: print)
    }

    func benchOrganisations(_ sql: any SQLDatabase, like pattern: String) async throws -> [UUID] {
        try await sql.raw("SELECT id FROM organisations WHERE name LIKE \(bind: pattern) ORDER BY name").all().map {
            try $0.decode(column: "id", as: UUID.self)
        }
    }

    func makeOrganisations(_ app: Application, names: [String]) async throws -> [UUID] {
        let run = UUID().uuidString.prefix(4)
        return try await app.fazhi.store.write(on: app.db, .system) { tx in
            if try await RegionRecord.find("339901", on: tx.db) == nil {
                _ = try await Directory.createRegion(.init(code: "339901", name: "清河县", parentCode: nil), in: tx)
            }
            var out: [UUID] = []
            for name in names {
                let n = name.replacingOccurrences(of: "基准", with: "基准\(run)")
                out.append(
                    try await Directory.createOrganisation(
                        .init(name: n, uscc: nil, regionCode: "339901", parentID: nil), in: tx
                    ).id!)
            }
            return out
        }
    }

    // MARK: Scenarios — the steps staff take, by how the case ends; recent cases are still running.

    func reconsiderationSteps(_ rng: inout BenchCasesCommand.SplitMix, received: CivilDate, age: Int) -> [Step] {
        let application: [String: FactValue] = [
            "channel": .text("post"), "applicantName": .text("申请人\(rng.next() % 9973)"),
            "applicantKind": .text("citizen"), "applicantAddress": .text("清河县"), "respondent": .text("基准执法局"),
            "actKind": .text("penalty"), "actDescription": .text("行政处罚决定"),
            "learnedOn": .date(received.adding(days: -10)), "requests": .text("撤销"),
            "reasons": .text("事实不清"), "actAmount": .number(Double(1 + rng.next() % 40) * 500),
        ]
        var steps: [Step] = [("register", 0, application)]
        let roll = rng.next() % 100
        let decide = { (outcome: String) -> [String: FactValue] in
            [
                "outcome": .text(outcome), "decisionText": .text("决定"), "decisionReasons": .text("理由"),
                "approval": .text("head"), "approver": .text("负责人"),
            ]
        }
        if roll < 8 { return steps + [("refuse", 3, ["refusalReasons": .text("不属于受案范围")])] }
        if roll < 28 {
            return steps + [
                ("accept", 2, ["track": .text("simple"), "simpleGround": .text("all_agree")]),
                ("terminate", 20, ["terminationGround": .text("withdrawn"), "settlementDocument": .text("撤回申请书")]),
            ]
        }
        steps += [("accept", 3, ["track": .text("ordinary")]), ("send_copy", 5, [:])]
        if age < 40 { return steps }
        steps += [
            ("record_answer", 15, ["answerSummary": .text("答复"), "evidenceProduced": .bool(true)]),
            ("hear_parties", 25, ["hearingMethod": .text("phone"), "opinionsSummary": .text("意见")]),
        ]
        if age < 70 { return steps }
        let outcome = roll < 80 ? "uphold" : roll < 88 ? "revoke" : roll < 94 ? "dismiss" : "confirm_illegal"
        return steps + [
            ("decide", 50, decide(outcome)),
            ("serve", 53, ["serviceMethod": .text("direct"), "recipient": .text("申请人")]),
            ("close", 55, ["closingSummary": .text("结案")]),
        ]
    }

    // MARK: Load

    /// Makes each case file through the engine and loads it with its deadlines and kept figures, in transactions of
    /// 5,000 cases; the figure sums are added at the end.
    func load(
        _ app: Application, def: ProcedureDefinition, count n: Int, bodies: [UUID], role: Role,
        scenario: (inout BenchCasesCommand.SplitMix, CivilDate, Int) -> [Step],
        console: any Console, print: (String) -> Void
    ) async throws {
        guard n > 0 else { return }
        var rng = BenchCasesCommand.SplitMix(state: UInt64(n) &* 31 &+ UInt64(def.id.count))
        let calendar = app.fazhi.deadlines, settings = app.fazhi.procedures.settings, stats = def.statistics!
        let first = CivilDate(year: 2024, month: 1, day: 2)!,
            last = min(app.fazhi.today, CivilDate(year: 2026, month: 11, day: 20)!)
        let span = first.days(until: last)
        let actor = ProcedureActor(id: UUID(), name: "基准工作人员", roles: [role])
        let bar = ProgressBar(total: n, label: "生成\(def.name)", console: console)
        var sums: [String: Int] = [:]
        var done = 0, steps = 0, deadlines = 0, members = 0
        let perTx = 5_000, chunk = 400
        let t = try await seconds {
            while done < n {
                let k = min(perTx, n - done)
                var caseRows: [[SQLBind]] = [], deadlineRows: [[SQLBind]] = [], memberRows: [[SQLBind]] = []
                for i in done..<(done + k) {
                    let body = bodies[Int(rng.next() % UInt64(bodies.count))]
                    let received = first.adding(days: Int(rng.next() % UInt64(span + 1)))
                    var file = ProcedureEngine.start(def, bodyID: body)
                    for s in scenario(&rng, received, received.days(until: last)) {
                        var inputs = s.inputs
                        let on = min(last, received.adding(days: s.day))
                        if s.action == "follow_up" { inputs["visitedOn"] = .date(on) }
                        if inputs["correctionReceivedOn"] != nil { inputs["correctionReceivedOn"] = .date(on) }
                        file = try ProcedureEngine.apply(
                            def, to: file, action: s.action, expectedVersion: file.version, inputs: Facts(inputs),
                            external: Facts(),
                            officers: [], actor: actor, date: on, today: last, calendar: calendar, settings: settings
                        ).file
                        steps += 1
                    }
                    let number = "基准\(def.numbering.kind)\(i + 1)"
                    let closed = def.state(file.state)?.terminal == true ? file.steps.last?.on.description : nil
                    caseRows.append([
                        SQLBind(file.id), SQLBind(def.id), SQLBind(def.version), SQLBind(body), SQLBind(number),
                        SQLBind(file.state), SQLBind(file.version),
                        SQLBind(def.presentation.partyName(file.facts)), SQLBind(""), SQLBind(received.description),
                        SQLBind(file.facts[CaseColumns.decidedOn]?.description), SQLBind(closed),
                        SQLBind(file.facts[CaseColumns.outcome]), SQLBind(Optional<Double>.none),
                        SQLBind(try StoreJSON.encode(file)), SQLBind(0), SQLBind(0), SQLBind(Optional<String>.none),
                        SQLBind(Optional<Int>.none),
                    ])
                    for d in file.deadlines {
                        deadlineRows.append([
                            SQLBind(file.id), SQLBind(d.key), SQLBind(d.name), SQLBind(d.deadline.due.description),
                            SQLBind(d.deadline.article ?? ""), SQLBind(d.isRunning),
                            SQLBind(body.uuidString), SQLBind(def.id), SQLBind(number),
                        ])
                    }
                    if let m = stats.memberships(file) {
                        for f in m.figures {
                            memberRows.append([
                                SQLBind(file.id), SQLBind(f), SQLBind(def.id), SQLBind(m.year),
                                SQLBind(body.uuidString), SQLBind(received.description),
                            ])
                            sums["\(m.year)|\(f)|\(body.uuidString)", default: 0] += 1
                        }
                    }
                }
                deadlines += deadlineRows.count; members += memberRows.count
                let (cr, dr, mr) = (caseRows, deadlineRows, memberRows)
                try await app.fazhi.store.write(on: app.db, .system) { tx in
                    func insert(_ table: String, _ cols: [String], _ rows: [[SQLBind]]) async throws {
                        try await insertRows(tx.sql, table, cols, rows, chunk: chunk)
                    }
                    try await insert(
                        "cases",
                        [
                            "id", "procedure", "definition_version", "body_id", "number", "state", "version",
                            "party_name", "power_item_code", "opened_on",
                            "decided_on", "closed_on", "outcome", "fine", "content", "legally_reviewed", "heard",
                            "decision_due", "handling_days",
                        ], cr)
                    try await insert(
                        "case_deadlines",
                        ["case_id", "key", "name", "due", "article", "running", "body_id", "procedure", "case_number"],
                        dr)
                    try await insert(
                        "case_figure_members", ["case_id", "figure", "procedure", "year", "body_id", "opened_on"], mr)
                }
                done += k
                bar.update(done)
            }
            let kept = sums
            try await app.fazhi.store.write(on: app.db, .system) { tx in
                for (key, n) in kept {
                    let p = key.split(separator: "|").map(String.init)
                    try await tx.sql.raw(
                        """
                        INSERT INTO case_year_figures (procedure, year, figure, body_id, n) VALUES (\(bind: def.id), \(bind: Int(p[0])!), \(bind: p[1]), \(bind: p[2]), \(bind: n))
                        ON CONFLICT (procedure, year, figure, body_id) DO UPDATE SET n = case_year_figures.n + excluded.n
                        """
                    ).run()
                }
            }
        }
        bar.finish()
        print(
            "bench \(def.id)_loaded \(n) cases (\(steps) engine steps, \(deadlines) deadline rows, \(members) figure memberships) in \(String(format: "%.0f", t)) s (\(String(format: "%.0f", Double(n) / t)) cases/s)"
        )
    }

    // MARK: Measure

    func measure(
        _ app: Application, offices: [UUID], committees: [UUID], runs: Int, print: (String) -> Void
    ) async throws {
        let catalog = app.fazhi.procedures, db = app.db
        // The jurisdiction as a supervisor reads it: every bench organisation plus the demo's.
        let demo = try await OrganisationRecord.query(on: db).all().compactMap(\.id)
        let everyone = Set(demo).union(offices).union(committees)
        func timed(_ body: () async throws -> Void) async throws -> (p50: Double, max: Double) {
            var xs: [Double] = []
            for _ in 0..<(runs + 1) { xs.append(try await seconds { try await body() } * 1000) }
            xs.removeFirst()  // the first warms the caches
            return (BenchCasesCommand.median(xs), xs.max() ?? 0)
        }
        for (id, name) in [
            (ReconsiderationProcedure.id, "reconsideration"), (Self.mediation.procedure, Self.mediation.name),
        ] {
            let def = catalog.current(id)!
            var summary = ""
            let whole = try await timed {
                let t = try await YearFigures.tally(def, year: 2025, bodies: everyone, on: db)!
                summary =
                    def.statistics!.rates.map { "\($0.id)=\(FigureTally.percent(t.rate($0)))" }.joined(separator: " ")
                    + " received=\(t.count("received"))"
            }
            print(
                benchLine("statistics_year_\(name)", whole.p50, "ms", baseline: 300)
                    + " max=\(String(format: "%.1f", whole.max))ms \(summary)")
            let byBody = try await timed { _ = try await YearFigures.byBody(def, year: 2025, bodies: everyone, on: db) }
            print(
                benchLine("statistics_year_\(name)_by_body", byBody.p50, "ms", baseline: 300)
                    + " max=\(String(format: "%.1f", byBody.max))ms")
            let listing = try await timed {
                _ = try await YearFigures.cases(
                    id, figure: "received", year: 2025, bodies: everyone, limit: 500, on: db)
            }
            print(
                benchLine("statistics_figure_cases_\(name)", listing.p50, "ms", baseline: 300)
                    + " (500 newest cases of a figure)")
        }
        let today = app.fazhi.today
        let through = try app.fazhi.deadlines.due(from: today, days: 3, unit: .workday)
        var found = 0
        let sweep = try await timed {
            found = try await CaseStore.dueWithin(
                bodies: everyone, from: today, through: through, procedures: catalog.withStatistics.map(\.id), on: db
            ).count
        }
        print(
            benchLine("deadline_sweep_3_working_days", sweep.p50, "ms", baseline: 200)
                + " max=\(String(format: "%.1f", sweep.max))ms due=\(found) window=\(today)..\(through)")
    }
}
