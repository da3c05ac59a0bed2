import FazhiCore
import Foundation

/// The pages of 网上申请行政复议 (行政复议法 第二十二条): the application form, the receipt with the tracking number and
/// secret, the status lookup and what the applicant sees of the case — built from plain values.
enum ReconsiderationPortalViews {
    static func receipt(
        trackingNumber: String, secret: String?, caseNumber: String, facts f: Facts, acceptance: CaseDeadline?,
        today: CivilDate
    ) -> HTML {
        return """
            <div class="card" id="receipt">
            <p>您的行政复议申请已提交，本机关于 <b>\(f[ReconsiderationFact.receivedOn]?.description ?? "")</b> 收到（《中华人民共和国行政复议法》第二十二条）。请记下以下信息，用于查询办理进度：</p>
            <table class="kv"><tr><th>查询编号</th><td class="mono" id="tracking-number">\(trackingNumber)</td></tr>
            <tr><th>查询码</th><td class="mono" id="secret">\(secret ?? "（已在首次提交时显示；遗失的请联系行政复议机构）")</td></tr>
            <tr><th>案件编号</th><td>\(caseNumber)</td></tr>
            <tr><th>申请人</th><td>\(f[ReconsiderationFact.applicantName] ?? "")</td></tr><tr><th>被申请人</th><td>\(f[ReconsiderationFact.respondent] ?? "")</td></tr>
            <tr><th>受理审查期限</th><td>\(acceptance.map { DeadlineCell(deadline: $0.deadline, today: today).render() } ?? "")：本机关将在五个工作日内决定是否受理；材料不齐全的，将一次性通知补正；逾期未作决定的，视为受理（第三十条、第三十一条）。</td></tr>
            <tr><th>申请期限</th><td>\(f[ReconsiderationFact.applicationDue]?.description ?? "")\(f.flag(ReconsiderationFact.applicationDueEstimated) ? "（暂定：该年放假安排尚未公布）" : "")\(f.flag(ReconsiderationFact.applicationLate) ? "（已超过六十日申请期限；是否有正当理由将在受理审查时一并审查，第二十条）" : "（第二十条：自知道该行政行为之日起六十日内）")</td></tr></table>
            <p>查询进度：<a href="/reconsideration/status">行政复议申请查询</a></p></div>
            """
    }

    /// `offices`: (id, the 复议机关's name) of each office that takes applications; `agencies`: the respondents to pick from.
    static func applicationForm(
        values: [String: String], error: String?, field: String?, offices: [(String, String)], agencies: [String],
        csrf: String
    ) -> HTML {
        let form = ApplicationFormFields(values: values, invalid: field)
        func v(_ k: String) -> String { form.value(k) }
        func text(_ k: String, _ label: String, required: Bool = true, type: String = "text", hint: String = "") -> HTML
        {
            form.text(k, label, required: required, type: type, hint: hint)
        }
        func area(_ k: String, _ label: String) -> HTML { form.textarea(k, label, maxLength: 4_000) }
        func select(_ k: String, _ label: String, _ options: [(String, String)]) -> HTML {
            form.select(k, label, options)
        }
        func check(_ k: String, _ label: String) -> HTML {
            "<label class=\"check\"><input type=\"checkbox\" name=\"\(k)\"\(HTML(raw: ["on", "true"].contains(v(k)) ? " checked" : ""))> \(label)</label>"
        }
        let officeField: HTML =
            offices.count > 1
            ? select("office", "行政复议机关", offices)
            : HTML("<p>行政复议机关：<b>\(offices.first?.1 ?? "（未开通）")</b></p>")
        return """
            <p>公民、法人或者其他组织认为行政行为侵犯其合法权益的，可以自知道或者应当知道该行政行为之日起六十日内提出行政复议申请（《中华人民共和国行政复议法》第二十条）。带 <span class="req">*</span> 的为必填项。</p>
            \(Views.flash(error, error: true))
            <form method="post" action="/reconsideration/apply" enctype="multipart/form-data" class="card form" id="apply-form">
            \(form.hidden(csrf: csrf))
            \(officeField)
            <fieldset><legend>申请人</legend>
            \(text("applicantName", "姓名或名称"))
            \(select("applicantKind", "申请人类型", Reconsideration.applicantKinds.map { ($0.value, $0.label) }))
            \(text("applicantIDNumber", "身份证号或统一社会信用代码", required: false, hint: "不会公开"))
            \(text("applicantPhone", "联系电话", required: false, type: "tel", hint: "不会公开"))
            \(text("applicantAddress", "住所或通讯地址"))</fieldset>
            <fieldset><legend>被申请复议的行政行为</legend>
            \(select("respondent", "被申请人", agencies.map { ($0, $0) }))
            \(select("actKind", "行政行为类别", Reconsideration.actKinds.map { ($0.value, $0.label) }))
            \(text("actDescription", "行政行为（名称、文号）", hint: "如：清市监罚〔2026〕12号行政处罚决定"))
            \(text("enforcementDecisionNumber", "行政处罚决定书文号", required: false, hint: "被申请的是行政处罚决定的，请填写文号，便于调取案卷"))
            \(text("actOn", "行政行为作出日期", required: false, type: "date"))
            \(text("learnedOn", "知道该行政行为的日期", type: "date"))
            \(check("notToldOfRights", "行政机关作出该行为时未告知申请行政复议的权利、机关或者期限"))
            \(text("rightsLearnedOn", "知道复议权利、机关和期限的日期", required: false, type: "date"))
            \(check("realProperty", "涉及不动产"))
            \(text("actAmount", "涉及款额（元）", required: false, type: "number"))</fieldset>
            <fieldset><legend>请求和理由</legend>
            \(area("requests", "行政复议请求"))
            \(area("reasons", "事实和理由"))
            <label for="attachments">证据材料（可选，每个文件不超过 10 MB；图片、PDF、音视频、Office 文档）</label><input id="attachments" name="attachments[]" type="file" multiple\(form.bad("attachments"))></fieldset>
            <button type="submit">提交申请</button></form>
            <p class="muted">已提交的申请可在 <a href="/reconsideration/status">行政复议申请查询</a> 查看进度。</p>
            """
    }

