import FazhiCore
import Foundation

extension CaseFilePage {
    /// The case page's markup, from the model alone.
    struct View {
        let model: Model

        func render() -> HTML {
            let m = model
            let caseRoot = SitePath.caseFile(m.caseID).path
            return """
                \(m.altered.map { Views.flash("数据完整性告警：\($0)。本页所示内容和文书暂不可信，请系统管理员按全过程记录核查恢复。", error: true) } ?? "")
                <p><span class="tag">\(m.procedureName)</span> <span class="tag" id="case-state">\(m.stateName)</span> \(m.bodyName) · 登记于 \(m.openedOn) · 第\(m.version)次变更 · 按\(m.instrument)（程序第\(m.definitionVersion)版） · <a href="\(SitePath.caseArchive(m.caseID).path)" id="archive-link">导出案卷（.zip）</a>\(HTML.join(m.pages.map { " · <a href=\"\(caseRoot)/\($0.path)\" class=\"case-page\">\($0.label)</a>" as HTML }))</p>
                \(citations())
                <div class="grid2"><div>\(FactList(items: m.facts, empty: m.notStarted, links: m.links).render())\(revealForms(caseRoot))</div>
                <div><h2>期限</h2>\(deadlines())</div></div>
                <h2>现在可以办理</h2>\(m.open.isEmpty ? HTML("<p class=\"muted\">您现在没有可办理的步骤。</p>") : HTML.join(m.open.map(stepForm)))
                \(refused())
                \(evidence(caseRoot))
                <h2>全过程记录</h2><ol class="timeline" reversed>\(HTML.join(m.timeline.map(timelineEntry)))</ol>
                """
        }

        /// The handling staff's way to a masked personal value: each shown in full on request, the request on the record
        /// (个人信息保护法 第三十四条、第五十一条第四项: 限于履行职责所必需，操作权限).
        func revealForms(_ caseRoot: String) -> HTML {
            guard !model.revealable.isEmpty else { return "" }
            return HTML.join(
                model.revealable.map { r in
                    PostForm(
                        action: "\(caseRoot)/personal", cssClass: "inline reveal", csrf: model.csrf,
                        content: "<input type=\"hidden\" name=\"field\" value=\"\(r.key)\">",
                        submit: "显示完整的\(r.label)（将记录查看人）", buttonClass: "secondary"
                    ).render()
                })
        }

