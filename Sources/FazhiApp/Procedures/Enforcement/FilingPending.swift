import FazhiCore
import FazhiStore
import Vapor

/// 待立案审批: the cases an officer drafted (拟立案) at the bodies the user heads, waiting for the head's 立案.
enum FilingPending {
    static let items: PendingItems.Provider = { user, req in
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
}
