import FazhiCore
import Foundation

/// `fazhi deadline --from 2025-09-30 --days 5 --unit workday` prints the due date and nothing else, so
/// scripts can use it; errors go to standard error with a non-zero exit. Needs no database.
public enum DeadlineCLI {
    public static func run(_ args: [String], calendarDirectory: String?) -> Int32 {
        var from: String?, days: String?, unit = "day"
        var i = 0
        while i < args.count {
            let a = args[i], v = i + 1 < args.count ? args[i + 1] : nil
            switch a {
            case "--from": from = v; i += 2
            case "--days": days = v; i += 2
            case "--unit": unit = v ?? ""; i += 2
            case "-h", "--help":
                print(
                    "用法：fazhi deadline --from YYYY-MM-DD --days N [--unit workday|day]\n起算日不计入；workday 只计工作日；day 届满日遇休息日顺延；缺少节假日数据的年份拒绝计算。"
                )
                return 0
            default:
                FileHandle.standardError.write(Data("未知参数：\(a)\n".utf8)); return 2
            }
        }
        func fail(_ m: String, _ code: Int32 = 2) -> Int32 {
            FileHandle.standardError.write(Data((m + "\n").utf8)); return code
        }
        guard let f = from, let start = CivilDate(iso: f) else { return fail("--from 应为 YYYY-MM-DD 格式的日期") }
        guard let d = days.flatMap(Int.init) else { return fail("--days 应为整数") }
        guard let u = PeriodUnit(rawValue: unit) else { return fail("--unit 应为 workday 或 day") }
        do {
            let calendar = try StatutoryCalendar.load(extraDirectory: calendarDirectory)
            print(try DeadlineCalculator(calendar: calendar).due(from: start, days: d, unit: u).description)
            return 0
        } catch {
            return fail("无法计算：\(error)", 1)
        }
    }
}
