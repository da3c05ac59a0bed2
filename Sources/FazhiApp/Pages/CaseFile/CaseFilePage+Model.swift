import FazhiCore
import FazhiStore
import Foundation

extension CaseFilePage {
    /// The page as plain values: everything the view shows, nothing it must look up.
    struct Model {
        struct DeadlineLine {
            let name: String; let deadline: Deadline; let stoppedOn: CivilDate?; let article: String?
            var key = ""
        }
        struct StepForm {
            let action: String
            let name: String
            let path: String
            let version: Int
            let date: String
            let today: String
            let fields: [FormField]
            let officers: CheckboxGroup?
            let evidence: CheckboxGroup?
            /// Shown instead of the evidence picker when the case has no files yet.
            let evidenceNote: String?
            let basis: String
            let documents: [String]
            let error: String?
            /// What the step waits for before it can be taken as the case stands (a period running), and from when.
            var waits: [String] = []
        }
        struct Refusal {
            let name: String; let reason: String; let article: String?; let error: String?
            /// The day it opens (by the rule as it stands today), and the days until then.
            var opensOn: String? = nil
            var daysUntil: Int? = nil
        }
        struct TimelineEntry {
            let date: String; let action: String; let actor: String; let officers: [String];
            let documents: [(name: String, path: String)]; let details: String
        }
        struct Evidence {
            let name: String; let kind: String; let size: Int64; let sha256: String; let uploadedOn: String;
            let uploadedBy: String; let path: String
        }

        var caseID: UUID
        var number: String
        var procedureName: String
        var stateName: String
        var bodyName: String
        var openedOn: String
        var version: Int
        var instrument: String
        var definitionVersion: Int
        var navPath: String
        var facts: [(label: String, value: String)]
        /// Masked personal values the user may show in full (label, fact key).
        var revealable: [(label: String, key: String)] = []
        /// Other cases this one names (the penalty case a 复议 reviews): label, number, path.
        var links: [(label: String, text: String, path: String)] = []
        var notStarted: (label: String, value: String)
        var deadlines: [DeadlineLine]
        /// Periods not started yet (they wait for a receipt), shown above the others.
        var waiting: [WaitingPeriod]
        var open: [StepForm]
        var refused: [Refusal]
        var evidence: [Evidence]
        /// The upload form's target when the user may add evidence.
        var evidenceUpload: String?
        var evidenceLimitMB: Int
        var timeline: [TimelineEntry]
        var csrf: String
        var today: CivilDate
        var openFailed: String?
        /// Why the page's content cannot be trusted: the row contradicts its record entry.
        var altered: String? = nil
        /// The module's pages about this case (label, path) open in its state.
        var pages: [(label: String, path: String)] = []
        /// The 规范性文件 the case cites and their standing on `citedOn`.
        var cited: [CitedDocument] = []
        var citedOn: String = ""
    }
}

