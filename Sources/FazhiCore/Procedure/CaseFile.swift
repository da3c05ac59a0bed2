import Foundation

/// One value in a case file: what a step records (an amount, a date, a choice, a text).
public enum FactValue: Codable, Sendable, Equatable, CustomStringConvertible {
    case text(String)
    case number(Double)
    case bool(Bool)
    case date(CivilDate)
    case list([String])

    public var description: String {
        switch self {
        case .text(let s): s
        case .number(let d): Yuan.number(d)
        case .bool(let b): b ? "是" : "否"
        case .date(let d): d.description
        case .list(let l): l.joined(separator: "、")
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let d = try? c.decode(Double.self) {
            self = .number(d)
        } else if let l = try? c.decode([String].self) {
            self = .list(l)
        } else {
            let s = try c.decode(String.self)
            // Dates are stored as "date:YYYY-MM-DD" so that a text that looks like a date stays a text.
            if s.hasPrefix("date:"), let d = CivilDate(iso: String(s.dropFirst(5))) {
                self = .date(d)
            } else {
                self = .text(s)
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .text(let s): try c.encode(s)
        case .number(let d): try c.encode(d)
        case .bool(let b): try c.encode(b)
        case .date(let d): try c.encode("date:\(d)")
        case .list(let l): try c.encode(l)
        }
    }
}

/// The facts of a case, by key (the keys a procedure definition declares for its steps' inputs).
public struct Facts: Codable, Sendable, Equatable {
    public var values: [String: FactValue]
    public init(_ values: [String: FactValue] = [:]) { self.values = values }

    public subscript(_ key: String) -> FactValue? {
        get { values[key] }
        set { values[key] = newValue }
    }
    public func text(_ k: String) -> String? { if case .text(let s)? = values[k] { return s }; return nil }
    public func number(_ k: String) -> Double? { if case .number(let d)? = values[k] { return d }; return nil }
    public func flag(_ k: String) -> Bool { if case .bool(let b)? = values[k] { return b }; return false }
    public func date(_ k: String) -> CivilDate? { if case .date(let d)? = values[k] { return d }; return nil }
    public func list(_ k: String) -> [String] { if case .list(let l)? = values[k] { return l }; return [] }
    public mutating func merge(_ other: Facts) { values.merge(other.values) { _, new in new } }

    public init(from decoder: any Decoder) throws { values = try [String: FactValue](from: decoder) }
    public func encode(to encoder: any Encoder) throws { try values.encode(to: encoder) }
}

/// An officer named on a step, with their eligibility on the step's date already worked out from the registry.
public struct NamedOfficer: Codable, Sendable, Equatable {
    public var id: UUID
    public var name: String
    public var certificateNumber: String
    /// The enforcement body the officer belongs to.
    public var bodyID: UUID
    public var eligible: Bool
    /// Why not, with the article (行政处罚法 第四十二条、第七十六条), when not eligible.
    public var ineligibleReason: String?

    public init(id: UUID, name: String, certificateNumber: String, bodyID: UUID, eligibility: OfficerEligibility) {
        self.id = id; self.name = name; self.certificateNumber = certificateNumber; self.bodyID = bodyID
        self.eligible = eligibility.isEligible
        if case .notEligible(let r, _) = eligibility { ineligibleReason = r }
    }
}

/// One step taken in a case (an entry of its timeline).
public struct CaseStep: Codable, Sendable, Equatable {
    public var action: String
    public var actionName: String
    public var on: CivilDate
    public var actorID: UUID
    public var actorName: String
    public var officers: [NamedOfficer]
    public var inputs: Facts
    public var fromState: String
    public var toState: String
}

/// A deadline running in a case (or one that has stopped: met, or no longer applicable).
public struct CaseDeadline: Codable, Sendable, Equatable {
    public var key: String
    /// What must happen by the due date, e.g. 作出处罚决定.
    public var name: String
    public var deadline: Deadline
    /// When the step that meets it was taken; nil while running.
    public var stoppedOn: CivilDate?

    public var isRunning: Bool { stoppedOn == nil }
}

/// A case under a statutory procedure: the state the engine reads and the engine alone changes.
public struct CaseFile: Codable, Sendable, Equatable {
    public var id: UUID
    /// Which definition, and which version of it: a running case keeps the version it started with.
    public var procedure: String
    public var definitionVersion: Int
    /// The enforcement body (执法主体) the case belongs to.
    public var bodyID: UUID
    public var state: String
    /// Bumped by every step; a step sent against an older version is refused (optimistic concurrency).
    public var version: Int
    public var facts: Facts
    public var steps: [CaseStep]
    public var deadlines: [CaseDeadline]

    public init(id: UUID, procedure: String, definitionVersion: Int, bodyID: UUID, state: String) {
        self.id = id; self.procedure = procedure; self.definitionVersion = definitionVersion; self.bodyID = bodyID
        self.state = state; version = 0; facts = Facts(); steps = []; deadlines = []
    }

    public func hasTaken(_ action: String) -> Bool { steps.contains { $0.action == action } }
    public func lastStep(_ action: String) -> CaseStep? { steps.last { $0.action == action } }
    public func deadline(_ key: String) -> CaseDeadline? { deadlines.last { $0.key == key } }
    public var runningDeadlines: [CaseDeadline] { deadlines.filter(\.isRunning) }
    /// Everyone named as an officer on any step so far (the investigators, for 回避 and the 法制审核 rule).
    public var officersOnCase: Set<UUID> { Set(steps.flatMap { $0.officers.map(\.id) }) }
}
