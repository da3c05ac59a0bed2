import FazhiCore
import Foundation

/// One form input with its label, by the kind of value it takes (text, long text, number, date, yes/no, one of a list,
/// several items): the one place a form field's markup is written.
struct FormField {
    enum Kind {
        case text, longText, number, date, bool, list
        case choice([InputField.Choice])
        /// One of many registered entries (a body's 权责清单 items): typed into a search box that offers them.
        case search([InputField.Choice])
        /// Several of the values the law lists (the kinds of 第九条), each a box to tick; `value` holds one a line.
        case ticks([String])
    }

    let id: String
    let name: String
    let label: String
    let kind: Kind
    var value: String?
    var required = false
    var hint: String?
    /// The latest date a date field takes (a step cannot be dated after today).
    var latest: String?
    /// Also ask the browser to insist (`required`). Off for procedure steps, whose refusals the server words with the
    /// article; on for plain registry forms.
    var enforced = false
    /// The empty first choice of a select; nil for a select that always has a value.
    var placeholder: String? = "请选择"

    func render() -> HTML {
        let star: HTML = required ? " <span class=\"req\">*</span>" : ""
        let hintText: HTML = hint.map { " <span class=\"muted\">（\($0)）</span>" } ?? ""
        let label: HTML = "<label for=\"\(id)\">\(self.label)\(star)\(hintText)</label>"
        let req: HTML = HTML(raw: enforced ? " required" : "")
        switch kind {
        case .bool:
            return
                "<label class=\"inline\"><input type=\"checkbox\" id=\"\(id)\" name=\"\(name)\"\(HTML(raw: value == "on" ? " checked" : ""))> \(self.label)</label>"
        case .choice(let choices):
            let options = HTML.join(
                choices.map {
                    "<option value=\"\($0.value)\"\(HTML(raw: value == $0.value ? " selected" : ""))>\($0.label)</option>"
                        as HTML
                })
            let first: HTML = placeholder.map { "<option value=\"\">\($0)</option>" } ?? ""
            return "\(label)<select id=\"\(id)\" name=\"\(name)\"\(req)>\(first)\(options)</select>"
        case .search(let choices):
            let options = HTML.join(choices.map { "<option value=\"\($0.value)\">\($0.label)</option>" as HTML })
            return
                "\(label)<input id=\"\(id)\" name=\"\(name)\" list=\"\(id)-options\" value=\"\(value ?? "")\" autocomplete=\"off\" placeholder=\"输入编码或名称查找\"\(req)><datalist id=\"\(id)-options\">\(options)</datalist>"
        case .ticks(let values):
            let chosen = Set((value ?? "").split(separator: "\n").map { String($0) })
            let boxes = HTML.join(
                values.map { v in
                    "<label class=\"inline\"><input type=\"checkbox\" name=\"\(name).\(v)\"\(HTML(raw: chosen.contains(v) ? " checked" : ""))> \(v)</label>"
                })
            return "<fieldset class=\"ticks\" id=\"\(id)\"><legend>\(self.label)\(star)</legend>\(boxes)</fieldset>"
        case .date:
            let max: HTML = latest.map { " max=\"\($0)\"" } ?? ""
            return "\(label)<input id=\"\(id)\" name=\"\(name)\" type=\"date\" value=\"\(value ?? "")\"\(max)\(req)>"
        case .number:
            return "\(label)<input id=\"\(id)\" name=\"\(name)\" inputmode=\"decimal\" value=\"\(value ?? "")\">"
        case .list:
            return "\(label)<textarea id=\"\(id)\" name=\"\(name)\" rows=\"2\">\(value ?? "")</textarea>"
        case .longText:
            return "\(label)<textarea id=\"\(id)\" name=\"\(name)\" rows=\"3\">\(value ?? "")</textarea>"
        case .text:
            return "\(label)<input id=\"\(id)\" name=\"\(name)\" value=\"\(value ?? "")\"\(req)>"
        }
    }
}

/// A set of checkboxes (officers, evidence files) under a legend.
struct CheckboxGroup {
    struct Box { let name: String; let label: String; let detail: String; let checked: Bool }
    let legend: String
    let boxes: [Box]

    func render() -> HTML {
        let items = HTML.join(
            boxes.map { b in
                "<label><input type=\"checkbox\" name=\"\(b.name)\"\(HTML(raw: b.checked ? " checked" : ""))> \(b.label) <span class=\"muted mono\">\(b.detail)</span></label>"
            })
        return "<fieldset class=\"officers\"><legend>\(legend)</legend><div class=\"scroll\">\(items)</div></fieldset>"
    }
}

/// A POST form with the CSRF token: the fields, then one submit button.
struct PostForm {
    let action: String
    var id: String?
    var cssClass = "card"
    let csrf: String
    let content: HTML
    let submit: String
    /// `secondary` for a quieter button.
    var buttonClass: String?
    var buttonID: String?

    func render() -> HTML {
        let idAttr: HTML = id.map { " id=\"\($0)\"" } ?? ""
        let button: HTML = HTML(
            raw: (buttonClass.map { " class=\"\(HTML.escape($0))\"" } ?? "")
                + (buttonID.map { " id=\"\(HTML.escape($0))\"" } ?? ""))
        return
            "<form method=\"post\" action=\"\(action)\" class=\"\(cssClass)\"\(idAttr)><input type=\"hidden\" name=\"_csrf\" value=\"\(csrf)\">\(content)<button type=\"submit\"\(button)>\(submit)</button></form>"
    }
}
