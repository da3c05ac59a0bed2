import FazhiCore
import FazhiOffice
import Foundation
import Testing

/// Drives one case through the engine as the console would, step by step.
struct CaseRunner {
    let def: ProcedureDefinition
    var file: CaseFile
    /// The shipped calendar, with 2027 declared as having no holidays: the 90-day period of a case filed in the autumn
    /// ends in 2027, whose notice is not shipped (the real calendar fails closed there).
    let calc = DeadlineCalculator(
        calendar: StatutoryCalendar(
            lines: StatutoryCalendar.shipped.lines, years: Set(StatutoryCalendar.shipped.years + [2027])))
    var settings = ProcedureSettings()
    var today = CivilDate(iso: "2026-12-31")!
    var external = Facts([
        Penalty.External.bodyConfirmed: .bool(true), Penalty.External.powerItemIsBodysPenalty: .bool(true),
        Penalty.External.decisionNumber: .text("清市监罚〔2026〕12号"),
    ])
    static let body = UUID()
    static let head = ProcedureActor(id: UUID(), name: "王局长", roles: [.head])
    static let officer = ProcedureActor(id: UUID(), name: "李执法", roles: [.officer], officerID: UUID())
    static let reviewer = ProcedureActor(
        id: UUID(), name: "赵审核", roles: [.legalReviewer], officerID: UUID(), hasLegalQualification: true)
    static let pair = [
        NamedOfficer(
            id: officer.officerID!, name: "李执法", certificateNumber: "ZJ33010001", bodyID: body, eligibility: .eligible),
        NamedOfficer(id: UUID(), name: "陈执法", certificateNumber: "ZJ33010002", bodyID: body, eligibility: .eligible),
    ]

    init(_ def: ProcedureDefinition) { self.def = def; file = ProcedureEngine.start(def, bodyID: Self.body) }

    @discardableResult
    mutating func take(
        _ action: String, _ inputs: [String: FactValue] = [:], by actor: ProcedureActor = CaseRunner.officer,
        on date: String,
        officers: [NamedOfficer] = []
    ) throws -> CaseTransition {
        let t = try ProcedureEngine.apply(
            def, to: file, action: action, expectedVersion: file.version, inputs: Facts(inputs), external: external,
            officers: officers, actor: actor, date: CivilDate(iso: date)!, today: today, calendar: calc,
            settings: settings)
        file = t.file
        return t
    }

    /// The refusal a step gets, or nil when it is taken.
    mutating func refusal(
        _ action: String, _ inputs: [String: FactValue] = [:], by actor: ProcedureActor = CaseRunner.officer,
        on date: String,
        officers: [NamedOfficer] = []
    ) -> DomainError? {
        do { try take(action, inputs, by: actor, on: date, officers: officers); return nil } catch let e as DomainError
        { return e } catch { return .invalid(field: "?", message: "\(error)") }
    }
}

func article(_ e: DomainError?) -> String? {
    if case .refused(_, _, let a)? = e { return a }
    if case .forbidden(_, let a)? = e { return a }
    return nil
}

extension CaseRunner {
    static let filing: [String: FactValue] = [
        "source": .text("complaint"), "powerItemCode": .text("339901-CF-00012"), "partyName": .text("张三"),
        "partyKind": .text("citizen"), "partyAddress": .text("清河县城关镇"), "summary": .text("无证经营"),
        "violationOn": .text("2026-09-01"),
    ]
    static let evidence: [String: FactValue] = [
        "evidenceKind": .text("inquiry"), "evidenceSummary": .text("询问当事人"), "partySignature": .text("signed"),
        "certificateShown": .bool(true),
    ]
    /// An ordinary case filed on 2026-10-09 and investigated by two officers.
    static func investigated() throws -> CaseRunner {
        var r = CaseRunner(PenaltyOrdinaryProcedure.definition(ProcedureSettings()))
        try r.take("file_case", filing, by: head, on: "2026-10-09")
        try r.take("record_evidence", evidence, on: "2026-10-10", officers: pair)
        return r
    }
    mutating func propose(
        fine: Double, kinds: [String] = ["罚款"], extra: [String: FactValue] = [:], on date: String = "2026-10-12"
    ) throws {
        var i: [String: FactValue] = [
            "violationFacts": .text("未取得许可从事食品经营"), "penaltyBasis": .text("《食品安全法》第一百二十二条"),
            "penaltyKinds": .list(kinds), "fineAmount": .number(fine),
        ]
        i.merge(extra) { _, n in n }
        try take("propose", i, on: date)
    }
    /// A 催告书 served directly (行政强制法 第三十五条).
    static let demand: [String: FactValue] = [
        "demandMethod": .text("direct"), "demandContent": .text("缴纳罚款5000元及加处罚款"),
    ]
    /// Enforcement by a body the law gives that power (行政强制法 第四十五条、第四十六条).
    static let ownEnforcement: [String: FactValue] = [
        "enforcementPower": .text("《中华人民共和国税收征收管理法》第四十条"), "enforcementMeasure": .text("划拨存款"),
    ]

    /// A case decided on 2026-10-13 with a 5,000-yuan fine, the party having waived its statement.
    static func decidedWithFine() throws -> CaseRunner {
        var r = try investigated()
        try r.propose(fine: 5_000)
        try r.take("notify", ["noticeMethod": .text("direct")], on: "2026-10-12")
        try r.take("waive", ["waiverDocument": .text("放弃")], on: "2026-10-12")
        var d = decision; d["fineAmount"] = .number(5_000)
        try r.take("decide", d, by: head, on: "2026-10-13")
        return r
    }
    static let decision: [String: FactValue] = [
        "outcome": .text("penalty"), "penaltyKinds": .list(["罚款"]), "fineAmount": .number(60_000),
        "decisionReasons": .text("事实清楚"),
    ]
}

