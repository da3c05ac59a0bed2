import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// The kept yearly figures (M013) of procedures that declare `statistics`: a case's memberships out and in as it changes,
/// in the step's transaction; read back as a year's tally (all readable bodies, or by body) and as the cases of a figure.
public enum YearFigures {
    /// Moves a case's memberships from what it counted in before the step to what it counts in after.
    static func change(
        _ stats: ProcedureStatistics, from old: CaseFile?, to new: CaseFile, openedOn: String, on sql: any SQLDatabase
    ) async throws {
        let before = old.flatMap(stats.memberships), after = stats.memberships(new)
        let body = new.bodyID.uuidString, procedure = new.procedure, group = stats.group(new)
        var removed: [(Int, String)] = [], added: [(Int, String)] = []
        if let before {
            for f in before.figures where before.year != after?.year || !(after?.figures.contains(f) ?? false) {
                removed.append((before.year, f))
            }
        }
        if let after {
            for f in after.figures where before?.year != after.year || !(before?.figures.contains(f) ?? false) {
                added.append((after.year, f))
            }
        }
        if !removed.isEmpty {
            try await sql.delete(from: "case_figure_members").where("case_id", .equal, SQLBind(new.id))
                .where("figure", .in, SQLBind.group(removed.map(\.1))).run()
        }
        if !added.isEmpty {
            var ins = sql.insert(into: "case_figure_members").columns(
                "case_id", "figure", "procedure", "year", "body_id", "opened_on", "grp")
            for (y, f) in added {
                ins = ins.values(
                    SQLBind(new.id), SQLBind(f), SQLBind(procedure), SQLBind(y), SQLBind(body), SQLBind(openedOn),
                    SQLBind(group))
            }
            try await ins.run()
        }
        // A case whose group changed (a 被申请人 named later) moves its kept memberships with it.
        if let old, before != nil, stats.group(old) != group {
            try await sql.update("case_figure_members").set("grp", to: SQLBind(group))
                .where("case_id", .equal, SQLBind(new.id)).run()
        }
        for (delta, list) in [(-1, removed), (1, added)] {
            for (y, f) in list {
                try await sql.raw(
                    """
                    INSERT INTO case_year_figures (procedure, year, figure, body_id, n) VALUES (\(bind: procedure), \(bind: y), \(bind: f), \(bind: body), \(bind: delta))
                    ON CONFLICT (procedure, year, figure, body_id) DO UPDATE SET n = case_year_figures.n + excluded.n
                    """
                ).run()
            }
        }
    }

    /// A year's figures over the given bodies (summed in the database: one row per figure comes back).
    public static func tally(
        _ def: ProcedureDefinition, year: Int, bodies: Set<UUID>, on db: any Database
    ) async throws -> FigureTally? {
        guard let stats = def.statistics else { return nil }
        guard !bodies.isEmpty else { return FigureTally(year: year, counts: [:], statistics: stats) }
        var counts: [String: Int] = [:]
        for r in try await (db as! any SQLDatabase).raw(
            """
            SELECT figure, SUM(n) AS n FROM case_year_figures WHERE procedure = \(bind: def.id) AND year = \(bind: year)
            AND body_id IN \(SQLGroupExpression(bodies.map { SQLBind($0.uuidString) })) GROUP BY figure
            """
        ).all() {
            counts[try r.decode(column: "figure", as: String.self)] = try r.decode(column: "n", as: Int.self)
        }
        return FigureTally(year: year, counts: counts, statistics: stats)
    }

    /// A year's figures for each body that has any.
    public static func byBody(
        _ def: ProcedureDefinition, year: Int, bodies: Set<UUID>, on db: any Database
    ) async throws -> [UUID: FigureTally] {
        guard let stats = def.statistics else { return [:] }
        var counts: [UUID: [String: Int]] = [:]
        for (body, figure, n) in try await rows(def.id, year: year, bodies: bodies, on: db) {
            counts[body, default: [:]][figure, default: 0] += n
        }
        return counts.mapValues { FigureTally(year: year, counts: $0, statistics: stats) }
    }

