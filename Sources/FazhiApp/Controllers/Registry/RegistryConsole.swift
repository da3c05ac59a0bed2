import FazhiCore
import FazhiOffice
import FazhiStore
import Fluent
import Vapor

/// Console pages for the registries: bodies, officers, the list with its adjustments, benchmarks, import/export.
struct RegistryConsole {
    struct BodyForm: Content {
        let organisationId: String?; let kind: String?; let entrustingOrganisationId: String?; let legalBasis: String?;
        let scope: String?; let confirmedOn: String?; let announcementDocument: String?
    }
    struct OfficerForm: Content {
        let name: String?; let gender: String?; let idNumber: String?; let bodyId: String?; let post: String?;
        let certificateNumber: String?; let certificateCategory: String?
        let certificateRegion: String?; let certificateIssuedOn: String?; let certificateExpiresOn: String?;
        let certificateStatus: String?; let legalQualification: String?
        let legalCertificateNumber: String?; let examScore: String?; let trainingYear: String?;
        let trainingHours: String?
    }
    struct AdjustForm: Content {
        let code: String?; let name: String?; let type: String?; let subItems: String?; let law: String?;
        let article: String?; let basisText: String?; let organisationId: String?
        let responsibilities: String?; let process: String?; let accountability: String?; let supervision: String?
        let kind: String?; let effectiveOn: String?; let reason: String?; let approvalDocument: String?;
        let approver: String?
    }
    struct ImportForm: Content { let kind: String?; let mode: String?; let file: File? }

    static func date(_ s: String?, _ field: String) throws -> CivilDate {
        guard let s, let d = CivilDate(iso: s.trimmed) else {
            throw DomainError.invalid(field: field, message: "请填写日期（YYYY-MM-DD）")
        }
        return d
    }

    static func officerInput(_ f: OfficerForm) throws -> OfficerInput {
        guard let body = f.bodyId.flatMap(UUID.init(uuidString:)) else {
            throw DomainError.invalid(field: "bodyId", message: "请选择执法主体")
        }
        guard let status = CertificateStatus(rawValue: f.certificateStatus ?? "active") else {
            throw DomainError.invalid(field: "certificateStatus", message: "证件状态无效")
        }
        let score = (f.examScore ?? "").trimmed
        guard score.isEmpty || Double(score) != nil else {
            throw DomainError.invalid(field: "examScore", message: "考试成绩应为数字")
        }
        return OfficerInput(
            name: (f.name ?? "").trimmed, gender: f.gender ?? "", idNumber: (f.idNumber ?? "").trimmed, bodyID: body,
            post: f.post ?? "",
            certificate: EnforcementCertificate(
                number: (f.certificateNumber ?? "").trimmed, category: f.certificateCategory ?? "",
                region: f.certificateRegion ?? "",
                issuedOn: try date(f.certificateIssuedOn, "certificateIssuedOn"),
                expiresOn: try date(f.certificateExpiresOn, "certificateExpiresOn"), status: status),
            hasLegalQualification: f.legalQualification == "on" || f.legalQualification == "true",
            legalCertificateNumber: f.legalCertificateNumber ?? "",
            examScore: score.isEmpty ? nil : Double(score))
    }

