import FazhiCore
import Foundation

/// The 投诉举报 pages: the form, the receipt, the status with the answer.
enum ComplaintPortalViews {
    typealias F = EnforcementComplaintProcedure.Fact

    static func form(
        values: [String: String], error: String?, field: String?, offices: [(String, String)], csrf: String,
        acceptanceDays: Int, answerDays: Int
    ) -> HTML {
        let f = ApplicationFormFields(values: values, invalid: field)
        return """
            <p>认为行政执法机关及其执法人员有不作为、乱作为（如乱罚款、乱检查、乱查封、重复检查、违反程序）等行为的，可以向司法行政部门（行政执法监督机构）投诉举报。收到后 <b>\(acceptanceDays)</b> 个工作日内决定是否受理，<b>\(answerDays)</b> 日内答复（本地规定）。对具体行政行为不服的，请依法申请<a href="/reconsideration">行政复议</a>或者提起行政诉讼。带 <span class="req">*</span> 的为必填项；姓名和联系方式可以不填，但不填将无法收到答复；联系方式不会公开。</p>
            \(Views.flash(error, error: true))
            <form method="post" action="/complaints" class="card form" id="complaint-form">\(f.hidden(csrf: csrf))
            \(f.select("office", "受理的司法行政部门", offices))
            \(f.text("bodyComplained", "被投诉的行政执法机关"))
            \(f.text("relatedCase", "涉及的决定书文号或者案号（可不填）", required: false))
            \(f.textarea("complaintText", "投诉举报的事实和理由", maxLength: 5000))
            \(f.text("complainantName", "姓名或者名称（可不填）", required: false))
            \(f.text("complainantContact", "联系电话或者通讯地址（可不填）", required: false, hint: "不会公开"))
            <button type="submit">提交投诉举报</button></form>
            <p class="muted">已提交的投诉举报可在 <a href="/complaints/status">投诉举报查询</a> 查看进度和答复。</p>
            """
    }

    static func receipt(
        trackingNumber: String, secret: String?, caseNumber: String, file: CaseFile, today: CivilDate
    ) -> HTML {
        let f = file.facts
        return """
            <div class="card" id="receipt">
            <p>您的投诉举报已提交，司法行政部门于 <b>\(f[F.receivedOn]?.description ?? "")</b> 收到。请记下以下信息，用于查询办理进度和答复：</p>
            <table class="kv"><tr><th>查询编号</th><td class="mono" id="tracking-number">\(trackingNumber)</td></tr>
            <tr><th>查询码</th><td class="mono" id="secret">\(secret ?? "（已在首次提交时显示）")</td></tr>
            <tr><th>登记编号</th><td>\(caseNumber)</td></tr>
            <tr><th>被投诉的机关</th><td>\(f[F.bodyComplained] ?? "")</td></tr>
            <tr><th>决定是否受理</th><td>\(file.deadline("acceptance").map { DeadlineCell(deadline: $0.deadline, today: today).render() } ?? "")</td></tr>
            <tr><th>答复期限</th><td>\(file.deadline("answer").map { DeadlineCell(deadline: $0.deadline, today: today).render() } ?? "")</td></tr></table>
            <p>查询进度和答复：<a href="/complaints/status">投诉举报查询</a></p></div>
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
            answer, action: "/complaints/status", number: number, secret: secret, csrf: csrf)
        return """
            <div class="card" id="status"><p>登记编号：\(caseNumber)　当前阶段：<b id="stage">\(stage)</b></p>
            <p>被投诉的机关：\(f[F.bodyComplained] ?? "")</p>\(due)</div>
            \(answerHTML)
            """
    }
}
