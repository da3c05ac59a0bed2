import FazhiCore
import FazhiStore
import Vapor

/// 学法 sessions (政府常务会议学法, 中心组学法, 专题讲座, 法治培训) of a year: listed for the units the user reads, entered by
/// the unit's head, 法制机构 or the 司法局 — the records behind the report's 法治保障 figures. Query → Model → View.
enum StudyPage {
    static func register(_ console: any RoutesBuilder) {
        console.get("study") { req async throws -> Response in
            let user = try req.requireUser()
            return try await page(req, user, error: nil)
        }
        console.post("study") { req async throws -> Response in
            let user = try req.requireUser()
            let v = try req.content.decode([String: String].self)
            do {
                guard let unit = v["unit"].flatMap(UUID.init(uuidString:)), user.readable.contains(unit) else {
                    throw DomainError.invalid(field: "unit", message: "请选择单位")
                }
                guard AnnualReportPage.mayWrite(user, unit: unit) else {
                    throw DomainError.forbidden("只有本单位负责人、法制审核人员或者司法行政监督人员可以登记学法", article: nil)
                }
                guard let kind = StudySession.Kind(rawValue: v["kind"] ?? "") else {
                    throw DomainError.invalid(field: "kind", message: "请选择学法形式")
                }
                guard let heldOn = CivilDate(iso: (v["heldOn"] ?? "").trimmed) else {
                    throw DomainError.invalid(field: "heldOn", message: "请填写学法日期")
                }
                guard let attendance = Int((v["attendance"] ?? "").trimmed) else {
                    throw DomainError.invalid(field: "attendance", message: "参加人数应为整数")
                }
                func lines(_ k: String) -> [String] {
                    (v[k] ?? "").split(whereSeparator: \.isNewline).map { String($0).trimmed }.filter { !$0.isEmpty }
                }
                let session = StudySession(
                    unitID: unit, heldOn: heldOn, kind: kind, topic: (v["topic"] ?? "").trimmed, laws: lines("laws"),
                    presenter: (v["presenter"] ?? "").trimmed, attendees: lines("attendees"), attendance: attendance)
                let today = req.fazhi.today
                try await req.write(as: user) { tx in try await StudySessions.add(session, today: today, in: tx) }
                Flash.set(req, ok: "已登记学法：\(session.topic)")
                return req.redirect(to: SitePath.study(year: heldOn.year).path)
            } catch let e as DomainError {
                return try await page(req, user, error: e.message).with(status: APIError(e).status)
            }
        }
    }

    static func page(_ req: Request, _ user: AuthUser, error: String?) async throws -> Response {
        let (year, readable) = try StatisticsAPI.scope(req, user)
        let orgs = try await Directory.organisations(on: req.db)
        let names = Dictionary(orgs.compactMap { o in o.id.map { ($0, o.name) } }, uniquingKeysWith: { a, _ in a })
        let sessions = try await StudySessions.list(units: readable, year: year, on: req.db)
        let writable = readable.filter { AnnualReportPage.mayWrite(user, unit: $0) }.compactMap { id in
            names[id].map { (id: id, name: $0) }
        }.sorted { $0.name < $1.name }
        let model = View.Model(
            year: year, today: req.fazhi.today, sessions: sessions.map { ($0, names[$0.unitID] ?? "") },
            units: writable, own: user.organisationID, csrf: CSRF.token(for: req), error: error)
        return Views.console(
            "学法记录", user: user, request: req, active: SitePath.study(year: nil).path, flash: Flash.take(req),
            View(model: model).render())
    }
}
