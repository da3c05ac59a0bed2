import FazhiApp
import FazhiCore
import FazhiOffice
import FazhiStore
import Foundation
import SQLKit
import Testing
import VaporTesting

/// Whole cases through the JSON API, on SQLite and PostgreSQL: each refusal names its article, nothing is
/// half-written, a stale version gets 409, a retried POST does not open a second case.
@Suite(.serialized) struct CaseAPITests {
    /// 2026-11-20 12:00 in Beijing: steps are entered with earlier dates so every deadline stays inside 2026
    /// (the shipped calendar has no 2027 yet and fails closed there).
    static let now = Date(timeIntervalSince1970: 1_795_147_200)

    struct Client {
        let t: TestApp
        func json(_ o: Any) -> String {
            String(decoding: try! JSONSerialization.data(withJSONObject: o), as: UTF8.self)
        }
        func open(_ token: String, _ procedure: String, key: String? = nil) async throws -> TestingHTTPResponse {
            try await t.send(
                .POST, "/api/v1/cases", token: token, json: json(["procedure": procedure]),
                headers: key.map { [("Idempotency-Key", $0)] } ?? [])
        }
        func stepBody(
            _ action: String, version: Int, date: String, _ inputs: [String: Any] = [:], officers: [UUID] = []
        ) -> String {
            json([
                "action": action, "version": version, "date": date, "inputs": inputs,
                "officers": officers.map(\.uuidString),
            ])
        }
        func step(
            _ id: String, _ token: String, _ action: String, version: Int, date: String, _ inputs: [String: Any] = [:],
            officers: [UUID] = []
        ) async throws -> TestingHTTPResponse {
            try await t.send(
                .POST, "/api/v1/cases/\(id)/steps", token: token,
                json: stepBody(action, version: version, date: date, inputs, officers: officers))
        }
    }

    /// True if a public page shows an ID or phone number. Record hashes and case UUIDs are hex and can, by chance,
    /// hold a run of digits shaped like a phone number (CI failed on that once), so they are taken out first.
    static func showsPersonalNumbers(_ page: String) -> Bool {
        let withoutHex = page.replacingOccurrences(
            of: #"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}|[0-9A-Fa-f]{64}"#,
            with: "#", options: .regularExpression)
        return DecisionPublication.containsPersonalNumbers(withoutHex)
    }

    static func article(_ r: TestingHTTPResponse) -> String? {
        ((try? r.json())?["error"] as? [String: Any])?["article"] as? String
    }

    static func setUp(
        _ t: TestApp
    ) async throws -> (officer: String, head: String, reviewer: String, officers: [UUID], item: String) {
        let body = try await t.orgID("清河县市场监督管理局")
        let item = try await PowerListStore.list(
            on: t.app.fazhi.today, .init(type: .penalty, organisations: [body]), on: t.app.db
        ).rows.first!.code
        var officers: [UUID] = []
        for u in ["scj.zhifa1", "scj.zhifa2"] {
            let uid = try await t.userID(u)
            officers.append(
                try await t.sql.raw("SELECT id FROM officers WHERE user_id = \(bind: uid)").first()!.decode(
                    column: "id", as: UUID.self))
        }
        return (
            try await t.token("scj.zhifa1"), try await t.token("scj.juzhang"), try await t.token("scj.fazhi"), officers,
            item
        )
    }

