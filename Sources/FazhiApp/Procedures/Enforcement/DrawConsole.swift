import FazhiCore
import FazhiStore
import Vapor

/// 双随机 in the console: the body's 检查对象名录库 (counts by risk grade, import), its tasks, a new task frozen from the
/// directory and the officers eligible on the draw day, and each task's draw at the public session (the revealed value
/// and two witnesses) or its cancellation with the reason.
enum DrawConsole {
    struct Page {
        let body: UUID?
        let bodyName: String
        let counts: [String: Int]
        let tasks: [DrawTask]
        let bodies: [UUID: String]
        /// The 行政检查 cases the draws assigned to the user (as an officer) and not yet recorded.
        let mine: [StoredCase]
        let mayRun: Bool
        let today: CivilDate
        /// The body's 随机抽查事项清单 and this year's and next year's 抽查计划.
        let items: [DrawItem]
        let plans: [DrawPlan]
        let rules: DrawRules?
    }

    /// The enforcement body the user runs draws for (their own organisation), if they are its head or 法制机构.
    static func body(_ user: AuthUser) -> UUID? {
        let roles = CasesAPI.actor(user, body: user.organisationID).roles
        return roles.isDisjoint(with: [.head, .legalReviewer]) ? nil : user.organisationID
    }

    static func load(_ req: Request, _ user: AuthUser) async throws -> Page {
        let names = try await CasesConsole.bodyNames(req)
        let mine = body(user)
        var counts: [String: Int] = [:]
        if let mine { counts = try await RandomDraws.targetCounts(body: mine, on: req.db) }
        var assigned: [StoredCase] = []
        if let officer = try await Officers.officerID(forUser: user.id, on: req.db),
            let certificate = try await Officers.officer(officer, on: req.db)?.certificateNumber
        {
            assigned = try await CaseStore.inState(
                procedure: InspectionProcedure.id, state: InspectionProcedure.State.open.id, limit: 2_000, on: req.db
            ).filter {
                user.readable.contains($0.file.bodyID)
                    && $0.file.facts.list(EnforcementFact.assignedInspectors.id).contains(certificate)
            }
        }
        let today = req.fazhi.today
        var plans: [DrawPlan] = [], items: [DrawItem] = [], rules: DrawRules?
        if let mine {
            items = try await DrawItems.list(body: mine, on: req.db)
            rules = try await DrawItems.rules(body: mine, on: req.db)
            for y in [today.year, today.year + 1] {
                if let p = try await DrawItems.plan(body: mine, year: y, on: req.db) { plans.append(p) }
            }
        }
        return Page(
            body: mine, bodyName: mine.flatMap { names[$0] } ?? "", counts: counts,
            tasks: try await RandomDraws.tasks(bodies: user.readable, on: req.db), bodies: names, mine: assigned,
            mayRun: mine != nil, today: today,
            items: items, plans: plans, rules: rules)
    }

    /// A change to the body's own 双随机 registers (list, plan): only its head or 法制机构; a refusal shows the page again.
    static func bodyChange(
        _ req: Request, _ user: AuthUser, _ refusal: String, _ change: (UUID, CivilDate) async throws -> String
    ) async throws -> Response {
        do {
            guard let body = body(user) else { throw DomainError.forbidden(refusal, article: nil) }
            Flash.set(req, ok: try await change(body, req.fazhi.today))
        } catch let e as DomainError {
            return try await page(req, user, error: e.message).with(status: APIError(e).status)
        }
        return req.redirect(to: SitePath.draws.path)
    }

