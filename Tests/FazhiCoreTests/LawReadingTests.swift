import FazhiCore
import Foundation
import Testing

/// Issue 13, the statute-exact second pass: for each reading, the case the law allows and the one it refuses, with the
/// refusing article. Dates are worked out on the shipped 2026 calendar (清明 04-04..06, 劳动节 05-01..05, 05-09 调休).
@Suite("Periods and gates as the law reads them")
struct LawReadingTests {
    static let staff = ProcedureActor(id: UUID(), name: "陈复议", roles: [.reconsiderationStaff])

    static func application(_ extra: [String: FactValue] = [:]) -> [String: FactValue] {
        var a: [String: FactValue] = [
            "channel": .text("in_person"), "applicantName": .text("李某"), "applicantKind": .text("citizen"),
            "applicantAddress": .text("清河县城关镇"), "respondent": .text("清河县市场监督管理局"), "actKind": .text("penalty"),
            "actDescription": .text("清市监罚〔2026〕3号行政处罚决定"), "learnedOn": .text("2026-03-20"),
            "requests": .text("撤销处罚决定"), "reasons": .text("事实不清"),
        ]
        a.merge(extra) { _, n in n }
        return a
    }

    /// A 复议 registered on 2026-04-01 and accepted in the ordinary procedure on 04-02.
    static func accepted(_ extra: [String: FactValue] = [:]) throws -> CaseRunner {
        var r = CaseRunner(ReconsiderationProcedure.definition(ProcedureSettings()))
        try r.take("register", application(extra), by: staff, on: "2026-04-01")
        try r.take("accept", ["track": .text("ordinary")], by: staff, on: "2026-04-02")
        return r
    }

    static let uphold: [String: FactValue] = [
        "outcome": .text("uphold"), "decisionText": .text("维持"), "decisionReasons": .text("事实清楚"),
        "approval": .text("head"), "approver": .text("县长"),
    ]
    static let heard: [String: FactValue] = ["hearingMethod": .text("phone"), "opinionsSummary": .text("申请人意见")]

    // MARK: 1, 3 — the answer period from the respondent's receipt; a posted answer in time.

    @Test func answerPeriodRunsFromTheRespondentsReceipt() throws {
        // Sent on 04-03, receipt unknown: no period runs, and 第七十条 cannot narrow the decision on 04-30.
        var unknown = try Self.accepted()
        try unknown.take("send_copy", by: Self.staff, on: "2026-04-03")
        #expect(unknown.file.deadline("answer") == nil)
        try unknown.take("hear_parties", Self.heard, by: Self.staff, on: "2026-04-10")
        #expect(unknown.refusal("decide", Self.uphold, by: Self.staff, on: "2026-04-30") == nil)

        // Received Friday 04-03: ten working days (清明 04-04..06) to 04-20; silence past it leaves only the correcting decisions (第七十条) —
        // unless a third party supplied the evidence (第七十条 但书).
        var received = try Self.accepted(["thirdParties": .list(["王某某"])])
        try received.take("send_copy", ["copyReceivedOn": .text("2026-04-03")], by: Self.staff, on: "2026-04-03")
        #expect(received.file.deadline("answer")?.deadline.due == CivilDate(iso: "2026-04-20"))
        try received.take("hear_parties", Self.heard, by: Self.staff, on: "2026-04-10")
        #expect(article(received.refusal("decide", Self.uphold, by: Self.staff, on: "2026-04-30")) == "行政复议法 第七十条")
        var thirdParty = Self.uphold
        thirdParty["thirdPartyEvidence"] = .bool(true)
        #expect(received.refusal("decide", thirdParty, by: Self.staff, on: "2026-04-30") == nil)
        // …only where the case has a third party.
        var noThird = try Self.accepted()
        try noThird.take("send_copy", ["copyReceivedOn": .text("2026-04-03")], by: Self.staff, on: "2026-04-03")
        try noThird.take("hear_parties", Self.heard, by: Self.staff, on: "2026-04-10")
        #expect(noThird.refusal("decide", thirdParty, by: Self.staff, on: "2026-04-30")?.field == "thirdPartyEvidence")

        // Posted on 04-16, before the period ended, it is in time though it arrives on 04-21 (民事诉讼法 第八十五条第四款).
        var posted = try Self.accepted()
        try posted.take("send_copy", ["copyReceivedOn": .text("2026-04-03")], by: Self.staff, on: "2026-04-03")
        var late = posted
        try posted.take(
            "record_answer",
            ["answerSummary": .text("答复"), "evidenceProduced": .bool(true), "postedOn": .text("2026-04-16")],
            by: Self.staff, on: "2026-04-21")
        #expect(!posted.file.facts.flag("answerLate") && !posted.file.facts.flag("noEvidence"))
        try late.take(
            "record_answer", ["answerSummary": .text("答复"), "evidenceProduced": .bool(true)], by: Self.staff,
            on: "2026-04-21")
        #expect(late.file.facts.flag("answerLate"))
    }

