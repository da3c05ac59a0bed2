import Crypto
import Foundation

/// 双随机 (优化营商环境条例 第五十四条; 国办发〔2015〕58号): the draw of targets and inspectors that anyone can re-run.
///
/// Before the draw the task's inputs are frozen and published — the candidate targets with their stratum, the eligible
/// inspectors, the 回避 exclusions, the quota of each stratum, the inspectors per target — with the SHA-256 of their
/// canonical text (`canonicalText`), together with a commitment to a random value that does not exist yet (a value
/// revealed at the public draw session, a named future lottery result). The draw then reads:
///
///     seed      = SHA-256(inputsHash ‖ "\n" ‖ revealed ‖ "\n" ‖ taskID)        (inputsHash in lowercase hex)
///     rank(t)   = SHA-256(seed ‖ t.id)                                          (per target; bytes compared)
///     drawn     = per stratum, the `quota` targets of lowest rank
///     pick(t,j) = inspectors[ first 8 bytes of SHA-256(seed ‖ t.id ‖ "|" ‖ j) as a big-endian number mod count ]
///     assigned  = per drawn target (in rank order), pick(t,0), pick(t,1), … skipping an inspector excluded for it or
///                 already picked, until `perTarget` are picked                 (inspectors sorted by their UTF-8 bytes)
///
/// A joint task (部门联合抽查) draws each department's inspectors from its own officers (`fazhi-draw-v2`): every inspector
/// carries a group (the department), the inspector lines read `inspector|id|group`, and per drawn target each group in
/// turn (sorted by its UTF-8 bytes) gives `perTarget` of its own, picked as above from the group's sorted list with
/// `pick(t,g,j)` over SHA-256(seed ‖ t.id ‖ "|" ‖ g ‖ "|" ‖ j).
///
/// `scripts/draw-verify.py` (also on the portal) is the same in thirty lines of Python.
public enum RandomDraw {
    public static let algorithm = "fazhi-draw-v1"
    /// The joint draw: inspectors picked per department.
    public static let jointAlgorithm = "fazhi-draw-v2"

    public struct Target: Sendable, Codable, Equatable {
        /// 统一社会信用代码 (or another public code of the target).
        public let id: String
        /// The stratum it is drawn in (a risk grade, an area).
        public let stratum: String
        public init(id: String, stratum: String) { self.id = id; self.stratum = stratum }
    }

    /// What the draw is run on, frozen before the random value exists.
    public struct Inputs: Sendable, Codable, Equatable {
        public let task: String
        public let targets: [Target]
        /// Inspectors by public id (执法证号).
        public let inspectors: [String]
        /// 回避: pairs `[inspector, target]` that may not be assigned together.
        public let exclusions: [[String]]
        /// How many targets each stratum gives.
        public let quotas: [String: Int]
        public let perTarget: Int
        /// A joint draw's department of each inspector (empty: one body's draw, `fazhi-draw-v1`).
        public let groups: [String: String]

        public init(
            task: String, targets: [Target], inspectors: [String], exclusions: [[String]], quotas: [String: Int],
            perTarget: Int, groups: [String: String] = [:]
        ) {
            self.task = task; self.targets = targets.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
            self.inspectors = inspectors.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            self.exclusions = exclusions.sorted {
                ($0.joined(separator: "|")).utf8.lexicographicallyPrecedes($1.joined(separator: "|").utf8)
            }
            self.quotas = quotas; self.perTarget = perTarget; self.groups = groups
        }

        public var algorithm: String { groups.isEmpty ? RandomDraw.algorithm : RandomDraw.jointAlgorithm }

        enum CodingKeys: String, CodingKey { case task, targets, inspectors, exclusions, quotas, perTarget, groups }

