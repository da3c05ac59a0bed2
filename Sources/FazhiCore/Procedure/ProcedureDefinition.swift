import Foundation

/// Who takes a step: a user, with the roles they hold over the case's body, and — when they are in the officer
/// registry — their officer id (so the engine can tell an investigator from a reviewer).
public struct ProcedureActor: Sendable, Equatable {
    public var id: UUID
    public var name: String
    public var roles: Set<Role>
    public var officerID: UUID?
    /// 法律职业资格 (needed for a first 法制审核, 行政处罚法 第五十八条第二款).
    public var hasLegalQualification: Bool
    /// Has done a penalty 法制审核 before (so 第五十八条第二款's "初次" rule no longer applies).
    public var hasReviewedBefore: Bool
    /// The system itself (the online application portal, a step one case causes in another), not a person: only it may
    /// fill the inputs marked `systemOnly`.
    public var isSystem: Bool

    public init(
        id: UUID, name: String, roles: Set<Role>, officerID: UUID? = nil, hasLegalQualification: Bool = false,
        hasReviewedBefore: Bool = false, isSystem: Bool = false
    ) {
        self.id = id; self.name = name; self.roles = roles; self.officerID = officerID
        self.hasLegalQualification = hasLegalQualification; self.hasReviewedBefore = hasReviewedBefore
        self.isSystem = isSystem
    }
}

/// A registry list a field's value is picked from: the page offers it as a choice, the server still checks the value.
public enum InputPicker: Sendable, Equatable {
    /// The 裁量基准 registered for the case's 行政处罚 item (第三十四条).
    case benchmarksOfCaseItem
    /// The items of a type in force in the case body's 权责清单 (its 行政处罚 items: the ones 立案 accepts, 行政处罚法
    /// 第十七条、第三十九条), searched by code or name.
    case powerItemsOfCaseBody(PowerType)

    /// A list long enough in a real office (a 局's 权责清单 runs to hundreds of items) to be searched, not scrolled.
    public var isSearched: Bool {
        if case .powerItemsOfCaseBody = self { return true }
        return false
    }
    /// The lines of a list fact of the body's decided cases of a procedure (the items of its published 决策事项目录), each
    /// line offered as it stands (`a｜b｜c`).
    case listedItems(procedure: String, fact: String)
}

/// One input a step asks for.
public struct InputField: Sendable {
    public enum Kind: Sendable {
        case text, number, date, bool, list
        /// An amount of money in 元: a number with at most two decimal places (分), in `numberRange`.
        case amount
        /// One of the given values (value, Chinese label).
        case choice([Choice])
    }
    public struct Choice: Sendable, Equatable {
        public let value: String
        public let label: String
        public init(_ value: String, _ label: String) { self.value = value; self.label = label }
        /// The label of a value among choices (the value itself when it is not one of them).
        public static func label(_ value: String?, in choices: [Choice]) -> String {
            choices.first { $0.value == value }?.label ?? (value ?? "")
        }
    }
    public let key: String
    public let label: String
    public let kind: Kind
    public let required: Bool
    /// An ID number or a phone: kept out of the record in clear (only its SHA-256 is logged) and masked on pages.
    public let personal: Bool
    /// Names natural persons (a party who is a citizen, a co-party, a witness, an agent, a recipient): wherever such a name
    /// appears in public text it is masked (张某某), with or without spaces between its characters.
    public let personName: Bool
    /// What a number input takes: an amount up to 一万亿元 or a count of days — far beyond any real fine, and small
    /// enough that every later conversion (to whole yuan, to days) is exact.
    public static let numberRange: ClosedRange<Double> = 0...1_000_000_000_000
    /// The longest text an input takes (a draft of a 规范性文件 or a decision, 50,000 characters, with room).
    public static let maxTextLength = 60_000

    /// What a date input takes: from the founding of the People's Republic (1949-10-01) to ten years after today — a
    /// hearing or a rectification date lies ahead, nothing the law means lies centuries away.
    public static func dateRange(today: CivilDate) -> ClosedRange<CivilDate> {
        CivilDate(year: 1949, month: 10, day: 1)!...CivilDate(year: today.year + 10, month: 12, day: 31)!
    }