    static func register(_ console: any RoutesBuilder) {
        console.get("draws") { req async throws -> Response in
            let user = try req.requireUser()
            return try await page(req, user, error: nil)
        }
        console.post("draws", "items") { req async throws -> Response in
            let user = try req.requireUser()
            let v = try req.content.decode([String: String].self)
            return try await bodyChange(req, user, "只有执法主体的负责人或者法制机构可以公布随机抽查事项清单") { body, today in
                let n = try await req.write(as: user) { tx in
                    try await DrawItems.importList(v["items"] ?? "", body: body, today: today, in: tx)
                }
                return "已公布随机抽查事项清单（\(n)项）"
            }
        }
        console.post("draws", "rules") { req async throws -> Response in
            let user = try req.requireUser()
            let v = try req.content.decode([String: String].self)
            return try await bodyChange(req, user, "只有执法主体的负责人或者法制机构可以公布抽查工作细则") { body, today in
                let r = try await req.write(as: user) { tx in
                    try await DrawItems.publishRules(
                        title: v["rulesTitle"] ?? "", text: v["rulesText"] ?? "", body: body, today: today, in: tx)
                }
                return "已公布《\(r.title)》"
            }
        }
        console.post("draws", "targets", "remove") { req async throws -> Response in
            let user = try req.requireUser()
            let v = try req.content.decode([String: String].self)
            return try await bodyChange(req, user, "只有执法主体的负责人或者法制机构可以维护检查对象名录库") { body, _ in
                let n = try await req.write(as: user) { tx in
                    try await RandomDraws.removeTargets(
                        v["removeCodes"] ?? "", reason: v["removeReason"] ?? "", body: body, in: tx)
                }
                return "已从名录库移出\(n)个检查对象"
            }
        }
        console.post("draws", "plan") { req async throws -> Response in
            let user = try req.requireUser()
            let v = try req.content.decode([String: String].self)
            return try await bodyChange(req, user, "只有执法主体的负责人或者法制机构可以编制抽查计划") { body, today in
                guard let year = Int((v["year"] ?? "").trimmed) else {
                    throw DomainError.invalid(field: "year", message: "请填写计划年度")
                }
                let plan = try await req.write(as: user) { tx in
                    try await DrawItems.savePlan(year: year, v["plan"] ?? "", body: body, today: today, in: tx)
                }
                return "已保存\(plan.year)年度抽查计划（\(plan.entries.count)项），请报上级部门备案"
            }
        }
        console.post("draws", "plan", "file") { req async throws -> Response in
            let user = try req.requireUser()
            let v = try req.content.decode([String: String].self)
            return try await bodyChange(req, user, "只有执法主体的负责人或者法制机构可以报备抽查计划") { body, today in
                guard let year = Int((v["year"] ?? "").trimmed) else {
                    throw DomainError.invalid(field: "year", message: "请填写计划年度")
                }
                guard let on = CivilDate(iso: (v["filedOn"] ?? "").trimmed) else {
                    throw DomainError.invalid(field: "filedOn", message: "请填写报备日期（年-月-日）")
                }
                _ = try await req.write(as: user) { tx in
                    try await DrawItems.filePlan(
                        year: year, with: v["filedWith"] ?? "", on: on, body: body, today: today, in: tx)
                }
                return "已登记\(year)年度抽查计划的报备"
            }
        }
        console.post("draws", "targets") { req async throws -> Response in
            let user = try req.requireUser()
            let v = try req.content.decode([String: String].self)
            do {
                guard let body = body(user) else {
                    throw DomainError.forbidden("只有执法主体的负责人或者法制机构可以维护检查对象名录库", article: nil)
                }
                let n = try await req.write(as: user) { tx in
                    try await RandomDraws.importTargets(v["targets"] ?? "", body: body, in: tx)
                }
                Flash.set(req, ok: "已导入\(n)个检查对象")
            } catch let e as DomainError {
                return try await page(req, user, error: e.message).with(status: APIError(e).status)
            }
            return req.redirect(to: SitePath.draws.path)
        }
        console.post("draws") { req async throws -> Response in
            let user = try req.requireUser()
            let v = try req.content.decode([String: String].self)
            do {
                guard let body = body(user) else {
                    throw DomainError.forbidden("只有执法主体的负责人或者法制机构可以发起抽查任务", article: nil)
                }
                let today = req.fazhi.today
                guard let drawOn = CivilDate(iso: (v["drawOn"] ?? "").trimmed) else {
                    throw DomainError.invalid(field: "drawOn", message: "请填写抽取日期（年-月-日）")
                }
                let ratioText = (v["ratio"] ?? "").trimmed
                guard !ratioText.isEmpty, ratioText.count <= 10,
                    ratioText.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
                    let ratio = Double(ratioText)
                else { throw DomainError.invalid(field: "ratio", message: "抽查比例应为数字（%），如 5 或 2.5") }
                let perTargetText = (v["perTarget"] ?? "").trimmed
                guard let perTarget = perTargetText.isEmpty ? 2 : Int(perTargetText) else {
                    throw DomainError.invalid(field: "perTarget", message: "每个对象的检查人员数应为整数")
                }
                func list(_ k: String) -> [String] {
                    TabularValues.list((v[k] ?? "").replacingOccurrences(of: ",", with: "、"))
                }
                let task = DrawTask(
                    id: UUID(), bodyID: body, title: (v["title"] ?? "").trimmed, item: (v["item"] ?? "").trimmed,
                    keyItem: v["keyItem"] == "on", industries: list("industries"), areas: list("areas"),
                    grades: list("grades").map { $0.uppercased() }, ratio: ratio, perTarget: perTarget,
                    commitment: (v["commitment"] ?? "").trimmed, drawOn: drawOn, createdOn: today,
                    repeats: v["repeats"].flatMap(UUID.init(uuidString:)),
                    partners: try await partners(v["partners"] ?? "", req))
                let exclusions = try exclusionLines(v["exclusions"] ?? "")
                // A joint task is proposed first: each partner department accepts its part before anything is fixed.
                if task.isJoint {
                    let proposed = try await req.write(as: user) { tx in try await RandomDraws.propose(task, in: tx) }
                    Flash.set(req, ok: "已发起联合抽查，待各配合部门确认后固定抽取范围")
                    return req.redirect(to: SitePath.draw(proposed.id).path)
                }
                let frozen = try await req.write(as: user) { tx in
                    try await RandomDraws.freeze(task, exclusions: exclusions, in: tx)
                }
                Flash.set(req, ok: "已固定抽取范围并公布（输入哈希 \(frozen.inputsHash.prefix(16))…）")
                return req.redirect(to: SitePath.draw(frozen.id).path)
            } catch let e as DomainError {
                return try await page(req, user, error: e.message).with(status: APIError(e).status)
            }
        }
        console.get("draws", ":id") { req async throws -> Response in
            let user = try req.requireUser()
            return try await taskPage(req, user, error: nil)
        }
        console.post("draws", ":id", "draw") { req async throws -> Response in
            let user = try req.requireUser()
            let v = try req.content.decode([String: String].self)
            guard let id = req.parameters.get("id", as: UUID.self) else { throw APIError.notFound("没有该抽查任务") }
            do {
                guard let body = body(user) else { throw DomainError.forbidden("只有执法主体的负责人或者法制机构可以抽取", article: nil) }
                let today = req.fazhi.today, catalog = req.fazhi.procedures, calendar = req.fazhi.deadlines
                let witnesses = (v["witnesses"] ?? "").split(whereSeparator: { $0.isNewline || $0 == "、" }).map(
                    String.init)
                _ = try await req.write(as: user) { tx in
                    try await RandomDraws.draw(
                        id, revealed: v["revealed"] ?? "", witnesses: witnesses, today: today, bodies: [body],
                        catalog: catalog,
                        calendar: calendar, in: tx)
                }
                Flash.set(req, ok: "已抽取，结果已公布")
            } catch let e as DomainError {
                return try await taskPage(req, user, error: e.message).with(status: APIError(e).status)
            }
            return req.redirect(to: SitePath.draw(id).path)
        }
        console.post("draws", ":id", "accept") { req async throws -> Response in
            let user = try req.requireUser()
            let v = try req.content.decode([String: String].self)
            guard let id = req.parameters.get("id", as: UUID.self) else { throw APIError.notFound("没有该抽查任务") }
            do {
                guard let body = body(user) else {
                    throw DomainError.forbidden("由配合部门的负责人或者法制机构确认参加联合抽查", article: nil)
                }
                let today = req.fazhi.today, username = user.username
                _ = try await req.write(as: user) { tx in
                    try await RandomDraws.accept(
                        id, body: body, item: v["partnerItem"] ?? "", by: username, today: today, in: tx)
                }
                Flash.set(req, ok: "已确认参加联合抽查")
            } catch let e as DomainError {
                return try await taskPage(req, user, error: e.message).with(status: APIError(e).status)
            }
            return req.redirect(to: SitePath.draw(id).path)
        }
        console.post("draws", ":id", "freeze") { req async throws -> Response in
            let user = try req.requireUser()
            let v = try req.content.decode([String: String].self)
            guard let id = req.parameters.get("id", as: UUID.self) else { throw APIError.notFound("没有该抽查任务") }
            do {
                guard let body = body(user), let t = try await RandomDraws.task(id, on: req.db), t.bodyID == body else {
                    throw DomainError.forbidden("由牵头部门的负责人或者法制机构固定抽取范围", article: nil)
                }
                guard t.state == .proposed else {
                    throw DomainError.conflict(field: nil, message: "该任务\(t.state.label)")
                }
                guard t.drawOn >= req.fazhi.today else {
                    throw DomainError.invalid(field: "drawOn", message: "抽取日期\(t.drawOn)已过：请作废本任务（写明理由）后重新发起")
                }
                let exclusions = try exclusionLines(v["exclusions"] ?? "")
                let frozen = try await req.write(as: user) { tx in
                    try await RandomDraws.freeze(t, exclusions: exclusions, in: tx)
                }
                Flash.set(req, ok: "已固定抽取范围并公布（输入哈希 \(frozen.inputsHash.prefix(16))…）")
            } catch let e as DomainError {
                return try await taskPage(req, user, error: e.message).with(status: APIError(e).status)
            }
            return req.redirect(to: SitePath.draw(id).path)
        }
        console.post("draws", ":id", "cancel") { req async throws -> Response in
            let user = try req.requireUser()
            let v = try req.content.decode([String: String].self)
            guard let id = req.parameters.get("id", as: UUID.self) else { throw APIError.notFound("没有该抽查任务") }
            do {
                guard let body = body(user) else { throw DomainError.forbidden("只有执法主体的负责人或者法制机构可以作废任务", article: nil) }
                _ = try await req.write(as: user) { tx in
                    try await RandomDraws.cancel(id, reason: v["reason"] ?? "", bodies: [body], in: tx)
                }
                Flash.set(req, ok: "已作废，理由已公布")
            } catch let e as DomainError {
                return try await taskPage(req, user, error: e.message).with(status: APIError(e).status)
            }
            return req.redirect(to: SitePath.draw(id).path)
        }
    }