    @Test func correctionMaterialPostedInTimeIsInTime() throws {
        var r = CaseRunner(ReconsiderationProcedure.definition(ProcedureSettings()))
        try r.take("register", Self.application(), by: Self.staff, on: "2026-04-01")
        try r.take(
            "request_correction", ["correctionItems": .list(["身份证明"]), "noticeReceivedOn": .text("2026-04-02")],
            by: Self.staff, on: "2026-04-02")
        // Ten working days from 04-02 (清明 04-04..06): 04-17.
        #expect(r.file.deadline("correction")?.deadline.due == CivilDate(iso: "2026-04-17"))
        var late = r
        try r.take(
            "receive_correction", ["correctionSummary": .text("补交"), "postedOn": .text("2026-04-15")], by: Self.staff,
            on: "2026-04-22")
        #expect(!r.file.facts.flag("correctionLate"))
        // Late without a postmark: without good cause it is abandonment, not a correction (第三十一条).
        let noCause = late.refusal(
            "receive_correction", ["correctionSummary": .text("补交")], by: Self.staff, on: "2026-04-22")
        #expect(article(noCause) == "行政复议法 第三十一条" && noCause?.field == "lateCause")
        try late.take(
            "receive_correction", ["correctionSummary": .text("补交"), "lateCause": .text("申请人住院，附病历")], by: Self.staff,
            on: "2026-04-22")
        #expect(late.file.facts.flag("correctionLate"))
    }

    // MARK: 2 — service by the method used.

    @Test func paymentRunsFromServiceAsTheMethodMakesIt() throws {
        let decided = try CaseRunner.decidedWithFine()
        var post = decided
        let byPost: [String: FactValue] = ["serviceMethod": .text("post"), "recipient": .text("张三")]
        let noDate = post.refusal("serve", byPost, on: "2026-10-20")
        #expect(article(noDate) == "民事诉讼法 第九十一条" && noDate?.field == "signedOn")
        // Signed for on 10-16: fifteen days to 10-31, a Saturday → 11-02.
        try post.take("serve", byPost.merging(["signedOn": .text("2026-10-16")]) { a, _ in a }, on: "2026-10-20")
        #expect(post.file.facts.date("servedOn") == CivilDate(iso: "2026-10-16"))
        #expect(post.file.deadline("payment")?.deadline.due == CivilDate(iso: "2026-11-02"))
        // A 告知书 signed for on an earlier date does not date the decision's service (issue 13 review: the engine once read
        // an earlier step's 签收日期 when this step gave none).
        var fresh = try CaseRunner.investigated()
        try fresh.propose(fine: 5_000)
        try fresh.take("notify", ["noticeMethod": .text("post"), "signedOn": .text("2026-10-12")], on: "2026-10-13")
        try fresh.take("waive", ["waiverDocument": .text("放弃")], on: "2026-10-13")
        var five = CaseRunner.decision
        five["fineAmount"] = .number(5_000)
        try fresh.take("decide", five, by: CaseRunner.head, on: "2026-10-14")
        try fresh.take("serve", ["serviceMethod": .text("direct"), "recipient": .text("张三")], on: "2026-10-27")
        #expect(fresh.file.facts.date("servedOn") == CivilDate(iso: "2026-10-27"))
        // 公告送达 on 10-14: served 30 days later (11-13), fifteen more to 11-28, a Saturday → 11-30.
        var announced = decided
        try announced.take(
            "serve",
            ["serviceMethod": .text("announcement"), "recipient": .text("张三"), "announcedOn": .text("2026-10-14")],
            on: "2026-10-14")
        #expect(announced.file.facts.date("servedOn") == CivilDate(iso: "2026-11-13"))
        #expect(announced.file.deadline("payment")?.deadline.due == CivilDate(iso: "2026-11-30"))
    }

