import FazhiCore
import FazhiStore
import Vapor

/// The case page (案件页): its facts, its deadlines, the steps open now as forms generated from the definition, the
/// steps refused now with reason and article, its evidence and its timeline. Query → Model → View.
enum CaseFilePage {
    /// A step the user just tried that was refused: the form comes back open with what was typed and why.
    struct Failure {
        let action: String
        let values: [String: String]
        let error: String
    }

    /// `GET /console/cases/:id`, and the page again after a refused step.
    static func render(
        _ req: Request, user: AuthUser, stored: StoredCase, failed: Failure? = nil, revealed: Set<String> = []
    ) async throws -> Response {
        let data = try await Query.fetch(req, user: user, stored: stored, revealed: revealed)
        let model = Model(
            data, csrf: CSRF.token(for: req), today: req.fazhi.today,
            evidenceLimitMB: Int(req.fazhi.evidence.maxBytes / 1_048_576), failed: failed)
        return Views.console(
            model.number, user: user, request: req, active: model.navPath, flash: Flash.take(req),
            View(model: model).render())
    }
}
