import Foundation

/// 调解 (人民调解法; 行政调解): disputes received by a 调解 organisation, the 调解协议书, 调解率 and 调解成功率.
extension ProcedureModule {
    public static let mediation = ProcedureModule(
        folder: "Mediation", name: "矛盾纠纷调解",
        procedureIDs: [MediationProcedure.id],
        definitions: { s in [MediationProcedure.definition(s)] },
        documents: [.mediationAgreement],
        facts: MediationFact.all,
        render: { input, draft in
            let f = input.facts
            if f[MediationFact.mediationKind] == "administrative" { draft.title = "行政调解协议书" }
            if f[MediationFact.agreementForm] == "oral" { draft.title = "口头调解协议记录" }
            draft.blocks += MediationDocuments.blocks(
                input.kind, facts: f, file: input.file, step: input.step, context: input.context)
        })
}

extension CaseDocumentKind {
    public static let mediationAgreement = CaseDocumentKind("mediation_agreement", "人民调解协议书")
}

extension MediationProcedure {
    /// seed 002: "共调解民事纠纷1048件，调解率100%，调解成功率98.7%".
    static let summary: @Sendable (FigureTally) -> String = { t in
        "\(t.year)年受理矛盾纠纷\(t.count("received"))件，调解\(t.count("mediated"))件，调解成功\(t.count("succeeded"))件，"
            + "调解率\(FigureTally.percent(t.rate("mediation")))，调解成功率\(FigureTally.percent(t.rate("success")))。"
    }
    static let presentation = CasePresentation(
        party: ["parties"],
        shownFacts: [
            "mediationKind", "disputeType", "parties", "committee", "disputeSummary", "amountInvolved", "receivedOn",
            "mediators", "sessions",
            "outcome", "agreedOn", "confirmationDue", "performance",
        ],
        labels: [
            "receivedOn": "受理日期", "sessions": "调解次数", "outcome": "结果", "agreedOn": "达成协议日期",
            "confirmationDue": "可申请司法确认至",
        ],
        computedChoices: ["outcome": Mediation.outcomes],
        notStarted: "尚未受理",
        result: { f in f.facts[MediationFact.outcome].map { Mediation.name($0, in: Mediation.outcomes) } ?? "" })
}
