import Foundation

/// The 合法性审核意见书 (国办发〔2018〕115号), the 备案报告 and the 审查建议答复书.
enum NormativeDocuments {
    static func blocks(
        _ kind: CaseDocumentKind, facts f: Facts, file: CaseFile, step: CaseStep?, context c: DocumentContext
    ) -> [DocumentText.Block] {
        func t<V: FactType>(_ k: FactKey<V>) -> String { f[k.id]?.description ?? "" }
        let date = step?.on ?? file.steps.last?.on
        let sign: [DocumentText.Block] = [
            .signature([c.bodyName, date.map(CaseDocuments.chineseDate) ?? ""]), .seal("（印章）"),
        ]
        switch kind {
        case .normativeReviewOpinion:
            let passed = step?.action == NormativeProcedure.Step.passReview
            let problems = f.list(NormativeFact.reviewProblems)
            return [
                .centered(c.caseNumber),
                .field("文件名称", t(NormativeFact.title)), .field("审核机构", t(NormativeFact.reviewingBody)),
                .field("审核人", t(NormativeFact.reviewer)),
                .field(
                    "审核结论",
                    passed
                        ? Normative.reviewOpinions.first { $0.value == f[NormativeFact.reviewOpinion] }?.label ?? ""
                        : "不合法"),
                .heading("发现的问题"),
                .paragraph(
                    problems.isEmpty
                        ? "未发现违反国办发〔2018〕37号“不得”规定的问题。"
                        : problems.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n")),
                .heading("审核意见"), .paragraph(t(NormativeFact.reviewText)),
                .paragraph(passed ? "经审核通过的文本方可提交集体审议（国办发〔2018〕37号、115号）。" : "请修改后重新提交合法性审核；未经审核或者审核不合法的，不得提交集体审议。"),
            ] + sign
        case .filingReport:
            return [
                .centered(c.caseNumber),
                .paragraph(
                    "\(Normative.filingBodies.first { $0.value == f[NormativeFact.filedWith] }?.label ?? "备案机关")："),
                .paragraph(
                    "现将《\(t(NormativeFact.title))》（\(t(NormativeFact.documentNumber))）报送备案。该文件于\(f[NormativeFact.signedOn].map(CaseDocuments.chineseDate) ?? "")签发，\(f[NormativeFact.publishedOn].map(CaseDocuments.chineseDate) ?? "")公布，自\(f[NormativeFact.effectiveOn].map(CaseDocuments.chineseDate) ?? "")起施行，有效期至\(f[NormativeFact.expiresOn].map { CaseDocuments.chineseDate($0.adding(days: -1)) } ?? "")。"
                ),
                .paragraph(
                    "制定过程：\(file.hasTaken(NormativeProcedure.Step.closeConsultation) ? "已公开征求意见（收到意见\(Int(f[NormativeFact.commentsReceived] ?? 0))条，采纳\(Int(f[NormativeFact.commentsAdopted] ?? 0))条）；" : "")经合法性审核（\(Normative.reviewOpinions.first { $0.value == f[NormativeFact.reviewOpinion] }?.label ?? "")）；经\(Normative.meetingKinds.first { $0.value == f[NormativeFact.meetingKind] }?.label ?? "集体")审议通过。"
                ),
                .paragraph("附件：1. 文件正式文本；2. 起草说明；3. 合法性审核意见书。"),
            ] + sign
        case .suggestionAnswer:
            return [
                .centered(c.caseNumber),
                .paragraph("\(t(NormativeSuggestionFact.suggesterName))："),
                .paragraph(
                    "你（单位）于\(f[NormativeSuggestionFact.receivedOn].map(CaseDocuments.chineseDate) ?? "")提出的对\(Normative.quotedTitle(t(NormativeSuggestionFact.documentCited)))的审查建议收悉。经审查，答复如下："
                ),
                .paragraph(t(NormativeSuggestionFact.answerText)),
                .field(
                    "处理结果",
                    Normative.label(
                        f[NormativeSuggestionFact.suggestionConclusion], in: Normative.suggestionConclusions)),
                .paragraph("特此答复。"),
            ] + sign
        default:
            return []
        }
    }
}
