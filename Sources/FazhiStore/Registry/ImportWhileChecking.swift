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

    /// The problems in the order a report lists them.
    static func sorted(_ problems: [ImportProblem]) -> [ImportProblem] {
        problems.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
    }
}

extension RegistryImporter {
    /// A chunk of an officer file checked on the other core: each non-empty row's own checks and its problems with the
    /// store, and the officers of the rows that passed both, prepared to write.
    struct CheckedOfficers: Sendable {
        struct Row: Sendable {
            var own: RegistryTemplates.CheckedRow<RegistryTemplates.OfficerRow>
            /// Its problems with the store (none looked for if its own checks failed).
            let store: [ImportProblem]
            /// Reported if the row fails its own checks or the comparison with the rows before it.
            let unknownBody: ImportProblem?
        }
        let rows: [Row]
        /// The chunk's sheet rows, empty ones included.
        let count: Int
        let prepared: PreparedOfficers?

        init(
            _ indices: ArraySlice<Int>, _ cells: [[String]], _ reader: RowReader, _ store: OfficersInStore,
            _ ids: [UUID]
        ) throws {
            var rows: [Row] = [], ready: [ReadyOfficer] = []
            for i in indices where !RegistryTemplates.isEmptyRow(cells[i]) {
                let own = RegistryTemplates.officerRow(i + 1, cells[i], reader)
                var problems: [ImportProblem] = []
                if let r = own.row, own.problems.isEmpty {
                    switch store.check(i + 1, r, id: ids[i]) {
                    case .success(let officer): ready.append(officer)
                    case .failure(let refused): problems = refused.problems
                    }
                }
                rows.append(Row(own: own, store: problems, unknownBody: store.unknownBody(i + 1, cells[i], reader)))
            }
            self.rows = rows
            count = indices.count
            prepared = ready.isEmpty ? nil : try PreparedOfficers(ready[...])
        }
    }

    /// `officers(…, mode: .all)` of a file with a good header row, checked while it is written.
    static func officersWhileChecking(
        _ cells: [[String]], reader: RowReader, allowed: Set<UUID>?, store: Store, context: ChangeContext, now: Date,
        on db: any Database, progress: Progress?
    ) async throws -> ImportReport {
        let total = cells.count - 1
        do {
            let rows = try await store.write(on: db, context, now: now) { tx in
                let inStore = try await OfficersInStore.read(allowed: allowed, on: tx.db)
                let ids = UUID.timeOrdered(cells.count)
                var seen = RegistryTemplates.OfficerNumbersSeen(capacity: cells.count)
                var problems: [ImportProblem] = [], rows = 0, done = 0
                var search = SearchIndex.Batch(kind: "officer", new: true)
                try await ImportPipeline.run(
                    Array(1..<cells.count), prepare: { try CheckedOfficers($0, cells, reader, inStore, ids) }
                ) { chunk in
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
                    guard problems.isEmpty, let officers = chunk.prepared else { return }
                    try await officers.write(search: &search, in: tx)
                }
                guard problems.isEmpty else {
                    throw ImportWhileChecking.Refused(problems: ImportWhileChecking.sorted(problems), rows: rows)
                }
                try await search.flush(on: tx.sql)
                return rows
            }
            // 100 % once everything is committed (the last search documents, the standby's acknowledgement).
            progress?(total, total)
            return ImportReport(kind: "officers", rows: rows, imported: rows, problems: [])
        } catch let refused as ImportWhileChecking.Refused {
            return ImportReport(kind: "officers", rows: refused.rows, imported: 0, problems: refused.problems)
        }
    }
}
