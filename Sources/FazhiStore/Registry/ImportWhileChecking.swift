import FazhiCore
import FluentKit
import Foundation

/// An all-or-nothing import (`ImportMode.all`) whose rows are checked while the rows before them are written: each
/// chunk is checked — its rows' own checks, against the store, against the rows before it — on the other core while the
/// chunk before it is written, all in the import's one transaction, which is rolled back once every row is checked if
/// any had a problem. The report is the one checking first gives (`ImportWhileCheckingTests`) and nothing is
/// half-imported; the checks no longer take a second or so of their own before a 100,000-row import starts writing.
/// The price: a file with a bad row holds the write lock while it is checked (seconds for 100,000 rows).
enum ImportWhileChecking {
    /// Rolls the import's transaction back: the file's rows had these problems.
    struct Refused: Error {
        let problems: [ImportProblem]
        let rows: Int
    }

    /// A chunk of a file checked on the other core: each non-empty row's own checks and its problems with the store,
    /// and the rows that passed both, prepared to write.
    struct Chunk<Row: Sendable, Prepared: Sendable>: Sendable {
        struct Checked: Sendable {
            var own: RegistryTemplates.CheckedRow<Row>
            /// Its problems with the store (none looked for if its own checks failed).
            let store: [ImportProblem]
            /// Reported if the row fails its own checks or the comparison with the rows before it.
            let unknownBody: ImportProblem?
        }
        let rows: [Checked]
        /// The chunk's sheet rows, empty ones included.
        let count: Int
        let prepared: Prepared?

        /// Checks the rows of `cells` at `indices` (row number = index + 1): `own`, then for a row that passed,
        /// `store` (the row to write, given its index, or its problems); `prepare` makes the rows to write into
        /// what the writer writes.
        init<Ready>(
            _ indices: ArraySlice<Int>, _ cells: [[String]], own: (Int, [String]) -> RegistryTemplates.CheckedRow<Row>,
            store: (Int, Row) -> Result<Ready, RowRefused>, unknownBody: (Int, [String]) -> ImportProblem?,
            prepare: (ArraySlice<Ready>) throws -> Prepared
        ) throws {
            var rows: [Checked] = [], ready: [Ready] = []
            for i in indices where !RegistryTemplates.isEmptyRow(cells[i]) {
                let checked = own(i + 1, cells[i])
                var problems: [ImportProblem] = []
                if let row = checked.row, checked.problems.isEmpty {
                    switch store(i, row) {
                    case .success(let r): ready.append(r)
                    case .failure(let refused): problems = refused.problems
                    }
                }
                rows.append(Checked(own: checked, store: problems, unknownBody: unknownBody(i + 1, cells[i])))
            }
            self.rows = rows
            count = indices.count
            // A chunk with a refused row is never written: not prepared either.
            let refused = rows.contains { !$0.own.problems.isEmpty || !$0.store.isEmpty }
            prepared = ready.isEmpty || refused ? nil : try prepare(ready[...])
        }
    }

    /// Checks each chunk of `cells` (after the header) with `check` on the other core, compares its rows with the rows
    /// before (`seen`) in order, and has `write` write it while no row has been refused. Returns the rows imported, or
    /// throws `Refused` once every row is checked if any was.
    static func run<Seen: RowsSeen, Prepared: Sendable>(
        _ cells: [[String]], seen: Seen,
        check: @escaping @Sendable (ArraySlice<Int>) throws -> Chunk<Seen.Row, Prepared>,
        progress: RegistryImporter.Progress?, write: (Prepared) async throws -> Void
    ) async throws -> Int {
        let total = cells.count - 1
        var seen = seen
        var problems: [ImportProblem] = [], rows = 0, done = 0
        try await ImportPipeline.run(Array(1..<cells.count), prepare: check) { chunk in
            for var row in chunk.rows {
                rows += 1
                seen.compare(&row.own)
                if row.own.problems.isEmpty {
                    problems += row.store
                } else {
                    problems += row.own.problems
                    if let unknown = row.unknownBody { problems.append(unknown) }
                }
            }
            done += chunk.count
            if done < total { progress?(done, total) }
            // Once a row is refused nothing more is written: the transaction is rolled back at the end.
            guard problems.isEmpty, let prepared = chunk.prepared else { return }
            try await write(prepared)
        }
        guard problems.isEmpty else {
            throw Refused(problems: problems.sorted { ($0.row, $0.column) < ($1.row, $1.column) }, rows: rows)
        }
        return rows
    }

