import FazhiCore
import FazhiStore
import Foundation

/// The 清理 worksheet and the published results.
enum CleanupViews {
    static func worksheet(_ m: CleanupPages.Worksheet.Model) -> HTML {
        let options = { (selected: String) -> HTML in
            HTML.join(
                ([("", "请选择")] + Normative.cleanupConclusions.map { ($0.value, $0.label) }).map { v in
                    "<option value=\"\(v.0)\"\(HTML(raw: v.0 == selected ? " selected" : ""))>\(v.1)</option>" as HTML
                })
        }
        let rows = HTML.join(
            m.lines.enumerated().map { i, l -> HTML in
                let id = l.id.uuidString
                let conclusion: HTML =
                    m.editable
                    ? "<select name=\"c_\(id)\" aria-label=\"\(l.title)的清理结论\">\(options(l.conclusion))</select>"
                    : "\(Normative.label(l.conclusion, in: Normative.cleanupConclusions))"
                let reason: HTML =
                    m.editable
                    ? "<input name=\"r_\(id)\" value=\"\(l.reason)\" maxlength=\"500\" aria-label=\"\(l.title)的理由\">"
                    : "\(l.reason)"
                return
                    "<tr><td class=\"num\">\(i + 1)</td><td class=\"mono\">\(l.number)</td><td>\(l.title)</td><td>\(l.effectiveOn)</td><td>\(l.validUntil)</td><td>\(conclusion)</td><td>\(reason)</td></tr>"
            })
        let table: HTML =
            "<div class=\"table-wrap\"><table class=\"data\" id=\"worksheet\"><thead><tr><th>序号</th><th>文号</th><th>文件名称</th><th>施行日期</th><th>有效期至</th><th>清理结论</th><th>理由（修改、废止、宣布失效的必填）</th></tr></thead><tbody>\(rows)</tbody></table></div>"
        let back = SitePath.caseFile(m.caseID).path
        return """
            <p><a href="\(back)">返回清理案卷</a> · 《\(m.title)》：本机关现行有效的文件 <b>\(m.lines.count)</b> 件，应当逐件作出结论（国办发〔2018〕37号）。已保存：\(m.summary)。集体审议前须每件都有结论；公布后，废止、宣布失效的文件自公布之日起失效。</p>
            \(Views.flash(m.error, error: true))
            \(m.editable ? HTML("<form method=\"post\" action=\"\(back)/cleanup\" class=\"card\" id=\"cleanup-form\"><input type=\"hidden\" name=\"_csrf\" value=\"\(m.csrf)\"><input type=\"hidden\" name=\"_version\" value=\"\(m.version)\">\(table)<button type=\"submit\">保存清理结论</button></form>") : table)
            """
    }

    static func list(_ cleanups: [(CaseFile, String)]) -> HTML {
        let rows = HTML.join(
            cleanups.map { f, issuer -> HTML in
                let lines = f.facts.list(NormativeCleanupFact.conclusions).compactMap(Normative.CleanupLine.init)
                return
                    "<tr><td><a href=\"/documents/cleanups/\(f.id.uuidString)\">\(f.facts[NormativeCleanupFact.title] ?? "")</a></td><td>\(issuer)</td><td>\(f.facts[NormativeCleanupFact.decidedOn]?.description ?? "")</td><td>\(Normative.cleanupSummary(lines))</td></tr>"
            })
        return """
            <p>各机关对现行有效的规范性文件逐件清理、经集体审议后公布的结果。<a href="/documents">行政规范性文件库</a></p>
            <div class="table-wrap"><table class="data" id="cleanups"><thead><tr><th>清理</th><th>制定机关</th><th>公布日期</th><th>结果</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
    }

    static func result(
        _ f: CaseFile, issuer: String, lines: [Normative.CleanupLine], rows: [UUID: NormativeLibraryStore.Row]
    ) -> HTML {
        let body = HTML.join(
            lines.enumerated().map { i, l -> HTML in
                let r = rows[l.document]
                let title: HTML =
                    r.map { "<a href=\"/documents/\(l.document.uuidString)\">\($0.title)</a>" } ?? "（未公布的文件）"
                return
                    "<tr><td class=\"num\">\(i + 1)</td><td class=\"mono\">\(r?.number ?? "")</td><td>\(title)</td><td>\(l.label)</td><td>\(l.reason)</td></tr>"
            })
        return """
            <p>\(issuer) · 经\(Normative.label(f.facts[NormativeCleanupFact.meetingKind], in: Normative.meetingKinds))（\(f.facts[NormativeCleanupFact.meetingOn]?.description ?? "")）审议 · \(f.facts[NormativeCleanupFact.decidedOn]?.description ?? "")公布 · <b>\(Normative.cleanupSummary(lines))</b></p>
            <p>清理的原因和依据：\(f.facts[NormativeCleanupFact.basis] ?? "")</p>
            <div class="table-wrap"><table class="data" id="cleanup-result"><thead><tr><th>序号</th><th>文号</th><th>文件名称</th><th>清理结论</th><th>理由</th></tr></thead><tbody>\(body)</tbody></table></div>
            """
    }
}