    @Test(arguments: TestDB.all) func ordinaryCaseWithHearingAndLegalReview(_ db: TestDB) async throws {
        try await withTestApp(db, now: Self.now) { t in
            let c = Client(t: t)
            let (officer, head, reviewer, pair, item) = try await Self.setUp(t)
            let procedures = try await t.send(.GET, "/api/v1/procedures", token: officer).jsonArray()
            #expect(
                Set(procedures.compactMap { $0["id"] as? String }) == [
                    "penalty.ordinary", "penalty.simple", "inspection", "reconsideration", "litigation", "mediation",
                    "disclosure", "normative", "normative_suggestion", "normative_cleanup", "major_decision",
                    "decision_catalogue", "supervision_notice", "enforcement_complaint", "annual_report",
                    "rule_of_law_inspection",
                ])

            // A retried POST with the same key opens one case.
            let casesBefore = try await t.send(.GET, "/api/v1/cases", token: officer).jsonArray().count
            let opened = try await c.open(officer, "penalty.ordinary", key: "open-1")
            #expect(opened.status == .created)
            let again = try await c.open(officer, "penalty.ordinary", key: "open-1")
            let id = try opened.json()["id"] as! String
            #expect(try again.json()["id"] as? String == id)
            let number = try opened.json()["number"] as? String ?? ""
            // Registered as a clue (登); the 立案号 comes with the head's 立案 (行政处罚法 第五十四条).
            #expect(number.hasPrefix("清市监登〔2026〕") && number.hasSuffix("号"))
            #expect(try await t.send(.GET, "/api/v1/cases", token: officer).jsonArray().count == casesBefore + 1)

            let filing: [String: Any] = [
                "source": "complaint", "powerItemCode": item, "partyName": "清河县某某食品店", "partyKind": "organisation",
                "partyAddress": "清河县城关镇人民路1号", "summary": "投诉称销售过期食品", "violationOn": "2026-07-20",
            ]
            let wrongRole = try await c.step(id, officer, "file_case", version: 0, date: "2026-08-03", filing)
            #expect(wrongRole.status == .forbidden && Self.article(wrongRole) == "行政处罚法 第五十四条")
            let filed = try await c.step(id, head, "file_case", version: 0, date: "2026-08-03", filing)
            #expect(filed.status == .ok)
            let filedNumber = try filed.json()["number"] as? String ?? ""
            #expect(filedNumber.hasPrefix("清市监立〔2026〕") && filedNumber.hasSuffix("号"), "\(filedNumber)")
            let listed = try await t.send(.GET, "/api/v1/cases/\(id)", token: officer).json()
            #expect(listed["number"] as? String == filedNumber)
            let deadlines = try filed.json()["deadlines"] as? [[String: Any]] ?? []
            #expect(deadlines.first?["due"] as? String == "2026-11-02", "90 days from 08-03 is Sunday 11-01, so 11-02")

            // Two officers act on the same version at once: one wins, the other gets 409.
            let evidence: [String: Any] = [
                "evidenceKind": "inspection", "evidenceSummary": "现场检查发现过期食品12件", "partySignature": "signed",
                "certificateShown": true,
            ]
            let body = c.stepBody("record_evidence", version: 1, date: "2026-08-04", evidence, officers: pair)
            async let a = t.send(.POST, "/api/v1/cases/\(id)/steps", token: officer, json: body)
            async let b = t.send(.POST, "/api/v1/cases/\(id)/steps", token: officer, json: body)
            let statuses = [try await a.status, try await b.status]
            #expect(statuses.filter { $0 == .ok }.count == 1 && statuses.filter { $0 == .conflict }.count == 1)
            // One officer only: refused with the article, nothing written.
            let before = try await t.recordSize()
            let alone = try await c.step(
                id, officer, "record_evidence", version: 2, date: "2026-08-05", evidence, officers: [pair[0]])
            #expect(alone.status == .unprocessableEntity && Self.article(alone) == "行政处罚法 第四十二条、第五十五条")
            #expect(try await t.recordSize() == before)

            let proposal: [String: Any] = [
                "violationFacts": "销售超过保质期的食品", "penaltyBasis": "《食品安全法》第一百二十四条", "penaltyKinds": ["罚款", "没收违法所得"],
                "fineAmount": 150_000, "confiscationValue": 800,
                // The item's registered 裁量基准: 货值 10,000 元 is the 一般 tier, 10–15 times — 100,000 to 150,000 元.
                "benchmarkCode": "QH-CF-001", "measureValue": 10_000, "goodsValue": 10_000,
            ]
            // The officer's form offers the item's registered 裁量基准 as a choice (no code typed by hand).
            let officerPage = WebClient(t)
            _ = try await officerPage.login("scj.zhifa1")
            let form = try await officerPage.request(.GET, "/console/cases/\(id)").text
            #expect(form.contains("<select id=\"propose-benchmarkCode\"") && form.contains("QH-CF-001"))
            #expect(try await c.step(id, officer, "propose", version: 2, date: "2026-08-06", proposal).status == .ok)
            #expect(
                try await c.step(id, officer, "notify", version: 3, date: "2026-08-06", ["noticeMethod": "direct"])
                    .status == .ok)
            let decision: [String: Any] = [
                "outcome": "penalty", "penaltyKinds": ["罚款", "没收违法所得"], "fineAmount": 150_000,
                "decisionReasons": "事实清楚，证据确凿",
            ]
            let early = try await c.step(id, head, "decide", version: 4, date: "2026-08-07", decision)
            #expect(early.status == .unprocessableEntity && Self.article(early) == "行政处罚法 第六十二条")
            #expect(
                try await c.step(
                    id, officer, "request_hearing", version: 4, date: "2026-08-07", ["hearingRequest": "当事人书面申请听证"]
                ).status == .ok)
            let tooSoon = try await c.step(
                id, head, "schedule_hearing", version: 5, date: "2026-08-10",
                ["hearingDate": "2026-08-18", "hearingPlace": "三楼听证室", "hearingChair": "吴法规", "hearingPublic": true])
            #expect(tooSoon.status == .unprocessableEntity && Self.article(tooSoon) == "行政处罚法 第六十四条第二项")
            #expect(
                try await c.step(
                    id, head, "schedule_hearing", version: 5, date: "2026-08-10",
                    [
                        "hearingDate": "2026-08-19", "hearingPlace": "三楼听证室", "hearingChair": "吴法规",
                        "hearingPublic": true,
                    ]
                ).status == .ok)
            #expect(
                try await c.step(
                    id, head, "hold_hearing", version: 6, date: "2026-08-19",
                    ["partyAppeared": true, "hearingSummary": "当事人对证据无异议", "hearingRecordSigned": "signed"]
                ).status == .ok)
            var cited = decision; cited["hearingRecordCited"] = true
            let noReview = try await c.step(id, head, "decide", version: 7, date: "2026-08-20", cited)
            #expect(noReview.status == .conflict && Self.article(noReview) == "行政处罚法 第五十八条")
            // The reviewer's 待办 says so.
            let reviewerWeb = WebClient(t)
            _ = try await reviewerWeb.login("scj.fazhi")
            #expect(try await reviewerWeb.request(.GET, "/console").text.contains("待法制审核"))
            // The page and the server agree: a qualified reviewer (法律职业资格) sees 法制审核 open, in the API and on the case page.
            let asReviewer =
                try await t.send(.GET, "/api/v1/cases/\(id)", token: reviewer).json()["actions"] as? [[String: Any]]
                ?? []
            #expect(asReviewer.first { $0["id"] as? String == "legal_review_pass" }?["allowed"] as? Bool == true)
            let reviewerPage = WebClient(t)
            _ = try await reviewerPage.login("scj.fazhi")
            #expect(
                try await reviewerPage.request(.GET, "/console/cases/\(id)").text.contains(
                    "id=\"form-legal_review_pass\""))
            #expect(
                try await c.step(
                    id, reviewer, "legal_review_pass", version: 7, date: "2026-08-20", ["reviewOpinion": "事实清楚，程序合法，同意"]
                ).status == .ok)
            let decided = try await c.step(id, head, "decide", version: 8, date: "2026-08-21", cited)
            #expect(decided.status == .ok)
            let facts = try decided.json()["facts"] as? [String: Any] ?? [:]
            #expect((facts["decisionNumber"] as? String)?.hasPrefix("清市监罚〔2026〕") == true)
            #expect(try decided.json()["documents"] as? [String] == ["penalty_decision"])
            // The decision counts in the year's enforcement figures, read through the statistics API.
            let figures =
                try await t.send(.GET, "/api/v1/statistics/enforcement?year=2026", token: head).json()["figures"]
                as? [[String: Any]] ?? []
            func figure(_ id: String) -> Double {
                figures.first { $0["id"] as? String == id }?["value"] as? Double ?? -1
            }
            #expect(figure("penalties") >= 1 && figure("fines") >= 150_000 && figure("legallyReviewed") >= 1)
            #expect(
                try await c.step(
                    id, officer, "serve", version: 9, date: "2026-08-21",
                    ["serviceMethod": "on_spot", "recipient": "店主"]
                ).status == .ok)
            #expect(
                try await c.step(
                    id, officer, "record_payment", version: 10, date: "2026-08-25",
                    ["paymentVoucher": "ZF20260825001", "paidAmount": 150_000, "paidOn": "2026-08-25"]
                ).status == .ok)
            #expect(try await c.step(id, officer, "publish", version: 11, date: "2026-08-26").status == .ok)
            let closed = try await c.step(
                id, head, "close", version: 12, date: "2026-08-26", ["closingSummary": "罚没款已缴清"])
            #expect(try closed.json()["state"] as? String == "closed")
            let view = try await t.send(.GET, "/api/v1/cases/\(id)", token: officer).json()
            #expect((view["steps"] as? [Any])?.count == 13)
            #expect(
                try await t.send(.GET, "/api/v1/cases/deadlines", token: officer).jsonArray().allSatisfy {
                    $0["caseId"] as? String != id
                })
            // Another body's user does not see the case.
            #expect(
                try await t.send(.GET, "/api/v1/cases/\(id)", token: try await t.token("zf.zhifa1")).status == .notFound
            )
        }
    }

    @Test(arguments: TestDB.all) func simpleProcedureOverThresholdAndTransfer(_ db: TestDB) async throws {
        try await withTestApp(db, now: Self.now) { t in
            let c = Client(t: t)
            let (officer, head, _, pair, item) = try await Self.setUp(t)
            let simple = try await c.open(officer, "penalty.simple").json()["id"] as! String
            var onSpot: [String: Any] = [
                "powerItemCode": item, "partyName": "李某", "partyKind": "citizen", "violationFacts": "流动摊贩销售无标签食品",
                "penaltyBasis": "《食品安全法》", "penaltyKinds": ["罚款"], "fineAmount": 300, "formNumber": "No.3301001",
                "certificateShown": true, "partySignature": "signed", "partyInformed": true, "partyStatement": "无异议",
            ]
            let over = try await c.step(
                simple, officer, "decide_on_spot", version: 0, date: "2026-11-02", onSpot, officers: pair)
            #expect(
                over.status == .unprocessableEntity && Self.article(over) == "行政处罚法 第五十一条"
                    && over.errorField == "fineAmount")
            onSpot["fineAmount"] = 50
            #expect(
                try await c.step(
                    simple, officer, "decide_on_spot", version: 0, date: "2026-11-02", onSpot, officers: pair
                ).status == .ok)
            #expect(
                try await c.step(
                    simple, officer, "collect_on_spot", version: 1, date: "2026-11-02", ["receiptNumber": "浙财票 0001"]
                ).status == .ok)

            // 以罚代刑 is refused: a case marked 涉嫌犯罪 ends only by transfer.
            let id = try await c.open(officer, "penalty.ordinary").json()["id"] as! String
            _ = try await c.step(
                id, head, "file_case", version: 0, date: "2026-09-01",
                [
                    "source": "inspection", "powerItemCode": item, "partyName": "王某",
                    "partyKind": "citizen", "partyAddress": "某村", "summary": "大量销售假冒食品", "violationOn": "2026-08-20",
                ])
            _ = try await c.step(
                id, officer, "mark_suspected_crime", version: 1, date: "2026-09-02", ["crimeReason": "货值金额逾五万元"])
            let fine = try await c.step(
                id, head, "decide", version: 2, date: "2026-09-03", ["outcome": "no_penalty", "decisionReasons": "x"])
            #expect(fine.status == .conflict && Self.article(fine) == "行政处罚法 第二十七条、第五十七条第一款第四项、第八十二条")
            #expect(
                try await c.step(
                    id, head, "transfer", version: 2, date: "2026-09-03",
                    ["receivingOrgan": "清河县公安局", "transferNumber": "清市监移〔2026〕1号", "transferReason": "涉嫌生产、销售伪劣产品罪"]
                ).status == .ok)
            let done = try await c.step(
                id, officer, "transfer_accepted", version: 3, date: "2026-09-10",
                ["receiptNumber": "清公(经)立字〔2026〕5号", "transferFeedback": "已立案侦查"])
            #expect(try done.json()["state"] as? String == "closed")
            // Unknown procedure, unknown field: clear 422s.
            #expect(try await c.open(officer, "penalty.other").status == .unprocessableEntity)
            #expect(
                try await t.send(
                    .POST, "/api/v1/cases/\(id)/steps", token: officer,
                    json: "{\"action\":\"close\",\"version\":4,\"extra\":1}"
                ).errorField == "extra")
        }
    }

    /// 拟立案 → 立案: the officer fills in the 立案审批表 (checked as 立案 is), the head sees it in 待办, approves from a form
    /// that starts from the draft, and the 立案审批表 carries the officer's opinion (行政处罚法 第五十四条).
    @Test(arguments: TestDB.all) func anOfficerDraftsTheFilingAndTheHeadApproves(_ db: TestDB) async throws {
        try await withTestApp(db, now: Self.now) { t in
            let c = Client(t: t)
            let (officer, head, _, _, item) = try await Self.setUp(t)
            let id = try await c.open(officer, "penalty.ordinary").json()["id"] as! String
            let filing: [String: Any] = [
                "source": "complaint", "powerItemCode": item, "partyName": "赵六", "partyKind": "citizen",
                "partyAddress": "清河县某村5号", "summary": "无证经营", "violationOn": "2026-11-10",
            ]
            let byOfficer = try await c.step(id, officer, "file_case", version: 0, date: "2026-11-18", filing)
            #expect(byOfficer.status == .forbidden, "立案 is the head's")
            let badItem = try await c.step(
                id, officer, "draft_filing", version: 0, date: "2026-11-18",
                filing.merging(["powerItemCode": "NOPE-1", "filingOpinion": "x"]) { $1 })
            #expect(badItem.status == .unprocessableEntity, "the draft is checked as 立案 is")
            let drafted = try await c.step(
                id, officer, "draft_filing", version: 0, date: "2026-11-18",
                filing.merging(["filingOpinion": "经现场核查，当事人无证经营属实，建议立案"]) { $1 })
            #expect(drafted.status == .ok, "\(drafted.text)")
            let web = WebClient(t)
            _ = try await web.login("scj.juzhang")
            let desk = try await web.request(.GET, "/console")
            #expect(desk.text.contains("待立案审批：赵六"))
            let page = try await web.request(.GET, "/console/cases/\(id)")
            #expect(
                page.text.contains("form-file_case") && page.text.contains("value=\"赵六\""),
                "the form starts from the draft")
            let filed = try await c.step(id, head, "file_case", version: 1, date: "2026-11-19", filing)
            #expect(filed.status == .ok, "\(filed.text)")
            let doc = try await t.send(.GET, "/api/v1/cases/\(id)/documents/filing_approval", token: head)
            let text = try DocxReader.text(Data(doc.body.readableBytesView))
            #expect(text.contains("经现场核查，当事人无证经营属实，建议立案") && text.contains("承办人："), "\(text)")
        }
    }

    /// A step waiting for a period says so on its form, with the day it opens: 作出决定 during the party's 陈述、申辩
    /// period (行政处罚法 第六十二条) — the same rule refuses it when sent.
    @Test(arguments: TestDB.all) func aStepWaitingForAPeriodTellsTheDayItOpens(_ db: TestDB) async throws {
        try await withTestApp(db, now: Self.now) { t in
            let c = Client(t: t)
            let (officer, head, _, pair, item) = try await Self.setUp(t)
            let id = try await c.open(officer, "penalty.ordinary").json()["id"] as! String
            var v = 0
            func step(
                _ token: String, _ action: String, _ date: String, _ inputs: [String: Any] = [:], officers: [UUID] = []
            ) async throws {
                let r = try await c.step(id, token, action, version: v, date: date, inputs, officers: officers)
                #expect(r.status == .ok, "\(action): \(r.text)")
                v += 1
            }
            try await step(
                head, "file_case", "2026-11-16",
                [
                    "source": "complaint", "powerItemCode": item, "partyName": "王五", "partyKind": "citizen",
                    "partyIDNumber": "330102199001011234", "partyAddress": "清河县某村3号", "summary": "无证经营",
                    "violationOn": "2026-11-10",
                ])
            try await step(
                officer, "record_evidence", "2026-11-17",
                [
                    "evidenceKind": "inquiry", "evidenceSummary": "询问", "partySignature": "signed",
                    "certificateShown": true, "witnesses": ["李四"],
                ], officers: pair)
            try await step(
                officer, "propose", "2026-11-18",
                [
                    "violationFacts": "王五未取得许可经营食品", "penaltyBasis": "《食品安全法》第一百二十二条",
                    "penaltyKinds": ["罚款"], "fineAmount": 50_000, "benchmarkCode": "QH-CF-001", "measureValue": 3_000,
                    "goodsValue": 3_000,
                ])
            try await step(officer, "notify", "2026-11-19", ["noticeMethod": "direct"])
            let stored = try #require(try await CaseStore.load(UUID(uuidString: id)!, on: t.app.db))
            let due = try #require(stored.file.deadline("statement")?.deadline.due)
            #expect(due > CivilDate(iso: "2026-11-20")!)
            let web = WebClient(t)
            _ = try await web.login("scj.juzhang")
            let page = try await web.request(.GET, "/console/cases/\(id)")
            let opens = due.adding(days: 1)
            let days = CivilDate(iso: "2026-11-20")!.days(until: opens)
            #expect(
                page.text.contains("\(opens.description)起可以办理（还有\(days)天）") && page.text.contains("有期限未满"),
                "the decision form tells the day")
            // The server refuses the same step on the same rule.
            let early = try await c.step(
                id, head, "decide", version: v, date: "2026-11-20",
                ["outcome": "penalty", "penaltyKinds": ["罚款"], "fineAmount": 50_000, "decisionReasons": "事实清楚"])
            #expect(early.status == .unprocessableEntity && Self.article(early) == "行政处罚法 第六十二条", "\(early.text)")
        }
    }

    @Test(arguments: TestDB.all) func publicationMasksPersonalDataAndIsWithdrawn(_ db: TestDB) async throws {
        try await withTestApp(db, now: Self.now) { t in
            let c = Client(t: t)
            let (officer, head, _, pair, item) = try await Self.setUp(t)
            let id = try await c.open(officer, "penalty.ordinary").json()["id"] as! String
            var v = 0
            func step(
                _ token: String, _ action: String, _ date: String, _ inputs: [String: Any] = [:], officers: [UUID] = []
            ) async throws {
                let r = try await c.step(id, token, action, version: v, date: date, inputs, officers: officers)
                #expect(r.status == .ok, "\(action): \(r.text)")
                v += 1
            }
            try await step(
                head, "file_case", "2026-09-01",
                [
                    "source": "complaint", "powerItemCode": item, "partyName": "张三丰", "partyKind": "citizen",
                    "partyIDNumber": "330102199001011234", "partyPhone": "13812345678", "partyAddress": "清河县某村12号",
                    "summary": "无证经营", "violationOn": "2026-08-20",
                ])
            try await step(
                officer, "record_evidence", "2026-09-02",
                [
                    "evidenceKind": "inquiry", "evidenceSummary": "询问", "partySignature": "signed",
                    "certificateShown": true, "witnesses": ["李四"],
                ], officers: pair)
            try await step(
                officer, "propose", "2026-09-03",
                [
                    "violationFacts": "张三丰（身份证号330102199001011234，电话13812345678）雇用李四未取得许可经营食品，张 三丰称不知情",
                    "penaltyBasis": "《食品安全法》第一百二十二条",
                    "penaltyKinds": ["罚款"], "fineAmount": 50_000,
                    "benchmarkCode": "QH-CF-001", "measureValue": 3_000, "goodsValue": 3_000,
                ])
            try await step(officer, "notify", "2026-09-03", ["noticeMethod": "direct"])
            try await step(officer, "waive", "2026-09-03", ["waiverDocument": "当事人书面放弃"])
            try await step(
                head, "decide", "2026-09-04",
                ["outcome": "penalty", "penaltyKinds": ["罚款"], "fineAmount": 50_000, "decisionReasons": "事实清楚"])
            let decided = try await t.send(.GET, "/api/v1/cases/\(id)", token: officer).json()
            let publication = (decided["deadlines"] as? [[String: Any]] ?? []).first {
                $0["key"] as? String == "publication"
            }
            #expect(publication?["due"] as? String == "2026-09-15", "7 working days from Friday 09-04")
            try await step(officer, "publish", "2026-09-07")
            let list = try await t.send(.GET, "/decisions?format=json")
            #expect(list.text.contains("张某某") && !list.text.contains("张三丰") && !Self.showsPersonalNumbers(list.text))
            // Every natural person the case names (the witness 李四), spaced or not (张 三丰), is masked (issue 14 #6).
            #expect(list.text.contains("李某") && !list.text.contains("李四") && !list.text.contains("张 三丰"))
            #expect(!list.text.contains("某村12号"))
            let page = try await t.send(.GET, "/decisions/\(id)")
            #expect(page.text.contains("与之一致"), "the page's content hashes to its record entry")
            #expect(!Self.showsPersonalNumbers(page.text) && !page.text.contains("张三丰"))
            // 三丰: only the masked text? no — the name is masked away
            let found = try await t.send(.GET, "/decisions?q=%E4%B8%89%E4%B8%B0&format=json").json()
            #expect(found["total"] as? Int == 0, "the citizen's name is not searchable")
            // 许可经营
            let byText = try await t.send(.GET, "/decisions?q=%E8%AE%B8%E5%8F%AF%E7%BB%8F%E8%90%A5&format=json").json()
            #expect((byText["items"] as? [[String: Any]] ?? []).contains { $0["caseID"] as? String == id })
            // Withdrawal needs a recorded change (第四十八条第二款); then it is due 3 working days after the change.
            let early = try await c.step(
                id, head, "withdraw_publication", version: v, date: "2026-09-20", ["withdrawalReason": "x"])
            #expect(early.status == .conflict && Self.article(early) == "行政处罚法 第四十八条第二款")
            try await step(
                head, "record_change", "2026-10-09",
                ["changeKind": "revoked", "changeDocument": "清政复〔2026〕8号", "changedOn": "2026-09-30"])
            let changed = try await t.send(.GET, "/api/v1/cases/\(id)", token: officer).json()
            #expect(
                (changed["deadlines"] as? [[String: Any]] ?? []).first { $0["key"] as? String == "withdrawal" }?["due"]
                    as? String == "2026-10-10",
                "3 working days from 09-30 across 国庆 (10-01..10-07): 10-08, 10-09 and Saturday 10-10, a make-up working day"
            )
            try await step(head, "withdraw_publication", "2026-10-09", ["withdrawalReason": "该决定已被清河县人民政府行政复议决定撤销"])
            let withdrawn = try await t.send(.GET, "/decisions/\(id)")
            #expect(
                withdrawn.text.contains("撤回公示") && withdrawn.text.contains("行政复议决定撤销")
                    && withdrawn.text.contains("与之一致"))
        }
    }
}