    /// Filled by the system (the online application's tracking number), never typed: not on the staff form, and refused
    /// from anyone but the system.
    public let systemOnly: Bool
    /// The registry list the page offers for this field, if any.
    public var picker: InputPicker?
    /// A list whose items are sentences (problems found, corrections made): one item a line, never split at 、 or ，.
    public var sentences = false
    /// The values a list may hold, when the law lists them (the kinds of 行政处罚法 第九条): ticked, not typed. The
    /// step's gate still checks them.
    public var listChoices: [String] = []

    public init(
        _ key: String, _ label: String, _ kind: Kind = .text, required: Bool = true, personal: Bool = false,
        systemOnly: Bool = false, personName: Bool = false
    ) {
        self.key = key; self.label = label; self.kind = kind; self.required = required; self.personal = personal
        self.systemOnly = systemOnly; self.personName = personName
    }

    /// The list field with one sentence an item (`sentences`).
    public func oneItemPerLine() -> InputField {
        var f = self
        f.sentences = true
        return f
    }

    /// The list field whose items are ticked from the values the law lists (`listChoices`).
    public func choosing(from values: [String]) -> InputField {
        var f = self
        f.listChoices = values
        return f
    }

    /// The field with a list the page offers for it.
    public func picking(_ picker: InputPicker) -> InputField {
        var f = self
        f.picker = picker
        return f
    }
}

/// Everything a gate or an effect may look at while a step is being checked.
public struct StepContext: Sendable {
    /// The case before the step.
    public let file: CaseFile
    /// What the step records.
    public let inputs: Facts
    /// Facts the caller looked up outside the case (the registry: whether the body is confirmed, the power
    /// item's type; the next decision number), by key.
    public let external: Facts
    public let officers: [NamedOfficer]
    public let actor: ProcedureActor
    /// The day the step was taken (may be earlier than today when entered afterwards).
    public let date: CivilDate
    public let calendar: DeadlineCalculator
    public let settings: ProcedureSettings

    /// The case's facts with this step's inputs laid over them.
    public var facts: Facts { var f = file.facts; f.merge(inputs); return f }
    /// Only what this step itself was given. In an effect `inputs` also holds the case's facts (a date an earlier step
    /// recorded under the same key), so a rule about this step's own dates — when it served, when it was posted — reads
    /// this instead.
    public var stepInputs: Facts { ownInputs ?? inputs }
    var ownInputs: Facts?

    public init(
        file: CaseFile, inputs: Facts, external: Facts, officers: [NamedOfficer], actor: ProcedureActor,
        date: CivilDate,
        calendar: DeadlineCalculator, settings: ProcedureSettings
    ) {
        self.file = file; self.inputs = inputs; self.external = external; self.officers = officers; self.actor = actor
        self.date = date; self.calendar = calendar; self.settings = settings
    }
}

/// A condition a step needs, with the rule that demands it: when it does not hold the step is refused with
/// `message` and `article`. A gate about one of the step's own inputs names it as `field` (422, not 409).
public struct Gate: Sendable {
    public let article: String
    public let message: String
    public let field: String?
    public let holds: @Sendable (StepContext) throws -> Bool
    /// The period (a deadline key) whose end this gate waits for — 作出决定 waits for 陈述、申辩期满 — so the page tells
    /// the day the step opens before anyone fills the form.
    public var waitsFor: String?

    public init(
        _ article: String, _ message: String, field: String? = nil, waitsFor: String? = nil,
        holds: @escaping @Sendable (StepContext) throws -> Bool
    ) {
        self.article = article; self.message = message; self.field = field; self.waitsFor = waitsFor
        self.holds = holds
    }
}

/// How many officers a step needs, and that each holds a valid certificate.
public struct OfficerRule: Sendable {
    public let minimum: Int
    public let article: String
    /// A list fact of certificate numbers whose officers the form ticks in advance (the inspectors a 双随机 draw assigned).
    public var preselectedFrom: String?
    public init(minimum: Int, article: String, preselectedFrom: String? = nil) {
        self.minimum = minimum; self.article = article; self.preselectedFrom = preselectedFrom
    }
}

