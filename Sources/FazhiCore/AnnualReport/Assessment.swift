import Foundation

/// 法治政府建设考核方案: the year's indicator tree (levels by code: "2" heads "2.1"), each leaf with its 分值 and how it
/// is scored — from a figure Fazhi counts (不低于 / 不高于 a target, 每项扣分 per occurrence, 不适用 when its base is
/// zero) or by the assessor (评分, with evidence); 加分项 on top of the full score, each capped at its 分值; 一票否决 and
/// 降等 items (by the assessor, or by a figure above a limit); indicators limited to a 类别 of unit (乡镇 and 县直部门,
/// 执法 and 非执法部门 scored on different lists); and the 等次 lines the scheme sets. Imported from Excel, versioned per
/// year; the scores are worked out here, purely.
public struct AssessmentScheme: Codable, Sendable, Equatable {
    public var year: Int
    public var version: Int
    public var indicators: [AssessmentIndicator]
    /// 等次 lines (优秀, 良好, 合格) when the scheme sets them; else the usual 90/80/60 % of the full score.
    public var gradeLines: AssessmentGradeLines?

    public init(year: Int, version: Int, indicators: [AssessmentIndicator], gradeLines: AssessmentGradeLines? = nil) {
        self.year = year; self.version = version; self.indicators = indicators; self.gradeLines = gradeLines
    }

    /// 加分上限: the most all 加分 together may add (nil: each 加分 capped at its own 分值 only).
    public var bonusCap: Double?

    /// The full score the scheme is written on: the largest full score any kind of unit can have (a scheme with a
    /// 乡镇 list and a 县直部门 list of 100 points each is written on 100).
    public var referenceFull: Double {
        var best = 0.0
        for township in [true, false] {
            for enforcing in [true, false] {
                let kinds: Set<AssessmentUnitKind> = [
                    township ? .township : .department, enforcing ? .enforcement : .nonEnforcement,
                ]
                best = max(best, leaves.filter { $0.isCounted && $0.applies(to: kinds) }.map(\.maxScore).reduce(0, +))
            }
        }
        return best
    }

    /// The scored indicators (those with a rule, 加分 and 一票否决/降等 included).
    public var leaves: [AssessmentIndicator] { indicators.filter { $0.rule != nil } }
    /// The full score: the counted leaves (not 加分, not 一票否决/降等) of every 类别.
    public var total: Double { leaves.filter(\.isCounted).map(\.maxScore).reduce(0, +) }

    /// The 分值 of a heading: its counted leaves' sum.
    public func maxScore(of code: String) -> Double {
        leaves.filter { $0.isCounted && ($0.code == code || $0.code.hasPrefix(code + ".")) }.map(\.maxScore)
            .reduce(0, +)
    }

    /// The columns of the Excel sheet the scheme is imported from, in order; `optionalColumns` may follow them.
    public static let columns = ["编号", "指标", "分值", "计分方式", "数据", "目标值", "基数", "说明"]
    /// 适用类别: the kinds of unit an indicator is scored for (blank: every unit), separated by 、.
    public static let optionalColumns = ["适用类别"]
    /// The 编号 of a row setting a 等次 line (指标 优秀/良好/合格, 分值 the line in points or as a percentage).
    public static let gradeRow = "等次"
    /// The 编号 of the row setting the 加分上限 (分值 the most all 加分 together may add).
    public static let bonusCapRow = "加分上限"

