import FazhiCore
import Foundation

extension LedgerPage {
    /// A 台账's list and its entry form, built from the kind's declared fields alone.
    struct View {
        struct Model {
            let q: Query
            /// The entry in the form: one being changed, or the one just refused (kept so nothing typed is lost).
            let editing: LedgerEntry?
            let own: UUID
            let csrf: String
            let error: String?
            /// The files of the entry being changed.
            var editingFiles: [EvidenceFile] = []
            var evidenceLimitMB: Int64 = 0
        }
        let model: Model

        func render() -> HTML {
            let m = model, q = model.q, kind = q.kind
            // The list shows the fields (a paragraph cut short); long lists as counts, read in full in the entry's form.
            let shown = kind.fields.filter { f in
                switch f.kind {
                case .certificates, .scores: false
                default: true
                }
            }
            let mayEdit = Set(q.units.map(\.id))
            let table = DataTable(
                id: "ledger-list",
                columns: [.init(kind.dateLabel), .init("单位")] + shown.map { f in .init(f.label, numeric: f.isNumber) }
                    + summaryColumns + kind.derived.map { .init($0.label, numeric: true) }
                    + [.init("附件"), .init("登记人"), .init("")],
                rows: q.entries.map { e, unit in
                    [.text(e.on.description), .text(unit)]
                        + shown.map { f in
                            f.isNumber
                                ? DataTable.Cell("\(e[f.id])", sort: e[f.id], class: "num")
                                : .text(String(f.label(of: e[f.id]).prefix(80)))
                        } + summary(e) + kind.derived.map { .number($0.value(e)) }
                        + [
                            filesCell(e, q.files[e.id] ?? [], mayUpload: mayEdit.contains(e.unitID)),
                            .text(e.by),
                            mayEdit.contains(e.unitID)
                                ? .link("修改", .ledger(kind: kind.id, year: q.year, edit: e.id)) : .text(""),
                        ]
                }, empty: "\(q.year)年尚无“\(kind.title)”记录。",
                rowClasses: q.entries.map { e, _ in kind.overdue?(e, q.today) == true ? "overdue" : nil }
            ).render()
            return """
                \(m.error.map { Views.flash($0, error: true) } ?? "")
                <form method="get" class="search"><label for="year">年度</label><input id="year" name="year" type="number" value="\(q.year)" min="2000" max="2100"><button type="submit">查看</button></form>
                <p class="muted">\(kind.purpose)</p>
                <nav class="tabs">\(HTML.join(LedgerKinds.all.map { k in "<a href=\"\(SitePath.ledger(kind: k.id, year: q.year).path)\"\(HTML(raw: k.id == kind.id ? " class=\"active\"" : ""))>\(k.title)</a>" as HTML }))<a href="\(SitePath.study(year: q.year).path)">学法记录</a></nav>
                \(table)
                \(qualified())
                \(form())
                \(filesForm())
                \(importForm())
                """
        }

        /// Entries from an Excel sheet, for whoever may enter them.
        func importForm() -> HTML {
            let q = model.q, kind = q.kind
            guard !q.units.isEmpty, model.editing == nil else { return "" }
            let template = SitePath.ledger(kind: kind.id, year: q.year).path + "&format=template"
            return """
                <h2>从表格导入</h2>
                <form method="post" action="/console/ledgers/\(kind.id)/import" enctype="multipart/form-data" class="card" id="ledger-import"><input type="hidden" name="_csrf" value="\(model.csrf)">
                <p class="muted">表头：\(kind.importColumns.joined(separator: "、"))。单位写全称；选项写选项名称；多项内容（如考生成绩、执法证号）一格内用分号或换行分隔。整表检查无误才导入，有错时指出第几行哪一列。\(kind.uniqueBy.isEmpty ? "" : "已登记的同一单位同一年度的同一项，导入即更新。")<a href="\(template)">下载导入表</a></p>
                <label for="ledger-import-file">表格（.xlsx 或 .csv）</label><input id="ledger-import-file" type="file" name="file" accept=".xlsx,.csv">
                <button type="submit">导入</button></form>
                """
        }

        /// An entry's files as download links; "上传" for whoever may change the entry.
        func filesCell(_ e: LedgerEntry, _ files: [EvidenceFile], mayUpload: Bool) -> DataTable.Cell {
            let links = files.map { f -> HTML in "<a href=\"\(LedgerFiles.path(e, f.sha256))\">\(f.fileName)</a>" }
            let upload: HTML =
                mayUpload
                ? "<a href=\"\(SitePath.ledger(kind: e.kind, year: model.q.year, edit: e.id).path)#ledger-files\">上传</a>"
                : ""
            return DataTable.Cell(HTML.join(links + (mayUpload ? [upload] : []), separator: "<br>"))
        }

