import FazhiCore
import FazhiStore
import Vapor

/// A submitted step form read back into the step's inputs (the form itself is drawn by `CaseFilePage`): only the keys
/// the step declares, the officers ticked, the evidence files picked.
enum CaseForms {
    typealias Values = [String: String]

    /// The input that lists evidence files by SHA-256: picked from the case's uploads, not typed.
    static let evidenceKey = "evidenceFiles"

    /// The step's inputs from a submitted form: only the keys the step declares; blank ones left out.
    static func inputs(_ v: Values, for action: ActionDefinition) -> Facts {
        var out = Facts()
        for f in action.inputs where !f.systemOnly {
            if f.key == evidenceKey {
                let picked = v.compactMap { k, val in
                    k.hasPrefix("evidenceFile.") && val == "on" ? String(k.dropFirst("evidenceFile.".count)) : nil
                }.sorted()
                if !picked.isEmpty { out[f.key] = .list(picked) }
                continue
            }
            // A list of the law's values comes as ticked boxes, one a value; a value the list does not hold is kept, so
            // the step's gate refuses it with its article rather than it being dropped.
            let known = f.listChoices.filter { v["\(f.key).\($0)"] == "on" }
            let unknown =
                f.listChoices.isEmpty
                ? []
                : v.keys.filter { $0.hasPrefix("\(f.key).") && v[$0] == "on" }.map {
                    String($0.dropFirst(f.key.count + 1))
                }
                .filter { !f.listChoices.contains($0) }.sorted()
            let ticked = known + unknown
            if !ticked.isEmpty {
                out[f.key] = .text(ticked.joined(separator: "\n"))
                continue
            }
            let raw = (v[f.key] ?? "").trimmed
            if case .bool = f.kind { if raw == "on" { out[f.key] = .bool(true) }; continue }
            if !raw.isEmpty { out[f.key] = .text(raw) }
        }
        return out
    }

    static func officerIDs(_ v: Values) -> [UUID] {
        v.compactMap { k, val in k.hasPrefix("officer.") && val == "on" ? UUID(uuidString: String(k.dropFirst(8))) : nil
        }
    }
}
