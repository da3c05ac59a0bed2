import Foundation

extension CaseDocumentKind {
    /// 法治督察意见书: what the inspection found and what the unit must rectify by when, served on the unit.
    public static let inspectionOpinion = CaseDocumentKind("inspection_opinion", "法治督察意见书")
    /// 法治督察报告: the inspection from its record to its close — how, what was found, how it was rectified and
    /// verified, whether it was 通报ed — reported to the 全面依法治县委员会 and kept on file.
    public static let inspectionReport = CaseDocumentKind("inspection_report", "法治督察报告")
}

/// The 督察 documents as the 依法治县办 prints them (issued in its name: `CaseNumbering.DocumentIssuer.ruleOfLawOffice`),
/// built only from the case's facts.
enum InspectionDocuments {
    typealias F = RuleOfLawInspectionProcedure.Fact

    static func render(_ input: DocumentInput, _ draft: inout DocumentDraft) {
        let f = input.facts, c = input.context
        func label(_ choices: [InputField.Choice], _ id: String) -> String {
            f.text(id).flatMap { v in choices.first { $0.value == v }?.label } ?? ""
        }
        let findings = f.list(F.findings.id)
        func numbered(_ items: [String]) -> [DocumentText.Block] {
            items.enumerated().map { .paragraph("\($0 + 1). \(CaseDocuments.clause($1))。") }
        }
        let inspected = f[F.inspectedOn].map(CaseDocuments.chineseDate) ?? ""
        let how =
            "于\(inspected)以\(label(RuleOfLawInspectionProcedure.kinds, F.kind.id))方式对"
        let what =
            "\(CaseDocuments.clause(f.text(F.topic.id) ?? ""))开展了\(label(RuleOfLawInspectionProcedure.scopes, F.scope.id))，"
            + "督察组（\(f.text(F.inspectors.id) ?? "")）采取\(f.list(F.methods.id).joined(separator: "、"))等方法。"
        let basis = "根据《法治政府建设与责任落实督察工作规定》和本年度法治督察工作安排，"
        let days = f[F.rectifyDays].map { "\(Int($0))日" }
        var blocks: [DocumentText.Block]
        var date = input.step?.on ?? input.file.steps.last?.on
        if input.kind == .inspectionOpinion {
            // Issued no later than it was served.
            date = f[F.servedOn] ?? date
            blocks = [
                .centered(c.caseNumber), .paragraph("\(c.caseBodyName)："),
                .paragraph(basis + "本办\(how)你单位" + what + "现将督察意见反馈如下："),
                .heading("一、发现的问题"),
            ]
            blocks += numbered(findings)
            blocks += [
                .heading("二、督察意见和整改要求"),
                .paragraph(f.text(F.requirements.id) ?? ""),
                .paragraph(
                    "请你单位自收到本意见书之日起" + (days.map { "\($0)内" } ?? "规定期限内")
                        + "完成整改，并将整改情况报告（逐项对应上述问题，附相关材料，经你单位主要负责人签字并加盖公章）报送本办。"
                        + "逾期未报送或者整改不到位的，本办将视情书面催办、约谈你单位主要负责人、予以通报，或者移送有关机关依规依纪依法问责。"),
            ]
        } else {
            let office = c.bodyName
            let committee = office.hasSuffix("办公室") ? String(office.dropLast(3)) : office
            draft.title = "关于对\(c.caseBodyName)开展法治督察情况的报告"
            blocks = [
                .centered(c.caseNumber), .paragraph("\(committee)："),
                .paragraph(basis + "本办\(how)\(c.caseBodyName)" + what + "现将督察情况报告如下："),
                .heading("一、发现的问题"),
            ]
            blocks += findings.isEmpty ? [.paragraph("督察未发现问题。")] : numbered(findings)
            if !findings.isEmpty {
                blocks += [
                    .heading("二、督察意见和整改情况"),
                    .paragraph("督察意见：\(CaseDocuments.clause(f.text(F.requirements.id) ?? ""))。"),
                ]
                if let served = f[F.servedOn] {
                    blocks.append(
                        .paragraph(
                            "督察意见书于\(CaseDocuments.chineseDate(served))送达"
                                + (days.map { "，整改期限\($0)（自送达之日起算）" } ?? "") + "。"
                                + (f[F.rectifiedLate] == true ? "该单位逾期报送整改情况。" : "该单位按期报送了整改情况。")))
                }
                if f.text(F.overdueMeasure.id) != nil {
                    blocks.append(
                        .paragraph(
                            "对逾期未报送整改情况的，本办\(label(RuleOfLawInspectionProcedure.overdueMeasures, F.overdueMeasure.id))"
                                + ((f.text(F.overdueNote.id) ?? "").isEmpty
                                    ? "" : "：\(CaseDocuments.clause(f.text(F.overdueNote.id) ?? ""))")
                                + "。"))
                }
                if let further = f.text(F.furtherReasons.id), !further.isEmpty {
                    blocks.append(
                        .paragraph(
                            "经核查，\(CaseDocuments.clause(further))，本办要求继续整改"
                                + (f[F.furtherDays].map { "（期限\(Int($0))日）" } ?? "") + "。"))
                }
                blocks.append(.paragraph("整改情况："))
                blocks += numbered(f.list(F.corrections.id))
                if let measures = f.text(F.measures.id), !measures.isEmpty {
                    blocks.append(.paragraph("建立的长效机制：\(CaseDocuments.clause(measures))。"))
                }
                let circular: String =
                    switch f.text(F.circular.id) {
                    case "praise": "予以通报表扬：\(CaseDocuments.clause(f.text(F.circularText.id) ?? ""))。"
                    case "criticise": "予以通报批评：\(CaseDocuments.clause(f.text(F.circularText.id) ?? ""))。"
                    default: "未予通报。"
                    }
                blocks += [
                    .heading("三、核查意见"),
                    .paragraph("\(CaseDocuments.clause(f.text(F.verification.id) ?? ""))。\(circular)"),
                ]
            } else {
                blocks += [.heading("二、督察结论"), .paragraph("\(CaseDocuments.clause(f.text(F.conclusion.id) ?? ""))。")]
            }
        }
        blocks += [.signature([c.bodyName, date.map(CaseDocuments.chineseDate) ?? ""]), .seal("（印章）")]
        draft.blocks += blocks
    }
}