/// A deadline a step starts: `days` of `unit` counted from the step's day (or from a date fact).
public struct DeadlineRule: Sendable {
    public let key: String
    public let name: String
    public let days: Int
    public let unit: PeriodUnit
    public let article: String
    /// Count from this date fact instead of the step's date.
    public let fromFact: String?
    /// Take the number of days from this number fact when set (e.g. an approved longer period).
    public let daysFact: String?
    /// Whose period it is: the case's own body must act within it, or it is the party's (another's) time to act.
    public let holder: PeriodHolder

    public init(
        _ key: String, _ name: String, days: Int, _ unit: PeriodUnit, article: String, fromFact: String? = nil,
        daysFact: String? = nil, holder: PeriodHolder = .body
    ) {
        self.key = key; self.name = name; self.days = days; self.unit = unit; self.article = article;
        self.fromFact = fromFact; self.daysFact = daysFact; self.holder = holder
    }
}

/// Whose period a deadline is. Only the body's own periods can be its overdue steps (执法监督预警); when a party's period
/// ends, the body may act (作出决定、申请强制执行), it has not failed to.
public enum PeriodHolder: String, Sendable {
    /// The case's body must take a step within it (作出决定、送达、公示、答复).
    case body
    /// The party's time (陈述申辩、要求听证、缴纳罚款、补正、整改): nothing is overdue for the body when it ends.
    case party
    /// Another organ's time (被申请人答复、法院、对方): not the case's body's to meet.
    case other
}

/// What a step changes besides the state: deadlines started or stopped, facts set or computed.
public enum Effect: Sendable {
    case startDeadline(DeadlineRule, onlyIf: (@Sendable (StepContext) -> Bool)? = nil)
    /// Starts a deadline whose due date is a date fact (e.g. an approved deferral, a rectification date).
    case startDeadlineUntil(key: String, name: String, dateFact: String, article: String, holder: PeriodHolder = .body)
    case stopDeadline(String)
    /// Stops a running deadline and keeps the days it had left (行政复议 中止: the time suspended does not count).
    case pauseDeadline(String)
    /// Starts a paused deadline again with what it had left, counted in the period's own unit from the step's day — or
    /// from a date fact, when the pause ended on a day before the step (a consultation period that ran out: 政府信息公开条例
    /// 第三十三条第三款 stops excluding the time when the 15 working days end, not when the silence is recorded).
    case resumeDeadline(String, fromFact: String? = nil)
    /// Lengthens a running deadline by the number in a fact, from its nominal end (行政复议法 第六十二条), renaming it.
    case extendDeadline(key: String, name: String, byFact: String, article: String)
    case set(String, FactValue)
    /// Facts worked out from the step (e.g. whether a hearing right arises, the 加处罚款 due), declaring the keys it
    /// writes: the engine refuses a step whose computation writes another (a mistyped key fails loudly, not silently).
    case computed(writes: [AnyFactKey], @Sendable (StepContext) throws -> Facts)

    public static func compute(
        writes keys: any FactKeyProtocol..., as f: @escaping @Sendable (StepContext) throws -> Facts
    ) -> Effect {
        .computed(writes: keys.map(\.any), f)
    }
}

/// A document (文书) a step produces. Each procedure module declares its own (`extension CaseDocumentKind { static let … }`
/// in its folder) and renders them; the catalog knows every kind by its id.
public struct CaseDocumentKind: Hashable, Sendable, CustomStringConvertible {
    /// Stable id, used in URLs and the record (e.g. `penalty_decision`).
    public let rawValue: String
    /// The document's title as a government office prints it, e.g. 行政处罚决定书.
    public let chineseName: String
    public init(_ rawValue: String, _ chineseName: String) { self.rawValue = rawValue; self.chineseName = chineseName }
    public var description: String { rawValue }
    public static func == (a: Self, b: Self) -> Bool { a.rawValue == b.rawValue }
    public func hash(into h: inout Hasher) { h.combine(rawValue) }

    /// 送达回证: a receipt any procedure that serves a decision produces; the served document's name comes from the
    /// procedure (`CasePresentation.servedDocument`).
    public static let serviceReceipt = CaseDocumentKind("service_receipt", "送达回证")
}

