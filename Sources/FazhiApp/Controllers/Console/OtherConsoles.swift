import FazhiCore
import FazhiStore
import Fluent
import Vapor

/// 机关与区划.
struct OrganisationsConsole {
    struct NewOrgForm: Content { let name: String?; let uscc: String?; let regionCode: String?; let parentId: String? }
    struct NewRegionForm: Content { let code: String?; let name: String?; let parentCode: String? }

    static func register(_ console: any RoutesBuilder) {
        console.get("organisations") { req async throws -> Response in
            let user = try req.requireUser()
            let orgs = try await Directory.organisations(on: req.db)
            let regions = try await Directory.regions(on: req.db)
            let regionName = Dictionary(uniqueKeysWithValues: regions.map { ($0.id!, $0.name) })
            let orgName = Dictionary(uniqueKeysWithValues: orgs.map { ($0.id!, $0.name) })
            let readable = user.readable
            let rows = orgs.filter { readable.contains($0.id!) }.map { o -> HTML in
                "<tr><td>\(o.name)</td><td class=\"mono\">\(o.uscc ?? "—")</td><td>\(regionName[o.regionCode] ?? "")（\(o.regionCode)）</td><td>\(o.parentID.flatMap { orgName[$0] } ?? "—")</td></tr>"
            }
            let regionRows = regions.map { r -> HTML in
                "<tr><td class=\"mono\">\(r.id!)</td><td>\(r.name)</td><td>\(r.parentCode.flatMap { regionName[$0] } ?? "—")</td></tr>"
            }
            let form: HTML =
                user.isAdmin
                ? """
                <h2>新设机关/部门</h2>
                <form method="post" action="/console/organisations" class="card">\(Views.csrfField(req))
                <label for="name">名称</label><input id="name" name="name" required>
                <label for="uscc">统一社会信用代码（18位，可暂缺）</label><input id="uscc" name="uscc" maxlength="18">
                <label for="regionCode">行政区划</label><select id="regionCode" name="regionCode">\(HTML.join(regions.map { "<option value=\"\($0.id!)\">\($0.name)（\($0.id!)）</option>" }))</select>
                <label for="parentId">上级机关</label><select id="parentId" name="parentId">\(UsersConsole.orgOptions(orgs, allowed: user.administered, selected: nil))</select>
                <button type="submit">新设</button></form>
                """ : ""
            let regionForm: HTML =
                user.isAdmin
                ? """
                <form method="post" action="/console/regions" class="card">\(Views.csrfField(req))
                <label for="code">区划代码（6位数字）</label><input id="code" name="code" required pattern="[0-9]{6}" maxlength="6" inputmode="numeric">
                <label for="region-name">名称</label><input id="region-name" name="name" required>
                <label for="parentCode">上级行政区划</label><select id="parentCode" name="parentCode"><option value="">（无）</option>\(HTML.join(regions.map { "<option value=\"\($0.id!)\">\($0.name)（\($0.id!)）</option>" }))</select>
                <button type="submit">新增行政区划</button></form>
                """ : ""
            let body: HTML = """
                <div class="table-wrap"><table class="data"><thead><tr><th>机关/部门</th><th>统一社会信用代码</th><th>行政区划</th><th>上级机关</th></tr></thead><tbody>\(rows)</tbody></table></div>
                \(form)
                <h2>行政区划</h2>
                <div class="table-wrap"><table class="data"><thead><tr><th>代码</th><th>名称</th><th>上级</th></tr></thead><tbody>\(regionRows)</tbody></table></div>
                \(regionForm)
                """
            return Views.console(
                "机关与区划", user: user, request: req, active: "/console/organisations", flash: Flash.take(req), body)
        }
        console.post("organisations") { req async throws -> Response in
            let user = try req.requireUser()
            let form = try req.content.decode(NewOrgForm.self)
            try await UsersConsole.formAction(req, back: "") {
                guard let parent = form.parentId.flatMap(UUID.init(uuidString:)) else {
                    throw DomainError.invalid(field: "parentId", message: "请选择上级机关")
                }
                guard user.administered.contains(parent) else { throw APIError.forbidden("您不是上级机关的系统管理员，不能在其下设立机关") }
                let o = try await req.write(as: user) { tx in
                    try await Directory.createOrganisation(
                        .init(
                            name: form.name ?? "", uscc: form.uscc, regionCode: form.regionCode ?? "", parentID: parent),
                        in: tx)
                }
                return "已新设机关：\(o.name)"
            }
            return req.redirect(to: "/console/organisations")
        }
        console.post("regions") { req async throws -> Response in
            let user = try req.requireUser()
            guard user.isAdmin else { throw APIError.forbidden("只有系统管理员可以维护行政区划") }
            let form = try req.content.decode(NewRegionForm.self)
            try await UsersConsole.formAction(req, back: "") {
                let parent = (form.parentCode ?? "").isEmpty ? nil : form.parentCode
                let r = try await req.write(as: user) { tx in
                    try await Directory.createRegion(
                        .init(
                            code: (form.code ?? "").trimmingCharacters(in: .whitespaces), name: form.name ?? "",
                            parentCode: parent), in: tx)
                }
                return "已新增行政区划：\(r.name)（\(r.id!)）"
            }
            return req.redirect(to: "/console/organisations")
        }
    }
}

