import FazhiApp
import FazhiCore
import FazhiStore
import Foundation
import Testing
import VaporTesting

/// A browser-like client: keeps the session cookie and reads the CSRF token from forms.
final class WebClient: @unchecked Sendable {
    let t: TestApp
    var cookie: String?
    var csrf: String?
    init(_ t: TestApp) { self.t = t }

    func request(
        _ method: HTTPMethod, _ path: String, form: [String: String]? = nil, withCSRF: Bool = true
    ) async throws -> TestingHTTPResponse {
        var headers: [(String, String)] = []
        if let cookie { headers.append(("Cookie", "fazhi_session=\(cookie)")) }
        var body: String?
        if var f = form {
            if withCSRF, let csrf { f["_csrf"] = csrf }
            body = f.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
                .joined(separator: "&")
        }
        let r = try await t.send(
            method, path, json: body, headers: headers, contentType: "application/x-www-form-urlencoded")
        if let set = r.headers.first(name: "Set-Cookie"),
            let v = set.split(separator: ";").first?.split(separator: "=", maxSplits: 1).last
        {
            cookie = set.contains("Expires=Thu, 01 Jan 1970") ? nil : String(v)
        }
        if let m = r.text.range(of: #"name="_csrf" value="([0-9a-f]+)""#, options: .regularExpression) {
            csrf = String(r.text[m].split(separator: "\"")[3])
        }
        return r
    }

    func login(_ user: String, _ password: String = DemoPassword.value) async throws -> TestingHTTPResponse {
        _ = try await request(.GET, "/login")
        return try await request(.POST, "/login", form: ["username": user, "password": password])
    }
}

enum DemoPassword { static let value = "fazhi-demo-2026" }

@Suite("Web console: login, CSRF, user admin, logout")
struct ConsoleTests {
    @Test(arguments: TestDB.all)
    func loginCreateUserLogout(_ db: TestDB) async throws {
        try await withTestApp(db) { t in
            let web = WebClient(t)
            let anon = try await web.request(.GET, "/console")
            #expect(anon.status == .seeOther)
            #expect(anon.headers.first(name: "Location") == "/login")

            let loginPage = try await web.request(.GET, "/login")
            #expect(loginPage.status == .ok)
            let setCookie = loginPage.headers.first(name: "Set-Cookie") ?? ""
            #expect(setCookie.contains("HttpOnly"))
            #expect(setCookie.contains("SameSite=Lax"))
            let anonymousSession = web.cookie

            let ok = try await web.request(
                .POST, "/login", form: ["username": "admin", "password": DemoPassword.value])
            #expect(ok.status == .seeOther)
            #expect(ok.headers.first(name: "Location") == "/console")
            #expect(web.cookie != anonymousSession, "a new session id at login")

            let home = try await web.request(.GET, "/console")
            #expect(home.status == .ok)
            #expect(home.text.contains("待办事项"))
            #expect(home.text.contains("周明远"))

            let newPage = try await web.request(.GET, "/console/users/new")
            #expect(newPage.status == .ok)
            let org = try await t.orgID("清河县应急管理局")
            let form = [
                "username": "yj.zhifa2", "displayName": "韩雪", "organisationId": org.uuidString, "role": "officer",
                "password": "Secret12345",
            ]
            // Without the CSRF token the form is refused and nothing is written.
            let forged = try await web.request(.POST, "/console/users", form: form, withCSRF: false)
            #expect(forged.status == .forbidden)
            #expect(try await Accounts.user(named: "yj.zhifa2", on: t.app.db) == nil)
            let created = try await web.request(.POST, "/console/users", form: form)
            #expect(created.status == .seeOther)
            let u = try #require(try await Accounts.user(named: "yj.zhifa2", on: t.app.db))
            #expect(try await Accounts.grants(of: u.id!, on: t.app.db).map(\.role) == [.officer])
            let detail = try await web.request(.GET, created.headers.first(name: "Location")!)
            #expect(detail.text.contains("已创建用户 yj.zhifa2"))

            // A form error re-renders with the field named, in Chinese, and writes nothing.
            var dup = form; dup["displayName"] = "重复"
            _ = try await web.request(.GET, "/console/users/new")
            let again = try await web.request(.POST, "/console/users", form: dup)
            #expect(again.status == .unprocessableEntity)
            #expect(again.text.contains("用户名：用户名 yj.zhifa2 已被使用"))

            let out = try await web.request(.POST, "/logout", form: [:])
            #expect(out.status == .seeOther)
            #expect(try await web.request(.GET, "/console").status == .seeOther)

            // The new user can sign in.
            let newcomer = WebClient(t)
            #expect(try await newcomer.login("yj.zhifa2", "Secret12345").status == .seeOther)
        }
    }

