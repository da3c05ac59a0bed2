import Foundation

/// A procedure's yearly figures as data (统计口径), so a reviewer can read what each figure in the annual report counts:
/// the year a case is reported in, each figure with the cases it counts, and the rates between figures. The store
/// keeps every figure's count as cases change (so a year of a million records is read from a few rows), and each
/// figure lists its cases.
public struct ProcedureStatistics: Sendable {
    /// One figure (e.g. 调解成功数) and which cases it counts.
    public struct Figure: Sendable {
        public let id: String
        public let label: String
        /// Shown among the main figures (true) or in the breakdown (by type, by outcome).
        public let main: Bool
        /// What it counts (统计口径), in Chinese; the label when the label says it all.
        public let definition: String
        public let counts: @Sendable (CaseFile) -> Bool
        public init(
            _ id: String, _ label: String, main: Bool = true, definition: String? = nil,
            counts: @escaping @Sendable (CaseFile) -> Bool
        ) {
            self.id = id; self.label = label; self.main = main; self.definition = definition ?? label;
            self.counts = counts
        }
    }
    /// A rate: one figure over another (e.g. 调解成功率 = 调解成功数 ÷ 调解数).
    public struct Rate: Sendable {
        public let id: String
        public let label: String
        /// How the report words it, e.g. "调解成功数 ÷ 调解数".
        public let formula: String
        public let numerator: String
        public let denominator: String
        public init(_ id: String, _ label: String, _ numerator: String, over denominator: String, formula: String) {
            self.id = id; self.label = label; self.numerator = numerator; self.denominator = denominator;
            self.formula = formula
        }
    }

    /// The page title, e.g. 行政复议统计.
    public let title: String
    /// The year whose report counts the case (the year it was received or served); nil before it is registered.
    public let year: @Sendable (CaseFile) -> Int?
    public let figures: [Figure]
    public let rates: [Rate]
    /// The year's figures in one sentence, in the annual reports' own words.
    public var summary: @Sendable (FigureTally) -> String = { _ in "" }
    /// A second dimension the figures are read by besides the body holding the case (行政复议: by 被申请人).
    public var grouping: Grouping?

    /// What a case is grouped by (its label, and the case's value; nil when not known yet).
    public struct Grouping: Sendable {
        public let label: String
        public let value: @Sendable (CaseFile) -> String?
        public init(_ label: String, value: @escaping @Sendable (CaseFile) -> String?) {
            self.label = label; self.value = value
        }
    }

    /// The group a case counts in (bounded: it is kept in a column).
    public func group(_ f: CaseFile) -> String? {
        grouping?.value(f).map { String($0.trimmed.prefix(100)) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    public init(title: String, year: @escaping @Sendable (CaseFile) -> Int?, figures: [Figure], rates: [Rate] = []) {
        self.title = title; self.year = year; self.figures = figures; self.rates = rates
    }

    public func figure(_ id: String) -> Figure? { figures.first { $0.id == id } }

    /// The figures a case counts in, and the year: what the store keeps for it.
    public func memberships(_ f: CaseFile) -> (year: Int, figures: [String])? {
        guard let y = year(f) else { return nil }
        return (y, figures.filter { $0.counts(f) }.map(\.id))
    }

    /// The year's figures counted from the case files themselves (what the kept sums must equal).
    public func tally(_ files: [CaseFile], year: Int) -> FigureTally {
        var cases: [String: [UUID]] = [:]
        for f in files {
            guard let m = memberships(f), m.year == year else { continue }
            for id in m.figures { cases[id, default: []].append(f.id) }
        }
        return FigureTally(year: year, counts: cases.mapValues(\.count), cases: cases, statistics: self)
    }
}

/// A year's figures: counts by figure id (and, when counted from files, the cases).
public struct FigureTally: Sendable {
    public let year: Int
    public let counts: [String: Int]
    public let cases: [String: [UUID]]
    public let statistics: ProcedureStatistics

    public init(year: Int, counts: [String: Int], cases: [String: [UUID]] = [:], statistics: ProcedureStatistics) {
        self.year = year; self.counts = counts; self.cases = cases; self.statistics = statistics
    }

    public func count(_ id: String) -> Int { counts[id] ?? 0 }
    /// nil when the denominator is zero.
    public func rate(_ r: ProcedureStatistics.Rate) -> Double? {
        let d = count(r.denominator)
        return d == 0 ? nil : Double(count(r.numerator)) / Double(d)
    }
    public func rate(_ id: String) -> Double? { statistics.rates.first { $0.id == id }.flatMap(rate) }

    /// A rate as the reports print it: one decimal, e.g. 98.7%.
    public static func percent(_ v: Double?) -> String { v.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }
}
