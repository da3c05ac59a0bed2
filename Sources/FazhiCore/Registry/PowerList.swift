import Foundation

/// The ten types of administrative power in a 权责清单 (power and responsibility list).
public enum PowerType: String, Codable, Sendable, CaseIterable {
    case licensing, penalty, coercion, levy, benefit, inspection, confirmation, reward, adjudication, other

    public var chineseName: String {
        switch self {
        case .licensing: "行政许可";
        case .penalty: "行政处罚";
        case .coercion: "行政强制";
        case .levy: "行政征收"
        case .benefit: "行政给付";
        case .inspection: "行政检查";
        case .confirmation: "行政确认";
        case .reward: "行政奖励"
        case .adjudication: "行政裁决";
        case .other: "其他行政权力"
        }
    }

    /// The two letters in the item code that carry the type, so that one code always means one type
    /// (seed 003: the same item carries the same name, code, basis and type everywhere).
    public var codeLetters: String {
        switch self {
        case .licensing: "XK";
        case .penalty: "CF";
        case .coercion: "QZ";
        case .levy: "ZS";
        case .benefit: "JF"
        case .inspection: "JC";
        case .confirmation: "QR";
        case .reward: "JL";
        case .adjudication: "CJ";
        case .other: "QT"
        }
    }

    public init?(chineseOrCode s: String) {
        if let v = Self(rawValue: s) { self = v; return }
        guard
            let v = Self.allCases.first(where: {
                $0.chineseName == s || $0.codeLetters == s || ($0 == .other && s == "其他")
            })
        else { return nil }
        self = v
    }
}

/// The standard code of a list item: `<行政区划代码>-<类型字母>-<5位序号>`, with `-<3位子项号>` for a sub-item,
/// e.g. `339901-CF-00012` or `339901-CF-00012-001`.
public enum PowerCode {
    public static func problem(_ code: String, type: PowerType) -> String? {
        if isWellFormed(code, letters: type.codeLetters) { return nil }
        // `explained` compares Swift strings, which take canonically equivalent text as equal (the Kelvin sign K for
        // the letter K): a code it passes that is not these ASCII bytes is refused as one of the wrong form.
        return explained(code, type: type) ?? format(type)
    }

    /// Whether the code is a 6-digit area, the type's letters and a 5-digit number (and a 3-digit sub-item), read as
    /// bytes: an import checks every row's code, and splitting it into strings was a seventh of checking a row. It
    /// accepts only codes `explained` would accept, which then says what is wrong with the others.
    static func isWellFormed(_ code: String, letters: String) -> Bool {
        let parts = code.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard parts.count == 3 || parts.count == 4 else { return false }
        func digits(_ s: Substring.UTF8View, _ n: Int) -> Bool {
            s.count == n && s.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        }
        return digits(parts[0], 6)
            && parts[1].elementsEqual(letters.utf8)
            && digits(parts[2], 5)
            && (parts.count == 3 || digits(parts[3], 3))
    }

    static func format(_ type: PowerType) -> String {
        "事项编码格式应为“6位行政区划代码-类型字母-5位序号”"
            + "（如 339901-\(type.codeLetters)-00012），子项再加“-3位序号”"
    }

    /// What is wrong with a code (nil if nothing), checked character by character.
    static func explained(_ code: String, type: PowerType) -> String? {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        let format = format(type)
        guard parts.count == 3 || parts.count == 4 else { return format }
        func digits(_ s: String, _ n: Int) -> Bool { s.count == n && s.allSatisfy { $0.isASCII && $0.isNumber } }
        guard digits(parts[0], 6), parts[1].count == 2, digits(parts[2], 5), parts.count == 3 || digits(parts[3], 3)
        else { return format }
        guard parts[1] == type.codeLetters else {
            let named = PowerType.allCases.first { $0.codeLetters == parts[1] }
            return
                "事项编码中的类型字母“\(parts[1])”\(named.map { "表示\($0.chineseName)" } ?? "不是有效的类型字母")，与事项类型“\(type.chineseName)”（\(type.codeLetters)）不符"
        }
        return nil
    }
}

