import FazhiCore
import FazhiStore
import Vapor

/// The case list (案件): the user's running deadlines (待办期限, red when overdue) and the cases of the bodies they may
/// read, filtered by procedure, body, month, outcome or power item; the procedures they may open. Query → Model → View.
enum CaseListPage {
    /// `GET /console/cases`.
    static func get(_ req: Request) async throws -> Response {
        let user = try req.requireUser()
        let filter = try Filter(req)
        let data = try await Query.fetch(req, user: user, filter: filter)
        let model = Model(data, filter: filter, csrf: CSRF.token(for: req), today: req.fazhi.today)
        return Views.console(
            model.title, user: user, request: req, active: model.navPath, flash: Flash.take(req),
            View(model: model).render())
    }
}
