import Foundation

/// 台账: what a unit records through the year that no procedure produces — the principal leaders' 第一责任人 duties, the
/// 执法人员's training courses and qualification exams, the figures other systems own (单位填报), the year's 工作要点.
/// Each kind is declared here as its fields (each checked, named in Chinese), kept in one table and on the record; the
/// report reads the figures each kind's set counts from its entries.
public struct LedgerKind: Sendable {
    public let id: String
    /// 台账名称 (第一责任人履职记录).
    public let title: String
    /// What the date of an entry is (履职日期, 考试日期, 完成时限).
    public let dateLabel: String
    /// Whether the date may lie ahead (a 工作要点 task's 完成时限); an event recorded has happened.
    public let dateMayBeAhead: Bool
    public let fields: [LedgerField]
    /// Why the unit keeps it, for the page.
    public let purpose: String
    /// Rules across fields (合格人数 not above 参考人数), each refusing with its field named.
    public let rules: [@Sendable (LedgerEntry) -> DomainError?]
    /// Fields whose value may appear only once per unit and year (one 普法 figure a year).
    public let uniqueBy: [String]
    /// Columns the list shows worked out from an entry (an exam's 合格人数).
    public let derived: [Derived]
    /// Whether an entry is overdue on a day (a 工作要点 task past its 完成时限 and not done): the list shows it red.
    public let overdue: (@Sendable (LedgerEntry, CivilDate) -> Bool)?
    /// The training hours an entry gives each officer in its certificates field (a course's, if it counts), kept
    /// per officer so the 名录 reads them.
    public let officerHours: (@Sendable (LedgerEntry) -> Double)?
    /// The field naming the year an entry counts for when it may be the year before its date's (a 述法 held in
    /// January for the year before): the year's list shows those of the next year's entries too.
    public let yearField: String?
    /// The people an entry qualifies for an 执法证, by name (an exam's passed candidates): the list shows each one's
    /// certificate once the 执法人员名录 holds it, and the report counts those certified after the entry's date.
    public let qualifies: (@Sendable (LedgerEntry) -> [LedgerScore])?

    public struct Derived: Sendable {
        public let label: String
        public let value: @Sendable (LedgerEntry) -> Int
        public init(_ label: String, _ value: @escaping @Sendable (LedgerEntry) -> Int) {
            self.label = label; self.value = value
        }
    }

    public init(
        id: String, title: String, dateLabel: String, dateMayBeAhead: Bool = false, fields: [LedgerField],
        purpose: String, rules: [@Sendable (LedgerEntry) -> DomainError?] = [], uniqueBy: [String] = [],
        derived: [Derived] = [], overdue: (@Sendable (LedgerEntry, CivilDate) -> Bool)? = nil,
        officerHours: (@Sendable (LedgerEntry) -> Double)? = nil, yearField: String? = nil,
        qualifies: (@Sendable (LedgerEntry) -> [LedgerScore])? = nil
    ) {
        self.id = id; self.title = title; self.dateLabel = dateLabel; self.dateMayBeAhead = dateMayBeAhead
        self.fields = fields; self.purpose = purpose; self.rules = rules; self.uniqueBy = uniqueBy
        self.derived = derived; self.overdue = overdue; self.officerHours = officerHours; self.yearField = yearField
        self.qualifies = qualifies
    }

    public func field(_ id: String) -> LedgerField? { fields.first { $0.id == id } }

    /// The entry as kept: every value trimmed and checked against its field; refuses the first wrong one.
    public func checked(_ entry: LedgerEntry, today: CivilDate) throws -> LedgerEntry {
        guard entry.kind == id else { throw DomainError.invalid(field: "kind", message: "台账类型不符") }
        guard entry.on.year >= 2000, dateMayBeAhead ? entry.on.year <= today.year + 1 : entry.on <= today else {
            throw DomainError.invalid(
                field: "on",
                message: dateMayBeAhead ? "\(dateLabel)应在2000年至明年年底之间" : "\(dateLabel)应在2000年至今天之间")
        }
        if let unknown = entry.values.keys.first(where: { field($0) == nil }) {
            throw DomainError.invalid(field: unknown, message: "“\(title)”没有这一项")
        }
        var out = entry
        for f in fields { out.values[f.id] = try f.checked(entry.values[f.id]) }
        out.values = out.values.filter { !$0.value.isEmpty }
        for rule in rules { if let e = rule(out) { throw e } }
        return out
    }
}

/// One field of a 台账 entry.
public struct LedgerField: Sendable {
    public enum Kind: Sendable {
        /// One line of text.
        case text(max: Int)
        /// Paragraphs.
        case paragraph(max: Int)
        /// A list, one item a line.
        case lines(max: Int)
        /// A number in a range; whole numbers only when `whole`.
        case number(min: Double, max: Double, whole: Bool)
        /// One of the declared values.
        case choice([(value: String, label: String)])
        /// 执法证号, one a line — the store checks each against the 执法人员名录.
        case certificates
        /// “姓名 分数”, one a line.
        case scores
    }

    public let id: String
    public let label: String
    public let kind: Kind
    public let required: Bool
    public let hint: String?
    /// The unit a number is counted in (件, 学时).
    public let unit: String?

    public init(
        _ id: String, _ label: String, _ kind: Kind, required: Bool = true, hint: String? = nil, unit: String? = nil
    ) {
        self.id = id; self.label = label; self.kind = kind; self.required = required; self.hint = hint; self.unit = unit
    }

    public var maxItems: Int { 500 }

