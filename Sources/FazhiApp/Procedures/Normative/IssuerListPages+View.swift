import FazhiCore
import FazhiStore
import Foundation

enum IssuerListViews {
    static func portal(_ entries: [OrganisationLists.Entry], names: [UUID: String]) -> HTML {
        let rows = HTML.join(
            entries.enumerated().map { i, e in
                "<tr><td class=\"num\">\(i + 1)</td><td>\(names[e.organisationID] ?? "")</td><td>\(e.listedOn)</td><td>\(e.basis)</td></tr>"
                    as HTML
            })
        return """
            <p>只有列入清单的机关可以制发行政规范性文件；严禁以部门内设机构名义制发行政规范性文件（国办发〔2018〕37号）。<a href="/documents">行政规范性文件库</a></p>
            <div class="table-wrap"><table class="data" id="issuers"><thead><tr><th>序号</th><th>制定主体</th><th>列入日期</th><th>依据</th></tr></thead><tbody>\(rows)</tbody></table></div>
            \(entries.isEmpty ? HTML("<p class=\"muted\">本级人民政府尚未公布制定主体清单。</p>") : "")
            """
    }

    static func console(
        _ entries: [OrganisationLists.Entry], names: [UUID: String], editable: Bool, error: String?, csrf: String
    ) -> HTML {
        let listed = Set(entries.map(\.organisationID))
        let rows = HTML.join(
            entries.map { e in
                let remove: HTML =
                    editable
                    ? "<form method=\"post\" action=\"\(SitePath.normativeIssuers.path)\" class=\"inline\"><input type=\"hidden\" name=\"_csrf\" value=\"\(csrf)\"><input type=\"hidden\" name=\"organisation\" value=\"\(e.organisationID.uuidString)\"><input type=\"hidden\" name=\"listed\" value=\"0\"><input name=\"basis\" required maxlength=\"200\" placeholder=\"移出依据\" aria-label=\"移出依据\"><button type=\"submit\">移出</button></form>"
                    : ""
                return
                    "<tr><td>\(names[e.organisationID] ?? "")</td><td>\(e.listedOn)</td><td>\(e.basis)</td><td>\(remove)</td></tr>"
                    as HTML
            })
        let options = HTML.join(
            names.filter { !listed.contains($0.key) }.sorted { $0.value < $1.value }.map {
                "<option value=\"\($0.key.uuidString)\">\($0.value)</option>" as HTML
            })
        let add: HTML =
            editable
            ? """
            <form method="post" action="\(SitePath.normativeIssuers.path)" class="card form" id="add-issuer"><input type="hidden" name="_csrf" value="\(csrf)"><input type="hidden" name="listed" value="1">
            <label for="organisation">列入清单的机关</label><select id="organisation" name="organisation" required><option value="">请选择</option>\(options)</select>
            <label for="basis">依据（如县政府公布清单的文号）</label><input id="basis" name="basis" required maxlength="200"><button type="submit">列入清单</button></form>
            """
            : ""
        return """
            <p>清单公布后，不在清单内的机关不能登记规范性文件草案（国办发〔2018〕37号）。清单尚未公布的，不作限制。门户网站公开：<a href="/documents/issuers">制定主体清单</a></p>
            \(Views.flash(error, error: true))
            <div class="table-wrap"><table class="data" id="issuer-list"><thead><tr><th>制定主体</th><th>列入日期</th><th>依据</th><th></th></tr></thead><tbody>\(rows)</tbody></table></div>
            \(add)
            """
    }
}
