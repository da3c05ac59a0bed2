import Foundation

/// 公平竞争审查 (《公平竞争审查条例》; 优化营商环境条例 第六十三条; 重大行政决策程序暂行条例 第二十九条第一项): a part any
/// procedure whose measure touches market activity runs before it goes further — here its conclusions.
public enum FairCompetitionReview {
    public static let conclusions = [
        InputField.Choice("compliant", "符合公平竞争审查标准"), .init("compliant_after_changes", "修改后符合"),
        .init("noncompliant", "不符合，不得出台"),
    ]
}
