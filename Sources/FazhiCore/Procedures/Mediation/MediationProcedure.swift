import Foundation

/// 调解 (《中华人民共和国人民调解法》, applied alike to 行政调解 and 诉调对接 cases), as data: a dispute received, declined
/// when a party refuses (第十七条), mediated by the mediators named (第十九条、第二十条) with each session recorded
/// (第二十七条), and concluded by an agreement (第二十八条至第三十条) — then a follow-up visit on its performance
/// (第三十一条第二款) — or by ending the mediation and telling the parties where to go (第二十六条), or by referring it to
/// the court (转诉讼). The case belongs to the organisation that mediates; its 调解员 take the steps.
public enum MediationProcedure {
    public static let id = "mediation"
    public static let version = 1

    /// Its states (阶段), each declared once: a state named anywhere else is one of these.
    public enum State {
        public static let new = ProcedureState("new", "待登记")
        public static let received = ProcedureState("received", "已受理")
        public static let mediating = ProcedureState("mediating", "调解中")
        public static let agreed = ProcedureState("agreed", "调解成功（待回访）")
        public static let closed = ProcedureState("closed", "调解成功（已回访）", terminal: true)
        public static let failed = ProcedureState("failed", "调解不成", terminal: true)
        public static let referred = ProcedureState("referred", "转诉讼", terminal: true)
        public static let declined = ProcedureState("declined", "不予调解", terminal: true)
    }

    /// Its steps (步骤) by id, each declared once: a step named anywhere else is one of these.
    public enum Step {
        public static let receive = "receive"
        public static let decline = "decline"
        public static let assign = "assign"
        public static let recordSession = "record_session"
        public static let concludeAgreement = "conclude_agreement"
        public static let concludeFailure = "conclude_failure"
        public static let referToCourt = "refer_to_court"
        public static let followUp = "follow_up"
    }

    public static let states = [
        State.new, State.received, State.mediating, State.agreed, State.closed, State.failed, State.referred,
        State.declined,
    ]
    static let staff: Set<Role> = [.mediator, .head]

