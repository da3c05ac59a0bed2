import FazhiApp
import FazhiCore
import FazhiOffice
import FazhiStore
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

/// 行政复议 on the procedure engine, through the API, on both databases: every period across holidays, the deemed
/// acceptance, the 补正 clock, simple and ordinary procedure, 中止/恢复, extension, the decision gates, and the link
/// that makes a revoked penalty decision come off the portal.
@Suite("行政复议 (administrative reconsideration)")
struct ReconsiderationTests {
    typealias Client = CaseAPITests.Client

    /// An application as staff register it from paper (overridable per test).
    static func application(_ extra: [String: Any] = [:]) -> [String: Any] {
        var a: [String: Any] = [
            "channel": "post", "applicantName": "李某某", "applicantKind": "citizen", "applicantAddress": "清河县城关镇某村",
            "respondent": "清河县市场监督管理局", "actKind": "penalty", "actDescription": "清市监罚〔2025〕31号行政处罚决定",
            "learnedOn": "2025-09-01", "requests": "撤销该行政处罚决定", "reasons": "事实不清，证据不足", "actAmount": 5000,
        ]
        for (k, v) in extra { a[k] = v }
        return a
    }

    struct Case {
        let id: String
        var version: Int
    }

    static func open(_ c: Client, _ staff: String) async throws -> Case {
        let r = try await c.open(staff, ReconsiderationProcedure.id)
        #expect(r.status == .created, "\(r.text)")
        let j = try r.json()
        #expect((j["number"] as? String)?.hasPrefix("清政复〔") == true, "numbered in the name of the 复议机关, 清河县人民政府")
        return Case(id: j["id"] as! String, version: 0)
    }

    /// Takes a step that must succeed, and returns the case JSON after it.
    @discardableResult
    static func ok(
        _ c: Client, _ k: inout Case, _ token: String, _ action: String, _ date: String, _ inputs: [String: Any] = [:]
    ) async throws -> [String: Any] {
        let r = try await c.step(k.id, token, action, version: k.version, date: date, inputs)
        #expect(r.status == .ok, "\(action): \(r.text)")
        let j = try r.json()
        k.version = j["version"] as? Int ?? k.version
        return j
    }

    /// Takes a step that must be refused with its article (and, when an input is at fault, that input's field); nothing changes.
    static func refused(
        _ c: Client, _ k: Case, _ token: String, _ action: String, _ date: String, _ inputs: [String: Any],
        article: String, field: String? = nil
    ) async throws {
        let r = try await c.step(k.id, token, action, version: k.version, date: date, inputs)
        #expect(
            [.conflict, .unprocessableEntity].contains(r.status) && CaseAPITests.article(r) == article,
            "\(action): \(r.text)")
        if let field { #expect(r.errorField == field, "\(action): \(r.text)") }
    }

    static func due(_ j: [String: Any], _ key: String) -> String? {
        (j["deadlines"] as? [[String: Any]] ?? []).last {
            $0["key"] as? String == key && $0["running"] as? Bool == true
        }?["due"] as? String
    }

