import FazhiCore
import FazhiOffice
import FazhiStore
import Fluent
import Vapor

extension RegistryConsole {
    static func adjustment(_ f: AdjustForm, existing: PowerItemContent?) throws -> AdjustmentRequest {
        guard let kind = AdjustmentKind(rawValue: f.kind ?? "add") else {
            throw DomainError.invalid(field: "kind", message: "请选择调整类型")
        }
        guard let type = PowerType(rawValue: f.type ?? existing?.type.rawValue ?? "") else {
            throw DomainError.invalid(field: "type", message: "请选择事项类型")
        }
        guard let org = f.organisationId.flatMap(UUID.init(uuidString:)) ?? existing?.organisationID else {
            throw DomainError.invalid(field: "organisationId", message: "请选择实施主体")
        }
        func v(_ s: String?, _ old: String?) -> String { let t = (s ?? "").trimmed; return t.isEmpty ? (old ?? "") : t }
        let basis =
            (f.law ?? "").trimmed.isEmpty
            ? (existing?.basis ?? [])
            : [LegalBasis(law: f.law!.trimmed, article: (f.article ?? "").trimmed, text: (f.basisText ?? "").trimmed)]
        let content = PowerItemContent(
            code: v(f.code, existing?.code).uppercased(), name: v(f.name, existing?.name), type: type,
            subItems: (f.subItems ?? "").isEmpty ? (existing?.subItems ?? []) : TabularValues.list(f.subItems!),
            basis: basis, organisationID: org,
            responsibilities: v(f.responsibilities, existing?.responsibilities),
            process: v(f.process, existing?.process),
            accountability: v(f.accountability, existing?.accountability),
            supervision: v(f.supervision, existing?.supervision))
        return AdjustmentRequest(
            kind: kind, effectiveOn: try date(f.effectiveOn, "effectiveOn"), reason: f.reason ?? "",
            approvalDocument: f.approvalDocument ?? "", approver: f.approver ?? "", content: content)
    }

    static func adjustmentFields(
        _ bodies: [EnforcementBodyRow], kinds: [AdjustmentKind], existing: PowerItemContent?, today: CivilDate
    ) -> HTML {
        """
        <div class="grid2">
        <div><label for="kind">调整类型</label><select id="kind" name="kind">\(HTML.join(kinds.map { "<option value=\"\($0.rawValue)\">\($0.chineseName)</option>" }))</select></div>
        <div><label for="effectiveOn">生效日期</label><input id="effectiveOn" name="effectiveOn" type="date" required value="\(today.description)"></div>
        \(existing == nil ? HTML("<div><label for=\"code\">事项编码</label><input id=\"code\" name=\"code\" required placeholder=\"339901-CF-00012\"></div><div><label for=\"type\">事项类型</label><select id=\"type\" name=\"type\">\(HTML.join(PowerType.allCases.map { "<option value=\"\($0.rawValue)\">\($0.chineseName)（\($0.codeLetters)）</option>" }))</select></div>") : "")
        <div><label for="name">事项名称</label><input id="name" name="name" \(HTML(raw: existing == nil ? "required" : "")) value="\(existing?.name)"></div>
        <div><label for="organisationId">实施主体</label><select id="organisationId" name="organisationId">\(RegistryViews.bodyOptions(bodies, selected: existing?.organisationID, allLabel: nil))</select></div>
        <div><label for="law">设定依据（法律名称）</label><input id="law" name="law" value="\(existing?.basis.first?.law)"></div>
        <div><label for="article">条款</label><input id="article" name="article" value="\(existing?.basis.first?.article)"></div>
        <div class="wide"><label for="responsibilities">职责事项</label><textarea id="responsibilities" name="responsibilities" rows="3">\(existing?.responsibilities)</textarea></div>
        <div class="wide"><label for="supervision">监督方式</label><input id="supervision" name="supervision" value="\(existing?.supervision)"></div>
        <div><label for="reason">调整原因</label><input id="reason" name="reason" required></div>
        <div><label for="approvalDocument">批准文号</label><input id="approvalDocument" name="approvalDocument" required placeholder="清政办发〔2026〕3号"></div>
        <div><label for="approver">批准人/机关</label><input id="approver" name="approver" required></div>
        </div>
        """
    }

