import FazhiCore
import FazhiStore
import Foundation

/// 裁量基准 pages (行政处罚法 第三十四条) and the registries' import and export page.
enum BenchmarkViews {
    /// The form that adds a 裁量基准 or revises one (a new version): the item, the articles, the measure, and a row per tier.
    static func form(values v: [String: String], revising: Bool, csrf: String) -> HTML {
        func field(_ k: String, _ label: String, hint: String = "", mode: String = "") -> HTML {
            "<label for=\"\(k)\">\(label)</label><input id=\"\(k)\" name=\"\(k)\" value=\"\(v[k] ?? "")\"\(HTML(raw: mode.isEmpty ? "" : " inputmode=\"\(mode)\""))\(HTML(raw: hint.isEmpty ? "" : " placeholder=\"\(HTML.escape(hint))\""))>"
        }
        let rows = DiscretionTierKind.allCases.map { kind -> HTML in
            let k = kind.rawValue
            let basis = HTML.join(
                FineBasis.allCases.map {
                    "<option value=\"\($0.rawValue)\"\(HTML(raw: (v["\(k).basis"] ?? "none") == $0.rawValue ? " selected" : ""))>\($0.chineseName)</option>"
                })
            let bracket: HTML =
                kind.isGraded
                ? "<input name=\"\(k).from\" value=\"\(v["\(k).from"] ?? "")\" inputmode=\"decimal\" aria-label=\"\(kind.chineseName)区间下限\" class=\"num\"> 至 <input name=\"\(k).to\" value=\"\(v["\(k).to"] ?? "")\" inputmode=\"decimal\" aria-label=\"\(kind.chineseName)区间上限\" class=\"num\" placeholder=\"不设上限\">"
                : "—"
            return """
                <tr><td class="nowrap"><label class="inline"><input type="checkbox" name="\(k).on"\(HTML(raw: v["\(k).on"] == "on" ? " checked" : ""))> \(kind.chineseName)</label></td>
                <td><textarea name="\(k).circumstances" rows="2" aria-label="\(kind.chineseName)适用情形">\(v["\(k).circumstances"] ?? "")</textarea></td><td class="nowrap">\(bracket)</td>
                <td class="nowrap"><select name="\(k).basis" aria-label="\(kind.chineseName)罚款方式">\(basis)</select>
                <input name="\(k).min" value="\(v["\(k).min"] ?? "")" inputmode="decimal" class="num" aria-label="\(kind.chineseName)罚款下限"> 至 <input name="\(k).max" value="\(v["\(k).max"] ?? "")" inputmode="decimal" class="num" aria-label="\(kind.chineseName)罚款上限"></td>
                <td><input name="\(k).other" value="\(v["\(k).other"] ?? "")" aria-label="\(kind.chineseName)其他处罚" placeholder="警告、没收违法所得"></td></tr>
                """
        }
        let codeField: HTML =
            revising
            ? "<input type=\"hidden\" name=\"code\" value=\"\(v["code"] ?? "")\"><input type=\"hidden\" name=\"revising\" value=\"1\"><p>基准编号：<span class=\"mono\">\(v["code"] ?? "")</span>（保存后形成新版本，原版本仍可查阅）</p>"
            : field("code", "基准编号", hint: "如 QH-CF-013")
        return """
            <form method="post" action="\(SitePath.benchmarks.path)" class="card" id="benchmark-form"><input type="hidden" name="_csrf" value="\(csrf)">\(codeField)
            <div class="grid2"><div>\(field("powerItemCode", "对应行政处罚事项编码", hint: "如 339901-CF-00012"))</div><div>\(field("effectiveOn", "施行日期", hint: "2026-12-01"))</div>
            <div>\(field("violatedArticle", "违反条款"))</div><div>\(field("penaltyArticle", "处罚依据"))</div>
            <div>\(field("measure", "裁量因素（据以分档，如货值金额）"))</div><div>\(field("measureUnit", "裁量因素单位（元、次、平方米）"))</div>
            <div class="wide">\(field("violation", "违法行为"))</div></div>
            <label class="inline"><input type="checkbox" name="firstViolationExempt"\(HTML(raw: v["firstViolationExempt"] == "on" ? " checked" : ""))> 列入包容免罚清单（首违不罚，行政处罚法 第三十三条第一款）</label>
            <h2>裁量档次</h2><p class="hint">勾选适用的档次。从轻、一般、从重按裁量因素分档：各档区间首尾相接（下限含、上限不含），最后一档不设上限。</p>
            <div class="table-wrap"><table class="form-table"><thead><tr><th>档次</th><th>适用情形</th><th>裁量因素区间</th><th>罚款</th><th>其他处罚（用顿号分隔）</th></tr></thead><tbody>\(rows)</tbody></table></div>
            <button type="submit">\(revising ? "保存为新版本" : "保存")</button></form>
            """
    }

    static func benchmark(
        _ b: DiscretionBenchmark, version: Int, effectiveOn: String, versions: Int, canRevise: Bool, outcome: HTML,
        csrf: String
    ) -> HTML {
        let mitigating = HTML.join(
            MitigatingCircumstance.allCases.map {
                "<label><input type=\"checkbox\" name=\"mitigating[]\" value=\"\($0.rawValue)\"> \($0.chineseName)</label>"
            })
        return """
            <dl class="card facts"><dt>违法行为</dt><dd>\(b.violation)</dd><dt>违反条款</dt><dd>\(b.violatedArticle)</dd><dt>处罚依据</dt><dd>\(b.penaltyArticle)</dd>
            <dt>对应事项</dt><dd><a href="/console/powers/\(b.powerItemCode)">\(b.powerItemCode)</a></dd><dt>包容免罚清单</dt><dd>\(b.firstViolationExempt ? "已列入" : "未列入")</dd>
            <dt>版本</dt><dd>第\(version)版，\(effectiveOn)起施行\(versions > 1 ? "（共 \(versions) 版）" : "")</dd></dl>
            \(canRevise ? HTML("<p><a class=\"button\" href=\"/console/benchmarks/\(b.code)/edit\">修订（形成新版本）</a></p>") : "")
            \(RegistryViews.tiersTable(b))
            <h2>裁量试算</h2>\(outcome)
            <form method="post" action="/console/benchmarks/\(b.code)/compute" class="card"><input type="hidden" name="_csrf" value="\(csrf)"><div class="grid2">
            <div><label for="measureValue">\(b.measure ?? "裁量因素")（\(b.measureUnit ?? "")）</label><input id="measureValue" name="measureValue" inputmode="decimal"></div>
            <div><label for="goodsValue">货值金额（元）</label><input id="goodsValue" name="goodsValue" inputmode="decimal"></div>
            <div><label for="illegalGains">违法所得（元）</label><input id="illegalGains" name="illegalGains" inputmode="decimal"></div>
            <div><label for="age">当事人违法时年龄（自然人）</label><input id="age" name="age" inputmode="numeric"></div></div>
            <label><input type="checkbox" name="minor"> 违法行为轻微并及时改正，没有造成危害后果（第三十三条第一款）</label>
            <label><input type="checkbox" name="firstViolation"> 初次违法且危害后果轻微并及时改正（首违不罚）</label>
            <label><input type="checkbox" name="noFault"> 当事人有证据足以证明没有主观过错（第三十三条第二款）</label>
            <fieldset><legend>应当从轻或者减轻的情形（第三十二条）</legend>\(mitigating)</fieldset>
            <label><input type="checkbox" name="emergency"> 突发事件期间违反应对措施（第四十九条）</label>
            <button type="submit">试算</button></form>
            """
    }

    static func list(_ list: [StoredBenchmark], query q: String, canPublish: Bool) -> HTML {
        let table = DataTable(
            columns: ["基准编号", "违法行为", "对应事项", "版本", "施行日期"].map { .init($0) },
            rows: list.map { s in
                [
                    DataTable.Cell("<a href=\"/console/benchmarks/\(s.code)\">\(s.code)</a>", class: "mono"),
                    .text(s.violation), .text(s.powerItemCode, class: "mono"),
                    .text("第\(s.version)版"), .text(s.effectiveOn),
                ]
            }, empty: "没有符合条件的裁量基准。"
        ).render()
        return """
            <form method="get" action="\(SitePath.benchmarks.path)" class="card search"><label for="q">违法行为或条款</label><input id="q" name="q" value="\(q)"><button type="submit">查询</button></form>
            <p>现行基准 \(list.count) 项。\(canPublish ? HTML("<a class=\"button\" href=\"/console/benchmarks/new\">新增裁量基准</a> ") : "")也可 <a href="\(SitePath.importExport.path)">批量导入</a>（每次保存或导入形成新版本）；<a href="/console/export/benchmarks.xlsx">导出 Excel</a>。</p>
            \(table)
            """
    }

    /// The result of a 裁量 trial: the tier, the range, the reasons and the articles.
    static func outcome(_ o: DiscretionOutcome) -> HTML {
        let amount =
            o.fineMinimumYuan.map { lo in "罚款 \(Yuan.text(lo)) 至 \(Yuan.text(o.fineMaximumYuan ?? lo)) 元" } ?? ""
        return """
            <div class="card outcome" id="outcome"><p>建议档次：<b>\(o.tier.chineseName)</b>（\(o.mandatory ? "法定应当适用" : "可以适用")）\(o.permittedTiers.count > 1 ? "；依法可选：\(o.permittedTiers.map(\.chineseName).joined(separator: "、"))" : "")</p>
            <p>\(amount)\(o.range.map { $0.otherPenalties.isEmpty ? "" : "；\($0.otherPenalties.joined(separator: "、"))" } ?? "")</p>
            <ul>\(HTML.join(o.reasons.map { "<li>\($0)</li>" }))</ul><p class="article">依据：\(o.articles.joined(separator: "；"))</p></div>
            """
    }

    static func importForm(kind: String?, csrf: String) -> HTML {
        let kinds = [("officers", "执法人员"), ("power-list", "权责清单"), ("benchmarks", "裁量基准")]
        return """
            <form method="post" action="\(SitePath.importExport.path)" enctype="multipart/form-data" class="card" id="import-form"><input type="hidden" name="_csrf" value="\(csrf)">
            <label for="kind">导入内容</label><select id="kind" name="kind">\(HTML.join(kinds.map { "<option value=\"\($0.0)\"\(HTML(raw: kind == $0.0 ? " selected" : ""))>\($0.1)</option>" }))</select>
            <label for="file">文件（.xlsx 或 UTF-8 编码的 .csv）</label><input id="file" name="file" type="file" accept=".xlsx,.csv" required>
            <fieldset><legend>有错误行时</legend>
            <label><input type="radio" name="mode" value="all" checked> 全部不导入（先修正文件）</label>
            <label><input type="radio" name="mode" value="valid_rows"> 只导入无误的行</label>
            <label><input type="radio" name="mode" value="check"> 只检查，不导入</label></fieldset>
            <button type="submit">上传并检查</button></form>
            <h2>模板与导出</h2><div class="table-wrap"><table class="data"><thead><tr><th>内容</th><th>导入模板</th><th>导出现有数据</th></tr></thead><tbody>
            \(HTML.join(kinds.map { "<tr><td>\($0.1)</td><td><a href=\"/templates/\($0.0).xlsx\">下载模板</a></td><td><a href=\"/console/export/\($0.0).xlsx\">Excel</a> · <a href=\"/console/export/\($0.0).csv\">CSV</a></td></tr>" }))
            </tbody></table></div>
            """
    }

    static func report(_ r: ImportReport, mode: ImportMode, filename: String) -> HTML {
        let summary: String
        if r.problems.isEmpty {
            summary = mode == .check ? "检查通过：\(r.rows) 行均无误，尚未导入。" : "已导入 \(r.imported) 行，全部成功。"
        } else if r.imported > 0 {
            summary = "已导入无误的 \(r.imported) 行；\(r.badRows) 行有问题未导入，见下表。"
        } else {
            summary =
                "发现 \(r.problems.count) 个问题（\(r.badRows) 行），\(mode == .check ? "仅检查" : "未导入任何数据")。请修正后重新上传，或选择“只导入无误的行”。"
        }
        let rows = r.problems.map { "<tr><td>\($0.row)</td><td>\($0.column)</td><td>\($0.message)</td></tr>" as HTML }
        return """
            <div class="card" id="import-report"><p>文件：\(filename)</p><p class="\(HTML(raw: r.problems.isEmpty ? "ok" : "error"))" id="import-summary">\(summary)</p>
            \(r.problems.isEmpty ? "" : HTML("<div class=\"table-wrap\"><table class=\"data\" id=\"import-problems\"><thead><tr><th>行</th><th>列</th><th>问题</th></tr></thead><tbody>\(rows)</tbody></table></div>"))</div>
            """
    }
}
