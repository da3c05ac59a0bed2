import FazhiStore
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import FazhiApp

/// Reads that may lag go to a replica; a client who just wrote reads from the primary for a few seconds — a browser by
/// its cookie, an API client by its token, on whichever node its read lands.
@Suite struct ReadRoutingTests {
    @Test(
        "A replica that does not answer gets no reads, is not probed twice, and does not hold up the others",
        .enabled(if: TestDB.all.contains(.postgres)))
    func aSilentReplicaIsLeftOut() async throws {
        // A silent host: a socket that listens and never answers (the kernel completes the connection; nothing speaks).
        let silent = Process()
        silent.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // It lives until its input closes — when the test closes it or ends (a signal may be blocked in a process the
        // test runner starts, so `terminate()` alone once left it running long after the test).
        silent.arguments = [
            "python3", "-c",
            "import socket,sys; s=socket.socket(); s.bind(('127.0.0.1',0)); s.listen(64); "
                + "print(s.getsockname()[1], flush=True); sys.stdin.read()",
        ]
        let out = Pipe(), input = Pipe()
        silent.standardOutput = out
        silent.standardInput = input
        try silent.run()
        var stopped = false
        func stopSilent() {
            guard !stopped else { return }
            stopped = true
            try? input.fileHandleForWriting.close()
            silent.terminate()
        }
        defer { stopSilent() }
        let line = String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        let port = try #require(Int(line.trimmingCharacters(in: .whitespacesAndNewlines)))
        let t = try await TestApp(.postgres)
        do {
            guard case .postgres(let answering) = t.storage.target else { throw CancellationError() }
            // Two replicas: the silent host, then a server that answers (the test's own database, not in recovery:
            // no lag).
            let replicas = ReplicaStates(count: 2, maxLagSeconds: 30)
            try DatabaseTarget.postgres(url: "postgres://fazhi:x@127.0.0.1:\(port)/fazhi").register(
                in: t.app.databases, as: replicas.ids[0])
            try DatabaseTarget.postgres(url: answering).register(in: t.app.databases, as: replicas.ids[1])
            // The bounds below are far from what waiting for the silent host would take (until the test ends; or the
            // second round's whole limit, 120 s) and far above what the rounds take (2 s and a few milliseconds
            // here; 26 s for both once, with every core busy beside the browser tests).
            let started = ContinuousClock.now
            await replicas.measure(t.app, within: .seconds(2))
            #expect(ContinuousClock.now - started < .seconds(60))
            #expect(replicas.current.map(\.healthy) == [false, true])
            #expect(replicas.pick() == replicas.ids[1] && replicas.pick() == replicas.ids[1])
            // Its probe still waits: the next round does not send another, and ends without it.
            let second = ContinuousClock.now
            await replicas.measure(t.app, within: .seconds(120))
            #expect(replicas.current.map(\.healthy) == [false, true])
            #expect(ContinuousClock.now - second < .seconds(60))
        } catch {
            await t.shutdown()
            throw error
        }
        stopSilent()
        await t.shutdown()
    }

