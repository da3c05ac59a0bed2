import FazhiCore

/// The audit's pages in order, read ahead on `depth` connections at once (PostgreSQL: the server reads one page while
/// the app decodes another). Ahead-reading needs to know where the next page starts before this one has arrived, so
/// it asks for ranges of sequence numbers — (after, after + size] — which are full exactly when the log is dense
/// there. As soon as a range comes back otherwise (a gap, entries numbered 0 or below, the end of the log), the
/// ranges read ahead are dropped and the rest is read one page after another from the last entry seen (keyset), as a
/// single reader would: every entry is seen once, in order, so the auditor still names the first missing,
/// repeated or moved entry.
struct RecordPageSource {
    private let read: RecordPageReader.Read
    private let end: Int64
    private let size: Int
    private let depth: Int
    private var pending: [(task: Task<RecordPage, any Error>, low: Int64, high: Int64)] = []
    private var nextLow: Int64
    private var ranged = true
    private var finished = false

    init(read: @escaping RecordPageReader.Read, after start: Int64, end: Int64, size: Int, depth: Int) {
        self.read = read; self.end = end; self.size = size; self.depth = max(1, depth); self.nextLow = start
    }

    /// The next page, or nil once the log (up to `end`) has been read.
    mutating func next() async throws -> RecordPage? {
        if finished { return nil }
        fill()
        guard !pending.isEmpty else { return nil }
        let (task, low, high) = pending.removeFirst()
        let page = try await task.value
        let last = page.sequences.last
        if ranged {
            if page.count == size, last == high, high < end {
                fill()
                return page
            }
            ranged = false
            try await drain()
            // The last range, short: nothing past `end` is wanted.
            if high >= end, page.count < size { finished = true; return page }
            keyset(after: last ?? low)
            return page
        }
        if page.count == size, let last, last < end { keyset(after: last) } else { finished = true }
        return page
    }

    /// Waits for every read still running (the reader is closed after the audit: no read may outlive it).
    mutating func drain() async throws {
        let running = pending
        pending = []
        for p in running { _ = try? await p.task.value }
    }

    private mutating func fill() {
        guard ranged else { return }
        while pending.count < depth, nextLow < end {
            let low = nextLow
            let (sum, overflow) = max(low, 0).addingReportingOverflow(Int64(size))
            let high = overflow ? end : min(end, sum)
            let read = read, size = size
            pending.append((Task { try await read(low, high, size) }, low, high))
            nextLow = high
        }
    }

    private mutating func keyset(after low: Int64) {
        let read = read, end = end, size = size
        pending.append((Task { try await read(low, end, size) }, low, end))
    }
}
