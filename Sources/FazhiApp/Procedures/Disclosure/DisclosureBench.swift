import FazhiCore
import FazhiStore
import Foundation
import SQLKit
import Vapor

/// `fazhi bench disclosure`: 1,000,000 政府信息公开 requests over 200 bodies, each made by the engine (every gate checked,
/// every working-day period computed) and loaded with its deadlines and kept figures (the 复议 bench's loader); then
/// - the 待办 sweep: every request whose answer (or correction, or consultation) falls due from today to 3 working days
///   ahead, and every one already overdue in the last 30 days, over all bodies (goal ≤ 200 ms);
/// - the year's figures over all bodies (goal ≤ 300 ms) and one body's yearly report table from its case files.
struct DisclosureBench: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "requests", help: "政府信息公开申请数（默认 1000000）") var requests: Int?
        @Option(name: "runs", help: "每项计时的次数（默认 20）") var runs: Int?
        @Flag(name: "reuse", help: "沿用上次生成的数据，只测待办扫描和统计") var reuse: Bool
    }
    var help: String { "政府信息公开：待办（期限）扫描、年度统计与年报" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await openStore(app)
        _ = try await DemoData.loadIfEmpty(app)
        let print = { (s: String) in context.console.print(s) }
        print("bench machine \(ProcessInfo.processInfo.activeProcessorCount) cores, db=\(app.fazhi.store.target)")
        let loader = BenchDisputesCommand()
        let sql = app.db as! any SQLDatabase
        var bodies = try await loader.benchOrganisations(sql, like: "基准%公开办")
        if !signature.reuse || bodies.isEmpty {
            bodies = try await loader.makeOrganisations(app, names: (1...200).map { "基准第\($0)机关公开办" })
            try await loader.load(
                app, def: app.fazhi.procedures.current(DisclosureProcedure.id)!, count: signature.requests ?? 1_000_000,
                bodies: bodies, role: .disclosureStaff, scenario: Self.steps, console: context.console, print: print)
            try await sql.raw("ANALYZE").run()
        } else {
            print("bench reusing \(bodies.count) bodies")
        }
        try await measure(app, bodies: bodies, runs: signature.runs ?? 20, print: print)
    }

    /// How a request goes, by roll: mostly answered in 5–18 days, some corrected, consulted or extended first; the
    /// last weeks' requests are still open.
    static func steps(
        _ rng: inout BenchCasesCommand.SplitMix, received: CivilDate, age: Int
    ) -> [BenchDisputesCommand.Step] {
        typealias S = DisclosureProcedure.Step
        let kinds = Disclosure.applicantKinds
        let register: [String: FactValue] = [
            "channel": .text("registered_post"), "applicantName": .text("申请人\(rng.next() % 9973)"),
            "applicantKind": .text(
                rng.next() % 10 < 7 ? "citizen" : kinds[Int(rng.next() % UInt64(kinds.count))].value),
            "applicantIDNumber": .text("11010519491231002X"), "applicantPhone": .text("13857100000"),
            "applicantAddress": .text("清河县"), "informationDescription": .text("某项政府信息"),
            "requestedForm": .text("electronic"), "delivery": .text("email"), "receivedOn": .date(received),
            "applicantEmail": .text("applicant@example.cn"),
        ]
        var steps: [BenchDisputesCommand.Step] = [(S.register, 0, register)]
        let roll = rng.next() % 100
        if roll < 4 {
            steps.append(
                (S.requestCorrection, 2, ["correctionItems": .list(["请明确信息名称"]), "correctionWorkdays": .number(10)]))
            if age < 12 { return steps }
            steps.append(
                (S.receiveCorrection, 8, ["correctionReceivedOn": .bool(true), "correctionSummary": .text("已补正")]))
        } else if roll < 7 {
            steps.append(
                (
                    S.extend, 10,
                    [
                        "extensionWorkdays": .number(10), "extensionReason": .text("需调档"),
                        "extensionApprovedBy": .text("负责人"), "applicantNotified": .bool(true),
                    ]
                ))
        }
        if age < 20 { return steps }
        let answer: [String: FactValue] =
            switch roll % 10 {
            case 0: ["answerType": .text("withheld"), "answerGround": .text("process"), "answerReason": .text("过程性信息")]
            case 1:
                ["answerType": .text("unavailable"), "answerGround": .text("not_exist"), "answerReason": .text("不掌握")]
            case 2:
                ["answerType": .text("not_handled"), "answerGround": .text("repeated"), "answerReason": .text("重复申请")]
            case 3:
                [
                    "answerType": .text("partial"), "answerGround": .text("third_party"), "answerReason": .text("商业秘密"),
                    "informationProvided": .text("其余部分"), "withheldParts": .text("配方"),
                ]
            case 4:
                [
                    "answerType": .text("disclosed"), "answerGround": .text("already_public"),
                    "informationProvided": .text("门户网站"),
                ]
            default:
                [
                    "answerType": .text("disclosed"), "answerGround": .text("provided"),
                    "informationProvided": .text("已提供"),
                ]
            }
        return steps + [(S.answer, 14 + Int(rng.next() % 5), answer)]
    }

    func measure(_ app: Application, bodies: [UUID], runs: Int, print: (String) -> Void) async throws {
        let db = app.db, def = app.fazhi.procedures.current(DisclosureProcedure.id)!
        let everyone = Set(try await OrganisationRecord.query(on: db).all().compactMap(\.id)).union(bodies)
        func timed(_ body: () async throws -> Void) async throws -> (p50: Double, max: Double) {
            var xs: [Double] = []
            for _ in 0..<(runs + 1) { xs.append(try await seconds { try await body() } * 1000) }
            xs.removeFirst()  // the first warms the caches
            return (BenchCasesCommand.median(xs), xs.max() ?? 0)
        }
        let today = app.fazhi.today
        let through = try app.fazhi.deadlines.due(from: today, days: 3, unit: .workday)
        var found = 0
        let sweep = try await timed {
            found = try await CaseStore.dueWithin(
                bodies: everyone, from: today.adding(days: -30), through: through, procedures: [def.id], on: db
            ).count
        }
        print(
            benchLine("disclosure_todo_sweep", sweep.p50, "ms", baseline: 200)
                + " max=\(String(format: "%.1f", sweep.max))ms due=\(found) window=\(today.adding(days: -30))..\(through)"
        )
        var summary = ""
        let year = try await timed {
            let t = try await YearFigures.tally(def, year: 2025, bodies: everyone, on: db)!
            summary = "received=\(t.count("received")) onTime=\(FigureTally.percent(t.rate("onTimeRate")))"
        }
        print(benchLine("disclosure_statistics_year", year.p50, "ms", baseline: 300) + " \(summary)")
        if let one = bodies.first {
            var rows = 0
            let report = try await timed {
                let files = try await CaseStore.filesOpenDuring(
                    procedure: def.id, bodies: [one], year: 2025, on: db
                ).map(\.file)
                rows = DisclosureYearReport(year: 2025, files: files).row("一、")?.total ?? 0
            }
            print(benchLine("disclosure_year_report_one_body", report.p50, "ms", baseline: 1000) + " new=\(rows)")
        }
    }
}
