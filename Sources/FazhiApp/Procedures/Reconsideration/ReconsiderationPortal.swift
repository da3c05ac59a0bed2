import FazhiCore
import FazhiStore
import Foundation
import SQLKit
import Vapor

/// 网上申请行政复议 (行政复议法 第二十二条): the citizen's form on the portal, the receipt with its tracking number and
/// secret, and the status page. A filed application is a 复议 case whose 登记 step the system took for the applicant;
/// staff see it at once in their 待办 with its 5-working-day acceptance review running.
enum ReconsiderationPortal {
    /// Largest attachment (each); the whole form is collected up to `formLimit`.
    static let attachmentLimit: Int64 = 10 * 1_048_576
    static let formLimit: ByteCount = "32mb"

    static let textFields = ["applicantName", "applicantKind", "applicantIDNumber", "applicantPhone", "applicantAddress", "respondent", "actKind", "actDescription",
                             "actOn", "learnedOn", "rightsLearnedOn", "actAmount", "enforcementDecisionNumber", "requests", "reasons"]
    static let boolFields = ["notToldOfRights", "realProperty"]

    static func register(_ sessions: any RoutesBuilder) {
        sessions.get("reconsideration") { req async throws -> Response in
            try await form(req, values: [:], error: nil, field: nil)
        }
        sessions.on(.POST, "reconsideration", "apply", body: .collect(maxSize: formLimit)) { req async throws -> Response in
            try await apply(req)
        }
        sessions.get("reconsideration", "status") { req async throws -> Response in
            Views.portal("行政复议申请查询", request: req, statusForm(req, number: "", error: nil))
        }
        sessions.post("reconsideration", "status") { req async throws -> Response in
            try await status(req)
        }
    }

    // MARK: Apply

