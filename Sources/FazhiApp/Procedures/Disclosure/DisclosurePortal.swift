import FazhiCore
import FazhiStore
import Foundation
import Vapor

/// 网上申请政府信息公开 (政府信息公开条例 第二十九条): the form on the portal, the receipt with its tracking number and
/// secret, and the status page where the applicant reads the answer and the rights notice. A request filed here is a
/// case whose 登记 the system took; the 20 working days run from the day of filing (第三十一条第三项: both sides confirm it
/// on the receipt).
enum DisclosurePortal {
    static let textFields = [
        "applicantName", "applicantKind", "applicantIDNumber", "applicantPhone", "applicantAddress", "applicantEmail",
        "informationDescription", "requestedForm", "delivery",
    ]
    static let title = "政府信息公开申请"

    static func register(_ sessions: any RoutesBuilder) {
        sessions.get("disclosure") { req async throws -> Response in try await form(req, values: [:], error: nil) }
        sessions.post("disclosure", "apply") { req async throws -> Response in try await apply(req) }
        sessions.get("disclosure", "status") { req async throws -> Response in
            Views.portal(
                "政府信息公开申请查询", request: req,
                DisclosurePortalViews.statusForm(number: "", error: nil, csrf: CSRF.token(for: req)))
        }
        sessions.post("disclosure", "status") { req async throws -> Response in try await status(req) }
    }

    static func apply(_ req: Request) async throws -> Response {
        try CSRF.verify(req)
        var values: [String: String] = [:]
        for k in textFields + ["office", "submissionKey"] {
            values[k] = String(((try? req.content.get(String.self, at: k)) ?? "").trimmed.prefix(4_000))
        }
        guard let key = values["submissionKey"], (16...64).contains(key.count) else {
            return try await form(req, values: values, error: "表单已过期，请重新打开申请页面", status: .badRequest)
        }
        let desk = DisclosureApplications.desk
        if let filed = try await desk.bySubmission(key, on: req.db) {
            return try await receipt(req, filed, secret: req.session.data["disclosure.\(key)"])
        }
        let address = LoginThrottle.addressKey(req.remoteAddress?.ipAddress ?? "?")
        if let wait = req.fazhi.applicationThrottle.retryAfter([address], now: req.fazhi.now) {
            let r = try await form(
                req, values: values, error: "同一网络地址提交申请过于频繁，请在 \((wait + 59) / 60) 分钟后再试；也可以当面、邮寄或者传真提交申请",
                status: .tooManyRequests)
            r.headers.replaceOrAdd(name: .retryAfter, value: String(wait))
            return r
        }
        let offices = try await DisclosureApplications.offices(on: req.db)
        guard let office = offices.first(where: { $0.id.uuidString == values["office"] }) else {
            return try await form(
                req, values: values, error: offices.isEmpty ? "本平台尚未开通网上申请政府信息公开" : "请选择受理申请的行政机关", field: "office",
                status: offices.isEmpty ? .serviceUnavailable : .unprocessableEntity)
        }
        var inputs = Facts()
        for k in textFields { if let v = values[k], !v.isEmpty { inputs[k] = .text(v) } }
        let catalog = req.fazhi.procedures, calendar = req.fazhi.deadlines, today = req.fazhi.today
        let filedInputs = inputs
        do {
            let (filed, _) = try await req.fazhi.store.write(
                on: req.db, ChangeContext(actor: "portal", organisation: office.id.uuidString), now: req.fazhi.now
            ) { tx in
                try await desk.file(
                    inputs: filedInputs, office: office.id, submissionKey: key, catalog: catalog, calendar: calendar,
                    today: today, in: tx)
            }
            req.fazhi.applicationThrottle.recordFailure([address], now: req.fazhi.now)
            if let secret = filed.secret { req.session.data["disclosure.\(key)"] = secret }
            return try await receipt(req, filed, secret: filed.secret)
        } catch let e as DomainError {
            // Two sends of one form at the same moment: the second meets the first's unique key and shows its receipt.
            if let filed = try await desk.bySubmission(key, on: req.db) {
                return try await receipt(req, filed, secret: req.session.data["disclosure.\(key)"])
            }
            let (field, message): (String?, String) = {
                switch e {
                case .invalid(let f, let m): return (f, m)
                case .refused(let f, let m, let a): return (f, "\(m)（\(a)）")
                default: return (nil, e.description)
                }
            }()
            return try await form(req, values: values, error: message, field: field)
        }
    }