    @Test(arguments: TestDB.all)
    func acceptanceReviewIsFiveWorkingDaysAndSilenceMeansAccepted(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let c = Client(t: t), staff = try await t.token("sfj.fuyi")
            var k = try await Self.open(c, staff)
            // Received on 2025-09-30, the eve of 国庆 (10-01..10-08, 09-28 and 10-11 are make-up working days):
            // five working days are 10-09, 10-10, 10-11 (Saturday, worked), 10-13 and 10-14.
            let j = try await Self.ok(c, &k, staff, "register", "2025-09-30", Self.application())
            #expect(Self.due(j, "acceptance") == "2025-10-14")
            #expect(
                (j["facts"] as? [String: Any])?["applicationDue"] as? String == "2025-10-31",
                "60 days from 09-01 (第二十条)")
            #expect((j["facts"] as? [String: Any])?["applicationLate"] as? Bool == false)
            // Refusing or accepting after the period is refused: the law has already accepted it (第三十条第三款).
            let late = try await c.step(
                k.id, staff, "refuse", version: k.version, date: "2025-10-15", ["refusalReasons": "超过申请期限"])
            #expect(late.status == .conflict && CaseAPITests.article(late) == "行政复议法 第三十条")
            let lateAccept = try await c.step(
                k.id, staff, "accept", version: k.version, date: "2025-10-15", ["track": "ordinary"])
            #expect(lateAccept.status == .conflict)
            // Before the period ends, the deemed acceptance is refused; the sweep records it the day after the due date.
            let early = try await c.step(k.id, staff, "deem_accepted", version: k.version, date: "2025-10-14")
            #expect(early.status == .conflict && CaseAPITests.article(early) == "行政复议法 第三十条第三款")
            #expect(try await ExpirySteps.run(t.app) == 1)
            #expect(try await ExpirySteps.run(t.app) == 0, "recorded once")
            let after = try await t.send(.GET, "/api/v1/cases/\(k.id)", token: staff).json()
            let facts = after["facts"] as? [String: Any] ?? [:]
            #expect(
                after["state"] as? String == "accepted" && facts["deemedAccepted"] as? Bool == true
                    && facts["acceptedOn"] as? String == "2025-10-14")
            // 第三十条第三款 "审查期限届满之日起视为受理": accepted on 10-14, the day the period ends (this test pinned 10-15
            // before issue 13). Ordinary procedure from 10-14: the copy within 7 working days (10-23), the decision within
            // 60 days (12-13 is a Saturday: the next working day, 12-15).
            #expect(Self.due(after, "copy") == "2025-10-23")
            #expect(Self.due(after, "decision") == "2025-12-15")
            let steps = after["steps"] as? [[String: Any]] ?? []
            #expect(steps.last?["action"] as? String == "deem_accepted" && steps.last?["on"] as? String == "2025-10-15")
        }
    }

    @Test(arguments: TestDB.all)
    func correctionStopsTheClockOnceAndSilenceIsAbandonment(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let c = Client(t: t), staff = try await t.token("sfj.fuyi")
            var k = try await Self.open(c, staff)
            try await Self.ok(c, &k, staff, "register", "2026-03-02", Self.application(["learnedOn": "2026-02-20"]))
            // One notice with everything to fix, within the review period; the applicant has 10 working days.
            let empty = try await c.step(
                k.id, staff, "request_correction", version: k.version, date: "2026-03-04", ["correctionItems": []])
            #expect(empty.status == .unprocessableEntity && empty.errorField == "correctionItems")
            var j = try await Self.ok(
                c, &k, staff, "request_correction", "2026-03-04", ["correctionItems": ["申请人身份证明", "行政处罚决定书复印件"]])
            // 第三十一条 "自收到补正通知之日起": sent by post, the period has not started until the applicant's receipt is known.
            #expect(
                j["state"] as? String == "correcting" && Self.due(j, "acceptance") == nil
                    && Self.due(j, "correction") == nil)
            let noPeriod = try await c.step(
                k.id, staff, "extend_correction", version: k.version, date: "2026-03-05",
                ["extraDays": 5, "extensionReason": "路途遥远"])
            #expect(noPeriod.status == .conflict && CaseAPITests.article(noPeriod) == "行政复议法 第三十一条")
            try await Self.refused(
                c, k, staff, "record_correction_notice_received", "2026-03-06", ["noticeReceivedOn": "2026-03-03"],
                article: "行政复议法 第三十一条", field: "noticeReceivedOn")
            // Received on Thursday 03-05: ten working days to 03-19 (from sending it would have been 03-18).
            j = try await Self.ok(
                c, &k, staff, "record_correction_notice_received", "2026-03-06", ["noticeReceivedOn": "2026-03-05"])
            #expect(Self.due(j, "correction") == "2026-03-19")
            // Not abandoned before the period ends.
            let early = try await c.step(
                k.id, staff, "deem_abandoned", version: k.version, date: "2026-03-18", ["noGoodCause": true])
            #expect(early.status == .conflict && CaseAPITests.article(early) == "行政复议法 第三十一条")
            // The material arrives: the review runs again from that day (5 working days: 03-17).
            j = try await Self.ok(
                c, &k, staff, "receive_correction", "2026-03-10", ["correctionSummary": "补交身份证明和决定书复印件"])
            #expect(j["state"] as? String == "received" && Self.due(j, "acceptance") == "2026-03-17")
            // A second notice is refused: the first had to list everything.
            let again = try await c.step(
                k.id, staff, "request_correction", version: k.version, date: "2026-03-11", ["correctionItems": ["其他材料"]]
            )
            #expect(again.status == .conflict && CaseAPITests.article(again) == "行政复议法 第三十一条")

            // Another application: no answer in time and no good cause — abandoned, and nothing runs any more.
            var k2 = try await Self.open(c, staff)
            try await Self.ok(c, &k2, staff, "register", "2026-03-02", Self.application(["learnedOn": "2026-02-20"]))
            try await Self.ok(
                c, &k2, staff, "request_correction", "2026-03-03",
                ["correctionItems": ["申请人身份证明"], "noticeReceivedOn": "2026-03-03"])
            j = try await Self.ok(c, &k2, staff, "deem_abandoned", "2026-03-20", ["noGoodCause": true])
            #expect(
                j["state"] as? String == "abandoned"
                    && (j["deadlines"] as? [[String: Any]] ?? []).allSatisfy { $0["running"] as? Bool == false })
        }
    }

    @Test(arguments: TestDB.all)
    func simpleProcedureOnlyForItsCasesAndSwitchedByTheHead(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let c = Client(t: t), staff = try await t.token("sfj.fuyi"), head = try await t.token("sfj.juzhang")
            var k = try await Self.open(c, staff)
            try await Self.ok(
                c, &k, staff, "register", "2026-06-01",
                Self.application(["learnedOn": "2026-05-20", "actAmount": 5000]))
            let noGround = try await c.step(
                k.id, staff, "accept", version: k.version, date: "2026-06-03", ["track": "simple"])
            #expect(
                noGround.status == .unprocessableEntity && noGround.errorField == "simpleGround"
                    && CaseAPITests.article(noGround) == "行政复议法 第五十三条")
            let tooMuch = try await c.step(
                k.id, staff, "accept", version: k.version, date: "2026-06-03",
                ["track": "simple", "simpleGround": "small_amount"])
            #expect(tooMuch.status == .unprocessableEntity && CaseAPITests.article(tooMuch) == "行政复议法 第五十三条第一款第三项")
            let notOnSpot = try await c.step(
                k.id, staff, "accept", version: k.version, date: "2026-06-03",
                ["track": "simple", "simpleGround": "on_spot"])
            #expect(notOnSpot.status == .unprocessableEntity && CaseAPITests.article(notOnSpot) == "行政复议法 第五十三条第一款第一项")
            // All parties agreeing is a ground for any case (第五十三条第二款).
            var j = try await Self.ok(
                c, &k, staff, "accept", "2026-06-03", ["track": "simple", "simpleGround": "all_agree"])
            // Simple: copy within 3 working days, decision within 30 days (第五十四条、第六十二条第二款).
            #expect(Self.due(j, "copy") == "2026-06-08" && Self.due(j, "decision") == "2026-07-03")
            j = try await Self.ok(c, &k, staff, "send_copy", "2026-06-04", ["copyReceivedOn": "2026-06-04"])
            #expect(Self.due(j, "answer") == "2026-06-11", "5 working days for the answer in the simple procedure")
            // No extension in the simple procedure; switching needs the office head (第五十五条).
            let ext = try await c.step(
                k.id, head, "extend_decision_period", version: k.version, date: "2026-06-20",
                ["extendedDays": 10, "extensionReason": "案情复杂", "noticeDocument": "清政复延〔2026〕1号"])
            #expect(ext.status == .conflict && CaseAPITests.article(ext) == "行政复议法 第六十二条第一款")
            let byStaff = try await c.step(
                k.id, staff, "switch_to_ordinary", version: k.version, date: "2026-06-10", ["switchReason": "案情复杂"])
            #expect(byStaff.status == .forbidden && CaseAPITests.article(byStaff) == "行政复议法 第五十五条")
            j = try await Self.ok(c, &k, head, "switch_to_ordinary", "2026-06-10", ["switchReason": "案情复杂，不宜适用简易程序"])
            #expect(Self.due(j, "decision") == "2026-08-03", "60 days from acceptance on 06-03 (08-02 is a Sunday)")
            // Now ordinary: the parties must be heard before a decision (第四十九条).
            try await Self.ok(
                c, &k, staff, "record_answer", "2026-06-10", ["answerSummary": "事实清楚，证据确凿", "evidenceProduced": true])
            let unheard = try await c.step(
                k.id, staff, "decide", version: k.version, date: "2026-06-20", Self.decision("uphold"))
            #expect(unheard.status == .conflict && CaseAPITests.article(unheard) == "行政复议法 第四十九条")
            // One extension of at most 30 days (第六十二条第一款).
            let long = try await c.step(
                k.id, head, "extend_decision_period", version: k.version, date: "2026-07-20",
                ["extendedDays": 31, "extensionReason": "案情复杂", "noticeDocument": "清政复延〔2026〕1号"])
            #expect(long.status == .unprocessableEntity && long.errorField == "extendedDays")
            j = try await Self.ok(
                c, &k, head, "extend_decision_period", "2026-07-20",
                ["extendedDays": 30, "extensionReason": "案情复杂", "noticeDocument": "清政复延〔2026〕1号"])
            // 第六十二条: added to the nominal end (08-02, a Sunday), not to the rolled 08-03 — this test pinned 09-02 before
            // issue 13.
            #expect(Self.due(j, "decision") == "2026-09-01", "08-02 + 30 days")
            let twice = try await c.step(
                k.id, head, "extend_decision_period", version: k.version, date: "2026-07-21",
                ["extendedDays": 5, "extensionReason": "案情复杂", "noticeDocument": "清政复延〔2026〕2号"])
            #expect(twice.status == .conflict && CaseAPITests.article(twice) == "行政复议法 第六十二条第一款")
        }
    }

    static func decision(_ outcome: String, _ extra: [String: Any] = [:]) -> [String: Any] {
        var d: [String: Any] = [
            "outcome": outcome, "decisionText": "维持被申请人作出的行政处罚决定",
            "decisionReasons": "被申请人认定事实清楚，证据确凿，适用依据正确，程序合法，内容适当",
            "approval": "head", "approver": "清河县人民政府县长 张某",
        ]
        for (k, v) in extra { d[k] = v }
        return d
    }

    @Test(arguments: TestDB.all)
    func ordinaryProcedureWithHearingCommitteeSuspensionAndDecisionGates(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let c = Client(t: t), staff = try await t.token("sfj.fuyi")
            var k = try await Self.open(c, staff)
            // Learned of the act 70 days before: late — it can be filed, and acceptance must say why it is accepted.
            var j = try await Self.ok(
                c, &k, staff, "register", "2026-05-11", Self.application(["learnedOn": "2026-03-02"]))
            #expect((j["facts"] as? [String: Any])?["applicationLate"] as? Bool == true)
            let silent = try await c.step(
                k.id, staff, "accept", version: k.version, date: "2026-05-12", ["track": "ordinary"])
            #expect(
                silent.status == .unprocessableEntity && silent.errorField == "timelinessAnswer"
                    && CaseAPITests.article(silent) == "行政复议法 第二十条")
            j = try await Self.ok(
                c, &k, staff, "accept", "2026-05-12",
                ["track": "ordinary", "timelinessAnswer": "申请人因住院治疗耽误申请期限，属于正当理由，期限自障碍消除之日起继续计算"])
            #expect(
                Self.due(j, "copy") == "2026-05-21" && Self.due(j, "decision") == "2026-07-13",
                "60 days from 05-12 is 07-11, a Saturday")
            j = try await Self.ok(c, &k, staff, "send_copy", "2026-05-13")
            // 第四十八条 "自收到申请书副本之日起": posted, not yet received — the answer period has not started.
            #expect(Self.due(j, "answer") == nil)
            try await Self.refused(
                c, k, staff, "record_copy_received", "2026-05-14", ["copyReceivedOn": "2026-05-12"],
                article: "行政复议法 第四十八条", field: "copyReceivedOn")
            j = try await Self.ok(c, &k, staff, "record_copy_received", "2026-05-14", ["copyReceivedOn": "2026-05-14"])
            #expect(Self.due(j, "answer") == "2026-05-28", "10 working days from receipt (第四十八条)")
            try await Self.ok(
                c, &k, staff, "record_answer", "2026-05-20", ["answerSummary": "事实清楚", "evidenceProduced": true])
            try await Self.ok(
                c, &k, staff, "hear_parties", "2026-05-22",
                ["hearingMethod": "in_person", "opinionsSummary": "申请人坚持复议请求"])
            try await Self.ok(c, &k, staff, "classify", "2026-05-22", ["major": true])
            // Major: a hearing (第五十条) and the committee (第五十二条) before any decision.
            let noHearing = try await c.step(
                k.id, staff, "decide", version: k.version, date: "2026-05-25", Self.decision("uphold"))
            #expect(noHearing.status == .conflict && CaseAPITests.article(noHearing) == "行政复议法 第五十条第一款")
            let soon = try await c.step(
                k.id, staff, "schedule_hearing", version: k.version, date: "2026-05-25",
                [
                    "hearingDate": "2026-05-28", "hearingPlace": "县司法局听证室", "hearingChair": "陈思齐",
                    "hearingOfficers": ["甲", "乙"], "hearingClerk": "丙",
                ])
            #expect(
                soon.status == .unprocessableEntity && soon.errorField == "hearingDate"
                    && CaseAPITests.article(soon) == "行政复议法 第五十一条")
            let small = try await c.step(
                k.id, staff, "schedule_hearing", version: k.version, date: "2026-05-25",
                [
                    "hearingDate": "2026-06-03", "hearingPlace": "县司法局听证室", "hearingChair": "陈思齐",
                    "hearingOfficers": ["甲"], "hearingClerk": "丙",
                ])
            #expect(small.status == .unprocessableEntity && small.errorField == "hearingOfficers")
            try await Self.ok(
                c, &k, staff, "schedule_hearing", "2026-05-25",
                [
                    "hearingDate": "2026-06-01", "hearingPlace": "县司法局听证室", "hearingChair": "陈思齐",
                    "hearingOfficers": ["王律师", "刘教授"], "hearingClerk": "赵书记员",
                ])
            try await Self.ok(
                c, &k, staff, "record_hearing", "2026-06-01",
                ["hearingSummary": "双方质证、辩论", "hearingRecordSigned": true])
            let noCommittee = try await c.step(
                k.id, staff, "decide", version: k.version, date: "2026-06-02", Self.decision("uphold"))
            #expect(noCommittee.status == .conflict && CaseAPITests.article(noCommittee) == "行政复议法 第五十二条")
            try await Self.ok(
                c, &k, staff, "consult_committee", "2026-06-02",
                ["committeeMembers": ["何志远", "李慧敏", "王明德"], "committeeOpinion": "建议维持"])

            // 中止 on 06-03 with 38 days left to the nominal end 07-11 (the due 07-13 is that Saturday moved on); 恢复 on
            // 06-23: 38 days from then, 07-31 (this test pinned 08-03, counted from the moved end, before issue 13).
            j = try await Self.ok(c, &k, staff, "suspend", "2026-06-03", ["suspensionGround": "other_case"])
            #expect(j["state"] as? String == "suspended" && Self.due(j, "decision") == nil)
            let whileSuspended = try await c.step(
                k.id, staff, "decide", version: k.version, date: "2026-06-10", Self.decision("uphold"))
            #expect(whileSuspended.status == .conflict)
            j = try await Self.ok(c, &k, staff, "resume", "2026-06-23", ["resumeReason": "关联案件已审结"])
            #expect(j["state"] as? String == "accepted" && Self.due(j, "decision") == "2026-07-31")

            // 不利变更禁止 (第六十三条第二款): a heavier amount is refused unless a third party asked for it.
            let worse = try await c.step(
                k.id, staff, "decide", version: k.version, date: "2026-06-24",
                Self.decision("change", ["changedAmount": 8000]))
            #expect(
                worse.status == .unprocessableEntity && worse.errorField == "changedAmount"
                    && CaseAPITests.article(worse) == "行政复议法 第六十三条第二款")
            let worseKind = try await c.step(
                k.id, staff, "decide", version: k.version, date: "2026-06-24",
                Self.decision("change", ["changeWorsens": true]))
            #expect(worseKind.status == .unprocessableEntity && CaseAPITests.article(worseKind) == "行政复议法 第六十三条第二款")
            j = try await Self.ok(
                c, &k, staff, "decide", "2026-06-24",
                Self.decision("change", ["changedAmount": 2000, "decisionText": "将罚款五千元变更为罚款二千元"]))
            #expect(j["state"] as? String == "decided" && (j["documents"] as? [String]) == ["reconsideration_decision"])
            #expect((j["facts"] as? [String: Any])?["decisionNumber"] as? String == j["number"] as? String)
            j = try await Self.ok(c, &k, staff, "serve", "2026-06-26", ["serviceMethod": "direct", "recipient": "李某某"])
            #expect(
                j["state"] as? String == "served"
                    && (j["facts"] as? [String: Any])?["effectiveOn"] as? String == "2026-06-26")

            // The decision as .docx: the committee's opinion and the hearing are in it (第六十一条).
            let docs = try await t.send(.GET, "/api/v1/cases/\(k.id)/documents/reconsideration_decision", token: staff)
            #expect(docs.status == .ok)
            let text = try DocxReader.text(Data(docs.body.readableBytesView))
            #expect(
                text.contains("行政复议决定书") && text.contains("行政复议委员会咨询意见") && text.contains("建议维持")
                    && text.contains("根据听证笔录"))
            #expect(text.contains("将罚款五千元变更为罚款二千元") && text.contains("自送达之日起发生法律效力"))

            // 意见书 and its 60-day report-back (第七十六条); closing waits for nothing else.
            j = try await Self.ok(
                c, &k, staff, "issue_opinion", "2026-06-29", ["opinionTo": "清河县市场监督管理局", "opinionContent": "规范裁量基准的适用"])
            #expect(Self.due(j, "opinionReport") == "2026-08-28")
            try await Self.ok(c, &k, staff, "record_opinion_report", "2026-08-20", ["reportSummary": "已修订裁量基准"])
            j = try await Self.ok(c, &k, staff, "close", "2026-08-21", ["closingSummary": "结案"])
            #expect(j["state"] as? String == "closed")
        }
    }

    @Test(arguments: TestDB.all)
    func noAnswerLeavesOnlyTheCorrectingDecisionsAndThirdPartiesMayWorsen(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let c = Client(t: t), staff = try await t.token("sfj.fuyi")
            var k = try await Self.open(c, staff)
            try await Self.ok(c, &k, staff, "register", "2026-04-01", Self.application(["learnedOn": "2026-03-20"]))
            try await Self.ok(c, &k, staff, "accept", "2026-04-02", ["track": "ordinary"])
            try await Self.ok(c, &k, staff, "send_copy", "2026-04-03", ["copyReceivedOn": "2026-04-03"])
            try await Self.ok(
                c, &k, staff, "hear_parties", "2026-04-10", ["hearingMethod": "phone", "opinionsSummary": "申请人陈述"])
            // The respondent's 10 working days (to 04-17) pass without an answer (第七十条).
            let uphold = try await c.step(
                k.id, staff, "decide", version: k.version, date: "2026-04-30", Self.decision("uphold"))
            #expect(
                uphold.status == .unprocessableEntity && uphold.errorField == "outcome"
                    && CaseAPITests.article(uphold) == "行政复议法 第七十条")
            let third = try await c.step(
                k.id, staff, "decide", version: k.version, date: "2026-04-30",
                Self.decision("change", ["changedAmount": 9000, "thirdPartyRequested": true]))
            #expect(
                third.status == .unprocessableEntity && CaseAPITests.article(third) == "行政复议法 第七十条",
                "still no evidence: only the correcting decisions")
            let j = try await Self.ok(
                c, &k, staff, "decide", "2026-04-30",
                Self.decision("revoke", ["decisionText": "撤销被申请人作出的行政处罚决定", "redoDays": 30]))
            #expect((j["facts"] as? [String: Any])?["answerMissing"] as? Bool == true)
            let served = try await Self.ok(
                c, &k, staff, "serve", "2026-05-08",
                ["serviceMethod": "post", "recipient": "李某某", "signedOn": "2026-05-06"])
            #expect(Self.due(served, "redo") == "2026-06-05", "30 days to redo the act (第六十四条)")
            let early = try await c.step(
                k.id, staff, "close", version: k.version, date: "2026-05-20", ["closingSummary": "结案"])
            #expect(early.status == .conflict)

            // With an answer, a third party's opposite request allows a heavier change (第六十三条第二款 但书).
            var k2 = try await Self.open(c, staff)
            try await Self.ok(c, &k2, staff, "register", "2026-04-01", Self.application(["learnedOn": "2026-03-20"]))
            try await Self.ok(c, &k2, staff, "accept", "2026-04-02", ["track": "ordinary"])
            try await Self.ok(c, &k2, staff, "send_copy", "2026-04-03", ["copyReceivedOn": "2026-04-03"])
            try await Self.ok(
                c, &k2, staff, "record_answer", "2026-04-08", ["answerSummary": "事实清楚", "evidenceProduced": true])
            try await Self.ok(
                c, &k2, staff, "hear_parties", "2026-04-10", ["hearingMethod": "online", "opinionsSummary": "第三人请求从重"])
            try await Self.ok(
                c, &k2, staff, "decide", "2026-04-30",
                Self.decision(
                    "change", ["changedAmount": 9000, "thirdPartyRequested": true, "decisionText": "变更为罚款九千元"]))

            // 终止 by withdrawal needs the withdrawal document (第四十一条第一项; 第七十四条 is 和解 — cited there before issue 13).
            var k3 = try await Self.open(c, staff)
            try await Self.ok(c, &k3, staff, "register", "2026-04-01", Self.application(["learnedOn": "2026-03-20"]))
            try await Self.ok(c, &k3, staff, "accept", "2026-04-02", ["track": "ordinary"])
            let bare = try await c.step(
                k3.id, staff, "terminate", version: k3.version, date: "2026-04-09", ["terminationGround": "withdrawn"])
            #expect(
                bare.status == .unprocessableEntity && bare.errorField == "settlementDocument"
                    && CaseAPITests.article(bare) == "行政复议法 第四十一条第一项")
            let sixty = try await c.step(
                k3.id, staff, "terminate", version: k3.version, date: "2026-04-09",
                ["terminationGround": "suspension_60_days"])
            #expect(sixty.status == .unprocessableEntity && CaseAPITests.article(sixty) == "行政复议法 第四十一条第五项")
            let j3 = try await Self.ok(
                c, &k3, staff, "terminate", "2026-04-09",
                ["terminationGround": "withdrawn", "settlementDocument": "撤回行政复议申请书（双方和解）"])
            #expect(
                j3["state"] as? String == "terminated"
                    && (j3["deadlines"] as? [[String: Any]] ?? []).allSatisfy { $0["running"] as? Bool == false })
        }
    }

    /// A 复议 decision revoking a penalty decision published on the portal: the penalty case records the change at once,
    /// and its withdrawal is due within 3 working days (行政处罚法 第四十八条第二款).
    @Test(arguments: TestDB.all)
    func revokingDecisionStartsTheWithdrawalOfThePublishedPenalty(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let c = Client(t: t), staff = try await t.token("sfj.fuyi"), officer = try await t.token("admin")
            let published = try await t.send(.GET, "/decisions?format=json").json()
            guard
                let first = (published["items"] as? [[String: Any]])?.first(where: {
                    $0["withdrawnOn"] == nil || $0["withdrawnOn"] is NSNull
                }),
                let number = first["decisionNumber"] as? String, let penaltyID = first["caseID"] as? String,
                let respondent = first["body"] as? String
            else {
                Issue.record("the demo has no published decision"); return
            }
            var k = try await Self.open(c, staff)
            // The number must be a decision in Fazhi (第四十八条), made by the named 被申请人 (第十九条).
            let other = respondent == "清河县市场监督管理局" ? "清河县综合行政执法局" : "清河县市场监督管理局"
            for (extra, refusing) in [
                (["enforcementDecisionNumber": number, "respondent": other], "行政复议法 第十九条"),
                (["enforcementDecisionNumber": "清市监罚〔2099〕99号", "respondent": respondent], "行政复议法 第四十八条"),
            ] {
                let r = try await c.step(
                    k.id, staff, "register", version: k.version, date: "2026-10-12",
                    Self.application(["learnedOn": "2026-10-09"].merging(extra) { $1 }))
                #expect(r.status == .unprocessableEntity && CaseAPITests.article(r) == refusing, "\(r.text)")
            }
            var j = try await Self.ok(
                c, &k, staff, "register", "2026-10-12",
                Self.application([
                    "learnedOn": "2026-10-09", "actDescription": "\(number)行政处罚决定",
                    "enforcementDecisionNumber": number, "respondent": respondent,
                ]))
            #expect((j["facts"] as? [String: Any])?["linkedCaseID"] as? String == penaltyID.uppercased())
            // The 复议 case page links the penalty case it reviews, by its number.
            let web = WebClient(t)
            _ = try await web.login("sfj.fuyi")
            let page = try await web.request(.GET, "/console/cases/\(k.id)").text
            #expect(page.contains("被复议的处罚案件") && page.contains("/console/cases/\(penaltyID.uppercased())\""))
            try await Self.ok(c, &k, staff, "accept", "2026-10-13", ["track": "simple", "simpleGround": "all_agree"])
            try await Self.ok(c, &k, staff, "send_copy", "2026-10-14")
            try await Self.ok(
                c, &k, staff, "record_answer", "2026-10-16", ["answerSummary": "事实清楚", "evidenceProduced": true])
            try await Self.ok(
                c, &k, staff, "decide", "2026-10-20", Self.decision("revoke", ["decisionText": "撤销被申请人作出的行政处罚决定"]))
            j = try await Self.ok(c, &k, staff, "serve", "2026-10-21", ["serviceMethod": "direct", "recipient": "李某某"])
            let penalty = try await t.send(.GET, "/api/v1/cases/\(penaltyID)", token: officer).json()
            #expect((penalty["facts"] as? [String: Any])?["decisionChanged"] as? Bool == true)
            #expect((penalty["steps"] as? [[String: Any]])?.last?["action"] as? String == "record_change")
            #expect(Self.due(penalty, "withdrawal") == "2026-10-26", "3 working days from 10-21")
            #expect(
                (penalty["steps"] as? [[String: Any]])?.last.flatMap {
                    ($0["inputs"] as? [String: Any])?["changeDocument"] as? String
                } == j["number"] as? String)
        }
    }
}