    /// 回避 as typed: one pair a line, `执法证号｜统一社会信用代码`.
    static func exclusionLines(_ text: String) throws -> [[String]] {
        let exclusions = text.split(whereSeparator: \.isNewline).map { line in
            line.split(whereSeparator: { $0 == "｜" || $0 == "|" }).map { String($0).trimmed }
        }.filter { !$0.allSatisfy(\.isEmpty) }
        if let bad = exclusions.first(where: { $0.count != 2 || $0.contains(where: \.isEmpty) }) {
            throw DomainError.invalid(
                field: "exclusions", message: "回避每行写作“执法证号｜统一社会信用代码”：“\(bad.joined(separator: "｜"))”不符合")
        }
        guard exclusions.count <= 10_000 else {
            throw DomainError.invalid(field: "exclusions", message: "回避关系不超过10000条")
        }
        return exclusions
    }

    /// 待办 of 联合抽查: a partner's head or 法制机构 to accept; the lead's to fix once all have accepted.
    static let pending: PendingItems.Provider = { user, req in
        guard let mine = body(user) else { return [] }
        return try await RandomDraws.tasks(bodies: [mine], on: req.db).filter { $0.state == .proposed }.compactMap {
            t in
            if t.bodyID == mine, t.partnersAccepted {
                return PendingItem(
                    severity: .warning, title: "联合抽查已经各部门确认：\(t.title)", detail: "请固定抽取范围并公布（抽取日期\(t.drawOn)）",
                    link: SitePath.draw(t.id).path)
            }
            if t.partners?.contains(where: { $0.bodyID == mine && $0.acceptedOn == nil }) == true {
                return PendingItem(
                    severity: .warning, title: "待确认参加联合抽查：\(t.title)", detail: "确认本部门的检查事项（抽取日期\(t.drawOn)）",
                    link: SitePath.draw(t.id).path)
            }
            return nil
        }
    }

