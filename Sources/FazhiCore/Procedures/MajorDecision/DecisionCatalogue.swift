import Foundation

/// 决策事项目录 (《重大行政决策程序暂行条例》第三条第三款): the 决策机关 sets the year's catalogue of major decisions and its
/// standards, publishes it **after the same-level Party committee agrees**, and adjusts it as needed — each adjustment
/// agreed and published again, so every published version stays on the case (its steps).
public enum DecisionCatalogueProcedure {
    public static let id = "decision_catalogue"
    public static let version = 1

    public enum State {
        public static let new = ProcedureState("new", "待编制")
        public static let drafting = ProcedureState("drafting", "编制中，待党委同意")
        public static let consented = ProcedureState("consented", "党委已同意，待公布")
        public static let published = ProcedureState("published", "已公布")
    }

    public enum Step {
        public static let draft = "draft_catalogue"
        public static let consent = "record_party_consent"
        public static let publish = "publish_catalogue"
        public static let adjust = "adjust_catalogue"
    }

    public enum Fact {
        public static let year = FactKey<Double>("catalogueYear", "目录年度")
        public static let items = FactKey<[String]>("items", "决策事项（事项｜承办单位）")
        public static let standards = FactKey<String>("standards", "决策事项标准")
        public static let consentOn = FactKey<CivilDate>("consentOn", "同级党委同意日期")
        public static let consentBasis = FactKey<String>("consentBasis", "党委同意的会议或者文件")
        public static let adjustmentReason = FactKey<String>("adjustmentReason", "调整理由")
        public static let publishedOn = FactKey<CivilDate>("publishedOn", "公布日期")
        public static let channel = FactKey<String>("channel", "公布途径")
        /// The items as last published, each `年度｜事项｜承办单位`: what a decision is checked against.
        public static let publishedItems = FactKey<[String]>("publishedItems", "已公布的决策事项")
        public static let catalogueVersion = FactKey<Double>("catalogueVersion", "公布版本")
        public static let partyName = FactKey<String>("partyName", "目录")
        public static let all: [AnyFactKey] = [
            year.any, items.any, standards.any, consentOn.any, consentBasis.any, adjustmentReason.any, publishedOn.any,
            channel.any, publishedItems.any, catalogueVersion.any, partyName.any, CaseColumns.decidedOn.any,
            CaseColumns.outcome.any,
        ]
    }

    /// The government's head and its office staff (法制机构) keep the catalogue.
    static let staff: Set<Role> = [.head, .legalReviewer]

    /// An item of the catalogue: `事项｜承办单位`.
    public static func item(_ line: String) -> (title: String, undertaker: String)? {
        let p = MajorDecision.parts(line)
        guard p.count >= 2, !p[0].isEmpty, !p[1].isEmpty else { return nil }
        return (p[0], p[1])
    }

    /// Whether a published item list (`年度｜事项｜承办单位`) holds the title in any year's catalogue.
    public static func lists(_ published: [String], title: String) -> Bool {
        let key = MajorDecision.unitKey(title)
        return published.contains { MajorDecision.parts($0).dropFirst().first.map(MajorDecision.unitKey) == key }
    }

    /// Whether a published item list (`年度｜事项｜承办单位`) holds the title for the year.
    public static func lists(_ published: [String], title: String, year: Int) -> Bool {
        let key = MajorDecision.unitKey(title)
        return published.contains {
            let p = MajorDecision.parts($0)
            return p.count >= 2 && p[0] == String(year) && MajorDecision.unitKey(p[1]) == key
        }
    }

    static func itemsGates(_ a: ActionDefinition) -> ActionDefinition {
        a.gate("系统限制", "每行一个决策事项，写作“事项｜承办单位”", field: "items") { c in
            let lines = c.inputs.list(Fact.items.id)
            return !lines.isEmpty && lines.allSatisfy { item($0) != nil }
        }
        .gate("系统限制", "决策事项不超过300项，每项不超过200字", field: "items") { c in
            let lines = c.inputs.list(Fact.items.id)
            return lines.count <= 300 && lines.allSatisfy { $0.count <= 200 }
        }
        .gate("系统限制", "目录中有重复的事项", field: "items") { c in
            let titles = c.inputs.list(Fact.items.id).compactMap { item($0)?.title }.map(MajorDecision.unitKey)
            return Set(titles).count == titles.count
        }
    }

