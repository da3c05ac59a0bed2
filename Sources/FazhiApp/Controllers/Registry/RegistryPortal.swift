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
        return RegistryPortalViews.formats(json: link("json"), csv: link("csv"))
    }

    /// A public CSV with the 状态审计 column: `refs` are its data rows' refs (`StateProblem.ref`), in order.
    static func marked(_ table: [[String]], refs: [String], altered: Set<String>) -> [[String]] {
        guard let header = table.first else { return table }
        return [header + [RecordMarked<String>.csvHeader]]
            + zip(table.dropFirst(), refs).map { $0 + [RecordMarked<String>.csvValue(!altered.contains($1))] }
    }

    static func register(_ app: any RoutesBuilder) {
        app.get("bodies") { req async throws -> Response in
            let bodies = try await EnforcementBodies.all(on: req.readDB).filter { $0.confirmedOn != nil }
            let today = req.fazhi.today
            let altered = req.fazhi.stateAlerts.altered(.enforcementBodies)
            switch format(req) {
            case "json":
                return try TableResponse.json([
                    "asOf": AnyEncodable(today.description),
                    "bodies": AnyEncodable(
                        bodies.map {
                            RecordMarked(
                                row: PublicBody($0), matchesRecord: !altered.contains($0.organisationId.uuidString))
                        }),
                ])
            case "csv":
                let table: [[String]] =
                    [["执法主体", "类型", "委托机关", "执法领域", "执法依据", "确认日期", "公告文号"]]
                    + bodies.map {
                        [
                            $0.organisationName, EnforcementBodyKind(rawValue: $0.kind)?.chineseName ?? "",
                            $0.entrustingOrganisationName ?? "", $0.scope, $0.legalBasis, $0.confirmedOn ?? "",
                            $0.announcementDocument,
                        ]
                    }
                return TableResponse.csv(
                    marked(table, refs: bodies.map(\.organisationId.uuidString), altered: altered), filename: "执法主体")
            default: break
            }
            return Views.portal(
                "行政执法主体", request: req,
                RegistryPortalViews.bodies(bodies, altered: altered, today: today, formats: formats(req)))
        }

        app.get("officers") { req async throws -> Response in
            let q = req.query[String.self, at: "q"] ?? ""
            let body = req.query[String.self, at: "body"].flatMap(UUID.init(uuidString:))
            let today = req.fazhi.today
            let bodies = try await EnforcementBodies.all(on: req.readDB)
            let limit = format(req) == "html" ? 300 : 100_000
            let rows = try await Officers.list(
                bodies: body.map { [$0] }, query: q, year: today.year, limit: limit + 1, on: req.readDB
            )
            .filter { $0.certificateStatus != CertificateStatus.revoked.rawValue }
            let altered = req.fazhi.stateAlerts.altered(.officers, .officerTraining)
            switch format(req) {
            case "json":
                return try TableResponse.json([
                    "asOf": AnyEncodable(today.description),
                    "officers": AnyEncodable(
                        rows.map {
                            RecordMarked(row: PublicOfficer($0), matchesRecord: !altered.contains($0.id.uuidString))
                        }),
                ])
            case "csv":
                return TableResponse.csv(
                    marked(
                        RegistryTables.officers(rows, year: today.year, withPersonalData: false),
                        refs: rows.map(\.id.uuidString), altered: altered), filename: "执法人员")
            default: break
            }
            return Views.portal(
                "行政执法人员", request: req,
                RegistryPortalViews.officers(
                    Array(rows.prefix(limit)), more: rows.count > limit, limit: limit, query: q, body: body,
                    bodies: bodies, altered: altered, today: today,
                    formats: formats(req)))
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
                countUpTo: html && !q.isEmpty ? cap + 1 : nil, on: req.readDB)
            let altered = req.fazhi.stateAlerts.altered(.powerItems, .powerAdjustments)
            switch format(req) {
            case "json":
                return try TableResponse.json([
                    "asOf": AnyEncodable(date.description), "total": AnyEncodable(total),
                    "items": AnyEncodable(
                        try rows.map {
                            RecordMarked(row: try PublicPowerItem($0), matchesRecord: !altered.contains($0.code))
                        }
                    ),
                ])
            case "csv":
                let table = try RegistryTables.powers(rows).map { Array($0.prefix(14)) }
                return TableResponse.csv(
                    marked(table, refs: table.dropFirst().map { $0.first ?? "" }, altered: altered), filename: "权责清单")
            default: break
            }
            let counts = try await PowerListStore.counts(on: date, organisations: body.map { [$0] }, on: req.readDB)
            let bodies = try await EnforcementBodies.all(on: req.readDB)
            let view = RegistryPortalViews.Powers(
                items: try rows.map { r in (try r.content(), r.organisationName, r.status.chineseName) }, total: total,
                cap: cap, page: page,
                query: q, type: type, body: body, bodies: bodies, date: date, counts: counts.byType, altered: altered,
                formats: formats(req),
                base: req.url.string)
            return Views.portal("权责清单", request: req, view.render())
        }

        app.get("powers", ":code") { req async throws -> Response in
            let code = req.parameters.get("code") ?? ""
            let history = try await PowerListStore.history(code: code, on: req.readDB).map { try $0.domain() }
            guard !history.isEmpty else { throw DomainError.notFound("权责清单中没有事项 \(code)") }
            let date = try asOf(req)
            let listed = PowerListHistory.listed(history, on: date)
            let c = listed?.content ?? history.last!.content
            let body = try await Directory.organisation(c.organisationID, on: req.readDB)?.name ?? ""
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
            let benches = try await Benchmarks.current(on: req.readDB).filter { $0.powerItemCode == code }
            return Views.portal(
                c.name, request: req,
                RegistryPortalViews.power(
                    c, listed: listed, body: body, date: date, history: history,
                    benchmarks: benches.map { ($0.code, $0.violation) }))
        }

        app.get("benchmarks") { req async throws -> Response in
            let q = req.query[String.self, at: "q"] ?? ""
            let list = try await Benchmarks.current(query: q, on: req.readDB)
            let altered = req.fazhi.stateAlerts.altered(.benchmarks)
            switch format(req) {
            case "json":
                return try TableResponse.json([
                    "asOf": AnyEncodable(req.fazhi.today.description),
                    "benchmarks": AnyEncodable(
                        try list.map { s in
                            [
                                "version": AnyEncodable(s.version), "effectiveOn": AnyEncodable(s.effectiveOn),
                                "benchmark": AnyEncodable(try s.benchmark()),
                                "matchesRecord": AnyEncodable(!altered.contains(s.code)),
                            ]
                        }),
                ])
            case "csv":
                let table = try RegistryTables.benchmarks(list)
                return TableResponse.csv(
                    marked(table, refs: table.dropFirst().map { $0.first ?? "" }, altered: altered), filename: "裁量基准")
            default: break
            }
            return Views.portal(
                "行政处罚裁量基准", request: req,
                RegistryPortalViews.benchmarks(
                    list.map { ($0.code, $0.violation, $0.powerItemCode, $0.version, $0.effectiveOn) },
                    altered: altered,
                    query: q,
                    today: req.fazhi.today,
                    formats: formats(req)))
        }

        app.get("benchmarks", ":code") { req async throws -> Response in
            let versions = try await Benchmarks.versions(code: req.parameters.get("code") ?? "", on: req.readDB)
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
                RegistryPortalViews.benchmark(
                    b, version: cur.version, effectiveOn: cur.effectiveOn, versions: versions.count))
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
