import FazhiCore
import Foundation
import Vapor

/// Page frames: the console (signed-in staff) and the public portal. zh-CN, readable on a phone.
enum Views {
    /// The platform's own entries (the modules add theirs: `AppModule.navigation`).
    static let platformNav: [NavEntry] = [
        NavEntry(.registers, "执法主体", .bodies), NavEntry(.registers, "执法人员", .officers),
        NavEntry(.registers, "权责清单", .powers),
        NavEntry(.registers, "裁量基准", .benchmarks),
        NavEntry(.registers, "机关与区划", .organisations, roles: [.systemAdmin, .supervisor]),
        // Imports publish registry rows: for those who may (heads, 法制机构, the 司法局, administrators).
        NavEntry(.registers, "导入导出", .importExport, roles: [.systemAdmin, .supervisor, .head, .legalReviewer]),
        NavEntry(.system, "用户与角色", .users, roles: [.systemAdmin, .supervisor]),
        NavEntry(.system, "全过程记录", .record, roles: [.systemAdmin, .supervisor]),
        NavEntry(.system, "期限计算", .deadline),
        NavEntry(.system, "API 令牌", .tokens, roles: [.systemAdmin, .supervisor, .head, .legalReviewer]),
    ]

    /// The console's navigation for a user: the entries their roles use, grouped by the systems of 法治政府建设.
    static func consoleNav(for user: AuthUser) -> [(group: NavGroup, entries: [NavEntry])] {
        let roles = Set(user.grants.map(\.role))
        let entries = (AppModules.all.flatMap(\.navigation) + platformNav).filter { $0.visible(to: roles) }
        return NavGroup.allCases.compactMap { g in
            let inGroup = entries.filter { $0.group == g }
            return inGroup.isEmpty ? nil : (g, inGroup)
        }
    }

    /// The document head every page shares: zh-CN, phone viewport, the stylesheet and the table script.
    static func head(_ title: String, _ request: Request) -> HTML {
        """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · \(request.fazhi.options.siteName)</title>
        <link rel="icon" href="/favicon.ico"><link rel="stylesheet" href="/assets/app.css"><script src="/assets/app.js" defer></script>
        </head>
        """
    }

    static func console(
        _ title: String, user: AuthUser, request: Request, active: String, flash: HTML? = nil, _ body: HTML
    ) -> Response {
        let csrf = CSRF.token(for: request)
        let nav = consoleNav(for: user).map { group -> HTML in
            let links = group.entries.map { item -> HTML in
                let cls = item.path.path == active ? " class=\"active\"" : ""
                return "<a href=\"\(item.path.path)\"\(HTML(raw: cls))>\(item.title)</a>"
            }
            return "<div class=\"navgroup\"><span class=\"navlabel\">\(group.group.rawValue)</span>\(links)</div>"
        }
        let roles = Set(user.grants.map { $0.role.chineseName }).sorted().joined(separator: "、")
        let page: HTML = """
            \(head(title, request))<body>
            <header class="top"><a class="brand" href="\(SitePath.home.path)">法治 · 工作台</a>
            <input type="checkbox" id="menu-toggle" class="menu-toggle" aria-label="菜单"><label for="menu-toggle" class="menu-button">菜单</label>
            <nav id="console-nav">\(nav)</nav>
            <div class="me"><span title="\(roles)">\(user.displayName)</span>
            <form method="post" action="/logout" class="inline"><input type="hidden" name="_csrf" value="\(csrf)"><button class="link" type="submit">退出</button></form></div>
            </header>
            <main><h1>\(title)</h1>\(flash ?? "")\(body)</main>
            <footer>\(request.fazhi.options.siteName) · 今日（北京时间）\(request.fazhi.today.description)</footer>
            </body></html>
            """
        return page.response()
    }

    static func portal(_ title: String, request: Request, _ body: HTML) -> Response {
        let page: HTML = """
            \(head(title, request))<body class="portal">
            <header class="top"><a class="brand" href="/">\(request.fazhi.options.siteName)</a>
            <nav><a href="/">首页</a><a href="/bodies">执法主体</a><a href="/officers">执法人员</a><a href="/powers">权责清单</a><a href="/benchmarks">裁量基准</a><a href="/decisions">处罚公示</a><a href="/reconsideration">申请行政复议</a><a href="/reconsideration/decisions">复议决定</a><a href="/documents">规范性文件</a><a href="/major-decisions">重大行政决策</a><a href="/random-inspections">双随机抽查</a><a href="/complaints">执法投诉举报</a><a href="/openness">政府信息公开</a><a href="/deadline">期限计算</a><a href="/record">记录核验</a><a href="/login">工作人员登录</a></nav></header>
            <main><h1>\(title)</h1>\(body)</main>
            <footer>\(request.fazhi.options.siteName) · <a href="/technical">技术说明</a></footer>
            </body></html>
            """
        return page.response()
    }

    static func errorPage(_ e: FazhiErrorMiddleware.Classified, request: Request) -> Response {
        let article: HTML = e.article.map { "<p class=\"article\">依据：\($0)</p>" } ?? ""
        let page: HTML = """
            <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Int(e.status.code)) · 出错了</title><link rel="stylesheet" href="/assets/app.css"></head>
            <body><main class="narrow"><h1>无法完成请求（\(Int(e.status.code))）</h1>
            <p class="error">\(e.message)</p>\(article)
            <p><a href="javascript:history.back()">返回上一页</a> · <a href="\(SitePath.home.path)">工作台</a> · <a href="/">门户首页</a></p></main></body></html>
            """
        return page.response(status: e.status)
    }

    static func flash(_ message: String?, error: Bool = false) -> HTML {
        guard let message, !message.isEmpty else { return "" }
        return "<div class=\"flash\(HTML(raw: error ? " error" : ""))\">\(message)</div>"
    }

    static func csrfField(_ request: Request) -> HTML {
        "<input type=\"hidden\" name=\"_csrf\" value=\"\(CSRF.token(for: request))\">"
    }

    /// The "days left" cell: red when overdue, amber when due within 3 days.
    static func deadlineCell(_ d: Deadline, today: CivilDate) -> HTML {
        let left = d.daysLeft(on: today)
        let cls = left < 0 ? "overdue" : (left <= 3 ? "soon" : "ok")
        return
            "<span class=\"due \(HTML(raw: cls))\" data-sort=\"\(left)\">\(d.due.description)（\(d.statusText(on: today))）</span>"
    }
}
