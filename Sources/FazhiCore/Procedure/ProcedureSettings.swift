import Foundation

/// Values the statutes leave to provinces or that `spec/statutes.md` marks unverified: one place, configurable
/// per deployment, each with the reason it is not a constant.
public struct ProcedureSettings: Codable, Sendable, Equatable {
    /// 较大数额罚款 (行政处罚法 第六十三条第一款(一)): the fine from which a hearing right arises, for a citizen and
    /// for an organisation. Set by provincial rules — local, not statutory. Defaults follow many provinces' rules.
    public var hearingFineCitizen: Double = 10_000
    public var hearingFineOrganisation: Double = 100_000
    /// 没收较大数额违法所得、较大价值非法财物 (第六十三条第一款(二)): same thresholds unless set otherwise (local).
    public var hearingConfiscationCitizen: Double = 10_000
    public var hearingConfiscationOrganisation: Double = 100_000
    /// The period for 陈述、申辩 after 告知 before a decision may be made. The 行政处罚法 sets none (第四十四条);
    /// departmental rules commonly give 5 working days — [U], configurable.
    public var statementWorkingDays: Int = 5
    /// 行政处罚法 第六十条: 90 days from 立案, unless a law, regulation or rule provides otherwise.
    public var decisionDays: Int = 90
    /// Decisions published within this many working days (国办发〔2018〕118号: 7 working days — [U], statutes §G).
    public var publicationWorkingDays: Int = 7
    /// Which penalty decisions are published (行政处罚法 第四十八条: "具有一定社会影响的行政处罚决定应当依法公开" — which
    /// ones is for local rules). Default: every 普通程序 penalty decision.
    public var publicationRule: PublicationRule = .everyPenalty
    /// The local list of 重大执法决定 (第五十八条第一款(四)): power item codes whose decisions always need 法制审核.
    public var majorDecisionItems: Set<String> = []
    /// 行政诉讼法 第六十七条第一款: the defendant answers and produces its evidence within 15 days of receiving the
    /// complaint. Statutory; configurable because the issue asks for it (a court may set another period, 第三十六条).
    public var litigationAnswerDays: Int = 15
    /// 检察建议: the body replies in writing within two months (《人民检察院检察建议工作规定》第十九条) — counted in months
    /// (to the corresponding day, 民事诉讼法 第八十五条), not as 60 days — [U], configurable.
    public var procuratorialReplyMonths: Int = 2
    /// 司法建议: no statute sets the reply period; the court's letter does. Default 30 days — local, configurable.
    public var judicialReplyDays: Int = 30
    /// How long a 人民调解 should take before it is concluded: the 人民调解法 only says 及时 (第二十一条第二款); local rules
    /// commonly say a month — local, configurable.
    public var mediationDays: Int = 30
    /// When the 调解委员会 visits to check an agreement is performed (人民调解法 第三十一条第二款 says it supervises
    /// performance, not when) — local, configurable.
    public var mediationFollowUpDays: Int = 30

