import Foundation

extension ReconsiderationProcedure {
    /// A 复议 of the 被申请人's act: 维持 is 结果维持; 变更、撤销、确认违法或者无效、责令履行 (`Reconsideration.correcting`) is 结果纠正;
    /// any other decision, or a case refused, abandoned, terminated or dismissed, is 其他结果; the rest are 尚未审结.
    static let actReview = ActReview(
        route: { _ in .reconsideration },
        actKind: { $0.facts[ReconsiderationFact.actKind] },
        respondent: { $0.facts[ReconsiderationFact.respondent] },
        result: { f in
            if let o = f.facts[ReconsiderationFact.outcome], !o.isEmpty {
                if o == "uphold" { return .upheld }
                return Reconsideration.correcting.contains(o) ? .corrected : .other
            }
            let ended = [
                State.refused.id, State.abandoned.id, State.terminated.id, State.dismissed.id, State.closed.id,
            ]
            return ended.contains(f.state) ? .other : .pending
        })
}
