import FazhiCore
import FazhiOffice
import FazhiStore
import Vapor

/// A 台账 of a year (`/console/ledgers/{kind}`): its entries for the units the user reads, and the form that enters one
/// or changes one (by the unit's head, 法制机构 or the 司法局) — the records the report's figures count. Any kind
/// declared in `LedgerKinds` has this page; nothing here knows one kind from another. Query → Model → View.
enum LedgerPage {
    static func register(_ console: any RoutesBuilder) {
        console.get("ledgers", ":kind") { req async throws -> Response in
            let user = try req.requireUser()
            let kind = try self.kind(req)
            if req.query[String.self, at: "format"] == "json" {
                let q = try await Query.fetch(req, user, kind: kind)
                return try await q.entries.map(\.entry).encodeResponse(for: req)
            }
            if req.query[String.self, at: "format"] == "template" {
                return try TableResponse.xlsx([kind.importColumns], sheet: kind.title, filename: "\(kind.title)导入表")
            }
            return try await page(req, user, kind: kind, draft: nil, error: nil)
        }
        console.on(.POST, "ledgers", ":kind", "import", body: .collect(maxSize: "5mb")) {
            req async throws -> Response in
            let user = try req.requireUser()
            return try await importSheet(req, user, kind: try kind(req))
        }
        console.post("ledgers", ":kind") { req async throws -> Response in
            let user = try req.requireUser()
            let kind = try self.kind(req)
            let v = try req.content.decode([String: String].self)
            var draft: LedgerEntry?
            do {
                let entry = try await self.entry(req, user, kind: kind, form: v)
                draft = entry
                let today = req.fazhi.today
                let saved = try await req.write(as: user) { tx in
                    try await Ledgers.save(entry, kind: kind, today: today, in: tx)
                }
                Flash.set(req, ok: saved.version == 1 ? "已登记“\(kind.title)”" : "已修改“\(kind.title)”（第\(saved.version)版）")
                return req.redirect(to: SitePath.ledger(kind: kind.id, year: saved.on.year).path)
            } catch let e as DomainError {
                return try await page(req, user, kind: kind, draft: draft, error: e.message).with(
                    status: APIError(e).status)
            }
        }
    }

    /// An Excel sheet of entries (`POST /console/ledgers/{kind}/import`): all kept in one write, or none. A row with
    /// the unique fields of an entry already kept (the unit's 普法 figure of the year) is its next version.
    static func importSheet(_ req: Request, _ user: AuthUser, kind: LedgerKind) async throws -> Response {
        struct Form: Content { let file: File? }
        do {
            guard let file = try req.content.decode(Form.self).file, file.data.readableBytes > 0 else {
                throw DomainError.invalid(field: "file", message: "请选择要导入的表格（.xlsx 或 .csv）")
            }
            let rows: [[String]]
            do { rows = try Tabular.rows(Data(file.data.readableBytesView), filename: file.filename) } catch let e
                as SpreadsheetError
            { throw DomainError.invalid(field: "file", message: e.description) }
            let units = Dictionary(
                try await Directory.organisations(on: req.db).compactMap { o in
                    o.id.flatMap { id in AnnualReportPage.mayWrite(user, unit: id) ? (o.name, id) : nil }
                }, uniquingKeysWith: { a, _ in a })
            let today = req.fazhi.today
            let entries = try kind.parseRows(rows, units: units, by: user.displayName, today: today)
            if !kind.uniqueBy.isEmpty {
                var seen = Set<[String]>()
                for (_, e) in entries {
                    let key = [e.unitID.uuidString, String(e.on.year)] + kind.uniqueBy.map { e[$0] }
                    guard seen.insert(key).inserted else {
                        let what = kind.uniqueBy.compactMap { id in kind.field(id).map { $0.label(of: e[id]) } }
                        throw DomainError.invalid(
                            field: "file", message: "表中同一单位\(e.on.year)年的“\(what.joined(separator: "、"))”有两行，请只留一行")
                    }
                }
            }
            let replaced = try await req.write(as: user) { tx in
                var replaced = 0
                for (row, var e) in entries {
                    let year = try await Ledgers.list(kind: kind.id, units: [e.unitID], year: e.on.year, on: tx.db)
                    let kept =
                        kind.uniqueBy.isEmpty ? nil : year.first { o in kind.uniqueBy.allSatisfy { o[$0] == e[$0] } }
                    // A row already entered as it is (the same file imported twice) is not entered again.
                    if kept == nil, year.contains(where: { $0.sameKey == e.sameKey }) {
                        throw DomainError.invalid(field: "file", message: "第\(row)行与已登记的记录相同（该表是否已导入过？）")
                    }
                    if let kept { e.id = kept.id; e.version = kept.version; replaced += 1 }
                    do { _ = try await Ledgers.save(e, kind: kind, today: today, in: tx) } catch let error
                        as DomainError
                    {
                        var column = ""
                        if case .invalid(let f, _) = error, let label = kind.field(f)?.label { column = "“\(label)”" }
                        throw DomainError.invalid(field: "file", message: "第\(row)行\(column)：\(error.message)")
                    }
                }
                return replaced
            }
            Flash.set(
                req,
                ok: "已导入“\(kind.title)”\(entries.count)条" + (replaced > 0 ? "（其中\(replaced)条更新了已登记的记录）" : ""))
            return req.redirect(to: SitePath.ledger(kind: kind.id, year: entries[0].entry.on.year).path)
        } catch let e as DomainError {
            return try await page(req, user, kind: kind, draft: nil, error: e.message).with(status: APIError(e).status)
        }
    }

