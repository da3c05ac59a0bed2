import FazhiCore
import FazhiStore
import Foundation

enum AdviserViews {
    static func contractStatus(_ a: LegalAdviser, today: CivilDate) -> (String, String) {
        guard let until = a.contractUntil else { return (a.kind == .publicLawyer ? "在册" : "未签合同", "") }
        let left = today.days(until: until)
        if left < 0 { return ("已到期", "overdue") }
        if left <= AdviserPages.expiryWarningDays { return ("还剩\(left)天", "warning") }
        return ("有效", "")
    }

    static func page(_ p: AdviserPages.Page, error: String?, csrf: String) -> HTML {
        let kinds = AdviserWork.Kind.allCases
        let byAdviser = Dictionary(grouping: p.work, by: \.adviserID)
        let rows = HTML.join(
            p.advisers.map { a in
                let (status, cls) = contractStatus(a, today: p.today)
                let counts = HTML.join(
                    kinds.map { k in
                        "<td class=\"num\">\(byAdviser[a.id, default: []].filter { $0.kind == k }.count)</td>" as HTML
                    })
                let term = a.contractFrom.map { "\($0)至\(a.contractUntil?.description ?? "")" } ?? ""
                let renew: HTML =
                    p.writable.contains(a.organisationID) && a.contractFrom != nil
                    ? "<form method=\"post\" action=\"\(SitePath.advisers.path)/\(a.id.uuidString)/contract\" class=\"inline renew\"><input type=\"hidden\" name=\"_csrf\" value=\"\(csrf)\"><input type=\"date\" name=\"contractUntil\" aria-label=\"新的合同截止日期\" required><button type=\"submit\">续聘或者终止</button></form>"
                    : ""
                return
                    "<tr><td>\(a.name)</td><td>\(a.kind.label)</td><td>\(a.firm)</td><td>\(a.level.label)：\(a.servedPlace)</td><td>\(p.names[a.organisationID] ?? "")</td><td>\(term)\(renew)</td><td class=\"\(cls)\">\(status)</td>\(counts)</tr>"
                    as HTML
            })
        let head = HTML.join(kinds.map { "<th>\($0.label)</th>" as HTML })
        let orgOptions = HTML.join(
            p.writable.compactMap { id in p.names[id].map { (id, $0) } }.sorted { $0.1 < $1.1 }.map {
                "<option value=\"\($0.0.uuidString)\">\($0.1)</option>" as HTML
            })
        let mine = p.advisers.filter { p.writable.contains($0.organisationID) }
        let adviserOptions = HTML.join(
            mine.map { "<option value=\"\($0.id.uuidString)\">\($0.name)（\($0.servedPlace)）</option>" as HTML })
        let forms: HTML =
            p.writable.isEmpty
            ? ""
            : """
            <div class="grid two">
            <form method="post" action="\(SitePath.advisers.path)" class="card form" id="add-adviser"><h2>登记法律顾问、公职律师</h2><input type="hidden" name="_csrf" value="\(csrf)">
            <label for="organisation">聘用单位</label><select id="organisation" name="organisation" required>\(orgOptions)</select>
            <label for="kind">类别</label><select id="kind" name="kind">\(HTML.join(LegalAdviser.Kind.allCases.map { "<option value=\"\($0.rawValue)\">\($0.label)</option>" as HTML }))</select>
            <label for="name">名称或者姓名</label><input id="name" name="name" required maxlength="60">
            <label for="firm">所属律师事务所或者单位</label><input id="firm" name="firm" maxlength="100">
            <label for="level">服务层级</label><select id="level" name="level">\(HTML.join(LegalAdviser.Level.allCases.map { "<option value=\"\($0.rawValue)\">\($0.label)</option>" as HTML }))</select>
            <label for="servedPlace">服务的单位、乡镇或者村（社区）</label><input id="servedPlace" name="servedPlace" required maxlength="100">
            <label for="contractFrom">合同开始日期</label><input id="contractFrom" name="contractFrom" type="date">
            <label for="contractUntil">合同截止日期</label><input id="contractUntil" name="contractUntil" type="date">
            <button type="submit">登记</button></form>
            <form method="post" action="\(SitePath.advisers.path)/work" class="card form" id="log-work"><h2>登记工作</h2><input type="hidden" name="_csrf" value="\(csrf)">
            <label for="adviser">法律顾问</label><select id="adviser" name="adviser" required>\(adviserOptions)</select>
            <label for="doneOn">日期</label><input id="doneOn" name="doneOn" type="date" required value="\(p.today.description)">
            <label for="work-kind">工作类别</label><select id="work-kind" name="kind">\(HTML.join(AdviserWork.Kind.allCases.map { "<option value=\"\($0.rawValue)\">\($0.label)</option>" as HTML }))</select>
            <label for="subject">事项（合同名称、决策事项等）</label><input id="subject" name="subject" required maxlength="200">
            <label for="caseNumber">关联案件编号（审查的规范性文件、决策、应诉案件等，可不填）</label><input id="caseNumber" name="caseNumber" maxlength="100">
            <label for="note">意见摘要</label><textarea id="note" name="note" maxlength="2000"></textarea>
            <button type="submit">登记</button></form></div>
            """
        let recent = HTML.join(
            p.work.prefix(50).map { w in
                let a = p.advisers.first { $0.id == w.adviserID }
                let subject: HTML =
                    w.caseID.map { "<a href=\"\(SitePath.caseFile($0).path)\">\(w.subject)</a>" as HTML }
                    ?? "\(w.subject)"
                return
                    "<tr><td>\(w.doneOn.description)</td><td>\(a?.name ?? "")</td><td>\(w.kind.label)</td><td>\(subject)</td><td>\(w.note)</td></tr>"
                    as HTML
            })
        let total = HTML.join(
            kinds.map { k in "<td class=\"num\">\(p.work.filter { $0.kind == k }.count)</td>" as HTML })
        return """
            <p>法律顾问、公职律师参与重大行政决策的合法性审查（《重大行政决策程序暂行条例》第二十八条）自动登记为其工作；合同到期前\(AdviserPages.expiryWarningDays)日起在工作台提醒。
            <a href="\(SitePath.advisersExport.path)?year=\(p.year)">导出Excel</a> · <a href="/api/v1/statistics/advisers?year=\(p.year)">年度统计（API）</a></p>
            \(Views.flash(error, error: true))
            <div class="table-wrap"><table class="data" id="advisers"><thead><tr><th>名称</th><th>类别</th><th>所属</th><th>服务对象</th><th>聘用单位</th><th>合同期限</th><th>合同状态</th>\(head)</tr></thead>
            <tbody>\(p.advisers.isEmpty ? "<tr><td colspan=\"13\">尚未登记法律顾问。</td></tr>" as HTML : rows)</tbody>
            <tfoot><tr><th colspan="7">\(p.year)年合计</th>\(total)</tr></tfoot></table></div>
            \(forms)
            <h2>\(p.year)年工作台账</h2>
            <div class="table-wrap"><table class="data" id="adviser-work"><thead><tr><th>日期</th><th>法律顾问</th><th>类别</th><th>事项</th><th>意见摘要</th></tr></thead><tbody>\(p.work.isEmpty ? "<tr><td colspan=\"5\">本年尚无登记的工作。</td></tr>" as HTML : recent)</tbody></table></div>
            """
    }

