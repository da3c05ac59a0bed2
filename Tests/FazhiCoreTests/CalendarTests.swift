import Foundation
import Testing

@testable import FazhiCore

/// An independent model of the official calendar, built from the shipped CSV files with Foundation's
/// Gregorian calendar, to check the engine's day-number arithmetic against.
private struct ReferenceCalendar {
    var off = Set<String>(), work = Set<String>(), years = Set<Int>()
    let cal: Calendar = {
        var c = Calendar(identifier: .gregorian); c.timeZone = TimeZone(identifier: "Asia/Shanghai")!; return c
    }()

    init() {
        for url in StatutoryCalendar.shippedFiles() {
            for line in try! String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            where line.first?.isNumber == true {
                let c = line.split(separator: ",").map(String.init)
                if c[1] == "off" { off.insert(c[0]) } else { work.insert(c[0]) }
                years.insert(Int(c[3])!)
            }
        }
    }
    func date(_ s: String) -> Date {
        let p = s.split(separator: "-").map { Int($0)! }
        return cal.date(from: DateComponents(year: p[0], month: p[1], day: p[2]))!
    }
    func string(_ d: Date) -> String {
        let c = cal.dateComponents([.year, .month, .day], from: d)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
    func isWorking(_ d: Date) -> Bool? {
        let s = string(d)
        guard years.contains(cal.component(.year, from: d)) else { return nil }
        if off.contains(s) { return false }
        if work.contains(s) { return true }
        let wd = cal.component(.weekday, from: d)
        return wd != 1 && wd != 7
    }
    func due(_ from: String, _ n: Int, _ unit: PeriodUnit) -> String? {
        var d = date(from)
        if unit == .workday {
            var k = 0
            while k < n {
                d = cal.date(byAdding: .day, value: 1, to: d)!; guard let w = isWorking(d) else { return nil };
                if w { k += 1 }
            }
        } else {
            d = cal.date(byAdding: .day, value: n, to: d)!
            while true {
                guard let w = isWorking(d) else { return nil }; if w { break };
                d = cal.date(byAdding: .day, value: 1, to: d)!
            }
        }
        return string(d)
    }
}

@Suite("Statutory calendar and deadlines")
struct CalendarTests {
    let calc = DeadlineCalculator(calendar: .shipped)

    func due(_ from: String, _ n: Int, _ unit: PeriodUnit) throws -> String {
        try calc.due(from: CivilDate(iso: from)!, days: n, unit: unit).description
    }

    @Test func issueExample() throws {
        #expect(try due("2025-09-30", 5, .workday) == "2025-10-14")
        // Calendar days: 10-05 is inside the 国庆+中秋 holiday, so the period ends on the next working day.
        #expect(try due("2025-09-30", 5, .day) == "2025-10-09")
    }

    /// A step of a procedure does not stop at the end of the loaded years: its deadline is provisional, the earliest the
    /// law's can be (every day of an unpublished year counted as working), while the public calculator still refuses.
    @Test func provisionalBeyondTheLoadedYears() throws {
        let start = CivilDate(iso: "2026-11-20")!
        #expect(throws: CalendarError.self) { try calc.deadline(from: start, days: 60, unit: .day) }
        let sixty = try calc.procedureDeadline(from: start, days: 60, unit: .day, article: "行政复议法 第六十二条第一款")
        #expect(
            sixty.due.description == "2027-01-19" && sixty.provisional == true
                && sixty.statusText(on: start).hasSuffix("（暂定）"))
        // Working days: 2026's are counted as published (12-25 Friday … 12-31), then every 2027 day counts.
        let ten = try calc.procedureDeadline(from: CivilDate(iso: "2026-12-24")!, days: 10, unit: .workday)
        #expect(ten.due.description == "2027-01-05" && ten.provisional == true)
        // Inside the loaded years nothing changes: exact, not provisional.
        let exact = try calc.procedureDeadline(from: CivilDate(iso: "2025-09-30")!, days: 5, unit: .workday)
        #expect(exact.due.description == "2025-10-14" && exact.provisional == nil)
    }

    @Test func shippedYears() {
        #expect(StatutoryCalendar.shipped.years == [2024, 2025, 2026])
    }

    @Test("Every listed day has the kind the notice gives it")
    func everyListedDay() throws {
        let cal = StatutoryCalendar.shipped
        for line in cal.lines where cal.years.contains(line.date.year) {
            #expect(try cal.isWorkingDay(line.date) == (line.kind == .work), "\(line.date)")
        }
    }

    @Test("调休 working weekends count as working days")
    func makeUpDaysCount() throws {
        #expect(try due("2024-02-09", 1, .workday) == "2024-02-18")  // 除夕 2024 was a working day; 02-18 Sun 调休
        #expect(try due("2024-02-03", 1, .workday) == "2024-02-04")  // Sun 调休
        #expect(try due("2026-02-13", 1, .workday) == "2026-02-14")  // Sat 调休
        #expect(try due("2026-02-14", 1, .workday) == "2026-02-24")  // 春节 9 days
        #expect(try due("2025-12-31", 1, .workday) == "2026-01-04")  // 元旦 then Sun 调休
        #expect(try due("2024-05-10", 1, .day) == "2024-05-11")  // a period may end on a 调休 Saturday
        #expect(try due("2024-04-03", 3, .day) == "2024-04-07")  // 清明 ends; 04-07 Sun 调休
    }