    /// Reads a scheme from a sheet's rows (the first row the header), naming the row and column of the first fault.
    /// `figures` are the keys (`set.id`) a computed indicator may name; `rates` those of them that are rates (a target
    /// above 1, i.e. 100%, is refused for them).
    public static func parse(
        _ rows: [[String]], year: Int, version: Int, figures: Set<String>, rates: Set<String> = []
    ) throws -> AssessmentScheme {
        let header = (rows.first ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
        guard Array(header.prefix(columns.count)) == columns else {
            throw DomainError.invalid(field: "file", message: "第1行应为表头：\(columns.joined(separator: "、"))")
        }
        guard rows.count <= 501 else { throw DomainError.invalid(field: "file", message: "指标不超过500项") }
        let all = columns + optionalColumns
        // An optional column counts only under its own header.
        let kindsColumn = header.count > columns.count && header[columns.count] == optionalColumns[0]
        if header.count > columns.count, !header[columns.count].isEmpty, !kindsColumn {
            throw DomainError.invalid(
                field: "file", message: "第1行第\(columns.count + 1)列的表头应为“\(optionalColumns[0])”，或者不要这一列")
        }
        var out: [AssessmentIndicator] = []
        var lines: [AssessmentGrade: (Double, percent: Bool)] = [:]
        var cap: Double?
        for (i, raw) in rows.dropFirst().enumerated() {
            let width = kindsColumn ? all.count : columns.count
            let r = (0..<all.count).map {
                $0 < raw.count && $0 < width ? raw[$0].trimmingCharacters(in: .whitespacesAndNewlines) : ""
            }
            if r.allSatisfy(\.isEmpty) { continue }
            let line = i + 2
            func fail(_ column: Int, _ why: String) -> DomainError {
                .invalid(field: "file", message: "第\(line)行“\(all[column])”：\(why)")
            }
            for (c, v) in r.enumerated() where TextChecks.hasControlCharacters(v) || v.count > 500 {
                throw fail(c, "含有控制字符或超过500字")
            }
            let code = r[0]
            if code == bonusCapRow {
                guard cap == nil else { throw fail(0, "加分上限只能有一行") }
                guard let v = Double(r[2]), v > 0, v <= 1000 else { throw fail(2, "加分上限应为大于0、不超过1000的分数") }
                cap = v
                continue
            }
            if code == gradeRow {
                guard let grade = AssessmentGrade(rawValue: r[1]), grade != .fail else {
                    throw fail(1, "等次行的“指标”应为“优秀”“良好”或“合格”")
                }
                guard lines[grade] == nil else { throw fail(1, "“\(grade.rawValue)”的等次线重复") }
                guard let v = Self.number(r[2]), v > 0, r[2].hasSuffix("%") ? v <= 1 : v <= 10000 else {
                    throw fail(2, "等次线应为分数（如“90”）或百分比（如“90%”）")
                }
                lines[grade] = (v, r[2].hasSuffix("%"))
                continue
            }
            guard !code.isEmpty, code.count <= 20,
                code.split(separator: ".", omittingEmptySubsequences: false).allSatisfy({
                    !$0.isEmpty && $0.count <= 3 && $0.allSatisfy { ("0"..."9").contains($0) } && !$0.hasPrefix("0")
                })
            else { throw fail(0, "应为“1”“1.2”这样的编号") }
            guard !out.contains(where: { $0.code == code }) else { throw fail(0, "编号重复") }
            if let dot = code.lastIndex(of: ".") {
                let parent = String(code[..<dot])
                guard let p = out.first(where: { $0.code == parent }), p.rule == nil else {
                    throw fail(0, "上级指标“\(parent)”应在前面列出，且不计分")
                }
            }
            guard !r[1].isEmpty else { throw fail(1, "请填写指标名称") }
            let rule: AssessmentRule?
            switch r[3] {
            case "": rule = nil
            case "评分": rule = .assessed
            case "加分": rule = .bonus
            case "一票否决", "降等":
                if r[4].isEmpty {
                    rule = .veto(figure: nil, above: 0, demote: r[3] == "降等")
                } else {
                    guard figures.contains(r[4]) else { throw fail(4, "“\(r[4])”不是系统统计的数据（写作“统计集.指标”）") }
                    let limit = r[5].isEmpty ? 0 : Self.number(r[5])
                    guard let limit else { throw fail(5, "应为数字或百分比（数据超过此值即\(r[3])，留空为0）") }
                    rule = .veto(figure: r[4], above: limit, demote: r[3] == "降等")
                }
            case "不低于", "不高于", "每项扣分":
                guard figures.contains(r[4]) else { throw fail(4, "“\(r[4])”不是系统统计的数据（写作“统计集.指标”）") }
                guard let target = Self.number(r[5]) else { throw fail(5, "应为数字或百分比") }
                if rates.contains(r[4]), r[3] != "每项扣分", target > 1 {
                    throw fail(5, "“\(r[4])”是比率，目标值应为百分比（不超过100%），如“100%”或“95%”")
                }
                if !r[6].isEmpty, !figures.contains(r[6]) { throw fail(6, "“\(r[6])”不是系统统计的数据") }
                let base = r[6].isEmpty ? nil : r[6]
                switch r[3] {
                case "不低于": rule = .atLeast(figure: r[4], target: target, base: base)
                case "不高于": rule = .atMost(figure: r[4], limit: target, base: base)
                default:
                    guard target > 0 else { throw fail(5, "每项扣分的“目标值”为每项扣的分数，应大于0") }
                    rule = .deduct(figure: r[4], points: target, base: base)
                }
            default: throw fail(3, "应为“不低于”“不高于”“每项扣分”“评分”“加分”“一票否决”“降等”，或留空（上级指标）")
            }
            var score = 0.0
            if case .veto = rule {
                guard r[2].isEmpty || Double(r[2]) == 0 else { throw fail(2, "\(r[3])项不计分值，请留空") }
            } else if rule != nil {
                guard let s = Double(r[2]), s > 0, s <= 1000 else { throw fail(2, "计分指标的分值应大于0、不超过1000") }
                score = s
            } else if !r[2].isEmpty, Double(r[2]) == nil {
                throw fail(2, "应为数字")
            }
            var kinds: [AssessmentUnitKind] = []
            for name in r[8].split(whereSeparator: { "、,，;；/ ".contains($0) }) {
                guard let kind = AssessmentUnitKind(rawValue: String(name)) else {
                    throw fail(
                        8, "应为“\(AssessmentUnitKind.allCases.map(\.rawValue).joined(separator: "”“"))”，以顿号分隔，或留空（所有单位）")
                }
                if !kinds.contains(kind) { kinds.append(kind) }
            }
            if !kinds.isEmpty, rule == nil { throw fail(8, "适用类别写在计分指标上，上级指标留空") }
            out.append(
                AssessmentIndicator(
                    code: code, name: r[1], maxScore: score, rule: rule, note: r[7],
                    appliesTo: kinds.isEmpty ? nil : kinds))
        }
        for h in out where h.rule == nil {
            guard out.contains(where: { $0.code.hasPrefix(h.code + ".") }) else {
                throw DomainError.invalid(field: "file", message: "指标“\(h.code) \(h.name)”没有计分方式，也没有下级指标")
            }
        }
        guard !out.isEmpty else { throw DomainError.invalid(field: "file", message: "表中没有指标") }
        var scheme = AssessmentScheme(year: year, version: version, indicators: out)
        scheme.bonusCap = cap
        if cap != nil, !out.contains(where: { $0.rule == .bonus }) {
            throw DomainError.invalid(field: "file", message: "表中没有加分项，不需要加分上限")
        }
        guard scheme.total > 0 else {
            throw DomainError.invalid(field: "file", message: "表中没有计入满分的指标（加分、一票否决、降等项之外）")
        }
        if !lines.isEmpty {
            let ordered: [AssessmentGrade] = [.excellent, .good, .pass]
            let given = ordered.compactMap { lines[$0] }
            guard given.count == 3 else {
                throw DomainError.invalid(field: "file", message: "等次线应同时列出“优秀”“良好”“合格”三行")
            }
            guard Set(given.map(\.percent)).count == 1 else {
                throw DomainError.invalid(field: "file", message: "三条等次线应都写分数，或都写百分比")
            }
            guard given[0].percent || given[0].0 <= 100 else {
                throw DomainError.invalid(
                    field: "file", message: "等次线写分数的，按百分制（各单位得分折算为百分制后比较），不超过100；或写百分比")
            }
            guard given[0].0 > given[1].0, given[1].0 > given[2].0 else {
                throw DomainError.invalid(field: "file", message: "等次线应为 优秀 > 良好 > 合格")
            }
            scheme.gradeLines = AssessmentGradeLines(values: given.map(\.0), percent: given[0].percent)
        }
        return scheme
    }

    /// "90", "100%", "0.5".
    static func number(_ s: String) -> Double? {
        if s.hasSuffix("%"), let v = Double(s.dropLast()), v.isFinite, v >= 0 { return v / 100 }
        if let v = Double(s), v.isFinite, v >= 0 { return v }
        return nil
    }

    /// The scheme as rows of the sheet it is imported from (the template and the export).
    public var rows: [[String]] {
        [Self.columns + Self.optionalColumns]
            + indicators.map { i in
                let (how, figure, target, base): (String, String, String, String) =
                    switch i.rule {
                    case .none: ("", "", "", "")
                    case .assessed: ("评分", "", "", "")
                    case .bonus: ("加分", "", "", "")
                    case .veto(let f, let above, let demote):
                        (demote ? "降等" : "一票否决", f ?? "", f == nil ? "" : Yuan.number(above), "")
                    case .atLeast(let f, let t, let b): ("不低于", f, Yuan.number(t), b ?? "")
                    case .atMost(let f, let l, let b): ("不高于", f, Yuan.number(l), b ?? "")
                    case .deduct(let f, let p, let b): ("每项扣分", f, Yuan.number(p), b ?? "")
                    }
                let points = i.rule == nil || !i.hasPoints ? "" : Yuan.number(i.maxScore)
                return [
                    i.code, i.name, points, how, figure, target, base, i.note,
                    (i.appliesTo ?? []).map(\.rawValue).joined(separator: "、"),
                ]
            }
            + (bonusCap.map { [[Self.bonusCapRow, "", Yuan.number($0), "", "", "", "", "", ""]] } ?? [])
            + zip([AssessmentGrade.excellent, .good, .pass], gradeLines?.values ?? []).map { g, v in
                let line = gradeLines?.percent == true ? "\(Yuan.number(v * 100))%" : Yuan.number(v)
                return [Self.gradeRow, g.rawValue, line, "", "", "", "", "", ""]
            }
    }

    /// A unit's result: the points of each indicator that applies to it, its full score, the 加分 on top, the 一票否决
    /// and 降等 items triggered, and the 等次 they leave. `assessed` are the assessor's scores (nil: not yet given).
    /// `undefined`: rates with nothing to divide (no case heard for 出庭率) — the indicator is 不适用 and earns its 分值.
    public func result(
        figures: [String: Double], assessed: [String: Double], kinds: Set<AssessmentUnitKind>,
        undefined: Set<String> = []
    ) -> AssessmentResult {
        var points: [String: Double?] = [:]
        var full = 0.0, bonus = 0.0
        var vetoes: [AssessmentIndicator] = [], demotions: [AssessmentIndicator] = []
        for leaf in leaves where leaf.applies(to: kinds) {
            switch leaf.rule {
            case .none: continue
            case .assessed:
                // A score given before the 分值 was lowered counts at most the 分值 now.
                points.updateValue(assessed[leaf.code].map { min($0, leaf.maxScore) }, forKey: leaf.code)
                full += leaf.maxScore
            case .bonus:
                let b = min(max(0, assessed[leaf.code] ?? 0), leaf.maxScore)
                points[leaf.code] = b
                bonus += b
            case .veto(let figure, let above, let demote):
                let hit = figure.map { (figures[$0] ?? 0) > above } ?? ((assessed[leaf.code] ?? 0) > 0)
                if hit { if demote { demotions.append(leaf) } else { vetoes.append(leaf) } }
            case .atLeast, .atMost, .deduct:
                let notApplicable = leaf.figure.map(undefined.contains) ?? false
                points.updateValue(notApplicable ? leaf.maxScore : leaf.score(figures), forKey: leaf.code)
                full += leaf.maxScore
            }
        }
        let earned = points.filter { code, _ in leaves.contains { $0.code == code && $0.isCounted } }
            .values.compactMap { $0 }.reduce(0, +)
        bonus = min(bonus, bonusCap ?? bonus)
        // Point lines are on the 百分制: a unit's total is scaled to 100 points of its own full score.
        let shares = gradeLines.map { l in l.percent ? l.values : l.values.map { $0 / 100 } }
        var grade = AssessmentGrade.of(earned + bonus, total: full, lines: shares ?? AssessmentGrade.usualLines)
        if !vetoes.isEmpty { grade = .fail } else if !demotions.isEmpty { grade = grade.lower }
        return AssessmentResult(
            points: points, full: full, earned: earned, bonus: bonus, vetoes: vetoes, demotions: demotions, grade: grade
        )
    }
}

/// The 等次 lines a scheme sets: 优秀, 良好, 合格 — points on the 百分制 (a unit's total scaled to 100 points of its own
/// full score, the indicators applying to it), or shares of the full score when written as percentages.
public struct AssessmentGradeLines: Codable, Sendable, Equatable {
    public var values: [Double]
    public var percent: Bool

