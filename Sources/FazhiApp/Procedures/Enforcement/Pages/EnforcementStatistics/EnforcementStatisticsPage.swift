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
            if req.query[String.self, at: "format"] == "xlsx" {
                return try xlsx(
                    q,
                    exportedAt: ChinaTime.minute(req.fazhi.now)
                )
            }
            let model = Model(q, today: req.fazhi.today)
            return Views.console(
                "执法统计", user: user, request: req, active: SitePath.enforcementStatistics.path, flash: Flash.take(req),
                View(model: model).render())
        }
    }

    static let headers = [
        "执法主体", "立案及检查", "行政处罚案件", "行政检查", "处罚决定", "不予处罚", "移送", "罚款（元）", "平均办案天数", "超期", "法制审核率", "听证",
    ]

    /// The year's workbook as a supervisor files it: a title row (scope, year, export time), the header, one row per body
    /// in scope — those with no cases included, as zeros — and a 合计 row; numbers are number cells.
    static func xlsx(_ q: Query, exportedAt: String) throws -> Response {
        let yearly = Dictionary(
            q.figures.filter { $0.month == nil }.map { ($0.bodyID, $0) }, uniquingKeysWith: { a, _ in a })
        let scope = q.only.map { [$0] } ?? q.bodies.map(\.organisationId)
        func row(_ name: String, _ f: CaseFigures, days: String) -> [String] {
            let counts = [f.opened, f.penaltyCases, f.inspections, f.penalties, f.noPenalty, f.transferred].map {
                String($0)
            }
            let rate = f.reviewRate.map { String(format: "%.0f%%", $0 * 100) } ?? "—"
            return [name] + counts + [Yuan.number(f.fines), days, String(f.overdue), rate, String(f.heard)]
        }
        var total = CaseFigures.none(UUID())
        var rows: [[String]] = []
        for id in scope {
            let f = yearly[id] ?? CaseFigures.none(id)
            rows.append(
                row(q.names[id] ?? "", f, days: f.averageHandlingDays.map { String(format: "%.1f", $0) } ?? "—"))
            total.opened += f.opened; total.penaltyCases += f.penaltyCases; total.inspections += f.inspections
            total.penalties += f.penalties; total.noPenalty += f.noPenalty; total.transferred += f.transferred
            total.fines += f.fines; total.overdue += f.overdue; total.heard += f.heard
            total.legallyReviewed += f.legallyReviewed; total.ordinaryPenaltyDecisions += f.ordinaryPenaltyDecisions
        }
        let title = [
            "\(q.only.flatMap { q.names[$0] } ?? "本级及所辖执法主体")\(q.year)年行政执法统计", "导出时间：\(exportedAt)",
        ]
        return try TableResponse.xlsx(
            [title, headers] + rows + [row("合计", total, days: "—")], sheet: "\(q.year)年执法统计",
            filename: "执法统计-\(q.year)")
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
