/// A figure in the report's text, with the year before for comparison.
public struct ReportValue: Sendable, Codable, Equatable {
    public let figure: ReportFigure
    public let prior: Double?
}

/// A paragraph as a run of text and figures: the web view links each figure to its records, the .docx footnotes it.
public struct ReportParagraph: Sendable, Codable, Equatable {
    public enum Segment: Sendable, Codable, Equatable {
        case text(String)
        case figure(ReportValue)

        enum Key: String, CodingKey { case text, figure }

        /// `{"text": "…"}` or `{"figure": {…}}`, as a reader of the JSON expects.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            switch self {
            case .text(let t): try c.encode(t, forKey: .text)
            case .figure(let v): try c.encode(v, forKey: .figure)
            }
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            if let t = try c.decodeIfPresent(String.self, forKey: .text) {
                self = .text(t)
            } else {
                self = .figure(try c.decode(ReportValue.self, forKey: .figure))
            }
        }
    }
    public let segments: [Segment]

    /// The paragraph as plain text.
    public var text: String {
        segments.map {
            switch $0 {
            case .text(let t): t
            case .figure(let v): v.figure.text
            }
        }.joined()
    }
}

/// One row of a section's year-on-year table.
public struct ReportComparison: Sendable, Codable, Equatable {
    public let figure: ReportFigure
    public let prior: Double?

    /// The change in words: "+3", "-12.5%"-style for rates as percentage points, "—" without a prior year.
    public var change: String {
        guard let prior, !figure.isUndefined else { return "—" }
        let d = figure.value - prior
        if figure.unit == "比率" {
            return (d >= 0 ? "+" : "") + Yuan.number((d * 1000).rounded() / 10) + "个百分点"
        }
        return (d >= 0 ? "+" : "") + ReportFigure.text(d, unit: figure.unit)
    }
}

/// A section of part (1): the 纲要 system, the sentences its modules' figures make, the year-on-year table.
public struct ReportSection: Sendable, Codable, Equatable {
    public let system: ReportSystem
    public let paragraphs: [ReportParagraph]
    public let table: [ReportComparison]
}

/// The report's computed content for a year: part (1) section by section and the drafted sentences of part (2). The
/// narrative (staff's own paragraphs) is kept apart and placed by the pages.
public struct ReportDraft: Sendable, Codable, Equatable {
    public let year: Int
    public let sections: [ReportSection]
    public let shortcomings: [ReportParagraph]
    /// Part (3) drafted from the 第一责任人 records (nil in a report frozen before they were kept).
    public var firstResponsibility: [ReportParagraph]?
    /// Part (4) drafted from next year's 工作要点 tasks.
    public var nextYear: [ReportParagraph]?
    /// Every figure the draft reads, by `set.id`, for the JSON and CSV.
    public let figures: [ReportValue]
}

/// Builds the draft from the modules' contributions and the figures of the year and the year before. Pure: the same
/// contributions and figures give the same draft.
public enum ReportComposer {
    public static func compose(
        year: Int, _ contributions: [ReportContribution], current: [String: ReportFigure],
        prior: [String: ReportFigure], plans: [String] = []
    ) -> ReportDraft {
        var used: [String: ReportValue] = [:]
        func value(_ set: String, _ id: String) -> ReportValue? {
            guard let f = current["\(set).\(id)"] else { return nil }
            // A prior rate with nothing to divide is no value to compare with.
            let v = ReportValue(figure: f, prior: prior["\(set).\(id)"].flatMap { $0.isUndefined ? nil : $0.value })
            used[f.key] = v
            return v
        }
        func paragraph(_ template: String, set: String, skipIfAllZero: Bool) -> ReportParagraph? {
            var segments: [ReportParagraph.Segment] = []
            var any = false
            var rest = Substring(template)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                if open > rest.startIndex { segments.append(.text(String(rest[..<open]))) }
                let id = String(rest[rest.index(after: open)..<close])
                // A sentence cannot state a rate of nothing ("出庭应诉率0%" with no case heard).
                guard let v = value(set, id), !v.figure.isUndefined else { return nil }
                any = any || v.figure.value != 0
                segments.append(.figure(v))
                rest = rest[rest.index(after: close)...]
            }
            if !rest.isEmpty { segments.append(.text(String(rest))) }
            return skipIfAllZero && !any ? nil : ReportParagraph(segments: segments)
        }
        var sections: [ReportSection] = []
        for system in ReportSystem.allCases {
            let mine = contributions.filter { $0.system == system }
            let paragraphs = mine.flatMap { c in
                c.sentences.compactMap { paragraph($0, set: c.set, skipIfAllZero: true) }
                    + c.zeros.compactMap { z -> ReportParagraph? in
                        guard current["\(c.set).\(z.figure)"]?.value == 0,
                            z.given.map({ (current["\(c.set).\($0)"]?.value ?? 0) > 0 }) ?? true
                        else { return nil }
                        return paragraph(z.sentence, set: c.set, skipIfAllZero: false)
                    }
            }
            let table = mine.flatMap { c in
                c.compared.compactMap { id in
                    value(c.set, id).map { ReportComparison(figure: $0.figure, prior: $0.prior) }
                }
            }
            if !paragraphs.isEmpty || !table.isEmpty {
                sections.append(ReportSection(system: system, paragraphs: paragraphs, table: table))
            }
        }
        var shortcomings: [ReportParagraph] = []
        for c in contributions {
            for s in c.shortfalls {
                guard let f = current["\(c.set).\(s.figure)"] else { continue }
                let crossed: Bool
                switch s.line {
                case .above(let line): crossed = f.value > line
                case .below(let line, let base):
                    crossed = f.value < line && (current["\(c.set).\(base)"]?.value ?? 0) > 0
                }
                if crossed, let p = paragraph(s.sentence, set: c.set, skipIfAllZero: false) { shortcomings.append(p) }
            }
        }
        let duties = contributions.compactMap { c -> ReportParagraph? in
            guard let lead = c.firstResponsibility.first else { return nil }
            let clauses = c.firstResponsibility.dropFirst().compactMap {
                paragraph($0, set: c.set, skipIfAllZero: true)
            }
            guard !clauses.isEmpty else { return nil }
            var segments: [ReportParagraph.Segment] = [.text(lead)]
            for clause in clauses { segments += [.text("，")] + clause.segments }
            return ReportParagraph(segments: segments + [.text("。")])
        }
        return ReportDraft(
            year: year, sections: sections, shortcomings: shortcomings, firstResponsibility: duties,
            nextYear: plans.enumerated().map { i, p in
                ReportParagraph(segments: [.text("\(chineseNumeral(i + 1))是\(p)")])
            },
            figures: used.values.sorted { $0.figure.key < $1.figure.key })
    }

    /// 一, 十二, 二十三 … (1 to 99) as the reports number their plans (一是、二是).
    public static func chineseNumeral(_ n: Int) -> String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard (1...99).contains(n) else { return String(n) }
        if n < 10 { return digits[n] }
        return (n >= 20 ? digits[n / 10] : "") + "十" + digits[n % 10]
    }

    /// The drafted paragraphs of a part written as text (二、三、四), empty for the others.
    public static func drafted(_ part: ReportPart, in draft: ReportDraft) -> [ReportParagraph] {
        switch part {
        case .shortcomings: draft.shortcomings
        case .firstResponsibility: draft.firstResponsibility ?? []
        case .nextYear: draft.nextYear ?? []
        default: []
        }
    }
}
