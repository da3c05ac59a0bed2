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
            let writable = bodies.filter { user.registryWritable.contains($0.organisationId) }
            let view = PowerListViews.List(
                items: try rows.map { r in
                    (
                        try r.content(), r.organisationName, r.status.chineseName, r.effectiveOn,
                        AdjustmentKind(rawValue: r.kind)?.chineseName ?? ""
                    )
                },
                total: total, query: q, type: type, body: body, bodies: bodies, date: date, counts: counts.byType,
                byBody: counts.byBody,
                newForm: writable.isEmpty ? nil : writable, today: req.fazhi.today, csrf: CSRF.token(for: req))
            return Views.console(
                "权责清单", user: user, request: req, active: SitePath.powers.path, flash: Flash.take(req), view.render())
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
            return Views.console(
                "清单比较", user: user, request: req, active: SitePath.powers.path,
                PowerListViews.diff(d, from: from, to: to))
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
            let status = last.kind.resultingStatus
            let kinds: [AdjustmentKind] =
                status == .cancelled ? [.add, .takeOver] : [.amend, .delegateDown, .suspend, .cancel]
            return Views.console(
                c.name, user: user, request: req, active: SitePath.powers.path, flash: Flash.take(req),
                PowerListViews.item(
                    last, history: history,
                    adjust: user.registryWritable.contains(c.organisationID) ? (bodies, kinds) : nil,
                    today: req.fazhi.today,
                    csrf: CSRF.token(for: req)))
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
