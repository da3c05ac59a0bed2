import Foundation

/// 随机抽查事项清单 (一单两库一细则's 一单): the inspection matters a body checks by 双随机 — each linked to a 行政检查 item of
/// its 权责清单, general (一般检查事项, checked at a set ratio and frequency) or key (重点检查事项, 国发〔2019〕5号: checked
/// in full or at a higher ratio) — published on the portal. A task names one of them.
public struct DrawItem: Sendable, Codable, Equatable {
    public var code: String
    public var name: String
    /// The 行政检查 item of the 权责清单 it rests on.
    public var powerItemCode: String
    public var keyItem: Bool
    /// The share of the directory checked each time (%), and how many times a year.
    public var ratio: Double
    public var timesPerYear: Int
    /// The laws it is checked under (抽查依据).
    public var basis: String

    public init(
        code: String, name: String, powerItemCode: String, keyItem: Bool, ratio: Double, timesPerYear: Int,
        basis: String
    ) {
        self.code = code; self.name = name; self.powerItemCode = powerItemCode; self.keyItem = keyItem
        self.ratio = ratio; self.timesPerYear = timesPerYear; self.basis = basis
    }

    /// How a task names it.
    public var label: String { "\(name)（\(code)）" }

    /// One line of the import: `编码｜名称｜行政检查事项编码｜一般或者重点｜比例%｜每年次数｜抽查依据`; nil and the problem.
    public static func parse(_ line: String) -> (DrawItem?, String?) {
        let f = line.split(whereSeparator: { $0 == "｜" || $0 == "|" }).map { String($0).trimmed }
        guard f.count == 7 else { return (nil, "应为7项：编码｜名称｜行政检查事项编码｜一般或者重点｜比例｜每年次数｜抽查依据") }
        guard (1...50).contains(f[0].count),
            f[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        else { return (nil, "编码应为1至50位字母、数字或者“-”") }
        guard (1...200).contains(f[1].count) else { return (nil, "名称不能为空，不超过200字") }
        guard !f[2].isEmpty, f[2].count <= 50 else { return (nil, "请填写权责清单中的行政检查事项编码") }
        guard ["一般", "重点"].contains(f[3]) else { return (nil, "事项类别应为“一般”或者“重点”") }
        let ratioText = f[4].replacingOccurrences(of: "%", with: "")
        guard ratioText.count <= 6, ratioText.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            let ratio = Double(ratioText), ratio > 0, ratio <= 100
        else { return (nil, "抽查比例应为大于0、不超过100的数（%）") }
        guard let times = Int(f[5]), (1...12).contains(times) else { return (nil, "每年抽查次数应为1至12") }
        guard (1...500).contains(f[6].count) else { return (nil, "请写明抽查依据（不超过500字）") }
        return (
            DrawItem(
                code: f[0], name: f[1], powerItemCode: f[2], keyItem: f[3] == "重点", ratio: ratio, timesPerYear: times,
                basis: f[6]), nil
        )
    }
}

/// 抽查工作细则 (一细则): how the body runs its 双随机 — the procedure, the inspectors' duties, the publication — as the
/// published text with its date; a new text replaces it (the record keeps each).
public struct DrawRules: Sendable, Codable, Equatable {
    public var title: String
    public var text: String
    public var publishedOn: CivilDate

    public init(title: String, text: String, publishedOn: CivilDate) {
        self.title = title; self.text = text; self.publishedOn = publishedOn
    }
}

/// 年度抽查计划: what a body will check by 双随机 in a year — each planned task a list item, a quarter and its scope — filed
/// with the higher authority (报上级部门备案) and published. Changed after filing, it must be filed again.
public struct DrawPlan: Sendable, Codable, Equatable {
    public struct Entry: Sendable, Codable, Equatable {
        public var itemCode: String
        public var quarter: Int
        public var scope: String
    }

    public var year: Int
    public var entries: [Entry]
    public var savedOn: CivilDate
    public var filedWith: String?
    public var filedOn: CivilDate?

    public init(year: Int, entries: [Entry], savedOn: CivilDate) {
        self.year = year; self.entries = entries; self.savedOn = savedOn
    }

    /// One line: `事项编码｜季度（1至4）｜抽查范围`; nil and the problem.
    public static func parse(_ line: String) -> (Entry?, String?) {
        let f = line.split(whereSeparator: { $0 == "｜" || $0 == "|" }).map { String($0).trimmed }
        guard f.count == 3 else { return (nil, "应为3项：事项编码｜季度｜抽查范围") }
        guard let q = Int(f[1]), (1...4).contains(q) else { return (nil, "季度应为1至4") }
        guard (1...200).contains(f[2].count) else { return (nil, "请写明抽查范围（行业、区域、风险等级，不超过200字）") }
        return (Entry(itemCode: f[0], quarter: q, scope: f[2]), nil)
    }
}
