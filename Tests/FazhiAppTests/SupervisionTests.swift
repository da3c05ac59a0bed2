import FazhiApp
import FazhiCore
import FazhiOffice
import FazhiStore
import Foundation
import SQLKit
import Testing
import VaporTesting

/// 执法监督 on both databases: each alert rule raised by the records that break it and not by those that keep it (a
/// party's period, a complaint-led inspection, a fine inside the benchmark, a feedback in time, an officer who acted);
/// the body answers its own alerts only, the supervisor closes with a finding, each on the record; the 监督文书 issued,
/// served, its report period counted from 送达, reported by the body, verified.
@Suite("执法监督 (supervision)")
struct SupervisionTests {
    static func field(_ r: TestingHTTPResponse) -> String? {
        ((try? r.json())?["error"] as? [String: Any])?["field"] as? String
    }

    @Test(arguments: TestDB.all)
    func alertsAreRaisedAnsweredAndClosed(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let market = try await t.orgID("清河县市场监督管理局"), zf = try await t.orgID("清河县综合行政执法局")
            func alerts(_ rule: AlertRule, _ body: UUID? = nil) async throws -> [SupervisionAlert] {
                try await SupervisionAlerts.list(
                    bodies: body.map { [$0] } ?? [market, zf], state: nil, rule: rule.id, limit: 1_000, on: t.app.db)
            }
            // The demo's records: the shop inspected twice (answered), a fine outside its benchmark, transfers without
            // feedback, the 意见书 whose report is overdue.
            #expect(try await alerts(.repeatInspection, market).contains { $0.state == .answered })
            let outside = try await alerts(.outsideBenchmark)
            #expect(outside.count == 1 && outside[0].detail.contains("理由"))
            #expect(try await alerts(.transferWithoutFeedback).count == 2)
            let overdue = try await alerts(.stepOverdue)
            #expect(overdue.contains { $0.detail.contains("报送整改情况") }, "the 意见书's report is late")
            // Only 行政执法 and 执法监督 periods are watched (行政执法监督条例 第二条): no 规范性文件 or 复议 period here.
            #expect(
                overdue.allSatisfy {
                    $0.caseNumber.map { $0.contains("罚") || $0.contains("立") || $0.contains("检") || $0.contains("执监") }
                        ?? false
                },
                "\(overdue.map { $0.caseNumber ?? "" })")
            // A party's period (陈述申辩、缴纳罚款、催告) is never the body's overdue step.
            #expect(
                !overdue.contains { $0.detail.contains("陈述") || $0.detail.contains("缴纳罚款") || $0.detail.contains("催告") }
            )

            // 短期内重复检查: a complaint-led inspection does not count; a routine one within 30 days does.
            let (officer, _, _, officers, _) = try await CaseAPITests.setUp(t)
            let c = CaseAPITests.Client(t: t)
            func inspect(_ object: String, source: String, on date: String) async throws {
                let opened = try await c.open(officer, InspectionProcedure.id)
                let id = try #require(try opened.json()["id"] as? String)
                let r = try await c.step(
                    id, officer, InspectionProcedure.Step.recordInspection, version: 0, date: date,
                    [
                        "inspectionSource": source, "inspectedObject": object, "objectAddress": "清河县",
                        "checkedItems": ["经营许可"], "findings": "未发现问题", "result": "none", "certificateShown": true,
                        "partySignature": "signed",
                    ], officers: officers)
                #expect(r.status == .ok, "\(r.text)")
            }
            let before = try await alerts(.repeatInspection).count
            try await inspect("清河县河东街道某某烧烤店", source: "complaint", on: "2026-11-19")
            #expect(try await alerts(.repeatInspection).count == before, "a complaint justifies the visit")
            try await inspect("测试商店", source: "routine", on: "2026-11-19")
            #expect(try await alerts(.repeatInspection).count == before, "a first visit")
            try await inspect("测试商店", source: "routine", on: "2026-11-20")
            let repeated = try await alerts(.repeatInspection)
            #expect(repeated.count == before + 1 && repeated.contains { $0.detail.contains("测试商店") })

            // 移送后未获反馈 waits the set number of days.
            try await t.sql.raw(
                "DELETE FROM supervision_alerts WHERE rule = \(bind: AlertRule.transferWithoutFeedback.id)"
            )
            .run()
            var patient = ProcedureSettings()
            patient.transferFeedbackDays = 365
            let today = t.app.fazhi.today
            try await SupervisionAlerts.sweep(
                .init(today: today, catalog: ProcedureCatalog(settings: patient)), on: t.app.db)
            #expect(try await alerts(.transferWithoutFeedback).isEmpty)
            try await SupervisionAlerts.sweep(.init(today: today, catalog: ProcedureCatalog()), on: t.app.db)
            #expect(try await alerts(.transferWithoutFeedback).count == 2)

            // 零执法 for the last full year: only officers of bodies whose cases are in Fazhi, never one who acted.
            let nextYear = CivilDate(iso: "2027-01-10")!
            try await SupervisionAlerts.sweep(.init(today: nextYear, catalog: ProcedureCatalog()), on: t.app.db)
            let idle = try await alerts(.zeroEnforcement)
            let acted = try await t.sql.raw("SELECT officer_id FROM officer_activity WHERE year = 2026").all()
                .map { try $0.decode(column: "officer_id", as: String.self) }
            #expect(!acted.isEmpty && !idle.isEmpty)
            #expect(!idle.contains { a in acted.contains { a.subject.hasPrefix($0) } })

            // The body answers its own alert; another body cannot; the supervisor closes with a finding.
            let open = try #require(try await alerts(.repeatInspection, market).first { $0.state == .open })
            let other = WebClient(t)
            _ = try await other.login("zf.fazhi")
            _ = try await other.request(.GET, "/console/supervision")
            let foreign = try await other.request(
                .POST, "/console/supervision/alerts/\(open.id)/answer",
                form: ["answer": "explained", "answerText": "x"])
            #expect(foreign.status == .notFound || foreign.status == .forbidden, "\(foreign.status)")
            let body = WebClient(t)
            _ = try await body.login("scj.fazhi")
            #expect(try await body.request(.GET, "/console/supervision/alerts/\(open.id)").text.contains("答复预警"))
            let empty = try await body.request(
                .POST, "/console/supervision/alerts/\(open.id)/answer",
                form: ["answer": "corrected", "answerText": " "])
            #expect(empty.status == .unprocessableEntity && empty.text.contains("请写明"))
            let answered = try await body.request(
                .POST, "/console/supervision/alerts/\(open.id)/answer",
                form: ["answer": "corrected", "answerText": "已将两次检查合并，今后同一对象的检查统一安排"])
            #expect(answered.status == .seeOther)
            let twice = try await body.request(
                .POST, "/console/supervision/alerts/\(open.id)/answer",
                form: ["answer": "explained", "answerText": "再说明"])
            #expect(twice.status == .unprocessableEntity && twice.text.contains("已答复"), "an answer stands as given")
            let notMine = try await body.request(
                .POST, "/console/supervision/alerts/\(open.id)/close", form: ["closeNote": "自己关闭"])
            #expect(notMine.status == .forbidden)
            let supervisor = WebClient(t)
            _ = try await supervisor.login("sfj.jiandu")
            #expect(try await supervisor.request(.GET, "/console/supervision/alerts/\(open.id)").text.contains("关闭预警"))
            let page = try await supervisor.request(.GET, "/console/supervision")
            #expect(
                page.status == .ok && page.text.contains("清河县市场监督管理局") && page.text.contains("清河县水利局"),
                "every body, those without alerts too")
            // A 监督文书 is registered for the supervised body from here, never by the generic 登记 at the 司法局 itself.
            let list = try await supervisor.request(.GET, "/console/cases?procedure=\(SupervisionNoticeProcedure.id)")
            let openForm =
                list.text.components(separatedBy: "id=\"open-case\"").dropFirst().first?
                .components(separatedBy: "</form>").first ?? ""
            #expect(!openForm.isEmpty && !openForm.contains("value=\"\(SupervisionNoticeProcedure.id)\""))
            let generic = try await supervisor.request(
                .POST, "/console/cases", form: ["procedure": SupervisionNoticeProcedure.id])
            #expect(generic.status == .unprocessableEntity && generic.text.contains("选择被监督单位"), "\(generic.status)")
            let filtered = try await supervisor.request(
                .GET, "/console/supervision?rule=repeat_inspection&state=answered")
            #expect(filtered.text.contains("测试商店") && !filtered.text.contains("移送司法机关已满"))
            let noNote = try await supervisor.request(
                .POST, "/console/supervision/alerts/\(open.id)/close", form: ["closeNote": ""])
            #expect(noNote.status == .unprocessableEntity)
            let closed = try await supervisor.request(
                .POST, "/console/supervision/alerts/\(open.id)/close", form: ["closeNote": "经核查，答复属实"])
            #expect(closed.status == .seeOther)
            let done = try #require(try await SupervisionAlerts.alert(open.id, on: t.app.db))
            #expect(done.state == .closed && done.closeNote == "经核查，答复属实" && done.answer == .corrected)
            let again = try await body.request(
                .POST, "/console/supervision/alerts/\(open.id)/answer",
                form: ["answer": "explained", "answerText": "再答"])
            #expect(again.status == .unprocessableEntity)
            let recorded = try await t.sql.raw(
                "SELECT action FROM record_entries WHERE subject_type = 'supervision_alert' AND subject_id = \(bind: String(open.id))"
            ).all().map { try $0.decode(column: "action", as: String.self) }
            #expect(Set(recorded) == ["answer", "close"], "\(recorded)")
        }
    }

    @Test(arguments: TestDB.all)
    func aNoticeIsIssuedServedReportedAndVerified(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let zf = try await t.orgID("清河县综合行政执法局")
            let c = CaseAPITests.Client(t: t)
            let supervisor = try await t.token("sfj.jiandu"), head = try await t.token("zf.juzhang")
            func open(_ token: String) async throws -> TestingHTTPResponse {
                try await t.send(
                    .POST, "/api/v1/cases", token: token,
                    json: "{\"procedure\":\"\(SupervisionNoticeProcedure.id)\",\"bodyId\":\"\(zf.uuidString)\"}")
            }
            // Only the 司法局's supervisors issue (行政执法监督条例 第六条).
            // Not to the 司法局 itself or the government it acts for (行政执法监督条例 第二条).
            let sfj = try await t.orgID("清河县司法局")
            let toSelf = try await t.send(
                .POST, "/api/v1/cases", token: supervisor,
                json: "{\"procedure\":\"\(SupervisionNoticeProcedure.id)\",\"bodyId\":\"\(sfj.uuidString)\"}")
            let selfID = try #require(try toSelf.json()["id"] as? String)
            let refusedSelf = try await c.step(
                selfID, supervisor, SupervisionNoticeProcedure.Step.issue, version: 0, date: "2026-11-10",
                [
                    "documentKind": "notice", "subject": "x", "problems": ["x"], "legalBasis": "x", "requirements": "x",
                    "issuedBy": "清河县司法局",
                ])
            #expect(CaseAPITests.article(refusedSelf) == "行政执法监督条例 第二条", "\(refusedSelf.text)")
            // Not to a 受委托组织: its 委托机关 answers for what it does in its name.
            let station = try await t.orgID("清河县市场监督管理局城关市场监管所")
            let toStation = try await t.send(
                .POST, "/api/v1/cases", token: supervisor,
                json: "{\"procedure\":\"\(SupervisionNoticeProcedure.id)\",\"bodyId\":\"\(station.uuidString)\"}")
            if let stationID = try? toStation.json()["id"] as? String {
                let refusedStation = try await c.step(
                    stationID, supervisor, SupervisionNoticeProcedure.Step.issue, version: 0, date: "2026-11-10",
                    [
                        "documentKind": "notice", "subject": "x", "problems": ["x"], "legalBasis": "x",
                        "requirements": "x",
                        "issuedBy": "清河县司法局",
                    ])
                #expect(
                    CaseAPITests.article(refusedStation) == "行政处罚法 第二十条第三款；行政执法监督条例 第二条", "\(refusedStation.text)")
            } else {
                #expect(toStation.status != .created, "refused at registration instead")
            }
            let byHead = try await open(head)
            #expect(byHead.status == .forbidden && CaseAPITests.article(byHead) == "行政执法监督条例 第六条")
            let opened = try await open(supervisor)
            #expect(opened.status == .created, "\(opened.text)")
            let id = try #require(try opened.json()["id"] as? String)
            var issue: [String: Any] = [
                "documentKind": "opinion", "subject": "行政处罚决定书未载明证据", "problems": ["决定书未列明证据"],
                "legalBasis": "《中华人民共和国行政处罚法》第五十九条", "requirements": "补正决定书", "issuedBy": "清河县司法局",
                "relatedCase": "不存在的案号〔2026〕1号",
            ]
            let unknown = try await c.step(
                id, supervisor, SupervisionNoticeProcedure.Step.issue, version: 0, date: "2026-11-10", issue)
            #expect(Self.field(unknown) == "relatedCase", "\(unknown.text)")
            // The case named must be the addressed body's.
            func caseNumber(of body: UUID) async throws -> String? {
                try await t.sql.raw(
                    "SELECT number FROM cases WHERE body_id = \(bind: body) AND procedure = \(bind: PenaltyOrdinaryProcedure.id) LIMIT 1"
                ).first()?.decode(column: "number", as: String.self)
            }
            issue["relatedCase"] = try #require(try await caseNumber(of: try await t.orgID("清河县市场监督管理局")))
            let foreign = try await c.step(
                id, supervisor, SupervisionNoticeProcedure.Step.issue, version: 0, date: "2026-11-10", issue)
            #expect(Self.field(foreign) == "relatedCase" && foreign.text.contains("不是被监督单位办理的案件"), "\(foreign.text)")
            let own = try #require(try await caseNumber(of: zf), "a case of the 综合行政执法局")
            // Alerts cited must be the addressed body's.
            issue["relatedCase"] = nil
            let marketAlert = try #require(
                try await SupervisionAlerts.list(
                    bodies: [try await t.orgID("清河县市场监督管理局")], state: nil, rule: nil, on: t.app.db
                ).first?.id)
            issue["alertNumbers"] = [String(marketAlert)]
            let foreignAlert = try await c.step(
                id, supervisor, SupervisionNoticeProcedure.Step.issue, version: 0, date: "2026-11-10", issue)
            #expect(Self.field(foreignAlert) == "alertNumbers", "\(foreignAlert.text)")
            issue["alertNumbers"] = ["99999999"]
            let unknownAlert = try await c.step(
                id, supervisor, SupervisionNoticeProcedure.Step.issue, version: 0, date: "2026-11-10", issue)
            #expect(Self.field(unknownAlert) == "alertNumbers")
            issue["alertNumbers"] = nil
            issue["reportWorkdays"] = 0
            let zero = try await c.step(
                id, supervisor, SupervisionNoticeProcedure.Step.issue, version: 0, date: "2026-11-10", issue)
            #expect(Self.field(zero) == "reportWorkdays")
            issue["reportWorkdays"] = nil
            issue["relatedCase"] = own
            issue["problems"] = "决定书未列明证据，亦未写明履行方式、期限"
            let issued = try await c.step(
                id, supervisor, SupervisionNoticeProcedure.Step.issue, version: 0, date: "2026-11-10", issue)
            #expect(issued.status == .ok, "\(issued.text)")
            let problems = try #require(try await CaseStore.load(UUID(uuidString: id)!, on: t.app.db))
                .file.facts.list(SupervisionNoticeProcedure.Fact.problems.id)
            #expect(problems == ["决定书未列明证据，亦未写明履行方式、期限"], "a problem is one line, commas and all")
            // The 文号 is taken at 制发 — the refused attempts above took none — the registration keeps its own number.
            let issuedFile = try #require(try await CaseStore.load(UUID(uuidString: id)!, on: t.app.db))
            let number = try #require(issuedFile.file.facts[SupervisionNoticeProcedure.Fact.documentNumber])
            #expect(
                number.hasPrefix("清政执监〔2026〕") && issuedFile.number.contains("执监登"), "\(number) \(issuedFile.number)")
            let early = try await c.step(
                id, supervisor, SupervisionNoticeProcedure.Step.serve, version: 1, date: "2026-11-12",
                ["servedOn": "2026-11-09", "receiver": "王某"])
            #expect(Self.field(early) == "servedOn")
            let served = try await c.step(
                id, supervisor, SupervisionNoticeProcedure.Step.serve, version: 1, date: "2026-11-12",
                ["servedOn": "2026-11-11", "receiver": "王某"])
            #expect(served.status == .ok, "\(served.text)")
            // The report period runs from 送达 (11-11), 20 working days by default.
            let stored = try #require(try await CaseStore.load(UUID(uuidString: id)!, on: t.app.db))
            let report = try #require(stored.file.deadline("report"))
            #expect(report.deadline.start.description == "2026-11-11" && report.deadline.period == 20)
            #expect(report.deadline.due.description == "2026-12-09", "\(report.deadline.due)")
            // Before the period ends: no 逾期 measure yet; an extension moves the due date by working days.
            let notYet = try await c.step(
                id, supervisor, SupervisionNoticeProcedure.Step.pressOverdue, version: 2, date: "2026-11-12",
                ["overdueMeasure": "urge", "overdueNote": "电话催办"])
            #expect(Self.field(notYet) == "overdueMeasure", "\(notYet.text)")
            let extended = try await c.step(
                id, supervisor, SupervisionNoticeProcedure.Step.extend, version: 2, date: "2026-11-13",
                ["extensionWorkdays": 5, "extensionReason": "单位申请：需调取外地证据"])
            #expect(extended.status == .ok, "\(extended.text)")
            let longer = try #require(try await CaseStore.load(UUID(uuidString: id)!, on: t.app.db))
            #expect(longer.file.deadline("report")?.deadline.due.description == "2026-12-16")
            // At most twice.
            let second = try await c.step(
                id, supervisor, SupervisionNoticeProcedure.Step.extend, version: 3, date: "2026-11-13",
                ["extensionWorkdays": 1, "extensionReason": "再次申请"])
            #expect(second.status == .ok)
            let third = try await c.step(
                id, supervisor, SupervisionNoticeProcedure.Step.extend, version: 4, date: "2026-11-13",
                ["extensionWorkdays": 1, "extensionReason": "第三次申请"])
            #expect(Self.field(third) == "extensionWorkdays" && third.text.contains("最多延长两次"))
            // The supervisor does not report for the body; the body's head does.
            let wrongSide = try await c.step(
                id, supervisor, SupervisionNoticeProcedure.Step.report, version: 4, date: "2026-11-18",
                ["corrections": ["已补正"]])
            #expect(wrongSide.status == .forbidden || wrongSide.status == .unprocessableEntity, "\(wrongSide.text)")
            let reported = try await c.step(
                id, head, SupervisionNoticeProcedure.Step.report, version: 4, date: "2026-11-18",
                ["corrections": ["决定书已补正，列明证据"]])
            #expect(reported.status == .ok, "\(reported.text)")
            let verified = try await c.step(
                id, supervisor, SupervisionNoticeProcedure.Step.accept, version: 5, date: "2026-11-20",
                ["verification": "经核查，整改到位"])
            #expect(verified.status == .ok, "\(verified.text)")
            // The demo's 意见书 to the 市场监管局 is past its report period: no extension now, a 逾期 measure instead.
            let late = try #require(
                try await CaseStore.inState(
                    procedure: SupervisionNoticeProcedure.id, state: SupervisionNoticeProcedure.State.served.id,
                    limit: 10, on: t.app.db
                ).first)
            let tooLate = try await c.step(
                late.id.uuidString, supervisor, SupervisionNoticeProcedure.Step.extend, version: late.file.version,
                date: "2026-11-20", ["extensionWorkdays": 5, "extensionReason": "逾期后申请"])
            #expect(Self.field(tooLate) == "extensionWorkdays", "\(tooLate.text)")
            let pressed = try await c.step(
                late.id.uuidString, supervisor, SupervisionNoticeProcedure.Step.pressOverdue,
                version: late.file.version, date: "2026-11-20",
                ["overdueMeasure": "interview", "overdueNote": "约谈分管副局长"])
            #expect(pressed.status == .ok, "\(pressed.text)")
            // A notice registered by mistake is cancelled with its reason, never left open.
            let spare = try #require(try await open(supervisor).json()["id"] as? String)
            let cancelled = try await c.step(
                spare, supervisor, SupervisionNoticeProcedure.Step.cancel, version: 0, date: "2026-11-20",
                ["cancelReason": "误点登记"])
            let cancelledState = try cancelled.json()["state"] as? String
            #expect(cancelled.status == .ok && cancelledState == "cancelled")
            let doc = try await t.send(
                .GET, "/api/v1/cases/\(id)/documents/supervision_document?step=0", token: supervisor)
            #expect(doc.status == .ok, "\(doc.status)")
            let text = try DocxReader.text(Data(doc.body.readableBytesView))
            #expect(text.contains("行政执法监督意见书") && text.contains("20个工作日内") && text.contains("清河县综合行政执法局："), "\(text)")
        }
    }

    /// 投诉举报 from the portal: the receipt with its number and the periods from receipt; the 司法局 takes it up, passes it
    /// to the body to check and answers; the complainant reads the answer; a complaint for 复议 is not taken up, with the
    /// route told.
    @Test(arguments: TestDB.all)
    func aComplaintIsFiledCheckedAndAnswered(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let web = WebClient(t)
            let form = try await web.request(.GET, "/complaints")
            #expect(form.status == .ok && form.text.contains("清河县司法局"))
            let office = try #require(
                try await EnforcementComplaints.offices(on: t.app.db).first { $0.name == "清河县司法局" })
            var fields: [String: String] = [
                "submissionKey": UUID().uuidString, "office": office.id.uuidString, "complainantName": "钱某",
                "complainantContact": "13900000000", "bodyComplained": "清河县市场监督管理局", "complaintText": "",
            ]
            let missing = try await web.request(.POST, "/complaints", form: fields)
            #expect(missing.status == .unprocessableEntity && missing.text.contains("投诉举报的事实和理由"))
            fields["complaintText"] = "同一个月内三次到店检查，每次检查内容相同"
            fields["submissionKey"] = UUID().uuidString
            let sent = try await web.request(.POST, "/complaints", form: fields)
            #expect(sent.status == .created && sent.text.contains("查询编号"), "\(sent.status) \(sent.text)")
            func cell(_ id: String, _ html: String) -> String? {
                guard let r = html.range(of: "id=\"\(id)\">") else { return nil }
                return String(html[r.upperBound...].prefix { $0 != "<" })
            }
            let number = try #require(cell("tracking-number", sent.text)),
                secret = try #require(cell("secret", sent.text))
            #expect(number.hasPrefix("TS"))
            let supervisor = try await t.token("sfj.jiandu")
            let list = try await t.send(
                .GET, "/api/v1/cases?procedure=\(EnforcementComplaintProcedure.id)", token: supervisor
            ).jsonArray()
            let id = try #require(list.first { ($0["partyName"] as? String) == "钱某" }?["id"] as? String, "\(list)")
            let stored = try #require(try await CaseStore.load(UUID(uuidString: id)!, on: t.app.db))
            // Both periods run from receipt (2026-11-20): 5 working days to decide, 60 days to answer.
            #expect(stored.file.deadline("acceptance")?.deadline.due.description == "2026-11-27")
            #expect(stored.file.deadline("answer")?.deadline.due.description == "2027-01-19")
            // The 司法局's staff see the phone masked and show it in full on request, each time on the record; nobody
            // else reading the case may.
            let clerk = WebClient(t)
            _ = try await clerk.login("sfj.jiandu")
            let page = try await clerk.request(.GET, "/console/cases/\(id)")
            #expect(
                !page.text.contains("13900000000") && page.text.contains("显示完整的"), "masked, with the way to show it")
            let shown = try await clerk.request(
                .POST, "/console/cases/\(id)/personal", form: ["field": "complainantContact"])
            #expect(shown.status == .ok && shown.text.contains("13900000000"))
            #expect(shown.headers.first(name: .cacheControl) == "no-store")
            let unknownField = try await clerk.request(
                .POST, "/console/cases/\(id)/personal", form: ["field": "complaintText"])
            #expect(unknownField.status == .notFound)
            let reveals = try await t.sql.raw(
                "SELECT action FROM record_entries WHERE subject_type = 'case' AND subject_id = \(bind: id) AND action = 'reveal_personal'"
            ).all()
            #expect(reveals.count == 1)
            // The API masks it too for anyone but the handling office.
            let countyAPI = try await t.send(.GET, "/api/v1/cases/\(id)", token: try await t.token("xzf.xianzhang"))
            if countyAPI.status == .ok {
                #expect(!countyAPI.text.contains("13900000000") && countyAPI.text.contains("1390"))
            }
            let officeAPI = try await t.send(.GET, "/api/v1/cases/\(id)", token: supervisor)
            #expect(officeAPI.text.contains("13900000000"), "the handling office reads its own case")
            let county = WebClient(t)
            _ = try await county.login("xzf.xianzhang")
            let read = try await county.request(.GET, "/console/cases/\(id)")
            if read.status == .ok {
                #expect(!read.text.contains("显示完整的"))
                let refused = try await county.request(
                    .POST, "/console/cases/\(id)/personal", form: ["field": "complainantContact"])
                #expect(refused.status == .forbidden && !refused.text.contains("13900000000"))
            }
            let c = CaseAPITests.Client(t: t)
            let head = try await t.token("scj.juzhang")
            // Registered only at the 司法局 itself: never under the body complained about.
            let market = try await t.orgID("清河县市场监督管理局")
            let elsewhere = try await t.send(
                .POST, "/api/v1/cases", token: supervisor,
                json: "{\"procedure\":\"\(EnforcementComplaintProcedure.id)\",\"bodyId\":\"\(market.uuidString)\"}")
            #expect(elsewhere.status == .forbidden, "\(elsewhere.status)")
            let byBody = try await c.step(
                id, head, EnforcementComplaintProcedure.Step.accept, version: 1, date: "2026-11-20")
            #expect(byBody.status == .forbidden || byBody.status == .notFound, "\(byBody.status)")
            // The referral to the body complained about never names who complained.
            _ = try await c.step(
                id, supervisor, EnforcementComplaintProcedure.Step.accept, version: 1, date: "2026-11-20")
            let naming = try await c.step(
                id, supervisor, EnforcementComplaintProcedure.Step.refer, version: 2, date: "2026-11-20",
                ["referredTo": "清河县市场监督管理局", "referralNote": "请核查钱某（13900000000）反映的问题"])
            #expect(Self.field(naming) == "referralNote", "\(naming.text)")
            for (v, action, inputs) in [
                (
                    2, EnforcementComplaintProcedure.Step.refer,
                    ["referredTo": "清河县市场监督管理局", "referralNote": "5个工作日内报告核查情况"]
                ),
                (
                    3, EnforcementComplaintProcedure.Step.answer,
                    ["complaintConclusion": "partly", "answerText": "经核查，该局一个月内两次检查，已责令其合并检查并通报"]
                ),
            ] {
                let r = try await c.step(id, supervisor, action, version: v, date: "2026-11-20", inputs)
                #expect(r.status == .ok, "\(action): \(r.text)")
            }
            let status = try await web.request(.POST, "/complaints/status", form: ["number": number, "secret": secret])
            #expect(status.status == .ok && status.text.contains("部分属实") && status.text.contains("已答复"))
            let docx = try await web.request(
                .POST, "/complaints/status", form: ["number": number, "secret": secret, "download": "answer"])
            #expect(docx.status == .ok && docx.headers.contentType?.description.contains("officedocument") == true)
            // A complaint against a decision itself: not taken up, the route told; the 告知书 says so.
            fields["submissionKey"] = UUID().uuidString
            fields["complainantName"] = "孙某"
            _ = try await web.request(.POST, "/complaints", form: fields)
            let second = try await t.send(
                .GET, "/api/v1/cases?procedure=\(EnforcementComplaintProcedure.id)", token: supervisor
            ).jsonArray()
            let other = try #require(second.first { ($0["partyName"] as? String) == "孙某" }?["id"] as? String)
            let declined = try await c.step(
                other, supervisor, EnforcementComplaintProcedure.Step.decline, version: 1, date: "2026-11-20",
                ["declineGround": "remedy", "declineText": "对罚款决定不服的，可以在60日内申请行政复议"])
            #expect(declined.status == .ok, "\(declined.text)")
            let notice = try await t.send(
                .GET, "/api/v1/cases/\(other)/documents/complaint_answer", token: supervisor)
            let text = try DocxReader.text(Data(notice.body.readableBytesView))
            #expect(text.contains("投诉举报不予受理告知书") && text.contains("申请行政复议"), "\(text)")
        }
    }
}
