import Foundation

/// The 行政复议 文书, from the case's facts (the step's own inputs laid over them): what the 复议机关 sends the applicant,
/// the respondent and the parties, in the order the 行政复议法 has them.
enum ReconsiderationDocuments {
    static func blocks(
        _ kind: CaseDocumentKind, facts f: Facts, file: CaseFile, step: CaseStep?, context c: DocumentContext
    ) -> [DocumentText.Block] {
        func t<V: FactType>(_ k: FactKey<V>) -> String { f[k.id]?.description ?? "" }
        func day(_ k: FactKey<CivilDate>) -> String { f[k].map(CaseDocuments.chineseDate) ?? t(k) }
        let applicant = t(ReconsiderationFact.applicantName), respondent = t(ReconsiderationFact.respondent)
        let date = step?.on ?? file.steps.last?.on
        let sign: [DocumentText.Block] = [
            .signature([c.bodyName, date.map(CaseDocuments.chineseDate) ?? ""]), .seal("（印章）"),
        ]
        let due = { (key: String) in file.deadline(key).map { CaseDocuments.chineseDate($0.deadline.due) } ?? "" }
        switch kind {
        case .applicationReceipt:
            var rows = [
                ["项目", "内容"], ["申请人", applicant], ["被申请人", respondent],
                ["行政行为", t(ReconsiderationFact.actDescription)],
                ["行政复议请求", t(ReconsiderationFact.requests)],
                [
                    "申请方式",
                    CaseDocuments.choice(
                        f[ReconsiderationFact.channel], Reconsideration.channels.map { ($0.value, $0.label) }),
                ],
                ["收到申请日期", day(ReconsiderationFact.receivedOn)],
                ["受理审查期限", "\(due("acceptance"))前（五个工作日，逾期未作决定的视为受理，第三十条）"],
                [
                    "申请期限",
                    "\(day(ReconsiderationFact.applicationDue))前（第二十条）"
                        + (f.flag(ReconsiderationFact.applicationLate) ? "；申请时已超过该期限，是否受理将一并审查" : ""),
                ],
            ]
            if let n = f[ReconsiderationFact.trackingNumber] { rows.insert(["查询编号", n], at: 1) }
            return [
                .centered(c.caseNumber), .table(rows),
                .paragraph("本机关已收到你的行政复议申请。本机关将自收到之日起五个工作日内进行审查，决定受理或者不予受理；申请材料不齐全或者表述不清楚的，将一次性通知你补正。"),
            ] + sign
        case .correctionNotice:
            return [
                .centered(c.caseNumber), .paragraph("\(applicant)："),
                .paragraph(
                    "本机关于\(day(ReconsiderationFact.receivedOn))收到你对\(respondent)\(t(ReconsiderationFact.actDescription))提出的行政复议申请。经审查，该申请材料不齐全或者表述不清楚，依据《中华人民共和国行政复议法》第三十一条，请你自收到本通知之日起十个工作日内补正以下材料："
                ),
                .paragraph(
                    f.list(ReconsiderationFact.correctionItems).enumerated().map { "\($0.offset + 1). \($0.element)" }
                        .joined(separator: "\n")),
                .paragraph("无正当理由逾期不补正的，视为你放弃行政复议申请，并记录在案。补正申请材料所用时间不计入行政复议审理期限。"),
            ] + sign
        case .acceptanceNotice:
            let simple = f[ReconsiderationFact.track] == "simple"
            return [
                .centered(c.caseNumber), .paragraph("\(applicant)："),
                .paragraph(
                    "你对\(respondent)\(t(ReconsiderationFact.actDescription))不服提出的行政复议申请，本机关已依法受理（《中华人民共和国行政复议法》第三十条），适用\(simple ? "简易" : "普通")程序审理。本机关将在\(due("decision"))前作出行政复议决定\(simple ? "（第六十二条第二款）" : "；情况复杂的，经行政复议机构负责人批准可以适当延长，但延长期限最多不超过三十日（第六十二条第一款）")。"
                ),
            ]
                + (f[ReconsiderationFact.timelinessAnswer].map { [.paragraph("关于申请期限：\($0)")] } ?? []) + sign
        case .refusalDecision:
            return [
                .centered(c.caseNumber), .paragraph("\(applicant)："),
                .paragraph(
                    "你对\(respondent)\(t(ReconsiderationFact.actDescription))不服，于\(day(ReconsiderationFact.receivedOn))向本机关提出行政复议申请。经审查，\(t(ReconsiderationFact.refusalReasons))。依据《中华人民共和国行政复议法》第三十条，决定不予受理。"
                        + (t(ReconsiderationFact.competentBody).isEmpty
                            ? "" : "你可以向\(t(ReconsiderationFact.competentBody))提出行政复议申请。")),
                .paragraph("如不服本决定，可以自收到本决定书之日起十五日内依法向人民法院提起行政诉讼（第三十四条）。"),
            ] + sign
        case .dismissalDecision:
            return [
                .centered(c.caseNumber), .paragraph("\(applicant)："),
                .paragraph(
                    "你对\(respondent)\(t(ReconsiderationFact.actDescription))不服，于\(day(ReconsiderationFact.receivedOn))向本机关提出行政复议申请，本机关已依法受理。经审查，\(t(ReconsiderationFact.dismissalReasons))，不符合《中华人民共和国行政复议法》第三十条第一款规定的受理条件。依据《中华人民共和国行政复议法》第三十三条，决定驳回你的行政复议申请。"
                ),
                .paragraph("如不服本决定，可以自收到本决定书之日起十五日内依法向人民法院提起行政诉讼。"),
            ] + sign
        case .answerNotice:
            let simple = f[ReconsiderationFact.track] == "simple"
            return [
                .centered(c.caseNumber), .paragraph("\(respondent)："),
                .paragraph(
                    "\(applicant)对你机关\(t(ReconsiderationFact.actDescription))不服，向本机关申请行政复议，本机关已依法受理。现将行政复议申请书副本发送你机关。依据《中华人民共和国行政复议法》\(simple ? "第五十四条" : "第四十八条")，请自收到申请书副本之日起\(simple ? "五" : "十")日内提出书面答复，并提交作出行政行为的证据、依据和其他有关材料。"
                ),
                .paragraph("被申请人不按照规定提出书面答复、提交证据、依据和其他有关材料的，视为该行政行为没有证据、依据（第七十条）。"),
            ] + sign
        case .reconsiderationHearingNotice:
            return [
                .centered(c.caseNumber), .paragraph("\(applicant)、\(respondent)："),
                .paragraph(
                    "本机关定于\(day(ReconsiderationFact.hearingDate))在\(t(ReconsiderationFact.hearingPlace))就\(applicant)对\(respondent)\(t(ReconsiderationFact.actDescription))不服一案举行听证（《中华人民共和国行政复议法》第五十条、第五十一条）。"
                ),
                .field("主持人", t(ReconsiderationFact.hearingChair)),
                .field("听证员", f.list(ReconsiderationFact.hearingOfficers).joined(separator: "、")),
                .field("记录员", t(ReconsiderationFact.hearingClerk)),
                .paragraph("申请人无正当理由拒不参加听证的，视为放弃听证权利；被申请人的负责人应当参加听证，不能参加的，应当说明理由并委托相应的工作人员参加。"),
            ] + sign
        case .reconsiderationHearingRecord:
            return [
                .centered(c.caseNumber), .field("听证日期", day(ReconsiderationFact.hearingDate)),
                .field("地点", t(ReconsiderationFact.hearingPlace)), .field("主持人", t(ReconsiderationFact.hearingChair)),
                .field("听证员", f.list(ReconsiderationFact.hearingOfficers).joined(separator: "、")),
                .field("记录员", t(ReconsiderationFact.hearingClerk)), .heading("听证情况"),
                .paragraph(t(ReconsiderationFact.hearingSummary)),
                .field("当事人签字", f.flag(ReconsiderationFact.hearingRecordSigned) ? "已核对签字" : "未签字"),
            ]
        case .committeeOpinion:
            return [
                .centered(c.caseNumber),
                .field("案件", "\(applicant)诉\(respondent)\(t(ReconsiderationFact.actDescription))"),
                .field("参加咨询的委员", f.list(ReconsiderationFact.committeeMembers).joined(separator: "、")),
                .heading("咨询意见"), .paragraph(t(ReconsiderationFact.committeeOpinion)),
                .paragraph("依据《中华人民共和国行政复议法》第五十二条、第六十一条，本咨询意见记录在案，作为作出行政复议决定的重要参考依据。"),
            ]
        case .extensionNotice:
            return [
                .centered(c.caseNumber), .paragraph("\(applicant)、\(respondent)："),
                .paragraph(
                    "\(applicant)对\(respondent)\(t(ReconsiderationFact.actDescription))不服一案，因\(t(ReconsiderationFact.extensionReason))，不能在规定期限内作出行政复议决定。经行政复议机构负责人批准，依据《中华人民共和国行政复议法》第六十二条第一款，审理期限延长\(t(ReconsiderationFact.extendedDays))日，至\(due("decision"))。"
                ),
            ] + sign
        case .suspensionNotice:
            return [
                .centered(c.caseNumber), .paragraph("\(applicant)、\(respondent)："),
                .paragraph(
                    "\(applicant)对\(respondent)\(t(ReconsiderationFact.actDescription))不服一案，因\(CaseDocuments.choice(f[ReconsiderationFact.suspensionGround], Reconsideration.suspensionGrounds.map { ($0.value, $0.label) }))，依据《中华人民共和国行政复议法》第三十九条，本机关决定自\(day(ReconsiderationFact.suspendedOn))起中止审理。中止的原因消除后，将及时恢复审理并告知你们（第三十九条第二款）；中止期间不计入审理期限。"
                ),
            ] + sign
        case .terminationDecision:
            return [
                .centered(c.caseNumber), .paragraph("\(applicant)、\(respondent)："),
                .paragraph(
                    "\(applicant)对\(respondent)\(t(ReconsiderationFact.actDescription))不服一案，因\(CaseDocuments.choice(f[ReconsiderationFact.terminationGround], Reconsideration.terminationGrounds.map { ($0.value, $0.label) }))，依据《中华人民共和国行政复议法》第四十一条，本机关决定终止行政复议。"
                        + (f[ReconsiderationFact.terminationGround] == "withdrawn"
                            ? "申请人撤回行政复议申请的，不得再以同一事实和理由提出行政复议申请，但能够证明撤回行政复议申请违背其真实意愿的除外（第七十四条）。" : "")),
            ] + sign
        case .reconsiderationDecision:
            let mediation = f[ReconsiderationFact.outcome] == "mediation"
            var b: [DocumentText.Block] = [
                .centered(
                    t(ReconsiderationFact.decisionNumber).isEmpty ? c.caseNumber : t(ReconsiderationFact.decisionNumber)
                ),
                .paragraph("申请人：\(applicant)，住所（地址）：\(t(ReconsiderationFact.applicantAddress))。"),
                .paragraph("被申请人：\(respondent)。"),
                .paragraph(
                    "申请人对被申请人\(t(ReconsiderationFact.actDescription))不服，于\(day(ReconsiderationFact.receivedOn))向本机关申请行政复议，本机关\(f.flag(ReconsiderationFact.deemedAccepted) ? "依法视为受理（第三十条第三款）" : "依法受理")，"
                        + "适用\(f[ReconsiderationFact.track] == "simple" ? "简易" : "普通")程序\(f.flag(ReconsiderationFact.switchedToOrdinary) ? "（由简易程序转为普通程序）" : "")审理。"
                        + (f.flag(ReconsiderationFact.heard) ? "本机关举行了听证，根据听证笔录作出本决定（第六十一条第二款）。" : "")),
                .heading("申请人请求"), .paragraph(t(ReconsiderationFact.requests)), .heading("申请人称"),
                .paragraph(t(ReconsiderationFact.reasons)),
            ]
            b += [
                .heading("被申请人称"),
                .paragraph(
                    f.flag(ReconsiderationFact.answerMissing)
                        ? "被申请人未在法定期限内提出书面答复、提交证据和依据，视为该行政行为没有证据、依据（第七十条）。" : t(ReconsiderationFact.answerSummary)),
            ]
            if f.flag(ReconsiderationFact.committeeConsulted) {
                b += [.heading("行政复议委员会咨询意见"), .paragraph(t(ReconsiderationFact.committeeOpinion))]
            }
            b += [
                .heading("本机关认为"), .paragraph(t(ReconsiderationFact.decisionReasons)),
                .heading(mediation ? "经调解，双方当事人自愿达成如下协议" : "决定如下"),
                .paragraph(
                    t(ReconsiderationFact.decisionText)
                        + (f[ReconsiderationFact.redoDays].map { "责令被申请人自本决定书生效之日起\(Int($0))日内重新作出行政行为。" } ?? "")
                        + (f[ReconsiderationFact.performanceDays].map { "责令被申请人自本决定书生效之日起\(Int($0))日内履行。" } ?? "")),
                .paragraph(
                    mediation
                        ? "本调解书经双方当事人签字，加盖本机关印章，即具有法律效力（第七十三条）。"
                        : "本决定书自送达之日起发生法律效力（第七十五条）。申请人如不服本决定，可以自收到本决定书之日起十五日内依法向\(c.court)提起行政诉讼（法律规定行政复议决定为最终裁决的除外）。"),
                .field(
                    "审批",
                    CaseDocuments.choice(
                        f[ReconsiderationFact.approval], [("head", "经本机关负责人同意"), ("collective", "经集体讨论通过")]) + "（第六十一条）"
                ),
            ]
            return b + sign
        case .opinionLetter:
            return [
                .centered(c.caseNumber), .paragraph("\(t(ReconsiderationFact.opinionTo))："),
                .paragraph(
                    "本机关在办理\(applicant)对\(respondent)\(t(ReconsiderationFact.actDescription))不服一案中，发现有关行政行为存在问题。依据《中华人民共和国行政复议法》第七十六条，提出如下意见：\(t(ReconsiderationFact.opinionContent))"
                ),
                .paragraph("请自收到本意见书之日起六十日内，将纠正相关违法或者不当行政行为的情况报送本机关（\(due("opinionReport"))前）。"),
            ] + sign
        default:
            return []
        }
    }
}
