import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// Records made before Fazhi brought in as cases (规范性文件 issued before it, …): each row a new case opened and given its
/// registering step, checked by the engine exactly as `CaseStore.open` + `take` would and written as they write — the
/// case row with its seal, the step, its deadlines, the year figures, the module's projection and the two record entries
/// — but in multi-row statements, so tens of thousands of rows go in per second. All or nothing: any refused row means
/// nothing is written, and every refusal is returned with its row.
public enum CaseImport {
    public struct Refusal: Error, Sendable {
        /// Row index (0-based) → why the engine refused it.
        public let rows: [Int: DomainError]
    }

    /// Why the engine would refuse each of these rows (row index → refusal); empty when every row would pass.
    public static func check(
        _ def: ProcedureDefinition, action actionID: String, bodyID: UUID, rows: [Int: Facts], actor: ProcedureActor,
        date: CivilDate, today: CivilDate, calendar: DeadlineCalculator, settings: ProcedureSettings,
        on db: any Database
    ) async throws -> [Int: DomainError] {
        let (_, refused) = try await run(
            def, action: actionID, bodyID: bodyID, rows: rows.sorted { $0.key < $1.key }, actor: actor, date: date,
            today: today, calendar: calendar, settings: settings, on: db)
        return refused
    }

    static func run(
        _ def: ProcedureDefinition, action actionID: String, bodyID: UUID, rows: [(key: Int, value: Facts)],
        actor: ProcedureActor, date: CivilDate, today: CivilDate, calendar: DeadlineCalculator,
        settings: ProcedureSettings, on db: any Database
    ) async throws -> ([(opened: CaseFile, t: CaseTransition)], [Int: DomainError]) {
        guard let action = def.action(actionID), action.lookups.isEmpty, def.kind != .enforcement else {
            throw DomainError.invalid(field: "action", message: "该步骤不能批量导入")
        }
        let template = ProcedureEngine.start(def, bodyID: bodyID)
        let external = try await CaseStore.externalFacts(template, on: date, db: db)
        var transitions: [(opened: CaseFile, t: CaseTransition)] = []
        var refused: [Int: DomainError] = [:]
        for (i, inputs) in rows {
            let opened = ProcedureEngine.start(def, bodyID: bodyID)
            do {
                let t = try ProcedureEngine.apply(
                    def, to: opened, action: actionID, expectedVersion: 0, inputs: inputs, external: external,
                    officers: [], actor: actor, date: date, today: today, calendar: calendar, settings: settings)
                transitions.append((opened, t))
            } catch let e as DomainError {
                refused[i] = e
            } catch let e as CalendarError {
                refused[i] = .invalid(field: "date", message: e.description)
            }
        }
        return (transitions, refused)
    }

