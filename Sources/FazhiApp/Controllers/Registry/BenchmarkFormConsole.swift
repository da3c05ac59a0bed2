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
        func field(_ k: String, _ label: String, hint: String = "", mode: String = "") -> HTML {
            "<label for=\"\(k)\">\(label)</label><input id=\"\(k)\" name=\"\(k)\" value=\"\(v[k] ?? "")\"\(HTML(raw: mode.isEmpty ? "" : " inputmode=\"\(mode)\""))\(HTML(raw: hint.isEmpty ? "" : " placeholder=\"\(HTML.escape(hint))\""))>"
        }
        let rows = DiscretionTierKind.allCases.map { kind -> HTML in
            let k = kind.rawValue
            let basis = HTML.join(
                FineBasis.allCases.map {
                    "<option value=\"\($0.rawValue)\"\(HTML(raw: (v["\(k).basis"] ?? "none") == $0.rawValue ? " selected" : ""))>\($0.chineseName)</option>"
                })
            let bracket: HTML =
                kind.isGraded
                ? "<input name=\"\(k).from\" value=\"\(v["\(k).from"] ?? "")\" inputmode=\"decimal\" aria-label=\"\(kind.chineseName)区间下限\" class=\"num\"> 至 <input name=\"\(k).to\" value=\"\(v["\(k).to"] ?? "")\" inputmode=\"decimal\" aria-label=\"\(kind.chineseName)区间上限\" class=\"num\" placeholder=\"不设上限\">"
                : "—"
            return """
                <tr><td class="nowrap"><label class="inline"><input type="checkbox" name="\(k).on"\(HTML(raw: v["\(k).on"] == "on" ? " checked" : ""))> \(kind.chineseName)</label></td>
                <td><textarea name="\(k).circumstances" rows="2" aria-label="\(kind.chineseName)适用情形">\(v["\(k).circumstances"] ?? "")</textarea></td><td class="nowrap">\(bracket)</td>
                <td class="nowrap"><select name="\(k).basis" aria-label="\(kind.chineseName)罚款方式">\(basis)</select>
                <input name="\(k).min" value="\(v["\(k).min"] ?? "")" inputmode="decimal" class="num" aria-label="\(kind.chineseName)罚款下限"> 至 <input name="\(k).max" value="\(v["\(k).max"] ?? "")" inputmode="decimal" class="num" aria-label="\(kind.chineseName)罚款上限"></td>
                <td><input name="\(k).other" value="\(v["\(k).other"] ?? "")" aria-label="\(kind.chineseName)其他处罚" placeholder="警告、没收违法所得"></td></tr>
                """
        }
        let title = revising ? "修订裁量基准 \(v["code"] ?? "")" : "新增裁量基准"
        let codeField: HTML =
            revising
            ? "<input type=\"hidden\" name=\"code\" value=\"\(v["code"] ?? "")\"><input type=\"hidden\" name=\"revising\" value=\"1\"><p>基准编号：<span class=\"mono\">\(v["code"] ?? "")</span>（保存后形成新版本，原版本仍可查阅）</p>"
            : field("code", "基准编号", hint: "如 QH-CF-013")
        let response = Views.console(
            title, user: user, request: req, active: "/console/benchmarks", flash: Views.flash(error, error: true),
            """
            <form method="post" action="/console/benchmarks" class="card" id="benchmark-form">\(Views.csrfField(req))\(codeField)
            <div class="grid2"><div>\(field("powerItemCode", "对应行政处罚事项编码", hint: "如 339901-CF-00012"))</div><div>\(field("effectiveOn", "施行日期", hint: "2026-12-01"))</div>
            <div>\(field("violatedArticle", "违反条款"))</div><div>\(field("penaltyArticle", "处罚依据"))</div>
            <div>\(field("measure", "裁量因素（据以分档，如货值金额）"))</div><div>\(field("measureUnit", "裁量因素单位（元、次、平方米）"))</div>
            <div class="wide">\(field("violation", "违法行为"))</div></div>
            <label class="inline"><input type="checkbox" name="firstViolationExempt"\(HTML(raw: v["firstViolationExempt"] == "on" ? " checked" : ""))> 列入包容免罚清单（首违不罚，行政处罚法 第三十三条第一款）</label>
            <h2>裁量档次</h2><p class="hint">勾选适用的档次。从轻、一般、从重按裁量因素分档：各档区间首尾相接（下限含、上限不含），最后一档不设上限。</p>
            <div class="table-wrap"><table class="form-table"><thead><tr><th>档次</th><th>适用情形</th><th>裁量因素区间</th><th>罚款</th><th>其他处罚（用顿号分隔）</th></tr></thead><tbody>\(rows)</tbody></table></div>
            <button type="submit">\(revising ? "保存为新版本" : "保存")</button></form>
            """)
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
