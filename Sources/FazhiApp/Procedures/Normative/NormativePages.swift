import FazhiCore
import FazhiStore
import Vapor

extension AppModule {
    /// 行政规范性文件: drafts in the console (the generic case pages), the portal 文件库 with each document's standing and
    /// text on any day, its versions and their changes, the 文件目录 export, the import of legacy documents, the demo.
    static let normative = AppModule(
        folder: "Normative",
        report: NormativeReport.contributions,
        routes: { r in
            NormativeLibrary.register(r.portal)
            NormativeImport.register(r.console)
            NormativeCatalogueExport.register(r.console)
            SuggestionPortal.register(r.sessions)
            CleanupPages.register(console: r.console, portal: r.portal)
            IssuerListPages.register(console: r.console, portal: r.portal)
        },
        navigation: [
            NavEntry(
                .rules, "规范性文件", .cases(procedure: NormativeProcedure.id), roles: [.head, .legalReviewer, .supervisor]),
            NavEntry(.rules, "导入已有文件", .normativeImport, roles: [.head, .legalReviewer]),
            NavEntry(.rules, "文件目录（Excel）", .normativeCatalogue, roles: [.head, .legalReviewer, .supervisor]),
            NavEntry(.rules, "审查建议", .cases(procedure: NormativeSuggestionProcedure.id), roles: [.supervisor]),
            NavEntry(.rules, "制定主体清单", .normativeIssuers, roles: [.head, .legalReviewer, .supervisor, .systemAdmin]),
            NavEntry(
                .rules, "规范性文件清理", .cases(procedure: NormativeCleanupProcedure.id),
                roles: [.head, .legalReviewer, .supervisor]),
            NavEntry(
                .statistics, "规范性文件统计", .yearFigures(procedure: NormativeProcedure.id, year: nil),
                roles: [.head, .legalReviewer, .supervisor]),
        ],
        demo: { c, tx in try await DemoNormative.load(c, in: tx) },
        benches: { $0.use(NormativeBench(), as: "documents") },
        figureSets: [NormativeLibrary.yearFigures],
        portalServices: [
            .init(kind: .apply, title: "规范性文件审查建议", detail: "认为某件规范性文件违法，提出审查建议", path: "/documents/suggest"),
            .init(kind: .track, title: "审查建议办理进度", detail: "凭查询编号和查询码", path: "/documents/suggest/status"),
            .init(kind: .read, title: "规范性文件", detail: "现行有效的规范性文件及其变更", path: "/documents"),
        ])
}

/// 文件库 (issue 16): every published 规范性文件 with its 文号, issuer, dates and standing on a day (`?date=`, today by
/// default) — 现行有效, 未施行, 已失效, 已废止, 已撤销 — searchable in its full text, as HTML, JSON and CSV; each document
/// with the text in force on the day, its versions and the changes between them. Unpublished documents are not listed:
/// they may not be used as a basis for administration (优化营商环境条例 第六十四条第二款).
enum NormativeLibrary {
    static let pageSize = 50
    /// A page counts its matches up to this many ("1000 件以上"); JSON and CSV list them all.
    static let countCap = 1_000

    static func register(_ portal: any RoutesBuilder) {
        portal.get("documents") { req async throws -> Response in
            let model = try await NormativeLibraryPage.Model.load(req)
            switch RegistryPortal.format(req) {
            case "json":
                return try TableResponse.json([
                    "asOf": AnyEncodable(model.query.day.description), "total": AnyEncodable(model.total),
                    "documents": AnyEncodable(model.rows.map { NormativeLibraryPage.Listed(row: $0, model: model) }),
                ])
            case "csv":
                return TableResponse.csv(
                    [NormativeLibraryPage.csvHeader]
                        + model.rows.map { NormativeLibraryPage.csvRow($0, model: model) },
                    filename: "行政规范性文件库")
            default:
                return Views.portal(
                    "行政规范性文件库", request: req,
                    NormativeLibraryPage.View(model: model, formats: RegistryPortal.formats(req)).render())
            }
        }
        portal.get("documents", ":id") { req async throws -> Response in
            let (c, day) = try await publishedDocument(req)
            let comments = try await PublicComments.list(caseID: c.id, on: req.db)
            let names = try await CasesConsole.bodyNames(req)
            let model = NormativeDocumentPage.Model(
                file: c.file, day: day, issuer: names[c.file.bodyID] ?? "",
                versions: Normative.versions(c.file).filter { $0.issued && ($0.publishedOn.map { $0 <= day } ?? false) }
            )
            if RegistryPortal.format(req) == "json" { return try TableResponse.json(model.json) }
            return Views.portal(
                c.file.facts[NormativeFact.title] ?? "规范性文件", request: req,
                HTML.join([
                    NormativeDocumentPage.View(model: model).render(), ConsultationViews.adoptionReport(comments),
                ]))
        }
        portal.get("documents", ":id", "changes") { req async throws -> Response in
            let (c, day) = try await publishedDocument(req)
            let issued = Normative.versions(c.file).filter { $0.issued && ($0.publishedOn.map { $0 <= day } ?? false) }
            guard let from = req.query[Int.self, at: "from"], let to = req.query[Int.self, at: "to"],
                let a = issued.first(where: { $0.number == from }), let b = issued.first(where: { $0.number == to })
            else { throw DomainError.invalid(field: "from", message: "请选择该文件已公布的两个版本（from、to 为版本号）") }
            let lines = TextDiff.compare(a.text, b.text)
            if RegistryPortal.format(req) == "json" {
                return try TableResponse.json([
                    "from": AnyEncodable(a), "to": AnyEncodable(b), "lines": AnyEncodable(lines),
                ])
            }
            return Views.portal(
                "\(c.file.facts[NormativeFact.title] ?? "")：版本比较", request: req,
                NormativeDocumentPage.changes(id: c.id, from: a, to: b, lines: lines, day: day))
        }
    }

