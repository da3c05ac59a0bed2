import Foundation

/// Terms of 行政规范性文件 (国办发〔2018〕37号、115号; 优化营商环境条例 第六十二条至第六十五条; statutes §D).
public enum Normative {
    /// 37号: documents touching rights and duties are open for comment generally ≥ 7 working days.
    public static let rightsCommentWorkdays = 7
    /// 优化营商环境条例 第六十二条: documents closely related to business, generally ≥ 30 days.
    public static let businessCommentDays = 30
    /// The government's 行政规范性文件制定主体清单 (`OrganisationLists`): only a body on it may draft (国办发〔2018〕37号).
    public static let issuerList = "normative_issuers"

    public static let documentKinds = [
        InputField.Choice("provision", "规定"), .init("measures", "办法"), .init("rules", "细则"),
        .init("opinion", "意见"), .init("notice", "通知"), .init("other", "其他"),
    ]
    /// 公平竞争审查 conclusions.
    public static let competitionConclusions = FairCompetitionReview.conclusions
    /// 合法性审核 opinions (115号).
    public static let reviewOpinions = [
        InputField.Choice("legal", "合法"), .init("legal_after_changes", "应当予以修改"),
    ]
    /// 37号 §一(一) "不得" list: the problems a 合法性审核 records (one line each).
    public static let prohibitions = [
        "增加法律、法规规定之外的行政权力事项或者减少法定职责",
        "设定行政许可、行政处罚、行政强制等事项",
        "增加办理行政许可事项的条件，规定出具循环证明、重复证明、无谓证明",
        "违法减损公民、法人和其他组织的合法权益或者增加其义务，侵犯公民人身权、财产权、人格权、劳动权、休息权等基本权利",
        "超越职权规定应由市场调节、企业和社会自律、公民自我管理的事项",
        "违法制定含有排除或者限制公平竞争内容的措施，违法干预或者影响市场主体正常生产经营活动，违法设置市场准入和退出条件",
    ]
    /// A government's documents are decided at its 常务会议 or 全体会议, a department's at its 办公会议.
    public static let meetingKinds = [
        InputField.Choice("executive", "常务会议"), .init("plenary", "全体会议"), .init("office", "办公会议"),
    ]
    public static let filingBodies = [
        InputField.Choice("government_above", "上一级人民政府"), .init("justice", "本级人民政府（司法行政部门）"),
        .init("congress", "本级人大常委会"),
    ]
    public static let filingConclusions = [
        InputField.Choice("no_objection", "审查无异议"), .init("correct", "责令改正"),
        .init("propose_revocation", "提请有权机关撤销（文件暂不失效）"), .init("revoke", "撤销"),
    ]
    public static let evaluationConclusions = [
        InputField.Choice("continue", "继续有效"), .init("amend", "需要修改"), .init("repeal", "建议废止"),
    ]
    public static let endings = [InputField.Choice("repealed", "废止"), .init("declared_invalid", "宣布失效")]

    /// The 有效期 ending before `expires` (the first day it no longer applies): its last valid day (`validUntil`, when the
    /// period is due — the document is 失效 from the next day), and the evaluation due the local months before.
    static func validity(endingBefore expires: CivilDate, _ s: ProcedureSettings) -> Facts {
        Facts([
            NormativeFact.expiresOn ~ expires, NormativeFact.validUntil ~ expires.adding(days: -1),
            NormativeFact.evaluationDue ~ expires.addingMonths(-s.normativeEvaluationMonths),
        ])
    }

    /// A document named in running text: a name in 《》 (unless it has them already), a bare 文号 as 文号为…的文件.
    public static func quotedTitle(_ s: String) -> String {
        let t = s.trimmingCharacters(in: .whitespaces)
        if DocumentCitations.numbers(in: t) == [DocumentCitations.normalised(t)] { return "文号为\(t)的文件" }
        return t.hasPrefix("《") ? t : "《\(t)》"
    }

    /// A document's standing on a day: not yet in force, in force, expired (past its 有效期), repealed.
    /// A document not yet published on the day is 未公布 — it may not be a basis for administration (优化营商环境条例
    /// 第六十四条第二款) — whatever its 施行日期.
    public static func standing(_ f: Facts, on day: CivilDate) -> String {
        guard let effective = f[NormativeFact.effectiveOn] else { return "未印发" }
        guard let published = f[NormativeFact.publishedOn], published <= day else { return "未公布" }
        if let ended = f[NormativeFact.endedOn], ended <= day {
            switch f[NormativeFact.ending] {
            case "repealed": return "已废止"
            case "revoked": return "已撤销"
            default: return "已失效"
            }
        }
        if let expires = f[NormativeFact.expiresOn], expires <= day { return "已失效" }
        return day < effective ? "未施行" : "现行有效"
    }
}
