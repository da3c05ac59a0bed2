import FazhiStore
import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// The streaming replicas (只读副本) reads may go to, with each one's health and lag as last measured
/// (`ReplicaStates.measure`, every two seconds). A replica that cannot be reached, or whose replay is more than
/// `maxLagSeconds` behind what it has received, gets no reads until it catches up. A replica that is no longer in
/// recovery (promoted in a failover) is the primary itself and has no lag.
final class ReplicaStates: Sendable {
    struct State: Sendable { var healthy = false; var lagSeconds: Double? = nil; var measuredAt: Date? = nil }

    let ids: [DatabaseID]
    let maxLagSeconds: Double
    private let states: NIOLockedValueBox<[State]>
    /// When a replica's last probe, still waiting for its answer, was sent.
    private let probing: NIOLockedValueBox<[ContinuousClock.Instant?]>
    private let turn = NIOLockedValueBox<Int>(0)

    init(count: Int, maxLagSeconds: Double) {
        ids = (0..<count).map { DatabaseID(string: "read\($0)") }
        self.maxLagSeconds = maxLagSeconds
        states = NIOLockedValueBox(Array(repeating: State(), count: count))
        probing = NIOLockedValueBox(Array(repeating: nil, count: count))
    }

    var current: [State] { states.withLockedValue { $0 } }

    /// A healthy replica, taking them in turn; nil when none is (the primary then serves the read).
    func pick() -> DatabaseID? {
        let now = current
        let healthy = now.indices.filter { now[$0].healthy }
        guard !healthy.isEmpty else { return nil }
        let n = turn.withLockedValue { t in
            t &+= 1; return t
        }
        return ids[healthy[abs(n % healthy.count)]]
    }

    /// Asks each replica, all at once, how far its replay is behind: nothing when it has replayed all it received,
    /// else the time since the last transaction it replayed (a replay paused or held back by a conflicting query grows
    /// it). A replica whose WAL receiver is not streaming (cut off from the primary) has replayed all it received and
    /// is still stale: it gets no reads. Nor does one that does not answer within `limit` — a host gone without a
    /// reset would otherwise hold every read sent to it until the pool gives up, and hold up the other replicas'
    /// measures; its probe is not sent again while the last one still waits — unless that one has waited ten limits
    /// (at least 30 s): a query PostgresNIO will never answer (written as its connection closed) must not keep the
    /// replica out for good.
    func measure(_ app: Application, within limit: Duration = .seconds(3)) async {
        let abandonAfter = max(limit * 10, .seconds(30))
        await withTaskGroup(of: Void.self) { group in
            for (i, id) in ids.enumerated() {
                let sent = ContinuousClock.now
                let free = probing.withLockedValue { p in
                    if let waiting = p[i], sent - waiting < abandonAfter { return false }
                    p[i] = sent
                    return true
                }
                guard free else {
                    states.withLockedValue { $0[i] = State(measuredAt: Date()) }
                    continue
                }
                let db = app.db(id) as! any SQLDatabase
                let probing = probing
                group.addTask {
                    var s = State(measuredAt: Date())
                    do {
                        let lag = try await Store.answer(within: limit) {
                            // Only this probe's own mark: a later one may have replaced an abandoned probe's.
                            defer { probing.withLockedValue { p in if p[i] == sent { p[i] = nil } } }
                            return try await Self.lag(of: db)
                        }
                        s.lagSeconds = max(0, lag ?? 0)
                        s.healthy = s.lagSeconds ?? 0 <= self.maxLagSeconds
                    } catch {
                        app.logger.warning(
                            "replica unreachable", metadata: ["replica": "\(id.string)", "error": "\(error)"])
                    }
                    self.states.withLockedValue { $0[i] = s }
                }
            }
        }
    }

    private static func lag(of db: any SQLDatabase) async throws -> Double? {
        try await db.raw(
            """
            SELECT (CASE WHEN NOT pg_is_in_recovery() THEN 0
            WHEN NOT EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming') THEN 1e9
            WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
            ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0) END)::float8 AS lag
            """
        ).first()?.decode(column: "lag", as: Double?.self)
    }
}

