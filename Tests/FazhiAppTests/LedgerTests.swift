import FazhiCore
import FazhiStore
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import FazhiApp

/// 台账 (第一责任人履职, 执法人员培训, 执法资格考试, 单位填报指标, 工作要点): entered with every field checked and nothing
/// written by a refusal; changed in versions; and the report's figures equal what the test itself entered — counted
/// from its own values, not by the code under test.
@Suite(.serialized) struct LedgerTests {
    @Test(arguments: TestDB.all) func enteredCheckedAndReported(_ db: TestDB) async throws {
        try await withTestApp(db) { t in
            let year = t.app.fazhi.today.year
            let county = try await t.orgID("清河县人民政府")
            let market = try await t.orgID("清河县市场监督管理局")
            let head = WebClient(t)
            _ = try await head.login("xzf.xianzhang")
            func report() async throws -> [String: Any] {
                try JSONSerialization.jsonObject(
                    with: Data(
                        try await head.request(.GET, "/console/annual-report?year=\(year)&format=json").text.utf8))
                    as? [String: Any] ?? [:]
            }
            func value(_ key: String) async throws -> Double? { AnnualReportTests.value(try await report(), key) }
            func post(_ kind: String, _ form: [String: String]) async throws -> TestingHTTPResponse {
                _ = try await head.request(.GET, "/console/ledgers/\(kind)")
                return try await head.request(.POST, "/console/ledgers/\(kind)", form: form)
            }
            let list = try await head.request(.GET, "/console/ledgers/duty?year=\(year)")
            #expect(list.status == .ok && list.text.contains("第一责任人履职记录") && list.text.contains("ledger-form"))
            #expect(try await head.request(.GET, "/console/ledgers/nothing").status == .notFound)

            // Refusals: each names its field, and nothing is written.
            let duty: [String: String] = [
                "unit": county.uuidString, "on": "\(year)-03-02", "leader": "王县长", "role": "government",
                "form": "chaired",
                "subject": "研究行政复议工作",
            ]
            let officers = try await Officers.list(bodies: [market], year: year, on: t.app.db)
            let course: [String: String] = [
                "unit": market.uuidString, "on": "\(year)-05-06", "title": "执法文书制作培训", "organiser": "县市场监管局",
                "hours": "8", "category": "legal",
                "attendees": officers.prefix(3).map(\.certificateNumber).joined(separator: "\n"),
            ]
            let exam: [String: String] = [
                "unit": county.uuidString, "on": "\(year)-08-08", "title": "补考", "passMark": "60",
                "scores": "甲 59\n乙 60\n丙，88", "certificates": "2",
            ]
            let before = try await t.recordSize()
            for (kind, form, field) in [
                ("duty", duty.merging(["form": "lawReport"]) { $1 }, "evaluation"),
                ("duty", duty.merging(["on": "\(year + 1)-01-02"]) { $1 }, "on"),
                ("duty", duty.merging(["form": "party"]) { $1 }, "form"),
                ("duty", duty.merging(["subject": ""]) { $1 }, "subject"),
                ("duty", duty.merging(["leader": "王\u{7}县长"]) { $1 }, "leader"),
                ("course", course.merging(["attendees": "ZJ0000000000"]) { $1 }, "attendees"),
                ("course", course.merging(["hours": "-3"]) { $1 }, "hours"),
                ("course", course.merging(["hours": "1e400"]) { $1 }, "hours"),
                ("exam", exam.merging(["certificates": "3"]) { $1 }, "certificates"),
                ("exam", exam.merging(["scores": "甲 101"]) { $1 }, "scores"),
                ("exam", exam.merging(["scores": "甲"]) { $1 }, "scores"),
            ] {
                let bad = try await post(kind, form)
                #expect(bad.status == .unprocessableEntity, "\(kind).\(field): \(bad.status)")
            }
            let officer = WebClient(t)
            _ = try await officer.login("scj.zhifa1")
            _ = try await officer.request(.GET, "/console/ledgers/course")
            #expect(try await officer.request(.POST, "/console/ledgers/course", form: course).status == .forbidden)
            #expect(try await t.recordSize() == before, "nothing written by a refusal")

            // Entered: each a record entry, and the report counts what the test entered.
            let chaired = try await value("duty.form.chaired") ?? -1
            let attendance = try await value("courses.attendance") ?? -1
            let (candidates, passed) = (
                try await value("exams.candidates") ?? -1, try await value("exams.passed") ?? -1
            )
            #expect(try await post("duty", duty).status == .seeOther)
            #expect(try await post("course", course).status == .seeOther)
            #expect(try await post("exam", exam).status == .seeOther)
            #expect(try await t.recordSize() == before + 3)
            #expect(try await value("duty.form.chaired") == chaired + 1)
            #expect(try await value("courses.attendance") == attendance + 3)
            #expect(try await value("exams.candidates") == candidates + 3)
            #expect(try await value("exams.passed") == passed + 2, "60 passes at 60; 59 does not")
            let part3 =
                ((try await report()["draft"] as? [String: Any])?["firstResponsibility"] as? [[String: Any]])?
                .description ?? ""
            #expect(part3.contains("主持召开会议专题研究部署法治建设工作"))
            // A 述法 held early next year counts for the year it reports on; one without its year is refused.
            let lawReport = duty.merging(["form": "lawReport", "evaluation": "好", "lawYear": String(year)]) { $1 }
            let lawReports = try await value("duty.form.lawReport") ?? -1
            #expect(try await post("duty", lawReport.merging(["lawYear": ""]) { $1 }).status == .unprocessableEntity)
            #expect(
                try await post("duty", lawReport.merging(["evaluation": "优"]) { $1 }).status == .unprocessableEntity)
            #expect(try await post("duty", lawReport).status == .seeOther)
            #expect(try await value("duty.form.lawReport") == lawReports + 1)
            // One held in January for the year before is listed under that year (its 述法年度), and under its own.
            let january = lawReport.merging([
                "on": "\(year)-01-15", "lawYear": String(year - 1), "subject": "一月述上年度法治建设",
            ]) { $1 }
            #expect(try await post("duty", january).status == .seeOther)
            #expect(try await head.request(.GET, "/console/ledgers/duty?year=\(year - 1)").text.contains("一月述上年度法治建设"))
            #expect(try await head.request(.GET, "/console/ledgers/duty?year=\(year)").text.contains("一月述上年度法治建设"))
            #expect(
                !(try await head.request(.GET, "/console/ledgers/duty?year=\(year - 2)").text.contains("一月述上年度法治建设")))
            // `under`: the units under one (a county report's links); a unit not read is not found.
            let under = try await head.request(.GET, "/console/ledgers/duty?year=\(year)&under=\(county.uuidString)")
            #expect(under.status == .ok && under.text.contains("一月述上年度法治建设"))
            let department = try await head.request(
                .GET, "/console/ledgers/duty?year=\(year)&under=\(market.uuidString)")
            #expect(department.status == .ok && !department.text.contains("一月述上年度法治建设"), "the county's own entry")
            #expect(
                try await head.request(.GET, "/console/ledgers/duty?year=\(year)&under=\(UUID().uuidString)").status
                    == .notFound)

            // 考试合格 → 执法证: 丙 passed on 08-08 and the 名录 now holds a certificate issued after it; 乙 has none yet.
            let certified = try await value("exams.certified") ?? -1
            let issued = try #require(CivilDate(iso: "\(year)-09-01"))
            let expires = try #require(CivilDate(iso: "\(year + 5)-09-01"))
            _ = try await t.app.fazhi.store.write(on: t.app.db, .system) { tx in
                try await Officers.create(
                    OfficerInput(
                        name: "丙", gender: "女", idNumber: "11010519491231002X", bodyID: market, post: "执法队员",
                        certificate: EnforcementCertificate(
                            number: "QH-EXAM-0088", category: "市场监管", region: "清河县", issuedOn: issued,
                            expiresOn: expires, status: .active),
                        hasLegalQualification: false, legalCertificateNumber: "", examScore: 88),
                    trainingYear: year, trainingHours: 0, in: tx)
            }
            #expect(try await value("exams.certified") == certified + 1)
            let exams = try await head.request(.GET, "/console/ledgers/exam?year=\(year)").text
            #expect(exams.contains("QH-EXAM-0088") && exams.contains("执法人员名录中尚无此人"))

            // A course's hours count towards each attendee's year (the 名录's hours plus the courses').
            let first = try #require(officers.first)
            let api = try await head.request(.GET, "/api/v1/statistics/training?year=\(year)&body=\(market.uuidString)")
            let hours =
                ((try JSONSerialization.jsonObject(with: Data(api.text.utf8)) as? [String: Any])?["figures"]
                as? [[String: Any]])?.first { $0["id"] as? String == "hours" }?["value"] as? Double
            let registered = officers.map { $0.trainingHours ?? 0 }.reduce(0, +)
            let coursesHours = try await Ledgers.list(kind: "course", units: nil, year: year, on: t.app.db).map { c in
                c["hours"].isEmpty
                    ? 0
                    : Double(c["hours"])!
                        * Double(
                            c.lines("attendees").filter { n in officers.contains { $0.certificateNumber == n } }.count)
            }.reduce(0, +)
            #expect(hours == registered + coursesHours, "\(first.name)'s course counted")
            // The 名录 reads the same hours (its list, its alerts); a changed course replaces what it gave.
            let earlier = first.courseHours ?? 0
            let withCourse = try #require(try await Officers.officer(first.id, year: year, on: t.app.db))
            #expect(withCourse.courseHours == earlier + 8, "the course's 8 hours on the officer's year")
            let courseID = try #require(
                try await Ledgers.list(kind: "course", units: [market], year: year, on: t.app.db).first {
                    $0["title"] == "执法文书制作培训"
                }?.id)
            #expect(
                try await post(
                    "course", course.merging(["hours": "12", "entry": courseID.uuidString, "version": "1"]) { $1 }
                )
                .status == .seeOther)
            let after = try #require(try await Officers.officer(first.id, year: year, on: t.app.db))
            #expect(after.courseHours == earlier + 12, "12 hours now, not 8 + 12")
            #expect(after.totalHours == (after.trainingHours ?? 0) + (after.courseHours ?? 0))

            // 单位填报: one figure per indicator, unit and year; stated as reported.
            let indicator: [String: String] = [
                "unit": county.uuidString, "on": "\(year)-11-01", "indicator": "petitions", "value": "410",
                "source": "县信访局信访信息系统", "attachment": "信访事项统计表",
            ]
            #expect(try await post("indicator", indicator).status == .seeOther)
            #expect(try await post("indicator", indicator.merging(["value": "5"]) { $1 }).status == .conflict)
            #expect(try await value("indicators.petitions") == 410)
            let page = try await head.request(.GET, "/console/annual-report?year=\(year)")
            #expect(page.text.contains("受理信访事项") && page.text.contains("title=\"单位填报\">填报</sup>"), "marked as reported")

            // 工作要点: an overdue task goes into part 二 until it is done; next year's into part 四; changed in versions.
            let task: [String: String] = [
                "unit": county.uuidString, "on": "\(year)-01-31", "task": "出台县政府合法性审查工作规则", "owner": "县司法局",
                "progress": "ongoing",
            ]
            let overdue = try await value("workPlan.overdue") ?? -1
            #expect(try await post("workPlan", task).status == .seeOther)
            #expect(try await value("workPlan.overdue") == overdue + 1)
            #expect(
                try await post("workPlan", task.merging(["on": "\(year + 2)-01-01"]) { $1 }).status
                    == .unprocessableEntity)
            #expect(
                try await post("workPlan", task.merging(["on": "\(year + 1)-05-31", "task": "建设法治政府示范创建工作台账"]) { $1 })
                    .status == .seeOther)
            let part4 =
                ((try await report()["draft"] as? [String: Any])?["nextYear"] as? [[String: Any]])?.description ?? ""
            #expect(part4.contains("建设法治政府示范创建工作台账"))
            let id = try #require(
                try await Ledgers.list(kind: "workPlan", units: [county], year: year, on: t.app.db).first {
                    $0["task"] == task["task"]
                }?.id)
            let done = task.merging(["progress": "done", "entry": id.uuidString, "version": "1"]) { $1 }
            #expect(try await post("workPlan", done).status == .seeOther)
            #expect(try await post("workPlan", done).status == .conflict, "a change over an older version")
            #expect(try await value("workPlan.overdue") == overdue)
            #expect(try await Ledgers.entry(id, on: t.app.db)?.version == 2)
        }
    }
}
