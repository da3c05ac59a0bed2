import Foundation

/// The result of a step: the case after it, the timeline entry, and what changed (for the record and the 待办).
public struct CaseTransition: Sendable {
    public let file: CaseFile
    public let step: CaseStep
    public let startedDeadlines: [CaseDeadline]
    public let stoppedDeadlines: [String]
    public let documents: [CaseDocumentKind]
    /// Steps other cases take because of this one (see `ActionDefinition.links`).
    public var linked: [LinkedStep] = []
}

/// Whether a step may be taken now, and if not, why (with the article).
public struct ActionAvailability: Sendable {
    public let action: ActionDefinition
    /// nil when the step is open to the actor now (its input-dependent gates are checked when it is taken).
    public let refusal: DomainError?
}

/// The one engine that runs every statutory procedure (程序引擎). It knows nothing of penalties or
/// reconsideration: it checks a step against its definition — version, state, role, inputs, officers,
/// gates — in that order, and returns the changed case; the caller stores it in one transaction.
public enum ProcedureEngine {
    public static func start(_ def: ProcedureDefinition, id: UUID = UUID(), bodyID: UUID) -> CaseFile {
        CaseFile(id: id, procedure: def.id, definitionVersion: def.version, bodyID: bodyID, state: def.initial)
    }