    public static func definition(_ s: ProcedureSettings) -> ProcedureDefinition {
        var d = ProcedureDefinition(
            id: id, version: version, name: "重大行政决策事项目录", instrument: "《重大行政决策程序暂行条例》第三条第三款",
            initial: State.new.id, states: [State.new, State.drafting, State.consented, State.published],
            actions: [
                itemsGates(
                    ActionDefinition(
                        Step.draft, "编制目录", from: [State.new.id], to: State.drafting.id, by: staff,
                        basis: "重大行政决策程序暂行条例 第三条第三款"
                    )
                    .asks(
                        .init("catalogueYear", "目录年度", .number), .init("standards", "决策事项标准"),
                        .init("items", "决策事项（每行一项：事项｜承办单位）", .list))
                )
                .looksUp(.otherCasesFact(procedure: id, fact: Fact.year.id, excludingStates: [], into: "years"))
                .gate("重大行政决策程序暂行条例 第三条第三款", "目录年度应为本年度或者下一年度", field: "catalogueYear") { c in
                    let y = c.inputs[Fact.year] ?? 0
                    return y == Double(c.date.year) || y == Double(c.date.year + 1)
                }
                .gate("重大行政决策程序暂行条例 第三条第三款", "该年度的决策事项目录已经编制：请在原目录上“调整目录”（经党委同意后重新公布）", field: "catalogueYear") { c in
                    !c.external.list("years").contains(String(Int(c.inputs[Fact.year] ?? 0)))
                }
                .gate("系统限制", "决策事项标准不超过5000字", field: "standards") { c in
                    (c.inputs[Fact.standards] ?? "").count <= 5_000
                }
                .then(
                    .compute(writes: Fact.partyName) { c in
                        Facts([Fact.partyName ~ "\(Int(c.inputs[Fact.year] ?? 0))年度重大行政决策事项目录"])
                    }),
                ActionDefinition(
                    Step.consent, "记录同级党委同意", from: [State.drafting.id], to: State.consented.id, by: staff,
                    basis: "重大行政决策程序暂行条例 第三条第三款"
                )
                .asks(.init("consentOn", "党委同意日期", .date), .init("consentBasis", "党委同意的会议或者文件"))
                .gate("重大行政决策程序暂行条例 第三条第三款", "党委同意日期不能晚于办理之日", field: "consentOn") { c in
                    c.inputs[Fact.consentOn]! <= c.date
                }
                .gate("重大行政决策程序暂行条例 第三条第三款", "党委同意的须是本次编制或者调整的目录：同意日期不能早于编制或者调整之日", field: "consentOn") { c in
                    let drafted = c.file.steps.last { [Step.draft, Step.adjust].contains($0.action) }?.on
                    return drafted.map { c.inputs[Fact.consentOn]! >= $0 } ?? true
                },
                ActionDefinition(
                    Step.publish, "向社会公布目录", from: [State.consented.id], to: State.published.id, by: staff,
                    basis: "重大行政决策程序暂行条例 第三条第三款"
                )
                .asks(.init("channel", "公布途径（政府网站、政府公报等）"))
                .then(
                    .compute(
                        writes: Fact.publishedOn, Fact.publishedItems, Fact.catalogueVersion, CaseColumns.decidedOn,
                        CaseColumns.outcome
                    ) { c in
                        let year = Int(c.file.facts[Fact.year] ?? 0)
                        var facts = Facts([
                            Fact.publishedOn ~ c.date,
                            Fact.publishedItems
                                ~ c.file.facts.list(Fact.items.id).compactMap(item).map {
                                    "\(year)｜\($0.title)｜\($0.undertaker)"
                                },
                            Fact.catalogueVersion ~ ((c.file.facts[Fact.catalogueVersion] ?? 0) + 1),
                        ])
                        if c.file.facts[CaseColumns.decidedOn] == nil {
                            facts[CaseColumns.decidedOn] = c.date
                            facts[CaseColumns.outcome] = "published"
                        }
                        return facts
                    }),
                itemsGates(
                    ActionDefinition(
                        Step.adjust, "调整目录（须党委同意后重新公布）", from: [State.published.id], to: State.drafting.id,
                        by: staff, basis: "重大行政决策程序暂行条例 第三条第三款"
                    )
                    .asks(
                        .init("adjustmentReason", "调整理由"),
                        .init("items", "调整后的全部决策事项（每行一项：事项｜承办单位）", .list))),
            ],
            kind: .decision,
            opening: OpeningRule(
                staff, article: "重大行政决策程序暂行条例 第三条第三款", refusal: "决策事项目录由决策机关（县级以上人民政府；部门和乡镇人民政府参照）的负责人或者法制机构编制"),
            numbering: CaseNumbering("决目", issuer: .organisation),
            presentation: CasePresentation(
                party: ["partyName"],
                shownFacts: [
                    "catalogueYear", "items", "standards", "consentOn", "consentBasis", "publishedOn", "channel",
                    "catalogueVersion", "adjustmentReason",
                ],
                labels: Dictionary(Fact.all.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a }),
                notStarted: "尚未编制",
                result: { f in f.facts[Fact.catalogueVersion].map { "第\(Int($0))版" } ?? "" }))
        d.rolesHeldAtBody = true
        return d
    }
}
