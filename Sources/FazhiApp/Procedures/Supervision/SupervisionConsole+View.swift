import FazhiCore
import FazhiStore
import Foundation

enum SupervisionViews {
    typealias Cell = DataTable.Cell

    static func overview(_ p: SupervisionConsole.Page, csrf: String) -> HTML {
        let f = p.filter
        let byBody = DataTable(
            id: "alert-bodies",
            columns: [.init("单位")] + p.rules.map { .init($0.name, numeric: true) } + [.init("未关闭合计", numeric: true)],
            rows: p.rows.map { r in
                [Cell.link(r.name, .alerts(body: r.id, rule: nil, state: nil))]
                    + p.rules.map { rule in
                        Cell.number(r.open[rule.id] ?? 0, link: .alerts(body: r.id, rule: rule.id, state: nil))
                    } + [Cell.number(r.total)]
            },
            empty: "没有可查看的单位。",
            rowClasses: p.rows.map { $0.total > 0 ? "overdue" : nil })
        let list = DataTable(
            id: "alerts",
            columns: [
                .init("编号", numeric: true), .init("单位"), .init("预警规则"), .init("案件"), .init("情况"), .init("发生日期"),
                .init("状态"),
            ],
            rows: p.alerts.map { a in
                [
                    Cell(
                        "<a href=\"\(SitePath.alert(a.id).path)\">\(String(a.id))</a>", sort: String(a.id), class: "num"
                    ),
                    .text(p.names[a.bodyID]), .text(ProcedureCatalog.alertRule(a.rule)?.name ?? a.rule),
                    a.caseID.map { Cell.link(a.caseNumber ?? "", .caseFile($0)) } ?? .text(""), .text(a.detail),
                    .text(a.brokenOn.description),
                    .text(a.state.chineseName, class: a.state == .open ? "overdue" : nil),
                ]
            },
            empty: "没有符合条件的预警。")
        let bodyChoices = p.rows.map { InputField.Choice($0.id.uuidString, $0.name) }
        let filterForm: HTML = """
            <form method="get" action="\(SitePath.alerts(body: nil, rule: nil, state: nil).path)" class="card filters" id="alert-filter">
            \(FormField(id: "f-body", name: "body", label: "单位", kind: .choice(bodyChoices), value: f.body?.uuidString, placeholder: "全部").render())
            \(FormField(id: "f-rule", name: "rule", label: "预警规则", kind: .choice(p.rules.map { .init($0.id, $0.name) }), value: f.rule, placeholder: "全部").render())
            \(FormField(id: "f-state", name: "state", label: "状态", kind: .choice(AlertState.allCases.map { .init($0.rawValue, $0.chineseName) }), value: f.state?.rawValue, placeholder: "全部").render())
            <button type="submit">筛选</button></form>
            """
        let notice: HTML =
            p.supervises
            ? PostForm(
                action: "/console/supervision/notices", id: "new-notice", csrf: csrf,
                content:
                    "<h2>制发行政执法监督文书</h2>\(FormField(id: "n-body", name: "body", label: "被监督单位", kind: .choice(bodyChoices), value: f.body?.uuidString).render())",
                submit: "登记并填写文书"
            ).render() : ""
        let rules = HTML.join(
            p.rules.map { "<li><b>\($0.name)</b>：\($0.asks)（<span class=\"article\">\($0.basis)</span>）</li>" as HTML })
        return """
            <p>预警由系统根据案件记录自动生成（期限、裁量基准、检查记录、公示、移送反馈、执法人员办案情况），每条写明单位、案件和依据。被监督单位逐条答复（情况说明或者已整改），司法行政部门核查后关闭；答复和关闭均记入全过程记录。</p>
            <details class="card"><summary>预警规则（\(p.rules.count)项）</summary><ul>\(rules)</ul></details>
            <h2>各单位未关闭的预警</h2>
            \(byBody.render())
            \(notice)
            <h2>预警清单</h2>
            \(filterForm)
            \(list.render())
            """
    }

    static func alert(_ p: SupervisionConsole.AlertPage, error: String?, csrf: String) -> HTML {
        let a = p.alert
        var items: [(label: String, value: String)] = [
            ("单位", p.bodyName), ("预警规则", p.rule?.name ?? a.rule), ("依据", p.rule?.basis ?? ""),
            ("情况", a.detail), ("发生日期", a.brokenOn.description), ("生成日期", a.raisedOn.description),
            ("要求", p.rule?.asks ?? ""), ("状态", a.state.chineseName),
        ]
        if let n = a.caseNumber { items.insert(("案件", n), at: 1) }
        if let answer = a.answer {
            items += [
                ("答复方式", answer.chineseName), ("答复内容", a.answerText ?? ""),
                ("答复人", "\(a.answeredBy ?? "")（\(a.answeredOn?.description ?? "")）"),
            ]
        }
        if a.state == .closed {
            items += [("核查结论", a.closeNote ?? ""), ("关闭人", "\(a.closedBy ?? "")（\(a.closedOn?.description ?? "")）")]
        }
        let caseLink: HTML =
            a.caseID.map { "<p><a href=\"\(SitePath.caseFile($0).path)\">查看案件 \(a.caseNumber ?? "")</a></p>" } ?? ""
        let answer: HTML =
            p.mayAnswer
            ? PostForm(
                action: SitePath.alert(a.id).path + "/answer", id: "answer-form", csrf: csrf,
                content: """
                    <h2>答复预警</h2>
                    \(FormField(id: "answer", name: "answer", label: "答复方式", kind: .choice(AlertAnswer.allCases.map { .init($0.rawValue, $0.chineseName) }), required: true).render())
                    \(FormField(id: "answerText", name: "answerText", label: "情况说明或者整改情况", kind: .longText, required: true).render())
                    """,
                submit: "提交答复"
            ).render() : ""
        let close: HTML =
            p.mayClose
            ? """
            \(PostForm(
                action: SitePath.alert(a.id).path + "/close", id: "close-form", csrf: csrf,
                content: """
                    <h2>核查并关闭</h2>
                    \(FormField(id: "closeNote", name: "closeNote", label: "核查结论（如：答复属实；已核实整改到位）", kind: .longText, required: true).render())
                    """,
                submit: "关闭预警", buttonClass: "secondary"
            ).render())
            \(PostForm(
                action: "/console/supervision/notices", id: "notice-form", csrf: csrf,
                content: "<input type=\"hidden\" name=\"body\" value=\"\(a.bodyID.uuidString)\">",
                submit: "就此制发行政执法监督文书", buttonClass: "secondary"
            ).render())
            """ : ""
        return """
            \(Views.flash(error, error: true))
            \(FactList(items: items, empty: ("", "")).render())
            \(caseLink)
            \(answer)
            \(close)
            <p><a href="\(SitePath.alerts(body: a.bodyID, rule: nil, state: nil).path)">返回\(p.bodyName)的预警</a></p>
            """
    }
}
