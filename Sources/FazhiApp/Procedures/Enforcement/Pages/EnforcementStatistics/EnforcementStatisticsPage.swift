import FazhiCore
import FazhiOffice
import FazhiStore
import Vapor

/// 执法统计: per body and month, the figures the seeds' annual reports give (cases, outcomes, fines, handling days,
/// overdue, 法制审核率, hearings), and how often each 行政处罚 item was used (履职率). Every figure links to its cases.
/// Query → Model → View.
enum EnforcementStatisticsPage {
    static func register(_ console: any RoutesBuilder) {
        console.get("statistics") { req async throws -> Response in
            let user = try req.requireUser()
            let year = req.query[Int.self, at: "year"] ?? req.fazhi.today.year
            guard (2000...2100).contains(year) else {
                throw DomainError.invalid(field: "year", message: "年度应在2000至2100之间")
            }
            let q = try await Query.fetch(
                req, user: user, year: year, body: req.query[String.self, at: "body"].flatMap(UUID.init(uuidString:)))
            if req.query[String.self, at: "format"] == "xlsx" { return try xlsx(q) }
            let model = Model(q, today: req.fazhi.today)
            return Views.console(
                "执法统计", user: user, request: req, active: SitePath.enforcementStatistics.path, flash: Flash.take(req),
                View(model: model).render())
        }
    }

    static let headers = [
        "执法主体", "立案及检查", "行政处罚案件", "行政检查", "处罚决定", "不予处罚", "移送", "罚款（元）", "平均办案天数", "超期", "法制审核率", "听证",
    ]

    static func xlsx(_ q: Query) throws -> Response {
        let rows: [[String]] =
            [headers]
            + q.figures.filter { $0.month == nil }.map { (f: CaseFigures) -> [String] in
                let counts: [String] = [
                    f.opened, f.penaltyCases, f.inspections, f.penalties, f.noPenalty, f.transferred,
                ].map { String($0) }
                let days: String = f.averageHandlingDays.map { String(format: "%.1f", $0) } ?? ""
                let rate: String = f.reviewRate.map { String(format: "%.0f%%", $0 * 100) } ?? ""
                return [q.names[f.bodyID] ?? ""] + counts + [
                    Yuan.number(f.fines), days, String(f.overdue), rate, String(f.heard),
                ]
            }
        return try TableResponse.xlsx(rows, sheet: "\(q.year)年执法统计", filename: "执法统计-\(q.year)")
    }

    struct Query {
        let year: Int
        let bodies: [EnforcementBodyRow]
        let names: [UUID: String]
        /// The one body asked for, when it is one the user may read.
        let only: UUID?
        let figures: [CaseFigures]
        let uses: [PowerItemUse]

        static func fetch(_ req: Request, user: AuthUser, year: Int, body: UUID?) async throws -> Query {
            let today = req.fazhi.today
            let bodies = try await EnforcementBodies.all(on: req.db).filter {
                user.readable.contains($0.organisationId)
            }
            let names = Dictionary(
                bodies.map { ($0.organisationId, $0.organisationName) }, uniquingKeysWith: { a, _ in a })
            let only = body.flatMap { names[$0] != nil ? $0 : nil }
            let scope = only.map { Set([$0]) } ?? Set(bodies.map(\.organisationId))
            return Query(
                year: year, bodies: bodies, names: names, only: only,
                figures: try await CaseStatistics.figures(year: year, bodies: scope, today: today, on: req.db),
                uses: try await CaseStatistics.powerItemUse(year: year, bodies: scope, today: today, on: req.db))
        }
    }
}
