import Foundation

/// A year's 行政执法 sums over the bodies asked for, as the store keeps them (M010 `case_figures`: per body, month and
/// kind of case, changed in each step's transaction).
public struct EnforcementSums: Sendable, Equatable {
    public var opened = 0, penaltyCases = 0, inspections = 0
    public var penalties = 0, noPenalty = 0, notEstablished = 0, transferred = 0
    public var fines: Money = .zero
    public var overdue = 0, heard = 0, legallyReviewed = 0, ordinaryPenaltyDecisions = 0
    /// Each body's average days from 立案 to decision (ordinary procedure), for the bodies that decided any.
    public var averageHandlingDays: [Double] = []
    public init() {}
}

/// A figure read from kept sums (not from each case's memberships, as `ProcedureStatistics` figures are): declared
/// with what it counts, its unit, and which case list opens its records.
public struct SumFigure<Sums: Sendable>: Sendable {
    public let id: String
    public let label: String
    /// What it counts (统计口径).
    public let definition: String
    public let unit: String
    public let value: @Sendable (Sums) -> Double
    /// The case-list filter (`outcome=…`) that lists the records it counts, "" for all of the year's cases, nil when
    /// it is worked out from other figures.
    public let records: String?

    public init(
        _ id: String, _ label: String, _ definition: String, unit: String = "件", records: String? = nil,
        value: @escaping @Sendable (Sums) -> Double
    ) {
        self.id = id; self.label = label; self.definition = definition; self.unit = unit; self.records = records
        self.value = value
    }
}

extension Penalty {
    /// 行政执法统计 as data: what each figure of the year counts (seed 000: 行政处罚案件, 罚没款, 法制审核率 …).
    public static let statistics: [SumFigure<EnforcementSums>] = [
        .init("opened", "立案及检查", "当年登记的行政处罚案件和行政检查", records: "") { Double($0.opened) },
        .init("penaltyCases", "行政处罚案件", "当年登记的行政处罚案件（普通程序和简易程序）", records: "") { Double($0.penaltyCases) },
        .init("inspections", "行政检查", "当年登记的行政检查", records: "") { Double($0.inspections) },
        .init("penalties", "处罚决定", "作出行政处罚决定的案件", records: "penalty") { Double($0.penalties) },
        .init("noPenalty", "不予处罚", "决定不予行政处罚的案件", records: "no_penalty") { Double($0.noPenalty) },
        .init("notEstablished", "违法事实不能成立", "违法事实不能成立、不予处罚的案件", records: "not_established") {
            Double($0.notEstablished)
        },
        .init("transferred", "移送司法机关", "涉嫌犯罪移送的案件（行政处罚法 第二十七条）") { Double($0.transferred) },
        .init("fines", "罚款", "处罚决定的罚款数额之和", unit: "元", records: "penalty") { $0.fines.yuan },
        .init("overdue", "超期", "超过办案期限（行政处罚法 第六十条）作出决定或尚未决定的普通程序案件") { Double($0.overdue) },
        .init("heard", "听证", "经过听证的普通程序案件（行政处罚法 第六十三条）") { Double($0.heard) },
        .init("legallyReviewed", "经法制审核的处罚决定", "普通程序处罚决定中经法制审核的（行政处罚法 第五十八条）") {
            Double($0.legallyReviewed)
        },
        .init("reviewRate", "法制审核率", "经法制审核的处罚决定 ÷ 普通程序处罚决定", unit: "比率") {
            $0.ordinaryPenaltyDecisions == 0 ? 0 : Double($0.legallyReviewed) / Double($0.ordinaryPenaltyDecisions)
        },
        .init("averageHandlingDays", "平均办案天数", "各执法主体普通程序案件自立案至决定的平均天数的平均", unit: "日") {
            $0.averageHandlingDays.isEmpty
                ? 0 : $0.averageHandlingDays.reduce(0, +) / Double($0.averageHandlingDays.count)
        },
    ]

    /// The year in one sentence, in the reports' words.
    public static func summary(_ year: Int, _ s: EnforcementSums) -> String {
        "\(year)年立案及检查\(s.opened)件，作出行政处罚决定\(s.penalties)件，罚款\(Yuan.text(s.fines.yuan))元。"
    }
}
