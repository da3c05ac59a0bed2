import Foundation

/// A 双随机 抽查任务: what is inspected, among which targets, at what ratio, by how many inspectors each, and the
/// commitment to the random value the draw will use — frozen, then drawn (or cancelled with its reason, never replaced).
public struct DrawTask: Sendable, Codable, Equatable {
    public enum State: String, Sendable, Codable {
        /// A joint task waiting for its partner departments to accept (each its item and its officers) before it is fixed.
        case proposed
        case frozen, drawn, cancelled
        public var label: String {
            switch self {
            case .proposed: "联合抽查待配合部门确认"
            case .frozen: "已固定抽取范围，待抽取"
            case .drawn: "已抽取"
            case .cancelled: "已作废"
            }
        }
    }

    public var id: UUID
    public var bodyID: UUID
    public var title: String
    /// The 随机抽查事项 (from the 清单: a 行政检查 item of the 权责清单).
    public var item: String
    /// 一般事项 (ratio limited) or 重点事项.
    public var keyItem: Bool
    public var industries: [String]
    public var areas: [String]
    public var grades: [String]
    /// The share of each risk grade's targets drawn, in per cent.
    public var ratio: Double
    public var perTarget: Int
    /// What random value the draw will use, named before it exists (a value revealed at the public session, a lottery).
    public var commitment: String
    /// The day of the public draw session: no draw before it.
    public var drawOn: CivilDate
    public var createdOn: CivilDate
    public var state: State
    public var inputsHash: String
    public var targetCount: Int
    public var inspectorCount: Int
    public var exclusionCount: Int
    public var quotas: [String: Int]
    public var revealed: String?
    public var witnesses: [String]
    public var drawnOn: CivilDate?
    public var result: [RandomDraw.Drawn]
    public var cancelReason: String?
    /// The cancelled task this one repeats.
    public var repeats: UUID?
    /// The 行政检查 case opened for each drawn target (by its code).
    public var cases: [String: UUID]?
    /// 部门联合抽查: the other departments inspecting the same targets on the same visit, each its own item with its own
    /// inspectors (国发〔2019〕5号: 联合抽查，"进一次门、查多项事").
    public var partners: [DrawPartner]?
    /// A joint task's cases at the other departments: body id → target code → case.
    public var partnerCases: [String: [String: UUID]]?

    /// The lead body and the departments joining it.
    public var bodies: [UUID] { [bodyID] + (partners ?? []).map(\.bodyID) }
    public var isJoint: Bool { !(partners ?? []).isEmpty }

    /// Every 行政检查 case the draw opened, with its body and target.
    public var openedCases: [(body: UUID, target: String, caseID: UUID)] {
        var out: [(body: UUID, target: String, caseID: UUID)] = (cases ?? [:]).map { (bodyID, $0.key, $0.value) }
        for (body, byTarget) in partnerCases ?? [:] {
            guard let b = UUID(uuidString: body) else { continue }
            out += byTarget.map { (body: b, target: $0.key, caseID: $0.value) }
        }
        return out.sorted { ($0.target, $0.body.uuidString) < ($1.target, $1.body.uuidString) }
    }

    /// A department joining a 联合抽查, with the item it checks (from its own 随机抽查事项清单 when it has one).
    public struct DrawPartner: Sendable, Codable, Equatable {
        public var bodyID: UUID
        public var item: String
        /// The department's acceptance: the day and who (its head or 法制机构) — each inspection is its own act within
        /// its own powers, so nobody else commits it.
        public var acceptedOn: CivilDate?
        public var acceptedBy: String?
        public init(bodyID: UUID, item: String) { self.bodyID = bodyID; self.item = item.trimmed }
    }

    /// Whether every partner department has accepted.
    public var partnersAccepted: Bool { (partners ?? []).allSatisfy { $0.acceptedOn != nil } }

    /// A new task, before its inputs are frozen.
    public init(
        id: UUID = UUID(), bodyID: UUID, title: String, item: String, keyItem: Bool, industries: [String],
        areas: [String], grades: [String], ratio: Double, perTarget: Int, commitment: String, drawOn: CivilDate,
        createdOn: CivilDate, repeats: UUID? = nil, partners: [DrawPartner] = []
    ) {
        self.id = id; self.bodyID = bodyID; self.title = title.trimmed; self.item = item.trimmed; self.keyItem = keyItem
        self.industries = industries; self.areas = areas; self.grades = grades; self.ratio = ratio
        self.perTarget = perTarget; self.commitment = commitment.trimmed; self.drawOn = drawOn;
        self.createdOn = createdOn
        state = .frozen; inputsHash = ""; targetCount = 0; inspectorCount = 0; exclusionCount = 0; quotas = [:]
        revealed = nil; witnesses = []; drawnOn = nil; result = []; cancelReason = nil; self.repeats = repeats
        cases = nil; self.partners = partners.isEmpty ? nil : partners; partnerCases = nil
    }

    /// Checks a new task's fields, naming the one that is wrong (in Chinese).
    public static func checkRequest(
        title: String, item: String, ratio: Double, perTarget: Int, commitment: String, drawOn: CivilDate,
        today: CivilDate
    ) throws {
        guard (1...100).contains(title.trimmed.count) else {
            throw DomainError.invalid(field: "title", message: "请填写任务名称，不超过100字")
        }
        guard (1...200).contains(item.trimmed.count), !item.contains(where: \.isNewline), !item.contains("|") else {
            throw DomainError.invalid(field: "item", message: "请填写随机抽查事项（一行，不含“|”），不超过200字")
        }
        guard ratio >= 0.1, ratio <= 100 else {
            throw DomainError.invalid(field: "ratio", message: "抽查比例应在0.1%至100%之间")
        }
        guard (2...10).contains(perTarget) else {
            throw DomainError.invalid(field: "perTarget", message: "每个检查对象应随机匹配2至10名检查人员")
        }
        guard (4...300).contains(commitment.trimmed.count) else {
            throw DomainError.invalid(
                field: "commitment", message: "请写明抽取时使用的随机数来源（如公开抽取会上两名见证人输入的数字、某期福利彩票开奖号码），不超过300字")
        }
        try TextChecks.checkPrintable(title, field: "title", label: "任务名称")
        try TextChecks.checkPrintable(item, field: "item", label: "随机抽查事项")
        try TextChecks.checkPrintable(commitment, field: "commitment", label: "随机数来源")
        guard drawOn >= today, drawOn <= today.adding(days: 366) else {
            throw DomainError.invalid(field: "drawOn", message: "抽取日期应在今天至一年以内：随机数须在固定抽取范围之后产生")
        }
    }

    /// The quota of each grade: the ratio of its targets, rounded up (a grade with targets gives at least one).
    public static func quotas(counts: [String: Int], ratio: Double) -> [String: Int] {
        counts.mapValues { n in n == 0 ? 0 : min(n, Int((Double(n) * ratio / 100).rounded(.up))) }
    }
}