/// The legal basis of an item (设定依据): the law, the article and its text.
public struct LegalBasis: Codable, Sendable, Equatable, Hashable {
    public var law: String
    public var article: String
    public var text: String
    public init(law: String, article: String, text: String) { self.law = law; self.article = article; self.text = text }
}

/// The content of a list item at one point in time (权责事项).
public struct PowerItemContent: Codable, Sendable, Equatable {
    public var code: String
    public var name: String
    public var type: PowerType
    /// 子项 names, if the item is split.
    public var subItems: [String]
    public var basis: [LegalBasis]
    /// 实施主体.
    public var organisationID: UUID
    /// 职责事项.
    public var responsibilities: String
    /// 办理流程.
    public var process: String
    /// 追责情形.
    public var accountability: String
    /// 监督方式 (e.g. the 12345 hotline, the 司法局 supervision phone).
    public var supervision: String

    public init(
        code: String, name: String, type: PowerType, subItems: [String], basis: [LegalBasis], organisationID: UUID,
        responsibilities: String, process: String, accountability: String, supervision: String
    ) {
        self.code = code; self.name = name; self.type = type; self.subItems = subItems; self.basis = basis;
        self.organisationID = organisationID
        self.responsibilities = responsibilities; self.process = process; self.accountability = accountability;
        self.supervision = supervision
    }

    public func problem() -> DomainError? {
        if let p = PowerCode.problem(code, type: type) { return .invalid(field: "code", message: p) }
        if name.trimmed.isEmpty || name.count > 200 { return .invalid(field: "name", message: "事项名称不能为空且不超过200字") }
        if basis.isEmpty { return .invalid(field: "basis", message: "至少填写一项设定依据（法律、条款、原文）") }
        for (i, b) in basis.enumerated() where b.law.trimmed.isEmpty || b.article.trimmed.isEmpty {
            return .invalid(field: "basis[\(i)]", message: "设定依据须写明法律名称和条款")
        }
        if responsibilities.trimmed.isEmpty { return .invalid(field: "responsibilities", message: "请填写职责事项") }
        return nil
    }

    /// Field-by-field differences, named in Chinese, for the diff and history views.
    public func changedFields(from old: PowerItemContent) -> [String] {
        var out: [String] = []
        if name != old.name { out.append("事项名称") }
        if type != old.type { out.append("事项类型") }
        if subItems != old.subItems { out.append("子项") }
        if basis != old.basis { out.append("设定依据") }
        if organisationID != old.organisationID { out.append("实施主体") }
        if responsibilities != old.responsibilities { out.append("职责事项") }
        if process != old.process { out.append("办理流程") }
        if accountability != old.accountability { out.append("追责情形") }
        if supervision != old.supervision { out.append("监督方式") }
        return out
    }
}

/// The kinds of dated adjustment to the list (清单动态调整).
public enum AdjustmentKind: String, Codable, Sendable, CaseIterable {
    /// 新增: a new item.
    case add
    /// 取消: the item is cancelled and leaves the list.
    case cancel
    /// 下放: handed down to a lower-level body (the implementing body changes).
    case delegateDown = "delegate_down"
    /// 承接: taken on from a higher level.
    case takeOver = "take_over"
    /// 调整: content changed (name, basis, body…).
    case amend
    /// 暂停: suspended; listed but not exercised.
    case suspend

    public var chineseName: String {
        switch self {
        case .add: "新增";
        case .cancel: "取消";
        case .delegateDown: "下放";
        case .takeOver: "承接";
        case .amend: "调整";
        case .suspend: "暂停"
        }
    }

    public init?(chineseOrCode s: String) {
        if let v = Self(rawValue: s) { self = v; return }
        guard let v = Self.allCases.first(where: { $0.chineseName == s }) else { return nil }
        self = v
    }

    /// Whether this kind brings an item into the list (the first adjustment of an item, or after a cancellation).
    public var creates: Bool { self == .add || self == .takeOver }

    /// The item's status once this adjustment is in effect.
    public var resultingStatus: PowerItemStatus {
        switch self {
        case .cancel: .cancelled
        case .suspend: .suspended
        default: .inForce
        }
    }
}

