import Foundation

/// 行政执法监督: the 司法行政部门's supervision of each case and each body (行政执法监督条例 第六条) — the 执法监督预警 the records
/// raise (办理期限逾期 here; each module adds its own rules), and the 监督文书 with the body's 整改 report.
extension ProcedureModule {
    public static let supervision = ProcedureModule(
        folder: "Supervision", name: "行政执法监督",
        procedureIDs: [SupervisionNoticeProcedure.id, EnforcementComplaintProcedure.id],
        definitions: { s in [SupervisionNoticeProcedure.definition(s), EnforcementComplaintProcedure.definition(s)] },
        documents: [.supervisionDocument, .complaintAnswer],
        facts: SupervisionNoticeProcedure.Fact.all + EnforcementComplaintProcedure.Fact.all,
        alertRules: [.stepOverdue],
        render: { input, draft in
            if input.kind == .supervisionDocument {
                draft.title = SupervisionDocuments.title(input.facts)
                draft.blocks += SupervisionDocuments.blocks(
                    input.facts, file: input.file, step: input.step, context: input.context)
            }
            if input.kind == .complaintAnswer {
                if input.step?.action == EnforcementComplaintProcedure.Step.decline { draft.title = "投诉举报不予受理告知书" }
                draft.blocks += ComplaintDocuments.blocks(
                    input.facts, file: input.file, step: input.step, context: input.context)
            }
        })
}

extension CaseDocumentKind {
    /// 行政执法监督通知书、意见书或者决定书 (the title follows the kind chosen).
    public static let supervisionDocument = CaseDocumentKind("supervision_document", "行政执法监督文书")
}

/// The 监督文书 as the 司法局 prints it: to the body, the problems, the rules broken, what to correct and by when.
enum SupervisionDocuments {
    typealias F = SupervisionNoticeProcedure.Fact

    static func kind(_ f: Facts) -> String { f.text(F.kind.id) ?? "notice" }

    static func title(_ f: Facts) -> String {
        SupervisionNoticeProcedure.kinds.first { $0.value == kind(f) }?.label ?? "行政执法监督通知书"
    }

    /// How each document introduces what follows: a notice informs, an opinion advises, a decision decides.
    static func opening(_ kind: String) -> String {
        switch kind {
        case "opinion": "现提出如下监督意见："
        case "decision": "现作出如下决定："
        default: "现将有关事项通知如下："
        }
    }

    static func blocks(_ f: Facts, file: CaseFile, step: CaseStep?, context c: DocumentContext) -> [DocumentText.Block]
    {
        let days = f[F.reportWorkdays].map { Int($0) }
        let problems = f.list(F.problems.id)
        var out: [DocumentText.Block] = [
            .centered(f[SupervisionNoticeProcedure.Fact.documentNumber] ?? c.caseNumber),
            .paragraph("\(c.caseBodyName)："),
            .paragraph(
                "根据《行政执法监督条例》的规定，本机关对你单位的行政执法工作进行了监督。"
                    + (f.text(F.relatedCase.id).map { "涉及案件：\($0)。" } ?? "") + opening(kind(f))),
            .heading("一、发现的问题"),
        ]
        out += problems.enumerated().map { .paragraph("\($0.offset + 1). \($0.element)") }
        out += [
            .heading("二、违反的规定"),
            .paragraph(f.text(F.legalBasis.id) ?? ""),
            .heading(kind(f) == "decision" ? "三、决定事项" : "三、整改要求"),
            .paragraph(f.text(F.requirements.id) ?? ""),
            .paragraph(
                "请你单位自收到本文书之日起"
                    + (days.map { "\($0)个工作日内" } ?? "规定期限内")
                    + "，将整改情况（逐项对应上述问题，并附相关材料）书面报送本机关。逾期未报送或者整改不到位的，本机关将依法进一步处理。"),
            .paragraph("承办：\(f.text(F.issuedBy.id) ?? "")（行政执法监督机构，行政执法监督条例 第六条）"),
            .signature([c.bodyName, (step?.on ?? file.steps.last?.on).map(CaseDocuments.chineseDate) ?? ""]),
            .seal("（印章）"),
        ]
        return out
    }
}
