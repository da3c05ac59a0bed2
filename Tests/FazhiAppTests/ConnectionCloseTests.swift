import NIOConcurrencyHelpers
import Testing

@testable import FazhiStore

/// PostgresNIO never answers a query written after its connection closed; a write must not wait for it for ever
/// (`Store.unlessClosed`).
@Suite struct ConnectionCloseTests {
    @Test("A write whose connection closes is answered soon, though its query never is")
    func closingAnswersAWriteThatHangs() async throws {
        let closed = NIOLockedValueBox(false)
        let started = ContinuousClock.now
        Task {
            try await Task.sleep(for: .milliseconds(50))
            closed.withLockedValue { $0 = true }
        }
        await #expect(throws: ConnectionClosed.self) {
            try await Store.unlessClosed({ closed.withLockedValue { $0 } }, every: .milliseconds(20)) {
                try await Task.sleep(for: .seconds(3600))  // the query that is never answered
                return 1
            }
        }
        // Answered, not left for the hour: well under it even when the whole suite loads both cores and the watcher's
        // one-second sleeps wake late (38 s was seen in CI).
        #expect(ContinuousClock.now - started < .seconds(600))
        #expect(DatabaseUnavailable.matches(ConnectionClosed()))  // answered 503: retry
    }

    @Test("An answer that came just before the close is still the answer")
    func anAnswerWithinTheGraceWins() async throws {
        let r = try await Store.unlessClosed({ true }, every: .milliseconds(10), grace: .seconds(5)) {
            try await Task.sleep(for: .milliseconds(100))
            return 3
        }
        #expect(r == 3)
    }

    @Test("On PostgreSQL a write watches its own connection; SQLite has none to watch", arguments: TestDB.all)
    func aWriteWatchesItsConnection(_ db: TestDB) async throws {
        try await withTestApp(db, demo: false) { t in
            let open = try await t.app.db.withConnection { conn in await Store.closed(conn).map { !$0() } }
            #expect(open == (db == .postgres ? true : nil))
        }
    }

    @Test("A write that ends first keeps its answer, and its own error")
    func theWorkThatEndsFirstIsAnswered() async throws {
        #expect(try await Store.unlessClosed({ false }) { 7 } == 7)
        struct Refused: Error {}
        await #expect(throws: Refused.self) {
            try await Store.unlessClosed({ false }) { () async throws -> Int in throw Refused() }
        }
        #expect(try await Store.unlessClosed(nil) { 8 } == 8)  // SQLite: no connection to watch
    }
}
