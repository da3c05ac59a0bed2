import FluentKit
import Foundation

/// A person who signs in to Fazhi (用户).
public final class UserRecord: Model, @unchecked Sendable {
    public static let schema = "users"
    @ID(key: .id) public var id: UUID?
    @Field(key: "username") public var username: String
    @Field(key: "display_name") public var displayName: String
    /// Bcrypt hash.
    @Field(key: "password_hash") public var passwordHash: String
    /// The organisation the person works in (所在单位); scope rules for the account itself follow it.
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "is_active") public var isActive: Bool
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
    public init(
        id: UUID? = nil, username: String, displayName: String, passwordHash: String, organisationID: UUID,
        isActive: Bool = true
    ) {
        self.id = id; self.username = username; self.displayName = displayName; self.passwordHash = passwordHash
        self.organisationID = organisationID; self.isActive = isActive
    }
}

/// A role held within an organisation (角色授权).
public final class RoleGrantRecord: Model, @unchecked Sendable {
    public static let schema = "role_grants"
    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "role") public var role: String
    @Field(key: "organisation_id") public var organisationID: UUID
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
    public init(id: UUID? = nil, userID: UUID, role: String, organisationID: UUID) {
        self.id = id; self.userID = userID; self.role = role; self.organisationID = organisationID
    }
}

/// A bearer token for the JSON API (API 令牌). Only its SHA-256 is stored.
public final class APITokenRecord: Model, @unchecked Sendable {
    public static let schema = "api_tokens"
    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "name") public var name: String
    @Field(key: "token_hash") public var tokenHash: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @OptionalField(key: "revoked_at") public var revokedAt: Date?

    public init() {}
    public init(id: UUID? = nil, userID: UUID, name: String, tokenHash: String) {
        self.id = id; self.userID = userID; self.name = name; self.tokenHash = tokenHash
    }
}

/// The stored answer to a POST carrying an `Idempotency-Key`, so a retry gets the first result.
public final class IdempotencyRecord: Model, @unchecked Sendable {
    public static let schema = "idempotency_keys"
    @ID(key: .id) public var id: UUID?
    @Field(key: "idem_key") public var key: String
    @Field(key: "principal") public var principal: String
    @Field(key: "method") public var method: String
    @Field(key: "path") public var path: String
    @Field(key: "status") public var status: Int
    @Field(key: "content_type") public var contentType: String
    @Field(key: "body") public var body: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}