@Suite("Procedure engine and the 行政处罚 definitions")
struct ProcedureTests {
    /// Who answers a period in the 待办: the head who decides answers 作出处罚决定 (第六十条), the officer 陈述申辩; the
    /// 法制审核 reviewer answers neither (their 退回 sends the case back, it does not answer a period). A clue is
    /// registered 登 and numbered 立 when filed (第五十四条).
    @Test func periodsAreAnsweredByTheRolesThatMoveThemOn() throws {
        let def = try #require(ProcedureCatalog.standard.current(PenaltyOrdinaryProcedure.id))
        let roles = def.periodRoles
        #expect(roles["decision"]?.contains(.head) == true && roles["decision"]?.contains(.legalReviewer) == false)
        #expect(roles["statement"]?.contains(.officer) == true && roles["statement"]?.contains(.legalReviewer) == false)
        #expect(def.numbering.kindAtOpening == "登" && def.numbering.kind == "立")
        #expect(def.numbering.numberedAt == PenaltyOrdinaryProcedure.Step.fileCase)
        let simple = try #require(ProcedureCatalog.standard.current(PenaltySimpleProcedure.id))
        #expect(simple.numbering.kindAtOpening == "简" && simple.numbering.numberedAt == nil)
    }

    @Test func definitionsAreWellFormed() {
        for d in ProcedureCatalog().definitions { #expect(d.problems().isEmpty, "\(d.id): \(d.problems())") }
    }

    @Test func filingNeedsConfirmedBodyListedItemAndLimitation() throws {
        var r = CaseRunner(PenaltyOrdinaryProcedure.definition(ProcedureSettings()))
        // Only the head approves 立案.
        #expect(article(r.refusal("file_case", CaseRunner.filing, on: "2026-10-09")) == "行政处罚法 第五十四条")
        r.external[Penalty.External.bodyConfirmed] = .bool(false)
        #expect(
            article(r.refusal("file_case", CaseRunner.filing, by: CaseRunner.head, on: "2026-10-09")) == "行政处罚法 第十七条")
        r.external[Penalty.External.bodyConfirmed] = .bool(true)
        // 第三十六条: a violation of 2024-09-01 discovered 2026-10-09 is out of time; with 5 years (life/health) it is not.
        var old = CaseRunner.filing; old["violationOn"] = .text("2024-09-01")
        #expect(article(r.refusal("file_case", old, by: CaseRunner.head, on: "2026-10-09")) == "行政处罚法 第三十六条")
        old["lifeHealthOrFinance"] = .bool(true)
        let t = try r.take("file_case", old, by: CaseRunner.head, on: "2026-10-09")
        // 第六十条: 90 calendar days from 立案.
        #expect(t.startedDeadlines.first?.deadline.due == CivilDate(iso: "2027-01-07"))
        #expect(r.file.state == "investigating" && r.file.version == 1)
    }