    public static func importMany(
        _ def: ProcedureDefinition, action actionID: String, bodyID: UUID, rows: [Facts], actor: ProcedureActor,
        date: CivilDate, today: CivilDate, calendar: DeadlineCalculator, settings: ProcedureSettings,
        in tx: WriteTransaction
    ) async throws -> [CaseFile] {
        let (transitions, refused) = try await run(
            def, action: actionID, bodyID: bodyID, rows: Array(rows.enumerated().map { ($0.offset, $0.element) }),
            actor: actor, date: date, today: today, calendar: calendar, settings: settings, on: tx.db)
        guard refused.isEmpty else { throw Refusal(rows: refused) }
        let numbers = try await reserveNumbers(def, bodyID: bodyID, count: transitions.count, year: today.year, in: tx)
        let openedOn = today.description
        // Each row's columns, step, deadlines, figures and record payloads, encoded on every core.
        let prepared = try await prepare(
            Array(zip(transitions, numbers)), def: def, bodyID: bodyID, openedOn: openedOn)
        var cases: [[SQLBind]] = [], steps: [[SQLBind]] = [], deadlines: [[SQLBind]] = [], members: [[SQLBind]] = []
        var sums: [String: (year: Int, figure: String, n: Int)] = [:]
        for p in prepared {
            cases.append(p.caseRow)
            steps.append(p.stepRow)
            deadlines += p.deadlines
            members += p.members.map(\.row)
            for m in p.members { sums["\(m.year)|\(m.figure)", default: (m.year, m.figure, 0)].n += 1 }
            tx.record(raw: "case", p.id.uuidString, "open", p.openPayload)
            tx.record(raw: "case", p.id.uuidString, p.action, p.stepPayload)
        }
        let sql = tx.sql
        try await insert(
            sql, "cases",
            [
                "id", "procedure", "definition_version", "body_id", "number", "state", "version", "party_name",
                "power_item_code", "opened_on", "decided_on", "closed_on", "outcome", "fine", "content",
                "legally_reviewed", "heard", "decision_due", "handling_days",
            ], cases)
        try await insert(sql, "case_steps", ["case_id", "seq", "action", "taken_on", "actor_id", "content"], steps)
        try await insert(
            sql, "case_deadlines",
            ["case_id", "key", "name", "due", "article", "running", "body_id", "procedure", "case_number"], deadlines)
        try await insert(
            sql, "case_figure_members", ["case_id", "figure", "procedure", "year", "body_id", "opened_on", "grp"],
            members)
        for s in sums.values {
            try await sql.raw(
                """
                INSERT INTO case_year_figures (procedure, year, figure, body_id, n) VALUES (\(bind: def.id), \(bind: s.year), \(bind: s.figure), \(bind: bodyID.uuidString), \(bind: s.n))
                ON CONFLICT (procedure, year, figure, body_id) DO UPDATE SET n = case_year_figures.n + excluded.n
                """
            ).run()
        }
        let files = transitions.map(\.t.file)
        try await OfficerActivity.note(files.flatMap(\.steps), on: sql)
        try await CaseProjections.applyMany(files, settings: settings, in: tx)
        return files
    }

    /// One row made ready to write.
    struct Prepared: Sendable {
        let id: UUID
        let action: String
        let caseRow: [SQLBind]
        let stepRow: [SQLBind]
        let deadlines: [[SQLBind]]
        let members: [(year: Int, figure: String, row: [SQLBind])]
        let openPayload: [UInt8]
        let stepPayload: [UInt8]
    }

