import Foundation

/// Terms of 行政应诉 (defending the body in an administrative lawsuit) — 《中华人民共和国行政诉讼法》(2017). Its periods are
/// calendar days; a period ending on a 法定休假日 ends on the next working day (第一百零一条 → 民事诉讼法 第八十五条).
public enum Litigation {
    public static let law = "行政诉讼法"

    /// 第八十五条: appeal within 15 days of service of a first-instance judgment, 10 days of a ruling (裁定).
    public static let appealDaysJudgment = 15
    public static let appealDaysRuling = 10

    public static let instances = [InputField.Choice("first", "一审"), .init("second", "二审"), .init("retrial", "再审")]
    /// The act sued over (第十二条).
    public static let actKinds = [
        InputField.Choice("penalty", "行政处罚"), .init("compulsory", "行政强制"), .init("licence", "行政许可"),
        .init("expropriation", "征收征用及补偿"), .init("nonperformance", "不履行法定职责"), .init("info_disclosure", "政府信息公开"),
        .init("agreement", "行政协议"), .init("reconsideration", "行政复议决定"), .init("registration", "登记、确权"),
        .init("other", "其他行政行为"),
    ]
    /// 被告 as 第二十六条 makes it: the body alone, or jointly with the 复议机关 that upheld the act.
    public static let defendantRoles = [InputField.Choice("sole", "被告"), .init("joint", "共同被告（经复议维持，第二十六条第二款）")]

    /// What the court decided (第六十二条、第六十条、第六十九条至第七十八条) — and whether the body lost (败诉).
    public struct Judgment: Sendable {
        public let value: String
        public let label: String
        /// A 裁定 (ruling), appealable within 10 days; otherwise a 判决 (15 days) — 第八十五条.
        public let ruling: Bool
        /// The body lost (败诉): the act was revoked, changed, found illegal or void, or the body was ordered to act or pay.
        public let lost: Bool
    }
    public static let judgments = [
        Judgment(value: "reject_claims", label: "判决驳回原告诉讼请求（第六十九条）", ruling: false, lost: false),
        Judgment(value: "revoke", label: "判决撤销或者部分撤销（第七十条）", ruling: false, lost: true),
        Judgment(value: "order_performance", label: "判决履行法定职责（第七十二条）", ruling: false, lost: true),
        Judgment(value: "order_payment", label: "判决履行给付义务（第七十三条）", ruling: false, lost: true),
        Judgment(value: "confirm_illegal", label: "判决确认违法（第七十四条）", ruling: false, lost: true),
        Judgment(value: "confirm_void", label: "判决确认无效（第七十五条）", ruling: false, lost: true),
        Judgment(value: "change", label: "判决变更（第七十七条）", ruling: false, lost: true),
        Judgment(value: "agreement_liability", label: "判决承担行政协议责任（第七十八条）", ruling: false, lost: true),
        Judgment(value: "uphold_on_appeal", label: "二审驳回上诉、维持原判（第八十九条第一款第一项）", ruling: false, lost: false),
        Judgment(value: "dismiss_suit", label: "裁定驳回起诉", ruling: true, lost: false),
        Judgment(value: "withdrawal", label: "裁定准许撤诉（第六十二条）", ruling: true, lost: false),
        Judgment(value: "mediation", label: "调解结案（第六十条）", ruling: false, lost: false),
    ]
    public static func judgment(_ v: String?) -> Judgment? { judgments.first { $0.value == v } }
    /// Results no party may appeal: a 调解书 takes effect once both parties sign for it (民事诉讼法 第一百条, applied by
    /// 第一百零一条); a ruling granting withdrawal is final (only 不予立案、驳回起诉、管辖权异议 rulings are appealable —
    /// 《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》第一百零一条).
    static let unappealable: Set<String> = ["mediation", "withdrawal"]
    /// How a retrial is heard (民事诉讼法 第二百一十八条, applied by 行政诉讼法 第一百零一条).
    public static let retrialProcedures = [
        InputField.Choice("first", "按照第一审程序审理（裁判可以上诉）"), .init("second", "按照第二审程序审理（裁判是终审裁判）"),
    ]
    /// Second-instance judgments that keep the first-instance result: whether the body lost follows the first instance.
    static let keepsFirstInstance: Set<String> = ["uphold_on_appeal"]

    public static let appellants = [
        InputField.Choice("defendant", "本机关（被告）"), .init("plaintiff", "原告"), .init("third_party", "第三人"),
    ]
    /// 司法建议 (from a court, 第六十六条第二款、第九十六条第四项) and 检察建议 (from a procuratorate, 第二十五条第四款、第九十三条).
    public static let recommendationKinds = [InputField.Choice("judicial", "司法建议"), .init("procuratorial", "检察建议")]
}
