/// What a module puts into the 年度报告, read only from a figure set it declares (`GET /api/v1/statistics/{set}`): the
/// sentences its figures make, the figures compared with the year before, and the shortfalls they reveal for part
/// (2). A module that lands later adds its contribution without touching the report.
public struct ReportContribution: Sendable {
    public let system: ReportSystem
    /// The figure set the sentences read.
    public let set: String
    /// Sentences with `{figure}` placeholders; one whose figures are all zero (or not kept) is left out, so the
    /// report never says "审查合同0件".
    public let sentences: [String]
    /// The figures of the year-on-year table.
    public let compared: [String]
    public let shortfalls: [Shortfall]
    /// What a zero says when it is a result the reports state (全年未发生行政复议案件, 无一败诉): said when the figure is 0
    /// and, if named, another is not.
    public let zeros: [ZeroResult]
    /// Part (3), 第一责任人职责, as one sentence: a lead ("主要负责人认真履行…职责") and clauses with figures, each left
    /// out when zero, joined with "，" and ended with "。" (nothing at all when every clause is zero).
    public let firstResponsibility: [String]

    public init(
        _ system: ReportSystem, set: String, sentences: [String], compared: [String] = [],
        shortfalls: [Shortfall] = [], zeros: [ZeroResult] = [], firstResponsibility: [String] = []
    ) {
        self.system = system; self.set = set; self.sentences = sentences; self.compared = compared
        self.shortfalls = shortfalls; self.zeros = zeros; self.firstResponsibility = firstResponsibility
    }
}

/// A sentence for a figure of zero that is itself a result: "全年未发生行政诉讼案件" when there were none, "审结案件无一败诉"
/// when cases were concluded and none lost.
public struct ZeroResult: Sendable {
    public let figure: String
    /// Said only when this figure is above zero (审结 for 无一败诉).
    public let given: String?
    public let sentence: String

    public init(_ figure: String, given: String? = nil, _ sentence: String) {
        self.figure = figure; self.given = given; self.sentence = sentence
    }
}

/// A sentence of part (2) 存在的不足, drafted when a figure crosses its line: overdue cases, 纠错 and 败诉, late filings.
public struct Shortfall: Sendable {
    public enum Line: Sendable {
        /// The figure is above the value (a count of overdue cases above 0).
        case above(Double)
        /// The figure is below the value (a rate below its target), when what it is a rate of is not zero.
        case below(Double, unlessZero: String)
    }
    public let figure: String
    public let line: Line
    /// The sentence, with `{figure}` placeholders like a contribution's.
    public let sentence: String

    public init(_ figure: String, _ line: Line, _ sentence: String) {
        self.figure = figure; self.line = line; self.sentence = sentence
    }
}

/// One figure of a year as the report reads it: what it counts, its value, and where to read the records it counts.
public struct ReportFigure: Sendable, Codable, Equatable {
    public let set: String
    public let id: String
    public let label: String
    /// 统计口径, for the footnote.
    public let definition: String
    public let value: Double
    public let unit: String
    /// The page listing the records the figure counts (nil for a figure worked out from others).
    public let link: String?
    /// The set's title, for the footnote's source ("行政复议统计").
    public let source: String
    /// Reported by a unit (单位填报), not counted by Fazhi (nil in reports frozen before the mark).
    public let reported: Bool?
    /// A rate with nothing to divide (no case heard for 出庭率): printed "—", never "0%" (nil: a value).
    public let undefined: Bool?

    public init(
        set: String, id: String, label: String, definition: String, value: Double, unit: String, link: String?,
        source: String, reported: Bool? = nil, undefined: Bool? = nil
    ) {
        self.set = set; self.id = id; self.label = label; self.definition = definition; self.value = value
        self.unit = unit; self.link = link; self.source = source; self.reported = reported
        self.undefined = undefined == true ? true : nil
    }

    public var isUndefined: Bool { undefined == true }

    /// The key the report's values are kept under.
    public var key: String { "\(set).\(id)" }

    /// The value as the report prints it: a rate as a percentage, money with thousands separators.
    public static func text(_ value: Double, unit: String) -> String {
        switch unit {
        case "比率": return Yuan.number((value * 1000).rounded() / 10) + "%"
        case "元": return Yuan.text(value)
        default: return Yuan.number((value * 10).rounded() / 10)
        }
    }

    public var text: String { isUndefined ? "—" : Self.text(value, unit: unit) }
}
