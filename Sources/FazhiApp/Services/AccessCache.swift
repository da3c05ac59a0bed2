import FazhiCore
import FazhiStore
import Foundation
import NIOConcurrencyHelpers

/// Who a bearer token belongs to, with their grants and the organisation tree, kept for a moment so an API
/// read does not re-read accounts and trees on every request. An entry is dropped when anything is written
/// in this process, and is never older than `maxAge` seconds, so a change made by another process (the CLI,
/// a second server on the same PostgreSQL) takes effect within that time.
final class AccessCache: Sendable {
    let maxAge: TimeInterval
    private struct Entry { let user: AuthUser; let generation: UInt64; let at: Date }
    private let entries = NIOLockedValueBox<[String: Entry]>([:])

    init(maxAge: TimeInterval = 2) { self.maxAge = maxAge }

    func get(_ key: String, generation: UInt64, now: Date) -> AuthUser? {
        entries.withLockedValue { map in
            guard let e = map[key] else { return nil }
            guard e.generation == generation, now.timeIntervalSince(e.at) < maxAge else { map[key] = nil; return nil }
            return e.user
        }
    }

    func put(_ key: String, _ user: AuthUser, generation: UInt64, now: Date) {
        entries.withLockedValue { map in
            if map.count > 10_000 { map.removeAll() }
            map[key] = Entry(user: user, generation: generation, at: now)
        }
    }
}
