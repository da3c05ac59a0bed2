import Foundation

/// How a decision reviewed elsewhere is recorded on the case that made it (a 复议 decision or a judgment changing,
/// revoking, or confirming as illegal or void a penalty decision, 行政处罚法 第四十八条第二款): the step and its inputs,
/// a contract between the reviewing procedure (which takes the step as a linked step) and the reviewed one.
public enum DecisionChange {
    public static let step = "record_change"
    public static let kind = FactKey<String>("changeKind", "变更情形")
    public static let document = FactKey<String>("changeDocument", "复议决定书、判决书或者本机关决定的文号")
    public static let on = FactKey<CivilDate>("changedOn", "变更、撤销或者确认之日")
    /// The kinds a reviewing procedure may record.
    public static let kinds = [
        InputField.Choice("changed", "被依法变更"), .init("revoked", "被撤销"), .init("illegal", "被确认违法"),
        .init("void", "被确认无效"),
    ]
}
