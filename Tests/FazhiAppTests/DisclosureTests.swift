import FazhiApp
import FazhiCore
import FazhiOffice
import FazhiStore
import Foundation
import SQLKit
import Testing
import VaporTesting

/// 政府信息公开 on the procedure engine, through the API and the portal, on both databases: the 20 working days from
/// receipt (an answer on the 21st is late), one extension of at most 20 (a second refused), a consultation that stops
/// the clock and restarts it, 补正 within 7 working days restarting the period from the corrected request, the answer
/// types with their grounds (a non-disclosure without a reason refused), the third party's refusal, fees, the answer
/// .docx with its rights notice, the citizen's online request, and the year's report.
@Suite("政府信息公开 (disclosure)")
struct DisclosureTests {
    typealias Client = CaseAPITests.Client
    typealias Case = ReconsiderationTests.Case
    typealias R = ReconsiderationTests

    static func request(received: String) -> [String: Any] {
        [
            "channel": "registered_post", "applicantName": "张三丰", "applicantKind": "citizen",
            "applicantIDNumber": "11010519491231002X", "applicantPhone": "13812345678",
            "applicantAddress": "清河县城关镇人民路1号", "informationDescription": "2026年城关镇老旧小区改造项目清单",
            "requestedForm": "electronic", "delivery": "email", "applicantEmail": "zhang@example.cn",
            "receivedOn": received,
        ]
    }

    struct Desk {
        let c: Client
        let staff: String
        func open(received: String = "2026-10-12", on date: String = "2026-10-12") async throws -> (Case, [String: Any])
        {
            let r = try await c.open(staff, DisclosureProcedure.id)
            #expect(r.status == .created, "\(r.text)")
            var k = Case(id: try r.json()["id"] as! String, version: 0)
            let j = try await R.ok(c, &k, staff, "register", date, DisclosureTests.request(received: received))
            return (k, j)
        }
        func refused(
            _ k: Case, _ action: String, _ date: String, _ inputs: [String: Any], article: String, field: String? = nil
        ) async throws {
            try await R.refused(c, k, staff, action, date, inputs, article: article, field: field)
        }
    }

    static var provided: [String: Any] {
        [
            "answerType": "disclosed", "answerGround": "provided", "informationProvided": "项目清单电子版，已发送至申请人邮箱",
        ]
    }