        /// The 规范性文件 the case cites: each with its standing on the decision day; one not in force is flagged for the
        /// reviewer (优化营商环境条例 第六十四条第二款).
        func citations() -> HTML {
            guard !model.cited.isEmpty else { return "" }
            let bad = model.cited.filter { !$0.inForce }
            let items = HTML.join(
                model.cited.map { d in
                    "<li\(HTML(raw: d.inForce ? "" : " class=\"due overdue\""))>《\(d.title)》（\(d.number)）：\(model.citedOn) \(d.standing)</li>"
                })
            let warning: HTML =
                bad.isEmpty
                ? ""
                : "<p class=\"flash error\">引用的规范性文件中有 \(bad.count) 件在 \(model.citedOn) 不是现行有效的文件：未经公布的规范性文件不得作为行政管理依据（国办发〔2018〕37号；涉及市场主体权利义务的，《优化营商环境条例》第六十四条第二款），已失效、已废止或者已撤销的文件不再有效。请审核人员核对。</p>"
            return
                "<section class=\"card\" id=\"cited-documents\"><h2>引用的规范性文件</h2>\(warning)<ul>\(items)</ul></section>"
        }

        func deadlines() -> HTML {
            DataTable(
                columns: [.init("事项"), .init("期限"), .init("依据")],
                rows: model.waiting.map { w in
                    [
                        .text(w.name), DataTable.Cell("<span class=\"muted\">未起算：\(w.waitsFor)</span>"),
                        .article(w.article),
                    ]
                }
                    + model.deadlines.enumerated().map { i, d in
                        // A period replaced by a later one of the same key (extended, paused and resumed, restarted after
                        // 补正) was changed, not met.
                        // (newest first: a replacement comes before it)
                        let newer: ArraySlice<Model.DeadlineLine> = model.deadlines[..<i]
                        let replaced: Bool = newer.contains { (l: Model.DeadlineLine) -> Bool in l.key == d.key }
                        let due: DataTable.Cell =
                            d.stoppedOn == nil
                            ? .deadline(d.deadline, today: model.today)
                            : DataTable.Cell(
                                "<span class=\"muted\">\(d.deadline.due.description)（\(d.stoppedOn!.description) \(replaced ? "起变更" : "已办结")）</span>"
                            )
                        return [.text(d.name), due, .article(d.article)]
                    }, empty: "无", sortable: false
            ).render()
        }

        func stepForm(_ s: Model.StepForm) -> HTML {
            let fields = HTML.join(s.fields.map { $0.render() })
            let docs = s.documents.isEmpty ? "" : "；生成文书：\(s.documents.joined(separator: "、"))"
            let waits: HTML = HTML.join(s.waits.map { "<p class=\"waits\">\($0)</p>" as HTML })
            let content: HTML = """
                <input type="hidden" name="_version" value="\(s.version)">\(Views.flash(s.error, error: true))\(waits)
                \(FormField(id: "\(s.action)-date", name: "_date", label: "办理日期", kind: .date, value: s.date, latest: s.today).render())
                \(fields)\(s.evidenceNote.map { HTML("<p class=\"muted\">\($0)</p>") } ?? "")\(s.evidence?.render() ?? "")\(s.officers?.render() ?? "")
                <p class="article">依据：\(s.basis)\(docs)</p>
                """
            let form = PostForm(
                action: s.path, id: "form-\(s.action)", cssClass: "card step-form", csrf: model.csrf, content: content,
                submit: s.name
            ).render()
            let tag: HTML = s.waits.isEmpty ? "" : " <span class=\"opens\">有期限未满</span>"
            return
                "<details class=\"step\"\(HTML(raw: s.error != nil ? " open" : ""))><summary>\(s.name)\(tag)</summary>\(form)</details>"
        }

        func refused() -> HTML {
            guard !model.refused.isEmpty else { return "" }
            let items = HTML.join(
                model.refused.map { r in
                    "<li class=\"greyed\"><b>\(r.name)</b>\(r.opensOn.map { on in HTML("<span class=\"opens\">\(on)起可办理（还有\(r.daysUntil ?? 0)天）</span>") } ?? "")：\(r.reason)\(r.article.map { HTML("<span class=\"article\">（依据：\($0)）</span>") } ?? "")\(r.error.map { HTML("<div class=\"error\">\($0)</div>") } ?? "")</li>"
                })
            return "<h2>暂不能办理</h2><ul class=\"refused\">\(items)</ul>"
        }

        func evidence(_ caseRoot: String) -> HTML {
            let m = model
            let table = DataTable(
                columns: [
                    .init("文件"), .init("类型"), .init("大小", numeric: true), .init("SHA-256"), .init("上传日期"), .init("上传人"),
                ],
                rows: m.evidence.map { e in
                    [
                        DataTable.Cell("<a href=\"\(e.path)\">\(e.name)</a>"), .text(e.kind),
                        DataTable.Cell("\(ByteCountText.text(e.size))", sort: String(e.size)),
                        DataTable.Cell(
                            "<span title=\"\(e.sha256)\">\(String(e.sha256.prefix(16)))…</span>", class: "mono hash"),
                        .text(e.uploadedOn), .text(e.uploadedBy),
                    ]
                }, empty: "尚未上传证据文件。"
            ).render()
            let upload: HTML =
                m.evidenceUpload.map { path in
                    """
                    <form method="post" action="\(path)" enctype="multipart/form-data" class="upload" id="evidence-form"><input type="hidden" name="_csrf" value="\(m.csrf)">
                    <label for="evidence-file">上传证据文件 <span class="muted">（\(EvidenceMedia.acceptedText)；单个不超过 \(m.evidenceLimitMB) MB）</span></label>
                    <input id="evidence-file" name="file" type="file" required accept="image/jpeg,image/png,application/pdf,video/*,audio/*,.docx,.xlsx,.ofd"><button type="submit">上传</button></form>
                    """
                } ?? ""
            return """
                <section class="card" id="evidence"><h2>证据文件（\(m.evidence.count)）</h2>
                <p class="muted">文件按 SHA-256 存储，哈希写入全过程记录；办理步骤中可以引用文件的 SHA-256。</p>
                \(table)
                \(upload)</section>
                """
        }

        func timelineEntry(_ e: Model.TimelineEntry) -> HTML {
            let docs = HTML.join(e.documents.map { " · <a href=\"\($0.path)\">\($0.name).docx</a>" as HTML })
            return """
                <li><b>\(e.date) \(e.action)</b> <span class="muted">\(e.actor)\(e.officers.isEmpty ? "" : "；执法人员：\(e.officers.joined(separator: "、"))")</span>
                \(docs)
                <div class="muted small">\(e.details)</div></li>
                """
        }
    }
}
