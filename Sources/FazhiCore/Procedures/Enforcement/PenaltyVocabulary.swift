import Foundation

/// Terms and tests shared by the 行政处罚 procedures (普通程序、简易程序) — 《中华人民共和国行政处罚法》(2021).
public enum Penalty {
    /// 取证方式 (行政处罚法 第四十六条's kinds of evidence, as a record names them).
    public static let evidenceKinds = [
        InputField.Choice("inquiry", "询问笔录"), .init("inspection", "现场检查笔录"), .init("survey", "勘验笔录"),
        .init("sampling", "抽样取证"), .init("audiovisual", "视听资料（执法记录仪）"), .init("documentary", "书证、物证"),
        .init("electronic", "电子数据"),
    ]
    public static let law = "行政处罚法"

    /// The kinds of penalty (行政处罚法 第九条).
    public static let kinds = [
        "警告", "通报批评", "罚款", "没收违法所得", "没收非法财物", "暂扣许可证件", "降低资质等级", "吊销许可证件",
        "限制开展生产经营活动", "责令停产停业", "责令关闭", "限制从业", "行政拘留",
    ]
    /// The kinds that by themselves give a hearing right (第六十三条第一款(三)(四)).
    public static let hearingKinds: Set<String> = ["降低资质等级", "吊销许可证件", "责令停产停业", "责令关闭", "限制从业"]
    /// 简易程序 allows only a warning or a small fine (第五十一条).
    public static let simpleKinds: Set<String> = ["警告", "罚款"]
    /// 第五十一条: fines up to 200 yuan for a citizen, 3,000 yuan for a legal person or other organisation.
    public static let simpleFineCitizen: Money = 200
    public static let simpleFineOrganisation: Money = 3_000
    /// 第六十八条第一款(一): on-the-spot collection of fines up to 100 yuan.
    public static let onSpotCollectionMax: Money = 100
    /// 第七十二条第一款(一): 加处罚款 of 3% of the fine per day, capped at the fine.
    public static let lateFineRatePerDay = 0.03

    /// 行政强制法 第五十四条: a court application only when the party has not performed ten days after the 催告书 was served;
    /// 第六十九条: "十日以内" periods are working days.
    public static let demandWorkingDays = 10
    /// 行政强制法 第四十六条第一款: an agency with its own enforcement power enforces once 加处罚款 has run more than 30 days.
    public static let lateFineDaysBeforeEnforcement = 30
    /// 行政强制法 第五十三条: the court application within three months after the 复议 and 诉讼 periods have run out.
    public static let applicationWindowMonths = 3
    /// 行政复议法 第二十条第一款: 60 days to apply for 复议; 行政诉讼法 第四十六条第一款: six months to sue.
    public static let reconsiderationApplicationDays = 60
    public static let suitMonths = 6
    /// How a document is served (民事诉讼法 第七章第二节, applied by 第六十一条).
    public static let serviceMethods = [
        InputField.Choice("direct", "直接送达"), .init("left", "留置送达"), .init("post", "邮寄送达"),
        .init("electronic", "电子送达（已签确认书）"), .init("announcement", "公告送达"),
    ]

    public static let partyKinds = [InputField.Choice("citizen", "自然人"), .init("organisation", "法人或者其他组织")]
    public static let signature = [
        InputField.Choice("signed", "已签名"), .init("refused", "拒绝签名（已注明）"), .init("absent", "不在场"),
    ]

    /// Facts the caller looks up in the registries before a case is opened.
    public enum External {
        /// The body's 主体资格 is confirmed and announced.
        public static let bodyConfirmed = RegistryFacts.bodyConfirmed
        /// The power item is a 行政处罚 item on the body's 权责清单 on the day.
        public static let powerItemIsBodysPenalty = RegistryFacts.powerItemIsBodysPenalty
        /// The decision number the body issues next (e.g. 清市监罚〔2026〕12号).
        public static let decisionNumber = "decisionNumber"
        /// The SHA-256 of every evidence file uploaded to the case, and of those that are audio or video.
        public static let uploadedEvidence = RegistryFacts.uploadedEvidence
        public static let uploadedAudioVisual = RegistryFacts.uploadedAudioVisual
        /// The periods (`from/to`, ISO dates) the decision was under 行政复议 in this system: each 复议 case that names it,
        /// from receipt of the application to its end (or the step's day while it runs).
        public static let reconsiderationPeriods = "reconsideration.periods"
        /// The 裁量基准 the step names, as registered (JSON), and whether the case's item has any (第三十四条).
        public static let benchmark = "benchmark.content"
        public static let itemHasBenchmark = "powerItem.hasBenchmark"
    }

