import FazhiCore
import FazhiStore
import Vapor

/// What a decision waits for, in the 待办 of who takes the next step: the 司法局 (or 法制机构) the drafts sent for
/// 合法性审查, with the days left of the review time; the 行政首长 the drafts ready for the meeting and the decisions ready
/// to be reported and published.
enum DecisionPending {
    typealias S = MajorDecisionProcedure.State

    static let items: PendingItems.Provider = { user, req in
        let roles = Set(user.grants.map(\.role))
        let reviewer = !roles.isDisjoint(with: [.supervisor, .legalReviewer])
        let head = roles.contains(.head) || roles.contains(.legalReviewer)
        guard reviewer || head else { return [] }
        let today = req.fazhi.today, readable = user.readable
        var out: [PendingItem] = []
        func mine(_ state: ProcedureState) async throws -> [StoredCase] {
            try await CaseStore.inState(procedure: MajorDecisionProcedure.id, state: state.id, limit: 200, on: req.db)
                .filter { readable.contains($0.file.bodyID) }
        }
        if reviewer {
            for c in try await mine(S.reviewing) {
                let due = c.file.deadline("review")?.deadline.due
                let left = due.map { today.days(until: $0) }
                out.append(
                    PendingItem(
                        severity: (left ?? 1) < 0 ? .overdue : .warning,
                        title: "待合法性审查：\(c.file.facts[MajorDecisionFact.title] ?? c.number)",
                        detail: due.map { d in
                            (left ?? 0) < 0
                                ? "审查时间已逾期\(-(left ?? 0))天（\(d)）" : "审查期限\(d)（本地设置），还剩\(left ?? 0)天"
                        } ?? "", link: SitePath.caseFile(c.id).path))
            }
        }
        if head {
            for c in try await mine(S.reviewed) {
                out.append(
                    PendingItem(
                        severity: .info, title: "待集体讨论：\(c.file.facts[MajorDecisionFact.title] ?? c.number)",
                        detail: "合法性审查已通过，提请常务会议或者全体会议讨论（第三十条）", link: SitePath.caseFile(c.id).path))
            }
            for c in try await mine(S.decided) {
                out.append(
                    PendingItem(
                        severity: .warning, title: "待公布：\(c.file.facts[MajorDecisionFact.title] ?? c.number)",
                        detail: "已集体讨论决定；向同级党委请示报告后及时公布（第三十一条、第三十二条）", link: SitePath.caseFile(c.id).path))
            }
        }
        return out
    }
}
