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
            guard let d = Double(t.replacingOccurrences(of: ",", with: "")) else {
                throw DomainError.invalid(field: field, message: "应为数字")
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
        let mitigating = HTML.join(
            MitigatingCircumstance.allCases.map {
                "<label><input type=\"checkbox\" name=\"mitigating[]\" value=\"\($0.rawValue)\"> \($0.chineseName)</label>"
            })
        return Views.console(
            "裁量基准 \(b.code)", user: user, request: req, active: "/console/benchmarks", flash: Flash.take(req),
            """
            <dl class="card facts"><dt>违法行为</dt><dd>\(b.violation)</dd><dt>违反条款</dt><dd>\(b.violatedArticle)</dd><dt>处罚依据</dt><dd>\(b.penaltyArticle)</dd>
            <dt>对应事项</dt><dd><a href="/console/powers/\(b.powerItemCode)">\(b.powerItemCode)</a></dd><dt>包容免罚清单</dt><dd>\(b.firstViolationExempt ? "已列入" : "未列入")</dd>
            <dt>版本</dt><dd>第\(cur.version)版，\(cur.effectiveOn)起施行\(versions.count > 1 ? "（共 \(versions.count) 版）" : "")</dd></dl>
            \(user.mayPublishBenchmarks ? HTML("<p><a class=\"button\" href=\"/console/benchmarks/\(b.code)/edit\">修订（形成新版本）</a></p>") : "")
            \(RegistryViews.tiersTable(b))
            <h2>裁量试算</h2>\(outcome)
            <form method="post" action="/console/benchmarks/\(b.code)/compute" class="card">\(Views.csrfField(req))<div class="grid2">
            <div><label for="measureValue">\(b.measure ?? "裁量因素")（\(b.measureUnit ?? "")）</label><input id="measureValue" name="measureValue" inputmode="decimal"></div>
            <div><label for="goodsValue">货值金额（元）</label><input id="goodsValue" name="goodsValue" inputmode="decimal"></div>
            <div><label for="illegalGains">违法所得（元）</label><input id="illegalGains" name="illegalGains" inputmode="decimal"></div>
            <div><label for="age">当事人违法时年龄（自然人）</label><input id="age" name="age" inputmode="numeric"></div></div>
            <label><input type="checkbox" name="minor"> 违法行为轻微并及时改正，没有造成危害后果（第三十三条第一款）</label>
            <label><input type="checkbox" name="firstViolation"> 初次违法且危害后果轻微并及时改正（首违不罚）</label>
            <label><input type="checkbox" name="noFault"> 当事人有证据足以证明没有主观过错（第三十三条第二款）</label>
            <fieldset><legend>应当从轻或者减轻的情形（第三十二条）</legend>\(mitigating)</fieldset>
            <label><input type="checkbox" name="emergency"> 突发事件期间违反应对措施（第四十九条）</label>
            <button type="submit">试算</button></form>
            """)
    }

    /// Largest spreadsheet accepted by the console (a county's full officer list is well under 5 MB).
    static let uploadLimit = 30 * 1024 * 1024

    static func registerBenchmarksAndImport(_ console: any RoutesBuilder) {
        BenchmarkForm.register(console)
        console.get("benchmarks") { req async throws -> Response in
            let user = try req.requireUser()
            let q = req.query[String.self, at: "q"] ?? ""
            let list = try await Benchmarks.current(query: q, on: req.db)
            let trs = list.map { s -> HTML in
                "<tr><td class=\"mono\"><a href=\"/console/benchmarks/\(s.code)\">\(s.code)</a></td><td>\(s.violation)</td><td class=\"mono\">\(s.powerItemCode)</td><td>第\(s.version)版</td><td>\(s.effectiveOn)</td></tr>"
            }
            return Views.console(
                "裁量基准", user: user, request: req, active: "/console/benchmarks", flash: Flash.take(req),
                """
                <form method="get" action="/console/benchmarks" class="card search"><label for="q">违法行为或条款</label><input id="q" name="q" value="\(q)"><button type="submit">查询</button></form>
                <p>现行基准 \(list.count) 项。\(user.mayPublishBenchmarks ? HTML("<a class=\"button\" href=\"/console/benchmarks/new\">新增裁量基准</a> ") : "")也可 <a href="/console/import">批量导入</a>（每次保存或导入形成新版本）；<a href="/console/export/benchmarks.xlsx">导出 Excel</a>。</p>
                <div class="table-wrap"><table class="data"><thead><tr><th>基准编号</th><th>违法行为</th><th>对应事项</th><th>版本</th><th>施行日期</th></tr></thead><tbody>\(trs)</tbody></table></div>
                """)
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
                let amount =
                    o.fineMinimumYuan.map { lo in "罚款 \(Yuan.text(lo)) 至 \(Yuan.text(o.fineMaximumYuan ?? lo)) 元" }
                    ?? ""
                out = """
                    <div class="card outcome" id="outcome"><p>建议档次：<b>\(o.tier.chineseName)</b>（\(o.mandatory ? "法定应当适用" : "可以适用")）\(o.permittedTiers.count > 1 ? "；依法可选：\(o.permittedTiers.map(\.chineseName).joined(separator: "、"))" : "")</p>
                    <p>\(amount)\(o.range.map { $0.otherPenalties.isEmpty ? "" : "；\($0.otherPenalties.joined(separator: "、"))" } ?? "")</p>
                    <ul>\(HTML.join(o.reasons.map { "<li>\($0)</li>" }))</ul><p class="article">依据：\(o.articles.joined(separator: "；"))</p></div>
                    """
            } catch let e as DomainError {
                out = Views.flash(Flash.message(for: e, request: req), error: true)
            }
            return try await benchmarkPage(req, user: user, code: code, outcome: out)
        }

        console.get("import") { req async throws -> Response in
            let user = try req.requireUser()
            return Views.console(
                "批量导入与导出", user: user, request: req, active: "/console/import", flash: Flash.take(req), importForm(req))
        }
        console.on(.POST, "import", body: .collect(maxSize: "30mb")) { req async throws -> Response in
            let user = try req.requireUser()
            let f = try req.content.decode(ImportForm.self)
            guard let file = f.file, file.data.readableBytes > 0 else {
                Flash.set(req, error: "请选择要导入的文件（.xlsx 或 .csv）")
                return req.redirect(to: "/console/import")
            }
            let mode = ImportMode(rawValue: f.mode ?? "all") ?? .all
            let cells: [[String]]
            do { cells = try Tabular.rows(Data(file.data.readableBytesView), filename: file.filename) } catch let e
                as SpreadsheetError
            {
                Flash.set(req, error: e.description)
                return req.redirect(to: "/console/import")
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
                "导入结果", user: user, request: req, active: "/console/import",
                HTML.join([reportHTML(report, mode: mode, filename: file.filename), importForm(req, kind: f.kind)]))
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
        let kinds = [("officers", "执法人员"), ("power-list", "权责清单"), ("benchmarks", "裁量基准")]
        return """
            <form method="post" action="/console/import" enctype="multipart/form-data" class="card" id="import-form">\(Views.csrfField(req))
            <label for="kind">导入内容</label><select id="kind" name="kind">\(HTML.join(kinds.map { "<option value=\"\($0.0)\"\(HTML(raw: kind == $0.0 ? " selected" : ""))>\($0.1)</option>" }))</select>
            <label for="file">文件（.xlsx 或 UTF-8 编码的 .csv）</label><input id="file" name="file" type="file" accept=".xlsx,.csv" required>
            <fieldset><legend>有错误行时</legend>
            <label><input type="radio" name="mode" value="all" checked> 全部不导入（先修正文件）</label>
            <label><input type="radio" name="mode" value="valid_rows"> 只导入无误的行</label>
            <label><input type="radio" name="mode" value="check"> 只检查，不导入</label></fieldset>
            <button type="submit">上传并检查</button></form>
            <h2>模板与导出</h2><div class="table-wrap"><table class="data"><thead><tr><th>内容</th><th>导入模板</th><th>导出现有数据</th></tr></thead><tbody>
            \(HTML.join(kinds.map { "<tr><td>\($0.1)</td><td><a href=\"/templates/\($0.0).xlsx\">下载模板</a></td><td><a href=\"/console/export/\($0.0).xlsx\">Excel</a> · <a href=\"/console/export/\($0.0).csv\">CSV</a></td></tr>" }))
            </tbody></table></div>
            """
    }

    static func reportHTML(_ r: ImportReport, mode: ImportMode, filename: String) -> HTML {
        let summary: String
        if r.problems.isEmpty {
            summary = mode == .check ? "检查通过：\(r.rows) 行均无误，尚未导入。" : "已导入 \(r.imported) 行，全部成功。"
        } else if r.imported > 0 {
            summary = "已导入无误的 \(r.imported) 行；\(r.badRows) 行有问题未导入，见下表。"
        } else {
            summary =
                "发现 \(r.problems.count) 个问题（\(r.badRows) 行），\(mode == .check ? "仅检查" : "未导入任何数据")。请修正后重新上传，或选择“只导入无误的行”。"
        }
        let rows = r.problems.map { "<tr><td>\($0.row)</td><td>\($0.column)</td><td>\($0.message)</td></tr>" as HTML }
        return """
            <div class="card" id="import-report"><p>文件：\(filename)</p><p class="\(HTML(raw: r.problems.isEmpty ? "ok" : "error"))" id="import-summary">\(summary)</p>
            \(r.problems.isEmpty ? "" : HTML("<div class=\"table-wrap\"><table class=\"data\" id=\"import-problems\"><thead><tr><th>行</th><th>列</th><th>问题</th></tr></thead><tbody>\(rows)</tbody></table></div>"))</div>
            """
    }
}
