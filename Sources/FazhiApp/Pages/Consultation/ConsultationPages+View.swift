import FazhiCore
import FazhiStore
import Foundation

/// The pages of 公开征求意见: the list of drafts, a draft with its articles and the form, staff's grouped comments, and the
/// adoption report a published document carries.
enum ConsultationViews {
    static func list(_ drafts: [StoredCase]) -> HTML {
        let rows = HTML.join(
            drafts.map { c in
                let until = c.file.deadline("consultation").map { $0.deadline.due.description } ?? ""
                return
                    "<tr><td><a href=\"/consultations/\(c.id.uuidString)\">\(c.file.facts.text("title") ?? c.number)</a></td><td>\(until)</td></tr>"
            })
        return """
            <p>以下草案正在公开征求意见，欢迎对全文或者具体条款提出意见（行政规范性文件：国办发〔2018〕37号、《优化营商环境条例》第六十二条；重大行政决策：《重大行政决策程序暂行条例》第十五条）。</p>
            <table class="data" id="drafts"><thead><tr><th>草案</th><th>征求意见截止</th></tr></thead><tbody>\(drafts.isEmpty ? "<tr><td colspan=\"2\">目前没有正在征求意见的草案。</td></tr>" : rows)</tbody></table>
            """
    }

    /// A draft open for comment: its text, its explanation and (for a short period) the published reason, and the
    /// form — keeping what was typed when a comment is refused.
    static func draft(
        _ c: StoredCase, rule: ConsultationRule, receipt: String?, error: String?, csrf: String,
        typed: [String: String] = [:]
    ) -> HTML {
        let f = c.file.facts
        let text = f.text(rule.textFact) ?? ""
        let articles = PublicConsultation.articles(text)
        let period = c.file.deadline("consultation")?.deadline
        let until = period.map { $0.due.description } ?? ""
        let summary: HTML =
            rule.summaryFact.flatMap { f.text($0) }.map {
                "<section class=\"card\" id=\"draft-summary\"><h2>起草说明</h2>\(HTML.join($0.components(separatedBy: "\n").map { "<p>\($0)</p>" as HTML }))</section>"
            } ?? ""
        let shortReason: HTML =
            rule.shortPeriodReasonFact.flatMap { f.text($0) }.flatMap { $0.trimmed.isEmpty ? nil : $0 }.map {
                "<p id=\"short-period-reason\">征求意见期限较短的理由：\($0)</p>"
            } ?? ""
        let options = HTML.join(
            articles.map {
                "<option value=\"\($0.number)\">\(PublicConsultation.articleName($0.number))</option>" as HTML
            })
        let body = HTML.join(
            text.components(separatedBy: "\n").map { "<p>\($0)</p>" as HTML })
        let done: HTML =
            receipt.map {
                "<div class=\"flash ok\" id=\"comment-receipt\">意见已提交，回执号：<b class=\"mono\">\($0)</b>。意见采纳情况将与正式文件一并公布。</div>"
            } ?? ""
        return """
            \(done)\(Views.flash(error, error: true))
            <p>公开征求意见：自 <b>\(period.map { $0.start.description } ?? "")</b> 至 <b>\(until)</b>（含当日）。</p>\(shortReason)
            <section class="card" id="draft-text"><h2>征求意见稿</h2>\(body)</section>\(summary)
            <form method="post" action="/consultations/\(c.id.uuidString)/comments" class="card form" id="comment-form"><input type="hidden" name="_csrf" value="\(csrf)">
            <label for="article">意见针对</label><select id="article" name="article"><option value="">全文</option>\(options)</select>
            <label for="text">意见和建议<span class="req">*</span></label><textarea id="text" name="text" rows="5" maxlength="\(PublicConsultation.maxCommentLength)" required>\(typed["text"] ?? "")</textarea>
            <label for="commenter">姓名或者名称（可不填；公开时隐去）</label><input id="commenter" name="commenter" maxlength="50">
            <button type="submit">提交意见</button></form>
            """
    }

    static func console(
        _ c: StoredCase, comments: [PublicComment], canAnswer: Bool, error: String?, csrf: String
    ) -> HTML {
        let groups = PublicConsultation.groups(comments)
        let responseOptions = HTML.join(
            PublicConsultation.responses.map { "<option value=\"\($0.value)\">\($0.label)</option>" as HTML })
        let rows = HTML.join(
            groups.map { g in
                let answer: HTML =
                    canAnswer
                    ? """
                    <form method="post" action="/console/cases/\(c.id.uuidString)/comments/answer" class="inline"><input type="hidden" name="_csrf" value="\(csrf)"><input type="hidden" name="group" value="\(g.key)">
                    <select name="response">\(responseOptions)</select><input name="reason" placeholder="理由" maxlength="1000"><button type="submit">答复</button></form>
                    """ : ""
                let hide: HTML =
                    canAnswer
                    ? HTML.join(
                        g.comments.map { m in
                            "<form method=\"post\" action=\"/console/cases/\(c.id.uuidString)/comments/hide\" class=\"inline\"><input type=\"hidden\" name=\"_csrf\" value=\"\(csrf)\"><input type=\"hidden\" name=\"comment\" value=\"\(m.id.uuidString)\"><input name=\"reason\" placeholder=\"隐藏理由（公开）\" maxlength=\"200\"><button type=\"submit\">隐藏 \(m.receipt)</button></form>"
                        }) : ""
                let state = g.response.map { InputField.Choice.label($0, in: PublicConsultation.responses) } ?? "待答复"
                return
                    "<tr><td>\(g.article.map(PublicConsultation.articleName) ?? "全文")</td><td>\(g.text)</td><td class=\"num\">\(g.comments.count)</td><td>\(state)\(g.responseReason.map { "：\($0)" } ?? "")</td><td>\(answer)\(hide)</td></tr>"
            })
        let hidden = comments.filter { $0.hiddenReason != nil }.count
        return """
            \(Views.flash(error, error: true))
            <p>收到意见 <b id="comment-count">\(comments.count)</b> 条（\(groups.count) 组，已隐藏 \(hidden) 条）。同一条款的相同意见合并答复；隐藏须写明理由，理由一并公开。<a href="\(SitePath.caseFile(c.id).path)">返回案件</a></p>
            <table class="data" id="comment-groups"><thead><tr><th>条款</th><th>意见</th><th>条数</th><th>处理</th><th></th></tr></thead><tbody>\(rows)</tbody></table>
            """
    }

    /// 意见采纳情况, as published with the final text.
    static func adoptionReport(_ comments: [PublicComment]) -> HTML {
        guard !comments.isEmpty else { return "" }
        let table = PublicConsultation.adoptionReport(comments)
        let rows = HTML.join(
            table.dropFirst().map { r in "<tr>\(HTML.join(r.map { "<td>\($0)</td>" as HTML }))</tr>" as HTML })
        let hidden = comments.filter { $0.hiddenReason != nil }
        let hiddenNote: HTML =
            hidden.isEmpty
            ? ""
            : HTML(
                "<p class=\"muted\">未公开的意见 \(hidden.count) 条：\(hidden.map { $0.hiddenReason ?? "" }.joined(separator: "；"))</p>"
            )
        return """
            <section class="card" id="adoption-report"><h2>公开征求意见采纳情况</h2><p>共收到意见 \(comments.count) 条。</p>
            <table class="data"><thead><tr>\(HTML.join(table[0].map { "<th>\($0)</th>" as HTML }))</tr></thead><tbody>\(rows)</tbody></table>\(hiddenNote)</section>
            """
    }
}
