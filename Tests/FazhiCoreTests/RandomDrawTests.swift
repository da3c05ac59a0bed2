import FazhiCore
import Foundation
import Testing

/// The 双随机 draw (`RandomDraw`): the same inputs and revealed value give the same targets and inspectors; any change
/// of an input or of the value changes the result; quotas per stratum, ≥ 2 inspectors, 回避 kept; the reference script
/// published on the portal is the one in the repository.
@Suite("双随机 draw")
struct RandomDrawTests {
    static func inputs(targets n: Int = 200, task: String = "T1", exclusions: [[String]] = []) -> RandomDraw.Inputs {
        RandomDraw.Inputs(
            task: task, targets: (0..<n).map { .init(id: "9133\($0)", stratum: ["A", "B", "C"][$0 % 3]) },
            inspectors: (0..<12).map { "Z\($0)" }, exclusions: exclusions, quotas: ["A": 5, "B": 3, "C": 0],
            perTarget: 2)
    }

    @Test func theSameInputsDrawTheSameAndAnyChangeChangesIt() throws {
        let a = try RandomDraw.draw(Self.inputs(), revealed: "4817")
        #expect(a == (try RandomDraw.draw(Self.inputs(), revealed: "4817")))
        #expect(a.count == 8 && a.filter { $0.stratum == "A" }.count == 5 && a.filter { $0.stratum == "C" }.isEmpty)
        #expect(a.allSatisfy { $0.inspectors.count == 2 && Set($0.inspectors).count == 2 })
        #expect(a != (try RandomDraw.draw(Self.inputs(), revealed: "4818")), "another revealed value")
        #expect(a != (try RandomDraw.draw(Self.inputs(task: "T2"), revealed: "4817")), "another task")
        #expect(a != (try RandomDraw.draw(Self.inputs(targets: 199), revealed: "4817")), "one target fewer")
        #expect(Self.inputs().hash != Self.inputs(targets: 199).hash)
        // The order the lists were given in does not matter: they are sorted before hashing.
        let shuffled = RandomDraw.Inputs(
            task: "T1", targets: Self.inputs().targets.reversed(), inspectors: Self.inputs().inspectors.reversed(),
            exclusions: [], quotas: ["A": 5, "B": 3, "C": 0], perTarget: 2)
        let again = try RandomDraw.draw(shuffled, revealed: "4817")
        #expect(shuffled.hash == Self.inputs().hash && again == a)
    }

    @Test func anExcludedInspectorIsNeverAssignedToThatTarget() throws {
        let first = try RandomDraw.draw(Self.inputs(), revealed: "x")
        let t = try #require(first.first)
        let excluded = Self.inputs(exclusions: t.inspectors.map { [$0, t.target] })
        let again = try RandomDraw.draw(excluded, revealed: "x")
        let pairs = Set(excluded.exclusions.map { $0.joined(separator: "|") })
        #expect(
            !pairs.isEmpty && again.allSatisfy { d in d.inspectors.allSatisfy { !pairs.contains("\($0)|\(d.target)") } }
        )
        // Too few left after 回避: refused, not assigned one.
        let few = RandomDraw.Inputs(
            task: "T", targets: [.init(id: "X", stratum: "A")], inspectors: ["Z1", "Z2"], exclusions: [["Z1", "X"]],
            quotas: ["A": 1], perTarget: 2)
        #expect(throws: RandomDraw.Problem.notEnoughInspectors(target: "X")) { try RandomDraw.draw(few, revealed: "1") }
        // An id that would break the canonical text is refused.
        let bad = RandomDraw.Inputs(
            task: "T", targets: [.init(id: "A|B", stratum: "A")], inspectors: ["Z1", "Z2"], exclusions: [],
            quotas: ["A": 1], perTarget: 2)
        #expect(throws: RandomDraw.Problem.self) { try RandomDraw.draw(bad, revealed: "1") }
    }

    @Test func quotasRoundUp() {
        #expect(DrawTask.quotas(counts: ["A": 45, "B": 1, "C": 0], ratio: 10) == ["A": 5, "B": 1, "C": 0])
    }

    @Test func thePublishedScriptIsTheRepositorysScript() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let script = try String(contentsOf: root.appendingPathComponent("scripts/draw-verify.py"), encoding: .utf8)
        #expect(
            script.trimmingCharacters(in: .newlines) == RandomDraw.referenceScript.trimmingCharacters(in: .newlines))
    }
}

/// 法治督察's sample of units: the same inputs and value give the same units; another value, others.
@Suite struct RandomSampleTests {
    @Test func sampleIsReproducible() throws {
        let units = (1...30).map { RandomDraw.Target(id: "unit-\($0)", stratum: "单位") }
        let inputs = RandomDraw.Inputs(
            task: "法治督察2026", targets: units, inspectors: [], exclusions: [], quotas: ["单位": 4], perTarget: 0)
        let a = try RandomDraw.sample(inputs, revealed: "12345"), b = try RandomDraw.sample(inputs, revealed: "12345")
        #expect(a == b && a.count == 4)
        #expect(try RandomDraw.sample(inputs, revealed: "54321") != a)
        let withInspectors = RandomDraw.Inputs(
            task: "x", targets: units, inspectors: ["i"], exclusions: [], quotas: ["单位": 1], perTarget: 0)
        #expect(throws: RandomDraw.Problem.self) { try RandomDraw.sample(withInspectors, revealed: "1") }
    }
}