    static func apply(_ req: Request) async throws -> Response {
        try CSRF.verify(req)
        var values: [String: String] = [:]
        for k in textFields + boolFields + ["office", "submissionKey"] { values[k] = (try? req.content.get(String.self, at: k))?.trimmed ?? "" }
        guard let key = values["submissionKey"], key.count >= 16, key.count <= 64 else {
            return try await form(req, values: values, error: "表单已过期，请重新打开申请页面", field: nil, status: .badRequest)
        }
        // The same form again (a double click, a retry after a lost connection): its first receipt, not a second case.
        if let filed = try await ReconsiderationApplications.bySubmission(key, on: req.db) {
            return try await receipt(req, filed, secret: req.session.data["apply.\(key)"])
        }
        let address = LoginThrottle.addressKey(req.remoteAddress?.ipAddress ?? "?")
        if let wait = req.fazhi.applicationThrottle.retryAfter([address], now: req.fazhi.now) {
            let r = try await form(req, values: values, error: "同一网络地址提交申请过于频繁，请在 \((wait + 59) / 60) 分钟后再试；如需当面或邮寄申请，请联系行政复议机构", field: nil,
                                   status: .tooManyRequests)
            r.headers.replaceOrAdd(name: .retryAfter, value: String(wait))
            return r
        }
        let offices = try await ReconsiderationApplications.offices(on: req.db)
        guard let office = offices.count == 1 ? offices[0] : offices.first(where: { $0.id.uuidString == values["office"] }) else {
            return try await form(req, values: values, error: offices.isEmpty ? "本平台尚未开通网上申请行政复议" : "请选择行政复议机关", field: "office",
                                  status: offices.isEmpty ? .serviceUnavailable : .unprocessableEntity)
        }
        // The respondent must be one of the agencies in the directory (an unknown one cannot be served a copy).
        let agencies = Set(try await Directory.organisations(on: req.db).map(\.name))
        guard let respondent = values["respondent"], agencies.contains(respondent) else {
            return try await form(req, values: values, error: "请从列表中选择被申请人（作出行政行为的行政机关）", field: "respondent")
        }
        var inputs = Facts()
        for k in textFields { if let v = values[k], !v.isEmpty { inputs[k] = .text(v) } }
        for k in boolFields { inputs[k] = .bool(["on", "true", "1"].contains(values[k] ?? "")) }
        inputs["respondent"] = .text(respondent)

        // Attachments: each typed by its content and hashed as it is written; all refused if one is refused.
        let blobs = EvidenceBlobs(directory: req.fazhi.options.evidenceDirectory, maxBytes: min(attachmentLimit, req.fazhi.options.evidenceMaxBytes))
        var staged: [StagedEvidence] = []
        let files = ((try? req.content.get([File].self, at: "attachments")) ?? []).filter { $0.data.readableBytes > 0 || !$0.filename.isEmpty }
        do {
            for f in files.prefix(10) where f.data.readableBytes > 0 {
                let upload = try blobs.begin()
                do {
                    try f.data.readableBytesView.withUnsafeBytes { try upload.write($0) }
                    staged.append(try upload.finish(fileName: f.filename))
                } catch { upload.discard(); throw error }
            }
        } catch let e as EvidenceTooLarge {
            staged.forEach { $0.upload.discard() }
            return try await form(req, values: values, error: "附件不能超过 \(e.limit / 1_048_576) MB（可当面或邮寄提交较大的材料）", field: "attachments", status: .payloadTooLarge)
        } catch let e as DomainError {
            staged.forEach { $0.upload.discard() }
            return try await form(req, values: values, error: e.description, field: "attachments")
        }
        inputs["attachments"] = .list(staged.map(\.sha256))
        if staged.isEmpty { inputs.values.removeValue(forKey: "attachments") }

        let catalog = req.fazhi.procedures, calendar = req.fazhi.deadlines, today = req.fazhi.today, evidence = req.fazhi.evidence
        let stagedFiles = staged, filedInputs = inputs
        do {
            let (filed, _) = try await req.fazhi.store.write(on: req.db, ChangeContext(actor: "portal", organisation: office.id.uuidString), now: req.fazhi.now) { tx in
                let result = try await ReconsiderationApplications.file(inputs: filedInputs, office: office.id, submissionKey: key, catalog: catalog, calendar: calendar, today: today, in: tx)
                for s in stagedFiles { _ = try await EvidenceStore.add(s, caseID: result.0.caseID, uploadedBy: "申请人（网上申请）", on: today, blobs: evidence, in: tx) }
                return result
            }
            req.fazhi.applicationThrottle.recordFailure([address], now: req.fazhi.now)
            if let secret = filed.secret { req.session.data["apply.\(key)"] = secret }
            return try await receipt(req, filed, secret: filed.secret)
        } catch let e as DomainError {
            for s in stagedFiles { await EvidenceStore.abandon(s, blobs: evidence, on: req.db) }
            // Two sends of one form at the same moment: the second meets the first's unique key and shows its receipt.
            if let filed = try await ReconsiderationApplications.bySubmission(key, on: req.db) {
                return try await receipt(req, filed, secret: req.session.data["apply.\(key)"])
            }
            let (field, message): (String?, String) = {
                switch e { case .invalid(let f, let m): return (f, m); case .refused(let f, let m, let a): return (f, "\(m)（\(a)）"); default: return (nil, e.description) }
            }()
            return try await form(req, values: values, error: message, field: field)
        } catch {
            for s in stagedFiles { await EvidenceStore.abandon(s, blobs: evidence, on: req.db) }
            if let filed = try await ReconsiderationApplications.bySubmission(key, on: req.db) {
                return try await receipt(req, filed, secret: req.session.data["apply.\(key)"])
            }
            throw error
        }
    }

    static func receipt(_ req: Request, _ a: OnlineApplication, secret: String?) async throws -> Response {
        guard let c = try await CaseStore.load(a.caseID, on: req.db) else { throw APIError.notFound("没有该申请") }
        let f = c.file.facts, today = req.fazhi.today
        let acceptance = c.file.deadline("acceptance")
        let body: HTML = """
        <div class="card" id="receipt">
        <p>您的行政复议申请已提交，本机关于 <b>\(f[ReconsiderationFact.receivedOn]?.description ?? "")</b> 收到（《中华人民共和国行政复议法》第二十二条）。请记下以下信息，用于查询办理进度：</p>
        <table class="kv"><tr><th>查询编号</th><td class="mono" id="tracking-number">\(a.trackingNumber)</td></tr>
        <tr><th>查询码</th><td class="mono" id="secret">\(secret ?? "（已在首次提交时显示；遗失的请联系行政复议机构）")</td></tr>
        <tr><th>案件编号</th><td>\(c.number)</td></tr>
        <tr><th>申请人</th><td>\(f[ReconsiderationFact.applicantName] ?? "")</td></tr><tr><th>被申请人</th><td>\(f[ReconsiderationFact.respondent] ?? "")</td></tr>
        <tr><th>受理审查期限</th><td>\(acceptance.map { Views.deadlineCell($0.deadline, today: today) } ?? "")：本机关将在五个工作日内决定是否受理；材料不齐全的，将一次性通知补正；逾期未作决定的，视为受理（第三十条、第三十一条）。</td></tr>
        <tr><th>申请期限</th><td>\(f[ReconsiderationFact.applicationDue]?.description ?? "")\(f.flag(ReconsiderationFact.applicationDueEstimated) ? "（暂定：该年放假安排尚未公布）" : "")\(f.flag(ReconsiderationFact.applicationLate) ? "（已超过六十日申请期限；是否有正当理由将在受理审查时一并审查，第二十条）" : "（第二十条：自知道该行政行为之日起六十日内）")</td></tr></table>
        <p>查询进度：<a href="/reconsideration/status">行政复议申请查询</a></p></div>
        """
        return Views.portal("行政复议申请已提交", request: req, body).with(status: a.isNew ? .created : .ok)
    }

