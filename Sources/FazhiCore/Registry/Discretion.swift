import Foundation

/// The tiers of a penalty discretion benchmark (裁量档次), from lightest to heaviest.
public enum DiscretionTierKind: String, Codable, Sendable, CaseIterable, Comparable {
    /// 不予处罚 (行政处罚法 第三十条、第三十三条).
    case noPenalty = "no_penalty"
    /// 减轻处罚: below the statutory minimum (第三十二条).
    case mitigated
    /// 从轻处罚: the lower part of the range (第三十二条).
    case lighter
    /// 一般处罚.
    case ordinary
    /// 从重处罚 (e.g. 第四十九条).
    case heavier

    public var chineseName: String {
        switch self {
        case .noPenalty: "不予处罚";
        case .mitigated: "减轻处罚";
        case .lighter: "从轻处罚";
        case .ordinary: "一般处罚";
        case .heavier: "从重处罚"
        }
    }

    public init?(chineseOrCode s: String) {
        if let v = Self(rawValue: s) { self = v; return }
        guard
            let v = Self.allCases.first(where: {
                $0.chineseName == s || $0.chineseName.replacingOccurrences(of: "处罚", with: "") == s
            })
        else { return nil }
        self = v
    }

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }

    /// The tiers placed by the benchmark's measure (the 从轻/一般/从重 brackets).
    public var isGraded: Bool { self == .lighter || self == .ordinary || self == .heavier }
}

/// How a tier's fine is set (罚款方式).
public enum FineBasis: String, Codable, Sendable, CaseIterable {
    /// No fine: only non-fine penalties (警告、没收、责令停产停业、吊销…) or none.
    case none
    /// A fixed amount range in yuan.
    case fixed
    /// Multiples of the illegal gains (违法所得).
    case illegalGains = "illegal_gains"
    /// Multiples of the value of the goods (货值金额).
    case goodsValue = "goods_value"

    public var chineseName: String {
        switch self {
        case .none: "不罚款";
        case .fixed: "固定金额";
        case .illegalGains: "违法所得倍数";
        case .goodsValue: "货值金额倍数"
        }
    }

    public init?(chineseOrCode s: String) {
        if let v = Self(rawValue: s) { self = v; return }
        guard
            let v = Self.allCases.first(where: { $0.chineseName == s })
                ?? (s.isEmpty || s == "无" ? FineBasis.none : nil)
        else { return nil }
        self = v
    }
}

/// The range of one tier: a fine (amounts or multiples) and any non-fine penalties.
public struct PenaltyRange: Codable, Sendable, Equatable {
    public var fineBasis: FineBasis
    public var minimum: Double
    public var maximum: Double
    /// 警告、通报批评、没收违法所得、没收非法财物、责令停产停业、暂扣许可证件、吊销许可证件…
    public var otherPenalties: [String]

    public init(fineBasis: FineBasis, minimum: Double = 0, maximum: Double = 0, otherPenalties: [String] = []) {
        self.fineBasis = fineBasis; self.minimum = minimum; self.maximum = maximum; self.otherPenalties = otherPenalties
    }

    public var text: String {
        var parts: [String] = []
        switch fineBasis {
        case .none: break
        case .fixed: parts.append("罚款\(Yuan.text(minimum))至\(Yuan.text(maximum))元")
        case .illegalGains: parts.append("处违法所得\(Yuan.number(minimum))倍至\(Yuan.number(maximum))倍罚款")
        case .goodsValue: parts.append("处货值金额\(Yuan.number(minimum))倍至\(Yuan.number(maximum))倍罚款")
        }
        parts += otherPenalties
        return parts.isEmpty ? "不予处罚" : parts.joined(separator: "，")
    }
}

/// One tier: when it applies (its circumstances, and for graded tiers its bracket of the measure) and its range.
public struct DiscretionTier: Codable, Sendable, Equatable {
    public var kind: DiscretionTierKind
    /// 适用情形, as published.
    public var circumstances: String
    /// The bracket of the benchmark's measure, from (inclusive) to (exclusive; nil = no upper bound).
    public var measureFrom: Double?
    public var measureTo: Double?
    public var range: PenaltyRange

    public init(
        kind: DiscretionTierKind, circumstances: String, measureFrom: Double? = nil, measureTo: Double? = nil,
        range: PenaltyRange
    ) {
        self.kind = kind; self.circumstances = circumstances; self.measureFrom = measureFrom;
        self.measureTo = measureTo; self.range = range
    }
}

