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
                let m = try await req.write(as: user) { tx in try await CommitteeMembers.add(input, office: office, in: tx) }
                Flash.set(req, ok: "已登记委员 \(m.name)")
                return req.redirect(to: "/console/reconsideration/committee")
            } catch let e as DomainError {
                let r = try await page(req, user: user, error: e.description, values: ["name": input.name, "affiliation": input.affiliation, "appointedOn": input.appointedOn])
                r.status = APIError(e).status
                return r
            }
        }
        console.post("reconsideration", "committee", ":id", "end") { req async throws -> Response in
            let user = try req.requireUser()
            let office = try mayManage(user)
            guard let id = req.parameters.get("id", as: UUID.self) else { throw APIError.notFound("该委员不存在") }
            let today = req.fazhi.today
            try await req.write(as: user) { tx in try await CommitteeMembers.end(id, office: office, on: today, in: tx) }
            Flash.set(req, ok: "已结束任期")
            return req.redirect(to: "/console/reconsideration/committee")
        }
        api.get("reconsideration", "committee-members") { req async throws -> [CommitteeMember] in
            let user = try req.requireUser()
            return try await CommitteeMembers.list(office: user.organisationID, on: req.db)
        }
        api.post("reconsideration", "committee-members") { req async throws -> Response in
            let user = try req.requireUser()
            let office = try mayManage(user)
            let input = try req.content.decode(CommitteeMembers.Input.self)
            let m = try await req.write(as: user) { tx in try await CommitteeMembers.add(input, office: office, in: tx) }
            let r = Response(status: .created)
            try r.content.encode(m)
            return r
        }
    }

    /// The user's own office, when they are its 复议 staff or head.
    static func mayManage(_ user: AuthUser) throws -> UUID {
        guard !CasesAPI.actor(user, body: user.organisationID).roles.isDisjoint(with: [.reconsiderationStaff, .head]) else {
            throw DomainError.forbidden("只有行政复议机构的工作人员或负责人可以管理复议委员会委员", article: "行政复议法 第五十二条")
        }
        return user.organisationID
    }

    static func page(_ req: Request, user: AuthUser, error: String?, values: [String: String]) async throws -> Response {
        let today = req.fazhi.today
        let members = try await CommitteeMembers.list(office: user.organisationID, on: req.db)
        let canManage = (try? mayManage(user)) != nil
        let rows = HTML.join(members.map { m -> HTML in
            let serving = m.serves(on: today)
            let end: HTML = canManage && serving ? """
                <form method="post" action="/console/reconsideration/committee/\(m.id.uuidString)/end" class="inline">\(Views.csrfField(req))<button type="submit" class="secondary">结束任期</button></form>
                """ : ""
            return """
            <tr><td>\(m.name)</td><td>\(InputField.Choice.label(m.kind, in: Reconsideration.committeeMemberKinds))</td><td>\(m.affiliation)</td><td>\(m.appointedOn)</td>
            <td>\(m.termEndsOn ?? "")</td><td>\(serving ? HTML("在任") : HTML("<span class=\"muted\">已离任</span>"))</td><td>\(end)</td></tr>
            """
        })
        let kinds = HTML.join(Reconsideration.committeeMemberKinds.map { "<option value=\"\($0.value)\">\($0.label)</option>" as HTML })
        let form: HTML = canManage ? """
            <form method="post" action="/console/reconsideration/committee" class="card search" id="add-member">\(Views.csrfField(req))
            \(error.map { HTML("<p class=\"error\">\($0)</p>") } ?? "")
            <label for="name">姓名</label><input id="name" name="name" required value="\(values["name"] ?? "")">
            <label for="kind">类别</label><select id="kind" name="kind">\(kinds)</select>
            <label for="affiliation">所在单位</label><input id="affiliation" name="affiliation" required value="\(values["affiliation"] ?? "")">
            <label for="appointedOn">聘任日期</label><input id="appointedOn" name="appointedOn" type="date" required value="\(values["appointedOn"] ?? today.description)">
            <label for="termEndsOn">任期届满</label><input id="termEndsOn" name="termEndsOn" type="date">
            <button type="submit">登记委员</button></form>
            """ : ""
        let serving = members.filter { $0.serves(on: today) }
        return Views.console("行政复议委员会", user: user, request: req, active: "/console/cases?procedure=reconsideration", flash: Flash.take(req), """
        <p>依据《中华人民共和国行政复议法》第五十二条，行政复议委员会由相关政府部门、专家、学者等参与组成；重大、疑难、复杂或者专业性、技术性较强的案件应当提请委员会提出咨询意见。
        在任委员 <b id="serving">\(serving.count)</b> 人：\(Reconsideration.committeeMemberKinds.map { k in "\(k.label) \(serving.filter { $0.kind == k.value }.count)" }.joined(separator: "，"))。咨询时只能选择在任委员。</p>
        \(form)
        <div class="table-wrap"><table class="data" id="members"><thead><tr><th>姓名</th><th>类别</th><th>所在单位</th><th>聘任日期</th><th>任期届满</th><th>状态</th><th></th></tr></thead><tbody>\(rows)</tbody></table></div>
        """)
    }
}
extension CommitteeMember: Content {}
