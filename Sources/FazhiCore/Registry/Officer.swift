import Foundation

/// The state of an enforcement certificate (执法证件状态).
public enum CertificateStatus: String, Codable, Sendable, CaseIterable {
    /// 在岗: valid for use.
    case active
    /// 暂扣: withheld; the officer may not act meanwhile.
    case suspended
    /// 注销: cancelled for good.
    case revoked

    public var chineseName: String {
        switch self {
        case .active: "在岗";
        case .suspended: "暂扣";
        case .revoked: "注销"
        }
    }

    public init?(chineseOrCode s: String) {
        if let v = Self(rawValue: s) { self = v; return }
        guard let v = Self.allCases.first(where: { $0.chineseName == s }) else { return nil }
        self = v
    }
}

/// An administrative enforcement certificate (行政执法证).
public struct EnforcementCertificate: Codable, Sendable, Equatable {
    public var number: String
    /// 执法类别, e.g. 市场监管.
    public var category: String
    /// 执法区域.
    public var region: String
    public var issuedOn: CivilDate
    public var expiresOn: CivilDate
    public var status: CertificateStatus

    public init(
        number: String, category: String, region: String, issuedOn: CivilDate, expiresOn: CivilDate,
        status: CertificateStatus
    ) {
        self.number = number; self.category = category; self.region = region; self.issuedOn = issuedOn;
        self.expiresOn = expiresOn; self.status = status
    }

    /// Certificate numbers: 6–30 letters, digits or hyphens (provinces differ in their scheme).
    public static func numberProblem(_ n: String) -> String? {
        // ASCII only, so bytes are characters.
        let allowed = n.utf8.allSatisfy { b in
            (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
                || b == UInt8(ascii: "-")
        }
        guard allowed, (6...30).contains(n.utf8.count) else {
            return "执法证号应为6–30位字母、数字或连字符"
        }
        return nil
    }

    public func problem() -> DomainError? {
        if let p = Self.numberProblem(number) { return .invalid(field: "certificateNumber", message: p) }
        if category.trimmed.isEmpty { return .invalid(field: "certificateCategory", message: "请填写执法类别") }
        if expiresOn <= issuedOn {
            return .invalid(field: "certificateExpiresOn", message: "有效期至（\(expiresOn)）应晚于发证日期（\(issuedOn)）：证件不能发证即过期")
        }
        return nil
    }
}

/// Why an officer may or may not act in a case on a given day.
public enum OfficerEligibility: Equatable, Sendable {
    case eligible
    case notEligible(reason: String, article: String)

    public var isEligible: Bool { self == .eligible }
}

/// An enforcement officer (执法人员) as the domain needs them: certificate, legal qualification, training.
public struct OfficerProfile: Codable, Sendable, Equatable {
    public var name: String
    public var certificate: EnforcementCertificate
    /// 法律职业资格 (passed the national unified legal professional qualification exam).
    public var hasLegalQualification: Bool
    /// Training hours recorded per year (年度培训学时).
    public var trainingHours: [Int: Double]

    public init(
        name: String, certificate: EnforcementCertificate, hasLegalQualification: Bool, trainingHours: [Int: Double]
    ) {
        self.name = name; self.certificate = certificate; self.hasLegalQualification = hasLegalQualification;
        self.trainingHours = trainingHours
    }

    /// Only an officer with a valid, unexpired, active certificate may act (行政处罚法 第四十二条: penalties are
    /// imposed by officers with enforcement qualification; 第七十六条(五): acting without it is a liability ground).
    public func eligibility(on date: CivilDate) -> OfficerEligibility {
        let article = "行政处罚法 第四十二条、第七十六条"
        switch certificate.status {
        case .suspended: return .notEligible(reason: "\(name)的执法证（\(certificate.number)）已暂扣", article: article)
        case .revoked: return .notEligible(reason: "\(name)的执法证（\(certificate.number)）已注销", article: article)
        case .active: break
        }
        if date < certificate.issuedOn {
            return .notEligible(
                reason: "\(name)的执法证（\(certificate.number)）\(certificate.issuedOn)才发证", article: article)
        }
        if date > certificate.expiresOn {
            return .notEligible(
                reason: "\(name)的执法证（\(certificate.number)）已于\(certificate.expiresOn)过期", article: article)
        }
        return .eligible
    }
}

/// Thresholds for the registry alerts. The 60-hour yearly training target is best knowledge only
/// (statutes §G marks "每年不少于60学时" [U]): deployers set `FAZHI_TRAINING_HOURS_TARGET`.
public struct RegistrySettings: Sendable, Equatable {
    public var trainingHoursTarget: Double
    public var expiryWarningDays: Int
    public init(trainingHoursTarget: Double = 60, expiryWarningDays: Int = 30) {
        self.trainingHoursTarget = trainingHoursTarget; self.expiryWarningDays = expiryWarningDays
    }
}

/// A registry alert on the console (证件将到期、已过期、培训学时不足).
public enum OfficerAlert: Equatable, Sendable {
    case expiresSoon(daysLeft: Int)
    case expired(since: CivilDate)
    case trainingBelowTarget(year: Int, hours: Double, target: Double)

    public var text: String {
        switch self {
        case .expiresSoon(let d): return d == 0 ? "执法证今日到期" : "执法证\(d)天后到期"
        case .expired(let since): return "执法证已于\(since)过期"
        case .trainingBelowTarget(let y, let h, let t): return "\(y)年培训\(Self.hours(h))学时，低于\(Self.hours(t))学时"
        }
    }

    static func hours(_ h: Double) -> String {
        h.isFinite && abs(h) < 1e9 && h == h.rounded() ? String(Int(h)) : String(format: "%.1f", h)
    }

    /// The alerts for one officer on `today`. A cancelled certificate raises none (the officer is out of service).
    public static func alerts(for o: OfficerProfile, today: CivilDate, settings: RegistrySettings) -> [OfficerAlert] {
        guard o.certificate.status != .revoked else { return [] }
        var out: [OfficerAlert] = []
        let left = today.days(until: o.certificate.expiresOn)
        if left < 0 {
            out.append(.expired(since: o.certificate.expiresOn))
        } else if left <= settings.expiryWarningDays {
            out.append(.expiresSoon(daysLeft: left))
        }
        let hours = o.trainingHours[today.year] ?? 0
        if hours < settings.trainingHoursTarget {
            out.append(.trainingBelowTarget(year: today.year, hours: hours, target: settings.trainingHoursTarget))
        }
        return out
    }
}

extension CertificateStatus: CanonicalJSONWritable {}

extension EnforcementCertificate: CanonicalJSONWritable {
    /// Its `Encodable` form, keys in sorted order (an import records every row).
    public func write(to json: inout CanonicalJSONWriter) throws {
        json.openObject()
        json.field("category", category)
        json.field("expiresOn", expiresOn)
        json.field("issuedOn", issuedOn)
        json.field("number", number)
        json.field("region", region)
        try json.field("status", status)
        json.closeObject()
    }
}
