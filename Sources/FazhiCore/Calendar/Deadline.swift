import Foundation

/// How a period is counted.
public enum PeriodUnit: String, Codable, Sendable, CaseIterable {
    /// 工作日: only working days count (e.g. 行政处罚法 第八十五条 for "二日""三日""五日""七日").
    case workday
    /// 日 (calendar days): every day counts; a period ending on a rest day ends on the next working day
    /// (民事诉讼法 第八十五条, applied through 行政复议法 第八十八条第一款).
    case day
    /// 月: ends on the corresponding day of the last month, or its last day (民法典 第二百零二条), then past a rest day like
    /// a day period (民事诉讼法 第八十五条) — e.g. 行政诉讼法 第四十六条's six months, a 检察建议's two months.
    case month

    public var chineseName: String {
        switch self {
        case .workday: "工作日"
        case .day: "日"
        case .month: "个月"
        }
    }
}

/// A statutory period (法定期限) that a procedure step starts: from a start date, a number of days in a
/// unit, under a statute article; and the due date computed on the statutory calendar.
public struct Deadline: Codable, Sendable, Hashable {
    public let start: CivilDate
    public let period: Int
    public let unit: PeriodUnit
    /// The article that sets the period, e.g. `行政处罚法 第六十条`.
    public let article: String?
    public let due: CivilDate
    /// The period runs into a year whose 国务院办公厅 holiday notice is not loaded yet, so `due` is the earliest the
    /// true due date can be (every day of that year counted as a working day): never later than the law's. nil when
    /// the due date is exact.
    public var provisional: Bool?

    public init(
        start: CivilDate, period: Int, unit: PeriodUnit, article: String?, due: CivilDate, provisional: Bool = false
    ) {
        self.start = start; self.period = period; self.unit = unit; self.article = article; self.due = due
        self.provisional = provisional ? true : nil
    }

    /// The end the law's count reaches before a last day on a rest day is moved (民事诉讼法 第八十五条): an extension adds
    /// to it and a pause keeps what is left of it, so a holiday at the old end never lengthens the period twice.
    public var nominalEnd: CivilDate {
        switch unit {
        case .workday: due
        case .day: start.adding(days: period)
        case .month: start.addingMonths(period)
        }
    }

    /// Calendar days from `today` to the due date: 0 on the due day, negative once overdue.
    public func daysLeft(on today: CivilDate) -> Int { today.days(until: due) }

    /// Overdue once the due day has passed (the due day itself is still in time).
    public func isOverdue(on today: CivilDate) -> Bool { today > due }

    /// Short zh-CN status for lists: `剩余3天`, `今日到期`, `已逾期2天`.
    public func statusText(on today: CivilDate) -> String {
        let left = daysLeft(on: today)
        let note = provisional == true ? "（暂定）" : ""
        if left > 0 { return "剩余\(left)天\(note)" }
        if left == 0 { return "今日到期\(note)" }
        return "已逾期\(-left)天\(note)"
    }
}

/// Computes due dates on a `StatutoryCalendar`.
///
/// Rules (statutes §0): the start day is not counted (民事诉讼法 第八十五条); a working-day period counts
/// working days only; a calendar-day period whose last day is a rest day ends on the next working day; any
/// day the computation must look at that lies in a year without data is refused (§H: fail closed).
public struct DeadlineCalculator: Sendable {
    public let calendar: StatutoryCalendar
    public static let maxPeriod = 3660
    /// Month periods: up to ten years.
    public static let maxMonths = 120

    public init(calendar: StatutoryCalendar) { self.calendar = calendar }

    public func due(from start: CivilDate, days: Int, unit: PeriodUnit) throws -> CivilDate {
        CivilDate(dayNumber: try dueDayNumber(from: start.dayNumber, days: days, unit: unit))
    }

    public func deadline(from start: CivilDate, days: Int, unit: PeriodUnit, article: String? = nil) throws -> Deadline
    {
        Deadline(
            start: start, period: days, unit: unit, article: article, due: try due(from: start, days: days, unit: unit))
    }

    /// For a step of a procedure: the exact deadline, or — when the period runs into a year whose holiday notice is not
    /// out yet — a provisional one, the earliest the law's can be (each day of such a year counted as working: a
    /// holiday can only push the true date later, but a 调休 working weekend could pull a weekday count earlier, so
    /// weekends count too). A case must not stop being filed or decided because next year's notice is late; the
    /// public deadline calculator still refuses (fail closed, statutes §H).
    public func procedureDeadline(
        from start: CivilDate, days: Int, unit: PeriodUnit, article: String? = nil
    ) throws -> Deadline {
        do {
            return try deadline(from: start, days: days, unit: unit, article: article)
        } catch CalendarError.yearWithoutData {
            let due = CivilDate(
                dayNumber: try dueDayNumber(from: start.dayNumber, days: days, unit: unit, unknownIsWorking: true))
            return Deadline(start: start, period: days, unit: unit, article: article, due: due, provisional: true)
        }
    }

