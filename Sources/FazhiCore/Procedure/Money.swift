import Foundation

/// An amount of money in 元 with two decimal places (kept in 分), bounded: from 0 to 一万亿元. What a step records as a
/// fine, a payment or a value is a `Money`, so an amount cannot carry a third decimal, a negative sign or a magnitude
/// no conversion can hold. Stored in the case file as a number of 元, as before.
public struct Money: FactType, Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral
{
    /// The amount in 分.
    public let fen: Int64

    /// The largest amount: 一万亿元 (`InputField.numberRange`).
    public static let maximumFen: Int64 = 100_000_000_000_000
    public static let zero = Money(fen: 0)

    public init(fen: Int64) { self.fen = min(max(fen, 0), Money.maximumFen) }

    /// nil unless finite and within 0 … 一万亿元; rounded to 分.
    public init?(yuan: Double) {
        guard yuan.isFinite, yuan >= 0, yuan <= Double(Money.maximumFen) / 100 else { return nil }
        self.init(fen: Int64((yuan * 100).rounded()))
    }

    public init(integerLiteral value: Int) { self.init(fen: Int64(value) * 100) }
    public init(floatLiteral value: Double) { self.init(fen: Int64((value * 100).rounded())) }

    public var yuan: Double { Double(fen) / 100 }
    public var description: String { Yuan.text(yuan) }

    public init?(fact: FactValue) {
        guard case .number(let d) = fact else { return nil }
        self.init(yuan: d)
    }
    public var fact: FactValue { .number(yuan) }

    public static func < (a: Money, b: Money) -> Bool { a.fen < b.fen }
    public static func + (a: Money, b: Money) -> Money { Money(fen: a.fen + b.fen) }
    /// Never below zero.
    public static func - (a: Money, b: Money) -> Money { Money(fen: max(0, a.fen - b.fen)) }
}
