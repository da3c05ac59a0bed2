import Foundation
import NIOConcurrencyHelpers

/// Slows down password guessing: after 5 failed logins for one account, or 30 from one address, within 15
/// minutes, further attempts are refused until the window passes. The address limit is higher because
/// behind a reverse proxy, or in one office's NAT, many people share an address and must not lock each
/// other out. Kept in memory: a restart clears it, which an attacker cannot trigger. A deployment with
/// several servers should add a limit at its proxy.
public final class LoginThrottle: Sendable {
    public let maxFailuresPerAccount: Int
    public let maxFailuresPerAddress: Int
    public let window: TimeInterval
    private let failures = NIOLockedValueBox<[String: [Date]]>([:])

    public init(maxFailuresPerAccount: Int = 5, maxFailuresPerAddress: Int = 30, window: TimeInterval = 15 * 60) {
        self.maxFailuresPerAccount = maxFailuresPerAccount; self.maxFailuresPerAddress = maxFailuresPerAddress;
        self.window = window
    }

    public static func accountKey(_ username: String) -> String { "user:" + username }
    public static func addressKey(_ address: String) -> String { "ip:" + address }

    func limit(for key: String) -> Int { key.hasPrefix("ip:") ? maxFailuresPerAddress : maxFailuresPerAccount }

    /// Seconds until `keys` may try again, or nil if allowed now.
    public func retryAfter(_ keys: [String], now: Date) -> Int? {
        failures.withLockedValue { map in
            var wait: TimeInterval = 0
            for k in keys {
                let recent = (map[k] ?? []).filter { now.timeIntervalSince($0) < window }
                map[k] = recent
                if recent.count >= limit(for: k), let oldest = recent.first {
                    wait = max(wait, window - now.timeIntervalSince(oldest))
                }
            }
            return wait > 0 ? Int(wait.rounded(.up)) : nil
        }
    }

    public func recordFailure(_ keys: [String], now: Date) {
        failures.withLockedValue { map in for k in keys { map[k, default: []].append(now) } }
    }

    public func reset(_ key: String) { failures.withLockedValue { _ = $0.removeValue(forKey: key) } }
}

extension LoginThrottle {
    /// A status lookup's keys: a wrong 查询码 counts against the number asked (guessing one applicant's code, from
    /// anywhere) and, more loosely, against the address (trying many numbers) — so a few typos at a shared office
    /// address lock nobody else out.
    static func statusKeys(address: String?, number: String) -> [String] {
        [
            addressKey(address ?? "?"),
            accountKey("status:" + String(number.trimmed.uppercased().prefix(40))),
        ]
    }
}