    /// The Excel: a title row, one row per adviser with the year's work by kind, and a 合计 row that sums.
    static func sheet(_ p: AdviserPages.Page, exportedAt day: CivilDate) -> [[String]] {
        let kinds = AdviserWork.Kind.allCases
        let header = ["序号", "名称", "类别", "所属", "服务层级", "服务对象", "聘用单位", "合同开始", "合同截止", "合同状态"] + kinds.map(\.label)
        let pad = Array(repeating: "", count: header.count - 1)
        let byAdviser = Dictionary(grouping: p.work, by: \.adviserID)
        let lines = p.advisers.enumerated().map { i, a in
            [
                String(i + 1), a.name, a.kind.label, a.firm, a.level.label, a.servedPlace,
                p.names[a.organisationID] ?? "",
                a.contractFrom?.description ?? "", a.contractUntil?.description ?? "", contractStatus(a, today: day).0,
            ] + kinds.map { k in String(byAdviser[a.id, default: []].filter { $0.kind == k }.count) }
        }
        let total =
            ["合计", "\(p.advisers.count)", "", "", "", "", "", "", "", ""]
            + kinds.map { k in
                String(p.advisers.reduce(0) { n, a in n + byAdviser[a.id, default: []].filter { $0.kind == k }.count })
            }
        return [["法律顾问、公职律师工作（\(p.year)年，导出日期 \(day)）"] + pad, header] + lines + [total]
    }
}
