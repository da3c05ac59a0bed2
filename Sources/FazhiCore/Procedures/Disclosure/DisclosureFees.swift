import Foundation

/// 信息处理费 (政府信息公开条例 第四十二条; 《政府信息公开信息处理费管理办法》国办函〔2020〕109号): charged only above the
/// 办法's free amounts, by the number of requests in the month or by the pages, each on its 超额累进 scale; the notice goes
/// out within the answer period, the applicant pays within 20 working days of receiving it or the request is deemed
/// abandoned, and the time from the notice to the payment is not counted in the answer period.
extension Disclosure {
    /// 第三条: by requests (按件) or by pages (按量).
    public static let feeBases = [
        InputField.Choice("items", "按件计收（同一申请人本自然月内累计申请件数，含本件）"),
        .init("pages", "按量计收（提供的页数）"),
    ]
    /// 办法: the days to pay, from receipt of the notice.
    public static let feePaymentWorkdays = 20

    /// The fee in 元 for this request (第四条、第五条): 按件 — the request's place in the applicant's month: the first 10 free,
    /// the 11th to 30th 100 元, then 100 元 more for each further 10; 按量 — 30 pages free, 31–100 at 10 元, 101–200 at 20 元,
    /// above 200 at 40 元 a page.
    public static func fee(basis: String, quantity: Int) -> Int {
        let n = max(0, quantity)
        switch basis {
        case "items":
            guard n > 10 else { return 0 }
            guard n > 30 else { return 100 }
            return 100 + 100 * ((n - 31) / 10 + 1)
        case "pages":
            return 10 * max(0, min(n, 100) - 30) + 20 * max(0, min(n, 200) - 100) + 40 * max(0, n - 200)
        default: return 0
        }
    }
}

extension DisclosureProcedure {
    static let feeSteps: [ActionDefinition] = [
        ActionDefinition(
            Step.notifyFee, "发出收费通知", from: [State.received.id], to: State.awaitingFee.id, by: staff,
            basis: "政府信息公开条例 第四十二条；《政府信息公开信息处理费管理办法》"
        )
        .asks(
            .init("feeBasis", "计费方式", .choice(Disclosure.feeBases)),
            .init("feeQuantity", "计费数量（件数或者页数）", .number),
            .init("feeNoticeReceivedOn", "申请人收到收费通知之日（当面交付的填写；未填写的按今日）", .date, required: false)
        )
        .gate("《政府信息公开信息处理费管理办法》", "应当在答复期限内发出收费通知；答复期限已过") { c in !overdue(c, "answer") }
        .gate("《政府信息公开信息处理费管理办法》", "计费数量应为1至100000的整数", field: "feeQuantity") { c in
            Disclosure.wholeDays(c.inputs[DisclosureFact.feeQuantity], in: 1...100_000)
        }
        .gate("政府信息公开条例 第四十二条", "依申请提供政府信息不收取费用；按办法的标准，本件申请不收费", field: "feeQuantity") { c in
            Disclosure.fee(
                basis: c.inputs[DisclosureFact.feeBasis] ?? "", quantity: Int(c.inputs[DisclosureFact.feeQuantity] ?? 0)
            ) > 0
        }
        .gate("《政府信息公开信息处理费管理办法》", "收到收费通知之日不能早于发出之日，也不能晚于登记之日", field: "feeNoticeReceivedOn") { c in
            c.stepInputs[DisclosureFact.feeNoticeReceivedOn].map { $0 == c.date } ?? true
        }
        .then(
            .compute(writes: DisclosureFact.feeAmount, DisclosureFact.feeNoticeReceivedOn) { c in
                let yuan = Disclosure.fee(
                    basis: c.inputs[DisclosureFact.feeBasis] ?? "",
                    quantity: Int(c.inputs[DisclosureFact.feeQuantity] ?? 0))
                return Facts([
                    DisclosureFact.feeAmount ~ Money(fen: Int64(yuan) * 100),
                    DisclosureFact.feeNoticeReceivedOn ~ (c.stepInputs[DisclosureFact.feeNoticeReceivedOn] ?? c.date),
                ])
            },
            // The time from the notice to the payment is not counted in the answer period.
            .pauseDeadline("answer"),
            .startDeadline(
                DeadlineRule(
                    "feePayment", "申请人缴纳信息处理费", days: Disclosure.feePaymentWorkdays, .workday,
                    article: "《政府信息公开信息处理费管理办法》", fromFact: "feeNoticeReceivedOn", holder: .party))
        )
        .produces(.disclosureFeeNotice),
        ActionDefinition(
            Step.recordFeePaid, "申请人已缴费", from: [State.awaitingFee.id], to: State.received.id, by: staff,
            basis: "《政府信息公开信息处理费管理办法》"
        )
        .asks(.init("feePaidOn", "缴纳费用之日", .date))
        .gate("《政府信息公开信息处理费管理办法》", "缴费之日不能早于收费通知，也不能晚于登记之日", field: "feePaidOn") { c in
            let on = c.inputs[DisclosureFact.feePaidOn]!
            return on <= c.date && on >= (c.file.lastStep(Step.notifyFee)?.on ?? on)
        }
        .gate("《政府信息公开信息处理费管理办法》", "缴费期限已过：逾期未缴纳的，视为放弃申请", field: "feePaidOn") { c in
            guard let d = c.file.deadline("feePayment"), d.isRunning else { return true }
            return c.inputs[DisclosureFact.feePaidOn]! <= d.deadline.due
        }
        .then(.stopDeadline("feePayment"), .resumeDeadline("answer", fromFact: "feePaidOn")),
        ActionDefinition(
            Step.feeLapsed, "逾期未缴费，视为放弃申请", from: [State.awaitingFee.id], to: State.abandoned.id, by: staff,
            basis: "《政府信息公开信息处理费管理办法》"
        )
        .gate("《政府信息公开信息处理费管理办法》", "缴费期限尚未届满") { c in overdue(c, "feePayment") }
        .then(
            .stopDeadline("feePayment"),
            .compute(
                writes: DisclosureFact.answerType, DisclosureFact.answerGround, DisclosureFact.answeredOn,
                DisclosureFact.outcome
            ) { c in
                Facts([
                    DisclosureFact.answerType ~ "other", DisclosureFact.answerGround ~ "fee_unpaid",
                    DisclosureFact.answeredOn ~ c.date, DisclosureFact.outcome ~ "other",
                ])
            }),
    ]
}

extension CaseDocumentKind {
    public static let disclosureFeeNotice = CaseDocumentKind("disclosure_fee_notice", "政府信息公开信息处理费收费通知")
}