    static func registerPowers(_ console: any RoutesBuilder) {
        console.get("powers") { req async throws -> Response in
            let user = try req.requireUser()
            let date = try RegistryPortal.asOf(req)
            let q = req.query[String.self, at: "q"] ?? ""
            let type = req.query[String.self, at: "type"].flatMap(PowerType.init(rawValue:))
            let body = req.query[String.self, at: "body"].flatMap(UUID.init(uuidString:))
            let scope = body.map { user.registryReadable.contains($0) ? [$0] : [] } ?? user.registryReadable
            let (rows, total) = try await PowerListStore.list(
                on: date, .init(type: type, organisations: scope, query: q), limit: 500, on: req.db)
            let counts = try await PowerListStore.counts(on: date, organisations: scope, on: req.db)
            let bodies = try await EnforcementBodies.all(on: req.db).filter {
                user.registryReadable.contains($0.organisationId)
            }
            let trs = try rows.map { r -> HTML in
                let c = try r.content()
                return
                    "<tr><td class=\"mono\"><a href=\"/console/powers/\(c.code)\">\(c.code)</a></td><td>\(c.name)</td><td>\(c.type.chineseName)</td><td>\(r.organisationName)</td><td>\(r.status.chineseName)</td><td>\(r.effectiveOn)（\(AdjustmentKind(rawValue: r.kind)?.chineseName ?? "")）</td></tr>"
            }
            let byBody = HTML.join(
                counts.byBody.map {
                    "<tr><td><a href=\"/console/powers?body=\($0.1.uuidString)&date=\(date.description)\">\($0.0)</a></td><td>\($0.2)</td></tr>"
                })
            let writable = bodies.filter { user.registryWritable.contains($0.organisationId) }
            let form: HTML =
                writable.isEmpty
                ? ""
                : """
                <details class="card"><summary>新增事项</summary><form method="post" action="/console/powers">\(Views.csrfField(req))\(adjustmentFields(writable, kinds: [.add, .takeOver], existing: nil, today: req.fazhi.today))<button type="submit">新增</button></form></details>
                """
            return Views.console(
                "权责清单", user: user, request: req, active: "/console/powers", flash: Flash.take(req),
                """
                <form method="get" action="/console/powers" class="card search"><label for="q">关键词</label><input id="q" name="q" value="\(q)">
                <label for="type">事项类型</label><select id="type" name="type">\(RegistryViews.typeOptions(type))</select>
                <label for="body">实施主体</label><select id="body" name="body">\(RegistryViews.bodyOptions(bodies, selected: body))</select>
                <label for="date">截至日期</label><input id="date" name="date" type="date" value="\(date.description)"><button type="submit">查询</button></form>
                <p>截至 \(date.description)：\(total) 项\(total > rows.count ? "（显示前 \(rows.count) 项）" : "")。<a href="/console/powers/diff">比较两个日期的清单</a> · <a href="/console/export/power-list.xlsx?date=\(date.description)">导出 Excel</a> · <a href="/console/import">批量导入</a></p>
                \(RegistryViews.typeCounts(counts.byType) { "/console/powers?type=\($0.rawValue)&date=\(date.description)" })
                \(form)
                <div class="table-wrap"><table class="data"><thead><tr><th>事项编码</th><th>事项名称</th><th>类型</th><th>实施主体</th><th>状态</th><th>最近调整</th></tr></thead><tbody>\(trs)</tbody></table></div>
                <h2>按实施主体统计</h2><div class="table-wrap"><table class="data"><thead><tr><th>实施主体</th><th>事项数</th></tr></thead><tbody>\(byBody)</tbody></table></div>
                """)
        }
        console.post("powers") { req async throws -> Response in
            let user = try req.requireUser()
            let f = try req.content.decode(AdjustForm.self)
            var code = ""
            try await UsersConsole.formAction(req, back: "") {
                let r = try adjustment(f, existing: nil)
                guard user.registryWritable.contains(r.content.organisationID) else {
                    throw APIError.forbidden("您无权调整该实施主体的权责清单")
                }
                code = r.content.code
                try await req.write(as: user) { tx in _ = try await PowerListStore.adjust(r, in: tx) }
                return "已\(r.kind.chineseName)事项 \(r.content.code)"
            }
            return req.redirect(to: code.isEmpty ? "/console/powers" : "/console/powers/\(code)")
        }
        console.get("powers", "diff") { req async throws -> Response in
            let user = try req.requireUser()
            let today = req.fazhi.today
            let from =
                req.query[String.self, at: "from"].flatMap(CivilDate.init(iso:)) ?? CivilDate(
                    year: today.year - 1, month: 1, day: 1)!
            let to = req.query[String.self, at: "to"].flatMap(CivilDate.init(iso:)) ?? today
            let d = try await PowerListStore.diff(from: from, to: to, organisations: user.registryReadable, on: req.db)
            func list(_ items: [ListedPowerItem]) -> HTML {
                HTML.join(
                    items.map {
                        "<li><a class=\"mono\" href=\"/console/powers/\($0.content.code)\">\($0.content.code)</a> \($0.content.name)</li>"
                    })
            }
            let changed = HTML.join(
                d.changed.map {
                    "<li><a class=\"mono\" href=\"/console/powers/\($0.after.content.code)\">\($0.after.content.code)</a> \($0.after.content.name)：\($0.fields.joined(separator: "、"))</li>"
                })
            return Views.console(
                "清单比较", user: user, request: req, active: "/console/powers",
                """
                <form method="get" action="/console/powers/diff" class="card search"><label for="from">从</label><input id="from" name="from" type="date" value="\(from.description)">
                <label for="to">到</label><input id="to" name="to" type="date" value="\(to.description)"><button type="submit">比较</button></form>
                <p>\(from.description) 至 \(to.description)：新增 <b>\(d.added.count)</b> 项，取消 <b>\(d.removed.count)</b> 项，变更 <b>\(d.changed.count)</b> 项。</p>
                <h2>新增</h2><ul>\(list(d.added))</ul><h2>取消（移出清单）</h2><ul>\(list(d.removed))</ul><h2>变更</h2><ul>\(changed)</ul>
                """)
        }
        console.get("powers", ":code") { req async throws -> Response in
            let user = try req.requireUser()
            let code = req.parameters.get("code") ?? ""
            let history = try await PowerListStore.history(code: code, on: req.db).map { try $0.domain() }
            guard let last = history.last, user.registryReadable.contains(last.content.organisationID) else {
                throw APIError.notFound("没有该事项")
            }
            let c = last.content
            let bodies = try await EnforcementBodies.all(on: req.db).filter {
                user.registryWritable.contains($0.organisationId)
            }
            let hist = history.map { a -> HTML in
                "<tr><td>\(a.effectiveOn.description)</td><td>\(a.kind.chineseName)</td><td>\(a.reason)</td><td>\(a.approvalDocument)</td><td>\(a.approver)</td><td>\(a.content.name)</td></tr>"
            }
            let status = last.kind.resultingStatus
            let kinds: [AdjustmentKind] =
                status == .cancelled ? [.add, .takeOver] : [.amend, .delegateDown, .suspend, .cancel]
            let form: HTML =
                user.registryWritable.contains(c.organisationID)
                ? """
                <h2>调整</h2><form method="post" action="/console/powers/\(c.code)/adjustments" class="card">\(Views.csrfField(req))\(adjustmentFields(bodies, kinds: kinds, existing: c, today: req.fazhi.today))<button type="submit">提交调整</button></form>
                """ : ""
            return Views.console(
                c.name, user: user, request: req, active: "/console/powers", flash: Flash.take(req),
                """
                <dl class="card facts"><dt>事项编码</dt><dd class="mono">\(c.code)</dd><dt>类型</dt><dd>\(c.type.chineseName)</dd><dt>当前状态</dt><dd>\(status.chineseName)（\(last.effectiveOn.description) \(last.kind.chineseName)）</dd>
                <dt>设定依据</dt><dd>\(c.basis.map { "\($0.law)\($0.article)" }.joined(separator: "；"))</dd><dt>职责事项</dt><dd>\(c.responsibilities)</dd><dt>监督方式</dt><dd>\(c.supervision)</dd></dl>
                <h2>调整记录</h2><div class="table-wrap"><table class="data"><thead><tr><th>生效日期</th><th>类型</th><th>原因</th><th>批准文号</th><th>批准人</th><th>事项名称</th></tr></thead><tbody>\(hist)</tbody></table></div>\(form)
                """)
        }
        console.post("powers", ":code", "adjustments") { req async throws -> Response in
            let user = try req.requireUser()
            let code = req.parameters.get("code") ?? ""
            let history = try await PowerListStore.history(code: code, on: req.db)
            guard let last = try history.last?.domain(), user.registryReadable.contains(last.content.organisationID)
            else { throw APIError.notFound("没有该事项") }
            guard user.registryWritable.contains(last.content.organisationID) else {
                throw APIError.forbidden("您无权调整该事项")
            }
            let f = try req.content.decode(AdjustForm.self)
            try await UsersConsole.formAction(req, back: "") {
                let r = try adjustment(f, existing: last.content)
                guard user.registryWritable.contains(r.content.organisationID) else {
                    throw APIError.forbidden("您无权把事项调整给该实施主体")
                }
                try await req.write(as: user) { tx in _ = try await PowerListStore.adjust(r, in: tx) }
                return "已登记\(r.kind.chineseName)，\(r.effectiveOn.description)起生效"
            }
            return req.redirect(to: "/console/powers/\(code)")
        }
    }
}