/// 网上申请行政复议: the citizen's form, its receipt exactly once, the status page, and every refusal leaving nothing filed.
@Suite("行政复议 online application")
struct ReconsiderationPortalTests {
    static let form: [String: String] = [
        "applicantName": "张三丰", "applicantKind": "citizen", "applicantIDNumber": "330102199001011234",
        "applicantPhone": "13812345678",
        "applicantAddress": "清河县城关镇某村12号", "respondent": "清河县市场监督管理局", "actKind": "penalty",
        "actDescription": "清市监罚〔2026〕5号行政处罚决定",
        "learnedOn": "2026-11-10", "requests": "撤销该行政处罚决定", "reasons": "处罚过重",
    ]

    static func count(_ t: TestApp) async throws -> Int {
        try await (t.app.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM reconsideration_applications").first()!
            .decode(column: "n", as: Int.self)
    }

    @Test(arguments: TestDB.all)
    func citizenAppliesOnceChecksStatusAndStaffSeeIt(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let web = WebClient(t)
            let page = try await web.request(.GET, "/reconsideration")
            #expect(page.status == .ok && page.text.contains("网上申请行政复议") && page.text.contains("清河县人民政府"))
            let key = try #require(
                page.text.range(of: #"name="submissionKey" value="([0-9A-F-]+)""#, options: .regularExpression).map {
                    String(page.text[$0].split(separator: "\"")[3])
                })

            // Missing a required field: 422 naming it, nothing filed.
            var missing = Self.form; missing["reasons"] = ""; missing["submissionKey"] = key
            let r1 = try await web.request(.POST, "/reconsideration/apply", form: missing)
            #expect(r1.status == .unprocessableEntity && r1.text.contains("事实和理由") && r1.text.contains("aria-invalid"))
            // An unknown respondent.
            var unknown = Self.form; unknown["respondent"] = "不存在的局"; unknown["submissionKey"] = key
            let r2 = try await web.request(.POST, "/reconsideration/apply", form: unknown)
            #expect(r2.status == .unprocessableEntity && r2.text.contains("被申请人"))
            // Without the form's token.
            var ok = Self.form; ok["submissionKey"] = key
            #expect(
                try await web.request(.POST, "/reconsideration/apply", form: ok, withCSRF: false).status == .forbidden)
            #expect(try await Self.count(t) == 0)