    static func receipt(_ req: Request, _ a: OnlineApplication, secret: String?) async throws -> Response {
        guard let c = try await CaseStore.load(a.caseID, on: req.db) else { throw APIError.notFound("没有该申请") }
        let body = DisclosurePortalViews.receipt(
            trackingNumber: a.trackingNumber, secret: secret, caseNumber: c.number, facts: c.file.facts,
            answer: c.file.deadline("answer"), today: req.fazhi.today)
        return Views.portal("政府信息公开申请已提交", request: req, body).with(status: a.isNew ? .created : .ok)
    }

    static func form(
        _ req: Request, values: [String: String], error: String?, field: String? = nil,
        status: HTTPResponseStatus = .unprocessableEntity
    ) async throws -> Response {
        let offices = try await DisclosureApplications.offices(on: req.db)
        let body = DisclosurePortalViews.applicationForm(
            values: values, error: error, field: field, offices: offices.map { ($0.id.uuidString, $0.name) },
            csrf: CSRF.token(for: req))
        return Views.portal("网上申请政府信息公开", request: req, body).with(status: error == nil ? .ok : status)
    }

    static func status(_ req: Request) async throws -> Response {
        try CSRF.verify(req)
        let number = ((try? req.content.get(String.self, at: "number")) ?? "").trimmed,
            secret = ((try? req.content.get(String.self, at: "secret")) ?? "").trimmed
        let page = "政府信息公开申请查询"
        let address = LoginThrottle.addressKey(req.remoteAddress?.ipAddress ?? "?")
        if let wait = req.fazhi.statusThrottle.retryAfter([address], now: req.fazhi.now) {
            return Views.portal(
                page, request: req,
                DisclosurePortalViews.statusForm(
                    number: number, error: "查询失败次数过多，请在 \((wait + 59) / 60) 分钟后再试", csrf: CSRF.token(for: req))
            ).with(status: .tooManyRequests)
        }
        guard
            number.count <= 40, secret.count <= 40,
            let c = try await DisclosureApplications.desk.lookup(trackingNumber: number, secret: secret, on: req.db)
        else {
            req.fazhi.statusThrottle.recordFailure([address], now: req.fazhi.now)
            return Views.portal(
                page, request: req,
                DisclosurePortalViews.statusForm(number: number, error: "查询编号或查询码不正确", csrf: CSRF.token(for: req))
            ).with(status: .notFound)
        }
        // The answer as the body issued it: the applicant reads it here, or takes it as .docx.
        let ctx = try await CaseDocumentsController.context(req, c)
        let answer = c.file.steps.lastIndex { $0.action == DisclosureProcedure.Step.answer }.map { i in
            CaseDocuments.text(.disclosureAnswer, file: c.file, step: i, context: ctx)
        }
        if (try? req.content.get(String.self, at: "download")) == "answer", let answer {
            return try CaseDocumentsController.docx(
                answer, seal: CaseDocumentsController.seal(req, bodyID: c.file.bodyID, bodyName: ctx.bodyName))
        }
        let def = req.fazhi.procedures.definition(c.file.procedure, version: c.file.definitionVersion)
        let body = DisclosurePortalViews.status(
            caseNumber: c.number, stage: def?.stateName(c.file.state) ?? c.file.state, file: c.file, answer: answer,
            number: number, secret: secret, csrf: CSRF.token(for: req), today: req.fazhi.today)
        return Views.portal(page, request: req, body)
    }
}