    @Test func evidenceNeedsTwoEligibleOfficersWhoShowCertificates() throws {
        var r = try CaseRunner.investigated()
        #expect(
            article(r.refusal("record_evidence", CaseRunner.evidence, on: "2026-10-11", officers: [CaseRunner.pair[0]]))
                == "行政处罚法 第四十二条、第五十五条")
        let expired = NamedOfficer(
            id: UUID(), name: "过期", certificateNumber: "ZJ33019999", bodyID: CaseRunner.body,
            eligibility: .notEligible(reason: "执法证已于2026-01-01过期", article: "行政处罚法 第四十二条、第七十六条"))
        #expect(
            article(
                r.refusal(
                    "record_evidence", CaseRunner.evidence, on: "2026-10-11", officers: [CaseRunner.pair[0], expired]))
                == "行政处罚法 第四十二条、第七十六条")
        var noCert = CaseRunner.evidence; noCert["certificateShown"] = .bool(false)
        #expect(
            article(r.refusal("record_evidence", noCert, on: "2026-10-11", officers: CaseRunner.pair)) == "行政处罚法 第五十五条")
        #expect(r.refusal("record_evidence", CaseRunner.evidence, on: "2026-10-11", officers: CaseRunner.pair) == nil)
    }

    @Test func preservationDisposalInSevenWorkingDays() throws {
        var r = try CaseRunner.investigated()
        // 2026-09-30 + 7 working days skips 国庆 (10-01..10-07) and counts 10-10 (Sat, 调休上班).
        var p = CaseRunner(PenaltyOrdinaryProcedure.definition(ProcedureSettings()))
        try p.take("file_case", CaseRunner.filing, by: CaseRunner.head, on: "2026-09-29")
        let t = try p.take(
            "preserve_evidence", ["preservedItems": .text("无标签食品20箱"), "preservationReason": .text("可能灭失")],
            by: CaseRunner.head, on: "2026-09-30", officers: CaseRunner.pair)
        #expect(t.startedDeadlines.first?.deadline.due == CivilDate(iso: "2026-10-15"))
        #expect(
            article(r.refusal("dispose_preserved", ["disposal": .text("return")], on: "2026-10-12")) == "行政处罚法 第五十六条")
        // With a preservation running, disposal is allowed and stops its deadline; a second disposal is refused.
        let d = try p.take("dispose_preserved", ["disposal": .text("return")], by: CaseRunner.head, on: "2026-10-09")
        #expect(d.stoppedDeadlines == ["preservation"])
        #expect(
            article(p.refusal("dispose_preserved", ["disposal": .text("seize")], by: CaseRunner.head, on: "2026-10-09"))
                == "行政处罚法 第五十六条")
    }

    @Test func hearingRightNoticeAndHearingGates() throws {
        var r = try CaseRunner.investigated()
        try r.propose(fine: 60_000)
        #expect(
            r.file.facts.flag("hearingRight"),
            "60,000 yuan for a citizen is a 较大数额 fine (threshold 10,000, configurable)")
        // No decision before 告知 (第四十四条).
        #expect(article(r.refusal("decide", CaseRunner.decision, by: CaseRunner.head, on: "2026-10-12")) != nil)
        let n = try r.take("notify", ["noticeMethod": .text("direct")], on: "2026-10-12")
        #expect(n.startedDeadlines.map(\.key) == ["statement", "hearingRequest"])
        #expect(n.startedDeadlines[1].deadline.due == CivilDate(iso: "2026-10-19"))  // 5 working days
        // Statement period not over and not waived (第六十二条).
        #expect(
            article(r.refusal("decide", CaseRunner.decision, by: CaseRunner.head, on: "2026-10-15")) == "行政处罚法 第六十二条")
        // Hearing requested late is refused (第六十四条第一项); on time it is taken.
        var late = r
        #expect(
            article(late.refusal("request_hearing", ["hearingRequest": .text("书面申请")], on: "2026-10-20"))
                == "行政处罚法 第六十四条第一项")
        try r.take("request_hearing", ["hearingRequest": .text("书面申请")], on: "2026-10-19")
        // Chair cannot be an investigator; notice at least 7 working days before; non-public needs a reason.
        let sched: [String: FactValue] = [
            "hearingDate": .text("2026-10-29"), "hearingPlace": .text("局三楼听证室"), "hearingChair": .text("法规科 周某"),
            "hearingPublic": .bool(true),
        ]
        var s = sched; s["hearingChair"] = .text("陈执法")
        #expect(article(r.refusal("schedule_hearing", s, by: CaseRunner.head, on: "2026-10-20")) == "行政处罚法 第六十四条第四项")
        s = sched; s["hearingDate"] = .text("2026-10-28")
        #expect(article(r.refusal("schedule_hearing", s, by: CaseRunner.head, on: "2026-10-20")) == "行政处罚法 第六十四条第二项")
        s = sched; s["hearingPublic"] = .bool(false)
        #expect(article(r.refusal("schedule_hearing", s, by: CaseRunner.head, on: "2026-10-20")) == "行政处罚法 第六十四条第三项")
        try r.take("schedule_hearing", sched, by: CaseRunner.head, on: "2026-10-20")
        // No decision while the hearing is pending (第六十四条).
        #expect(r.file.state == "hearing")
        #expect(
            article(
                r.refusal(
                    "hold_hearing", ["hearingSummary": .text("质证"), "hearingRecordSigned": .text("signed")],
                    by: CaseRunner.head, on: "2026-10-28")) == "行政处罚法 第六十四条")
        try r.take(
            "hold_hearing",
            ["partyAppeared": .bool(true), "hearingSummary": .text("质证"), "hearingRecordSigned": .text("signed")],
            by: CaseRunner.head, on: "2026-10-29")
        // After a hearing 法制审核 is mandatory (第五十八条第一款(二)) and the decision must cite the record (第六十五条).
        var d = CaseRunner.decision; d["hearingRecordCited"] = .bool(true)
        #expect(article(r.refusal("decide", d, by: CaseRunner.head, on: "2026-10-30")) == "行政处罚法 第五十八条")
        try r.take(
            "legal_review_pass", ["reviewOpinion": .text("事实清楚，程序合法")], by: CaseRunner.reviewer, on: "2026-10-30")
        #expect(
            article(r.refusal("decide", CaseRunner.decision, by: CaseRunner.head, on: "2026-10-30")) == "行政处罚法 第六十五条")
        let t = try r.take("decide", d, by: CaseRunner.head, on: "2026-10-30")
        #expect(r.file.state == "decided" && r.file.facts.text("decisionNumber") == "清市监罚〔2026〕12号")
        #expect(t.stoppedDeadlines.contains("decision") && t.documents == [.penaltyDecision])
    }

    @Test func legalReviewerRules() throws {
        var r = try CaseRunner.investigated()
        try r.propose(fine: 60_000, extra: ["complexCase": .bool(true)])
        // An investigator cannot review (the reviewer role is also needed).
        let investigatorReviewer = ProcedureActor(
            id: UUID(), name: "李执法", roles: [.legalReviewer], officerID: CaseRunner.officer.officerID,
            hasLegalQualification: true)
        #expect(
            article(
                r.refusal(
                    "legal_review_pass", ["reviewOpinion": .text("同意")], by: investigatorReviewer, on: "2026-10-13"))
                == "行政处罚法 第五十八条；国办发〔2018〕118号")
        // A first review needs 法律职业资格 (第五十八条第二款); someone who has reviewed before does not.
        let novice = ProcedureActor(id: UUID(), name: "新人", roles: [.legalReviewer], officerID: UUID())
        #expect(
            article(r.refusal("legal_review_pass", ["reviewOpinion": .text("同意")], by: novice, on: "2026-10-13"))
                == "行政处罚法 第五十八条第二款")
        var veteran = novice; veteran.hasReviewedBefore = true
        #expect(r.refusal("legal_review_pass", ["reviewOpinion": .text("同意")], by: veteran, on: "2026-10-13") == nil)
        // An officer cannot take the reviewer's step at all.
        var o = try CaseRunner.investigated(); try o.propose(fine: 60_000)
        if case .forbidden? = o.refusal("legal_review_pass", ["reviewOpinion": .text("同意")], on: "2026-10-13") {
        } else {
            Issue.record("officer must be forbidden")
        }
    }

    /// 第三十四条 (issue 15 #3): the registered benchmark drives the range — the officer picks it and states the
    /// circumstances; the tier and range are computed; a fine outside needs a reason and goes to 法制审核.
    @Test func outsideBenchmarkNeedsReasonAndReview() throws {
        var r = try CaseRunner.investigated()
        r.external[Penalty.External.itemHasBenchmark] = .bool(true)
        let base: [String: FactValue] = [
            "violationFacts": .text("x"), "penaltyBasis": .text("y"), "penaltyKinds": .list(["罚款"]),
            "fineAmount": .number(3_000),
        ]
        // The item has a benchmark: one must be picked.
        let none = r.refusal("propose", base, on: "2026-10-12")
        #expect(article(none) == "行政处罚法 第三十四条" && none?.field == "benchmarkCode")
        // One not registered for the item (the store found none): refused.
        let unknown = r.refusal(
            "propose", base.merging(["benchmarkCode": .text("SJ-XX-999")]) { _, n in n }, on: "2026-10-12")
        #expect(unknown?.field == "benchmarkCode")
        r.external[Penalty.External.benchmark] = .text(
            String(decoding: try JSONEncoder().encode(DiscretionTests.bench), as: UTF8.self))
        var picked = base
        picked["benchmarkCode"] = .text("SJ-SP-001")
        // Graded by 货值金额: the measure must be given.
        #expect(r.refusal("propose", picked, on: "2026-10-12")?.field == "measureValue")
        picked["measureValue"] = .number(5_000)
        // 货值 5,000: the 从轻 tier, 50,000–80,000 元; 3,000 is outside — a reason is required (and 法制审核 follows).
        let outside = r.refusal("propose", picked, on: "2026-10-12")
        #expect(article(outside) == "行政处罚法 第三十四条" && outside?.field == "outsideBenchmarkReason")
        // 违法行为轻微并及时改正: no penalty may be proposed at all (第三十三条).
        var minor = picked
        minor["minorCorrectedNoHarm"] = .bool(true)
        #expect(article(r.refusal("propose", minor, on: "2026-10-12")) == "行政处罚法 第三十条、第三十三条")
        // 第三十二条 circumstances by their short names: 货值 20,000 (一般, 10–15 times) becomes 从轻 (50,000–80,000).
        var mitigated = picked
        mitigated["measureValue"] = .number(20_000)
        mitigated["goodsValue"] = .number(20_000)
        mitigated["mitigating"] = .text("主动供述、立功表现")
        mitigated["fineAmount"] = .number(60_000)
        var light = r
        try light.take("propose", mitigated, on: "2026-10-12")
        #expect(light.file.facts.text("benchmarkTier") == "从轻处罚" && light.file.facts.number("benchmarkMax") == 80_000)
        #expect(light.file.facts.list("benchmarkArticles").contains("行政处罚法 第三十二条"))
        mitigated["mitigating"] = .text("态度良好")
        #expect(r.refusal("propose", mitigated, on: "2026-10-12")?.field == "mitigating")
        // Inside the range: no reason, the tier and range recorded with their articles.
        var inside = picked
        inside["fineAmount"] = .number(60_000)
        var ok = r
        try ok.take("propose", inside, on: "2026-10-12")
        #expect(ok.file.facts.text("benchmarkTier") == "从轻处罚")
        #expect(ok.file.facts.number("benchmarkMin") == 50_000 && ok.file.facts.number("benchmarkMax") == 80_000)
        #expect(ok.file.facts.list("benchmarkArticles").contains("《食品安全法》第一百二十四条"))
        #expect(!ok.file.facts.list("legalReviewReasons").contains { $0.contains("第三十四条") })
        // Outside with a reason: taken, and 法制审核 is required before the decision.
        picked["outsideBenchmarkReason"] = .text("当事人系残疾人，经营困难，酌情")
        try r.take("propose", picked, on: "2026-10-12")
        #expect(r.file.facts.list("legalReviewReasons").contains { $0.contains("第三十四条") })
        try r.take("notify", ["noticeMethod": .text("direct")], on: "2026-10-12")
        try r.take("waive", ["waiverDocument": .text("当事人2026-10-13签名放弃")], on: "2026-10-13")
        var d = CaseRunner.decision
        d["fineAmount"] = .number(3_000)
        #expect(article(r.refusal("decide", d, by: CaseRunner.head, on: "2026-10-14")) == "行政处罚法 第五十八条")
    }

    @Test func noHeavierDecisionAfterDefence() throws {
        var r = try CaseRunner.investigated()
        try r.propose(
            fine: 5_000, kinds: ["罚款"])
        #expect(!r.file.facts.flag("hearingRight"))
        try r.take("notify", ["noticeMethod": .text("direct")], on: "2026-10-12")
        try r.take(
            "record_statement",
            ["statement": .text("初次违法"), "statementAdopted": .text("rejected"), "statementAnswer": .text("证据确凿")],
            on: "2026-10-14")
        var d = CaseRunner.decision; d["fineAmount"] = .number(8_000)
        #expect(article(r.refusal("decide", d, by: CaseRunner.head, on: "2026-10-20")) == "行政处罚法 第四十五条")
        d["fineAmount"] = .number(5_000)
        // 2026-10-12 + 5 working days = 10-19; deciding on 10-19 is still inside the period.
        #expect(article(r.refusal("decide", d, by: CaseRunner.head, on: "2026-10-19")) == "行政处罚法 第六十二条")
        #expect(r.refusal("decide", d, by: CaseRunner.head, on: "2026-10-20") == nil)
    }

    @Test func suspectedCrimeEndsOnlyByTransfer() throws {
        var r = try CaseRunner.investigated()
        try r.take("mark_suspected_crime", ["crimeReason": .text("货值金额逾五万元")], on: "2026-10-12")
        #expect(
            article(
                r.refusal(
                    "decide", ["outcome": .text("no_penalty"), "decisionReasons": .text("x")], by: CaseRunner.head,
                    on: "2026-10-12"))
                == "行政处罚法 第二十七条、第五十七条第一款第四项、第八十二条")
        try r.take(
            "transfer",
            [
                "receivingOrgan": .text("清河县公安局"), "transferNumber": .text("清市监移〔2026〕1号"),
                "transferReason": .text("涉嫌生产销售伪劣产品罪"),
            ], by: CaseRunner.head, on: "2026-10-13")
        #expect(r.file.runningDeadlines.isEmpty)
        try r.take(
            "transfer_accepted", ["receiptNumber": .text("清公立〔2026〕88号"), "transferFeedback": .text("已立案")],
            on: "2026-10-20")
        #expect(r.file.state == "closed")
    }

    @Test func daysUnderReconsiderationComeFromTheLinkedCasesEachDayOnce() throws {
        var r = try CaseRunner.decidedWithFine()
        try r.take(
            "serve",
            ["serviceMethod": .text("electronic"), "recipient": .text("张三"), "electronicConsent": .bool(true)],
            on: "2026-10-14")
        // Payment due 10-29; two 复议 periods overlapping 11-01..11-05: the overdue days under 复议 are 10-30..11-08, ten.
        r.external[Penalty.External.reconsiderationPeriods] = .list(["2026-10-20/2026-11-05", "2026-11-01/2026-11-08"])
        try r.take("serve_demand", CaseRunner.demand, on: "2026-11-10")
        try r.take("enforce_directly", CaseRunner.ownEnforcement, by: CaseRunner.head, on: "2026-12-08")
        // 40 days late, 10 under 复议 (第七十三条第三款): 30 × 3% × 5000 = 4500.
        #expect(r.file.facts.number("daysUnderReconsideration") == 10 && r.file.facts.number("lateFine") == 4_500)
        #expect(
            Penalty.daysUnderReview(
                [(CivilDate(iso: "2026-01-01")!, CivilDate(iso: "2026-01-31")!)],
                overdueAfter: CivilDate(iso: "2026-02-01")!,
                through: CivilDate(iso: "2026-03-01")!) == 0,
            "a 复议 that ended before the payment was due does not count")
    }

    @Test func firstViolationNoPenaltyWithoutNotice() throws {
        var r = try CaseRunner.investigated()
        // 第三十三条: 不予处罚 needs no 告知 (no penalty is proposed) but is decided, numbered and served.
        try r.take(
            "decide", ["outcome": .text("no_penalty"), "decisionReasons": .text("初次违法且危害后果轻微并及时改正（第三十三条第一款）")],
            by: CaseRunner.head, on: "2026-10-12")
        try r.take("serve", ["serviceMethod": .text("direct"), "recipient": .text("张三")], on: "2026-10-13")
        #expect(r.file.deadline("payment") == nil)
        try r.take("close", ["closingSummary": .text("不予处罚，已教育")], by: CaseRunner.head, on: "2026-10-14")
        #expect(r.file.state == "closed")
    }

    @Test func serviceAndPaymentAndLateFine() throws {
        var r = try CaseRunner.decidedWithFine()
        #expect(
            article(
                r.refusal("serve", ["serviceMethod": .text("electronic"), "recipient": .text("张三")], on: "2026-10-14"))
                == "行政处罚法 第六十一条第二款")
        let s = try r.take(
            "serve",
            ["serviceMethod": .text("electronic"), "recipient": .text("张三"), "electronicConsent": .bool(true)],
            on: "2026-10-14")
        #expect(s.startedDeadlines.first?.deadline.due == CivilDate(iso: "2026-10-29"))  // 15 calendar days
        // Not closable while unpaid; enforcement only after the due date.
        #expect(
            article(r.refusal("close", ["closingSummary": .text("x")], by: CaseRunner.head, on: "2026-10-20"))
                == "行政处罚法 第六十七条、第七十二条")
        let court: [String: FactValue] = ["enforcementMeasure": .text("清河县人民法院")]
        #expect(
            article(r.refusal("apply_enforcement", court, by: CaseRunner.head, on: "2026-10-29")) == "行政处罚法 第七十二条")
        // 行政强制法 第五十四条: a court application only after a 催告书, served ten working days before.
        #expect(
            article(r.refusal("apply_enforcement", court, by: CaseRunner.head, on: "2026-12-08")) == "行政强制法 第五十四条")
        try r.take("serve_demand", CaseRunner.demand, on: "2026-11-10")
        #expect(r.file.deadline("demand")?.deadline.due == CivilDate(iso: "2026-11-24"))
        // 第五十三条: not while the party may still apply for 复议 (60 days) or sue (six months from service, 2027-04-14).
        #expect(
            article(r.refusal("apply_enforcement", court, by: CaseRunner.head, on: "2026-12-08"))
                == "行政强制法 第五十三条；行政复议法 第二十条；行政诉讼法 第四十六条")
        var courtCase = r
        courtCase.today = CivilDate(iso: "2027-12-31")!
        // …and within three months after: the window closes on 2027-07-14.
        #expect(
            article(courtCase.refusal("apply_enforcement", court, by: CaseRunner.head, on: "2027-07-15"))
                == "行政强制法 第五十三条")
        try courtCase.take("apply_enforcement", court, by: CaseRunner.head, on: "2027-04-15")
        #expect(
            courtCase.file.facts.date("reviewPeriodsEnd") == CivilDate(iso: "2027-04-14")
                && courtCase.file.facts.number("lateFine") == 5_000)
        // Unless the party did apply and the act was upheld: then the periods do not bar the application.
        var upheld = r
        try upheld.take(
            "apply_enforcement",
            court.merging([
                "reviewConcluded": .bool(true), "reviewConcludedDocument": .text("清政复〔2026〕9号"),
            ]) { a, _ in a }, by: CaseRunner.head, on: "2026-12-08")
        #expect(upheld.file.state == "enforcing")
        // 第四十六条: an agency with its own power enforces once 加处罚款 has run more than 30 days (due 10-29 → 11-28).
        #expect(
            article(r.refusal("enforce_directly", CaseRunner.ownEnforcement, by: CaseRunner.head, on: "2026-11-28"))
                == "行政强制法 第四十六条第一款")
        // 40 days late, 10 of them under 复议: 30 × 3% × 5000 = 4500; 100 days would cap at 5000.
        try r.take(
            "enforce_directly", CaseRunner.ownEnforcement.merging(["daysUnderReview": .number(10)]) { a, _ in a },
            by: CaseRunner.head, on: "2026-12-08")
        #expect(r.file.facts.number("lateFine") == 4_500)
        #expect(Penalty.lateFine(fine: 5_000, daysOverdue: 100, daysUnderReview: 0) == 5_000)
        #expect(
            article(
                r.refusal(
                    "record_payment",
                    ["paymentVoucher": .text("V1"), "paidAmount": .number(5_000), "paidOn": .text("2026-12-09")],
                    on: "2026-12-09")) == "行政处罚法 第六十七条、第七十二条")
        try r.take(
            "record_payment",
            ["paymentVoucher": .text("V1"), "paidAmount": .number(9_500), "paidOn": .text("2026-12-09")],
            on: "2026-12-09")
        try r.take("close", ["closingSummary": .text("已执行")], by: CaseRunner.head, on: "2026-12-10")
    }

    @Test func staleVersionOrderAndInputsAreRefused() throws {
        var r = try CaseRunner.investigated()
        let stale = r.file.version - 1
        #expect(throws: DomainError.self) {
            try ProcedureEngine.apply(
                r.def, to: r.file, action: "record_evidence", expectedVersion: stale,
                inputs: Facts(CaseRunner.evidence),
                officers: CaseRunner.pair, actor: CaseRunner.officer, date: CivilDate(iso: "2026-10-11")!,
                today: r.today, calendar: r.calc, settings: r.settings)
        }
        // Out of order: serving before a decision names the step's article; a date before the last step is refused.
        #expect(
            article(r.refusal("serve", ["serviceMethod": .text("direct"), "recipient": .text("张三")], on: "2026-10-11"))
                == "行政处罚法 第六十一条")
        if case .invalid(let f, _)? = r.refusal(
            "record_evidence", CaseRunner.evidence, on: "2026-10-01", officers: CaseRunner.pair)
        {
            #expect(f == "date")
        } else {
            Issue.record("date order")
        }
        if case .invalid(let f, _)? = r.refusal(
            "record_evidence", ["evidenceKind": .text("guess")], on: "2026-10-11", officers: CaseRunner.pair)
        {
            #expect(f == "evidenceKind")
        } else {
            Issue.record("choice")
        }
        if case .invalid(let f, _)? = r.refusal(
            "record_evidence", CaseRunner.evidence.merging(["typo": .text("x")]) { a, _ in a }, on: "2026-10-11",
            officers: CaseRunner.pair)
        {
            #expect(f == "typo")
        } else {
            Issue.record("unknown key")
        }
        let before = r.file
        _ = r.refusal(
            "propose", ["violationFacts": .text("x"), "penaltyBasis": .text("y"), "penaltyKinds": .list(["罚款"])],
            on: "2026-10-12")
        #expect(r.file == before, "a refused step changes nothing")
    }

    @Test func simpleProcedureThresholdsAndCollection() throws {
        var r = CaseRunner(PenaltySimpleProcedure.definition(ProcedureSettings()))
        var i: [String: FactValue] = [
            "powerItemCode": .text("339901-CF-00031"), "partyName": .text("李四"), "partyKind": .text("citizen"),
            "violationFacts": .text("占道经营"),
            "penaltyBasis": .text("《城市市容和环境卫生管理条例》第三十六条"), "penaltyKinds": .list(["罚款"]), "fineAmount": .number(201),
            "formNumber": .text("No.0012345"), "certificateShown": .bool(true), "partySignature": .text("signed"),
            "partyInformed": .bool(true),
            "partyStatement": .text("无异议，放弃陈述申辩"),
        ]
        #expect(article(r.refusal("decide_on_spot", i, on: "2026-11-02", officers: CaseRunner.pair)) == "行政处罚法 第五十一条")
        i["partyKind"] = .text("organisation"); i["fineAmount"] = .number(3_000)
        #expect(r.refusal("decide_on_spot", i, on: "2026-11-02", officers: CaseRunner.pair) == nil)
        var w = CaseRunner(PenaltySimpleProcedure.definition(ProcedureSettings()))
        var revoke = i; revoke["penaltyKinds"] = .list(["吊销许可证件"])
        #expect(
            article(w.refusal("decide_on_spot", revoke, on: "2026-11-02", officers: CaseRunner.pair)) == "行政处罚法 第五十一条")
        // On-the-spot collection of 3,000 yuan only if hard to enforce later (第六十八条).
        #expect(
            article(r.refusal("collect_on_spot", ["receiptNumber": .text("财票001")], on: "2026-11-02"))
                == "行政处罚法 第六十八条、第六十九条")
        let c = try r.take(
            "collect_on_spot", ["receiptNumber": .text("财票001"), "hardToEnforce": .bool(true)], on: "2026-11-02")
        #expect(c.startedDeadlines.first?.deadline.due == CivilDate(iso: "2026-11-04"))  // 2 working days (第七十一条)
        #expect(article(r.refusal("close", by: CaseRunner.head, on: "2026-11-03")) == "行政处罚法 第五十二条第三款")
        try r.take("file_record", ["filingNote": .text("已备案")], on: "2026-11-03")
        #expect(article(r.refusal("close", by: CaseRunner.head, on: "2026-11-03")) == "行政处罚法 第七十一条")
        try r.take("hand_over_cash", ["handoverReceipt": .text("交款单01")], on: "2026-11-03")
        // Handed over once: a second handover is refused (第七十一条).
        #expect(
            article(r.refusal("hand_over_cash", ["handoverReceipt": .text("交款单02")], on: "2026-11-03")) == "行政处罚法 第七十一条"
        )
        try r.take("close", by: CaseRunner.head, on: "2026-11-03")
    }

    @Test func inspectionResults() throws {
        var r = CaseRunner(InspectionProcedure.definition(ProcedureSettings()))
        var i: [String: FactValue] = [
            "inspectionSource": .text("random"), "inspectedObject": .text("清河县某超市"), "objectAddress": .text("城关镇"),
            "checkedItems": .list(["食品经营许可", "进货查验"]), "findings": .text("进货查验记录不全"), "result": .text("rectify"),
            "certificateShown": .bool(true), "partySignature": .text("signed"),
        ]
        #expect(
            article(r.refusal("record_inspection", i, on: "2026-11-02", officers: [CaseRunner.pair[0]]))
                == "行政处罚法 第四十二条、第五十五条")
        #expect(
            article(r.refusal("record_inspection", i, on: "2026-11-02", officers: CaseRunner.pair)) == "行政处罚法 第五十五条")
        i["rectifyBy"] = .text("2026-11-16")
        try r.take("record_inspection", i, on: "2026-11-02", officers: CaseRunner.pair)
        #expect(r.file.deadline("rectification")?.deadline.due == CivilDate(iso: "2026-11-16"))
        #expect(article(r.refusal("close", on: "2026-11-03")) == "行政处罚法 第五十四条")
        #expect(
            article(r.refusal("refer_to_case", ["referralReason": .text("未整改")], on: "2026-11-10")) == "行政处罚法 第五十四条")
        try r.take("refer_to_case", ["referralReason": .text("逾期未整改")], on: "2026-11-17")
        #expect(r.file.state == "referred")
        // Result 立案查处: referral allowed at once; 未发现问题: refused, and the inspection closes instead.
        var found = CaseRunner(InspectionProcedure.definition(ProcedureSettings()))
        var caseResult = i; caseResult["result"] = .text("case"); caseResult["rectifyBy"] = nil
        try found.take("record_inspection", caseResult, on: "2026-11-02", officers: CaseRunner.pair)
        #expect(found.refusal("refer_to_case", ["referralReason": .text("无证经营")], on: "2026-11-02") == nil)
        var clean = CaseRunner(InspectionProcedure.definition(ProcedureSettings()))
        var none = i; none["result"] = .text("none"); none["rectifyBy"] = nil
        try clean.take("record_inspection", none, on: "2026-11-02", officers: CaseRunner.pair)
        #expect(
            article(clean.refusal("refer_to_case", ["referralReason": .text("x")], on: "2026-11-02")) == "行政处罚法 第五十四条")
        #expect(clean.refusal("close", on: "2026-11-02") == nil)
    }

    @Test func availableActionsShowReasons() throws {
        var r = try CaseRunner.investigated()
        try r.propose(fine: 60_000)
        try r.take("notify", ["noticeMethod": .text("direct")], on: "2026-10-12")
        let open = ProcedureEngine.available(
            r.def, file: r.file, actor: CaseRunner.officer, today: CivilDate(iso: "2026-10-13")!, calendar: r.calc,
            settings: r.settings)
        #expect(open.first { $0.action.id == "request_hearing" }?.refusal == nil)
        if case .forbidden? = open.first(where: { $0.action.id == "decide" })?.refusal {
        } else {
            Issue.record("decide is for the head")
        }
        let headView = ProcedureEngine.available(
            r.def, file: r.file, actor: CaseRunner.head, today: CivilDate(iso: "2026-10-13")!, calendar: r.calc,
            settings: r.settings)
        // For the head the decision form is open (gates that read the form's own inputs are checked on submission);
        // a step of another role is listed with the reason.
        #expect(headView.first { $0.action.id == "decide" }?.refusal == nil)
        #expect(article(headView.first { $0.action.id == "record_statement" }?.refusal) == "行政处罚法 第四十五条")
    }
}