    static func register(_ console: any RoutesBuilder) {
        // MARK: 执法主体
        console.get("bodies") { req async throws -> Response in
            let user = try req.requireUser()
            let bodies = try await EnforcementBodies.all(on: req.db).filter {
                user.registryReadable.contains($0.organisationId)
            }
            let today = req.fazhi.today
            var organisations: [(UUID, String)]?
            if user.mayConfirmBodies {
                organisations = try await Directory.organisations(on: req.db).filter { user.readable.contains($0.id!) }
                    .map { ($0.id!, $0.name) }
            }
            return Views.console(
                "执法主体", user: user, request: req, active: SitePath.bodies.path, flash: Flash.take(req),
                RegistryConsoleViews.bodies(
                    bodies, today: today, organisations: organisations, csrf: CSRF.token(for: req)))
        }
        console.post("bodies") { req async throws -> Response in
            let user = try req.requireUser()
            guard user.mayConfirmBodies else { throw APIError.forbidden("只有司法行政监督人员或系统管理员可以确认执法主体") }
            let f = try req.content.decode(BodyForm.self)
            try await UsersConsole.formAction(req, back: "") {
                guard let org = f.organisationId.flatMap(UUID.init(uuidString:)), user.readable.contains(org) else {
                    throw DomainError.invalid(field: "organisationId", message: "请选择机关")
                }
                guard let kind = EnforcementBodyKind(rawValue: f.kind ?? "") else {
                    throw DomainError.invalid(field: "kind", message: "请选择主体类型")
                }
                let confirmed = (f.confirmedOn ?? "").isEmpty ? nil : try date(f.confirmedOn, "confirmedOn")
                let body = EnforcementBody(
                    organisationID: org, kind: kind,
                    entrustingOrganisationID: (f.entrustingOrganisationId ?? "").isEmpty
                        ? nil : UUID(uuidString: f.entrustingOrganisationId!),
                    legalBasis: f.legalBasis ?? "", scope: f.scope ?? "", confirmedOn: confirmed,
                    announcementDocument: f.announcementDocument ?? "")
                try await req.write(as: user) { tx in try await EnforcementBodies.save(body, in: tx) }
                return "已保存执法主体"
            }
            return req.redirect(to: SitePath.bodies.path)
        }

        // MARK: 执法人员
        console.get("officers") { req async throws -> Response in
            let user = try req.requireUser()
            let today = req.fazhi.today
            let q = req.query[String.self, at: "q"] ?? ""
            let alert = req.query[String.self, at: "alert"] ?? ""
            let bodies = try await EnforcementBodies.all(on: req.db).filter {
                user.registryReadable.contains($0.organisationId)
            }
            let body = req.query[String.self, at: "body"].flatMap(UUID.init(uuidString:))
            let scope = body.map { user.registryReadable.contains($0) ? [$0] : [] } ?? user.registryReadable
            let settings = req.fazhi.options.registrySettings
            var list = try await Officers.list(bodies: scope, query: q, year: today.year, on: req.db).map {
                ($0, OfficerAlert.alerts(for: $0.profile(year: today.year), today: today, settings: settings))
            }
            switch alert {
            case "expiring":
                list = list.filter {
                    $0.1.contains {
                        if case .expiresSoon = $0 { return true }; return false
                    }
                }
            case "expired":
                list = list.filter {
                    $0.1.contains {
                        if case .expired = $0 { return true }; return false
                    }
                }
            case "training":
                list = list.filter {
                    $0.1.contains {
                        if case .trainingBelowTarget = $0 { return true }; return false
                    }
                }
            default: break
            }
            let canWrite = !user.registryWritable.intersection(bodies.map(\.organisationId)).isEmpty
            let writableBodies = bodies.filter { user.registryWritable.contains($0.organisationId) }
            return Views.console(
                "执法人员", user: user, request: req, active: SitePath.officers.path, flash: Flash.take(req),
                RegistryConsoleViews.officers(
                    list, today: today, query: q, alert: alert, body: body, bodies: bodies,
                    target: settings.trainingHoursTarget,
                    newForm: canWrite ? writableBodies : nil, csrf: CSRF.token(for: req)))
        }
        console.post("officers") { req async throws -> Response in
            let user = try req.requireUser()
            let f = try req.content.decode(OfficerForm.self)
            try await UsersConsole.formAction(req, back: "") {
                let input = try officerInput(f)
                guard user.registryWritable.contains(input.bodyID) else { throw APIError.forbidden("您无权为该执法主体登记执法人员") }
                try await req.write(as: user) { tx in _ = try await Officers.create(input, in: tx) }
                return "已登记执法人员：\(input.name)"
            }
            return req.redirect(to: SitePath.officers.path)
        }
        console.get("officers", ":id") { req async throws -> Response in
            let user = try req.requireUser()
            let today = req.fazhi.today
            guard let id = req.parameters.get("id", as: UUID.self),
                let o = try await Officers.officer(id, year: today.year, on: req.db),
                user.registryReadable.contains(o.bodyId)
            else {
                throw APIError.notFound("执法人员不存在")
            }
            let bodies = try await EnforcementBodies.all(on: req.db).filter {
                user.registryWritable.contains($0.organisationId)
            }
            let el = o.profile.eligibility(on: today)
            let alerts = OfficerAlert.alerts(
                for: o.profile(year: today.year), today: today, settings: req.fazhi.options.registrySettings)
            return Views.console(
                o.name, user: user, request: req, active: SitePath.officers.path, flash: Flash.take(req),
                RegistryConsoleViews.officer(
                    o, eligibility: el, alerts: alerts,
                    editable: user.registryWritable.contains(o.bodyId) ? bodies : nil, today: today,
                    csrf: CSRF.token(for: req)))
        }
        console.post("officers", ":id") { req async throws -> Response in
            let user = try req.requireUser()
            guard let id = req.parameters.get("id", as: UUID.self), let o = try await Officers.officer(id, on: req.db),
                user.registryReadable.contains(o.bodyId)
            else { throw APIError.notFound("执法人员不存在") }
            guard user.registryWritable.contains(o.bodyId) else { throw APIError.forbidden("您无权修改该执法人员") }
            let f = try req.content.decode(OfficerForm.self)
            try await UsersConsole.formAction(req, back: "") {
                let input = try officerInput(f)
                guard user.registryWritable.contains(input.bodyID) else { throw APIError.forbidden("您无权把执法人员调入该执法主体") }
                try await req.write(as: user) { tx in try await Officers.update(id, input, in: tx) }
                return "已保存"
            }
            return req.redirect(to: SitePath.officer(id).path)
        }
        console.post("officers", ":id", "training") { req async throws -> Response in
            let user = try req.requireUser()
            guard let id = req.parameters.get("id", as: UUID.self), let o = try await Officers.officer(id, on: req.db),
                user.registryWritable.contains(o.bodyId)
            else { throw APIError.notFound("执法人员不存在") }
            let f = try req.content.decode(OfficerForm.self)
            try await UsersConsole.formAction(req, back: "") {
                guard let y = Int(f.trainingYear ?? "") else {
                    throw DomainError.invalid(field: "year", message: "请填写年度")
                }
                guard let h = Double(f.trainingHours ?? "") else {
                    throw DomainError.invalid(field: "hours", message: "请填写学时")
                }
                try await req.write(as: user) { tx in
                    try await Officers.setTraining(officer: id, year: y, hours: h, in: tx)
                }
                return "已保存\(y)年培训学时"
            }
            return req.redirect(to: SitePath.officer(id).path)
        }

        registerPowers(console)
        registerBenchmarksAndImport(console)
    }
}
