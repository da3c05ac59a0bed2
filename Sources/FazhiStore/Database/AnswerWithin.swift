import Foundation

/// A database answer that did not come within its time (`Store.answer(within:_:)`).
public struct NoAnswerInTime: Error, CustomStringConvertible {
    public var description: String { "数据库未在规定时间内应答" }
}

extension Store {
    /// Runs `work` and gives its result, or throws `NoAnswerInTime` once `limit` has passed. The work is then left to
    /// end on its own: a query to a server that vanished without a reset waits for TCP's timeouts, and PostgresNIO
    /// never answers a query written on a channel as it closes — the caller must not wait for either.
    public static func answer<T: Sendable>(
        within limit: Duration, _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let once = ResumeOnce(continuation)
            let timer = Task {
                // Cancelled (the work answered first): nothing to say.
                guard (try? await Task.sleep(for: limit)) != nil else { return }
                once.resume(.failure(NoAnswerInTime()))
            }
            Task {
                let result: Result<T, any Error>
                do { result = .success(try await work()) } catch { result = .failure(error) }
                timer.cancel()
                once.resume(result)
            }
        }
    }
}
