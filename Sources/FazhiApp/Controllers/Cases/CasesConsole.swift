import FazhiCore
import FazhiStore
import Vapor

/// The officer's console for cases: 待办 deadlines, the case list, and a case page with its timeline, its
/// deadlines, the steps open now (forms) and the steps refused now (reason and article).
enum CasesConsole {
    static func register(_ console: any RoutesBuilder) {
        console.get("cases", use: CaseListPage.get)
        console.post("cases") { req async throws -> Response in
            let user = try req.requireUser()
            struct Form: Content { let procedure: String? }
            let f = try req.content.decode(Form.self)
            guard let def = req.fazhi.procedures.current(f.procedure ?? "") else {
                throw DomainError.invalid(field: "procedure", message: "请选择程序")
            }
            let body = user.organisationID
            if let elsewhere = def.opening.forAnotherBody {
                throw DomainError.invalid(field: "procedure", message: elsewhere)
            }
            try CasesAPI.mayOpen(def, user: user, body: body)
            let today = req.fazhi.today
            let c = try await req.write(as: user) { tx in
                try await CaseStore.open(def, bodyID: body, today: today, in: tx)
            }
            Flash.set(req, ok: "已登记 \(c.number)，请办理第一步")
            return req.redirect(to: SitePath.caseFile(c.id).path)
        }
        console.get("cases", ":id") { req async throws -> Response in
            let user = try req.requireUser()
            return try await CaseFilePage.render(req, user: user, stored: try await CasesAPI.visibleCase(req, user))
        }
        // A masked personal value shown in full to the handling body's staff, each time on the record; the page comes back
        // (never a redirect, so the value is not in any address or cache).
        console.post("cases", ":id", "personal") { req async throws -> Response in
            let user = try req.requireUser()
            let stored = try await CasesAPI.visibleCase(req, user)
            let field = (try req.content.decode([String: String].self)["field"] ?? "").trimmed
            guard CaseFilePage.Query.mayReveal(user, stored.file) else {
                throw APIError(DomainError.forbidden("个人信息仅由办理本案的工作人员查看", article: "个人信息保护法 第三十四条、第五十一条第四项"))
            }
            guard
                let def = req.fazhi.procedures.definition(
                    stored.file.procedure, version: stored.file.definitionVersion),
                def.personalInputs.contains(field), stored.file.facts[field] != nil
            else { throw APIError.notFound("本案没有该项个人信息") }
            try await req.write(as: user) { tx in
                try tx.record("case", stored.id.uuidString, "reveal_personal", ["field": field, "by": user.username])
            }
            let page = try await CaseFilePage.render(req, user: user, stored: stored, revealed: [field])
            page.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return page
        }
        console.post("cases", ":id", "steps", ":action") { req async throws -> Response in
            let user = try req.requireUser()
            let stored = try await CasesAPI.visibleCase(req, user)
            let actionID = req.parameters.get("action") ?? ""
            var v = try req.content.decode([String: String].self)
            v["_csrf"] = nil
            let catalog = req.fazhi.procedures, calendar = req.fazhi.deadlines, today = req.fazhi.today
            guard let def = catalog.definition(stored.file.procedure, version: stored.file.definitionVersion),
                let action = def.action(actionID)
            else {
                throw APIError.notFound("没有该步骤")
            }
            do {
                guard let date = CivilDate(iso: (v["_date"] ?? today.description).trimmed) else {
                    throw DomainError.invalid(field: "date", message: "请填写办理日期")
                }
                let step = StepRequest(
                    caseID: stored.id, action: actionID, expectedVersion: Int(v["_version"] ?? "") ?? -1,
                    inputs: CaseForms.inputs(v, for: action),
                    officerIDs: CaseForms.officerIDs(v),
                    actor: CasesAPI.actor(user, body: stored.file.bodyID, procedure: stored.file.procedure),
                    date: date)
                let (_, t) = try await req.write(as: user) { tx in
                    try await CaseStore.take(step, catalog: catalog, calendar: calendar, today: today, in: tx)
                }
                Flash.set(
                    req,
                    ok: "已办理“\(action.name)”"
                        + (t.documents.isEmpty ? "" : "，已生成\(t.documents.map(\.chineseName).joined(separator: "、"))"))
                return req.redirect(to: SitePath.caseFile(stored.id).path)
            } catch let e as DomainError {
                let r = try await CaseFilePage.render(
                    req, user: user, stored: try await CaseStore.load(stored.id, on: req.db) ?? stored,
                    failed: .init(action: actionID, values: v, error: message(e, action: action)))
                r.status = APIError(e).status
                return r
            } catch let e as CalendarError {
                // A deadline would fall in a year whose holiday notice is not loaded: refused (fail closed), form kept.
                let r = try await CaseFilePage.render(
                    req, user: user, stored: stored, failed: .init(action: actionID, values: v, error: e.description))
                r.status = .unprocessableEntity
                return r
            }
        }
    }

    /// The navigation entry a case list or case page belongs to: its procedure's own list when its module has one in the
    /// navigation (行政复议, 行政应诉, 调解), else the case list.
    static func navEntry(_ procedure: String?) -> NavEntry {
        let entries = AppModules.all.flatMap(\.navigation)
        if let p = procedure, let own = entries.first(where: { $0.path == .cases(procedure: p) }) { return own }
        return entries.first { $0.path == .cases(procedure: nil) }
            ?? NavEntry(.enforcement, "案件", .cases(procedure: nil))
    }

    /// A refusal in the words of the form: the field by its label on this step, then the reason and the article.
    static func message(_ e: DomainError, action: ActionDefinition) -> String {
        let a = APIError(e)
        let label = a.field.map { f in
            action.inputs.first { $0.key == f }?.label ?? ["officers": "执法人员", "date": "办理日期", "version": "案件版本"][f]
                ?? f
        }
        return (label.map { "\($0)：" } ?? "") + a.message + (a.article.map { "（依据：\($0)）" } ?? "")
    }

    static func bodyNames(_ req: Request) async throws -> [UUID: String] {
        // Every organisation, not only 执法主体: 复议, 应诉 and 调解 cases belong to offices, bodies sued and 调解 organisations.
        Dictionary(
            try await OrganisationRecord.query(on: req.db).all().compactMap { o in o.id.map { ($0, o.name) } },
            uniquingKeysWith: { a, _ in a })
    }
}
