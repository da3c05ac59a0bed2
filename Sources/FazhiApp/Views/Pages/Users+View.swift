import FazhiCore
import Foundation

/// 用户与角色: the list, the new-user form, one user with their roles and (for an administrator) the forms to change them.
enum UsersViews {
    struct UserLine {
        let id: UUID; let username: String; let name: String; let organisation: String; let roles: [String];
        let active: Bool
    }

    /// A role someone asked to give themselves, waiting for another administrator.
    struct PendingGrant {
        let id: UUID; let user: String; let role: String; let organisation: String; let requestedAt: String
        let mine: Bool
    }

    /// 批准 and 驳回 for one request.
    static func decisionForms(_ id: UUID, csrf: String) -> HTML {
        let approve = PostForm(
            action: SitePath.grantRequestDecision(id, approve: true).path, cssClass: "inline", csrf: csrf, content: "",
            submit: "批准")
        let reject = PostForm(
            action: SitePath.grantRequestDecision(id, approve: false).path, cssClass: "inline", csrf: csrf, content: "",
            submit: "驳回", buttonClass: "secondary")
        return HTML.join([approve.render(), reject.render()])
    }

    static func list(users: [UserLine], canCreate: Bool, pending: [PendingGrant] = [], csrf: String = "") -> HTML {
        let table = DataTable(
            id: "users", columns: ["用户名", "姓名", "所在单位", "角色", "状态"].map { .init($0) },
            rows: users.map { u in
                [
                    .link(u.username, .userPage(u.id)), .text(u.name), .text(u.organisation),
                    DataTable.Cell(HTML.join(u.roles.map { "<span class=\"tag\">\($0)</span>" as HTML })),
                    .text(u.active ? "正常" : "已停用"),
                ]
            }, empty: "没有用户。"
        ).render()
        let newButton: HTML =
            canCreate ? "<p><a class=\"button\" href=\"/console/users/new\" id=\"new-user\">新建用户</a></p>" : ""
        let requests: HTML =
            pending.isEmpty
            ? ""
            : """
            <h2>待批准的角色申请（\(pending.count)）</h2>
            <p class="muted">为自己授予的角色须经另一名系统管理员批准，申请与批准均记入全过程记录。</p>
            \(DataTable(
                id: "grant-requests", columns: ["申请人", "角色", "单位", "申请时间", "处理"].map { .init($0) },
                rows: pending.map { p in
                    [
                        .text(p.user), .text(p.role), .text(p.organisation), .text(p.requestedAt),
                        p.mine ? .text("等待另一名系统管理员批准") : DataTable.Cell(decisionForms(p.id, csrf: csrf)),
                    ]
                }, empty: "").render())
            """
        return """
            \(newButton)
            \(requests)
            \(table)
            <p class="muted">共 \(users.count) 个用户。</p>
            """
    }

    static func newUser(
        form: UsersConsole.NewUserForm?, error: String?, organisations: HTML, roles: HTML, csrf: String
    ) -> HTML {
        PostForm(
            action: SitePath.users.path, csrf: csrf,
            content: """
                \(Views.flash(error, error: true))
                <label for="username">用户名（登录用，3–32位小写字母、数字或 . _ -）</label><input id="username" name="username" value="\(form?.username)" required>
                <label for="displayName">姓名</label><input id="displayName" name="displayName" value="\(form?.displayName)" required>
                <label for="organisationId">所在单位</label><select id="organisationId" name="organisationId">\(organisations)</select>
                <label for="role">初始角色（在所在单位内）</label><select id="role" name="role"><option value="">（暂不授予）</option>\(roles)</select>
                <label for="password">初始密码（至少10位，含字母和数字）</label><input id="password" name="password" type="password" required autocomplete="new-password">
                """, submit: "创建用户", buttonID: "create-user"
        ).render()
    }

    /// `grants`: (id, role, organisation); `admin`: the role and organisation options when the user may change this one.
    static func user(
        id: UUID, username: String, name: String, organisation: String, active: Bool, grants: [(UUID, String, String)],
        admin: (roles: HTML, organisations: HTML)?, csrf: String
    ) -> HTML {
        let base = SitePath.userPage(id).path
        let table = DataTable(
            columns: [.init("角色"), .init("单位"), .init("")],
            rows: grants.map { g in
                let revoke: HTML =
                    admin == nil
                    ? ""
                    : PostForm(
                        action: "\(base)/grants/\(g.0.uuidString)/revoke", cssClass: "inline", csrf: csrf, content: "",
                        submit: "撤销", buttonClass: "secondary"
                    ).render()
                return [.text(g.1), .text(g.2), DataTable.Cell(revoke)]
            }, empty: "尚无角色。"
        ).render()
        var forms: HTML = "<p class=\"muted\">您可以查看此用户，但无权修改。</p>"
        if let admin {
            forms = """
                <h2>授予角色</h2>
                \(PostForm(action: "\(base)/grants", csrf: csrf, content: """
                    <label for="role">角色</label><select id="role" name="role">\(admin.roles)</select>
                    <label for="grant-org">单位</label><select id="grant-org" name="organisationId">\(admin.organisations)</select>
                    """, submit: "授予").render())
                <h2>重设密码</h2>
                \(PostForm(action: "\(base)/password", csrf: csrf, content: """
                    <label for="password">新密码（至少10位，含字母和数字）</label><input id="password" name="password" type="password" required autocomplete="new-password">
                    """, submit: "重设").render())
                <h2>账号状态</h2>
                \(PostForm(action: "\(base)/active", csrf: csrf, content: "<input type=\"hidden\" name=\"active\" value=\"\(active ? "false" : "true")\">",
                           submit: active ? "停用账号" : "启用账号", buttonClass: "secondary").render())
                """
        }
        return """
            <div class="card"><p>用户名：<b>\(username)</b>　姓名：<b>\(name)</b></p>
            <p>所在单位：\(organisation)　状态：\(active ? "正常" : "已停用")</p></div>
            <h2>角色</h2>
            \(table)
            \(forms)
            """
    }
}
