import FazhiCore
import FazhiStore
import Foundation

/// The portal's 文件库 views: the list as of a day, one document with the text in force on the day and its versions, and
/// the changes between two versions.
enum NormativeViews {}

extension NormativeLibraryPage {
    struct View {
        let model: Model
        let formats: HTML

        func render() -> HTML {
            let m = model, day = m.query.day
            let table = DataTable(
                id: "documents",
                columns: ["文号", "文件名称", "制定机关", "公布日期", "施行日期", "有效期至", "状态"].map { .init($0) },
                rows: m.rows.map { r in
                    let standing = r.standing(on: day)
                    return [
                        .text(r.number, class: "mono"),
                        DataTable.Cell(
                            "<a href=\"/documents/\(r.id.uuidString)?date=\(day.description)\">\(r.title)</a>\(r.amendedOn.map { " <span class=\"muted\">（\($0)修改）</span>" as HTML } ?? "")"
                        ),
                        .text(m.names[r.bodyID] ?? ""), .text(r.publishedOn), .text(r.effectiveOn), .text(r.validUntil),
                        DataTable.Cell(standing == "现行有效" ? "\(standing)" : "<span class=\"muted\">\(standing)</span>"),
                    ]
                }, empty: "没有符合条件的规范性文件。"
            ).render()
            let options = HTML.join(
                ([("", "全部")] + NormativeLibraryStore.standings.map { ($0, $0) }).map { v in
                    "<option value=\"\(v.0)\"\(m.query.standing == v.0 || (m.query.standing == nil && v.0.isEmpty) ? " selected" : "")>\(v.1)</option>"
                        as HTML
                })
            let pager = Pager(
                page: m.page, pageSize: NormativeLibrary.pageSize, total: min(m.total, NormativeLibrary.countCap),
                base: m.base
            ).render()
            return """
                <form method="get" action="/documents" class="card search"><label for="q">文号、名称或正文中的词</label><input id="q" name="q" value="\(m.query.text)" maxlength="50">
                <label for="standing">状态</label><select id="standing" name="standing">\(options)</select>
                <label for="date">截至日期</label><input id="date" name="date" type="date" value="\(day.description)"><button type="submit">查询</button></form>
                <p id="library-summary">截至 <b>\(day.description)</b>，符合条件的已公布行政规范性文件 <b>\(m.total > NormativeLibrary.countCap ? "\(NormativeLibrary.countCap) 件以上" : "\(m.total) 件")</b>。未经公布的规范性文件，不得作为行政管理依据（《优化营商环境条例》第六十四条第二款）。\(formats)</p>
                \(table)
                \(pager)
                <p class="muted" id="library-links"><a href="/consultations">公开征求意见</a> · <a href="/documents/cleanups">清理结果</a> · <a href="/documents/issuers">制定主体清单</a> · <a href="/documents/suggest">提出审查建议</a> · <a href="/documents/suggest/status">审查建议查询</a></p>
                """
        }
    }
}

/// One document as it stood on a day: its standing, dates, the text in force then, and every published version.
enum NormativeDocumentPage {
    struct Model {
        let file: CaseFile
        let day: CivilDate
        let issuer: String
        /// The issued versions published by the day.
        let versions: [Normative.TextVersion]

        var inForce: Normative.TextVersion? { Normative.textInForce(file, on: day) }
        var json: [String: AnyEncodable] {
            let f = file.facts
            return [
                "id": AnyEncodable(file.id), "number": AnyEncodable(f[NormativeFact.documentNumber]),
                "title": AnyEncodable(f[NormativeFact.title]), "issuer": AnyEncodable(issuer),
                "asOf": AnyEncodable(day.description), "standing": AnyEncodable(Normative.standing(f, on: day)),
                "textInForce": AnyEncodable(inForce), "versions": AnyEncodable(versions),
            ]
        }
    }

    struct View {
        let model: Model

