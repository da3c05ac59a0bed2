import Foundation

/// How an organisation holds its enforcement power (执法主体类型).
public enum EnforcementBodyKind: String, Codable, Sendable, CaseIterable {
    /// 法定: the power is given to the body itself by law.
    case statutory
    /// 授权: an organisation given the power by a law or regulation (法律、法规授权的组织).
    case authorised
    /// 委托: acts in the name of an entrusting body (行政处罚法 第二十条), which stays responsible.
    case entrusted

    public var chineseName: String {
        switch self {
        case .statutory: "法定";
        case .authorised: "授权";
        case .entrusted: "委托"
        }
    }

    public init?(chineseOrCode s: String) {
        if let k = Self(rawValue: s) { self = k; return }
        guard let k = Self.allCases.first(where: { $0.chineseName == s || $0.chineseName + "行政机关" == s }) else {
            return nil
        }
        self = k
    }
}

/// An organisation's enforcement qualification (执法主体资格), confirmed and announced
/// (主体资格确认和公告, 行政处罚法 第三十九条 requires the implementing body to be published).
public struct EnforcementBody: Codable, Sendable, Equatable {
    public var organisationID: UUID
    public var kind: EnforcementBodyKind
    /// For 委托 only: the body that entrusts (委托机关).
    public var entrustingOrganisationID: UUID?
    public var legalBasis: String
    /// 执法领域, e.g. 市场监管、食品安全.
    public var scope: String
    /// Date of confirmation; nil while not yet confirmed. Only a confirmed body can open cases.
    public var confirmedOn: CivilDate?
    /// The announcement document (公告文号).
    public var announcementDocument: String

    public init(
        organisationID: UUID, kind: EnforcementBodyKind, entrustingOrganisationID: UUID?, legalBasis: String,
        scope: String, confirmedOn: CivilDate?, announcementDocument: String
    ) {
        self.organisationID = organisationID; self.kind = kind; self.entrustingOrganisationID = entrustingOrganisationID
        self.legalBasis = legalBasis; self.scope = scope; self.confirmedOn = confirmedOn;
        self.announcementDocument = announcementDocument
    }

    /// Whether the body may open cases on `date` (confirmed on or before it).
    public func isConfirmed(on date: CivilDate) -> Bool { confirmedOn.map { $0 <= date } ?? false }

    /// The first problem with the fields, in Chinese with the field name; nil when acceptable.
    public func problem() -> DomainError? {
        if kind == .entrusted && entrustingOrganisationID == nil {
            return .invalid(field: "entrustingOrganisationId", message: "委托执法须写明委托机关（行政处罚法 第二十条）")
        }
        if kind != .entrusted && entrustingOrganisationID != nil {
            return .invalid(field: "entrustingOrganisationId", message: "只有委托执法才有委托机关")
        }
        if entrustingOrganisationID == organisationID {
            return .invalid(field: "entrustingOrganisationId", message: "委托机关不能是受托组织自身")
        }
        if legalBasis.trimmed.isEmpty { return .invalid(field: "legalBasis", message: "请填写执法依据") }
        if scope.trimmed.isEmpty { return .invalid(field: "scope", message: "请填写执法领域") }
        if confirmedOn != nil && announcementDocument.trimmed.isEmpty {
            return .invalid(field: "announcementDocument", message: "已确认的执法主体须有公告文号（主体资格确认和公告）")
        }
        return nil
    }
}

extension String {
    /// Without leading and trailing white space (Unicode White_Space, so 全角空格 too). Native rather than
    /// Foundation's `trimmingCharacters`, which bridged through NSString was a tenth of an import's time.
    public var trimmed: String {
        if !Self.mayBeWhiteSpace(utf8.first) && !Self.mayBeWhiteSpace(utf8.last(where: { $0 & 0xC0 != 0x80 })) {
            return self
        }
        let u = unicodeScalars
        guard let first = u.first, let last = u.last else { return self }
        if !first.properties.isWhitespace && !last.properties.isWhitespace { return self }
        var start = u.startIndex, end = u.endIndex
        while start < end, u[start].properties.isWhitespace { start = u.index(after: start) }
        while end > start, u[u.index(before: end)].properties.isWhitespace { end = u.index(before: end) }
        return String(u[start..<end])
    }

    /// Whether a scalar starting with this UTF-8 byte can be white space: the ASCII ones, U+0085 and U+00A0 (C2),
    /// U+1680 (E1), U+2000–U+205F (E2) and U+3000 (E3). Every other byte rules it out without looking the scalar up.
    private static func mayBeWhiteSpace(_ lead: UInt8?) -> Bool {
        guard let b = lead else { return false }
        return (0x09...0x0D).contains(b) || b == 0x20 || b == 0xC2 || (0xE1...0xE3).contains(b)
    }
}
