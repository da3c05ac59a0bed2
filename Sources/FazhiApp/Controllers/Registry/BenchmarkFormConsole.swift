import FazhiCore
import FazhiStore
import Vapor

/// The console form that drafts a new 裁量基准 or a revised version of one (each save is a new version, like an import).
/// A rejected form is shown again with what was typed and the reason, so a long benchmark is never lost to a typo.
enum BenchmarkForm {
    typealias Values = [String: String]

    /// Form values of an existing benchmark (for a revision), keyed as the form names them.
    static func values(_ b: DiscretionBenchmark, effectiveOn: CivilDate) -> Values {
        var v: Values = [
            "code": b.code, "powerItemCode": b.powerItemCode, "violation": b.violation,
            "violatedArticle": b.violatedArticle,
            "penaltyArticle": b.penaltyArticle, "measure": b.measure ?? "", "measureUnit": b.measureUnit ?? "",
            "firstViolationExempt": b.firstViolationExempt ? "on" : "", "effectiveOn": effectiveOn.description,
        ]
        for t in b.tiers {
            let k = t.kind.rawValue
            v["\(k).on"] = "on"; v["\(k).circumstances"] = t.circumstances
            v["\(k).from"] = t.measureFrom.map(Yuan.number) ?? ""; v["\(k).to"] = t.measureTo.map(Yuan.number) ?? ""
            v["\(k).basis"] = t.range.fineBasis.rawValue
            if t.range.fineBasis != .none {
                v["\(k).min"] = Yuan.number(t.range.minimum); v["\(k).max"] = Yuan.number(t.range.maximum)
            }
            v["\(k).other"] = t.range.otherPenalties.joined(separator: "、")
        }
        return v
    }

    /// The benchmark the form describes and its effective date; the first bad field is named.
    static func benchmark(_ v: Values) throws -> (DiscretionBenchmark, CivilDate) {
        func text(_ k: String) -> String { (v[k] ?? "").trimmed }
        func number(_ k: String, _ label: String) throws -> Double? {
            let t = text(k).replacingOccurrences(of: ",", with: "")
            if t.isEmpty { return nil }
            guard let d = Double(t), d.isFinite else { throw DomainError.invalid(field: k, message: "“\(label)”应为数字") }
            return d
        }
        guard let effective = CivilDate(iso: text("effectiveOn")) else {
            throw DomainError.invalid(field: "effectiveOn", message: "请填写施行日期（如 2026-12-01）")
        }
        var tiers: [DiscretionTier] = []
        for kind in DiscretionTierKind.allCases where v["\(kind.rawValue).on"] == "on" {
            let k = kind.rawValue, name = kind.chineseName
            guard
                let basis = FineBasis(rawValue: text("\(k).basis"))
                    ?? (text("\(k).basis").isEmpty ? FineBasis.none : nil)
            else {
                throw DomainError.invalid(field: "\(k).basis", message: "“\(name)”档的罚款方式无效")
            }
            let lo = try number("\(k).min", "\(name)下限"), hi = try number("\(k).max", "\(name)上限")
            if basis != .none && (lo == nil || hi == nil) {
                throw DomainError.invalid(field: "\(k).min", message: "“\(name)”档按\(basis.chineseName)罚款，须填写下限和上限")
            }
            let others = TabularValues.list(text("\(k).other"))
            tiers.append(
                DiscretionTier(
                    kind: kind, circumstances: text("\(k).circumstances"),
                    measureFrom: kind.isGraded ? try number("\(k).from", "\(name)区间下限") : nil,
                    measureTo: kind.isGraded ? try number("\(k).to", "\(name)区间上限") : nil,
                    range: PenaltyRange(fineBasis: basis, minimum: lo ?? 0, maximum: hi ?? 0, otherPenalties: others)))
        }
        let b = DiscretionBenchmark(
            code: text("code"), powerItemCode: text("powerItemCode"), violation: text("violation"),
            violatedArticle: text("violatedArticle"), penaltyArticle: text("penaltyArticle"),
            measure: text("measure").isEmpty ? nil : text("measure"),
            measureUnit: text("measureUnit").isEmpty ? nil : text("measureUnit"),
            firstViolationExempt: v["firstViolationExempt"] == "on", tiers: tiers)
        if let p = b.problem() { throw p }
        return (b, effective)
    }

    static func page(
        _ req: Request, user: AuthUser, values v: Values, revising: Bool, error: String? = nil,
        status: HTTPResponseStatus = .ok
    ) -> Response {
        let title = revising ? "修订裁量基准 \(v["code"] ?? "")" : "新增裁量基准"
        let response = Views.console(
            title, user: user, request: req, active: SitePath.benchmarks.path, flash: Views.flash(error, error: true),
            BenchmarkViews.form(values: v, revising: revising, csrf: CSRF.token(for: req)))
        response.status = status
        return response
    }

    static func register(_ console: any RoutesBuilder) {
        console.get("benchmarks", "new") { req async throws -> Response in
            let user = try req.requireUser()
            try requirePublisher(user)
            return page(
                req, user: user,
                values: ["effectiveOn": req.fazhi.today.description, "ordinary.on": "on", "ordinary.basis": "fixed"],
                revising: false)
        }
        console.get("benchmarks", ":code", "edit") { req async throws -> Response in
            let user = try req.requireUser()
            try requirePublisher(user)
            guard let cur = try await Benchmarks.current(code: req.parameters.get("code") ?? "", on: req.db) else {
                throw APIError.notFound("没有该裁量基准")
            }
            return page(
                req, user: user, values: values(try cur.benchmark(), effectiveOn: req.fazhi.today), revising: true)
        }
        console.post("benchmarks") { req async throws -> Response in
            let user = try req.requireUser()
            try requirePublisher(user)
            var v = try req.content.decode(Values.self)
            v["_csrf"] = nil
            let revising = v["revising"] == "1"
            do {
                let (b, effective) = try benchmark(v)
                let exists = try await Benchmarks.current(code: b.code, on: req.db) != nil
                if !revising && exists {
                    throw DomainError.conflict(field: "code", message: "基准编号 \(b.code) 已存在；修订请在该基准页面点“修订”")
                }
                if revising && !exists { throw DomainError.notFound("没有裁量基准 \(b.code)") }
                let version = try await req.write(as: user) { tx in
                    try await Benchmarks.save(b, effectiveOn: effective, in: tx)
                }
                Flash.set(req, ok: "已保存裁量基准 \(b.code) 第\(version)版，\(effective)起施行")
                return req.redirect(to: "/console/benchmarks/\(b.code)")
            } catch let e as DomainError {
                return page(
                    req, user: user, values: v, revising: revising, error: Flash.message(for: e, request: req),
                    status: .unprocessableEntity)
            }
        }
    }

    /// Publishing a benchmark binds every case of that violation (第三十四条), so it is for the head of an agency, the
    /// 司法局 supervisor or an administrator.
    static func requirePublisher(_ user: AuthUser) throws {
        guard user.mayPublishBenchmarks else { throw APIError.forbidden("只有机关负责人、司法行政监督人员或系统管理员可以发布裁量基准") }
    }
}

extension AuthUser {
    var mayPublishBenchmarks: Bool { isSupervisor || isAdmin || has(.head) }
}
