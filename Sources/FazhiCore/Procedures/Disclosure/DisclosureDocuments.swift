import Foundation

/// The 政府信息公开 文书, in the body's name: the receipt, the 补正 notice (第三十条), the consultation letter (第三十二条、
/// 第三十四条), the extension notice (第三十三条第二款), the fee notice (第四十二条) and the answer (第三十六条) — each ground
/// in the words of its article — with the rights notice (第五十一条).
enum DisclosureDocuments {
    /// The answer's title says what it is, as offices print it.
    static func answerTitle(_ f: Facts) -> String {
        let ground = f[DisclosureFact.answerGround]
        switch f[DisclosureFact.answerType] {
        case "disclosed": return ground == "already_public" ? "政府信息已主动公开告知书" : "政府信息公开告知书"
        case "partial": return "政府信息部分公开告知书"
        case "withheld": return "政府信息不予公开告知书"
        case "unavailable":
            return ground == "not_exist" ? "政府信息不存在告知书" : ground == "not_ours" ? "非本机关负责公开告知书" : "政府信息无法提供告知书"
        case "not_handled": return ground == "petition" ? "不作为政府信息公开申请处理告知书" : "政府信息公开申请不予处理告知书"
        default: return "政府信息公开申请答复书"
        }
    }

    static func blocks(
        _ kind: CaseDocumentKind, facts f: Facts, file: CaseFile, step: CaseStep?, context c: DocumentContext
    ) -> [DocumentText.Block] {
        func t<V: FactType>(_ k: FactKey<V>) -> String { f[k.id]?.description ?? "" }
        func day(_ k: FactKey<CivilDate>) -> String { f[k].map(CaseDocuments.chineseDate) ?? t(k) }
        let applicant = t(DisclosureFact.applicantName)
        let date = step?.on ?? file.steps.last?.on
        let sign: [DocumentText.Block] = [
            .signature([c.bodyName, date.map(CaseDocuments.chineseDate) ?? ""]), .seal("（印章）"),
        ]
        let due = { (key: String) in Self.due(file, key, at: step) }
        let request = "你（单位）于\(day(DisclosureFact.receivedOn))向本机关申请公开“\(t(DisclosureFact.informationDescription))”"
        switch kind {
        case .disclosureReceipt:
            var rows = [
                ["项目", "内容"], ["申请人", applicant],
                ["申请方式", Disclosure.label(f[DisclosureFact.channel], in: Disclosure.channels)],
                ["申请公开的政府信息", t(DisclosureFact.informationDescription)],
                [
                    "获取形式和方式",
                    Disclosure.label(f[DisclosureFact.requestedForm], in: Disclosure.forms) + "；"
                        + Disclosure.label(f[DisclosureFact.delivery], in: Disclosure.deliveries),
                ],
                ["收到申请之日", day(DisclosureFact.receivedOn)],
                ["答复期限", "\(due("answer"))前（含当日；二十个工作日，第三十三条）"],
            ]
            if let n = f[DisclosureFact.trackingNumber] { rows.insert(["查询编号", n], at: 1) }
            return [
                .centered(c.caseNumber), .table(rows),
                .paragraph(
                    "本机关已收到你（单位）的政府信息公开申请，将自收到申请之日起二十个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意，将告知你（单位），延长的期限最长不超过二十个工作日。申请内容不明确的，本机关将在七个工作日内一次性告知补正。征求第三方和其他机关意见所需时间不计算在答复期限内（《中华人民共和国政府信息公开条例》第三十条、第三十三条）。"
                ),
            ] + sign
        case .disclosureCorrectionNotice:
            return [
                .centered(c.caseNumber), .paragraph("\(applicant)："),
                .paragraph("\(request)。经审查，你（单位）的申请内容不明确。依据《中华人民共和国政府信息公开条例》第三十条，请你（单位）补正以下事项："),
                .paragraph(
                    f.list(DisclosureFact.correctionItems).enumerated().map { "\($0.offset + 1). \($0.element)" }
                        .joined(separator: "\n")),
                .paragraph(
                    "请于\(due("correction"))前（含当日，\(Int(f[DisclosureFact.correctionWorkdays] ?? 0))个工作日内）提交补正后的申请。答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关将不再处理该政府信息公开申请。"
                ),
            ] + sign
        case .disclosureConsultation:
            let agency = f[DisclosureFact.consultee] == "agency"
            let by = due("consultation").isEmpty ? "自收到本征求意见书之日起十五个工作日内" : "\(due("consultation"))前（含当日）"
            return [
                .centered(c.caseNumber), .paragraph("\(t(DisclosureFact.consulteeName))："),
                .paragraph(
                    "本机关收到关于“\(t(DisclosureFact.informationDescription))”的政府信息公开申请。\(t(DisclosureFact.consultationMatter))"
                ),
                .paragraph(
                    agency
                        ? "该政府信息由本机关与贵机关共同制作。依据《中华人民共和国政府信息公开条例》第三十四条，请贵机关自收到本征求意见书之日起十五个工作日内提出意见；逾期未提出意见的，视为同意公开。"
                        : "公开该政府信息可能损害你（单位）的合法权益。依据《中华人民共和国政府信息公开条例》第三十二条，请你（单位）自收到本征求意见书之日起十五个工作日内提出是否同意公开的意见；不同意公开的，请说明理由。逾期未提出意见的，由本机关依照条例规定决定是否公开。"
                ),
                .field("提出意见期限", by),
            ] + sign
        case .disclosureExtensionNotice:
            return [
                .centered(c.caseNumber), .paragraph("\(applicant)："),
                .paragraph(
                    "\(request)。因\(t(DisclosureFact.extensionReason))，本机关不能在规定期限内答复。经本机关政府信息公开工作机构负责人同意，依据《中华人民共和国政府信息公开条例》第三十三条第二款，答复期限延长\(Int(f[DisclosureFact.extensionWorkdays] ?? 0))个工作日，本机关将于\(due("answer"))前（含当日）答复。"
                ),
            ] + sign
        case .disclosureFeeNotice:
            let basis =
                f[DisclosureFact.feeBasis] == "pages"
                ? "按量计收，提供\(Int(f[DisclosureFact.feeQuantity] ?? 0))页"
                : "按件计收，本自然月内累计申请\(Int(f[DisclosureFact.feeQuantity] ?? 0))件"
            return [
                .centered(c.caseNumber), .paragraph("\(applicant)："),
                .paragraph(
                    "\(request)。你（单位）申请公开政府信息的数量、频次明显超过合理范围，依据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》，本机关收取信息处理费。"),
                .field("收费依据和标准", "\(basis)，按超额累进方式计算"),
                .field("收费金额", "\(t(DisclosureFact.feeAmount))元"),
                .field("缴费期限", "\(due("feePayment"))前（含当日；自收到本通知之日起二十个工作日内）"),
                .paragraph("逾期未缴纳的，视为放弃申请，本机关将不再处理该政府信息公开申请。自本机关发出收费通知之日起至你（单位）缴纳费用之日止的期间，不计算在答复期限内。"),
            ] + sign
        case .disclosureAnswer:
            var b: [DocumentText.Block] = [.centered(c.caseNumber), .paragraph("\(applicant)：")]
            b += answerBody(f, request: request)
            b.append(.paragraph(Disclosure.rightsNotice(reconsiderationBody: c.reconsiderationBody, court: c.court)))
            return b + sign
        default:
            return []
        }
    }

