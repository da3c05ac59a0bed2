import Foundation

/// 规范性文件清理 (国办发〔2018〕37号: 定期清理; seeds report 清理102件): a body lists every one of its documents in force
/// and marks each 继续有效, 修改, 废止 or 宣布失效 with its reason; the list is approved collectively (集体审议) and published
/// — no document left unmarked — and on publication each document marked 废止 or 宣布失效 ends that day, in its own case.
public enum NormativeCleanupProcedure {
    public static let id = "normative_cleanup"
    public static let version = 1

    public enum State {
        public static let new = ProcedureState("new", "待启动")
        public static let listing = ProcedureState("listing", "逐件清理中")
        public static let approved = ProcedureState("approved", "已集体审议，待公布")
        public static let published = ProcedureState("published", "清理结果已公布", terminal: true)
    }

    public enum Step {
        public static let start = "start_cleanup"
        public static let conclude = "record_conclusions"
        public static let approve = "approve_cleanup"
        public static let publish = "publish_cleanup"
    }

    static let staff: Set<Role> = [.head, .legalReviewer]
    /// The documents a 清理 covers: the body's documents issued and not ended (also those being amended), found among its
    /// decided cases in these states.
    public static let covered = NormativeProcedure.inForce.sorted()

    public static func definition(_ s: ProcedureSettings) -> ProcedureDefinition {
        var d = ProcedureDefinition(
            id: id, version: version, name: "规范性文件清理", instrument: "国办发〔2018〕37号",
            initial: State.new.id, states: [State.new, State.listing, State.approved, State.published],
            actions: [start(), conclude(), approve(), publish()], kind: .normative,
            opening: OpeningRule(staff, article: "国办发〔2018〕37号", refusal: "清理由制定机关的负责人或者法制机构启动"),
            numbering: CaseNumbering("清理", issuer: .organisation), presentation: presentation)
        d.rolesHeldAtBody = true
        d.casePages = [CasePage("逐件清理表", path: "cleanup")]
        return d
    }

    static func start() -> ActionDefinition {
        ActionDefinition(
            Step.start, "启动清理", from: [State.new.id], to: State.listing.id, by: staff, basis: "国办发〔2018〕37号"
        )
        .asks(.init("cleanupTitle", "清理名称（如：2026年度规范性文件清理）"), .init("cleanupBasis", "清理的原因和依据"))
        .gate("系统限制", "清理名称不超过100字", field: "cleanupTitle") { c in
            (c.inputs[NormativeCleanupFact.title] ?? "").count <= 100
        }
        .then(
            .compute(writes: NormativeCleanupFact.partyName) { c in
                Facts([NormativeCleanupFact.partyName ~ (c.inputs[NormativeCleanupFact.title] ?? "")])
            })
    }

    static func conclude() -> ActionDefinition {
        ActionDefinition(
            Step.conclude, "登记逐件清理结论", from: [State.listing.id], to: nil, by: staff, basis: "国办发〔2018〕37号"
        )
        .asks(.init("conclusions", "清理结论（每行：文件编号｜结论｜理由）", .list))
        .looksUp(.bodyCases(procedure: NormativeProcedure.id, states: covered, into: External.covered))
        .gate("国办发〔2018〕37号", "清理结论的格式不对，或者有的文件不是本机关现行有效的文件", field: "conclusions") { c in
            let covered = Set(c.external.list(External.covered))
            return c.inputs.list(NormativeCleanupFact.conclusions).allSatisfy { line in
                Normative.CleanupLine(line).map { covered.contains($0.document.uuidString) } ?? false
            }
        }
        .gate("国办发〔2018〕37号", "修改、废止或者宣布失效的，应当写明理由", field: "conclusions") { c in
            c.inputs.list(NormativeCleanupFact.conclusions).compactMap(Normative.CleanupLine.init).allSatisfy {
                $0.conclusion == "continue" || !$0.reason.trimmed.isEmpty
            }
        }
        .gate("系统限制", "一次清理不超过5000件", field: "conclusions") { c in
            c.inputs.list(NormativeCleanupFact.conclusions).count <= 5_000
        }
    }

    static func approve() -> ActionDefinition {
        ActionDefinition(
            Step.approve, "集体审议清理结果", from: [State.listing.id], to: State.approved.id, by: staff,
            basis: "国办发〔2018〕37号"
        )
        .asks(
            .init("meetingKind", "会议", .choice(Normative.meetingKinds)), .init("meetingOn", "会议日期", .date),
            .init("attendees", "出席人员", .list)
        )
        .looksUp(.bodyCases(procedure: NormativeProcedure.id, states: covered, into: External.covered))
        .gate("国办发〔2018〕37号", "本机关现行有效的文件应当逐件作出清理结论，尚有文件未清理") { c in
            let marked = Set(
                c.file.facts.list(NormativeCleanupFact.conclusions).compactMap(Normative.CleanupLine.init)
                    .map(\.document.uuidString))
            return c.external.list(External.covered).allSatisfy { marked.contains($0) }
        }
        .gate("国办发〔2018〕37号", "会议日期不能晚于办理之日", field: "meetingOn") { c in
            c.inputs[NormativeCleanupFact.meetingOn]! <= c.date
        }
    }

