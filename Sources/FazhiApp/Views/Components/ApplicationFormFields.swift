import FazhiCore
import Foundation

/// The fields of the portal's application forms, each with its label, the required mark and the invalid state.
struct ApplicationFormFields {
    let values: [String: String]
    /// The field a refusal named.
    let invalid: String?

    func value(_ k: String) -> String { values[k] ?? "" }
    func bad(_ k: String) -> HTML { HTML(raw: invalid == k ? " aria-invalid=\"true\" class=\"invalid\"" : "") }

    func text(_ k: String, _ label: String, required: Bool = true, type: String = "text", hint: String = "") -> HTML {
        """
        <label for="\(k)">\(label)\(HTML(raw: required ? "<span class=\"req\">*</span>" : ""))</label><input id="\(k)" name="\(k)" type="\(type)" value="\(value(k))" maxlength="200"\(HTML(raw: required ? " required" : ""))\(bad(k))>\(hint.isEmpty ? "" : HTML("<small>\(hint)</small>"))
        """
    }

    func textarea(_ k: String, _ label: String, maxLength: Int = 2000) -> HTML {
        "<label for=\"\(k)\">\(label)<span class=\"req\">*</span></label><textarea id=\"\(k)\" name=\"\(k)\" rows=\"4\" maxlength=\"\(maxLength)\" required\(bad(k))>\(value(k))</textarea>"
    }

    func select(_ k: String, _ label: String, _ options: [(String, String)]) -> HTML {
        let opts = HTML.join(
            options.map {
                "<option value=\"\($0.0)\"\(HTML(raw: value(k) == $0.0 ? " selected" : ""))>\($0.1)</option>"
            })
        return
            "<label for=\"\(k)\">\(label)<span class=\"req\">*</span></label><select id=\"\(k)\" name=\"\(k)\" required\(bad(k))><option value=\"\">请选择</option>\(opts)</select>"
    }

    /// The hidden CSRF token and the submission key that makes a form sent twice file once.
    func hidden(csrf: String) -> HTML {
        let key = value("submissionKey").isEmpty ? UUID().uuidString : value("submissionKey")
        return
            "<input type=\"hidden\" name=\"_csrf\" value=\"\(csrf)\"><input type=\"hidden\" name=\"submissionKey\" value=\"\(key)\">"
    }

    /// The lookup form: tracking number and secret, posted to `action`.
    /// The answer on a status page: the document as text and its .docx, fetched again with the number and secret.
    static func answerCard(
        _ answer: DocumentText?, action: String, number: String, secret: String, csrf: String
    ) -> HTML {
        answer.map { a in
            """
            <h2>答复</h2><div class="card document" id="answer">\(DocumentView.render(a))
            <form method="post" action="\(action)"><input type="hidden" name="_csrf" value="\(csrf)"><input type="hidden" name="number" value="\(number)"><input type="hidden" name="secret" value="\(secret)"><input type="hidden" name="download" value="answer"><button type="submit">下载\(a.kind.chineseName)（.docx）</button></form></div>
            """
        } ?? ""
    }

    static func statusForm(action: String, number: String, error: String?, csrf: String) -> HTML {
        """
        \(Views.flash(error, error: true))
        <form method="post" action="\(action)" class="card form" id="status-form"><input type="hidden" name="_csrf" value="\(csrf)">
        <label for="number">查询编号</label><input id="number" name="number" value="\(number)" maxlength="40" required>
        <label for="secret">查询码</label><input id="secret" name="secret" type="password" maxlength="40" required autocomplete="off">
        <button type="submit">查询</button></form>
        """
    }
}
