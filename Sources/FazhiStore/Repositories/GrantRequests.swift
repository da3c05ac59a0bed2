import FazhiCore
import FluentKit
import Foundation

/// A role a user asked to be given by themselves, waiting for a second 系统管理员 (`M017_GrantRequests`).
public final class GrantRequestRecord: Model, @unchecked Sendable {
    public static let schema = "grant_requests"
    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "role") public var role: String
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "requested_by") public var requestedBy: UUID
    @Field(key: "requested_at") public var requestedAt: String
    @OptionalField(key: "decided_by") public var decidedBy: UUID?
    @OptionalField(key: "decided_at") public var decidedAt: String?
    /// `approved` or `rejected`; nil while pending.
    @OptionalField(key: "decision") public var decision: String?

    public init() {}
}

/// No one grants themselves a role: a self-grant becomes a request that another administrator of the organisation
/// approves or rejects; the grant's record entry names both.
public enum GrantRequests {
    struct RequestPayload: Codable { let userID: UUID; let role: String; let organisationID: UUID }
    struct DecisionPayload: Codable {
        let request: UUID; let userID: UUID; let role: String; let organisationID: UUID; let requestedBy: UUID
        let decidedBy: UUID; let decision: String
    }

    public static func request(
        _ role: Role, for user: UserRecord, in organisationID: UUID, tx: WriteTransaction
    ) async throws -> GrantRequestRecord {
        guard try await OrganisationRecord.find(organisationID, on: tx.db) != nil else {
            throw DomainError.invalid(field: "organisationId", message: "授权单位不存在")
        }
        let uid = try user.requireID()
        if try await RoleGrantRecord.query(on: tx.db).filter(\.$userID == uid).filter(\.$role == role.rawValue)
            .filter(\.$organisationID == organisationID).first() != nil
        {
            throw DomainError.conflict(field: "role", message: "该用户在此单位已有角色“\(role.chineseName)”")
        }
        if try await GrantRequestRecord.query(on: tx.db).filter(\.$userID == uid).filter(\.$role == role.rawValue)
            .filter(\.$organisationID == organisationID).filter(\.$decision == nil).first() != nil
        {
            throw DomainError.conflict(field: "role", message: "已有相同的授权申请等待批准")
        }
        let r = GrantRequestRecord()
        r.userID = uid; r.role = role.rawValue; r.organisationID = organisationID; r.requestedBy = uid
        r.requestedAt = ChinaTime.iso(tx.now)
        try await r.create(on: tx.db)
        try tx.record(
            "grant_request", r.id!.uuidString, "request",
            RequestPayload(userID: uid, role: role.rawValue, organisationID: organisationID))
        return r
    }

    /// Approves (the grant is made) or rejects a pending request; the decider may not be the one who asked.
    @discardableResult
    public static func decide(
        _ request: GrantRequestRecord, approve: Bool, by decider: UUID, tx: WriteTransaction
    ) async throws -> RoleGrantRecord? {
        guard request.decision == nil else { throw DomainError.conflict(field: nil, message: "该授权申请已经处理") }
        guard decider != request.requestedBy, decider != request.userID else {
            throw DomainError.forbidden("为自己申请的角色须由另一名系统管理员批准")
        }
        guard let role = Role(rawValue: request.role), let user = try await UserRecord.find(request.userID, on: tx.db)
        else { throw DomainError.notFound("该授权申请所涉用户或角色不存在") }
        request.decision = approve ? "approved" : "rejected"
        request.decidedBy = decider
        request.decidedAt = ChinaTime.iso(tx.now)
        try await request.update(on: tx.db)
        try tx.record(
            "grant_request", request.id!.uuidString, approve ? "approve" : "reject",
            DecisionPayload(
                request: request.id!, userID: request.userID, role: request.role,
                organisationID: request.organisationID,
                requestedBy: request.requestedBy, decidedBy: decider, decision: request.decision!))
        return approve ? try await Accounts.grant(role, to: user, in: request.organisationID, tx: tx) : nil
    }

    /// The requests waiting in these organisations, oldest first.
    public static func pending(in organisations: Set<UUID>, on db: any Database) async throws -> [GrantRequestRecord] {
        guard !organisations.isEmpty else { return [] }
        return try await GrantRequestRecord.query(on: db).filter(\.$decision == nil)
            .filter(\.$organisationID ~~ Array(organisations)).sort(\.$requestedAt).all()
    }
}