    public init(values: [Double], percent: Bool) { self.values = values; self.percent = percent }

    public var text: String {
        let lines = zip([AssessmentGrade.excellent, .good, .pass], values).map {
            "\($0.rawValue)\(percent ? "不低于满分的\(Yuan.number($1 * 100))%" : "\(Yuan.number($1))分以上")"
        }
        let last = values.last.map { percent ? "满分的\(Yuan.number($0 * 100))%" : "\(Yuan.number($0))分" } ?? ""
        return lines.joined(separator: "、") + "，不满\(last)为不合格"
    }
}

/// What a unit scored under a scheme (see `AssessmentScheme.result`).
public struct AssessmentResult: Sendable, Equatable {
    /// Each applying counted or 加分 leaf's points; nil while an assessed one awaits the assessor.
    public let points: [String: Double?]
    /// The unit's full score: the counted leaves that apply to it.
    public let full: Double
    public let earned: Double
    public let bonus: Double
    public let vetoes: [AssessmentIndicator]
    public let demotions: [AssessmentIndicator]
    public let grade: AssessmentGrade

    /// 总分: the counted points and the 加分.
    public var total: Double { earned + bonus }
    /// Assessed indicators still without the assessor's score.
    public var pending: Int { points.values.filter { $0 == nil }.count }
}

/// 适用类别: the kinds of unit an indicator may be limited to. A county scores 乡镇（街道） and 县直部门, or 执法部门 (a
/// unit with an 执法主体 registered) and 非执法部门, on partly different lists.
public enum AssessmentUnitKind: String, Codable, Sendable, CaseIterable {
    case department = "县直部门", township = "乡镇（街道）", enforcement = "执法部门", nonEnforcement = "非执法部门"
}

/// 考核等次 by the share of the full score a unit reached: by default 优秀 from 90%, 良好 from 80%, 合格 from 60% —
/// **[U]** the usual county practice, not a rule of the statutes file; a scheme sets its own lines in 等次 rows.
public enum AssessmentGrade: String, Codable, Sendable, CaseIterable {
    case excellent = "优秀", good = "良好", pass = "合格", fail = "不合格"

