import FazhiApp
import FazhiCore
import FazhiOffice
import FazhiStore
import Fluent
import Foundation
import Testing
import VaporTesting

/// 行政应诉 on the procedure engine, through the API, on both databases: the 15-day answer period across 国庆, the
/// answer and evidence, 负责人出庭 or the entrusted staff, the judgment and its appeal periods, the second instance,
/// performing a lost case before closing, and 司法建议/检察建议 with their replies; every gate allowed and refused.
@Suite("行政应诉 (defending lawsuits)")
struct LitigationTests {
    typealias Client = CaseAPITests.Client
    typealias Case = ReconsiderationTests.Case

    static func suit(_ extra: [String: Any] = [:]) -> [String: Any] {
        var s: [String: Any] = [
            "court": "清河县人民法院", "courtCaseNumber": "（2026）浙1101行初88号", "instance": "first", "plaintiff": "某某贸易有限公司",
            "defendantRole": "sole", "actKind": "penalty", "actDescription": "清市监罚〔2026〕40号行政处罚决定", "claims": "撤销该处罚决定",
            "servedOn": "2026-09-16",
        ]
        for (k, v) in extra { s[k] = v }
        return s
    }

    @Test(arguments: TestDB.all)
    func answerHearingJudgmentAppealAndRecommendation(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let c = Client(t: t), staff = try await t.token("scj.fazhi")
            func refused(
                _ k: Case, _ action: String, _ date: String, _ inputs: [String: Any], article: String,
                field: String? = nil
            ) async throws {
                try await ReconsiderationTests.refused(
                    c, k, staff, action, date, inputs, article: article, field: field)
            }
            // An enforcement officer may not register a lawsuit against the body (第三条第三款: the head or the staff it entrusts).
            let officer = try await t.token("scj.zhifa1")
            let forbidden = try await c.open(officer, LitigationProcedure.id)
            #expect(forbidden.status == .forbidden && CaseAPITests.article(forbidden) == "行政诉讼法 第三条第三款")

            let opened = try await c.open(staff, LitigationProcedure.id)
            let number = try opened.json()["number"] as? String
            #expect(opened.status == .created && number?.hasPrefix("清市监诉〔2026〕") == true, "\(opened.text)")
            var k = Case(id: try opened.json()["id"] as! String, version: 0)

            try await refused(k, "register", "2026-09-15", Self.suit(), article: "行政诉讼法 第六十七条", field: "servedOn")
            // Served 2026-09-16: 15 days end on 10-01, inside 国庆 (10-01..10-07), so the answer is due on 10-08.
            var j = try await ReconsiderationTests.ok(c, &k, staff, "register", "2026-09-17", Self.suit())
            #expect(ReconsiderationTests.due(j, "answer") == "2026-10-08")
            #expect((j["deadlines"] as? [[String: Any]])?.first?["article"] as? String == "行政诉讼法 第六十七条第一款")

            let answer: [String: Any] = [
                "answerSummary": "事实清楚", "evidenceList": ["现场笔录", "检验报告"], "legalBasis": ["《食品安全法》第一百二十四条"],
            ]
            // Late without a reason: refused (第三十四条第二款); with the court's leave recorded: taken, and marked late.
            try await refused(k, "submit_answer", "2026-10-09", answer, article: "行政诉讼法 第三十四条第二款", field: "lateReason")
            j = try await ReconsiderationTests.ok(
                c, &k, staff, "submit_answer", "2026-10-09",
                answer.merging(["lateReason": "经法院准许延期提供（第三十六条）"]) { a, _ in a })
            #expect(
                (j["facts"] as? [String: Any])?["answerLate"] as? Bool == true
                    && (j["documents"] as? [String]) == ["litigation_answer"])
            let doc = try await t.send(.GET, "/api/v1/cases/\(k.id)/documents/litigation_answer", token: staff)
            let text = try DocxReader.text(Data(doc.body.readableBytesView))
            #expect(
                text.contains("行政诉讼答辩状") && text.contains("（2026）浙1101行初88号") && text.contains("检验报告")
                    && text.contains("清河县市场监督管理局"))

            // 第三条第三款: the head appears (name and post), or says why not and entrusts staff.
            try await refused(
                k, "record_hearing", "2026-10-15", ["hearingDate": "2026-10-15", "headAppeared": false],
                article: "行政诉讼法 第三条第三款", field: "absenceReason")
            try await refused(
                k, "record_hearing", "2026-10-15", ["hearingDate": "2026-10-15", "headAppeared": true],
                article: "行政诉讼法 第三条第三款", field: "headName")
            try await refused(
                k, "record_hearing", "2026-10-15",
                ["hearingDate": "2026-10-16", "headAppeared": true, "headName": "王建国", "headPosition": "局长"],
                article: "行政诉讼法 第三条第三款", field: "hearingDate")
            j = try await ReconsiderationTests.ok(
                c, &k, staff, "record_hearing", "2026-10-15",
                ["hearingDate": "2026-10-15", "headAppeared": true, "headName": "王建国", "headPosition": "局长"])
            #expect((j["facts"] as? [String: Any])?["headAppeared"] as? Bool == true)

            try await refused(
                k, "record_judgment", "2026-10-21",
                [
                    "judgment": "revoke", "judgmentNumber": "x", "judgmentServedOn": "2026-10-22",
                    "judgmentSummary": "x",
                ],
                article: "行政诉讼法 第八十五条", field: "judgmentServedOn")
            try await refused(
                k, "record_judgment", "2026-10-21",
                [
                    "judgment": "uphold_on_appeal", "judgmentNumber": "x", "judgmentServedOn": "2026-10-20",
                    "judgmentSummary": "x",
                ],
                article: "行政诉讼法 第八十九条", field: "judgment")
            // A judgment served 10-20: 15 days to appeal (第八十五条), to 11-04.
            j = try await ReconsiderationTests.ok(
                c, &k, staff, "record_judgment", "2026-10-21",
                [
                    "judgment": "revoke", "judgmentNumber": "（2026）浙1101行初88号判决书", "judgmentServedOn": "2026-10-20",
                    "judgmentSummary": "程序违法",
                ])
            #expect(
                ReconsiderationTests.due(j, "appeal") == "2026-11-04"
                    && (j["facts"] as? [String: Any])?["lost"] as? Bool == true)
            try await refused(k, "judgment_effective", "2026-10-25", [:], article: "行政诉讼法 第八十五条")
            try await refused(
                k, "appeal", "2026-11-05",
                [
                    "appellant": "defendant", "appealedOn": "2026-11-05", "appealReasons": "x",
                    "appealCourt": "临州市中级人民法院",
                ],
                article: "行政诉讼法 第八十五条", field: "appealedOn")
            j = try await ReconsiderationTests.ok(
                c, &k, staff, "appeal", "2026-11-03",
                [
                    "appellant": "defendant", "appealedOn": "2026-11-03", "appealReasons": "程序并无违法",
                    "appealCourt": "临州市中级人民法院", "appealCaseNumber": "（2026）浙11行终7号",
                ])
            #expect(
                (j["facts"] as? [String: Any])?["currentInstance"] as? String == "second"
                    && ReconsiderationTests.due(j, "appeal") == nil)
            // The second instance upholds: the body still lost; the judgment is final (第七条), effective at once.
            j = try await ReconsiderationTests.ok(
                c, &k, staff, "record_judgment", "2026-11-12",
                [
                    "judgment": "uphold_on_appeal", "judgmentNumber": "（2026）浙11行终7号判决书",
                    "judgmentServedOn": "2026-11-12", "judgmentSummary": "驳回上诉",
                ])
            #expect(
                (j["facts"] as? [String: Any])?["lost"] as? Bool == true && ReconsiderationTests.due(j, "appeal") == nil
            )
            try await refused(
                k, "appeal", "2026-11-13",
                ["appellant": "defendant", "appealedOn": "2026-11-13", "appealReasons": "x", "appealCourt": "x"],
                article: "行政诉讼法 第七条、第八十五条")
            try await ReconsiderationTests.ok(c, &k, staff, "judgment_effective", "2026-11-13")
            // A lost case is closed only once the judgment is performed (第九十四条).
            try await refused(k, "close", "2026-11-14", ["closingSummary": "x"], article: "行政诉讼法 第九十四条")
            try await ReconsiderationTests.ok(
                c, &k, staff, "record_performance", "2026-11-16", ["performanceSummary": "已撤销原处罚决定"])
            j = try await ReconsiderationTests.ok(c, &k, staff, "close", "2026-11-16", ["closingSummary": "已履行"])
            #expect(j["state"] as? String == "closed")

            // A 检察建议 after the case closed: two months to reply; a second one waits for the first reply.
            try await refused(
                k, "reply_recommendation", "2026-11-17", ["replySummary": "x", "replyNumber": "x"],
                article: "行政诉讼法 第九十六条第四项")
            j = try await ReconsiderationTests.ok(
                c, &k, staff, "receive_recommendation", "2026-11-17",
                [
                    "recommendationKind": "procuratorial", "issuer": "清河县人民检察院", "letterNumber": "清检行建〔2026〕8号",
                    "recommendationContent": "规范告知程序",
                ])
            let reply = (j["deadlines"] as? [[String: Any]])?.last { $0["key"] as? String == "recommendationReply" }
            #expect(
                reply?["due"] as? String == "2027-01-17" && reply?["provisional"] as? Bool == true,
                "two months to the corresponding day (pinned as 60 days, 01-16, before issue 13), into 2027 whose holidays are not published"
            )
            try await refused(
                k, "receive_recommendation", "2026-11-18",
                [
                    "recommendationKind": "judicial", "issuer": "清河县人民法院", "letterNumber": "x",
                    "recommendationContent": "x",
                ],
                article: "行政诉讼法 第九十六条")
            j = try await ReconsiderationTests.ok(
                c, &k, staff, "reply_recommendation", "2026-11-19",
                ["replySummary": "已修订告知书格式并组织培训", "replyNumber": "清市监函〔2026〕30号"])
            #expect(ReconsiderationTests.due(j, "recommendationReply") == nil)
            let letter = try await t.send(.GET, "/api/v1/cases/\(k.id)/documents/recommendation_reply", token: staff)
            let letterText = try DocxReader.text(Data(letter.body.readableBytesView))
            #expect(letterText.contains("清河县人民检察院") && letterText.contains("检察建议书") && letterText.contains("已修订告知书格式"))
        }
    }

    @Test(arguments: TestDB.all)
    func aRulingHasTenDaysAndTheAnswerPeriodIsConfigurable(_ db: TestDB) async throws {
        var settings = ProcedureSettings()
        settings.litigationAnswerDays = 20
        try await withTestApp(db, now: CaseAPITests.now, settings: settings) { t in
            let c = Client(t: t), staff = try await t.token("zf.fazhi")
            let opened = try await c.open(staff, LitigationProcedure.id)
            var k = Case(id: try opened.json()["id"] as! String, version: 0)
            // Served 2026-06-01 + 20 days = 06-21, a Sunday: the next working day, 06-22.
            var j = try await ReconsiderationTests.ok(
                c, &k, staff, "register", "2026-06-02", Self.suit(["servedOn": "2026-06-01"]))
            #expect(ReconsiderationTests.due(j, "answer") == "2026-06-22")
            try await ReconsiderationTests.ok(
                c, &k, staff, "record_hearing", "2026-07-01",
                [
                    "hearingDate": "2026-07-01", "headAppeared": false, "absenceReason": "出差",
                    "appearingStaff": ["林晓雯"],
                ])
            // 裁定驳回起诉 served 07-10: 10 days (第八十五条), to 07-20; not lost. (This test used 准许撤诉 before issue 13 —
            // a ruling that cannot be appealed, see `LawReadingTests`.)
            j = try await ReconsiderationTests.ok(
                c, &k, staff, "record_judgment", "2026-07-10",
                [
                    "judgment": "dismiss_suit", "judgmentNumber": "（2026）浙1101行初50号裁定书",
                    "judgmentServedOn": "2026-07-10",
                    "judgmentSummary": "起诉超过法定期限",
                ])
            #expect(
                ReconsiderationTests.due(j, "appeal") == "2026-07-20"
                    && (j["facts"] as? [String: Any])?["lost"] as? Bool == false)
            try await ReconsiderationTests.ok(c, &k, staff, "judgment_effective", "2026-07-21")
            j = try await ReconsiderationTests.ok(c, &k, staff, "close", "2026-07-21", ["closingSummary": "起诉被驳回"])
            #expect(j["state"] as? String == "closed")
        }
    }
}

