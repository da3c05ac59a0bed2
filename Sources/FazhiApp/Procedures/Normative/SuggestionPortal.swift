import FazhiCore
import FazhiStore
import Foundation
import Vapor

/// 审查建议 on the portal: anyone may ask the 备案审查机关 to review a 规范性文件 they think unlawful (国办发〔2018〕37号; the
/// province's 备案审查 rules), from the document's page or the form; the receipt gives a tracking number, a secret and the day
/// the answer is due (counted from receipt — the day of filing); the status page shows the answer and its .docx.
enum SuggestionPortal {
    static let fields = ["suggesterName", "suggesterContact", "documentCited", "suggestionText"]
    static let statusTitle = "审查建议查询"

    static let desk = OnlineApplicationPortal(
        desk: NormativeSuggestions.desk, fields: fields, sessionPrefix: "suggestion",
        offices: { req in try await NormativeSuggestions.offices(on: req.db) }, closed: "本平台尚未开通网上提交审查建议",
        chooseOffice: "请选择备案审查机关",
        form: { req, values, error, field, status in
            try await form(req, values: values, error: error, field: field, status: status)
        },
        receipt: { req, a, secret in try await receipt(req, a, secret: secret) })

    static func register(_ sessions: any RoutesBuilder) {
        sessions.get("documents", "suggest") { req async throws -> Response in
            var values: [String: String] = [:]
            // From a document's page: the document named for the citizen.
            if let id = req.query[UUID.self, at: "document"], let c = try await CaseStore.load(id, on: req.db),
                c.file.procedure == NormativeProcedure.id, c.file.facts[NormativeFact.publishedOn] != nil
            {
                values["documentCited"] =
                    "《\(c.file.facts[NormativeFact.title] ?? "")》（\(c.file.facts[NormativeFact.documentNumber] ?? "")）"
            }
            return try await form(req, values: values, error: nil, field: nil, status: .ok)
        }
        sessions.post("documents", "suggest") { req async throws -> Response in try await desk.apply(req) }
        sessions.get("documents", "suggest", "status") { req async throws -> Response in
            Views.portal(
                statusTitle, request: req,
                ApplicationFormFields.statusForm(
                    action: "/documents/suggest/status", number: "", error: nil, csrf: CSRF.token(for: req)))
        }
        sessions.post("documents", "suggest", "status") { req async throws -> Response in try await status(req) }
    }

    static func form(
        _ req: Request, values: [String: String], error: String?, field: String?, status: HTTPResponseStatus
    ) async throws -> Response {
        let offices = try await NormativeSuggestions.offices(on: req.db)
        let body = SuggestionPortalViews.form(
            values: values, error: error, field: field, offices: offices.map { ($0.id.uuidString, $0.name) },
            csrf: CSRF.token(for: req), answerDays: req.fazhi.procedures.settings.normativeSuggestionAnswerDays)
        return Views.portal("对规范性文件提出审查建议", request: req, body).with(status: error == nil ? .ok : status)
    }

    static func receipt(_ req: Request, _ a: OnlineApplication, secret: String?) async throws -> Response {
        guard let c = try await CaseStore.load(a.caseID, on: req.db) else { throw APIError.notFound("没有该审查建议") }
        let body = SuggestionPortalViews.receipt(
            trackingNumber: a.trackingNumber, secret: secret, caseNumber: c.number, file: c.file, today: req.fazhi.today
        )
        return Views.portal("审查建议已提交", request: req, body).with(status: a.isNew ? .created : .ok)
    }

    static func status(_ req: Request) async throws -> Response {
        let (c, number, secret): (StoredCase, String, String)
        switch try await desk.lookup(req) {
        case .found(let found, let n, let s): (c, number, secret) = (found, n, s)
        case .refused(let n, let message, let status):
            return Views.portal(
                statusTitle, request: req,
                ApplicationFormFields.statusForm(
                    action: "/documents/suggest/status", number: n, error: message, csrf: CSRF.token(for: req))
            ).with(status: status)
        }
        let (answer, download) = try await OnlineApplicationPortal.answer(
            req, c, step: NormativeSuggestionProcedure.Step.answer, kind: .suggestionAnswer)
        if let download { return download }
        let def = req.fazhi.procedures.definition(c.file.procedure, version: c.file.definitionVersion)
        return Views.portal(
            statusTitle, request: req,
            SuggestionPortalViews.status(
                caseNumber: c.number, stage: def?.stateName(c.file.state) ?? c.file.state, file: c.file, answer: answer,
                number: number, secret: secret, csrf: CSRF.token(for: req), today: req.fazhi.today))
    }
}
