import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// The outcome of an import: every problem found (row, column, why) and what was written.
public struct ImportReport: Codable, Sendable {
    public var kind: String
    public var rows: Int
    public var imported: Int
    public var problems: [ImportProblem]
    /// Rows with at least one problem.
    public var badRows: Int { Set(problems.map(\.row)).count }
}

/// How an import treats bad rows. The default refuses the whole file if any row is bad (nothing half-imported).
public enum ImportMode: String, Codable, Sendable, CaseIterable {
    /// Check only; write nothing.
    case check
    /// Write everything, or nothing if any row is bad.
    case all
    /// Write the rows that passed; report the others.
    case validRows = "valid_rows"
}

/// Imports of 执法人员、权责清单、裁量基准 from rows of cells (read from .xlsx or CSV by the caller). Every row is
/// checked first, against the template and against what is stored; then the rows are written in one transaction.
public enum RegistryImporter {
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    static func bodyNames(on db: any Database) async throws -> [String: UUID] {
        var out: [String: UUID] = [:]
        for b in try await EnforcementBodies.all(on: db) { out[b.organisationName] = b.organisationId }
        return out
    }

    /// Rows that failed the template checks still get their body name checked, so one report lists every problem.
    static func unknownBodies(
        _ cells: [[String]], rows: Set<Int>, column: String, template: ImportTemplate, bodies: [String: UUID]
    ) -> [ImportProblem] {
        guard let header = cells.first else { return [] }
        let reader = RowReader(template: template, header: header)
        return rows.sorted().compactMap { r in
            guard r >= 2, r - 1 < cells.count else { return nil }
            return unknownBody(r, cells[r - 1], reader, column: column, bodies: bodies)
        }
    }

    /// The problem of a row whose body name (in `column`) is neither empty nor a registered body.
    static func unknownBody(
        _ rowNumber: Int, _ cells: [String], _ reader: RowReader, column: String, bodies: [String: UUID]
    ) -> ImportProblem? {
        let name = reader.cell(cells, column)
        return name.isEmpty || bodies[name] != nil
            ? nil : ImportProblem(row: rowNumber, column: column, message: "“\(name)”不是已登记的执法主体")
    }

    /// The reader of a file an all-or-nothing import checks as it writes it: one with a good header and rows to write
    /// (not a header alone, nor blank rows — nothing to write, no write made).
    static func readerWhileChecking(_ cells: [[String]], _ mode: ImportMode, _ template: ImportTemplate) -> RowReader? {
        guard mode == .all, cells.dropFirst().contains(where: { !RegistryTemplates.isEmptyRow($0) }) else { return nil }
        let reader = RowReader(template: template, header: cells[0])
        return reader.headerProblems.isEmpty ? reader : nil
    }

    /// Organisations the importing user may write for (nil = any).
    public static func officers(
        _ cells: consuming [[String]], mode: ImportMode, allowed: Set<UUID>?, store: Store, context: ChangeContext,
        now: Date = Date(),
        on db: any Database, progress: Progress? = nil
    ) async throws -> ImportReport {
        if let reader = readerWhileChecking(cells, mode, RegistryTemplates.officers) {
            return try await officersWhileChecking(
                cells, reader: reader, allowed: allowed, store: store, context: context, now: now, on: db,
                progress: progress)
        }
        let (ready, problems, rowCount) = try await checkOfficers(cells, allowed: allowed, on: db)
        var report = ImportReport(kind: "officers", rows: rowCount, imported: 0, problems: problems)
        guard mode == .validRows || (mode == .all && problems.isEmpty) else { return report }
        guard !ready.isEmpty else { return report }
        let total = ready.count
        try await store.write(on: db, context, now: now) { tx in
            var done = 0
            var search = SearchIndex.Batch(kind: "officer", new: true)
            let format = RowsFormat(for: tx.sql)
            var ahead = ImportPipeline.OneChunkAhead()
            try await ImportPipeline.run(ready, prepare: { try PreparedOfficers($0, format: format) }) { chunk in
                try await chunk.write(ahead: &ahead, search: &search, in: tx)
                done += chunk.rows.count
                if done < total { progress?(done, total) }
            }
            try await ahead.finish(in: tx)
            try await search.flush(on: tx.sql)
        }
        // 100 % once everything is committed (the last search documents, the standby's acknowledgement).
        progress?(total, total)
        report.imported = total
        return report
    }

    typealias ReadyOfficer = (row: Int, id: UUID, input: OfficerInput, bodyName: String, training: (Int, Double)?)