    /// Checks and applies one step. Throws the first refusal: `.conflict` for a stale version, `.refused`
    /// (with the article) for a step out of order or a gate not met, `.forbidden` for the wrong role,
    /// `.invalid` for a missing or malformed input.
    public static func apply(
        _ def: ProcedureDefinition, to file: CaseFile, action actionID: String, expectedVersion: Int,
        inputs rawInputs: Facts, external: Facts = Facts(), officers: [NamedOfficer] = [], actor: ProcedureActor,
        date: CivilDate, today: CivilDate, calendar: DeadlineCalculator, settings: ProcedureSettings
    ) throws -> CaseTransition {
        guard file.procedure == def.id, file.definitionVersion == def.version else {
            throw DomainError.conflict(
                field: nil, message: "案件按“\(file.procedure)”第\(file.definitionVersion)版程序办理，与所给程序定义不符")
        }
        guard expectedVersion == file.version else {
            throw DomainError.conflict(
                field: "version", message: "案件已被他人更新（当前为第\(file.version)次变更，您看到的是第\(expectedVersion)次），请刷新后重试")
        }
        guard let action = def.action(actionID) else {
            throw DomainError.invalid(field: "action", message: "本程序没有“\(actionID)”这一步骤")
        }
        if let refusal = stateAndRoleRefusal(def, action, file, actor) { throw refusal }
        if date > today { throw DomainError.invalid(field: "date", message: "办理日期 \(date) 晚于今天（\(today)）") }
        // The first step has no earlier one to follow: it is held to the range every date input is (from 1949-10-01).
        if date < InputField.dateRange(today: today).lowerBound {
            throw DomainError.invalid(field: "date", message: "办理日期 \(date) 早于1949年10月1日")
        }
        if let last = file.steps.last, date < last.on {
            throw DomainError.invalid(
                field: "date", message: "办理日期 \(date) 早于上一步骤“\(last.actionName)”的日期 \(last.on)：全过程记录须按时间顺序")
        }
        let inputs = try validated(rawInputs, for: action, actor: actor, today: today)
        if let rule = action.officers { try check(officers, rule, file: file) }
        let ctx = StepContext(
            file: file, inputs: inputs, external: external, officers: officers, actor: actor, date: date,
            calendar: calendar, settings: settings)
        for g in action.gates where try !g.holds(ctx) {
            throw DomainError.refused(field: g.field, message: g.message, article: g.article)
        }

        var next = file
        next.facts.merge(inputs)
        var started: [CaseDeadline] = [], stopped: [String] = []
        func stop(_ key: String) {
            for i in next.deadlines.indices where next.deadlines[i].key == key && next.deadlines[i].isRunning {
                next.deadlines[i].stoppedOn = date; stopped.append(key)
            }
        }
        func begin(_ d: CaseDeadline) { stop(d.key); next.deadlines.append(d); started.append(d) }
        for effect in action.effects {
            var now = StepContext(
                file: file, inputs: next.facts, external: external, officers: officers, actor: actor, date: date,
                calendar: calendar, settings: settings)
            now.ownInputs = inputs
            switch effect {
            case .startDeadline(let rule, let onlyIf):
                if let onlyIf, !onlyIf(now) { continue }
                let from = rule.fromFact.flatMap { next.facts.date($0) } ?? date
                let days = rule.daysFact.flatMap { next.facts.number($0) }.map { Int($0) } ?? rule.days
                begin(
                    CaseDeadline(
                        key: rule.key, name: rule.name,
                        deadline: try calendar.procedureDeadline(
                            from: from, days: days, unit: rule.unit, article: rule.article)))
            case .startDeadlineUntil(let key, let name, let fact, let article, _):
                guard let due = next.facts.date(fact) else { continue }
                begin(
                    CaseDeadline(
                        key: key, name: name,
                        deadline: Deadline(
                            start: date, period: date.days(until: due), unit: .day, article: article, due: due)))
            case .stopDeadline(let key): stop(key)
            case .pauseDeadline(let key):
                guard let d = next.deadlines.last(where: { $0.key == key && $0.isRunning }) else { continue }
                let left = calendar.remaining(of: d.deadline, pausedOn: date)
                next.facts["paused.\(key)"] = .number(Double(left.days))
                next.facts["pausedUnit.\(key)"] = .text(left.unit.rawValue)
                stop(key)
            case .resumeDeadline(let key, let fromFact):
                guard let left = next.facts.number("paused.\(key)"),
                    let old = next.deadlines.last(where: { $0.key == key })
                else { continue }
                let unit = next.facts.text("pausedUnit.\(key)").flatMap(PeriodUnit.init(rawValue:)) ?? .day
                next.facts.values.removeValue(forKey: "paused.\(key)")
                next.facts.values.removeValue(forKey: "pausedUnit.\(key)")
                begin(
                    CaseDeadline(
                        key: key, name: old.name,
                        deadline: try calendar.procedureDeadline(
                            from: fromFact.flatMap { next.facts.date($0) } ?? date, days: Int(left), unit: unit,
                            article: old.deadline.article, allowingZero: true)))
            case .extendDeadline(let key, let name, let byFact, let article):
                guard let old = next.deadlines.last(where: { $0.key == key && $0.isRunning }),
                    let more = next.facts.number(byFact)
                else { continue }
                begin(
                    CaseDeadline(
                        key: key, name: name,
                        deadline: try calendar.extended(old.deadline, by: Int(more), article: article)))
            case .set(let key, let value): next.facts[key] = value
            case .computed(let writes, let f):
                let computed = try f(now)
                let undeclared = Set(computed.values.keys).subtracting(writes.map(\.id))
                guard undeclared.isEmpty else {
                    throw DomainError.conflict(
                        field: nil,
                        message: "程序定义错误：“\(action.name)”写入了未声明的事实 \(undeclared.sorted().joined(separator: "、"))")
                }
                next.facts.merge(computed)
            }
        }
        let step = CaseStep(
            action: action.id, actionName: action.name, on: date, actorID: actor.id, actorName: actor.name,
            officers: officers,
            inputs: inputs, fromState: file.state, toState: action.to ?? file.state)
        next.steps.append(step)
        next.state = action.to ?? file.state
        next.version += 1
        let after = StepContext(
            file: next, inputs: Facts(), external: external, officers: officers, actor: actor, date: date,
            calendar: calendar, settings: settings)
        return CaseTransition(
            file: next, step: step, startedDeadlines: started, stoppedDeadlines: stopped, documents: action.documents,
            linked: action.linkedSteps?(after) ?? [])
    }

    /// The steps of the current state, each open to the actor or refused with its reason (for the case page:
    /// "only the actions allowed now, and for a refused action the reason and article").
    public static func available(
        _ def: ProcedureDefinition, file: CaseFile, actor: ProcedureActor, external: Facts = Facts(),
        today: CivilDate, calendar: DeadlineCalculator, settings: ProcedureSettings
    ) -> [ActionAvailability] {
        def.actions.filter { $0.from.contains(file.state) }.map { action in
            if let r = stateAndRoleRefusal(def, action, file, actor) {
                return ActionAvailability(action: action, refusal: r)
            }
            // Gates that read only the case (not the step's own inputs) can be judged before the form is filled.
            let ctx = StepContext(
                file: file, inputs: Facts(), external: external, officers: [], actor: actor, date: today,
                calendar: calendar, settings: settings)
            for g in action.gates where g.field == nil {
                if let ok = try? g.holds(ctx), !ok {
                    return ActionAvailability(action: action, refusal: .refused(message: g.message, article: g.article))
                }
            }
            return ActionAvailability(action: action, refusal: nil)
        }
    }

