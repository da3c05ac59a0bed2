import FazhiCore
import FazhiOffice
import FazhiStore
import Vapor

/// 法治政府建设考核 (`/console/assessment?year=&unit=`): the year's scheme (imported from Excel by the 司法局, in
/// versions), each assessed unit's live score — computed indicators from the figures Fazhi counts for the unit,
/// assessed ones from the assessor's score with its evidence, the unit's 自评 beside it — the ranking, and the export.
/// Query → Model → View.
enum AssessmentPage {
    static func register(_ console: any RoutesBuilder) {
        console.get("assessment") { req async throws -> Response in
            let user = try req.requireUser()
            switch req.query[String.self, at: "format"] {
            case "template":
                let year = try StatisticsAPI.scope(req, user).0
                let rows =
                    try await Assessments.scheme(year: year, on: req.db)?.0.rows
                    ?? DemoAssessment.scheme(year: year).rows
                return try TableResponse.xlsx(rows, sheet: "考核指标", filename: "\(year)年法治政府建设考核指标")
            case "xlsx":
                let q = try await Query.fetch(req, user)
                return try TableResponse.xlsx(
                    View(model: .init(q: q, csrf: "", error: nil)).sheets(), filename: "\(q.year)年法治政府建设考核得分")
            case nil: return try await page(req, user, error: nil)
            default: throw DomainError.invalid(field: "format", message: "格式应为 xlsx 或 template")
            }
        }
        console.on(.POST, "assessment", "import", body: .collect(maxSize: "5mb")) { req async throws -> Response in
            let user = try req.requireUser()
            struct Form: Content { let year: String?; let file: File? }
            do {
                guard user.isSupervisor else {
                    throw DomainError.forbidden("考核方案由司法行政部门（依法治县办）导入", article: nil)
                }
                let f = try req.content.decode(Form.self)
                guard let year = Int(f.year ?? ""), (2000...req.fazhi.today.year + 1).contains(year) else {
                    throw DomainError.invalid(field: "year", message: "请填写考核年度")
                }
                guard let file = f.file, file.data.readableBytes > 0 else {
                    throw DomainError.invalid(field: "file", message: "请选择考核指标表（.xlsx 或 .csv）")
                }
                let rows: [[String]]
                do { rows = try Tabular.rows(Data(file.data.readableBytesView), filename: file.filename) } catch let e
                    as SpreadsheetError
                { throw DomainError.invalid(field: "file", message: e.description) }
                let keys = try await figureKeys(req, user, year: year)
                let scheme = try AssessmentScheme.parse(
                    rows, year: year, version: 0, figures: Set(keys.keys),
                    rates: Set(keys.filter { $0.value.unit == "比率" }.keys))
                let by = user.displayName, today = req.fazhi.today
                let kept = try await req.write(as: user) { tx in
                    try await Assessments.importScheme(scheme, by: by, on: today, in: tx)
                }
                Flash.set(
                    req,
                    ok: "已导入\(year)年考核方案（第\(kept.version)版，\(kept.leaves.count)项计分指标，合计\(Yuan.number(kept.total))分）")
                return req.redirect(to: SitePath.assessment(year: year).path)
            } catch let e as DomainError {
                return try await page(req, user, error: e.message).with(status: APIError(e).status)
            }
        }
        console.post("assessment", "scores") { req async throws -> Response in
            let user = try req.requireUser()
            let v = try req.content.decode([String: String].self)
            do {
                let (year, unit, kind, scheme) = try await scoring(req, user, v)
                guard let score = Double((v["score"] ?? "").trimmed) else {
                    throw DomainError.invalid(field: "score", message: "得分应为数字")
                }
                let given = AssessmentScore(
                    unitID: unit, code: v["code"] ?? "", kind: kind, score: score, evidence: v["evidence"] ?? "",
                    by: user.displayName, on: req.fazhi.today.description)
                try await req.write(as: user) { tx in try await Assessments.give(given, scheme: scheme, in: tx) }
                Flash.set(req, ok: "已保存\(kind.chineseName)")
                return req.redirect(to: SitePath.assessment(year: year, unit: unit).path + "#indicator-\(given.code)")
            } catch let e as DomainError {
                return try await page(req, user, error: e.message).with(status: APIError(e).status)
            }
        }
    }

