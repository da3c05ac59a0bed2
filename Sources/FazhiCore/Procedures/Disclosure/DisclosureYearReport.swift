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

    /// How a request was concluded, by the step that concluded it: the answer (its type and ground as given), or being
    /// deemed abandoned (no correction, fee not paid).
    struct Conclusion { let on: CivilDate; let type: String; let ground: String }

    static func events(_ f: CaseFile) -> [(on: CivilDate, conclusion: Conclusion?)] {
        typealias S = DisclosureProcedure.Step
        return f.steps.compactMap { s in
            switch s.action {
            case S.answer:
                return (
                    s.on,
                    Conclusion(
                        on: s.on, type: s.inputs[DisclosureFact.answerType] ?? "",
                        ground: s.inputs[DisclosureFact.answerGround] ?? "")
                )
            case S.deemAbandoned: return (s.on, Conclusion(on: s.on, type: "other", ground: "no_correction"))
            case S.feeLapsed: return (s.on, Conclusion(on: s.on, type: "other", ground: "fee_unpaid"))
            case S.reopen: return (s.on, nil)
            default: return nil
            }
        }
    }

    /// The report of `year` from every request open at some time in it. A request counts as 上年结转 when it was received
    /// before the year and still open when the year began (never concluded, or reopened after its last conclusion); what
    /// it counts as in 办理结果 is its first conclusion in the year, read from the step that made it — so answering it
    /// again after a 复议 order never rewrites an earlier year's report.
    public init(year: Int, files: [CaseFile]) {
        self.year = year
        let yearStart = CivilDate(year: year, month: 1, day: 1)!
        func kind(_ f: CaseFile) -> String { f.facts[DisclosureFact.applicantKind] ?? "other" }
        var new: [CaseFile] = [], carriedIn: [CaseFile] = []
        var concluded: [(CaseFile, Conclusion)] = []
        for f in files {
            guard let received = f.facts[DisclosureFact.receivedOn], received.year <= year else { continue }
            let events = Self.events(f)
            if received.year == year {
                new.append(f)
            } else {
                // Open at the start of the year: its last event before the year is not a conclusion. (One reopened
                // during the year after an earlier year's answer is in neither count, so its new answer is not either.)
                let before = events.last { $0.on < yearStart }
                guard before == nil || before?.conclusion == nil else { continue }
                carriedIn.append(f)
            }
            if let c = events.first(where: { $0.on.year == year && $0.conclusion != nil })?.conclusion {
                concluded.append((f, c))
            }
        }
        func group(_ fs: [CaseFile]) -> [String: [UUID]] {
            Dictionary(grouping: fs, by: kind).mapValues { $0.map(\.id) }
        }
        func groupConcluded(_ keep: (Conclusion) -> Bool) -> [String: [UUID]] {
            group(concluded.filter { keep($0.1) }.map(\.0))
        }
        let concludedIDs = Set(concluded.map(\.0.id))
        var rows: [Row] = [
            Row(label: "一、本年新收政府信息公开申请数量", level: 0, cases: group(new)),
            Row(label: "二、上年结转政府信息公开申请数量", level: 0, cases: group(carriedIn)),
            Row(label: "三、本年度办理结果", level: 0, cases: [:]),
        ]
        let numerals = ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"]
        for (i, type) in Disclosure.answerTypes.enumerated() {
            let short = type.label.components(separatedBy: "（").first ?? type.label
            rows.append(
                Row(
                    label: numerals[min(i, numerals.count - 1)] + short, level: 1,
                    cases: groupConcluded { $0.type == type.value }))
            for (j, r) in (Disclosure.reportRows[type.value] ?? []).enumerated() {
                rows.append(
                    Row(
                        label: "\(j + 1).\(r.label)", level: 2,
                        cases: groupConcluded { $0.type == type.value && r.grounds.contains($0.ground) }))
            }
        }
        rows.append(Row(label: "（七）总计", level: 1, cases: group(concluded.map(\.0))))
        rows.append(
            Row(
                label: "四、结转下年度继续办理", level: 0, cases: group((new + carriedIn).filter { !concludedIDs.contains($0.id) })
            ))
        self.rows = rows
        lateCount =
            concluded.filter { c in
                c.1.type != "other" && c.0.facts.flag(DisclosureFact.answerLate)
                    && c.0.facts[DisclosureFact.answeredOn] == c.1.on
            }.count
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