    public static let usualLines = [0.9, 0.8, 0.6]

    public static func of(_ score: Double, total: Double, lines: [Double] = usualLines) -> AssessmentGrade {
        guard total > 0, lines.count == 3 else { return .fail }
        let share = score / total
        return share >= lines[0] ? .excellent : share >= lines[1] ? .good : share >= lines[2] ? .pass : .fail
    }

    /// One 等次 lower (降等).
    public var lower: AssessmentGrade {
        switch self {
        case .excellent: .good
        case .good: .pass
        case .pass, .fail: .fail
        }
    }
}

/// 考核类别: 乡镇（街道） and 县直部门 are ranked apart, as counties rank them.
public enum AssessmentCategory: String, Sendable, CaseIterable {
    case department = "县直部门", township = "乡镇（街道）"

    public var kind: AssessmentUnitKind { self == .township ? .township : .department }

    /// A township government or a 街道办事处 by its name; every other unit is a department.
    public static func of(name: String) -> AssessmentCategory {
        let township =
            (name.hasSuffix("人民政府") && (name.contains("镇") || name.contains("乡")))
            || name.hasSuffix("街道办事处")
        return township ? .township : .department
    }
}

public struct AssessmentIndicator: Codable, Sendable, Equatable {
    public var code: String
    public var name: String
    /// 分值 of a scored indicator (0 for a heading).
    public var maxScore: Double
    public var rule: AssessmentRule?
    public var note: String
    /// 适用类别 (nil: every unit).
    public var appliesTo: [AssessmentUnitKind]?

