import FazhiCore
import FazhiStore
import Foundation

/// 权责清单 in the console: the list as of a date with its counts, two dates compared, one item with its adjustments, and
/// the fields of an adjustment (新增、承接、调整、下放、暂停、取消 with their approval).
enum PowerListViews {
    static func adjustmentFields(
        _ bodies: [EnforcementBodyRow], kinds: [AdjustmentKind], existing: PowerItemContent?, today: CivilDate
    ) -> HTML {
        """
        <div class="grid2">
        <div><label for="kind">调整类型</label><select id="kind" name="kind">\(HTML.join(kinds.map { "<option value=\"\($0.rawValue)\">\($0.chineseName)</option>" }))</select></div>
        <div><label for="effectiveOn">生效日期</label><input id="effectiveOn" name="effectiveOn" type="date" required value="\(today.description)"></div>
        \(existing == nil ? HTML("<div><label for=\"code\">事项编码</label><input id=\"code\" name=\"code\" required placeholder=\"339901-CF-00012\"></div><div><label for=\"type\">事项类型</label><select id=\"type\" name=\"type\">\(HTML.join(PowerType.allCases.map { "<option value=\"\($0.rawValue)\">\($0.chineseName)（\($0.codeLetters)）</option>" }))</select></div>") : "")
        <div><label for="name">事项名称</label><input id="name" name="name" \(HTML(raw: existing == nil ? "required" : "")) value="\(existing?.name)"></div>
        <div><label for="organisationId">实施主体</label><select id="organisationId" name="organisationId">\(RegistryViews.bodyOptions(bodies, selected: existing?.organisationID, allLabel: nil))</select></div>
        <div><label for="law">设定依据（法律名称）</label><input id="law" name="law" value="\(existing?.basis.first?.law)"></div>
        <div><label for="article">条款</label><input id="article" name="article" value="\(existing?.basis.first?.article)"></div>
        <div class="wide"><label for="responsibilities">职责事项</label><textarea id="responsibilities" name="responsibilities" rows="3">\(existing?.responsibilities)</textarea></div>
        <div class="wide"><label for="supervision">监督方式</label><input id="supervision" name="supervision" value="\(existing?.supervision)"></div>
        <div><label for="reason">调整原因</label><input id="reason" name="reason" required></div>
        <div><label for="approvalDocument">批准文号</label><input id="approvalDocument" name="approvalDocument" required placeholder="清政办发〔2026〕3号"></div>
        <div><label for="approver">批准人/机关</label><input id="approver" name="approver" required></div>
        </div>
        """
    }

    struct List {
        /// (item, body, status, effective, last adjustment)
        let items: [(PowerItemContent, String, String, String, String)]
        let total: Int
        let query: String
        let type: PowerType?
        let body: UUID?
        let bodies: [EnforcementBodyRow]
        let date: CivilDate
        let counts: [PowerType: Int]
        let byBody: [(String, UUID, Int)]
        /// The bodies the user may add items to, when there are any.
        let newForm: [EnforcementBodyRow]?
        let today: CivilDate
        let csrf: String

        func render() -> HTML {
            let q = query
            let table = DataTable(
                columns: ["事项编码", "事项名称", "类型", "实施主体", "状态", "最近调整"].map { .init($0) },
                rows: items.map { (c, body, status, on, kind) in
                    [
                        DataTable.Cell("<a href=\"/console/powers/\(c.code)\">\(c.code)</a>", class: "mono"),
                        .text(c.name), .text(c.type.chineseName),
                        .text(body), .text(status), .text("\(on)（\(kind)）"),
                    ]
                }, empty: "没有符合条件的事项。"
            ).render()
            let bodiesTable = DataTable(
                columns: [.init("实施主体"), .init("事项数", numeric: true)],
                rows: byBody.map { b in
                    [
                        DataTable.Cell(
                            "<a href=\"/console/powers?body=\(b.1.uuidString)&date=\(date.description)\">\(b.0)</a>"),
                        .number(b.2),
                    ]
                }, empty: "没有事项。"
            ).render()
            let form: HTML =
                newForm.map { bodies in
                    "<details class=\"card\"><summary>新增事项</summary>\(PostForm(action: SitePath.powers.path, cssClass: "", csrf: csrf, content: adjustmentFields(bodies, kinds: [.add, .takeOver], existing: nil, today: today), submit: "新增").render())</details>"
                } ?? ""
            return """
                <form method="get" action="\(SitePath.powers.path)" class="card search"><label for="q">关键词</label><input id="q" name="q" value="\(q)">
                <label for="type">事项类型</label><select id="type" name="type">\(RegistryViews.typeOptions(type))</select>
                <label for="body">实施主体</label><select id="body" name="body">\(RegistryViews.bodyOptions(bodies, selected: body))</select>
                <label for="date">截至日期</label><input id="date" name="date" type="date" value="\(date.description)"><button type="submit">查询</button></form>
                <p>截至 \(date.description)：\(total) 项\(total > items.count ? "（显示前 \(items.count) 项）" : "")。<a href="/console/powers/diff">比较两个日期的清单</a> · <a href="/console/export/power-list.xlsx?date=\(date.description)">导出 Excel</a> · <a href="\(SitePath.importExport.path)">批量导入</a></p>
                \(RegistryViews.typeCounts(counts) { "/console/powers?type=\($0.rawValue)&date=\(date.description)" })
                \(form)
                \(table)
                <h2>按实施主体统计</h2>\(bodiesTable)
                """
        }
    }