/// The kept yearly figures of 复议, 应诉 and 调解 equal a recount from the case files, figure by figure, on the demo.
@Suite("复议·应诉·调解 yearly figures")
struct YearFiguresTests {
    @Test(arguments: TestDB.all)
    func keptFiguresEqualARecountAndPagesShowTheRates(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let catalog = ProcedureCatalog()
            let all = Set(try await OrganisationRecord.query(on: t.app.db).all().compactMap(\.id))
            for id in [ReconsiderationProcedure.id, LitigationProcedure.id, MediationProcedure.id] {
                let def = catalog.current(id)!
                let files = try await CaseStore.files(procedure: id, bodies: all, year: 2026, on: t.app.db).map(\.file)
                let recount = def.statistics!.tally(files, year: 2026)
                let kept = try await YearFigures.tally(def, year: 2026, bodies: all, on: t.app.db)!
                #expect(!files.isEmpty)
                for f in def.statistics!.figures { #expect(kept.count(f.id) == recount.count(f.id), "\(id) \(f.id)") }
            }

            // The deadline sweep (the deadline rows alone) finds exactly the running deadlines due in the window that the
            // 待办 list (joined with the cases) shows.
            let today = t.app.fazhi.today
            let through = try t.app.fazhi.deadlines.due(from: today, days: 10, unit: .workday)
            let swept = try await CaseStore.dueWithin(bodies: all, from: today, through: through, on: t.app.db)
            let listed = try await CaseStore.runningDeadlines(bodies: all, on: t.app.db).filter {
                $0.due >= today.description && $0.due <= through.description
            }
            #expect(
                !swept.isEmpty
                    && Set(swept.map { "\($0.caseId)\($0.key)\($0.number)\($0.due)" })
                        == Set(listed.map { "\($0.caseId)\($0.key)\($0.number)\($0.due)" })
            )
            let onlyMediation = try await CaseStore.dueWithin(
                bodies: all, from: today, through: through, procedures: [MediationProcedure.id], on: t.app.db)
            #expect(
                onlyMediation.allSatisfy { $0.procedure == MediationProcedure.id } && onlyMediation.count < swept.count)

