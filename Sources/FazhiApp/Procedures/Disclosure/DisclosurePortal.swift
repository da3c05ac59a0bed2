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

    static let desk = OnlineApplicationPortal(
        desk: DisclosureApplications.desk, fields: textFields, sessionPrefix: "disclosure",
        offices: { req in try await DisclosureApplications.offices(on: req.db) }, closed: "本平台尚未开通网上申请政府信息公开",
        chooseOffice: "请选择受理申请的行政机关",
        form: { req, values, error, field, status in
            try await form(req, values: values, error: error, field: field, status: status)
        },
        receipt: { req, a, secret in try await receipt(req, a, secret: secret) })

    static func apply(_ req: Request) async throws -> Response { try await desk.apply(req) }

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
        let page = "政府信息公开申请查询"
        let (c, number, secret): (StoredCase, String, String)
        switch try await desk.lookup(req) {
        case .found(let found, let n, let s): (c, number, secret) = (found, n, s)
        case .refused(let n, let message, let status):
            return Views.portal(
                page, request: req,
                DisclosurePortalViews.statusForm(number: n, error: message, csrf: CSRF.token(for: req))
            ).with(status: status)
        }
        // The answer as the body issued it: the applicant reads it here, or takes it as .docx.
        let (answer, download) = try await OnlineApplicationPortal.answer(
            req, c, step: DisclosureProcedure.Step.answer, kind: .disclosureAnswer)
        if let download { return download }
        let def = req.fazhi.procedures.definition(c.file.procedure, version: c.file.definitionVersion)
        let body = DisclosurePortalViews.status(
            caseNumber: c.number, stage: def?.stateName(c.file.state) ?? c.file.state, file: c.file, answer: answer,
            number: number, secret: secret, csrf: CSRF.token(for: req), today: req.fazhi.today)
        return Views.portal(page, request: req, body)
    }
}