    @Test("An API call with a bearer token creates no session and sets no cookie")
    func bearerRequestsAreSessionless() async throws {
        try await withTestApp(.sqlite) { t in
            let token = try await t.token("scj.zhifa1")
            let r = try await t.send(.GET, "/api/v1/me", token: token)
            #expect(r.status == .ok)
            #expect(r.headers.first(name: "Set-Cookie") == nil)
            #expect(try await SessionRow.query(on: t.app.db).count() == 0)
            // Nor does a portal page.
            #expect(try await t.send(.GET, "/").headers.first(name: "Set-Cookie") == nil)
        }
    }

    @Test("A browser gets an error page, an API client JSON")
    func errorsFitTheClient() async throws {
        try await withTestApp(.sqlite, demo: false) { t in
            let browser = try await t.send(
                .GET, "/no-such-page",
                headers: [("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")])
            #expect(browser.status == .notFound)
            #expect(browser.headers.first(name: "Content-Type")?.hasPrefix("text/html") == true)
            #expect(browser.text.contains("页面或资源不存在"))
            let client = try await t.send(.GET, "/no-such-page", headers: [("Accept", "application/json")])
            #expect(client.errorMessage == "页面或资源不存在")
            let api = try await t.send(.GET, "/api/v1/nothing")
            #expect(api.status == .notFound)
            #expect(api.errorMessage != nil)
        }
    }

    @Test func loginNeedsTheFormToken() async throws {
        try await withTestApp(.sqlite) { t in
            let web = WebClient(t)
            _ = try await web.request(.GET, "/login")
            let r = try await web.request(
                .POST, "/login", form: ["username": "admin", "password": DemoPassword.value], withCSRF: false)
            #expect(r.status == .forbidden)
            #expect(try await web.request(.GET, "/console").status == .seeOther)
        }
    }

