import FazhiApp
import FazhiCore
import FazhiOffice
import FazhiStore
import Foundation
import Testing
import VaporTesting

/// 行政规范性文件 on the engine, on both databases: public comment periods (≥ 7 working days; ≥ 30 days when close to
/// business), no 合法性审核 before the consultation, the review's 5–15 working days, no 集体审议 without a passing review of
/// the version submitted, one 文号 per issuer and year, 公布 within 20 working days, a late filing flagged, the 有效期 ending
/// by itself, and the portal's 文件库 as of a day.
@Suite("行政规范性文件 (normative documents)")
struct NormativeTests {
    typealias R = ReconsiderationTests

    struct Desk {
        let c: CaseAPITests.Client
        let head: String
        func open(
            _ extra: [String: Any] = [:], on date: String = "2026-06-01"
        ) async throws -> ReconsiderationTests.Case {
            let r = try await c.open(head, NormativeProcedure.id)
            #expect(r.status == .created, "\(r.text)")
            var k = ReconsiderationTests.Case(id: try r.json()["id"] as! String, version: 0)
            var draft: [String: Any] = [
                "title": "清河县某某管理办法", "documentKind": "measures", "touchesRights": true, "inPlan": true,
                "draftSummary": "起草说明",
                "draftText": "第一条 为了规范某某管理，制定本办法。\n第二条 本办法适用于本县。\n第三条 主管部门负责实施。\n第四条 本办法自印发之日起施行。",
            ]
            for (key, v) in extra { draft[key] = v }
            _ = try await R.ok(c, &k, head, "register_draft", date, draft)
            return k
        }
        func refused(
            _ k: ReconsiderationTests.Case, _ action: String, _ date: String, _ inputs: [String: Any], article: String,
            field: String? = nil
        ) async throws {
            try await R.refused(c, k, head, action, date, inputs, article: article, field: field)
        }
    }

