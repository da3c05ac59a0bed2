import FazhiCore
import FazhiStore
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import FazhiApp

/// What several app nodes share through the database (issue 20): the job leases, the throttles' hits, the
/// idempotency claims — each on SQLite and on PostgreSQL.
@Suite("Node coordination in the database")
struct NodeCoordinationTests {
    @Test(arguments: TestDB.all)
    func oneNodeHoldsAJobsLeaseUntilItLapses(_ db: TestDB) async throws {
        try await withTestApp(db, demo: false) { t in
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            #expect(try await NodeLeases.acquire("checkpoint", holder: "a", for: 30, now: now, on: t.app.db))
            // Another node is refused while the lease runs; the holder renews it.
            #expect(try await !NodeLeases.acquire("checkpoint", holder: "b", for: 30, now: now + 10, on: t.app.db))
            #expect(try await NodeLeases.acquire("checkpoint", holder: "a", for: 30, now: now + 20, on: t.app.db))
            #expect(try await !NodeLeases.acquire("checkpoint", holder: "b", for: 30, now: now + 45, on: t.app.db))
            // The holder stops renewing (it died): once the lease lapses, another node takes it over.
            #expect(try await NodeLeases.acquire("checkpoint", holder: "b", for: 30, now: now + 51, on: t.app.db))
            #expect(try await !NodeLeases.acquire("checkpoint", holder: "a", for: 30, now: now + 52, on: t.app.db))
            // Each job has its own lease; a run is noted only by the holder.
            #expect(try await NodeLeases.acquire("expiry steps", holder: "a", for: 30, now: now, on: t.app.db))
            try await NodeLeases.ran("checkpoint", holder: "a", now: now + 53, on: t.app.db)
            #expect(try await NodeLeases.lastRun("checkpoint", on: t.app.db)?.at == nil)
            try await NodeLeases.ran("checkpoint", holder: "b", now: now + 54, on: t.app.db)
            let run = try #require(try await NodeLeases.lastRun("checkpoint", on: t.app.db))
            #expect(run.holder == "b" && run.at == now + 54)
            // What the nodes use: the database's clock, the same for every node whatever its own clock says.
            #expect(try await NodeLeases.acquire("sweep", holder: "a", for: 30, on: t.app.db))
            #expect(try await !NodeLeases.acquire("sweep", holder: "b", for: 30, on: t.app.db))
            #expect(try await NodeLeases.acquire("sweep", holder: "a", for: 30, on: t.app.db))
            try await NodeLeases.ran("sweep", holder: "a", on: t.app.db)
            let sweep = try #require(try await NodeLeases.lastRun("sweep", on: t.app.db)?.at)
            #expect(abs(sweep.timeIntervalSinceNow) < 60)
            // Its age, on the database's clock too (what /metrics reports); none for a job that never ran.
            let age = try #require(try await NodeLeases.age("sweep", on: t.app.db))
            #expect(age >= 0 && age < 60)
            #expect(try await NodeLeases.age("never run", on: t.app.db) == nil)
            // A lease taken on the database's clock has lapsed for the database once its time is past.
            #expect(try await NodeLeases.acquire("short", holder: "a", for: -1, on: t.app.db))
            #expect(try await NodeLeases.acquire("short", holder: "b", for: 30, on: t.app.db))
            // Two processes given the same node name (one env file copied to every node) are two holders.
            if db == .postgres {
                let first = JobRuns(node: "app1", sqlite: false), second = JobRuns(node: "app1", sqlite: false)
                #expect(try await first.mayRun("signer", every: 10, on: t.app.db))
                #expect(try await !second.mayRun("signer", every: 10, on: t.app.db))
                #expect(first.node.hasPrefix("app1#") && first.node != second.node)
            }
        }
    }

