import Foundation

/// Who may open (登记/立案/受理) a case of a procedure in an organisation, and the rule that says so.
public struct OpeningRule: Sendable {
    /// Any of these roles, held over the organisation, may open.
    public let roles: Set<Role>
    public let article: String
    /// The refusal in Chinese, e.g. 只有本机关的执法人员或负责人可以登记案件.
    public let refusal: String
    /// Opened by one organisation for another (the 司法局 registers a 监督文书 for the body it supervises): from the
    /// module's own page, which asks for that body — never by the console's generic 登记, which opens at the user's own.
    public var forAnotherBody: String?

    public init(_ roles: Set<Role>, article: String, refusal: String, forAnotherBody: String? = nil) {
        self.roles = roles; self.article = article; self.refusal = refusal; self.forAnotherBody = forAnotherBody
    }

    public func allows(_ rolesHeld: Set<Role>) -> Bool { !rolesHeld.isDisjoint(with: roles) }
}

/// How a procedure's cases are numbered (案件编号): `清市监立〔2026〕3号` — the issuer's short name, the procedure's character,
/// the year and a sequence per organisation, year and character.
public struct CaseNumbering: Sendable {
    /// In whose name cases are opened and numbered.
    public enum Issuer: Sendable {
        /// A registered 执法主体: the case must belong to one (行政处罚法 第十七条).
        case enforcementBody
        /// The government the office works for (行政复议: 清河县人民政府 → 清政复, 行政复议法 第二十四条).
        case governmentAbove
        /// Any organisation in the directory (the body sued, the 调解 organisation).
        case organisation
    }

    /// The character after the prefix: 立 (立案), 简 (当场处罚), 检, 复, 诉, 调.
    public let kind: String
    public let issuer: Issuer
    /// The character a case is registered under when its own number comes later, with a step: a 线索 is registered
    /// 登 and takes its 立案号 (立) only when the head approves 立案 (行政处罚法 第五十四条) — a clue never filed takes none.
    public let registeredAs: String?
    /// The step that gives the case its number of `kind` (nil: numbered when registered).
    public let numberedAt: String?
    /// In whose name the documents are issued, when not the numbering issuer's.
    public let documentsIssuedBy: DocumentIssuer

    /// Who signs and seals a procedure's documents.
    public enum DocumentIssuer: Sendable {
        /// The numbering issuer.
        case numberingIssuer
        /// The office of the Party committee's 法治建设议事协调机构 of the government the unit belongs to (法治督察:
        /// 中共清河县委全面依法治县委员会办公室, 法治政府建设与责任落实督察工作规定 — the 依法治县办 runs 督察).
        case ruleOfLawOffice
    }

    public init(
        _ kind: String, issuer: Issuer, registeredAs: String? = nil, numberedAt: String? = nil,
        documentsIssuedBy: DocumentIssuer = .numberingIssuer
    ) {
        self.kind = kind; self.issuer = issuer
        self.registeredAs = numberedAt == nil ? nil : registeredAs
        self.numberedAt = registeredAs == nil ? nil : numberedAt
        self.documentsIssuedBy = documentsIssuedBy
    }

    /// The 依法治县（市、区）办's name for a government's: 清河县人民政府 → 中共清河县委全面依法治县委员会办公室 (a name not
    /// ending in 人民政府 is returned as it is).
    public static func ruleOfLawOffice(ofGovernment name: String) -> String {
        guard name.hasSuffix("人民政府"), name.count > 5 else { return name }
        let place = String(name.dropLast(4))
        guard let level = place.last, "县市区旗".contains(level) else { return name }
        return "中共\(place)委全面依法治\(level)委员会办公室"
    }

    /// The character of the number a case takes when it is opened.
    public var kindAtOpening: String { registeredAs ?? kind }
}

/// A period the law counts from an event the case has not recorded yet — 被申请人答复 "自收到申请书副本之日起" before the
/// receipt is known: it has not started, so it is neither running nor overdue.
public struct WaitingPeriod: Sendable, Equatable {
    public let key: String
    public let name: String
    /// What starts it, in words (待被申请人收到申请书副本后起算).
    public let waitsFor: String
    public let article: String
    public init(_ key: String, _ name: String, waitsFor: String, article: String) {
        self.key = key; self.name = name; self.waitsFor = waitsFor; self.article = article
    }
}