@Suite("文书 from case data")
struct CaseDocumentTests {
    @Test func decisionHasTheSixItemsOfArticle59AndOpensAsDocx() throws {
        let r = try CaseRunner.decidedWithFine()
        let ctx = DocumentContext(
            bodyName: "清河县市场监督管理局", caseNumber: "清市监立〔2026〕7号", reconsiderationBody: "清河县人民政府", court: "清河县人民法院")
        let text = CaseDocuments.text(.penaltyDecision, file: r.file, step: nil, context: ctx)
        #expect(text.fileName == "行政处罚决定书-清市监罚〔2026〕12号")
        let data = try DocxWriter.write(
            WordDocument(
                text.blocks.map { b -> WordDocument.Block in
                    switch b {
                    case .title(let s): .title(s);
                    case .centered(let s): .centered(s);
                    case .heading(let s): .heading(s);
                    case .paragraph(let s): .paragraph(s)
                    case .field(let l, let v): .field(l, v);
                    case .table(let t): .table(t);
                    case .signature(let l): .signature(l);
                    case .seal(let s): .seal(s)
                    }
                }))
        let body = try DocxReader.text(data)
        for needle in [
            "行政处罚决定书", "清市监罚〔2026〕12号", "一、当事人", "张三", "清河县城关镇", "二、违法事实和证据", "三、行政处罚的种类和依据", "罚款人民币5,000元",
            "四、履行方式和期限", "十五日内", "五、申请行政复议或者提起行政诉讼的途径和期限", "清河县人民政府", "六、作出决定的行政机关和日期",
            "清河县市场监督管理局", "2026年10月13日", "（印章）",
        ] {
            #expect(body.contains(needle), "missing \(needle)")
        }
        // The prior notice tells the rights and the statement deadline; no hearing right for 5,000 yuan.
        let notice = CaseDocuments.text(.priorNotice, file: r.file, step: nil, context: ctx)
        let all = notice.blocks.map { "\($0)" }.joined()
        #expect(all.contains("陈述和申辩") && !all.contains("要求举行听证") && all.contains("2026年10月19日"))
    }
}

