import Foundation

/// What a step does to the public record of a decision (事后公示).
public enum PublicationEffect: String, Sendable, Codable {
    /// Publish the decision (行政处罚法 第四十八条第一款; 三项制度).
    case publish
    /// Withdraw it, with the reason made public (第四十八条第二款).
    case withdraw
}

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

    public init(caseID: UUID, decisionNumber: String, body: String, party: String, partyKind: String, violation: String, basis: String,
                penalties: [String], fine: Double, decidedOn: String, publishedOn: String, withdrawnOn: String?, withdrawalReason: String?) {
        self.caseID = caseID; self.decisionNumber = decisionNumber; self.body = body; self.party = party; self.partyKind = partyKind
        self.violation = violation; self.basis = basis; self.penalties = penalties; self.fine = fine; self.decidedOn = decidedOn
        self.publishedOn = publishedOn; self.withdrawnOn = withdrawnOn; self.withdrawalReason = withdrawalReason
    }
}

public enum DecisionPublication {
    /// The public projection of a decided case.
    public static func project(_ f: CaseFile, bodyName: String, publishedOn: CivilDate) -> PublicDecision {
        let citizen = f.facts.text("partyKind") != "organisation"
        let name = f.facts.text("partyName") ?? ""
        var text = f.facts.text("violationFacts") ?? f.facts.text("summary") ?? ""
        if citizen && !name.isEmpty { text = text.replacingOccurrences(of: name, with: PersonalData.maskName(name)) }
        return PublicDecision(caseID: f.id, decisionNumber: f.facts.text("decisionNumber") ?? "", body: bodyName,
                              party: citizen ? PersonalData.maskName(name) : name, partyKind: citizen ? "自然人" : "法人或者其他组织",
                              violation: scrub(text), basis: scrub(f.facts.text("penaltyBasis") ?? ""), penalties: f.facts.list("decidedKinds"),
                              fine: f.facts.number("decidedFine") ?? 0, decidedOn: f.facts.date("decidedOn")?.description ?? "",
                              publishedOn: publishedOn.description, withdrawnOn: nil, withdrawalReason: nil)
    }

    /// Removes what must never be public from free text: resident ID numbers, mobile and landline numbers.
    public static func scrub(_ s: String) -> String {
        var out = s
        for pattern in [#"[1-9]\d{5}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx]"#, #"(?<!\d)1[3-9]\d{9}(?!\d)"#, #"(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)"#] {
            out = out.replacingOccurrences(of: pattern, with: "＊＊＊", options: .regularExpression)
        }
        return out
    }

    /// True if the text contains anything `scrub` removes (the masking tests look at every public page with it).
    public static func containsPersonalNumbers(_ s: String) -> Bool { scrub(s) != s }
}