    public init(
        code: String, name: String, maxScore: Double, rule: AssessmentRule?, note: String,
        appliesTo: [AssessmentUnitKind]? = nil
    ) {
        self.code = code; self.name = name; self.maxScore = maxScore; self.rule = rule; self.note = note
        self.appliesTo = appliesTo
    }

    /// Part of the full score (not 加分, not 一票否决/降等, not a heading).
    public var isCounted: Bool {
        switch rule {
        case .none, .bonus, .veto: false
        case .atLeast, .atMost, .deduct, .assessed: true
        }
    }

    /// Has a 分值 (a counted leaf or 加分).
    public var hasPoints: Bool { isCounted || rule == .bonus }

    /// Scored by the assessor (评分, 加分, or a 一票否决/降等 item with no figure).
    public var isAssessorScored: Bool {
        switch rule {
        case .assessed, .bonus, .veto(figure: nil, _, _): true
        default: false
        }
    }

    /// Whether the indicator is scored for a unit of these kinds.
    public func applies(to kinds: Set<AssessmentUnitKind>) -> Bool {
        guard let appliesTo, !appliesTo.isEmpty else { return true }
        return appliesTo.contains(where: kinds.contains)
    }

    /// 1 for "2", 2 for "2.1".
    public var level: Int { code.split(separator: ".").count }

