import Foundation

/// The 行政执法 documents (文书): 立案审批表 … 结案报告, each built only from the case's data (行政处罚法 第五十九条 for the
/// decision's six items).
enum EnforcementDocuments {
    @Sendable static func render(_ input: DocumentInput, _ draft: inout DocumentDraft) {
        let f = input.facts, file = input.file, step = input.step, c = input.context
        let date = step?.on ?? file.steps.last?.on
        func t<V: FactType>(_ k: FactKey<V>) -> String { f[k.id]?.description ?? "" }
        let party = t(EnforcementFact.partyName), partyKind = f[EnforcementFact.partyKind] == "organisation" ? "单位" : ""
        let you = "你\(partyKind.isEmpty ? "" : "（单位）")"
        let officers = step?.officers.map { "\($0.name)（执法证号：\($0.certificateNumber)）" }.joined(separator: "、") ?? ""
        let sign = CaseDocuments.signature(c.bodyName, date)
        var b: [DocumentText.Block] = []
        var number = c.caseNumber
        // A fact as a clause inside the document's own sentence: without the full stop the officer may have typed (no "。。").
        func s<V: FactType>(_ k: FactKey<V>) -> String { CaseDocuments.clause(t(k)) }
        func penaltyText(_ kinds: [String], _ fine: Money?) -> String {
            let confiscated = f[EnforcementFact.confiscationValue]
            return kinds.map { kind in
                if kind == "罚款" { return "罚款人民币\(Yuan.text((fine ?? 0).yuan))元" }
                // 没收违法所得、没收非法财物 with the amount or value (行政处罚法 第五十九条: 行政处罚的种类和依据).
                if kind.hasPrefix("没收"), let v = confiscated, v.yuan > 0 { return "\(kind)（人民币\(Yuan.text(v.yuan))元）" }
                return kind
            }.joined(separator: "，")
        }
        func chineseDate(_ d: CivilDate) -> String { CaseDocuments.chineseDate(d) }
        func choice(_ v: String?, _ options: [(String, String)]) -> String { CaseDocuments.choice(v, options) }

        switch input.kind {
        case .filingApproval:
            b += [
                .centered(c.caseNumber),
                .table([
                    ["项目", "内容"], ["案件来源", choice(f[EnforcementFact.source], sources)], ["当事人", party],
                    ["住所或地址", t(EnforcementFact.partyAddress)],
                    ["违法行为发生日期", t(EnforcementFact.violationOn)], ["涉及事项编码", t(EnforcementFact.powerItemCode)],
                    ["案情摘要", t(EnforcementFact.summary)],
                    ["立案依据", "《中华人民共和国行政处罚法》第五十四条"],
                    [
                        "承办人意见",
                        (f[EnforcementFact.filingOpinion].map { CaseDocuments.clause($0) }
                            ?? "经初步核查，有违法事实，符合立案条件，建议立案调查。")
                            + (f[EnforcementFact.filingDrafter].map {
                                "承办人：\($0) \(f[EnforcementFact.filingDraftedOn]?.description ?? "")"
                            }
                                ?? step.map { s in
                                    s.officers.isEmpty ? "" : "承办人：\(s.officers.map(\.name).joined(separator: "、"))"
                                } ?? ""),
                    ],
                    ["负责人审批意见", "同意立案。\(step?.actorName ?? "") \(date?.description ?? "")"],
                ]),
            ]
        case .evidenceRecord:
            b += [
                .centered(c.caseNumber),
                .field(
                    "取证方式", choice(f[EnforcementFact.evidenceKind], Penalty.evidenceKinds.map { ($0.value, $0.label) })),
                .field("执法人员", officers),
                .field("出示执法证件", f.flag(EnforcementFact.certificateShown) ? "已主动出示（第五十五条）" : "未出示"),
                .paragraph(t(EnforcementFact.evidenceSummary)),
                .field("当事人签名", choice(f[EnforcementFact.partySignature], signatures)),
            ]
        case .preservationNotice:
            b +=
                [
                    .centered(c.caseNumber), .field("当事人", party),
                    .paragraph(
                        "因证据可能灭失或者以后难以取得（\(t(EnforcementFact.preservationReason))），经本机关负责人批准，依据《中华人民共和国行政处罚法》第五十六条，对下列物品予以先行登记保存：\(t(EnforcementFact.preservedItems))。本机关将在七个工作日内作出处理决定。在此期间，当事人或者有关人员不得销毁或者转移证据。"
                    ), .field("执法人员", officers),
                ] + sign
        case .priorNotice:
            number = c.caseNumber.replacingOccurrences(of: "立", with: "告")
            var text =
                "经查，\(you)\(t(EnforcementFact.violationFacts))。依据\(t(EnforcementFact.penaltyBasis))，本机关拟对\(you)作出如下行政处罚：\(penaltyText(f.list(EnforcementFact.proposedKinds), f[EnforcementFact.proposedFine]))。"
            text += "根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，\(you)有权进行陈述和申辩。"
            b += [.centered(number), .paragraph("\(party)："), .paragraph(text)]
            if f.flag(EnforcementFact.hearingRight) {
                b.append(
                    .paragraph(
                        "根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，\(you)有权要求举行听证。如要求听证，应当在收到本告知书之日起五个工作日内向本机关提出；逾期未提出的，视为放弃听证权利。")
                )
            }
            if let due = file.deadline("statement")?.deadline.due {
                b.append(.paragraph("\(you)应当在\(chineseDate(due))前提出陈述、申辩意见；逾期未提出的，视为放弃上述权利。"))
            }
            b += sign
        case .hearingNotice:
            b +=
                [
                    .centered(c.caseNumber), .paragraph("\(party)："),
                    .paragraph(
                        "根据\(you)的申请，本机关定于\(f[EnforcementFact.hearingDate].map(chineseDate) ?? t(EnforcementFact.hearingDate))在\(t(EnforcementFact.hearingPlace))\(f.flag(EnforcementFact.hearingPublic) ? "公开" : "不公开")举行听证。听证主持人：\(t(EnforcementFact.hearingChair))。"
                    ),
                    .paragraph(
                        "\(you)可以亲自参加听证，也可以委托一至二人代理；认为主持人与本案有直接利害关系的，有权申请回避。无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利（《中华人民共和国行政处罚法》第六十四条）。"
                    ),
                ] + sign
        case .hearingRecord:
            b += [
                .centered(c.caseNumber), .field("当事人", party), .field("听证时间", t(EnforcementFact.hearingDate)),
                .field("听证地点", t(EnforcementFact.hearingPlace)), .field("主持人", t(EnforcementFact.hearingChair)),
                .field("当事人到场", f.flag(EnforcementFact.partyAppeared) ? "是" : "否"), .heading("听证情况"),
                .paragraph(t(EnforcementFact.hearingSummary)),
                .field(
                    "笔录签字",
                    choice(
                        f[EnforcementFact.hearingRecordSigned],
                        [("signed", "当事人已审核签字"), ("refused", "当事人拒绝签字（已注明）"), ("absent", "当事人未到场")])),
            ]
        case .legalReviewOpinion:
            let passed = step?.action == "legal_review_pass"
            b += [
                .centered(c.caseNumber), .field("当事人", party),
                .field("拟处罚", penaltyText(f.list(EnforcementFact.proposedKinds), f[EnforcementFact.proposedFine])),
                .field(
                    "审核事由",
                    f.list(EnforcementFact.legalReviewReasons).isEmpty
                        ? (f.flag(EnforcementFact.heard) ? "经过听证程序（第五十八条第一款第二项）" : "—")
                        : f.list(EnforcementFact.legalReviewReasons).joined(separator: "；")),
                .field("审核结论", passed ? "同意" : "退回"), .heading("审核意见"), .paragraph(t(EnforcementFact.reviewOpinion)),
                .signature(["法制审核人员：\(step?.actorName ?? "")", date.map(chineseDate) ?? ""]),
            ]
        case .collectiveDiscussion:
            b += [
                .centered(c.caseNumber),
                .field("参加人员", f.list(EnforcementFact.meetingParticipants).joined(separator: "、")), .heading("讨论意见"),
                .paragraph(t(EnforcementFact.meetingOpinions)),
                .heading("讨论结论"), .paragraph(t(EnforcementFact.meetingConclusion)),
            ]
        case .penaltyDecision:
            let penalty = f[EnforcementFact.outcome] == "penalty"
            // The evidence as recorded at 调查取证 (每次取证的方式), not a generic phrase.
            var taken: [String] = []
            for st in file.steps where st.action == PenaltyOrdinaryProcedure.Step.recordEvidence {
                let kind = st.inputs.text(EnforcementFact.evidenceKind.id)
                let label = Penalty.evidenceKinds.first { $0.value == kind }?.label ?? kind ?? ""
                if !label.isEmpty && !taken.contains(label) { taken.append(label) }
            }
            let evidence = taken.isEmpty ? "本机关调查取证的笔录、证据材料" : taken.joined(separator: "、")
            if !penalty { draft.title = "不予行政处罚决定书" }
            number = t(EnforcementFact.decisionNumber)
            b +=
                [
                    .centered(number),
                    .heading("一、当事人"),
                    .paragraph(
                        "\(party)，住所（地址）：\(t(EnforcementFact.partyAddress))\(f[EnforcementFact.partyIDNumber].map { "，证件号码：\($0)" } ?? "")。"
                    ),
                    .heading("二、违法事实和证据"),
                    .paragraph(
                        "经查，\(t(EnforcementFact.violationFacts).isEmpty ? s(EnforcementFact.summary) : s(EnforcementFact.violationFacts))。以上事实有\(evidence)等证据为证。"
                            + (f.flag(EnforcementFact.heard) ? "本机关根据听证笔录作出本决定（《中华人民共和国行政处罚法》第六十五条）。" : "")),
                    .heading("三、行政处罚的种类和依据"),
                    .paragraph(
                        penalty
                            ? "依据\(s(EnforcementFact.penaltyBasis))，决定给予：\(penaltyText(f.list(EnforcementFact.decidedKinds), f[EnforcementFact.decidedFine]))。理由：\(s(EnforcementFact.decisionReasons))。"
                            : "\(s(EnforcementFact.decisionReasons))。依据《中华人民共和国行政处罚法》第五十七条第一款\(f[EnforcementFact.outcome] == "not_established" ? "第三项" : "第二项")，决定不予行政处罚。"
                    ),
                    .heading("四、履行方式和期限"),
                    .paragraph(
                        (f[EnforcementFact.decidedFine] ?? 0) > 0
                            ? "请自收到本决定书之日起十五日内，持本决定书到指定银行或者通过电子支付系统缴纳罚款（《中华人民共和国行政处罚法》第六十七条）。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超过罚款数额（第七十二条）。\(t(EnforcementFact.performBy))"
                            : (penalty ? "自收到本决定书之日起履行。\(t(EnforcementFact.performBy))" : "本决定不涉及履行事项。")),
                    .heading("五、申请行政复议或者提起行政诉讼的途径和期限"),
                    .paragraph("如不服本决定，可以在收到本决定书之日起六十日内向\(c.reconsiderationBody)申请行政复议，或者在六个月内依法向\(c.court)提起行政诉讼。"),
                    .heading("六、作出决定的行政机关和日期"),
                ] + sign
        case .onSpotDecision:
            number = t(EnforcementFact.decisionNumber)
            b +=
                [
                    .centered(number), .field("当事人", party), .field("违法行为", t(EnforcementFact.violationFacts)),
                    .field("处罚依据", t(EnforcementFact.penaltyBasis)),
                    .field("处罚决定", penaltyText(f.list(EnforcementFact.decidedKinds), f[EnforcementFact.decidedFine])),
                    .field("告知情况", f.flag(EnforcementFact.partyInformed) ? "已告知违法事实、处罚理由和依据及陈述、申辩的权利" : ""),
                    .field("当事人陈述、申辩", t(EnforcementFact.partyStatement)),
                    .field("执法人员", officers),
                    .paragraph(
                        "当事人应当自收到本决定书之日起十五日内到指定银行或者通过电子支付系统缴纳罚款。如不服本决定，可以在六十日内向\(c.reconsiderationBody)申请行政复议（当场作出的行政处罚决定须先申请行政复议，《中华人民共和国行政复议法》第二十三条），或者依法提起行政诉讼。"
                    ),
                    .paragraph("本决定依据《中华人民共和国行政处罚法》第五十一条、第五十二条当场作出，并报所属行政机关备案。"),
                ] + sign
        case .demandNotice:
            number = c.caseNumber.replacingOccurrences(of: "立", with: "催")
            let fine = f[EnforcementFact.decidedFine] ?? 0
            let due = file.deadline("payment")?.deadline.due
            b +=
                [
                    .centered(number), .paragraph("\(party)："),
                    .paragraph(
                        "本机关于\(f[EnforcementFact.decidedOn].map(chineseDate) ?? "")作出\(t(EnforcementFact.decisionNumber))《行政处罚决定书》，对\(you)处以罚款人民币\(Yuan.text(fine.yuan))元，"
                            + "该决定书已于\(f[EnforcementFact.servedOn].map(chineseDate) ?? "")送达。\(you)\(due.map { "应当于\(chineseDate($0))前" } ?? "")缴纳罚款，至今未缴纳。"
                            + "依据《中华人民共和国行政处罚法》第七十二条，到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额。"
                    ),
                    .paragraph(
                        "依据《中华人民共和国行政强制法》第三十五条、第五十四条，现催告\(you)自收到本催告书之日起十个工作日内履行上述义务：\(t(EnforcementFact.demandContent))。"
                            + "\(you)有权进行陈述和申辩。逾期仍不履行的，本机关将依法申请人民法院强制执行（或者依法强制执行）。"
                    ),
                ] + sign
        case .transferLetter:
            number = t(EnforcementFact.transferNumber)
            b +=
                [
                    .centered(number), .paragraph("\(t(EnforcementFact.receivingOrgan))："),
                    .paragraph(
                        "本机关在查处\(party)一案中，发现\(t(EnforcementFact.transferReason))，涉嫌犯罪。依据《中华人民共和国行政处罚法》第二十七条和《行政执法机关移送涉嫌犯罪案件的规定》，现将该案移送你单位，请依法审查。"
                    ),
                    .paragraph("附件：案件调查材料、涉案物品清单、检验鉴定结论。"),
                ] + sign
        case .closingReport:
            b += [
                .centered(c.caseNumber),
                .table([
                    ["项目", "内容"], ["当事人", party], ["决定书文号", t(EnforcementFact.decisionNumber)],
                    [
                        "处理结果",
                        f[EnforcementFact.outcome].map { choice($0, outcomes) }
                            ?? (f.flag(EnforcementFact.suspectedCrime) ? "移送司法机关" : ""),
                    ],
                    ["罚款（元）", f[EnforcementFact.decidedFine].map { Yuan.text($0.yuan) } ?? ""],
                    ["加处罚款（元）", f[EnforcementFact.lateFine].map { Yuan.text($0.yuan) } ?? ""],
                    ["缴款凭证", t(EnforcementFact.paymentVoucher)], ["移送回执", t(EnforcementFact.receiptNumber)],
                    [
                        "结案意见",
                        t(EnforcementFact.closingSummary).isEmpty
                            ? t(EnforcementFact.transferFeedback) : t(EnforcementFact.closingSummary),
                    ],
                ]),
            ]
        case .inspectionRecord:
            b += [
                .centered(c.caseNumber), .field("检查对象", t(EnforcementFact.inspectedObject)),
                .field("检查地点", t(EnforcementFact.objectAddress)), .field("检查人员", officers),
                .field("检查事项", f.list(EnforcementFact.checkedItems).joined(separator: "、")), .heading("检查情况"),
                .paragraph(t(EnforcementFact.findings)),
                .field(
                    "检查结果",
                    choice(f[EnforcementFact.result], InspectionProcedure.results.map { ($0.value, $0.label) })
                        + (f[EnforcementFact.rectifyBy].map { "，整改期限：\($0)" } ?? "")),
                .field("被检查人签名", choice(f[EnforcementFact.partySignature], signatures)),
            ]
        default: return
        }
        draft.number = number
        draft.blocks += b
    }

    static let sources = [
        ("complaint", "投诉举报"), ("inspection", "检查发现"), ("transfer", "移送"), ("random", "双随机抽查"), ("other", "其他"),
    ]
    static let signatures = Penalty.signature.map { ($0.value, $0.label) }
    static let outcomes = Penalty.outcomes.map { ($0.value, $0.label) }
}
