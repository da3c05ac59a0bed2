import FazhiApp
import FazhiCore
import FazhiOffice
import FazhiStore
import Foundation
import Testing
import VaporTesting

/// 调解 on the procedure engine, through the API, on both databases: receiving a dispute, naming the mediators and
/// inviting others with the parties' consent, recording sessions, the agreement (signed or oral) as .docx and the
/// follow-up visit; ending a failed mediation, referring to the court, declining when a party refuses — each gate
/// allowed and refused with its article.
@Suite("调解 (mediation)")
struct MediationTests {
    typealias Client = CaseAPITests.Client
    typealias Case = ReconsiderationTests.Case
    typealias R = ReconsiderationTests

    static var dispute: [String: Any] {
        [
            "mediationKind": "people", "disputeType": "traffic", "source": "application", "parties": ["王某", "刘某"],
            "disputeSummary": "两车刮擦事故赔偿", "committee": "清河县交通事故纠纷人民调解委员会", "amountInvolved": 4200,
        ]
    }

    @Test(arguments: TestDB.all)
    func agreementFollowUpAndTheOtherEndings(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let c = Client(t: t), mediator = try await t.token("sfj.tiaojie")
            func open() async throws -> Case {
                let r = try await c.open(mediator, MediationProcedure.id)
                #expect(r.status == .created, "\(r.text)")
                return Case(id: try r.json()["id"] as! String, version: 0)
            }
            func refused(
                _ k: Case, _ action: String, _ date: String, _ inputs: [String: Any], article: String,
                field: String? = nil
            ) async throws {
                try await ReconsiderationTests.refused(
                    c, k, mediator, action, date, inputs, article: article, field: field)
            }
            // Only a mediator or the head opens a dispute.
            let officer = try await c.open(try await t.token("scj.zhifa1"), MediationProcedure.id)
            #expect(officer.status == .forbidden && CaseAPITests.article(officer) == "人民调解法 第十三条、第十九条")

            var k = try await open()
            var one = Self.dispute; one["parties"] = ["王某"]
            try await refused(k, "receive", "2026-10-12", one, article: "人民调解法 第二条", field: "parties")
            var j = try await R.ok(c, &k, mediator, "receive", "2026-10-12", Self.dispute)
            #expect(R.due(j, "mediation") == "2026-11-11" && j["state"] as? String == "received")
            // Others join only with the parties' consent (第二十条).
            try await refused(
                k, "assign", "2026-10-12", ["mediators": ["陈秀兰"], "invited": ["交警某某"]], article: "人民调解法 第二十条",
                field: "partiesConsented")
            try await R.ok(
                c, &k, mediator, "assign", "2026-10-12",
                ["mediators": ["陈秀兰", "高建华"], "invited": ["交警某某"], "partiesConsented": true])
            try await refused(
                k, "record_session", "2026-10-13", ["sessionDate": "2026-10-14", "sessionSummary": "x"],
                article: "人民调解法 第二十七条", field: "sessionDate")
            try await R.ok(
                c, &k, mediator, "record_session", "2026-10-14",
                ["sessionDate": "2026-10-14", "sessionSummary": "双方陈述，调解员释法"])
            // A written agreement takes effect only when signed and sealed (第二十九条第二款).
            let agreement: [String: Any] = [
                "agreementForm": "written", "disputeFacts": "双方车辆刮擦，刘某负主要责任", "agreementTerms": "刘某赔偿王某修车费三千元",
                "performanceTerms": "十日内付清",
            ]
            try await refused(
                k, "conclude_agreement", "2026-10-15", agreement, article: "人民调解法 第二十九条第二款", field: "signedByParties")
            j = try await R.ok(
                c, &k, mediator, "conclude_agreement", "2026-10-15",
                agreement.merging(["signedByParties": true, "mediatorSigned": true]) { a, _ in a })
            #expect(
                j["state"] as? String == "agreed" && R.due(j, "followUp") == "2026-11-16"
                    && R.due(j, "mediation") == nil)
            #expect(
                (j["facts"] as? [String: Any])?["confirmationDue"] as? String == "2026-11-16",
                "第三十三条: 30 days to ask the court to confirm; 11-14 is a Saturday (民事诉讼法 第八十五条 — pinned 11-14 before issue 13)"
            )
            let doc = try await t.send(.GET, "/api/v1/cases/\(k.id)/documents/mediation_agreement", token: mediator)
            let text = try DocxReader.text(Data(doc.body.readableBytesView))
            #expect(
                text.contains("人民调解协议书") && text.contains("王某") && text.contains("刘某赔偿王某修车费三千元")
                    && text.contains("第三十三条") && text.contains("陈秀兰、高建华"))
            try await refused(
                k, "follow_up", "2026-11-02", ["visitedOn": "2026-10-10", "performance": "full", "visitNotes": "x"],
                article: "人民调解法 第三十一条第二款", field: "visitedOn")
            j = try await R.ok(
                c, &k, mediator, "follow_up", "2026-11-02",
                ["visitedOn": "2026-11-02", "performance": "full", "visitNotes": "已付清"])
            #expect(j["state"] as? String == "closed" && R.due(j, "followUp") == nil)

            // An oral agreement needs no signatures; the record is titled as such.
            var oral = try await open()
            try await R.ok(c, &oral, mediator, "receive", "2026-11-02", Self.dispute)
            try await R.ok(c, &oral, mediator, "assign", "2026-11-02", ["mediators": ["陈秀兰"]])
            try await R.ok(
                c, &oral, mediator, "conclude_agreement", "2026-11-02",
                agreement.merging(["agreementForm": "oral"]) { _, b in b })
            let oralDoc = try DocxReader.text(
                Data(
                    try await t.send(.GET, "/api/v1/cases/\(oral.id)/documents/mediation_agreement", token: mediator)
                        .body.readableBytesView))
            #expect(oralDoc.contains("口头调解协议记录") && oralDoc.contains("第三十条"))

            // Failed: only once the parties are told where they may go (第二十六条).
            var failed = try await open()
            try await R.ok(c, &failed, mediator, "receive", "2026-11-03", Self.dispute)
            try await R.ok(c, &failed, mediator, "assign", "2026-11-03", ["mediators": ["陈秀兰"]])
            try await refused(
                failed, "conclude_failure", "2026-11-05",
                ["failureReason": "分歧大", "routesInformed": ["向人民法院起诉"], "rightsInformed": false],
                article: "人民调解法 第二十六条", field: "rightsInformed")
            j = try await R.ok(
                c, &failed, mediator, "conclude_failure", "2026-11-05",
                ["failureReason": "分歧大", "routesInformed": ["向人民法院起诉"], "rightsInformed": true])
            #expect(j["state"] as? String == "failed")

            // Declined (第十七条) — and the parties told of their other routes (第三条第三项).
            var declined = try await open()
            try await R.ok(c, &declined, mediator, "receive", "2026-11-04", Self.dispute)
            try await refused(declined, "conclude_agreement", "2026-11-04", agreement, article: "人民调解法 第二十八条")
            try await refused(
                declined, "decline", "2026-11-04",
                ["declineReason": "party_refused", "declineNote": "刘某拒绝", "rightsInformed": false],
                article: "人民调解法 第三条第三项", field: "rightsInformed")
            j = try await R.ok(
                c, &declined, mediator, "decline", "2026-11-04",
                ["declineReason": "party_refused", "declineNote": "刘某拒绝", "rightsInformed": true])
            #expect(j["state"] as? String == "declined")

            // Referred to the court after mediating: counted as mediated, not as a success.
            var referred = try await open()
            try await R.ok(c, &referred, mediator, "receive", "2026-11-05", Self.dispute)
            try await R.ok(c, &referred, mediator, "assign", "2026-11-05", ["mediators": ["高建华"]])
            try await refused(
                referred, "refer_to_court", "2026-11-06",
                ["court": "清河县人民法院", "referralNote": "x", "rightsInformed": false], article: "人民调解法 第二十六条",
                field: "rightsInformed")
            try await R.ok(
                c, &referred, mediator, "refer_to_court", "2026-11-06",
                ["court": "清河县人民法院", "referralNote": "转入诉讼", "rightsInformed": true])

            // The year's figures moved with each case: the demo's 16 + these 5 received; + 4 mediated (not the declined); + 2 agreements.
            let web = WebClient(t)
            _ = try await web.login("sfj.tiaojie")
            let page = try await web.request(.GET, "/console/mediation/statistics?year=2026")
            #expect(
                page.text.contains("id=\"figure-received\">21<") && page.text.contains("id=\"figure-mediated\">18<")
                    && page.text.contains("id=\"figure-succeeded\">14<"), "\(page.text)")
            // The console offers this user only what they may open.
            let list = try await web.request(.GET, "/console/cases?procedure=mediation")
            let form =
                list.text.components(separatedBy: "id=\"open-case\"").dropFirst().first?.components(
                    separatedBy: "</form>"
                ).first ?? ""
            #expect(
                form.contains("<option value=\"mediation\">") && !form.contains("penalty.ordinary")
                    && !form.contains("reconsideration"))
        }
    }
}
