import Foundation

extension CaseDocumentKind {
    /// 法治督察意见书: what the inspection found and what the unit must rectify by when, served on the unit.
    public static let inspectionOpinion = CaseDocumentKind("inspection_opinion", "法治督察意见书")
    /// 法治督察报告: the inspection from its record to its close — how, what was found, how it was rectified and
    /// verified, whether it was 通报ed — for the 依法治县委 and the file.
    public static let inspectionReport = CaseDocumentKind("inspection_report", "法治督察报告")
}

/// The 督察 documents as the 依法治县办 prints them, built only from the case's facts.
enum InspectionDocuments {
    typealias F = RuleOfLawInspectionProcedure.Fact

    static func render(_ input: DocumentInput, _ draft: inout DocumentDraft) {
        let f = input.facts, c = input.context
        let date = (input.step?.on ?? input.file.steps.last?.on).map(CaseDocuments.chineseDate) ?? ""
        func label(_ choices: [InputField.Choice], _ id: String) -> String {
            f.text(id).flatMap { v in choices.first { $0.value == v }?.label } ?? ""
        }
        let kind = label(RuleOfLawInspectionProcedure.kinds, F.kind.id)
        let scope = label(RuleOfLawInspectionProcedure.scopes, F.scope.id)
        let findings = f.list(F.findings.id)
        let numbered = { (items: [String]) in
            items.enumerated().map { DocumentText.Block.paragraph("\($0 + 1). \($1)") }
        }
        let inspected = f[F.inspectedOn].map(CaseDocuments.chineseDate) ?? ""
        let intro = DocumentText.Block.paragraph(
            "根据《法治政府建设与责任落实督察工作规定》，督察组（\(f.text(F.inspectors.id) ?? "")）于\(inspected)对你单位"
                + "“\(CaseDocuments.clause(f.text(F.topic.id) ?? ""))”开展了\(scope)（\(kind)），"
                + "采取\(f.list(F.methods.id).joined(separator: "、"))等方式。")
        var blocks: [DocumentText.Block] = [.centered(c.caseNumber), .paragraph("\(c.caseBodyName)：")]
        if input.kind == .inspectionOpinion {
            let days = f[F.rectifyDays].map { Int($0) }
            blocks += [intro, .heading("一、发现的问题")] + numbered(findings)
            blocks += [
                .heading("二、督察意见和整改要求"),
                .paragraph(f.text(F.requirements.id) ?? ""),
                .paragraph(
                    "请你单位自收到本意见书之日起" + (days.map { "\($0)日内" } ?? "规定期限内")
                        + "完成整改，并将整改情况（逐项对应上述问题，附相关材料）书面报送本机关。逾期未报送或者整改不到位的，本机关将书面催办、约谈你单位主要负责人、予以通报，或者移送有关机关依规依纪依法问责。"),
            ]
        } else {
            draft.title = "法治督察报告"
            blocks = [.centered(c.caseNumber), intro, .heading("一、发现的问题")]
            blocks += findings.isEmpty ? [.paragraph("督察未发现问题。")] : numbered(findings)
            if !findings.isEmpty {
                blocks += [.heading("二、督察意见和整改"), .paragraph(f.text(F.requirements.id) ?? "")]
                if let served = f[F.servedOn] {
                    blocks.append(
                        .paragraph(
                            "督察意见于\(CaseDocuments.chineseDate(served))送达，整改期限\(f[F.rectifyDays].map { "\(Int($0))日" } ?? "")。"
                                + (f[F.rectifiedLate] == true ? "被督察单位逾期报送整改情况。" : "")))
                }
                blocks += numbered(f.list(F.corrections.id))
                if let measures = f.text(F.measures.id), !measures.isEmpty {
                    blocks.append(.paragraph("长效机制：\(measures)"))
                }
                blocks += [
                    .heading("三、核查和通报"),
                    .paragraph(f.text(F.verification.id) ?? ""),
                    .paragraph(
                        "通报：\(label(RuleOfLawInspectionProcedure.circulars, F.circular.id))"
                            + ((f.text(F.circularText.id) ?? "").isEmpty ? "" : "。\(f.text(F.circularText.id) ?? "")")),
                ]
            }
            blocks += [
                .heading(findings.isEmpty ? "二、督察结论" : "四、督察结论"),
                .paragraph(f.text(F.conclusion.id) ?? f.text(F.verification.id) ?? ""),
            ]
        }
        blocks += [.signature([c.bodyName, date]), .seal("（印章）")]
        draft.blocks += blocks
    }
}