    /// The day-number form, allocation-free, for the hot path and the benchmark.
    public func dueDayNumber(from start: Int, days: Int, unit: PeriodUnit, unknownIsWorking: Bool = false) throws -> Int
    {
        guard days >= 1 && days <= (unit == .month ? Self.maxMonths : Self.maxPeriod) else {
            throw CalendarError.periodOutOfRange(days)
        }
        var d = start
        switch unit {
        case .month:
            return try rolledDayNumber(
                CivilDate(dayNumber: start).addingMonths(days).dayNumber, unknownIsWorking: unknownIsWorking)
        case .workday:
            var counted = 0
            while counted < days {
                d += 1
                switch calendar.kind(ofDay: d) {
                case .working: counted += 1
                case .rest: continue
                case .unknown:
                    if unknownIsWorking { counted += 1; continue }
                    throw CalendarError.yearWithoutData(CivilDate(dayNumber: d).year)
                }
            }
            return d
        case .day:
            return try rolledDayNumber(d + days, unknownIsWorking: unknownIsWorking)
        }
    }

    /// The day itself when it is a working day, else the first working day after it (民事诉讼法 第八十五条: "期间届满的最后一日是
    /// 法定休假日的，以法定休假日后的第一日为期间届满的日期").
    func rolledDayNumber(_ day: Int, unknownIsWorking: Bool) throws -> Int {
        var d = day
        while true {
            switch calendar.kind(ofDay: d) {
            case .working: return d
            case .rest: d += 1
            case .unknown:
                if unknownIsWorking { return d }
                throw CalendarError.yearWithoutData(CivilDate(dayNumber: d).year)
            }
        }
    }

    /// An end date the law computes some other way (a year after, five years after, 30 days after an announcement),
    /// moved past a rest day as every period's end is (民事诉讼法 第八十五条); a year without a holiday notice counts as
    /// working (the date is then the earliest the law's can be, as for a provisional deadline).
    public func periodEnd(_ date: CivilDate) -> CivilDate {
        CivilDate(dayNumber: (try? rolledDayNumber(date.dayNumber, unknownIsWorking: true)) ?? date.dayNumber)
    }

    /// A deadline `days` of `unit` from `start` that ends where the law's count ends — the nominal end moved past a
    /// rest day once — for a period resumed or extended (行政复议法 第三十九条第二款、第六十二条).
    public func procedureDeadline(
        from start: CivilDate, days: Int, unit: PeriodUnit, article: String?, allowingZero: Bool
    ) throws -> Deadline {
        guard allowingZero, days == 0 else {
            return try procedureDeadline(from: start, days: days, unit: unit, article: article)
        }
        // Nothing was left: the period ends on the day it resumes (or the next working day).
        return Deadline(start: start, period: 0, unit: unit, article: article, due: periodEnd(start))
    }

    /// Working days strictly after `from` up to and including `to` (0 if `to` is not after `from`).
    public func workingDays(after from: CivilDate, through to: CivilDate, unknownIsWorking: Bool = false) throws -> Int
    {
        guard to > from else { return 0 }
        var n = 0
        for dn in (from.dayNumber + 1)...to.dayNumber {
            switch calendar.kind(ofDay: dn) {
            case .working: n += 1
            case .rest: break
            case .unknown:
                if unknownIsWorking { n += 1; continue }
                throw CalendarError.yearWithoutData(CivilDate(dayNumber: dn).year)
            }
        }
        return n
    }

    /// A period lengthened by `more` of its own unit: added to the nominal end and moved past a rest day once, at the
    /// new end (行政复议法 第六十二条; 民事诉讼法 第八十五条) — not counted on from an end already moved past a holiday.
    public func extended(_ d: Deadline, by more: Int, article: String?) throws -> Deadline {
        try procedureDeadline(from: d.start, days: d.period + more, unit: d.unit, article: article ?? d.article)
    }

    /// What is left of a period paused on `day`, in the unit it resumes in: working days for a working-day period
    /// (行政复议法 第八十八条第二款), calendar days up to the nominal end otherwise (第三十九条第二款).
    public func remaining(of d: Deadline, pausedOn day: CivilDate) -> (days: Int, unit: PeriodUnit) {
        switch d.unit {
        case .workday:
            return ((try? workingDays(after: day, through: d.due, unknownIsWorking: true)) ?? 0, .workday)
        case .day, .month:
            return (max(0, day.days(until: d.nominalEnd)), .day)
        }
    }
}