    @Test(arguments: TestDB.all)
    func answerPeriodExtensionAndLateness(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let d = Desk(c: Client(t: t), staff: try await t.token("zf.gongkai"))
            // Each body answers its own requests: the government's office neither opens nor takes steps for a department.
            let orgs = try await Directory.organisations(on: t.app.db)
            let scj = try #require(orgs.first { $0.name == "清河县市场监督管理局" }?.id)
            let forOther = try await t.send(
                .POST, "/api/v1/cases", token: d.staff,
                json: #"{"procedure":"disclosure","bodyId":"\#(scj.uuidString)"}"#)
            #expect(forOther.status == .forbidden, "\(forOther.status) \(forOther.text)")
            // Only the body's 政府信息公开 staff or head registers a request (第四条).
            let officer = try await d.c.open(try await t.token("scj.zhifa1"), DisclosureProcedure.id)
            #expect(officer.status == .forbidden && CaseAPITests.article(officer) == "政府信息公开条例 第四条")

            // Received Monday 10-12: the 20 working days end Monday 11-09 (第三十三条).
            var (k, j) = try await d.open()
            #expect(R.due(j, "answer") == "2026-11-09" && j["state"] as? String == "received", "\(j)")
            // Posted requests count from the day signed for, never after the day registered (第三十一条).
            let r = try await d.c.open(d.staff, DisclosureProcedure.id)
            let k2 = Case(id: try r.json()["id"] as! String, version: 0)
            try await d.refused(
                k2, "register", "2026-10-12", Self.request(received: "2026-10-13"), article: "政府信息公开条例 第三十一条",
                field: "receivedOn")
            var noEmail = Self.request(received: "2026-10-12"); noEmail["applicantEmail"] = nil
            try await d.refused(
                k2, "register", "2026-10-12", noEmail, article: "政府信息公开条例 第二十九条第二款第三项", field: "applicantEmail")
            var badPhone = Self.request(received: "2026-10-12"); badPhone["applicantPhone"] = "hello"
            try await d.refused(
                k2, "register", "2026-10-12", badPhone, article: "政府信息公开条例 第二十九条第二款第一项", field: "applicantPhone")
            var long = Self.request(received: "2026-10-12")
            long["informationDescription"] = String(repeating: "长", count: 2001)
            try await d.refused(
                k2, "register", "2026-10-12", long, article: "政府信息公开条例 第二十九条第二款第二项",
                field: "informationDescription")

            // One extension of at most 20 working days, approved and told to the applicant (第三十三条第二款).
            let extend: [String: Any] = [
                "extensionWorkdays": 20, "extensionReason": "需要调取档案", "extensionApprovedBy": "周明远",
                "applicantNotified": true,
            ]
            var tooLong = extend; tooLong["extensionWorkdays"] = 21
            try await d.refused(
                k, "extend", "2026-11-02", tooLong, article: "政府信息公开条例 第三十三条第二款", field: "extensionWorkdays")
            var untold = extend; untold["applicantNotified"] = false
            try await d.refused(
                k, "extend", "2026-11-02", untold, article: "政府信息公开条例 第三十三条第二款", field: "applicantNotified")
            var fraction = extend; fraction["extensionWorkdays"] = 2.5
            try await d.refused(
                k, "extend", "2026-11-02", fraction, article: "政府信息公开条例 第三十三条第二款", field: "extensionWorkdays")
            j = try await R.ok(d.c, &k, d.staff, "extend", "2026-11-02", extend)
            #expect(R.due(j, "answer") == "2026-12-07", "11-09 + 20 working days")
            // The receipt sent on 10-12 still says what it said then; the extension notice says the new date.
            let receipt = try DocxReader.text(
                Data(
                    try await t.send(.GET, "/api/v1/cases/\(k.id)/documents/disclosure_receipt", token: d.staff).body
                        .readableBytesView))
            #expect(receipt.contains("2026年11月9日前") && !receipt.contains("2026年12月7日"), "\(receipt)")
            let notice = try DocxReader.text(
                Data(
                    try await t.send(
                        .GET, "/api/v1/cases/\(k.id)/documents/disclosure_extension_notice", token: d.staff
                    )
                    .body.readableBytesView))
            #expect(notice.contains("2026年12月7日前"))
            var again = extend; again["extensionWorkdays"] = 1
            try await d.refused(k, "extend", "2026-11-03", again, article: "政府信息公开条例 第三十三条第二款")
            j = try await R.ok(d.c, &k, d.staff, "answer", "2026-11-20", Self.provided)
            #expect(
                (j["facts"] as? [String: Any])?["answerLate"] as? Bool == false && j["state"] as? String == "answered")

            // Not extended: answered on the 20th working day in time, on the 21st late; an extension after the period is
            // refused.
            var (onTime, _) = try await d.open()
            j = try await R.ok(d.c, &onTime, d.staff, "answer", "2026-11-09", Self.provided)
            #expect((j["facts"] as? [String: Any])?["answerLate"] as? Bool == false)
            var (lateCase, _) = try await d.open()
            try await d.refused(lateCase, "extend", "2026-11-10", extend, article: "政府信息公开条例 第三十三条第二款")
            j = try await R.ok(d.c, &lateCase, d.staff, "answer", "2026-11-10", Self.provided)
            #expect((j["facts"] as? [String: Any])?["answerLate"] as? Bool == true, "the 21st working day is late")
            let stats = try await t.send(
                .GET, "/api/v1/statistics/disclosure?year=2026", token: try await t.token("zf.gongkai")
            ).json()
            let figures = (stats["figures"] as? [[String: Any]] ?? [])
            #expect(figures.contains { $0["id"] as? String == "late" && ($0["value"] as? Double ?? 0) >= 1 })
        }
    }

    @Test(arguments: TestDB.all)
    func consultationStopsTheClockAndAThirdPartysRefusalBinds(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let d = Desk(c: Client(t: t), staff: try await t.token("zf.gongkai"))
            var (k, _) = try await d.open()
            var j = try await R.ok(
                d.c, &k, d.staff, "consult", "2026-10-19",
                [
                    "consultee": "third_party", "consulteeName": "清河县某某食品有限公司",
                    "consultationMatter": "是否同意公开检查记录", "consultationReceivedOn": "2026-10-19",
                ])
            #expect(
                j["state"] as? String == "consulting" && R.due(j, "answer") == nil
                    && R.due(j, "consultation") == "2026-11-09")
            // The opinion comes a week later: the 5 working days in between do not count (第三十三条第二款).
            try await d.refused(
                k, "consultation_lapsed", "2026-10-26", [:], article: "政府信息公开条例 第三十二条、第三十四条")
            try await d.refused(
                k, "record_opinion", "2026-10-26", ["opinion": "refuse"], article: "政府信息公开条例 第三十二条",
                field: "opinionReason")
            j = try await R.ok(
                d.c, &k, d.staff, "record_opinion", "2026-10-26",
                ["opinion": "refuse", "opinionReason": "涉及商业秘密", "refusalReasonable": true])
            #expect(R.due(j, "answer") == "2026-11-16", "15 working days were left on 10-19; they run again from 10-26")
            // The third party refused with a reason: disclosing needs the public interest and the third party told.
            try await d.refused(
                k, "answer", "2026-10-27", Self.provided, article: "政府信息公开条例 第三十二条", field: "publicInterest")
            // Not disclosing needs its ground and the reason (第三十六条第三项).
            try await d.refused(
                k, "answer", "2026-10-27", ["answerType": "withheld", "answerGround": "third_party"],
                article: "政府信息公开条例 第三十六条第三项", field: "answerReason")
            try await d.refused(
                k, "answer", "2026-10-27", ["answerType": "withheld", "answerGround": "provided", "answerReason": "x"],
                article: "政府信息公开条例 第三十六条", field: "answerGround")
            j = try await R.ok(
                d.c, &k, d.staff, "answer", "2026-10-27",
                ["answerType": "withheld", "answerGround": "third_party", "answerReason": "涉及第三方商业秘密，第三方不同意公开且理由合理"])
            #expect(j["state"] as? String == "answered")
            // The answer as .docx: its title by type, the ground's article, the rights notice.
            let doc = try await t.send(
                .GET, "/api/v1/cases/\(k.id)/documents/disclosure_answer", token: d.staff)
            #expect(doc.status == .ok)
            let text = try DocxReader.text(Data(doc.body.readableBytesView))
            #expect(text.contains("政府信息不予公开告知书") && text.contains("第十五条") && text.contains("申请行政复议"), "\(text)")

            // With the public interest and the third party told, disclosing is allowed.
            var (k2, _) = try await d.open()
            _ = try await R.ok(
                d.c, &k2, d.staff, "consult", "2026-10-19",
                ["consultee": "third_party", "consulteeName": "某公司", "consultationMatter": "x"])
            _ = try await R.ok(
                d.c, &k2, d.staff, "record_opinion", "2026-10-20",
                ["opinion": "refuse", "opinionReason": "x", "refusalReasonable": true])
            var override = Self.provided; override["publicInterest"] = true; override["thirdPartyNotified"] = true
            _ = try await R.ok(d.c, &k2, d.staff, "answer", "2026-10-21", override)

            // Silence: after the 15 working days the system records it and the answer period runs on (第三十二条).
            var (k3, _) = try await d.open()
            _ = try await R.ok(
                d.c, &k3, d.staff, "consult", "2026-10-19",
                ["consultee": "agency", "consulteeName": "清河县自然资源和规划局", "consultationMatter": "共同制作的信息"])
            // Posted: the 15 working days wait for the day it reached them (第三十四条 "自收到征求意见书之日起").
            var waiting = try await t.send(.GET, "/api/v1/cases/\(k3.id)", token: d.staff).json()
            #expect(R.due(waiting, "consultation") == nil)
            try await d.refused(
                k3, "record_consultation_received", "2026-10-20", ["consultationReceivedOn": "2026-10-16"],
                article: "政府信息公开条例 第三十二条、第三十四条", field: "consultationReceivedOn")
            waiting = try await R.ok(
                d.c, &k3, d.staff, "record_consultation_received", "2026-10-20",
                ["consultationReceivedOn": "2026-10-19"])
            #expect(R.due(waiting, "consultation") == "2026-11-09")
            try await ExpirySteps.run(t.app)
            let after = try await t.send(.GET, "/api/v1/cases/\(k3.id)", token: d.staff).json()
            #expect(
                after["state"] as? String == "received"
                    && (after["facts"] as? [String: Any])?["opinion"] as? String == "silent")
            #expect(
                R.due(after, "answer") == "2026-11-30",
                "15 working days left, counted from 11-09, the consultation's last day")
        }
    }

    @Test(arguments: TestDB.all)
    func correctionWithinSevenWorkingDaysRestartsThePeriod(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let d = Desk(c: Client(t: t), staff: try await t.token("zf.gongkai"))
            let correction: [String: Any] = ["correctionItems": ["请写明项目名称或者文号"], "correctionWorkdays": 10]
            // The 8th working day after receipt is too late to ask (第三十条).
            let (late, _) = try await d.open()
            try await d.refused(late, "request_correction", "2026-10-22", correction, article: "政府信息公开条例 第三十条")
            var (k, _) = try await d.open()
            var j = try await R.ok(d.c, &k, d.staff, "request_correction", "2026-10-21", correction)
            #expect(
                j["state"] as? String == "correcting" && R.due(j, "answer") == nil
                    && R.due(j, "correction") == "2026-11-04")
            j = try await R.ok(
                d.c, &k, d.staff, "receive_correction", "2026-10-28",
                ["correctionReceivedOn": "2026-10-27", "correctionSummary": "补正为：城关镇2026年老旧小区改造项目清单"])
            #expect(R.due(j, "answer") == "2026-11-24", "20 working days from the corrected request (10-27)")
            // Once only.
            try await d.refused(k, "request_correction", "2026-10-29", correction, article: "政府信息公开条例 第三十条")

            // No correction: abandoned only after the period, and only without good cause.
            var (k2, _) = try await d.open()
            _ = try await R.ok(
                d.c, &k2, d.staff, "request_correction", "2026-10-13",
                ["correctionItems": ["x"], "correctionWorkdays": 5])
            try await d.refused(k2, "deem_abandoned", "2026-10-20", ["noGoodCause": true], article: "政府信息公开条例 第三十条")
            j = try await R.ok(d.c, &k2, d.staff, "deem_abandoned", "2026-10-21", ["noGoodCause": true])
            #expect(j["state"] as? String == "abandoned")
            #expect((j["facts"] as? [String: Any])?["answerGround"] as? String == "no_correction")
        }
    }

    @Test(arguments: TestDB.all)
    func citizenRequestsOnlineAndReadsTheAnswer(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let web = WebClient(t)
            let page = try await web.request(.GET, "/disclosure")
            #expect(page.status == .ok && page.text.contains("网上申请政府信息公开") && page.text.contains("清河县市场监督管理局"))
            let key = try #require(
                page.text.range(of: #"name="submissionKey" value="([0-9A-F-]+)""#, options: .regularExpression).map {
                    String(page.text[$0].split(separator: "\"")[3])
                })
            let offices = try await DisclosureApplications.offices(on: t.app.db)
            let office = try #require(offices.first { $0.name == "清河县市场监督管理局" })
            var form: [String: String] = [
                "office": office.id.uuidString, "submissionKey": key, "applicantName": "李四光",
                "applicantKind": "citizen",
                "applicantIDNumber": "11010519491231002X", "applicantPhone": "13812345678", "applicantAddress": "清河县",
                "informationDescription": "", "requestedForm": "electronic", "delivery": "email",
                "applicantEmail": "li@example.cn",
            ]
            let missing = try await web.request(.POST, "/disclosure/apply", form: form)
            #expect(
                missing.status == .unprocessableEntity && missing.text.contains("aria-invalid"), "\(missing.status)")
            form["informationDescription"] = "2026年食品安全抽检结果"
            let filed = try await web.request(.POST, "/disclosure/apply", form: form)
            #expect(filed.status == .created, "\(filed.text)")
            func cell(_ id: String) -> String? {
                filed.text.range(of: "id=\"\(id)\">([^<]+)<", options: .regularExpression).map {
                    String(filed.text[$0].dropFirst(id.count + 6).dropLast(1))
                }
            }
            let tracking = try #require(cell("tracking-number")), secret = try #require(cell("secret"))
            #expect(tracking.hasPrefix("GK20261120") && filed.text.contains("2026-12-18"), "20 working days from 11-20")
            let again = try await web.request(.POST, "/disclosure/apply", form: form)
            #expect(again.status == .ok && again.text.contains(tracking))

            // Staff answer in part; the citizen reads the answer and the rights notice, and takes the .docx.
            let staff = try await t.token("scj.gongkai")
            let list = try await t.send(.GET, "/api/v1/cases?procedure=disclosure", token: staff).jsonArray()
                .filter { $0["partyName"] as? String == "李四光" }
            let id = try #require(list.first?["id"] as? String)
            let c = try await t.send(.GET, "/api/v1/cases/\(id)", token: staff).json()
            #expect((c["facts"] as? [String: Any])?["channel"] as? String == "online")
            var k = Case(id: id, version: c["version"] as! Int)
            _ = try await R.ok(
                Client(t: t), &k, staff, "answer", "2026-11-20",
                [
                    "answerType": "partial", "answerGround": "third_party", "answerReason": "抽检报告中含企业配方",
                    "informationProvided": "抽检结果汇总表", "withheldParts": "企业配方（2处）",
                ])
            let status = WebClient(t)
            _ = try await status.request(.GET, "/disclosure/status")
            let wrong = try await status.request(
                .POST, "/disclosure/status", form: ["number": tracking, "secret": "WRONG234"])
            #expect(wrong.status == .notFound)
            let right = try await status.request(
                .POST, "/disclosure/status", form: ["number": tracking, "secret": secret])
            #expect(
                right.status == .ok && right.text.contains("政府信息部分公开告知书") && right.text.contains("企业配方（2处）")
                    && right.text.contains("申请行政复议"), "\(right.text)")
            let docx = try await status.request(
                .POST, "/disclosure/status", form: ["number": tracking, "secret": secret, "download": "answer"])
            #expect(docx.status == .ok && (docx.headers.first(name: .contentType) ?? "").contains("wordprocessingml"))
        }
    }

    @Test(arguments: TestDB.all)
    func theYearsReportAddsUp(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let web = WebClient(t)
            _ = try await web.login("zf.gongkai")
            let page = try await web.request(.GET, "/console/disclosure/report?year=2026")
            #expect(page.status == .ok && page.text.contains("清河县人民政府2026年政府信息公开工作年度报告"), "\(page.status)")
            // The demo's requests at the county government: every one counted once, the table adds up.
            let orgs = try await Directory.organisations(on: t.app.db)
            let gov = try #require(orgs.first { $0.name == "清河县人民政府" }?.id)
            let files = try await CaseStore.filesOpenDuring(
                procedure: DisclosureProcedure.id, bodies: [gov], year: 2026, on: t.app.db
            ).map(\.file)
            let report = DisclosureYearReport(year: 2026, files: files)
            let new = report.row("一、")!.total, carried = report.row("二、")!.total
            let done = report.row("（七）")!.total, open = report.row("四、")!.total
            #expect(new > 0 && new + carried == done + open, "\(new) + \(carried) = \(done) + \(open)")
            let types = report.rows.filter { $0.level == 1 && !$0.label.hasPrefix("（七）") }.map(\.total).reduce(0, +)
            #expect(types == done)
            #expect(page.text.contains(">\(new)<"))
            // Every figure opens the requests it counts.
            let cell = try await web.request(
                .GET, "/console/disclosure/report/cases?year=2026&body=\(gov.uuidString)&row=0&column=total")
            #expect(
                cell.status == .ok && cell.text.contains("共 \(new) 件") && cell.text.contains("清政依申"), "\(cell.status)")
            let bad = try await web.request(.GET, "/console/disclosure/report/cases?year=2026&row=999")
            #expect(bad.status == .notFound)
            #expect(
                try await web.request(.GET, "/console/disclosure/report?year=2026&licences=-1").status
                    == .unprocessableEntity)
            #expect(try await web.request(.GET, "/console/disclosure/report?year=abc").status == .unprocessableEntity)
            let docx = try await web.request(.GET, "/console/disclosure/report?year=2026&format=docx&licences=12")
            #expect(docx.status == .ok)
            let text = try DocxReader.text(Data(docx.body.readableBytesView))
            #expect(text.contains("三、收到和处理政府信息公开申请情况") && text.contains("本年新收政府信息公开申请数量") && text.contains("12"))
        }
    }
}

