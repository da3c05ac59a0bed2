import Foundation

/// The 调解协议书 (人民调解法 第二十九条): the parties, the dispute's facts, issues and responsibilities, the terms with the
/// way and time of performing them; effective once the parties and the mediator sign and the organisation seals it.
enum MediationDocuments {
    static func blocks(
        _ kind: CaseDocumentKind, facts f: Facts, file: CaseFile, step: CaseStep?, context c: DocumentContext
    ) -> [DocumentText.Block] {
        func t<V: FactType>(_ k: FactKey<V>) -> String { f[k.id]?.description ?? "" }
        let date = step?.on ?? file.steps.last?.on
        let parties = f.list(MediationFact.parties)
        let oral = f[MediationFact.agreementForm] == "oral"
        var b: [DocumentText.Block] = [
            .centered(c.caseNumber),
            .table([["当事人"] + [""]] + parties.enumerated().map { ["第\($0.offset + 1)方", $0.element] }),
            .field("纠纷类型", Mediation.name(f[MediationFact.disputeType], in: Mediation.disputeTypes)),
            .heading("纠纷的主要事实、争议事项以及各方当事人的责任"),
            .paragraph(
                t(MediationFact.disputeFacts).isEmpty ? t(MediationFact.disputeSummary) : t(MediationFact.disputeFacts)),
            .heading("经调解，自愿达成如下协议"), .paragraph(t(MediationFact.agreementTerms)),
            .heading("履行方式、期限"), .paragraph(t(MediationFact.performanceTerms)),
        ]
        if oral {
            b.append(.paragraph("本协议为口头协议，由调解员记录，自各方当事人达成协议之日起生效（《中华人民共和国人民调解法》第二十八条、第三十条）。"))
        } else {
            b.append(
                .paragraph(
                    "本协议书自各方当事人签名、盖章或者按指印，人民调解员签名并加盖调解组织印章之日起生效，具有法律约束力，当事人应当按照约定履行（《中华人民共和国人民调解法》第二十九条、第三十一条）。本协议书一式\(parties.count + 1)份，当事人各执一份，调解组织留存一份。"
                ))
        }
        b.append(.paragraph("双方当事人认为有必要的，可以自本协议生效之日起三十日内共同向人民法院申请司法确认（第三十三条）。"))
        b.append(
            .signature(
                parties.map { "当事人：\($0)（签名）" } + [
                    "调解员：\(f.list(MediationFact.mediators).joined(separator: "、"))",
                    t(MediationFact.committee).isEmpty ? c.bodyName : t(MediationFact.committee),
                    date.map(CaseDocuments.chineseDate) ?? "",
                ]))
        b.append(.seal("（调解组织印章）"))
        return b
    }
}
