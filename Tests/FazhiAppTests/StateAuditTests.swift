import FazhiCore
import FazhiStore
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import FazhiApp

/// Issue 14 #4: a case's fine and a published decision's fine edited in the database, past Fazhi. The record still
/// verifies — the state audit does not: it names each altered row and the entry it contradicts, the 工作台 of an
/// administrator says so, and the public list, JSON and CSV mark the decision.
@Suite(.serialized) struct StateAuditTests {
    @Test(arguments: TestDB.all) func directEditsToBusinessRowsAreCaught(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            #expect(try await StateAudit.run(on: t.app.db).isEmpty, "the demo's rows match their record")

            // The first published decision, and its case.
            let published = try #require(
                try await t.sql.raw("SELECT case_id, decision_number FROM publications ORDER BY decision_number")
                    .first())
            let caseID = try published.decode(column: "case_id", as: UUID.self)
            let decisionNumber = try published.decode(column: "decision_number", as: String.self)
            let caseNumber = try #require(
                try await t.sql.raw("SELECT number FROM cases WHERE id = \(bind: caseID)").first()?.decode(
                    column: "number", as: String.self))

            // The case's fine, in the column and in the stored file.
            let content = try #require(
                try await t.sql.raw("SELECT content FROM cases WHERE id = \(bind: caseID)").first()?.decode(
                    column: "content", as: String.self))
            var file = try StoreJSON.decode(CaseFile.self, content)
            file.facts[CaseColumns.decidedFine] = 1
            try await t.sql.raw(
                "UPDATE cases SET fine = 1, content = \(bind: try StoreJSON.encode(file)) WHERE id = \(bind: caseID)"
            ).run()
            // The published decision's fine.
            let pub = try #require(
                try await t.sql.raw("SELECT content FROM publications WHERE case_id = \(bind: caseID)").first()?.decode(
                    column: "content", as: String.self))
            var decision = try StoreJSON.decode(PublicDecision.self, pub)
            decision.fine = 1
            try await t.sql.raw(
                "UPDATE publications SET fine = 1, content = \(bind: try StoreJSON.encode(decision)) WHERE case_id = \(bind: caseID)"
            ).run()

            #expect(try await RecordLog.audit(on: t.app.db).ok, "the record itself was not touched")
            let problems = try await StateAudit.run(on: t.app.db)
            #expect(problems.map(\.subjectType).sorted() == ["case", "publication"], "\(problems)")
            #expect(problems.contains { $0.label == caseNumber && $0.entry != nil && $0.message.contains(caseNumber) })
            #expect(problems.contains { $0.label == decisionNumber && $0.message.contains("不一致") })

            // The periodic check raises it on an administrator's 工作台.
            try await StateAlerts.check(t.app)
            let web = WebClient(t)
            _ = try await web.login("admin")
            let home = try await web.request(.GET, "/console")
            #expect(home.text.contains("数据完整性告警") && home.text.contains(caseNumber), "\(home.status)")
            // The console's full check says the same.
            let verify = try await web.request(.POST, "/console/record/verify", form: [:])
            let record = try await web.request(.GET, verify.headers.first(name: "Location") ?? "/console/record")
            #expect(record.text.contains("校验未通过") && record.text.contains(caseNumber))

            // The case page warns, and its 文书 are not built from the altered row.
            let page = try await web.request(.GET, "/console/cases/\(caseID.uuidString)")
            #expect(page.text.contains("数据完整性告警"))
            let doc = try await t.send(
                .GET, "/api/v1/cases/\(caseID.uuidString)/documents/penalty_decision",
                token: try await t.token("sfj.jiandu"))
            #expect(doc.status == .conflict, "\(doc.status) \(doc.text)")

            // The public list marks the row everywhere: HTML, JSON, CSV.
            let json = try await t.send(.GET, "/decisions?format=json").json()
            let row = (json["items"] as? [[String: Any]] ?? []).first { $0["caseID"] as? String == caseID.uuidString }
            #expect(row?["matchesRecord"] as? Bool == false)
            let others = (json["items"] as? [[String: Any]] ?? []).filter {
                $0["caseID"] as? String != caseID.uuidString
            }
            #expect(!others.isEmpty && others.allSatisfy { $0["matchesRecord"] as? Bool == true })
            let csv = try await t.send(.GET, "/decisions?format=csv")
            #expect(csv.text.contains("否（内容被改动）"))
            let html = try await t.send(.GET, "/decisions")
            #expect(html.text.contains("与全过程记录不一致"))
        }
    }

    /// The registries too: an officer's row, a 裁量基准 version and a training row edited or removed under the store
    /// are each named with the seal they contradict; a change made through Fazhi seals the row again.
    @Test(arguments: TestDB.all) func directEditsToRegistryRowsAreCaught(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let before = try await StateAudit.run(on: t.app.db)
            #expect(before.isEmpty, "the demo's registry rows match their seals: \(before.prefix(2))")
            let officer = try #require(try await t.sql.raw("SELECT id, name FROM officers ORDER BY name").first())
            let officerID = try officer.decode(column: "id", as: UUID.self)
            let name = try officer.decode(column: "name", as: String.self)
            try await t.sql.raw(
                "UPDATE officers SET legal_qualification = \(bind: true), post = 'x' WHERE id = \(bind: officerID)"
            ).run()
            let code = try #require(
                try await t.sql.raw("SELECT code FROM benchmarks ORDER BY code").first()?.decode(
                    column: "code", as: String.self))
            try await t.sql.raw("UPDATE benchmarks SET violation = '改过' WHERE code = \(bind: code)").run()
            let trained = try #require(
                try await t.sql.raw("SELECT officer_id FROM officer_training ORDER BY officer_id").first()?.decode(
                    column: "officer_id", as: UUID.self))
            try await t.sql.raw("DELETE FROM officer_training WHERE officer_id = \(bind: trained)").run()

            #expect(try await RecordLog.audit(on: t.app.db).ok, "the record itself was not touched")
            let problems = try await StateAudit.run(on: t.app.db)
            #expect(Set(problems.map(\.subjectType)) == ["officers", "benchmarks", "officer_training"], "\(problems)")
            #expect(problems.contains { $0.subjectType == "officers" && $0.message.contains(name) && $0.entry != nil })
            #expect(problems.contains { $0.subjectType == "benchmarks" && $0.label == code })
            #expect(problems.contains { $0.subjectType == "officer_training" && $0.message.contains("被删除") })

            // After the periodic check, the public lists mark the rows in HTML, JSON and CSV.
            try await StateAlerts.check(t.app)
            let officers = try await t.send(.GET, "/officers?format=json").json()
            let listed = (officers["officers"] as? [[String: Any]] ?? [])
            #expect(listed.contains { $0["name"] as? String == name && $0["matchesRecord"] as? Bool == false })
            #expect(listed.filter { $0["matchesRecord"] as? Bool == false }.count <= 2)
            #expect(try await t.send(.GET, "/officers?format=csv").text.contains("否（内容被改动）"))
            #expect(try await t.send(.GET, "/officers?q=\(name)").text.contains("与全过程记录不一致"))
            let benchmarks = try await t.send(.GET, "/benchmarks?format=json").json()
            #expect(
                (benchmarks["benchmarks"] as? [[String: Any]] ?? []).contains {
                    ($0["benchmark"] as? [String: Any])?["code"] as? String == code
                        && $0["matchesRecord"] as? Bool == false
                })
            #expect(try await t.send(.GET, "/benchmarks").text.contains("与全过程记录不一致"))
            let bodies = try await t.send(.GET, "/bodies?format=json").json()
            #expect((bodies["bodies"] as? [[String: Any]] ?? []).allSatisfy { $0["matchesRecord"] as? Bool == true })

            // Saved again through Fazhi (the registry's own edit), the officer's row is sealed as it now stands.
            let stored = try #require(try await Officers.officer(officerID, on: t.app.db))
            try await t.app.fazhi.store.write(on: t.app.db, .system) { tx in
                try await Officers.update(
                    officerID,
                    OfficerInput(
                        name: stored.name, gender: stored.gender, idNumber: stored.idNumber, bodyID: stored.bodyId,
                        post: "执法队员", certificate: stored.certificate, hasLegalQualification: false,
                        legalCertificateNumber: "", examScore: stored.examScore), in: tx)
            }
            let after = try await StateAudit.run(on: t.app.db)
            #expect(!after.contains { $0.subjectType == "officers" }, "\(after)")
            #expect(after.count == problems.count - 1, "\(after)")
        }
    }
}
