import FazhiApp
import FazhiCore
import FazhiStore
import Foundation
import Testing
import VaporTesting

/// The statistics API (every figure set as JSON: value, label, definition, the records it counts) and the console's
/// navigation, which shows each role what it uses.
@Suite(.serialized) struct StatisticsAPITests {
    @Test(arguments: TestDB.all) func figureSetsAsJSON(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let staff = try await t.token("sfj.fuyi")
            let sets = try await t.send(.GET, "/api/v1/statistics", token: staff).jsonArray().compactMap {
                $0["id"] as? String
            }
            #expect(
                Set(sets).isSuperset(of: ["reconsideration", "litigation", "mediation", "enforcement", "training"]))

            // 行政复议: each declared figure with its definition and the list of the cases it counts; the list has exactly
            // as many cases as the figure's value.
            let year = t.app.fazhi.today.year
            let recon = try await t.send(.GET, "/api/v1/statistics/reconsideration?year=\(year)", token: staff).json()
            let figures = recon["figures"] as? [[String: Any]] ?? []
            let received = try #require(figures.first { $0["id"] as? String == "received" })
            #expect(
                (received["value"] as? Double ?? 0) >= 1 && received["label"] as? String == "收案"
                    && !(received["definition"] as? String ?? "").isEmpty)
            let listed = try await t.send(.GET, received["records"] as! String, token: staff).jsonArray()
            #expect(Double(listed.count) == received["value"] as? Double)
            #expect(listed.allSatisfy { $0["procedure"] as? String == "reconsideration" })
            #expect(figures.contains { $0["id"] as? String == "correction" && $0["unit"] as? String == "比率" })
            #expect((recon["summary"] as? String ?? "").contains("收到行政复议申请"))

            // Officer training for an earlier year, not only this one.
            let head = try await t.token("scj.juzhang")
            let training = try await t.send(.GET, "/api/v1/statistics/training?year=\(year - 1)", token: head)
            let trainingYear = try training.json()["year"] as? Int
            #expect(training.status == .ok && trainingYear == year - 1)

            // Bad input: a year out of range (422, the field named), an unknown set (404), a body the caller may not read (404).
            let badYear = try await t.send(.GET, "/api/v1/statistics/mediation?year=99999", token: staff)
            let badField = (try badYear.json()["error"] as? [String: Any])?["field"] as? String
            #expect(badYear.status == .unprocessableEntity && badField == "year")
            #expect(try await t.send(.GET, "/api/v1/statistics/nothing", token: staff).status == .notFound)
            let other = try await t.orgID("清河县综合行政执法局")
            #expect(
                try await t.send(.GET, "/api/v1/statistics/enforcement?body=\(other.uuidString)", token: head).status
                    == .notFound)
            #expect(
                try await t.send(.GET, "/api/v1/statistics/enforcement?body=not-a-uuid", token: head).status
                    == .unprocessableEntity)
            #expect(try await t.send(.GET, "/api/v1/statistics/enforcement").status == .unauthorized)
        }
    }

    @Test(arguments: [TestDB.sqlite]) func navigationShowsEachRoleWhatItUses(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            func nav(_ user: String) async throws -> String {
                let web = WebClient(t)
                _ = try await web.login(user)
                let page = try await web.request(.GET, "/console").text
                guard let start = page.range(of: "<nav id=\"console-nav\">"),
                    let end = page.range(of: "</nav>", range: start.upperBound..<page.endIndex)
                else { return "" }
                return String(page[start.upperBound..<end.lowerBound])
            }
            let officer = try await nav("scj.zhifa1")
            #expect(
                officer.contains(">执法案件<") && officer.contains(">执法<") && !officer.contains(">调解<")
                    && !officer.contains(">行政复议<"))
            let mediator = try await nav("sfj.tiaojie")
            #expect(mediator.contains(">调解<") && !mediator.contains(">执法案件<") && mediator.contains(">复议·应诉·调解<"))
            let clerk = try await nav("sfj.fuyi")
            #expect(clerk.contains(">行政复议<") && clerk.contains(">复议委员会<") && !clerk.contains(">两法衔接<"))
            // Everyone sees the registers and the system group; only administrators and supervisors manage users.
            let admin = try await nav("admin")
            #expect(officer.contains(">登记簿<") && !officer.contains(">用户与角色<") && admin.contains(">用户与角色<"))
        }
    }
}
