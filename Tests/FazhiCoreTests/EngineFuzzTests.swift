import FazhiCore
import Foundation
import Testing

/// Issue 14: values from outside at their extremes — empty, huge, NaN, infinite, negative, far dates, control and
/// bidirectional characters, wrong types — sent to every step of every procedure, in every state a case really
/// reaches. Each answer is the changed case or a `DomainError`; nothing traps (a trap would kill this test process, as
/// it once killed the server).
@Suite("Engine fuzz: every step, every input, extreme values")
struct EngineFuzzTests {
    static let extremes: [FactValue] = [
        .text(""), .text("   "), .text(String(repeating: "长", count: 20_000)), .text("9999-12-31"), .text("0001-01-01"),
        .text("2026-02-30"), .text("NaN"), .text("inf"), .text("-1"), .text("1e308"), .text("1e-300"), .text("0.001"),
        .text("1,000,000,000,000,000"), .text("🙂\u{202E}abc"), .text("a\u{0}b"), .text("<script>x</script>"),
        .number(.nan), .number(.infinity), .number(-.infinity), .number(-1), .number(1e308), .number(9.3e18),
        .number(0.001), .bool(true), .list([]), .list(Array(repeating: "某", count: 2_000)), .list(["", " "]),
        .date(CivilDate(year: 9999, month: 12, day: 31)!), .date(CivilDate(year: 1, month: 1, day: 1)!),
    ]

    /// Holds every role, a legal qualification and an officer id: the gates, not the role check, decide.
    static let anyone = ProcedureActor(
        id: UUID(), name: "全能测试", roles: Set(Role.allCases), officerID: CaseRunner.pair[0].id,
        hasLegalQualification: true, hasReviewedBefore: true)

    /// Values a real case would give where the kind alone does not (a penalty kind of 第九条, a fine within 简易程序's
    /// limit, two different parties), so the walk gets past the first steps.
    static let hints: [String: FactValue] = [
        "penaltyKinds": .list(["警告"]), "fineAmount": .number(50), "partyKind": .text("citizen"),
        "reportYear": .number(2025),
        "partySignature": .text("signed"), "outcome": .text("no_penalty"), "track": .text("ordinary"),
        "committeeMembers": .list([]), "judgment": .text("reject_claims"), "instance": .text("first"),
        "appellant": .text("plaintiff"), "recusalGranted": .bool(false), "channel": .text("in_person"),
        "notToldOfRights": .bool(false), "realProperty": .bool(false), "violationContinuing": .bool(false),
        "lifeHealthOrFinance": .bool(false), "thirdPartyEvidence": .bool(false), "reviewConcluded": .bool(false),
        "applicantPhone": .text("13812345678"), "applicantIDNumber": .text("11010519491231002X"),
        "applicantEmail": .text("a@example.cn"), "catalogueItem": .text(""), "catalogueYear": .number(2026),
        "items": .list(["事项甲｜某局", "事项乙｜某局"]), "relatedCase": .text(""),
    ]

    static func plausible(_ f: InputField, _ date: CivilDate) -> FactValue {
        if let hint = hints[f.key] { return hint }
        return switch f.kind {
        case .text: .text("测试内容")
        case .number, .amount: .number(100)
        case .date: .date(date)
        case .bool: .bool(true)
        case .list: .list(["甲某", "乙某", "丙某"])
        case .choice(let c): .text(c.first?.value ?? "")
        }
    }

    static func inputs(_ a: ActionDefinition, _ date: CivilDate) -> [String: FactValue] {
        // An optional number that names another record (a decision in Fazhi) is left out: no record holds a made-up one.
        let named = Set(
            a.lookups.compactMap { l -> String? in
                if case .caseByDecisionNumber(let input, _) = l { return input }
                return nil
            })
        return Dictionary(
            uniqueKeysWithValues: a.inputs.filter { !$0.systemOnly && ($0.required || !named.contains($0.key)) }.map {
                ($0.key, plausible($0, date))
            })
    }

    /// Every step open in the state, each input replaced in turn by each extreme; returns how many were tried.
    static func fuzzState(_ r: CaseRunner, on date: CivilDate) -> Int {
        var tried = 0
        for action in r.def.actions where action.from.contains(r.file.state) {
            let base = inputs(action, date)
            for field in action.inputs where !field.systemOnly {
                for value in extremes {
                    var copy = r
                    var i = base
                    i[field.key] = value
                    _ = copy.refusal(action.id, i, by: anyone, on: date.description, officers: CaseRunner.pair)
                    tried += 1
                }
            }
            // And a step given nothing at all, and keys it does not know.
            var empty = r
            _ = empty.refusal(action.id, [:], by: anyone, on: date.description)
            var unknown = r
            _ = unknown.refusal(action.id, ["未知字段": .text("x")], by: anyone, on: date.description)
            tried += 2
        }
        return tried
    }

