import FazhiCore
import FazhiStore
import Foundation
import SQLKit
import Vapor

/// `fazhi bench documents`: 100,000 规范性文件 over 20 issuers brought in by the legacy import's own path (every row
/// checked by the engine, written with its record entries, deadlines, figures, library row and text index), a share of
/// them then amended through the whole procedure (a second version of the text); then
/// - import speed (rows per second; goal ≥ 20,000),
/// - the 文件库 search by a word of the text (p95; goal ≤ 30 ms),
/// - the list of documents in force on a day (p95; goal ≤ 30 ms), and one document's text in force on a day.
struct NormativeBench: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "documents", help: "文件数（默认 100000）") var documents: Int?
        @Option(name: "amended", help: "其中经修改（第二个版本）的文件数（默认 1000）") var amended: Int?
        @Option(name: "runs", help: "每项计时的次数（默认 200）") var runs: Int?
        @Flag(name: "reuse", help: "沿用上次生成的文件，只测检索") var reuse: Bool
    }
    var help: String { "规范性文件：导入速度、文件库检索、某日现行有效文件和文本" }

    static let words = [
        "市场", "监管", "食品", "安全", "药品", "环境", "保护", "交通", "运输", "建筑", "施工", "消防", "卫生", "教育", "农业", "林业", "水利", "文化",
        "旅游", "体育", "城市", "规划", "住房", "保障", "民政", "救助", "养老", "医疗", "保险", "就业", "创业", "企业", "税收", "财政", "资金", "补贴",
        "审批", "许可", "备案", "检查", "公示", "信息", "数据", "网络", "广告", "价格", "质量", "计量", "标准", "特种", "设备", "烟花", "爆竹", "燃气",
        "供水", "排水", "垃圾", "分类", "物业", "停车", "殡葬", "档案", "统计", "审计", "应急", "防汛", "地质", "矿产", "渔业", "畜牧", "兽医", "种子",
        "化肥", "农药", "粮食", "储备", "电力", "能源", "节能", "通信", "邮政", "气象", "地震", "人防", "退役", "军人", "妇女", "儿童", "慈善", "志愿",
        "社区", "村民", "居民", "乡镇", "街道", "园区", "招商", "投资", "外贸", "口岸", "专利", "商标", "科技", "人才", "引进", "奖励", "湿地", "森林",
        "草原", "河道", "湖泊", "水库", "桥梁", "隧道", "铁路", "机场",
    ]

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await openStore(app)
        _ = try await DemoData.loadIfEmpty(app)
        let print = { (s: String) in context.console.print(s) }
        print("bench machine \(ProcessInfo.processInfo.activeProcessorCount) cores, db=\(app.fazhi.store.target)")
        let n = signature.documents ?? 100_000
        var rng = BenchCasesCommand.SplitMix(state: 20_261_130)
        let sql = app.db as! any SQLDatabase
        if signature.reuse {
            let amended = try await sql.raw(
                "SELECT case_id FROM normative_documents WHERE number LIKE '基准规%' AND amended_on IS NOT NULL"
            ).all().map { try $0.decode(column: "case_id", as: UUID.self) }
            print("bench reusing the documents (\(amended.count) amended)")
            try await measure(app, runs: signature.runs ?? 200, amended: amended, print: print, rng: &rng)
            return
        }
        let bodies = try await BenchDisputesCommand().makeOrganisations(
            app, names: (1...20).map { "基准第\($0)局" })
        let def = app.fazhi.procedures.current(NormativeProcedure.id)!
        let actor = ProcedureActor(id: UUID(), name: "基准法制机构", roles: [.head, .legalReviewer])
        let today = app.fazhi.today, calendar = app.fazhi.deadlines, settings = app.fazhi.procedures.settings
        var imported = 0
        let perBatch = 5_000
        let importSeconds = try await seconds {
            while imported < n {
                let k = min(perBatch, n - imported), body = bodies[(imported / perBatch) % bodies.count]
                let rows = (imported..<(imported + k)).map { Self.row($0, &rng, today: today) }
                _ = try await app.fazhi.store.write(on: app.db, .system) { tx in
                    try await CaseImport.importMany(
                        def, action: NormativeProcedure.Step.registerExisting, bodyID: body, rows: rows, actor: actor,
                        date: today, today: today, calendar: calendar, settings: settings, in: tx)
                }
                imported += k
            }
        }
        let rate = Double(n) / importSeconds
        print(benchLine("documents_import_rows_per_s", rate, "rows/s", baseline: 20_000) + " rows=\(n)")
        let amended = try await amend(app, count: min(signature.amended ?? 1_000, n), today: today, print: print)
        try await sql.raw("ANALYZE").run()
        try await measure(app, runs: signature.runs ?? 200, amended: amended, print: print, rng: &rng)
    }

    /// One legacy document: a title and eight articles from the vocabulary, signed 2008–2026.
    static func row(_ i: Int, _ rng: inout BenchCasesCommand.SplitMix, today: CivilDate) -> Facts {
        func word() -> String { words[Int(rng.next() % UInt64(words.count))] }
        let signed = CivilDate(year: 2008, month: 1, day: 2)!.adding(days: Int(rng.next() % 6_800))
        let published = min(today, signed.adding(days: Int(rng.next() % 20)))
        let effective = published.adding(days: Int(rng.next() % 30))
        let articles = (1...8).map { a in
            "\(PublicConsultation.articleName(a)) \(word())\(word())工作应当依照有关\(word())\(word())的规定执行，加强\(word())管理。"
        }
        var f = Facts()
        f[NormativeFact.title] = "清河县\(word())\(word())管理办法（第\(i + 1)号）"
        f[NormativeFact.documentKind] = "measures"
        f[NormativeFact.documentNumber] = "基准规〔\(signed.year)〕\(i + 1)号"
        f[NormativeFact.signedOn] = signed
        f[NormativeFact.publishedOn] = published
        f[NormativeFact.effectiveOn] = effective
        if rng.next() % 4 == 0 { f[NormativeFact.validUntil] = effective.adding(days: 365 * 3) }
        f[NormativeFact.finalText] = articles.joined(separator: "\n")
        return f
    }

    /// Amends documents in force through the whole procedure (修改 → 审核 → 审议 → 签发 → 公布): a second text version.
    func amend(_ app: Application, count: Int, today: CivilDate, print: (String) -> Void) async throws -> [UUID] {
        guard count > 0 else { return [] }
        let sql = app.db as! any SQLDatabase
        let ids = try await sql.raw(
            """
            SELECT case_id FROM normative_documents WHERE number LIKE '基准规%' AND expires_on > \(bind: today.description)
            AND ended_on IS NULL LIMIT \(literal: count)
            """
        ).all().map { try $0.decode(column: "case_id", as: UUID.self) }
        let actor = ProcedureActor(id: UUID(), name: "基准法制机构", roles: [.head, .legalReviewer])
        let catalog = app.fazhi.procedures, calendar = app.fazhi.deadlines
        let t = try await seconds {
            for chunk in ids.chunkedArrays(100) {
                try await app.fazhi.store.write(on: app.db, .system) { tx in
                    for id in chunk {
                        guard var c = try await CaseStore.load(id, on: tx.db) else { continue }
                        let text = (Normative.versions(c.file).last?.text ?? "") + "\n第九条 本办法由县司法局负责解释。"
                        let steps: [(String, [String: FactValue])] = [
                            (
                                NormativeProcedure.Step.startAmendment,
                                [
                                    "amendmentReason": .text("清理"), "draftSummary": .text("增加第九条"),
                                    "draftText": .text(text),
                                ]
                            ),
                            (NormativeProcedure.Step.submitReview, ["reviewingBody": .text("县司法局")]),
                            (
                                NormativeProcedure.Step.passReview,
                                [
                                    "reviewOpinion": .text("legal"), "reviewer": .text("基准"), "reviewText": .text("合法"),
                                    "expeditedReason": .text("基准"),
                                ]
                            ),
                            (
                                NormativeProcedure.Step.deliberate,
                                [
                                    "meetingKind": .text("office"), "meetingOn": .date(today),
                                    "attendees": .list(["甲", "乙", "丙"]),
                                ]
                            ),
                            (
                                NormativeProcedure.Step.issue,
                                ["signer": .text("基准"), "effectiveOn": .date(today), "finalText": .text(text)]
                            ),
                            (NormativeProcedure.Step.publish, ["interpretation": .text("修改解读")]),
                        ]
                        for (action, inputs) in steps {
                            c = try await CaseStore.take(
                                StepRequest(
                                    caseID: id, action: action, expectedVersion: c.file.version, inputs: Facts(inputs),
                                    actor: actor, date: today),
                                catalog: catalog, calendar: calendar, today: today, in: tx
                            ).0
                        }
                    }
                }
            }
        }
        print("bench documents amended=\(ids.count) in \(String(format: "%.1f", t)) s (\(ids.count * 6) steps)")
        return ids
    }

    func measure(
        _ app: Application, runs: Int, amended: [UUID], print: (String) -> Void,
        rng: inout BenchCasesCommand.SplitMix
    ) async throws {
        let db = app.db, today = app.fazhi.today
        func p95(_ body: () async throws -> Void) async throws -> (p50: Double, p95: Double) {
            var xs: [Double] = []
            for _ in 0..<(runs + 1) { xs.append(try await seconds { try await body() } * 1000) }
            xs.removeFirst()
            xs.sort()
            return (BenchCasesCommand.median(xs), xs[min(xs.count - 1, Int(Double(xs.count) * 0.95))])
        }
        var hits = 0
        let search = try await p95 {
            var q = NormativeLibraryStore.Query(day: today)
            q.countUpTo = NormativeLibrary.countCap
            q.text = Self.words[Int(rng.next() % UInt64(Self.words.count))]
            hits += try await NormativeLibraryStore.search(q, on: db).total
        }
        print(
            benchLine("documents_search_p95", search.p95, "ms", baseline: 30)
                + " p50=\(String(format: "%.1f", search.p50))ms mean_hits=\(hits / (runs + 1))")
        let first = CivilDate(year: 2010, month: 1, day: 1)!
        var inForce = 0
        let list = try await p95 {
            var q = NormativeLibraryStore.Query(day: first.adding(days: Int(rng.next() % 6_000)))
            q.standing = "现行有效"
            q.countUpTo = NormativeLibrary.countCap
            inForce += try await NormativeLibraryStore.search(q, on: db).total
        }
        print(
            benchLine("documents_in_force_on_day_p95", list.p95, "ms", baseline: 30)
                + " p50=\(String(format: "%.1f", list.p50))ms mean_in_force=\(inForce / (runs + 1))")
        guard !amended.isEmpty else { return }
        var found = 0
        let text = try await p95 {
            let id = amended[Int(rng.next() % UInt64(amended.count))]
            guard let c = try await CaseStore.load(id, on: db) else { return }
            if Normative.textInForce(c.file, on: today) != nil { found += 1 }
        }
        print(
            benchLine("documents_text_on_day_p95", text.p95, "ms", baseline: 30)
                + " p50=\(String(format: "%.1f", text.p50))ms found=\(found)")
    }
}
