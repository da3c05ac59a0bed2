import FazhiCore
import Foundation
import Testing

@Suite struct TimeOrderedIDTests {
    /// Version 7 ids: distinct, in creation order byte by byte (how SQLite and PostgreSQL compare them) and as text,
    /// with the version and variant bits set, and the time in the first 48 bits.
    @Test func idsComeInCreationOrder() {
        let at = Date(timeIntervalSince1970: 1_796_000_000.123)
        let ids = UUID.timeOrdered(10_000, at: at)
        #expect(Set(ids).count == 10_000)
        let bytes = ids.map { withUnsafeBytes(of: $0.uuid) { Array($0) } }
        #expect(zip(bytes, bytes.dropFirst()).allSatisfy { $0.0.lexicographicallyPrecedes($0.1) })
        #expect(zip(ids, ids.dropFirst()).allSatisfy { $0.0.uuidString < $0.1.uuidString })
        #expect(bytes.allSatisfy { $0[6] >> 4 == 7 && $0[8] >> 6 == 2 })
        let ms = bytes[0].prefix(6).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        #expect(ms == 1_796_000_000_123)
        #expect(UUID.timeOrdered(0).isEmpty)
    }
}
