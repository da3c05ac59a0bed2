import FazhiCore
import FazhiOffice
import FazhiStore
import Vapor

/// Import of documents issued before Fazhi (issue 16): a spreadsheet (.xlsx or .csv) with one document per row, each
/// registered through the engine's 登记已有文件 step; all or nothing, with every row's problems named by row and column.
enum NormativeImport {
    static let columns = ["文号", "文件名称", "文种", "签发日期", "公布日期", "施行日期", "有效期至", "正文"]
    static let maxRows = 5_000
    /// The column each step input comes from.
    static let fieldColumns = [
        "documentNumber": "文号", "title": "文件名称", "documentKind": "文种", "signedOn": "签发日期", "publishedOn": "公布日期",
        "effectiveOn": "施行日期", "validUntil": "有效期至", "finalText": "正文",
    ]

    /// What an upload did: how many rows, how many imported, each row's problems.
    struct Report { let rows: Int; let imported: Int; let problems: [ImportProblem] }

    static func register(_ console: any RoutesBuilder) {
        console.get("normative", "import") { req async throws -> Response in
            let user = try req.requireUser()
            return page(req, user, report: nil, error: nil)
        }
        console.get("normative", "import", "template.xlsx") { req async throws -> Response in
            _ = try req.requireUser()
            return try TableResponse.xlsx([columns], sheet: "规范性文件", filename: "规范性文件导入模板")
        }
        console.on(.POST, "normative", "import", body: .collect(maxSize: "30mb")) { req async throws -> Response in
            let user = try req.requireUser()
            guard let def = req.fazhi.procedures.current(NormativeProcedure.id) else { throw APIError.notFound("未配置") }
            try CasesAPI.mayOpen(def, user: user, body: user.organisationID)
            guard let file = try? req.content.get(File.self, at: "file"), file.data.readableBytes > 0 else {
                return page(req, user, report: nil, error: "请选择要导入的文件（.xlsx 或 .csv）").with(status: .unprocessableEntity)
            }
            let cells: [[String]]
            do { cells = try Tabular.rows(Data(file.data.readableBytesView), filename: file.filename) } catch let e
                as SpreadsheetError
            {
                return page(req, user, report: nil, error: e.description).with(status: .unprocessableEntity)
            }
            guard let header = cells.first, Array(header.prefix(columns.count)).map({ $0.trimmed }) == columns else {
                return page(req, user, report: nil, error: "第一行应为模板的列名：\(columns.joined(separator: "、"))")
                    .with(status: .unprocessableEntity)
            }
            let rows = cells.dropFirst().filter { !$0.allSatisfy { $0.trimmed.isEmpty } }
            guard !rows.isEmpty else {
                return page(req, user, report: nil, error: "文件中没有数据行（第一行为列名，从第二行起每行一件）")
                    .with(status: .unprocessableEntity)
            }
            guard rows.count <= maxRows else {
                return page(req, user, report: nil, error: "一次最多导入\(maxRows)行").with(status: .unprocessableEntity)
            }
            // A 文号 is one document's: not twice in the sheet, not one already registered.
            let numberColumn = columns.firstIndex(of: "文号") ?? 0
            let number = { (row: [String]) in
                DocumentCitations.normalised(numberColumn < row.count ? row[numberColumn].trimmed : "")
            }
            let known = try await NormativeLibraryStore.registeredNumbers(rows.map(number), on: req.db)
            var seen: [String: Int] = [:]
            var duplicates: [ImportProblem] = []
            for (i, row) in rows.enumerated() {
                let n = number(row)
                if n.isEmpty {
                    duplicates.append(ImportProblem(row: i + 2, column: "文号", message: "文号不能为空"))
                } else if let first = seen[n] {
                    duplicates.append(ImportProblem(row: i + 2, column: "文号", message: "与第\(first)行的文号重复"))
                } else if known.contains(n) {
                    duplicates.append(ImportProblem(row: i + 2, column: "文号", message: "该文号已登记"))
                }
                if seen[n] == nil { seen[n] = i + 2 }
            }
            if !duplicates.isEmpty {
                return page(
                    req, user, report: Report(rows: rows.count, imported: 0, problems: duplicates),
                    error: "有\(Set(duplicates.map(\.row)).count)行的文号有问题，全部未导入"
                ).with(status: .unprocessableEntity)
            }
            let catalog = req.fazhi.procedures, calendar = req.fazhi.deadlines, today = req.fazhi.today
            let body = user.organisationID, actor = CasesAPI.actor(user, body: body, procedure: def.id)
            let data = Array(rows)
            var parsed: [Int: Facts] = [:], problems: [ImportProblem] = []
            for (i, row) in data.enumerated() {
                do { parsed[i] = try inputs(row) } catch let e as DomainError { problems.append(problem(e, row: i)) }
            }
            if !problems.isEmpty {
                // The rows that could be read are still checked, so one upload names every problem.
                let refused = try await CaseImport.check(
                    def, action: NormativeProcedure.Step.registerExisting, bodyID: body, rows: parsed, actor: actor,
                    date: today, today: today, calendar: calendar, settings: catalog.settings, on: req.db)
                problems = (problems + refused.map { problem($0.value, row: $0.key) }).sorted { $0.row < $1.row }
            } else {
                let rowsToImport = (0..<data.count).compactMap { parsed[$0] }
                do {
                    _ = try await req.write(as: user) { tx in
                        try await CaseImport.importMany(
                            def, action: NormativeProcedure.Step.registerExisting, bodyID: body, rows: rowsToImport,
                            actor: actor, date: today, today: today, calendar: calendar, settings: catalog.settings,
                            in: tx)
                    }
                    // A document whose 有效期 ended before it was registered lapses on the record at once.
                    _ = try await ExpirySteps.run(req.application)
                    return page(
                        req, user, report: Report(rows: data.count, imported: data.count, problems: []), error: nil)
                } catch let r as CaseImport.Refusal {
                    problems = r.rows.sorted { $0.key < $1.key }.map { problem($0.value, row: $0.key) }
                }
            }
            return page(
                req, user, report: Report(rows: data.count, imported: 0, problems: problems),
                error: "有\(Set(problems.map(\.row)).count)行有问题，全部未导入；请修改后重新上传"
            ).with(status: .unprocessableEntity)
        }
    }

