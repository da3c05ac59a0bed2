import FazhiCore
import Foundation

/// The portal's 文件库: the list as of a day, and one document with its standing, dates and text.
enum NormativeViews {
    static func library(_ rows: [NormativeLibrary.Row], day: CivilDate, query q: String) -> HTML {
        let table = DataTable(
            id: "documents", columns: ["文号", "文件名称", "制定机关", "公布日期", "施行日期", "有效期至", "状态"].map { .init($0) },
            rows: rows.map { r in
                [
                    .text(r.number, class: "mono"),
                    DataTable.Cell("<a href=\"/documents/\(r.id.uuidString)?date=\(day.description)\">\(r.title)</a>"),
                    .text(r.issuer), .text(r.publishedOn), .text(r.effectiveOn),
                    .text(CivilDate(iso: r.expiresOn)?.adding(days: -1).description ?? ""),
                    DataTable.Cell(
                        r.standing == "现行有效" ? "\(r.standing)" : "<span class=\"muted\">\(r.standing)</span>"),
                ]
            }, empty: "没有符合条件的规范性文件。"
        ).render()
        return """
            <form method="get" action="/documents" class="card search"><label for="q">文件名称或文号</label><input id="q" name="q" value="\(q)" maxlength="50">
            <label for="date">截至日期</label><input id="date" name="date" type="date" value="\(day.description)"><button type="submit">查询</button></form>
            <p>截至 <b>\(day.description)</b>，已公布的行政规范性文件 <b>\(rows.count)</b> 件，其中现行有效 <b>\(rows.filter { $0.standing == "现行有效" }.count)</b> 件。未经公布的规范性文件，不得作为行政管理依据（《优化营商环境条例》第六十四条第二款）。<a href="?format=json&date=\(day.description)">JSON</a></p>
            \(table)
            """
    }

    static func document(_ f: Facts, day: CivilDate) -> HTML {
        """
        <dl class="card facts"><dt>文号</dt><dd>\(f[NormativeFact.documentNumber] ?? "")</dd>
        <dt>状态（\(day.description)）</dt><dd><b>\(Normative.standing(f, on: day))</b></dd>
        <dt>签发日期</dt><dd>\(f[NormativeFact.signedOn]?.description ?? "")</dd><dt>公布日期</dt><dd>\(f[NormativeFact.publishedOn]?.description ?? "")</dd>
        <dt>施行日期</dt><dd>\(f[NormativeFact.effectiveOn]?.description ?? "")</dd><dt>有效期至</dt><dd>\(f[NormativeFact.expiresOn]?.adding(days: -1).description ?? "")</dd>
        \(f[NormativeFact.endedOn].map { "<dt>废止或者失效</dt><dd>\($0.description)</dd>" as HTML } ?? "")</dl>
        <section class="card"><h2>正文</h2>\(HTML.join((f[NormativeFact.finalText] ?? "").components(separatedBy: "\n").map { "<p>\($0)</p>" as HTML }))</section>
        <section class="card"><h2>政策解读</h2><p>\(f[NormativeFact.interpretation] ?? "")</p></section>
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
