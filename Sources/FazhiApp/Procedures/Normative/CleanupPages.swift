import FazhiCore
import FazhiStore
import Vapor

/// 规范性文件清理: the worksheet where the body marks each of its documents in force (console, `/console/cases/<id>/cleanup`)
/// and the published 清理结果 on the portal (`/documents/cleanups`), each line with its document, conclusion and reason.
enum CleanupPages {
    static func register(console: any RoutesBuilder, portal: any RoutesBuilder) {
        console.get("cases", ":id", "cleanup") { req async throws -> Response in
            let user = try req.requireUser()
            return try await worksheet(req, user, error: nil, values: nil)
        }
        console.post("cases", ":id", "cleanup") { req async throws -> Response in
            let user = try req.requireUser()
            let q = try await Worksheet.Query.fetch(req, user)
            let form = try req.content.decode([String: String].self)
            if let long = q.documents.first(where: { (form["r_\($0.id.uuidString)"] ?? "").trimmed.count > 500 }) {
                return try await worksheet(
                    req, user, error: "《\(long.facts[NormativeFact.title] ?? "")》的理由不超过500字", values: form)
            }
            let lines = q.documents.compactMap { d -> String? in
                let id = d.id.uuidString
                guard let conclusion = form["c_\(id)"], !conclusion.isEmpty else { return nil }
                return Normative.CleanupLine(
                    document: d.id, conclusion: conclusion, reason: (form["r_\(id)"] ?? "").trimmed
                ).line
            }
            // A 修改, 废止 or 宣布失效 without its reason: named by the document, not by the hidden field.
            if let missing = q.documents.first(where: {
                let c = form["c_\($0.id.uuidString)"] ?? ""
                return !c.isEmpty && c != "continue" && (form["r_\($0.id.uuidString)"] ?? "").trimmed.isEmpty
            }) {
                return try await worksheet(
                    req, user,
                    error: "《\(missing.facts[NormativeFact.title] ?? "")》的结论为修改、废止或者宣布失效，应当写明理由（国办发〔2018〕37号）",
                    values: form)
            }
            let step = StepRequest(
                caseID: q.stored.id, action: NormativeCleanupProcedure.Step.conclude,
                expectedVersion: Int(form["_version"] ?? "") ?? -1,
                inputs: Facts(["conclusions": .list(lines)]), officerIDs: [],
                actor: CasesAPI.actor(user, body: q.stored.file.bodyID, procedure: NormativeCleanupProcedure.id),
                date: req.fazhi.today)
            let catalog = req.fazhi.procedures, calendar = req.fazhi.deadlines, today = req.fazhi.today
            do {
                _ = try await req.write(as: user) { tx in
                    try await CaseStore.take(step, catalog: catalog, calendar: calendar, today: today, in: tx)
                }
            } catch let e as DomainError {
                return try await worksheet(req, user, error: e.message, values: form).with(status: APIError(e).status)
            }
            Flash.set(req, ok: "已保存 \(lines.count) 件文件的清理结论")
            return req.redirect(to: SitePath.caseFile(q.stored.id).path + "/cleanup")
        }
        portal.get("documents", "cleanups") { req async throws -> Response in
            let cases = try await CaseStore.decided(
                procedure: NormativeCleanupProcedure.id, states: [NormativeCleanupProcedure.State.published.id],
                on: req.db)
            let names = try await CasesConsole.bodyNames(req)
            return Views.portal(
                "规范性文件清理结果", request: req,
                CleanupViews.list(cases.map { ($0.file, names[$0.file.bodyID] ?? "") }))
        }
        portal.get("documents", "cleanups", ":id") { req async throws -> Response in
            guard let id = req.parameters.get("id", as: UUID.self), let c = try await CaseStore.load(id, on: req.db),
                c.file.procedure == NormativeCleanupProcedure.id,
                c.file.state == NormativeCleanupProcedure.State.published.id
            else { throw APIError.notFound("没有该清理结果") }
            let lines = c.file.facts.list(NormativeCleanupFact.conclusions).compactMap(Normative.CleanupLine.init)
            let rows = try await NormativeLibraryStore.rows(lines.map(\.document), on: req.db)
            let names = try await CasesConsole.bodyNames(req)
            return Views.portal(
                c.file.facts[NormativeCleanupFact.title] ?? "清理结果", request: req,
                CleanupViews.result(c.file, issuer: names[c.file.bodyID] ?? "", lines: lines, rows: rows))
        }
    }

