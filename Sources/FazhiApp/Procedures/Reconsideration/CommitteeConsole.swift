import FazhiCore
import FazhiStore
import Vapor

/// 行政复议委员会 (行政复议法 第五十二条): the office's members — government departments, experts, scholars — with their
/// terms; the 复议机构's staff and head add members and end terms. Consultations may name only members serving that day.
/// Also as JSON under /api/v1/reconsideration/committee-members.
enum CommitteeConsole {
    static func register(console: any RoutesBuilder, api: any RoutesBuilder) {
        console.get("reconsideration", "committee") { req async throws -> Response in
            let user = try req.requireUser()
            return try await page(req, user: user, error: nil, values: [:])
        }
        console.post("reconsideration", "committee") { req async throws -> Response in
            let user = try req.requireUser()
            let office = try mayManage(user)
            let input = try req.content.decode(CommitteeMembers.Input.self)
            do {
                let m = try await req.write(as: user) { tx in
                    try await CommitteeMembers.add(input, office: office, in: tx)
                }
                Flash.set(req, ok: "已登记委员 \(m.name)")
                return req.redirect(to: SitePath.committee.path)
            } catch let e as DomainError {
                let r = try await page(
                    req, user: user, error: e.description,
                    values: ["name": input.name, "affiliation": input.affiliation, "appointedOn": input.appointedOn])
                r.status = APIError(e).status
                return r
            }
        }
        console.post("reconsideration", "committee", ":id", "end") { req async throws -> Response in
            let user = try req.requireUser()
            let office = try mayManage(user)
            guard let id = req.parameters.get("id", as: UUID.self) else { throw APIError.notFound("该委员不存在") }
            let today = req.fazhi.today
            try await req.write(as: user) { tx in try await CommitteeMembers.end(id, office: office, on: today, in: tx)
            }
            Flash.set(req, ok: "已结束任期")
            return req.redirect(to: SitePath.committee.path)
        }
        api.get("reconsideration", "committee-members") { req async throws -> [CommitteeMember] in
            let user = try req.requireUser()
            return try await CommitteeMembers.list(office: user.organisationID, on: req.db)
        }
        api.post("reconsideration", "committee-members") { req async throws -> Response in
            let user = try req.requireUser()
            let office = try mayManage(user)
            let input = try req.content.decode(CommitteeMembers.Input.self)
            let m = try await req.write(as: user) { tx in try await CommitteeMembers.add(input, office: office, in: tx)
            }
            let r = Response(status: .created)
            try r.content.encode(m)
            return r
        }
    }

    /// The user's own office, when they are its 复议 staff.
    static func mayManage(_ user: AuthUser) throws -> UUID {
        // Only the 复议机构's own staff: a head of any other body (a 市场监管局) holds no say over the committee.
        guard CasesAPI.actor(user, body: user.organisationID).roles.contains(.reconsiderationStaff) else {
            throw DomainError.forbidden("只有行政复议机构的工作人员可以管理复议委员会委员", article: "行政复议法 第五十二条")
        }
        return user.organisationID
    }

    static func page(_ req: Request, user: AuthUser, error: String?, values: [String: String]) async throws -> Response
    {
        let members = try await CommitteeMembers.list(office: user.organisationID, on: req.db)
        let model = CommitteePage.Model(
            members: members, today: req.fazhi.today, canManage: (try? mayManage(user)) != nil,
            csrf: CSRF.token(for: req),
            error: error, values: values)
        return Views.console(
            "行政复议委员会", user: user, request: req, active: SitePath.committee.path, flash: Flash.take(req),
            CommitteePage.View(model: model).render())
    }
}

extension CommitteeMember: Content {}