/// 主动公开目录 (第二十条、第二十六条) and the deferral for excessive requests (第三十五条).
@Suite("政府信息公开：主动公开与延迟答复")
struct ProactiveDisclosureTests {
    typealias R = ReconsiderationTests

    @Test(arguments: TestDB.all)
    func catalogueItemsArePublishedWithinTwentyWorkingDays(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let calendar = t.app.fazhi.deadlines, today = t.app.fazhi.today
            let body = try #require(try await Directory.organisations(on: t.app.db).first { $0.name == "清河县人民政府" }?.id)
            func item(_ formed: String, _ published: String?) -> ProactiveItem {
                ProactiveItem(
                    bodyID: body, category: "1", title: "某规范性文件", summary: "", formedOn: CivilDate(iso: formed)!,
                    publishedOn: published.flatMap(CivilDate.init(iso:)), link: "")
            }
            // Made Monday 10-12: the 20th working day is 11-09; published on 11-10 is late.
            #expect(!item("2026-10-12", "2026-11-09").isLate(calendar, today: today))
            #expect(item("2026-10-12", "2026-11-10").isLate(calendar, today: today))
            #expect(item("2026-10-12", nil).isLate(calendar, today: today), "not published by 11-20")
            #expect(!item("2026-11-02", nil).isLate(calendar, today: today), "due 11-30, still within its period")
            #expect(item("2026-11-21", nil).problem(today: today) != nil, "made after today")
            #expect(item("2026-10-12", "2026-10-11").problem(today: today) != nil, "published before it was made")

            // Staff keep it in the console; others may not; the portal lists what is published.
            let web = WebClient(t)
            _ = try await web.login("zf.gongkai")
            _ = try await web.request(.GET, "/console/disclosure/catalogue")
            let added = try await web.request(
                .POST, "/console/disclosure/catalogue",
                form: ["category": "1", "title": "清河县行政规范性文件制定办法", "formedOn": "2026-11-02", "link": ""])
            #expect(added.status == .seeOther || added.status == .found, "\(added.status)")
            let page = try await web.request(.GET, "/console/disclosure/catalogue")
            #expect(page.text.contains("清河县行政规范性文件制定办法") && page.text.contains("2026-11-30"))
            let bad = try await web.request(
                .POST, "/console/disclosure/catalogue",
                form: ["category": "99", "title": "x", "formedOn": "2026-11-02"])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("第二十条"))
            let script = try await web.request(
                .POST, "/console/disclosure/catalogue",
                form: ["category": "1", "title": "x", "formedOn": "2026-11-02", "link": "javascript:alert(1)"])
            #expect(script.status == .unprocessableEntity && script.text.contains("链接应为"))
            // A long summary (a console form past the first 2 KB chunk) is read whole, not refused as a failed CSRF check.
            let longForm = try await web.request(
                .POST, "/console/disclosure/catalogue",
                form: [
                    "category": "1", "title": "长摘要", "formedOn": "2026-11-02",
                    "summary": String(repeating: "说明", count: 900),
                ])
            #expect(longForm.status == .seeOther || longForm.status == .found, "\(longForm.status)")
            let officer = WebClient(t)
            _ = try await officer.login("scj.zhifa1")
            _ = try await officer.request(.GET, "/console/disclosure/catalogue")
            let refused = try await officer.request(
                .POST, "/console/disclosure/catalogue", form: ["category": "1", "title": "x", "formedOn": "2026-11-02"])
            #expect(refused.status == .forbidden)
            let portal = try await t.send(.GET, "/openness?body=\(body.uuidString)")
            #expect(portal.status == .ok && portal.text.contains("优化营商环境若干措施"))
            #expect(!portal.text.contains("清河县行政规范性文件制定办法"), "not yet published")
            #expect(!portal.text.contains("2026年促进就业若干措施"), "the demo's waiting item")
        }
    }

    @Test(arguments: TestDB.all)
    func excessiveRequestsMayBeDeferredOnlyAsTheLawSays(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let d = DisclosureTests.Desk(c: CaseAPITests.Client(t: t), staff: try await t.token("zf.gongkai"))
            var (k, _) = try await d.open()
            let deferral: [String: Any] = [
                "excessiveVolume": true, "reasonRequested": true, "deferredUntil": "2026-12-31",
                "deferralNotified": true,
            ]
            var notExcessive = deferral; notExcessive["excessiveVolume"] = false
            try await d.refused(
                k, "defer_excessive", "2026-10-20", notExcessive, article: "政府信息公开条例 第三十五条", field: "excessiveVolume")
            var early = deferral; early["deferredUntil"] = "2026-11-05"
            try await d.refused(
                k, "defer_excessive", "2026-10-20", early, article: "政府信息公开条例 第三十五条", field: "deferredUntil")
            let j = try await R.ok(d.c, &k, d.staff, "defer_excessive", "2026-10-20", deferral)
            #expect(R.due(j, "answer") == "2026-12-31")
            let (overdue, _) = try await d.open()
            try await d.refused(overdue, "defer_excessive", "2026-11-10", deferral, article: "政府信息公开条例 第三十五条")

            // The report of a government is due by 3月31日, a department's by 1月31日 (第四十九条).
            let web = WebClient(t)
            _ = try await web.login("zf.gongkai")
            #expect(try await web.request(.GET, "/console/disclosure/report?year=2026").text.contains("2027-03-31"))
            let scj = WebClient(t)
            _ = try await scj.login("scj.gongkai")
            #expect(try await scj.request(.GET, "/console/disclosure/report?year=2026").text.contains("2027-01-31"))
        }
    }
}

