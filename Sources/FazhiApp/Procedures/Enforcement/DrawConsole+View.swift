import FazhiCore
import FazhiStore
import Foundation

enum DrawViews {
    static func taskRows(_ tasks: [DrawTask], link: (UUID) -> String, bodies: [UUID: String] = [:]) -> HTML {
        HTML.join(
            tasks.map { t in
                "<tr><td><a href=\"\(link(t.id))\">\(t.title)</a>\(t.isJoint ? "（联合抽查）" : "")</td><td>\(t.bodies.map { bodies[$0] ?? "" }.joined(separator: "、"))</td><td>\(t.item)</td><td class=\"num\">\(t.targetCount)</td><td class=\"num\">\(t.quotas.values.reduce(0, +))</td><td>\(t.drawOn.description)</td><td>\(t.state.label)</td></tr>"
                    as HTML
            })
    }

    static let taskHead: HTML =
        "<thead><tr><th>任务</th><th>执法主体</th><th>抽查事项</th><th>检查对象</th><th>抽取数</th><th>抽取日期</th><th>状态</th></tr></thead>"

    /// The task's item: one of the published list when there is one, else typed.
    static func itemField(_ items: [DrawItem]) -> HTML {
        items.isEmpty
            ? "<label for=\"item\">随机抽查事项（行政检查事项；公布随机抽查事项清单后从清单中选择）</label><input id=\"item\" name=\"item\" required maxlength=\"200\">"
            : FormField(
                id: "item", name: "item", label: "随机抽查事项（清单中的事项）",
                kind: .choice(
                    items.map { .init($0.label, "\($0.label)［\($0.keyItem ? "重点" : "一般")，\(Yuan.number($0.ratio))%］") }),
                enforced: true
            ).render()
    }

    /// The body's 一单 and its plans, with the forms that publish the list, save a plan and record its filing.
    static func registers(_ p: DrawConsole.Page, csrf: String) -> HTML {
        guard p.mayRun else { return "" }
        let plans = HTML.join(p.plans.map { planText($0, items: p.items, year: $0.year) })
        return """
            <h2>随机抽查事项清单</h2>
            \(itemTable(p.items, id: "draw-items"))
            <h2>年度抽查计划</h2>
            \(plans)
            <h2>抽查工作细则</h2>
            \(rulesText(p.rules))
            <div class="grid two">
            <form method="post" action="\(SitePath.draws.path)/items" class="card form" id="items-form"><h2>公布随机抽查事项清单</h2><input type="hidden" name="_csrf" value="\(csrf)">
            <label for="items">每行一项：编码｜名称｜权责清单行政检查事项编码｜一般或者重点｜抽查比例%｜每年次数｜抽查依据（整体替换现有清单）</label><textarea id="items" name="items" rows="5" required></textarea>
            <button type="submit">公布清单</button></form>
            <form method="post" action="\(SitePath.draws.path)/plan" class="card form" id="plan-form"><h2>编制年度抽查计划</h2><input type="hidden" name="_csrf" value="\(csrf)">
            <label for="plan-year">年度</label><input id="plan-year" name="year" inputmode="numeric" value="\(String(p.today.year + 1))">
            <label for="plan">每行一项：事项编码｜季度（1至4）｜抽查范围</label><textarea id="plan" name="plan" rows="4" required></textarea>
            <button type="submit">保存计划</button></form>
            <form method="post" action="\(SitePath.draws.path)/plan/file" class="card form" id="plan-file-form"><h2>计划报上级部门备案</h2><input type="hidden" name="_csrf" value="\(csrf)">
            <label for="file-year">年度</label><input id="file-year" name="year" inputmode="numeric" value="\(String(p.today.year + 1))">
            <label for="filedWith">报备的上级部门</label><input id="filedWith" name="filedWith" maxlength="100" required>
            <label for="filedOn">报备日期</label><input id="filedOn" name="filedOn" type="date" value="\(p.today.description)" required>
            <button type="submit">登记报备</button></form>
            <form method="post" action="\(SitePath.draws.path)/rules" class="card form" id="rules-form"><h2>公布抽查工作细则</h2><input type="hidden" name="_csrf" value="\(csrf)">
            <label for="rulesTitle">细则名称</label><input id="rulesTitle" name="rulesTitle" maxlength="100" required value="\(p.rules?.title ?? "\(p.bodyName)“双随机、一公开”抽查工作细则")">
            <label for="rulesText">细则全文</label><textarea id="rulesText" name="rulesText" rows="6" required>\(p.rules?.text ?? "")</textarea>
            <button type="submit">公布细则</button></form>
            <form method="post" action="\(SitePath.draws.path)/targets/remove" class="card form" id="remove-targets"><h2>移出检查对象</h2><input type="hidden" name="_csrf" value="\(csrf)">
            <label for="removeCodes">统一社会信用代码（每行一个）</label><textarea id="removeCodes" name="removeCodes" rows="3" required></textarea>
            <label for="removeReason">理由（如注销、迁出）</label><input id="removeReason" name="removeReason" maxlength="500" required>
            <button type="submit">移出名录库</button></form></div>
            """
    }