/// Keeps a client who just wrote on the primary for `readYourWritesSeconds`, so the page after a save shows the save
/// even while the replicas catch up. After every successful write (POST, PUT, PATCH, DELETE), when replicas are
/// configured: a browser gets a cookie; an API client with a bearer token, which carries no cookie, has its token
/// marked in the database (`Accounts.noteWrite`), so whichever node its next read reaches sends it to the primary.
struct ReadYourWritesMiddleware: AsyncMiddleware {
    static let cookie = "fazhi_wrote"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let seconds = request.fazhi.options.readYourWritesSeconds
        guard !request.fazhi.replicas.ids.isEmpty, seconds > 0 else { return try await next.respond(to: request) }
        let reads = request.method == .GET || request.method == .HEAD
        if reads, let bearer = request.headers.bearerAuthorization {
            // Asked of the primary on each read a replica could serve — any route, the portal's too — since the write
            // may have gone through another node. If the primary cannot say, read from it.
            let hash = Accounts.tokenHash(bearer.token)
            let wrote = (try? await Accounts.wroteRecently(tokenHash: hash, on: request.db as! any SQLDatabase)) ?? true
            if wrote { request.storage[WroteRecently.self] = true }
        }
        let response = try await next.respond(to: request)
        guard !reads, response.status.code < 400 else { return response }
        if request.auth.get(AuthUser.self)?.viaToken == true, let bearer = request.headers.bearerAuthorization {
            // Before the answer leaves: the client's next read cannot overtake the mark.
            do {
                try await Accounts.noteWrite(
                    tokenHash: Accounts.tokenHash(bearer.token), seconds: seconds, on: request.db)
            } catch {
                // The write itself stands; only the next reads may come from a replica that has not replayed it.
                request.logger.warning("read-your-writes mark not kept", metadata: ["error": "\(error)"])
            }
            return response
        }
        response.cookies[Self.cookie] = HTTPCookies.Value(
            string: "1", maxAge: seconds, path: "/", isSecure: request.fazhi.options.secureCookies, isHTTPOnly: true,
            sameSite: .lax)
        return response
    }
}

/// Set on a request whose bearer token wrote a moment ago (`Accounts.wroteRecently`): its reads stay on the primary.
struct WroteRecently: StorageKey { typealias Value = Bool }

/// The server a request's lagging reads go to, chosen at its first such read and kept to its end: a page's figures
/// and lists then come from one server — never some from a replica and some from the primary or another replica,
/// which have replayed different moments.
enum ReadSource: Equatable, StorageKey {
    typealias Value = ReadSource
    case primary
    case replica(DatabaseID)
}

extension Request {
    /// Where a read that may lag a moment goes (the portal, search, statistics, the report): a healthy replica —
    /// unless the request writes (every read inside a write is the primary's) or this client wrote a moment ago
    /// (`ReadYourWritesMiddleware`: its cookie, or its bearer token marked), or no replica is configured or healthy.
    /// The same server for the whole request (`ReadSource`).
    var readDB: any Database {
        switch readSource {
        case .primary: return db
        case .replica(let id): return db(id)
        }
    }

    var readSource: ReadSource {
        if let chosen = storage[ReadSource.self] { return chosen }
        var chosen = ReadSource.primary
        if method == .GET || method == .HEAD, cookies[ReadYourWritesMiddleware.cookie] == nil,
            storage[WroteRecently.self] != true, let replica = fazhi.replicas.pick()
        {
            chosen = .replica(replica)
        }
        storage[ReadSource.self] = chosen
        return chosen
    }

    /// Sends this request's lagging reads to the primary too: a page its user edits shows what the next save will be
    /// checked against (the versions of the texts and scores on it), and its figures from the same moment.
    func readFromPrimary() { storage[ReadSource.self] = .primary }

    /// The client's address: the one a trusted load balancer names last in `X-Forwarded-For` (the balancer appends
    /// its own header line, or its own entry, after whatever the client sent), else the peer's.
    var clientAddress: String {
        let peer = remoteAddress?.ipAddress ?? "?"
        guard fazhi.options.trustedProxies.contains(peer),
            let forwarded = headers["X-Forwarded-For"].last?.split(separator: ",").last
        else { return peer }
        let address = forwarded.trimmingCharacters(in: .whitespaces)
        return address.isEmpty ? peer : String(address.prefix(64))
    }
}
