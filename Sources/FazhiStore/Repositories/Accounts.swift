import Crypto
import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// Users, their role grants and API tokens. Password hashing is passed in (the HTTP layer owns Bcrypt).
public enum Accounts {
    /// What the record keeps of a user change: never the password or its hash.
    struct UserPayload: Codable {
        let username: String; let displayName: String; let organisationID: UUID; let isActive: Bool
    }
    struct GrantPayload: Codable { let userID: UUID; let role: String; let organisationID: UUID }
    struct TokenPayload: Codable { let userID: UUID; let name: String }

    public static func validateUsername(_ s: String) throws -> String {
        let u = s.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard (3...32).contains(u.count),
            u.unicodeScalars.allSatisfy({
                CharacterSet.lowercaseLetters.contains($0) && $0.isASCII
                    || CharacterSet.decimalDigits.contains($0) && $0.isASCII || "._-".unicodeScalars.contains($0)
            })
        else {
            throw DomainError.invalid(field: "username", message: "用户名应为3–32位小写字母、数字或 . _ -")
        }
        return u
    }

    public static func validatePassword(_ p: String) throws {
        guard p.count >= 10 else { throw DomainError.invalid(field: "password", message: "密码至少10位") }
        guard p.count <= 72 else { throw DomainError.invalid(field: "password", message: "密码不超过72位") }
        let hasLetter = p.contains { $0.isLetter }, hasDigit = p.contains { $0.isNumber }
        guard hasLetter && hasDigit else { throw DomainError.invalid(field: "password", message: "密码须同时包含字母和数字") }
    }

    public static func createUser(
        username: String, displayName: String, passwordHash: String, organisationID: UUID,
        in tx: WriteTransaction
    ) async throws -> UserRecord {
        let u = try validateUsername(username)
        let name = displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 50 else {
            throw DomainError.invalid(field: "displayName", message: "姓名不能为空且不超过50字")
        }
        guard try await OrganisationRecord.find(organisationID, on: tx.db) != nil else {
            throw DomainError.invalid(field: "organisationId", message: "所在单位不存在")
        }
        if try await UserRecord.query(on: tx.db).filter(\.$username == u).first() != nil {
            throw DomainError.conflict(field: "username", message: "用户名 \(u) 已被使用")
        }
        let user = UserRecord(
            username: u, displayName: name, passwordHash: passwordHash, organisationID: organisationID)
        try await user.create(on: tx.db)
        try tx.record(
            "user", user.id!.uuidString, "create",
            UserPayload(username: u, displayName: name, organisationID: organisationID, isActive: true))
        return user
    }

    /// Sets a new password. Whoever held the old one is signed out everywhere: the user's sessions end and their API
    /// tokens are revoked, in the same transaction.
    public static func setPassword(user: UserRecord, passwordHash: String, in tx: WriteTransaction) async throws {
        user.passwordHash = passwordHash
        try await user.save(on: tx.db)
        try tx.record("user", user.id!.uuidString, "password", ["changed": true])
        try await endSessions(of: user.id!, in: tx)
        try await revokeTokens(of: user.id!, in: tx)
    }

    /// Ends every session of the user: their browsers must sign in again (a password reset, a deactivation, a removed
    /// role). A session keeps the user's id in its data (`uid`).
    public static func endSessions(of userID: UUID, in tx: WriteTransaction) async throws {
        try await tx.sql.raw("DELETE FROM sessions WHERE data LIKE \(bind: "%" + userID.uuidString + "%")").run()
        try tx.record("user", userID.uuidString, "sessions_ended", ["ended": true])
    }

    /// Revokes every API token of the user still in force.
    public static func revokeTokens(of userID: UUID, in tx: WriteTransaction) async throws {
        let tokens = try await APITokenRecord.query(on: tx.db).filter(\.$userID == userID).filter(\.$revokedAt == nil)
            .all()
        for t in tokens { try await revoke(token: t, tx: tx) }
    }

    public static func setActive(user: UserRecord, active: Bool, in tx: WriteTransaction) async throws {
        user.isActive = active
        try await user.save(on: tx.db)
        if !active { try await endSessions(of: user.id!, in: tx) }
        try tx.record(
            "user", user.id!.uuidString, active ? "enable" : "disable",
            UserPayload(
                username: user.username, displayName: user.displayName, organisationID: user.organisationID,
                isActive: active))
    }

    public static func grant(
        _ role: Role, to user: UserRecord, in organisationID: UUID, tx: WriteTransaction
    ) async throws -> RoleGrantRecord {
        guard try await OrganisationRecord.find(organisationID, on: tx.db) != nil else {
            throw DomainError.invalid(field: "organisationId", message: "授权单位不存在")
        }
        let uid = try user.requireID()
        if try await RoleGrantRecord.query(on: tx.db).filter(\.$userID == uid).filter(\.$role == role.rawValue)
            .filter(\.$organisationID == organisationID).first() != nil
        {
            throw DomainError.conflict(field: "role", message: "该用户在此单位已有角色“\(role.chineseName)”")
        }
        let g = RoleGrantRecord(userID: uid, role: role.rawValue, organisationID: organisationID)
        try await g.create(on: tx.db)
        try tx.record(
            "role_grant", g.id!.uuidString, "grant",
            GrantPayload(userID: uid, role: role.rawValue, organisationID: organisationID))
        return g
    }

