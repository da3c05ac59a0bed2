import FazhiCore
import FazhiStore
import Vapor

/// Forms for case steps, generated from the procedure definition: every step's inputs, in Chinese, with the
/// officer picker when the step needs officers. One renderer for every procedure, as the engine is one.
enum CaseForms {
    typealias Values = [String: String]

    static func form(_ req: Request, file: CaseFile, action: ActionDefinition, officers: [OfficerRow], me: UUID?, evidence: [EvidenceFile] = [],
                     values: Values = [:], error: String? = nil) -> HTML {
        let today = req.fazhi.today
        let fields = action.inputs.map { f -> HTML in
            f.key == evidenceKey ? evidencePicker(f, action: action.id, files: evidence, values: values) : field(f, action: action.id, value: values[f.key])
        }
        var officerPicker: HTML = ""
        if let rule = action.officers {
            let boxes = officers.map { o -> HTML in
                let key = "officer.\(o.id.uuidString)"
                let checked = values[key] == "on" || (values.isEmpty && o.id == me)
                return "<label><input type=\"checkbox\" name=\"\(key)\"\(HTML(raw: checked ? " checked" : ""))> \(o.name) <span class=\"muted mono\">\(o.certificateNumber)</span></label>"
            }
            officerPicker = """
            <fieldset class="officers"><legend>执法人员（至少\(rule.minimum)名，持有效执法证；\(rule.article)）</legend><div class="scroll">\(boxes)</div></fieldset>
            """
        }
        return """
        <form method="post" action="/console/cases/\(file.id.uuidString)/steps/\(action.id)" class="card step-form" id="form-\(action.id)">\(Views.csrfField(req))
        <input type="hidden" name="_version" value="\(file.version)">\(Views.flash(error, error: true))
        <label for="\(action.id)-date">办理日期</label><input id="\(action.id)-date" name="_date" type="date" value="\(values["_date"] ?? today.description)" max="\(today.description)">
        \(fields)\(officerPicker)
        <p class="article">依据：\(action.basis)\(action.documents.isEmpty ? "" : "；生成文书：\(action.documents.map(\.chineseName).joined(separator: "、"))")</p>
        <button type="submit">\(action.name)</button></form>
        """
    }

    static func field(_ f: InputField, action: String, value: String?) -> HTML {
        let id = "\(action)-\(f.key)", req: HTML = f.required ? " <span class=\"req\">*</span>" : ""
        switch f.kind {
        case .bool:
            return "<label class=\"inline\"><input type=\"checkbox\" id=\"\(id)\" name=\"\(f.key)\"\(HTML(raw: value == "on" ? " checked" : ""))> \(f.label)</label>"
        case .choice(let choices):
            let opts = choices.map { "<option value=\"\($0.value)\"\(HTML(raw: value == $0.value ? " selected" : ""))>\($0.label)</option>" as HTML }
            return "<label for=\"\(id)\">\(f.label)\(req)</label><select id=\"\(id)\" name=\"\(f.key)\"><option value=\"\">请选择</option>\(opts)</select>"
        case .date:
            return "<label for=\"\(id)\">\(f.label)\(req)</label><input id=\"\(id)\" name=\"\(f.key)\" type=\"date\" value=\"\(value ?? "")\">"
        case .number:
            return "<label for=\"\(id)\">\(f.label)\(req)</label><input id=\"\(id)\" name=\"\(f.key)\" inputmode=\"decimal\" value=\"\(value ?? "")\">"
        case .list:
            return "<label for=\"\(id)\">\(f.label)\(req) <span class=\"muted\">（用顿号或换行分隔）</span></label><textarea id=\"\(id)\" name=\"\(f.key)\" rows=\"2\">\(value ?? "")</textarea>"
        case .text:
            let long = f.key.hasSuffix("Summary") || f.key.hasSuffix("Facts") || f.key.hasSuffix("Opinion") || f.key.hasSuffix("Reasons") || f.key == "summary" || f.key == "statement"
            return long ? "<label for=\"\(id)\">\(f.label)\(req)</label><textarea id=\"\(id)\" name=\"\(f.key)\" rows=\"3\">\(value ?? "")</textarea>"
                        : "<label for=\"\(id)\">\(f.label)\(req)</label><input id=\"\(id)\" name=\"\(f.key)\" value=\"\(value ?? "")\">"
        }
    }

    /// The input that lists evidence files by SHA-256: picked from the case's uploads, not typed.
    static let evidenceKey = "evidenceFiles"

    static func evidencePicker(_ f: InputField, action: String, files: [EvidenceFile], values: Values) -> HTML {
        guard !files.isEmpty else {
            return "<p class=\"muted\">\(f.label)：本案尚未上传证据文件（在下方“证据文件”上传后即可在此列入）。</p>"
        }
        let boxes = files.map { e -> HTML in
            let key = "evidenceFile.\(e.sha256)"
            return "<label><input type=\"checkbox\" name=\"\(key)\"\(HTML(raw: values[key] == "on" ? " checked" : ""))> \(e.fileName) <span class=\"muted\">\(e.label) · \(String(e.sha256.prefix(12)))…</span></label>"
        }
        return "<fieldset class=\"officers\"><legend>\(f.label)</legend><div class=\"scroll\">\(HTML.join(boxes))</div></fieldset>"
    }

    /// The step's inputs from a submitted form: only the keys the step declares; blank ones left out.
    static func inputs(_ v: Values, for action: ActionDefinition) -> Facts {
        var out = Facts()
        for f in action.inputs {
            if f.key == evidenceKey {
                let picked = v.compactMap { k, val in k.hasPrefix("evidenceFile.") && val == "on" ? String(k.dropFirst("evidenceFile.".count)) : nil }.sorted()
                if !picked.isEmpty { out[f.key] = .list(picked) }
                continue
            }
            let raw = (v[f.key] ?? "").trimmed
            if case .bool = f.kind { if raw == "on" { out[f.key] = .bool(true) }; continue }
            if !raw.isEmpty { out[f.key] = .text(raw) }
        }
        return out
    }

    static func officerIDs(_ v: Values) -> [UUID] {
        v.compactMap { k, val in k.hasPrefix("officer.") && val == "on" ? UUID(uuidString: String(k.dropFirst(8))) : nil }
    }
}