/// One step of a procedure: when it may be taken (states, roles, officers, gates), what it asks for, what it
/// changes, and the documents it produces.
public struct ActionDefinition: Sendable {
    public let id: String
    public let name: String
    /// The states it may be taken in; taking it elsewhere is refused with `basis`.
    public let from: Set<String>
    /// The state after it; nil keeps the state (a step that may be repeated, such as 调查取证).
    public let to: String?
    public let roles: Set<Role>
    /// The article the step rests on; cited when it is taken out of order.
    public let basis: String
    public var officers: OfficerRule?
    public var inputs: [InputField] = []
    public var gates: [Gate] = []
    public var effects: [Effect] = []
    public var documents: [CaseDocumentKind] = []
    /// Whether the step publishes or withdraws the case's decision on the portal.
    public var publication: PublicationEffect?
    /// Steps the store then takes in other cases, in the same transaction (a 复议 decision revoking a penalty decision
    /// is recorded on that case).
    public var linkedSteps: (@Sendable (StepContext) -> [LinkedStep])?
    /// What the store looks up for the step before the engine checks it (a decision number, the registry of
    /// committee members): declared here so the store never asks which procedure or step it is serving.
    public var lookups: [CaseLookup] = []

    public init(_ id: String, _ name: String, from: Set<String>, to: String?, by roles: Set<Role>, basis: String) {
        self.id = id; self.name = name; self.from = from; self.to = to; self.roles = roles; self.basis = basis
    }

    public func needs(_ officers: OfficerRule) -> Self { var c = self; c.officers = officers; return c }
    public func asks(_ fields: InputField...) -> Self { var c = self; c.inputs += fields; return c }
    public func gate(
        _ article: String, _ message: String, field: String? = nil, waitsFor: String? = nil,
        _ holds: @escaping @Sendable (StepContext) throws -> Bool
    ) -> Self {
        var c = self; c.gates.append(Gate(article, message, field: field, waitsFor: waitsFor, holds: holds)); return c
    }
    /// Several gates a module declares together (e.g. the 裁量基准 checks of 拟作处罚), in order.
    public func gated(_ more: [Gate]) -> Self { var c = self; c.gates += more; return c }
    public func asks(_ fields: [InputField]) -> Self { var c = self; c.inputs += fields; return c }
    public func then(_ effects: Effect...) -> Self { var c = self; c.effects += effects; return c }
    public func then(_ effects: [Effect]) -> Self { var c = self; c.effects += effects; return c }
    /// `links` reads the case as it is after the step (`StepContext.file`).
    public func links(_ f: @escaping @Sendable (StepContext) -> [LinkedStep]) -> Self {
        var c = self; c.linkedSteps = f; return c
    }
    public func produces(_ docs: CaseDocumentKind...) -> Self { var c = self; c.documents += docs; return c }
    public func publishes(_ p: PublicationEffect) -> Self { var c = self; c.publication = p; return c }
    public func looksUp(_ l: CaseLookup...) -> Self { var c = self; c.lookups += l; return c }
}

/// A page of a procedure's module about one case, at `/console/cases/<id>/<path>`, linked from the case page in the
/// given states (all when empty).
public struct CasePage: Sendable {
    public let label: String
    public let path: String
    public let states: Set<String>
    public init(_ label: String, path: String, states: Set<String> = []) {
        self.label = label; self.path = path; self.states = states
    }
}

/// A step another case must take because of this one.
public struct LinkedStep: Sendable, Equatable {
    public let caseID: UUID
    public let action: String
    public let inputs: Facts
    public init(caseID: UUID, action: String, inputs: Facts) {
        self.caseID = caseID; self.action = action; self.inputs = inputs
    }
}

/// What a procedure's cases belong to: an enforcement body (执法主体, registered and confirmed), the office that handles
/// 行政复议 for its government (行政复议机构), the body sued (行政应诉), or the organisation that mediates (调解).
public enum ProcedureKind: String, Sendable, Codable {
    case enforcement, reconsideration
    /// 行政应诉: a court case against the body (the defendant); handled by its 法制机构 or the government's 复议应诉 office.
    case litigation
    /// 调解: a dispute received by a 调解 organisation (人民调解委员会, 行政调解, the 行政争议调解中心).
    case mediation
    /// 政府信息公开: a request for government information to the body that holds it (政府信息公开条例 第二十七条).
    case disclosure
    /// 行政规范性文件: a document a body drafts, has reviewed, issues, publishes and files (国办发〔2018〕37号).
    case normative
    /// 重大行政决策: a decision a government makes by the procedure of 国务院令第713号, and its 决策事项目录.
    case decision
    /// 行政执法监督: a 监督文书 the 司法行政部门 issues to a body it supervises (行政执法监督条例 第六条).
    case supervision
    /// 年度法治政府建设情况报告: a unit's yearly report, reviewed, submitted and published (厅字〔2019〕28号).
    case report