    public static func definition(_ settings: ProcedureSettings) -> ProcedureDefinition {
        let actions: [ActionDefinition] = [
            ActionDefinition(
                Step.receive, "受理纠纷", from: [State.new.id], to: State.received.id, by: staff, basis: "人民调解法 第十七条"
            )
            .asks(
                .init("mediationKind", "调解类别", .choice(Mediation.kinds)),
                .init("disputeType", "纠纷类型", .choice(Mediation.disputeTypes)),
                .init("source", "纠纷来源", .choice(Mediation.sources)),
                .init("parties", "当事人（至少两方）", .list, personName: true),
                .init("disputeSummary", "纠纷简要情况"),
                .init("committee", "调解组织"),
                .init("amountInvolved", "涉及金额（元）", .amount, required: false)
            )
            .gate("人民调解法 第二条", "纠纷至少有两方当事人", field: "parties") { c in
                Set(c.inputs.list(MediationFact.parties)).count >= 2
            }
            .then(
                .compute(writes: MediationFact.receivedOn, MediationFact.partyName) { c in
                    Facts([
                        "receivedOn": .date(c.date),
                        "partyName": .text(c.inputs.list(MediationFact.parties).joined(separator: "、")),
                    ])
                },
                .startDeadline(
                    DeadlineRule(
                        "mediation", "调解期限（及时调解）", days: settings.mediationDays, .day,
                        article: "人民调解法 第二十一条第二款；期限按地方规定"))),
            ActionDefinition(
                Step.decline, "不予调解", from: [State.received.id], to: State.declined.id, by: staff, basis: "人民调解法 第十七条"
            )
            .asks(
                .init("declineReason", "不予调解的原因", .choice(Mediation.declineReasons)),
                .init("declineNote", "情况说明"),
                .init("rightsInformed", "已告知当事人可以通过仲裁、行政、司法等途径维护权利", .bool)
            )
            .gate("人民调解法 第三条第三项", "不得因调解而阻止当事人依法通过仲裁、行政、司法等途径维护自己的权利：应当告知当事人其他途径", field: "rightsInformed") {
                $0.inputs.flag(MediationFact.rightsInformed)
            }
            .then(
                .stopDeadline("mediation"),
                .compute(writes: MediationFact.concludedOn, MediationFact.outcome) {
                    Facts(["concludedOn": .date($0.date), "outcome": .text("declined")])
                }),
            ActionDefinition(
                Step.assign, "指定调解员，开始调解", from: [State.received.id], to: State.mediating.id, by: staff,
                basis: "人民调解法 第十九条"
            )
            .asks(
                .init("mediators", "调解员", .list),
                .init("invited", "邀请参与调解的人员（亲属、邻里、专业人员等）", .list, required: false),
                .init("partiesConsented", "当事人同意邀请上述人员参与", .bool, required: false)
            )
            .gate("人民调解法 第二十条", "邀请其他人员参与调解应当征得当事人同意", field: "partiesConsented") { c in
                c.inputs.list(MediationFact.invited).isEmpty || c.inputs.flag(MediationFact.partiesConsented)
            }
            .then(.compute(writes: MediationFact.mediationStartedOn) { Facts(["mediationStartedOn": .date($0.date)]) }),
            ActionDefinition(
                Step.recordSession, "记录调解情况", from: [State.mediating.id], to: nil, by: staff, basis: "人民调解法 第二十七条"
            )
            .asks(
                .init("sessionDate", "调解日期", .date),
                .init("sessionSummary", "调解情况（当事人陈述、调解员意见）")
            )
            .gate("人民调解法 第二十七条", "调解日期不能晚于记录之日", field: "sessionDate") { c in
                c.inputs[MediationFact.sessionDate]! <= c.date
            }
            .then(
                .compute(writes: MediationFact.sessions) { c in
                    Facts(["sessions": .number((c.file.facts[MediationFact.sessions] ?? 0) + 1)])
                }),
            ActionDefinition(
                Step.concludeAgreement, "调解成功，达成协议", from: [State.mediating.id], to: State.agreed.id, by: staff,
                basis: "人民调解法 第二十八条"
            )
            .asks(
                .init("agreementForm", "协议形式", .choice(Mediation.agreementForms)),
                .init("disputeFacts", "纠纷的主要事实、争议事项及各方责任"),
                .init("agreementTerms", "协议内容"),
                .init("performanceTerms", "履行方式和期限"),
                .init("signedByParties", "各方当事人已签名、盖章或者按指印", .bool, required: false),
                .init("mediatorSigned", "调解员已签名并加盖调解组织印章", .bool, required: false)
            )
            .gate("人民调解法 第二十九条第二款", "调解协议书自各方当事人签名、盖章或者按指印，调解员签名并加盖调解组织印章之日起生效：请确认已签名盖章", field: "signedByParties") {
                c in
                c.inputs[MediationFact.agreementForm] != "written"
                    || (c.inputs.flag(MediationFact.signedByParties) && c.inputs.flag(MediationFact.mediatorSigned))
            }
            .then(
                .stopDeadline("mediation"),
                .compute(
                    writes: MediationFact.concludedOn, MediationFact.agreedOn, MediationFact.outcome,
                    MediationFact.confirmationDue
                ) { c in
                    Facts([
                        "concludedOn": .date(c.date), "agreedOn": .date(c.date), "outcome": .text("agreed"),
                        // 人民调解法 第三十三条's 30 days end past a rest day like every period (民事诉讼法 第八十五条).
                        "confirmationDue": .date(c.calendar.periodEnd(c.date.adding(days: Mediation.confirmationDays))),
                    ])
                },
                .startDeadline(
                    DeadlineRule(
                        "followUp", "回访，监督协议履行", days: settings.mediationFollowUpDays, .day,
                        article: "人民调解法 第三十一条第二款；回访时间按地方规定"))
            )
            .produces(.mediationAgreement),
            ActionDefinition(
                Step.concludeFailure, "调解不成，终止调解", from: [State.mediating.id], to: State.failed.id, by: staff,
                basis: "人民调解法 第二十六条"
            )
            .asks(
                .init("failureReason", "调解不成的原因"),
                .init("routesInformed", "告知当事人的途径", .list),
                .init("rightsInformed", "已依法告知当事人可以通过仲裁、行政、司法等途径维护权利", .bool)
            )
            .gate("人民调解法 第二十六条", "调解不成的，应当告知当事人可以依法通过仲裁、行政、司法等途径维护自己的权利", field: "rightsInformed") {
                $0.inputs.flag(MediationFact.rightsInformed)
            }
            .then(
                .stopDeadline("mediation"),
                .compute(writes: MediationFact.concludedOn, MediationFact.outcome) {
                    Facts(["concludedOn": .date($0.date), "outcome": .text("failed")])
                }),
            ActionDefinition(
                Step.referToCourt, "转诉讼（诉调对接）", from: [State.received.id, State.mediating.id], to: State.referred.id,
                by: staff,
                basis: "人民调解法 第二十六条"
            )
            .asks(
                .init("court", "移交或者引导起诉的人民法院"),
                .init("referralNote", "转诉讼的情况"),
                .init("rightsInformed", "已告知当事人诉讼途径和期限", .bool)
            )
            .gate("人民调解法 第二十六条", "应当告知当事人诉讼途径", field: "rightsInformed") {
                $0.inputs.flag(MediationFact.rightsInformed)
            }
            .then(
                .stopDeadline("mediation"),
                .compute(writes: MediationFact.concludedOn, MediationFact.outcome, MediationFact.mediated) { c in
                    Facts([
                        "concludedOn": .date(c.date), "outcome": .text("referred"),
                        "mediated": .bool(c.file.state == State.mediating.id),
                    ])
                }),
            ActionDefinition(
                Step.followUp, "回访", from: [State.agreed.id], to: State.closed.id, by: staff, basis: "人民调解法 第三十一条第二款"
            )
            .asks(
                .init("visitedOn", "回访日期", .date),
                .init("performance", "协议履行情况", .choice(Mediation.performance)),
                .init("visitNotes", "回访情况")
            )
            .gate("人民调解法 第三十一条第二款", "回访日期不能早于达成协议之日，也不能晚于登记之日", field: "visitedOn") { c in
                let v = c.inputs[MediationFact.visitedOn]!
                return v <= c.date && v >= (c.file.facts[MediationFact.agreedOn] ?? v)
            }
            .then(.stopDeadline("followUp")),
        ]
        var d = ProcedureDefinition(
            id: id, version: version, name: "矛盾纠纷调解", instrument: "《中华人民共和国人民调解法》", initial: State.new.id,
            states: states,
            actions: actions, kind: .mediation,
            opening: OpeningRule(
                [.mediator, .head], article: "人民调解法 第十三条、第十九条",
                refusal: "只有调解组织的调解员或者负责人可以受理纠纷"),
            numbering: CaseNumbering("调", issuer: .organisation), presentation: presentation)
        d.statistics = statistics
        d.statistics?.summary = summary
        return d
    }