    /// Walks a case of the procedure from its first state, fuzzing each state it reaches, advancing by the first step
    /// (in a seeded order) that plausible inputs let through, preferring steps that move the case on.
    static func walk(_ def: ProcedureDefinition, seed: UInt64) -> (states: Set<String>, tried: Int) {
        var rng = SeededGenerator(seed: seed)
        var r = CaseRunner(def)
        r.today = CivilDate(iso: "2026-12-31")!
        // A snapshot the module would have stored for the step that freezes it (the 年度报告's).
        r.external["snapshot"] = .text(String(repeating: "a", count: 64))
        var date = CivilDate(iso: "2026-01-05")!
        var seen: Set<String> = [], tried = 0
        for _ in 0..<25 {
            seen.insert(r.file.state)
            tried += fuzzState(r, on: date)
            let open = def.actions.filter { $0.from.contains(r.file.state) }.shuffled(using: &rng)
            let ordered =
                open.filter { $0.to != nil && $0.to != r.file.state && def.state($0.to!)?.terminal != true }
                + open.filter { $0.to == nil || $0.to == r.file.state }
                + open.filter { def.state($0.to ?? "")?.terminal == true }
            var moved = false
            for a in ordered {
                var next = r
                if next.refusal(a.id, inputs(a, date), by: anyone, on: date.description, officers: CaseRunner.pair)
                    == nil
                {
                    r = next
                    moved = true
                    break
                }
            }
            if !moved || def.state(r.file.state)?.terminal == true { break }
            date = date.adding(days: 9)
            if date > r.today { break }
        }
        seen.insert(r.file.state)
        return (seen, tried)
    }

    @Test(arguments: ProcedureCatalog.standard.currentDefinitions.map(\.id))
    func extremeValuesNeverTrap(_ procedure: String) throws {
        let def = try #require(ProcedureCatalog.standard.current(procedure))
        var states: Set<String> = [], tried = 0
        for seed in [1, 2, 3] as [UInt64] {
            let w = Self.walk(def, seed: seed)
            states.formUnion(w.states)
            tried += w.tried
        }
        // The walk reaches past the first state, so the gates and effects of later steps are fuzzed too.
        #expect(states.count >= 2, "\(procedure) reached \(states.sorted())")
        #expect(tried > 100)
    }
}

extension EngineFuzzTests {
    /// Money is counted in 分 (issue 14): 0.001 元 and 1.2×10²⁹ 元 are refused with the field; 3,000.50 元 passes.
    @Test func amountsAreCountedInFen() throws {
        var r = try CaseRunner.investigated()
        for bad: FactValue in [.number(0.001), .number(1.2e29), .text("12.345"), .number(.nan)] {
            let e = r.refusal(
                "propose",
                [
                    "violationFacts": .text("x"), "penaltyBasis": .text("y"), "penaltyKinds": .list(["罚款"]),
                    "fineAmount": bad,
                ], on: "2026-10-12")
            #expect(e?.field == "fineAmount", "\(bad): \(String(describing: e))")
        }
        try r.propose(fine: 3_000.5, extra: ["illegalGains": .text("1,000.00")])
        #expect(r.file.facts.number("proposedFine") == 3_000.5)
    }

    /// The states the random walk rarely reaches — a penalty served and unpaid, under 催告, in enforcement; a 复议
    /// decided and served — reached by the journeys of the other tests, then fuzzed.
    @Test func laterStatesOfTheLongJourneys() throws {
        var tried = 0
        var penalty = try CaseRunner.decidedWithFine()
        tried += Self.fuzzState(penalty, on: CivilDate(iso: "2026-10-14")!)
        try penalty.take("serve", ["serviceMethod": .text("direct"), "recipient": .text("张三")], on: "2026-10-14")
        tried += Self.fuzzState(penalty, on: CivilDate(iso: "2026-11-10")!)
        try penalty.take("serve_demand", CaseRunner.demand, on: "2026-11-10")
        tried += Self.fuzzState(penalty, on: CivilDate(iso: "2026-12-08")!)
        try penalty.take("enforce_directly", CaseRunner.ownEnforcement, by: CaseRunner.head, on: "2026-12-08")
        tried += Self.fuzzState(penalty, on: CivilDate(iso: "2026-12-09")!)

        var review = try LawReadingTests.accepted()
        try review.take(
            "send_copy", ["copyReceivedOn": .text("2026-04-03")], by: LawReadingTests.staff, on: "2026-04-03")
        try review.take(
            "record_answer", ["answerSummary": .text("答复"), "evidenceProduced": .bool(true)], by: LawReadingTests.staff,
            on: "2026-04-08")
        try review.take("hear_parties", LawReadingTests.heard, by: LawReadingTests.staff, on: "2026-04-10")
        tried += Self.fuzzState(review, on: CivilDate(iso: "2026-04-20")!)
        try review.take("decide", LawReadingTests.uphold, by: LawReadingTests.staff, on: "2026-04-30")
        tried += Self.fuzzState(review, on: CivilDate(iso: "2026-05-06")!)
        try review.take(
            "serve", ["serviceMethod": .text("direct"), "recipient": .text("李某")], by: LawReadingTests.staff,
            on: "2026-05-06")
        tried += Self.fuzzState(review, on: CivilDate(iso: "2026-05-20")!)
        #expect(tried > 1_000)
    }
}

/// A small deterministic generator (SplitMix64), so a failing walk can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
