import FazhiCore
import FazhiOffice
import FazhiStore
import Foundation

extension AnnualReportPage {
    /// The report's markup and its Word document, from the model alone.
    struct View {
        let model: Model

        static let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

        func render() -> HTML {
            let m = model, q = model.q
            let here = SitePath.annualReport(unit: q.unit, year: q.year).path
            let units = HTML.join(
                q.units.map { u in
                    "<option value=\"\(u.id.uuidString)\"\(HTML(raw: u.id == q.unit ? " selected" : ""))>\(u.name)</option>"
                })
            let left = q.today.days(until: m.reportBy)
            let due: HTML =
                left < 0
                ? "<span class=\"overdue\">报送期限\(m.reportBy.description)已过\(-left)天</span>"
                : "报送期限\(m.reportBy.description)（还剩\(left)天）"
            return """
                <form method="get" action="\(SitePath.annualReport(unit: nil, year: nil).path)" class="search">
                <label for="unit">单位</label><select id="unit" name="unit">\(units)</select>
                <label for="year">年度</label><input id="year" name="year" inputmode="numeric" value="\(q.year)" size="6">
                <button type="submit">查看</button></form>
                <p>\(due)：报送本级党委、政府（政府报送本级党委和人大常委会）和上一级主管部门；\(m.publishBy.description)前向社会公开（厅字〔2019〕28号）。
                汇总\(q.bodies)个单位的数据；数字为实时统计，点击可查看所统计的记录，各节末附与上年对照。</p>
                \(course())
                \(members())
                <p><a href="\(here)&format=docx" id="report-docx">下载 Word 文稿（.docx）</a> · <a href="\(here)&format=json">数据（JSON）</a> · <a href="\(here)&format=csv" id="report-csv">数据（CSV）</a></p>
                <h2 id="part-recipients">主送</h2><p>\(m.recipients)</p>\(editor("recipients"))
                <h2 id="part-measures">一、\(ReportPart.measures.heading)</h2>\(narrative(ReportPart.measures.rawValue))
                \(HTML.join(q.draft.sections.enumerated().map { section($1, index: $0) }))
                \(HTML.join(ReportPart.allCases.dropFirst().enumerated().map { i, p in "<h2 id=\"part-\(p.rawValue)\">\(Self.numerals[i + 1])、\(p.heading)</h2>\(drafted(p))" as HTML }))
                """
        }

        /// Where the report stands in its course: not started (and the button that starts it), drafting (and the button
        /// that freezes it for review), or frozen — its SHA-256 and its case page, where it is reviewed, submitted and
        /// published.
        func course() -> HTML {
            let q = model.q
            let hidden: HTML =
                "<input type=\"hidden\" name=\"unit\" value=\"\(q.unit.uuidString)\"><input type=\"hidden\" name=\"year\" value=\"\(q.year)\">"
            guard let c = q.course else {
                guard q.mayWrite else { return "<p class=\"muted\">本年度报告尚未开始编写。</p>" }
                return PostForm(
                    action: "/console/annual-report/start", id: "report-start", cssClass: "inline", csrf: model.csrf,
                    content: hidden, submit: "开始编写（建立报送、公开期限）"
                ).render()
            }
            let frozen: HTML =
                q.frozenSha.map {
                    " · 定稿 SHA-256 <span class=\"mono\">\(String($0.prefix(16)))…</span>（正文和数据已固定，退回修改后才能编辑）"
                } ?? ""
            // 定稿 once the year has ended (the step refuses it before); until then the drafting goes on.
            let drafting = c.file.state == AnnualReportProcedure.State.drafting.id && q.mayWrite
            let freeze: HTML =
                !drafting
                ? ""
                : q.today.year > q.year
                    ? PostForm(
                        action: "/console/annual-report/freeze", id: "report-freeze", cssClass: "inline",
                        csrf: model.csrf, content: hidden, submit: "定稿并提交审核"
                    ).render() : "<p class=\"muted\">\(q.year)年度结束后可以定稿并提交审核。</p>"
            return """
                <p class="card" id="report-course">办理流程：<a href="\(SitePath.caseFile(c.id).path)">\(c.number)</a> <span class="tag">\(q.courseState ?? "")</span>\(frozen)</p>\(freeze)
                """
        }

