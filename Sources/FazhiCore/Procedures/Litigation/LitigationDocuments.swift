import Foundation

/// The 行政应诉 文书 the body writes: its 答辩状 to the court (行政诉讼法 第六十七条) and its reply to a 司法建议 or 检察建议.
enum LitigationDocuments {
    static func blocks(
        _ kind: CaseDocumentKind, facts f: Facts, file: CaseFile, step: CaseStep?, context c: DocumentContext
    ) -> [DocumentText.Block] {
        func t<V: FactType>(_ k: FactKey<V>) -> String { f[k.id]?.description ?? "" }
        let date = step?.on ?? file.steps.last?.on
        let sign: [DocumentText.Block] = [
            .signature([c.bodyName, date.map(CaseDocuments.chineseDate) ?? ""]), .seal("（印章）"),
        ]
        switch kind {
        case .litigationAnswer:
            let evidence = f.list(LitigationFact.evidenceList).enumerated().map { "\($0.offset + 1). \($0.element)" }
                .joined(separator: "\n")
            let basis = f.list(LitigationFact.legalBasis).enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(
                separator: "\n")
            return [
                .centered(t(LitigationFact.courtCaseNumber)),
                .field(
                    "答辩人",
                    "\(c.bodyName)（\(CaseDocuments.choice(f[LitigationFact.defendantRole], Litigation.defendantRoles.map { ($0.value, $0.label) }))）"
                ),
                .field("法定代表人", ""), .field("委托诉讼代理人", f.list(LitigationFact.agents).joined(separator: "、")),
                .paragraph(
                    "答辩人因\(t(LitigationFact.plaintiff))诉答辩人\(t(LitigationFact.actDescription))一案，于\(f[LitigationFact.servedOn].map(CaseDocuments.chineseDate) ?? "")收到起诉状副本，现依据《中华人民共和国行政诉讼法》第六十七条第一款提出答辩如下："
                ),
                .paragraph(t(LitigationFact.answerSummary)),
                .heading("作出行政行为的证据"), .paragraph(evidence.isEmpty ? "（无）" : evidence),
                .heading("所依据的规范性文件"), .paragraph(basis.isEmpty ? "（无）" : basis),
                .paragraph("综上，被诉行政行为认定事实清楚，证据确凿，适用法律、法规正确，符合法定程序，请求人民法院依法驳回原告的诉讼请求。"),
                .paragraph("此致\n\(t(LitigationFact.court))"),
            ] + sign
        case .recommendationReply:
            let kindName = CaseDocuments.choice(
                f[LitigationFact.lastRecommendationKind], Litigation.recommendationKinds.map { ($0.value, $0.label) })
            return [
                .centered(t(LitigationFact.replyNumber)), .paragraph("\(t(LitigationFact.issuer))："),
                .paragraph("贵院《\(kindName)书》（\(t(LitigationFact.letterNumber))）收悉。本机关高度重视，对照建议内容逐项研究落实，现将处理情况回复如下："),
                .paragraph(t(LitigationFact.replySummary)),
                .paragraph("特此回复。"),
            ] + sign
        default: return []
        }
    }
}
