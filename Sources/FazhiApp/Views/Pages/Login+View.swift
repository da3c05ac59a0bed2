import Foundation

/// The staff login form (工作人员登录), with the CSRF token a login needs.
struct LoginView {
    let error: String?
    let username: String
    let csrf: String

    func render() -> HTML {
        return """
            <form method="post" action="/login" class="card" autocomplete="on">
            \(Views.flash(error, error: true))
            <input type="hidden" name="_csrf" value="\(csrf)">
            <label for="username">用户名</label><input id="username" name="username" value="\(username)" required autocomplete="username" autofocus>
            <label for="password">密码</label><input id="password" name="password" type="password" required autocomplete="current-password">
            <button type="submit" id="login">登录</button>
            </form>
            <p class="muted">连续输错5次将锁定15分钟。忘记密码请联系本单位系统管理员。</p>
            """
    }
}
