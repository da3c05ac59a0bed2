import FazhiCore
import FazhiStore
import Vapor

/// The officer's console for cases: 待办 deadlines, the case list, and a case page with its timeline, its
/// deadlines, the steps open now (forms) and the steps refused now (reason and article).
enum CasesConsole {
    static func register(_ console: any RoutesBuilder) {
        console.get("cases") { req async throws -> Response in
            let user = try req.requireUser()
            let today = req.fazhi.today, catalog = req.fazhi.procedures
            let procedure = req.query[String.self, at: "procedure"].flatMap { $0.isEmpty ? nil : $0 }
            let onlyBody = req.query[String.self, at: "body"].flatMap(UUID.init(uuidString:))
            let scope = onlyBody.map { user.readable.contains($0) ? [$0] : [] } ?? user.readable
            let cases = try await CaseStore.list(bodies: scope, procedure: procedure, month: req.query[String.self, at: "month"],
                                                 outcome: req.query[String.self, at: "outcome"], powerItem: req.query[String.self, at: "item"], on: req.db)
            let deadlines = try await CaseStore.runningDeadlines(bodies: user.readable, on: req.db)
            let names = try await bodyNames(req)
            let dueRows = deadlines.map { d -> HTML in
                let due = CivilDate(iso: d.due)!
                return "<tr><td class=\"mono\"><a href=\"/console/cases/\(d.caseId.uuidString)\">\(d.number)</a></td><td>\(d.partyName)</td><td>\(d.name)</td><td>\(Views.deadlineCell(Deadline(start: due, period: 0, unit: .day, article: d.article, due: due), today: today))</td><td class=\"article\">\(d.article)</td></tr>"
            }
            let rows = cases.map { c -> HTML in
                let def = catalog.current(c.procedure)   // for the names only
                return "<tr><td class=\"mono\"><a href=\"/console/cases/\(c.id.uuidString)\">\(c.number)</a></td><td>\(def?.name ?? c.procedure)</td><td>\(c.partyName)</td><td>\(names[c.bodyId] ?? "")</td><td>\(def?.stateName(c.state) ?? c.state)</td><td>\(c.openedOn)</td><td data-sort=\"\(Int(c.fine ?? 0))\">\(c.fine.map { Yuan.text($0) } ?? "")</td></tr>"
            }
            // Only the procedures the user may open in their own organisation, the one in the list's filter first.
            let openable = catalog.definitions.filter { (try? CasesAPI.mayOpen($0, user: user, body: user.organisationID)) != nil }
                .sorted { ($0.id == procedure ? 0 : 1) < ($1.id == procedure ? 0 : 1) }
            let open: HTML = openable.isEmpty ? "" : """
                <form method="post" action="/console/cases" class="card search" id="open-case">\(Views.csrfField(req))<label for="procedure">登记</label>
                <select id="procedure" name="procedure">\(HTML.join(openable.map { "<option value=\"\($0.id)\">\($0.name)</option>" }))</select><button type="submit">登记新案件</button></form>
                """
            let filter = HTML.join([("", "全部")] .map { "<option value=\"\($0.0)\">\($0.1)</option>" } + catalog.definitions.map { "<option value=\"\($0.id)\"\(HTML(raw: procedure == $0.id ? " selected" : ""))>\($0.name)</option>" })
            let nav = navEntry(procedure)
            return Views.console(nav.title, user: user, request: req, active: nav.path.path, flash: Flash.take(req), """
            \(open)
            <h2>办案期限（\(deadlines.count)）</h2>
            \(deadlines.isEmpty ? HTML("<p class=\"muted\">没有进行中的期限。</p>") : HTML("<div class=\"table-wrap\"><table class=\"data\" id=\"deadlines\"><thead><tr><th>案件</th><th>当事人</th><th>事项</th><th>期限</th><th>依据</th></tr></thead><tbody>\(dueRows)</tbody></table></div>"))
            <h2>案件（\(cases.count)）</h2>
            <form method="get" action="/console/cases" class="search"><label for="pf">程序</label><select id="pf" name="procedure">\(filter)</select><button type="submit" class="secondary">筛选</button></form>
            <div class="table-wrap"><table class="data" id="cases"><thead><tr><th>编号</th><th>程序</th><th>当事人</th><th>执法主体</th><th>阶段</th><th>登记日期</th><th>罚款（元）</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """)
        }
        console.post("cases") { req async throws -> Response in
            let user = try req.requireUser()
            struct Form: Content { let procedure: String? }
            let f = try req.content.decode(Form.self)
            guard let def = req.fazhi.procedures.current(f.procedure ?? "") else { throw DomainError.invalid(field: "procedure", message: "请选择程序") }
            let body = user.organisationID
            try CasesAPI.mayOpen(def, user: user, body: body)
            let today = req.fazhi.today
            let c = try await req.write(as: user) { tx in try await CaseStore.open(def, bodyID: body, today: today, in: tx) }
            Flash.set(req, ok: "已登记 \(c.number)，请办理第一步")
            return req.redirect(to: "/console/cases/\(c.id.uuidString)")
        }
        console.get("cases", ":id") { req async throws -> Response in
            let user = try req.requireUser()
            return try await page(req, user: user, stored: try await CasesAPI.visibleCase(req, user))
        }
        console.post("cases", ":id", "steps", ":action") { req async throws -> Response in
            let user = try req.requireUser()
            let stored = try await CasesAPI.visibleCase(req, user)
            let actionID = req.parameters.get("action") ?? ""
            var v = try req.content.decode([String: String].self)
            v["_csrf"] = nil
            let catalog = req.fazhi.procedures, calendar = req.fazhi.deadlines, today = req.fazhi.today
            guard let def = catalog.definition(stored.file.procedure, version: stored.file.definitionVersion), let action = def.action(actionID) else {
                throw APIError.notFound("没有该步骤")
            }
            do {
                guard let date = CivilDate(iso: (v["_date"] ?? today.description).trimmed) else { throw DomainError.invalid(field: "date", message: "请填写办理日期") }
                let step = StepRequest(caseID: stored.id, action: actionID, expectedVersion: Int(v["_version"] ?? "") ?? -1, inputs: CaseForms.inputs(v, for: action),
                                       officerIDs: CaseForms.officerIDs(v), actor: CasesAPI.actor(user, body: stored.file.bodyID), date: date)
                let (_, t) = try await req.write(as: user) { tx in try await CaseStore.take(step, catalog: catalog, calendar: calendar, today: today, in: tx) }
                Flash.set(req, ok: "已办理“\(action.name)”" + (t.documents.isEmpty ? "" : "，已生成\(t.documents.map(\.chineseName).joined(separator: "、"))"))
                return req.redirect(to: "/console/cases/\(stored.id.uuidString)")
            } catch let e as DomainError {
                let r = try await page(req, user: user, stored: try await CaseStore.load(stored.id, on: req.db) ?? stored,
                                       failed: (actionID, v, message(e, action: action)))
                r.status = APIError(e).status
                return r
            } catch let e as CalendarError {
                // A deadline would fall in a year whose holiday notice is not loaded: refused (fail closed), form kept.
                let r = try await page(req, user: user, stored: stored, failed: (actionID, v, e.description))
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
        return entries.first { $0.path == .cases(procedure: nil) } ?? NavEntry(.enforcement, "案件", .cases(procedure: nil))
    }

    /// A refusal in the words of the form: the field by its label on this step, then the reason and the article.
    static func message(_ e: DomainError, action: ActionDefinition) -> String {
        let a = APIError(e)
        let label = a.field.map { f in action.inputs.first { $0.key == f }?.label ?? ["officers": "执法人员", "date": "办理日期", "version": "案件版本"][f] ?? f }
        return (label.map { "\($0)：" } ?? "") + a.message + (a.article.map { "（依据：\($0)）" } ?? "")
    }

    static func bodyNames(_ req: Request) async throws -> [UUID: String] {
        // Every organisation, not only 执法主体: 复议, 应诉 and 调解 cases belong to offices, bodies sued and 调解 organisations.
        Dictionary(try await OrganisationRecord.query(on: req.db).all().compactMap { o in o.id.map { ($0, o.name) } }, uniquingKeysWith: { a, _ in a })
    }

    /// The labels of a definition's inputs, for showing the case's facts.
    static func labels(_ def: ProcedureDefinition) -> [String: String] {
        var out: [String: String] = [:]
        for a in def.actions { for f in a.inputs where out[f.key] == nil { out[f.key] = f.label } }
        return out
    }

    static func display(_ v: FactValue, field: InputField?) -> String {
        if case .text(let s) = v, case .choice(let c)? = field?.kind { return c.first { $0.value == s }?.label ?? s }
        return v.description
    }

    static func page(_ req: Request, user: AuthUser, stored: StoredCase, failed: (action: String, values: [String: String], error: String)? = nil) async throws -> Response {
        let f = stored.file, today = req.fazhi.today, catalog = req.fazhi.procedures
        guard let def = catalog.definition(f.procedure, version: f.definitionVersion) else { throw APIError.notFound("程序定义不存在") }
        let actor = try await CaseStore.actorForAvailability(CasesAPI.actor(user, body: f.bodyID), def: def, file: f, on: req.db)
        let external = try await CaseStore.externalFacts(f, on: today, db: req.db)
        let available = ProcedureEngine.available(def, file: f, actor: actor, external: external, today: today, calendar: req.fazhi.deadlines, settings: catalog.settings)
        let officers = try await Officers.list(bodies: [f.bodyID], year: today.year, on: req.db).filter { $0.profile.eligibility(on: today).isEligible }
        let me = try await Officers.officerID(forUser: user.id, on: req.db)
        let evidence = try await EvidenceStore.files(f.id, on: req.db)
        let canAddEvidence = (try? CaseEvidenceController.checkCanAdd(req, user, stored)) != nil
        let fieldsByKey = Dictionary(def.actions.flatMap(\.inputs).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let shown = def.presentation, personal = def.personalInputs
        let facts = shown.shownFacts.compactMap { k -> HTML? in
            guard let v = f.facts[k] else { return nil }
            let label = fieldsByKey[k]?.label ?? shown.labels[k] ?? k
            let text = personal.contains(k) ? PersonalData.maskIDNumber(v.description)
                : display(v, field: fieldsByKey[k] ?? shown.computedChoices[k].map { InputField(k, k, .choice($0)) })
            return "<dt>\(label)</dt><dd>\(text)</dd>"
        }
        let deadlines = f.deadlines.reversed().map { d -> HTML in
            "<tr><td>\(d.name)</td><td>\(d.isRunning ? Views.deadlineCell(d.deadline, today: today) : HTML("<span class=\"muted\">\(d.deadline.due.description)（\(d.stoppedOn.map { "\($0) 已办结" } ?? "")）</span>"))</td><td class=\"article\">\(d.deadline.article ?? "")</td></tr>"
        }
        let timeline = f.steps.enumerated().reversed().map { (i, s) -> HTML in
            let details = s.inputs.values.keys.sorted().map { k in "\(fieldsByKey[k]?.label ?? k)：\(personal.contains(k) ? PersonalData.maskIDNumber(s.inputs[k]!.description) : display(s.inputs[k]!, field: fieldsByKey[k]))" }
            let docs = def.action(s.action)?.documents ?? []
            return """
            <li><b>\(s.on.description) \(s.actionName)</b> <span class="muted">\(s.actorName)\(s.officers.isEmpty ? "" : "；执法人员：\(s.officers.map(\.name).joined(separator: "、"))")</span>
            \(HTML.join(docs.map { " · <a href=\"/console/cases/\(f.id.uuidString)/documents/\($0.rawValue)?step=\(i)\">\($0.chineseName).docx</a>" as HTML }))
            <div class="muted small">\(details.joined(separator: "；"))</div></li>
            """
        }
        let open = available.filter { $0.refusal == nil }.map { a -> HTML in
            let isFailed = failed?.action == a.action.id
            return "<details class=\"step\"\(HTML(raw: isFailed ? " open" : ""))><summary>\(a.action.name)</summary>\(CaseForms.form(req, file: f, action: a.action, officers: officers, me: me, evidence: evidence, values: isFailed ? failed!.values : [:], error: isFailed ? failed!.error : nil))</details>"
        }
        let refused = available.filter { $0.refusal != nil }.map { a -> HTML in
            let (m, art): (String, String?) = { switch a.refusal! { case .refused(_, let m, let x): (m, x); case .forbidden(let m, let x): (m, x); default: (a.refusal!.description, nil) } }()
            let isFailed = failed?.action == a.action.id
            return "<li><b>\(a.action.name)</b>：\(m)\(art.map { HTML("<span class=\"article\">（依据：\($0)）</span>") } ?? "")\(isFailed ? HTML("<div class=\"error\">\(failed!.error)</div>") : "")</li>"
        }
        let names = try await bodyNames(req)
        return Views.console("\(stored.number)", user: user, request: req, active: navEntry(def.id).path.path, flash: Flash.take(req), """
        <p><span class="tag">\(def.name)</span> <span class="tag" id="case-state">\(def.stateName(f.state))</span> \(names[f.bodyID] ?? "") · 登记于 \(stored.openedOn) · 第\(f.version)次变更 · 按\(def.instrument)（程序第\(f.definitionVersion)版） · <a href="/console/cases/\(f.id.uuidString)/archive" id="archive-link">导出案卷（.zip）</a></p>
        <div class="grid2"><div><dl class="card facts">\(facts.isEmpty ? HTML("<dt>案件</dt><dd>\(shown.notStarted)</dd>") : HTML.join(facts))</dl></div>
        <div><h2>期限</h2>\(deadlines.isEmpty ? HTML("<p class=\"muted\">无</p>") : HTML("<div class=\"table-wrap\"><table><tbody>\(deadlines)</tbody></table></div>"))</div></div>
        <h2>现在可以办理</h2>\(open.isEmpty ? HTML("<p class=\"muted\">您现在没有可办理的步骤。</p>") : HTML.join(open))
        \(refused.isEmpty ? "" : HTML("<h2>暂不能办理</h2><ul class=\"refused\">\(HTML.join(refused))</ul>"))
        \(CaseEvidenceController.card(req, stored, files: evidence, canAdd: canAddEvidence))
        <h2>全过程记录</h2><ol class="timeline" reversed>\(timeline)</ol>
        """)
    }
}
