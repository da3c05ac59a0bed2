import FazhiCore
import FazhiStore
import Foundation
import Testing
import VaporTesting

@testable import FazhiApp

/// Small doors closed (issue 14, item 7): an unauthenticated API write is 401; a violation date after the 立案 is
/// refused; text with control characters is refused; only the 复议机构's staff manage the 复议委员会.
@Suite(.serialized) struct HardeningTests {
    @Test(arguments: TestDB.all) func smallDoorsAreClosed(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            #expect(
                try await t.send(.POST, "/api/v1/cases", json: #"{"procedure":"penalty.ordinary"}"#).status
                    == .unauthorized)

            let c = CaseAPITests.Client(t: t)
            let (officer, head, _, _, item) = try await CaseAPITests.setUp(t)
            let id = try await c.open(officer, "penalty.ordinary").json()["id"] as! String
            let filing: [String: Any] = [
                "source": "complaint", "powerItemCode": item, "partyName": "清河县某某商店", "partyKind": "organisation",
                "partyAddress": "城关镇", "summary": "销售过期食品", "violationOn": "2026-09-01",
            ]
            let before = try await t.recordSize()
            let future = try await c.step(id, head, "file_case", version: 0, date: "2026-08-03", filing)
            #expect(future.status == .unprocessableEntity && CaseAPITests.article(future) == "行政处罚法 第三十六条")
            var nul = filing
            nul["violationOn"] = "2026-07-01"
            nul["summary"] = "销售\u{0}过期食品"
            let control = try await c.step(id, head, "file_case", version: 0, date: "2026-08-03", nul)
            let field = (try control.json()["error"] as? [String: Any])?["field"] as? String
            #expect(control.status == .unprocessableEntity && field == "summary")
            #expect(try await t.recordSize() == before, "nothing written")
            nul["summary"] = "销售过期食品\n（多行说明）"
            #expect(try await c.step(id, head, "file_case", version: 0, date: "2026-08-03", nul).status == .ok)

            let member = #"{"name":"王某","kind":"expert","affiliation":"某大学","appointedOn":"2026-01-05"}"#
            let byHead = try await t.send(.POST, "/api/v1/reconsideration/committee-members", token: head, json: member)
            #expect(byHead.status == .forbidden && CaseAPITests.article(byHead) == "行政复议法 第五十二条")
            let byClerk = try await t.send(
                .POST, "/api/v1/reconsideration/committee-members", token: try await t.token("sfj.fuyi"), json: member)
            #expect(byClerk.status == .created)

            // The same key twice in one object: refused with the key, whichever value came last (issue 14).
            let twice = try await t.send(
                .POST, "/api/v1/reconsideration/committee-members", token: try await t.token("sfj.fuyi"),
                json: #"{"name":"李某","kind":"expert","affiliation":"某大学","appointedOn":"2026-01-05","name":"赵某"}"#)
            let twiceField = (try twice.json()["error"] as? [String: Any])?["field"] as? String
            #expect(twice.status == .unprocessableEntity && twiceField == "name", "\(twice.text)")
            #expect(DuplicateJSONKeys.first(in: Array(#"{"a":{"b":1},"c":[{"b":2},{"b":3}],"d":"\"a\""}"#.utf8)) == nil)
            #expect(
                DuplicateJSONKeys.first(in: Array(#"{"a":1,"\u0061":2}"#.utf8)) == "a", "escaped forms are the same key"
            )
            // A NUL in a query (PostgreSQL cannot store one: a 500 before, found by schemathesis) or a JSON body.
            let nulQuery = try await t.send(.GET, "/api/v1/cases?item=a%00b", token: try await t.token("sfj.fuyi"))
            #expect(nulQuery.status == .badRequest, "\(nulQuery.status)")
            let nulBody = try await t.send(
                .POST, "/api/v1/reconsideration/committee-members", token: try await t.token("sfj.fuyi"),
                json: #"{"name":"李\u0000某","kind":"expert","affiliation":"某大学","appointedOn":"2026-01-05"}"#)
            #expect(nulBody.status == .unprocessableEntity && nulBody.errorField == "name")
        }
    }
}
