import FazhiApp
import FazhiCore
import FazhiStore
import Foundation
import Testing
import VaporTesting

/// A password reset ends the user's sessions and revokes their API tokens; a deactivation or a removed role ends their
/// sessions — on the record, in the same transaction.
@Suite(.serialized) struct SessionEndTests {
    @Test(arguments: TestDB.all) func resetDeactivateAndRevokeEndSessions(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let admin = try await t.token("admin")
            let officer = try await t.userID("scj.zhifa1")
            let web = WebClient(t)
            _ = try await web.login("scj.zhifa1")
            #expect(try await web.request(.GET, "/console").status == .ok)
            let token = try await t.token("scj.zhifa1")
            #expect(try await t.send(.GET, "/api/v1/me", token: token).status == .ok)

            // 重设密码: the browser is signed out and the token no longer works.
            let reset = try await t.send(
                .POST, "/api/v1/users/\(officer.uuidString)/password", token: admin,
                json: #"{"password":"Newpassword123"}"#)
            #expect(reset.status == .noContent)
            #expect(try await web.request(.GET, "/console").status != .ok)
            #expect(try await t.send(.GET, "/api/v1/me", token: token).status == .unauthorized)
            let entries = try await RecordLog.recent(on: t.app.db, limit: 20)
            #expect(entries.contains { $0.action == "sessions_ended" && $0.subjectID == officer.uuidString })

            // A removed role ends the sessions opened with it.
            let again = WebClient(t)
            _ = try await again.login("scj.zhifa1", "Newpassword123")
            #expect(try await again.request(.GET, "/console").status == .ok)
            let grants =
                try await t.send(.GET, "/api/v1/users/\(officer.uuidString)", token: admin).json()["grants"]
                as? [[String: Any]] ?? []
            let grant = try #require(grants.first?["id"] as? String)
            #expect(
                try await t.send(.DELETE, "/api/v1/users/\(officer.uuidString)/grants/\(grant)", token: admin).status
                    == .noContent)
            #expect(try await again.request(.GET, "/console").status != .ok)

            // A deactivated account's sessions end too.
            let head = try await t.userID("scj.juzhang")
            let third = WebClient(t)
            _ = try await third.login("scj.juzhang")
            #expect(try await third.request(.GET, "/console").status == .ok)
            let off = try await t.send(
                .POST, "/api/v1/users/\(head.uuidString)/active", token: admin, json: #"{"active":false}"#)
            #expect(off.status == .ok)
            #expect(try await third.request(.GET, "/console").status != .ok)
        }
    }
}