    /// 集体讨论 (行政处罚法 第五十七条第二款) needs the body's heads; the law sets no number. At least three participants is
    /// a common local rule — local, configurable.
    public var collectiveDiscussionMinimum: Int = 3
    /// The most days one extension of the penalty decision period may add (第六十条 leaves longer periods to other laws,
    /// regulations and rules) — local, configurable.
    public var penaltyExtensionMaxDays: Int = 365
    /// The longest period a 复议 decision may give the respondent to act again (行政复议法 第六十四条 says only 在一定期限内)
    /// — local, configurable.
    public var redoMaxDays: Int = 365
    /// The fewest 复议委员会 members whose opinion counts as the committee's (第五十二条 sets none) — local, configurable.
    public var committeeMinimum: Int = 3
    /// A retrial heard under first-instance procedure gives an appealable judgment (民事诉讼法 第二百一十八条, applied by
    /// 行政诉讼法 第一百零一条; the 行政诉讼法 has no retrial appeal rule of its own) — a reading, configurable.
    public var retrialFirstInstanceAppealable: Bool = true
    /// The hearing request period (行政处罚法 第六十四条第一项 "告知后五日内") and the 陈述申辩 period run from the day the
    /// 告知书 is served (received), not from the day it was sent — a reading, configurable.
    public var noticePeriodsFromService: Bool = true
    /// 行政规范性文件 filed with the government above or the 司法行政 department within this many days of publication: no
    /// national rule; 15 is common (statutes §D [V2]) — local, configurable.
    public var normativeFilingDays: Int = 15
    /// Filed with the 人大常委会 within 30 days (local regulations, statutes §D [V]) — configurable.
    public var normativeCongressFilingDays: Int = 30
    /// 有效期: 5 years, 暂行/试行 2 (provincial rules, statutes §D [V2]) — configurable.
    public var normativeValidityYears: Int = 5
    public var normativeProvisionalYears: Int = 2
    /// The evaluation before a document's 有效期 ends, due this many months before (山东省 rule: 6, statutes §D [V2]).
    public var normativeEvaluationMonths: Int = 6
    /// 合法性审核 takes generally at least 5 and at most 15 working days (国办发〔2018〕115号, statutes §D [U]).
    public var normativeReviewMinWorkdays: Int = 5
    public var normativeReviewMaxWorkdays: Int = 15
    /// 重大行政决策的合法性审查: the 条例 sets only a minimum (第二十六条, ≥ 7 working days); the time the 司法局 is given at
    /// most is local (commonly 15 working days, [U]) — configurable, shown as the reviewer's deadline.
    public var majorDecisionReviewMaxWorkdays: Int = 15
    /// 双随机 results published within this many working days of the result (企业信息公示暂行条例 第六条's 20 working days
    /// as usually applied; statutes §E [U] for 国发〔2019〕5号) — configurable.
    public var randomResultPublicationWorkdays: Int = 20
    /// 公民、法人和其他组织的审查建议 answered within this many days of receipt: no national rule (local 规范性文件管理办法
    /// commonly 30 or 60 days) — configurable.
    public var normativeSuggestionAnswerDays: Int = 60
    /// 执法监督预警 "短期内重复检查": the same object inspected again within this many days without a complaint that
    /// justifies it ("综合查一次"; no national number — local, configurable).
    public var repeatInspectionDays: Int = 30
    /// 执法监督预警 "移送后未获反馈": the 公安机关 decides within 3 days of receiving a transfer (行政执法机关移送涉嫌犯罪案件的规定
    /// 第八条), longer when the facts must be checked; the alert waits this many days — local, configurable.
    public var transferFeedbackDays: Int = 30
    /// 行政执法监督通知书、意见书: the supervised body reports what it corrected within this many working days of service
    /// unless the 司法局 sets another period in the document (行政执法监督条例 sets no national number here — [U],
    /// configurable).
    public var supervisionReportWorkdays: Int = 20
    /// 案卷评查: a reviewed body may object to its confirmed scores within this many working days of their being sent
    /// back to it, before the 通报 (provincial 评查办法 commonly set a few days; no national rule verified — [U]).
    public var fileReviewObjectionWorkdays: Int = 5
    /// 行政执法投诉举报: the 司法局 decides whether it takes a complaint up within this many working days of receipt, and
    /// answers the complainant within this many days of receipt (行政执法监督条例's own periods not verified — [U],
    /// configurable; 信访工作条例 第三十二条's 60 days is the familiar outer bound).
    public var complaintAcceptanceWorkdays: Int = 5
    public var complaintAnswerDays: Int = 60

    public init() {}
}

/// The local rule for which 普通程序 penalty decisions are published (事后公示).
public enum PublicationRule: Codable, Sendable, Equatable, CustomStringConvertible {
    /// Every penalty decision.
    case everyPenalty
    /// Only decisions a hearing right attaches to (第六十三条: large fines or confiscations, licence revocation, 停产停业…).
    case hearingRightOnly
    /// Decisions with a fine of at least this many yuan, and every decision with a penalty other than a fine, 警告 or 通报批评.
    case fineAtLeast(Double)

    /// `all`, `hearing` or `fine:AMOUNT` (FAZHI_PUBLICATION_RULE).
    public init?(setting: String) {
        let v = setting.trimmed.lowercased()
        if v == "all" { self = .everyPenalty; return }
        if v == "hearing" { self = .hearingRightOnly; return }
        if v.hasPrefix("fine:"), let n = Double(v.dropFirst(5)), n >= 0 { self = .fineAtLeast(n); return }
        return nil
    }

    public func covers(kinds: [String], fine: Double, hearingRight: Bool) -> Bool {
        switch self {
        case .everyPenalty: true
        case .hearingRightOnly: hearingRight
        case .fineAtLeast(let n): fine >= n || kinds.contains { !["罚款", "警告", "通报批评"].contains($0) }
        }
    }

    public var description: String {
        switch self {
        case .everyPenalty: "公示全部普通程序行政处罚决定"
        case .hearingRightOnly: "仅公示依法应当告知听证权利的行政处罚决定（第六十三条）"
        case .fineAtLeast(let n): "公示罚款 \(Int(n)) 元以上及罚款、警告、通报批评以外的行政处罚决定"
        }
    }
}
