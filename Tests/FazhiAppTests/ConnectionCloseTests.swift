import Testing
import Vapor

@testable import FazhiStore

/// PostgresNIO never answers a query written after its connection closed; a write must not wait for it for ever
/// (`Store.unlessClosed`).
@Suite struct ConnectionCloseTests {
    let loop = MultiThreadedEventLoopGroup.singleton.any()

    @Test("A write whose connection closes is answered at once, though its query never is")
    func closingAnswersAWriteThatHangs() async throws {
        let closing = loop.makePromise(of: Void.self)
        _ = loop.scheduleTask(in: .milliseconds(50)) { closing.succeed() }
        let started = ContinuousClock.now
        await #expect(throws: ConnectionClosed.self) {
            try await Store.unlessClosed(closing.futureResult) {
                try await Task.sleep(for: .seconds(3600))  // the query that is never answered
                return 1
            }
        }
        #expect(ContinuousClock.now - started < .seconds(30))
        #expect(DatabaseUnavailable.matches(ConnectionClosed()))  // answered 503: retry
    }

    @Test("A write that ends first keeps its answer, and its own error")
    func theWorkThatEndsFirstIsAnswered() async throws {
        let closing = loop.makePromise(of: Void.self)
        let r = try await Store.unlessClosed(closing.futureResult) { 7 }
        closing.succeed()  // a close afterwards changes nothing
        #expect(r == 7)
        struct Refused: Error {}
        let open = loop.makePromise(of: Void.self)
        await #expect(throws: Refused.self) {
            try await Store.unlessClosed(open.futureResult) { () async throws -> Int in throw Refused() }
        }
        open.succeed()  // every promise is kept (NIO traps on a leaked one in debug builds)
        #expect(try await Store.unlessClosed(nil) { 8 } == 8)  // SQLite: no connection to watch
    }
}
