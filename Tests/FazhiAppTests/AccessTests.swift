import FazhiCore
import FazhiStore
import Foundation
import Testing
import VaporTesting

/// The cross-organisation access matrix: who may read (else 404) and change (else 403) what.
@Suite("Access by role and organisation")
struct AccessTests {
    enum Expect: Equatable { case ok, notFound, forbidden }

    @Test(arguments: TestDB.all)
    func matrix(_ db: TestDB) async throws {
        try await withTestApp(db) { t in
            let scj = try await t.orgID("清河县市场监督管理局")
            let suo = try await t.orgID("清河县市场监督管理局城关市场监管所")
            let zf = try await t.orgID("清河县综合行政执法局")
            let sfj = try await t.orgID("清河县司法局")
            let scjOfficer = try await t.userID("scj.zhifa2")
            let zfOfficer = try await t.userID("zf.zhifa2")

            // Who reads which organisation.
            let reads: [(String, UUID, Expect)] = [
                ("admin", zf, .ok), ("admin", suo, .ok),
                // supervisor: whole jurisdiction
                ("sfj.jiandu", scj, .ok), ("sfj.jiandu", zf, .ok), ("sfj.jiandu", suo, .ok),
                ("scj.juzhang", scj, .ok), ("scj.juzhang", suo, .ok), ("scj.juzhang", zf, .notFound),
                ("scj.juzhang", sfj, .notFound),
                ("scj.zhifa1", scj, .ok), ("scj.zhifa1", zf, .notFound),
                ("zf.zhifa1", zf, .ok), ("zf.zhifa1", scj, .notFound),
            ]
            for (who, org, expect) in reads {
                let r = try await t.send(.GET, "/api/v1/organisations/\(org)", token: try await t.token(who))
                #expect(r.status == (expect == .ok ? .ok : .notFound), "\(who) reads org")
            }
            // Who reads which user.
            let userReads: [(String, UUID, Expect)] = [
                ("scj.zhifa1", scjOfficer, .ok), ("scj.zhifa1", zfOfficer, .notFound),
                ("zf.zhifa1", scjOfficer, .notFound), ("sfj.jiandu", zfOfficer, .ok), ("admin", zfOfficer, .ok),
            ]
            for (who, target, expect) in userReads {
                let r = try await t.send(.GET, "/api/v1/users/\(target)", token: try await t.token(who))
                #expect(r.status == (expect == .ok ? .ok : .notFound), "\(who) reads user")
            }
            // The user list shows only what the reader may see.
            let listed = try await t.send(.GET, "/api/v1/users", token: try await t.token("zf.zhifa1")).jsonArray().map
            { $0["username"] as! String }
            #expect(Set(listed) == ["zf.juzhang", "zf.zhifa1", "zf.zhifa2", "zf.fazhi"])

            // Who may change a user: only an admin over the user's organisation. Visible but not allowed → 403;
            // not visible → 404.
            let grant = #"{"role":"head","organisationId":"\#(scj)"}"#
            let writes: [(String, UUID, Expect)] = [
                ("admin", scjOfficer, .ok),
                ("sfj.jiandu", scjOfficer, .forbidden),  // supervisor reads but does not administer
                ("scj.juzhang", scjOfficer, .forbidden),  // head of the body is no system admin
                ("scj.zhifa1", scjOfficer, .forbidden),
                ("zf.juzhang", scjOfficer, .notFound),  // cannot even see it
            ]
            for (who, target, expect) in writes {
                let before = try await t.recordSize()
                let r = try await t.send(
                    .POST, "/api/v1/users/\(target)/grants", token: try await t.token(who), json: grant)
                let status: HTTPStatus = expect == .ok ? .created : (expect == .forbidden ? .forbidden : .notFound)
                #expect(r.status == status, "\(who) grants: \(r.text)")
                if expect != .ok {
                    #expect(try await t.recordSize() == before + 1, "only the token creation was recorded")
                }
            }
            // Creating users: only in an administered organisation.
            let newUser = { (org: UUID, name: String) in
                #"{"username":"\#(name)","displayName":"某某","password":"abcdef12345","organisationId":"\#(org)"}"#
            }
            #expect(
                try await t.send(
                    .POST, "/api/v1/users", token: try await t.token("scj.juzhang"), json: newUser(scj, "x.one")
                ).status == .forbidden)
            #expect(
                try await t.send(
                    .POST, "/api/v1/users", token: try await t.token("sfj.jiandu"), json: newUser(scj, "x.two")
                ).status == .forbidden)
            #expect(
                try await t.send(
                    .POST, "/api/v1/users", token: try await t.token("admin"), json: newUser(suo, "x.three")
                ).status == .created)

            // Organisations: a department-level admin may only create under what it administers.
            let deptAdmin = try await t.userID("scj.fazhi")
            _ = try await t.send(
                .POST, "/api/v1/users/\(deptAdmin)/grants", token: try await t.token("admin"),
                json: #"{"role":"system_admin","organisationId":"\#(scj)"}"#)
            let orgUnder = { (parent: UUID, name: String) in
                #"{"name":"\#(name)","regionCode":"339901","parentId":"\#(parent)"}"#
            }
            #expect(
                try await t.send(
                    .POST, "/api/v1/organisations", token: try await t.token("scj.fazhi"),
                    json: orgUnder(scj, "清河县市场监督管理局东城所")
                ).status == .created)
            #expect(
                try await t.send(
                    .POST, "/api/v1/organisations", token: try await t.token("scj.fazhi"),
                    json: orgUnder(zf, "清河县综合行政执法局东城中队")
                ).status == .forbidden)
            // …and may now manage users in its own body but not elsewhere.
            #expect(
                try await t.send(
                    .POST, "/api/v1/users", token: try await t.token("scj.fazhi"), json: newUser(scj, "x.four")
                ).status == .created)
            #expect(
                try await t.send(
                    .POST, "/api/v1/users", token: try await t.token("scj.fazhi"), json: newUser(zf, "x.five")
                ).status == .forbidden)

            // Tokens: one's own only.
            let mine = try await t.send(
                .POST, "/api/v1/tokens", token: try await t.token("scj.zhifa1"), json: #"{"name":"mine"}"#)
            let tokenID = try mine.json()["id"] as! String
            #expect(
                try await t.send(.DELETE, "/api/v1/tokens/\(tokenID)", token: try await t.token("zf.zhifa1")).status
                    == .notFound)
            #expect(
                try await t.send(.DELETE, "/api/v1/tokens/\(tokenID)", token: try await t.token("scj.zhifa1")).status
                    == .noContent)
            // A revoked token no longer works.
            let clear = try mine.json()["token"] as! String
            #expect(try await t.send(.GET, "/api/v1/me", token: clear).status == .unauthorized)
            // No credentials at all.
            #expect(try await t.send(.GET, "/api/v1/users").status == .unauthorized)
        }
    }
}