    static func diff(_ d: PowerListDiff, from: CivilDate, to: CivilDate) -> HTML {
        func list(_ items: [ListedPowerItem]) -> HTML {
            HTML.join(
                items.map {
                    "<li><a class=\"mono\" href=\"/console/powers/\($0.content.code)\">\($0.content.code)</a> \($0.content.name)</li>"
                })
        }
        let changed = HTML.join(
            d.changed.map {
                "<li><a class=\"mono\" href=\"/console/powers/\($0.after.content.code)\">\($0.after.content.code)</a> \($0.after.content.name)：\($0.fields.joined(separator: "、"))</li>"
            })
        return """
            <form method="get" action="/console/powers/diff" class="card search"><label for="from">从</label><input id="from" name="from" type="date" value="\(from.description)">
            <label for="to">到</label><input id="to" name="to" type="date" value="\(to.description)"><button type="submit">比较</button></form>
            <p>\(from.description) 至 \(to.description)：新增 <b>\(d.added.count)</b> 项，取消 <b>\(d.removed.count)</b> 项，变更 <b>\(d.changed.count)</b> 项。</p>
            <h2>新增</h2><ul>\(list(d.added))</ul><h2>取消（移出清单）</h2><ul>\(list(d.removed))</ul><h2>变更</h2><ul>\(changed)</ul>
            """
    }

    /// `adjust`: the bodies and the kinds of adjustment open to the user, when they may adjust the item.
    static func item(
        _ last: PowerAdjustment, history: [PowerAdjustment], adjust: ([EnforcementBodyRow], [AdjustmentKind])?,
        today: CivilDate, csrf: String
    ) -> HTML {
        let c = last.content, status = last.kind.resultingStatus
        let hist = DataTable(
            columns: ["生效日期", "类型", "原因", "批准文号", "批准人", "事项名称"].map { .init($0) },
            rows: history.map { a in
                [
                    .text(a.effectiveOn.description), .text(a.kind.chineseName), .text(a.reason),
                    .text(a.approvalDocument), .text(a.approver), .text(a.content.name),
                ]
            }, empty: "无调整记录。"
        ).render()
        let form: HTML =
            adjust.map { (bodies, kinds) in
                "<h2>调整</h2>\(PostForm(action: "/console/powers/\(c.code)/adjustments", csrf: csrf, content: adjustmentFields(bodies, kinds: kinds, existing: c, today: today), submit: "提交调整").render())"
            } ?? ""
        return """
            <dl class="card facts"><dt>事项编码</dt><dd class="mono">\(c.code)</dd><dt>类型</dt><dd>\(c.type.chineseName)</dd><dt>当前状态</dt><dd>\(status.chineseName)（\(last.effectiveOn.description) \(last.kind.chineseName)）</dd>
            <dt>设定依据</dt><dd>\(c.basis.map { "\($0.law)\($0.article)" }.joined(separator: "；"))</dd><dt>职责事项</dt><dd>\(c.responsibilities)</dd><dt>监督方式</dt><dd>\(c.supervision)</dd></dl>
            <h2>调整记录</h2>\(hist)\(form)
            """
    }
}