    @Test("Ordinary weekends and holidays are skipped")
    func restDays() throws {
        #expect(try due("2024-03-08", 1, .day) == "2024-03-11")
        #expect(try due("2024-03-08", 1, .workday) == "2024-03-11")
        #expect(try due("2024-09-30", 1, .workday) == "2024-10-08")
        #expect(try due("2024-09-13", 3, .workday) == "2024-09-19")  // 09-14 Sat work (1), 15–17 off, 18 (2), 19 (3)
        #expect(try due("2025-01-27", 15, .day) == "2025-02-11")
        #expect(try due("2025-01-20", 10, .day) == "2025-02-05")  // 01-30 falls in 春节, rolls to 02-05
    }

    @Test("A year without data is refused, never guessed (fail closed)")
    func failClosed() {
        #expect(throws: CalendarError.yearWithoutData(2027)) {
            try calc.due(from: CivilDate(iso: "2026-12-31")!, days: 1, unit: .workday)
        }
        #expect(throws: CalendarError.yearWithoutData(2027)) {
            try calc.due(from: CivilDate(iso: "2026-12-25")!, days: 7, unit: .day)
        }
        #expect(throws: CalendarError.yearWithoutData(2023)) {
            try calc.due(from: CivilDate(iso: "2023-12-20")!, days: 3, unit: .day)
        }
        // 2026-12-31 is a Thursday: one calendar day lands in 2027 — still refused.
        #expect(throws: CalendarError.yearWithoutData(2027)) {
            try calc.due(from: CivilDate(iso: "2026-12-30")!, days: 2, unit: .day)
        }
        #expect(throws: CalendarError.periodOutOfRange(0)) {
            try calc.due(from: CivilDate(iso: "2025-01-01")!, days: 0, unit: .day)
        }
    }

    @Test("Every holiday boundary of 2024–2026 matches the reference model, both units")
    func boundariesAgainstReference() throws {
        let ref = ReferenceCalendar()
        let cal = StatutoryCalendar.shipped
        var starts = Set<String>()
        for line in cal.lines {
            for delta in -3...3 { starts.insert(line.date.adding(days: delta).description) }
        }
        var checked = 0
        for s in starts.sorted() {
            for n in [1, 2, 3, 5, 7, 10, 15, 30, 60] {
                for unit in [PeriodUnit.workday, .day] {  // the reference model counts days; months are tested apart
                    let expected = ref.due(s, n, unit)
                    let got = try? due(s, n, unit)
                    #expect(got == expected, "\(s) + \(n) \(unit)")
                    checked += 1
                }
            }
        }
        #expect(checked > 3000)
    }

    @Test("Every day of 2024–2026 has the reference kind")
    func everyDay() throws {
        let ref = ReferenceCalendar()
        var d = CivilDate(iso: "2024-01-01")!
        while d.year <= 2026 {
            let expected = ref.isWorking(ref.date(d.description))
            #expect((try? StatutoryCalendar.shipped.isWorkingDay(d)) == expected, "\(d)")
            d = d.adding(days: 1)
        }
    }

    @Test func deadlineDaysLeft() throws {
        let dl = try calc.deadline(from: CivilDate(iso: "2025-09-30")!, days: 5, unit: .workday, article: "行政处罚法 第六十四条")
        #expect(dl.due.description == "2025-10-14")
        #expect(dl.daysLeft(on: CivilDate(iso: "2025-10-10")!) == 4)
        #expect(dl.statusText(on: CivilDate(iso: "2025-10-14")!) == "今日到期")
        #expect(!dl.isOverdue(on: CivilDate(iso: "2025-10-14")!))
        #expect(dl.isOverdue(on: CivilDate(iso: "2025-10-15")!))
        #expect(dl.statusText(on: CivilDate(iso: "2025-10-16")!) == "已逾期2天")
    }

    @Test func deployerCanAddAYear() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cal-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "date,kind,holiday,notice_year\n2027-01-01,off,元旦,2027\n".write(
            to: dir.appendingPathComponent("cn-2027.csv"), atomically: true, encoding: .utf8)
        let cal = try StatutoryCalendar.load(extraDirectory: dir.path)
        #expect(cal.years == [2024, 2025, 2026, 2027])
        let c = DeadlineCalculator(calendar: cal)
        #expect(try c.due(from: CivilDate(iso: "2026-12-31")!, days: 1, unit: .workday).description == "2027-01-04")
    }

    @Test func malformedDataIsRejected() {
        #expect(throws: CalendarError.self) { try StatutoryCalendar.parse(csv: "2027-01-01,off,元旦\n", file: "x.csv") }
        #expect(throws: CalendarError.self) {
            try StatutoryCalendar.parse(csv: "2027-01-04,work,元旦,2027\n", file: "x.csv")
        }  // a Monday
        #expect(throws: CalendarError.self) {
            try StatutoryCalendar.parse(csv: "2027-02-30,off,春节,2027\n", file: "x.csv")
        }
    }

    @Test func civilDates() {
        #expect(CivilDate(iso: "2025-02-29") == nil)
        #expect(CivilDate(iso: "2024-02-29") != nil)
        #expect(CivilDate(iso: "2024-2-29") == nil)
        #expect(CivilDate(iso: "2025-10-14")!.isoWeekday == 2)
        #expect(CivilDate(dayNumber: 0).description == "1970-01-01")
        // 2026-11-21 16:30 UTC is already 2026-11-22 in Beijing.
        #expect(CivilDate(instant: Date(timeIntervalSince1970: 1_795_278_600)).description == "2026-11-22")
        #expect(ChinaTime.iso(Date(timeIntervalSince1970: 0)) == "1970-01-01T08:00:00.000+08:00")
    }
}