/// What lists, the case page and the yearly figures show of a procedure's cases.
public struct CasePresentation: Sendable {
    /// The facts that name the party (当事人, 申请人, 原告 …), the first present wins.
    public var party: [String]
    /// The facts the case page shows first, in order.
    public var shownFacts: [String]
    /// Labels of facts no step asks for (computed by a step), by key.
    public var labels: [String: String]
    /// The values of computed choice facts, in words.
    public var computedChoices: [String: [InputField.Choice]]
    /// Shown instead of the facts before the first step: 案情 — 尚未立案, 案件 — 尚未登记.
    public var notStarted: String
    public var notStartedLabel = "案件"
    /// Facts holding the id of another case in Fazhi (the penalty decision a 复议 reviews), shown as a link to it.
    public var caseLinks: [String] = []
    /// The case's result in a word (the 复议 decision type, the judgment, the mediation outcome), for figure listings.
    public var result: @Sendable (CaseFile) -> String
    /// The document a 送达回证 of this procedure serves.
    public var servedDocument: @Sendable (Facts) -> String
    /// Periods the law starts from an event not yet recorded (a receipt): shown as not started, never as running.
    public var waitingPeriods: @Sendable (CaseFile) -> [WaitingPeriod] = { _ in [] }

    public init(
        party: [String], shownFacts: [String], labels: [String: String] = [:],
        computedChoices: [String: [InputField.Choice]] = [:],
        notStarted: String = "尚未登记", result: @escaping @Sendable (CaseFile) -> String = { _ in "" },
        servedDocument: @escaping @Sendable (Facts) -> String = { _ in "" }, caseLinks: [String] = []
    ) {
        self.party = party; self.shownFacts = shownFacts; self.labels = labels; self.computedChoices = computedChoices
        self.notStarted = notStarted; self.result = result; self.servedDocument = servedDocument
        self.caseLinks = caseLinks
    }

    /// The party's name: the first party fact present (a list of parties joined with 、).
    public func partyName(_ f: Facts) -> String {
        for key in party {
            if let t = f.text(key) { return t }
            let l = f.list(key)
            if !l.isEmpty { return l.joined(separator: "、") }
        }
        return ""
    }
}

/// Something the store looks up for a step before the engine checks it, put into the step's external facts under `into`.
public enum CaseLookup: Sendable, Equatable {
    /// The next number of a series of the case's body: e.g. a 决定书文号 (`清市监罚〔2026〕12号`, kind 罚).
    case nextNumber(kind: String, into: String)
    /// The case's own number (a 复议决定书 carries the case number).
    case caseNumber(into: String)
    /// The SHA-256 of the latest snapshot a module stored for the case in the same transaction (the 年度报告's final
    /// text with its figures): what the step freezes, on the record.
    case snapshot(into: String)
    /// The periods (`from/to`) during which cases of other procedures reviewed this case (`ReviewOfCase`).
    case periodsUnderReview(into: String)
    /// The 行政复议委员会 members serving on the step's day (行政复议法 第五十二条).
    case committeeMembers(into: String)
    /// The case in this system whose decision number (or case number) the step's input names.
    case caseByDecisionNumber(input: String, into: String)
    /// The case's public comments (`PublicConsultation`): how many were received, adopted in whole or in part, and how
    /// many groups are still unanswered (numbers under `into.received`, `into.adopted`, `into.unanswered`).
    case publicComments(into: String)
    /// Whether the actor has taken one of these steps before, in any case (行政处罚法 第五十八条第二款: 初次从事法制审核).
    case actorHasTaken([String])
    /// The 裁量基准 the step's input names, as registered (JSON of `DiscretionBenchmark`, the version in force on the
    /// step's day, only one of the case's power item), and whether that item has any benchmark at all (第三十四条).
    case benchmark(input: String, into: String, itemHasBenchmark: String)
    /// The ids of the case's body's decided cases of a procedure in these states (a 清理 lists the body's documents in
    /// force).
    case bodyCases(procedure: String, states: [String], into: String)
    /// Whether the case's body is on a published list of organisations (`into.listed`), and whether that list has been
    /// published at all (`into.published`): the 制定主体清单.
    case onList(String, into: String)
    /// Whether the acting user works for the case's body or a body under it (`into`): a 备案审查 is made from outside
    /// and above — the 司法局 under the county government does not review the government's own documents.
    case actorWithinBody(into: String)
    /// Whether a document the fact cites (by 文号, `DocumentCitations`) was issued by the acting user's own organisation or
    /// one above it (`into`): who may not review it (a county 司法局 and the county government's documents).
    case citedIssuedAboveActor(fact: String, into: String)
    /// The lines of a list fact across the case's body's decided cases of a procedure (`into`), and whether there is any
    /// such case (`into.published`): the items of the government's published 决策事项目录.
    case listedItems(procedure: String, fact: String, into: String)
    /// The values a fact holds in the case's body's other cases of a procedure that were started and are not in the
    /// given states (`into`, a list; whole numbers as digits): a catalogue item already being decided, a year that already
    /// has its catalogue.
    case otherCasesFact(procedure: String, fact: String, excludingStates: [String], into: String)
    /// Of the 执法监督预警 numbers a list input names, those raised against the case's body or an organisation it
    /// entrusts (`into`, a list of digits): a 监督文书 cites only the addressed body's alerts.
    case alertsOfCaseBody(input: String, into: String)
    /// The 委托机关 of the case's body when the body is a 受委托组织 (`into`, its id; absent otherwise).
    case entrustingBody(into: String)
}