    /// The score a figure earns: full when it meets the target (or when its base is zero: 不适用), else in proportion —
    /// value ÷ target for 不低于, limit ÷ value for 不高于 (nothing when the limit is zero). Nil for an assessed indicator.
    public func score(_ figures: [String: Double]) -> Double? {
        func rounded(_ v: Double) -> Double { (v * 100).rounded() / 100 }
        switch rule {
        case .none, .assessed, .bonus, .veto: return nil
        case .atLeast(let f, let target, let base):
            if let base, (figures[base] ?? 0) == 0 { return maxScore }
            let v = figures[f] ?? 0
            return target <= 0 || v >= target ? maxScore : rounded(maxScore * max(0, v) / target)
        case .atMost(let f, let limit, let base):
            if let base, (figures[base] ?? 0) == 0 { return maxScore }
            let v = figures[f] ?? 0
            return v <= limit ? maxScore : limit <= 0 ? 0 : rounded(maxScore * limit / v)
        case .deduct(let f, let points, let base):
            if let base, (figures[base] ?? 0) == 0 { return maxScore }
            return rounded(max(0, maxScore - points * max(0, figures[f] ?? 0)))
        }
    }

    /// The rule in words, for the page and the export; `unit` is the figure's (a 比率 reads as a percentage).
    public func ruleText(unit: String = "") -> String {
        func target(_ v: Double) -> String { unit == "比率" ? "\(Yuan.number(v * 100))%" : "\(Yuan.number(v))\(unit)" }
        let notApplicable = base == nil ? "" : "；无统计基数的不适用，得满分"
        switch rule {
        case .none: return ""
        case .assessed: return "考核人员评分（附佐证材料）"
        case .bonus: return "加分项：考核人员评定，最高\(Yuan.number(maxScore))分，计入总分，不计入满分"
        case .veto(let f, let above, let demote):
            let effect = demote ? "降低一个等次" : "一票否决，等次为不合格"
            if f == nil { return "发生即\(effect)（考核人员认定，附佐证材料）" }
            return above == 0 && unit != "比率"
                ? "发生（1\(unit.isEmpty ? "项" : unit)以上）即\(effect)" : "超过\(target(above))即\(effect)"
        case .atLeast(_, let t, _): return "不低于\(target(t))，未达到按比例得分" + notApplicable
        case .atMost(_, let l, _): return "不高于\(target(l))，" + (l <= 0 ? "超过不得分" : "超过按比例得分") + notApplicable
        case .deduct(_, let p, _):
            return "每\(unit.isEmpty || unit == "比率" ? "项" : unit)扣\(Yuan.number(p))分，扣完为止" + notApplicable
        }
    }

    /// The figure a computed indicator reads (`set.id`).
    public var figure: String? {
        switch rule {
        case .atLeast(let f, _, _), .atMost(let f, _, _), .deduct(let f, _, _): f
        case .veto(let f, _, _): f
        default: nil
        }
    }

    public var base: String? {
        switch rule {
        case .atLeast(_, _, let b), .atMost(_, _, let b), .deduct(_, _, let b): b
        default: nil
        }
    }
}

/// How a leaf is scored.
public enum AssessmentRule: Codable, Sendable, Equatable {
    case atLeast(figure: String, target: Double, base: String?)
    case atMost(figure: String, limit: Double, base: String?)
    /// 每项扣分: `points` off for each one the figure counts, down to zero (每发生1件扣2分，扣完为止).
    case deduct(figure: String, points: Double, base: String?)
    case assessed
    /// 加分项: the assessor's points, capped at the 分值, added to the total but not to the full score.
    case bonus
    /// 一票否决 (grade 不合格) or 降等 (one grade lower): when the figure exceeds `above`, or, with no figure, when the
    /// assessor finds it happened (score 1, with evidence).
    case veto(figure: String?, above: Double, demote: Bool)
}