/// A penalty discretion benchmark (行政处罚裁量基准, 行政处罚法 第三十四条; 国办发〔2022〕27号) for one violation.
public struct DiscretionBenchmark: Codable, Sendable, Equatable {
    /// 基准编号, stable across versions.
    public var code: String
    /// The 行政处罚 item of the 权责清单 this benchmark details.
    public var powerItemCode: String
    /// 违法行为.
    public var violation: String
    /// 违反条款 (the article violated).
    public var violatedArticle: String
    /// 处罚依据 (the article that sets the penalty).
    public var penaltyArticle: String
    /// 裁量因素 that places a case in a graded tier, e.g. 货值金额, and its unit (元、次、平方米…).
    public var measure: String?
    public var measureUnit: String?
    /// Listed in the published 包容免罚清单 (首违不罚, 第三十三条第一款).
    public var firstViolationExempt: Bool
    public var tiers: [DiscretionTier]

    public init(
        code: String, powerItemCode: String, violation: String, violatedArticle: String, penaltyArticle: String,
        measure: String?, measureUnit: String?, firstViolationExempt: Bool, tiers: [DiscretionTier]
    ) {
        self.code = code; self.powerItemCode = powerItemCode; self.violation = violation;
        self.violatedArticle = violatedArticle
        self.penaltyArticle = penaltyArticle; self.measure = measure; self.measureUnit = measureUnit
        self.firstViolationExempt = firstViolationExempt; self.tiers = tiers
    }

    public func tier(_ kind: DiscretionTierKind) -> DiscretionTier? { tiers.first { $0.kind == kind } }

    /// The first problem, naming the field: missing articles, tiers out of order or repeated, brackets of the
    /// measure that overlap or leave a gap, ranges with minimum above maximum.
    public func problem() -> DomainError? {
        if code.trimmed.isEmpty { return .invalid(field: "code", message: "请填写基准编号") }
        if violation.trimmed.isEmpty { return .invalid(field: "violation", message: "请填写违法行为") }
        if violatedArticle.trimmed.isEmpty { return .invalid(field: "violatedArticle", message: "请填写违反的条款") }
        if penaltyArticle.trimmed.isEmpty { return .invalid(field: "penaltyArticle", message: "请填写处罚依据条款") }
        if tiers.isEmpty { return .invalid(field: "tiers", message: "至少设一个裁量档次") }
        for i in 1..<max(1, tiers.count) where !(tiers[i - 1].kind < tiers[i].kind) {
            return .invalid(
                field: "tiers[\(i)].kind",
                message: "档次应按 不予处罚→减轻→从轻→一般→从重 排列且不重复（“\(tiers[i].kind.chineseName)”位置不对或重复）")
        }
        for (i, t) in tiers.enumerated() {
            let f = "tiers[\(i)]"
            if t.circumstances.trimmed.isEmpty {
                return .invalid(field: "\(f).circumstances", message: "“\(t.kind.chineseName)”档须写明适用情形")
            }
            let r = t.range
            if t.kind == .noPenalty && (r.fineBasis != .none || !r.otherPenalties.isEmpty) {
                return .invalid(field: "\(f).range", message: "不予处罚档不能设罚款或其他处罚")
            }
            if t.kind != .noPenalty && r.fineBasis == .none && r.otherPenalties.isEmpty {
                return .invalid(field: "\(f).range", message: "“\(t.kind.chineseName)”档须设罚款幅度或其他处罚")
            }
            if r.fineBasis != .none && (r.minimum < 0 || r.maximum < r.minimum) {
                return .invalid(
                    field: "\(f).range",
                    message:
                        "“\(t.kind.chineseName)”档的幅度下限（\(Yuan.number(r.minimum))）应不小于0且不大于上限（\(Yuan.number(r.maximum))）"
                )
            }
        }
        let graded = tiers.enumerated().filter { $0.element.kind.isGraded }
        guard graded.count >= 2 else { return nil }
        if (measure ?? "").trimmed.isEmpty {
            return .invalid(field: "measure", message: "设有多个分档（从轻/一般/从重）时，须写明据以分档的裁量因素（如货值金额）")
        }
        var expectedFrom = 0.0
        for (n, (i, t)) in graded.enumerated() {
            let f = "tiers[\(i)]"
            guard let from = t.measureFrom else {
                return .invalid(field: "\(f).measureFrom", message: "“\(t.kind.chineseName)”档须写明\(measure!)的下限")
            }
            if from > expectedFrom {
                return .invalid(
                    field: "\(f).measureFrom",
                    message: "档次之间有空档：\(measure!)在 \(Yuan.number(expectedFrom)) 至 \(Yuan.number(from)) 之间没有对应档次")
            }
            if from < expectedFrom {
                return .invalid(
                    field: "\(f).measureFrom",
                    message:
                        "档次重叠：“\(t.kind.chineseName)”档的下限 \(Yuan.number(from)) 小于上一档的上限 \(Yuan.number(expectedFrom))")
            }
            let last = n == graded.count - 1
            if last {
                if t.measureTo != nil {
                    return .invalid(
                        field: "\(f).measureTo", message: "最后一档不设上限（\(measure!)在 \(Yuan.number(from)) 以上都属此档），否则会留下空档")
                }
            } else {
                guard let to = t.measureTo, to > from else {
                    return .invalid(
                        field: "\(f).measureTo", message: "“\(t.kind.chineseName)”档的上限应大于下限 \(Yuan.number(from))")
                }
                expectedFrom = to
            }
        }
        return nil
    }
}

