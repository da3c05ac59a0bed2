import FazhiCore
import FazhiStore
import Foundation

/// 事前公示 on the portal: 执法主体, 执法人员, 权责清单 (with one item and its history), 裁量基准 — each as of a date,
/// each with its open-data links.
enum RegistryPortalViews {
    static func formats(json: String, csv: String) -> HTML {
        "<p class=\"muted\">开放数据：<a href=\"\(json)\">JSON</a> · <a href=\"\(csv)\">CSV</a></p>"
    }

    /// After a row's name when the latest 状态审计 found the row edited past Fazhi.
    static func alteredMark(_ altered: Bool) -> HTML {
        altered ? "<span class=\"due overdue\">与全过程记录不一致（内容被改动）</span>" : ""
    }

    static func bodies(
        _ bodies: [EnforcementBodyRow], altered: Set<String>, today: CivilDate, formats: HTML
    ) -> HTML {
        let table = DataTable(
            columns: ["执法主体", "类型", "执法领域", "执法依据", "确认日期", "公告文号", ""].map { .init($0) },
            rows: bodies.map { b in
                let kind =
                    (EnforcementBodyKind(rawValue: b.kind)?.chineseName ?? "")
                    + (b.entrustingOrganisationName.map { "（委托机关：\($0)）" } ?? "")
                let links: HTML =
                    "<a href=\"/officers?body=\(b.organisationId.uuidString)\">执法人员</a> · <a href=\"/powers?body=\(b.organisationId.uuidString)\">权责清单</a>"
                return [
                    DataTable.Cell(
                        "\(b.organisationName)\(alteredMark(altered.contains(b.organisationId.uuidString)))"),
                    .text(kind), .text(b.scope), .text(b.legalBasis), .text(b.confirmedOn),
                    .text(b.announcementDocument),
                    DataTable.Cell(links),
                ]
            }, empty: "尚无经确认公告的执法主体。"
        ).render()
        return """
            <p>截至 <b>\(today.description)</b>，经确认并公告的行政执法主体共 <b>\(bodies.count)</b> 个（行政处罚法 第三十九条）。</p>\(formats)
            \(table)
            """
    }

    static func officers(
        _ rows: [OfficerRow], more: Bool, limit: Int, query q: String, body: UUID?, bodies: [EnforcementBodyRow],
        altered: Set<String>, today: CivilDate, formats: HTML
    ) -> HTML {
        let table = DataTable(
            id: "officers", columns: ["姓名", "执法主体", "执法证号", "执法类别", "执法区域", "证件状态", "有效期至"].map { .init($0) },
            rows: rows.map { o in
                let eligible = o.profile.eligibility(on: today).isEligible
                let status = CertificateStatus(rawValue: o.certificateStatus)
                let shown = eligible ? "有效" : (status == .active ? "已过期" : status?.chineseName ?? "")
                return [
                    DataTable.Cell("\(o.name)\(alteredMark(altered.contains(o.id.uuidString)))"), .text(o.bodyName),
                    .text(o.certificateNumber, class: "mono"),
                    .text(o.certificateCategory), .text(o.certificateRegion),
                    .text(shown), .text(o.certificateExpiresOn),
                ]
            }, empty: "没有查到持证执法人员。"
        ).render()
        return """
            <form method="get" action="/officers" class="card search"><label for="q">姓名、执法证号或单位</label><input id="q" name="q" value="\(q)" placeholder="如：孙立、ZJ3399">
            <label for="body">执法主体</label><select id="body" name="body">\(RegistryViews.bodyOptions(bodies, selected: body))</select><button type="submit">查询</button></form>
            <p>截至 <b>\(today.description)</b>，\(q.isEmpty ? "" : "“\(q)”")共查到 <b id="officer-count">\(more ? "\(limit)+" : String(rows.count))</b> 名持证执法人员。执法人员应主动出示执法证件（行政处罚法 第五十五条）；可在此核对证件真伪。</p>\(formats)
            \(table)
            """
    }

    struct Powers {
        /// (item, body, status)
        let items: [(PowerItemContent, String, String)]
        let total: Int
        let cap: Int
        let page: Int
        let query: String
        let type: PowerType?
        let body: UUID?
        let bodies: [EnforcementBodyRow]
        let date: CivilDate
        let counts: [PowerType: Int]
        /// Codes of items the latest 状态审计 found edited past Fazhi.
        let altered: Set<String>
        let formats: HTML
        /// The page's own URL, for the pager's links.
        let base: String

