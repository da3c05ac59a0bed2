import FazhiCore
import FazhiOffice
import FazhiStore
import Vapor

/// 年度法治政府建设情况报告 of a unit (the county government, or one department) for a year: part (1) section by section
/// from the figures every module declares, each figure linking to the records it counts (a footnote in the .docx) and
/// compared with the year before; part (2) drafted from the figures that fall short; the narrative of every part written
/// and versioned here. As a page, .docx, JSON and CSV. Query → Model → View.
enum AnnualReportPage {
    /// Who writes the report's narrative: the unit's head and 法制机构, and the 司法局's staff who draft the county's.
    static let writers: Set<Role> = [.head, .legalReviewer, .supervisor]

    /// The parts whose narrative is written on the page: the recipients, an opening, each section, parts 二 to 五.
    static let textParts: [String] =
        ["recipients", ReportPart.measures.rawValue] + ReportSystem.allCases.map { "measures.\($0.rawValue)" }
        + ReportPart.allCases.dropFirst().map(\.rawValue)

    static func register(_ console: any RoutesBuilder) {
        console.get("annual-report") { req async throws -> Response in
            let user = try req.requireUser()
            var q = try await Query.fetch(req, user: user)
            q.members = try await Query.members(req, user, unit: q.unit, year: q.year)
            let model = Model(q, csrf: CSRF.token(for: req))
            switch req.query[String.self, at: "format"] ?? "" {
            case "docx":
                return try CaseDocumentsController.docx(
                    WordDocument(View(model: model).document(), pageNumbers: true), fileName: model.title)
            case "json": return try TableResponse.json(model.json)
            case "csv": return TableResponse.csv(model.csvRows, filename: model.title + "（数据）")
            case "": break
            default: throw DomainError.invalid(field: "format", message: "格式应为 docx、json 或 csv")
            }
            return Views.console(
                model.title, user: user, request: req, active: SitePath.annualReport(unit: nil, year: nil).path,
                flash: Flash.take(req), View(model: model).render())
        }
        // A part's earlier versions, newest first, for whoever reads the unit's report.
        console.get("annual-report", "history") { req async throws -> Response in
            let user = try req.requireUser()
            guard let unit = req.query[String.self, at: "unit"].flatMap(UUID.init(uuidString:)),
                user.readable.contains(unit)
            else { throw APIError.notFound("单位不存在，或您无权查看") }
            guard let year = req.query[Int.self, at: "year"], (2000...2100).contains(year) else {
                throw DomainError.invalid(field: "year", message: "年度应在2000至2100之间")
            }
            let part = req.query[String.self, at: "part"] ?? ""
            guard textParts.contains(part) else { throw DomainError.invalid(field: "part", message: "没有这一部分") }
            let versions = try await AnnualReportTexts.history(unit: unit, year: year, part: part, on: req.db)
            return Views.console(
                "历史版本", user: user, request: req, active: SitePath.annualReport(unit: nil, year: nil).path,
                View.history(versions, back: SitePath.annualReport(unit: unit, year: year).path))
        }
        console.post("annual-report", "texts") { req async throws -> Response in
            let user = try req.requireUser()
            let v = try req.content.decode([String: String].self)
            guard let unit = v["unit"].flatMap(UUID.init(uuidString:)), user.readable.contains(unit) else {
                throw DomainError.invalid(field: "unit", message: "请选择您可以查看的单位")
            }
            guard mayWrite(user, unit: unit) else {
                throw APIError.forbidden("只有本单位负责人、法制审核人员或者司法行政监督人员可以撰写年度报告")
            }
            guard let year = v["year"].flatMap({ Int($0) }), (2000...2100).contains(year) else {
                throw DomainError.invalid(field: "year", message: "年度应在2000至2100之间")
            }
            guard let part = v["part"], textParts.contains(part) else {
                throw DomainError.invalid(field: "part", message: "没有该部分")
            }
            guard let basedOn = v["basedOn"].flatMap({ Int($0) }), basedOn >= 0 else {
                throw DomainError.invalid(field: "basedOn", message: "版本号不对")
            }
            // A frozen report is changed only after the head sends it back (退回修改).
            if let course = try await AnnualReportCourse.find(unit: unit, year: year, on: req.db),
                course.file.state != AnnualReportProcedure.State.drafting.id
            {
                throw DomainError.conflict(field: "text", message: "报告已定稿（\(course.number)），退回修改后才能编辑")
            }
            let text = v["text"] ?? "", today = req.fazhi.today, editor = user.displayName
            let version = try await req.write(as: user) { tx in
                try await AnnualReportTexts.save(
                    unit: unit, year: year, part: part, text: text, basedOn: basedOn, by: editor, on: today, in: tx)
            }
            Flash.set(req, ok: "已保存（第\(version)版）")
            return req.redirect(to: SitePath.annualReport(unit: unit, year: year).path + "#part-\(part)")
        }
    }

    static func mayWrite(_ user: AuthUser, unit: UUID) -> Bool {
        user.readable.contains(unit) && user.grants.contains { writers.contains($0.role) }
    }
}
