import Foundation
import NIOConcurrencyHelpers

/// Slows down password guessing: after 5 failed logins for one account (or from one address) within 15
/// minutes, further attempts are refused until the window passes. Kept in memory: a restart clears it,
/// which an attacker cannot trigger. A deployment with several servers should front them with one proxy limit.
public final class LoginThrottle: Sendable {
    public let maxFailures: Int
    public let window: TimeInterval
    private let failures = NIOLockedValueBox<[String: [Date]]>([:])

    public init(maxFailures: Int = 5, window: TimeInterval = 15 * 60) { self.maxFailures = maxFailures; self.window = window }

    /// Seconds until `keys` may try again, or nil if allowed now.
    public func retryAfter(_ keys: [String], now: Date) -> Int? {
        failures.withLockedValue { map in
            var wait: TimeInterval = 0
            for k in keys {
                let recent = (map[k] ?? []).filter { now.timeIntervalSince($0) < window }
                map[k] = recent
                if recent.count >= maxFailures, let oldest = recent.first { wait = max(wait, window - now.timeIntervalSince(oldest)) }
            }
            return wait > 0 ? Int(wait.rounded(.up)) : nil
        }
    }

    public func recordFailure(_ keys: [String], now: Date) {
        failures.withLockedValue { map in for k in keys { map[k, default: []].append(now) } }
    }

    public func reset(_ key: String) { failures.withLockedValue { _ = $0.removeValue(forKey: key) } }
}