    /// The procedures whose periods the 执法监督 watches: 行政执法 (行政执法监督条例 第二条) and the bodies' answers to the
    /// supervision itself.
    public var supervised: Bool { self == .enforcement || self == .supervision }
}

/// A state of a procedure.
public struct ProcedureState: Sendable {
    public let id: String
    public let name: String
    public let terminal: Bool
    public init(_ id: String, _ name: String, terminal: Bool = false) {
        self.id = id; self.name = name; self.terminal = terminal
    }
}

/// A statutory procedure as data (程序定义): states and steps, each step citing its article.
public struct ProcedureDefinition: Sendable {
    public let id: String
    public let version: Int
    public let name: String
    /// The instrument the procedure follows, e.g. 《中华人民共和国行政处罚法》.
    public let instrument: String
    public let initial: String
    public let states: [ProcedureState]
    public let actions: [ActionDefinition]
    public let kind: ProcedureKind
    /// Steps the law takes by itself when a deadline passes (deadline key → action), which the system records the day
    /// after the due date: e.g. 行政复议法 第三十条第三款, no decision on acceptance in time means the application is accepted.
    public var onExpiry: [String: String] = [:]
    /// The yearly figures its cases are counted in (行政复议, 应诉, 调解); enforcement keeps its own sums.
    public var statistics: ProcedureStatistics?
    /// Who may open a case, and the article that says so.
    public var opening: OpeningRule
    /// The character its case numbers carry and in whose name they are issued.
    public var numbering: CaseNumbering
    /// What lists and the case page show of a case.
    public var presentation: CasePresentation
    /// When its cases review another case's decision (a 复议 of a penalty decision): which fact names that case and the
    /// period the review ran — for periods that do not count against the other case (行政处罚法 第七十三条第三款).
    public var reviewOfCase: ReviewOfCase?
    /// When its cases review another body's act (行政复议, 行政诉讼): how, for reports by act kind.
    public var actReview: ActReview?
    /// Its steps are taken only with roles held at the case's own body, not over it from a parent organisation: each
    /// body answers its own 政府信息公开 requests (政府信息公开条例 第四条、第十条), the government's office not for its
    /// departments.
    public var rolesHeldAtBody = false
    /// Roles that count wherever their holder reads the case's body, even with `rolesHeldAtBody`: the 司法行政部门's
    /// 备案审查 of every body's 规范性文件.
    public var rolesHeldWhereRead: Set<Role> = []
    /// The module's own pages about a case (the 清理 worksheet, the public comments), linked from the case page.
    public var casePages: [CasePage] = []
    /// When its drafts are open for public comment (`PublicConsultation`): the state and the fact with the text.
    public var consultation: ConsultationRule?

    public init(
        id: String, version: Int, name: String, instrument: String, initial: String, states: [ProcedureState],
        actions: [ActionDefinition],
        kind: ProcedureKind = .enforcement, opening: OpeningRule, numbering: CaseNumbering,
        presentation: CasePresentation
    ) {
        self.id = id; self.version = version; self.name = name; self.instrument = instrument; self.initial = initial
        self.states = states; self.actions = actions; self.kind = kind
        self.opening = opening; self.numbering = numbering; self.presentation = presentation
    }

    public func action(_ id: String) -> ActionDefinition? { actions.first { $0.id == id } }
    /// The inputs marked `personal` (ID numbers, phones) of any step.
    public var personalInputs: Set<String> { Set(actions.flatMap(\.inputs).filter(\.personal).map(\.key)) }
    /// The inputs that name natural persons (`InputField.personName`) of any step.
    public var personNameInputs: Set<String> { Set(actions.flatMap(\.inputs).filter(\.personName).map(\.key)) }