    @Test(arguments: TestDB.all)
    func anAttemptIsCountedBeforeItIsMadeSoConcurrentNodesCannotPassTheLimit(_ db: TestDB) async throws {
        try await withTestApp(db, demo: false) { t in
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            let limits = ["user:a": 3, "ip:1": 30]
            // Ten attempts at the same instant (two nodes' worth of requests): no more than the limit get through.
            let db = t.app.db
            let granted = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<10 {
                    group.addTask {
                        try await ThrottleHits.claim(
                            scope: "login", keys: ["user:a", "ip:1"], limits: limits, now: now, window: 900, on: db
                        ).claim != nil
                    }
                }
                var n = 0
                for try await ok in group where ok { n += 1 }
                return n
            }
            // (Attempts that all count before any is checked may all be refused: the limit fails closed.)
            #expect(granted <= 3)
            // A refused attempt leaves nothing counted; the wait runs to when the oldest hit leaves the window.
            let hits = try await ThrottleHits.recent(scope: "login", keys: ["user:a"], since: now - 900, on: db)
            #expect((hits["user:a"]?.count ?? 0) == granted)
            for _ in granted..<3 {
                #expect(
                    try await ThrottleHits.claim(
                        scope: "login", keys: ["user:a"], limits: limits, now: now, window: 900, on: db
                    ).claim != nil)
            }
            let refused = try await ThrottleHits.claim(
                scope: "login", keys: ["user:a"], limits: limits, now: now + 100, window: 900, on: db)
            #expect(refused.claim == nil && refused.retryAfter == 800)
            // An attempt that turns out not to count (the password was right) is taken back.
            let last = try await ThrottleHits.recent(scope: "login", keys: ["user:a"], since: now - 900, on: db)
            #expect(last["user:a"]?.count == 3)
            let later = try await ThrottleHits.claim(
                scope: "login", keys: ["user:a"], limits: limits, now: now + 901, window: 900, on: db)
            let token = try #require(later.claim)
            try await ThrottleHits.forgive(claim: token, on: db)
            #expect(
                try await ThrottleHits.recent(scope: "login", keys: ["user:a"], since: now + 900, on: db).isEmpty)
        }
    }

    @Test(arguments: TestDB.all)
    func throttleHitsAreCountedPerScopeAndKeyWithinTheWindow(_ db: TestDB) async throws {
        try await withTestApp(db, demo: false) { t in
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            for i in 0..<3 {
                try await ThrottleHits.add(
                    scope: "login", keys: ["user:a", "ip:1"], now: now + Double(i), forgetBefore: now - 900,
                    on: t.app.db)
            }
            try await ThrottleHits.add(
                scope: "status", keys: ["user:a"], now: now, forgetBefore: now - 900, on: t.app.db)
            let hits = try await ThrottleHits.recent(
                scope: "login", keys: ["user:a", "ip:1", "ip:2"], since: now - 1, on: t.app.db)
            #expect(hits["user:a"]?.count == 3 && hits["ip:1"]?.count == 3 && hits["ip:2"] == nil)
            #expect(hits["user:a"]?.oldest == now)
            // Outside the window nothing counts; a reset forgets one key only.
            #expect(
                try await ThrottleHits.recent(scope: "login", keys: ["user:a"], since: now + 5, on: t.app.db).isEmpty)
            try await ThrottleHits.reset(scope: "login", key: "user:a", on: t.app.db)
            let after = try await ThrottleHits.recent(
                scope: "login", keys: ["user:a", "ip:1"], since: now - 1, on: t.app.db)
            #expect(after["user:a"] == nil && after["ip:1"]?.count == 3)
            #expect(
                try await ThrottleHits.recent(scope: "status", keys: ["user:a"], since: now - 1, on: t.app.db)[
                    "user:a"]?
                    .count == 1)
        }
    }

    @Test(arguments: TestDB.all)
    func aRetryWhileTheFirstAttemptRunsWaitsAndAnAbandonedClaimIsTakenOver(_ db: TestDB) async throws {
        try await withTestApp(db) { t in
            let token = try await t.token("admin")
            let admin = try await t.userID("admin")
            // Another node claimed the key a moment ago and has not answered yet.
            let claim = IdempotencyRecord()
            claim.key = "k-1"; claim.principal = admin.uuidString; claim.method = "POST"; claim.path = "/api/v1/tokens"
            claim.status = 0; claim.contentType = ""; claim.body = ""
            try await claim.create(on: t.app.db)
            let busy = try await t.send(
                .POST, "/api/v1/tokens", token: token, json: #"{"name":"x"}"#, headers: [("Idempotency-Key", "k-1")])
            #expect(busy.status == .conflict)
            #expect(busy.errorMessage?.contains("正在处理中") == true)
            // That node died mid-request: after five minutes the claim is taken over and the request runs once.
            try await (t.app.db as! any SQLDatabase).raw(
                "UPDATE idempotency_keys SET created_at = \(bind: Date().addingTimeInterval(-3600)) WHERE idem_key = 'k-1'"
            ).run()
            let first = try await t.send(
                .POST, "/api/v1/tokens", token: token, json: #"{"name":"x"}"#, headers: [("Idempotency-Key", "k-1")])
            #expect(first.status == .created)
            let again = try await t.send(
                .POST, "/api/v1/tokens", token: token, json: #"{"name":"x"}"#, headers: [("Idempotency-Key", "k-1")])
            #expect(again.status == .created)
            #expect(again.headers.first(name: "Idempotent-Replayed") == "true")
            #expect(try again.json()["id"] as? String == first.json()["id"] as? String)
            // The work committed on a node whose answer was then lost (it died): the retry is told so, not run again.
            let done = IdempotencyRecord()
            done.key = "k-3"; done.principal = admin.uuidString; done.method = "POST"; done.path = "/api/v1/tokens"
            done.status = IdempotencyClaim.committed; done.contentType = ""; done.body = ""
            try await done.create(on: t.app.db)
            let tokensBefore = try await t.recordSize()
            let lost = try await t.send(
                .POST, "/api/v1/tokens", token: token, json: #"{"name":"x"}"#, headers: [("Idempotency-Key", "k-3")])
            #expect(lost.status == .conflict)
            #expect(lost.errorMessage?.contains("已办理完成") == true)
            #expect(try await t.recordSize() == tokensBefore)
            // A refused request leaves no claim behind: the same key may be used again at once.
            let refused = try await t.send(
                .POST, "/api/v1/tokens", token: token, json: #"{"name":""}"#, headers: [("Idempotency-Key", "k-2")])
            #expect(refused.status.code >= 400 && refused.status.code < 500)
            #expect(try await IdempotencyRecord.query(on: t.app.db).filter(\.$key == "k-2").count() == 0)
        }
    }
}
