import Foundation

/// A 行政复议决定书 as the portal publishes it (行政复议法 第七十九条): the 复议机关, the respondent, the act, the decision and
/// its reasons — with a natural person's name masked (王某某) wherever it appears, and ID numbers and phone numbers
/// scrubbed from the text, as for published penalty decisions. The applicant's address and identity never leave the case.
public struct PublicReconsiderationDecision: Codable, Sendable, Equatable {
    public var caseID: UUID
    public var decisionNumber: String
    public var authority: String
    public var applicant: String
    public var respondent: String
    public var act: String
    public var outcome: String
    public var decision: String
    public var reasons: String
    public var decidedOn: String
    public var effectiveOn: String
}

public enum ReconsiderationPublication {
    /// Whether a case's decision is published: decided, served (effective, 第七十五条), and not withheld.
    public static func isPublished(_ f: CaseFile) -> Bool {
        f.procedure == ReconsiderationProcedure.id && f.facts[ReconsiderationFact.decidedOn] != nil
            && f.facts[ReconsiderationFact.effectiveOn] != nil
            && (f.facts[ReconsiderationFact.publicationWithheld] ?? "").isEmpty
    }

    public static func project(_ f: CaseFile, authority: String) -> PublicReconsiderationDecision {
        let citizen = f.facts[ReconsiderationFact.applicantKind] != "organisation"
        let name = f.facts[ReconsiderationFact.applicantName] ?? ""
        // Every natural person named in the case (the applicant when a citizen, third parties, agents, the recipient).
        let names = PersonalData.personNames(in: f, partyIsCitizen: citizen)
        func clean(_ s: String) -> String { PersonalData.scrub(PersonalData.maskNames(s, names)) }
        let outcome = f.facts[ReconsiderationFact.outcome] ?? ""
        return PublicReconsiderationDecision(
            caseID: f.id, decisionNumber: f.facts[ReconsiderationFact.decisionNumber] ?? "", authority: authority,
            applicant: citizen ? PersonalData.maskName(name.filter { !$0.isWhitespace }) : name,
            respondent: f.facts[ReconsiderationFact.respondent] ?? "",
            act: clean(f.facts[ReconsiderationFact.actDescription] ?? ""),
            outcome: Reconsideration.outcomeName(outcome).components(separatedBy: "（").first ?? outcome,
            decision: clean(f.facts[ReconsiderationFact.decisionText] ?? ""),
            reasons: clean(f.facts[ReconsiderationFact.decisionReasons] ?? ""),
            decidedOn: f.facts[ReconsiderationFact.decidedOn]?.description ?? "",
            effectiveOn: f.facts[ReconsiderationFact.effectiveOn]?.description ?? "")
    }

    /// The published decisions among the files, newest first, matching every word of `text` if given.
    public static func published(
        _ files: [CaseFile], authority: (CaseFile) -> String, text: String? = nil
    ) -> [PublicReconsiderationDecision] {
        let words = (text ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
        return files.filter(isPublished).map { project($0, authority: authority($0)) }
            .filter { d in
                words.allSatisfy { w in
                    [d.decisionNumber, d.applicant, d.respondent, d.act, d.outcome, d.decision, d.reasons].contains {
                        $0.contains(w)
                    }
                }
            }
            .sorted { ($0.decidedOn, $0.decisionNumber) > ($1.decidedOn, $1.decisionNumber) }
    }
}
