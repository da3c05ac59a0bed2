import Foundation

/// The kind of a day on the official calendar.
public enum DayKind: UInt8, Sendable {
    /// No holiday data for this day's year: every computation that touches it is refused (fail closed).
    case unknown = 0
    /// 工作日, including a 调休 weekend working day (调休上班).
    case working = 1
    /// 休息日: an ordinary weekend day or a 法定节假日 (statutory holiday, weekends inside its range included).
    case rest = 2
}

/// One line of a holiday data file: `date,kind,holiday,notice_year`.
public struct HolidayNoticeLine: Sendable, Hashable {
    public enum Kind: String, Sendable { case off, work }
    public let date: CivilDate
    public let kind: Kind
    public let holiday: String
    public let noticeYear: Int
}

public enum CalendarError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The year has no State Council holiday notice loaded (statutes §H: fail closed).
    case yearWithoutData(Int)
    case malformedData(file: String, line: Int, reason: String)
    case periodOutOfRange(Int)

    public var description: String {
        switch self {
        case .yearWithoutData(let y):
            return "\(y)年的节假日安排（国务院办公厅通知）尚未载入，无法计算期限（依法不作推测）。请在日历数据目录中加入 cn-\(y).csv 后重试。"
        case .malformedData(let file, let line, let reason):
            return "节假日数据文件 \(file) 第\(line)行有误：\(reason)"
        case .periodOutOfRange(let n):
            return "期间天数 \(n) 超出允许范围（1–3660）。"
        }
    }
}

/// The statutory working calendar (法定工作日历): weekends, plus the State Council holiday ranges, minus
/// the 调休 make-up working weekends (statutes §0 note 2, §H).
///
/// Data comes per notice year (`cn-YYYY.csv`): the files shipped in the binary's resources and any a
/// deployer drops into a data directory, so a new year's notice needs no rebuild. A calendar year is
/// known only if its notice was loaded; any other day is `.unknown`.
public struct StatutoryCalendar: Sendable {
    /// Day kinds from `baseDay` on, one byte a day, spanning the loaded years.
    private let kinds: [UInt8]
    private let baseDay: Int
    public let years: [Int]
    public let lines: [HolidayNoticeLine]

    public init(lines: [HolidayNoticeLine], years declaredYears: Set<Int>) {
        let years = declaredYears.sorted()
        self.years = years
        self.lines = lines.sorted { $0.date < $1.date }
        guard let first = years.first, let last = years.last else {
            kinds = []; baseDay = 0; return
        }
        let base = CivilDate(year: first, month: 1, day: 1)!.dayNumber
        let end = CivilDate(year: last, month: 12, day: 31)!.dayNumber
        var table = [UInt8](repeating: DayKind.unknown.rawValue, count: end - base + 1)
        for y in years {
            let s = CivilDate(year: y, month: 1, day: 1)!.dayNumber,
                e = CivilDate(year: y, month: 12, day: 31)!.dayNumber
            for dn in s...e {
                table[dn - base] = CivilDate(dayNumber: dn).isWeekend ? DayKind.rest.rawValue : DayKind.working.rawValue
            }
        }
        for line in lines where declaredYears.contains(line.date.year) {
            table[line.date.dayNumber - base] = line.kind == .off ? DayKind.rest.rawValue : DayKind.working.rawValue
        }
        self.kinds = table
        self.baseDay = base
    }

    @inline(__always)
    public func kind(ofDay dayNumber: Int) -> DayKind {
        let i = dayNumber - baseDay
        guard i >= 0, i < kinds.count else { return .unknown }
        return DayKind(rawValue: kinds[i])!
    }

    public func kind(of date: CivilDate) -> DayKind { kind(ofDay: date.dayNumber) }

    /// Whether the day is a working day; throws for a year without data.
    public func isWorkingDay(_ date: CivilDate) throws -> Bool {
        switch kind(of: date) {
        case .working: return true
        case .rest: return false
        case .unknown: throw CalendarError.yearWithoutData(date.year)
        }
    }

    /// The holiday name of a listed day (e.g. `国庆节`), if any.
    public func holidayName(of date: CivilDate) -> String? {
        lines.first { $0.date == date }?.holiday
    }

    // MARK: Loading

    /// Parses one notice file. The notice year of each line declares that year as known.
    public static func parse(csv text: String, file: String) throws -> (lines: [HolidayNoticeLine], years: Set<Int>) {
        var lines: [HolidayNoticeLine] = []
        var years = Set<Int>()
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("date,") { continue }
            let cols = line.split(separator: ",", omittingEmptySubsequences: false).map { String($0) }
            guard cols.count == 4 else {
                throw CalendarError.malformedData(
                    file: file, line: i + 1, reason: "应有4列（date,kind,holiday,notice_year）")
            }
            guard let date = CivilDate(iso: cols[0]) else {
                throw CalendarError.malformedData(file: file, line: i + 1, reason: "日期无效：\(cols[0])")
            }
            guard let kind = HolidayNoticeLine.Kind(rawValue: cols[1]) else {
                throw CalendarError.malformedData(file: file, line: i + 1, reason: "kind 应为 off 或 work：\(cols[1])")
            }
            guard let year = Int(cols[3]), (1949...9999).contains(year) else {
                throw CalendarError.malformedData(file: file, line: i + 1, reason: "notice_year 无效：\(cols[3])")
            }
            if kind == .work && !date.isWeekend {
                throw CalendarError.malformedData(file: file, line: i + 1, reason: "调休上班日 \(date) 不是周末")
            }
            lines.append(HolidayNoticeLine(date: date, kind: kind, holiday: cols[2], noticeYear: year))
            years.insert(year)
        }
        return (lines, years)
    }

    /// Loads the shipped notices, then every `cn-YYYY.csv` in `directory` (a deployer's additions; a file for
    /// a year already shipped replaces it).
    public static func load(extraDirectory directory: String? = nil) throws -> StatutoryCalendar {
        var byYear: [Int: [HolidayNoticeLine]] = [:]
        func add(_ url: URL) throws {
            let text = try String(contentsOf: url, encoding: .utf8)
            let parsed = try parse(csv: text, file: url.lastPathComponent)
            for y in parsed.years { byYear[y] = parsed.lines.filter { $0.noticeYear == y } }
        }
        for url in shippedFiles() { try add(url) }
        if let directory, FileManager.default.fileExists(atPath: directory) {
            let names = try FileManager.default.contentsOfDirectory(atPath: directory)
                .filter { $0.hasPrefix("cn-") && $0.hasSuffix(".csv") }.sorted()
            for name in names { try add(URL(fileURLWithPath: directory).appendingPathComponent(name)) }
        }
        return StatutoryCalendar(lines: byYear.values.flatMap { $0 }, years: Set(byYear.keys))
    }

    static func shippedFiles() -> [URL] {
        guard let dir = Bundle.module.resourceURL?.appendingPathComponent("calendar"),
            let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path)
        else { return [] }
        return names.filter { $0.hasSuffix(".csv") }.sorted().map { dir.appendingPathComponent($0) }
    }

    /// The shipped data only, loaded once.
    public static let shipped: StatutoryCalendar = {
        do { return try load() } catch { return StatutoryCalendar(lines: [], years: []) }
    }()
}