    static func worksheet(
        _ req: Request, _ user: AuthUser, error: String?, values: [String: String]?
    ) async throws
        -> Response
    {
        let q = try await Worksheet.Query.fetch(req, user)
        let model = Worksheet.Model(q, error: error, values: values, csrf: CSRF.token(for: req))
        return Views.console(
            "逐件清理表", user: user, request: req, active: SitePath.cases(procedure: NormativeCleanupProcedure.id).path,
            CleanupViews.worksheet(model)
        ).with(status: error == nil ? .ok : .unprocessableEntity)
    }

    enum Worksheet {
        struct Query {
            let stored: StoredCase
            /// The body's documents in force (the 清理's scope), oldest first.
            let documents: [(id: UUID, facts: Facts)]
            let editable: Bool

            static func fetch(_ req: Request, _ user: AuthUser) async throws -> Query {
                let stored = try await CasesAPI.visibleCase(req, user)
                guard stored.file.procedure == NormativeCleanupProcedure.id else { throw APIError.notFound("没有该清理") }
                let docs = try await CaseStore.bodyCases(
                    procedure: NormativeProcedure.id, body: stored.file.bodyID,
                    states: NormativeCleanupProcedure.covered, on: req.db)
                let roles = CasesAPI.actor(user, body: stored.file.bodyID, procedure: NormativeCleanupProcedure.id)
                    .roles
                let action = req.fazhi.procedures.current(NormativeCleanupProcedure.id)?.action(
                    NormativeCleanupProcedure.Step.conclude)
                return Query(
                    stored: stored, documents: docs.map { ($0.file.id, $0.file.facts) },
                    editable: stored.file.state == NormativeCleanupProcedure.State.listing.id
                        && !(action?.roles.isDisjoint(with: roles) ?? true))
            }
        }

        struct Model {
            struct Line {
                let id: UUID
                let number, title, effectiveOn, validUntil: String
                let conclusion: String
                let reason: String
            }
            let caseID: UUID
            let title: String
            let version: Int
            let lines: [Line]
            let editable: Bool
            let error: String?
            let csrf: String
            let summary: String

            init(_ q: Query, error: String?, values: [String: String]?, csrf: String) {
                let saved = Dictionary(
                    q.stored.file.facts.list(NormativeCleanupFact.conclusions).compactMap(Normative.CleanupLine.init)
                        .map {
                            ($0.document, $0)
                        }, uniquingKeysWith: { _, b in b })
                lines = q.documents.map { d in
                    let id = d.id.uuidString
                    return Line(
                        id: d.id, number: d.facts[NormativeFact.documentNumber] ?? "",
                        title: d.facts[NormativeFact.title] ?? "",
                        effectiveOn: d.facts[NormativeFact.effectiveOn]?.description ?? "",
                        validUntil: d.facts[NormativeFact.expiresOn]?.adding(days: -1).description ?? "",
                        conclusion: values?["c_\(id)"] ?? saved[d.id]?.conclusion ?? "",
                        reason: values?["r_\(id)"] ?? saved[d.id]?.reason ?? "")
                }
                caseID = q.stored.id; title = q.stored.file.facts[NormativeCleanupFact.title] ?? ""
                version = q.stored.file.version; editable = q.editable; self.error = error; self.csrf = csrf
                summary = Normative.cleanupSummary(Array(saved.values))
            }
        }
    }
}