    static func kind(_ req: Request) throws -> LedgerKind {
        guard let kind = LedgerKinds.kind(req.parameters.get("kind") ?? "") else {
            throw APIError.notFound("没有这种台账")
        }
        return kind
    }

    /// The entry the form describes: a new one, or the next version of the one named by `entry`.
    static func entry(
        _ req: Request, _ user: AuthUser, kind: LedgerKind, form v: [String: String]
    ) async throws
        -> LedgerEntry
    {
        guard let unit = v["unit"].flatMap(UUID.init(uuidString:)), user.readable.contains(unit) else {
            throw DomainError.invalid(field: "unit", message: "请选择单位")
        }
        guard AnnualReportPage.mayWrite(user, unit: unit) else {
            throw DomainError.forbidden("只有本单位负责人、法制审核人员或者司法行政监督人员可以登记“\(kind.title)”", article: nil)
        }
        guard let on = CivilDate(iso: (v["on"] ?? "").trimmed) else {
            throw DomainError.invalid(field: "on", message: "请填写有效的\(kind.dateLabel)（年-月-日）")
        }
        var entry = LedgerEntry(unitID: unit, kind: kind.id, on: on, values: [:], by: user.displayName, version: 0)
        if let raw = v["entry"], !raw.isEmpty {
            guard let id = UUID(uuidString: raw), let old = try await Ledgers.entry(id, on: req.db),
                old.kind == kind.id,
                user.readable.contains(old.unitID)
            else { throw DomainError.invalid(field: "entry", message: "要修改的记录不存在") }
            guard let based = Int(v["version"] ?? ""), (1...1_000_000).contains(based) else {
                throw DomainError.invalid(field: "version", message: "缺少所修改记录的版本")
            }
            entry.id = id; entry.version = based
        }
        for f in kind.fields { entry.values[f.id] = v[f.id] ?? "" }
        return entry
    }

    static func page(
        _ req: Request, _ user: AuthUser, kind: LedgerKind, draft: LedgerEntry?, error: String?
    )
        async throws -> Response
    {
        let q = try await Query.fetch(req, user, kind: kind)
        var editing = draft
        if editing == nil, let raw = req.query[String.self, at: "edit"] {
            guard let id = UUID(uuidString: raw), let e = try await Ledgers.entry(id, on: req.db), e.kind == kind.id,
                AnnualReportPage.mayWrite(user, unit: e.unitID)
            else { throw APIError.notFound("要修改的记录不存在或您不能修改") }
            editing = e
        }
        var files: [EvidenceFile] = []
        if let e = editing { files = try await EvidenceStore.attachments([e.id], on: req.db)[e.id] ?? [] }
        let model = View.Model(
            q: q, editing: editing, own: user.organisationID, csrf: CSRF.token(for: req), error: error,
            editingFiles: files, evidenceLimitMB: req.fazhi.evidence.maxBytes / 1_048_576)
        return Views.console(
            kind.title, user: user, request: req, active: SitePath.ledger(kind: LedgerKinds.duty.id, year: nil).path,
            flash: Flash.take(req), View(model: model).render())
    }

    /// What the page reads: the kind's entries of the year for the units the user reads, with the units' names.
    struct Query {
        let kind: LedgerKind
        let year: Int
        let today: CivilDate
        let entries: [(entry: LedgerEntry, unit: String)]
        let units: [(id: UUID, name: String)]
        /// The people the entries qualify, beside the 名录 (an exam's passed candidates and their 执法证).
        let qualified: [QualifiedOfficer]
        /// Each entry's 证明材料 files.
        let files: [UUID: [EvidenceFile]]

        static func fetch(_ req: Request, _ user: AuthUser, kind: LedgerKind) async throws -> Query {
            let (year, readable) = try StatisticsAPI.scope(req, user)
            let orgs = try await Directory.organisations(on: req.db)
            let names = Dictionary(orgs.compactMap { o in o.id.map { ($0, o.name) } }, uniquingKeysWith: { a, _ in a })
            var entries = try await Ledgers.list(kind: kind.id, units: readable, year: year, on: req.db)
            // Entries of the next year that count for this one (a 述法 held in January for the year before).
            if let field = kind.yearField, year < 2100 {
                let next = try await Ledgers.list(kind: kind.id, units: readable, year: year + 1, on: req.db)
                entries = next.filter { $0[field] == String(year) } + entries
            }
            let writable = readable.filter { AnnualReportPage.mayWrite(user, unit: $0) }.compactMap { id in
                names[id].map { (id: id, name: $0) }
            }.sorted { $0.name < $1.name }
            return Query(
                kind: kind, year: year, today: req.fazhi.today,
                entries: entries.map { ($0, names[$0.unitID] ?? "") }, units: writable,
                qualified: try await QualifiedOfficer.of(entries, kind: kind, year: year, on: req.db),
                files: try await EvidenceStore.attachments(entries.map(\.id), on: req.db))
        }
    }
}

extension LedgerEntry: Content {}
