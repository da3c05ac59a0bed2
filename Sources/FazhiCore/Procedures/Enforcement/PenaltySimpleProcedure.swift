import Foundation

/// 行政处罚 简易程序 (当场处罚, 《行政处罚法》第五十一条、第五十二条; 当场收缴 第六十八条至第七十一条), as data.
public enum PenaltySimpleProcedure {
    public static let id = "penalty.simple"
    public static let version = 1

    /// Its states (阶段), each declared once: a state named anywhere else is one of these.
    public enum State {
        public static let open = ProcedureState("open", "现场")
        public static let decided = ProcedureState("decided", "已当场决定")
        public static let collected = ProcedureState("collected", "已当场收缴")
        public static let paid = ProcedureState("paid", "已缴纳")
        public static let closed = ProcedureState("closed", "已结案", terminal: true)
    }

    /// Its steps (步骤) by id, each declared once: a step named anywhere else is one of these.
    public enum Step {
        public static let decideOnSpot = "decide_on_spot"
        public static let collectOnSpot = "collect_on_spot"
        public static let handOverCash = "hand_over_cash"
        public static let recordPayment = "record_payment"
        public static let fileRecord = "file_record"
        public static let close = "close"
    }

    public static let states = [
        State.open, State.decided, State.collected, State.paid, State.closed,
    ]

