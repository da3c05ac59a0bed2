import FazhiCore
import FazhiOffice
import FazhiStore
import Fluent
import SQLKit
import Vapor

/// The published 年度法治政府建设情况报告 on the portal (by 4月1日, 厅字〔2019〕28号): each as frozen, with the SHA-256 the
/// record holds for it and whether the text still matches it; as a page and as .docx.
enum AnnualReportPortal {
    struct Published {
        let id: UUID
        let unit: String
        let title: String
        let publishedOn: String
    }

    static func published(on db: any Database) async throws -> [Published] {
        let rows = try await (db as! any SQLDatabase).raw(
            """
            SELECT id FROM cases WHERE procedure = \(bind: AnnualReportProcedure.id)
            AND state = \(bind: AnnualReportProcedure.State.published.id)
            """
        ).all().map { try $0.decode(column: "id", as: UUID.self) }
        var out: [Published] = []
        for id in rows {
            guard let c = try await CaseStore.load(id, on: db) else { continue }
            out.append(
                Published(
                    id: id, unit: try await Directory.organisation(c.file.bodyID, on: db)?.name ?? "",
                    title: c.file.facts[AnnualReportFact.title] ?? "",
                    publishedOn: c.file.facts[AnnualReportFact.publishedOn]?.description ?? ""))
        }
        return out.sorted { ($0.publishedOn, $0.unit) > ($1.publishedOn, $1.unit) }
    }

    static func register(_ portal: any RoutesBuilder) {
        portal.get("annual-reports") { req async throws -> Response in
            let list = try await published(on: req.readDB)
            return Views.portal("法治政府建设年度报告", request: req, AnnualReportPage.View.portalList(list))
        }
        portal.get("annual-reports", ":id") { req async throws -> Response in
            guard let id = req.parameters.get("id", as: UUID.self),
                let c = try await CaseStore.load(id, on: req.readDB),
                c.file.procedure == AnnualReportProcedure.id, c.file.state == AnnualReportProcedure.State.published.id,
                let snapshot = try await CaseSnapshots.latest(id, on: req.readDB)
            else { throw APIError.notFound("没有该报告，或者尚未公开") }
            let frozen = try JSONDecoder().decode(AnnualReportPage.Model.Output.self, from: Data(snapshot.content.utf8))
            let recorded = c.file.facts[AnnualReportFact.reportSha256] ?? ""
            let verifies = CaseSnapshots.verifies(snapshot.content, recorded: recorded)
            let unitName = try await Directory.organisation(c.file.bodyID, on: req.readDB)?.name ?? frozen.unit
            let q = AnnualReportPage.Query(
                year: frozen.year, today: c.file.facts[AnnualReportFact.publishedOn] ?? req.fazhi.today,
                unit: c.file.bodyID, unitName: unitName, parentName: nil, units: [], bodies: 0, draft: frozen.draft,
                texts: frozen.texts.reduce(into: [:]) { out, t in
                    out[t.key] = ReportText(part: t.key, text: t.value, version: 0, editedBy: "", editedOn: "")
                }, mayWrite: false, course: c, frozenSha: recorded)
            let model = AnnualReportPage.Model(q, csrf: "")
            let view = AnnualReportPage.View(model: model)
            // The frozen data itself: the bytes whose SHA-256 the record holds, for anyone to check.
            if req.query[String.self, at: "format"] == "json" {
                return TableResponse.file(
                    Data(snapshot.content.utf8), type: "application/json; charset=utf-8",
                    filename: model.title + "（定稿数据）.json")
            }
            if req.query[String.self, at: "format"] == "docx" {
                return try CaseDocumentsController.docx(
                    WordDocument(view.document(), pageNumbers: true), fileName: model.title)
            }
            return Views.portal(model.title, request: req, view.published(sha: recorded, verifies: verifies))
        }
    }
}
