import FazhiCore
import Vapor

/// `GET /api/v1/deadline?from=2025-09-30&days=5&unit=workday` — public: citizens and staff alike.
struct DeadlineAPI {
    struct Answer: Content {
        let due: String
        let from: String
        let days: Int
        let unit: String
        let unitName: String
        let daysLeft: Int
        let overdue: Bool
        let rule: String
    }

    static let rule = "起算日不计入（民事诉讼法第八十五条）；以工作日计的期间只计工作日（含调休上班日，不含法定节假日和周末）；以日计的期间届满日为休息日的，顺延至其后第一个工作日；缺少节假日数据的年份拒绝计算。"

    static func parse(_ req: Request) throws -> (CivilDate, Int, PeriodUnit) {
        guard let fromText = req.query[String.self, at: "from"] else {
            throw APIError(.unprocessableEntity, code: "invalid", field: "from", message: "缺少起算日期 from（格式 YYYY-MM-DD）")
        }
        guard let from = CivilDate(iso: fromText) else {
            throw APIError(
                .unprocessableEntity, code: "invalid", field: "from", message: "起算日期“\(fromText)”无效，格式应为 YYYY-MM-DD")
        }
        guard let daysText = req.query[String.self, at: "days"] else {
            throw APIError(.unprocessableEntity, code: "invalid", field: "days", message: "缺少期间天数 days")
        }
        guard let days = Int(daysText), (1...DeadlineCalculator.maxPeriod).contains(days) else {
            throw APIError(
                .unprocessableEntity, code: "invalid", field: "days",
                message: "期间天数应为1–\(DeadlineCalculator.maxPeriod)的整数")
        }
        let unitText = req.query[String.self, at: "unit"] ?? "day"
        guard let unit = PeriodUnit(rawValue: unitText) else {
            throw APIError(
                .unprocessableEntity, code: "invalid", field: "unit",
                message: "unit 应为 workday（工作日）、day（日）或 month（月）")
        }
        if unit == .month, days > DeadlineCalculator.maxMonths {
            throw APIError(
                .unprocessableEntity, code: "invalid", field: "days",
                message: "以月计的期间应为1–\(DeadlineCalculator.maxMonths)个月")
        }
        return (from, days, unit)
    }

    static func answer(_ req: Request) throws -> Answer {
        let (from, days, unit) = try parse(req)
        let d = try req.fazhi.deadlines.deadline(from: from, days: days, unit: unit)
        let today = req.fazhi.today
        return Answer(
            due: d.due.description, from: from.description, days: days, unit: unit.rawValue, unitName: unit.chineseName,
            daysLeft: d.daysLeft(on: today), overdue: d.isOverdue(on: today), rule: rule)
    }

    static func register(_ api: any RoutesBuilder) {
        api.get("deadline") { req in try answer(req) }
    }
}
