import FazhiCore
import Foundation

/// The 审查建议 pages: the form, the receipt, the status with the answer.
enum SuggestionPortalViews {
    static func form(
        values: [String: String], error: String?, field: String?, offices: [(String, String)], csrf: String,
        answerDays: Int
    ) -> HTML {
        let f = ApplicationFormFields(values: values, invalid: field)
        return """
            <p>公民、法人或者其他组织认为行政规范性文件违反法律、法规、规章或者上级文件的，可以向备案审查机关提出书面审查建议。备案审查机关自收到之日起 <b>\(answerDays)</b> 日内研究处理并答复（本地规定）。带 <span class="req">*</span> 的为必填项；联系方式不会公开。</p>
            \(Views.flash(error, error: true))
            <form method="post" action="/documents/suggest" class="card form" id="suggest-form">\(f.hidden(csrf: csrf))
            \(f.select("office", "备案审查机关", offices))
            \(f.text("suggesterName", "建议人姓名或者名称"))
            \(f.text("suggesterContact", "联系电话或者通讯地址", hint: "不会公开"))
            \(f.text("documentCited", "建议审查的文件（名称或者文号）"))
            \(f.textarea("suggestionText", "认为违法的条款和理由", maxLength: 5000))
            <button type="submit">提交审查建议</button></form>
            <p class="muted">已提交的审查建议可在 <a href="/documents/suggest/status">审查建议查询</a> 查看进度和答复。</p>
            """
    }

    static func receipt(
        trackingNumber: String, secret: String?, caseNumber: String, file: CaseFile, today: CivilDate
    )
        -> HTML
    {
        let f = file.facts
        return """
            <div class="card" id="receipt">
            <p>您的审查建议已提交，备案审查机关于 <b>\(f[NormativeSuggestionFact.receivedOn]?.description ?? "")</b> 收到。请记下以下信息，用于查询办理进度和答复：</p>
            <table class="kv"><tr><th>查询编号</th><td class="mono" id="tracking-number">\(trackingNumber)</td></tr>
            <tr><th>查询码</th><td class="mono" id="secret">\(secret ?? "（已在首次提交时显示）")</td></tr>
            <tr><th>登记编号</th><td>\(caseNumber)</td></tr>
            <tr><th>建议审查的文件</th><td>\(f[NormativeSuggestionFact.documentCited] ?? "")</td></tr>
            <tr><th>答复期限</th><td>\(file.deadline("answer").map { DeadlineCell(deadline: $0.deadline, today: today).render() } ?? "")</td></tr></table>
            <p>查询进度和答复：<a href="/documents/suggest/status">审查建议查询</a></p></div>
            """
    }

    static func status(
        caseNumber: String, stage: String, file: CaseFile, answer: DocumentText?, number: String, secret: String,
        csrf: String, today: CivilDate
    ) -> HTML {
        let f = file.facts
        let due: HTML =
            file.deadline("answer").map { d in
                d.isRunning ? "<p>答复期限：\(DeadlineCell(deadline: d.deadline, today: today).render())</p>" : ""
            } ?? ""
        let answerHTML = ApplicationFormFields.answerCard(
            answer, action: "/documents/suggest/status", number: number, secret: secret, csrf: csrf)
        return """
            <div class="card" id="status"><p>登记编号：\(caseNumber)　当前阶段：<b id="stage">\(stage)</b></p>
            <p>建议审查的文件：\(f[NormativeSuggestionFact.documentCited] ?? "")</p>\(due)</div>
            \(answerHTML)
            """
    }
}