        /// The reports of the units under this one (a county's departments and towns), due to it by 3月1日: where each
        /// stands, each opening the unit's report.
        func members() -> HTML {
            let q = model.q
            guard !q.members.isEmpty else { return "" }
            let started = q.members.filter(\.started).count
            let published = q.members.filter(\.published).count
            let table = DataTable(
                id: "member-reports", columns: [.init("单位"), .init("报告状态"), .init("办理流程")],
                rows: q.members.map { m in
                    [
                        .link(m.name, .annualReport(unit: m.id, year: q.year)),
                        .text(m.state ?? "未开始编写", class: m.state == nil ? "muted" : nil),
                        m.course.map { DataTable.Cell.link("查看", .caseFile($0)) } ?? .text(""),
                    ]
                }
            ).render()
            return """
                <details class="card" id="members"><summary>所属\(q.members.count)个单位的年度报告：已开始编写\(started)个，已公开\(published)个（各单位数据已汇总计入本报告）</summary>\(table)</details>
                """
        }

        func section(_ s: ReportSection, index: Int) -> HTML {
            let key = "measures.\(s.system.rawValue)"
            let rows = HTML.join(
                s.table.map { c in
                    let link: HTML =
                        c.figure.link.map { "<a href=\"\($0)\">\(c.figure.text)</a>" } ?? "\(c.figure.text)"
                    return
                        "<tr><td>\(c.figure.label)</td><td class=\"num\">\(link)</td><td class=\"num\">\(c.prior.map { ReportFigure.text($0, unit: c.figure.unit) } ?? "—")</td><td class=\"num\">\(c.change)</td></tr>"
                })
            let table: HTML =
                s.table.isEmpty
                ? ""
                : "<table class=\"compare\"><thead><tr><th>指标</th><th>\(model.q.year)年</th><th>\(model.q.year - 1)年</th><th>增减</th></tr></thead><tbody>\(rows)</tbody></table>"
            return """
                <h3 id="part-\(key)">（\(Self.numerals[index % 10])）\(s.system.heading)</h3>
                \(HTML.join(s.paragraphs.map { "<p>\(paragraph($0))</p>" as HTML }))\(narrative(key))\(table)
                """
        }

        /// Parts 二 to 五: the sentences drafted from the records (part 二 from the figures, 三 from the 第一责任人 records,
        /// 四 from next year's 工作要点) until staff write the part — the editor starts from them, so each can be kept,
        /// reworded or dropped; once written, the text, with the drafted sentences for reference.
        func drafted(_ p: ReportPart) -> HTML {
            let part = p.rawValue, sentences = ReportComposer.drafted(p, in: model.q.draft)
            let list = HTML.join(sentences.map { "<li>\(paragraph($0))</li>" as HTML })
            if model.text(part) != nil {
                let reference: HTML =
                    sentences.isEmpty
                    ? ""
                    : "<details><summary>系统根据台账和统计数据起草的句子（参考）</summary><ul class=\"shortfalls\">\(list)</ul></details>"
                return "\(narrative(part))\(reference)"
            }
            let intro: HTML =
                !sentences.isEmpty
                ? "<p class=\"muted\">以下根据\(p == .shortcomings ? "统计数据" : "台账")起草，请核实、修改并补充后保存：</p><ul class=\"shortfalls\">\(list)</ul>"
                : p == .shortcomings ? "<p class=\"muted\">统计数据未显示明显不足。</p>" : "<p class=\"muted\">尚未撰写。</p>"
            return "\(intro)\(editor(part))"
        }