    /// The value trimmed and checked ("" when optional and left empty).
    func checked(_ raw: String?) throws -> String {
        let value = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if value.isEmpty {
            if required { throw DomainError.invalid(field: id, message: "请填写“\(label)”") }
            return ""
        }
        guard value.count <= 20_000 else { throw DomainError.invalid(field: id, message: "“\(label)”过长") }
        try TextChecks.checkPrintable(value, field: id, label: label)
        switch kind {
        case .text(let max):
            guard !value.contains(where: \.isNewline), value.count <= max else {
                throw DomainError.invalid(field: id, message: "“\(label)”应为一行，不超过\(max)字")
            }
            return value
        case .paragraph(let max):
            guard value.count <= max else { throw DomainError.invalid(field: id, message: "“\(label)”不超过\(max)字") }
            return value
        case .lines(let max):
            let items = LedgerEntry.split(value)
            guard items.count <= maxItems, items.allSatisfy({ $0.count <= max }) else {
                throw DomainError.invalid(field: id, message: "“\(label)”不超过\(maxItems)行，每行不超过\(max)字")
            }
            return items.joined(separator: "\n")
        case .number(let min, let max, let whole):
            // "1,200" as typed; only digits and one point ("1e3" and "nan" are not how a clerk writes a number).
            let plain = value.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "，", with: "")
            guard plain.range(of: #"^[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) != nil, let n = Double(plain),
                n.isFinite, n >= min, n <= max, !whole || n == n.rounded()
            else {
                throw DomainError.invalid(
                    field: id,
                    message:
                        "“\(label)”应为\(Yuan.number(min))至\(Yuan.number(max))之间的\(whole ? "整数" : "数")（直接填写阿拉伯数字，如 16）")
            }
            return whole ? String(Int(n)) : Yuan.number(n)
        case .choice(let choices):
            guard choices.contains(where: { $0.value == value }) else {
                throw DomainError.invalid(field: id, message: "“\(label)”应从列出的选项中选择")
            }
            return value
        case .certificates:
            let items = LedgerEntry.split(value).map { $0.uppercased() }
            guard items.count <= maxItems, items.allSatisfy({ $0.count <= 40 && !$0.contains(" ") }) else {
                throw DomainError.invalid(field: id, message: "“\(label)”每行一个执法证号，不超过\(maxItems)行")
            }
            guard Set(items).count == items.count else {
                throw DomainError.invalid(field: id, message: "“\(label)”中有重复的执法证号")
            }
            return items.joined(separator: "\n")
        case .scores:
            let items = LedgerEntry.split(value)
            guard items.count <= maxItems else {
                throw DomainError.invalid(field: id, message: "“\(label)”不超过\(maxItems)行")
            }
            var seen = Set<String>()
            for line in items {
                guard let s = LedgerEntry.score(line), s.name.count <= 40, (0...100).contains(s.score) else {
                    throw DomainError.invalid(
                        field: id, message: "“\(label)”每行写“姓名 分数”或“姓名 身份证号 分数”（0至100分）：“\(line)”不符")
                }
                if let n = s.idNumber, let p = PersonalData.idNumberProblem(n) {
                    throw DomainError.invalid(field: id, message: "“\(label)”中“\(s.name)”的身份证号不对：\(p)")
                }
                // One line a candidate: by ID number when given, else by name (同名的请写身份证号).
                guard seen.insert(s.idNumber ?? s.name).inserted else {
                    throw DomainError.invalid(
                        field: id,
                        message: s.idNumber.map { "“\(label)”中身份证号\($0)出现了两次" }
                            ?? "“\(label)”中“\(s.name)”出现了两次（同名的不同考生请在姓名后写身份证号）")
                }
            }
            return items.joined(separator: "\n")
        }
    }

    /// The label of a chosen value.
    public func label(of value: String) -> String {
        if case .choice(let choices) = kind { return choices.first { $0.value == value }?.label ?? value }
        return value
    }
}

/// One entry of a 台账: a unit's record of a day (or, for a 工作要点 task, its 完成时限).
public struct LedgerEntry: Sendable, Codable, Equatable {
    public var id: UUID
    public var unitID: UUID
    public var kind: String
    public var on: CivilDate
    public var values: [String: String]
    /// Who entered or last changed it, and when.
    public var by: String
    public var version: Int

    public init(
        id: UUID = UUID(), unitID: UUID, kind: String, on: CivilDate, values: [String: String], by: String = "",
        version: Int = 1
    ) {
        self.id = id; self.unitID = unitID; self.kind = kind; self.on = on; self.values = values; self.by = by
        self.version = version
    }

    public subscript(_ field: String) -> String { values[field] ?? "" }

    public func number(_ field: String) -> Double { Double(values[field] ?? "") ?? 0 }

    public func lines(_ field: String) -> [String] { Self.split(values[field] ?? "") }

    public func scores(_ field: String) -> [LedgerScore] { lines(field).compactMap(Self.score) }

    static func split(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// “张三 86”, “张三，86”, “张三\t86”, or with the 身份证号 between.
    static func score(_ line: String) -> LedgerScore? {
        let parts = line.split(whereSeparator: { " \t,，、\u{3000}".contains($0) }).map(String.init)
        // A plain decimal: "1e1" is no score anyone wrote.
        guard (2...3).contains(parts.count), let last = parts.last,
            last.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let s = Double(last), s.isFinite
        else { return nil }
        return LedgerScore(name: parts[0], idNumber: parts.count == 3 ? parts[1].uppercased() : nil, score: s)
    }
}

/// One candidate's line of an exam's 考生成绩: “张三 86”, or “张三 330102199001011234 86” when names repeat.
public struct LedgerScore: Sendable, Equatable {
    public let name: String
    public let idNumber: String?
    public let score: Double
}
