import Foundation

extension LitigationProcedure {
    /// A suit against the body's own act: after a 复议 that upheld it when the body is a joint defendant (行政诉讼法
    /// 第二十六条第二款); the body lost (撤销、变更、确认违法或者无效、判决履行) is 结果纠正, 驳回诉讼请求 or 维持原判 is 结果维持,
    /// a ruling, withdrawal or mediation is 其他结果, no judgment yet is 尚未审结.
    static let actReview = ActReview(
        route: { $0.facts[LitigationFact.defendantRole] == "joint" ? .suitAfterReconsideration : .suit },
        actKind: { $0.facts[LitigationFact.actKind] },
        respondent: { _ in nil },
        result: { f in
            // Only a judgment in force counts (one under appeal is still 尚未审结).
            guard [State.effective.id, State.closed.id].contains(f.state),
                let j = Litigation.judgment(f.facts[LitigationFact.judgment])
            else { return .pending }
            if j.lost { return .corrected }
            return ["reject_claims", "uphold_on_appeal"].contains(j.value) ? .upheld : .other
        })
}
