import FazhiCore
import FazhiOffice
import FazhiStore
import Foundation

extension DisclosureReportPage {
    /// The report in the template's six parts, with the form for what Fazhi does not keep; and the same as .docx.
    struct View {
        let model: Model

        func render() -> HTML {
            let m = model, q = m.q
            let daysLeft = q.today.days(until: m.due)
            let dueNote: HTML =
                "<p class=\"\(HTML(raw: daysLeft < 0 ? "due overdue" : "muted"))\">应于 \(m.due.description) 前向社会公布（《中华人民共和国政府信息公开条例》第四十九条）\(daysLeft >= 0 ? "，还有 \(daysLeft) 天" : "，已逾期 \(-daysLeft) 天")。</p>"
            let bodyOptions = HTML.join(
                q.bodies.map {
                    "<option value=\"\($0.0.uuidString)\"\(HTML(raw: q.bodyID == $0.0 ? " selected" : ""))>\($0.1)</option>"
                })
            let inputs = HTML.join(
                DisclosureReportPage.entered.map { k, label in
                    "<label for=\"\(k)\">\(label)</label><input id=\"\(k)\" name=\"\(k)\" inputmode=\"decimal\" maxlength=\"12\" value=\"\(q.values[k] ?? "")\">"
                })
            return """
                <form method="get" action="/console/disclosure/report" class="card form" id="report-form">
                <label for="year">年度</label><input id="year" name="year" type="number" min="2000" max="2100" value="\(q.year)">
                <label for="body">单位</label><select id="body" name="body"><option value="all"\(HTML(raw: q.bodyID == nil ? " selected" : ""))>我可查看的全部单位（汇总）</option>\(bodyOptions)</select>
                <details><summary>本系统未登记的数据（第二部分）和文字（第五、六部分）</summary>\(inputs)
                <label for="problems">存在的主要问题及改进情况\(q.isGovernment ? "（人民政府的报告还应当包括工作考核、社会评议和责任追究结果情况，第五十条第四项）" : "")</label><textarea id="problems" name="problems" rows="3" maxlength="\(DisclosureReportPage.textLimit)">\(q.values["problems"] ?? "")</textarea>
                <label for="other">其他需要报告的事项</label><textarea id="other" name="other" rows="3" maxlength="\(DisclosureReportPage.textLimit)">\(q.values["other"] ?? "")</textarea></details>
                <button type="submit">生成</button> <button type="submit" name="format" value="docx">下载 Word（.docx）</button></form>
                \(dueNote)
                <h2>\(m.title)</h2>
                <h3>一、总体情况</h3><p id="overview">\(m.overview)</p>
                <h3>二、主动公开政府信息情况</h3>\(table(m.proactive, id: "proactive"))
                <h3>三、收到和处理政府信息公开申请情况</h3>\(requestsTable(q.requests))
                <p class="muted">每项数字按申请的收到日期和答复日期计算：本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理。各申请见 <a href="\(SitePath.cases(procedure: DisclosureProcedure.id).path)">政府信息公开申请</a>。</p>
                <h3>四、政府信息公开行政复议、行政诉讼情况</h3>\(table(q.reviews.table, id: "reviews"))
                <h3>五、政府信息公开工作存在的主要问题及改进情况</h3><p>\(m.problems)</p>
                <h3>六、其他需要报告的事项</h3><p>\(m.other)</p>
                """
        }

        /// Part 三 with every count a link to the requests it counts.
        func requestsTable(_ r: DisclosureYearReport) -> HTML {
            let q = model.q
            let scope = "year=\(q.year)&body=\(q.bodyID?.uuidString ?? "all")"
            let columns = DisclosureYearReport.columns
            let head = HTML.join((["项目"] + columns.map(\.label) + ["总计"]).map { "<th>\($0)</th>" as HTML })
            let body = HTML.join(
                r.rows.enumerated().map { i, row in
                    let heading = row.label.hasPrefix("三、")
                    func cell(_ n: Int, _ column: String) -> HTML {
                        heading
                            ? "<td></td>"
                            : "<td class=\"num\">\(FigureLink(value: n, path: "/console/disclosure/report/cases?\(scope)&row=\(i)&column=\(column)").render())</td>"
                    }
                    let cells = HTML.join(columns.map { cell(row.count($0.value), $0.value) })
                    return
                        "<tr><th scope=\"row\">\(String(repeating: "　", count: row.level) + row.label)</th>\(cells)\(cell(row.total, "total"))</tr>"
                })
            return
                "<div class=\"table-wrap\"><table class=\"data\" id=\"requests\"><thead><tr>\(head)</tr></thead><tbody>\(body)</tbody></table></div>"
        }

        /// The requests a figure counts.
        static func cases(_ cases: [CaseSummary], back: String) -> HTML {
            let table = DataTable(
                columns: ["编号", "申请人", "阶段", "登记日期", "结果"].map { .init($0) },
                rows: cases.map { c in
                    [
                        DataTable.Cell("<a href=\"\(SitePath.caseFile(c.id).path)\">\(c.number)</a>", class: "mono"),
                        .text(c.partyName),
                        .text(ProcedureCatalog.standard.current(c.procedure)?.stateName(c.state) ?? c.state),
                        .text(c.openedOn), .text(Disclosure.label(c.outcome, in: Disclosure.answerTypes)),
                    ]
                }, empty: "没有申请。"
            ).render()
            return "<p><a href=\"\(back)\">返回年度报告</a>　共 \(cases.count) 件</p>\(table)"
        }

        func table(_ rows: [[String]], id: String) -> HTML {
            guard let header = rows.first else { return "" }
            let head = HTML.join(header.map { "<th>\($0)</th>" as HTML })
            let body = HTML.join(
                rows.dropFirst().map { r in
                    "<tr>\(HTML.join(r.enumerated().map { i, c in (i == 0 ? "<th scope=\"row\">\(c)</th>" : "<td class=\"num\">\(c)</td>") as HTML }))</tr>"
                })
            return
                "<div class=\"table-wrap\"><table class=\"data\" id=\"\(id)\"><thead><tr>\(head)</tr></thead><tbody>\(body)</tbody></table></div>"
        }

        /// The report as an office prints it (the template's headings and tables).
        func document() -> [WordDocument.Block] {
            let m = model, q = m.q
            return [
                .title(m.title),
                .paragraph("本报告依据《中华人民共和国政府信息公开条例》第四十九条、第五十条编制，数据统计期限为\(q.year)年1月1日至12月31日。"),
                .heading("一、总体情况"), .paragraph(m.overview),
                .heading("二、主动公开政府信息情况"), .table(m.proactive),
                .heading("三、收到和处理政府信息公开申请情况"), .table(q.requests.table),
                .heading("四、政府信息公开行政复议、行政诉讼情况"), .table(q.reviews.table),
                .heading("五、政府信息公开工作存在的主要问题及改进情况"), .paragraph(m.problems),
                .heading("六、其他需要报告的事项"), .paragraph(m.other),
                .signature([q.scopeName, CaseDocuments.chineseDate(q.today)]), .seal("（印章）"),
            ]
        }
    }
}
