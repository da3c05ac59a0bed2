import FazhiCore
import FazhiOffice
import FazhiStore
import Fluent
import Vapor

extension RegistryConsole {
    struct ComputeForm: Content {
        let age: String?; let measureValue: String?; let illegalGains: String?; let goodsValue: String?;
        let minor: String?; let firstViolation: String?
        let noFault: String?; let emergency: String?; let mitigating: [String]?
    }

    static func facts(_ f: ComputeForm) throws -> CaseFacts {
        func num(_ s: String?, _ field: String) throws -> Double? {
            let t = (s ?? "").trimmed
            if t.isEmpty { return nil }
            // Bounded like every number from outside (a 1e300 age once reached `Int(…)`).
            guard let d = Double(t.replacingOccurrences(of: ",", with: "")), d.isFinite,
                InputField.numberRange.contains(d)
            else {
                throw DomainError.invalid(field: field, message: "应为0至1,000,000,000,000之间的数字")
            }
            return d
        }
        return CaseFacts(
            ageAtViolation: try num(f.age, "ageAtViolation").map { Int($0) },
            measureValue: try num(f.measureValue, "measureValue"),
            illegalGains: try num(f.illegalGains, "illegalGains"), goodsValue: try num(f.goodsValue, "goodsValue"),
            minorCorrectedNoHarm: f.minor == "on", firstViolationMinorHarmCorrected: f.firstViolation == "on",
            noSubjectiveFault: f.noFault == "on",
            mitigating: (f.mitigating ?? []).compactMap(MitigatingCircumstance.init(rawValue:)),
            emergencyBreach: f.emergency == "on")
    }

    static func benchmarkPage(_ req: Request, user: AuthUser, code: String, outcome: HTML = "") async throws -> Response
    {
        let versions = try await Benchmarks.versions(code: code, on: req.db)
        guard let cur = versions.last else { throw APIError.notFound("没有该裁量基准") }
        let b = try cur.benchmark()
        return Views.console(
            "裁量基准 \(b.code)", user: user, request: req, active: SitePath.benchmarks.path, flash: Flash.take(req),
            BenchmarkViews.benchmark(
                b, version: cur.version, effectiveOn: cur.effectiveOn, versions: versions.count,
                canRevise: user.mayPublishBenchmarks, outcome: outcome,
                csrf: CSRF.token(for: req)))
    }

    /// Largest spreadsheet accepted by the console (a county's full officer list is well under 5 MB).
    static let uploadLimit = 30 * 1024 * 1024

    static func registerBenchmarksAndImport(_ console: any RoutesBuilder) {
        BenchmarkForm.register(console)
        console.get("benchmarks") { req async throws -> Response in
            let user = try req.requireUser()
            let q = req.query[String.self, at: "q"] ?? ""
            let list = try await Benchmarks.current(query: q, on: req.db)
            return Views.console(
                "裁量基准", user: user, request: req, active: SitePath.benchmarks.path, flash: Flash.take(req),
                BenchmarkViews.list(list, query: q, canPublish: user.mayPublishBenchmarks))
        }
        console.get("benchmarks", ":code") { req async throws -> Response in
            try await benchmarkPage(req, user: try req.requireUser(), code: req.parameters.get("code") ?? "")
        }
        console.post("benchmarks", ":code", "compute") { req async throws -> Response in
            let user = try req.requireUser()
            let code = req.parameters.get("code") ?? ""
            guard let cur = try await Benchmarks.current(code: code, on: req.db) else {
                throw APIError.notFound("没有该裁量基准")
            }
            let f = try req.content.decode(ComputeForm.self)
            var out: HTML
            do {
                let o = try DiscretionCalculator.compute(try cur.benchmark(), facts: try facts(f))
                out = BenchmarkViews.outcome(o)
            } catch let e as DomainError {
                out = Views.flash(Flash.message(for: e, request: req), error: true)
            }
            return try await benchmarkPage(req, user: user, code: code, outcome: out)
        }

        console.get("import") { req async throws -> Response in
            let user = try req.requireUser()
            return Views.console(
                "批量导入与导出", user: user, request: req, active: SitePath.importExport.path, flash: Flash.take(req),
                importForm(req))
        }
        console.on(.POST, "import", body: .collect(maxSize: "30mb")) { req async throws -> Response in
            let user = try req.requireUser()
            let f = try req.content.decode(ImportForm.self)
            guard let file = f.file, file.data.readableBytes > 0 else {
                Flash.set(req, error: "请选择要导入的文件（.xlsx 或 .csv）")
                return req.redirect(to: SitePath.importExport.path)
            }
            let mode = ImportMode(rawValue: f.mode ?? "all") ?? .all
            let cells: [[String]]
            do { cells = try Tabular.rows(Data(file.data.readableBytesView), filename: file.filename) } catch let e
                as SpreadsheetError
            {
                Flash.set(req, error: e.description)
                return req.redirect(to: SitePath.importExport.path)
            }
            let ctx = ChangeContext(actor: user.id.uuidString, organisation: user.organisationID.uuidString)
            let store = req.fazhi.store, now = req.fazhi.now
            let report: ImportReport
            switch f.kind {
            case "officers":
                report = try await RegistryImporter.officers(
                    cells, mode: mode, allowed: user.registryWritable, store: store, context: ctx, now: now, on: req.db)
            case "power-list":
                report = try await RegistryImporter.powerList(
                    cells, mode: mode, allowed: user.registryWritable, store: store, context: ctx, now: now, on: req.db)
            case "benchmarks":
                try BenchmarkForm.requirePublisher(user)
                report = try await RegistryImporter.benchmarks(
                    cells, mode: mode, store: store, context: ctx, now: now, on: req.db)
            default: throw DomainError.invalid(field: "kind", message: "请选择导入的内容")
            }
            return Views.console(
                "导入结果", user: user, request: req, active: SitePath.importExport.path,
                HTML.join([
                    BenchmarkViews.report(report, mode: mode, filename: file.filename), importForm(req, kind: f.kind),
                ]))
        }
        console.get("export", ":file") { req async throws -> Response in
            let user = try req.requireUser()
            let file = req.parameters.get("file") ?? ""
            let today = req.fazhi.today
            let parts = file.split(separator: ".")
            guard parts.count == 2, parts[1] == "xlsx" || parts[1] == "csv" else { throw APIError.notFound() }
            let rows: [[String]], title: String
            switch parts[0] {
            case "officers":
                rows = RegistryTables.officers(
                    try await Officers.list(bodies: user.registryReadable, year: today.year, on: req.db),
                    year: today.year, withPersonalData: true);
                title = "执法人员"
            case "power-list":
                let date = try RegistryPortal.asOf(req)
                rows = try RegistryTables.powers(
                    try await PowerListStore.list(on: date, .init(organisations: user.registryReadable), on: req.db)
                        .rows);
                title = "权责清单"
            case "benchmarks":
                rows = try RegistryTables.benchmarks(try await Benchmarks.current(on: req.db)); title = "裁量基准"
            default: throw APIError.notFound()
            }
            return parts[1] == "csv"
                ? TableResponse.csv(rows, filename: "\(title)-\(today)")
                : try TableResponse.xlsx(rows, sheet: title, filename: "\(title)-\(today)")
        }
    }

    static func importForm(_ req: Request, kind: String? = nil) -> HTML {
        BenchmarkViews.importForm(kind: kind, csrf: CSRF.token(for: req))
    }
}