    /// `run` in a write transaction of its own, as an import's report.
    static func report(
        kind: String, _ cells: [[String]], store: Store, context: ChangeContext, now: Date,
        on db: any Database, progress: RegistryImporter.Progress?,
        _ body: @escaping @Sendable (WriteTransaction) async throws -> Int
    ) async throws -> ImportReport {
        do {
            let rows = try await store.write(on: db, context, now: now, body)
            // 100 % once everything is committed (the last search documents, the standby's acknowledgement).
            progress?(cells.count - 1, cells.count - 1)
            return ImportReport(kind: kind, rows: rows, imported: rows, problems: [])
        } catch let refused as Refused {
            return ImportReport(kind: kind, rows: refused.rows, imported: 0, problems: refused.problems)
        }
    }
}

/// A row's problems with the store.
struct RowRefused: Error { let problems: [ImportProblem] }

/// What compares a file's rows with the rows before them (duplicate numbers or codes).
protocol RowsSeen: Sendable {
    associatedtype Row: Sendable
    mutating func compare(_ r: inout RegistryTemplates.CheckedRow<Row>)
}

extension RegistryTemplates.OfficerNumbersSeen: RowsSeen {}
extension RegistryTemplates.PowerCodesSeen: RowsSeen {}

extension RegistryImporter {
    /// `officers(…, mode: .all)` of a file with a good header row, checked while it is written.
    static func officersWhileChecking(
        _ cells: [[String]], reader: RowReader, allowed: Set<UUID>?, store: Store, context: ChangeContext, now: Date,
        on db: any Database, progress: Progress?
    ) async throws -> ImportReport {
        let seen = RegistryTemplates.OfficerNumbersSeen(capacity: cells.count)
        return try await ImportWhileChecking.report(
            kind: "officers", cells, store: store, context: context, now: now, on: db, progress: progress
        ) { tx in
            let officers = try await OfficersInStore.read(allowed: allowed, on: tx.db)
            let format = RowsFormat(for: tx.sql)
            let ids = UUID.timeOrdered(cells.count)
            var search = SearchIndex.Batch(kind: "officer", new: true)
            var ahead = ImportPipeline.OneChunkAhead()
            let rows = try await ImportWhileChecking.run(
                cells, seen: seen,
                check: { indices in
                    try ImportWhileChecking.Chunk(
                        indices, cells, own: { RegistryTemplates.officerRow($0, $1, reader) },
                        store: { officers.check($0 + 1, $1, id: ids[$0]) },
                        unknownBody: { officers.unknownBody($0, $1, reader) },
                        prepare: { try PreparedOfficers($0, format: format) })
                }, progress: progress
            ) { try await $0.write(ahead: &ahead, search: &search, in: tx) }
            try await ahead.finish(in: tx)
            try await search.flush(on: tx.sql)
            return rows
        }
    }

    /// `powerList(…, mode: .all)` of a file with a good header row, checked while it is written.
    static func powerListWhileChecking(
        _ cells: [[String]], reader: RowReader, allowed: Set<UUID>?, store: Store, context: ChangeContext, now: Date,
        on db: any Database, progress: Progress?
    ) async throws -> ImportReport {
        let seen = RegistryTemplates.PowerCodesSeen(capacity: cells.count)
        return try await ImportWhileChecking.report(
            kind: "power-list", cells, store: store, context: context, now: now, on: db, progress: progress
        ) { tx in
            let list = try await PowerListInStore.read(allowed: allowed, on: tx.db)
            let format = RowsFormat(for: tx.sql)
            let ids = UUID.timeOrdered(cells.count)
            // Whether every row is a new item (its search document is then added without looking for an old one).
            let allNew = !cells.dropFirst().contains { !RegistryTemplates.isEmptyRow($0) && list.isStored($0, reader) }
            var search = SearchIndex.Batch(kind: "power", new: allNew)
            var ahead = ImportPipeline.OneChunkAhead()
            let rows = try await ImportWhileChecking.run(
                cells, seen: seen,
                check: { indices in
                    try ImportWhileChecking.Chunk(
                        indices, cells, own: { RegistryTemplates.powerRow($0, $1, reader) },
                        store: { list.check($0 + 1, $1, newID: ids[$0]) },
                        unknownBody: { list.unknownBody($0, $1, reader) },
                        prepare: { try PreparedAdjustments($0, format: format) })
                }, progress: progress
            ) { try await $0.write(ahead: &ahead, search: &search, in: tx) }
            try await ahead.finish(in: tx)
            try await search.flush(on: tx.sql)
            return rows
        }
    }
}
