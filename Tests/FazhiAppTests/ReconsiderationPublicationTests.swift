import FazhiApp
import FazhiCore
import Foundation
import SQLKit
import Testing
import VaporTesting

/// 行政复议决定公开 (第七十九条): served decisions on the portal with a natural person's name masked and numbers scrubbed;
/// a decision not yet served, or withheld with a reason, is not shown.
@Suite("行政复议决定公开")
struct ReconsiderationPublicationTests {
    typealias R = ReconsiderationTests

    @Test(arguments: TestDB.all)
    func servedDecisionsArePublishedMaskedAndWithheldOnesAreNot(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let c = CaseAPITests.Client(t: t), staff = try await t.token("sfj.fuyi")
            func decided(_ name: String, withheld: String?, serve: Bool) async throws -> String {
                var k = try await R.open(c, staff)
                try await R.ok(
                    c, &k, staff, "register", "2026-11-02",
                    R.application(["applicantName": name, "actAmount": 2000, "learnedOn": "2026-10-20"]))
                try await R.ok(
                    c, &k, staff, "accept", "2026-11-03", ["track": "simple", "simpleGround": "small_amount"])
                try await R.ok(c, &k, staff, "send_copy", "2026-11-04", ["copyReceivedOn": "2026-11-04"])
                var d = R.decision("uphold", ["decisionText": "维持。申请人\(name)（电话13812345678）的请求不予支持"])
                if let withheld { d["publicationWithheld"] = withheld }
                try await R.ok(c, &k, staff, "decide", "2026-11-10", d)
                if serve {
                    try await R.ok(c, &k, staff, "serve", "2026-11-11", ["serviceMethod": "direct", "recipient": name])
                }
                return k.id
            }
            let shown = try await decided("张三丰", withheld: nil, serve: true)
            let hidden = try await decided("欧阳娜娜", withheld: "涉及个人隐私", serve: true)
            let unserved = try await decided("司马光明", withheld: nil, serve: false)

            let list = try await t.send(.GET, "/reconsideration/decisions")
            #expect(list.status == .ok && list.text.contains("张某某") && !list.text.contains("张三丰"))
            #expect(list.text.contains("清河县某某超市"), "an organisation applicant (the demo's upheld case) is named")
            #expect(
                !list.text.contains("欧阳") && !list.text.contains("司马") && !CaseAPITests.showsPersonalNumbers(list.text))
            let page = try await t.send(.GET, "/reconsideration/decisions/\(shown)")
            #expect(
                page.status == .ok && page.text.contains("申请人张某某（电话＊＊＊）的请求不予支持") && page.text.contains("清河县人民政府行政复议决定书")
            )
            #expect(!CaseAPITests.showsPersonalNumbers(page.text) && !page.text.contains("张三丰"))
            #expect(try await t.send(.GET, "/reconsideration/decisions/\(hidden)").status == .notFound)
            #expect(try await t.send(.GET, "/reconsideration/decisions/\(unserved)").status == .notFound)
            let json = try await t.send(.GET, "/reconsideration/decisions?q=张某某&format=json").json()
            #expect(json["total"] as? Int == 1)
        }
    }
}

/// The 复议委员会 registry (第五十二条): members by kind with their terms, managed by the office's staff, on the record.
@Suite("行政复议委员会")
struct CommitteeTests {
    @Test(arguments: TestDB.all)
    func staffRegisterMembersAndEndTerms(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let web = WebClient(t)
            _ = try await web.login("sfj.fuyi")
            var page = try await web.request(.GET, "/console/reconsideration/committee")
            #expect(page.status == .ok && page.text.contains("id=\"serving\">6<") && page.text.contains("临州大学法学院"))
            // Bad input: an unknown kind, a term ending before the appointment, a serving member twice.
            let bad = try await web.request(
                .POST, "/console/reconsideration/committee",
                form: ["name": "赵一鸣", "kind": "friend", "affiliation": "某所", "appointedOn": "2026-01-01"])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("委员类别应为"))
            let early = try await web.request(
                .POST, "/console/reconsideration/committee",
                form: [
                    "name": "赵一鸣", "kind": "expert", "affiliation": "某所", "appointedOn": "2026-01-01",
                    "termEndsOn": "2025-01-01",
                ])
            #expect(early.status == .unprocessableEntity && early.text.contains("任期届满日期"))
            let twice = try await web.request(
                .POST, "/console/reconsideration/committee",
                form: ["name": "王明德", "kind": "scholar", "affiliation": "临州大学", "appointedOn": "2026-01-01"])
            #expect(twice.status == .conflict)
            let ok = try await web.request(
                .POST, "/console/reconsideration/committee",
                form: ["name": "赵一鸣", "kind": "expert", "affiliation": "临州市律师协会", "appointedOn": "2026-01-01"])
            #expect(ok.status == .seeOther)
            let token = try await t.token("sfj.fuyi")
            let members = try await t.send(.GET, "/api/v1/reconsideration/committee-members", token: token).jsonArray()
            #expect(members.count == 7)
            let id = members.first { $0["name"] as? String == "赵一鸣" }!["id"] as! String
            #expect(
                try await web.request(.POST, "/console/reconsideration/committee/\(id)/end", form: [:]).status
                    == .seeOther)
            page = try await web.request(.GET, "/console/reconsideration/committee")
            #expect(page.text.contains("id=\"serving\">6<") && page.text.contains("已离任"))
            // Nobody outside the office's 复议 staff manages it.
            let officer = try await t.send(
                .POST, "/api/v1/reconsideration/committee-members", token: try await t.token("scj.zhifa1"),
                json: "{\"name\":\"x\",\"kind\":\"expert\",\"affiliation\":\"y\",\"appointedOn\":\"2026-01-01\"}")
            #expect(officer.status == .forbidden && CaseAPITests.article(officer) == "行政复议法 第五十二条")
            let recorded = try await t.sql.raw(
                "SELECT COUNT(*) AS n FROM record_entries WHERE subject_type = 'committee_member'"
            ).first()!.decode(column: "n", as: Int.self)
            #expect(recorded == 8, "6 demo members, 1 added, 1 term ended")
        }
    }
}