    static func form(_ req: Request, values: [String: String], error: String?, field: String?, status: HTTPResponseStatus = .unprocessableEntity) async throws -> Response {
        let offices = try await ReconsiderationApplications.offices(on: req.db)
        let agencies = try await Directory.organisations(on: req.db).map(\.name).sorted()
        func v(_ k: String) -> String { values[k] ?? "" }
        func bad(_ k: String) -> HTML { HTML(raw: field == k ? " aria-invalid=\"true\" class=\"invalid\"" : "") }
        func text(_ k: String, _ label: String, required: Bool = true, type: String = "text", hint: String = "") -> HTML {
            """
            <label for="\(k)">\(label)\(HTML(raw: required ? "<span class=\"req\">*</span>" : ""))</label><input id="\(k)" name="\(k)" type="\(type)" value="\(v(k))"\(HTML(raw: required ? " required" : ""))\(bad(k))>\(hint.isEmpty ? "" : HTML("<small>\(hint)</small>"))
            """
        }
        func area(_ k: String, _ label: String) -> HTML {
            "<label for=\"\(k)\">\(label)<span class=\"req\">*</span></label><textarea id=\"\(k)\" name=\"\(k)\" rows=\"4\" required\(bad(k))>\(v(k))</textarea>"
        }
        func select(_ k: String, _ label: String, _ options: [(String, String)]) -> HTML {
            let opts = HTML.join(options.map { "<option value=\"\($0.0)\"\(HTML(raw: v(k) == $0.0 ? " selected" : ""))>\($0.1)</option>" })
            return "<label for=\"\(k)\">\(label)<span class=\"req\">*</span></label><select id=\"\(k)\" name=\"\(k)\" required\(bad(k))><option value=\"\">请选择</option>\(opts)</select>"
        }
        func check(_ k: String, _ label: String) -> HTML {
            "<label class=\"check\"><input type=\"checkbox\" name=\"\(k)\"\(HTML(raw: ["on", "true"].contains(v(k)) ? " checked" : ""))> \(label)</label>"
        }
        let key = v("submissionKey").isEmpty ? UUID().uuidString : v("submissionKey")
        let officeField: HTML = offices.count > 1 ? select("office", "行政复议机关", offices.map { ($0.id.uuidString, $0.authority) })
            : HTML("<p>行政复议机关：<b>\(offices.first?.authority ?? "（未开通）")</b></p>")
        let body: HTML = """
        <p>公民、法人或者其他组织认为行政行为侵犯其合法权益的，可以自知道或者应当知道该行政行为之日起六十日内提出行政复议申请（《中华人民共和国行政复议法》第二十条）。带 <span class="req">*</span> 的为必填项。</p>
        \(Views.flash(error, error: true))
        <form method="post" action="/reconsideration/apply" enctype="multipart/form-data" class="card form" id="apply-form">
        \(Views.csrfField(req))<input type="hidden" name="submissionKey" value="\(key)">
        \(officeField)
        <fieldset><legend>申请人</legend>
        \(text("applicantName", "姓名或名称"))
        \(select("applicantKind", "申请人类型", Reconsideration.applicantKinds.map { ($0.value, $0.label) }))
        \(text("applicantIDNumber", "身份证号或统一社会信用代码", required: false, hint: "不会公开"))
        \(text("applicantPhone", "联系电话", required: false, type: "tel", hint: "不会公开"))
        \(text("applicantAddress", "住所或通讯地址"))</fieldset>
        <fieldset><legend>被申请复议的行政行为</legend>
        \(select("respondent", "被申请人", agencies.map { ($0, $0) }))
        \(select("actKind", "行政行为类别", Reconsideration.actKinds.map { ($0.value, $0.label) }))
        \(text("actDescription", "行政行为（名称、文号）", hint: "如：清市监罚〔2026〕12号行政处罚决定"))
        \(text("enforcementDecisionNumber", "行政处罚决定书文号", required: false, hint: "被申请的是行政处罚决定的，请填写文号，便于调取案卷"))
        \(text("actOn", "行政行为作出日期", required: false, type: "date"))
        \(text("learnedOn", "知道该行政行为的日期", type: "date"))
        \(check("notToldOfRights", "行政机关作出该行为时未告知申请行政复议的权利、机关或者期限"))
        \(text("rightsLearnedOn", "知道复议权利、机关和期限的日期", required: false, type: "date"))
        \(check("realProperty", "涉及不动产"))
        \(text("actAmount", "涉及款额（元）", required: false, type: "number"))</fieldset>
        <fieldset><legend>请求和理由</legend>
        \(area("requests", "行政复议请求"))
        \(area("reasons", "事实和理由"))
        <label for="attachments">证据材料（可选，每个文件不超过 10 MB；图片、PDF、音视频、Office 文档）</label><input id="attachments" name="attachments[]" type="file" multiple\(bad("attachments"))></fieldset>
        <button type="submit">提交申请</button></form>
        <p class="muted">已提交的申请可在 <a href="/reconsideration/status">行政复议申请查询</a> 查看进度。</p>
        """
        return Views.portal("网上申请行政复议", request: req, body).with(status: error == nil ? .ok : status)
    }

