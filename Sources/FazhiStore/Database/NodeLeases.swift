import FluentKit
import Foundation
import SQLKit

/// Leases that let exactly one of several app nodes on one PostgreSQL run a periodic job (sign checkpoints, take the
/// expiry steps): a node runs the job only while it holds the job's lease, renews it each time it runs, and another
/// node takes it over once it has lapsed (its holder died or hung). Kept in the database, so a node that starts while
/// another holds the lease waits its turn instead of signing a second checkpoint of its own.
public enum NodeLeases {
    /// Takes or renews `name` for `holder` until `now + seconds`; true if `holder` holds it now. Without `now`, the
    /// time is the database's own clock, the one clock every node shares: a node whose clock runs ahead must not take
    /// a lease that has not lapsed (nor one running behind keep it too long).
    public static func acquire(
        _ name: String, holder: String, for seconds: TimeInterval, now: Date? = nil, on db: any Database
    ) async throws -> Bool {
        let sql = db as! any SQLDatabase
        let at = time(now, sql)
        let row = try await sql.raw(
            """
            INSERT INTO node_leases (name, holder, expires_at) VALUES (\(bind: name), \(bind: holder), \(at) + \(bind: seconds))
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
            WHERE node_leases.holder = excluded.holder OR node_leases.expires_at < \(at)
            RETURNING holder
            """
        ).first()
        return try row?.decode(column: "holder", as: String.self) == holder
    }

    /// Notes that the holder finished a run of `name` at `now` (the database's clock without it: what `/metrics`
    /// reports as the job's age).
    public static func ran(_ name: String, holder: String, now: Date? = nil, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw(
            """
            UPDATE node_leases SET last_run_at = \(time(now, sql))
            WHERE name = \(bind: name) AND holder = \(bind: holder)
            """
        ).run()
    }

    /// `now` as seconds since 1970, or the database's clock at the statement.
    static func time(_ now: Date?, _ sql: any SQLDatabase) -> any SQLExpression {
        if let now { return SQLBind(now.timeIntervalSince1970) }
        return sql.dialect.name == "sqlite"
            ? SQLRaw("((julianday('now') - 2440587.5) * 86400.0)")
            : SQLRaw("CAST(EXTRACT(EPOCH FROM clock_timestamp()) AS DOUBLE PRECISION)")
    }

    /// Gives the lease up (the node is stopping), so another node takes the job at its next run, not after the lapse.
    public static func release(_ name: String, holder: String, on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw(
            "UPDATE node_leases SET expires_at = 0 WHERE name = \(bind: name) AND holder = \(bind: holder)"
        ).run()
    }

    /// Seconds since any node last finished a run of `name`, on the database's clock (the one the runs are noted
    /// in); nil if none has.
    public static func age(_ name: String, on db: any Database) async throws -> Double? {
        let sql = db as! any SQLDatabase
        let row = try await sql.raw(
            "SELECT \(time(nil, sql)) - last_run_at AS age FROM node_leases WHERE name = \(bind: name)"
        ).first()
        return try row?.decode(column: "age", as: Double?.self)
    }

    /// When any node last finished a run of `name`, and who holds its lease.
    public static func lastRun(_ name: String, on db: any Database) async throws -> (at: Date?, holder: String)? {
        guard
            let row = try await (db as! any SQLDatabase).raw(
                "SELECT holder, last_run_at FROM node_leases WHERE name = \(bind: name)"
            ).first()
        else { return nil }
        let at = try row.decodeNil(column: "last_run_at") ? nil : try row.decode(column: "last_run_at", as: Double.self)
        return (at.map(Date.init(timeIntervalSince1970:)), try row.decode(column: "holder", as: String.self))
    }
}

