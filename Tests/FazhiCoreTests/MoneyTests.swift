import FazhiCore
import Foundation
import Testing

/// Money (金额): two decimals, 0 to 一万亿元, read from and written to a case fact as a number of 元.
@Suite struct MoneyTests {
    @Test func roundsToFenAndStaysInRange() {
        #expect(Money(yuan: 150_000.005)?.fen == 15_000_001)
        #expect(Money(yuan: 0.001)?.fen == 0)
        #expect(Money(yuan: -1) == nil)
        #expect(Money(yuan: 1e308) == nil)
        #expect(Money(yuan: .nan) == nil)
        #expect(Money(yuan: 1_000_000_000_000)?.yuan == 1_000_000_000_000)
        #expect(Money(yuan: 1_000_000_000_000.01) == nil)
    }

    @Test func arithmeticNeverGoesBelowZeroOrAboveTheLimit() {
        let a: Money = 200, b: Money = 3_000
        #expect(a - b == .zero)
        #expect(a + b == 3_200)
        #expect(Money(fen: Money.maximumFen) + a == Money(fen: Money.maximumFen))
        #expect(a < b && Money(floatLiteral: 0.1) + Money(floatLiteral: 0.2) == Money(floatLiteral: 0.3))
    }

    @Test func readsAndWritesAFact() {
        let fine = FactKey<Money>("fineAmount", "罚款金额（元）")
        var f = Facts()
        f[fine] = 1_234.5
        #expect(f["fineAmount"] == .number(1_234.5))
        #expect(f[fine] == Money(yuan: 1_234.5))
        // A value no amount can be (stored before the bounds) reads as absent, never traps.
        f["fineAmount"] = .number(1e308)
        #expect(f[fine] == nil)
    }

    /// 加处罚款 (行政处罚法 第七十二条第一款第一项): 3% a day, never more than the fine.
    @Test func lateFineIsCappedAtTheFine() {
        #expect(Penalty.lateFine(fine: 1_000, daysOverdue: 10, daysUnderReview: 0) == 300)
        #expect(Penalty.lateFine(fine: 1_000, daysOverdue: 100, daysUnderReview: 0) == 1_000)
        #expect(Penalty.lateFine(fine: 1_000, daysOverdue: 10, daysUnderReview: 10) == .zero)
    }
}