    // MARK: 3, 12, 15 — the hearing request window.

    @Test func theHearingWindowIsKeptAndAPostedRequestIsInTime() throws {
        // A 60,000-yuan fine gives a hearing right; the 告知书 reaches the party on Monday 10-12: five working days to 10-19.
        var settings = ProcedureSettings()
        settings.statementWorkingDays = 3
        var r = CaseRunner(PenaltyOrdinaryProcedure.definition(settings))
        r.settings = settings
        try r.take("file_case", CaseRunner.filing, by: CaseRunner.head, on: "2026-10-09")
        try r.take("record_evidence", CaseRunner.evidence, on: "2026-10-10", officers: CaseRunner.pair)
        try r.propose(fine: 60_000)
        try r.take("notify", ["noticeMethod": .text("direct")], on: "2026-10-12")
        #expect(r.file.deadline("hearingRequest")?.deadline.due == CivilDate(iso: "2026-10-19"))
        // The 陈述申辩 setting (3 days) has passed, the hearing window has not: no decision (第六十三条、第六十四条).
        #expect(
            article(r.refusal("decide", CaseRunner.decision, by: CaseRunner.head, on: "2026-10-16"))
                == "行政处罚法 第六十三条、第六十四条第一项")
        // A request received 10-21, posted 10-19: in time. Posted 10-20: late.
        var late = r
        let lateRequest = late.refusal(
            "request_hearing", ["hearingRequest": .text("书面申请"), "postedOn": .text("2026-10-20")], on: "2026-10-21")
        #expect(article(lateRequest) == "行政处罚法 第六十四条第一项" && lateRequest?.field == "postedOn")
        try r.take(
            "request_hearing", ["hearingRequest": .text("书面申请"), "postedOn": .text("2026-10-19")], on: "2026-10-21")
        #expect(r.file.state == "hearing")

