import Foundation

/// A date on the Chinese civil calendar (公历日期) with no time and no zone.
///
/// Legal periods are counted in China dates; the server runs in UTC, so every "today" is taken in
/// Asia/Shanghai (`CivilDate.today(in:)`). Internally a date is a day number (days since 1970-01-01),
/// which keeps deadline arithmetic free of Foundation's calendar on the hot path.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CivilDate.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// Parses `YYYY-MM-DD` strictly (zero-padded, a real date).
    public init?(iso string: String) {
        let bytes = Array(string.utf8)
        guard bytes.count == 10, bytes[4] == 45, bytes[7] == 45 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range { let b = bytes[i]; guard b >= 48 && b <= 57 else { return nil }; n = n * 10 + Int(b - 48) }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's days_from_civil).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        let w = (dayNumber + 3) % 7  // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }

    public var isWeekend: Bool { isoWeekday >= 6 }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }
    /// The same day `n` years on (29 February becomes 28 February in a common year): how "五年""二十年" periods end.
    public func addingYears(_ n: Int) -> CivilDate {
        CivilDate(year: year + n, month: month, day: min(day, CivilDate.daysInMonth(year: year + n, month: month)))!
    }

    /// The same day `n` months on, or the month's last day when it has no such day (民法典 第二百零二条: "按照年、月计算
    /// 期间的，到期月的对应日为期间的最后一日；没有对应日的，为月末日"): how "两个月""六个月""三个月" periods end.
    public func addingMonths(_ n: Int) -> CivilDate {
        let m0 = (year * 12 + (month - 1)) + n
        let y = m0 / 12, m = m0 % 12 + 1
        return CivilDate(year: y, month: m, day: min(day, CivilDate.daysInMonth(year: y, month: m)))!
    }

    public func days(until other: CivilDate) -> Int { other.dayNumber - dayNumber }

    public var description: String {
        let y = String(year), m = month < 10 ? "0\(month)" : "\(month)", d = day < 10 ? "0\(day)" : "\(day)"
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + m + "-" + d
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }

    /// China Standard Time has no daylight saving since 1991, so a fixed +08:00 offset is exact for
    /// every date Fazhi handles.
    public static let chinaOffsetSeconds = 8 * 3600

    /// The China date (Asia/Shanghai) of an instant.
    public init(instant: Date) {
        let seconds = Int((instant.timeIntervalSince1970).rounded(.down)) + CivilDate.chinaOffsetSeconds
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        self.init(dayNumber: days)
    }

    public static func today(now: Date = Date()) -> CivilDate { CivilDate(instant: now) }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let d = CivilDate(iso: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "日期格式应为 YYYY-MM-DD：\(s)")
        }
        self = d
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// Formats an instant as ISO 8601 in China time, e.g. `2026-11-21T20:30:05.123+08:00`.
public enum ChinaTime {
    /// To the minute, as an export's "导出时间" reads: `2026-11-21 20:30`.
    public static func minute(_ instant: Date) -> String {
        String(iso(instant).prefix(16)).replacingOccurrences(of: "T", with: " ")
    }

    public static func iso(_ instant: Date) -> String {
        let ms = Int((instant.timeIntervalSince1970 * 1000).rounded(.down)) + CivilDate.chinaOffsetSeconds * 1000
        let msOfDay = ((ms % 86_400_000) + 86_400_000) % 86_400_000
        let day = CivilDate(dayNumber: (ms - msOfDay) / 86_400_000)
        let h = msOfDay / 3_600_000, mi = (msOfDay / 60_000) % 60, s = (msOfDay / 1000) % 60, f = msOfDay % 1000
        func p(_ n: Int, _ w: Int) -> String {
            let t = String(n); return String(repeating: "0", count: max(0, w - t.count)) + t
        }
        return "\(day)T\(p(h, 2)):\(p(mi, 2)):\(p(s, 2)).\(p(f, 3))+08:00"
    }
}