    /// A refused row as the report names it: its line in the sheet (the header is line 1) and the column.
    static func problem(_ e: DomainError, row i: Int) -> ImportProblem {
        let field: String? = {
            switch e {
            case .invalid(let f, _): return f
            case .refused(let f, _, _): return f
            default: return nil
            }
        }()
        return ImportProblem(row: i + 2, column: field.flatMap { fieldColumns[$0] } ?? "", message: e.message)
    }

    /// One row as the step's inputs; a date in the wrong form names its column.
    static func inputs(_ row: [String]) throws -> Facts {
        func cell(_ name: String) -> String {
            guard let i = columns.firstIndex(of: name), i < row.count else { return "" }
            return row[i].trimmed
        }
        func date(_ name: String, field: String, required: Bool = true) throws -> FactValue? {
            let v = cell(name)
            if v.isEmpty && !required { return nil }
            // A date cell Excel stores as its serial number (days since 1899-12-30).
            if let serial = Int(v), (20_000...80_000).contains(serial) {
                return .date(CivilDate(year: 1899, month: 12, day: 30)!.adding(days: serial))
            }
            guard let d = CivilDate(iso: v.replacingOccurrences(of: "/", with: "-")) else {
                throw DomainError.invalid(field: field, message: "“\(name)”应为日期（如 2024-03-01）")
            }
            return .date(d)
        }
        let kindText = cell("文种")
        guard let kind = Normative.documentKinds.first(where: { $0.label == kindText || $0.value == kindText })?.value
        else {
            throw DomainError.invalid(
                field: "documentKind",
                message: "文种应为\(Normative.documentKinds.map(\.label).joined(separator: "、"))之一")
        }
        var f: [String: FactValue] = [
            "title": .text(cell("文件名称")), "documentKind": .text(kind),
            "documentNumber": .text(DocumentCitations.normalised(cell("文号"))),
            "finalText": .text(cell("正文")),
        ]
        f["signedOn"] = try date("签发日期", field: "signedOn")
        f["publishedOn"] = try date("公布日期", field: "publishedOn")
        f["effectiveOn"] = try date("施行日期", field: "effectiveOn")
        f["validUntil"] = try date("有效期至", field: "validUntil", required: false)
        return Facts(f)
    }

    static func page(_ req: Request, _ user: AuthUser, report: Report?, error: String?) -> Response {
        Views.console(
            "导入已有规范性文件", user: user, request: req, active: SitePath.normativeImport.path,
            NormativeViews.importPage(report: report, error: error, csrf: CSRF.token(for: req)))
    }
}