    @Test("An answer within its time is given; one that does not come is not waited for")
    func answersWithinTheirTime() async throws {
        #expect(try await Store.answer(within: .seconds(5)) { 42 } == 42)
        let started = ContinuousClock.now
        await #expect(throws: NoAnswerInTime.self) {
            try await Store.answer(within: .milliseconds(200)) { try await Task.sleep(for: .seconds(20)) }
        }
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test(
        "An API client that just wrote reads from the primary, on any node; others read the replica",
        .enabled(if: TestDB.all.contains(.postgres)))
    func bearerReadsItsOwnWrite() async throws {
        // A stand-in for a replica that has not replayed the latest writes: a copy of the database without its 执法主体
        // and without the kept sums of its enforcement cases.
        let replica = try await PreparedStorage.shared.copy(.postgres, demo: true, now: nil, settings: nil)
        defer {
            if let name = replica.pgName { TestEnv.dropPostgresDatabase(name) }
            try? FileManager.default.removeItem(at: replica.dir)
        }
        guard case .postgres(let replicaURL) = replica.target else { return }
        let (rc, out) = try TestEnv.shell([
            "psql", replicaURL, "-q", "-c", "TRUNCATE enforcement_bodies, case_figures CASCADE",
        ])
        try #require(rc == 0, "\(out)")

        // A window longer than the test: under the whole suite's load its requests may be seconds apart.
        let withReplica: @Sendable (inout AppOptions) -> Void = {
            // Listed twice: two replicas taken in turn (both the same copy), so a request's reads can be seen to stay
            // on the one it chose.
            $0.readDatabases = [replica.target, replica.target]
            $0.readYourWritesSeconds = 3600
        }
        let t = try await TestApp(.postgres, options: withReplica)
        // A second node on the same primary and replica: the mark a write leaves is in the database, not in a node.
        let nodeB = try await TestApp(
            .postgres, storage: t.storage, demo: true, now: nil, settings: nil, options: withReplica)
        do {
            for node in [t, nodeB] {
                // A generous limit: under the whole suite's load a first connection can take seconds.
                await node.app.fazhi.replicas.measure(node.app, within: .seconds(30))
                #expect(node.app.fazhi.replicas.current.allSatisfy { $0.healthy })
            }
            func figure(_ set: String, _ id: String, _ token: String, on node: TestApp) async throws -> Double {
                let answer = try await node.send(.GET, "/api/v1/statistics/\(set)?year=2026", token: token)
                let figures = try answer.json()["figures"] as? [[String: Any]] ?? []
                return figures.first { $0["id"] as? String == id }?["value"] as? Double ?? -1
            }
            func bodies(_ token: String, on node: TestApp) async throws -> Double {
                try await figure("registries", "bodies", token, on: node)
            }
            // A request reads one server to its end, whichever replica the next request gets; a page its user edits
            // reads the primary throughout.
            func request() -> Request {
                Request(application: nodeB.app, method: .GET, url: URI(path: "/"), on: nodeB.app.eventLoopGroup.any())
            }
            let page = request()
            let chosen = page.readSource
            #expect(chosen != .primary)
            for _ in 0..<4 { #expect(page.readSource == chosen) }
            #expect(request().readSource != request().readSource)
            page.readFromPrimary()
            #expect(page.readSource == .primary)

            let writer = try await t.token("admin")
            let bystander = try await t.token("admin")
            let refused = try await t.token("admin")
            // Before any write through the API: the replica answers (it has no 执法主体).
            #expect(try await bodies(writer, on: t) == 0)

            let wrote = try await t.send(.POST, "/api/v1/tokens", token: writer, json: #"{"name":"报表接口"}"#)
            #expect(wrote.status == .created)
            #expect(try await bodies(writer, on: t) > 0)
            #expect(try await bodies(writer, on: nodeB) > 0)
            #expect(try await bodies(bystander, on: nodeB) == 0)
            // Every statistics set reads where the client's reads go: the enforcement figures too.
            #expect(try await figure("enforcement", "opened", writer, on: nodeB) > 0)
            #expect(try await figure("enforcement", "opened", bystander, on: nodeB) == 0)
            // The public portal too, when it is read with the token (an API client reading the published lists).
            func portalBodies(_ token: String) async throws -> Int {
                let answer = try await nodeB.send(.GET, "/bodies?format=json", token: token)
                return (try answer.json()["bodies"] as? [Any])?.count ?? -1
            }
            #expect(try await portalBodies(writer) > 0)
            #expect(try await portalBodies(bystander) == 0)

            let bad = try await t.send(.POST, "/api/v1/tokens", token: refused, json: #"{"name":""}"#)
            #expect(bad.status.code >= 400 && bad.status.code < 500)
            #expect(try await bodies(refused, on: t) == 0)

            // Every write keeps its client on the primary for at least the whole window (3,600 s here): a mark with
            // less than a window left is moved on by the next write; one with more is left as it is (no queue on the
            // token's row for a client writing in parallel).
            func left(_ token: String) async throws -> Double {
                try await t.sql.raw(
                    """
                    SELECT (wrote_until - EXTRACT(EPOCH FROM clock_timestamp()))::float8 AS s FROM api_tokens
                    WHERE token_hash = \(bind: Accounts.tokenHash(token))
                    """
                ).first()?.decode(column: "s", as: Double.self) ?? -1
            }
            func setLeft(_ token: String, _ seconds: Double) async throws {
                try await t.sql.raw(
                    """
                    UPDATE api_tokens SET wrote_until = EXTRACT(EPOCH FROM clock_timestamp()) + \(bind: seconds)
                    WHERE token_hash = \(bind: Accounts.tokenHash(token))
                    """
                ).run()
            }
            #expect(try await left(writer) > 3600)
            try await setLeft(writer, 2000)
            let again = try await t.send(.POST, "/api/v1/tokens", token: writer, json: #"{"name":"报表接口二"}"#)
            #expect(again.status == .created)
            #expect(try await left(writer) > 3600)
            try await setLeft(writer, 4000)
            let third = try await nodeB.send(.POST, "/api/v1/tokens", token: writer, json: #"{"name":"报表接口三"}"#)
            #expect(third.status == .created)
            #expect(try await left(writer) <= 4000)

            // Once the moment has passed, the writer reads the replica again.
            try await t.sql.raw("UPDATE api_tokens SET wrote_until = 0").run()
            #expect(try await bodies(writer, on: nodeB) == 0)
        } catch {
            try? await nodeB.app.asyncShutdown()
            await t.shutdown()
            throw error
        }
        try await nodeB.app.asyncShutdown()
        await t.shutdown()
    }
}