            // Filed: a receipt with the tracking number and secret, the review period, and the case in staff's list.
            let filed = try await web.request(.POST, "/reconsideration/apply", form: ok)
            #expect(filed.status == .created, "\(filed.text)")
            func cell(_ id: String) -> String? {
                filed.text.range(of: "id=\"\(id)\">([^<]+)<", options: .regularExpression).map {
                    String(filed.text[$0].dropFirst(id.count + 6).dropLast(1))
                }
            }
            let tracking = try #require(cell("tracking-number")), secret = try #require(cell("secret"))
            let today = t.app.fazhi.today
            #expect(
                tracking.hasPrefix("FY\(today.year)\(String(format: "%02d%02d", today.month, today.day))")
                    && secret.count == 8)
            #expect(
                today.description == "2026-11-20" && filed.text.contains("2026-11-27"),
                "5 working days from Friday 11-20: 11-23 … 11-27")
            // The same form again: the same receipt, no second application.
            let again = try await web.request(.POST, "/reconsideration/apply", form: ok)
            #expect(again.status == .ok && again.text.contains(tracking) && again.text.contains(secret))
            #expect(try await Self.count(t) == 1)

            let staff = try await t.token("sfj.fuyi")
            let list = try await t.send(.GET, "/api/v1/cases?procedure=reconsideration", token: staff).jsonArray()
                .filter { $0["partyName"] as? String == "张三丰" }
            #expect(list.count == 1, "listed under the applicant's name")
            let id = try #require(list.first?["id"] as? String)
            let c = try await t.send(.GET, "/api/v1/cases/\(id)", token: staff).json()
            #expect(
                c["state"] as? String == "received" && (c["facts"] as? [String: Any])?["channel"] as? String == "online"
            )
            #expect(
                (c["actions"] as? [[String: Any]] ?? []).contains {
                    $0["id"] as? String == "accept" && $0["allowed"] as? Bool == true
                })
            // Accepted today in the ordinary procedure: the 60 days run into 2027, whose holiday notice is not out — the
            // decision deadline is provisional (the earliest it can be), and the step is not refused for it.
            let accepted = try await CaseAPITests.Client(t: t).step(
                id, staff, "accept", version: c["version"] as! Int, date: today.description, ["track": "ordinary"])
            #expect(accepted.status == .ok, "\(accepted.text)")
            let decision = (try accepted.json()["deadlines"] as? [[String: Any]] ?? []).first {
                $0["key"] as? String == "decision"
            }
            #expect(decision?["due"] as? String == "2027-01-19" && decision?["provisional"] as? Bool == true)
            // The personal numbers are kept out of the record in clear (only their hashes).
            let payloads = try await (t.app.db as! any SQLDatabase).raw(
                "SELECT payload FROM record_entries ORDER BY seq DESC LIMIT 5"
            ).all()
                .map { try $0.decode(column: "payload", as: String.self) }
            #expect(payloads.contains { $0.contains("register") || $0.contains("张三丰") })
            #expect(!payloads.contains { $0.contains("13812345678") || $0.contains("330102199001011234") })

            // Status: a wrong secret looks like an unknown number; the right one shows the stage and the period.
            let status = WebClient(t)
            _ = try await status.request(.GET, "/reconsideration/status")
            let wrong = try await status.request(
                .POST, "/reconsideration/status", form: ["number": tracking, "secret": "WRONG234"])
            #expect(wrong.status == .notFound && wrong.text.contains("查询编号或查询码不正确"))
            let right = try await status.request(
                .POST, "/reconsideration/status",
                form: ["number": tracking.lowercased(), "secret": secret.lowercased()])
            #expect(
                right.status == .ok && right.text.contains("审理中") && right.text.contains("登记行政复议申请")
                    && right.text.contains(">受理<"))
            #expect(
                right.text.contains("2027-01-19") && right.text.contains("暂定"),
                "the provisional decision deadline, marked")
            #expect(!right.text.contains("330102199001011234") && !right.text.contains("13812345678"))
            // Looking up one's own application again and again (a reload) is not a failed attempt.
            for _ in 0..<10 {
                let again = try await status.request(
                    .POST, "/reconsideration/status", form: ["number": tracking, "secret": secret])
                #expect(again.status == .ok)
            }
            // Guessing one number's 查询码 locks that number (even the right code, for a while) — not the address: the
            // next applicant at the same office still looks up their own.
            for _ in 0..<9 {
                _ = try await status.request(
                    .POST, "/reconsideration/status", form: ["number": tracking, "secret": "WRONG234"])
            }
            let locked = try await status.request(
                .POST, "/reconsideration/status", form: ["number": tracking, "secret": secret])
            #expect(
                locked.status == .tooManyRequests && locked.text.contains("查询失败次数过多"),
                "\(locked.status) \(locked.text.suffix(600))")
            let neighbour = try await status.request(
                .POST, "/reconsideration/status", form: ["number": "FY20260000000", "secret": "WRONG234"])
            #expect(neighbour.status == .notFound, "another number from the same address is not locked")
        }
    }

    @Test(arguments: TestDB.all)
    func refusedAttachmentsAndFloodsFileNothing(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let web = WebClient(t)
            _ = try await web.request(.GET, "/reconsideration")
            func multipart(_ fields: [String: String], file: [UInt8], name: String) -> [UInt8] {
                var b: [UInt8] = []
                for (k, v) in fields.merging(["_csrf": web.csrf ?? ""], uniquingKeysWith: { a, _ in a }) {
                    b += Array("--XyZ\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n".utf8)
                }
                b +=
                    Array(
                        "--XyZ\r\nContent-Disposition: form-data; name=\"attachments[]\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                            .utf8) + file
                b += Array("\r\n--XyZ--\r\n".utf8)
                return b
            }
            let headers = [
                ("Cookie", "fazhi_session=\(web.cookie!)"), ("Content-Type", "multipart/form-data; boundary=XyZ"),
            ]
            var fields = Self.form; fields["submissionKey"] = UUID().uuidString
            let exe = try await t.sendBytes(
                .POST, "/reconsideration/apply",
                body: multipart(fields, file: Array("MZ\u{90}\u{0}not a document".utf8), name: "证据.exe"),
                headers: headers)
            #expect(exe.status == .unprocessableEntity && exe.text.contains("不是可作为证据上传的文件类型"))
            let big = try await t.sendBytes(
                .POST, "/reconsideration/apply",
                body: multipart(
                    fields, file: EvidenceTests.png + [UInt8](repeating: 1, count: 70 * 1024), name: "照片.png"),
                headers: headers)
            #expect(big.status == .payloadTooLarge && big.text.contains("MB"))
            #expect(try await Self.count(t) == 0 && EvidenceTests.files(t).isEmpty, "no application, no orphan file")
            // A good attachment is stored with the case, by its hash.
            let good = try await t.sendBytes(
                .POST, "/reconsideration/apply", body: multipart(fields, file: EvidenceTests.png, name: "处罚决定书.png"),
                headers: headers)
            #expect(good.status == .created, "\(good.text)")
            let filedCount = try await Self.count(t)
            #expect(EvidenceTests.files(t).count == 1 && filedCount == 1)

            // A flood from one address: the 11th application within the hour is refused with 429.
            for i in 0..<9 {
                var f = Self.form; f["submissionKey"] = UUID().uuidString; f["applicantName"] = "申请人\(i)"
                #expect(try await web.request(.POST, "/reconsideration/apply", form: f).status == .created)
            }
            var f = Self.form; f["submissionKey"] = UUID().uuidString
            let flood = try await web.request(.POST, "/reconsideration/apply", form: f)
            #expect(
                flood.status == .tooManyRequests && flood.headers.first(name: "Retry-After") != nil
                    && flood.text.contains("过于频繁"))
            #expect(try await Self.count(t) == 10)
        }
    }
}

