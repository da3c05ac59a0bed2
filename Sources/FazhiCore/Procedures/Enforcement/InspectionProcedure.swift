import Foundation

/// 行政检查 (administrative inspection) as data: a record by two officers who show their certificates
/// (《行政处罚法》第四十二条、第五十五条), with a result — nothing found, 责令整改 by a date, or 立案查处.
public enum InspectionProcedure {
    public static let id = "inspection"
    /// Version 2 adds the 双随机 assignment and the publication of its result; a case keeps the version it began with.
    public static let version = 2

    public static let results = [InputField.Choice("none", "未发现问题"), .init("rectify", "责令整改"), .init("case", "立案查处")]

    /// Its states (阶段), each declared once: a state named anywhere else is one of these.
    public enum State {
        public static let open = ProcedureState("open", "待检查")
        public static let inspected = ProcedureState("inspected", "已检查")
        public static let referred = ProcedureState("referred", "已转立案", terminal: true)
        public static let closed = ProcedureState("closed", "已办结", terminal: true)
    }

    /// Its steps (步骤) by id, each declared once: a step named anywhere else is one of these.
    public enum Step {
        public static let recordInspection = "record_inspection"
        public static let confirmRectification = "confirm_rectification"
        public static let referToCase = "refer_to_case"
        public static let close = "close"
        public static let assignRandom = "assign_random"
        public static let publishRandomResult = "publish_random_result"
    }

    public static let states = [
        State.open, State.inspected, State.referred, State.closed,
    ]

    public static func definition(_ settings: ProcedureSettings, version: Int = version) -> ProcedureDefinition {
        let two = OfficerRule(minimum: 2, article: "行政处罚法 第四十二条、第五十五条")
        var actions: [ActionDefinition] = [
            ActionDefinition(
                Step.recordInspection, "检查并记录", from: [State.open.id], to: State.inspected.id, by: [.officer],
                basis: "行政处罚法 第五十五条"
            )
            .needs(two)
            .asks(
                .init(
                    "inspectionSource", "检查来源",
                    .choice([
                        .init("random", "双随机抽查"), .init("routine", "日常检查"), .init("complaint", "投诉举报"),
                        .init("special", "专项检查"),
                    ])),
                .init("inspectedObject", "检查对象"),
                .init("objectAddress", "检查地点"),
                InputField("powerItemCode", "行政检查事项编码", required: false).picking(.powerItemsOfCaseBody(.inspection)),
                .init("checkedItems", "检查事项", .list),
                .init("findings", "检查情况"),
                .init("result", "检查结果", .choice(results)),
                .init("rectifyBy", "整改期限", .date, required: false),
                .init("certificateShown", "已主动出示执法证件", .bool),
                .init("partySignature", "被检查人签名", .choice(Penalty.signature))
            )
            .gate("行政处罚法 第十七条", "执法主体资格未经确认、公告", { $0.external.flag(Penalty.External.bodyConfirmed) })
            .gate("行政处罚法 第五十五条", "检查时应当主动向当事人或者有关人员出示执法证件", field: "certificateShown") {
                $0.inputs.flag(EnforcementFact.certificateShown)
            }
            .gate("行政处罚法 第五十五条", "责令整改须写明晚于检查日期的整改期限", field: "rectifyBy") { c in
                c.inputs[EnforcementFact.result] != "rectify"
                    || (c.inputs[EnforcementFact.rectifyBy].map { $0 > c.date } ?? false)
            }
            .then(
                .startDeadlineUntil(
                    key: "rectification", name: "整改期限届满复查", dateFact: "rectifyBy", article: "责令改正（行政处罚法 第二十八条）",
                    holder: .party)
            )
            .produces(.inspectionRecord),
            ActionDefinition(
                Step.confirmRectification, "复查：已整改", from: [State.inspected.id], to: State.closed.id, by: [.officer],
                basis: "行政处罚法 第二十八条"
            )
            .needs(two)
            .asks(.init("recheckFindings", "复查情况"))
            .gate("行政处罚法 第二十八条", "检查结果不是责令整改") { $0.file.facts[EnforcementFact.result] == "rectify" }
            .then(.stopDeadline("rectification")),
            ActionDefinition(
                Step.referToCase, "转立案查处", from: [State.inspected.id], to: State.referred.id, by: [.officer, .head],
                basis: "行政处罚法 第五十四条"
            )
            .asks(.init("referralReason", "立案理由"))
            .gate("行政处罚法 第五十四条", "检查未发现应当立案的违法行为，也未逾期不整改") { c in
                c.file.facts[EnforcementFact.result] == "case"
                    || (c.file.facts[EnforcementFact.result] == "rectify"
                        && c.date > (c.file.deadline("rectification")?.deadline.due ?? c.date))
            }
            .then(.stopDeadline("rectification")),
            ActionDefinition(
                Step.close, "办结", from: [State.inspected.id], to: State.closed.id, by: [.officer, .head],
                basis: "行政处罚法 第五十五条"
            )
            .gate("行政处罚法 第五十四条", "检查结果为立案查处或责令整改的，不能直接办结") { $0.file.facts[EnforcementFact.result] == "none" },
        ]
        if version >= 2 { actions = randomSteps(actions, settings) }
        var d = ProcedureDefinition(
            id: id, version: version, name: "行政检查", instrument: "《中华人民共和国行政处罚法》", initial: State.open.id,
            states: states,
            actions: actions,
            opening: Penalty.opening, numbering: CaseNumbering("检", issuer: .enforcementBody),
            presentation: Penalty.presentation(party: ["inspectedObject"]))
        // The enforcement facts this procedure records (the list is shared by the three).
        let writable = d.writableFacts
        d.presentation.shownFacts.removeAll { !writable.contains($0) }
        return d
    }
}