extension CaseFilePage.Model {
    init(_ q: CaseFilePage.Query, csrf: String, today: CivilDate, evidenceLimitMB: Int, failed: CaseFilePage.Failure?) {
        let f = q.stored.file, def = q.definition, shown = def.presentation, personal = def.personalInputs
        let fieldsByKey = Dictionary(
            def.actions.flatMap(\.inputs).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        func display(_ key: String, _ v: FactValue) -> String {
            if personal.contains(key), !q.revealed.contains(key) { return PersonalData.maskIDNumber(v.description) }
            let choices: [InputField.Choice]? = {
                if case .choice(let c)? = fieldsByKey[key]?.kind { return c }; return shown.computedChoices[key]
            }()
            if case .text(let s) = v, let choices { return InputField.Choice.label(s, in: choices) }
            return v.description
        }
        caseID = f.id
        number = q.stored.number
        procedureName = def.name
        stateName = def.stateName(f.state)
        bodyName = q.bodyName
        openedOn = q.stored.openedOn
        version = f.version
        instrument = def.instrument
        definitionVersion = f.definitionVersion
        navPath = CasesConsole.navEntry(def.id).path.path
        facts = shown.shownFacts.compactMap { k in
            // The fact's own name (a step's input label may carry a hint for the form: "督察事项（如：…）").
            f.facts[k].map { (shown.labels[k] ?? fieldsByKey[k]?.label ?? k, display(k, $0)) }
        }
        revealable =
            q.mayReveal
            ? shown.shownFacts.filter { personal.contains($0) && !q.revealed.contains($0) && f.facts[$0] != nil }.map {
                (fieldsByKey[$0]?.label ?? shown.labels[$0] ?? $0, $0)
            } : []
        links = q.linkedCases.map {
            (shown.labels[$0.key] ?? fieldsByKey[$0.key]?.label ?? $0.key, $0.number, SitePath.caseFile($0.id).path)
        }
        notStarted = (shown.notStartedLabel, shown.notStarted)
        waiting = shown.waitingPeriods(f)
        deadlines = f.deadlines.reversed().map {
            DeadlineLine(
                name: $0.name, deadline: $0.deadline, stoppedOn: $0.isRunning ? nil : $0.stoppedOn,
                article: $0.deadline.article, key: $0.key)
        }
        open = q.available.filter { $0.refusal == nil }.map { a in
            CaseFilePage.Model.stepForm(
                a.action, file: f, query: q, today: today, failed: failed?.action == a.action.id ? failed : nil)
        }
        refused = q.available.compactMap { a in
            guard let r = a.refusal else { return nil }
            let (reason, article): (String, String?) =
                switch r {
                case .refused(_, let m, let x): (m, x)
                case .forbidden(let m, let x): (m, x)
                default: (r.description, nil)
                }
            let opens = q.opensOn[a.action.id]
            return Refusal(
                name: a.action.name, reason: reason, article: article,
                error: failed?.action == a.action.id ? failed?.error : nil, opensOn: opens?.description,
                daysUntil: opens.map { today.days(until: $0) })
        }
        evidence = q.evidence.map { e in
            Evidence(
                name: e.fileName, kind: e.label, size: e.size, sha256: e.sha256, uploadedOn: e.uploadedOn,
                uploadedBy: e.uploadedBy,
                path: "\(SitePath.caseFile(f.id).path)/evidence/\(e.sha256)")
        }
        evidenceUpload = q.canAddEvidence ? "\(SitePath.caseFile(f.id).path)/evidence" : nil
        self.evidenceLimitMB = evidenceLimitMB
        timeline = f.steps.enumerated().reversed().map { (i, s) in
            let details = s.inputs.values.keys.sorted().map { k in
                "\(fieldsByKey[k]?.label ?? k)：\(display(k, s.inputs[k]!))"
            }
            let docs = (def.action(s.action)?.documents ?? []).map {
                ($0.chineseName, SitePath.caseDocument(f.id, $0, step: i).path)
            }
            return TimelineEntry(
                date: s.on.description, action: s.actionName, actor: s.actorName, officers: s.officers.map(\.name),
                documents: docs,
                details: details.joined(separator: "；"))
        }
        self.csrf = csrf
        self.today = today
        openFailed = nil
        altered = q.altered?.message
        cited = q.cited
        citedOn = q.citedOn?.description ?? ""
        pages = def.casePages.filter { $0.states.isEmpty || $0.states.contains(f.state) }.map { ($0.label, $0.path) }
    }

    /// What a step's field starts with: what the case already holds under its key (the decision form starts from the
    /// proposal, a drawn inspection from its drawn object) — for a step that moves the case on; a repeatable step (调查取证)
    /// starts empty, so one record is not copied into the next.
    static func prefill(_ action: ActionDefinition, _ f: InputField, _ file: CaseFile) -> String? {
        guard action.to != nil, let v = file.facts[f.key] else { return nil }
        return switch v {
        case .text(let s): s
        case .number(let d): Yuan.number(d)
        case .bool(let b): b ? "on" : nil
        case .date(let d): d.description
        case .list(let l): l.joined(separator: "\n")
        }
    }

    /// A step's form, generated from its inputs: long texts as text areas, the officers who may act, the case's evidence.
    static func stepForm(
        _ action: ActionDefinition, file: CaseFile, query q: CaseFilePage.Query, today: CivilDate,
        failed: CaseFilePage.Failure?
    ) -> StepForm {
        let values = failed?.values ?? [:]
        var fields: [FormField] = []
        var evidence: CheckboxGroup?
        var evidenceNote: String?
        for f in action.inputs where !f.systemOnly {
            if f.key == CaseForms.evidenceKey {
                if q.evidence.isEmpty {
                    evidenceNote = "\(f.label)：本案尚未上传证据文件（在下方“证据文件”上传后即可在此列入）。"
                } else {
                    evidence = CheckboxGroup(
                        legend: f.label,
                        boxes: q.evidence.map { e in
                            let key = "evidenceFile.\(e.sha256)"
                            return .init(
                                name: key, label: e.fileName, detail: "\(e.label) · \(String(e.sha256.prefix(12)))…",
                                checked: values[key] == "on")
                        })
                }
                continue
            }
            // A field with a registry picker is a choice among the registered entries (when there are any), a search
            // box for a long list; a list of the law's values is ticked.
            let picked = q.pickers[f.key].flatMap { c in
                c.isEmpty
                    ? nil
                    : f.picker?.isSearched == true || c.count > 12 ? FormField.Kind.search(c) : FormField.Kind.choice(c)
            }
            let ticked = f.listChoices.isEmpty ? nil : FormField.Kind.ticks(f.listChoices)
            let resubmitted =
                f.listChoices.isEmpty
                ? values[f.key] : f.listChoices.filter { values["\(f.key).\($0)"] == "on" }.joined(separator: "\n")
            fields.append(
                FormField(
                    id: "\(action.id)-\(f.key)", name: f.key, label: f.label, kind: ticked ?? picked ?? kind(f),
                    value: values.isEmpty ? prefill(action, f, file) : resubmitted,
                    required: f.required,
                    hint: {
                        if case .list = f.kind, f.listChoices.isEmpty { return f.sentences ? "每行一项" : "用顿号或换行分隔" }
                        return nil
                    }()))
        }
        let officers = action.officers.map { rule in
            CheckboxGroup(
                legend: "执法人员（至少\(rule.minimum)名，持有效执法证；\(rule.article)）",
                boxes: q.officers.map { o in
                    let key = "officer.\(o.id.uuidString)"
                    let assigned =
                        rule.preselectedFrom.map { file.facts.list($0).contains(o.certificateNumber) } ?? false
                    return .init(
                        name: key, label: o.name, detail: o.certificateNumber,
                        checked: values[key] == "on" || (values.isEmpty && (o.id == q.me || assigned)))
                })
        }
        // A period this step waits for, still running: the day after it ends (the party may waive it sooner).
        let waits = action.gates.compactMap { g -> String? in
            guard let key = g.waitsFor, let d = file.deadline(key), d.isRunning, d.deadline.due >= today else {
                return nil
            }
            let opens = d.deadline.due.adding(days: 1)
            return
                "\(g.message)（\(g.article)）：\(d.name)为\(d.deadline.due)，\(opens)起可以办理（还有\(today.days(until: opens))天）"
        }
        return StepForm(
            action: action.id, name: action.name, path: "\(SitePath.caseFile(file.id).path)/steps/\(action.id)",
            version: file.version,
            date: values["_date"] ?? today.description, today: today.description, fields: fields, officers: officers,
            evidence: evidence,
            evidenceNote: evidenceNote, basis: action.basis, documents: action.documents.map(\.chineseName),
            error: failed?.error, waits: waits)
    }

    /// How an input is asked for; a text that holds an account of facts or reasons gets a text area.
    static func kind(_ f: InputField) -> FormField.Kind {
        switch f.kind {
        case .bool: .bool
        case .choice(let c): .choice(c)
        case .date: .date
        case .number, .amount: .number
        case .list: .list
        case .text:
            // Texts of several lines (a draft's articles, a decision's text, reasons) keep their line breaks.
            ["Summary", "Facts", "Opinion", "Reasons", "Reason", "Text", "Notes", "Description", "Terms", "Matter"]
                .contains {
                    f.key.hasSuffix($0)
                }
                || ["summary", "statement"].contains(f.key) ? .longText : .text
        }
    }
}
