import Foundation

/// A type a case fact can hold, read from and written to the stored `FactValue`.
public protocol FactType: Sendable {
    init?(fact: FactValue)
    var fact: FactValue { get }
}

extension String: FactType {
    public init?(fact: FactValue) { guard case .text(let s) = fact else { return nil }; self = s }
    public var fact: FactValue { .text(self) }
}

extension Double: FactType {
    public init?(fact: FactValue) { guard case .number(let d) = fact else { return nil }; self = d }
    public var fact: FactValue { .number(self) }
}

extension Bool: FactType {
    public init?(fact: FactValue) { guard case .bool(let b) = fact else { return nil }; self = b }
    public var fact: FactValue { .bool(self) }
}

extension CivilDate: FactType {
    public init?(fact: FactValue) { guard case .date(let d) = fact else { return nil }; self = d }
    public var fact: FactValue { .date(self) }
}

extension Array: FactType where Element == String {
    public init?(fact: FactValue) { guard case .list(let l) = fact else { return nil }; self = l }
    public var fact: FactValue { .list(self) }
}

/// Any fact key, whatever its type (for lists of keys a step writes).
public protocol FactKeyProtocol: Sendable {
    var any: AnyFactKey { get }
}

/// A fact a procedure records (事实项), declared once in its module with its type and Chinese label and read through
/// the key: a mistyped key does not compile, and a key no step can write is a definition problem
/// (`ProcedureModule.problems`).
public struct FactKey<Value: FactType>: FactKeyProtocol, Hashable, CustomStringConvertible {
    public let id: String
    public let label: String
    public init(_ id: String, _ label: String) { self.id = id; self.label = label }
    public var description: String { id }
    public var any: AnyFactKey { AnyFactKey(id: id, label: label) }
    public static func == (a: Self, b: Self) -> Bool { a.id == b.id }
    public func hash(into h: inout Hasher) { h.combine(id) }
}

/// A fact key without its type, for lists of a module's keys.
public struct AnyFactKey: Sendable, Hashable {
    public let id: String
    public let label: String
}

extension Facts {
    /// The fact's value when it holds one of the key's type.
    public subscript<V: FactType>(_ key: FactKey<V>) -> V? {
        get { values[key.id].flatMap(V.init(fact:)) }
        set { values[key.id] = newValue?.fact }
    }
    /// A yes/no fact: false when not recorded.
    public func flag(_ key: FactKey<Bool>) -> Bool { self[key] ?? false }
    /// A list fact: empty when not recorded.
    public func list(_ key: FactKey<[String]>) -> [String] { self[key] ?? [] }
    public func has<V: FactType>(_ key: FactKey<V>) -> Bool { values[key.id] != nil }

    /// Facts from typed pairs: `Facts([F.decidedOn ~ date, …])`.
    public init(_ pairs: [(String, FactValue)]) { self.init(Dictionary(pairs, uniquingKeysWith: { _, new in new })) }
}

infix operator ~ : AssignmentPrecedence

/// A key and its value, for building facts: `F.decidedOn ~ c.date`.
public func ~ <V: FactType>(key: FactKey<V>, value: V) -> (String, FactValue) { (key.id, value.fact) }

/// Facts any procedure may record that the store keeps as columns of the case row, for lists and statistics.
public enum CaseColumns {
    public static let powerItemCode = FactKey<String>("powerItemCode", "权责清单事项编码")
    public static let decidedOn = FactKey<CivilDate>("decidedOn", "决定日期")
    public static let decidedFine = FactKey<Money>("decidedFine", "决定罚款（元）")
    public static let outcome = FactKey<String>("outcome", "结果")
}

/// What a 送达回证 reads: the decision served, on whom, how (民事诉讼法 第八十七条).
public enum ServiceFacts {
    public static let decisionNumber = FactKey<String>("decisionNumber", "决定书文号")
    public static let recipient = FactKey<String>("recipient", "受送达人")
    public static let serviceMethod = FactKey<String>("serviceMethod", "送达方式")
    /// The dates that decide when a document was served, by method (`Service`).
    public static let signedOn = FactKey<CivilDate>("signedOn", "签收日期")
    public static let announcedOn = FactKey<CivilDate>("announcedOn", "公告发布日期")
    /// The postmark of a party's filing sent by post (`Posting`).
    public static let postedOn = FactKey<CivilDate>("postedOn", "交邮日期")
}