        func render() -> HTML {
            let q = query
            let table = DataTable(
                id: "powers", columns: ["事项编码", "事项名称", "类型", "实施主体", "设定依据", "状态"].map { .init($0) },
                rows: items.map { (c, body, status) in
                    [
                        DataTable.Cell(
                            "<a href=\"/powers/\(c.code)?date=\(date.description)\">\(c.code)</a>", class: "mono"),
                        DataTable.Cell("\(c.name)\(alteredMark(altered.contains(c.code)))"),
                        .text(c.type.chineseName), .text(body),
                        .text(c.basis.map { "\($0.law)\($0.article)" }.joined(separator: "；")), .text(status),
                    ]
                }, empty: "没有符合条件的事项。"
            ).render()
            var c = URLComponents(string: base) ?? URLComponents()
            let kept = (c.queryItems ?? []).filter { $0.name != "page" }
            c.queryItems = kept.isEmpty ? nil : kept
            let pager = Pager(page: page, pageSize: 100, total: min(total, cap), base: c.string ?? "/powers").render()
            let typeCounts: HTML =
                q.isEmpty && type == nil
                ? RegistryViews.typeCounts(counts) { "/powers?type=\($0.rawValue)&date=\(date.description)" } : ""
            return """
                <form method="get" action="/powers" class="card search"><label for="q">关键词（事项名称、编码、依据、实施主体）</label><input id="q" name="q" value="\(q)" placeholder="如：食品、许可、消防">
                <label for="type">事项类型</label><select id="type" name="type">\(RegistryViews.typeOptions(type))</select>
                <label for="body">实施主体</label><select id="body" name="body">\(RegistryViews.bodyOptions(bodies, selected: body))</select>
                <label for="date">截至日期</label><input id="date" name="date" type="date" value="\(date.description)"><button type="submit">查询</button></form>
                <p>截至 <b>\(date.description)</b> 的权责清单\(q.isEmpty ? "" : "中与“\(q)”有关的事项")：<b id="power-total">\(total > cap ? "\(cap)" : String(total))</b> 项\(total > cap ? "以上，请加关键词缩小范围" : "")。</p>
                \(typeCounts)
                \(formats)
                \(table)\(pager)
                """
        }
    }

    static func power(
        _ c: PowerItemContent, listed: ListedPowerItem?, body: String, date: CivilDate, history: [PowerAdjustment],
        benchmarks: [(String, String)]
    ) -> HTML {
        let hist = DataTable(
            columns: ["生效日期", "调整类型", "原因", "批准文号", "批准人"].map { .init($0) },
            rows: history.map { a in
                [
                    .text(a.effectiveOn.description), .text(a.kind.chineseName), .text(a.reason),
                    .text(a.approvalDocument), .text(a.approver),
                ]
            },
            empty: "无调整记录。"
        ).render()
        let status: HTML =
            listed.map { "<b>\($0.status.chineseName)</b>（\($0.since.description) \($0.lastAdjustment.chineseName)）" }
            ?? "<b>不在清单中</b>"
        let benches: HTML =
            benchmarks.isEmpty
            ? ""
            : "<h2>裁量基准</h2><ul>\(HTML.join(benchmarks.map { "<li><a href=\"/benchmarks/\($0.0)\">\($0.0) \($0.1)</a></li>" as HTML }))</ul>"
        return """
            <p>截至 \(date.description)：\(status)</p>
            <dl class="card facts"><dt>事项编码</dt><dd class="mono">\(c.code)</dd><dt>事项类型</dt><dd>\(c.type.chineseName)</dd><dt>实施主体</dt><dd>\(body)</dd>
            \(c.subItems.isEmpty ? "" : HTML("<dt>子项</dt><dd>\(c.subItems.joined(separator: "；"))</dd>"))
            <dt>设定依据</dt><dd>\(HTML.join(c.basis.map { "<p>\($0.law)\($0.article)\($0.text.isEmpty ? "" : "：\($0.text)")</p>" }))</dd>
            <dt>职责事项</dt><dd>\(c.responsibilities)</dd><dt>办理流程</dt><dd>\(c.process)</dd><dt>追责情形</dt><dd>\(c.accountability)</dd><dt>监督方式</dt><dd>\(c.supervision)</dd></dl>
            \(benches)
            <h2>调整记录</h2>\(hist)
            """
    }

    /// (code, violation, power item, version, effective)
    static func benchmarks(
        _ list: [(String, String, String, Int, String)], altered: Set<String>, query q: String, today: CivilDate,
        formats: HTML
    ) -> HTML {
        let table = DataTable(
            columns: ["基准编号", "违法行为", "对应事项", "版本", "施行日期"].map { .init($0) },
            rows: list.map { b in
                [
                    DataTable.Cell("<a href=\"/benchmarks/\(b.0)\">\(b.0)</a>", class: "mono"),
                    DataTable.Cell("\(b.1)\(alteredMark(altered.contains(b.0)))"),
                    .text(b.2, class: "mono"), .text("第\(b.3)版"), .text(b.4),
                ]
            }, empty: "没有符合条件的裁量基准。"
        ).render()
        return """
            <p>依据行政处罚法第三十四条公布。截至 \(today.description) 现行基准 <b>\(list.count)</b> 项；列入包容免罚清单的违法行为，初次违法且危害后果轻微并及时改正的，可以不予行政处罚（第三十三条）。</p>
            <form method="get" action="/benchmarks" class="card search"><label for="q">违法行为或条款</label><input id="q" name="q" value="\(q)"><button type="submit">查询</button></form>\(formats)
            \(table)
            """
    }

    static func benchmark(_ b: DiscretionBenchmark, version: Int, effectiveOn: String, versions: Int) -> HTML {
        """
        <dl class="card facts"><dt>违法行为</dt><dd>\(b.violation)</dd><dt>违反条款</dt><dd>\(b.violatedArticle)</dd><dt>处罚依据</dt><dd>\(b.penaltyArticle)</dd>
        <dt>对应事项</dt><dd><a href="/powers/\(b.powerItemCode)">\(b.powerItemCode)</a></dd><dt>裁量因素</dt><dd>\(b.measure ?? "—")\(b.measureUnit.map { "（\($0)）" } ?? "")</dd>
        <dt>包容免罚清单</dt><dd>\(b.firstViolationExempt ? "已列入（首违不罚）" : "未列入")</dd><dt>版本</dt><dd>第\(version)版，\(effectiveOn)起施行\(versions > 1 ? "（共\(versions)版）" : "")</dd></dl>
        \(RegistryViews.tiersTable(b))
        """
    }
}
