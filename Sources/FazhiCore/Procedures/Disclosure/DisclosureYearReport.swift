import Foundation

/// Part 三 of the 政府信息公开工作年度报告 (政府信息公开条例 第五十条第二项; table as in the national template, 国办公开办函
/// 〔2021〕30号): requests new this year and carried over from last year, how those answered this year were answered, and
/// those carried over to next year — by applicant type. Each count is the list of its cases, so every cell links to its
/// records and the table adds up: 新收 + 上年结转 = 办理结果总计 + 结转下年度.
public struct DisclosureYearReport: Sendable {
    /// 自然人, then 法人或其他组织 by kind, then 总计.
    public static let columns: [InputField.Choice] = Disclosure.applicantKinds

    public struct Row: Sendable {
        /// 一、本年新收… / （三）不予公开 / 1.属于国家秘密
        public let label: String
        /// Indent level: 0 section, 1 answer type, 2 ground.
        public let level: Int
        /// Case ids per applicant kind (the column's value).
        public let cases: [String: [UUID]]
        public var total: Int { cases.values.reduce(0) { $0 + $1.count } }
        public func count(_ kind: String) -> Int { cases[kind]?.count ?? 0 }
    }

    public let year: Int
    public let rows: [Row]
    /// Requests answered this year after their period had run out (第三十三条).
    public let lateCount: Int

    /// The report of `year` from every request open at some time in it.
    public init(year: Int, files: [CaseFile]) {
        self.year = year
        let answeredStates: Set<String> = [
            DisclosureProcedure.State.answered.id, DisclosureProcedure.State.abandoned.id,
        ]
        func kind(_ f: CaseFile) -> String { f.facts[DisclosureFact.applicantKind] ?? "other" }
        func group(_ fs: [CaseFile]) -> [String: [UUID]] {
            Dictionary(grouping: fs, by: kind).mapValues { $0.map(\.id) }
        }
        let received = files.filter { $0.facts[DisclosureFact.receivedOn] != nil }
        let new = received.filter { $0.facts[DisclosureFact.receivedOn]?.year == year }
        // Received before the year and not answered before it began.
        let carriedIn = received.filter { f in
            (f.facts[DisclosureFact.receivedOn]?.year ?? year) < year
                && !(answeredStates.contains(f.state) && (f.facts[DisclosureFact.answeredOn]?.year ?? year) < year)
        }
        let handled = new + carriedIn
        let answered = handled.filter {
            answeredStates.contains($0.state) && $0.facts[DisclosureFact.answeredOn]?.year == year
        }
        let answeredIDs = Set(answered.map(\.id))
        let carriedOut = handled.filter { !answeredIDs.contains($0.id) }
        lateCount = answered.filter { $0.facts.flag(DisclosureFact.answerLate) }.count
        var rows: [Row] = [
            Row(label: "一、本年新收政府信息公开申请数量", level: 0, cases: group(new)),
            Row(label: "二、上年结转政府信息公开申请数量", level: 0, cases: group(carriedIn)),
            Row(label: "三、本年度办理结果", level: 0, cases: [:]),
        ]
        let numerals = ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"]
        for (i, (type, grounds)) in Disclosure.allGrounds.enumerated() {
            let ofType = answered.filter { $0.facts[DisclosureFact.answerType] == type.value }
            let short = type.label.components(separatedBy: "（").first ?? type.label
            rows.append(Row(label: numerals[min(i, numerals.count - 1)] + short, level: 1, cases: group(ofType)))
            // 予以公开 has no sub-rows in the template; the others list every ground.
            guard type.value != "disclosed" else { continue }
            for (j, g) in grounds.enumerated() {
                let ofGround = ofType.filter { $0.facts[DisclosureFact.answerGround] == g.value }
                let label = g.label.components(separatedBy: "（").first ?? g.label
                rows.append(Row(label: "\(j + 1).\(label)", level: 2, cases: group(ofGround)))
            }
        }
        rows.append(Row(label: "（七）总计", level: 1, cases: group(answered)))
        rows.append(Row(label: "四、结转下年度继续办理", level: 0, cases: group(carriedOut)))
        self.rows = rows
    }

    public func row(_ prefix: String) -> Row? { rows.first { $0.label.hasPrefix(prefix) } }

    /// The table as the template prints it: a header and one line per row, every cell a count (blank for the section
    /// heading 三).
    public var table: [[String]] {
        [["项目"] + Self.columns.map(\.label) + ["总计"]]
            + rows.map { r in
                let blank = r.label.hasPrefix("三、")
                return [String(repeating: "　", count: r.level) + r.label]
                    + Self.columns.map { blank ? "" : String(r.count($0.value)) } + [blank ? "" : String(r.total)]
            }
    }
}