/// API 令牌: create and revoke one's own tokens. The clear token is shown once.
struct TokensConsole {
    struct NewTokenForm: Content { let name: String? }

    static func page(_ req: Request, _ user: AuthUser, newToken: String? = nil) async throws -> Response {
        let tokens = try await APITokenRecord.query(on: req.db).filter(\.$userID == user.id).sort(
            \.$createdAt, .descending
        ).all()
        let rows = tokens.map { t -> HTML in
            let action: HTML =
                t.revokedAt == nil
                ? "<form method=\"post\" action=\"/console/tokens/\(t.id!.uuidString)/revoke\" class=\"inline\">\(Views.csrfField(req))<button class=\"secondary\" type=\"submit\">吊销</button></form>"
                : "已吊销"
            return
                "<tr><td>\(t.name)</td><td>\(t.createdAt.map { String(ChinaTime.iso($0).prefix(16)).replacingOccurrences(of: "T", with: " ") } ?? "")</td><td>\(action)</td></tr>"
        }
        let shown: HTML =
            newToken.map {
                "<div class=\"token\"><p>新令牌（只显示这一次，请立即妥善保存）：</p><p class=\"mono\" id=\"new-token\">\($0)</p><p class=\"muted\">调用 API 时加请求头 <code>Authorization: Bearer 令牌</code>。</p></div>"
            } ?? ""
        let body: HTML = """
            \(shown)
            <form method="post" action="/console/tokens" class="card">\(Views.csrfField(req))
            <label for="name">令牌名称（用途）</label><input id="name" name="name" required maxlength="60" placeholder="例如：数据报送脚本">
            <button type="submit">创建令牌</button></form>
            <div class="table-wrap"><table class="data"><thead><tr><th>名称</th><th>创建时间</th><th>状态</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
        return Views.console(
            "API 令牌", user: user, request: req, active: "/console/tokens", flash: Flash.take(req), body)
    }

    static func register(_ console: any RoutesBuilder) {
        console.get("tokens") { req async throws -> Response in try await page(req, try req.requireUser()) }
        console.post("tokens") { req async throws -> Response in
            let user = try req.requireUser()
            let form = try req.content.decode(NewTokenForm.self)
            guard let me = try await UserRecord.find(user.id, on: req.db) else { throw APIError.notFound() }
            do {
                let (_, clear) = try await req.write(as: user) { tx in
                    try await Accounts.createToken(for: me, name: form.name ?? "", tx: tx)
                }
                return try await page(req, user, newToken: clear)
            } catch let e as DomainError {
                Flash.set(req, error: Flash.message(for: e, request: req))
                return req.redirect(to: "/console/tokens")
            }
        }
        console.post("tokens", ":id", "revoke") { req async throws -> Response in
            let user = try req.requireUser()
            guard let id = req.parameters.get("id", as: UUID.self),
                let t = try await APITokenRecord.find(id, on: req.db), t.userID == user.id
            else {
                throw APIError.notFound("该令牌不存在")
            }
            try await UsersConsole.formAction(req, back: "") {
                try await req.write(as: user) { tx in try await Accounts.revoke(token: t, tx: tx) }
                return "已吊销令牌“\(t.name)”"
            }
            return req.redirect(to: "/console/tokens")
        }
    }
}

/// 期限计算: the calculator, for staff (console) and the public (portal).
struct DeadlinePages {
    static func form(_ req: Request, action: String) -> HTML {
        let from = req.query[String.self, at: "from"] ?? req.fazhi.today.description
        let days = req.query[String.self, at: "days"] ?? ""
        let unit = req.query[String.self, at: "unit"] ?? "workday"
        var result: HTML = ""
        if req.query[String.self, at: "days"] != nil {
            do {
                let a = try DeadlineAPI.answer(req)
                let d = Deadline(
                    start: CivilDate(iso: a.from)!, period: a.days, unit: PeriodUnit(rawValue: a.unit)!, article: nil,
                    due: CivilDate(iso: a.due)!)
                result =
                    "<div class=\"card\"><p>自 \(a.from) 起 \(a.days) 个\(a.unitName)，届满日：<b id=\"due\">\(Views.deadlineCell(d, today: req.fazhi.today))</b></p><p class=\"muted\">\(a.rule)</p></div>"
            } catch {
                result = Views.flash(Flash.message(for: error, request: req), error: true)
            }
        }
        let years = req.fazhi.calendar.years.map(String.init).joined(separator: "、")
        return """
            <form method="get" action="\(action)" class="card">
            <label for="from">起算日（该日不计入）</label><input id="from" name="from" type="date" value="\(from)" required>
            <label for="days">期间</label><input id="days" name="days" type="number" min="1" max="3660" value="\(days)" required>
            <label for="unit">单位</label><select id="unit" name="unit"><option value="workday"\(HTML(raw: unit == "workday" ? " selected" : ""))>工作日</option><option value="day"\(HTML(raw: unit == "day" ? " selected" : ""))>日（自然日，届满日遇休息日顺延）</option></select>
            <button type="submit">计算</button></form>
            \(result)
            <p class="muted">已载入节假日安排的年份：\(years)。其他年份拒绝计算，不作推测。</p>
            """
    }

    static func register(console: any RoutesBuilder, portal: any RoutesBuilder) {
        console.get("deadline") { req async throws -> Response in
            Views.console(
                "期限计算", user: try req.requireUser(), request: req, active: "/console/deadline",
                form(req, action: "/console/deadline"))
        }
        portal.get("deadline") { req -> Response in Views.portal("法定期限计算", request: req, form(req, action: "/deadline"))
        }
    }
}

/// 全过程记录: the log, its checkpoints, and a full verification on demand.
struct RecordConsole {
    static func register(_ console: any RoutesBuilder) {
        console.get("record") { req async throws -> Response in
            let user = try req.requireUser()
            guard user.isAdmin || user.isSupervisor else { throw APIError.notFound() }
            let size = try await RecordLog.size(on: req.db)
            let cps = try await RecordLog.checkpoints(on: req.db).suffix(10).reversed()
            let recent = try await RecordLog.recent(on: req.db, limit: 50)
            let users = try await UserRecord.query(on: req.db).all()
            let who = Dictionary(uniqueKeysWithValues: users.map { ($0.id!.uuidString, $0.displayName) })
            let cpRows = cps.map { c -> HTML in
                "<tr><td>\(c.treeSize)</td><td>\(String(c.madeAt.prefix(19)).replacingOccurrences(of: "T", with: " "))</td><td class=\"mono\">\(c.rootHash)</td></tr>"
            }
            let rows = recent.map { e -> HTML in
                "<tr><td>\(Int(e.sequence))</td><td>\(String(e.recordedAt.prefix(19)).replacingOccurrences(of: "T", with: " "))</td><td>\(who[e.actor] ?? (e.actor == "system" ? "系统" : e.actor))</td><td>\(ActionNames.describe(e))</td><td class=\"mono\">\(String(e.payloadHash.prefix(16)))…</td></tr>"
            }
            let body: HTML = """
                <div class="grid"><div class="stat">记录条数<b id="record-size">\(size)</b></div><div class="stat">最近检查点规模<b>\(cps.first?.treeSize ?? 0)</b></div>
                <div class="stat">签名公钥<span class="mono">\(req.fazhi.recordKey.publicKey.base64)</span></div></div>
                <form method="post" action="/console/record/checkpoint" class="inline">\(Views.csrfField(req))<button type="submit">立即签署检查点</button></form>
                <form method="post" action="/console/record/verify" class="inline">\(Views.csrfField(req))<button type="submit" class="secondary">全量校验</button></form>
                <h2>签名检查点</h2>
                <div class="table-wrap"><table class="data"><thead><tr><th>规模</th><th>时间</th><th>根哈希</th></tr></thead><tbody>\(cpRows)</tbody></table></div>
                <h2>最近 50 条记录</h2>
                <div class="table-wrap"><table class="data"><thead><tr><th>序号</th><th>时间</th><th>操作人</th><th>操作</th><th>内容哈希</th></tr></thead><tbody>\(rows)</tbody></table></div>
                """
            return Views.console(
                "全过程记录", user: user, request: req, active: "/console/record", flash: Flash.take(req), body)
        }
        console.post("record", "checkpoint") { req async throws -> Response in
            let user = try req.requireUser()
            guard user.isAdmin || user.isSupervisor else { throw APIError.forbidden("只有系统管理员或司法行政监督人员可以签署检查点") }
            try await UsersConsole.formAction(req, back: "") {
                let cp = try await RecordLog.makeCheckpoint(
                    key: req.fazhi.recordKey, store: req.fazhi.store, on: req.db, now: req.fazhi.now)
                return "已签署检查点：规模 \(cp.treeSize)"
            }
            return req.redirect(to: "/console/record")
        }
        console.post("record", "verify") { req async throws -> Response in
            let user = try req.requireUser()
            guard user.isAdmin || user.isSupervisor else { throw APIError.forbidden() }
            let report = try await RecordLog.audit(on: req.db, extraKeys: [req.fazhi.recordKey.publicKey])
            if report.ok {
                Flash.set(req, ok: "校验通过：\(report.entriesChecked) 条记录、\(report.checkpointsChecked) 个检查点均一致。")
            } else {
                Flash.set(
                    req,
                    error: "校验未通过："
                        + ([report.firstProblem?.reason].compactMap { $0 } + report.checkpointProblems).joined(
                            separator: "；"))
            }
            return req.redirect(to: "/console/record")
        }
    }
}