    /// A chunk of checked officers with what does not need the database worked out (on another core).
    struct PreparedOfficers: ImportPipeline.PreparedChunk {
        let rows: ArraySlice<ReadyOfficer>
        /// The rows as `Officers.columns`, their training hours as `Officers.trainingColumns` (of `trained`), their
        /// search documents as `SearchIndex.rows`.
        let officers: PackedRows, training: PackedRows, trained: [UUID], search: PackedRows
        /// The chunk's record entry: each row as imported (the ID number as its SHA-256).
        let payload: [UInt8]
        var subject: String { rows.first?.id.uuidText ?? "" }

        struct Entry: CanonicalJSONWritable {
            let id: UUID; let row: Int; let officer: OfficerInput; let trainingYear: Int?; let trainingHours: Double?

            func write(to json: inout CanonicalJSONWriter) throws {
                json.openObject()
                json.field("id", id)
                try json.field("officer", officer)
                json.field("row", row)
                try json.field("trainingHours", trainingHours)
                json.field("trainingYear", trainingYear)
                json.closeObject()
            }
        }

        /// Sends the chunk's officers and training hours; what is left is to seal and record them.
        func send(in tx: WriteTransaction) async throws -> ImportPipeline.SentChunk {
            var writes = [
                SentWrite(table: .officers, rows: try await Officers.sendInsert(rows: officers, in: tx), seals: nil)
            ]
            if !trained.isEmpty {
                let hours = try await Officers.sendNewTraining(rows: training, in: tx)
                writes.append(SentWrite(table: .officerTraining, rows: hours, seals: nil))
            }
            return .init(writes: writes, subjectType: "officer_import", subject: subject, payload: payload)
        }

        init(_ rows: ArraySlice<ReadyOfficer>, format: RowsFormat) throws {
            self.rows = rows
            officers = try Officers.rows(rows.map { ($0.id, $0.input) }, format)
            let hours = rows.compactMap { r in r.training.map { (r.id, $0.0, $0.1) } }
            training = try Officers.trainingRows(hours, format)
            trained = hours.map(\.0)
            search = try SearchIndex.rows(
                rows.map {
                    SearchIndex.indexed($0.id.uuidText, text: Officers.searchText($0.input, bodyName: $0.bodyName))
                }, format)
            payload = try CanonicalJSON.encode(
                rows.map {
                    Entry(
                        id: $0.id, row: $0.row, officer: $0.input.recordForm, trainingYear: $0.training?.0,
                        trainingHours: $0.training?.1)
                })
        }
    }

    /// Every row checked against the template and the store; the parsed rows are dropped on return, so only the
    /// rows to write stay in memory while they are written.
    static func checkOfficers(
        _ cells: [[String]], allowed: Set<UUID>?, on db: any Database
    ) async throws -> ([ReadyOfficer], [ImportProblem], Int) {
        let (parsed, parseProblems) = RegistryTemplates.officerRows(cells)
        let store = try await OfficersInStore.read(allowed: allowed, on: db)
        var problems =
            parseProblems
            + unknownBodies(
                cells, rows: Set(parseProblems.map(\.row)), column: "执法主体", template: RegistryTemplates.officers,
                bodies: store.bodies)
        var ready: [ReadyOfficer] = []
        let ids = UUID.timeOrdered(parsed.count)
        for (k, (rowNumber, r)) in parsed.enumerated() {
            switch store.check(rowNumber, r, id: ids[k]) {
            case .success(let officer): ready.append(officer)
            case .failure(let refused): problems += refused.problems
            }
        }
        problems.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        return (ready, problems, parsed.count + Set(parseProblems.map(\.row)).count)
    }

    public static func powerList(
        _ cells: consuming [[String]], mode: ImportMode, allowed: Set<UUID>?, store: Store, context: ChangeContext,
        now: Date = Date(),
        on db: any Database, progress: Progress? = nil
    ) async throws -> ImportReport {
        if let reader = readerWhileChecking(cells, mode, RegistryTemplates.powerList) {
            return try await powerListWhileChecking(
                cells, reader: reader, allowed: allowed, store: store, context: context, now: now, on: db,
                progress: progress)
        }
        let (parsed, parseProblems) = RegistryTemplates.powerRows(cells)
        let list = try await PowerListInStore.read(allowed: allowed, on: db)
        var problems =
            parseProblems
            + unknownBodies(
                cells, rows: Set(parseProblems.map(\.row)), column: "实施主体", template: RegistryTemplates.powerList,
                bodies: list.bodies)
        var ready: [ReadyAdjustment] = []
        let newIDs = UUID.timeOrdered(parsed.count)
        for (n, (rowNumber, r)) in parsed.enumerated() {
            switch list.check(rowNumber, r, newID: newIDs[n]) {
            case .success(let adjustment): ready.append(adjustment)
            case .failure(let refused): problems += refused.problems
            }
        }
        problems.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        var report = ImportReport(
            kind: "power-list", rows: parsed.count + Set(parseProblems.map(\.row)).count, imported: 0,
            problems: problems)
        guard mode == .validRows || (mode == .all && problems.isEmpty) else { return report }
        guard !ready.isEmpty else { return report }
        let total = ready.count
        let batch = ready
        let allNew = batch.allSatisfy(\.isNew)
        try await store.write(on: db, context, now: now) { tx in
            var done = 0
            var search = SearchIndex.Batch(kind: "power", new: allNew)
            let format = RowsFormat(for: tx.sql)
            var ahead = ImportPipeline.OneChunkAhead()
            try await ImportPipeline.run(batch, prepare: { try PreparedAdjustments($0, format: format) }) { chunk in
                try await chunk.write(ahead: &ahead, search: &search, in: tx)
                done += chunk.rows.count
                if done < total { progress?(done, total) }
            }
            try await ahead.finish(in: tx)
            try await search.flush(on: tx.sql)
        }
        // 100 % once everything is committed (the last search documents, the standby's acknowledgement).
        progress?(total, total)
        report.imported = total
        return report
    }

