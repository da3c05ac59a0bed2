import FazhiCore
import Foundation

/// 机关与区划: the organisations the user may read, the regions, and (for administrators) the forms to add them.
struct OrganisationsView {
    struct Model {
        /// (name, 统一社会信用代码, region, parent)
        let organisations: [(String, String, String, String)]
        /// (code, name, parent)
        let regions: [(String, String, String)]
        /// The parent choices when the user may add organisations.
        let parentOptions: HTML?
        let csrf: String
    }

    let model: Model

    func render() -> HTML {
        let m = model
        let orgs = DataTable(
            columns: [.init("机关/部门"), .init("统一社会信用代码"), .init("行政区划"), .init("上级机关")],
            rows: m.organisations.map { [.text($0.0), .text($0.1, class: "mono"), .text($0.2), .text($0.3)] },
            empty: "没有可见的机关。"
        ).render()
        let regions = DataTable(
            columns: [.init("代码"), .init("名称"), .init("上级")],
            rows: m.regions.map { [.text($0.0, class: "mono"), .text($0.1), .text($0.2)] }, empty: "尚无行政区划。"
        ).render()
        let regionOptions = HTML.join(m.regions.map { "<option value=\"\($0.0)\">\($0.1)（\($0.0)）</option>" as HTML })
        var forms: (HTML, HTML) = ("", "")
        if let parents = m.parentOptions {
            forms.0 = """
                <h2>新设机关/部门</h2>
                \(PostForm(action: SitePath.organisations.path, csrf: m.csrf, content: """
                    <label for="name">名称</label><input id="name" name="name" required>
                    <label for="uscc">统一社会信用代码（18位，可暂缺）</label><input id="uscc" name="uscc" maxlength="18">
                    <label for="regionCode">行政区划</label><select id="regionCode" name="regionCode">\(regionOptions)</select>
                    <label for="parentId">上级机关</label><select id="parentId" name="parentId">\(parents)</select>
                    """, submit: "新设").render())
                """
            forms.1 = PostForm(
                action: "/console/regions", csrf: m.csrf,
                content: """
                    <label for="code">区划代码（6位数字）</label><input id="code" name="code" required pattern="[0-9]{6}" maxlength="6" inputmode="numeric">
                    <label for="region-name">名称</label><input id="region-name" name="name" required>
                    <label for="parentCode">上级行政区划</label><select id="parentCode" name="parentCode"><option value="">（无）</option>\(regionOptions)</select>
                    """, submit: "新增行政区划"
            ).render()
        }
        return """
            \(orgs)
            \(forms.0)
            <h2>行政区划</h2>
            \(regions)
            \(forms.1)
            """
    }
}

/// API 令牌: one's own tokens, the form to create one, and a new token shown once.
struct TokensView {
    /// (id, name, created, revoked)
    let tokens: [(UUID, String, String, Bool)]
    let newToken: String?
    let csrf: String

    func render() -> HTML {
        let shown: HTML =
            newToken.map {
                "<div class=\"token\"><p>新令牌（只显示这一次，请立即妥善保存）：</p><p class=\"mono\" id=\"new-token\">\($0)</p><p class=\"muted\">调用 API 时加请求头 <code>Authorization: Bearer 令牌</code>。</p></div>"
            } ?? ""
        let table = DataTable(
            columns: [.init("名称"), .init("创建时间"), .init("状态")],
            rows: tokens.map { t in
                let action: HTML =
                    t.3
                    ? "已吊销"
                    : PostForm(
                        action: "\(SitePath.tokens.path)/\(t.0.uuidString)/revoke", cssClass: "inline", csrf: csrf,
                        content: "", submit: "吊销",
                        buttonClass: "secondary"
                    ).render()
                return [.text(t.1), .text(t.2), DataTable.Cell(action)]
            }, empty: "尚未创建令牌。"
        ).render()
        let form = PostForm(
            action: SitePath.tokens.path, csrf: csrf,
            content: """
                <label for="name">令牌名称（用途）</label><input id="name" name="name" required maxlength="60" placeholder="例如：数据报送脚本">
                """, submit: "创建令牌"
        ).render()
        return """
            \(shown)
            \(form)
            \(table)
            """
    }
}

/// 期限计算: the calculator form and its answer.
struct DeadlineView {
    enum Result {
        case due(from: String, days: Int, unitName: String, deadline: Deadline, rule: String)
        case error(String)
    }

    let action: String
    let from: String
    let days: String
    let unit: String
    let result: Result?
    let today: CivilDate
    /// The years whose holiday notice is loaded.
    let years: String

    func render() -> HTML {
        var answer: HTML = ""
        switch result {
        case .due(let from, let days, let unitName, let d, let rule)?:
            answer =
                "<div class=\"card\"><p>自 \(from) 起 \(days) 个\(unitName)，届满日：<b id=\"due\">\(DeadlineCell(deadline: d, today: today).render())</b></p><p class=\"muted\">\(rule)</p></div>"
        case .error(let message)?:
            answer = Views.flash(message, error: true)
        case nil:
            break
        }
        return """
            <form method="get" action="\(action)" class="card">
            <label for="from">起算日（该日不计入）</label><input id="from" name="from" type="date" value="\(from)" required>
            <label for="days">期间</label><input id="days" name="days" type="number" min="1" max="3660" value="\(days)" required>
            <label for="unit">单位</label><select id="unit" name="unit"><option value="workday"\(HTML(raw: unit == "workday" ? " selected" : ""))>工作日</option><option value="day"\(HTML(raw: unit == "day" ? " selected" : ""))>日（自然日，届满日遇休息日顺延）</option></select>
            <button type="submit">计算</button></form>
            \(answer)
            <p class="muted">已载入节假日安排的年份：\(years)。其他年份拒绝计算，不作推测。</p>
            """
    }
}

/// 全过程记录: the log's size, the latest checkpoints, the latest entries, and the buttons to sign and to verify.
struct RecordView {
    let size: Int
    /// (size, time, root hash)
    let checkpoints: [(Int, String, String)]
    /// (sequence, time, actor, action, payload hash)
    let entries: [(Int, String, String, String, String)]
    let publicKey: String
    let csrf: String

    func render() -> HTML {
        let cps = DataTable(
            columns: [.init("规模", numeric: true), .init("时间"), .init("根哈希")],
            rows: checkpoints.map { [.number($0.0), .text($0.1), .text($0.2, class: "mono")] }, empty: "尚未签署检查点。"
        ).render()
        let rows = DataTable(
            columns: [.init("序号", numeric: true), .init("时间"), .init("操作人"), .init("操作"), .init("内容哈希")],
            rows: entries.map { [.number($0.0), .text($0.1), .text($0.2), .text($0.3), .text($0.4, class: "mono")] },
            empty: "尚无记录。"
        ).render()
        return """
            <div class="grid"><div class="stat">记录条数<b id="record-size">\(size)</b></div><div class="stat">最近检查点规模<b>\(checkpoints.first?.0 ?? 0)</b></div>
            <div class="stat">签名公钥<span class="mono">\(publicKey)</span></div></div>
            \(PostForm(action: "/console/record/checkpoint", cssClass: "inline", csrf: csrf, content: "", submit: "立即签署检查点").render())
            \(PostForm(action: "/console/record/verify", cssClass: "inline", csrf: csrf, content: "", submit: "全量校验", buttonClass: "secondary").render())
            <h2>签名检查点</h2>
            \(cps)
            <h2>最近 50 条记录</h2>
            \(rows)
            """
    }
}