    static func rows(
        _ procedure: String, year: Int, bodies: Set<UUID>, on db: any Database
    ) async throws -> [(UUID, String, Int)] {
        guard !bodies.isEmpty else { return [] }
        return try await (db as! any SQLDatabase).raw(
            """
            SELECT body_id, figure, n FROM case_year_figures WHERE procedure = \(bind: procedure) AND year = \(bind: year)
            AND body_id IN \(SQLGroupExpression(bodies.map { SQLBind($0.uuidString) })) AND n <> 0
            """
        ).all().compactMap { r in
            guard let body = UUID(uuidString: try r.decode(column: "body_id", as: String.self)) else { return nil }
            return (body, try r.decode(column: "figure", as: String.self), try r.decode(column: "n", as: Int.self))
        }
    }

    /// A year's figures by the procedure's second dimension (`ProcedureStatistics.grouping`), over the given bodies:
    /// each group with its counts; cases not grouped yet under "". Counted from the kept memberships.
    public static func byGroup(
        _ def: ProcedureDefinition, year: Int, bodies: Set<UUID>, on db: any Database
    ) async throws -> [String: FigureTally] {
        guard let stats = def.statistics, stats.grouping != nil, !bodies.isEmpty else { return [:] }
        var counts: [String: [String: Int]] = [:]
        for r in try await (db as! any SQLDatabase).raw(
            """
            SELECT grp, figure, COUNT(*) AS n FROM case_figure_members WHERE procedure = \(bind: def.id)
            AND year = \(bind: year) AND body_id IN \(SQLGroupExpression(bodies.map { SQLBind($0.uuidString) }))
            GROUP BY grp, figure
            """
        ).all() {
            let group = try r.decodeNil(column: "grp") ? "" : try r.decode(column: "grp", as: String.self)
            counts[group, default: [:]][try r.decode(column: "figure", as: String.self)] = try r.decode(
                column: "n", as: Int.self)
        }
        return counts.mapValues { FigureTally(year: year, counts: $0, statistics: stats) }
    }

    /// The cases a figure counts (newest first, at most `limit`), of one group when asked.
    public static func cases(
        _ procedure: String, figure: String, year: Int, bodies: Set<UUID>, group: String? = nil, limit: Int = 500,
        on db: any Database
    ) async throws -> [StoredCase] {
        guard !bodies.isEmpty else { return [] }
        var q: SQLQueryString = """
            SELECT c.number, c.opened_on, c.content FROM case_figure_members m JOIN cases c ON c.id = m.case_id
            WHERE m.procedure = \(bind: procedure) AND m.year = \(bind: year) AND m.figure = \(bind: figure)
            AND m.body_id IN \(SQLGroupExpression(bodies.map { SQLBind($0.uuidString) }))
            """
        if let group { q = q + (group.isEmpty ? " AND m.grp IS NULL" : " AND m.grp = \(bind: group)") }
        return try await (db as! any SQLDatabase).raw(q + " ORDER BY m.opened_on DESC LIMIT \(literal: limit)")
            .all().map(CaseStore.storedCase)
    }

    /// Recomputes both tables from the cases (the migration; a bulk load).
    public static func rebuild(catalog: ProcedureCatalog, on sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM case_figure_members").run()
        try await sql.raw("DELETE FROM case_year_figures").run()
        for def in catalog.definitions {
            guard let stats = def.statistics else { continue }
            let rows = try await sql.raw("SELECT opened_on, content FROM cases WHERE procedure = \(bind: def.id)").all()
            for r in rows {
                let file = try StoreJSON.decode(CaseFile.self, try r.decode(column: "content", as: String.self))
                try await change(
                    stats, from: nil, to: file, openedOn: try r.decode(column: "opened_on", as: String.self), on: sql)
            }
        }
    }
}
