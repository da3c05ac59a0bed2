import FazhiCore
import FazhiStore
import Foundation
import NIOCore
import Testing
import VaporTesting

@Suite("Bad input, idempotency, concurrency")
struct InputTests {
    @Test(arguments: TestDB.all)
    func badBodiesAreRefusedAndWriteNothing(_ db: TestDB) async throws {
        try await withTestApp(db) { t in
            let token = try await t.token("admin")
            let org = try await t.orgID("清河县司法局")
            let before = try await t.recordSize()
            let cases: [(String, HTTPStatus, String?)] = [
                (#"{"username":"a.b","displayName":"x""#, .badRequest, nil),  // malformed JSON
                (#"[1,2]"#, .unprocessableEntity, nil),  // not an object
                (
                    #"{"username":"abc","displayName":"x","password":"abcdef12345","organisationId":"\#(org)","admin":true}"#,
                    .unprocessableEntity, "admin"
                ),  // unknown field
                (
                    #"{"username":123,"displayName":"x","password":"abcdef12345","organisationId":"\#(org)"}"#,
                    .unprocessableEntity, "username"
                ),  // wrong type
                (
                    #"{"username":"abc","displayName":"x","password":"abcdef12345","organisationId":"not-a-uuid"}"#,
                    .unprocessableEntity, "organisationId"
                ),
                // missing
                (#"{"username":"abc","displayName":"x","organisationId":"\#(org)"}"#, .unprocessableEntity, "password"),
                (
                    #"{"username":"abc","displayName":"x","password":"abcdef12345","organisationId":"\#(org)","roles":[{"role":"king","organisationId":"\#(org)"}]}"#,
                    .unprocessableEntity, "roles.[0].role"
                ),  // enum
                (
                    #"{"username":"Ab C","displayName":"x","password":"abcdef12345","organisationId":"\#(org)"}"#,
                    .unprocessableEntity, "username"
                ),
                (
                    #"{"username":"abc","displayName":"x","password":"short1","organisationId":"\#(org)"}"#,
                    .unprocessableEntity, "password"
                ),
            ]
            for (body, status, field) in cases {
                let r = try await t.send(.POST, "/api/v1/users", token: token, json: body)
                #expect(r.status == status, "\(body) → \(r.text)")
                if let field { #expect(r.errorField == field, "\(body) → \(r.text)") }
                #expect(r.errorMessage?.isEmpty == false)
            }
            // Wrong content type, oversized body.
            #expect(
                try await t.send(
                    .POST, "/api/v1/tokens", token: token, json: "name=x",
                    contentType: "application/x-www-form-urlencoded"
                ).status == .unsupportedMediaType)
            // Invalid organisation data.
            let badOrg = try await t.send(
                .POST, "/api/v1/organisations", token: token,
                json: #"{"name":"某局","uscc":"11339901MB000001X","regionCode":"339901","parentId":"\#(org)"}"#)
            #expect(badOrg.status == .unprocessableEntity)
            #expect(badOrg.errorField == "uscc")
            let badRegion = try await t.send(
                .POST, "/api/v1/regions", token: token, json: #"{"code":"33990","name":"某区"}"#)
            #expect(badRegion.errorField == "code")
            #expect(try await t.recordSize() == before)
            #expect(try await Accounts.user(named: "abc", on: t.app.db) == nil)
        }
    }

    @Test("An oversized body is refused by the running server")
    func oversizedBody() async throws {
        try await withTestApp(.sqlite) { t in
            let token = try await t.token("admin")
            let before = try await t.recordSize()
            let huge = #"{"name":""# + String(repeating: "x", count: 1_100_000) + #""}"#
            var h = HTTPHeaders()
            h.add(name: "Authorization", value: "Bearer \(token)");
            h.add(name: "Content-Type", value: "application/json")
            let r = try await t.app.testing(method: .running(port: Int.random(in: 21000...29000)))
                .sendRequest(.POST, "/api/v1/tokens", headers: h, body: ByteBuffer(string: huge))
            #expect(r.status == .payloadTooLarge)
            #expect(r.errorMessage?.contains("请求体过大") == true)
            #expect(try await t.recordSize() == before)
        }
    }

    @Test(arguments: TestDB.all)
    func idempotencyKeyReturnsTheFirstResult(_ db: TestDB) async throws {
        try await withTestApp(db) { t in
            let token = try await t.token("admin")
            let org = try await t.orgID("清河县司法局")
            let body =
                #"{"username":"retry.me","displayName":"重试","password":"abcdef12345","organisationId":"\#(org)"}"#
            let first = try await t.send(
                .POST, "/api/v1/users", token: token, json: body, headers: [("Idempotency-Key", "k-1")])
            let size = try await t.recordSize()
            let second = try await t.send(
                .POST, "/api/v1/users", token: token, json: body, headers: [("Idempotency-Key", "k-1")])
            #expect(first.status == .created)
            #expect(second.status == .created)
            #expect(second.headers.first(name: "Idempotent-Replayed") == "true")
            #expect(try first.json()["id"] as? String == (try second.json()["id"] as? String))
            #expect(try await t.recordSize() == size)
            // Without the key the retry is a new request (and conflicts).
            #expect(try await t.send(.POST, "/api/v1/users", token: token, json: body).status == .conflict)
            // The same key on another path is refused.
            let other = try await t.send(
                .POST, "/api/v1/tokens", token: token, json: #"{"name":"x"}"#, headers: [("Idempotency-Key", "k-1")])
            #expect(other.status == .unprocessableEntity)
        }
    }

    @Test("Fifty concurrent writers never fail", arguments: TestDB.all)
    func concurrentWriters(_ db: TestDB) async throws {
        try await withTestApp(db) { t in
            var tokens: [String] = []
            for u in ["admin", "sfj.jiandu", "scj.zhifa1", "scj.zhifa2", "zf.zhifa1"] {
                tokens.append(try await t.token(u))
            }
            let before = try await t.recordSize()
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for i in 0..<50 {
                    let token = tokens[i % tokens.count]
                    group.addTask {
                        try await t.send(.POST, "/api/v1/tokens", token: token, json: #"{"name":"并发-\#(i)"}"#).status
                    }
                }
                var out: [HTTPStatus] = []
                for try await s in group { out.append(s) }
                return out
            }
            #expect(statuses.allSatisfy { $0 == .created }, "\(statuses)")
            #expect(try await t.recordSize() == before + 50)
            #expect(try await RecordLog.audit(on: t.app.db).ok)
        }
    }
}