    /// On publication each document marked 废止 or 宣布失效 ends that day (its own case takes 废止或者宣布失效).
    static func publish() -> ActionDefinition {
        ActionDefinition(
            Step.publish, "公布清理结果", from: [State.approved.id], to: State.published.id, by: staff,
            basis: "国办发〔2018〕37号；政府信息公开条例 第二十六条"
        )
        .then(
            .compute(writes: NormativeCleanupFact.decidedOn, NormativeCleanupFact.outcome) { c in
                Facts([NormativeCleanupFact.decidedOn ~ c.date, NormativeCleanupFact.outcome ~ "published"])
            }
        )
        .links { c in
            let title = c.file.facts[NormativeCleanupFact.title] ?? "清理"
            return c.file.facts.list(NormativeCleanupFact.conclusions).compactMap(Normative.CleanupLine.init).compactMap
            {
                line in
                guard let ending = line.ending else { return nil }
                return LinkedStep(
                    caseID: line.document, action: NormativeProcedure.Step.end,
                    inputs: Facts([
                        NormativeFact.ending ~ ending, NormativeFact.endingReason ~ "\(title)：\(line.reason)",
                        NormativeFact.endingDecision ~ "\(title)（清理结果）",
                        NormativeFact.endingMeetingOn ~ (c.file.facts[NormativeCleanupFact.meetingOn] ?? c.date),
                        NormativeFact.endedOn ~ c.date,
                    ]))
            }
        }
    }

    static let presentation = CasePresentation(
        party: ["cleanupTitle"], shownFacts: ["cleanupTitle", "cleanupBasis", "meetingOn"],
        labels: [:], notStarted: "尚未启动",
        result: { f in
            let lines = f.facts.list(NormativeCleanupFact.conclusions).compactMap(Normative.CleanupLine.init)
            return lines.isEmpty ? "" : Normative.cleanupSummary(lines)
        })

    public enum External {
        /// The body's documents in force (ids).
        public static let covered = "cleanup.covered"
    }
}

/// The facts of a 清理.
public enum NormativeCleanupFact {
    public static let title = FactKey<String>("cleanupTitle", "清理名称")
    public static let basis = FactKey<String>("cleanupBasis", "清理的原因和依据")
    public static let conclusions = FactKey<[String]>("conclusions", "清理结论")
    public static let meetingKind = FactKey<String>("meetingKind", "集体审议会议")
    public static let meetingOn = FactKey<CivilDate>("meetingOn", "会议日期")
    public static let attendees = FactKey<[String]>("attendees", "出席人员")
    public static let decidedOn = CaseColumns.decidedOn
    public static let outcome = CaseColumns.outcome
    public static let partyName = FactKey<String>("partyName", "清理名称")

    public static let all: [AnyFactKey] = [
        title.any, basis.any, conclusions.any, meetingKind.any, meetingOn.any, attendees.any, decidedOn.any,
        outcome.any, partyName.any,
    ]
}

extension Normative {
    public static let cleanupConclusions = [
        InputField.Choice("continue", "继续有效"), .init("amend", "修改"), .init("repeal", "废止"),
        .init("declare_invalid", "宣布失效"),
    ]

    /// One document's line in a 清理: `<case id>｜<conclusion>｜<reason>`.
    public struct CleanupLine: Sendable, Equatable {
        public let document: UUID
        public let conclusion: String
        public let reason: String

        public init(document: UUID, conclusion: String, reason: String) {
            self.document = document; self.conclusion = conclusion; self.reason = reason
        }

        public init?(_ line: String) {
            let parts = line.split(separator: "｜", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 2, let id = UUID(uuidString: parts[0].trimmed),
                Normative.cleanupConclusions.contains(where: { $0.value == parts[1].trimmed })
            else { return nil }
            self.init(document: id, conclusion: parts[1].trimmed, reason: parts.count > 2 ? parts[2].trimmed : "")
        }

        public var line: String { "\(document.uuidString)｜\(conclusion)｜\(reason)" }
        public var label: String { Normative.label(conclusion, in: Normative.cleanupConclusions) }
        /// How the document ends on publication, if it does.
        var ending: String? {
            switch conclusion {
            case "repeal": "repealed"
            case "declare_invalid": "declared_invalid"
            default: nil
            }
        }
    }

    /// 清理 N 件：继续有效 a 件、修改 b 件、废止 c 件、宣布失效 d 件.
    public static func cleanupSummary(_ lines: [CleanupLine]) -> String {
        let counts = Dictionary(grouping: lines, by: \.conclusion).mapValues(\.count)
        return "清理\(lines.count)件："
            + cleanupConclusions.map { "\($0.label)\(counts[$0.value] ?? 0)件" }.joined(separator: "、")
    }
}
