import FazhiCore
import Foundation

/// 复议决定公开 on the portal (行政复议法 第七十九条): the decisions found, and one decision as published.
enum ReconsiderationDecisionsPage {
    struct ListView {
        let text: String?
        let items: [PublicReconsiderationDecision]
        let total: Int
        let formats: HTML

        func render() -> HTML {
            let table = DataTable(
                id: "decisions", columns: ["决定书文号", "申请人", "被申请人", "行政行为", "决定", "决定日期"].map { .init($0) },
                rows: items.map { d in
                    [
                        DataTable.Cell(
                            "<a href=\"/reconsideration/decisions/\(d.caseID.uuidString)\">\(d.decisionNumber)</a>",
                            class: "mono"), .text(d.applicant),
                        .text(d.respondent), .text(d.act), .text(d.outcome), .text(d.decidedOn),
                    ]
                }, empty: "没有符合条件的行政复议决定。"
            ).render()
            return """
                <form method="get" action="/reconsideration/decisions" class="card search"><label for="q">关键词</label><input id="q" name="q" value="\(text ?? "")" placeholder="如：行政处罚、撤销、被申请人名称"><button type="submit">查询</button></form>
                <p>依据《中华人民共和国行政复议法》第七十九条公开的行政复议决定书 <b id="decision-total">\(total)</b> 件。自然人申请人的姓名已隐去，不公开身份证号码、电话和住址。<a href="/reconsideration">网上申请行政复议</a></p>
                \(formats)
                \(table)
                """
        }
    }

    struct DecisionView {
        let decision: PublicReconsiderationDecision

        func render() -> HTML {
            let d = decision
            return """
                <article class="card decision">
                <h2>\(d.authority)行政复议决定书</h2><p class="mono">\(d.decisionNumber)</p>
                <dl class="facts"><dt>申请人</dt><dd>\(d.applicant)</dd><dt>被申请人</dt><dd>\(d.respondent)</dd><dt>行政行为</dt><dd>\(d.act)</dd>
                <dt>决定类型</dt><dd>\(d.outcome)</dd><dt>决定日期</dt><dd>\(d.decidedOn)</dd><dt>送达生效</dt><dd>\(d.effectiveOn)</dd></dl>
                <h3>认定的事实和理由</h3><p>\(d.reasons)</p><h3>决定</h3><p id="decision-text">\(d.decision)</p>
                </article>
                <p><a href="/reconsideration/decisions">返回行政复议决定公开</a></p>
                """
        }
    }
}
