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

    static func officerFields(_ req: Request, bodies: [EnforcementBodyRow], _ o: OfficerRow?) -> HTML {
        let statusOptions = HTML.join(
            CertificateStatus.allCases.map { s in
                "<option value=\"\(s.rawValue)\"\(HTML(raw: o?.certificateStatus == s.rawValue ? " selected" : ""))>\(s.chineseName)</option>"
            })
        return """
            <div class="grid2">
            <div><label for="name">姓名</label><input id="name" name="name" required maxlength="30" value="\(o?.name)"></div>
            <div><label for="gender">性别</label><select id="gender" name="gender"><option\(HTML(raw: o?.gender == "女" ? "" : " selected"))>男</option><option\(HTML(raw: o?.gender == "女" ? " selected" : ""))>女</option></select></div>
            <div><label for="idNumber">身份证号（不公开）</label><input id="idNumber" name="idNumber" required maxlength="18" value="\(o?.idNumber)"></div>
            <div><label for="bodyId">执法主体</label><select id="bodyId" name="bodyId">\(RegistryViews.bodyOptions(bodies, selected: o?.bodyId, allLabel: nil))</select></div>
            <div><label for="post">岗位</label><input id="post" name="post" value="\(o?.post)"></div>
            <div><label for="certificateNumber">执法证号</label><input id="certificateNumber" name="certificateNumber" required value="\(o?.certificateNumber)"></div>
            <div><label for="certificateCategory">执法类别</label><input id="certificateCategory" name="certificateCategory" required value="\(o?.certificateCategory)"></div>
            <div><label for="certificateRegion">执法区域</label><input id="certificateRegion" name="certificateRegion" required value="\(o?.certificateRegion ?? "清河县")"></div>
            <div><label for="certificateIssuedOn">发证日期</label><input id="certificateIssuedOn" name="certificateIssuedOn" type="date" required value="\(o?.certificateIssuedOn)"></div>
            <div><label for="certificateExpiresOn">有效期至</label><input id="certificateExpiresOn" name="certificateExpiresOn" type="date" required value="\(o?.certificateExpiresOn)"></div>
            <div><label for="certificateStatus">证件状态</label><select id="certificateStatus" name="certificateStatus">\(statusOptions)</select></div>
            <div><label for="examScore">资格考试成绩</label><input id="examScore" name="examScore" inputmode="decimal" value="\(o?.examScore.map(Yuan.number))"></div>
            <div><label><input type="checkbox" name="legalQualification"\(HTML(raw: o?.legalQualification == true ? " checked" : ""))> 具有法律职业资格</label></div>
            <div><label for="legalCertificateNumber">法律职业资格证书编号</label><input id="legalCertificateNumber" name="legalCertificateNumber" value="\(o?.legalCertificateNumber)"></div>
            </div>
            """
    }

    static func register(_ console: any RoutesBuilder) {
        // MARK: 执法主体
        console.get("bodies") { req async throws -> Response in
            let user = try req.requireUser()
            let bodies = try await EnforcementBodies.all(on: req.db).filter {
                user.registryReadable.contains($0.organisationId)
            }
            let today = req.fazhi.today
            let rows = bodies.map { b -> HTML in
                let ok = b.domain.isConfirmed(on: today)
                return
                    "<tr><td>\(b.organisationName)</td><td>\(EnforcementBodyKind(rawValue: b.kind)?.chineseName ?? "")\(b.entrustingOrganisationName.map { "（委托机关：\($0)）" } ?? "")</td><td>\(b.scope)</td><td>\(b.legalBasis)</td><td>\(HTML(raw: ok ? "" : "<span class=\"due overdue\">未确认</span> "))\(b.confirmedOn ?? "")</td><td>\(b.announcementDocument)</td></tr>"
            }
            var form: HTML = ""
            if user.mayConfirmBodies {
                let orgs = try await Directory.organisations(on: req.db).filter { user.readable.contains($0.id!) }
                let opts = HTML.join(orgs.map { "<option value=\"\($0.id!.uuidString)\">\($0.name)</option>" })
                form = """
                    <h2>登记或更新执法主体</h2><form method="post" action="/console/bodies" class="card">\(Views.csrfField(req))
                    <label for="organisationId">机关/组织</label><select id="organisationId" name="organisationId">\(opts)</select>
                    <label for="kind">主体类型</label><select id="kind" name="kind">\(HTML.join(EnforcementBodyKind.allCases.map { "<option value=\"\($0.rawValue)\">\($0.chineseName)</option>" }))</select>
                    <label for="entrustingOrganisationId">委托机关（仅委托执法）</label><select id="entrustingOrganisationId" name="entrustingOrganisationId"><option value="">（无）</option>\(opts)</select>
                    <label for="legalBasis">执法依据</label><input id="legalBasis" name="legalBasis" required>
                    <label for="scope">执法领域</label><input id="scope" name="scope" required placeholder="如：市场监管、食品安全">
                    <label for="confirmedOn">确认日期（未确认可暂不填）</label><input id="confirmedOn" name="confirmedOn" type="date">
                    <label for="announcementDocument">公告文号</label><input id="announcementDocument" name="announcementDocument" placeholder="如：清政告〔2026〕1号">
                    <button type="submit">保存</button></form>
                    """
            }
            return Views.console(
                "执法主体", user: user, request: req, active: "/console/bodies", flash: Flash.take(req),
                """
                <p>共 \(bodies.count) 个执法主体。只有经确认并公告的主体才能立案办案；公示见 <a href="/bodies">门户·执法主体</a>。</p>
                <div class="table-wrap"><table class="data"><thead><tr><th>执法主体</th><th>类型</th><th>执法领域</th><th>执法依据</th><th>确认日期</th><th>公告文号</th></tr></thead><tbody>\(rows)</tbody></table></div>\(form)
                """)
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
            return req.redirect(to: "/console/bodies")
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
            let rows = list.map { (o, alerts) -> HTML in
                let el = o.profile.eligibility(on: today)
                let alertText = HTML.join(
                    alerts.map { a -> HTML in
                        let cls: String = {
                            if case .expired = a { return "overdue" }; if case .expiresSoon = a { return "soon" };
                            return "soon"
                        }()
                        return "<span class=\"due \(HTML(raw: cls))\">\(a.text)</span> "
                    })
                return
                    "<tr><td><a href=\"/console/officers/\(o.id.uuidString)\">\(o.name)</a></td><td>\(o.bodyName)</td><td class=\"mono\">\(o.certificateNumber)</td><td>\(o.certificateCategory)</td><td>\(CertificateStatus(rawValue: o.certificateStatus)?.chineseName ?? "")</td><td data-sort=\"\(o.certificateExpiresOn)\">\(o.certificateExpiresOn)</td><td>\(o.legalQualification ? "是" : "否")</td><td data-sort=\"\(Int(o.trainingHours ?? 0))\">\(o.trainingHours.map(Yuan.number) ?? "0")</td><td>\(el.isEligible ? "可以" : "不可以")</td><td>\(alertText)</td></tr>"
            }
            let canWrite = !user.registryWritable.intersection(bodies.map(\.organisationId)).isEmpty
            let writableBodies = bodies.filter { user.registryWritable.contains($0.organisationId) }
            let form: HTML =
                canWrite
                ? """
                <details class="card"><summary>新增执法人员</summary><form method="post" action="/console/officers">\(Views.csrfField(req))\(officerFields(req, bodies: writableBodies, nil))<button type="submit">保存</button></form></details>
                """ : ""
            return Views.console(
                "执法人员", user: user, request: req, active: "/console/officers", flash: Flash.take(req),
                """
                <form method="get" action="/console/officers" class="card search"><label for="q">姓名、证号或单位</label><input id="q" name="q" value="\(q)">
                <label for="body">执法主体</label><select id="body" name="body">\(RegistryViews.bodyOptions(bodies, selected: body))</select>
                <label for="alert">提醒</label><select id="alert" name="alert"><option value="">全部</option><option value="expiring"\(HTML(raw: alert == "expiring" ? " selected" : ""))>证件30日内到期</option><option value="expired"\(HTML(raw: alert == "expired" ? " selected" : ""))>证件已过期</option><option value="training"\(HTML(raw: alert == "training" ? " selected" : ""))>培训学时不足</option></select>
                <button type="submit">筛选</button></form>
                <p>\(list.count) 名。“可以办案”按行政处罚法第四十二条、第七十六条：持有效、未过期、在岗的执法证。年度培训目标 \(Yuan.number(settings.trainingHoursTarget)) 学时（可配置）。
                <a href="/console/export/officers.xlsx">导出 Excel</a> · <a href="/console/import">批量导入</a></p>\(form)
                <div class="table-wrap"><table class="data"><thead><tr><th>姓名</th><th>执法主体</th><th>执法证号</th><th>执法类别</th><th>状态</th><th>有效期至</th><th>法律职业资格</th><th>\(String(today.year))年学时</th><th>可以办案</th><th>提醒</th></tr></thead><tbody>\(rows)</tbody></table></div>
                """)
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
            return req.redirect(to: "/console/officers")
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
            let edit: HTML =
                user.registryWritable.contains(o.bodyId)
                ? """
                <h2>修改</h2><form method="post" action="/console/officers/\(id.uuidString)" class="card">\(Views.csrfField(req))\(officerFields(req, bodies: bodies, o))<button type="submit">保存修改</button></form>
                <h2>登记培训学时</h2><form method="post" action="/console/officers/\(id.uuidString)/training" class="card">\(Views.csrfField(req))
                <label for="trainingYear">年度</label><input id="trainingYear" name="trainingYear" value="\(String(today.year))" inputmode="numeric">
                <label for="trainingHours">学时（全年累计）</label><input id="trainingHours" name="trainingHours" inputmode="decimal" value="\(o.trainingHours.map(Yuan.number))"><button type="submit">保存学时</button></form>
                """ : ""
            return Views.console(
                o.name, user: user, request: req, active: "/console/officers", flash: Flash.take(req),
                """
                <dl class="card facts"><dt>执法主体</dt><dd>\(o.bodyName)</dd><dt>身份证号</dt><dd class="mono">\(PersonalData.maskIDNumber(o.idNumber))</dd><dt>执法证</dt><dd class="mono">\(o.certificateNumber)（\(o.certificateIssuedOn) 至 \(o.certificateExpiresOn)，\(CertificateStatus(rawValue: o.certificateStatus)?.chineseName ?? "")）</dd>
                <dt>可以办案</dt><dd>\({ if case .notEligible(let r, let a) = el { return "不可以：\(r)（依据：\(a)）" }; return "可以（证件有效）" }())</dd>
                <dt>提醒</dt><dd>\(alerts.isEmpty ? "无" : alerts.map(\.text).joined(separator: "；"))</dd></dl>\(edit)
                """)
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
            return req.redirect(to: "/console/officers/\(id.uuidString)")
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
            return req.redirect(to: "/console/officers/\(id.uuidString)")
        }

        registerPowers(console)
        registerBenchmarksAndImport(console)
    }
}