    static func stateAndRoleRefusal(
        _ def: ProcedureDefinition, _ action: ActionDefinition, _ file: CaseFile, _ actor: ProcedureActor
    ) -> DomainError? {
        if !action.from.contains(file.state) {
            let allowed = action.from.map(def.stateName).sorted().joined(separator: "、")
            return .refused(
                message: "案件处于“\(def.stateName(file.state))”阶段，不能“\(action.name)”（只能在“\(allowed)”阶段办理）",
                article: action.basis)
        }
        if actor.roles.isDisjoint(with: action.roles) {
            let who = action.roles.map(\.chineseName).sorted().joined(separator: "或")
            return .forbidden("“\(action.name)”应由\(who)办理", article: action.basis)
        }
        return nil
    }

    /// Inputs the step declares, typed; required ones present; undeclared keys refused (a typo must not pass silently).
    static func validated(
        _ raw: Facts, for action: ActionDefinition, actor: ProcedureActor, today: CivilDate
    ) throws -> Facts {
        var out = Facts()
        let declared = Dictionary(uniqueKeysWithValues: action.inputs.map { ($0.key, $0) })
        // Text from outside carries no control characters (a NUL byte once went into the record and the 文书).
        for (key, value) in raw.values {
            let texts: [String] = {
                if case .text(let t) = value { return [t] }; if case .list(let l) = value { return l }; return []
            }()
            if texts.contains(where: TextChecks.hasControlCharacters) {
                throw DomainError.invalid(field: key, message: "“\(declaredLabel(key, action))”含有不可见的控制字符")
            }
        }
        for field in action.inputs where field.systemOnly && raw[field.key] != nil && !actor.isSystem {
            throw DomainError.invalid(field: field.key, message: "“\(field.label)”由系统填写，不能手工填写")
        }
        for key in raw.values.keys where declared[key] == nil {
            throw DomainError.invalid(field: key, message: "“\(action.name)”不接受该项")
        }
        for field in action.inputs {
            let v = raw[field.key]
            let blank: Bool = {
                if case .text(let s)? = v { return s.trimmed.isEmpty }; if case .list(let l)? = v { return l.isEmpty };
                return v == nil
            }()
            if blank {
                if field.required { throw DomainError.invalid(field: field.key, message: "请填写“\(field.label)”") }
                continue
            }
            // Bounded, so no text from outside can swell a case, a page or the record: the longest a law's text runs.
            if case .text(let s)? = v, s.count > InputField.maxTextLength {
                throw DomainError.invalid(
                    field: field.key, message: "“\(field.label)”不超过\(InputField.maxTextLength)字")
            }
            if case .list(let l)? = v, l.count > 1_000 || l.contains(where: { $0.count > 5_000 }) {
                throw DomainError.invalid(field: field.key, message: "“\(field.label)”不超过1000项，每项不超过5000字")
            }
            switch (field.kind, v!) {
            case (.text, .text(let s)): out[field.key] = .text(s.trimmed)
            case (.number, .number(let d)) where InputField.numberRange.contains(d): out[field.key] = .number(d)
            case (.amount, .number), (.amount, .text):
                let d: Double? = {
                    if case .number(let n)? = v { return n }
                    if case .text(let s)? = v { return Self.decimal(s) }
                    return nil
                }()
                guard let d, d.isFinite, InputField.numberRange.contains(d) else {
                    throw DomainError.invalid(
                        field: field.key,
                        message: "“\(field.label)”应为0至\(Yuan.number(InputField.numberRange.upperBound))元之间的金额")
                }
                // Money is counted in 分: 0.001 元 is no amount a decision can impose or a voucher show.
                guard abs(d * 100 - (d * 100).rounded()) < 1e-6 else {
                    throw DomainError.invalid(field: field.key, message: "“\(field.label)”最多保留两位小数（到分）")
                }
                out[field.key] = .number((d * 100).rounded() / 100)
            case (.number, .number), (.number, .text):
                let d: Double? = {
                    if case .number(let n)? = v { return n }
                    if case .text(let s)? = v { return Self.decimal(s) }
                    return nil
                }()
                // Bounded, so no amount or count from outside can trap a later conversion (`Int(1e308)` would).
                guard let d, d.isFinite, InputField.numberRange.contains(d) else {
                    throw DomainError.invalid(
                        field: field.key,
                        message: "“\(field.label)”应为0至\(Yuan.number(InputField.numberRange.upperBound))之间的数字")
                }
                out[field.key] = .number(d)
            case (.date, .date), (.date, .text):
                let d: CivilDate? = {
                    if case .date(let d)? = v { return d }
                    if case .text(let s)? = v { return CivilDate(iso: s.trimmed) }
                    return nil
                }()
                guard let d else {
                    throw DomainError.invalid(field: field.key, message: "“\(field.label)”应为日期，如 2026-12-01")
                }
                // Bounded to dates the law can mean, so no date from outside can overflow a later period computation.
                let range = InputField.dateRange(today: today)
                guard range.contains(d) else {
                    throw DomainError.invalid(
                        field: field.key, message: "“\(field.label)”应在\(range.lowerBound)至\(range.upperBound)之间")
                }
                out[field.key] = .date(d)
            case (.bool, .bool(let b)): out[field.key] = .bool(b)
            case (.bool, .text(let s)):
                out[field.key] = .bool(["true", "on", "1", "是", "yes"].contains(s.lowercased()))
            // An item is one line: typed one a line (a speech, an opinion), each line is one item, commas and all.
            case (.list, .list(let l)):
                out[field.key] = .list(l.flatMap(Self.lines))
            case (.list, .text(let s)) where field.sentences || s.unicodeScalars.contains("\n"):
                out[field.key] = .list(Self.lines(s))
            // Typed on one line, items are separated by 、，；.
            case (.list, .text(let s)): out[field.key] = .list(TabularValues.list(s))
            case (.choice(let choices), .text(let s)):
                guard choices.contains(where: { $0.value == s }) else {
                    throw DomainError.invalid(
                        field: field.key, message: "“\(field.label)”应为：\(choices.map(\.label).joined(separator: "、"))")
                }
                out[field.key] = .text(s)
            default: throw DomainError.invalid(field: field.key, message: "“\(field.label)”的格式不对")
            }
        }
        return out
    }

