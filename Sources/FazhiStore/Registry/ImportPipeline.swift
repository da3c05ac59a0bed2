import FazhiCore
import Foundation

/// An import's rows written chunk by chunk while the next chunks are prepared on the other cores (record payloads
/// encoded, search text tokenised, JSON columns written): the database writes on one thread, so the work that does not
/// touch it runs beside the writes instead of before them.
enum ImportPipeline {
    /// Calls `write` with each chunk of `rows` (in order) as `prepare` made it, each as soon as it is ready, while the
    /// chunks after it are prepared, at most two per core ahead. Chunks of 2,000 rows: each chunk costs the writer six
    /// or so statements, each a round trip through the driver's threads (≈ 1 ms while the other core prepares); with
    /// 500-row chunks those waits were a fifth of a 100,000-row import's write.
    static func run<Row: Sendable, Prepared: Sendable>(
        _ rows: [Row], chunk: Int = 2_000, prepare: @escaping @Sendable (ArraySlice<Row>) throws -> Prepared,
        write: (Prepared) async throws -> Void
    ) async throws {
        let chunks = rows.chunked(chunk)
        // Two chunks per core ahead of the writer: it waits less often for one still being prepared, and memory holds
        // only those.
        let ahead = min(Parallel.cores * 2, 16)
        // The writer needs a core of its own (its statements and the database's thread take turns on it): on two
        // cores the chunks are prepared one after another on the other. Prepared on both, they took the writer's core
        // in bursts, and the 100,000-officer import's write ran 5.5 s instead of 4.
        let preparers = max(1, Parallel.cores - 1)
        var preparing: [Int: Task<Prepared, any Error>] = [:]
        // A refused chunk, a failed write or a cancelled import stops the chunks still being prepared.
        defer { for task in preparing.values { task.cancel() } }
        func start(_ i: Int) {
            let part = chunks[i]
            // Chunk i starts once chunk i − preparers is done, so no more than `preparers` run at once; each on a
            // Dispatch thread, not Swift's cooperative pool, which the writer and the server's requests share.
            let before = preparing[i - preparers]
            preparing[i] = Task.detached {
                _ = await before?.result
                try Task.checkCancellation()
                return try await RecordPageReader.offThePool { try prepare(part) }
            }
        }
        for i in chunks.indices.prefix(ahead) { start(i) }
        // Writing starts with the first chunk, not once a whole window of chunks is prepared (a fifth of a second
        // before the first statement on this machine).
        for i in chunks.indices {
            guard let task = preparing.removeValue(forKey: i) else {
                throw StoreError.integrity("导入的第 \(i + 1) 批数据未准备（内部错误），已全部撤销")
            }
            let prepared = try await task.value
            if i + ahead < chunks.count { start(i + ahead) }
            try await write(prepared)
        }
    }
}

extension ImportPipeline {
    /// A chunk of an import prepared to write: its rows' statements (`send`) and its search documents.
    protocol PreparedChunk: Sendable {
        var search: PackedRows { get }
        /// Sends the chunk's statements; what is left is to seal their rows and record the chunk.
        func send(in tx: WriteTransaction) async throws -> SentChunk
    }

    /// A chunk whose statements are sent (`SentWrite`): what is left is to seal their rows and record the chunk.
    struct SentChunk: Sendable {
        let writes: [SentWrite]
        let subjectType: String, subject: String, payload: [UInt8]
        /// Statements sent after the writes whose rows are not sealed (the chunk's search documents on PostgreSQL):
        /// read when the chunk finishes, so that a failure among them is thrown.
        var following: [PendingRows] = []

        /// The chunk's statements in the order sent.
        var statements: [PendingRows] { writes.map(\.rows) + following }

        func finish(in tx: WriteTransaction) async throws {
            for write in writes { try await write.seal(in: tx) }
            for statement in following { _ = try await statement.rows() }
            tx.record(raw: subjectType, subject, "import", payload)
            try await tx.flushRecord()
        }
    }

    /// Chunks written one ahead: each chunk's statements are sent before the chunk before it is sealed and recorded.
    /// On PostgreSQL the database writes the one while the writer reads and seals the rows of the other; chunk by
    /// chunk, each waited for the other, and the database stood idle a quarter of the import (measured,
    /// BENCHMARKS.md). Statements on one connection run in the order sent, so a chunk's rows still follow the chunk
    /// before, and every chunk's record entries are in the transaction before it commits (`finish`).
    struct OneChunkAhead {
        private var sent: SentChunk?

        /// Takes a chunk just sent and finishes the chunk before. A statement that fails aborts the transaction, and
        /// every statement sent after it fails too ("current transaction is aborted"): the error thrown is the first
        /// failure in the order sent, so a deadlock or a lost connection is reported as itself (and answered as such),
        /// not as what followed it.
        mutating func write(_ chunk: SentChunk, in tx: WriteTransaction) async throws {
            let before = sent
            sent = chunk
            do {
                try await before?.finish(in: tx)
            } catch {
                throw await PendingRows.firstFailure((before?.statements ?? []) + chunk.statements) ?? error
            }
        }

        /// Finishes the last chunk.
        mutating func finish(in tx: WriteTransaction) async throws {
            let last = sent
            sent = nil
            try await last?.finish(in: tx)
        }
    }
}

extension ImportPipeline.PreparedChunk {
    /// Writes the chunk one ahead (`ImportPipeline.OneChunkAhead`), its search documents after its rows.
    func write(
        ahead: inout ImportPipeline.OneChunkAhead, search: inout SearchIndex.Batch, in tx: WriteTransaction
    ) async throws {
        var sent = try await send(in: tx)
        // On PostgreSQL the documents are only sent here, and read with the chunk; on SQLite every statement has run.
        if let documents = try await search.add(self.search, on: tx.sql) { sent.following.append(documents) }
        try await ahead.write(sent, in: tx)
    }
}