    /// The document, if it was published by the day asked (`?date=`, today by default).
    static func publishedDocument(_ req: Request) async throws -> (StoredCase, CivilDate) {
        guard let id = req.parameters.get("id", as: UUID.self), let c = try await CaseStore.load(id, on: req.db),
            c.file.procedure == NormativeProcedure.id, let published = c.file.facts[NormativeFact.publishedOn]
        else { throw APIError.notFound("没有该文件") }
        let day = try RegistryPortal.asOf(req)
        guard published <= day else { throw APIError.notFound("该文件在 \(day.description) 尚未公布") }
        return (c, day)
    }
}

/// The 文件库 list: Query (the request's day, words, standing, page) → Model (one page of rows) → View.
enum NormativeLibraryPage {
    struct Model {
        let query: NormativeLibraryStore.Query
        let rows: [NormativeLibraryStore.Row]
        let total: Int
        let page: Int
        let names: [UUID: String]
        let base: String

        static func load(_ req: Request) async throws -> Model {
            var q = NormativeLibraryStore.Query(day: try RegistryPortal.asOf(req))
            q.text = String((req.query[String.self, at: "q"] ?? "").trimmed.prefix(50))
            if let s = req.query[String.self, at: "standing"], !s.isEmpty {
                guard NormativeLibraryStore.standings.contains(s) else {
                    throw DomainError.invalid(
                        field: "standing", message: "状态应为\(NormativeLibraryStore.standings.joined(separator: "、"))之一")
                }
                q.standing = s
            }
            let page = min(max(1, req.query[Int.self, at: "page"] ?? 1), 100_000)
            let html = RegistryPortal.format(req) == "html"
            q.limit = html ? NormativeLibrary.pageSize : 100_000
            q.offset = html ? (page - 1) * NormativeLibrary.pageSize : 0
            q.countUpTo = html ? NormativeLibrary.countCap : nil
            // The public library: a read that may lag a moment (a replica when there is one).
            let (rows, total) = try await NormativeLibraryStore.search(q, on: req.readDB)
            var c = URLComponents()
            c.path = "/documents"
            c.queryItems = [
                URLQueryItem(name: "date", value: q.day.description), URLQueryItem(name: "q", value: q.text),
                URLQueryItem(name: "standing", value: q.standing ?? ""),
            ]
            return Model(
                query: q, rows: rows, total: total, page: page, names: try await CasesConsole.bodyNames(req),
                base: c.string ?? "/documents")
        }
    }

    /// One row as JSON shows it.
    struct Listed: Encodable {
        let id: UUID
        let number, title, issuer, signedOn, publishedOn, effectiveOn, validUntil, standing: String
        /// The first day it no longer applies (the day after 有效期至).
        let expiresOn: String
        let amendedOn: String?
        init(row r: NormativeLibraryStore.Row, model: Model) {
            id = r.id; number = r.number; title = r.title; issuer = model.names[r.bodyID] ?? ""
            signedOn = r.signedOn; publishedOn = r.publishedOn; effectiveOn = r.effectiveOn; validUntil = r.validUntil
            expiresOn = r.expiresOn
            standing = r.standing(on: model.query.day); amendedOn = r.amendedOn
        }
    }

    static let csvHeader = ["文号", "文件名称", "制定机关", "签发日期", "公布日期", "施行日期", "有效期至", "最近修改", "状态"]
    static func csvRow(_ r: NormativeLibraryStore.Row, model: Model) -> [String] {
        [
            r.number, r.title, model.names[r.bodyID] ?? "", r.signedOn, r.publishedOn, r.effectiveOn, r.validUntil,
            r.amendedOn ?? "", r.standing(on: model.query.day),
        ]
    }
}
