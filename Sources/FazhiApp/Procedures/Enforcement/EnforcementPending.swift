import FazhiCore
import FazhiStore
import Vapor

/// The enforcement steps waiting for one person: 待立案审批 for a head, 待法制审核 for a legal reviewer.
enum EnforcementPending {
    /// The cases an officer drafted (拟立案) at the bodies the user heads, waiting for the head's 立案.
    static let filings: PendingItems.Provider = { user, req in
        let drafts = try await CaseStore.inState(
            procedure: PenaltyOrdinaryProcedure.id, state: PenaltyOrdinaryProcedure.State.clue.id, limit: 500,
            on: req.db
        ).filter { c in
            c.file.facts[EnforcementFact.filingDraftedOn] != nil
                && CasesAPI.actor(user, body: c.file.bodyID, procedure: c.file.procedure).roles.contains(.head)
        }
        return drafts.map { c in
            PendingItem(
                severity: .warning,
                title: "待立案审批：\(c.file.facts[EnforcementFact.partyName] ?? c.number)",
                detail:
                    "\(c.file.facts[EnforcementFact.filingDrafter] ?? "")于\(c.file.facts[EnforcementFact.filingDraftedOn]?.description ?? "")拟立案",
                link: SitePath.caseFile(c.id).path)
        }
    }

    /// 待法制审核: proposals at the bodies where the user is a 法制审核 reviewer that need review (第五十八条第一款) and
    /// have not passed it for the current proposal.
    static let reviews: PendingItems.Provider = { user, req in
        typealias S = PenaltyOrdinaryProcedure.State
        typealias F = EnforcementFact
        var out: [PendingItem] = []
        for state in [S.proposed.id, S.notified.id] {
            for c in try await CaseStore.inState(
                procedure: PenaltyOrdinaryProcedure.id, state: state, limit: 500, on: req.db)
            where CasesAPI.actor(user, body: c.file.bodyID, procedure: c.file.procedure).roles.contains(.legalReviewer)
            {
                let f = c.file.facts
                let needed = !f.list(F.legalReviewReasons.id).isEmpty || f.flag(F.heard)
                guard needed, f[F.reviewPassedRound] != f[F.proposalRound] else { continue }
                out.append(
                    PendingItem(
                        severity: .warning, title: "待法制审核：\(c.number) \(f[F.partyName] ?? "")",
                        detail: "拟作处罚：\(f.list(F.legalReviewReasons.id).joined(separator: "；"))（行政处罚法 第五十八条）",
                        link: SitePath.caseFile(c.id).path))
            }
        }
        return out
    }
}
