import Foundation

/// 执法监督预警规则: a rule the records can show broken — a period overdue, a fine outside the 裁量基准, the same target
/// inspected again — with the basis a supervisor cites. Each module declares the rules its records can break (in its
/// folder, as `extension AlertRule { static let … }`) and lists them on its `ProcedureModule`.
public struct AlertRule: Hashable, Sendable, CustomStringConvertible {
    /// Stable id, kept in the alert table and URLs (e.g. `step_overdue`).
    public let id: String
    /// Its name in a supervisor's list, e.g. 办案期限逾期.
    public let name: String
    /// The rule it rests on, cited in the alert and the 监督文书.
    public let basis: String
    /// What the body is asked to do, in words.
    public let asks: String

    public init(_ id: String, _ name: String, basis: String, asks: String) {
        self.id = id; self.name = name; self.basis = basis; self.asks = asks
    }

    public var description: String { id }
    public static func == (a: Self, b: Self) -> Bool { a.id == b.id }
    public func hash(into h: inout Hasher) { h.combine(id) }

    /// A period the case's own body must meet has passed without the step that meets it — in the procedures of
    /// 行政执法 and of 执法监督 itself (`ProcedureKind.supervised`: 行政执法监督条例 第二条 covers 行政执法 only).
    public static let stepOverdue = AlertRule(
        "step_overdue", "办理期限逾期", basis: "各期限所依据的条文（见预警情况）；行政执法监督条例 第二条",
        asks: "说明逾期原因，尽快办结或者依法延长期限")
}

/// Where an alert stands: raised, answered by the body (说明或者整改), closed by the supervisor.
public enum AlertState: String, Codable, Sendable, CaseIterable {
    case open
    case answered
    case closed

    public var chineseName: String {
        switch self {
        case .open: "待处理"
        case .answered: "已答复待核查"
        case .closed: "已关闭"
        }
    }
}

/// How a body answers an alert: it explains why the records are right, or says what it corrected.
public enum AlertAnswer: String, Codable, Sendable, CaseIterable {
    /// 情况说明: the records show a lawful reason (an approved extension outside the system, a complaint that justified
    /// the second inspection …).
    case explained
    /// 已整改: what was corrected and when.
    case corrected

    public var chineseName: String {
        switch self {
        case .explained: "情况说明"
        case .corrected: "已整改"
        }
    }
}

/// One 执法监督预警: the rule, the body and (where there is one) the case it names, what the records show, and how it was
/// answered and closed — each answer and close on the record with who and why.
public struct SupervisionAlert: Codable, Sendable, Equatable {
    public var id: Int64
    public var rule: String
    /// What it is about, unique per rule (a case's period and its due date, an officer and a year …): the sweep raises
    /// an alert once, however often it runs.
    public var subject: String
    public var bodyID: UUID
    public var caseID: UUID?
    public var caseNumber: String?
    /// What the records show, in words (期限名称、检查对象、偏离幅度 …).
    public var detail: String
    /// The day the rule was broken (a period's due date, the second inspection's day).
    public var brokenOn: CivilDate
    public var raisedOn: CivilDate
    public var state: AlertState
    public var answer: AlertAnswer?
    public var answerText: String?
    public var answeredBy: String?
    public var answeredOn: CivilDate?
    public var closedBy: String?
    public var closedOn: CivilDate?
    public var closeNote: String?

    public init(
        id: Int64 = 0, rule: String, subject: String, bodyID: UUID, caseID: UUID? = nil, caseNumber: String? = nil,
        detail: String, brokenOn: CivilDate, raisedOn: CivilDate
    ) {
        self.id = id; self.rule = rule; self.subject = subject; self.bodyID = bodyID; self.caseID = caseID
        self.caseNumber = caseNumber; self.detail = detail; self.brokenOn = brokenOn; self.raisedOn = raisedOn
        self.state = .open
    }
}
