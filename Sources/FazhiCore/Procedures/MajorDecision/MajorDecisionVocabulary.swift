import Foundation

/// Terms of 重大行政决策 (《重大行政决策程序暂行条例》, 国务院令第713号; statutes §C).
public enum MajorDecision {
    /// 第十五条: a public comment period is generally ≥ 30 days; shorter only with the reason published with the draft.
    public static let commentDays = 30
    /// 第十六条第三款: the hearing materials reach the participants ≥ 7 days before the hearing.
    public static let hearingMaterialDays = 7
    /// 第二十六条第二款: the legality review is given generally ≥ 7 working days.
    public static let reviewMinWorkdays = 7

    /// 第三条第一款: the five heads of 决策事项.
    public static let categories = [
        InputField.Choice("public_policy", "公共服务、市场监管、社会管理、环境保护等方面的重大公共政策和措施"),
        .init("plan", "经济和社会发展等方面的重要规划"),
        .init("resources", "开发利用、保护重要自然资源和文化资源的重大公共政策和措施"),
        .init("construction", "在本行政区域实施的重大公共建设项目"),
        .init("other", "对经济社会发展有重大影响、涉及重大公共利益或者社会公众切身利益的其他重大事项"),
    ]
    /// 第十条: where a proposal comes from.
    public static let sources = [
        InputField.Choice("leader", "决策机关领导人员提出"),
        .init("department", "所属部门或者下一级人民政府提出"),
        .init("deputies", "人大代表、政协委员建议、提案"),
        .init("public", "公民、法人或者其他组织书面建议"),
    ]
    /// 第三十条: a decision is discussed at the government's 常务会议 or 全体会议 — nowhere else.
    public static let meetingKinds = [InputField.Choice("executive", "常务会议"), .init("plenary", "全体会议")]
    public static let reviewOpinions = [
        InputField.Choice("legal", "合法"), .init("legal_after_changes", "修改后合法（须按审查意见调整）"),
    ]
    public static let riskLevels = [
        InputField.Choice("low", "低风险"), .init("medium", "中风险"), .init("high", "高风险"),
    ]
    public static let majorityViews = [
        InputField.Choice("agree", "多数同意"), .init("disagree", "多数不同意"), .init("divided", "意见分歧，无多数意见"),
    ]
    public static let expertSelections = [
        InputField.Choice("pool", "从本级决策咨询论证专家库中遴选"), .init("above_pool", "使用上级行政机关的专家库"),
        .init("direct", "未建专家库，直接遴选"), .init("commissioned", "委托专业机构论证"),
    ]
    /// 第十四条第二款: ways of hearing the public besides a public consultation and a hearing.
    public static let participationMethods = [
        InputField.Choice("forum", "座谈会"), .init("visit", "实地走访"), .init("written", "书面征求意见"),
        .init("survey", "问卷调查、民意调查"), .init("other", "其他方式"),
    ]
    /// 第三十六条第一款: when a 后评估 may be organised.
    public static let evaluationTriggers = [
        InputField.Choice("poor_results", "实施后明显未达到预期效果"), .init("many_objections", "公民、法人或者其他组织提出较多意见"),
        .init("government", "决策机关认为有必要"),
    ]
    public static let evaluationConclusions = [
        InputField.Choice("continue", "继续执行"), .init("adjust", "建议调整"), .init("stop", "建议停止执行"),
    ]
    /// 第三十五条第一款: what the 执行单位 reports, and (情况紧急) lets the 行政首长 suspend first (第三十七条).
    public static let suspensionSituations = [
        InputField.Choice("problem", "决策存在问题"), .init("changed", "客观情况发生重大变化"),
        .init("force_majeure", "执行中发生不可抗力等严重影响决策目标实现的情况"),
    ]
    /// 第三十七条: a change or a stop runs the procedure again.
    public static let adjustments = [InputField.Choice("adjust", "调整决策"), .init("stop", "停止执行")]

    public static func label(_ value: String?, in choices: [InputField.Choice]) -> String {
        choices.first { $0.value == value }?.label ?? (value ?? "")
    }

    /// One line of a list input written as `a｜b｜c` (full-width or ASCII bar), trimmed.
    public static func parts(_ line: String) -> [String] {
        line.split(whereSeparator: { $0 == "｜" || $0 == "|" }).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// The speaker of a meeting record line `姓名｜意见` (or `姓名：意见`).
    public static func speaker(_ line: String) -> String {
        let head = parts(line).first ?? line
        return (head.split(separator: "：", maxSplits: 1).first.map(String.init) ?? head)
            .trimmingCharacters(in: .whitespaces)
    }

    /// A unit's name as compared (第三十六条第二款): without spaces.
    public static func unitKey(_ name: String) -> String { name.filter { !$0.isWhitespace } }
}