    /// Every natural person's name entered in the case — in its facts or in any step's inputs (a later step may have
    /// replaced the fact) — for masking public text. The party counts only when `citizen` says the party is one.
    public func personNames(in f: CaseFile, partyIsCitizen citizen: Bool) -> [String] {
        let keys = personNameInputs.subtracting(citizen ? [] : Set(presentation.party))
        var out: [String] = []
        for facts in [f.facts] + f.steps.map(\.inputs) {
            for k in keys {
                if let t = facts.text(k) { out.append(t) }
                out += facts.list(k)
            }
        }
        return out
    }
    public func state(_ id: String) -> ProcedureState? { states.first { $0.id == id } }
    public func stateName(_ id: String) -> String { state(id)?.name ?? id }

    /// Every fact a step of the procedure can write: its inputs, the facts it sets, the facts its computations declare.
    public var writableFacts: Set<String> {
        var out = Set<String>()
        for a in actions {
            out.formUnion(a.inputs.map(\.key))
            for e in a.effects {
                switch e {
                case .set(let key, _): out.insert(key)
                case .computed(let writes, _): out.formUnion(writes.map(\.id))
                default: break
                }
            }
        }
        return out
    }

    /// Who answers each period: the roles of the steps that stop, pause, resume or extend it — not of a step that sends
    /// the case back (法制审核退回 ends 陈述申辩 by returning the case to 调查取证). 作出处罚决定's period is the head's who
    /// decides, not the 法制审核 reviewer's; a period no step answers (it only runs out) has no entry.
    public var periodRoles: [String: Set<Role>] {
        var out: [String: Set<Role>] = [:]
        let order = Dictionary(states.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        func sendsBack(_ a: ActionDefinition) -> Bool {
            guard let to = a.to.flatMap({ order[$0] }) else { return false }
            return a.from.allSatisfy { (order[$0] ?? 0) > to }
        }
        for a in actions where !sendsBack(a) {
            for e in a.effects {
                switch e {
                case .stopDeadline(let key), .pauseDeadline(let key), .resumeDeadline(let key, _),
                    .extendDeadline(let key, _, _, _):
                    out[key, default: []].formUnion(a.roles)
                default: break
                }
            }
        }
        return out
    }

    /// The keys of the periods that are not the body's own to meet (the party's, another organ's): `PeriodHolder`.
    public var othersPeriods: Set<String> {
        var out = Set<String>()
        for a in actions {
            for e in a.effects {
                switch e {
                case .startDeadline(let r, _) where r.holder != .body: out.insert(r.key)
                case .startDeadlineUntil(let key, _, _, _, let holder) where holder != .body: out.insert(key)
                default: break
                }
            }
        }
        return out
    }

    /// The facts the definition itself reads: what the case page shows, the party, the dates deadlines run from or to,
    /// the link to a reviewed case.
    public var declaredReads: Set<String> {
        var out = Set(presentation.shownFacts + presentation.party)
        for a in actions {
            for e in a.effects {
                switch e {
                case .startDeadline(let r, _): out.formUnion([r.fromFact, r.daysFact].compactMap { $0 })
                case .startDeadlineUntil(_, _, let fact, _, _): out.insert(fact)
                case .extendDeadline(_, _, let fact, _): out.insert(fact)
                default: break
                }
            }
        }
        if let r = reviewOfCase { out.insert(r.linkFact) }
        return out
    }

    /// Definition errors a reviewer would want caught before any case runs: unknown states, duplicate ids, a fact read
    /// that no step can write.
    public func problems() -> [String] {
        var out: [String] = []
        for key in declaredReads.subtracting(writableFacts).sorted() { out.append("读取的事实 \(key) 没有任何步骤写入") }
        let ids = Set(states.map(\.id))
        if !ids.contains(initial) { out.append("初始状态 \(initial) 未定义") }
        if Set(actions.map(\.id)).count != actions.count { out.append("步骤编号重复") }
        for a in actions {
            for s in a.from where !ids.contains(s) { out.append("步骤 \(a.id) 的起始状态 \(s) 未定义") }
            if let t = a.to, !ids.contains(t) { out.append("步骤 \(a.id) 的目标状态 \(t) 未定义") }
            if a.roles.isEmpty { out.append("步骤 \(a.id) 未规定由谁办理") }
        }
        for (key, action) in onExpiry where self.action(action) == nil { out.append("期限 \(key) 届满时的步骤 \(action) 未定义") }
        return out
    }
}