    // MARK: Status

    static func statusForm(_ req: Request, number: String, error: String?) -> HTML {
        """
        \(Views.flash(error, error: true))
        <form method="post" action="/reconsideration/status" class="card form" id="status-form">\(Views.csrfField(req))
        <label for="number">查询编号</label><input id="number" name="number" value="\(number)" required>
        <label for="secret">查询码</label><input id="secret" name="secret" type="password" required autocomplete="off">
        <button type="submit">查询</button></form>
        """
    }

    static func status(_ req: Request) async throws -> Response {
        try CSRF.verify(req)
        let number = ((try? req.content.get(String.self, at: "number")) ?? "").trimmed, secret = ((try? req.content.get(String.self, at: "secret")) ?? "").trimmed
        let address = LoginThrottle.addressKey(req.remoteAddress?.ipAddress ?? "?")
        if let wait = req.fazhi.statusThrottle.retryAfter([address], now: req.fazhi.now) {
            return Views.portal("行政复议申请查询", request: req, statusForm(req, number: number, error: "查询失败次数过多，请在 \((wait + 59) / 60) 分钟后再试")).with(status: .tooManyRequests)
        }
        guard let c = try await ReconsiderationApplications.lookup(trackingNumber: number, secret: secret, on: req.db) else {
            req.fazhi.statusThrottle.recordFailure([address], now: req.fazhi.now)
            return Views.portal("行政复议申请查询", request: req, statusForm(req, number: number, error: "查询编号或查询码不正确")).with(status: .notFound)
        }
        let def = req.fazhi.procedures.definition(c.file.procedure, version: c.file.definitionVersion)
        let f = c.file.facts, today = req.fazhi.today
        // What the applicant sees: the stage, the dates that run, the steps by name and day — not staff notes.
        let steps = HTML.join(c.file.steps.map { "<tr><td>\($0.on.description)</td><td>\($0.actionName)</td></tr>" })
        let deadlines = HTML.join(c.file.runningDeadlines.map { "<tr><td>\($0.name)</td><td>\(Views.deadlineCell($0.deadline, today: today))</td><td>\($0.deadline.article ?? "")</td></tr>" })
        let outcome: HTML = f[ReconsiderationFact.outcome].map { o in
            "<p>决定：<b>\(Reconsideration.outcomeName(o))</b>（\(f[ReconsiderationFact.decisionNumber] ?? "")，\(f[ReconsiderationFact.decidedOn]?.description ?? "")）\(f[ReconsiderationFact.effectiveOn].map { "，\($0) 送达生效" } ?? "")</p>"
        } ?? ""
        let body: HTML = """
        <div class="card" id="status"><p>案件编号：\(c.number)　当前阶段：<b id="stage">\(def?.stateName(c.file.state) ?? c.file.state)</b></p>
        <p>申请人：\(f[ReconsiderationFact.applicantName] ?? "")　被申请人：\(f[ReconsiderationFact.respondent] ?? "")</p>\(outcome)
        \(c.file.runningDeadlines.isEmpty ? "" : HTML("<h2>正在计算的期限</h2><table class=\"data\"><thead><tr><th>事项</th><th>期限</th><th>依据</th></tr></thead><tbody>\(deadlines)</tbody></table>"))
        <h2>办理过程</h2><table class="data"><thead><tr><th>日期</th><th>环节</th></tr></thead><tbody>\(steps)</tbody></table></div>
        """
        return Views.portal("行政复议申请查询", request: req, body)
    }
}

extension Response {
    func with(status: HTTPResponseStatus) -> Response { self.status = status; return self }
}
