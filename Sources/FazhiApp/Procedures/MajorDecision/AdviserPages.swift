import FazhiCore
import FazhiStore
import Vapor

/// 法律顾问、公职律师 (issue 17): the registry of who advises which unit, township or village under which contract, the work
/// log (a decision's 合法性审查 logs its advisers by itself), the Excel, the yearly figures (审查合同88件、参与重大决策28件,
/// coverage by level) and, in the 待办 of the office that manages them, contracts about to end.
enum AdviserPages {
    /// Contracts ending within this many days show in the 待办.
    static let expiryWarningDays = 60

    struct Page {
        let year: Int
        let advisers: [LegalAdviser]
        let work: [AdviserWork]
        let names: [UUID: String]
        let writable: Set<UUID>
        let today: CivilDate
    }

    /// Who manages advisers: heads, administrators and supervisors (as for the registries) and the 法制机构.
    static func writable(_ user: AuthUser) -> Set<UUID> {
        var out = user.registryWritable
        for g in user.grants where g.role == .legalReviewer {
            out.formUnion(user.policy.tree.subtree(of: g.organisationID))
        }
        return out
    }

    static func load(_ req: Request, _ user: AuthUser) async throws -> Page {
        let today = req.fazhi.today
        let asked = (try? req.query.get(Int.self, at: "year")) ?? today.year
        let year = (2000...(today.year + 1)).contains(asked) ? asked : today.year
        let advisers = try await LegalAdvisers.list(organisations: user.readable, on: req.db)
        return Page(
            year: year, advisers: advisers,
            work: try await LegalAdvisers.work(organisations: user.readable, year: year, on: req.db),
            names: try await CasesConsole.bodyNames(req), writable: writable(user), today: today)
    }

    static func register(_ console: any RoutesBuilder) {
        console.get("advisers") { req async throws -> Response in
            let user = try req.requireUser()
            return try await page(req, user, error: nil)
        }
        console.post("advisers") { req async throws -> Response in
            let user = try req.requireUser()
            let v = try req.content.decode([String: String].self)
            do {
                guard let org = v["organisation"].flatMap(UUID.init(uuidString:)), writable(user).contains(org) else {
                    throw DomainError.invalid(field: "organisation", message: "请选择您管理的单位")
                }
                guard let kind = LegalAdviser.Kind(rawValue: v["kind"] ?? "") else {
                    throw DomainError.invalid(field: "kind", message: "请选择类别")
                }
                guard let level = LegalAdviser.Level(rawValue: v["level"] ?? "") else {
                    throw DomainError.invalid(field: "level", message: "请选择服务层级")
                }
                let adviser = LegalAdviser(
                    organisationID: org, kind: kind, name: v["name"] ?? "", firm: v["firm"] ?? "", level: level,
                    servedPlace: v["servedPlace"] ?? "", contractFrom: try date(v, "contractFrom"),
                    contractUntil: try date(v, "contractUntil"))
                _ = try await req.write(as: user) { tx in try await LegalAdvisers.add(adviser, in: tx) }
            } catch let e as DomainError {
                return try await page(req, user, error: e.message).with(status: APIError(e).status)
            }
            Flash.set(req, ok: "已登记")
            return req.redirect(to: SitePath.advisers.path)
        }
        console.post("advisers", "work") { req async throws -> Response in
            let user = try req.requireUser()
            let v = try req.content.decode([String: String].self)
            do {
                guard let id = v["adviser"].flatMap(UUID.init(uuidString:)) else {
                    throw DomainError.invalid(field: "adviser", message: "请选择法律顾问")
                }
                guard let kind = AdviserWork.Kind(rawValue: v["kind"] ?? "") else {
                    throw DomainError.invalid(field: "kind", message: "请选择工作类别")
                }
                guard let on = try date(v, "doneOn") else {
                    throw DomainError.invalid(field: "doneOn", message: "请填写日期")
                }
                // The case it was for (a 规范性文件, a decision, a 应诉), by its number, among the cases the user reads.
                let number = (v["caseNumber"] ?? "").trimmed
                let caseID = try await MajorDecisionStore.caseID(number: number, bodies: user.readable, on: req.db)
                guard number.isEmpty || caseID != nil else {
                    throw DomainError.invalid(field: "caseNumber", message: "没有该案件编号，或者您无权查看该案件")
                }
                let work = AdviserWork(
                    adviserID: id, doneOn: on, kind: kind, caseID: caseID, subject: v["subject"] ?? "",
                    note: v["note"] ?? "")
                let scope = writable(user), today = req.fazhi.today
                try await req.write(as: user) { tx in
                    _ = try await LegalAdvisers.log(work, bodies: scope, today: today, in: tx)
                }
            } catch let e as DomainError {
                return try await page(req, user, error: e.message).with(status: APIError(e).status)
            }
            Flash.set(req, ok: "已登记工作")
            return req.redirect(to: SitePath.advisers.path)
        }
        console.post("advisers", ":id", "contract") { req async throws -> Response in
            let user = try req.requireUser()
            let v = try req.content.decode([String: String].self)
            do {
                guard let id = req.parameters.get("id", as: UUID.self) else { throw APIError.notFound("没有该法律顾问") }
                guard let until = try date(v, "contractUntil") else {
                    throw DomainError.invalid(field: "contractUntil", message: "请填写合同截止日期")
                }
                let scope = writable(user)
                _ = try await req.write(as: user) { tx in
                    try await LegalAdvisers.setContract(id, until: until, bodies: scope, in: tx)
                }
            } catch let e as DomainError {
                return try await page(req, user, error: e.message).with(status: APIError(e).status)
            }
            Flash.set(req, ok: "已更新合同期限")
            return req.redirect(to: SitePath.advisers.path)
        }
        console.get("advisers.xlsx") { req async throws -> Response in
            let user = try req.requireUser()
            let p = try await load(req, user)
            return try TableResponse.xlsx(
                AdviserViews.sheet(p, exportedAt: req.fazhi.today), sheet: "法律顾问",
                filename: "法律顾问、公职律师（\(p.year)年）")
        }
    }

