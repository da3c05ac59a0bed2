import Foundation

/// 法治政府建设考核方案: the year's indicator tree (levels by code: "2" heads "2.1"), each leaf with its 分值 and how it
/// is scored — from a figure Fazhi counts (不低于 / 不高于 a target, 每项扣分 per occurrence, 不适用 when its base is
/// zero) or by the assessor
/// (评分, with evidence). Imported from Excel, versioned per year; the scores are worked out here, purely.
public struct AssessmentScheme: Codable, Sendable, Equatable {
    public var year: Int
    public var version: Int
    public var indicators: [AssessmentIndicator]

    public init(year: Int, version: Int, indicators: [AssessmentIndicator]) {
        self.year = year; self.version = version; self.indicators = indicators
    }

    /// The scored indicators (those with a rule).
    public var leaves: [AssessmentIndicator] { indicators.filter { $0.rule != nil } }
    public var total: Double { leaves.map(\.maxScore).reduce(0, +) }

    /// The 分值 of a heading: its leaves' sum.
    public func maxScore(of code: String) -> Double {
        leaves.filter { $0.code == code || $0.code.hasPrefix(code + ".") }.map(\.maxScore).reduce(0, +)
    }

    /// The columns of the Excel sheet the scheme is imported from, in order.
    public static let columns = ["编号", "指标", "分值", "计分方式", "数据", "目标值", "基数", "说明"]

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
        var out: [AssessmentIndicator] = []
        for (i, raw) in rows.dropFirst().enumerated() {
            let r = (0..<columns.count).map {
                $0 < raw.count ? raw[$0].trimmingCharacters(in: .whitespacesAndNewlines) : ""
            }
            if r.allSatisfy(\.isEmpty) { continue }
            let line = i + 2
            func fail(_ column: Int, _ why: String) -> DomainError {
                .invalid(field: "file", message: "第\(line)行“\(columns[column])”：\(why)")
            }
            for (c, v) in r.enumerated() where TextChecks.hasControlCharacters(v) || v.count > 500 {
                throw fail(c, "含有控制字符或超过500字")
            }
            let code = r[0]
            guard !code.isEmpty, code.count <= 20,
                code.split(separator: ".", omittingEmptySubsequences: false).allSatisfy({
                    !$0.isEmpty && $0.allSatisfy(\.isNumber)
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
            default: throw fail(3, "应为“不低于”“不高于”“每项扣分”“评分”，或留空（上级指标）")
            }
            var score = 0.0
            if rule != nil {
                guard let s = Double(r[2]), s > 0, s <= 1000 else { throw fail(2, "计分指标的分值应大于0、不超过1000") }
                score = s
            } else if !r[2].isEmpty, Double(r[2]) == nil {
                throw fail(2, "应为数字")
            }
            out.append(AssessmentIndicator(code: code, name: r[1], maxScore: score, rule: rule, note: r[7]))
        }
        for h in out where h.rule == nil {
            guard out.contains(where: { $0.code.hasPrefix(h.code + ".") }) else {
                throw DomainError.invalid(field: "file", message: "指标“\(h.code) \(h.name)”没有计分方式，也没有下级指标")
            }
        }
        guard !out.isEmpty else { throw DomainError.invalid(field: "file", message: "表中没有指标") }
        return AssessmentScheme(year: year, version: version, indicators: out)
    }

    /// "90", "100%", "0.5".
    static func number(_ s: String) -> Double? {
        if s.hasSuffix("%"), let v = Double(s.dropLast()), v.isFinite, v >= 0 { return v / 100 }
        if let v = Double(s), v.isFinite, v >= 0 { return v }
        return nil
    }

    /// The scheme as rows of the sheet it is imported from (the template and the export).
    public var rows: [[String]] {
        [Self.columns]
            + indicators.map { i in
                let (how, figure, target, base): (String, String, String, String) =
                    switch i.rule {
                    case .none: ("", "", "", "")
                    case .assessed: ("评分", "", "", "")
                    case .atLeast(let f, let t, let b): ("不低于", f, Yuan.number(t), b ?? "")
                    case .atMost(let f, let l, let b): ("不高于", f, Yuan.number(l), b ?? "")
                    case .deduct(let f, let p, let b): ("每项扣分", f, Yuan.number(p), b ?? "")
                    }
                return [
                    i.code, i.name, i.rule == nil ? "" : Yuan.number(i.maxScore), how, figure, target, base, i.note,
                ]
            }
    }
}

/// 考核等次 by the share of the full score a unit reached: 优秀 from 90%, 良好 from 80%, 合格 from 60% — **[U]** the usual
/// county practice, not a rule of the statutes file; a scheme with other lines would need them imported with it.
public enum AssessmentGrade: String, Sendable, CaseIterable {
    case excellent = "优秀", good = "良好", pass = "合格", fail = "不合格"

    public static func of(_ score: Double, total: Double) -> AssessmentGrade {
        guard total > 0 else { return .fail }
        let share = score / total
        return share >= 0.9 ? .excellent : share >= 0.8 ? .good : share >= 0.6 ? .pass : .fail
    }
}

/// 考核类别: 乡镇（街道） and 县直部门 are ranked apart, as counties rank them.
public enum AssessmentCategory: String, Sendable, CaseIterable {
    case department = "县直部门", township = "乡镇（街道）"

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

    public init(code: String, name: String, maxScore: Double, rule: AssessmentRule?, note: String) {
        self.code = code; self.name = name; self.maxScore = maxScore; self.rule = rule; self.note = note
    }

    /// 1 for "2", 2 for "2.1".
    public var level: Int { code.split(separator: ".").count }

    /// The score a figure earns: full when it meets the target (or when its base is zero: 不适用), else in proportion —
    /// value ÷ target for 不低于, limit ÷ value for 不高于 (nothing when the limit is zero). Nil for an assessed indicator.
    public func score(_ figures: [String: Double]) -> Double? {
        func rounded(_ v: Double) -> Double { (v * 100).rounded() / 100 }
        switch rule {
        case .none, .assessed: return nil
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
}