    static func console(_ p: DrawConsole.Page, error: String?, csrf: String) -> HTML {
        let counts = p.counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)个" }.joined(separator: "，")
        let forms: HTML =
            p.mayRun
            ? """
            <div class="grid two">
            <form method="post" action="\(SitePath.draws.path)" class="card form" id="new-task"><h2>发起抽查任务</h2><input type="hidden" name="_csrf" value="\(csrf)">
            <label for="title">任务名称</label><input id="title" name="title" required maxlength="100">
            \(itemField(p.items))
            <label><input type="checkbox" name="keyItem"> 重点检查事项（不设比例上限）</label>
            <label for="grades">风险等级（空为全部；用顿号分隔）</label><input id="grades" name="grades">
            <label for="industries">行业（空为全部）</label><input id="industries" name="industries">
            <label for="areas">区域（空为全部）</label><input id="areas" name="areas">
            <label for="ratio">抽查比例（%）</label><input id="ratio" name="ratio" inputmode="decimal" required value="5">
            <label for="perTarget">每个对象的检查人员数</label><input id="perTarget" name="perTarget" inputmode="numeric" value="2">
            <label for="drawOn">公开抽取日期</label><input id="drawOn" name="drawOn" type="date" required value="\(p.today.description)">
            <label for="commitment">随机数来源（固定抽取范围时公布，抽取时才产生）</label><textarea id="commitment" name="commitment" required maxlength="300">抽取日公开抽取会上由两名见证人各自输入的数字，按输入顺序连接</textarea>
            <label for="partners">部门联合抽查（可不填；每行一个配合部门：单位全称｜该部门的检查事项。各部门从本部门执法人员中各抽取上述人数，同一次入户检查）</label><textarea id="partners" name="partners" rows="2"></textarea>
            <label for="exclusions">回避（每行：执法证号｜统一社会信用代码；上次抽查同一事项的检查人员与对象自动回避）</label><textarea id="exclusions" name="exclusions"></textarea>
            <button type="submit">固定抽取范围并公布</button></form>
            <form method="post" action="\(SitePath.draws.path)/targets" class="card form" id="import-targets"><h2>导入检查对象</h2><input type="hidden" name="_csrf" value="\(csrf)">
            <label for="targets">每行：统一社会信用代码,名称,行业,区域,风险等级（可含表头；同一代码覆盖更新；有错的全部不导入）</label><textarea id="targets" name="targets" rows="8" required></textarea>
            <button type="submit">导入</button></form></div>
            """
            : "<p class=\"muted\">发起抽查任务、导入检查对象由执法主体的负责人或者法制机构办理。</p>"
        let mine: HTML =
            p.mine.isEmpty
            ? ""
            : """
            <section class="card" id="my-inspections"><h2>我的双随机检查（\(p.mine.count)）</h2><ul>\(HTML.join(p.mine.map { c in
                "<li><a href=\"\(SitePath.caseFile(c.id).path)\">\(c.number) \(c.file.facts[EnforcementFact.inspectedObject] ?? "")</a>（\(c.file.facts[EnforcementFact.drawTask] ?? "")；检查人员 \(c.file.facts.list(EnforcementFact.assignedInspectors.id).joined(separator: "、"))）</li>" as HTML
            }))</ul></section>
            """
        return """
            \(mine)
            <p>“双随机、一公开”：随机抽取检查对象、随机选派执法检查人员，抽查事项及查处结果及时向社会公开（《优化营商环境条例》第五十四条）。抽取前先固定并公布抽取范围及其哈希和随机数来源，任何人可按公布的算法复核（<a href="\(SitePath.drawsPortal.path)/algorithm">抽取算法</a>）。</p>
            \(Views.flash(error, error: true))
            \(p.mayRun ? "<p id=\"directory\">\(p.bodyName)检查对象名录库：\(counts.isEmpty ? "尚无检查对象" : counts)</p>" as HTML : "")
            \(forms)
            \(registers(p, csrf: csrf))
            <h2>抽查任务</h2>
            <div class="table-wrap"><table class="data" id="tasks">\(taskHead)<tbody>\(p.tasks.isEmpty ? "<tr><td colspan=\"7\">尚无抽查任务。</td></tr>" as HTML : taskRows(p.tasks, link: { SitePath.draw($0).path }, bodies: p.bodies))</tbody></table></div>
            """
    }

    static func facts(_ t: DrawTask, bodies: [UUID: String]) -> HTML {
        let joint: HTML =
            t.isJoint
            ? "<dt>部门联合抽查</dt><dd id=\"joint\">牵头：\(bodies[t.bodyID] ?? "")（\(t.item)）；配合：\((t.partners ?? []).map { "\(bodies[$0.bodyID] ?? "")（\($0.item)）" }.joined(separator: "、"))。同一次入户检查，各部门按各自事项检查、各自记录结果</dd>"
            : ""
        let quotas = t.quotas.sorted { $0.key < $1.key }.map { "\($0.key)：\($0.value)" }.joined(separator: "；")
        return """
            <dl class="facts" id="task-facts"><dt>状态</dt><dd id="task-state">\(t.state.label)</dd><dt>抽查事项</dt><dd>\(t.item)\(t.keyItem ? "（重点事项）" : "（一般事项）")</dd>
            <dt>抽取范围</dt><dd>风险等级 \(t.grades.isEmpty ? "全部" : t.grades.joined(separator: "、"))；行业 \(t.industries.isEmpty ? "全部" : t.industries.joined(separator: "、"))；区域 \(t.areas.isEmpty ? "全部" : t.areas.joined(separator: "、"))</dd>
            <dt>检查对象</dt><dd>\(t.targetCount)个；抽查比例\(Yuan.number(t.ratio))%；各等级抽取数 \(quotas)</dd>
            \(joint)
            <dt>检查人员</dt><dd>抽取日有执法资格的\(t.inspectorCount)名，每个对象\(t.isJoint ? "每个部门" : "")\(t.perTarget)名；回避\(t.exclusionCount)对</dd>
            <dt>输入哈希（SHA-256）</dt><dd><code id="inputs-hash">\(t.inputsHash)</code></dd>
            <dt>随机数来源</dt><dd>\(t.commitment)（抽取日期 \(t.drawOn.description)）</dd>
            \(t.revealed.map { "<dt>公开产生的随机数</dt><dd id=\"revealed\">\($0)（见证人：\(t.witnesses.joined(separator: "、"))；\(t.drawnOn?.description ?? "")抽取）</dd>" as HTML } ?? "")
            \(t.cancelReason.map { "<dt>作废理由</dt><dd>\($0)</dd>" as HTML } ?? "")
            \(t.repeats.map { "<dt>重新抽取</dt><dd>原任务已作废：<a href=\"\(SitePath.drawPortal($0).path)\">查看原任务及作废理由</a></dd>" as HTML } ?? "")</dl>
            """
    }

    /// A drawn target's inspection as the page says it: its result once published (the portal shows nothing before).
    static func outcome(_ c: StoredCase?, staff: Bool) -> HTML {
        guard let f = c?.file else { return "" }
        let result = InspectionProcedure.results.first { $0.value == f.facts[EnforcementFact.result] }?.label
        if let on = f.facts[EnforcementFact.resultPublishedOn] {
            return
                "\(result ?? "")（\(on.description)公示\(f.facts[EnforcementFact.resultPublishedLate] == true ? "，逾期" : "")）"
        }
        let state: HTML = result.map { staff ? "\($0)（待公示）" : "待公示" } ?? "待检查"
        return staff ? "<a href=\"\(SitePath.caseFile(f.id).path)\">\(state)</a>" : state
    }

    /// A drawn target's outcome: its inspection's, or in a joint task each department's.
    static func outcomes(
        _ t: DrawTask, _ target: String, cases: [UUID: StoredCase], bodies: [UUID: String], staff: Bool,
        readable: Set<UUID>? = nil
    ) -> HTML {
        guard t.isJoint else { return outcome(t.cases?[target].flatMap { cases[$0] }, staff: staff) }
        return HTML.join(
            t.openedCases.filter { $0.target == target }.map { o in
                // Another department's case is linked only for those who may open it.
                let open = staff && (readable?.contains(o.body) ?? true)
                return "<span class=\"nowrap\">\(bodies[o.body] ?? "")：\(outcome(cases[o.caseID], staff: open))</span>"
                    as HTML
            }, separator: "<br>")
    }

    static func result(
        _ t: DrawTask, names: (targets: [String: String], inspectors: [String: String]),
        cases: [UUID: StoredCase] = [:], bodies: [UUID: String] = [:],
        staff: Bool = false, readable: Set<UUID>? = nil
    ) -> HTML {
        guard !t.result.isEmpty else { return "" }
        let rows = HTML.join(
            t.result.enumerated().map { i, d in
                let who = d.inspectors.map { "\(names.inspectors[$0] ?? "")（\($0)）" }.joined(separator: "、")
                return
                    "<tr><td class=\"num\">\(i + 1)</td><td>\(names.targets[d.target] ?? "")</td><td>\(d.target)</td><td>\(d.stratum)</td><td>\(who)</td><td>\(outcomes(t, d.target, cases: cases, bodies: bodies, staff: staff, readable: readable))</td></tr>"
                    as HTML
            })
        return """
            <h2>抽取结果（\(t.result.count)个检查对象）</h2>
            <div class="table-wrap"><table class="data fixed-order" id="draw-result"><thead><tr><th>序号</th><th>检查对象</th><th>统一社会信用代码</th><th>风险等级</th><th>检查人员</th><th>检查结果</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
    }

    static func task(
        _ t: DrawTask, names: (targets: [String: String], inspectors: [String: String]), cases: [UUID: StoredCase],
        bodies: [UUID: String], readable: Set<UUID>, partnerOf: UUID?, partnerItems: [DrawItem], mayRun: Bool,
        today: CivilDate, error: String?, csrf: String
    ) -> HTML {
        let drawForm: HTML =
            mayRun && t.state == .frozen
            ? """
            <form method="post" action="\(SitePath.draw(t.id).path)/draw" class="card form" id="draw-form"><h2>公开抽取</h2><input type="hidden" name="_csrf" value="\(csrf)">
            <p>\(today < t.drawOn ? "抽取日期为\(t.drawOn)，届时在公开抽取会上产生随机数后办理。" : "请在公开抽取会上按公布的来源产生随机数后填写。")</p>
            <label for="revealed">公开产生的随机数</label><input id="revealed" name="revealed" required maxlength="200">
            <label for="witnesses">见证人（每行一人，至少两人）</label><textarea id="witnesses" name="witnesses" required></textarea>
            <button type="submit">抽取</button></form>
            """
            : ""
        let cancelForm: HTML =
            mayRun && t.state == .frozen
            ? """
            <form method="post" action="\(SitePath.draw(t.id).path)/cancel" class="card form" id="cancel-form"><h2>作废</h2><input type="hidden" name="_csrf" value="\(csrf)">
            <label for="reason">作废理由（公开；需要重新抽取的，另行发起任务）</label><textarea id="reason" name="reason" required maxlength="500"></textarea>
            <button type="submit">作废</button></form>
            """
            : ""
        return """
            \(proposal(t, bodies: bodies, partnerOf: partnerOf, partnerItems: partnerItems, mayRun: mayRun, csrf: csrf))
            <p><a href="\(SitePath.draws.path)">双随机抽查</a> · <a href="\(SitePath.drawPortal(t.id).path)">门户公开页</a> · <a href="\(SitePath.drawPortal(t.id).path)/draw.json">公布的输入（JSON）</a></p>
            \(Views.flash(error, error: true))
            \(facts(t, bodies: bodies))
            \(drawForm)
            \(result(t, names: names, cases: cases, bodies: bodies, staff: true, readable: readable))
            \(cancelForm)
            """
    }

    /// A proposed joint task: each department's acceptance, the partner's form to accept (its item from its own 清单 when
    /// published), and the lead's form to fix the task once all have accepted.
    static func proposal(
        _ t: DrawTask, bodies: [UUID: String], partnerOf: UUID?, partnerItems: [DrawItem], mayRun: Bool, csrf: String
    ) -> HTML {
        guard t.state == .proposed else { return "" }
        let rows = HTML.join(
            (t.partners ?? []).map { p in
                let state: HTML =
                    p.acceptedOn.map { "已确认（\($0.description)，\(p.acceptedBy ?? "")）" as HTML }
                    ?? "<span class=\"overdue\">待确认</span>"
                return "<li>\(bodies[p.bodyID] ?? "")：\(p.item) — \(state)</li>" as HTML
            })
        var forms: HTML = ""
        if let mine = partnerOf, let p = t.partners?.first(where: { $0.bodyID == mine }), p.acceptedOn == nil {
            let item =
                partnerItems.isEmpty
                ? FormField(id: "partnerItem", name: "partnerItem", label: "本部门的检查事项", kind: .text, value: p.item)
                : FormField(
                    id: "partnerItem", name: "partnerItem", label: "本部门的检查事项（本部门随机抽查事项清单中的事项）",
                    kind: .choice(partnerItems.map { .init($0.label, $0.label) }), value: p.item, enforced: true)
            forms = PostForm(
                action: "\(SitePath.draw(t.id).path)/accept", id: "accept-form", csrf: csrf,
                content: "<h2>确认参加联合抽查</h2><p>确认后，本部门在抽取日有执法资格的执法人员进入检查人员名录，按抽取结果对同一批对象检查本部门事项。</p>\(item.render())",
                submit: "确认参加"
            ).render()
        }
        if mayRun, t.partnersAccepted {
            forms = PostForm(
                action: "\(SitePath.draw(t.id).path)/freeze", id: "freeze-form", csrf: csrf,
                content: """
                    <h2>固定抽取范围并公布</h2><p>各配合部门已确认。固定后公布检查对象、各部门检查人员和输入哈希，在\(t.drawOn.description)的公开抽取会上抽取。</p>
                    \(FormField(id: "exclusions", name: "exclusions", label: "回避（每行：执法证号｜统一社会信用代码）", kind: .longText, value: nil).render())
                    """, submit: "固定抽取范围并公布"
            ).render()
        }
        return """
            <section class="card" id="proposal"><h2>部门联合抽查：各部门确认情况</h2><ul>\(rows)</ul></section>
            \(forms)
            """
    }

    /// 一单 and the year's plan of one body, as the portal and the console show them.
    static func itemTable(_ items: [DrawItem], id: String) -> HTML {
        DataTable(
            id: id,
            columns: [
                .init("编码"), .init("抽查事项"), .init("类别"), .init("权责清单事项"), .init("抽查比例", numeric: true),
                .init("每年次数", numeric: true), .init("抽查依据"),
            ],
            rows: items.map { i in
                [
                    .text(i.code), .text(i.name), .text(i.keyItem ? "重点" : "一般"), .text(i.powerItemCode),
                    DataTable.Cell("\(Yuan.number(i.ratio))%", sort: String(i.ratio), class: "num"),
                    .number(i.timesPerYear),
                    .text(i.basis),
                ]
            }, empty: "尚未公布随机抽查事项清单。"
        ).render()
    }

    static func rulesText(_ r: DrawRules?) -> HTML {
        guard let r else { return "<p class=\"muted\">抽查工作细则尚未公布。</p>" }
        return """
            <details><summary>《\(r.title)》（\(r.publishedOn.description)公布）</summary><div class="document">\(HTML.join(r.text.split(whereSeparator: \.isNewline).map { "<p>\(String($0))</p>" as HTML }))</div></details>
            """
    }

    static func planText(_ plan: DrawPlan?, items: [DrawItem], year: Int) -> HTML {
        guard let plan else { return "<p class=\"muted\">\(String(year))年度抽查计划尚未编制。</p>" }
        let names = Dictionary(items.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let filed =
            plan.filedOn.map { "已于\($0.description)报\(plan.filedWith ?? "")备案" } ?? "尚未报上级部门备案"
        return """
            <p>\(String(plan.year))年度抽查计划（\(plan.savedOn.description)编制，\(filed)）：</p>
            <ul>\(HTML.join(plan.entries.map { e in "<li>第\(e.quarter)季度：\(names[e.itemCode] ?? e.itemCode)（\(e.scope)）</li>" as HTML }))</ul>
            """
    }

    static func portalList(
        _ tasks: [DrawTask], bodies: [UUID: String], lists: [(body: UUID, items: [DrawItem], plans: [DrawPlan])],
        rules: [UUID: DrawRules], year: Int
    ) -> HTML {
        let sections = HTML.join(
            lists.sorted { (bodies[$0.body] ?? "") < (bodies[$1.body] ?? "") }.map { l in
                "<details class=\"card\"><summary>\(bodies[l.body] ?? "")：随机抽查事项\(l.items.count)项</summary>\(itemTable(l.items, id: "items-\(l.body.uuidString)"))\(l.plans.isEmpty ? planText(nil, items: l.items, year: year) : HTML.join(l.plans.map { planText($0, items: l.items, year: $0.year) }))\(rulesText(rules[l.body]))</details>"
                    as HTML
            })
        return """
            <p>抽取前公布抽取范围、输入哈希和随机数来源；抽取后公布随机数和结果。任何人可下载输入，用<a href="\(SitePath.drawsPortal.path)/algorithm">公布的算法</a>复核。</p>
            <h2>随机抽查事项清单和年度抽查计划</h2>
            \(lists.isEmpty ? "<p class=\"muted\">尚未公布。</p>" as HTML : sections)
            <h2>抽查任务</h2>
            <div class="table-wrap"><table class="data" id="tasks">\(taskHead)<tbody>\(tasks.isEmpty ? "<tr><td colspan=\"7\">尚无抽查任务。</td></tr>" as HTML : taskRows(tasks, link: { SitePath.drawPortal($0).path }, bodies: bodies))</tbody></table></div>
            """
    }

    static func portalTask(
        _ t: DrawTask, names: (targets: [String: String], inspectors: [String: String]), cases: [UUID: StoredCase],
        bodies: [UUID: String]
    ) -> HTML {
        """
        <p><a href="\(SitePath.drawsPortal.path)">双随机抽查</a> · \(bodies[t.bodyID] ?? "") · <a href="\(SitePath.drawPortal(t.id).path)/draw.json" id="inputs-json">下载公布的输入（JSON）</a> · <a href="\(SitePath.drawsPortal.path)/algorithm">复核方法</a></p>
        \(facts(t, bodies: bodies))
        \(result(t, names: names, cases: cases, bodies: bodies))
        """
    }

    static func algorithm() -> HTML {
        """
        <p>抽取算法 \(RandomDraw.algorithm)。抽取前，抽查任务的检查对象（统一社会信用代码及风险等级）、检查人员（执法证号）、回避关系、各等级抽取数和每个对象的检查人员数按下列规范文本固定，其 SHA-256 即“输入哈希”，与随机数来源一并公布；随机数在公开抽取会上产生。</p>
        <ol>
        <li>规范文本：第一行 <code>fazhi-draw-v1</code>，依次为 <code>task|任务编号</code>、<code>per-target|人数</code>、各 <code>quota|等级|数量</code>、各 <code>target|代码|等级</code>、各 <code>inspector|执法证号</code>、各 <code>exclude|执法证号|代码</code>，每类按 UTF-8 字节排序，每项一行（以换行结束）。</li>
        <li>种子 = SHA-256(输入哈希（小写十六进制）＋换行＋随机数＋换行＋任务编号)。</li>
        <li>每个检查对象的序值 = SHA-256(种子＋代码)；每个风险等级取序值最小的规定数量个对象。</li>
        <li>被抽中的对象按序值排列；检查人员按执法证号的 UTF-8 字节排序为名单。对每个对象，依次取 j = 0, 1, 2, …：以 SHA-256(种子＋代码＋“|”＋j 的十进制数字) 的前8个字节为大端整数，除以名单人数取余数，余数所指的人员如未回避、未选中即选中，直至选满规定人数。</li>
        </ol>
        <p>部门联合抽查（\(RandomDraw.jointAlgorithm)）：第一行为 <code>\(RandomDraw.jointAlgorithm)</code>，每名检查人员一行写作 <code>inspector|执法证号|所属部门编号</code>；对每个被抽中的对象，各部门按部门编号的 UTF-8 字节顺序依次从本部门的名单中各选规定人数，第4步的哈希改为 SHA-256(种子＋代码＋“|”＋部门编号＋“|”＋j)。其余相同。</p>
        <p>复核脚本（Python 3，保存为 draw-verify.py 后运行 <code>python3 draw-verify.py draw.json</code>，draw.json 为任务页下载的公布输入）：</p>
        <pre id="reference-script">\(RandomDraw.referenceScript)</pre>
        """
    }
}
