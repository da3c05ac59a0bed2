import FazhiCore
import FazhiOffice
import FazhiStore
import Fluent
import Foundation
import SQLKit
import Vapor

/// `fazhi bench cases`: a province-like load (1,000,000 cases over 3 years, 100 bodies), then
/// - step transitions/s through the engine and store vs plain inserts of the same rows, in the same run;
/// - the yearly statistics for one body and for the jurisdiction (goal ≤ 500 ms);
/// - portal decision search p50/p95 (goal p95 ≤ 50 ms);
/// - .docx generation per document (goal ≥ 200/s).
struct BenchCasesCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "cases", help: "生成的案件数（默认 1000000）") var cases: Int?
        @Option(name: "bodies", help: "执法主体数（默认 100）") var bodies: Int?
        @Option(name: "engine-cases", help: "经由程序引擎办理的案件数（默认 300，每件 8 步）") var engineCases: Int?
        @Option(name: "queries", help: "公示检索次数（默认 200）") var queries: Int?
        @Option(name: "docs", help: "生成的决定书份数（默认 1000）") var docs: Int?
        @Flag(name: "engine-only", help: "只测程序引擎吞吐量（两个进程同时运行 = 两个应用节点写同一 PostgreSQL）") var engineOnly: Bool
        @Flag(name: "reuse", help: "沿用数据库中上次生成的省级数据，只测统计、检索和文书（改进查询后复测用）") var reuse: Bool
    }
    var help: String { "执法案件：程序引擎吞吐量、年度统计、公示检索、文书生成" }

    /// A fixed-seed generator, so every run loads the same province.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let violations = [
        "销售过期食品", "无证经营食品", "未按规定进货查验", "发布虚假广告", "销售不合格电线电缆", "未明码标价", "使用未经检定的计量器具",
        "擅自改变房屋用途", "占道经营", "违规设置户外广告", "未按规定处置建筑垃圾", "损坏城市绿地", "消防通道堵塞", "超范围经营",
        "销售假冒注册商标的商品", "未取得许可从事餐饮服务", "生产标签不符合规定的食品", "销售无中文标签的进口食品", "价格欺诈", "违规收费",
    ]
    static let partyNames = [
        "鑫源", "顺达", "宏泰", "华联", "永兴", "金鼎", "恒通", "利民", "百味", "康健", "新世纪", "福满多", "佳美", "瑞丰", "天成", "明珠",
    ]
    static let partyForms = ["食品商行", "有限公司", "超市", "餐饮店", "五金店", "建材经营部", "药店", "装饰工程有限公司", "便利店", "农资店"]
    static let queryWords = [
        "食品", "广告", "许可", "过期", "标签", "计量", "消防", "经营", "商标", "价格", "无证经营", "虚假广告", "进口食品", "明码标价", "建筑垃圾",
    ]

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await openStore(app)
        _ = try await DemoData.loadIfEmpty(app)
        let print = { (s: String) in context.console.print(s) }
        let nCases = signature.cases ?? 1_000_000, nBodies = signature.bodies ?? 100
        print("bench machine \(ProcessInfo.processInfo.activeProcessorCount) cores, db=\(app.fazhi.store.target)")

        let bodies: [(UUID, String)]
        if signature.reuse {
            // The bodies an earlier run generated (named 基准…执法局), with the cases and decisions it loaded.
            bodies = try await (app.db as! any SQLDatabase).raw(
                "SELECT o.id, o.name FROM organisations o JOIN enforcement_bodies b ON b.organisation_id = o.id WHERE o.name LIKE '基准%执法局' ORDER BY o.name"
            ).all()
                .map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "name", as: String.self)) }
            guard !bodies.isEmpty else { throw CommandFailure("数据库中没有上次生成的数据；请去掉 --reuse 重新生成") }
            print("bench reusing \(bodies.count) bodies")
        } else {
            try await engineThroughput(app, cases: signature.engineCases ?? 300, print: print)
            if signature.engineOnly { return }
            bodies = try await makeBodies(app, count: nBodies)
            try await load(app, cases: nCases, bodies: bodies, console: context.console, print: print)
        }
        try await statistics(app, bodies: bodies, print: print)
        try await search(app, bodies: bodies, queries: signature.queries ?? 200, print: print)
        try await documents(app, count: signature.docs ?? 1000, print: print)
    }

    // MARK: Engine vs plain inserts

    func engineThroughput(_ app: Application, cases n: Int, print: (String) -> Void) async throws {
        let db = app.db, store = app.fazhi.store, catalog = app.fazhi.procedures, calendar = app.fazhi.deadlines,
            today = app.fazhi.today
        let body = try await OrganisationRecord.query(on: db).filter(\.$name == "清河县市场监督管理局").first()!.id!
        guard
            let item = try await PowerListStore.list(on: today, .init(type: .penalty, organisations: [body]), on: db)
                .rows.first?.code
        else {
            throw CommandFailure("演示数据中没有清河县市场监督管理局的行政处罚事项")
        }
        let officerUser = try await Accounts.user(named: "scj.zhifa1", on: db)!,
            headUser = try await Accounts.user(named: "scj.juzhang", on: db)!
        var pair: [UUID] = []
        for u in ["scj.zhifa1", "scj.zhifa2"] {
            pair.append(
                try await Officers.officerID(forUser: try await Accounts.user(named: u, on: db)!.requireID(), on: db)!)
        }
        let officer = ProcedureActor(id: try officerUser.requireID(), name: officerUser.displayName, roles: [.officer])
        let head = ProcedureActor(id: try headUser.requireID(), name: headUser.displayName, roles: [.head])
        let def = catalog.current(PenaltyOrdinaryProcedure.id)!
        let steps: [(String, ProcedureActor, String, [String: FactValue], Bool)] = [
            (
                "file_case", head, "2026-09-01",
                [
                    "source": .text("complaint"), "powerItemCode": .text(item), "partyName": .text("清河县某超市"),
                    "partyKind": .text("organisation"),
                    "partyAddress": .text("城关镇"), "summary": .text("销售过期食品"), "violationOn": .text("2026-08-20"),
                ], false
            ),
            (
                "record_evidence", officer, "2026-09-02",
                [
                    "evidenceKind": .text("inspection"), "evidenceSummary": .text("现场检查"),
                    "partySignature": .text("signed"),
                    "certificateShown": .bool(true),
                ], true
            ),
            (
                "propose", officer, "2026-09-03",
                [
                    "violationFacts": .text("销售过期食品"), "penaltyBasis": .text("《食品安全法》第一百二十四条"),
                    "penaltyKinds": .list(["罚款"]),
                    // The demo item's registered 裁量基准 (第三十四条): 货值 3,000 元, 一般 tier, 50,000 元.
                    "fineAmount": .number(50000), "benchmarkCode": .text("QH-CF-001"), "measureValue": .number(3000),
                    "goodsValue": .number(3000),
                ], false
            ),
            ("notify", officer, "2026-09-03", ["noticeMethod": .text("direct")], false),
            ("waive", officer, "2026-09-03", ["waiverDocument": .text("当事人书面放弃")], false),
            (
                "decide", head, "2026-09-04",
                [
                    "outcome": .text("penalty"), "penaltyKinds": .list(["罚款"]), "fineAmount": .number(50000),
                    "decisionReasons": .text("事实清楚"),
                ], false
            ),
            ("publish", officer, "2026-09-07", [:], false),
        ]
        let ctx = ChangeContext(actor: officer.id.uuidString, organisation: body.uuidString)
        var ids: [UUID] = []
        var perAction: [String: Double] = [:]
        /// Takes `count` cases through the engine (open + 8 steps each), adding to the per-step times.
        func engineCases(_ count: Int) async throws {
            for _ in 0..<count {
                var c: StoredCase?
                perAction["open", default: 0] += try await seconds {
                    c = try await store.write(on: db, ctx) { tx in
                        try await CaseStore.open(def, bodyID: body, today: today, in: tx)
                    }
                }
                ids.append(c!.id)
                for (v, s) in steps.enumerated() {
                    let r = StepRequest(
                        caseID: c!.id, action: s.0, expectedVersion: v, inputs: Facts(s.3), officerIDs: s.4 ? pair : [],
                        actor: s.1, date: CivilDate(iso: s.2)!)
                    perAction[s.0, default: 0] += try await seconds {
                        _ = try await store.write(on: db, ctx) { tx in
                            try await CaseStore.take(r, catalog: catalog, calendar: calendar, today: today, in: tx)
                        }
                    }
                }
            }
        }
        // A first batch gives the rows the plain inserts copy; then engine and plain inserts take turns in rounds, so a
        // slower disk or a busy neighbour for a while weighs on both sides of the ratio alike.
        let firstBatch = min(n, 10)
        var engine = try await seconds { try await engineCases(firstBatch) }
        let perCase = steps.count + 1

        // The same rows as plain inserts: each transition's step row, record entry and case row, one transaction each.
        let sql = db as! any SQLDatabase
        // Tables of this process's own, so two processes (two app nodes on one PostgreSQL) can run the bench at once.
        let own = "_\(ProcessInfo.processInfo.processIdentifier)"
        let benchSteps = "bench_steps" + own, benchRecord = "bench_record" + own, benchCases = "bench_cases" + own
        for t in [benchSteps, benchRecord, benchCases] {
            try await sql.raw("DROP TABLE IF EXISTS \(unsafeRaw: t)").run()
        }
        try await sql.raw("CREATE TABLE \(unsafeRaw: benchSteps) AS SELECT * FROM case_steps WHERE 1 = 0").run()
        try await sql.raw("CREATE TABLE \(unsafeRaw: benchRecord) AS SELECT * FROM record_entries WHERE 1 = 0").run()
        try await sql.raw("CREATE TABLE \(unsafeRaw: benchCases) AS SELECT * FROM cases WHERE 1 = 0").run()
        let some = Array(ids.prefix(50))
        let stepRows = try await sql.raw(
            "SELECT * FROM case_steps WHERE case_id IN \(SQLGroupExpression(some.map { SQLBind($0) }))"
        ).all()
        let recordRows = try await sql.raw(
            "SELECT * FROM record_entries WHERE subject_type = 'case' AND subject_id IN \(SQLGroupExpression(some.map { SQLBind($0.uuidString) }))"
        ).all()
        let caseRow = try await sql.raw("SELECT * FROM cases WHERE id = \(bind: ids[0])").first()!
        func values(
            _ row: any SQLRow, replacing: [String: any Encodable & Sendable] = [:]
        ) throws -> (cols: [String], binds: [SQLBind]) {
            let cols = row.allColumns
            return (
                cols,
                try cols.map { c in
                    if let v = replacing[c] { return SQLBind(v) }
                    if let s = try? row.decodeNil(column: c), s { return SQLBind(Optional<String>.none) }
                    // UUID first: PostgreSQL also reads a uuid column as text, and would then refuse it as a uuid.
                    if let v = try? row.decode(column: c, as: UUID.self) { return SQLBind(v) }
                    if let v = try? row.decode(column: c, as: Int64.self) { return SQLBind(v) }
                    if let v = try? row.decode(column: c, as: Double.self) { return SQLBind(v) }
                    if let v = try? row.decode(column: c, as: String.self) { return SQLBind(v) }
                    return SQLBind(try row.decode(column: c, as: Bool.self))
                }
            )
        }
        let stepTemplates = try stepRows.map { try values($0) }
        var seq: Int64 = 10_000_000_000
        func plainTransitions(_ count: Int) async throws {
            for _ in 0..<count {
                let k = Int(seq % 1_000_000)
                let s = stepTemplates[k % stepTemplates.count]
                seq += 1
                let caseValues = try values(caseRow, replacing: ["id": UUID(), "number": "基准\(seq)"])
                let recordValues = try values(recordRows[k % recordRows.count], replacing: ["seq": seq])
                try await store.write(on: db, ctx) { tx in
                    try await tx.sql.insert(into: benchSteps).columns(s.cols).values(s.binds).run()
                    try await tx.sql.insert(into: benchRecord).columns(recordValues.cols).values(recordValues.binds)
                        .run()
                    try await tx.sql.insert(into: benchCases).columns(caseValues.cols).values(caseValues.binds).run()
                }
            }
        }
        var plain = try await seconds { try await plainTransitions(firstBatch * perCase) }
        var done = firstBatch
        while done < n {
            let k = min(10, n - done)
            engine += try await seconds { try await engineCases(k) }
            plain += try await seconds { try await plainTransitions(k * perCase) }
            done += k
        }
        // Where the time goes, per step (ms per transition).
        print(
            "bench case_transition_ms "
                + (["open"] + steps.map(\.0)).map {
                    "\($0)=\(String(format: "%.1f", (perAction[$0] ?? 0) * 1000 / Double(max(1, n))))"
                }.joined(separator: " "))
        let transitions = n * perCase
        for t in [benchSteps, benchRecord, benchCases] {
            try await sql.raw("DROP TABLE \(unsafeRaw: t)").run()
        }
        print(
            benchLine(
                "case_transitions", Double(transitions) / engine, "transitions/s", baseline: Double(transitions) / plain
            ))
    }

    // MARK: The province

    func makeBodies(_ app: Application, count: Int) async throws -> [(UUID, String)] {
        try await app.fazhi.store.write(on: app.db, .system) { tx in
            if try await RegionRecord.find("339901", on: tx.db) == nil {
                _ = try await Directory.createRegion(.init(code: "339901", name: "清河县", parentCode: nil), in: tx)
            }
            var out: [(UUID, String)] = []
            let run = UUID().uuidString.prefix(4)
            for i in 0..<count {
                let name = "基准\(run)第\(i + 1)执法局"
                let o = try await Directory.createOrganisation(
                    .init(name: name, uscc: nil, regionCode: "339901", parentID: nil), in: tx)
                try await EnforcementBodies.save(
                    EnforcementBody(
                        organisationID: o.id!, kind: .statutory, entrustingOrganisationID: nil, legalBasis: "基准",
                        scope: "综合",
                        confirmedOn: CivilDate(year: 2020, month: 1, day: 1)!, announcementDocument: "基准〔2020〕\(i + 1)号"
                    ), in: tx)
                out.append((o.id!, name))
            }
            return out
        }
    }

    /// Loads the cases as plain rows (the figures the statistics read, a compact case file) and their publications.
    func load(
        _ app: Application, cases n: Int, bodies: [(UUID, String)], console: any Console, print: (String) -> Void
    ) async throws {
        var rng = SplitMix(state: 20_261_122)
        let start = CivilDate(year: 2024, month: 1, day: 1)!, end = CivilDate(year: 2026, month: 10, day: 31)!
        let span = start.days(until: end)
        let template = try StoreJSON.encode(
            ProcedureEngine.start(app.fazhi.procedures.current(PenaltyOrdinaryProcedure.id)!, bodyID: bodies[0].0))
        let bar = ProgressBar(total: n, label: "生成案件", console: console)
        let batch = 400, perTx = 25
        let postgres = !app.fazhi.store.target.isSQLite
        var done = 0, published = 0
        // After the decisions the engine phase published.
        let firstSeq = try await (app.db as! any SQLDatabase).raw(
            "SELECT COALESCE(MAX(search_seq), 0) AS n FROM publications"
        ).first()!.decode(column: "n", as: Int64.self)
        let t = try await seconds {
            while done < n {
                let rowsThisTx = min(batch * perTx, n - done)
                var caseRows: [[SQLBind]] = [], pubRows: [[SQLBind]] = [], docs: [(seq: Int64, tokens: [String])] = []
                for k in 0..<rowsThisTx {
                    let i = done + k
                    let (body, bodyName) = bodies[Int(rng.next() % UInt64(bodies.count))]
                    let opened = start.adding(days: Int(rng.next() % UInt64(span)))
                    let roll = rng.next() % 100
                    let procedure =
                        roll < 70
                        ? PenaltyOrdinaryProcedure.id : roll < 90 ? PenaltySimpleProcedure.id : InspectionProcedure.id
                    let id = UUID()
                    let violation = Self.violations[Int(rng.next() % UInt64(Self.violations.count))]
                    var state = "closed", outcome: String? = nil, fine: Double? = nil, decided: CivilDate? = nil
                    var reviewed = 0, heard = 0, due: String? = nil
                    switch procedure {
                    case PenaltyOrdinaryProcedure.id:
                        due = opened.adding(days: 90).description
                        let o = rng.next() % 100
                        if o < 75 {
                            outcome = "penalty"; fine = Double(1 + rng.next() % 200) * 500
                        } else if o < 88 {
                            outcome = "no_penalty"
                        } else if o < 93 {
                            outcome = "not_established"
                        }
                        if outcome != nil { decided = opened.adding(days: 5 + Int(rng.next() % 100)) }
                        if o >= 93 { state = o < 96 ? "transferred" : "investigating" }
                        reviewed = outcome == "penalty" && rng.next() % 100 < 60 ? 1 : 0
                        heard = outcome == "penalty" && rng.next() % 100 < 5 ? 1 : 0
                    case PenaltySimpleProcedure.id:
                        outcome = "penalty"; fine = Double(1 + rng.next() % 4) * 50; decided = opened
                    default: state = "closed"
                    }
                    let party =
                        "清河县" + Self.partyNames[Int(rng.next() % UInt64(Self.partyNames.count))]
                        + Self.partyForms[Int(rng.next() % UInt64(Self.partyForms.count))] + "\(i % 997)"
                    let number = "基准\(i)"
                    caseRows.append([
                        SQLBind(id), SQLBind(procedure), SQLBind(1), SQLBind(body), SQLBind(number), SQLBind(state),
                        SQLBind(7), SQLBind(party),
                        SQLBind("330100-\(i % 300)"), SQLBind(opened.description), SQLBind(decided?.description),
                        SQLBind(state == "closed" ? (decided ?? opened).description : nil),
                        SQLBind(outcome), SQLBind(fine),
                        SQLBind(template.replacingOccurrences(of: bodies[0].0.uuidString, with: body.uuidString)),
                        SQLBind(reviewed), SQLBind(heard), SQLBind(due),
                        SQLBind(decided.map { opened.days(until: $0) }),
                    ])
                    if procedure == PenaltyOrdinaryProcedure.id, outcome == "penalty", let decided {
                        let d = PublicDecision(
                            caseID: id, decisionNumber: "\(bodyName)罚〔\(decided.year)〕\(i)号", body: bodyName,
                            party: party, partyKind: "法人或者其他组织",
                            violation: "当事人\(violation)，违反有关规定", basis: "《中华人民共和国食品安全法》", penalties: ["罚款"],
                            fine: fine ?? 0,
                            decidedOn: decided.description, publishedOn: decided.adding(days: 3).description,
                            withdrawnOn: nil, withdrawalReason: nil)
                        published += 1
                        let tokens = DecisionSearch.tokens(d, bodyID: body)
                        pubRows.append(
                            [
                                SQLBind(id), SQLBind(d.decisionNumber), SQLBind(body), SQLBind(d.decidedOn),
                                SQLBind(d.publishedOn), SQLBind("罚款"), SQLBind(d.fine),
                                SQLBind(try StoreJSON.encode(d)), SQLBind(firstSeq + Int64(published)),
                            ] + (postgres ? [SQLBind(tokens)] : []))
                        docs.append((firstSeq + Int64(published), tokens))
                    }
                }
                let caseCols = [
                    "id", "procedure", "definition_version", "body_id", "number", "state", "version", "party_name",
                    "power_item_code", "opened_on", "decided_on",
                    "closed_on", "outcome", "fine", "content", "legally_reviewed", "heard", "decision_due",
                    "handling_days",
                ]
                let pubCols =
                    [
                        "case_id", "decision_number", "body_id", "decided_on", "published_on", "penalties", "fine",
                        "content", "search_seq",
                    ] + (postgres ? ["search_tokens"] : [])
                let (cr, pr, ds) = (caseRows, pubRows, docs)
                try await app.fazhi.store.write(on: app.db, .system) { tx in
                    func insert(_ table: String, _ cols: [String], _ rows: [[SQLBind]]) async throws {
                        try await insertRows(tx.sql, table, cols, rows, chunk: batch)
                    }
                    try await insert("cases", caseCols, cr)
                    try await insert("publications", pubCols, pr)
                    if !postgres { try await DecisionSearch.index(ds, on: tx.sql) }
                }
                done += rowsThisTx
                bar.update(done)
            }
        }
        bar.finish()
        print(
            "bench cases_loaded \(n) cases, \(published) published decisions in \(String(format: "%.0f", t)) s (\(String(format: "%.0f", Double(n) / t)) cases/s)"
        )
        // The statistics' sums over the loaded rows (steps through the engine keep them as they go).
        let sums = try await seconds {
            try await app.fazhi.store.write(on: app.db, .system) { tx in try await FigureSums.rebuild(on: tx.sql) }
        }
        print("bench figure_sums_rebuilt in \(String(format: "%.1f", sums)) s")
        try await (app.db as! any SQLDatabase).raw("ANALYZE").run()
    }

    // MARK: Statistics, search, documents

    static func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
    static func percentile(_ xs: [Double], _ p: Double) -> Double {
        let s = xs.sorted(); return s[min(s.count - 1, Int(Double(s.count) * p))]
    }

    func statistics(_ app: Application, bodies: [(UUID, String)], print: (String) -> Void) async throws {
        let today = app.fazhi.today
        for (name, scope) in [("one_body", Set([bodies[0].0])), ("jurisdiction", Set(bodies.map(\.0)))] {
            var figures: [Double] = [], uses: [Double] = []
            var opened = 0
            for _ in 0..<6 {
                figures.append(
                    try await seconds {
                        let f = try await CaseStatistics.figures(year: 2025, bodies: scope, today: today, on: app.db)
                        opened = f.filter { $0.month == nil }.map(\.opened).reduce(0, +)
                    } * 1000)
                uses.append(
                    try await seconds {
                        _ = try await CaseStatistics.powerItemUse(year: 2025, bodies: scope, today: today, on: app.db)
                    } * 1000)
            }
            let (f, u) = (Self.median(Array(figures.dropFirst())), Self.median(Array(uses.dropFirst())))
            print(
                benchLine("statistics_year_\(name)", f + u, "ms", baseline: 500)
                    + " cases=\(opened) figures=\(String(format: "%.1f", f))ms item_use=\(String(format: "%.1f", u))ms")
        }
    }

    func search(_ app: Application, bodies: [(UUID, String)], queries n: Int, print: (String) -> Void) async throws {
        var rng = SplitMix(state: 7)
        var times: [Double] = []
        var hits = 0
        for i in 0..<n {
            let word = Self.queryWords[Int(rng.next() % UInt64(Self.queryWords.count))]
            var q = Publications.Query(text: word)
            if i % 3 == 1 { q.body = bodies[Int(rng.next() % UInt64(bodies.count))].0 }
            if i % 3 == 2 {
                q.from = CivilDate(year: 2025, month: 1 + Int(rng.next() % 12), day: 1); q.to = q.from!.adding(days: 30)
            }
            times.append(
                try await seconds { hits += try await Publications.search(q, countUpTo: 1000, on: app.db).total } * 1000
            )
        }
        // As the portal page asks: 50 rows, the total counted to 1,000+.
        print(benchLine("decision_search_p50", Self.percentile(times, 0.5), "ms", baseline: 50))
        print(
            benchLine("decision_search_p95", Self.percentile(times, 0.95), "ms", baseline: 50)
                + " mean_hits=\(hits / max(1, n))")
    }

    func documents(_ app: Application, count n: Int, print: (String) -> Void) async throws {
        guard
            let row = try await (app.db as! any SQLDatabase).raw(
                "SELECT id FROM cases WHERE number NOT LIKE '基准%' AND decided_on IS NOT NULL AND procedure = \(bind: PenaltyOrdinaryProcedure.id) LIMIT 1"
            ).first(),
            let c = try await CaseStore.load(try row.decode(column: "id", as: UUID.self), on: app.db)
        else { throw CommandFailure("没有已作出决定的案件") }
        let ctx = DocumentContext(
            bodyName: "清河县市场监督管理局", caseNumber: c.number, reconsiderationBody: "清河县人民政府", court: "清河县人民法院")
        let step = c.file.steps.lastIndex { $0.action == "decide" }
        var bytes = 0
        let t = try await seconds {
            for _ in 0..<n {
                let text = CaseDocuments.text(.penaltyDecision, file: c.file, step: step, context: ctx)
                bytes += try DocxWriter.write(CaseDocumentsController.word(text, seal: SealImage.defaultPNG)).count
            }
        }
        print(
            benchLine("docx_penalty_decision", Double(n) / t, "docs/s", baseline: 200) + " bytes=\(bytes / max(1, n))")
    }
}

extension Array {
    func chunkedArrays(_ n: Int) -> [[Element]] {
        stride(from: 0, to: count, by: n).map { Array(self[$0..<Swift.min($0 + n, count)]) }
    }
}