        /// A drafted paragraph: each figure a link to the records it counts, its definition on hover.
        func paragraph(_ p: ReportParagraph) -> HTML {
            HTML.join(
                p.segments.map { s -> HTML in
                    switch s {
                    case .text(let t): return "\(t)"
                    case .figure(let v):
                        let title = "\(v.figure.source)·\(v.figure.label)：\(v.figure.definition)"
                        // A figure a unit reported is marked so: Fazhi did not count it.
                        let mark: HTML = v.figure.reported == true ? "<sup class=\"muted\" title=\"单位填报\">填报</sup>" : ""
                        let shown: HTML =
                            v.figure.link.map {
                                "<a class=\"figure\" href=\"\($0)\" title=\"\(title)\">\(v.figure.text)</a>"
                            } ?? "<span class=\"figure\" title=\"\(title)\">\(v.figure.text)</span>"
                        return HTML.join([shown, mark])
                    }
                })
        }

        /// A part's narrative as saved, and the form that writes its next version.
        func narrative(_ part: String) -> HTML {
            let shown: HTML =
                model.text(part).map { t in
                    HTML.join(t.split(separator: "\n").map { "<p>\(String($0))</p>" as HTML })
                } ?? (part.hasPrefix("measures.") ? "" : "<p class=\"muted\">尚未撰写。</p>")
            return "\(shown)\(editor(part))"
        }

        func editor(_ part: String) -> HTML {
            guard model.q.mayWrite else { return "" }
            let saved = model.q.texts[part]
            let state = saved.map { "当前第\($0.version)版，\($0.editedBy)于\($0.editedOn)保存" } ?? "尚未撰写"
            let history: HTML =
                (saved?.version ?? 0) > 1
                ? "<p><a href=\"/console/annual-report/history?unit=\(model.q.unit.uuidString)&year=\(model.q.year)&part=\(part)\">查看历史版本</a></p>"
                : ""
            let current =
                part == "recipients"
                ? model.recipients
                : saved?.text
                    ?? ReportPart(rawValue: part).map { ReportComposer.drafted($0, in: model.q.draft) }.map {
                        $0.map(\.text).joined(separator: "\n")
                    } ?? ""
            return """
                <details class="edit"><summary>撰写或修改（\(state)）</summary>\(history)\(PostForm(
                    action: "/console/annual-report/texts", cssClass: "card", csrf: model.csrf,
                    content: """
                        <input type="hidden" name="unit" value="\(model.q.unit.uuidString)"><input type="hidden" name="year" value="\(model.q.year)">
                        <input type="hidden" name="part" value="\(part)"><input type="hidden" name="basedOn" value="\(saved?.version ?? 0)">
                        <label for="text-\(part)">正文（每段一行）</label><textarea id="text-\(part)" name="text" rows="6">\(current)</textarea>
                        """,
                    submit: "保存为新版本"
                ).render())</details>
                """
        }

        /// The report as a government office prints it: title, 主送, the five parts, each figure footnoted with its
        /// source and the year before, the unit and the date.
        func document() -> [WordDocument.Block] {
            let m = model, q = model.q
            // The 文号 it was reported under, once reported (the frozen text itself carries none).
            let number = q.course?.file.facts[AnnualReportFact.documentNumber]
            var blocks: [WordDocument.Block] = number.map { [.centered($0)] } ?? []
            blocks += [.title(m.title), .field("主送", m.recipients)]
            func texts(_ part: String) -> [WordDocument.Block] {
                (m.text(part) ?? "").split(separator: "\n").map { .paragraph(String($0)) }
            }
            func annotated(_ p: ReportParagraph) -> WordDocument.Block {
                .annotated([WordDocument.Span(p.text, note: m.note(p))])
            }
            blocks += texts(ReportPart.measures.rawValue)
            blocks.append(.section("一、\(ReportPart.measures.heading)", level: 1))
            for (i, s) in q.draft.sections.enumerated() {
                blocks.append(.section("（\(Self.numerals[i % 10])）\(s.system.heading)", level: 2))
                blocks += s.paragraphs.map(annotated) + texts("measures.\(s.system.rawValue)")
            }
            // Staff's text of parts 二 to 五 when written (it started from the drafted sentences), else the drafted ones.
            for (i, p) in ReportPart.allCases.dropFirst().enumerated() {
                blocks.append(.section("\(Self.numerals[i + 1])、\(p.heading)", level: 1))
                blocks +=
                    m.text(p.rawValue) == nil
                    ? ReportComposer.drafted(p, in: q.draft).map(annotated) : texts(p.rawValue)
            }
            blocks.append(.signature([q.unitName, CaseDocuments.chineseDate(q.today)]))
            return blocks
        }
    }
}

