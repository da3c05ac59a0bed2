import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// The 法律顾问 and 公职律师 registry and their work log (M024). Every change is on the record. A decision's 合法性审查
/// names the advisers whose opinions it took (第二十八条): those on the registry get the work logged against the decision.
public enum LegalAdvisers {
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = .sortedKeys
        return e
    }()

    public static func add(_ adviser: LegalAdviser, in tx: WriteTransaction) async throws -> LegalAdviser {
        let a = try adviser.validated()
        guard try await Directory.organisation(a.organisationID, on: tx.db) != nil else {
            throw DomainError.invalid(field: "organisation", message: "单位不存在")
        }
        let content = String(decoding: try encoder.encode(a), as: UTF8.self)
        try await tx.sql.raw(
            """
            INSERT INTO legal_advisers (id, organisation_id, content, name, contract_until)
            VALUES (\(bind: a.id), \(bind: a.organisationID), \(bind: content), \(bind: a.name), \(bind: a.contractUntil?.description))
            """
        ).run()
        try tx.record("legal_adviser", a.id.uuidString, "add", a)
        return a
    }

    /// Extends a contract (续聘) or ends it earlier: its end moves, its start stays — a new engagement under a new
    /// contract is a new entry, so the figures of past years keep the terms that were.
    public static func setContract(
        _ id: UUID, until: CivilDate, bodies: Set<UUID>, in tx: WriteTransaction
    ) async throws -> LegalAdviser {
        guard var a = try await adviser(id, on: tx.db), bodies.contains(a.organisationID) else {
            throw DomainError.notFound("没有该法律顾问，或者您无权管理")
        }
        guard a.contractFrom != nil else {
            throw DomainError.invalid(field: "contractUntil", message: "该公职律师没有聘用合同；如需登记合同，请另行登记")
        }
        a.contractUntil = until
        a = try a.validated()
        let content = String(decoding: try encoder.encode(a), as: UTF8.self)
        try await tx.sql.raw(
            """
            UPDATE legal_advisers SET content = \(bind: content), contract_until = \(bind: a.contractUntil?.description)
            WHERE id = \(bind: a.id)
            """
        ).run()
        try tx.record("legal_adviser", a.id.uuidString, "contract", a)
        return a
    }

    public static func adviser(_ id: UUID, on db: any Database) async throws -> LegalAdviser? {
        try await (db as! any SQLDatabase).raw("SELECT content FROM legal_advisers WHERE id = \(bind: id)").first()
            .map(decode)
    }

    /// The advisers engaged by the organisations, by name.
    public static func list(organisations: Set<UUID>, on db: any Database) async throws -> [LegalAdviser] {
        guard !organisations.isEmpty else { return [] }
        return try await (db as! any SQLDatabase).raw(
            """
            SELECT content FROM legal_advisers
            WHERE organisation_id IN \(SQLGroupExpression(organisations.sorted { $0.uuidString < $1.uuidString }.map { SQLBind($0) }))
            ORDER BY name, id
            """
        ).all().map(decode)
    }

    static func decode(_ row: any SQLRow) throws -> LegalAdviser {
        try JSONDecoder().decode(LegalAdviser.self, from: Data(try row.decode(column: "content", as: String.self).utf8))
    }

    /// Logs one piece of work; work already logged for the same adviser, kind and case is not logged twice.
    @discardableResult
    public static func log(
        _ work: AdviserWork, bodies: Set<UUID>, today: CivilDate, in tx: WriteTransaction
    ) async throws -> AdviserWork {
        let w = try work.validated(today: today)
        guard let a = try await adviser(w.adviserID, on: tx.db), bodies.contains(a.organisationID) else {
            throw DomainError.invalid(field: "adviser", message: "没有该法律顾问，或者您无权登记其工作")
        }
        guard a.serves(on: w.doneOn) else {
            throw DomainError.invalid(
                field: "doneOn",
                message:
                    "\(w.doneOn)不在\(a.name)的聘用合同期限（\(a.contractFrom?.description ?? "")至\(a.contractUntil?.description ?? "")）内"
            )
        }
        if let caseID = w.caseID,
            try await tx.sql.raw(
                """
                SELECT 1 AS x FROM adviser_work WHERE adviser_id = \(bind: w.adviserID) AND kind = \(bind: w.kind.rawValue)
                AND case_id = \(bind: caseID)
                """
            ).first() != nil
        {
            return w
        }
        let content = String(decoding: try encoder.encode(w), as: UTF8.self)
        try await tx.sql.raw(
            """
            INSERT INTO adviser_work (id, adviser_id, done_on, kind, case_id, content)
            VALUES (\(bind: w.id), \(bind: w.adviserID), \(bind: w.doneOn.description), \(bind: w.kind.rawValue), \(bind: w.caseID), \(bind: content))
            """
        ).run()
        try tx.record("adviser_work", w.id.uuidString, "log", w)
        return w
    }

    /// The work of the organisations' advisers in a year, newest first.
    public static func work(
        organisations: Set<UUID>, year: Int, on db: any Database
    ) async throws -> [AdviserWork] {
        guard !organisations.isEmpty else { return [] }
        return try await (db as! any SQLDatabase).raw(
            """
            SELECT w.content FROM adviser_work w JOIN legal_advisers a ON a.id = w.adviser_id
            WHERE a.organisation_id IN \(SQLGroupExpression(organisations.sorted { $0.uuidString < $1.uuidString }.map { SQLBind($0) }))
            AND w.done_on >= \(bind: "\(year)-01-01") AND w.done_on <= \(bind: "\(year)-12-31")
            ORDER BY w.done_on DESC, w.id
            """
        ).all().map {
            try JSONDecoder().decode(
                AdviserWork.self, from: Data(try $0.decode(column: "content", as: String.self).utf8))
        }
    }

    /// The advisers' work on one case (a decision's 合法性审查 shows it).
    public static func work(case caseID: UUID, on db: any Database) async throws -> [(AdviserWork, LegalAdviser)] {
        try await (db as! any SQLDatabase).raw(
            """
            SELECT w.content AS work, a.content AS adviser FROM adviser_work w JOIN legal_advisers a ON a.id = w.adviser_id
            WHERE w.case_id = \(bind: caseID) ORDER BY w.done_on, a.name
            """
        ).all().map {
            (
                try JSONDecoder().decode(
                    AdviserWork.self, from: Data(try $0.decode(column: "work", as: String.self).utf8)),
                try JSONDecoder().decode(
                    LegalAdviser.self, from: Data(try $0.decode(column: "adviser", as: String.self).utf8))
            )
        }
    }

    /// A decision's 合法性审查 logs each adviser it names who is on the registry of the government or a body under it —
    /// as work of kind 参与重大行政决策, against the decision.
    static let projection = CaseProjection(
        procedure: MajorDecisionProcedure.id,
        apply: { file, _, tx in
            guard let step = file.steps.last,
                [MajorDecisionProcedure.Step.passReview, MajorDecisionProcedure.Step.failReview].contains(step.action)
            else { return }
            let names = step.inputs.list(MajorDecisionFact.adviserOpinions.id).map { MajorDecision.parts($0) }
            guard !names.isEmpty else { return }
            let tree = try await Directory.tree(on: tx.db)
            // Only those engaged on the day: an adviser whose contract had ended is not logged (nor does the review fail).
            let registered = try await list(organisations: tree.subtree(of: file.bodyID), on: tx.db).filter {
                $0.serves(on: step.on)
            }
            for parts in names {
                guard let name = parts.first, let a = registered.first(where: { $0.name == name }) else { continue }
                try await log(
                    AdviserWork(
                        adviserID: a.id, doneOn: step.on, kind: .decision, caseID: file.id,
                        subject: file.facts[MajorDecisionFact.title] ?? "重大行政决策",
                        note: parts.dropFirst().joined(separator: "；").prefix(2_000).description),
                    bodies: [a.organisationID], today: step.on, in: tx)
            }
        })
}