/// Situations in which the penalty must be lighter or reduced (行政处罚法 第三十二条).
public enum MitigatingCircumstance: String, Codable, Sendable, CaseIterable {
    /// (一) 主动消除或者减轻违法行为危害后果的
    case reducedHarm = "reduced_harm"
    /// (二) 受他人胁迫或者诱骗实施违法行为的
    case coerced
    /// (三) 主动供述行政机关尚未掌握的违法行为的
    case confessed
    /// (四) 配合行政机关查处违法行为有立功表现的
    case meritorious
    /// (五) 法律、法规、规章规定其他应当从轻或者减轻行政处罚的
    case otherProvision = "other_provision"

    /// A name without 顿号, for lists typed one per item (第三十二条 (一)–(五)).
    public var shortName: String {
        switch self {
        case .reducedHarm: "主动消除减轻危害后果"
        case .coerced: "受胁迫诱骗"
        case .confessed: "主动供述"
        case .meritorious: "立功表现"
        case .otherProvision: "其他法定从轻减轻情形"
        }
    }

    public var chineseName: String {
        switch self {
        case .reducedHarm: "主动消除或者减轻违法行为危害后果";
        case .coerced: "受他人胁迫或者诱骗实施违法行为"
        case .confessed: "主动供述行政机关尚未掌握的违法行为";
        case .meritorious: "配合行政机关查处违法行为有立功表现"
        case .otherProvision: "法律、法规、规章规定其他应当从轻或者减轻行政处罚的情形"
        }
    }
}

/// The facts a benchmark asks for.
public struct CaseFacts: Codable, Sendable, Equatable {
    /// Age of a natural-person party when acting; nil for an organisation (or an adult whose age is not at issue).
    public var ageAtViolation: Int?
    /// The value of the benchmark's measure (e.g. 货值金额 in yuan).
    public var measureValue: Double?
    public var illegalGains: Double?
    public var goodsValue: Double?
    /// 违法行为轻微并及时改正，没有造成危害后果 (第三十三条第一款, mandatory).
    public var minorCorrectedNoHarm: Bool
    /// 初次违法且危害后果轻微并及时改正 (第三十三条第一款 首违不罚, discretionary).
    public var firstViolationMinorHarmCorrected: Bool
    /// The party proves it had no subjective fault (第三十三条第二款).
    public var noSubjectiveFault: Bool
    public var mitigating: [MitigatingCircumstance]
    /// Breach of emergency measures during a serious epidemic or other emergency (第四十九条).
    public var emergencyBreach: Bool

    public init(
        ageAtViolation: Int? = nil, measureValue: Double? = nil, illegalGains: Double? = nil, goodsValue: Double? = nil,
        minorCorrectedNoHarm: Bool = false, firstViolationMinorHarmCorrected: Bool = false,
        noSubjectiveFault: Bool = false,
        mitigating: [MitigatingCircumstance] = [], emergencyBreach: Bool = false
    ) {
        self.ageAtViolation = ageAtViolation; self.measureValue = measureValue; self.illegalGains = illegalGains;
        self.goodsValue = goodsValue
        self.minorCorrectedNoHarm = minorCorrectedNoHarm;
        self.firstViolationMinorHarmCorrected = firstViolationMinorHarmCorrected
        self.noSubjectiveFault = noSubjectiveFault; self.mitigating = mitigating; self.emergencyBreach = emergencyBreach
    }
}

