import FazhiCore
import FazhiStore
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import FazhiApp

/// Issue 14: no one grants themselves a role. An administrator's own grant waits for another administrator of the
/// organisation; the record shows the request and the approval, each with its person.
@Suite(.serialized) struct GrantRequestTests {
    @Test(arguments: TestDB.all) func aSelfGrantWaitsForASecondAdministrator(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let admin = try await t.token("admin"), adminID = try await t.userID("admin")
            let scj = try await t.orgID("清河县市场监督管理局")
            let me = try await t.send(.GET, "/api/v1/users/\(adminID)", token: admin).json()
            let home = try #require((me["organisationId"] as? String).flatMap(UUID.init(uuidString:)))

            // Asking for a role in another organisation for oneself: 202, a request, no grant.
            let ask = try await t.send(
                .POST, "/api/v1/users/\(adminID)/grants", token: admin,
                json: #"{"role":"head","organisationId":"\#(scj)"}"#)
            #expect(ask.status == .accepted, "\(ask.text)")
            let requestID = try #require(try ask.json()["id"] as? String)
            #expect(try ask.json()["status"] as? String == "pending")
            let grants =
                try await t.send(.GET, "/api/v1/users/\(adminID)", token: admin).json()["grants"]
                as? [[String: Any]] ?? []
            #expect(!grants.contains { $0["role"] as? String == "head" }, "not granted yet")
            // …which the asker cannot approve.
            let selfApprove = try await t.send(.POST, "/api/v1/grant-requests/\(requestID)/approve", token: admin)
            #expect(selfApprove.status == .forbidden, "\(selfApprove.text)")

            // A second administrator (granted by the first — not to oneself, so at once) approves it.
            let secondID = try await t.userID("zf.fazhi")
            let made = try await t.send(
                .POST, "/api/v1/users/\(secondID)/grants", token: admin,
                json: #"{"role":"system_admin","organisationId":"\#(home)"}"#)
            #expect(made.status == .created, "\(made.text)")
            let second = try await t.token("zf.fazhi")
            let waiting = try await t.send(.GET, "/api/v1/grant-requests", token: second).jsonArray()
            #expect(waiting.contains { $0["id"] as? String == requestID })
            let approved = try await t.send(.POST, "/api/v1/grant-requests/\(requestID)/approve", token: second)
            #expect(approved.status == .created, "\(approved.text)")
            let after =
                try await t.send(.GET, "/api/v1/users/\(adminID)", token: admin).json()["grants"]
                as? [[String: Any]] ?? []
            #expect(
                after.contains { $0["role"] as? String == "head" && $0["organisationId"] as? String == scj.uuidString })
            #expect(
                try await t.send(.POST, "/api/v1/grant-requests/\(requestID)/approve", token: second).status
                    == .conflict)

            // The record names both: the request by the first, the approval by the second.
            let entries = try await t.sql.raw(
                "SELECT actor, action, payload FROM record_entries WHERE subject_type = 'grant_request' ORDER BY seq"
            ).all()
            let actions = try entries.map { try $0.decode(column: "action", as: String.self) }
            #expect(actions == ["request", "approve"])
            let approval = try entries.last!.decode(column: "payload", as: String.self)
            #expect(approval.contains(adminID.uuidString) && approval.contains(secondID.uuidString))
        }
    }
}