        /// The entry being changed: its files, and the form that adds one.
        func filesForm() -> HTML {
            let m = model
            guard let e = m.editing, e.version > 0 else { return "" }
            let list = HTML.join(
                m.editingFiles.map { f -> HTML in
                    "<li><a href=\"\(LedgerFiles.path(e, f.sha256))\">\(f.fileName)</a> <span class=\"muted\">\(f.label)，\(ByteCountText.text(f.size))，\(f.uploadedBy)于\(f.uploadedOn)上传</span></li>"
                })
            return """
                <h2 id="ledger-files">证明材料</h2>
                \(m.editingFiles.isEmpty ? "<p class=\"muted\">尚未上传证明材料。</p>" : "<ul>\(list)</ul>" as HTML)
                <form method="post" action="/console/ledgers/\(e.kind)/\(e.id.uuidString)/files" enctype="multipart/form-data" class="card" id="ledger-upload"><input type="hidden" name="_csrf" value="\(m.csrf)">
                <label for="ledger-file">上传证明材料 <span class="muted">（\(EvidenceMedia.acceptedText)；单个不超过 \(String(m.evidenceLimitMB)) MB）</span></label><input id="ledger-file" type="file" name="file">
                <button type="submit">上传</button></form>
                """
        }

        /// The 名录's certificate for a qualified person: issued after the exam, held before it, or none yet.
        func certificateCell(_ p: QualifiedOfficer) -> DataTable.Cell {
            guard let o = p.officer else {
                return p.namesakes > 0
                    ? .text("名录中有\(p.namesakes)名同名人员，请在考生成绩中写明身份证号", class: "muted")
                    : .text("执法人员名录中尚无此人", class: "muted")
            }
            guard !o.certificateNumber.isEmpty else { return .text("名录中有此人（\(o.bodyName)），尚无执法证", class: "muted") }
            let when = p.certifiedAfter ? "考试后发证" : "考试前已持证"
            return .text("\(o.certificateNumber)（\(o.bodyName)，\(o.certificateIssuedOn)发证，\(when)）")
        }

        /// Each qualified person and the 执法证 the 名录 holds for them.
        func qualified() -> HTML {
            let q = model.q
            guard q.kind.qualifies != nil, !q.entries.isEmpty else { return "" }
            let table = DataTable(
                id: "ledger-qualified",
                columns: [.init(q.kind.dateLabel), .init("姓名"), .init("成绩", numeric: true), .init("执法证")],
                rows: q.qualified.map { p in
                    [
                        .text(p.entry.on.description), .text(p.name),
                        DataTable.Cell("\(Yuan.number(p.score))", sort: String(p.score), class: "num"),
                        certificateCell(p),
                    ]
                }, empty: "没有考试合格的人员。"
            ).render()
            let issued = QualifiedOfficer.certified(q.qualified)
            return """
                <h2>合格人员领证情况</h2>
                <p class="muted">考试合格\(Set(q.qualified.map { $0.officer?.id.uuidString ?? $0.name }).count)人，其中\(issued)人已在执法人员名录中登记考试后发放的执法证（按身份证号——未写的按姓名——在本级政府各单位的执法人员名录中查找；同一人合格两次算一人）。</p>
                \(table)
                """
        }

        /// Counts a long field stands for in the list (参训 12人, 参考 28人).
        var summaryColumns: [DataTable.Column] {
            model.q.kind.fields.compactMap { f in
                switch f.kind {
                case .certificates, .scores: .init("\(f.label)（人）", numeric: true)
                default: nil
                }
            }
        }

        func summary(_ e: LedgerEntry) -> [DataTable.Cell] {
            model.q.kind.fields.compactMap { f in
                switch f.kind {
                case .certificates, .scores: .number(e.lines(f.id).count)
                default: nil
                }
            }
        }

        func form() -> HTML {
            let m = model, q = model.q, kind = q.kind
            guard !q.units.isEmpty else { return "" }
            let e = m.editing
            let changing = e.map { $0.version > 0 } ?? false
            let units = q.units.map { InputField.Choice($0.id.uuidString, $0.name) }
            let unit = e?.unitID ?? (q.units.contains { $0.id == m.own } ? m.own : q.units[0].id)
            let fields = HTML.join(
                kind.fields.map { f in
                    FormField(
                        id: f.id, name: f.id, label: f.label + (f.unit.map { "（\($0)）" } ?? ""), kind: f.formKind,
                        value: e?[f.id], required: f.required, hint: f.hint
                    ).render()
                })
            let hidden: HTML =
                changing
                ? "<input type=\"hidden\" name=\"entry\" value=\"\(e?.id.uuidString ?? "")\"><input type=\"hidden\" name=\"version\" value=\"\(e?.version ?? 0)\">"
                : ""
            return """
                <h2 id="ledger-form-title">\(changing ? "修改此条记录" : "登记")</h2>\(PostForm(
                    action: SitePath.ledger(kind: kind.id, year: nil).path, id: "ledger-form", csrf: m.csrf,
                    content: """
                        \(hidden)
                        \(FormField(id: "unit", name: "unit", label: "单位", kind: .choice(units), value: unit.uuidString, required: true).render())
                        \(FormField(id: "on", name: "on", label: kind.dateLabel, kind: .date, value: (e?.on ?? q.today).description, required: true, latest: kind.dateMayBeAhead ? nil : q.today.description).render())
                        \(fields)
                        """,
                    submit: changing ? "保存修改" : "登记"
                ).render())
                """
        }
    }
}

extension LedgerField {
    var isNumber: Bool {
        if case .number = kind { return true }
        return false
    }

    /// The form input a field takes.
    var formKind: FormField.Kind {
        switch kind {
        case .text: .text
        case .paragraph: .longText
        case .lines, .certificates, .scores: .list
        case .number: .number
        case .choice(let choices): .choice(choices.map { InputField.Choice($0.value, $0.label) })
        }
    }
}
