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
    /// The local list of 重大执法决定 (第五十八条第一款(四)): power item codes whose decisions always need 法制审核.
    public var majorDecisionItems: Set<String> = []

    public init() {}
}
