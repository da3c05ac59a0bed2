import FazhiCore
import FazhiStore
import Vapor

/// 公开征求意见 on the portal and in the console, for every procedure that declares a `ConsultationRule`: the drafts open
/// for comment, a draft with its articles and the comment form (a receipt number back), and for staff the comments
/// grouped by article and text with hide (published reason) and answer (采纳/部分采纳/不采纳) forms.
enum ConsultationPages {
    static func register(sessions: any RoutesBuilder, console: any RoutesBuilder) {
        sessions.get("consultations") { req async throws -> Response in
            let open = try await drafts(req)
            return Views.portal("公开征求意见", request: req, ConsultationViews.list(open))
        }
        sessions.get("consultations", ":id") { req async throws -> Response in
            let (c, rule) = try await draft(req)
            return Views.portal(
                c.file.facts.text("title") ?? "征求意见稿", request: req,
                ConsultationViews.draft(
                    c, rule: rule, receipt: nil, error: nil, csrf: CSRF.token(for: req)))
        }
        sessions.post("consultations", ":id", "comments") { req async throws -> Response in
            try CSRF.verify(req)
            let (c, rule) = try await draft(req)
            let v = try req.content.decode([String: String].self)
            let rawArticle = (v["article"] ?? "").trimmed
            // Not a number (第二条, abc): refused like an article the draft does not have, never filed under 全文.
            let article: Int? = rawArticle.isEmpty ? nil : (Int(rawArticle) ?? -1)
            let address = LoginThrottle.addressKey(req.clientAddress)
            let claim = try await req.fazhi.applicationThrottle.claim([address], on: req)
            if let wait = claim.retryAfter {
                return Views.portal(
                    "公开征求意见", request: req,
                    ConsultationViews.draft(
                        c, rule: rule, receipt: nil, error: "提交过于频繁，请在 \((wait + 59) / 60) 分钟后再试",
                        csrf: CSRF.token(for: req), typed: v)
                ).with(status: .tooManyRequests)
            }
            do {
                let today = req.fazhi.today, catalog = req.fazhi.procedures, id = c.id
                let comment = try await req.fazhi.store.write(
                    on: req.db, ChangeContext(actor: "portal", organisation: c.file.bodyID.uuidString),
                    now: req.fazhi.now
                ) { tx in
                    try await PublicComments.add(
                        caseID: id, article: article, text: v["text"] ?? "", commenter: v["commenter"] ?? "",
                        today: today, catalog: catalog, in: tx)
                }
                return Views.portal(
                    "公开征求意见", request: req,
                    ConsultationViews.draft(
                        c, rule: rule, receipt: comment.receipt, error: nil, csrf: CSRF.token(for: req))
                ).with(status: .created)
            } catch let e as DomainError {
                // Only a comment received counts against the address.
                try await req.fazhi.applicationThrottle.forgive(claim, on: req)
                return Views.portal(
                    "公开征求意见", request: req,
                    ConsultationViews.draft(
                        c, rule: rule, receipt: nil, error: e.message, csrf: CSRF.token(for: req), typed: v)
                ).with(status: APIError(e).status)
            } catch {
                // Not received (the database away): it does not count.
                try? await req.fazhi.applicationThrottle.forgive(claim, on: req)
                throw error
            }
        }
        console.get("cases", ":id", "comments") { req async throws -> Response in
            let user = try req.requireUser()
            let c = try await CasesAPI.visibleCase(req, user)
            return try await page(req, user: user, c, error: nil)
        }
        console.post("cases", ":id", "comments", "hide") { req async throws -> Response in
            let user = try req.requireUser()
            let c = try await CasesAPI.visibleCase(req, user)
            let v = try req.content.decode([String: String].self)
            try mayAnswer(user, c)
            guard let id = v["comment"].flatMap(UUID.init(uuidString:)) else { throw APIError.notFound("没有该意见") }
            let caseID = c.id
            try await req.write(as: user) { tx in
                try await PublicComments.hide(id, caseID: caseID, reason: v["reason"] ?? "", in: tx)
            }
            return req.redirect(to: "/console/cases/\(c.id.uuidString)/comments")
        }
        console.post("cases", ":id", "comments", "answer") { req async throws -> Response in
            let user = try req.requireUser()
            let c = try await CasesAPI.visibleCase(req, user)
            let v = try req.content.decode([String: String].self)
            try mayAnswer(user, c)
            let caseID = c.id
            do {
                let n = try await req.write(as: user) { tx in
                    try await PublicComments.answer(
                        caseID: caseID, group: v["group"] ?? "", response: v["response"] ?? "",
                        reason: v["reason"] ?? "",
                        in: tx)
                }
                Flash.set(req, ok: "已答复 \(n) 条意见")
                return req.redirect(to: "/console/cases/\(c.id.uuidString)/comments")
            } catch let e as DomainError {
                let r = try await page(req, user: user, c, error: e.message)
                r.status = APIError(e).status
                return r
            }
        }
    }

    /// Those who may open the procedure's cases in the body answer its comments.
    static func mayAnswer(_ user: AuthUser, _ c: StoredCase) throws {
        let def = ProcedureCatalog.standard.current(c.file.procedure)
        let roles = CasesAPI.actor(user, body: c.file.bodyID, procedure: c.file.procedure).roles
        guard let def, def.consultation != nil, def.opening.allows(roles) else {
            throw DomainError.forbidden("只有起草机关的工作人员可以处理征求意见", article: def?.opening.article)
        }
    }

    static func page(_ req: Request, user: AuthUser, _ c: StoredCase, error: String?) async throws -> Response {
        let comments = try await PublicComments.list(caseID: c.id, on: req.db)
        return Views.console(
            "征求意见：\(c.number)", user: user, request: req, active: SitePath.cases(procedure: c.file.procedure).path,
            flash: Flash.take(req),
            ConsultationViews.console(
                c, comments: comments, canAnswer: (try? mayAnswer(user, c)) != nil, error: error,
                csrf: CSRF.token(for: req)))
    }

    /// The drafts open for comment now, of every procedure with a consultation.
    static func drafts(_ req: Request) async throws -> [StoredCase] {
        var out: [StoredCase] = []
        for def in req.fazhi.procedures.currentDefinitions {
            guard let rule = def.consultation else { continue }
            out += try await CaseStore.inState(procedure: def.id, state: rule.state, on: req.db)
        }
        // Only those whose period has not ended (one past it waits for staff to close it).
        let today = req.fazhi.today
        return out.filter { c in c.file.deadline("consultation").map { $0.deadline.due >= today } ?? true }
    }

    static func draft(_ req: Request) async throws -> (StoredCase, ConsultationRule) {
        guard let id = req.parameters.get("id", as: UUID.self), let c = try await CaseStore.load(id, on: req.db),
            let rule = req.fazhi.procedures.definition(c.file.procedure, version: c.file.definitionVersion)?
                .consultation,
            c.file.state == rule.state
        else { throw APIError.notFound("该草案不在公开征求意见期间") }
        return (c, rule)
    }
}
