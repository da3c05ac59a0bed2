import Foundation

/// 法律顾问 and 公职律师 (中办发〔2016〕30号《关于推行法律顾问制度和公职律师公司律师制度的意见》): who advises which unit,
/// township or village under which contract, and what they did — contracts reviewed, decisions and 规范性文件 reviewed,
/// opinions, litigation — so the yearly figures (审查合同88件、参与重大决策28件, coverage) come from the log.
public struct LegalAdviser: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A law firm engaged as 法律顾问 (its lawyers advise under the firm's contract).
        case firm
        /// A person engaged as 法律顾问 (a lawyer, a scholar).
        case person
        /// 公职律师: a civil servant holding a 公职律师证, serving his own unit.
        case publicLawyer = "public_lawyer"
        public var label: String {
            switch self {
            case .firm: "律师事务所（法律顾问单位）"
            case .person: "法律顾问（个人）"
            case .publicLawyer: "公职律师"
            }
        }
    }
    /// Where the adviser serves (the seeds count coverage of units, townships and villages apart).
    public enum Level: String, Sendable, Codable, CaseIterable {
        case unit, township, village
        public var label: String {
            switch self {
            case .unit: "机关单位"
            case .township: "乡镇（街道）"
            case .village: "村（社区）"
            }
        }
    }

    public var id: UUID
    /// The organisation that engaged the adviser and manages the contract (a government, a department).
    public var organisationID: UUID
    public var kind: Kind
    public var name: String
    /// The law firm (for a person engaged through a firm), or the 公职律师's own unit.
    public var firm: String
    public var level: Level
    /// The unit, township or village served (by name).
    public var servedPlace: String
    public var contractFrom: CivilDate?
    public var contractUntil: CivilDate?

    public init(
        id: UUID = UUID(), organisationID: UUID, kind: Kind, name: String, firm: String, level: Level,
        servedPlace: String, contractFrom: CivilDate?, contractUntil: CivilDate?
    ) {
        self.id = id; self.organisationID = organisationID; self.kind = kind; self.name = name; self.firm = firm
        self.level = level; self.servedPlace = servedPlace; self.contractFrom = contractFrom
        self.contractUntil = contractUntil
    }

    /// Whether the contract covers the day (a 公职律师 serves without a contract).
    public func serves(on day: CivilDate) -> Bool {
        if kind == .publicLawyer && contractFrom == nil { return true }
        guard let from = contractFrom, let until = contractUntil else { return false }
        return from <= day && day <= until
    }

    /// Checks what a form gave, naming the field that is wrong (in Chinese).
    public func validated() throws -> LegalAdviser {
        var a = self
        a.name = name.trimmed; a.firm = firm.trimmed; a.servedPlace = servedPlace.trimmed
        guard (1...60).contains(a.name.count) else {
            throw DomainError.invalid(field: "name", message: "请填写法律顾问（或者律师事务所、公职律师）名称，不超过60字")
        }
        guard a.firm.count <= 100 else { throw DomainError.invalid(field: "firm", message: "所属律师事务所或者单位不超过100字") }
        guard (1...100).contains(a.servedPlace.count) else {
            throw DomainError.invalid(field: "servedPlace", message: "请填写服务的单位、乡镇或者村（社区），不超过100字")
        }
        if kind != .publicLawyer || contractFrom != nil || contractUntil != nil {
            guard let from = contractFrom, let until = contractUntil else {
                throw DomainError.invalid(field: "contractUntil", message: "法律顾问应当签订聘用合同：请填写合同起止日期")
            }
            guard from <= until, from.adding(days: 366 * 5) >= until else {
                throw DomainError.invalid(field: "contractUntil", message: "合同期限应在开始日期之后，且不超过5年")
            }
        }
        return a
    }
}

/// One piece of an adviser's work (工作台账).
public struct AdviserWork: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case contract, decision, normative, opinion, litigation, other
        public var label: String {
            switch self {
            case .contract: "审查合同"
            case .decision: "参与重大行政决策（合法性审查）"
            case .normative: "审查规范性文件"
            case .opinion: "出具法律意见"
            case .litigation: "代理诉讼、复议案件"
            case .other: "其他法律事务"
            }
        }
    }
    public var id: UUID
    public var adviserID: UUID
    public var doneOn: CivilDate
    public var kind: Kind
    /// The case in Fazhi the work was for (a decision, a 规范性文件, a 应诉), if any.
    public var caseID: UUID?
    public var subject: String
    public var note: String

    public init(
        id: UUID = UUID(), adviserID: UUID, doneOn: CivilDate, kind: Kind, caseID: UUID?, subject: String, note: String
    ) {
        self.id = id; self.adviserID = adviserID; self.doneOn = doneOn; self.kind = kind; self.caseID = caseID
        self.subject = subject; self.note = note
    }

    public func validated(today: CivilDate) throws -> AdviserWork {
        var w = self
        w.subject = subject.trimmed; w.note = note.trimmed
        guard (1...200).contains(w.subject.count) else {
            throw DomainError.invalid(field: "subject", message: "请填写事项（如合同名称、决策事项），不超过200字")
        }
        guard w.note.count <= 2_000 else { throw DomainError.invalid(field: "note", message: "意见摘要不超过2000字") }
        guard doneOn <= today, doneOn.year >= 2000 else {
            throw DomainError.invalid(field: "doneOn", message: "日期不能晚于今天")
        }
        return w
    }
}