    @Test func failedLoginsAreThrottled() async throws {
        try await withTestApp(.sqlite) { t in
            let web = WebClient(t)
            for _ in 0..<5 {
                #expect(try await web.login("scj.zhifa1", "wrong-password-1").status == .unauthorized)
            }
            let blocked = try await web.login("scj.zhifa1")
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.text.contains("登录失败次数过多"))
            #expect(blocked.headers.first(name: "Retry-After") != nil)
            // Another account from the same address is not locked out by someone else's failures.
            #expect(try await WebClient(t).login("scj.zhifa2").status == .seeOther)
        }
    }

    @Test func throttleLimitsPerAccountAndPerAddress() {
        let th = LoginThrottle()
        let now = Date()
        let a = LoginThrottle.accountKey("a"), ip = LoginThrottle.addressKey("10.0.0.1")
        for _ in 0..<4 { th.recordFailure([a, ip], now: now) }
        #expect(th.retryAfter([a, ip], now: now) == nil)
        th.recordFailure([a, ip], now: now)
        #expect(th.retryAfter([a, ip], now: now) == 900)
        // Other accounts behind the same address keep going until the address itself reaches 30.
        for i in 0..<24 { th.recordFailure([LoginThrottle.accountKey("u\(i)"), ip], now: now) }
        #expect(th.retryAfter([LoginThrottle.accountKey("b"), ip], now: now) == nil)
        th.recordFailure([LoginThrottle.accountKey("c"), ip], now: now)
        #expect(th.retryAfter([LoginThrottle.accountKey("b"), ip], now: now) != nil)
        // The window passes.
        #expect(th.retryAfter([a], now: now.addingTimeInterval(901)) == nil)
        // Counted before the attempt (claim), taken back when it does not count (forgive).
        let two = LoginThrottle(maxFailuresPerAccount: 2)
        #expect(two.claim([a], now: now).retryAfter == nil)
        two.forgive(two.claim([a], now: now))
        #expect(two.claim([a], now: now).retryAfter == nil)
        #expect(two.claim([a], now: now).retryAfter == 900)
    }

    @Test func rolesLimitConsolePages() async throws {
        try await withTestApp(.sqlite) { t in
            let officer = WebClient(t)
            #expect(try await officer.login("scj.zhifa1").status == .seeOther)
            #expect(try await officer.request(.GET, "/console/users").status == .notFound)
            #expect(try await officer.request(.GET, "/console/record").status == .notFound)
            #expect(
                try await officer.request(.GET, "/console/deadline?from=2025-09-30&days=5&unit=workday").text.contains(
                    "2025-10-14"))
            let supervisor = WebClient(t)
            #expect(try await supervisor.login("sfj.jiandu").status == .seeOther)
            let users = try await supervisor.request(.GET, "/console/users")
            #expect(users.status == .ok)
            #expect(!users.text.contains("新建用户"))
            let record = try await supervisor.request(.GET, "/console/record")
            #expect(record.text.contains("签名检查点"))
            let verified = try await supervisor.request(.POST, "/console/record/verify", form: [:])
            #expect(verified.status == .seeOther)
            #expect(try await supervisor.request(.GET, "/console/record").text.contains("校验通过"))
        }
    }

    @Test func regionsAndOrganisationsFromTheConsole() async throws {
        try await withTestApp(.sqlite) { t in
            let web = WebClient(t)
            _ = try await web.login("admin")
            _ = try await web.request(.GET, "/console/organisations")
            #expect(
                try await web.request(
                    .POST, "/console/regions", form: ["code": "339902", "name": "临江区", "parentCode": "339900"]
                ).status == .seeOther)
            let page = try await web.request(.GET, "/console/organisations")
            #expect(page.text.contains("已新增行政区划：临江区（339902）"))
            // A bad code is refused with the field named, and nothing is written.
            let size = try await t.recordSize()
            _ = try await web.request(.POST, "/console/regions", form: ["code": "3399", "name": "错区"])
            #expect(try await web.request(.GET, "/console/organisations").text.contains("区划代码：行政区划代码应为6位数字"))
            #expect(try await t.recordSize() == size)
            let gov = try await t.orgID("清河县人民政府")
            _ = try await web.request(
                .POST, "/console/organisations",
                form: ["name": "清河县数据局", "regionCode": "339901", "parentId": gov.uuidString])
            #expect(try await web.request(.GET, "/console/organisations").text.contains("已新设机关：清河县数据局"))
            // An officer cannot.
            let officer = WebClient(t)
            _ = try await officer.login("scj.zhifa1")
            _ = try await officer.request(.GET, "/console/organisations")
            #expect(
                try await officer.request(.POST, "/console/regions", form: ["code": "339903", "name": "某区"]).status
                    == .forbidden)
        }
    }

    @Test func tokensAreShownOnceAndWork() async throws {
        try await withTestApp(.sqlite) { t in
            let web = WebClient(t)
            _ = try await web.login("scj.zhifa1")
            _ = try await web.request(.GET, "/console/tokens")
            let page = try await web.request(.POST, "/console/tokens", form: ["name": "脚本"])
            let token = try #require(
                page.text.range(of: #"fz_[0-9a-f]{64}"#, options: .regularExpression).map { String(page.text[$0]) })
            #expect(try await t.send(.GET, "/api/v1/me", token: token).status == .ok)
            #expect(!(try await web.request(.GET, "/console/tokens")).text.contains(token))
        }
    }
}