    /// A deadline as it stood right after the step that produced the document — a later extension or correction does
    /// not rewrite a notice already sent — with 暂定 when it runs into a year whose holidays are not yet published.
    static func due(_ file: CaseFile, _ key: String, at step: CaseStep?) -> String {
        let all = file.deadlines.filter { $0.key == key }
        let chosen =
            step.flatMap { s in all.first { $0.deadline.start <= s.on && ($0.stoppedOn.map { $0 > s.on } ?? true) } }
            ?? all.last
        guard let d = chosen?.deadline else { return "" }
        return CaseDocuments.chineseDate(d.due) + (d.provisional == true ? "（暂定：该年放假安排尚未公布，以公布后的工作日为准）" : "")
    }

    /// What the answer says, by its type and ground, each ground in its article's words (第三十六条各项).
    static func answerBody(_ f: Facts, request: String) -> [DocumentText.Block] {
        func t<V: FactType>(_ k: FactKey<V>) -> String { f[k.id]?.description ?? "" }
        let ground = f[DisclosureFact.answerGround] ?? ""
        let (sentence, article) =
            Disclosure.groundSentences[ground]
            ?? (Disclosure.label(ground, in: Disclosure.groundChoices), "第三十六条")
        let law = "《中华人民共和国政府信息公开条例》"
        let reason = t(DisclosureFact.answerReason)
        let reasonField: [DocumentText.Block] = reason.isEmpty ? [] : [.field("理由", reason)]
        switch f[DisclosureFact.answerType] {
        case "disclosed" where ground == "already_public":
            return [
                .paragraph("\(request)。经查，该信息已经主动公开。依据\(law)第三十六条第一项，现告知你（单位）获取该政府信息的方式和途径："),
                .paragraph(t(DisclosureFact.informationProvided)),
            ]
        case "disclosed":
            return [
                .paragraph("\(request)。经审查，该信息属于可以公开的政府信息。依据\(law)第三十六条第二项，现予以提供："),
                .paragraph(t(DisclosureFact.informationProvided)),
            ]
        case "partial":
            return [
                .paragraph("\(request)。经审查，所申请公开的信息中含有不应当公开的内容，但能够作区分处理。依据\(law)第三十七条，本机关向你（单位）提供可以公开的内容："),
                .paragraph(t(DisclosureFact.informationProvided)),
                .field("不予公开的部分", t(DisclosureFact.withheldParts)),
                .paragraph("不予公开的理由：\(sentence)，依据\(law)\(article.isEmpty ? "第三十六条第三项" : article)不予公开。\(reason)"),
            ]
        case "withheld":
            let basis = article.isEmpty ? "第三十六条第三项" : "\(article)、第三十六条第三项"
            return [.paragraph("\(request)。经审查，\(sentence)。依据\(law)\(basis)，本机关决定不予公开。")]
                + reasonField
        case "unavailable":
            var b: [DocumentText.Block] = [.paragraph("\(request)。\(sentence)（\(law)\(article)）。")] + reasonField
            let other = t(DisclosureFact.otherBody)
            if !other.isEmpty { b.append(.field("负责公开该信息的行政机关及联系方式", other)) }
            return b
        case "not_handled":
            let route = ground == "petition" ? "请通过信访、投诉、举报等相应渠道提出。" : ""
            return [.paragraph("\(request)。\(sentence)（\(law)\(article)）。\(route)")] + reasonField
        default:
            return [.paragraph("\(request)。\(sentence)（\(law)\(article)）。")] + reasonField
        }
    }
}
