import Foundation

/// 政府信息公开 (《中华人民共和国政府信息公开条例》, 2019): requests answered within the statutory clock, their 文书, and the
/// figures of the 政府信息公开工作年度报告 (第四十九条、第五十条).
extension ProcedureModule {
    public static let disclosure = ProcedureModule(
        folder: "Disclosure", name: "政府信息公开",
        procedureIDs: [DisclosureProcedure.id],
        definitions: { s in [DisclosureProcedure.definition(s)] },
        documents: [
            .disclosureReceipt, .disclosureCorrectionNotice, .disclosureConsultation, .disclosureExtensionNotice,
            .disclosureFeeNotice, .disclosureAnswer,
        ],
        facts: DisclosureFact.all,
        render: { input, draft in
            if input.kind == .disclosureAnswer { draft.title = DisclosureDocuments.answerTitle(input.facts) }
            draft.blocks += DisclosureDocuments.blocks(
                input.kind, facts: input.facts, file: input.file, step: input.step, context: input.context)
        })
}

extension CaseDocumentKind {
    public static let disclosureReceipt = CaseDocumentKind("disclosure_receipt", "政府信息公开申请登记回执")
    public static let disclosureCorrectionNotice = CaseDocumentKind("disclosure_correction_notice", "补正政府信息公开申请告知书")
    public static let disclosureConsultation = CaseDocumentKind("disclosure_consultation", "政府信息公开征求意见书")
    public static let disclosureExtensionNotice = CaseDocumentKind("disclosure_extension_notice", "延期答复告知书")
    public static let disclosureAnswer = CaseDocumentKind("disclosure_answer", "政府信息公开申请答复书")
}
