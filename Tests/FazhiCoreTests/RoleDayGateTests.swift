import FazhiCore
import Foundation
import Testing

/// The gates a user trial found open: each refuses what it must and allows what it may.
@Suite("行政处罚: gates found in the role-day trial")
struct RoleDayGateTests {
    /// 第十八条第三款: 行政拘留 only by a 公安机关.
    @Test func detentionOnlyByPublicSecurity() throws {
        var r = try CaseRunner.investigated()
        #expect(throws: DomainError.self) { try r.propose(fine: 500, kinds: ["罚款", "行政拘留"]) }
        #expect(
            article(
                r.refusal(
                    "propose",
                    ["violationFacts": .text("x"), "penaltyBasis": .text("y"), "penaltyKinds": .list(["行政拘留"])],
                    on: "2026-10-12")) == "行政处罚法 第十八条第三款")
        r.external[RegistryFacts.bodyIsPublicSecurity] = .bool(true)
        try r.propose(fine: 500, kinds: ["罚款", "行政拘留"])
        #expect(r.file.state == "proposed")
    }

    /// 民事诉讼法 第八十七条: a notice cannot be signed for before the proposal it tells of.
    @Test func noticeSignedBeforeTheProposalIsRefused() throws {
        var r = try CaseRunner.investigated()
        try r.propose(fine: 5_000)
        let early = r.refusal(
            "notify", ["noticeMethod": .text("direct"), "signedOn": .text("2026-10-01")], on: "2026-10-13")
        #expect(article(early) == "民事诉讼法 第八十七条")
        try r.take("notify", ["noticeMethod": .text("direct"), "signedOn": .text("2026-10-12")], on: "2026-10-13")
        #expect(r.file.state == "notified")
    }

    /// 第五十四条第一款: no proposal before any evidence is taken.
    @Test func noProposalWithoutEvidence() throws {
        var r = CaseRunner(PenaltyOrdinaryProcedure.definition(ProcedureSettings()))
        try r.take("file_case", CaseRunner.filing, by: CaseRunner.head, on: "2026-10-09")
        #expect(throws: DomainError.self) { try r.propose(fine: 5_000) }
        try r.take("record_evidence", CaseRunner.evidence, on: "2026-10-10", officers: CaseRunner.pair)
        try r.propose(fine: 5_000)
    }

    /// 第五十四条: the head may decline a clue; it closes without a 立案号, and only the head may.
    @Test func theHeadDeclinesAClue() throws {
        var r = CaseRunner(PenaltyOrdinaryProcedure.definition(ProcedureSettings()))
        let byOfficer = r.refusal("decline_filing", ["declineReason": .text("不属于本机关管辖")], on: "2026-10-09")
        #expect(article(byOfficer) == "行政处罚法 第五十四条")
        try r.take("decline_filing", ["declineReason": .text("不属于本机关管辖")], by: CaseRunner.head, on: "2026-10-09")
        #expect(r.file.state == "closed")
    }
}