/// 信息处理费 (第四十二条, 《政府信息公开信息处理费管理办法》): computed from the 办法's scales, a notice within the answer
/// period, the time to payment not counted, unpaid after 20 working days → 视为放弃.
@Suite("政府信息公开：信息处理费")
struct DisclosureFeeTests {
    typealias R = ReconsiderationTests

    @Test func theScalesOfTheMeasures() {
        #expect(Disclosure.fee(basis: "items", quantity: 10) == 0)
        #expect(
            Disclosure.fee(basis: "items", quantity: 11) == 100 && Disclosure.fee(basis: "items", quantity: 30) == 100)
        #expect(
            Disclosure.fee(basis: "items", quantity: 31) == 200 && Disclosure.fee(basis: "items", quantity: 40) == 200)
        #expect(Disclosure.fee(basis: "items", quantity: 41) == 300)
        #expect(Disclosure.fee(basis: "pages", quantity: 30) == 0 && Disclosure.fee(basis: "pages", quantity: 31) == 10)
        #expect(
            Disclosure.fee(basis: "pages", quantity: 100) == 700
                && Disclosure.fee(basis: "pages", quantity: 201) == 2740)
    }

    @Test(arguments: TestDB.all)
    func feeNoticePausesTheClockAndUnpaidIsAbandoned(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let d = DisclosureTests.Desk(c: CaseAPITests.Client(t: t), staff: try await t.token("zf.gongkai"))
            var (k, _) = try await d.open()
            try await d.refused(
                k, "notify_fee", "2026-10-19", ["feeBasis": "items", "feeQuantity": 8],
                article: "政府信息公开条例 第四十二条", field: "feeQuantity")
            var j = try await R.ok(
                d.c, &k, d.staff, "notify_fee", "2026-10-19", ["feeBasis": "pages", "feeQuantity": 120])
            #expect(j["state"] as? String == "awaitingFee" && R.due(j, "answer") == nil)
            #expect((j["facts"] as? [String: Any])?["feeAmount"] as? Double == 1100, "70×10 + 20×20")
            #expect(R.due(j, "feePayment") == "2026-11-16", "20 working days from 10-19")
            // Paid a week later: the 15 working days left on 10-19 run from the payment.
            j = try await R.ok(d.c, &k, d.staff, "record_fee_paid", "2026-10-27", ["feePaidOn": "2026-10-26"])
            #expect(j["state"] as? String == "received" && R.due(j, "answer") == "2026-11-16")
            let doc = try await t.send(.GET, "/api/v1/cases/\(k.id)/documents/disclosure_fee_notice", token: d.staff)
            let text = try DocxReader.text(Data(doc.body.readableBytesView))
            #expect(text.contains("1100") && text.contains("视为放弃申请"), "\(text)")

            var (k2, _) = try await d.open()
            _ = try await R.ok(d.c, &k2, d.staff, "notify_fee", "2026-10-19", ["feeBasis": "items", "feeQuantity": 12])
            try await d.refused(k2, "fee_lapsed", "2026-11-16", [:], article: "《政府信息公开信息处理费管理办法》")
            try await d.refused(
                k2, "record_fee_paid", "2026-11-17", ["feePaidOn": "2026-11-17"], article: "《政府信息公开信息处理费管理办法》",
                field: "feePaidOn")
            j = try await R.ok(d.c, &k2, d.staff, "fee_lapsed", "2026-11-17")
            #expect(j["state"] as? String == "abandoned")
            #expect((j["facts"] as? [String: Any])?["answerGround"] as? String == "fee_unpaid")
        }
    }
}