    /// Removes a role; the user's sessions end, so no page opened with the role stays in use.
    public static func revoke(grant g: RoleGrantRecord, tx: WriteTransaction) async throws {
        try await g.delete(on: tx.db)
        try await endSessions(of: g.userID, in: tx)
        try tx.record(
            "role_grant", g.id!.uuidString, "revoke",
            GrantPayload(userID: g.userID, role: g.role, organisationID: g.organisationID))
    }

    public static func grants(of userID: UUID, on db: any Database) async throws -> [RoleGrant] {
        try await RoleGrantRecord.query(on: db).filter(\.$userID == userID).all().compactMap { g in
            Role(rawValue: g.role).map { RoleGrant(role: $0, organisationID: g.organisationID) }
        }
    }

    public static func user(named username: String, on db: any Database) async throws -> UserRecord? {
        try await UserRecord.query(on: db).filter(\.$username == username.lowercased()).first()
    }

    // MARK: API tokens

    public static func tokenHash(_ token: String) -> String { Hex.encode(SHA256.hash(data: Array(token.utf8))) }

    /// Creates a token and returns it in clear once; only its hash is kept.
    public static func createToken(
        for user: UserRecord, name: String, tx: WriteTransaction
    ) async throws -> (APITokenRecord, String) {
        let n = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !n.isEmpty, n.count <= 60 else { throw DomainError.invalid(field: "name", message: "令牌名称不能为空且不超过60字") }
        var bytes = [UInt8](repeating: 0, count: 32)
        var rng = SystemRandomNumberGenerator()
        for i in bytes.indices { bytes[i] = rng.next() }
        let clear = "fz_" + Hex.encode(bytes)
        let t = APITokenRecord(userID: try user.requireID(), name: n, tokenHash: tokenHash(clear))
        try await t.create(on: tx.db)
        try tx.record("api_token", t.id!.uuidString, "create", TokenPayload(userID: t.userID, name: n))
        return (t, clear)
    }

    public static func revoke(token t: APITokenRecord, tx: WriteTransaction) async throws {
        guard t.revokedAt == nil else { throw DomainError.conflict(field: nil, message: "该令牌已吊销") }
        t.revokedAt = tx.now
        try await t.save(on: tx.db)
        try tx.record("api_token", t.id!.uuidString, "revoke", TokenPayload(userID: t.userID, name: t.name))
    }

    /// Keeps a token's reads on the primary for `seconds`: its client just wrote, and an API client carries no cookie
    /// to say so (read-your-writes with streaming replicas, which only PostgreSQL has). Not a recorded change: it
    /// decides only where the client's next reads go — so it is committed locally, without waiting for a synchronous
    /// standby. Every write gets at least `seconds`: the mark is set half a window further (1.5 × `seconds`) and
    /// rewritten only once less than a whole window is left, so a client writing in parallel does not queue on its
    /// token's row at every write. Times are the primary's clock, which every node reads alike.
    public static func noteWrite(tokenHash: String, seconds: Int, on db: any Database) async throws {
        let window = Double(seconds)
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            try await sql.raw("SET LOCAL synchronous_commit = local").run()
            try await sql.raw(
                """
                UPDATE api_tokens SET wrote_until = EXTRACT(EPOCH FROM clock_timestamp()) + \(bind: window * 1.5)
                WHERE token_hash = \(bind: tokenHash)
                  AND (wrote_until IS NULL
                       OR wrote_until < EXTRACT(EPOCH FROM clock_timestamp()) + \(bind: window))
                """
            ).run()
        }
    }

    /// Whether a token's client wrote so lately that its reads must still come from the primary (PostgreSQL).
    public static func wroteRecently(tokenHash: String, on db: any SQLDatabase) async throws -> Bool {
        try await db.raw(
            """
            SELECT 1 AS yes FROM api_tokens
            WHERE token_hash = \(bind: tokenHash) AND wrote_until > EXTRACT(EPOCH FROM clock_timestamp())
            """
        ).first() != nil
    }

    public static func user(forToken token: String, on db: any Database) async throws -> UserRecord? {
        guard
            let t = try await APITokenRecord.query(on: db).filter(\.$tokenHash == tokenHash(token)).filter(
                \.$revokedAt == nil
            ).first()
        else { return nil }
        guard let u = try await UserRecord.find(t.userID, on: db), u.isActive else { return nil }
        return u
    }
}
