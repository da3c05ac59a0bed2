import Foundation

/// 裁量基准 in the case (行政处罚法 第三十四条; 国办发〔2022〕27号): the officer picks the registered benchmark of the case's
/// item and records the circumstances; the tier and the range come from the registry's rule (`DiscretionCalculator`),
/// with their articles — never a range typed by hand. A fine outside it needs a reason and goes to 法制审核
/// (第五十八条第一款).
extension Penalty {
    /// What 拟作处罚 asks about discretion.
    static let discretionInputs: [InputField] = [
        {
            var f = InputField("benchmarkCode", "裁量基准（本事项已制定裁量基准的必须选择）", required: false)
            f.picker = .benchmarksOfCaseItem
            return f
        }(),
        .init("measureValue", "裁量因素数值（基准按货值金额、违法次数等分档的，填写该数值）", .number, required: false),
        .init("illegalGains", "违法所得（元）", .amount, required: false),
        .init("goodsValue", "货值金额（元）", .amount, required: false),
        .init("ageAtViolation", "违法行为时的年龄（当事人为未成年人的填写）", .number, required: false),
        .init("minorCorrectedNoHarm", "违法行为轻微并及时改正，没有造成危害后果（第三十三条第一款）", .bool, required: false),
        .init("firstViolation", "初次违法且危害后果轻微并及时改正（第三十三条第一款）", .bool, required: false),
        .init("noSubjectiveFault", "当事人有证据足以证明没有主观过错（第三十三条第二款）", .bool, required: false),
        .init(
            "mitigating",
            "应当从轻或者减轻处罚的情形（第三十二条；可填："
                + MitigatingCircumstance.allCases.map(\.shortName).joined(separator: "、") + "）", .list,
            required: false),
        .init("emergencyBreach", "突发事件期间违反应对措施（第四十九条）", .bool, required: false),
    ]

    /// The registered benchmark's outcome for the step's circumstances; nil when the step names none.
    static func discretion(_ c: StepContext) throws -> DiscretionOutcome? {
        guard let json = c.external.text(External.benchmark),
            let b = try? JSONDecoder().decode(DiscretionBenchmark.self, from: Data(json.utf8))
        else { return nil }
        let f = c.inputs
        var mitigating: [MitigatingCircumstance] = []
        for m in f.list(EnforcementFact.mitigating) {
            guard
                let v = MitigatingCircumstance(rawValue: m)
                    ?? MitigatingCircumstance.allCases.first(where: { $0.chineseName == m || $0.shortName == m })
            else {
                throw DomainError.invalid(
                    field: "mitigating",
                    message: "“\(m)”不是第三十二条规定的情形，应为："
                        + MitigatingCircumstance.allCases.map(\.shortName).joined(separator: "、"))
            }
            mitigating.append(v)
        }
        return try DiscretionCalculator.compute(
            b,
            facts: CaseFacts(
                ageAtViolation: f[EnforcementFact.ageAtViolation].map { Int($0) },
                measureValue: f[EnforcementFact.measureValue], illegalGains: f[EnforcementFact.illegalGains]?.yuan,
                goodsValue: f[EnforcementFact.goodsValue]?.yuan,
                minorCorrectedNoHarm: f.flag(EnforcementFact.minorCorrectedNoHarm),
                firstViolationMinorHarmCorrected: f.flag(EnforcementFact.firstViolation),
                noSubjectiveFault: f.flag(EnforcementFact.noSubjectiveFault), mitigating: mitigating,
                emergencyBreach: f.flag(EnforcementFact.emergencyBreach)))
    }

    /// The proposed fine lies outside the computed range (第三十四条).
    static func outsideBenchmark(_ c: StepContext) throws -> Bool {
        guard let o = try discretion(c), let fine = c.inputs[EnforcementFact.fineAmount] else { return false }
        if let lo = o.fineMinimumYuan, fine.yuan < lo - 0.005 { return true }
        if let hi = o.fineMaximumYuan, fine.yuan > hi + 0.005 { return true }
        return false
    }

    /// The gates of 拟作处罚 about discretion, in the order a reviewer reads them.
    static let discretionGates: [Gate] = [
        Gate("行政处罚法 第三十四条", "本事项已制定行政处罚裁量基准，须选择适用的裁量基准", field: "benchmarkCode") { c in
            !c.external.flag(External.itemHasBenchmark) || !(c.inputs[EnforcementFact.benchmarkCode] ?? "").isEmpty
        },
        Gate("行政处罚法 第三十四条", "该裁量基准不存在、尚未施行或者不属于本案的行政处罚事项", field: "benchmarkCode") { c in
            (c.inputs[EnforcementFact.benchmarkCode] ?? "").isEmpty || c.external.text(External.benchmark) != nil
        },
        // The circumstances the computation needs (a measure, goods value, an age in range) are asked for by name.
        Gate("行政处罚法 第三十四条", "裁量基准计算失败") { c in
            _ = try discretion(c); return true
        },
        Gate("行政处罚法 第三十条、第三十三条", "依照裁量基准和所填情形，依法应当不予行政处罚：请作出不予行政处罚决定", field: "penaltyKinds") { c in
            guard let o = try discretion(c), o.tier == .noPenalty, o.mandatory else { return true }
            return false
        },
    ]
}