    /// 部门联合抽查 as typed: one department a line, `单位名称｜检查事项`, each a registered enforcement body.
    static func partners(_ text: String, _ req: Request) async throws -> [DrawTask.DrawPartner] {
        let lines = text.split(whereSeparator: \.isNewline).map { String($0).trimmed }.filter { !$0.isEmpty }
        guard lines.count <= 10 else { throw DomainError.invalid(field: "partners", message: "联合抽查的配合部门不超过10个") }
        guard !lines.isEmpty else { return [] }
        let bodies = try await EnforcementBodies.all(on: req.db).reduce(into: [String: UUID]()) {
            $0[$1.organisationName] = $1.organisationId
        }
        return try lines.map { line in
            let f = line.split(maxSplits: 1, whereSeparator: { $0 == "｜" || $0 == "|" }).map { String($0).trimmed }
            guard f.count == 2, !f[1].isEmpty else {
                throw DomainError.invalid(field: "partners", message: "配合部门每行写作“单位名称｜检查事项”：“\(line.prefix(60))”不符合")
            }
            guard let body = bodies[f[0]] else {
                throw DomainError.invalid(field: "partners", message: "“\(f[0].prefix(60))”不是登记的行政执法主体（请写全称）")
            }
            return DrawTask.DrawPartner(bodyID: body, item: f[1])
        }
    }