public enum PowerItemStatus: String, Codable, Sendable {
    case inForce = "in_force", suspended, cancelled
    public var chineseName: String {
        switch self {
        case .inForce: "实施中";
        case .suspended: "暂停";
        case .cancelled: "已取消"
        }
    }
}

/// One dated adjustment with the item's full content after it, reason, approving document and approver.
public struct PowerAdjustment: Codable, Sendable, Equatable {
    public var kind: AdjustmentKind
    public var effectiveOn: CivilDate
    /// Order among adjustments of the same item on the same day.
    public var sequence: Int
    public var reason: String
    /// 批准文号.
    public var approvalDocument: String
    /// 批准人/批准机关.
    public var approver: String
    public var content: PowerItemContent

    public init(
        kind: AdjustmentKind, effectiveOn: CivilDate, sequence: Int, reason: String, approvalDocument: String,
        approver: String, content: PowerItemContent
    ) {
        self.kind = kind; self.effectiveOn = effectiveOn; self.sequence = sequence; self.reason = reason
        self.approvalDocument = approvalDocument; self.approver = approver; self.content = content
    }
}

/// An item as listed on one date.
public struct ListedPowerItem: Sendable, Equatable {
    public let content: PowerItemContent
    public let status: PowerItemStatus
    public let since: CivilDate
    public let lastAdjustment: AdjustmentKind
    public init(content: PowerItemContent, status: PowerItemStatus, since: CivilDate, lastAdjustment: AdjustmentKind) {
        self.content = content; self.status = status; self.since = since; self.lastAdjustment = lastAdjustment
    }
}

/// The list's history: whether an adjustment may be made, the list as of any date, and diffs between dates.
public enum PowerListHistory {
    /// Checks a new adjustment against the item's existing adjustments (any order). Refuses an adjustment dated
    /// before the item exists, a first adjustment that does not create the item, one that re-creates an item
    /// that is in the list, and any change to a cancelled item other than re-adding it.
    public static func check(_ new: PowerAdjustment, against existing: [PowerAdjustment]) -> DomainError? {
        if new.reason.trimmed.isEmpty { return .invalid(field: "reason", message: "请填写调整原因") }
        if new.approvalDocument.trimmed.isEmpty { return .invalid(field: "approvalDocument", message: "请填写批准文号") }
        if new.approver.trimmed.isEmpty { return .invalid(field: "approver", message: "请填写批准人或批准机关") }
        if let p = new.content.problem() { return p }
        let sorted = existing.sorted { ($0.effectiveOn, $0.sequence) < ($1.effectiveOn, $1.sequence) }
        guard let first = sorted.first else {
            return new.kind.creates
                ? nil
                : .invalid(
                    field: "kind", message: "事项 \(new.content.code) 尚不在清单中，首次调整应为“新增”或“承接”，不能是“\(new.kind.chineseName)”"
                )
        }
        if new.effectiveOn < first.effectiveOn {
            return .invalid(field: "effectiveOn", message: "调整日期 \(new.effectiveOn) 早于该事项列入清单的日期 \(first.effectiveOn)")
        }
        // Adjustments are appended in time order: a change dated before the last one would rewrite history.
        let last = sorted.last!
        if new.effectiveOn < last.effectiveOn {
            return .invalid(
                field: "effectiveOn",
                message:
                    "调整日期 \(new.effectiveOn) 早于该事项最近一次调整（\(last.effectiveOn) \(last.kind.chineseName)）；清单调整只能按时间顺序追加")
        }
        switch (last.kind.resultingStatus, new.kind.creates) {
        case (.cancelled, false):
            return .invalid(field: "kind", message: "事项 \(new.content.code) 已于 \(last.effectiveOn) 取消，只能重新“新增”或“承接”")
        case (.inForce, true), (.suspended, true):
            return .conflict(field: "code", message: "事项编码 \(new.content.code) 已在清单中，不能重复\(new.kind.chineseName)")
        default: break
        }
        if new.content.code != last.content.code { return .invalid(field: "code", message: "调整不能改变事项编码") }
        if new.content.type != last.content.type {
            return .invalid(field: "type", message: "事项类型由编码决定，不能改变；类型不同应取消原事项、新增新编码的事项")
        }
        return nil
    }