    typealias ReadyAdjustment = (row: Int, id: UUID, adj: PowerAdjustment, isNew: Bool, bodyName: String)

    /// A chunk of checked 权责清单 adjustments with what does not need the database worked out (on another core).
    struct PreparedAdjustments: ImportPipeline.PreparedChunk {
        let rows: ArraySlice<ReadyAdjustment>
        /// The rows of the statements that write the chunk's items and adjustments.
        let batch: PowerListStore.Batch
        /// The search documents as `SearchIndex.rows`.
        let search: PackedRows
        let payload: [UInt8]
        var subject: String { rows.first?.adj.content.code ?? "" }

        struct Entry: CanonicalJSONWritable {
            let row: Int; let adjustment: PowerAdjustment

            func write(to json: inout CanonicalJSONWriter) throws {
                json.openObject()
                try json.field("adjustment", adjustment)
                json.field("row", row)
                json.closeObject()
            }
        }

        /// Sends the chunk's items and adjustments; what is left is to seal and record them.
        func send(in tx: WriteTransaction) async throws -> ImportPipeline.SentChunk {
            let writes = try await PowerListStore.send(batch, on: tx.sql, sealing: true)
            return .init(writes: writes, subjectType: "power_list_import", subject: subject, payload: payload)
        }

        init(_ rows: ArraySlice<ReadyAdjustment>, format: RowsFormat) throws {
            self.rows = rows
            batch = try PowerListStore.Batch(
                rows.map { ($0.id, $0.adj, $0.isNew) }, format: format, sealingNewRows: true)
            search = try SearchIndex.rows(
                rows.map {
                    SearchIndex.indexed(
                        $0.adj.content.code,
                        text: PowerListStore.searchText($0.adj.content, organisationName: $0.bodyName))
                }, format)
            payload = try CanonicalJSON.encode(rows.map { Entry(row: $0.row, adjustment: $0.adj) })
        }
    }

    public static func benchmarks(
        _ cells: [[String]], mode: ImportMode, store: Store, context: ChangeContext, now: Date = Date(),
        on db: any Database, progress: Progress? = nil
    ) async throws -> ImportReport {
        let (parsed, parseProblems) = RegistryTemplates.benchmarkRows(cells)
        var problems = parseProblems
        let sql = db as! any SQLDatabase
        var types: [String: String] = [:]
        for r in try await sql.raw("SELECT code, type FROM power_items").all() {
            types[try r.decode(column: "code", as: String.self)] = try r.decode(column: "type", as: String.self)
        }
        var ready: [RegistryTemplates.BenchmarkRows] = []
        for g in parsed {
            switch types[g.benchmark.powerItemCode] {
            case nil:
                problems.append(
                    ImportProblem(row: g.firstRow, column: "事项编码", message: "权责清单中没有事项 \(g.benchmark.powerItemCode)"))
            case PowerType.penalty.rawValue?: ready.append(g)
            default:
                problems.append(
                    ImportProblem(row: g.firstRow, column: "事项编码", message: "事项 \(g.benchmark.powerItemCode) 不是行政处罚事项"))
            }
        }
        problems.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        let rowCount = max(0, cells.count - 1)
        var report = ImportReport(kind: "benchmarks", rows: rowCount, imported: 0, problems: problems)
        guard mode == .validRows || (mode == .all && problems.isEmpty) else { return report }
        guard !ready.isEmpty else { return report }
        let batch = ready
        try await store.write(on: db, context, now: now) { tx in
            _ = try await Benchmarks.saveMany(batch.map { ($0.benchmark, $0.effectiveOn) }, in: tx)
            progress?(batch.count, batch.count)
        }
        report.imported = ready.count
        return report
    }
}
