import FazhiCore
import Foundation

/// An import's rows written chunk by chunk while the next chunks are prepared on the other cores (record payloads
/// encoded, search text tokenised, JSON columns written): the database writes on one thread, so the work that does not
/// touch it runs beside the writes instead of before them.
enum ImportPipeline {
    /// Calls `write` with each chunk of `rows` (in order) as `prepare` made it; a window of chunks, two per core, is
    /// prepared while the window before it is written.
    static func run<Row: Sendable, Prepared: Sendable>(
        _ rows: [Row], chunk: Int = 500, prepare: @escaping @Sendable (ArraySlice<Row>) throws -> Prepared,
        write: (Prepared) async throws -> Void
    ) async throws {
        let chunks = rows.chunked(chunk)
        // Two chunks per core: the writer waits less often for a window that is still being prepared.
        let window = min(Parallel.cores * 2, 16)
        let windows = (chunks.count + window - 1) / window
        guard windows > 0 else { return }
        func prepared(_ w: Int) -> Task<[Prepared], any Error> {
            let part = Array(chunks[(w * window)..<min(chunks.count, (w + 1) * window)])
            return Task.detached { try Parallel.tryMap(parts: part.count) { try prepare(part[$0]) } }
        }
        var next = prepared(0)
        for w in 0..<windows {
            let ready = try await next.value
            if w + 1 < windows { next = prepared(w + 1) }
            for p in ready { try await write(p) }
        }
    }
}
