import Foundation

/// 案卷评查标准: the indicators a 行政处罚 file is scored on — 一级 (主体、程序、证据、法律适用、文书与归档) and 二级 items with
/// their points — some the system judges from the record (`check`), the rest the reviewer scores; a veto item (否决项)
/// failed makes the file 不合格 whatever its score. Versioned like a procedure: a campaign keeps the version it started
/// with; a new local standard is a new version beside the old.
public struct FileReviewStandard: Sendable {
    public struct Indicator: Sendable {
        public let id: String
        /// 一级指标.
        public let group: String
        /// 二级指标, as the reviewer reads it.
        public let name: String
        public let points: Int
        /// 否决项: failing it makes the file 不合格.
        public let veto: Bool
        /// How the system judges it from the case; nil for an item the reviewer scores.
        public let check: (@Sendable (CaseFile) -> Bool)?
        public let basis: String

        public init(
            _ id: String, _ group: String, _ name: String, points: Int, veto: Bool = false, basis: String,
            check: (@Sendable (CaseFile) -> Bool)? = nil
        ) {
            self.id = id; self.group = group; self.name = name; self.points = points; self.veto = veto
            self.basis = basis; self.check = check
        }
    }

    public let version: Int
    public let name: String
    public let indicators: [Indicator]
    /// The lowest scores of 优秀 and 合格 (below: 不合格).
    public let excellent: Int
    public let pass: Int

    public var total: Int { indicators.reduce(0) { $0 + $1.points } }
    public func indicator(_ id: String) -> Indicator? { indicators.first { $0.id == id } }

    /// The verdict of a score, a veto failed or not.
    public func verdict(score: Int, vetoFailed: Bool) -> String {
        if vetoFailed || score < pass { return "不合格" }
        return score >= excellent ? "优秀" : "合格"
    }

    public static func version(_ v: Int) -> FileReviewStandard? { all.first { $0.version == v } }
    public static let all = [v1]
    public static var current: FileReviewStandard { all.max { $0.version < $1.version }! }

    typealias Step = PenaltyOrdinaryProcedure.Step
    typealias F = EnforcementFact

    /// Version 1: 100 points, half judged from the record (the steps the 行政处罚法 requires, taken and in time), half by the
    /// reviewer (facts, evidence, law applied, discretion, wording); 优秀 ≥ 90, 合格 ≥ 70 (common in provincial 评查 rules —
    /// local, a new version when the province's differs).
    public static let v1 = FileReviewStandard(
        version: 1, name: "行政处罚案卷评查标准（第1版）",
        indicators: [
            Indicator(
                "filed", "程序合法", "依法立案（立案审批）", points: 5, basis: "行政处罚法 第五十四条"
            ) { $0.hasTaken(Step.fileCase) },
            Indicator(
                "notified", "程序合法", "作出决定前告知拟处罚内容及陈述申辩、听证权利", points: 10, veto: true,
                basis: "行政处罚法 第四十四条、第六十二条"
            ) { f in
                f.facts[F.outcome] != "penalty" || f.hasTaken(Step.notify)
            },
            Indicator(
                "reviewed", "程序合法", "应当法制审核的，经法制审核", points: 10, veto: true, basis: "行政处罚法 第五十八条"
            ) { f in
                f.facts.list(F.legalReviewReasons.id).isEmpty || f.hasTaken(Step.legalReviewPass)
            },
            Indicator(
                "decidedInTime", "程序合法", "在办案期限内作出决定", points: 5, basis: "行政处罚法 第六十条"
            ) { f in
                met(f, "decision")
            },
            Indicator(
                "servedInTime", "程序合法", "决定书依法按期送达", points: 5, basis: "行政处罚法 第六十一条"
            ) { f in
                f.facts[F.outcome] != "penalty" || (f.hasTaken(Step.serve) && met(f, "service"))
            },
            Indicator(
                "evidenceListed", "证据", "调查取证有记录，证据列明", points: 5, basis: "行政处罚法 第四十六条、第五十五条"
            ) { f in
                f.hasTaken(Step.recordEvidence) || !f.facts.list(F.evidenceFiles.id).isEmpty
            },
            Indicator(
                "published", "程序合法", "应当公示的决定按期公示", points: 5, basis: "行政处罚法 第四十八条；国办发〔2018〕118号"
            ) { f in
                !f.facts.flag(F.publicationRequired.id) || (f.facts.flag(F.published.id) && met(f, "publication"))
            },
            Indicator(
                "closed", "文书与归档", "执行完毕或者依法终结后结案", points: 5, basis: "行政处罚法 第六十七条至第七十三条"
            ) { $0.hasTaken(Step.close) },
            Indicator("facts", "事实认定", "违法事实清楚，当事人认定准确", points: 10, basis: "行政处罚法 第四十条"),
            Indicator("evidence", "证据", "证据确实充分，取证程序合法", points: 10, basis: "行政处罚法 第四十六条"),
            Indicator("law", "法律适用", "适用法律、法规、规章正确，引用条款完整", points: 15, basis: "行政处罚法 第五十九条"),
            Indicator("discretion", "法律适用", "处罚种类和幅度适当，符合裁量基准", points: 10, basis: "行政处罚法 第三十四条"),
            Indicator("documents", "文书与归档", "文书制作规范，案卷材料齐全、装订有序", points: 5, basis: "本地案卷评查标准"),
        ],
        excellent: 90, pass: 70)

    /// A period the law set was met: it stopped on or before its due day (a period never started is not counted against).
    static func met(_ f: CaseFile, _ key: String) -> Bool {
        guard let d = f.deadline(key) else { return true }
        return (d.stoppedOn.map { $0 <= d.deadline.due }) ?? false
    }

    /// The system's verdict on each indicator it can judge: passed or failed.
    public func precheck(_ f: CaseFile) -> [String: Bool] {
        var out: [String: Bool] = [:]
        for i in indicators { if let check = i.check { out[i.id] = check(f) } }
        return out
    }
}