/// How a procedure's case reviews another case (a 复议 of a penalty decision): the fact holding the other case's id,
/// and the period the review ran up to a day.
public struct ReviewOfCase: Sendable {
    public let linkFact: String
    public let period: @Sendable (CaseFile, _ through: CivilDate) -> (from: CivilDate, to: CivilDate)?
    public init(
        linkFact: String, period: @escaping @Sendable (CaseFile, CivilDate) -> (from: CivilDate, to: CivilDate)?
    ) {
        self.linkFact = linkFact; self.period = period
    }
}

/// What a module's renderer gets to write one document.
public struct DocumentInput: Sendable {
    public let kind: CaseDocumentKind
    /// The case's facts with the producing step's inputs laid over them.
    public let facts: Facts
    public let file: CaseFile
    public let step: CaseStep?
    public let context: DocumentContext
}

/// A document as a module writes it: the title and number (the case number unless the document has its own) and
/// the blocks after the title and number.
public struct DocumentDraft: Sendable {
    public var title: String
    public var number: String
    public var blocks: [DocumentText.Block]
}

/// One capability (程序模块): its procedures, their documents and how it writes them. Everything a procedure is lives
/// in its module's folder (`Procedures/<folder>/` in each target); the engine, the store, the API and the console
/// ask `ProcedureCatalog` and never name a procedure.
public struct ProcedureModule: Sendable {
    /// The folder its files live in, in every target (`Sources/*/Procedures/<folder>/`).
    public let folder: String
    /// Its name, e.g. 行政执法.
    public let name: String
    /// Its procedures' ids (without building them).
    public let procedureIDs: [String]
    /// Every version of every one of its procedures.
    public let definitions: @Sendable (ProcedureSettings) -> [ProcedureDefinition]
    /// The documents its steps produce (besides the shared 送达回证).
    public let documents: [CaseDocumentKind]
    /// Writes one of its documents into the draft; nil leaves the draft as it is.
    public let render: @Sendable (DocumentInput, inout DocumentDraft) -> Void
    /// Every fact key it declares (its `…Fact` enum): each must be one some step of its procedures can write.
    public let facts: [AnyFactKey]
    /// The 执法监督预警 its records can raise (`AlertRule`).
    public let alertRules: [AlertRule]

    public init(
        folder: String, name: String, procedureIDs: [String],
        definitions: @escaping @Sendable (ProcedureSettings) -> [ProcedureDefinition],
        documents: [CaseDocumentKind], facts: [AnyFactKey], alertRules: [AlertRule] = [],
        render: @escaping @Sendable (DocumentInput, inout DocumentDraft) -> Void
    ) {
        self.folder = folder; self.name = name; self.procedureIDs = procedureIDs; self.definitions = definitions
        self.documents = documents; self.facts = facts; self.alertRules = alertRules; self.render = render
    }

    /// Definition problems of its procedures, and every fact it declares that none of its steps can write (a key read
    /// that nothing writes reads as absent forever — a gate that can never hold, a figure that never counts).
    public func problems(_ settings: ProcedureSettings = ProcedureSettings()) -> [String] {
        let defs = definitions(settings)
        let writable = defs.reduce(into: Set<String>()) { $0.formUnion($1.writableFacts) }
        return defs.flatMap { d in d.problems().map { "\(d.id)：\($0)" } }
            + facts.filter { !writable.contains($0.id) }.map { "事实“\($0.label)”（\($0.id)）没有任何步骤写入" }
    }
}

/// Facts the store reads from the registries for every step (not from the case): any procedure's gates may read them.
public enum RegistryFacts {
    /// The case's body is a 执法主体 whose 主体资格 is confirmed and announced on the day (行政处罚法 第十七条).
    public static let bodyConfirmed = "body.confirmed"
    /// The case's body is a 公安机关 (by its registered name): the only body Fazhi's registries hold that may impose
    /// 行政拘留 (行政处罚法 第十八条第三款).
    public static let bodyIsPublicSecurity = "body.publicSecurity"
    /// The step's `powerItemCode` is a 行政处罚 item on the body's 权责清单 on the day.
    public static let powerItemIsBodysPenalty = "powerItem.bodysPenalty"
    /// The SHA-256 of every evidence file uploaded to the case, and of those that are audio or video (第四十六条).
    public static let uploadedEvidence = "evidence.uploaded"
    public static let uploadedAudioVisual = "evidence.audiovisual"
}