    static func page(_ req: Request, _ user: AuthUser, error: String?) async throws -> Response {
        let p = try await load(req, user)
        return Views.console(
            "双随机抽查", user: user, request: req, active: SitePath.draws.path, flash: Flash.take(req),
            DrawViews.console(p, error: error, csrf: CSRF.token(for: req))
        ).with(status: error == nil ? .ok : .unprocessableEntity)
    }

    /// The 行政检查 cases the draw opened, by id.
    static func inspections(_ t: DrawTask, _ req: Request) async throws -> [UUID: StoredCase] {
        var out: [UUID: StoredCase] = [:]
        for o in t.openedCases { out[o.caseID] = try await CaseStore.load(o.caseID, on: req.db) }
        return out
    }

    static func taskPage(_ req: Request, _ user: AuthUser, error: String?) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self), let t = try await RandomDraws.task(id, on: req.db),
            t.bodies.contains(where: user.readable.contains)
        else { throw APIError.notFound("没有该抽查任务，或者您无权查看") }
        let names = try await RandomDraws.names(t, on: req.db)
        let cases = try await inspections(t, req)
        return Views.console(
            t.title, user: user, request: req, active: SitePath.draws.path, flash: Flash.take(req),
            DrawViews.task(
                t, names: names, cases: cases, bodies: try await CasesConsole.bodyNames(req), readable: user.readable,
                partnerOf: body(user).flatMap { b in t.partners?.contains { $0.bodyID == b } == true ? b : nil },
                partnerItems: try await body(user).asyncMap { try await DrawItems.list(body: $0, on: req.db) } ?? [],
                mayRun: body(user) == t.bodyID, today: req.fazhi.today, error: error,
                csrf: CSRF.token(for: req))
        ).with(status: error == nil ? .ok : .unprocessableEntity)
    }
}

/// 双随机 on the portal (一公开): every task with its frozen inputs and their hash, the commitment, the revealed value and
/// the result, a cancelled one with its reason; the published JSON; the algorithm with the reference script.
enum DrawPortal {
    static func register(_ portal: any RoutesBuilder) {
        portal.get("random-inspections") { req async throws -> Response in
            let tasks = try await RandomDraws.tasks(bodies: nil, on: req.db)
            let names = try await CasesConsole.bodyNames(req)
            let lists = try await DrawItems.published(year: req.fazhi.today.year, on: req.db)
            var rules: [UUID: DrawRules] = [:]
            for l in lists { rules[l.body] = try await DrawItems.rules(body: l.body, on: req.db) }
            return Views.portal(
                "双随机抽查", request: req,
                DrawViews.portalList(tasks, bodies: names, lists: lists, rules: rules, year: req.fazhi.today.year))
        }
        portal.get("random-inspections", "algorithm") { req async throws -> Response in
            Views.portal("双随机抽取算法", request: req, DrawViews.algorithm())
        }
        portal.get("random-inspections", ":id") { req async throws -> Response in
            guard let id = req.parameters.get("id", as: UUID.self), let t = try await RandomDraws.task(id, on: req.db)
            else { throw APIError.notFound("没有该抽查任务") }
            let names = try await RandomDraws.names(t, on: req.db)
            let bodies = try await CasesConsole.bodyNames(req)
            let cases = try await DrawConsole.inspections(t, req)
            return Views.portal(
                t.title, request: req, DrawViews.portalTask(t, names: names, cases: cases, bodies: bodies)
            )
        }
        portal.get("random-inspections", ":id", "draw.json") { req async throws -> Response in
            guard let id = req.parameters.get("id", as: UUID.self),
                let text = try await RandomDraws.publishedText(id, on: req.db)
            else { throw APIError.notFound("没有该抽查任务") }
            var headers = HTTPHeaders()
            headers.contentType = .json
            headers.add(name: .contentDisposition, value: "attachment; filename=\"draw-\(id.uuidString).json\"")
            return Response(status: .ok, headers: headers, body: .init(string: text))
        }
    }
}
