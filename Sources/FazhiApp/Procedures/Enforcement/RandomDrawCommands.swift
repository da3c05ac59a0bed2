import FazhiCore
import FazhiStore
import Vapor

/// `fazhi draw verify TASK`: re-runs a task's draw from its published inputs and says whether the hash of the inputs and
/// the result are what was published (exit status 1 if not).
struct DrawVerifyCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "task", help: "抽查任务编号（UUID）") var task: String
    }
    var help: String { "按公布的输入重新计算哈希并重新抽取，核对是否与公布的结果一致" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await openStore(app)
        guard let id = UUID(uuidString: signature.task), try await RandomDraws.task(id, on: app.db) != nil else {
            throw CommandFailure("没有该抽查任务：\(signature.task)")
        }
        let (hash, result) = try await RandomDraws.verify(id, on: app.db)
        context.console.print("输入哈希：\(hash ? "一致" : "不一致")")
        context.console.print("抽取结果：\(result.map { $0 ? "一致" : "不一致" } ?? "尚未抽取")")
        if !hash || result == false { throw CommandFailure("核对未通过：与公布的输入或者结果不一致") }
    }
}

/// `fazhi bench draw`: a draw over 1,000,000 targets in three strata and 5,000 inspectors (goal ≤ 2 s), with the hash
/// of the inputs, timed apart.
struct DrawBench: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "targets", help: "检查对象数（默认 1000000）") var targets: Int?
        @Option(name: "inspectors", help: "检查人员数（默认 5000）") var inspectors: Int?
        @Option(name: "ratio", help: "抽查比例%（默认 5）") var ratio: Double?
    }
    var help: String { "双随机：100万检查对象、5000名检查人员的一次抽取" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let n = signature.targets ?? 1_000_000, m = signature.inspectors ?? 5_000, ratio = signature.ratio ?? 5
        let grades = ["A", "B", "C"]
        let targets = (0..<n).map {
            RandomDraw.Target(id: String(format: "91330000%010d", $0), stratum: grades[$0 % 3])
        }
        let inspectors = (0..<m).map { String(format: "33000%07d", $0) }
        let counts = Dictionary(grouping: targets, by: \.stratum).mapValues(\.count)
        let inputs = RandomDraw.Inputs(
            task: "bench", targets: targets, inspectors: inspectors, exclusions: [[inspectors[0], targets[0].id]],
            quotas: DrawTask.quotas(counts: counts, ratio: ratio), perTarget: 2)
        var hash = ""
        let hashing = try await seconds { hash = inputs.hash }
        var drawn: [RandomDraw.Drawn] = []
        let drawing = try await seconds { drawn = try RandomDraw.draw(inputs, revealed: "20261130") }
        let raw = try await seconds { _ = RandomDraw.sha256Hex(inputs.canonicalText) }
        context.console.print(
            "bench machine \(ProcessInfo.processInfo.activeProcessorCount) cores; \(n) targets, \(m) inspectors, ratio \(ratio)%"
        )
        context.console.print("inputs hash \(hash.prefix(16))…: \(String(format: "%.3f", hashing)) s")
        context.console.print(
            "draw (hash, ranks, \(drawn.count) targets, \(drawn.count * 2) assignments): \(String(format: "%.3f", drawing)) s (goal ≤ 2 s)"
        )
        context.console.print("raw SHA-256 of the canonical text alone: \(String(format: "%.3f", raw)) s")
    }
}