            let web = WebClient(t)
            _ = try await web.login("sfj.jiandu")
            let lit = try await web.request(.GET, "/console/litigation/statistics?year=2026")
            // The demo: 4 lawsuits, 3 heard, the head in court in 2, 2 judged, 1 lost.
            #expect(
                lit.text.contains("id=\"figure-received\">4<") && lit.text.contains("id=\"figure-heard\">3<")
                    && lit.text.contains("id=\"figure-headAppeared\">2<"))
            #expect(lit.text.contains("id=\"appearance-rate\">66.7%") && lit.text.contains("id=\"loss-rate\">50.0%"))
            #expect(lit.text.contains("id=\"by-body\"") && lit.text.contains("清河县综合行政执法局"))
            let lost = try await web.request(.GET, "/console/litigation/statistics?year=2026&figure=lost")
            #expect(lost.text.contains("败诉：1 件") && lost.text.contains("清河县某某建材商行") && !lost.text.contains("孙某"))

            // In Excel: the year's table by body with 合计, and one figure's cases.
            let table = try XLSXReader.rows(
                Data(
                    try await web.request(.GET, "/console/litigation/statistics?year=2026&format=xlsx").body
                        .readableBytesView))
            // A title row with the year and the export time, the header, the bodies, 合计.
            #expect(table.first?.first == "2026年应诉统计" || table.first?.first?.hasPrefix("2026年") == true)
            #expect(
                table.dropFirst().first?.first == "单位" && table.last?.first == "合计"
                    && table.last?.contains("66.7%") == true && table.count == 5)
            let ledger = try XLSXReader.rows(
                Data(
                    try await web.request(.GET, "/console/litigation/statistics?year=2026&figure=heard&format=xlsx")
                        .body.readableBytesView))
            #expect(ledger.count == 4 && ledger.first?.first == "案号")
            let med = try await web.request(.GET, "/console/mediation/statistics?year=2026")
            // 16 received; 14 mediated (12 agreements, 1 failed, 1 referred after mediating); 1 declined, 1 in progress.
            #expect(
                med.text.contains("id=\"figure-received\">16<") && med.text.contains("id=\"figure-mediated\">14<")
                    && med.text.contains("id=\"figure-succeeded\">12<"))
            #expect(med.text.contains("id=\"mediation-rate\">87.5%") && med.text.contains("id=\"success-rate\">85.7%"))
            #expect(med.text.contains("调解率87.5%，调解成功率85.7%"))
            #expect(
                try await web.request(.GET, "/console/mediation/statistics?year=1900").status == .unprocessableEntity)
        }
    }
}