    static func statusForm(number: String, error: String?, csrf: String) -> HTML {
        """
        \(Views.flash(error, error: true))
        <form method="post" action="/reconsideration/status" class="card form" id="status-form"><input type="hidden" name="_csrf" value="\(csrf)">
        <label for="number">查询编号</label><input id="number" name="number" value="\(number)" required>
        <label for="secret">查询码</label><input id="secret" name="secret" type="password" required autocomplete="off">
        <button type="submit">查询</button></form>
        """
    }

    static func status(caseNumber: String, stage: String, file: CaseFile, today: CivilDate) -> HTML {
        let f = file.facts
        // What the applicant sees: the stage, the dates that run, the steps by name and day — not staff notes.
        let steps = HTML.join(file.steps.map { "<tr><td>\($0.on.description)</td><td>\($0.actionName)</td></tr>" })
        let deadlines = HTML.join(
            file.runningDeadlines.map {
                "<tr><td>\($0.name)</td><td>\(DeadlineCell(deadline: $0.deadline, today: today).render())</td><td>\($0.deadline.article ?? "")</td></tr>"
            })
        let outcome: HTML =
            f[ReconsiderationFact.outcome].map { o in
                "<p>决定：<b>\(Reconsideration.outcomeName(o))</b>（\(f[ReconsiderationFact.decisionNumber] ?? "")，\(f[ReconsiderationFact.decidedOn]?.description ?? "")）\(f[ReconsiderationFact.effectiveOn].map { "，\($0) 送达生效" } ?? "")</p>"
            } ?? ""
        return """
            <div class="card" id="status"><p>案件编号：\(caseNumber)　当前阶段：<b id="stage">\(stage)</b></p>
            <p>申请人：\(f[ReconsiderationFact.applicantName] ?? "")　被申请人：\(f[ReconsiderationFact.respondent] ?? "")</p>\(outcome)
            \(file.runningDeadlines.isEmpty ? "" : HTML("<h2>正在计算的期限</h2><table class=\"data\"><thead><tr><th>事项</th><th>期限</th><th>依据</th></tr></thead><tbody>\(deadlines)</tbody></table>"))
            <h2>办理过程</h2><table class="data"><thead><tr><th>日期</th><th>环节</th></tr></thead><tbody>\(steps)</tbody></table></div>
            """
    }
}