        func render() -> HTML {
            let f = model.file.facts, day = model.day
            let last = Normative.lastText(model.file, on: day)
            let shown = model.inForce ?? last ?? model.versions.first
            let caption: HTML =
                model.inForce.map {
                    "<h2>\(day.description) 适用的文本（\($0.label)，\($0.effectiveOn?.description ?? "")起施行）</h2>"
                }
                ?? (last.map { "<h2>\(day.description) 已不再有效；以下为失效前最后适用的文本（\($0.label)）</h2>" }
                    ?? "<h2>正文（\(day.description) 尚未施行）</h2>")
            let rows = HTML.join(
                model.versions.map { v in
                    let compare: HTML =
                        v.number == model.versions.first?.number
                        ? ""
                        : "<a href=\"/documents/\(model.file.id.uuidString)/changes?from=\(model.versions.first!.number)&to=\(v.number)&date=\(day.description)\">与印发文本比较</a>"
                    return
                        "<tr><td>\(v.label)</td><td class=\"mono\">\(v.documentNumber ?? "")</td><td>\(v.on.description)</td><td>\(v.publishedOn?.description ?? "")</td><td>\(v.effectiveOn?.description ?? "")</td><td>\(compare)</td></tr>"
                        as HTML
                })
            return """
                <dl class="card facts"><dt>文号</dt><dd>\(f[NormativeFact.documentNumber] ?? "")</dd><dt>制定机关</dt><dd>\(model.issuer)</dd>
                <dt>状态（\(day.description)）</dt><dd id="standing"><b>\(Normative.standing(f, on: day))</b></dd>
                <dt>签发日期</dt><dd>\(f[NormativeFact.signedOn]?.description ?? "")</dd><dt>公布日期</dt><dd>\(f[NormativeFact.publishedOn]?.description ?? "")</dd>
                <dt>施行日期</dt><dd>\(f[NormativeFact.effectiveOn]?.description ?? "")</dd><dt>有效期至</dt><dd>\(f[NormativeFact.expiresOn]?.adding(days: -1).description ?? "")</dd>
                \(f[NormativeFact.endedOn].map { "<dt>废止或者失效</dt><dd>\($0.description)</dd>" as HTML } ?? "")</dl>
                <section class="card" id="text">\(caption)\(paragraphs(shown?.text ?? ""))</section>
                <section class="card"><h2>版本</h2><div class="table-wrap"><table class="data" id="versions"><thead><tr><th>版本</th><th>文号</th><th>签发</th><th>公布</th><th>施行</th><th></th></tr></thead><tbody>\(rows)</tbody></table></div>
                <form method="get" action="/documents/\(model.file.id.uuidString)"><label for="asof">查看某日适用的文本</label><input id="asof" type="date" name="date" value="\(day.description)"><button type="submit">查看</button></form></section>
                <section class="card"><h2>政策解读</h2>\(paragraphs(f[NormativeFact.interpretation] ?? ""))</section>
                <p class="muted">认为本文件违反法律、法规、规章的，可以 <a href="/documents/suggest?document=\(model.file.id.uuidString)" id="suggest">提出审查建议</a>。</p>
                """
        }
    }

    static func paragraphs(_ text: String) -> HTML {
        HTML.join(TextDiff.lines(text).map { "<p>\($0)</p>" as HTML })
    }

    static func changes(
        id: UUID, from a: Normative.TextVersion, to b: Normative.TextVersion, lines: [TextDiff.Line], day: CivilDate
    ) -> HTML {
        let rows = HTML.join(
            lines.map { line -> HTML in
                switch line {
                case .same(let t): return "<tr><td class=\"muted\">未变</td><td>\(t)</td><td>\(t)</td></tr>"
                case .removed(let t): return "<tr class=\"removed\"><td>删除</td><td><del>\(t)</del></td><td></td></tr>"
                case .added(let t): return "<tr class=\"added\"><td>新增</td><td></td><td><ins>\(t)</ins></td></tr>"
                case .changed(let from, let to):
                    return "<tr class=\"changed\"><td>修改</td><td><del>\(from)</del></td><td><ins>\(to)</ins></td></tr>"
                }
            })
        let changed = lines.filter(\.isChange).count
        return """
            <p><a href="/documents/\(id.uuidString)?date=\(day.description)">返回文件</a> · \(a.label)（\(a.documentNumber ?? "")，\(a.effectiveOn?.description ?? "")起施行）与 \(b.label)（\(b.documentNumber ?? "")，\(b.effectiveOn?.description ?? "")起施行）相比，变化 <b id="change-count">\(changed)</b> 处。</p>
            <div class="table-wrap"><table class="data diff fixed-order" id="changes"><thead><tr><th></th><th>\(a.label)</th><th>\(b.label)</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
    }
}

extension NormativeViews {
    static func importPage(report: NormativeImport.Report?, error: String?, csrf: String) -> HTML {
        let problems = HTML.join(
            (report?.problems ?? []).map {
                "<tr><td class=\"num\">\($0.row)</td><td>\($0.column)</td><td>\($0.message)</td></tr>" as HTML
            })
        let result: HTML =
            report.map { r in
                r.problems.isEmpty
                    ? "<p class=\"flash ok\" id=\"import-result\">已导入 \(r.imported) 件规范性文件。</p>"
                    : "<table class=\"data\" id=\"import-problems\"><thead><tr><th>行</th><th>列</th><th>问题</th></tr></thead><tbody>\(problems)</tbody></table>"
            } ?? ""
        return """
            <p>本系统启用前印发的规范性文件，按模板每行一件导入（<a href="/console/normative/import/template.xlsx">下载模板</a>）：文号、名称、文种、签发、公布、施行日期、有效期至（不填的按本地规定）和正文。有任何一行有问题时全部不导入，并逐行列明问题。</p>
            \(Views.flash(error, error: true))
            <form method="post" action="/console/normative/import" enctype="multipart/form-data" class="card form" id="import-form"><input type="hidden" name="_csrf" value="\(csrf)">
            <label for="file">文件（.xlsx 或 .csv）</label><input id="file" name="file" type="file" accept=".xlsx,.csv" required><button type="submit">导入</button></form>
            \(result)
            """
    }
}
