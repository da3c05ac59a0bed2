import Foundation

/// Terms shared by the 行政复议 procedure — 《中华人民共和国行政复议法》(2023 revision, in force 2024-01-01).
/// Its "三日""五日""七日""十日" are working days (第八十八条第二款); the 60-day application period, the 60/30-day decision
/// periods and the 30-day extension are calendar days (statutes §0, §B).
public enum Reconsideration {
    public static let law = "行政复议法"

    /// 第二十条第一款: apply within 60 days of knowing of the act.
    public static let applicationDays = 60
    /// 第二十条第三款: when the party was not told of the right, the body or the period — at most one year after learning of the act.
    public static let untoldCapYears = 1
    /// 第二十一条: not accepted after 20 years (real property) or 5 years (other acts) from the act.
    public static let outerLimitYearsRealProperty = 20
    public static let outerLimitYears = 5
    /// 第五十三条第一款第三项: the simple procedure for acts about at most 3,000 yuan.
    public static let simpleAmountMax: Money = 3_000
    /// 第六十二条: 60 days (ordinary), extendable once by at most 30; 30 days (simple).
    public static let ordinaryDecisionDays = 60
    public static let extensionMaxDays = 30
    public static let simpleDecisionDays = 30
    /// 第七十六条: the respondent reports how it corrected within 60 days of an 意见书.
    public static let opinionReportDays = 60

    public static let channels = [
        InputField.Choice("online", "网上申请"), .init("post", "邮寄"), .init("in_person", "当面递交"),
        .init("oral", "口头申请（已记录）"),
    ]
    public static let applicantKinds = [InputField.Choice("citizen", "自然人"), .init("organisation", "法人或者其他组织")]
    /// The kind of act applied against, as far as the simple procedure and the outer limit need to know (第二十一条、第五十三条).
    public static let actKinds = [
        InputField.Choice("penalty", "行政处罚"), .init("on_spot", "当场作出的行政行为"), .init("warning", "警告或者通报批评"),
        .init("info_disclosure", "政府信息公开"), .init("compulsory", "行政强制"), .init("licence", "行政许可"),
        .init("nonperformance", "不履行法定职责"), .init("agreement", "行政协议"), .init("other", "其他行政行为"),
    ]

    /// 第五十三条: the grounds for the simple procedure.
    public static let simpleGrounds = [
        InputField.Choice("on_spot", "被申请行政复议的行政行为是当场作出（第一项）"),
        .init("warning", "被申请行政复议的行政行为是警告或者通报批评（第二项）"),
        .init("small_amount", "案件涉及款额三千元以下（第三项）"),
        .init("info_disclosure", "属于政府信息公开案件（第四项）"),
        .init("all_agree", "当事人各方同意适用简易程序（第二款）"),
    ]

    /// 第三十九条第一款: the grounds for 中止 (suspension).
    public static let suspensionGrounds = [
        InputField.Choice("applicant_died", "作为申请人的公民死亡，其近亲属尚未确定是否参加行政复议"),
        .init("incapacity", "作为申请人的公民丧失参加行政复议的行为能力，尚未确定法定代理人"),
        .init("missing", "作为申请人的公民下落不明"),
        .init("dissolved", "作为申请人的法人或者其他组织终止，尚未确定权利义务承受人"),
        .init("force_majeure", "因不可抗力等正当理由不能参加行政复议"),
        .init("mediation", "依法进行调解、和解，申请人和被申请人同意中止"),
        .init("legal_question", "案件涉及的法律适用问题需要有权机关作出解释或者确认"),
        .init("other_case", "案件审理需要以其他案件的审理结果为依据，而其他案件尚未审结"),
        .init("normative_document", "申请人依法提出对有关规范性文件的附带审查申请"),
        .init("other", "需要中止行政复议的其他情形"),
    ]
    /// 第四十一条: the grounds for 终止 (termination).
    public static let terminationGrounds = [
        InputField.Choice("withdrawn", "申请人撤回行政复议申请（含和解后撤回，第七十四条）"),
        .init("no_successor", "作为申请人的公民死亡，没有近亲属或者其近亲属放弃行政复议权利"),
        .init("no_successor_org", "作为申请人的法人或者其他组织终止，没有权利义务承受人或者其权利义务承受人放弃行政复议权利"),
        .init("criminal_measure", "申请人对行政拘留或者限制人身自由的行政强制措施不服申请行政复议后，因同一违法行为涉嫌犯罪，被采取刑事强制措施"),
        .init("suspension_60_days", "依照第三十九条第一款第一项、第二项、第四项的规定中止行政复议满六十日，行政复议中止的原因仍未消除"),
    ]
    /// The suspension grounds whose lasting 60 days lets the case be terminated (第四十一条第五项).
    static let terminableSuspensions: Set<String> = ["applicant_died", "incapacity", "dissolved"]

    /// 第六十三条至第七十三条: what a decision may be.
    public static let outcomes = [
        InputField.Choice("change", "变更（第六十三条）"), .init("revoke", "撤销（第六十四条）"), .init("partial_revoke", "部分撤销（第六十四条）"),
        .init("confirm_illegal", "确认违法（第六十五条）"), .init("order_performance", "责令履行（第六十六条）"),
        .init("confirm_void", "确认无效（第六十七条）"),
        .init("uphold", "维持（第六十八条）"), .init("dismiss", "驳回行政复议请求（第六十九条）"), .init("agreement_order", "行政协议类决定（第七十一条）"),
        .init("compensation", "决定赔偿（第七十二条）"), .init("mediation", "行政复议调解书（第七十三条）"),
    ]
    /// Outcomes that correct the act (纠错): the numerator of the 纠错率 the seeds report.
    public static let correcting: Set<String> = [
        "change", "revoke", "partial_revoke", "confirm_illegal", "order_performance", "confirm_void",
    ]
    /// Outcomes that make a linked 行政处罚 decision one "变更、撤销、确认违法或者无效" — withdrawn from the portal (行政处罚法 第四十八条第二款).
    public static let changesPublishedDecision: [String: String] = [
        "change": "changed", "revoke": "revoked", "partial_revoke": "changed",
        "confirm_illegal": "illegal", "confirm_void": "void",
    ]
    /// 第七十条: when the respondent did not answer or produce evidence in time, the act is treated as having none: only these.
    public static let noAnswerOutcomes: Set<String> = [
        "revoke", "partial_revoke", "confirm_illegal", "confirm_void", "order_performance",
    ]

    /// 第五十二条: who sits on the 行政复议委员会.
    public static let committeeMemberKinds = [
        InputField.Choice("department", "相关政府部门"), .init("expert", "专家"), .init("scholar", "学者"), .init("other", "其他"),
    ]

    public static func outcomeName(_ v: String) -> String { outcomes.first { $0.value == v }?.label ?? v }

    /// Facts the store looks up for a step.
    public enum External {
        /// The number the 复议机关 gives the case's decision (the case's own 复议 number, e.g. 清政复〔2026〕3号).
        public static let caseNumber = "case.number"
        /// The id of the penalty case whose decision the application names (by its 决定书文号), when it is in this system.
        public static let linkedCase = "linkedCase.id"
        /// The names of the office's 复议委员会 members serving on the day (the registry).
        public static let committeeMembers = "committee.members"
    }
}