    /// The adjustment in effect on `date` for one item: the latest dated on or before it (ties: the later sequence).
    public static func inEffect(_ adjustments: [PowerAdjustment], on date: CivilDate) -> PowerAdjustment? {
        adjustments.filter { $0.effectiveOn <= date }.max {
            ($0.effectiveOn, $0.sequence) < ($1.effectiveOn, $1.sequence)
        }
    }

    /// The item as listed on `date`, or nil if it was not in the list then (not yet added, or cancelled).
    public static func listed(_ adjustments: [PowerAdjustment], on date: CivilDate) -> ListedPowerItem? {
        guard let a = inEffect(adjustments, on: date), a.kind.resultingStatus != .cancelled else { return nil }
        return ListedPowerItem(
            content: a.content, status: a.kind.resultingStatus, since: a.effectiveOn, lastAdjustment: a.kind)
    }

    /// The whole list on `date`, from every item's adjustments (keyed by item code).
    public static func list(_ history: [String: [PowerAdjustment]], on date: CivilDate) -> [String: ListedPowerItem] {
        var out: [String: ListedPowerItem] = [:]
        for (code, adj) in history { if let l = listed(adj, on: date) { out[code] = l } }
        return out
    }

    /// What changed between the list on one date and on another.
    public static func diff(from old: [String: ListedPowerItem], to new: [String: ListedPowerItem]) -> PowerListDiff {
        var d = PowerListDiff()
        for (code, n) in new {
            guard let o = old[code] else { d.added.append(n); continue }
            var fields = n.content.changedFields(from: o.content)
            if n.status != o.status { fields.insert("状态（\(o.status.chineseName)→\(n.status.chineseName)）", at: 0) }
            if !fields.isEmpty { d.changed.append(.init(before: o, after: n, fields: fields)) }
        }
        for (code, o) in old where new[code] == nil { d.removed.append(o) }
        d.added.sort { $0.content.code < $1.content.code }
        d.removed.sort { $0.content.code < $1.content.code }
        d.changed.sort { $0.after.content.code < $1.after.content.code }
        return d
    }
}

/// The difference between the list on two dates.
public struct PowerListDiff: Sendable, Equatable {
    public struct Change: Sendable, Equatable {
        public let before: ListedPowerItem
        public let after: ListedPowerItem
        public let fields: [String]
    }
    public var added: [ListedPowerItem] = []
    public var removed: [ListedPowerItem] = []
    public var changed: [Change] = []
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }
}

extension PowerType: CanonicalJSONWritable {}
extension AdjustmentKind: CanonicalJSONWritable {}

extension LegalBasis: CanonicalJSONWritable {
    /// Its `Encodable` form, keys in sorted order (an import records every row).
    public func write(to json: inout CanonicalJSONWriter) throws {
        json.openObject()
        json.field("article", article)
        json.field("law", law)
        json.field("text", text)
        json.closeObject()
    }
}

extension PowerItemContent: CanonicalJSONWritable {
    /// Its `Encodable` form, keys in sorted order (an import stores and records every item's content).
    public func write(to json: inout CanonicalJSONWriter) throws {
        json.openObject()
        json.field("accountability", accountability)
        try json.field("basis", basis)
        json.field("code", code)
        json.field("name", name)
        json.field("organisationID", organisationID)
        json.field("process", process)
        json.field("responsibilities", responsibilities)
        try json.field("subItems", subItems)
        json.field("supervision", supervision)
        try json.field("type", type)
        json.closeObject()
    }
}

extension PowerAdjustment: CanonicalJSONWritable {
    /// Its `Encodable` form, keys in sorted order.
    public func write(to json: inout CanonicalJSONWriter) throws {
        json.openObject()
        json.field("approvalDocument", approvalDocument)
        json.field("approver", approver)
        try json.field("content", content)
        json.field("effectiveOn", effectiveOn)
        try json.field("kind", kind)
        json.field("reason", reason)
        json.field("sequence", sequence)
        json.closeObject()
    }
}