    static func isOrganisation(_ f: Facts) -> Bool { f[EnforcementFact.partyKind] == "organisation" }

    /// Whether the proposed penalty gives a right to a hearing (第六十三条): a large fine or confiscation (thresholds
    /// local: `ProcedureSettings`), or one of the heavier kinds.
    public static func hearingRight(
        kinds: [String], fine: Money, confiscation: Money, organisation: Bool, settings s: ProcedureSettings
    ) -> Bool {
        let fineLimit = organisation ? s.hearingFineOrganisation : s.hearingFineCitizen
        let confLimit = organisation ? s.hearingConfiscationOrganisation : s.hearingConfiscationCitizen
        return (kinds.contains("罚款") && fine.yuan >= fineLimit)
            || ((kinds.contains("没收违法所得") || kinds.contains("没收非法财物")) && confiscation.yuan >= confLimit)
            || !hearingKinds.isDisjoint(with: kinds)
    }

    /// 第三十六条: not discovered within 2 years (5 years where life, health or financial security is involved
    /// with harmful consequences) → no penalty.
    public static func withinLimitation(violationOn: CivilDate, discoveredOn: CivilDate, extended: Bool) -> Bool {
        let years = extended ? 5 : 2
        let day = min(violationOn.day, CivilDate.daysInMonth(year: violationOn.year + years, month: violationOn.month))
        return discoveredOn <= CivilDate(year: violationOn.year + years, month: violationOn.month, day: day)!
    }

    /// 加处罚款 (第七十二条第一款(一)): 3% of the fine per day overdue, days under 复议 or 诉讼 not counted
    /// (第七十三条第三款), never more than the fine (and 行政强制法 第四十五条).
    /// The overdue days (after `due`, through `through`) that fall in any of the periods under 复议 or 诉讼 — each day
    /// once, however many periods cover it (第七十三条第三款).
    public static func daysUnderReview(
        _ periods: [(from: CivilDate, to: CivilDate)], overdueAfter due: CivilDate, through: CivilDate
    ) -> Int {
        guard through > due else { return 0 }
        var days = 0
        var d = due.adding(days: 1)
        while d <= through {
            if periods.contains(where: { $0.from <= d && d <= $0.to }) { days += 1 }
            d = d.adding(days: 1)
        }
        return days
    }

    /// Reads `External.reconsiderationPeriods`.
    static func periods(_ external: Facts) -> [(from: CivilDate, to: CivilDate)] {
        external.list(External.reconsiderationPeriods).compactMap { s in
            let p = s.split(separator: "/").map(String.init)
            guard p.count == 2, let a = CivilDate(iso: p[0]), let b = CivilDate(iso: p[1]) else { return nil }
            return (a, b)
        }
    }

    public static func lateFine(fine: Money, daysOverdue: Int, daysUnderReview: Int) -> Money {
        let days = max(0, daysOverdue - max(0, daysUnderReview))
        return min(fine, Money(yuan: (fine.yuan * lateFineRatePerDay * Double(days) * 100).rounded() / 100) ?? fine)
    }

    /// A decision heavier than the proposal the party was told of: a larger fine or a kind not proposed.
    static func heavier(kinds: [String], fine: Money, than f: Facts) -> Bool {
        fine > (f[EnforcementFact.proposedFine] ?? 0)
            || !Set(kinds).isSubset(of: Set(f.list(EnforcementFact.proposedKinds)))
    }

    static let kindsProblem = "处罚种类应为第九条所列：" + kinds.joined(separator: "、")

    /// 行政处罚法 第十八条第三款: 限制人身自由的行政处罚权只能由公安机关和法律规定的其他机关行使.
    static let detention = Gate(
        "行政处罚法 第十八条第三款", "行政拘留只能由公安机关决定，本机关无权给予", field: "penaltyKinds"
    ) { c in
        !c.inputs.list(EnforcementFact.penaltyKinds).contains("行政拘留")
            || c.external.flag(RegistryFacts.bodyIsPublicSecurity)
    }
}
