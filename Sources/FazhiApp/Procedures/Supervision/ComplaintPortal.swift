import FazhiCore
import FazhiStore
import Foundation
import Vapor

/// 行政执法投诉举报 on the portal: anyone may complain to the 司法行政部门 about an enforcement body's conduct (行政执法监督条例
/// 第六条); the receipt gives a tracking number, a secret and the days the office has to decide and to answer (counted from
/// receipt — the day of filing); the status page shows the stage and the answer with its .docx.
enum ComplaintPortal {
    typealias P = EnforcementComplaintProcedure
    static let fields = ["complainantName", "complainantContact", "bodyComplained", "relatedCase", "complaintText"]
    static let statusTitle = "投诉举报查询"

    static let desk = OnlineApplicationPortal(
        desk: EnforcementComplaints.desk, fields: fields, sessionPrefix: "complaint",
        offices: { req in try await EnforcementComplaints.offices(on: req.db) }, closed: "本平台尚未开通网上投诉举报",
        chooseOffice: "请选择受理投诉举报的司法行政部门",
        form: { req, values, error, field, status in
            try await form(req, values: values, error: error, field: field, status: status)
        },
        receipt: { req, a, secret in try await receipt(req, a, secret: secret) })

    static func register(_ sessions: any RoutesBuilder) {
        sessions.get("complaints") { req async throws -> Response in
            try await form(req, values: [:], error: nil, field: nil, status: .ok)
        }
        sessions.post("complaints") { req async throws -> Response in try await desk.apply(req) }
        sessions.get("complaints", "status") { req async throws -> Response in
            Views.portal(
                statusTitle, request: req,
                ApplicationFormFields.statusForm(
                    action: "/complaints/status", number: "", error: nil, csrf: CSRF.token(for: req)))
        }
        sessions.post("complaints", "status") { req async throws -> Response in try await status(req) }
    }

    static func form(
        _ req: Request, values: [String: String], error: String?, field: String?, status: HTTPResponseStatus
    ) async throws -> Response {
        let offices = try await EnforcementComplaints.offices(on: req.db)
        let s = req.fazhi.procedures.settings
        let body = ComplaintPortalViews.form(
            values: values, error: error, field: field, offices: offices.map { ($0.id.uuidString, $0.name) },
            csrf: CSRF.token(for: req), acceptanceDays: s.complaintAcceptanceWorkdays, answerDays: s.complaintAnswerDays
        )
        return Views.portal("行政执法投诉举报", request: req, body).with(status: error == nil ? .ok : status)
    }

    static func receipt(_ req: Request, _ a: OnlineApplication, secret: String?) async throws -> Response {
        guard let c = try await CaseStore.load(a.caseID, on: req.db) else { throw APIError.notFound("没有该投诉举报") }
        let body = ComplaintPortalViews.receipt(
            trackingNumber: a.trackingNumber, secret: secret, caseNumber: c.number, file: c.file, today: req.fazhi.today
        )
        return Views.portal("投诉举报已提交", request: req, body).with(status: a.isNew ? .created : .ok)
    }

    static func status(_ req: Request) async throws -> Response {
        let (c, number, secret): (StoredCase, String, String)
        switch try await desk.lookup(req) {
        case .found(let found, let n, let s): (c, number, secret) = (found, n, s)
        case .refused(let n, let message, let status):
            return Views.portal(
                statusTitle, request: req,
                ApplicationFormFields.statusForm(
                    action: "/complaints/status", number: n, error: message, csrf: CSRF.token(for: req))
            ).with(status: status)
        }
        // The answer is the 答复书, or the 不予受理告知书 when the complaint was not taken up.
        let step = c.file.hasTaken(P.Step.decline) ? P.Step.decline : P.Step.answer
        let (answer, download) = try await OnlineApplicationPortal.answer(req, c, step: step, kind: .complaintAnswer)
        if let download { return download }
        let def = req.fazhi.procedures.definition(c.file.procedure, version: c.file.definitionVersion)
        return Views.portal(
            statusTitle, request: req,
            ComplaintPortalViews.status(
                caseNumber: c.number, stage: def?.stateName(c.file.state) ?? c.file.state, file: c.file, answer: answer,
                number: number, secret: secret, csrf: CSRF.token(for: req), today: req.fazhi.today))
    }
}
