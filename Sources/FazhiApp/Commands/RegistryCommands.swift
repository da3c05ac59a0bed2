import FazhiCore
import FazhiOffice
import FazhiStore
import Fluent
import Foundation
import SQLKit
import Vapor

/// `fazhi import officers|power-list|benchmarks FILE [--valid-rows] [--check]`: checks every row, prints the report
/// (row, column, problem), and imports all rows, none, or only the valid ones. A progress bar for large files.
struct ImportCommand: AsyncCommand {
    let kind: String
    struct Signature: CommandSignature {
        @Argument(name: "file", help: ".xlsx 或 .csv 文件") var file: String
        @Flag(name: "valid-rows", help: "有错误行时只导入无误的行（默认全部不导入）") var validRows: Bool
        @Flag(name: "check", help: "只检查，不导入") var check: Bool
    }
    var help: String { "从 Excel/CSV 导入（先检查每一行，有错误时默认全部不导入）" }

    static func cells(_ path: String) throws -> [[String]] {
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure("无法读取文件：\(path)") }
        do { return try Tabular.rows(data, filename: path) } catch let e as SpreadsheetError {
            throw CommandFailure(e.description)
        }
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await openStore(app)
        // Read in a function of its own so the file's bytes are freed before the rows are checked and written.
        let cells = try Self.cells(signature.file)
        let mode: ImportMode = signature.check ? .check : (signature.validRows ? .validRows : .all)
        let bar = ProgressBar(total: max(0, cells.count - 1), label: "导入", console: context.console)
        let progress: RegistryImporter.Progress = { done, _ in bar.update(done) }
        let ctx = ChangeContext.system
        let report: ImportReport
        switch kind {
        case "officers":
            report = try await RegistryImporter.officers(
                consume cells, mode: mode, allowed: nil, store: app.fazhi.store, context: ctx, on: app.db,
                progress: progress)
        case "power-list":
            report = try await RegistryImporter.powerList(
                consume cells, mode: mode, allowed: nil, store: app.fazhi.store, context: ctx, on: app.db,
                progress: progress)
        default:
            report = try await RegistryImporter.benchmarks(
                cells, mode: mode, store: app.fazhi.store, context: ctx, on: app.db, progress: progress)
        }
        bar.finish()
        for p in report.problems.prefix(200) { context.console.print("第\(p.row)行 [\(p.column)] \(p.message)") }
        if report.problems.count > 200 { context.console.print("……另有 \(report.problems.count - 200) 个问题") }
        context.console.print("共 \(report.rows) 行；导入 \(report.imported)；有问题的行 \(report.badRows)。")
        // For `bench registries`, which runs this command as a child and cannot see its peak memory from outside.
        if ProcessInfo.processInfo.environment["FAZHI_BENCH_REPORT_RSS"] == "1" {
            context.console.print("bench-peak-rss-mb=\(String(format: "%.0f", BenchRegistriesCommand.peakRSSMB()))")
        }
        if !report.problems.isEmpty && report.imported == 0 && mode != .check {
            throw CommandFailure("文件有错误，未导入任何数据。修正后重试，或加 --valid-rows 只导入无误的行。")
        }
    }
}

/// `fazhi export officers|power-list|benchmarks FILE` (.xlsx or .csv by the file name).
struct ExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "kind", help: "officers、power-list 或 benchmarks") var kind: String
        @Argument(name: "file", help: "输出文件（.xlsx 或 .csv）") var file: String
        @Option(name: "date", help: "权责清单的截至日期（默认今天）") var date: String?
    }
    var help: String { "导出执法人员、权责清单或裁量基准" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await openStore(app)
        let today = app.fazhi.today
        let rows: [[String]]
        switch signature.kind {
        case "officers":
            rows = RegistryTables.officers(
                try await Officers.list(bodies: nil, year: today.year, on: app.db), year: today.year,
                withPersonalData: true)
        case "power-list":
            guard let d = signature.date.map({ CivilDate(iso: $0) }) ?? today else {
                throw CommandFailure("日期格式应为 YYYY-MM-DD")
            }
            rows = try RegistryTables.powers(try await PowerListStore.list(on: d, on: app.db).rows)
        case "benchmarks": rows = try RegistryTables.benchmarks(try await Benchmarks.current(on: app.db))
        default: throw CommandFailure("导出内容应为 officers、power-list 或 benchmarks")
        }
        let data =
            signature.file.lowercased().hasSuffix(".csv")
            ? CSV.write(rows) : try XLSXWriter.write([.init(name: signature.kind, rows: rows)])
        guard FileManager.default.createFile(atPath: signature.file, contents: data) else {
            throw CommandFailure("无法写入 \(signature.file)")
        }
        context.console.print("已导出 \(rows.count - 1) 行到 \(signature.file)")
    }
}