        // Decided without a hearing request (not a penalty): the request period stops with the decision (第六十四条).
        var quiet = try CaseRunner.investigated()
        try quiet.propose(fine: 60_000)
        try quiet.take("notify", ["noticeMethod": .text("direct")], on: "2026-10-12")
        try quiet.take(
            "decide", ["outcome": .text("not_established"), "decisionReasons": .text("违法事实不能成立")], by: CaseRunner.head,
            on: "2026-10-13")
        #expect(quiet.file.deadline("hearingRequest")?.isRunning == false)
    }

    @Test func aReviewBeforeTheHearingDoesNotCoverTheDecisionAfterIt() throws {
        var r = try CaseRunner.investigated()
        try r.propose(fine: 60_000, extra: ["majorPublicInterest": .bool(true)])
        try r.take("legal_review_pass", ["reviewOpinion": .text("同意")], by: CaseRunner.reviewer, on: "2026-10-12")
        try r.take("notify", ["noticeMethod": .text("direct")], on: "2026-10-12")
        try r.take("request_hearing", ["hearingRequest": .text("书面申请")], on: "2026-10-13")
        try r.take(
            "schedule_hearing",
            [
                "hearingDate": .text("2026-10-23"), "hearingPlace": .text("听证室"), "hearingChair": .text("孙主持"),
                "hearingPublic": .bool(true),
            ], by: CaseRunner.head, on: "2026-10-13")
        try r.take(
            "hold_hearing", ["hearingSummary": .text("质证"), "hearingRecordSigned": .text("signed")],
            by: CaseRunner.head,
            on: "2026-10-23")
        var d = CaseRunner.decision
        d["hearingRecordCited"] = .bool(true)
        #expect(article(r.refusal("decide", d, by: CaseRunner.head, on: "2026-10-26")) == "行政处罚法 第五十八条")
        try r.take("legal_review_pass", ["reviewOpinion": .text("听证后审核同意")], by: CaseRunner.reviewer, on: "2026-10-26")
        #expect(r.refusal("decide", d, by: CaseRunner.head, on: "2026-10-26") == nil)
    }

    // MARK: 4 — deemed acceptance.

    @Test func deemedAcceptedOnTheDayTheReviewPeriodEnds() throws {
        var r = CaseRunner(ReconsiderationProcedure.definition(ProcedureSettings()))
        try r.take("register", Self.application(), by: Self.staff, on: "2026-04-01")
        // Five working days from 04-01 (清明 04-04..06): 04-09.
        let due = try #require(r.file.deadline("acceptance")?.deadline.due)
        #expect(due == CivilDate(iso: "2026-04-09"))
        #expect(article(r.refusal("deem_accepted", by: Self.staff, on: "2026-04-09")) == "行政复议法 第三十条第三款")
        try r.take("deem_accepted", by: Self.staff, on: "2026-04-10")
        #expect(r.file.facts.date("acceptedOn") == due)
        // The copy within 7 working days of 04-09 (04-20), the decision within 60 days (06-08).
        #expect(r.file.deadline("copy")?.deadline.due == CivilDate(iso: "2026-04-20"))
        #expect(r.file.deadline("decision")?.deadline.due == CivilDate(iso: "2026-06-08"))
    }

    // MARK: 5 — limitation to discovery, from the end of a continuing act.

    @Test func limitationRunsToDiscoveryAndFromTheEndOfAContinuingAct() throws {
        func filing(_ extra: [String: FactValue]) -> [String: FactValue] {
            CaseRunner.filing.merging(extra) { _, n in n }
        }
        var r = CaseRunner(PenaltyOrdinaryProcedure.definition(ProcedureSettings()))
        // Committed 2024-09-01, filed 2026-10-09: discovered on 2026-08-30, within two years — may be punished.
        let old = filing(["violationOn": .text("2024-09-01")])
        #expect(article(r.refusal("file_case", old, by: CaseRunner.head, on: "2026-10-09")) == "行政处罚法 第三十六条")
        #expect(
            r.refusal(
                "file_case", old.merging(["discoveredOn": .text("2026-08-30")]) { _, n in n }, by: CaseRunner.head,
                on: "2026-10-09") == nil)
        // A continuing act: the two years run from the day it ended (第三十六条第二款), which must be given.
        var c = CaseRunner(PenaltyOrdinaryProcedure.definition(ProcedureSettings()))
        let continuing = filing(["violationOn": .text("2023-01-01"), "violationContinuing": .bool(true)])
        let noEnd = c.refusal("file_case", continuing, by: CaseRunner.head, on: "2026-10-09")
        #expect(article(noEnd) == "行政处罚法 第三十六条第二款" && noEnd?.field == "violationEndedOn")
        #expect(
            article(
                c.refusal(
                    "file_case", continuing.merging(["violationEndedOn": .text("2024-06-01")]) { _, n in n },
                    by: CaseRunner.head, on: "2026-10-09")) == "行政处罚法 第三十六条")
        try c.take(
            "file_case", continuing.merging(["violationEndedOn": .text("2025-06-01")]) { _, n in n },
            by: CaseRunner.head,
            on: "2026-10-09")
        #expect(c.file.facts.date("discoveredOn") == CivilDate(iso: "2026-10-09"), "discovery defaults to the filing")
    }

    // MARK: 6, 7 — pauses and extensions.

    @Test func aWorkingDayPeriodResumesInWorkingDays() throws {
        var r = try Self.accepted()
        try r.take("send_copy", ["copyReceivedOn": .text("2026-04-03")], by: Self.staff, on: "2026-04-03")
        // Answer due 04-20; suspended Tuesday 04-14 with four working days left (04-15, 04-16, 04-17, 04-20).
        try r.take("suspend", ["suspensionGround": .text("other_case")], by: Self.staff, on: "2026-04-14")
        try r.take("resume", ["resumeReason": .text("关联案件已审结")], by: Self.staff, on: "2026-04-30")
        // Four working days from Thursday 04-30 over 劳动节 (05-01..05): 05-06, 05-07, 05-08 and Saturday 05-09, a 调休
        // working day — counted in calendar days from the nominal end it would have been 05-06.
        #expect(r.file.deadline("answer")?.deadline.due == CivilDate(iso: "2026-05-09"))
        #expect(r.file.deadline("answer")?.deadline.unit == .workday)
    }

    @Test func anExtensionIsAddedToTheNominalEndAndNotAfterItLapsed() throws {
        var r = try Self.accepted()
        let ext: [String: FactValue] = [
            "extendedDays": .number(30), "extensionReason": .text("案情复杂"), "noticeDocument": .text("延期通知书"),
        ]
        // Decision due 06-01 (60 days from 04-02); after it, no extension.
        var lapsed = r
        #expect(
            article(lapsed.refusal("extend_decision_period", ext, by: CaseRunner.head, on: "2026-06-02"))
                == "行政复议法 第六十二条第一款")
        try r.take("extend_decision_period", ext, by: CaseRunner.head, on: "2026-05-29")
        #expect(r.file.deadline("decision")?.deadline.due == CivilDate(iso: "2026-07-01"))
    }

    @Test func aSwitchToOrdinaryKeepsTheDaysUnderSuspensionUncounted() throws {
        var r = CaseRunner(ReconsiderationProcedure.definition(ProcedureSettings()))
        try r.take("register", Self.application(["learnedOn": .text("2026-05-20")]), by: Self.staff, on: "2026-06-01")
        try r.take(
            "accept", ["track": .text("simple"), "simpleGround": .text("all_agree")], by: Self.staff, on: "2026-06-03")
        // Simple: 30 days to 07-03. Suspended 06-10 with 23 days left to that nominal end; resumed 06-20: to 07-13.
        try r.take("suspend", ["suspensionGround": .text("other_case")], by: Self.staff, on: "2026-06-10")
        try r.take("resume", ["resumeReason": .text("关联案件已审结")], by: Self.staff, on: "2026-06-20")
        #expect(r.file.deadline("decision")?.deadline.due == CivilDate(iso: "2026-07-13"))
        // Switched: 30 more days on the nominal end (08-12), not 60 from acceptance (08-03), which would lose the pause.
        try r.take("switch_to_ordinary", ["switchReason": .text("案情复杂")], by: CaseRunner.head, on: "2026-06-22")
        #expect(r.file.deadline("decision")?.deadline.due == CivilDate(iso: "2026-08-12"))
    }

    // MARK: 8 — every computed end past a rest day.

    @Test func theOneYearCapEndsPastARestDay() throws {
        var r = CaseRunner(ReconsiderationProcedure.definition(ProcedureSettings()))
        // Learned of the act 2025-05-02, not told of the rights: at most one year, to 2026-05-02 — in 劳动节, so 05-06.
        try r.take(
            "register",
            Self.application([
                "learnedOn": .text("2025-05-02"), "notToldOfRights": .bool(true),
                "rightsLearnedOn": .text("2026-04-10"),
            ]), by: Self.staff, on: "2026-04-20")
        #expect(r.file.facts.date("applicationDue") == CivilDate(iso: "2026-05-06"))
    }

    // MARK: 9 — 简易程序.

    @Test func anOnTheSpotDecisionNeedsThePartyTold() throws {
        var r = CaseRunner(PenaltySimpleProcedure.definition(ProcedureSettings()))
        var i: [String: FactValue] = [
            "powerItemCode": .text("339901-CF-00031"), "partyName": .text("李四"), "partyKind": .text("citizen"),
            "violationFacts": .text("占道经营"), "penaltyBasis": .text("条例"), "penaltyKinds": .list(["警告"]),
            "formNumber": .text("No.1"), "certificateShown": .bool(true), "partySignature": .text("signed"),
            "partyInformed": .bool(false), "partyStatement": .text("无"),
        ]
        let untold = r.refusal("decide_on_spot", i, on: "2026-11-02", officers: CaseRunner.pair)
        #expect(article(untold) == "行政处罚法 第四十四条、第五十二条、第六十二条" && untold?.field == "partyInformed")
        i["partyInformed"] = .bool(true)
        #expect(r.refusal("decide_on_spot", i, on: "2026-11-02", officers: CaseRunner.pair) == nil)
    }

    // MARK: 11 — 回避.

    @Test func aRecusedOfficerTakesNoFurtherStep() throws {
        var r = try CaseRunner.investigated()
        try r.take(
            "decide_recusal",
            ["recusalOfficer": .text("陈执法"), "recusalGranted": .bool(true), "recusalReason": .text("与当事人有亲属关系")],
            by: CaseRunner.head, on: "2026-10-11")
        #expect(
            article(r.refusal("record_evidence", CaseRunner.evidence, on: "2026-10-12", officers: CaseRunner.pair))
                == "行政处罚法 第四十三条")
        let other = NamedOfficer(
            id: UUID(), name: "周执法", certificateNumber: "ZJ33010003", bodyID: CaseRunner.body, eligibility: .eligible)
        #expect(
            r.refusal("record_evidence", CaseRunner.evidence, on: "2026-10-12", officers: [CaseRunner.pair[0], other])
                == nil)
    }

    // MARK: 13 — 行政复议 gates.

    @Test func reconsiderationGatesTheLawNames() throws {
        // 第二十一条: more than five years after the act — refused, whatever is said of the delay.
        var old = CaseRunner(ReconsiderationProcedure.definition(ProcedureSettings()))
        try old.take("register", Self.application(["actOn": .text("2020-01-02")]), by: Self.staff, on: "2026-04-01")
        #expect(
            article(
                old.refusal(
                    "accept", ["track": .text("ordinary"), "timelinessAnswer": .text("不可抗力")], by: Self.staff,
                    on: "2026-04-02")) == "行政复议法 第二十一条")
        // 第五十三条第一款第二项: the 警告 ground only for a 警告 or 通报批评.
        var simple = CaseRunner(ReconsiderationProcedure.definition(ProcedureSettings()))
        try simple.take("register", Self.application(), by: Self.staff, on: "2026-04-01")
        let warning: [String: FactValue] = ["track": .text("simple"), "simpleGround": .text("warning")]
        #expect(article(simple.refusal("accept", warning, by: Self.staff, on: "2026-04-02")) == "行政复议法 第五十三条第一款第二项")
        var warned = CaseRunner(ReconsiderationProcedure.definition(ProcedureSettings()))
        try warned.take("register", Self.application(["actKind": .text("warning")]), by: Self.staff, on: "2026-04-01")
        #expect(warned.refusal("accept", warning, by: Self.staff, on: "2026-04-02") == nil)
        // 第三十三条: accepted, then found not to qualify — 驳回申请, and nothing runs any more.
        var dismissed = try Self.accepted()
        try dismissed.take(
            "dismiss", ["dismissalReasons": .text("申请人与被申请行政复议的行政行为没有利害关系")], by: Self.staff, on: "2026-04-08")
        #expect(dismissed.file.state == "dismissed" && dismissed.file.runningDeadlines.isEmpty)
        // 第四十九条: not heard for the party's own reasons — a written review lets the decision be made.
        var written = try Self.accepted()
        try written.take("send_copy", ["copyReceivedOn": .text("2026-04-03")], by: Self.staff, on: "2026-04-03")
        try written.take(
            "record_answer", ["answerSummary": .text("答复"), "evidenceProduced": .bool(true)], by: Self.staff,
            on: "2026-04-10")
        #expect(article(written.refusal("decide", Self.uphold, by: Self.staff, on: "2026-04-20")) == "行政复议法 第四十九条")
        try written.take(
            "review_in_writing", ["writtenReviewReason": .text("申请人经三次电话通知拒不发表意见")], by: Self.staff, on: "2026-04-20")
        #expect(written.refusal("decide", Self.uphold, by: Self.staff, on: "2026-04-20") == nil)
    }

    // MARK: 14 — 行政应诉: what may be appealed.

    @Test func mediationWithdrawalAndRetrialAppeals() throws {
        let staff = ProcedureActor(id: UUID(), name: "林法制", roles: [.legalReviewer])
        func judged(_ judgment: String, instance: String = "first", retrial: String? = nil) throws -> CaseRunner {
            var r = CaseRunner(LitigationProcedure.definition(ProcedureSettings()))
            var reg: [String: FactValue] = [
                "court": .text("清河县人民法院"), "courtCaseNumber": .text("（2026）浙1101行初1号"), "instance": .text(instance),
                "plaintiff": .text("李某"), "defendantRole": .text("sole"), "actKind": .text("penalty"),
                "actDescription": .text("行政处罚决定"), "claims": .text("撤销"), "servedOn": .text("2026-05-06"),
            ]
            if let retrial { reg["retrialProcedure"] = .text(retrial) }
            try r.take("register", reg, by: staff, on: "2026-05-06")
            try r.take(
                "submit_answer",
                ["answerSummary": .text("答辩"), "evidenceList": .list(["证据"]), "legalBasis": .list(["行政处罚法"])],
                by: staff, on: "2026-05-12")
            try r.take(
                "record_judgment",
                [
                    "judgment": .text(judgment), "judgmentNumber": .text("（2026）浙1101行初1号"),
                    "judgmentServedOn": .text("2026-07-10"), "judgmentSummary": .text("要旨"),
                ], by: staff, on: "2026-07-10")
            return r
        }
        // A 调解书 takes effect on receipt; a ruling granting withdrawal is final: no appeal period, no appeal.
        for final in ["mediation", "withdrawal"] {
            var r = try judged(final)
            #expect(r.file.deadline("appeal") == nil && r.file.facts.flag("final"))
            let appeal: [String: FactValue] = [
                "appellant": .text("plaintiff"), "appealedOn": .text("2026-07-12"), "appealReasons": .text("不服"),
                "appealCourt": .text("中院"),
            ]
            #expect(article(r.refusal("appeal", appeal, by: staff, on: "2026-07-12")) == "行政诉讼法 第七条、第八十五条")
        }
        // A retrial under first-instance procedure can be appealed (15 days); under second-instance it is final.
        #expect(try judged("revoke", instance: "retrial", retrial: "first").file.deadline("appeal")?.isRunning == true)
        #expect(try judged("revoke", instance: "retrial", retrial: "second").file.deadline("appeal") == nil)
        var noProcedure = CaseRunner(LitigationProcedure.definition(ProcedureSettings()))
        let missing = noProcedure.refusal(
            "register",
            [
                "court": .text("清河县人民法院"), "courtCaseNumber": .text("（2026）浙1101行再1号"), "instance": .text("retrial"),
                "plaintiff": .text("李某"), "defendantRole": .text("sole"), "actKind": .text("penalty"),
                "actDescription": .text("行政处罚决定"), "claims": .text("撤销"), "servedOn": .text("2026-05-06"),
            ], by: staff, on: "2026-05-06")
        #expect(missing?.field == "retrialProcedure")
    }

    // MARK: month periods

    @Test func monthPeriodsEndOnTheCorrespondingDay() throws {
        let calc = DeadlineCalculator(calendar: StatutoryCalendar.shipped)
        // Two months from 2026-10-31: no 12-31 problem — 12-31 (a Thursday).
        #expect(
            try calc.due(from: CivilDate(iso: "2026-10-31")!, days: 2, unit: .month) == CivilDate(iso: "2026-12-31"))
        // One month from 01-31 ends on the month's last day, 02-28 (a Saturday, but a 调休 working day).
        #expect(
            try calc.due(from: CivilDate(iso: "2026-01-31")!, days: 1, unit: .month) == CivilDate(iso: "2026-02-28"))
        // One month from 2026-03-31: 04-30 (a Thursday); from 2026-04-30: 05-30, a Saturday → 06-01.
        #expect(
            try calc.due(from: CivilDate(iso: "2026-03-31")!, days: 1, unit: .month) == CivilDate(iso: "2026-04-30"))
        #expect(
            try calc.due(from: CivilDate(iso: "2026-04-30")!, days: 1, unit: .month) == CivilDate(iso: "2026-06-01"))
    }
}

extension DomainError {
    /// The input a refusal names, if any.
    var field: String? {
        switch self {
        case .invalid(let f, _): f
        case .refused(let f, _, _), .conflict(let f, _): f
        default: nil
        }
    }
}

/// 文号 cited in texts (the basis of a decision), checked against the 文件库.
@Suite struct DocumentCitationTests {
    /// The 文号 a text cites, in any of the brackets people type, each once, spelt with 〔〕.
    @Test func citedDocumentNumbersAreFound() {
        let text = "依据《清河县某办法》（清政规〔2024〕3号）第五条和清市监规[2023]12号、清市监规（2023）12号，以及 清政办发【2025】 7 号"
        #expect(DocumentCitations.numbers(in: text) == ["清政规〔2024〕3号", "清市监规〔2023〕12号", "清政办发〔2025〕7号"])
        #expect(DocumentCitations.numbers(in: "行政处罚法第三十三条").isEmpty)
    }
}
