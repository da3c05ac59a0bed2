import Foundation

/// A published decision as the public sees it: built only from publishable fields, with a natural person's name
/// masked (张某某) and ID numbers, phone numbers and home addresses left out or scrubbed from the text.
public struct PublicDecision: Codable, Sendable, Equatable {
    public var caseID: UUID
    public var decisionNumber: String
    public var body: String
    public var party: String
    public var partyKind: String
    public var violation: String
    public var basis: String
    public var penalties: [String]
    public var fine: Double
    public var decidedOn: String
    public var publishedOn: String
    public var withdrawnOn: String?
    /// 公开说明理由: why the decision was changed, revoked, confirmed illegal or void.
    public var withdrawalReason: String?

    public init(
        caseID: UUID, decisionNumber: String, body: String, party: String, partyKind: String, violation: String,
        basis: String,
        penalties: [String], fine: Double, decidedOn: String, publishedOn: String, withdrawnOn: String?,
        withdrawalReason: String?
    ) {
        self.caseID = caseID; self.decisionNumber = decisionNumber; self.body = body; self.party = party;
        self.partyKind = partyKind
        self.violation = violation; self.basis = basis; self.penalties = penalties; self.fine = fine;
        self.decidedOn = decidedOn
        self.publishedOn = publishedOn; self.withdrawnOn = withdrawnOn; self.withdrawalReason = withdrawalReason
    }
}

public enum DecisionPublication {
    /// The public projection of a decided case.
    public static func project(_ f: CaseFile, bodyName: String, publishedOn: CivilDate) -> PublicDecision {
        let citizen = f.facts[EnforcementFact.partyKind] != "organisation"
        let name = f.facts[EnforcementFact.partyName] ?? ""
        // Every natural person named in the case — the party when a citizen, co-parties, witnesses, agents, the recipient —
        // masked wherever they appear, spaced or not; free text reaches the public only through this.
        let names = PersonalData.personNames(in: f, partyIsCitizen: citizen)
        let text = PersonalData.maskNames(
            f.facts[EnforcementFact.violationFacts] ?? f.facts[EnforcementFact.summary] ?? "", names)
        return PublicDecision(
            caseID: f.id, decisionNumber: f.facts[EnforcementFact.decisionNumber] ?? "", body: bodyName,
            party: citizen ? PersonalData.maskName(name.filter { !$0.isWhitespace }) : name,
            partyKind: citizen ? "自然人" : "法人或者其他组织",
            violation: scrub(text),
            basis: scrub(PersonalData.maskNames(f.facts[EnforcementFact.penaltyBasis] ?? "", names)),
            penalties: f.facts.list(EnforcementFact.decidedKinds),
            fine: (f.facts[EnforcementFact.decidedFine] ?? 0).yuan,
            decidedOn: f.facts[EnforcementFact.decidedOn]?.description ?? "",
            publishedOn: publishedOn.description, withdrawnOn: nil, withdrawalReason: nil)
    }

    /// Removes ID numbers and phone numbers from free text (`PersonalData.scrub`).
    public static func scrub(_ s: String) -> String { PersonalData.scrub(s) }

    /// True if the text contains anything `scrub` removes (the masking tests look at every public page with it).
    public static func containsPersonalNumbers(_ s: String) -> Bool { PersonalData.containsPersonalNumbers(s) }
}