    /// A date field of a form: empty is nil; anything else must be a date (yyyy-mm-dd) within the engine's range.
    static func date(_ v: [String: String], _ key: String) throws -> CivilDate? {
        let raw = (v[key] ?? "").trimmed
        guard !raw.isEmpty else { return nil }
        let label = ["contractFrom": "合同开始日期", "contractUntil": "合同截止日期", "doneOn": "日期"][key] ?? "日期"
        guard let d = CivilDate(iso: raw) else {
            throw DomainError.invalid(field: key, message: "“\(label)”格式应为 年-月-日（如 2026-01-01）")
        }
        guard d.year >= 1990, d.year <= 2100 else {
            throw DomainError.invalid(field: key, message: "“\(label)”应在1990年至2100年之间")
        }
        return d
    }

    static func page(_ req: Request, _ user: AuthUser, error: String?) async throws -> Response {
        let p = try await load(req, user)
        return Views.console(
            "法律顾问、公职律师", user: user, request: req, active: SitePath.advisers.path, flash: Flash.take(req),
            AdviserViews.page(p, error: error, csrf: CSRF.token(for: req))
        ).with(status: error == nil ? .ok : .unprocessableEntity)
    }

    /// The year's work by kind and the coverage of units, townships and villages (by contracts in force at the year's end,
    /// or today for the current year).
    static let figures = FigureSet(id: "advisers", title: "法律顾问、公职律师工作") { req, year, bodies in
        let db = req.readDB  // one replica for the whole set
        let advisers = try await LegalAdvisers.list(organisations: bodies, on: db)
        let work = try await LegalAdvisers.work(organisations: bodies, year: year, on: db)
        let today = req.fazhi.today
        let day = year >= today.year ? today : CivilDate(year: year, month: 12, day: 31) ?? today
        let serving = advisers.filter { $0.serves(on: day) }
        var out = AdviserWork.Kind.allCases.map { k in
            FigureOut(
                id: "work_\(k.rawValue)", label: k.label, definition: "本年登记的\(k.label)工作",
                value: Double(work.filter { $0.kind == k }.count),
                unit: "件", records: nil)
        }
        out.append(
            FigureOut(
                id: "advisers", label: "在聘法律顾问", definition: "\(day)合同有效的法律顾问（含律师事务所）",
                value: Double(serving.filter { $0.kind != .publicLawyer }.count), unit: "个", records: nil))
        out.append(
            FigureOut(
                id: "publicLawyers", label: "公职律师", definition: "在册公职律师",
                value: Double(serving.filter { $0.kind == .publicLawyer }.count),
                unit: "人", records: nil))
        for level in LegalAdviser.Level.allCases {
            out.append(
                FigureOut(
                    id: "covered_\(level.rawValue)", label: "配备法律顾问的\(level.label)",
                    definition: "\(day)有合同有效的法律顾问服务的\(level.label)（按名称计）",
                    value: Double(Set(serving.filter { $0.level == level }.map(\.servedPlace)).count), unit: "个",
                    records: nil))
        }
        let summary =
            "\(year)年法律顾问、公职律师"
            + AdviserWork.Kind.allCases.compactMap { k in
                let n = work.filter { $0.kind == k }.count
                return n == 0 ? nil : "\(k.label)\(n)件"
            }.joined(separator: "，")
        return (work.isEmpty ? "\(year)年没有登记法律顾问工作" : summary, out)
    }

    /// Contracts ending within `expiryWarningDays` or ended in the last 30 days, for those who manage them.
    static let contractItems: PendingItems.Provider = { user, req in
        let scope = writable(user)
        guard !scope.isEmpty else { return [] }
        let today = req.fazhi.today
        return try await LegalAdvisers.list(organisations: scope, on: req.db).compactMap { a -> PendingItem? in
            guard let until = a.contractUntil else { return nil }
            let left = today.days(until: until)
            guard left <= expiryWarningDays, left >= -30 else { return nil }
            return PendingItem(
                severity: left < 0 ? .overdue : .warning,
                title: "法律顾问 \(a.name)（\(a.servedPlace)）的聘用合同\(left < 0 ? "已到期" : "即将到期")",
                detail: left < 0 ? "已于\(until)到期\(-left)天，请续聘或者另行选聘" : "\(until)到期，还剩\(left)天",
                link: SitePath.advisers.path)
        }
    }
}
