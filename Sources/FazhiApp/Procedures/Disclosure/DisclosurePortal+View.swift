import FazhiCore
import Foundation

/// The pages of 网上申请政府信息公开: the form (第二十九条's three items), the receipt with the tracking number, secret and
/// answer date, the status lookup, and the answer with its rights notice as the applicant reads it.
enum DisclosurePortalViews {
    static func receipt(
        trackingNumber: String, secret: String?, caseNumber: String, facts f: Facts, answer: CaseDeadline?,
        today: CivilDate
    ) -> HTML {
        """
        <div class="card" id="receipt">
        <p>您的政府信息公开申请已提交，本机关于 <b>\(f[DisclosureFact.receivedOn]?.description ?? "")</b> 收到并确认（《中华人民共和国政府信息公开条例》第三十一条第三项）。请记下以下信息，用于查询办理进度和答复：</p>
        <table class="kv"><tr><th>查询编号</th><td class="mono" id="tracking-number">\(trackingNumber)</td></tr>
        <tr><th>查询码</th><td class="mono" id="secret">\(secret ?? "（已在首次提交时显示；遗失的请联系政府信息公开工作机构）")</td></tr>
        <tr><th>申请编号</th><td>\(caseNumber)</td></tr>
        <tr><th>申请人</th><td>\(f[DisclosureFact.applicantName] ?? "")</td></tr>
        <tr><th>申请公开的信息</th><td>\(f[DisclosureFact.informationDescription] ?? "")</td></tr>
        <tr><th>答复期限</th><td>\(answer.map { DeadlineCell(deadline: $0.deadline, today: today).render() } ?? "")：自收到申请之日起二十个工作日内答复；需要延长的，将告知您，延长最长不超过二十个工作日；申请内容不明确的，将在七个工作日内一次性告知补正（第三十条、第三十三条）。</td></tr></table>
        <p>查询进度和答复：<a href="/disclosure/status">政府信息公开申请查询</a></p></div>
        """
    }

    /// `offices`: (id, name) of each body that takes requests online.
    static func applicationForm(
        values: [String: String], error: String?, field: String?, offices: [(String, String)], csrf: String
    ) -> HTML {
        let form = ApplicationFormFields(values: values, invalid: field)
        func text(_ k: String, _ label: String, required: Bool = true, type: String = "text", hint: String = "") -> HTML
        {
            form.text(k, label, required: required, type: type, hint: hint)
        }
        func select(_ k: String, _ label: String, _ options: [(String, String)]) -> HTML {
            form.select(k, label, options)
        }
        return """
            <p>公民、法人或者其他组织可以向行政机关申请获取政府信息（《中华人民共和国政府信息公开条例》第二十七条）。行政机关将自收到申请之日起二十个工作日内答复（第三十三条）。带 <span class="req">*</span> 的为必填项；身份证件号码和电话不会公开。</p>
            \(Views.flash(error, error: true))
            <form method="post" action="/disclosure/apply" class="card form" id="apply-form">
            \(form.hidden(csrf: csrf))
            \(select("office", "向哪个行政机关申请", offices))
            <fieldset><legend>申请人（第二十九条第二款第一项）</legend>
            \(text("applicantName", "姓名或者名称"))
            \(select("applicantKind", "申请人类型", Disclosure.applicantKinds.map { ($0.value, $0.label) }))
            \(text("applicantIDNumber", "身份证件号码或统一社会信用代码", hint: "不会公开"))
            \(text("applicantPhone", "联系电话", type: "tel", hint: "不会公开"))
            \(text("applicantAddress", "通讯地址"))
            \(text("applicantEmail", "电子邮箱", required: false, type: "email"))</fieldset>
            <fieldset><legend>申请公开的政府信息（第二十九条第二款第二项、第三项）</legend>
            \(form.textarea("informationDescription", "信息的名称、文号或者便于查询的其他特征性描述"))
            \(select("requestedForm", "获取信息的形式", Disclosure.forms.map { ($0.value, $0.label) }))
            \(select("delivery", "获取信息的方式", Disclosure.deliveries.filter { $0.value != "on_spot" }.map { ($0.value, $0.label) }))</fieldset>
            <button type="submit">提交申请</button></form>
            <p class="muted">已提交的申请可在 <a href="/disclosure/status">政府信息公开申请查询</a> 查看进度和答复。</p>
            """
    }

    static func statusForm(number: String, error: String?, csrf: String) -> HTML {
        ApplicationFormFields.statusForm(action: "/disclosure/status", number: number, error: error, csrf: csrf)
    }

    static func status(
        caseNumber: String, stage: String, file: CaseFile, answer: DocumentText?, number: String, secret: String,
        csrf: String, today: CivilDate
    ) -> HTML {
        let f = file.facts
        let steps = HTML.join(file.steps.map { "<tr><td>\($0.on.description)</td><td>\($0.actionName)</td></tr>" })
        let deadlines = HTML.join(
            file.runningDeadlines.map {
                "<tr><td>\($0.name)</td><td>\(DeadlineCell(deadline: $0.deadline, today: today).render())</td><td>\($0.deadline.article ?? "")</td></tr>"
            })
        let answerHTML = ApplicationFormFields.answerCard(
            answer, action: "/disclosure/status", number: number, secret: secret, csrf: csrf)
        // What the applicant must do now: the items to correct (第三十条), the fee to pay (第四十二条).
        var todo: HTML = ""
        if file.state == DisclosureProcedure.State.correcting.id {
            let items = HTML.join(f.list(DisclosureFact.correctionItems).map { "<li>\($0)</li>" as HTML })
            todo =
                "<div class=\"card\" id=\"todo\"><h2>请补正</h2><ol>\(items)</ol><p>补正期限：\(file.deadline("correction").map { DeadlineCell(deadline: $0.deadline, today: today).render() } ?? "")。无正当理由逾期不补正的，视为放弃申请（第三十条）。</p></div>"
        } else if file.state == DisclosureProcedure.State.awaitingFee.id {
            todo =
                "<div class=\"card\" id=\"todo\"><h2>请缴纳信息处理费</h2><p>金额：<b>\(f[DisclosureFact.feeAmount]?.description ?? "")</b> 元；缴费期限：\(file.deadline("feePayment").map { DeadlineCell(deadline: $0.deadline, today: today).render() } ?? "")。逾期未缴纳的，视为放弃申请。</p></div>"
        }
        return """
            \(todo)<div class="card" id="status"><p>申请编号：\(caseNumber)　当前阶段：<b id="stage">\(stage)</b></p>
            <p>申请人：\(f[DisclosureFact.applicantName] ?? "")　申请公开的信息：\(f[DisclosureFact.informationDescription] ?? "")</p>
            \(file.runningDeadlines.isEmpty ? "" : HTML("<h2>正在计算的期限</h2><table class=\"data\"><thead><tr><th>事项</th><th>期限</th><th>依据</th></tr></thead><tbody>\(deadlines)</tbody></table>"))
            <h2>办理过程</h2><table class="data"><thead><tr><th>日期</th><th>环节</th></tr></thead><tbody>\(steps)</tbody></table></div>
            \(answerHTML)
            """
    }
}