/// 行政复议统计 in the reports' terms, on the demo's five cases, each figure opening the cases it counts.
@Suite("行政复议 yearly figures")
struct ReconsiderationStatisticsTests {
    @Test(arguments: TestDB.all)
    func figuresCountTheDemoAndOpenTheirCases(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let web = WebClient(t)
            _ = try await web.login("sfj.fuyi")
            let page = try await web.request(.GET, "/console/reconsideration/statistics?year=2026")
            #expect(page.status == .ok)
            func figure(_ id: String) -> String? {
                page.text.range(of: "id=\"figure-\(id)\">([0-9]+)<", options: .regularExpression).map {
                    String(page.text[$0].split(separator: ">")[1].dropLast())
                }
            }
            // Received 5: upheld, revoked, withdrawn (终止) — 3 concluded; one awaiting 补正, one in review.
            #expect(
                figure("received") == "5" && figure("accepted") == "3" && figure("refused") == "0"
                    && figure("pending") == "2" && figure("concluded") == "3")
            #expect(figure("outcome.uphold") == "1" && figure("outcome.revoke") == "1" && figure("terminated") == "1")
            #expect(page.text.contains("id=\"correction-rate\">33.3%"), "1 revoked of 3 concluded")
            let upheld = try await web.request(
                .GET, "/console/reconsideration/statistics?year=2026&figure=outcome.uphold")
            #expect(upheld.text.contains("维持：1 件") && upheld.text.contains("清河县某某超市") && !upheld.text.contains("赵某某"))
            // By 被申请人 too, every enforcement body listed (zeros included), drawn as a chart linking to the cases.
            #expect(
                page.text.contains("按被申请人") && page.text.contains("id=\"group-chart\"") && page.text.contains("<svg"))
            let market = "清河县市场监督管理局"
            let byRespondent = try #require(
                page.text.range(of: "id=\"by-group\"").map { String(page.text[$0.upperBound...]) })
            #expect(byRespondent.contains(market) && byRespondent.contains("清河县应急管理局"), "zeros included")
            let encoded = try #require(market.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed))
            let ofMarket = try await web.request(
                .GET, "/console/reconsideration/statistics?year=2026&figure=received&group=\(encoded)")
            let emergency = try await web.request(
                .GET,
                "/console/reconsideration/statistics?year=2026&figure=received&group=\(try #require("清河县应急管理局".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)))"
            )
            #expect(ofMarket.text.contains("收案：") && !ofMarket.text.contains("收案：0 件"))
            #expect(emergency.text.contains("收案：0 件"), "a respondent without cases lists none")
            let workbook = try await web.request(.GET, "/console/reconsideration/statistics?year=2026&format=xlsx")
            let bytes = Data(workbook.body.readableBytesView)
            let first = try XLSXReader.rows(bytes)
            #expect(first.first?.contains { $0.hasPrefix("导出时间") } == true, "a title row with the export time")
            #expect(first.last?.first == "合计")
            #expect(String(decoding: bytes, as: UTF8.self).contains("xl/worksheets/sheet2.xml"), "the 被申请人 sheet")
            // Outside one's readable bodies nothing is counted.
            let other = WebClient(t)
            _ = try await other.login("scj.zhifa1")
            let none = try await other.request(.GET, "/console/reconsideration/statistics?year=2026")
            #expect(none.text.contains("id=\"figure-received\">0<"))
        }
    }
}