    public static func definition(_ settings: ProcedureSettings) -> ProcedureDefinition {
        let actions: [ActionDefinition] = [
            ActionDefinition(
                Step.decideOnSpot, "当场作出处罚决定", from: [State.open.id], to: State.decided.id, by: [.officer],
                basis: "行政处罚法 第五十一条、第五十二条"
            )
            .needs(OfficerRule(minimum: 2, article: "行政处罚法 第四十二条"))
            .asks(
                InputField("powerItemCode", "行政处罚事项编码").picking(.powerItemsOfCaseBody(.penalty)),
                .init("partyName", "当事人", personName: true),
                .init("partyKind", "当事人类型", .choice(Penalty.partyKinds)),
                .init("partyIDNumber", "身份证号或统一社会信用代码", required: false, personal: true),
                .init("partyAddress", "住所或地址", required: false),
                .init("violationFacts", "违法行为"),
                .init("penaltyBasis", "处罚依据"),
                InputField("penaltyKinds", "处罚种类", .list).choosing(from: Penalty.kinds),
                .init("fineAmount", "罚款金额（元）", .amount, required: false),
                .init("formNumber", "预定格式、编有号码的决定书编号"),
                .init("certificateShown", "已向当事人出示执法证件", .bool),
                .init("partyInformed", "已告知当事人违法事实、处罚理由和依据及陈述、申辩的权利，并记录在案", .bool),
                .init("partyStatement", "当事人的陈述、申辩及处理（放弃的写明“放弃陈述申辩”）"),
                .init("partySignature", "当事人签名", .choice(Penalty.signature))
            )
            .gate("行政处罚法 第十七条", "执法主体资格未经确认、公告，不能以其名义作出处罚", { $0.external.flag(Penalty.External.bodyConfirmed) })
            .gate(
                "行政处罚法 第十七条、第三十九条", "该事项不是本机关权责清单中的行政处罚事项", field: "powerItemCode",
                { $0.external.flag(Penalty.External.powerItemIsBodysPenalty) }
            )
            .gate("行政处罚法 第五十二条第一款", "当场作出处罚决定应当向当事人出示执法证件", field: "certificateShown") {
                $0.inputs.flag(EnforcementFact.certificateShown)
            }
            // 第四十四条、第五十二条第一款: told before the decision; 第六十二条: without it the decision may not be made.
            .gate("行政处罚法 第四十四条、第五十二条、第六十二条", "当场作出处罚决定前，应当告知当事人违法事实、处罚理由和依据及陈述、申辩的权利，并记录在案", field: "partyInformed") {
                $0.inputs.flag(EnforcementFact.partyInformed)
            }
            .gate("行政处罚法 第五十一条", "简易程序只能给予警告或者罚款；其他处罚应当适用普通程序", field: "penaltyKinds") { c in
                !c.inputs.list(EnforcementFact.penaltyKinds).isEmpty
                    && Set(c.inputs.list(EnforcementFact.penaltyKinds)).isSubset(of: Penalty.simpleKinds)
            }
            .gate("行政处罚法 第九条", "处罚种类含罚款时须写明罚款金额", field: "fineAmount") { c in
                !c.inputs.list(EnforcementFact.penaltyKinds).contains("罚款")
                    || (c.inputs[EnforcementFact.fineAmount] ?? 0) > 0
            }
            .gate("行政处罚法 第五十一条", "当场罚款以公民二百元以下、法人或者其他组织三千元以下为限；超过的应当适用普通程序", field: "fineAmount") { c in
                (c.inputs[EnforcementFact.fineAmount] ?? 0)
                    <= (Penalty.isOrganisation(c.inputs) ? Penalty.simpleFineOrganisation : Penalty.simpleFineCitizen)
            }
            .then(
                .compute(
                    writes: EnforcementFact.decidedOn, EnforcementFact.decidedFine, EnforcementFact.decidedKinds,
                    EnforcementFact.decisionNumber
                ) { c in
                    Facts([
                        "decidedOn": .date(c.date), "decidedFine": (c.inputs[EnforcementFact.fineAmount] ?? 0).fact,
                        "decidedKinds": .list(c.inputs.list(EnforcementFact.penaltyKinds)),
                        "decisionNumber": .text(c.inputs[EnforcementFact.formNumber] ?? ""),
                    ])
                },
                .startDeadline(
                    DeadlineRule("payment", "缴纳罚款", days: 15, .day, article: "行政处罚法 第六十七条第三款", holder: .party),
                    onlyIf: { ($0.facts[EnforcementFact.fineAmount] ?? 0) > 0 })
            )
            .produces(.onSpotDecision),
            ActionDefinition(
                Step.collectOnSpot, "当场收缴罚款", from: [State.decided.id], to: State.collected.id, by: [.officer],
                basis: "行政处罚法 第六十八条"
            )
            .asks(
                .init("receiptNumber", "财政部门统一制发的专用票据号码"),
                .init("hardToEnforce", "不当场收缴事后难以执行", .bool, required: false),
                .init("remoteArea", "边远、水上、交通不便地区，当事人提出", .bool, required: false)
            )
            .gate("行政处罚法 第六十八条、第六十九条", "当场收缴仅限一百元以下的罚款、不当场收缴事后难以执行的，或者边远、水上、交通不便地区", field: "hardToEnforce") { c in
                (c.file.facts[EnforcementFact.decidedFine] ?? 0) <= Penalty.onSpotCollectionMax
                    || c.inputs.flag(EnforcementFact.hardToEnforce) || c.inputs.flag(EnforcementFact.remoteArea)
            }
            .gate("行政处罚法 第六十八条", "没有罚款可收缴") { ($0.file.facts[EnforcementFact.decidedFine] ?? 0) > 0 }
            .then(
                .stopDeadline("payment"),
                .startDeadline(DeadlineRule("handover", "执法人员将罚款交至行政机关", days: 2, .workday, article: "行政处罚法 第七十一条"))),
            ActionDefinition(
                Step.handOverCash, "罚款交至行政机关", from: [State.collected.id], to: nil, by: [.officer], basis: "行政处罚法 第七十一条"
            )
            .asks(.init("handoverReceipt", "交款凭证"))
            .gate("行政处罚法 第七十一条", "罚款已交回") { $0.file.deadline("handover")?.isRunning == true }
            .then(.stopDeadline("handover")),
            ActionDefinition(
                Step.recordPayment, "登记缴款凭证", from: [State.decided.id], to: State.paid.id, by: [.officer, .head],
                basis: "行政处罚法 第六十七条"
            )
            .asks(
                .init("paymentVoucher", "银行或者电子支付缴款凭证号"),
                .init("paidAmount", "缴纳金额（元）", .amount),
                .init("paidOn", "缴纳日期", .date)
            )
            .gate("行政处罚法 第六十七条", "没有应缴的罚款") { ($0.file.facts[EnforcementFact.decidedFine] ?? 0) > 0 }
            .gate("行政处罚法 第六十七条", "缴纳金额少于罚款", field: "paidAmount") { c in
                (c.inputs[EnforcementFact.paidAmount] ?? 0) + 0.001 >= (c.file.facts[EnforcementFact.decidedFine] ?? 0)
            }
            .then(.stopDeadline("payment")),
            ActionDefinition(
                Step.fileRecord, "报所属行政机关备案", from: [State.decided.id, State.collected.id, State.paid.id], to: nil,
                by: [.officer, .head],
                basis: "行政处罚法 第五十二条第三款"
            )
            .asks(.init("filingNote", "备案情况"))
            .then(.set("filed", .bool(true))),
            ActionDefinition(
                Step.close, "结案", from: [State.decided.id, State.collected.id, State.paid.id], to: State.closed.id,
                by: [.officer, .head],
                basis: "行政处罚法 第五十二条"
            )
            .gate("行政处罚法 第五十二条第三款", "当场作出的行政处罚决定，应当报所属行政机关备案") { $0.file.facts.flag(EnforcementFact.filed) }
            .gate("行政处罚法 第六十七条", "罚款尚未缴纳") { c in
                (c.file.facts[EnforcementFact.decidedFine] ?? 0) == 0 || c.file.state != State.decided.id
            }
            .gate("行政处罚法 第七十一条", "当场收缴的罚款尚未交至行政机关") { c in c.file.deadline("handover")?.isRunning != true },
        ]
        var d = ProcedureDefinition(
            id: id, version: version, name: "行政处罚简易程序", instrument: "《中华人民共和国行政处罚法》", initial: State.open.id,
            states: states,
            actions: actions,
            opening: Penalty.opening, numbering: CaseNumbering("简", issuer: .enforcementBody),
            presentation: Penalty.presentation(party: ["partyName"]))
        // The enforcement facts this procedure records (the list is shared by the three).
        let writable = d.writableFacts
        d.presentation.shownFacts.removeAll { !writable.contains($0) }
        return d
    }
}
