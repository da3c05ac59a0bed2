import FazhiStore
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Slows down password guessing: after 5 failed logins for one account, or 30 from one address, within 15
/// minutes, further attempts are refused until the window passes. The address limit is higher because
/// behind a reverse proxy, or in one office's NAT, many people share an address and must not lock each
/// other out. On SQLite (one process) kept in memory: a restart clears it, which an attacker cannot trigger. On
/// PostgreSQL kept in the database (`ThrottleHits`), so a limit reached through one app node holds on every other.
public final class LoginThrottle: Sendable {
    /// Which limit this is (登录, 网上申请, 查询), so the limits' counts are kept apart in the database.
    public let scope: String
    public let maxFailuresPerAccount: Int
    public let maxFailuresPerAddress: Int
    public let window: TimeInterval
    private let failures = NIOLockedValueBox<[String: [Date]]>([:])

    public init(
        scope: String = "login", maxFailuresPerAccount: Int = 5, maxFailuresPerAddress: Int = 30,
        window: TimeInterval = 15 * 60
    ) {
        self.scope = scope; self.maxFailuresPerAccount = maxFailuresPerAccount;
        self.maxFailuresPerAddress = maxFailuresPerAddress;
        self.window = window
    }

    public static func accountKey(_ username: String) -> String { "user:" + username }
    public static func addressKey(_ address: String) -> String { "ip:" + address }

    func limit(for key: String) -> Int { key.hasPrefix("ip:") ? maxFailuresPerAddress : maxFailuresPerAccount }

    /// Seconds until `keys` may try again, or nil if allowed now.
    public func retryAfter(_ keys: [String], now: Date) -> Int? {
        failures.withLockedValue { map in
            let wait = self.wait(keys, in: &map, now: now)
            return wait > 0 ? Int(wait.rounded(.up)) : nil
        }
    }

    /// Seconds until every key is under its limit again (0: now), the hits outside the window dropped on the way.
    private func wait(_ keys: [String], in map: inout [String: [Date]], now: Date) -> TimeInterval {
        var wait: TimeInterval = 0
        for k in keys {
            let recent = (map[k] ?? []).filter { now.timeIntervalSince($0) < window }
            map[k] = recent
            if recent.count >= limit(for: k), let oldest = recent.first {
                wait = max(wait, window - now.timeIntervalSince(oldest))
            }
        }
        return wait
    }

    public func recordFailure(_ keys: [String], now: Date) {
        failures.withLockedValue { map in for k in keys { map[k, default: []].append(now) } }
    }

    public func reset(_ key: String) { failures.withLockedValue { _ = $0.removeValue(forKey: key) } }

    /// Counts an attempt before it is made, under one lock with the check (the in-memory `ThrottleHits.claim`):
    /// the claim, or the seconds to wait (nothing counted).
    public func claim(_ keys: [String], now: Date) -> ThrottleClaim {
        failures.withLockedValue { map in
            let wait = self.wait(keys, in: &map, now: now)
            guard wait <= 0 else {
                return ThrottleClaim(keys: keys, at: now, token: nil, retryAfter: Int(wait.rounded(.up)))
            }
            for k in keys { map[k, default: []].append(now) }
            return ThrottleClaim(keys: keys, at: now, token: nil, retryAfter: nil)
        }
    }

    /// Takes an attempt's hits back (in memory).
    public func forgive(_ claim: ThrottleClaim) {
        guard claim.retryAfter == nil else { return }
        failures.withLockedValue { map in
            for k in claim.keys {
                if let i = map[k]?.lastIndex(of: claim.at) { map[k]?.remove(at: i) }
            }
        }
    }
}

/// 一次尝试的计数: an attempt counted against its keys before it was made. `retryAfter` set: refused, nothing counted.
public struct ThrottleClaim: Sendable {
    let keys: [String]
    let at: Date
    /// The claim's name in `throttle_hits` (PostgreSQL).
    let token: String?
    public let retryAfter: Int?
}

extension LoginThrottle {
    /// A key as kept in the database: a typed username may be as long as the form allows, the row need not be.
    static func stored(_ keys: [String]) -> [String] { keys.map { String($0.prefix(200)) } }

    /// Seconds until `keys` may try again, or nil: from the database that every node shares on PostgreSQL.
    func retryAfter(_ keys: [String], on req: Request) async throws -> Int? {
        let now = req.fazhi.now
        guard !req.fazhi.store.target.isSQLite else { return retryAfter(keys, now: now) }
        let hits = try await ThrottleHits.recent(
            scope: scope, keys: Self.stored(keys), since: now.addingTimeInterval(-window), on: req.db)
        var wait: TimeInterval = 0
        for (k, h) in hits where h.count >= limit(for: k) {
            wait = max(wait, window - now.timeIntervalSince(h.oldest))
        }
        return wait > 0 ? Int(wait.rounded(.up)) : nil
    }

    func recordFailure(_ keys: [String], on req: Request) async throws {
        let now = req.fazhi.now
        guard !req.fazhi.store.target.isSQLite else { return recordFailure(keys, now: now) }
        try await ThrottleHits.add(
            scope: scope, keys: Self.stored(keys), now: now, forgetBefore: now.addingTimeInterval(-window), on: req.db)
    }

    /// Counts an attempt before it is made — on PostgreSQL in the database every node shares, inserted before it is
    /// counted (`ThrottleHits.claim`), so nodes checking at the same instant cannot each let one more through. A claim
    /// with `retryAfter` is refused; otherwise the attempt counts unless `forgive`n.
    func claim(_ keys: [String], on req: Request) async throws -> ThrottleClaim {
        let now = req.fazhi.now
        guard !req.fazhi.store.target.isSQLite else { return claim(keys, now: now) }
        let stored = Self.stored(keys)
        var limits: [String: Int] = [:]
        for k in stored { limits[k] = limit(for: k) }
        let (token, wait) = try await ThrottleHits.claim(
            scope: scope, keys: stored, limits: limits, now: now, window: window, on: req.db)
        return ThrottleClaim(keys: stored, at: now, token: token, retryAfter: wait)
    }

    /// The attempt does not count after all (a login that succeeded, a correct 查询码, an application refused).
    func forgive(_ claim: ThrottleClaim, on req: Request) async throws {
        guard claim.retryAfter == nil else { return }
        guard let token = claim.token else { return forgive(claim) }
        try await ThrottleHits.forgive(claim: token, on: req.db)
    }

    func reset(_ key: String, on req: Request) async throws {
        guard !req.fazhi.store.target.isSQLite else { return reset(key) }
        try await ThrottleHits.reset(scope: scope, key: String(key.prefix(200)), on: req.db)
    }

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
