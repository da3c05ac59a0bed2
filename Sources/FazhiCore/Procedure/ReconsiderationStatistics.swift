import Foundation

/// A year's 行政复议 figures in the terms the annual reports use (seed 002: "收到行政复议申请22件，审结20件，其中维持9件、
/// 撤销2件、终止7件、调解1件、不予受理1件"), each with the cases it counts so every figure can be opened.
public struct ReconsiderationYear: Sendable {
    /// One figure: its label and the ids of the cases it counts.
    public struct Figure: Sendable, Identifiable {
        public let id: String
        public let label: String
        public let cases: [UUID]
        public var count: Int { cases.count }
    }
    public let year: Int
    public let figures: [Figure]
    /// 纠错率 = (撤销 + 部分撤销 + 变更 + 确认违法 + 责令履行 + 确认无效) ÷ 审结; nil when nothing was concluded.
    public let correctionRate: Double?

    public func figure(_ id: String) -> Figure? { figures.first { $0.id == id } }

    /// Counts the cases registered (收案) in `year` by what has become of them. 审结 = every case that ended in the
    /// year's reckoning: decided (any type, 调解书 included), 终止, 不予受理, or deemed abandoned.
    public static func count(_ files: [CaseFile], year: Int) -> ReconsiderationYear {
        let received = files.filter { $0.procedure == ReconsiderationProcedure.id && $0.facts.date("receivedOn")?.year == year }
        func ids(_ p: (CaseFile) -> Bool) -> [UUID] { received.filter(p).map(\.id) }
        func outcome(_ f: CaseFile) -> String? { f.facts.date("decidedOn") != nil ? f.facts.text("outcome") : nil }
        let concluded = ids { outcome($0) != nil || ["terminated", "refused", "abandoned"].contains($0.state) }
        var figures: [Figure] = [
            Figure(id: "received", label: "收案", cases: received.map(\.id)),
            Figure(id: "accepted", label: "受理", cases: ids { $0.facts.date("acceptedOn") != nil }),
            Figure(id: "deemed", label: "其中视为受理", cases: ids { $0.facts.flag("deemedAccepted") }),
            Figure(id: "refused", label: "不予受理", cases: ids { $0.state == "refused" }),
            Figure(id: "pending", label: "在办", cases: ids { ["received", "correcting", "accepted", "suspended"].contains($0.state) }),
            Figure(id: "concluded", label: "审结", cases: concluded),
        ]
        for o in Reconsideration.outcomes {
            let name = o.label.components(separatedBy: "（").first ?? o.label
            figures.append(Figure(id: "outcome." + o.value, label: name, cases: ids { outcome($0) == o.value }))
        }
        figures.append(Figure(id: "terminated", label: "终止", cases: ids { $0.state == "terminated" }))
        figures.append(Figure(id: "abandoned", label: "视为放弃", cases: ids { $0.state == "abandoned" }))
        figures.append(Figure(id: "corrected", label: "纠错", cases: ids { Reconsideration.correcting.contains(outcome($0) ?? "") }))
        let corrected = figures.last!.count
        return ReconsiderationYear(year: year, figures: figures, correctionRate: concluded.isEmpty ? nil : Double(corrected) / Double(concluded.count))
    }
}
