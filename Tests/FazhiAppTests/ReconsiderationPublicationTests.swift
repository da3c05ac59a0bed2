import FazhiApp
import FazhiCore
import Foundation
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
                try await R.ok(c, &k, staff, "register", "2026-11-02", R.application(["applicantName": name, "actAmount": 2000, "learnedOn": "2026-10-20"]))
                try await R.ok(c, &k, staff, "accept", "2026-11-03", ["track": "simple", "simpleGround": "small_amount"])
                var d = R.decision("uphold", ["decisionText": "维持。申请人\(name)（电话13812345678）的请求不予支持"])
                if let withheld { d["publicationWithheld"] = withheld }
                try await R.ok(c, &k, staff, "decide", "2026-11-10", d)
                if serve { try await R.ok(c, &k, staff, "serve", "2026-11-11", ["serviceMethod": "direct", "recipient": name]) }
                return k.id
            }
            let shown = try await decided("张三丰", withheld: nil, serve: true)
            let hidden = try await decided("欧阳娜娜", withheld: "涉及个人隐私", serve: true)
            let unserved = try await decided("司马光明", withheld: nil, serve: false)

            let list = try await t.send(.GET, "/reconsideration/decisions")
            #expect(list.status == .ok && list.text.contains("张某某") && !list.text.contains("张三丰"))
            #expect(list.text.contains("清河县某某超市"), "an organisation applicant (the demo's upheld case) is named")
            #expect(!list.text.contains("欧阳") && !list.text.contains("司马") && !CaseAPITests.showsPersonalNumbers(list.text))
            let page = try await t.send(.GET, "/reconsideration/decisions/\(shown)")
            #expect(page.status == .ok && page.text.contains("申请人张某某（电话＊＊＊）的请求不予支持") && page.text.contains("清河县人民政府行政复议决定书"))
            #expect(!CaseAPITests.showsPersonalNumbers(page.text) && !page.text.contains("张三丰"))
            #expect(try await t.send(.GET, "/reconsideration/decisions/\(hidden)").status == .notFound)
            #expect(try await t.send(.GET, "/reconsideration/decisions/\(unserved)").status == .notFound)
            let json = try await t.send(.GET, "/reconsideration/decisions?q=张某某&format=json").json()
            #expect(json["total"] as? Int == 1)
        }
    }
}