    /// What a score (or its file) is for, checked: the year with its scheme, a unit assessed, an indicator that
    /// applies to it, and who may give that kind of score.
    static func scoring(
        _ req: Request, _ user: AuthUser, _ v: [String: String]
    ) async throws -> (Int, UUID, AssessmentScore.Kind, AssessmentScheme) {
        let year = Int(v["year"] ?? "") ?? 0
        guard (2000...2100).contains(year) else {
            throw DomainError.invalid(field: "year", message: "考核年度应在2000至2100之间")
        }
        let orgs = try await Directory.organisations(on: req.db)
        guard let unit = v["unit"].flatMap(UUID.init(uuidString:)),
            Query.assessed(user.readable, orgs: orgs).contains(unit),
            let name = orgs.first(where: { $0.id == unit })?.name
        else {
            throw DomainError.invalid(field: "unit", message: "请选择被考核单位（考核范围内的乡镇、部门）")
        }
        guard let (scheme, _, _) = try await Assessments.scheme(year: year, on: req.db) else {
            throw DomainError.invalid(field: "year", message: "\(year)年尚未导入考核方案")
        }
        let bodies = Set(try await EnforcementBodies.all(on: req.db).map(\.organisationId))
        let kinds = Query.kinds(of: unit, name: name, tree: user.policy.tree, bodies: bodies)
        if let indicator = scheme.leaves.first(where: { $0.code == v["code"] }), !indicator.applies(to: kinds) {
            throw DomainError.invalid(
                field: "code",
                message: "该指标只适用于\((indicator.appliesTo ?? []).map(\.rawValue).joined(separator: "、"))，不适用于\(name)")
        }
        guard let kind = AssessmentScore.Kind(rawValue: v["kind"] ?? "") else {
            throw DomainError.invalid(field: "kind", message: "请选择自评或考核评分")
        }
        guard kind == .assessor ? user.isSupervisor : mayReport(user, unit: unit) else {
            throw DomainError.forbidden(
                kind == .assessor ? "考核评分由司法行政部门（考核人员）作出" : "自评由本单位负责人或法制审核人员填报", article: nil)
        }
        // An assessor does not score the own unit (the 司法局 is itself assessed): 回避.
        guard kind != .assessor || user.organisationID != unit else {
            throw DomainError.forbidden("考核人员不能为本单位评分（应当回避，由考核组其他成员评分）", article: nil)
        }
        return (year, unit, kind, scheme)
    }

    /// 自评 by the unit's own head or 法制审核人员.
    static func mayReport(_ user: AuthUser, unit: UUID) -> Bool {
        user.grants.contains { [.head, .legalReviewer].contains($0.role) && $0.organisationID == unit }
    }

    /// Every figure a computed indicator may read (its label and unit), by `set.id`.
    static func figureKeys(_ req: Request, _ user: AuthUser, year: Int) async throws -> [String: FigureOut] {
        var out: [String: FigureOut] = [:]
        for set in StatisticsAPI.sets(req.fazhi.procedures) {
            for f in try await set.compute(req, year, [user.organisationID]).figures { out["\(set.id).\(f.id)"] = f }
        }
        return out
    }

    static func page(_ req: Request, _ user: AuthUser, error: String?) async throws -> Response {
        let q = try await Query.fetch(req, user)
        // The importer is shown the figures a computed indicator may name.
        let keys = q.mayImport ? try await figureKeys(req, user, year: q.year) : [:]
        // Every unit sees the year's draw plans and draws (a plan is published to those it draws from).
        let draws = try await InspectionOpening.draws(year: q.year, on: req.readDB)
        let plans = try await InspectionOpening.plans(year: q.year, on: req.readDB)
        return Views.console(
            "法治政府建设考核", user: user, request: req, active: SitePath.assessment(year: nil).path,
            flash: Flash.take(req),
            View(model: .init(q: q, csrf: CSRF.token(for: req), error: error, keys: keys, draws: draws, plans: plans))
                .render())
    }
}
