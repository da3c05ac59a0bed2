import Foundation

/// Terms of 调解 (mediation of disputes): 人民调解 under the 《中华人民共和国人民调解法》, 行政调解 by a body of disputes
/// close to its work, and 司法调解 / 诉调对接 with the court (the seeds' 行政争议调解中心 and "大调解").
public enum Mediation {
    public static let law = "人民调解法"

    /// 第三十三条: the parties may ask the court to confirm an agreement within 30 days of its taking effect.
    public static let confirmationDays = 30

    public static let kinds = [
        InputField.Choice("people", "人民调解"), .init("administrative", "行政调解"), .init("judicial", "司法调解（诉调对接）"),
    ]
    /// Dispute types as the reports break them down.
    public static let disputeTypes = [
        InputField.Choice("neighbour", "邻里纠纷"), .init("family", "婚姻家庭纠纷"), .init("traffic", "交通事故纠纷"),
        .init("labour", "劳动争议"),
        .init("medical", "医疗纠纷"), .init("land", "土地权属纠纷"), .init("property", "物业纠纷"), .init("contract", "合同纠纷"),
        .init("damage", "损害赔偿纠纷"), .init("consumer", "消费纠纷"), .init("administrative", "行政争议"), .init("other", "其他纠纷"),
    ]
    /// 第十七条、第十八条: how the dispute came.
    public static let sources = [
        InputField.Choice("application", "当事人申请"), .init("initiative", "主动调解"),
        .init("court", "人民法院委托或者引导（第十八条）"), .init("police", "公安机关引导（第十八条）"), .init("other", "其他部门移交"),
    ]
    /// 第十七条、第二十三条: why there is no mediation.
    public static let declineReasons = [
        InputField.Choice("party_refused", "当事人一方明确拒绝调解（第十七条）"),
        .init("in_litigation", "已经进入诉讼或者仲裁程序"), .init("not_civil", "不属于调解范围的纠纷"),
    ]
    /// 第二十八条: a written agreement (调解协议书) or an oral one the mediator records.
    public static let agreementForms = [InputField.Choice("written", "调解协议书"), .init("oral", "口头协议（调解员记录）")]
    public static let performance = [
        InputField.Choice("full", "已全部履行"), .init("partial", "部分履行"), .init("none", "未履行"),
    ]
    /// 第二十六条: where parties are told they may go when mediation fails.
    public static let routes = [
        InputField.Choice("litigation", "向人民法院起诉"), .init("arbitration", "申请仲裁"), .init("administrative", "请求行政机关处理"),
    ]

    /// How a dispute ended (the `outcome` fact).
    public static let outcomes = [
        InputField.Choice("agreed", "调解成功"), .init("failed", "调解不成"), .init("referred", "转诉讼"),
        .init("declined", "不予调解"),
    ]

    public static func name(_ v: String?, in choices: [InputField.Choice]) -> String {
        choices.first { $0.value == v }?.label ?? (v ?? "")
    }
}