/// `fazhi bench registries`: import 100,000 officers and 50,000 list items from .xlsx (rows/s, peak RSS), search
/// them with 2- and 4-character queries (p50/p95), and the list as of dates over 10 years of adjustments.
struct BenchRegistriesCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "officers", help: "执法人员行数（默认 100000）") var officers: Int?
        @Option(name: "items", help: "清单事项行数（默认 50000）") var items: Int?
        @Option(name: "queries", help: "每种查询次数（默认 200）") var queries: Int?
        @Option(name: "keep", help: "把生成的工作簿保存到该目录（便于单独重现导入）") var keep: String?
    }
    var help: String { "登记簿：导入、检索、按日期查清单的速度与内存" }

    /// A valid, distinct ID number for row `i`: birth dates walk through 1960–1999 and the sequence number takes the
    /// rest (the demo generator repeats after a few thousand, which a 100,000-row file would exhaust).
    static func uniqueIDNumber(_ i: Int) -> String {
        let days = 14_600, birth = CivilDate(dayNumber: CivilDate(year: 1960, month: 1, day: 1)!.dayNumber + i % days)
        let seq = 100 + (i / days) * 2 + (i % 2 == 0 ? 1 : 0)  // odd = male, as the row's gender
        return PersonalData.idNumber(
            first17: String(format: "339901%04d%02d%02d%03d", birth.year, birth.month, birth.day, seq))
    }

    /// Runs this binary with `arguments` (same environment, so the same database); returns seconds and the child's
    /// peak RSS in MB, as the child reports it (getrusage of children would count the forked copy of this process).
    static func runChild(_ arguments: [String]) throws -> (Double, Double) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["FAZHI_BENCH_REPORT_RSS"] = "1"
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        let start = Date()
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let t = Date().timeIntervalSince(start)
        let text = String(decoding: data, as: UTF8.self)
        guard p.terminationStatus == 0 else {
            throw CommandFailure(
                "fazhi \(arguments.joined(separator: " ")) exited \(p.terminationStatus): \(text.suffix(500))")
        }
        guard text.contains("导入 "),
            let line = text.split(separator: "\n").last(where: { $0.hasPrefix("bench-peak-rss-mb=") })
        else {
            throw CommandFailure("fazhi \(arguments.joined(separator: " ")) did not import: \(text.suffix(500))")
        }
        return (t, Double(line.dropFirst("bench-peak-rss-mb=".count)) ?? 0)
    }

    static func peakRSSMB() -> Double {
        guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = s.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        return Double(line.split(separator: " ").dropFirst().first.map(String.init) ?? "0").map { $0 / 1024 } ?? 0
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await openStore(app)
        let nOff = signature.officers ?? 100_000, nItems = signature.items ?? 50_000, nq = signature.queries ?? 200
        let print = { (s: String) in context.console.print(s) }
        print("bench machine \(ProcessInfo.processInfo.activeProcessorCount) cores, db=\(app.fazhi.store.target)")
        // A body to import into.
        let orgID: UUID = try await app.fazhi.store.write(on: app.db, .system) { tx in
            if try await RegionRecord.find("339901", on: tx.db) == nil {
                _ = try await Directory.createRegion(.init(code: "339901", name: "清河县", parentCode: nil), in: tx)
            }
            let o = try await Directory.createOrganisation(
                .init(name: "基准测试局\(UUID().uuidString.prefix(6))", uscc: nil, regionCode: "339901", parentID: nil),
                in: tx)
            try await EnforcementBodies.save(
                EnforcementBody(
                    organisationID: o.id!, kind: .statutory, entrustingOrganisationID: nil, legalBasis: "基准",
                    scope: "综合",
                    confirmedOn: CivilDate(year: 2020, month: 1, day: 1)!, announcementDocument: "基准〔2020〕1号"), in: tx)
            return o.id!
        }
        let bodyName = try await Directory.organisation(orgID, on: app.db)!.name
        let words = Array("食品安全生产经营许可消防道路运输城市管理环境保护药品医疗卫生建筑工程市场价格广告文化旅游农业水利林业教育劳动保障")
        func phrase(_ i: Int, _ len: Int) -> String { String((0..<len).map { words[(i * 31 + $0 * 7) % words.count] }) }

        // Officers workbook.
        var offRows = [RegistryTemplates.officers.headers]
        offRows.reserveCapacity(nOff + 1)
        for i in 0..<nOff {
            offRows.append([
                String(DemoRegistries.surnames[i % DemoRegistries.surnames.count]) + phrase(i, 2),
                i % 2 == 0 ? "男" : "女", Self.uniqueIDNumber(i), bodyName, "执法队员",
                String(format: "BM%09d", i), "综合", "清河县", "2024-01-01", "2029-01-01", "在岗", "否", "", "80", "2026", "60",
            ])
        }
        let offXLSX = try XLSXWriter.write([.init(name: "执法人员", rows: offRows)])
        offRows = []
        var itemRows = [RegistryTemplates.powerList.headers]
        for i in 0..<nItems {
            let t = PowerType.allCases[i % PowerType.allCases.count]
            itemRows.append([
                String(format: "339901-%@-%05d", t.codeLetters, i / PowerType.allCases.count + 1),
                "对\(phrase(i, 6))的\(t.chineseName)", t.chineseName, "", "《\(phrase(i + 3, 4))法》",
                "第\(i % 90 + 1)条", "", bodyName, "受理、审查、决定", "", "", "12345", "新增", "2016-01-01", "清单梳理",
                "清政办发〔2016〕1号", "县政府",
            ])
        }
        let itemXLSX = try XLSXWriter.write([.init(name: "权责清单", rows: itemRows)])
        itemRows = []

        // The imports run as a user runs them — `fazhi import KIND FILE` in its own process — so the rate includes
        // reading the file, and the peak RSS is the importing process's alone (not this generator's).
        let dir =
            signature.keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent(
                "fazhi-bench-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { if signature.keep == nil { try? FileManager.default.removeItem(at: dir) } }
        let offFile = dir.appendingPathComponent("officers.xlsx").path,
            itemFile = dir.appendingPathComponent("power-list.xlsx").path
        try offXLSX.write(to: URL(fileURLWithPath: offFile)); try itemXLSX.write(to: URL(fileURLWithPath: itemFile))
        var peak = 0.0
        for (kind, file, n) in [("officers", offFile, nOff), ("power-list", itemFile, nItems)] {
            let (t, rss) = try Self.runChild(["import", kind, file])
            peak = max(peak, rss)
            print(benchLine("registries.import.\(kind)", Double(n) / t, "rows/s", baseline: 20000))
        }
        print("bench registries.import.peak-rss \(String(format: "%.0f", peak)) MB (importing process) goal<=300")

        // 10 years of adjustments: an amendment per item per year for a tenth of the items.
        let adjT = try await seconds {
            try await app.fazhi.store.write(on: app.db, .system) { tx in
                let sql = tx.sql
                let rows = try await sql.raw(
                    "SELECT id, code, content FROM power_items ORDER BY code LIMIT \(literal: nItems / 10)"
                ).all()
                var batch: [(UUID, PowerAdjustment, Bool)] = []
                for r in rows {
                    let id = try r.decode(column: "id", as: UUID.self)
                    var c = try JSONDecoder().decode(
                        PowerItemContent.self, from: Data(try r.decode(column: "content", as: String.self).utf8))
                    for y in 2017...2026 {
                        c.responsibilities = "受理、审查、决定（\(y)年修订）"
                        batch.append(
                            (
                                id,
                                PowerAdjustment(
                                    kind: y == 2026 && batch.count % 3 == 0 ? .cancel : .amend,
                                    effectiveOn: CivilDate(year: y, month: 3, day: 1)!, sequence: y - 2015,
                                    reason: "年度调整", approvalDocument: "清政办发〔\(y)〕1号", approver: "县政府", content: c),
                                false
                            ))
                    }
                }
                // Sealed like any write (through the transaction): `record verify` on a bench database then passes.
                try await PowerListStore.write(batch, in: tx)
            }
        }
        print("bench registries.adjustments.write \(nItems / 10 * 10) rows in \(String(format: "%.1f", adjT)) s")

        func percentiles(_ xs: [Double]) -> (Double, Double) {
            let s = xs.sorted(); return (s[s.count / 2] * 1000, s[min(s.count - 1, Int(Double(s.count) * 0.95))] * 1000)
        }
        for (label, len) in [("2char", 2), ("4char", 4)] {
            var times: [Double] = [], hits = 0
            for i in 0..<nq {
                let q = phrase(i * 13, len)
                times.append(
                    try await seconds {
                        hits += try await PowerListStore.list(
                            on: CivilDate(year: 2026, month: 1, day: 1)!, .init(query: q), limit: 100, countUpTo: 1_001,
                            on: app.db
                        ).total
                    })
            }
            let (p50, p95) = percentiles(times)
            print(
                "bench registries.search.\(label) (portal page: 100 rows, total counted to 1,000+) p50=\(String(format: "%.1f", p50))ms p95=\(String(format: "%.1f", p95))ms goal_p95<=30ms"
            )
            times = []; hits = 0
            for i in 0..<nq {
                let q = phrase(i * 13, len)
                times.append(
                    try await seconds {
                        hits += try await PowerListStore.list(
                            on: CivilDate(year: 2026, month: 1, day: 1)!, .init(query: q), limit: 100, on: app.db
                        ).total
                    })
            }
            let (e50, e95) = percentiles(times)
            print(
                "bench registries.search.\(label).exact-total p50=\(String(format: "%.1f", e50))ms p95=\(String(format: "%.1f", e95))ms avg_hits=\(hits / nq)"
            )
            times = []
            for i in 0..<nq {
                let q = phrase(i * 17, len)
                times.append(
                    try await seconds {
                        _ = try await Officers.list(bodies: nil, query: q, year: 2026, limit: 50, on: app.db)
                    })
            }
            let (o50, o95) = percentiles(times)
            print(
                "bench registries.search.officers.\(label) p50=\(String(format: "%.1f", o50))ms p95=\(String(format: "%.1f", o95))ms"
            )
        }
        var asOf: [Double] = []
        for y in 2016...2026 {
            asOf.append(
                try await seconds {
                    _ = try await PowerListStore.list(on: CivilDate(year: y, month: 6, day: 1)!, limit: 100, on: app.db)
                })
        }
        let (a50, a95) = percentiles(asOf)
        print(
            "bench registries.as-of-date page(100) over \(nItems) items + 10y adjustments p50=\(String(format: "%.0f", a50))ms p95=\(String(format: "%.0f", a95))ms"
        )
        let diffT = try await seconds {
            _ = try await PowerListStore.diff(
                from: CivilDate(year: 2018, month: 1, day: 1)!, to: CivilDate(year: 2026, month: 6, day: 1)!, on: app.db
            )
        }
        print(
            "bench registries.diff full list 2018→2026 \(String(format: "%.0f", diffT * 1000))ms; peak RSS \(String(format: "%.0f", Self.peakRSSMB())) MB"
        )
    }
}