    /// A number as people write it (digits, a decimal point, thousands commas, a sign) — not `0x10`, `1e3` or `inf`,
    /// which `Double("…")` would also take.
    static func decimal(_ s: String) -> Double? {
        let t = s.trimmed.replacingOccurrences(of: ",", with: "")
        guard !t.isEmpty, t.count <= 40,
            t.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || $0 == "." || $0 == "-" || $0 == "+" })
        else { return nil }
        return Double(t)
    }

    /// The non-empty lines of a text, trimmed (a browser sends CRLF, one Character in Swift: split on the scalar).
    static func lines(_ s: String) -> [String] {
        s.unicodeScalars.split(separator: "\n").map { String(String.UnicodeScalarView($0)).trimmed }.filter {
            !$0.isEmpty
        }
    }

    static func declaredLabel(_ key: String, _ action: ActionDefinition) -> String {
        action.inputs.first { $0.key == key }?.label ?? key
    }

    /// 行政处罚法 第四十二条: at least the minimum number of officers, each holding a valid certificate of the case's body.
    static func check(_ officers: [NamedOfficer], _ rule: OfficerRule, file: CaseFile) throws {
        if Set(officers.map(\.id)).count < rule.minimum {
            throw DomainError.refused(
                field: "officers", message: "须由至少\(rule.minimum)名执法人员办理（已选\(Set(officers.map(\.id)).count)名）",
                article: rule.article)
        }
        if let bad = officers.first(where: { !$0.eligible }) {
            throw DomainError.refused(
                field: "officers",
                message: "\(bad.name)（证号 \(bad.certificateNumber)）不能办案：\(bad.ineligibleReason ?? "执法证无效")",
                article: "行政处罚法 第四十二条、第七十六条")
        }
        if let other = officers.first(where: { $0.bodyID != file.bodyID }) {
            throw DomainError.refused(
                field: "officers", message: "\(other.name)不属于本案执法主体，不能以本机关名义办案", article: rule.article)
        }
    }
}
