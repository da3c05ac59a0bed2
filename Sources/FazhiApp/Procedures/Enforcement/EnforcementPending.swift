import FazhiCore
import FazhiStore
import Vapor

/// The enforcement steps waiting for one person: 待立案审批 and 可作出决定 for a head, 待法制审核 for a legal reviewer.
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
                title: "待立案审批：\(c.file.facts[EnforcementFact.partyName] ?? "") \(c.number)",
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
                        detail: "拟作处罚：\(f.list(F.legalReviewReasons.id).joined(separator: "；"))（行政处罚法 第五十八条）"
                            + (c.file.deadline("decision").flatMap { d in
                                d.isRunning
                                    ? "；办案期限\(d.deadline.due)，还剩\(req.fazhi.today.days(until: d.deadline.due))天" : nil
                            } ?? ""),
                        link: SitePath.caseFile(c.id).path))
            }
        }
        return out
    }

    /// 可作出决定: proposals at the bodies the user heads where 作出决定 is open to the user now — by the engine's own
    /// rule, as the case page decides it (陈述申辩 ended or waived, 听证 held, 法制审核 passed where needed) — with the
    /// decision period's days left (行政处罚法 第六十条).
    static let decisions: PendingItems.Provider = { user, req in
        typealias S = PenaltyOrdinaryProcedure.State
        let today = req.fazhi.today, catalog = req.fazhi.procedures
        var out: [PendingItem] = []
        for state in [S.proposed.id, S.notified.id, S.hearing.id] {
            for c in try await CaseStore.inState(
                procedure: PenaltyOrdinaryProcedure.id, state: state, limit: 200, on: req.db)
            {
                let identity = CasesAPI.actor(user, body: c.file.bodyID, procedure: c.file.procedure)
                guard identity.roles.contains(.head),
                    let def = catalog.definition(c.file.procedure, version: c.file.definitionVersion)
                else { continue }
                let actor = try await CaseStore.actorForAvailability(identity, def: def, file: c.file, on: req.db)
                let external = try await CaseStore.externalFacts(c.file, on: today, db: req.db)
                let open = ProcedureEngine.available(
                    def, file: c.file, actor: actor, external: external, today: today, calendar: req.fazhi.deadlines,
                    settings: catalog.settings
                ).contains { $0.action.id == PenaltyOrdinaryProcedure.Step.decide && $0.refusal == nil }
                // 作出决定 also stands open for a 不予处罚 decision; a penalty waits for the party's periods still running
                // (陈述申辩, 要求听证: 第六十二条、第六十四条), so the case is not yet ready to decide.
                let waiting =
                    def.action(PenaltyOrdinaryProcedure.Step.decide)?.gates.contains { g in
                        g.waitsFor.flatMap { c.file.deadline($0) }.map { $0.isRunning && $0.deadline.due >= today }
                            ?? false
                    } ?? false
                guard open, !waiting else { continue }
                let due = c.file.deadline("decision").flatMap { $0.isRunning ? $0.deadline.due : nil }
                let left = due.map { today.days(until: $0) }
                // Within three days of its end the period itself is listed (`PendingItems.caseItems`), red when overdue.
                if let left, left <= 3 { continue }
                out.append(
                    PendingItem(
                        severity: .warning,
                        title: "可作出决定：\(c.number) \(c.file.facts[EnforcementFact.partyName] ?? "")",
                        detail: due.map { "办案期限\($0)届满，还剩\(left ?? 0)天（行政处罚法 第六十条）" }
                            ?? "拟作处罚已可决定（行政处罚法 第五十七条）",
                        link: SitePath.caseFile(c.id).path))
            }
        }
        return out
    }
}