    static func prepare(
        _ items: [((opened: CaseFile, t: CaseTransition), String)], def: ProcedureDefinition, bodyID: UUID,
        openedOn: String
    ) async throws -> [Prepared] {
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, items.count / 500))
        let size = (items.count + parts - 1) / max(parts, 1)
        return try await withThrowingTaskGroup(of: (Int, [Prepared]).self) { group in
            for (k, start) in stride(from: 0, to: items.count, by: max(size, 1)).enumerated() {
                let slice = Array(items[start..<min(start + size, items.count)])
                group.addTask {
                    (k, try slice.map { try prepare($0.0.opened, $0.0.t, number: $0.1, def, bodyID, openedOn) })
                }
            }
            var out: [(Int, [Prepared])] = []
            for try await r in group { out.append(r) }
            return out.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }

    static func prepare(
        _ opened: CaseFile, _ t: CaseTransition, number: String, _ def: ProcedureDefinition, _ bodyID: UUID,
        _ openedOn: String
    ) throws -> Prepared {
        let f = t.file
        let row = try CaseRow(t, def: def, number: number, openedOn: openedOn)
        var members: [(Int, String, [SQLBind])] = []
        if let stats = def.statistics, let m = stats.memberships(f) {
            for figure in m.figures {
                members.append(
                    (
                        m.year, figure,
                        [
                            SQLBind(f.id), SQLBind(figure), SQLBind(def.id), SQLBind(m.year),
                            SQLBind(bodyID.uuidString), SQLBind(openedOn), SQLBind(stats.group(f)),
                        ]
                    ))
            }
        }
        let open: [String: String] = [
            "procedure": def.id, "definitionVersion": String(def.version), "body": bodyID.uuidString, "number": number,
            "seal": StateAudit.caseSeal(
                content: try StoreJSON.encode(opened), number: number, state: opened.state, fine: nil, outcome: nil,
                decidedOn: nil, party: "", powerItemCode: ""),
        ]
        return Prepared(
            id: f.id, action: t.step.action,
            caseRow: [
                SQLBind(f.id), SQLBind(def.id), SQLBind(def.version), SQLBind(bodyID), SQLBind(number),
                SQLBind(f.state),
                SQLBind(f.version), SQLBind(row.party), SQLBind(row.powerItemCode), SQLBind(openedOn),
                SQLBind(row.decidedOn), SQLBind(row.closedOn), SQLBind(row.outcome), SQLBind(row.fine),
                SQLBind(row.content), SQLBind(row.figures.legallyReviewed), SQLBind(row.figures.heard),
                SQLBind(row.figures.decisionDue), SQLBind(row.figures.handlingDays),
            ],
            stepRow: [
                SQLBind(f.id), SQLBind(f.steps.count), SQLBind(t.step.action), SQLBind(t.step.on.description),
                SQLBind(t.step.actorID), SQLBind(try StoreJSON.encode(t.step)),
            ],
            deadlines: f.deadlines.map { d in
                [
                    SQLBind(f.id), SQLBind(d.key), SQLBind(d.name), SQLBind(d.deadline.due.description),
                    SQLBind(d.deadline.article ?? ""), SQLBind(d.isRunning), SQLBind(bodyID.uuidString),
                    SQLBind(def.id), SQLBind(number),
                ]
            },
            members: members, openPayload: try CanonicalJSON.encode(open),
            stepPayload: try CanonicalJSON.encode(CaseStore.stepPayload(t, def: def, seal: row.seal)))
    }

    /// `count` consecutive case numbers of the body's series this year (one sequence update), skipping any already used.
    static func reserveNumbers(
        _ def: ProcedureDefinition, bodyID: UUID, count: Int, year: Int, in tx: WriteTransaction
    ) async throws -> [String] {
        guard count > 0 else { return [] }
        guard let issuer = try await CaseStore.issuerName(def.numbering.issuer, of: bodyID, on: tx.db) else {
            throw DomainError.invalid(field: "bodyId", message: "该单位不存在")
        }
        let prefix = DocumentNumber.prefix(organisationName: issuer), kind = def.numbering.kind
        var out: [String] = []
        while out.count < count {
            let need = count - out.count
            let first = try await CaseStore.nextNumber(prefix: prefix, year: year, kind: kind, in: tx)
            if need > 1 {
                try await tx.sql.raw(
                    "UPDATE document_sequences SET last = last + \(bind: need - 1) WHERE prefix = \(bind: prefix) AND year = \(bind: year) AND kind = \(bind: kind)"
                ).run()
            }
            let drawn = (first..<(first + need)).map {
                DocumentNumber.format(prefix: prefix, kind: kind, year: year, number: $0)
            }
            var taken: Set<String> = []
            for chunk in drawn.chunked(500) {
                for r in try await tx.sql.raw(
                    "SELECT number FROM cases WHERE number IN \(SQLGroupExpression(chunk.map { SQLBind($0) }))"
                ).all() {
                    taken.insert(try r.decode(column: "number", as: String.self))
                }
            }
            out += drawn.filter { !taken.contains($0) }
        }
        return out
    }

    static func insert(_ sql: any SQLDatabase, _ table: String, _ cols: [String], _ rows: [[SQLBind]]) async throws {
        // SQLite allows 32,766 bound values per statement.
        let chunk = max(1, 30_000 / max(1, cols.count))
        for part in rows.chunked(chunk) {
            let ins = sql.insert(into: table).columns(cols)
            for r in part { ins.values(r.map { $0 as any SQLExpression }) }
            try await ins.run()
        }
    }
}