        /// Inputs kept before joint draws existed (a 案卷评查 campaign's) have no `groups`.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                task: try c.decode(String.self, forKey: .task), targets: try c.decode([Target].self, forKey: .targets),
                inspectors: try c.decode([String].self, forKey: .inspectors),
                exclusions: try c.decode([[String]].self, forKey: .exclusions),
                quotas: try c.decode([String: Int].self, forKey: .quotas),
                perTarget: try c.decode(Int.self, forKey: .perTarget),
                groups: try c.decodeIfPresent([String: String].self, forKey: .groups) ?? [:])
        }

        /// The departments of a joint draw with their inspectors, each list sorted by UTF-8 bytes, in group order.
        var pools: [(group: String, inspectors: [String])] {
            guard !groups.isEmpty else { return [("", inspectors)] }
            return Dictionary(grouping: inspectors, by: { groups[$0] ?? "" })
                .sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { ($0.key, $0.value) }
        }

        /// The canonical text the published hash is over: the algorithm, the task, then each list sorted by its UTF-8
        /// bytes, one item a line, fields separated by `|`.
        public var canonicalText: String {
            var out = "\(algorithm)\ntask|\(task)\nper-target|\(perTarget)\n"
            out.reserveCapacity(64 + targets.count * 28 + inspectors.count * 20)
            for (s, n) in quotas.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                out += "quota|\(s)|\(n)\n"
            }
            for t in targets { out += "target|\(t.id)|\(t.stratum)\n" }
            for i in inspectors { out += groups.isEmpty ? "inspector|\(i)\n" : "inspector|\(i)|\(groups[i] ?? "")\n" }
            for e in exclusions { out += "exclude|\(e.joined(separator: "|"))\n" }
            return out
        }

        public var hash: String { Hex.encode(SHA256.hash(data: Array(canonicalText.utf8))) }
    }

    public struct Drawn: Sendable, Codable, Equatable {
        public let target: String
        public let stratum: String
        public let inspectors: [String]
    }

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case notEnoughInspectors(target: String)
        case badInput(String)
        public var description: String {
            switch self {
            case .notEnoughInspectors(let t): "检查对象 \(t) 回避后可分配的检查人员不足"
            case .badInput(let s): s
            }
        }
    }

    /// Checks what the inputs may hold: ids and strata without the separators of the canonical text.
    public static func check(_ inputs: Inputs) throws {
        // In UTF-8 bytes (a million ids are checked in the draw's time): at most 64 characters of 4 bytes.
        func clean(_ s: String) -> Bool {
            let u = s.utf8
            return !u.isEmpty && u.count <= 256 && !u.contains(UInt8(ascii: "|")) && !u.contains(UInt8(ascii: "\n"))
        }
        guard clean(inputs.task), inputs.perTarget >= 2, inputs.perTarget <= 10 else {
            throw Problem.badInput("每个检查对象应分配2至10名检查人员")
        }
        guard inputs.targets.allSatisfy({ clean($0.id) && clean($0.stratum) }), inputs.inspectors.allSatisfy(clean)
        else {
            throw Problem.badInput("检查对象和检查人员的编码不能为空，不能含“|”或者换行，不超过64字")
        }
        // Both lists are sorted (`Inputs.init`): a repeat stands next to its twin.
        let repeatedTarget = zip(inputs.targets, inputs.targets.dropFirst()).contains { $0.id == $1.id }
        let repeatedInspector = zip(inputs.inspectors, inputs.inspectors.dropFirst()).contains { $0 == $1 }
        guard !repeatedTarget, !repeatedInspector else { throw Problem.badInput("检查对象或者检查人员有重复") }
        guard
            inputs.groups.isEmpty
                || (inputs.groups.count == inputs.inspectors.count
                    && inputs.inspectors.allSatisfy { inputs.groups[$0].map(clean) == true })
        else { throw Problem.badInput("联合抽查的每名检查人员应注明所属部门") }
        guard inputs.quotas.allSatisfy({ clean($0.key) && $0.value >= 0 }) else { throw Problem.badInput("抽取数量有误") }
    }

    public static func sha256Hex(_ text: String) -> String { Hex.encode(SHA256.hash(data: Array(text.utf8))) }

    public static func seed(inputsHash: String, revealed: String, task: String) -> [UInt8] {
        Array(SHA256.hash(data: Array("\(inputsHash)\n\(revealed)\n\(task)".utf8)))
    }

    /// A digest's first 8 bytes as a number, and the rest for ties: compared as the digest's bytes are.
    struct Rank: Comparable {
        let head: UInt64
        let digest: SHA256.Digest
        init(_ d: SHA256.Digest) {
            digest = d
            head = d.withUnsafeBytes { $0.prefix(8).reduce(0) { ($0 << 8) | UInt64($1) } }
        }
        static func < (a: Rank, b: Rank) -> Bool {
            if a.head != b.head { return a.head < b.head }
            return Array(a.digest).lexicographicallyPrecedes(Array(b.digest))
        }
        static func == (a: Rank, b: Rank) -> Bool { a.digest == b.digest }
    }

    static func rank(_ seed: [UInt8], _ parts: [UInt8]...) -> Rank {
        var h = SHA256()
        h.update(data: seed)
        for p in parts { h.update(data: p) }
        return Rank(h.finalize())
    }

    /// The first 8 bytes of SHA-256(seed ‖ parts) as a big-endian number (`Rank.head`), hashed from a copy of a hasher
    /// that has already taken the seed.
    @inline(__always)
    static func head(_ seeded: SHA256, _ id: String) -> UInt64 {
        var h = seeded
        var id = id
        id.withUTF8 { h.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        return h.finalize().withUnsafeBytes { $0.prefix(8).reduce(0) { ($0 << 8) | UInt64($1) } }
    }

    /// The targets of each stratum in rank order, the `quota` lowest: the ranks hashed on every core, compared by their
    /// first 8 bytes (two equal heads — a chance of one in 10¹³ for a million targets — fall back to the whole digest).
    static func drawTargets(_ inputs: Inputs, seed: [UInt8]) -> [(Rank, Target)] {
        var seeded = SHA256()
        seeded.update(data: seed)
        let candidates = inputs.targets.filter { (inputs.quotas[$0.stratum] ?? 0) > 0 }
        let n = candidates.count
        let heads = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: max(n, 1))
        defer { heads.deallocate() }
        let chunks = max(1, min(n / 20_000, ProcessInfo.processInfo.activeProcessorCount * 4))
        nonisolated(unsafe) let out = heads
        let fixed = seeded
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let from = n * c / chunks, to = n * (c + 1) / chunks
            for k in from..<to { out[k] = head(fixed, candidates[k].id) }
        }
        func full(_ k: Int) -> Rank { rank(seed, Array(candidates[k].id.utf8)) }
        func before(_ a: Int, _ b: Int) -> Bool {
            heads[a] != heads[b] ? heads[a] < heads[b] : full(a) < full(b)
        }
        var byStratum: [String: [Int]] = [:]
        for k in 0..<n { byStratum[candidates[k].stratum, default: []].append(k) }
        var chosen: [Int] = []
        for (stratum, members) in byStratum {
            let quota = min(inputs.quotas[stratum] ?? 0, members.count)
            chosen += members.sorted(by: before).prefix(quota)
        }
        return chosen.sorted(by: before).map { (full($0), candidates[$0]) }
    }

    /// A sample of targets only, no inspectors (法治督察 draws the units it inspects): the same seed and ranks as
    /// `draw`, over inputs with no inspectors and `perTarget` 0 — the verifying script redoes it the same way.
    public static func sample(_ inputs: Inputs, revealed: String) throws -> [Target] {
        guard inputs.inspectors.isEmpty, inputs.perTarget == 0 else { throw Problem.badInput("抽取单位不分配检查人员") }
        guard !inputs.task.isEmpty, !inputs.task.contains("|"), !inputs.task.contains("\n"),
            inputs.targets.allSatisfy({ !$0.id.isEmpty && !$0.id.contains("|") && !$0.stratum.contains("|") })
        else { throw Problem.badInput("抽取的单位编码不能为空，不能含“|”或者换行") }
        let seed = seed(inputsHash: inputs.hash, revealed: revealed, task: inputs.task)
        return drawTargets(inputs, seed: seed).map(\.1)
    }

    /// The draw itself.
    public static func draw(_ inputs: Inputs, revealed: String) throws -> [Drawn] {
        try check(inputs)
        let seed = seed(inputsHash: inputs.hash, revealed: revealed, task: inputs.task)
        let chosen = drawTargets(inputs, seed: seed)
        var excluded: [String: Set<String>] = [:]
        for e in inputs.exclusions where e.count == 2 { excluded[e[1], default: []].insert(e[0]) }
        let pools = inputs.pools.map { ($0.group, $0.inspectors, Set($0.inspectors)) }, joint = !inputs.groups.isEmpty
        return try chosen.map { _, t in
            let no = excluded[t.id] ?? []
            var picked: [String] = []
            for (group, pool, inPool) in pools {
                guard pool.count - no.filter(inPool.contains).count >= inputs.perTarget else {
                    throw Problem.notEnoughInspectors(target: t.id)
                }
                // v1 hashes `t.id|j`; a joint draw names the group too: `t.id|g|j`.
                let prefix =
                    Array(t.id.utf8) + [UInt8(ascii: "|")] + (joint ? Array(group.utf8) + [UInt8(ascii: "|")] : [])
                var mine: [String] = [], j = 0
                let m = UInt64(pool.count)
                while mine.count < inputs.perTarget {
                    let inspector = pool[Int(rank(seed, prefix, Array(String(j).utf8)).head % m)]
                    if !no.contains(inspector) && !mine.contains(inspector) { mine.append(inspector) }
                    j += 1
                }
                picked += mine
            }
            return Drawn(target: t.id, stratum: t.stratum, inspectors: picked)
        }
    }
}
