import FazhiCore
import FazhiOffice
import FazhiStore
import Foundation
import SQLKit
import Vapor

/// `fazhi bench report`: a province-sized database — 1,000,000 cases under one 省人民政府 (enforcement cases as rows,
/// 复议 and 调解 made by the procedure engine) — and the province's 年度报告 drafted for a year from every module's
/// figure sets and the year before, then written as .docx (goal ≤ 5 s). The baseline, in the same run, is one scan
/// counting every case of the year by procedure: the least any report that reads the cases themselves would cost.
struct AnnualReportBench: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "enforcement", help: "执法案件数（默认 700000）") var enforcement: Int?
        @Option(name: "reconsideration", help: "行政复议案件数（默认 50000）") var reconsideration: Int?
        @Option(name: "disputes", help: "调解案件数（默认 250000）") var disputes: Int?
        @Option(name: "runs", help: "计时次数（默认 5）") var runs: Int?
        @Flag(name: "reuse", help: "沿用上次生成的省，只测报告") var reuse: Bool
    }
    var help: String { "年度法治政府建设情况报告：全省（100万件案件）起草并生成 Word 文稿" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await openStore(app)
        _ = try await DemoData.loadIfEmpty(app)
        let print = { (s: String) in context.console.print(s) }
        print("bench machine \(ProcessInfo.processInfo.activeProcessorCount) cores, db=\(app.fazhi.store.target)")
        let sql = app.db as! any SQLDatabase
        var province = try await sql.raw(
            "SELECT id FROM organisations WHERE name LIKE '基准%省人民政府' ORDER BY name LIMIT 1"
        ).first()?.decode(column: "id", as: UUID.self)
        if !signature.reuse || province == nil {
            province = try await loadProvince(app, signature, console: context.console, print: print)
        }
        guard let province else { throw CommandFailure("没有生成的省") }
        try await measure(app, province: province, runs: signature.runs ?? 5, print: print)
    }

    /// The province: its government, 100 enforcement bodies, 20 复议 offices and 100 调解 organisations under it.
    func loadProvince(
        _ app: Application, _ signature: Signature, console: any Console, print: (String) -> Void
    ) async throws -> UUID {
        let run = UUID().uuidString.prefix(4)
        let (root, bodies, offices, committees) = try await app.fazhi.store.write(on: app.db, .system) { tx in
            if try await RegionRecord.find("339901", on: tx.db) == nil {
                _ = try await Directory.createRegion(.init(code: "339901", name: "清河县", parentCode: nil), in: tx)
            }
            func make(_ name: String, parent: UUID?) async throws -> UUID {
                try await Directory.createOrganisation(
                    .init(name: name, uscc: nil, regionCode: "339901", parentID: parent), in: tx
                ).id!
            }
            let root = try await make("基准\(run)省人民政府", parent: nil)
            var bodies: [(UUID, String)] = []
            for i in 1...100 {
                let name = "基准\(run)第\(i)执法局"
                let id = try await make(name, parent: root)
                try await EnforcementBodies.save(
                    EnforcementBody(
                        organisationID: id, kind: .statutory, entrustingOrganisationID: nil, legalBasis: "基准",
                        scope: "综合", confirmedOn: CivilDate(year: 2020, month: 1, day: 1)!,
                        announcementDocument: "基准〔2020〕\(i)号"), in: tx)
                bodies.append((id, name))
            }
            var offices: [UUID] = [], committees: [UUID] = []
            for i in 1...20 { offices.append(try await make("基准\(run)第\(i)复议办", parent: root)) }
            for i in 1...100 { committees.append(try await make("基准\(run)第\(i)调解委员会", parent: root)) }
            return (root, bodies, offices, committees)
        }
        try await BenchCasesCommand().load(
            app, cases: signature.enforcement ?? 700_000, bodies: bodies, console: console, print: print)
        try await BenchDisputesCommand().loadDisputes(
            app, reconsideration: signature.reconsideration ?? 50_000, disputes: signature.disputes ?? 250_000,
            offices: offices, committees: committees, console: console, print: print)
        try await (app.db as! any SQLDatabase).raw("ANALYZE").run()
        return root
    }

    func measure(_ app: Application, province: UUID, runs: Int, print: (String) -> Void) async throws {
        let sql = app.db as! any SQLDatabase
        let year = 2025
        let user = AuthUser(
            id: UUID(), username: "bench", displayName: "基准司法厅", organisationID: province,
            grants: [RoleGrant(role: .supervisor, organisationID: province)],
            policy: AccessPolicy(tree: try await Directory.tree(on: app.db)), viaToken: false)
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM cases").first()!.decode(column: "n", as: Int.self)
        print("bench cases in the database: \(total); province bodies: \(user.readable.count)")
        var baseline: [Double] = [], report: [Double] = []
        var figures = 0, bytes = 0
        for _ in 0..<max(1, runs) {
            baseline.append(
                try await seconds {
                    _ = try await sql.raw(
                        """
                        SELECT procedure, COUNT(*) AS n FROM cases WHERE opened_on >= '\(unsafeRaw: String(year))-01-01'
                        AND opened_on <= '\(unsafeRaw: String(year))-12-31' GROUP BY procedure
                        """
                    ).all()
                })
            report.append(
                try await seconds {
                    let req = Request(
                        application: app, method: .GET, url: "/console/annual-report", on: app.eventLoopGroup.any())
                    let q = try await AnnualReportPage.Query.fetch(req, user: user, unit: province, year: year)
                    let model = AnnualReportPage.Model(q, csrf: "")
                    let data = try DocxWriter.write(WordDocument(AnnualReportPage.View(model: model).document()))
                    figures = q.draft.figures.count; bytes = data.count
                })
        }
        // Where the time goes: each figure set the report reads, for the year and the year before.
        let req = Request(application: app, method: .GET, url: "/console/annual-report", on: app.eventLoopGroup.any())
        let scope = user.policy.tree.subtree(of: province).intersection(user.readable)
        var bySet: [(String, Double)] = []
        let wanted = Set(AppModules.all.flatMap(\.report).map(\.set))
        for set in StatisticsAPI.sets(app.fazhi.procedures) where wanted.contains(set.id) {
            bySet.append(
                (set.id, try await seconds { for y in [year, year - 1] { _ = try await set.compute(req, y, scope) } }))
        }
        for (id, s) in bySet.sorted(by: { $0.1 > $1.1 }).prefix(6) {
            print("bench report_set \(id) \(String(format: "%.0f", s * 1000)) ms (two years)")
        }
        let r = BenchCasesCommand.median(report), b = BenchCasesCommand.median(baseline)
        print("bench report figures=\(figures) docx=\(bytes) bytes")
        print(
            "bench report \(String(format: "%.0f", r * 1000)) ms baseline=\(String(format: "%.0f", b * 1000)) ms (one scan counting the year's cases) ratio=\(String(format: "%.2f", b / r)) goal ≤ 5000 ms"
        )
    }
}
