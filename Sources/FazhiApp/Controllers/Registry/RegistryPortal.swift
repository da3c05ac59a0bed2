import FazhiCore
import FazhiStore
import Vapor

/// 事前公示 on the public portal: bodies, officers, the 权责清单 and the 裁量基准. Every page is also open data
/// (`?format=json` or `?format=csv`) and says the date it shows.
struct RegistryPortal {
    static func format(_ req: Request) -> String { req.query[String.self, at: "format"] ?? "html" }

    static func asOf(_ req: Request) throws -> CivilDate {
        guard let s = req.query[String.self, at: "date"], !s.isEmpty else { return req.fazhi.today }
        guard let d = CivilDate(iso: s) else { throw DomainError.invalid(field: "date", message: "日期格式应为 YYYY-MM-DD") }
        return d
    }

    static func formats(_ req: Request) -> HTML {
        var c = URLComponents(string: req.url.string) ?? URLComponents()
        func link(_ f: String) -> String {
            var items = (c.queryItems ?? []).filter { $0.name != "format" && $0.name != "page" }
            items.append(URLQueryItem(name: "format", value: f)); c.queryItems = items
            return c.string ?? "?format=\(f)"
        }
        return "<p class=\"muted\">开放数据：<a href=\"\(link("json"))\">JSON</a> · <a href=\"\(link("csv"))\">CSV</a></p>"
    }