/// The gates the journeys above do not reach: each allowed once and refused once, with its article.
@Suite("Remaining gates, both ways")
struct RemainingGateTests {
    @Test func extensionCollectiveDiscussionAndKinds() throws {
        var r = try CaseRunner.investigated()
        #expect(
            article(
                r.refusal(
                    "extend_decision_period",
                    ["extendedDays": .number(0), "extensionBasis": .text("x"), "approvalDocument": .text("y")],
                    by: CaseRunner.head, on: "2026-10-11")) == "行政处罚法 第六十条；上限为本地设置")
        let t = try r.take(
            "extend_decision_period",
            [
                "extendedDays": .number(30), "extensionBasis": .text("《市场监督管理行政处罚程序规定》第六十四条"),
                "approvalDocument": .text("延期审批表"),
            ], by: CaseRunner.head, on: "2026-10-11")
        // 120 days from 2026-10-09 is Sat 02-06 → Mon 02-08
        #expect(t.startedDeadlines.first?.deadline.due == CivilDate(iso: "2027-02-08"))
        try r.propose(fine: 60_000, extra: ["seriousViolation": .bool(true)])
        #expect(
            article(
                r.refusal(
                    "collective_discussion",
                    [
                        "meetingParticipants": .list(["王局长", "李副局长"]), "meetingOpinions": .text("同意"),
                        "meetingConclusion": .text("处罚"),
                    ], by: CaseRunner.head, on: "2026-10-12")) == "行政处罚法 第五十七条第二款；人数为本地设置")
        try r.take("notify", ["noticeMethod": .text("direct")], on: "2026-10-12")
        try r.take("waive", ["waiverDocument": .text("放弃")], on: "2026-10-13")
        #expect(
            article(r.refusal("decide", CaseRunner.decision, by: CaseRunner.head, on: "2026-10-14")) == "行政处罚法 第五十七条第二款"
        )
        try r.take(
            "collective_discussion",
            [
                "meetingParticipants": .list(["王局长", "李副局长", "张副局长"]), "meetingOpinions": .text("同意"),
                "meetingConclusion": .text("处罚"),
            ], by: CaseRunner.head, on: "2026-10-14")
        var bad = CaseRunner.decision; bad["penaltyKinds"] = .list(["罚款", "训诫"])
        #expect(article(r.refusal("decide", bad, by: CaseRunner.head, on: "2026-10-14")) == "行政处罚法 第九条")
        #expect(r.refusal("decide", CaseRunner.decision, by: CaseRunner.head, on: "2026-10-14") == nil)
    }

    @Test func deferralPublicationChangeAndTransferReturn() throws {
        var r = try CaseRunner.decidedWithFine()
        try r.take("serve", ["serviceMethod": .text("direct"), "recipient": .text("张三")], on: "2026-10-14")
        #expect(
            article(
                r.refusal(
                    "approve_deferral", ["deferredUntil": .text("2026-10-20"), "hardshipReason": .text("经营困难")],
                    by: CaseRunner.head, on: "2026-10-15")) == "行政处罚法 第六十六条第二款")
        let d = try r.take(
            "approve_deferral", ["deferredUntil": .text("2026-12-15"), "hardshipReason": .text("经营困难")],
            by: CaseRunner.head, on: "2026-10-15")
        #expect(d.startedDeadlines.first?.deadline.due == CivilDate(iso: "2026-12-15"))
        try r.take("publish", on: "2026-10-16")
        #expect(article(r.refusal("publish", on: "2026-10-16")) == "行政处罚法 第四十八条")
        #expect(
            article(
                r.refusal(
                    "record_change",
                    [
                        "changeKind": .text("revoked"), "changeDocument": .text("清政复〔2026〕9号"),
                        "changedOn": .text("2026-10-20"),
                    ], by: CaseRunner.head, on: "2026-10-19")) == "行政处罚法 第四十八条第二款")

        var t = try CaseRunner.investigated()
        try t.take(
            "transfer",
            ["receivingOrgan": .text("清河县公安局"), "transferNumber": .text("移〔2026〕2号"), "transferReason": .text("涉嫌犯罪")],
            by: CaseRunner.head, on: "2026-10-11")
        try t.take("transfer_returned", ["returnReason": .text("不予立案，清公不立〔2026〕3号")], on: "2026-10-20")
        #expect(
            t.file.state == "investigating" && !t.file.facts.flag("suspectedCrime")
                && t.file.deadline("decision")?.isRunning == true)
    }

    @Test func simplePaymentAndInspectionRecheck() throws {
        var r = CaseRunner(PenaltySimpleProcedure.definition(ProcedureSettings()))
        try r.take(
            "decide_on_spot",
            [
                "powerItemCode": .text("339901-CF-00031"), "partyName": .text("李四"), "partyKind": .text("citizen"),
                "violationFacts": .text("占道经营"),
                "penaltyBasis": .text("条例"), "penaltyKinds": .list(["罚款"]), "fineAmount": .number(150),
                "formNumber": .text("No.1"),
                "certificateShown": .bool(true), "partySignature": .text("signed"), "partyInformed": .bool(true),
                "partyStatement": .text("无异议，放弃陈述申辩"),
            ], on: "2026-11-02", officers: CaseRunner.pair)
        #expect(
            article(
                r.refusal(
                    "record_payment",
                    ["paymentVoucher": .text("V"), "paidAmount": .number(100), "paidOn": .text("2026-11-03")],
                    on: "2026-11-03")) == "行政处罚法 第六十七条")
        #expect(article(r.refusal("close", by: CaseRunner.head, on: "2026-11-03")) == "行政处罚法 第五十二条第三款")
        try r.take(
            "record_payment",
            ["paymentVoucher": .text("V"), "paidAmount": .number(150), "paidOn": .text("2026-11-03")], on: "2026-11-03")

        var i = CaseRunner(InspectionProcedure.definition(ProcedureSettings()))
        try i.take(
            "record_inspection",
            [
                "inspectionSource": .text("routine"), "inspectedObject": .text("某餐馆"), "objectAddress": .text("城关镇"),
                "checkedItems": .list(["健康证明"]),
                "findings": .text("未发现问题"), "result": .text("none"), "certificateShown": .bool(true),
                "partySignature": .text("signed"),
            ], on: "2026-11-02", officers: CaseRunner.pair)
        #expect(
            article(
                i.refusal(
                    "confirm_rectification", ["recheckFindings": .text("x")], on: "2026-11-03",
                    officers: CaseRunner.pair)) == "行政处罚法 第二十八条")
        try i.take("close", on: "2026-11-03")
        #expect(i.file.state == "closed")
    }
}