/// What the benchmark gives for the facts: the tier, the range in yuan where it can be computed, and why.
public struct DiscretionOutcome: Codable, Sendable, Equatable {
    public var tier: DiscretionTierKind
    /// Every tier the law allows for these facts (e.g. 从轻 or 减轻 under 第三十二条).
    public var permittedTiers: [DiscretionTierKind]
    /// Whether the law requires this tier ("应当"), or only allows it ("可以").
    public var mandatory: Bool
    public var range: PenaltyRange?
    public var fineMinimumYuan: Double?
    public var fineMaximumYuan: Double?
    public var articles: [String]
    public var reasons: [String]
}

public enum DiscretionCalculator {
    static let law = "行政处罚法"

    /// Applies the benchmark to the facts, with the statute's overrides in the order the statute ranks them:
    /// 不予处罚 (第三十条 under 14, 第三十三条), then the mandatory lighter tier (第三十条 aged 14–17, 第三十二条),
    /// then 从重 for emergencies (第四十九条), which cannot displace a mandatory lighter tier.
    public static func compute(_ b: DiscretionBenchmark, facts: CaseFacts) throws -> DiscretionOutcome {
        var articles = [b.violatedArticle, b.penaltyArticle]
        var reasons: [String] = []
        func noPenalty(_ article: String, _ reason: String, mandatory: Bool) -> DiscretionOutcome {
            DiscretionOutcome(
                tier: .noPenalty,
                permittedTiers: mandatory
                    ? [.noPenalty] : [.noPenalty] + b.tiers.map(\.kind).filter { $0 != .noPenalty },
                mandatory: mandatory, range: nil, fineMinimumYuan: nil, fineMaximumYuan: nil,
                articles: articles + [article], reasons: reasons + [reason])
        }
        if let age = facts.ageAtViolation, age < 0 || age > 150 {
            throw DomainError.invalid(field: "ageAtViolation", message: "年龄应在0至150之间")
        }
        if let age = facts.ageAtViolation, age < 14 {
            return noPenalty("\(law) 第三十条", "不满十四周岁，不予行政处罚，责令监护人加以管教", mandatory: true)
        }
        if facts.noSubjectiveFault {
            return noPenalty("\(law) 第三十三条第二款", "当事人有证据足以证明没有主观过错，不予行政处罚（法律、行政法规另有规定的除外）", mandatory: true)
        }
        if facts.minorCorrectedNoHarm {
            return noPenalty("\(law) 第三十三条第一款", "违法行为轻微并及时改正，没有造成危害后果，不予行政处罚", mandatory: true)
        }
        if facts.firstViolationMinorHarmCorrected && b.firstViolationExempt {
            return noPenalty("\(law) 第三十三条第一款", "初次违法且危害后果轻微并及时改正，本违法行为列入包容免罚清单，可以不予行政处罚", mandatory: false)
        }
        if facts.firstViolationMinorHarmCorrected {
            reasons.append("本违法行为未列入包容免罚清单，首违不罚不适用")
        }

        // The graded tier from the measure.
        let graded = b.tiers.filter { $0.kind.isGraded }
        guard var tier = graded.first ?? b.tiers.last(where: { $0.kind != .noPenalty }) else {
            throw DomainError.invalid(field: "benchmark", message: "该基准只有不予处罚档，无法据以处罚")
        }
        if graded.count >= 2 {
            // A benchmark graded by 货值金额 or 违法所得 reads that amount when no separate measure is given.
            let measure = b.measure ?? ""
            let named = measure.contains("货值") ? facts.goodsValue : measure.contains("违法所得") ? facts.illegalGains : nil
            guard let v = facts.measureValue ?? named else {
                throw DomainError.invalid(
                    field: "measureValue",
                    message: "本基准按“\(b.measure ?? "")”分档，请提供\(b.measure ?? "")（\(b.measureUnit ?? "")）")
            }
            guard v >= 0 else {
                throw DomainError.invalid(field: "measureValue", message: "\(b.measure ?? "裁量因素")不能为负数")
            }
            tier =
                graded.first { t in v >= (t.measureFrom ?? 0) && (t.measureTo.map { v < $0 } ?? true) } ?? graded.last!
            reasons.append(
                "\(b.measure ?? "")为 \(Yuan.number(v))\(b.measureUnit ?? "")，属“\(tier.kind.chineseName)”档：\(tier.circumstances)"
            )
        } else {
            reasons.append("适用“\(tier.kind.chineseName)”档：\(tier.circumstances)")
        }

        // Mandatory lighter or reduced penalty.
        var lighterArticles: [String] = []
        if let age = facts.ageAtViolation, age < 18 {
            lighterArticles.append("\(law) 第三十条"); reasons.append("已满十四周岁不满十八周岁，应当从轻或者减轻行政处罚")
        }
        if !facts.mitigating.isEmpty {
            lighterArticles.append("\(law) 第三十二条")
            reasons.append("具有应当从轻或者减轻处罚的情形：" + facts.mitigating.map(\.chineseName).joined(separator: "；"))
        }
        var permitted = [tier.kind]
        if !lighterArticles.isEmpty {
            articles += lighterArticles
            let lighterKinds = b.tiers.map(\.kind).filter { $0 == .lighter || $0 == .mitigated }
            guard !lighterKinds.isEmpty else {
                throw DomainError.invalid(field: "benchmark", message: "依法应当从轻或者减轻处罚，但本基准未设从轻或减轻档，请先完善基准")
            }
            if tier.kind > .lighter { tier = b.tier(.lighter) ?? b.tier(.mitigated)! }
            permitted = lighterKinds.filter { $0 <= tier.kind }
            if facts.emergencyBreach {
                articles.append("\(law) 第四十九条")
                reasons.append("虽有突发事件期间违反应对措施的从重情节（第四十九条），但法定应当从轻或者减轻的情节不能排除")
            }
        } else if facts.emergencyBreach {
            articles.append("\(law) 第四十九条")
            reasons.append("发生重大传染病疫情等突发事件期间违反应对措施，依法快速、从重处罚")
            if let h = b.tier(.heavier) { tier = h } else { reasons.append("本基准未设从重档，按所在档次幅度的上限处理") }
            permitted = [tier.kind]
        }

        var outcome = DiscretionOutcome(
            tier: tier.kind, permittedTiers: permitted, mandatory: !lighterArticles.isEmpty || facts.emergencyBreach,
            range: tier.range, fineMinimumYuan: nil, fineMaximumYuan: nil, articles: articles, reasons: reasons)
        let r = tier.range
        switch r.fineBasis {
        case .none: break
        case .fixed: outcome.fineMinimumYuan = r.minimum; outcome.fineMaximumYuan = r.maximum
        case .illegalGains, .goodsValue:
            let isGains = r.fineBasis == .illegalGains
            guard let base = isGains ? facts.illegalGains : facts.goodsValue else {
                throw DomainError.invalid(
                    field: isGains ? "illegalGains" : "goodsValue",
                    message: "本档按\(r.fineBasis.chineseName)计罚，请提供\(isGains ? "违法所得" : "货值金额")（元）")
            }
            guard base >= 0 else {
                throw DomainError.invalid(field: isGains ? "illegalGains" : "goodsValue", message: "金额不能为负数")
            }
            outcome.fineMinimumYuan = (r.minimum * base * 100).rounded() / 100
            outcome.fineMaximumYuan = (r.maximum * base * 100).rounded() / 100
        }
        if facts.emergencyBreach && lighterArticles.isEmpty && b.tier(.heavier) == nil,
            let max = outcome.fineMaximumYuan
        {
            outcome.fineMinimumYuan = max
        }
        return outcome
    }
}

/// Amounts for display: 5000 → "5,000", 0.5 → "0.5".
public enum Yuan {
    public static func number(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e15 { return String(Int64(v)) }
        var s = String(format: "%.2f", v)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }
    public static func text(_ v: Double) -> String {
        let n = number(v)
        guard let dot = n.firstIndex(of: ".") ?? Optional(n.endIndex) else { return n }
        var int = String(n[..<dot]); let frac = String(n[dot...])
        var out = ""
        while int.count > 3 { out = "," + int.suffix(3) + out; int = String(int.dropLast(3)) }
        return int + out + frac
    }
}