/// The remaining 行政复议 gates, each refused with its article (the allowed side runs in the journeys above).
@Suite("行政复议 gates refused")
struct ReconsiderationGateTests {
    typealias T = ReconsiderationTests

    @Test(arguments: TestDB.all)
    func eachGateRefusesWithItsArticle(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let c = CaseAPITests.Client(t: t), staff = try await t.token("sfj.fuyi")
            func refused(
                _ k: T.Case, _ action: String, _ date: String, _ inputs: [String: Any], article: String,
                field: String? = nil
            ) async throws {
                try await T.refused(c, k, staff, action, date, inputs, article: article, field: field)
            }
            var k = try await T.open(c, staff)
            // 第二十条: not told of the rights → the day they learned of them; the act cannot be learned of after receipt.
            try await refused(
                k, "register", "2026-04-01", T.application(["learnedOn": "2026-03-20", "notToldOfRights": true]),
                article: "行政复议法 第二十条第三款", field: "rightsLearnedOn")
            try await refused(
                k, "register", "2026-04-01", T.application(["learnedOn": "2026-04-02"]), article: "行政复议法 第二十条",
                field: "learnedOn")
            try await T.ok(
                c, &k, staff, "register", "2026-04-01",
                T.application(["learnedOn": "2026-03-20", "actKind": "penalty"]))
            try await refused(
                k, "accept", "2026-04-02", ["track": "simple", "simpleGround": "info_disclosure"],
                article: "行政复议法 第五十三条第一款第四项", field: "simpleGround")
            try await T.ok(
                c, &k, staff, "request_correction", "2026-04-02",
                ["correctionItems": ["身份证明"], "noticeReceivedOn": "2026-04-02"])
            try await refused(
                k, "extend_correction", "2026-04-03", ["extraDays": 40, "extensionReason": "住院"],
                article: "行政复议法 第三十一条；上限为本地设置", field: "extraDays")
            // Good cause claimed: not abandoned (第三十一条).
            try await refused(
                k, "deem_abandoned", "2026-04-20", ["noGoodCause": false], article: "行政复议法 第三十一条", field: "noGoodCause")
            // After the period: only with a good cause (第三十一条).
            try await refused(
                k, "receive_correction", "2026-04-20", ["correctionSummary": "已补交"], article: "行政复议法 第三十一条",
                field: "lateCause")
            try await T.ok(
                c, &k, staff, "receive_correction", "2026-04-20", ["correctionSummary": "已补交", "lateCause": "申请人住院治疗"])
            try await T.ok(c, &k, staff, "accept", "2026-04-21", ["track": "ordinary"])
            try await refused(
                k, "record_answer", "2026-04-22", ["answerSummary": "x", "evidenceProduced": true],
                article: "行政复议法 第四十八条")
            try await refused(
                k, "record_hearing", "2026-04-22", ["hearingSummary": "x", "hearingRecordSigned": true],
                article: "行政复议法 第五十条")
            try await T.ok(
                c, &k, staff, "schedule_hearing", "2026-04-22",
                [
                    "hearingDate": "2026-05-06", "hearingPlace": "听证室", "hearingChair": "陈思齐",
                    "hearingOfficers": ["甲", "乙"], "hearingClerk": "丙",
                ])
            try await refused(
                k, "record_hearing", "2026-04-28", ["hearingSummary": "x", "hearingRecordSigned": true],
                article: "行政复议法 第五十一条")
            try await refused(
                k, "consult_committee", "2026-04-28", ["committeeMembers": ["甲", "乙"], "committeeOpinion": "维持"],
                article: "行政复议法 第五十二条；人数为本地设置", field: "committeeMembers")
            // Only members serving on the office's 复议委员会 (the registry) may be consulted.
            try await refused(
                k, "consult_committee", "2026-04-28",
                ["committeeMembers": ["何志远", "李慧敏", "路人甲"], "committeeOpinion": "维持"], article: "行政复议法 第五十二条",
                field: "committeeMembers")
            try await refused(k, "record_opinion_report", "2026-04-28", ["reportSummary": "x"], article: "行政复议法 第七十六条")
            try await T.ok(
                c, &k, staff, "hear_parties", "2026-04-28", ["hearingMethod": "phone", "opinionsSummary": "意见"])
            // 第四十八条: no decision before the respondent was sent the copy and could answer.
            try await refused(k, "decide", "2026-04-28", T.decision("uphold"), article: "行政复议法 第四十八条、第五十四条")
            try await T.ok(c, &k, staff, "send_copy", "2026-04-28", ["copyReceivedOn": "2026-04-28"])
            try await refused(
                k, "decide", "2026-04-29", T.decision("mediation"), article: "行政复议法 第七十三条", field: "mediationSigned")
            try await refused(
                k, "decide", "2026-04-29", T.decision("revoke", ["redoDays": 400]), article: "行政复议法 第六十四条；上限为本地设置",
                field: "redoDays")
        }
    }
}