    /// The year's 调解 figures as the seeds report them (seed 002: "共调解民事纠纷1048件，调解率100%，调解成功率98.7%"), by the
    /// year the dispute was received. 调解数 = disputes mediated to a conclusion (agreement, failure, or referred to the
    /// court after mediating); 调解率 = 调解数 ÷ 受理数; 调解成功率 = 调解成功数 ÷ 调解数.
    public static let statistics: ProcedureStatistics = {
        typealias F = ProcedureStatistics.Figure
        @Sendable func mediated(_ f: CaseFile) -> Bool {
            [State.agreed.id, State.closed.id, State.failed.id].contains(f.state)
                || (f.state == State.referred.id && f.facts.flag(MediationFact.mediated))
        }
        var figures: [F] = [
            F("received", "受理数") { _ in true },
            F("mediated", "调解数") { mediated($0) },
            F("succeeded", "调解成功数") { [State.agreed.id, State.closed.id].contains($0.state) },
            F("failed", "调解不成", main: false) { $0.state == State.failed.id },
            F("referred", "转诉讼", main: false) { $0.state == State.referred.id },
            F("declined", "不予调解", main: false) { $0.state == State.declined.id },
            F("pending", "在调", main: false) { [State.received.id, State.mediating.id].contains($0.state) },
            F("visited", "已回访", main: false) { $0.state == State.closed.id },
        ]
        for k in Mediation.kinds {
            let v = k.value
            figures.append(F("kind." + v, k.label, main: false) { $0.facts[MediationFact.mediationKind] == v })
        }
        for t in Mediation.disputeTypes {
            let v = t.value
            figures.append(F("type." + v, t.label, main: false) { $0.facts[MediationFact.disputeType] == v })
        }
        return ProcedureStatistics(
            title: "调解统计", year: { $0.facts[MediationFact.receivedOn]?.year }, figures: figures,
            rates: [
                .init("mediation", "调解率", "mediated", over: "received", formula: "调解数 ÷ 受理数"),
                .init("success", "调解成功率", "succeeded", over: "mediated", formula: "调解成功数 ÷ 调解数"),
            ])
    }()
}