/// 事后公示 by the local rule (第四十八条第一款; FAZHI_PUBLICATION_RULE): a decision outside it starts no publication
/// deadline and cannot be published; one inside it can.
struct PublicationRuleTests {
    @Test func ruleFromSetting() {
        #expect(
            PublicationRule(setting: "all") == .everyPenalty && PublicationRule(setting: "hearing") == .hearingRightOnly
        )
        #expect(
            PublicationRule(setting: "fine:10000") == .fineAtLeast(10_000) && PublicationRule(setting: "fine:x") == nil
                && PublicationRule(setting: "some") == nil)
        #expect(PublicationRule.fineAtLeast(10_000).covers(kinds: ["罚款"], fine: 5_000, hearingRight: false) == false)
        #expect(PublicationRule.fineAtLeast(10_000).covers(kinds: ["罚款", "没收违法所得"], fine: 5_000, hearingRight: false))
        #expect(PublicationRule.hearingRightOnly.covers(kinds: ["罚款"], fine: 200_000, hearingRight: true))
    }

    @Test func decisionOutsideTheRuleIsNotPublished() throws {
        var settings = ProcedureSettings(); settings.publicationRule = .fineAtLeast(10_000)
        var small = try CaseRunner.investigated()
        small.settings = settings
        try small.propose(fine: 5_000)
        try small.take("notify", ["noticeMethod": .text("direct")], on: "2026-10-12")
        try small.take("waive", ["waiverDocument": .text("放弃")], on: "2026-10-12")
        var d = CaseRunner.decision; d["fineAmount"] = .number(5_000)
        let t = try small.take("decide", d, by: CaseRunner.head, on: "2026-10-13")
        #expect(!t.startedDeadlines.contains { $0.key == "publication" })
        #expect(article(small.refusal("publish", on: "2026-10-14")) == "行政处罚法 第四十八条第一款")
        // The default rule: the same decision is published.
        var every = try CaseRunner.decidedWithFine()
        #expect(every.file.deadline("publication")?.isRunning == true)
        #expect(every.refusal("publish", on: "2026-10-14") == nil)
    }
}