    @Test(arguments: TestDB.all)
    func fromDraftToFilingWithEachGate(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let d = Desk(c: CaseAPITests.Client(t: t), head: try await t.token("scj.juzhang"))
            // Not in the plan: a reason is required.
            let r = try await d.c.open(d.head, NormativeProcedure.id)
            let unplanned = ReconsiderationTests.Case(id: try r.json()["id"] as! String, version: 0)
            try await d.refused(
                unplanned, "register_draft", "2026-06-01",
                ["title": "x", "documentKind": "measures", "draftSummary": "x", "draftText": "第一条 x", "inPlan": false],
                article: "国办发〔2018〕37号",
                field: "notInPlanReason")

            var k = try await d.open(["businessRelated": true])
            // Touching rights: no review before the public consultation.
            try await d.refused(
                k, "submit_review", "2026-06-02", ["reviewingBody": "清河县司法局", "emergencyReason": "紧急"],
                article: "优化营商环境条例 第六十二条第二款")
            // Close to business: 30 days (优化营商环境条例 第六十二条); 7 working days are not enough.
            try await d.refused(
                k, "open_consultation", "2026-06-01", ["consultationUntil": "2026-06-20"], article: "优化营商环境条例 第六十二条",
                field: "consultationUntil")
            var j = try await R.ok(
                d.c, &k, d.head, "open_consultation", "2026-06-01", ["consultationUntil": "2026-07-01"])
            #expect(R.due(j, "consultation") == "2026-07-01")
            // Comments made while it was open (two alike on article 3, one off-topic); now, after the period, the portal
            // refuses more.
            let caseID = try #require(UUID(uuidString: k.id))
            for (article, text) in [(3, "建议写明主管部门的名称"), (3, "建议写明主管部门的名称"), (nil, "无关广告")] as [(Int?, String)] {
                _ = try await t.app.fazhi.store.write(on: t.app.db, .system) { tx in
                    try await PublicComments.add(
                        caseID: caseID, article: article, text: text, commenter: "",
                        today: CivilDate(iso: "2026-06-10")!,
                        catalog: ProcedureCatalog.standard, in: tx)
                }
            }
            let web = WebClient(t)
            _ = try await web.request(.GET, "/consultations/\(k.id)")
            let late = try await web.request(
                .POST, "/consultations/\(k.id)/comments", form: ["article": "3", "text": "x"])
            #expect(late.status == .conflict && late.text.contains("征求意见期限已届满"), "\(late.status)")
            let staff = WebClient(t)
            _ = try await staff.login("scj.juzhang")
            let comments = try await staff.request(.GET, "/console/cases/\(k.id)/comments")
            #expect(comments.text.contains("建议写明主管部门的名称") && comments.text.contains(">3<"), "three comments")
            let all = try await PublicComments.list(caseID: caseID, on: t.app.db)
            let group = PublicConsultation.groupKey(try #require(all.first { $0.article == 3 }))
            let noReason = try await staff.request(
                .POST, "/console/cases/\(k.id)/comments/answer",
                form: ["group": group, "response": "rejected", "reason": ""])
            #expect(noReason.status == .unprocessableEntity)
            _ = try await staff.request(
                .POST, "/console/cases/\(k.id)/comments/answer",
                form: ["group": group, "response": "adopted", "reason": ""])
            let spam = try #require(all.first { $0.article == nil })
            _ = try await staff.request(
                .POST, "/console/cases/\(k.id)/comments/hide",
                form: ["comment": spam.id.uuidString, "reason": "与草案无关的广告"])
            try await d.refused(
                k, "close_consultation", "2026-07-01",
                ["adoptionSummary": "x"], article: "国办发〔2018〕37号")
            let closed = try await R.ok(
                d.c, &k, d.head, "close_consultation", "2026-07-02",
                ["offlineComments": 1, "offlineAdopted": 0, "adoptionSummary": "采纳2条，其余说明理由"])
            #expect(
                (closed["facts"] as? [String: Any])?["commentsReceived"] as? Double == 4
                    && (closed["facts"] as? [String: Any])?["commentsAdopted"] as? Double == 2,
                "3 on the portal (one hidden) and 1 by letter; the 2 alike adopted")
            // Close to business: the 公平竞争审查 comes first (优化营商环境条例 第六十三条第一款).
            try await d.refused(
                k, "submit_review", "2026-07-03", ["reviewingBody": "清河县司法局"], article: "优化营商环境条例 第六十三条第一款")
            try await R.ok(
                d.c, &k, d.head, "competition_review", "2026-07-03",
                ["competitionConclusion": "compliant", "competitionNotes": "未发现排除、限制竞争的内容"])
            j = try await R.ok(d.c, &k, d.head, "submit_review", "2026-07-03", ["reviewingBody": "清河县司法局"])
            #expect(R.due(j, "review") == "2026-07-24", "15 working days")
            // No deliberation before a passing review.
            try await d.refused(
                k, "deliberate", "2026-07-06",
                ["meetingKind": "executive", "meetingOn": "2026-07-06", "attendees": ["甲", "乙", "丙"]],
                article: "国办发〔2018〕37号")
            // Generally at least 5 working days for the review.
            let pass: [String: Any] = ["reviewOpinion": "legal", "reviewer": "林晓岚", "reviewText": "合法"]
            let reviewer = try await t.token("scj.fazhi")
            // The review is the 法制机构's, not the head's.
            let byHead = try await d.c.step(k.id, d.head, "pass_review", version: k.version, date: "2026-07-10", pass)
            #expect(byHead.status == .forbidden || byHead.status == .conflict, "\(byHead.status)")
            try await R.refused(
                d.c, k, reviewer, "pass_review", "2026-07-06", pass, article: "国办发〔2018〕115号；本地设置",
                field: "expeditedReason")
            try await R.ok(d.c, &k, reviewer, "pass_review", "2026-07-10", pass)
            // Changed after the review: reviewed again before any deliberation.
            try await R.ok(
                d.c, &k, d.head, "revise_draft", "2026-07-13",
                ["revisionReason": "文字修改", "draftSummary": "二稿", "draftText": "第一条 二稿。"])
            try await d.refused(
                k, "deliberate", "2026-07-14",
                ["meetingKind": "executive", "meetingOn": "2026-07-14", "attendees": ["甲", "乙", "丙"]],
                article: "国办发〔2018〕37号")
            try await R.ok(d.c, &k, d.head, "submit_review", "2026-07-14", ["reviewingBody": "清河县司法局"])
            try await R.ok(d.c, &k, reviewer, "pass_review", "2026-07-21", pass)
            try await R.ok(
                d.c, &k, d.head, "deliberate", "2026-07-22",
                ["meetingKind": "office", "meetingOn": "2026-07-22", "attendees": ["甲", "乙", "丙"]])
            j = try await R.ok(
                d.c, &k, d.head, "issue", "2026-07-23",
                ["signer": "王建国", "effectiveOn": "2026-08-01"])
            let facts = j["facts"] as? [String: Any] ?? [:]
            #expect((facts["documentNumber"] as? String)?.hasPrefix("清市监规〔2026〕") == true, "\(facts)")
            #expect(facts["expiresOn"] as? String == "2031-08-01" && R.due(j, "publication") == "2026-08-20")
            #expect(R.due(j, "evaluation") == "2031-02-01", "evaluated 6 months before the 有效期 ends")
            // One number: the step cannot be taken again.
            try await d.refused(
                k, "issue", "2026-07-24", ["signer": "x", "effectiveOn": "2026-08-01"],
                article: "国办发〔2018〕37号")
            // 施行 (08-01) before 公布 (08-21) is refused: the 施行日期 moves to the day of publication.
            try await d.refused(
                k, "publish", "2026-08-21", ["interpretation": "解读"], article: "优化营商环境条例 第六十四条第二款", field: "effectiveOn"
            )
            j = try await R.ok(
                d.c, &k, d.head, "publish", "2026-08-21", ["interpretation": "解读", "effectiveOn": "2026-08-21"])
            #expect((j["facts"] as? [String: Any])?["publishedLate"] as? Bool == true, "the 21st working day")
            #expect(R.due(j, "filing") == "2026-09-07", "15 days from 08-21 end on Sunday 09-05 → Monday")
            j = try await R.ok(d.c, &k, d.head, "file", "2026-09-08", ["filedWith": "government_above"])
            #expect((j["facts"] as? [String: Any])?["filingLate"] as? Bool == true)
            let doc = try await t.send(.GET, "/api/v1/cases/\(k.id)/documents/filing_report", token: d.head)
            #expect(doc.status == .ok)
            let wrongStep = try await t.send(
                .GET, "/api/v1/cases/\(k.id)/documents/normative_review_opinion?step=0", token: d.head)
            #expect(wrongStep.status == .notFound, "step 0 is the registration, not a review")

            // The portal's library: listed from its publication, 未施行 before 08-01, 现行有效 after.
            let before = try await t.send(.GET, "/documents?format=json&date=2026-07-31").json()
            #expect(
                !(before["documents"] as? [[String: Any]] ?? []).contains { $0["id"] as? String == k.id.uppercased() })
            let after = try await t.send(.GET, "/documents?format=json&date=2026-10-01").json()
            let row = (after["documents"] as? [[String: Any]] ?? []).first {
                ($0["id"] as? String)?.uppercased() == k.id.uppercased()
            }
            #expect(row?["standing"] as? String == "现行有效", "\(after)")
            // 备案审查 revokes it: recorded, then ended; it stands 已撤销 from that day.
            let revocation: [String: Any] = [
                "endingDecision": "清政发〔2026〕30号", "endingReason": "第三条增设许可条件", "endedOn": "2026-11-11",
            ]
            try await d.refused(k, "revoke_on_review", "2026-11-11", revocation, article: "国办发〔2018〕37号")
            // The 备案审查 is the 司法局's, not the issuer's.
            let review: [String: Any] = ["filingConclusion": "revoke", "filingReviewNotes": "第三条增设许可条件，撤销"]
            let byIssuer = try await d.c.step(
                k.id, d.head, "record_filing_review", version: k.version, date: "2026-11-10", review)
            #expect(byIssuer.status == .forbidden || byIssuer.status == .conflict, "\(byIssuer.status)")
            // 责令改正 sets the issuer a date to correct by, kept as its deadline.
            let justice = try await t.token("sfj.jiandu")
            try await R.refused(
                d.c, k, justice, "record_filing_review", "2026-11-09",
                ["filingConclusion": "correct", "filingReviewNotes": "第三条需改正"], article: "国办发〔2018〕37号",
                field: "correctionDueOn")
            let corrected = try await R.ok(
                d.c, &k, justice, "record_filing_review", "2026-11-09",
                ["filingConclusion": "correct", "filingReviewNotes": "第三条需改正", "correctionDueOn": "2026-12-09"])
            #expect(R.due(corrected, "correction") == "2026-12-09", "\(corrected)")
            try await R.ok(d.c, &k, justice, "record_filing_review", "2026-11-10", review)
            try await R.ok(d.c, &k, d.head, "revoke_on_review", "2026-11-11", revocation)
            let revoked = try await t.send(.GET, "/documents?format=json&date=2026-11-19").json()
            #expect(
                (revoked["documents"] as? [[String: Any]] ?? []).first {
                    ($0["id"] as? String)?.uppercased() == k.id.uppercased()
                }?["standing"] as? String == "已撤销")
            // The adoption report is published with the text; the hidden comment shows only its reason.
            let published = try await t.send(.GET, "/documents/\(k.id)")
            #expect(
                published.text.contains("公开征求意见采纳情况") && published.text.contains("建议写明主管部门的名称")
                    && published.text.contains("与草案无关的广告") && !published.text.contains(">无关广告<"))
            // Its 有效期 would have ended on 2031-08-01; revoked first, it stays 已撤销.
            let expired = try await t.send(.GET, "/documents?format=json&date=2031-08-01").json()
            #expect(
                (expired["documents"] as? [[String: Any]] ?? []).first {
                    ($0["id"] as? String)?.uppercased() == k.id.uppercased()
                }?["standing"] as? String == "已撤销")
            var lapsing = Facts()
            lapsing[NormativeFact.effectiveOn] = CivilDate(iso: "2026-08-01")!
            lapsing[NormativeFact.publishedOn] = CivilDate(iso: "2026-07-30")!
            lapsing[NormativeFact.expiresOn] = CivilDate(iso: "2031-08-01")!
            #expect(Normative.standing(lapsing, on: CivilDate(iso: "2031-07-31")!) == "现行有效")
            #expect(Normative.standing(lapsing, on: CivilDate(iso: "2031-08-01")!) == "已失效", "on the day")
        }
    }

    @Test(arguments: TestDB.all)
    func aCitizenCommentsOnAnArticle(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let d = Desk(c: CaseAPITests.Client(t: t), head: try await t.token("scj.juzhang"))
            var k = try await d.open(on: "2026-11-20")
            _ = try await R.ok(d.c, &k, d.head, "open_consultation", "2026-11-20", ["consultationUntil": "2026-12-21"])
            let web = WebClient(t)
            let list = try await web.request(.GET, "/consultations")
            #expect(list.text.contains("清河县某某管理办法") && list.text.contains("2026-12-21"))
            let page = try await web.request(.GET, "/consultations/\(k.id)")
            #expect(page.text.contains(">第三条<"))
            let sent = try await web.request(
                .POST, "/consultations/\(k.id)/comments", form: ["article": "3", "text": "建议写明主管部门的名称"])
            #expect(sent.status == .created && sent.text.contains("回执号"), "\(sent.status)")
            let wrong = try await web.request(
                .POST, "/consultations/\(k.id)/comments", form: ["article": "9", "text": "x"])
            #expect(wrong.status == .unprocessableEntity && wrong.text.contains("草案没有第九条"))
            let words = try await web.request(
                .POST, "/consultations/\(k.id)/comments", form: ["article": "第二条", "text": "x"])
            #expect(words.status == .unprocessableEntity, "not filed under 全文")
            let empty = try await web.request(
                .POST, "/consultations/\(k.id)/comments", form: ["article": "", "text": " "])
            #expect(empty.status == .unprocessableEntity)
            #expect(try await PublicComments.list(caseID: UUID(uuidString: k.id)!, on: t.app.db).count == 1)
        }
    }

    /// Documents issued before Fazhi, imported from a spreadsheet through the engine: all or nothing, each problem named by
    /// row and column; an expired one stands as 已失效 on the day, and the portal lists them.
    @Test(arguments: TestDB.all)
    func legacyDocumentsAreImported(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let web = WebClient(t)
            _ = try await web.login("scj.juzhang")
            _ = try await web.request(.GET, "/console/normative/import")
            func upload(_ csv: String) async throws -> TestingHTTPResponse {
                var b: [UInt8] = Array(
                    "--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(web.csrf ?? "")\r\n".utf8)
                b += Array(
                    "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"docs.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                        .utf8)
                b += Array(csv.utf8) + Array("\r\n--XyZ--\r\n".utf8)
                return try await t.sendBytes(
                    .POST, "/console/normative/import", body: b,
                    headers: [
                        ("Cookie", "fazhi_session=\(web.cookie!)"),
                        ("Content-Type", "multipart/form-data; boundary=XyZ"),
                    ])
            }
            let header = "文号,文件名称,文种,签发日期,公布日期,施行日期,有效期至,正文"
            let headerOnly = try await upload(header + "\n")
            #expect(headerOnly.status == .unprocessableEntity && headerOnly.text.contains("没有数据行"))
            let bad = try await upload(
                header + "\n清市监规〔2019〕1号,旧办法,办法,2019-03-01,2019-02-01,2019-03-10,,第一条 ……\n"
                    + "清市监规〔2020〕2号,另一办法,办法,2020-03-01,2020-03-05,not-a-date,,第一条 ……\n")
            #expect(bad.status == .unprocessableEntity && bad.text.contains("公布日期") && bad.text.contains("施行日期"))
            #expect(!(try await t.send(.GET, "/documents?format=json").text.contains("旧办法")), "nothing imported")
            let good = try await upload(
                header + "\n清市监规〔2019〕1号,旧办法,办法,2019-03-01,2019-03-05,2019-03-10,2023-12-31,第一条 ……\n"
                    + "清市监规〔2023〕2号,现行办法,规定,2023-03-01,2023-03-05,2023-03-10,,第一条 ……\n")
            #expect(good.status == .ok && good.text.contains("已导入 2 件"), "\(good.status)")
            // A 文种 not on the list is refused; a date Excel stored as its serial number is read as that date.
            let kind = try await upload(header + "\n清市监规〔2022〕5号,某条例,条例,2022-01-01,2022-01-05,2022-01-10,,第一条 ……\n")
            #expect(kind.status == .unprocessableEntity && kind.text.contains("文种应为"))
            let serial = try await upload(header + "\n清市监规〔2024〕6号,序号日期办法,办法,45352,45352,45352,,第一条 ……\n")
            #expect(serial.status == .ok, "\(serial.status)")
            let withSerial =
                try await t.send(.GET, "/documents?format=json").json()["documents"] as? [[String: Any]] ?? []
            #expect(withSerial.first { $0["title"] as? String == "序号日期办法" }?["signedOn"] as? String == "2024-03-01")
            // The same sheet again: every 文号 is already registered.
            let again = try await upload(header + "\n清市监规〔2023〕2号,现行办法,规定,2023-03-01,2023-03-05,2023-03-10,,第一条 ……\n")
            #expect(again.status == .unprocessableEntity && again.text.contains("该文号已登记"))
            let docs = try await t.send(.GET, "/documents?format=json").json()["documents"] as? [[String: Any]] ?? []
            #expect(docs.first { $0["title"] as? String == "旧办法" }?["standing"] as? String == "已失效")
            #expect(
                docs.first { $0["title"] as? String == "旧办法" }?["expiresOn"] as? String == "2024-01-01",
                "the day after 有效期至")
            // The system then records the lapse; it still reads 已失效 (not 已废止).
            try await ExpirySteps.run(t.app)
            let after = try await t.send(.GET, "/documents?format=json").json()["documents"] as? [[String: Any]] ?? []
            #expect(after.first { $0["title"] as? String == "旧办法" }?["standing"] as? String == "已失效")
            #expect(docs.first { $0["title"] as? String == "现行办法" }?["standing"] as? String == "现行有效")
            #expect(docs.first { $0["title"] as? String == "现行办法" }?["expiresOn"] as? String == "2028-03-10", "5 years")
            // Not yet published on a day, a document is 未公布 whatever its 施行日期 (第六十四条第二款).
            var f = Facts()
            f[NormativeFact.effectiveOn] = CivilDate(iso: "2026-08-01")!
            f[NormativeFact.publishedOn] = CivilDate(iso: "2026-08-21")!
            #expect(Normative.standing(f, on: CivilDate(iso: "2026-08-10")!) == "未公布")
            #expect(Normative.standing(f, on: CivilDate(iso: "2026-08-21")!) == "现行有效")
        }
    }

    /// A document amended by the procedure that made it: the text in force on each day is the version then in effect,
    /// the changes between versions are listed article by article, the 文件库 finds it by a word of its text and by its
    /// standing, and the 文件目录 exports it.
    @Test(arguments: TestDB.all)
    func anAmendedDocumentKeepsEachTextOnItsDay(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let d = Desk(c: CaseAPITests.Client(t: t), head: try await t.token("scj.juzhang"))
            let r = try await d.c.open(d.head, NormativeProcedure.id)
            var k = ReconsiderationTests.Case(id: try r.json()["id"] as! String, version: 0)
            let original = "第一条 为了规范农贸市场管理，制定本办法。\n第二条 本办法适用于本县。\n第三条 市场开办者应当公示摊位信息。"
            _ = try await R.ok(
                d.c, &k, d.head, "register_existing", "2026-06-01",
                [
                    "title": "清河县农贸市场管理办法", "documentKind": "measures", "documentNumber": "清市监规〔2024〕1号",
                    "signedOn": "2024-03-01", "publishedOn": "2024-03-05", "effectiveOn": "2024-04-01",
                    "finalText": original,
                ])
            // A second document may not take the same 文号 (统一编号).
            let dup = try await d.c.open(d.head, NormativeProcedure.id)
            let twin = ReconsiderationTests.Case(id: try dup.json()["id"] as! String, version: 0)
            let same = try await d.c.step(
                twin.id, d.head, "register_existing", version: 0, date: "2026-06-01",
                [
                    "title": "另一办法", "documentKind": "measures", "documentNumber": "清市监规〔2024〕1号",
                    "signedOn": "2024-03-01", "publishedOn": "2024-03-05", "effectiveOn": "2024-04-01",
                    "finalText": "第一条 x",
                ])
            #expect(same.status == .conflict && same.text.contains("统一编号"), "\(same.status) \(same.text)")
            // Not while it is being drafted: an amendment needs a document in force.
            let amended = "第一条 为了规范农贸市场管理，制定本办法。\n第二条 本办法适用于本县。\n第三条 市场开办者应当公示摊位信息和价格。\n第四条 本办法自施行之日起施行。"
            try await R.ok(
                d.c, &k, d.head, "start_amendment", "2026-06-02",
                ["amendmentReason": "上位法修改", "draftSummary": "修改第三条，增加第四条", "draftText": amended])
            // The amendment goes round the same gates: no deliberation before a passing review of this draft.
            try await d.refused(
                k, "deliberate", "2026-06-03",
                ["meetingKind": "office", "meetingOn": "2026-06-03", "attendees": ["甲", "乙", "丙"]],
                article: "国办发〔2018〕37号")
            try await R.ok(d.c, &k, d.head, "submit_review", "2026-06-03", ["reviewingBody": "清河县司法局"])
            let reviewer = try await t.token("scj.fazhi")
            try await R.ok(
                d.c, &k, reviewer, "pass_review", "2026-06-10",
                ["reviewOpinion": "legal", "reviewer": "林晓岚", "reviewText": "合法"])
            try await R.ok(
                d.c, &k, d.head, "deliberate", "2026-06-11",
                ["meetingKind": "office", "meetingOn": "2026-06-11", "attendees": ["甲", "乙", "丙"]])
            var j = try await R.ok(
                d.c, &k, d.head, "issue", "2026-06-12",
                ["signer": "王建国", "effectiveOn": "2026-07-01", "finalText": amended])
            var facts = j["facts"] as? [String: Any] ?? [:]
            #expect(facts["documentNumber"] as? String == "清市监规〔2024〕1号", "the document keeps its own number")
            #expect((facts["amendmentNumber"] as? String)?.hasPrefix("清市监规〔2026〕") == true, "\(facts)")
            #expect(facts["effectiveOn"] as? String == "2024-04-01" && facts["publishedOn"] as? String == "2024-03-05")
            j = try await R.ok(d.c, &k, d.head, "publish", "2026-06-15", ["interpretation": "修改解读"])
            facts = j["facts"] as? [String: Any] ?? [:]
            #expect(facts["publishedOn"] as? String == "2024-03-05" && facts["publishedLate"] as? Bool == false)

            // The text in force: the original until 2026-06-30, the amended text from 07-01.
            let june = try await t.send(.GET, "/documents/\(k.id)?format=json&date=2026-06-30").json()
            #expect((june["textInForce"] as? [String: Any])?["text"] as? String == original, "\(june)")
            let july = try await t.send(.GET, "/documents/\(k.id)?format=json&date=2026-07-01").json()
            #expect((july["textInForce"] as? [String: Any])?["text"] as? String == amended)
            #expect((july["versions"] as? [[String: Any]])?.count == 2, "drafts are not published versions")
            let page = try await t.send(.GET, "/documents/\(k.id)?date=2026-07-01")
            #expect(page.text.contains("第1次修改后的文本") && page.text.contains("价格"))
            // Before the amendment was published, only the original version is shown.
            let earlier = try await t.send(.GET, "/documents/\(k.id)?format=json&date=2026-06-14").json()
            #expect((earlier["versions"] as? [[String: Any]])?.count == 1)
            let versions = (july["versions"] as? [[String: Any]] ?? []).compactMap { $0["number"] as? Int }
            let changes = try await t.send(
                .GET, "/documents/\(k.id)/changes?format=json&from=\(versions[0])&to=\(versions[1])"
            ).json()
            let lines = changes["lines"] as? [Any] ?? []
            #expect(lines.count == 4, "two kept, article 3 changed, article 4 added: \(lines)")
            let html = try await t.send(.GET, "/documents/\(k.id)/changes?from=\(versions[0])&to=\(versions[1])")
            #expect(html.text.contains("<ins>第三条 市场开办者应当公示摊位信息和价格。</ins>"))
            let noVersion = try await t.send(.GET, "/documents/\(k.id)/changes?from=1&to=99")
            #expect(noVersion.status == .unprocessableEntity)

            // The 文件库: found by a word of its text, by its standing; 未施行 before 2024-04-01.
            let found = try await t.send(.GET, "/documents?format=json&q=%E6%91%8A%E4%BD%8D").json()  // 摊位
            #expect((found["documents"] as? [[String: Any]])?.map { $0["title"] as? String } == ["清河县农贸市场管理办法"])
            let none = try await t.send(.GET, "/documents?format=json&q=%E5%85%BB%E8%80%81").json()  // 养老
            #expect(none["total"] as? Int == 0)
            let pending = try await t.send(
                .GET,
                "/documents?format=json&date=2024-03-20&standing=%E6%9C%AA%E6%96%BD%E8%A1%8C&q=%E5%86%9C%E8%B4%B8%E5%B8%82%E5%9C%BA"
            )
            .json()
            #expect(pending["total"] as? Int == 1, "未施行 between publication and 施行")
            let bad = try await t.send(.GET, "/documents?standing=x")
            #expect(bad.status == .unprocessableEntity)
            let csv = try await t.send(.GET, "/documents?format=csv")
            #expect(csv.text.contains("清市监规〔2024〕1号") && csv.text.contains("现行有效"))

            // The 文件目录 as Excel: one row per document and the counts at the foot.
            let web = WebClient(t)
            _ = try await web.login("scj.juzhang")
            let xlsx = try await web.request(.GET, "/console/normative/catalogue.xlsx")
            #expect(xlsx.status == .ok)
            let sheet = try XLSXReader.rows(Data(xlsx.body.readableBytesView))
            #expect(sheet.contains { $0.contains("清市监规〔2024〕1号") })
            #expect(sheet.first?.contains { $0.hasPrefix("导出时间") } == true, "a title row")
            #expect(sheet.last?.first == "合计" && sheet.last?[1] == "\(sheet.count - 3) 件", "\(sheet.last ?? [])")
        }
    }

    /// A citizen's 审查建议 on the portal: a receipt with the day the answer is due (from receipt), the 司法局 answers, the
    /// citizen reads the answer with the tracking number and secret; a wrong secret finds nothing.
    @Test(arguments: TestDB.all)
    func aCitizenAsksForADocumentToBeReviewed(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let web = WebClient(t)
            let form = try await web.request(.GET, "/documents/suggest")
            #expect(form.status == .ok && form.text.contains("清河县司法局"), "the 司法局 takes them")
            let key = UUID().uuidString
            let office = try #require(
                try await NormativeSuggestions.offices(on: t.app.db).first { $0.name == "清河县司法局" })
            var fields: [String: String] = [
                "submissionKey": key, "office": office.id.uuidString, "suggesterName": "赵一鸣",
                "suggesterContact": "13800000000", "documentCited": "清市监规〔2024〕1号",
                "suggestionText": "",
            ]
            let missing = try await web.request(.POST, "/documents/suggest", form: fields)
            #expect(missing.status == .unprocessableEntity && missing.text.contains("认为违法的条款和理由"))
            fields["suggestionText"] = "第三条增加了法规没有规定的许可条件"
            fields["submissionKey"] = UUID().uuidString
            let sent = try await web.request(.POST, "/documents/suggest", form: fields)
            #expect(sent.status == .created && sent.text.contains("查询编号"), "\(sent.status)")
            let again = try await web.request(.POST, "/documents/suggest", form: fields)
            #expect(again.status == .ok, "the same form twice files one suggestion")
            func cell(_ id: String, _ html: String) -> String? {
                guard let r = html.range(of: "id=\"\(id)\">") else { return nil }
                return String(html[r.upperBound...].prefix { $0 != "<" })
            }
            let number = try #require(cell("tracking-number", sent.text)),
                secret = try #require(cell("secret", sent.text))
            #expect(number.hasPrefix("SJ"))
            let wrong = try await web.request(
                .POST, "/documents/suggest/status", form: ["number": number, "secret": "XXXX"])
            #expect(wrong.status == .notFound)
            // The 司法局 answers; the period runs from receipt (the day of filing), 60 days by default.
            let supervisor = try await t.token("sfj.jiandu")
            let list = try await t.send(.GET, "/api/v1/cases?procedure=normative_suggestion", token: supervisor)
                .jsonArray().filter { ($0["partyName"] as? String) == "赵一鸣" || ($0["party"] as? String) == "赵一鸣" }
            #expect(list.count == 1, "the same form twice filed once: \(list)")
            let id = try #require(list.first?["id"] as? String, "\(list)")
            var k = ReconsiderationTests.Case(id: id, version: 1)
            let c = CaseAPITests.Client(t: t)
            let head = try await t.token("scj.juzhang")
            let byOther = try await c.step(
                id, head, "answer_suggestion", version: 1, date: "2026-11-20",
                ["suggestionConclusion": "lawful", "answerText": "x"])
            #expect(byOther.status == .forbidden || byOther.status == .notFound, "only the 备案审查机关 answers")
            let j = try await R.ok(
                c, &k, supervisor, "answer_suggestion", "2026-11-20",
                ["suggestionConclusion": "ordered_correction", "answerText": "经审查，第三条增设许可条件，已责令制定机关改正。"])
            #expect((j["state"] as? String) == "answered")
            let status = try await web.request(
                .POST, "/documents/suggest/status", form: ["number": number, "secret": secret])
            #expect(status.status == .ok && status.text.contains("已责令制定机关改正") && status.text.contains("已答复"))
            let docx = try await web.request(
                .POST, "/documents/suggest/status", form: ["number": number, "secret": secret, "download": "answer"])
            #expect(docx.status == .ok && docx.headers.contentType?.description.contains("officedocument") == true)
        }
    }

    /// A 清理: every document in force marked on the worksheet (a reason for each 废止), approved collectively — not before
    /// every document has its conclusion — and published; the documents marked 废止 end that day and the list is public.
    @Test(arguments: TestDB.all)
    func aCleanupMarksEveryDocumentAndRepealsOnPublication(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let d = Desk(c: CaseAPITests.Client(t: t), head: try await t.token("scj.juzhang"))
            for (n, title) in [("清市监规〔2020〕7号", "清河县集贸市场摊位管理暂行办法"), ("清市监规〔2021〕3号", "清河县广告牌匾设置规定")] {
                let r = try await d.c.open(d.head, NormativeProcedure.id)
                var k = ReconsiderationTests.Case(id: try r.json()["id"] as! String, version: 0)
                try await R.ok(
                    d.c, &k, d.head, "register_existing", "2026-06-01",
                    [
                        "title": title, "documentKind": "measures", "documentNumber": n, "signedOn": "2021-03-01",
                        "publishedOn": "2021-03-05", "effectiveOn": "2021-04-01", "validUntil": "2030-12-31",
                        "finalText": "第一条 ……",
                    ])
            }
            let opened = try await d.c.open(d.head, NormativeCleanupProcedure.id)
            var k = ReconsiderationTests.Case(id: try opened.json()["id"] as! String, version: 0)
            try await R.ok(
                d.c, &k, d.head, "start_cleanup", "2026-11-02",
                ["cleanupTitle": "2026年度规范性文件清理", "cleanupBasis": "《优化营商环境条例》施行后的专项清理"])
            let body = try #require(try await CaseStore.load(UUID(uuidString: k.id)!, on: t.app.db)).file.bodyID
            let docs = try await CaseStore.bodyCases(
                procedure: NormativeProcedure.id, body: body, states: NormativeCleanupProcedure.covered, on: t.app.db)
            let market = try #require(docs.first { $0.file.facts[NormativeFact.title] == "清河县集贸市场摊位管理暂行办法" })
            let web = WebClient(t)
            _ = try await web.login("scj.juzhang")
            let sheet = try await web.request(.GET, "/console/cases/\(k.id)/cleanup")
            #expect(sheet.status == .ok && sheet.text.contains("清河县广告牌匾设置规定") && sheet.text.contains("应当逐件作出结论"))
            // Only one marked: saved, but the meeting cannot approve an incomplete list.
            var form = ["_version": "1", "c_\(market.id.uuidString)": "repeal", "r_\(market.id.uuidString)": ""]
            let noReason = try await web.request(.POST, "/console/cases/\(k.id)/cleanup", form: form)
            #expect(noReason.status == .unprocessableEntity && noReason.text.contains("应当写明理由"))
            form["r_\(market.id.uuidString)"] = "上位法已废止"
            let saved = try await web.request(.POST, "/console/cases/\(k.id)/cleanup", form: form)
            #expect(saved.status == .seeOther || saved.status == .found, "\(saved.status)")
            k.version = 2
            let meeting: [String: Any] = [
                "meetingKind": "office", "meetingOn": "2026-11-19", "attendees": ["甲", "乙", "丙"],
            ]
            try await d.refused(k, "approve_cleanup", "2026-11-20", meeting, article: "国办发〔2018〕37号")
            form = ["_version": "2"]
            for doc in docs {
                let id = doc.id.uuidString
                form["c_\(id)"] = doc.id == market.id ? "repeal" : "continue"
                form["r_\(id)"] = doc.id == market.id ? "上位法已废止" : ""
            }
            let all = try await web.request(.POST, "/console/cases/\(k.id)/cleanup", form: form)
            #expect(all.status == .seeOther || all.status == .found, "\(all.status) \(all.text)")
            k.version = 3
            try await R.ok(d.c, &k, d.head, "approve_cleanup", "2026-11-20", meeting)
            #expect(
                try await t.send(.GET, "/documents/\(market.id)?format=json").json()["standing"] as? String == "现行有效")
            try await R.ok(d.c, &k, d.head, "publish_cleanup", "2026-11-20")
            // Repealed from the day of publication, in its own case; the others stay in force.
            let after = try await t.send(.GET, "/documents/\(market.id)?format=json&date=2026-11-20").json()
            #expect(after["standing"] as? String == "已废止", "\(after)")
            let before = try await t.send(.GET, "/documents/\(market.id)?format=json&date=2026-11-19").json()
            #expect(before["standing"] as? String == "现行有效")
            let list = try await t.send(.GET, "/documents/cleanups")
            #expect(list.text.contains("2026年度规范性文件清理") && list.text.contains("废止1件"))
            let result = try await t.send(.GET, "/documents/cleanups/\(k.id)")
            #expect(result.text.contains("清河县集贸市场摊位管理暂行办法") && result.text.contains("上位法已废止"))
            let page = try await web.request(.GET, "/console/cases/\(k.id)")
            #expect(page.text.contains("逐件清理表"), "the case page links its worksheet")
            // The year's overview counts the 清理 by conclusion.
            let year = try await t.send(.GET, "/api/v1/statistics/normative_year?year=2026", token: d.head).json()
            let figures = year["figures"] as? [[String: Any]] ?? []
            #expect(figures.first { $0["id"] as? String == "cleaned_repeal" }?["value"] as? Double == 1, "\(year)")
            #expect((year["summary"] as? String)?.contains("废止1件") == true)
        }
    }

    /// The 制定主体清单: once published, a body not on it cannot register a draft (国办发〔2018〕37号); the portal lists it.
    /// And a case citing a document not in force on its decision day shows it to the reviewer (第六十四条第二款).
    @Test(arguments: TestDB.all)
    func onlyListedBodiesDraftAndCitationsAreChecked(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let portal = try await t.send(.GET, "/documents/issuers")
            #expect(portal.text.contains("清河县市场监督管理局") && !portal.text.contains("清河分局"))
            let market = try #require(
                try await Directory.organisations(on: t.app.db).first { $0.name == "清河县市场监督管理局" }?.id)
            let web = WebClient(t)
            _ = try await web.login("sfj.jiandu")
            _ = try await web.request(.GET, "/console/normative/issuers")
            let noBasis = try await web.request(
                .POST, "/console/normative/issuers",
                form: ["organisation": market.uuidString, "listed": "0", "basis": ""])
            #expect(noBasis.status == .unprocessableEntity)
            let off = try await web.request(
                .POST, "/console/normative/issuers",
                form: ["organisation": market.uuidString, "listed": "0", "basis": "清政发〔2026〕9号调整清单"])
            #expect(off.status == .seeOther || off.status == .found, "\(off.status)")
            let d = Desk(c: CaseAPITests.Client(t: t), head: try await t.token("scj.juzhang"))
            let r = try await d.c.open(d.head, NormativeProcedure.id)
            let k = ReconsiderationTests.Case(id: try r.json()["id"] as! String, version: 0)
            try await d.refused(
                k, "register_draft", "2026-11-20",
                [
                    "title": "x", "documentKind": "measures", "inPlan": true, "draftSummary": "x", "draftText": "第一条 x",
                ], article: "国办发〔2018〕37号")
            _ = try await web.request(
                .POST, "/console/normative/issuers",
                form: ["organisation": market.uuidString, "listed": "1", "basis": "清政发〔2026〕10号"])
            _ = try await d.open(on: "2026-11-20")

            // A 审查建议 citing the expired 清市监规〔2022〕1号 and the one in force: the case page flags the first.
            let supervisor = try await t.token("sfj.jiandu")
            let c = CaseAPITests.Client(t: t)
            let opened = try await c.open(supervisor, NormativeSuggestionProcedure.id)
            var s = ReconsiderationTests.Case(id: try opened.json()["id"] as! String, version: 0)
            try await R.ok(
                c, &s, supervisor, "receive_suggestion", "2026-11-20",
                [
                    "channel": "letter", "suggesterName": "李某", "suggesterContact": "x",
                    "documentCited": "清市监规[2022]1号、清市监规〔2024〕2号", "suggestionText": "第三条违法",
                ])
            let page = try await web.request(.GET, "/console/cases/\(s.id)")
            #expect(page.text.contains("引用的规范性文件") && page.text.contains("已失效"), "the expired one flagged")
            #expect(page.text.contains("不是现行有效") && page.text.contains("现行有效"))

            // The county 司法局 does not review the county government's own documents (filed with the city).
            let docs = try await t.send(.GET, "/documents?format=json").json()["documents"] as? [[String: Any]] ?? []
            let gov = try #require(docs.first { ($0["number"] as? String)?.hasPrefix("清政规") == true }?["id"] as? String)
            let stored = try #require(try await CaseStore.load(UUID(uuidString: gov)!, on: t.app.db))
            let own = try await c.step(
                gov, supervisor, "record_filing_review", version: stored.file.version, date: "2026-11-20",
                ["filingConclusion": "no_objection", "filingReviewNotes": "x"])
            #expect(own.status == .conflict && CaseAPITests.article(own) == "国办发〔2018〕37号", "\(own.text)")
            // Nor does it rule on a 审查建议 about them: it refers the citizen on.
            let about = try await c.open(supervisor, NormativeSuggestionProcedure.id)
            var sg = ReconsiderationTests.Case(id: try about.json()["id"] as! String, version: 0)
            let govNumber = try #require(docs.first { ($0["id"] as? String) == gov }?["number"] as? String)
            try await R.ok(
                c, &sg, supervisor, "receive_suggestion", "2026-11-20",
                [
                    "channel": "letter", "suggesterName": "周某", "suggesterContact": "x",
                    "documentCited": govNumber, "suggestionText": "第二条违法",
                ])
            try await R.refused(
                c, sg, supervisor, "answer_suggestion", "2026-11-20",
                ["suggestionConclusion": "ordered_correction", "answerText": "责令改正"], article: "国办发〔2018〕37号",
                field: "suggestionConclusion")
            try await R.ok(
                c, &sg, supervisor, "answer_suggestion", "2026-11-20",
                ["suggestionConclusion": "not_competent", "answerText": "该文件由县人民政府制定，已告知向临州市人民政府提出。"])
        }
    }

    /// The document's life after issue, as the law reads it: the 有效期 is due on its last valid day; a repeal is decided
    /// collectively and published before it ends the document; an extension is published; the 人大常委会 filing runs
    /// beside the government's; an amendment of a document touching rights is consulted on again.
    @Test(arguments: TestDB.all)
    func aDocumentEndsAsItWasMade(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let d = Desk(c: CaseAPITests.Client(t: t), head: try await t.token("scj.juzhang"))
            func existing(_ n: String, until: String) async throws -> ReconsiderationTests.Case {
                let r = try await d.c.open(d.head, NormativeProcedure.id)
                var k = ReconsiderationTests.Case(id: try r.json()["id"] as! String, version: 0)
                let j = try await R.ok(
                    d.c, &k, d.head, "register_existing", "2026-11-20",
                    [
                        "title": "办法\(n)", "documentKind": "measures", "documentNumber": n, "signedOn": "2024-03-01",
                        "publishedOn": "2024-03-05", "effectiveOn": "2024-04-01", "validUntil": until,
                        "finalText": "第一条 ……",
                    ])
                #expect(R.due(j, "validity") == until, "due on the last valid day")
                return k
            }
            // Evaluated 继续有效: the new period is published, or the step is refused.
            var k = try await existing("清市监规〔2024〕7号", until: "2027-03-31")
            let extend: [String: Any] = [
                "evaluationConclusion": "continue", "evaluationNotes": "实施良好", "extendedUntil": "2030-03-31",
            ]
            try await d.refused(
                k, "evaluate", "2026-11-20", extend, article: "政府信息公开条例 第二十六条", field: "extensionPublishedOn")
            var withDate = extend
            withDate["extensionPublishedOn"] = "2026-11-20"
            let j = try await R.ok(d.c, &k, d.head, "evaluate", "2026-11-20", withDate)
            #expect(
                R.due(j, "validity") == "2030-03-31"
                    && (j["facts"] as? [String: Any])?["expiresOn"] as? String == "2030-04-01")
            // Repealed: decided at a meeting and published; it ends on the day of publication, not of recording.
            let repeal: [String: Any] = [
                "ending": "repealed", "endingReason": "上位法废止", "endingDecision": "清市监规〔2026〕9号",
                "endingMeetingOn": "2026-11-18", "endedOn": "2026-11-17",
            ]
            try await d.refused(k, "end", "2026-11-20", repeal, article: "国办发〔2018〕37号", field: "endingMeetingOn")
            var published = repeal
            published["endedOn"] = "2026-11-19"
            try await R.ok(d.c, &k, d.head, "end", "2026-11-20", published)
            let standing = try await t.send(.GET, "/documents/\(k.id)?format=json&date=2026-11-18").json()["standing"]
            #expect(standing as? String == "现行有效")
            let after = try await t.send(.GET, "/documents/\(k.id)?format=json&date=2026-11-19").json()
            #expect(after["standing"] as? String == "已废止" && after["textInForce"] is NSNull, "\(after)")

            // Filing with the government and with the 人大常委会 are two filings, each with its own period.
            var f = try await d.open(["touchesRights": false], on: "2026-11-20")
            try await R.ok(d.c, &f, d.head, "submit_review", "2026-11-20", ["reviewingBody": "本局法制机构"])
            let reviewer = try await t.token("scj.fazhi")
            try await R.ok(
                d.c, &f, reviewer, "pass_review", "2026-11-20",
                ["reviewOpinion": "legal", "reviewer": "赵雅琴", "reviewText": "合法", "expeditedReason": "测试"])
            try await R.ok(
                d.c, &f, d.head, "deliberate", "2026-11-20",
                ["meetingKind": "office", "meetingOn": "2026-11-20", "attendees": ["甲", "乙", "丙"]])
            try await R.ok(
                d.c, &f, d.head, "issue", "2026-11-20",
                ["signer": "王建国", "effectiveOn": "2026-12-01"])
            try await R.ok(
                d.c, &f, d.head, "publish", "2026-11-20", ["interpretation": "解读", "fileWithCongress": true])
            try await d.refused(
                f, "file", "2026-11-20", ["filedWith": "congress"], article: "国办发〔2018〕37号", field: "filedWith")
            var filed = try await R.ok(d.c, &f, d.head, "file", "2026-11-20", ["filedWith": "government_above"])
            #expect(R.due(filed, "congressFiling") != nil, "the 人大常委会 filing still runs")
            filed = try await R.ok(d.c, &f, d.head, "file_with_congress", "2026-11-20")
            #expect((filed["facts"] as? [String: Any])?["congressFilingLate"] as? Bool == false)
            // A document touching rights, consulted on when made: its amendment is consulted on again before review.
            var r = try await d.open(on: "2026-11-02")
            try await R.ok(d.c, &r, d.head, "open_consultation", "2026-11-02", ["consultationUntil": "2026-11-12"])
            try await R.ok(d.c, &r, d.head, "close_consultation", "2026-11-13", ["adoptionSummary": "无意见"])
            try await R.ok(d.c, &r, d.head, "submit_review", "2026-11-13", ["reviewingBody": "本局法制机构"])
            try await R.ok(
                d.c, &r, reviewer, "pass_review", "2026-11-16",
                ["reviewOpinion": "legal", "reviewer": "赵雅琴", "reviewText": "合法", "expeditedReason": "测试"])
            try await R.ok(
                d.c, &r, d.head, "deliberate", "2026-11-17",
                ["meetingKind": "office", "meetingOn": "2026-11-17", "attendees": ["甲", "乙", "丙"]])
            try await R.ok(
                d.c, &r, d.head, "issue", "2026-11-18",
                ["signer": "王建国", "effectiveOn": "2026-11-19"])
            try await R.ok(d.c, &r, d.head, "publish", "2026-11-19", ["interpretation": "解读"])
            try await R.ok(
                d.c, &r, d.head, "start_amendment", "2026-11-20",
                ["amendmentReason": "清理", "draftSummary": "修改", "draftText": "第一条 修改后。"])
            try await d.refused(r, "submit_review", "2026-11-20", ["reviewingBody": "本局法制机构"], article: "国办发〔2018〕37号")
        }
    }
}