/// A 复议 of an answer (行政复议法 第十一条 lists 政府信息公开 among the acts it reviews) that names the request by its
/// number: revoking the answer records it on the request, which then waits to be answered again (第六十四条) and is
/// reopened with the period the decision sets — a new round, with its own extension.
@Suite("政府信息公开：复议撤销答复")
struct DisclosureReviewTests {
    typealias R = ReconsiderationTests

    @Test(arguments: TestDB.all)
    func aRevokedAnswerIsRecordedAndAnsweredAgain(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let c = CaseAPITests.Client(t: t)
            let d = DisclosureTests.Desk(c: c, staff: try await t.token("zf.gongkai"))
            var (request, opened) = try await d.open()
            let number = try #require(opened["number"] as? String)
            _ = try await R.ok(
                c, &request, d.staff, "answer", "2026-10-13",
                ["answerType": "withheld", "answerGround": "process", "answerReason": "属于过程性信息"])

            let staff = try await t.token("sfj.fuyi")
            var k = try await R.open(c, staff)
            let j = try await R.ok(
                c, &k, staff, "register", "2026-10-14",
                R.application([
                    "respondent": "清河县人民政府", "actKind": "info_disclosure", "actDescription": "\(number)政府信息不予公开告知书",
                    "learnedOn": "2026-10-13", "enforcementDecisionNumber": number, "requests": "撤销不予公开的答复",
                ]))
            #expect((j["facts"] as? [String: Any])?["linkedCaseID"] as? String == request.id.uppercased())
            try await R.ok(
                c, &k, staff, "accept", "2026-10-15", ["track": "simple", "simpleGround": "info_disclosure"])
            try await R.ok(c, &k, staff, "send_copy", "2026-10-16")
            try await R.ok(
                c, &k, staff, "record_answer", "2026-10-19", ["answerSummary": "答复", "evidenceProduced": true])
            try await R.ok(c, &k, staff, "decide", "2026-10-20", R.decision("revoke", ["decisionText": "撤销，责令重新答复"]))
            try await R.ok(c, &k, staff, "serve", "2026-10-21", ["serviceMethod": "direct", "recipient": "张三丰"])

            var after = try await t.send(.GET, "/api/v1/cases/\(request.id)", token: d.staff).json()
            #expect((after["steps"] as? [[String: Any]])?.last?["action"] as? String == "record_change")
            #expect(
                R.due(after, "redo") == "2026-11-18", "20 working days from 10-21 until the order's period is entered")
            request.version = after["version"] as? Int ?? request.version
            after = try await R.ok(
                c, &request, d.staff, "reopen", "2026-10-23",
                ["reviewCaseNumber": "清政复〔2026〕1号", "orderReceivedOn": "2026-10-22", "redoWorkdays": 15])
            #expect(R.due(after, "answer") == "2026-11-12" && R.due(after, "redo") == nil)
            // The period is the order's: it is not extended (第三十三条第二款 does not reach it).
            try await d.refused(
                request, "extend", "2026-10-26",
                [
                    "extensionWorkdays": 5, "extensionReason": "重新检索", "extensionApprovedBy": "周明远",
                    "applicantNotified": true,
                ], article: "行政复议法 第六十四条")
        }
    }
}