extension AnnualReportPage.View {
    /// A part's versions, newest first: who saved each and when, and its text.
    static func history(_ versions: [ReportText], back: String) -> HTML {
        let items = HTML.join(
            versions.map { v in
                """
                <div class="card"><p class="muted">第\(v.version)版 · \(v.editedBy) · \(v.editedOn)</p>\(HTML.join(v.text.split(separator: "\n").map { "<p>\(String($0))</p>" as HTML }))</div>
                """ as HTML
            })
        return """
            <p><a href="\(back)">返回年度报告</a></p>
            \(versions.isEmpty ? "<p class=\"muted\">该部分尚未撰写。</p>" : items)
            """
    }

    /// The portal's list of published reports.
    static func portalList(_ list: [AnnualReportPortal.Published]) -> HTML {
        let table = DataTable(
            columns: [.init("报告"), .init("公开日期")],
            rows: list.map { p in
                [
                    .init("<a href=\"/annual-reports/\(p.id.uuidString)\">\(p.unit)\(p.title)</a>"),
                    .text(p.publishedOn),
                ]
            }, empty: "尚无公开的年度报告。"
        ).render()
        return """
            <p>各级政府和县级以上政府部门每年4月1日前向社会公开上一年度法治政府建设情况报告（法治政府建设与责任落实督察工作规定）。</p>
            \(table)
            """
    }

    /// A published report as the public reads it: the five parts as frozen, its SHA-256 and whether the text still
    /// matches what the record holds.
    func published(sha: String, verifies: Bool) -> HTML {
        let q = model.q
        let parts = HTML.join(
            document().map { b -> HTML in
                switch b {
                case .title: return ""
                case .centered(let t): return "<p class=\"center\">\(t)</p>"
                case .heading(let t), .section(let t, level: 1): return "<h2>\(t)</h2>"
                case .section(let t, _): return "<h3>\(t)</h3>"
                case .paragraph(let t): return "<p>\(t)</p>"
                case .annotated(let spans): return "<p>\(spans.map(\.text).joined())</p>"
                case .field(let l, let v): return "<p><b>\(l)：</b>\(v)</p>"
                case .signature(let lines): return "<p class=\"signature\">\(lines.joined(separator: "　"))</p>"
                default: return ""
                }
            })
        let check: HTML =
            verifies
            ? "<p class=\"ok\" id=\"report-verified\">本文与全过程记录中的定稿一致：定稿数据（<a href=\"/annual-reports/\(q.course?.id.uuidString ?? "")?format=json\">JSON，可下载</a>）的 SHA-256 为 <span class=\"mono\">\(sha)</span>，与全过程记录所载相同。</p>"
            : "<p class=\"overdue\" id=\"report-verified\">本文与全过程记录中的定稿不一致，请勿引用。</p>"
        return """
            \(check)
            <p><a href="/annual-reports/\(q.course?.id.uuidString ?? "")?format=docx">下载 Word 文稿（.docx）</a> · <a href="/annual-reports">全部年度报告</a></p>
            \(parts)
            """
    }
}
