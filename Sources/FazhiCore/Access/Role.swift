import Foundation

/// The roles a user may be granted, each within one organisation (角色).
public enum Role: String, Codable, Sendable, CaseIterable {
    /// 系统管理员: manages users, roles and organisations in the organisation's subtree.
    case systemAdmin = "system_admin"
    /// 司法行政监督人员: supervises, and so reads, the whole jurisdiction (the organisation's region and below).
    case supervisor
    /// 机关负责人: the head of an organisation (approves, decides).
    case head
    /// 法制审核人员: legal reviewer (法制审核).
    case legalReviewer = "legal_reviewer"
    /// 执法人员: enforcement officer.
    case officer
    /// 复议工作人员: administrative reconsideration staff.
    case reconsiderationStaff = "reconsideration_staff"
    /// 调解员: mediates disputes for a 调解 organisation (人民调解员, 人民调解法 第十三条; or a body's 行政调解 staff).
    case mediator
    /// 政府信息公开工作人员: staff of a body's 政府信息公开工作机构 (政府信息公开条例 第四条), who register and answer
    /// requests.
    case disclosureStaff = "disclosure_staff"

    public var chineseName: String {
        switch self {
        case .systemAdmin: return "系统管理员"
        case .supervisor: return "司法行政监督人员"
        case .head: return "机关负责人"
        case .legalReviewer: return "法制审核人员"
        case .officer: return "执法人员"
        case .reconsiderationStaff: return "复议工作人员"
        case .mediator: return "调解员"
        case .disclosureStaff: return "政府信息公开工作人员"
        }
    }

    public init?(chineseOrCode s: String) {
        if let r = Role(rawValue: s) { self = r; return }
        guard let r = Role.allCases.first(where: { $0.chineseName == s }) else { return nil }
        self = r
    }
}

/// A role held within an organisation.
public struct RoleGrant: Sendable, Hashable, Codable {
    public let role: Role
    public let organisationID: UUID
    public init(role: Role, organisationID: UUID) { self.role = role; self.organisationID = organisationID }
}

/// Who may read and change what: the rules in one place, free of HTTP and storage.
///
/// A denied read is answered as "not found" (404) so that nobody learns what exists outside their scope;
/// a denied write on something the user can see is "forbidden" (403).
public struct AccessPolicy: Sendable {
    public let tree: OrganisationTree
    public init(tree: OrganisationTree) { self.tree = tree }

    /// Organisations whose data the user may read.
    public func readableOrganisations(_ grants: [RoleGrant]) -> Set<UUID> {
        var out = Set<UUID>()
        for g in grants {
            switch g.role {
            case .supervisor: out.formUnion(tree.jurisdiction(of: g.organisationID))
            default: out.formUnion(tree.subtree(of: g.organisationID))
            }
        }
        return out
    }

    /// Organisations in which the user may manage users, role grants and sub-organisations.
    public func administeredOrganisations(_ grants: [RoleGrant]) -> Set<UUID> {
        var out = Set<UUID>()
        for g in grants where g.role == .systemAdmin { out.formUnion(tree.subtree(of: g.organisationID)) }
        return out
    }

    public func canRead(organisation: UUID, grants: [RoleGrant]) -> Bool {
        readableOrganisations(grants).contains(organisation)
    }

    public func canAdminister(organisation: UUID, grants: [RoleGrant]) -> Bool {
        administeredOrganisations(grants).contains(organisation)
    }

    /// Whether the user holds `role` in `organisation` itself or in an organisation above it.
    public func holds(_ role: Role, in organisation: UUID, grants: [RoleGrant]) -> Bool {
        grants.contains { $0.role == role && tree.subtree(of: $0.organisationID).contains(organisation) }
    }
}
