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

    static let textFields = [
        "applicantName", "applicantKind", "applicantIDNumber", "applicantPhone", "applicantAddress", "respondent",
        "actKind", "actDescription",
        "actOn", "learnedOn", "rightsLearnedOn", "actAmount", "enforcementDecisionNumber", "requests", "reasons",
    ]
    static let boolFields = ["notToldOfRights", "realProperty"]

    static func register(_ sessions: any RoutesBuilder) {
        sessions.get("reconsideration") { req async throws -> Response in
            try await form(req, values: [:], error: nil, field: nil)
        }
        sessions.on(.POST, "reconsideration", "apply", body: .collect(maxSize: formLimit)) {
            req async throws -> Response in
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
        for k in textFields + boolFields + ["office", "submissionKey"] {
            values[k] = (try? req.content.get(String.self, at: k))?.trimmed ?? ""
        }
        guard let key = values["submissionKey"], key.count >= 16, key.count <= 64 else {
            return try await form(req, values: values, error: "表单已过期，请重新打开申请页面", field: nil, status: .badRequest)
        }
        // The same form again (a double click, a retry after a lost connection): its first receipt, not a second case.
        if let filed = try await ReconsiderationApplications.bySubmission(key, on: req.db) {
            return try await receipt(req, filed, secret: req.session.data["apply.\(key)"])
        }
        let address = LoginThrottle.addressKey(req.clientAddress)
        if let wait = try await req.fazhi.applicationThrottle.retryAfter([address], on: req) {
            let r = try await form(
                req, values: values, error: "同一网络地址提交申请过于频繁，请在 \((wait + 59) / 60) 分钟后再试；如需当面或邮寄申请，请联系行政复议机构",
                field: nil,
                status: .tooManyRequests)
            r.headers.replaceOrAdd(name: .retryAfter, value: String(wait))
            return r
        }
        let offices = try await ReconsiderationApplications.offices(on: req.db)
        guard
            let office = offices.count == 1
                ? offices[0] : offices.first(where: { $0.id.uuidString == values["office"] })
        else {
            return try await form(
                req, values: values, error: offices.isEmpty ? "本平台尚未开通网上申请行政复议" : "请选择行政复议机关", field: "office",
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
        let blobs = EvidenceBlobs(
            directory: req.fazhi.options.evidenceDirectory,
            maxBytes: min(attachmentLimit, req.fazhi.options.evidenceMaxBytes))
        var staged: [StagedEvidence] = []
        let files = ((try? req.content.get([File].self, at: "attachments")) ?? []).filter {
            $0.data.readableBytes > 0 || !$0.filename.isEmpty
        }
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
            return try await form(
                req, values: values, error: "附件不能超过 \(e.limit / 1_048_576) MB（可当面或邮寄提交较大的材料）", field: "attachments",
                status: .payloadTooLarge)
        } catch let e as DomainError {
            staged.forEach { $0.upload.discard() }
            return try await form(req, values: values, error: e.description, field: "attachments")
        }
        inputs["attachments"] = .list(staged.map(\.sha256))
        if staged.isEmpty { inputs.values.removeValue(forKey: "attachments") }

        let catalog = req.fazhi.procedures, calendar = req.fazhi.deadlines, today = req.fazhi.today,
            evidence = req.fazhi.evidence
        let stagedFiles = staged, filedInputs = inputs
        // Counted now, before it is filed, so that two nodes cannot both take the address's last application.
        let claim = try await req.fazhi.applicationThrottle.claim([address], on: req)
        if let wait = claim.retryAfter {
            for s in stagedFiles { await EvidenceStore.abandon(s, blobs: evidence, on: req.db) }
            let r = try await form(
                req, values: values, error: "同一网络地址提交申请过于频繁，请在 \((wait + 59) / 60) 分钟后再试；如需当面或邮寄申请，请联系行政复议机构",
                field: nil, status: .tooManyRequests)
            r.headers.replaceOrAdd(name: .retryAfter, value: String(wait))
            return r
        }
        do {
            let (filed, _) = try await req.fazhi.store.write(
                on: req.db, ChangeContext(actor: "portal", organisation: office.id.uuidString), now: req.fazhi.now
            ) { tx in
                let result = try await ReconsiderationApplications.file(
                    inputs: filedInputs, office: office.id, submissionKey: key, catalog: catalog, calendar: calendar,
                    today: today, in: tx)
                for s in stagedFiles {
                    _ = try await EvidenceStore.add(
                        s, caseID: result.0.caseID, uploadedBy: "申请人（网上申请）", on: today, blobs: evidence, in: tx)
                }
                return result
            }
            if let secret = filed.secret { req.session.data["apply.\(key)"] = secret }
            return try await receipt(req, filed, secret: filed.secret)
        } catch let e as DomainError {
            // Only a filed application counts against the address.
            try await req.fazhi.applicationThrottle.forgive(claim, on: req)
            for s in stagedFiles { await EvidenceStore.abandon(s, blobs: evidence, on: req.db) }
            // Two sends of one form at the same moment: the second meets the first's unique key and shows its receipt.
            if let filed = try await ReconsiderationApplications.bySubmission(key, on: req.db) {
                return try await receipt(req, filed, secret: req.session.data["apply.\(key)"])
            }
            let (field, message): (String?, String) = {
                switch e {
                case .invalid(let f, let m): return (f, m);
                case .refused(let f, let m, let a): return (f, "\(m)（\(a)）");
                default: return (nil, e.description)
                }
            }()
            return try await form(req, values: values, error: message, field: field)
        } catch {
            // Not filed by this request (a second send of one form, the database away): it does not count.
            try? await req.fazhi.applicationThrottle.forgive(claim, on: req)
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
        let body = ReconsiderationPortalViews.receipt(
            trackingNumber: a.trackingNumber, secret: secret, caseNumber: c.number, facts: f,
            acceptance: c.file.deadline("acceptance"), today: today)
        return Views.portal("行政复议申请已提交", request: req, body).with(status: a.isNew ? .created : .ok)
    }

    static func form(
        _ req: Request, values: [String: String], error: String?, field: String?,
        status: HTTPResponseStatus = .unprocessableEntity
    ) async throws -> Response {
        let offices = try await ReconsiderationApplications.offices(on: req.db)
        let agencies = try await Directory.organisations(on: req.db).map(\.name).sorted()
        let body = ReconsiderationPortalViews.applicationForm(
            values: values, error: error, field: field, offices: offices.map { ($0.id.uuidString, $0.authority) },
            agencies: agencies, csrf: CSRF.token(for: req))
        return Views.portal("网上申请行政复议", request: req, body).with(status: error == nil ? .ok : status)
    }

    // MARK: Status

    static func statusForm(_ req: Request, number: String, error: String?) -> HTML {
        ReconsiderationPortalViews.statusForm(number: number, error: error, csrf: CSRF.token(for: req))
    }

    static func status(_ req: Request) async throws -> Response {
        try CSRF.verify(req)
        let number = ((try? req.content.get(String.self, at: "number")) ?? "").trimmed,
            secret = ((try? req.content.get(String.self, at: "secret")) ?? "").trimmed
        let keys = LoginThrottle.statusKeys(address: req.clientAddress, number: number)
        let claim = try await req.fazhi.statusThrottle.claim(keys, on: req)
        if let wait = claim.retryAfter {
            return Views.portal(
                "行政复议申请查询", request: req,
                statusForm(req, number: number, error: "查询失败次数过多，请在 \((wait + 59) / 60) 分钟后再试")
            ).with(status: .tooManyRequests)
        }
        guard let c = try await ReconsiderationApplications.lookup(trackingNumber: number, secret: secret, on: req.db)
        else {
            return Views.portal("行政复议申请查询", request: req, statusForm(req, number: number, error: "查询编号或查询码不正确")).with(
                status: .notFound)
        }
        // A right 查询码 is not a failed attempt.
        try await req.fazhi.statusThrottle.forgive(claim, on: req)
        let def = req.fazhi.procedures.definition(c.file.procedure, version: c.file.definitionVersion)
        let today = req.fazhi.today
        let body = ReconsiderationPortalViews.status(
            caseNumber: c.number, stage: def?.stateName(c.file.state) ?? c.file.state, file: c.file, today: today)
        return Views.portal("行政复议申请查询", request: req, body)
    }
}

extension Response {
    func with(status: HTTPResponseStatus) -> Response { self.status = status; return self }
}