/// Failed attempts (a wrong password, an application from one address) counted in the database, so that a limit
/// reached through one app node holds on every other (`LoginThrottle` on PostgreSQL).
public enum ThrottleHits {
    /// How many hits each key has since `since`, and the oldest of them.
    public static func recent(
        scope: String, keys: [String], since: Date, on db: any Database
    ) async throws -> [String: (count: Int, oldest: Date)] {
        guard !keys.isEmpty else { return [:] }
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw(
            """
            SELECT hit_key, COUNT(*) AS n, MIN(at) AS oldest FROM throttle_hits
            WHERE scope = \(bind: scope) AND hit_key IN (\(binds: keys)) AND at > \(bind: since.timeIntervalSince1970)
            GROUP BY hit_key
            """
        ).all()
        var out: [String: (count: Int, oldest: Date)] = [:]
        for r in rows {
            out[try r.decode(column: "hit_key", as: String.self)] = (
                try r.decode(column: "n", as: Int.self),
                Date(timeIntervalSince1970: try r.decode(column: "oldest", as: Double.self))
            )
        }
        return out
    }

    /// Counts one hit for each key at `now`, and forgets hits older than `forgetBefore` (outside every window).
    public static func add(
        scope: String, keys: [String], now: Date, forgetBefore: Date, on db: any Database
    ) async throws {
        let sql = db as! any SQLDatabase
        for k in keys {
            try await sql.raw(
                """
                INSERT INTO throttle_hits (scope, hit_key, at)
                VALUES (\(bind: scope), \(bind: k), \(bind: now.timeIntervalSince1970))
                """
            ).run()
        }
        try await sql.raw(
            "DELETE FROM throttle_hits WHERE scope = \(bind: scope) AND at < \(bind: forgetBefore.timeIntervalSince1970)"
        ).run()
    }

    /// Counts an attempt for each key *before* it is made, then counts again: if any key is now over its limit the
    /// attempt's hits are taken back and the answer is the seconds until the oldest hit of a full key leaves the
    /// window. Every node inserts before it counts, so of two attempts at the same instant at least one sees both
    /// hits: no more than the limit ever get through. Returns the claim (to `forgive` an attempt that turns out not
    /// to count) or the wait.
    public static func claim(
        scope: String, keys: [String], limits: [String: Int], now: Date, window: TimeInterval, on db: any Database
    ) async throws -> (claim: String?, retryAfter: Int?) {
        let sql = db as! any SQLDatabase
        let claim = UUID().uuidString
        do { return try await insertThenCount(claim, scope, keys, limits, now, window, sql, db) } catch {
            // Nothing of a claim that did not finish stays counted (the caller never got its token to forgive it).
            try? await forgive(claim: claim, on: db)
            throw error
        }
    }

    private static func insertThenCount(
        _ claim: String, _ scope: String, _ keys: [String], _ limits: [String: Int], _ now: Date,
        _ window: TimeInterval, _ sql: any SQLDatabase, _ db: any Database
    ) async throws -> (claim: String?, retryAfter: Int?) {
        for k in keys {
            try await sql.raw(
                """
                INSERT INTO throttle_hits (scope, hit_key, at, claim)
                VALUES (\(bind: scope), \(bind: k), \(bind: now.timeIntervalSince1970), \(bind: claim))
                """
            ).run()
        }
        let hits = try await recent(scope: scope, keys: keys, since: now.addingTimeInterval(-window), on: db)
        var wait: TimeInterval = 0
        for (k, h) in hits where h.count > limits[k, default: Int.max] {
            wait = max(wait, window - now.timeIntervalSince(h.oldest))
        }
        guard wait <= 0 else {
            try await forgive(claim: claim, on: db)
            return (nil, max(1, Int(wait.rounded(.up))))
        }
        try await sql.raw(
            "DELETE FROM throttle_hits WHERE scope = \(bind: scope) AND at < \(bind: now.timeIntervalSince1970 - window)"
        ).run()
        return (claim, nil)
    }

    /// Takes back the hits of an attempt that does not count (a login that succeeded, an application refused).
    public static func forgive(claim: String, on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("DELETE FROM throttle_hits WHERE claim = \(bind: claim)").run()
    }

    public static func reset(scope: String, key: String, on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw(
            "DELETE FROM throttle_hits WHERE scope = \(bind: scope) AND hit_key = \(bind: key)"
        ).run()
    }
}
