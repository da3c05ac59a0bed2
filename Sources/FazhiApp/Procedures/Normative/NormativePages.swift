import FazhiCore
import FazhiStore
import Vapor

extension AppModule {
    /// 行政规范性文件: drafts in the console (the generic case pages), the portal 文件库 with each document's standing on
    /// any day, the demo documents.
    static let normative = AppModule(
        folder: "Normative",
        routes: { r in
            NormativeLibrary.register(r.portal)
            NormativeImport.register(r.console)
        },
        navigation: [
            NavEntry(
                .rules, "规范性文件", .cases(procedure: NormativeProcedure.id), roles: [.head, .legalReviewer, .supervisor]),
            NavEntry(.rules, "导入已有文件", .normativeImport, roles: [.head, .legalReviewer]),
            NavEntry(
                .statistics, "规范性文件统计", .yearFigures(procedure: NormativeProcedure.id, year: nil),
                roles: [.head, .legalReviewer, .supervisor]),
        ],
        demo: { c, tx in try await DemoNormative.load(c, in: tx) })
}

/// 文件库 (issue 16): every published 规范性文件 with its 文号, issuer, dates and standing on a day (`?date=`, today by
/// default) — 现行有效, 未施行, 已失效, 已废止 — and its text; JSON like every public page. Unpublished documents are not
/// listed: they may not be used as a basis for administration (优化营商环境条例 第六十四条第二款).
enum NormativeLibrary {
    struct Row: Encodable {
        let id: UUID
        let number: String
        let title: String
        let issuer: String
        let signedOn: String
        let publishedOn: String
        let effectiveOn: String
        let expiresOn: String
        let standing: String
    }

    static func register(_ portal: any RoutesBuilder) {
        portal.get("documents") { req async throws -> Response in
            let day = try RegistryPortal.asOf(req)
            let q = String((req.query[String.self, at: "q"] ?? "").trimmed.prefix(50))
            let rows = try await published(req, on: day).filter {
                q.isEmpty || $0.title.contains(q) || $0.number.contains(q)
            }
            if req.query[String.self, at: "format"] == "json" {
                return try TableResponse.json(["asOf": AnyEncodable(day.description), "documents": AnyEncodable(rows)])
            }
            return Views.portal("行政规范性文件库", request: req, NormativeViews.library(rows, day: day, query: q))
        }
        portal.get("documents", ":id") { req async throws -> Response in
            guard let id = req.parameters.get("id", as: UUID.self), let c = try await CaseStore.load(id, on: req.db),
                c.file.procedure == NormativeProcedure.id, c.file.facts[NormativeFact.publishedOn] != nil
            else { throw APIError.notFound("没有该文件") }
            let day = try RegistryPortal.asOf(req)
            guard let published = c.file.facts[NormativeFact.publishedOn], published <= day else {
                throw APIError.notFound("该文件在 \(day.description) 尚未公布")
            }
            let comments = try await PublicComments.list(caseID: c.id, on: req.db)
            return Views.portal(
                c.file.facts[NormativeFact.title] ?? "规范性文件", request: req,
                HTML.join([NormativeViews.document(c.file.facts, day: day), ConsultationViews.adoptionReport(comments)])
            )
        }
    }

    static func published(_ req: Request, on day: CivilDate) async throws -> [Row] {
        let cases = try await CaseStore.decided(
            procedure: NormativeProcedure.id,
            states: [
                NormativeProcedure.State.published.id, NormativeProcedure.State.filed.id,
                NormativeProcedure.State.ended.id,
            ],
            limit: 50_000, on: req.db)
        let names = try await CasesConsole.bodyNames(req)
        return cases.compactMap { c in
            let f = c.file.facts
            guard let published = f[NormativeFact.publishedOn], published <= day else { return nil }
            return Row(
                id: c.file.id, number: f[NormativeFact.documentNumber] ?? "", title: f[NormativeFact.title] ?? "",
                issuer: names[c.file.bodyID] ?? "", signedOn: f[NormativeFact.signedOn]?.description ?? "",
                publishedOn: published.description, effectiveOn: f[NormativeFact.effectiveOn]?.description ?? "",
                expiresOn: f[NormativeFact.expiresOn]?.description ?? "",
                standing: Normative.standing(f, on: day))
        }
    }
}