    static func register(_ app: any RoutesBuilder) {
        app.get("bodies") { req async throws -> Response in
            let bodies = try await EnforcementBodies.all(on: req.db).filter { $0.confirmedOn != nil }
            let today = req.fazhi.today
            switch format(req) {
            case "json":
                return try TableResponse.json([
                    "asOf": AnyEncodable(today.description), "bodies": AnyEncodable(bodies.map(PublicBody.init)),
                ])
            case "csv":
                return TableResponse.csv(
                    [["执法主体", "类型", "委托机关", "执法领域", "执法依据", "确认日期", "公告文号"]]
                        + bodies.map {
                            [
                                $0.organisationName, EnforcementBodyKind(rawValue: $0.kind)?.chineseName ?? "",
                                $0.entrustingOrganisationName ?? "", $0.scope, $0.legalBasis, $0.confirmedOn ?? "",
                                $0.announcementDocument,
                            ]
                        }, filename: "执法主体")
            default: break
            }
            let rows = bodies.map { b -> HTML in
                "<tr><td>\(b.organisationName)</td><td>\(EnforcementBodyKind(rawValue: b.kind)?.chineseName ?? "")\(b.entrustingOrganisationName.map { "（委托机关：\($0)）" } ?? "")</td><td>\(b.scope)</td><td>\(b.legalBasis)</td><td>\(b.confirmedOn ?? "")</td><td>\(b.announcementDocument)</td><td><a href=\"/officers?body=\(b.organisationId.uuidString)\">执法人员</a> · <a href=\"/powers?body=\(b.organisationId.uuidString)\">权责清单</a></td></tr>"
            }
            return Views.portal(
                "行政执法主体", request: req,
                """
                <p>截至 <b>\(today.description)</b>，经确认并公告的行政执法主体共 <b>\(bodies.count)</b> 个（行政处罚法 第三十九条）。</p>\(formats(req))
                <div class="table-wrap"><table class="data"><thead><tr><th>执法主体</th><th>类型</th><th>执法领域</th><th>执法依据</th><th>确认日期</th><th>公告文号</th><th></th></tr></thead><tbody>\(rows)</tbody></table></div>
                """)
        }

        app.get("officers") { req async throws -> Response in
            let q = req.query[String.self, at: "q"] ?? ""
            let body = req.query[String.self, at: "body"].flatMap(UUID.init(uuidString:))
            let today = req.fazhi.today
            let bodies = try await EnforcementBodies.all(on: req.db)
            let limit = format(req) == "html" ? 300 : 100_000
            let rows = try await Officers.list(
                bodies: body.map { [$0] }, query: q, year: today.year, limit: limit + 1, on: req.db
            )
            .filter { $0.certificateStatus != CertificateStatus.revoked.rawValue }
            switch format(req) {
            case "json":
                return try TableResponse.json([
                    "asOf": AnyEncodable(today.description), "officers": AnyEncodable(rows.map(PublicOfficer.init)),
                ])
            case "csv":
                return TableResponse.csv(
                    RegistryTables.officers(rows, year: today.year, withPersonalData: false), filename: "执法人员")
            default: break
            }
            let shown = rows.prefix(limit)
            let trs = shown.map { o -> HTML in
                let eligible = o.profile.eligibility(on: today).isEligible
                return
                    "<tr><td>\(o.name)</td><td>\(o.bodyName)</td><td class=\"mono\">\(o.certificateNumber)</td><td>\(o.certificateCategory)</td><td>\(o.certificateRegion)</td><td>\(eligible ? "有效" : (CertificateStatus(rawValue: o.certificateStatus) == .active ? "已过期" : CertificateStatus(rawValue: o.certificateStatus)?.chineseName ?? ""))</td><td>\(o.certificateExpiresOn)</td></tr>"
            }
            return Views.portal(
                "行政执法人员", request: req,
                """
                <form method="get" action="/officers" class="card search"><label for="q">姓名、执法证号或单位</label><input id="q" name="q" value="\(q)" placeholder="如：孙立、ZJ3399">
                <label for="body">执法主体</label><select id="body" name="body">\(RegistryViews.bodyOptions(bodies, selected: body))</select><button type="submit">查询</button></form>
                <p>截至 <b>\(today.description)</b>，\(q.isEmpty ? "" : "“\(q)”")共查到 <b id="officer-count">\(rows.count > limit ? "\(limit)+" : String(rows.count))</b> 名持证执法人员。执法人员应主动出示执法证件（行政处罚法 第五十五条）；可在此核对证件真伪。</p>\(formats(req))
                <div class="table-wrap"><table class="data" id="officers"><thead><tr><th>姓名</th><th>执法主体</th><th>执法证号</th><th>执法类别</th><th>执法区域</th><th>证件状态</th><th>有效期至</th></tr></thead><tbody>\(trs)</tbody></table></div>
                """)
        }

        app.get("powers") { req async throws -> Response in
            let date = try asOf(req)
            let q = req.query[String.self, at: "q"] ?? ""
            let type = req.query[String.self, at: "type"].flatMap(PowerType.init(rawValue:))
            let body = req.query[String.self, at: "body"].flatMap(UUID.init(uuidString:))
            let page = max(1, req.query[Int.self, at: "page"] ?? 1)
            let filter = PowerListStore.Filter(type: type, organisations: body.map { [$0] }, query: q)
            let html = format(req) == "html"
            let cap = 1_000
            let (rows, total) = try await PowerListStore.list(
                on: date, filter, limit: html ? 100 : 1_000_000, offset: html ? (page - 1) * 100 : 0,
                countUpTo: html && !q.isEmpty ? cap + 1 : nil, on: req.db)
            switch format(req) {
            case "json":
                return try TableResponse.json([
                    "asOf": AnyEncodable(date.description), "total": AnyEncodable(total),
                    "items": AnyEncodable(try rows.map(PublicPowerItem.init)),
                ])
            case "csv":
                return TableResponse.csv(try RegistryTables.powers(rows).map { Array($0.prefix(14)) }, filename: "权责清单")
            default: break
            }
            let counts = try await PowerListStore.counts(on: date, organisations: body.map { [$0] }, on: req.db)
            let bodies = try await EnforcementBodies.all(on: req.db)
            let trs = try rows.map { r -> HTML in
                let c = try r.content()
                return
                    "<tr><td class=\"mono\"><a href=\"/powers/\(c.code)?date=\(date.description)\">\(c.code)</a></td><td>\(c.name)</td><td>\(c.type.chineseName)</td><td>\(r.organisationName)</td><td>\(c.basis.map { "\($0.law)\($0.article)" }.joined(separator: "；"))</td><td>\(r.status.chineseName)</td></tr>"
            }
            let pages = (min(total, cap) + 99) / 100
            var pager: HTML = ""
            if pages > 1 {
                var c = URLComponents(string: req.url.string) ?? URLComponents()
                func link(_ p: Int) -> String {
                    var items = (c.queryItems ?? []).filter { $0.name != "page" };
                    items.append(.init(name: "page", value: String(p))); c.queryItems = items; return c.string ?? ""
                }
                pager =
                    "<p class=\"pager\">第 \(page)/\(pages) 页 \(page > 1 ? HTML("<a href=\"\(link(page - 1))\">上一页</a>") : "") \(page < pages ? HTML("<a href=\"\(link(page + 1))\">下一页</a>") : "")</p>"
            }
            return Views.portal(
                "权责清单", request: req,
                """
                <form method="get" action="/powers" class="card search"><label for="q">关键词（事项名称、编码、依据、实施主体）</label><input id="q" name="q" value="\(q)" placeholder="如：食品、许可、消防">
                <label for="type">事项类型</label><select id="type" name="type">\(RegistryViews.typeOptions(type))</select>
                <label for="body">实施主体</label><select id="body" name="body">\(RegistryViews.bodyOptions(bodies, selected: body))</select>
                <label for="date">截至日期</label><input id="date" name="date" type="date" value="\(date.description)"><button type="submit">查询</button></form>
                <p>截至 <b>\(date.description)</b> 的权责清单\(q.isEmpty ? "" : "中与“\(q)”有关的事项")：<b id="power-total">\(total > cap ? "\(cap)" : String(total))</b> 项\(total > cap ? "以上，请加关键词缩小范围" : "")。</p>
                \(q.isEmpty && type == nil ? RegistryViews.typeCounts(counts.byType) { "/powers?type=\($0.rawValue)&date=\(date.description)" } : "")
                \(formats(req))
                <div class="table-wrap"><table class="data" id="powers"><thead><tr><th>事项编码</th><th>事项名称</th><th>类型</th><th>实施主体</th><th>设定依据</th><th>状态</th></tr></thead><tbody>\(trs)</tbody></table></div>\(pager)
                """)
        }

        app.get("powers", ":code") { req async throws -> Response in
            let code = req.parameters.get("code") ?? ""
            let history = try await PowerListStore.history(code: code, on: req.db).map { try $0.domain() }
            guard !history.isEmpty else { throw DomainError.notFound("权责清单中没有事项 \(code)") }
            let date = try asOf(req)
            let listed = PowerListHistory.listed(history, on: date)
            let c = listed?.content ?? history.last!.content
            let body = try await Directory.organisation(c.organisationID, on: req.db)?.name ?? ""
            if format(req) == "json" {
                return try TableResponse.json([
                    "asOf": AnyEncodable(date.description), "listed": AnyEncodable(listed != nil),
                    "item": AnyEncodable(c), "body": AnyEncodable(body),
                    "history": AnyEncodable(
                        history.map {
                            [
                                "kind": $0.kind.chineseName, "effectiveOn": $0.effectiveOn.description,
                                "reason": $0.reason, "approvalDocument": $0.approvalDocument,
                            ]
                        }),
                ])
            }
            let benches = try await Benchmarks.current(on: req.db).filter { $0.powerItemCode == code }
            let hist = history.map { a -> HTML in
                "<tr><td>\(a.effectiveOn.description)</td><td>\(a.kind.chineseName)</td><td>\(a.reason)</td><td>\(a.approvalDocument)</td><td>\(a.approver)</td></tr>"
            }
            return Views.portal(
                c.name, request: req,
                """
                <p>截至 \(date.description)：\(listed.map { "<b>\($0.status.chineseName)</b>（\($0.since.description) \($0.lastAdjustment.chineseName)）" } ?? "<b>不在清单中</b>")</p>
                <dl class="card facts"><dt>事项编码</dt><dd class="mono">\(c.code)</dd><dt>事项类型</dt><dd>\(c.type.chineseName)</dd><dt>实施主体</dt><dd>\(body)</dd>
                \(c.subItems.isEmpty ? "" : HTML("<dt>子项</dt><dd>\(c.subItems.joined(separator: "；"))</dd>"))
                <dt>设定依据</dt><dd>\(HTML.join(c.basis.map { "<p>\($0.law)\($0.article)\($0.text.isEmpty ? "" : "：\($0.text)")</p>" }))</dd>
                <dt>职责事项</dt><dd>\(c.responsibilities)</dd><dt>办理流程</dt><dd>\(c.process)</dd><dt>追责情形</dt><dd>\(c.accountability)</dd><dt>监督方式</dt><dd>\(c.supervision)</dd></dl>
                \(benches.isEmpty ? "" : HTML("<h2>裁量基准</h2><ul>\(HTML.join(benches.map { "<li><a href=\"/benchmarks/\($0.code)\">\($0.code) \($0.violation)</a></li>" }))</ul>"))
                <h2>调整记录</h2><div class="table-wrap"><table class="data"><thead><tr><th>生效日期</th><th>调整类型</th><th>原因</th><th>批准文号</th><th>批准人</th></tr></thead><tbody>\(hist)</tbody></table></div>
                """)
        }

        app.get("benchmarks") { req async throws -> Response in
            let q = req.query[String.self, at: "q"] ?? ""
            let list = try await Benchmarks.current(query: q, on: req.db)
            switch format(req) {
            case "json":
                return try TableResponse.json([
                    "asOf": AnyEncodable(req.fazhi.today.description),
                    "benchmarks": AnyEncodable(
                        try list.map { s in
                            [
                                "version": AnyEncodable(s.version), "effectiveOn": AnyEncodable(s.effectiveOn),
                                "benchmark": AnyEncodable(try s.benchmark()),
                            ]
                        }),
                ])
            case "csv": return TableResponse.csv(try RegistryTables.benchmarks(list), filename: "裁量基准")
            default: break
            }
            let trs = list.map { s -> HTML in
                "<tr><td class=\"mono\"><a href=\"/benchmarks/\(s.code)\">\(s.code)</a></td><td>\(s.violation)</td><td class=\"mono\">\(s.powerItemCode)</td><td>第\(s.version)版</td><td>\(s.effectiveOn)</td></tr>"
            }
            return Views.portal(
                "行政处罚裁量基准", request: req,
                """
                <p>依据行政处罚法第三十四条公布。截至 \(req.fazhi.today.description) 现行基准 <b>\(list.count)</b> 项；列入包容免罚清单的违法行为，初次违法且危害后果轻微并及时改正的，可以不予行政处罚（第三十三条）。</p>
                <form method="get" action="/benchmarks" class="card search"><label for="q">违法行为或条款</label><input id="q" name="q" value="\(q)"><button type="submit">查询</button></form>\(formats(req))
                <div class="table-wrap"><table class="data"><thead><tr><th>基准编号</th><th>违法行为</th><th>对应事项</th><th>版本</th><th>施行日期</th></tr></thead><tbody>\(trs)</tbody></table></div>
                """)
        }

        app.get("benchmarks", ":code") { req async throws -> Response in
            let versions = try await Benchmarks.versions(code: req.parameters.get("code") ?? "", on: req.db)
            guard let cur = versions.last else { throw DomainError.notFound("没有该裁量基准") }
            let b = try cur.benchmark()
            if format(req) == "json" {
                return try TableResponse.json([
                    "version": AnyEncodable(cur.version), "effectiveOn": AnyEncodable(cur.effectiveOn),
                    "benchmark": AnyEncodable(b),
                ])
            }
            return Views.portal(
                "裁量基准 \(b.code)", request: req,
                """
                <dl class="card facts"><dt>违法行为</dt><dd>\(b.violation)</dd><dt>违反条款</dt><dd>\(b.violatedArticle)</dd><dt>处罚依据</dt><dd>\(b.penaltyArticle)</dd>
                <dt>对应事项</dt><dd><a href="/powers/\(b.powerItemCode)">\(b.powerItemCode)</a></dd><dt>裁量因素</dt><dd>\(b.measure ?? "—")\(b.measureUnit.map { "（\($0)）" } ?? "")</dd>
                <dt>包容免罚清单</dt><dd>\(b.firstViolationExempt ? "已列入（首违不罚）" : "未列入")</dd><dt>版本</dt><dd>第\(cur.version)版，\(cur.effectiveOn)起施行\(versions.count > 1 ? "（共\(versions.count)版）" : "")</dd></dl>
                \(RegistryViews.tiersTable(b))
                """)
        }

        app.get("templates", ":file") { req async throws -> Response in
            let file = req.parameters.get("file") ?? ""
            guard file.hasSuffix(".xlsx"), let t = RegistryTemplates.template(kind: String(file.dropLast(5))) else {
                throw DomainError.notFound("没有该模板")
            }
            return TableResponse.file(
                try RegistryTables.template(t),
                type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                filename: "\(t.title)导入模板.xlsx")
        }
    }
}

/// Wraps a value of any Encodable type (for JSON objects whose values differ in type).
struct AnyEncodable: Encodable {
    let encodeValue: (any Encoder) throws -> Void
    init<T: Encodable>(_ v: T) { encodeValue = v.encode }
    func encode(to encoder: any Encoder) throws { try encodeValue(encoder) }
}
