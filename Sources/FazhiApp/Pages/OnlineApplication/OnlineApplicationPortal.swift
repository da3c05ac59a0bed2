import FazhiCore
import FazhiStore
import Foundation
import Vapor

/// The portal side of an `OnlineApplicationDesk` (政府信息公开申请, 规范性文件审查建议): the form posted — throttled per
/// address, filed once per submission key (a form sent twice shows the first receipt), refused with the field and the
/// reason — and the status lookup by tracking number and secret, throttled on failures.
struct OnlineApplicationPortal: Sendable {
    let desk: OnlineApplicationDesk
    /// The form's text fields, passed to the first step as they are (trimmed, at most 4,000 characters).
    let fields: [String]
    /// Where the receipt's secret is kept in the session for a form sent again (`<prefix>.<submission key>`).
    let sessionPrefix: String
    let offices: @Sendable (Request) async throws -> [(id: UUID, name: String)]
    /// Shown when no body takes these applications online, and when none was chosen.
    let closed: String
    let chooseOffice: String
    let form:
        @Sendable (Request, _ values: [String: String], _ error: String?, _ field: String?, HTTPResponseStatus)
            async throws -> Response
    let receipt: @Sendable (Request, OnlineApplication, _ secret: String?) async throws -> Response

    /// A form value longer than this is refused (never cut short quietly); each step bounds its own fields further.
    static let maxLength = 5_000

    func apply(_ req: Request) async throws -> Response {
        try CSRF.verify(req)
        var values: [String: String] = [:], tooLong: String?
        for k in fields + ["office", "submissionKey"] {
            let v = ((try? req.content.get(String.self, at: k)) ?? "").trimmed
            if v.count > Self.maxLength { tooLong = tooLong ?? k }
            values[k] = String(v.prefix(Self.maxLength))
        }
        if let k = tooLong {
            let label =
                req.fazhi.procedures.current(desk.procedure)?.actions.flatMap(\.inputs).first { $0.key == k }?.label
                ?? "该项"
            return try await form(req, values, "“\(label)”不超过\(Self.maxLength)字，请删减后再提交", k, .unprocessableEntity)
        }
        guard let key = values["submissionKey"], (16...64).contains(key.count) else {
            return try await form(req, values, "表单已过期，请重新打开页面", nil, .badRequest)
        }
        if let filed = try await desk.bySubmission(key, on: req.db) {
            return try await receipt(req, filed, req.session.data["\(sessionPrefix).\(key)"])
        }
        let address = LoginThrottle.addressKey(req.clientAddress)
        if let wait = try await req.fazhi.applicationThrottle.retryAfter([address], on: req) {
            let r = try await form(
                req, values, "同一网络地址提交过于频繁，请在 \((wait + 59) / 60) 分钟后再试；也可以当面、邮寄提交", nil, .tooManyRequests)
            r.headers.replaceOrAdd(name: .retryAfter, value: String(wait))
            return r
        }
        let offices = try await offices(req)
        guard let office = offices.first(where: { $0.id.uuidString == values["office"] }) else {
            return try await form(
                req, values, offices.isEmpty ? closed : chooseOffice, "office",
                offices.isEmpty ? .serviceUnavailable : .unprocessableEntity)
        }
        var inputs = Facts()
        for k in fields { if let v = values[k], !v.isEmpty { inputs[k] = .text(v) } }
        let catalog = req.fazhi.procedures, calendar = req.fazhi.deadlines, today = req.fazhi.today
        let filedInputs = inputs, desk = desk
        // Counted now, before it is filed, so that two nodes cannot both take the address's last application.
        let claim = try await req.fazhi.applicationThrottle.claim([address], on: req)
        if let wait = claim.retryAfter {
            let r = try await form(
                req, values, "同一网络地址提交过于频繁，请在 \((wait + 59) / 60) 分钟后再试；也可以当面、邮寄提交", nil, .tooManyRequests)
            r.headers.replaceOrAdd(name: .retryAfter, value: String(wait))
            return r
        }
        do {
            let (filed, _) = try await req.fazhi.store.write(
                on: req.db, ChangeContext(actor: "portal", organisation: office.id.uuidString), now: req.fazhi.now
            ) { tx in
                try await desk.file(
                    inputs: filedInputs, office: office.id, submissionKey: key, catalog: catalog, calendar: calendar,
                    today: today, in: tx)
            }
            if let secret = filed.secret { req.session.data["\(sessionPrefix).\(key)"] = secret }
            return try await receipt(req, filed, filed.secret)
        } catch let e as DomainError {
            // Only a filed application counts against the address.
            try await req.fazhi.applicationThrottle.forgive(claim, on: req)
            // Two sends of one form at the same moment: the second meets the first's unique key and shows its receipt.
            if let filed = try await desk.bySubmission(key, on: req.db) {
                return try await receipt(req, filed, req.session.data["\(sessionPrefix).\(key)"])
            }
            let (field, message): (String?, String) = {
                switch e {
                case .invalid(let f, let m): return (f, m)
                case .refused(let f, let m, let a): return (f, "\(m)（\(a)）")
                default: return (nil, e.description)
                }
            }()
            return try await form(req, values, message, field, .unprocessableEntity)
        } catch {
            // Not filed by this request (a second send of one form, the database away): it does not count.
            try? await req.fazhi.applicationThrottle.forgive(claim, on: req)
            if let filed = try await desk.bySubmission(key, on: req.db) {
                return try await receipt(req, filed, req.session.data["\(sessionPrefix).\(key)"])
            }
            throw error
        }
    }

    /// What a status lookup found: the case with the number and secret asked, or why not (throttled, not found).
    enum Lookup {
        case found(StoredCase, number: String, secret: String)
        case refused(number: String, message: String, HTTPResponseStatus)
    }

    func lookup(_ req: Request) async throws -> Lookup {
        try CSRF.verify(req)
        let number = ((try? req.content.get(String.self, at: "number")) ?? "").trimmed,
            secret = ((try? req.content.get(String.self, at: "secret")) ?? "").trimmed
        let keys = LoginThrottle.statusKeys(address: req.clientAddress, number: number)
        let claim = try await req.fazhi.statusThrottle.claim(keys, on: req)
        if let wait = claim.retryAfter {
            return .refused(number: number, message: "查询失败次数过多，请在 \((wait + 59) / 60) 分钟后再试", .tooManyRequests)
        }
        guard number.count <= 40, secret.count <= 40,
            let c = try await desk.lookup(trackingNumber: number, secret: secret, on: req.db)
        else {
            return .refused(number: number, message: "查询编号或查询码不正确", .notFound)
        }
        try await req.fazhi.statusThrottle.forgive(claim, on: req)
        return .found(c, number: number, secret: secret)
    }

    /// The answer an applicant reads on the status page — the 文书 the last `step` produced, as the body issued it —
    /// or, when the form asked for it (`download=answer`), that 文书 as .docx.
    static func answer(
        _ req: Request, _ c: StoredCase, step: String, kind: CaseDocumentKind
    ) async throws -> (
        text: DocumentText?, download: Response?
    ) {
        let ctx = try await CaseDocumentsController.context(req, c)
        let answer = c.file.steps.lastIndex { $0.action == step }.map { i in
            CaseDocuments.text(kind, file: c.file, step: i, context: ctx)
        }
        guard (try? req.content.get(String.self, at: "download")) == "answer", let answer else { return (answer, nil) }
        return (
            answer,
            try CaseDocumentsController.docx(
                answer,
                seal: CaseDocumentsController.seal(req, bodyID: ctx.sealBody(c.file.bodyID), bodyName: ctx.bodyName))
        )
    }
}
