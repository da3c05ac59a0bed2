import FazhiCore
import FazhiStore
import Fluent
import Foundation
import Vapor

/// Admin tasks from the shell; each change is recorded with actor `system`.
struct UserAddCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "username", help: "用户名") var username: String?
        @Option(name: "name", help: "姓名") var name: String?
        @Option(name: "org", help: "所在单位名称或 ID") var org: String?
        @Option(name: "password", help: "初始密码（缺省则从标准输入读取）") var password: String?
        @Option(name: "role", help: "初始角色（代码或中文名，如 system_admin / 系统管理员）") var role: String?
    }
    var help: String { "新建用户" }
    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await openStore(app)
        guard let username = signature.username, let name = signature.name, let orgText = signature.org else {
            throw CommandFailure("请给出 --username、--name 和 --org")
        }
        let org = try await findOrganisation(orgText, on: app.db)
        let password = try signature.password ?? readPassword()
        try Accounts.validatePassword(password)
        var parsedRole: Role?
        if let r = signature.role {
            guard let parsed = Role(chineseOrCode: r) else { throw CommandFailure("未知角色：\(r)") }; parsedRole = parsed
        }
        let role = parsedRole
        let hash = try await app.password.async.hash(password)
        let u = try await app.fazhi.store.write(on: app.db, .system, now: app.fazhi.now) { tx in
            let u = try await Accounts.createUser(
                username: username, displayName: name, passwordHash: hash, organisationID: org.id!, in: tx)
            if let role { _ = try await Accounts.grant(role, to: u, in: org.id!, tx: tx) }
            return u
        }
        context.console.print("已创建用户 \(u.username)（\(u.id!.uuidString)）")
    }
}

struct UserPasswdCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "username") var username: String
        @Option(name: "password", help: "新密码（缺省则从标准输入读取）") var password: String?
    }
    var help: String { "重设用户密码" }
    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await openStore(app)
        guard let u = try await Accounts.user(named: signature.username, on: app.db) else {
            throw CommandFailure("用户不存在：\(signature.username)")
        }
        let password = try signature.password ?? readPassword()
        try Accounts.validatePassword(password)
        let hash = try await app.password.async.hash(password)
        try await app.fazhi.store.write(on: app.db, .system, now: app.fazhi.now) { tx in
            try await Accounts.setPassword(user: u, passwordHash: hash, in: tx)
        }
        context.console.print("已重设 \(u.username) 的密码")
    }
}

struct UserRoleCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "username") var username: String
        @Option(name: "role", help: "角色（代码或中文名）") var role: String?
        @Option(name: "org", help: "单位名称或 ID（缺省为所在单位）") var org: String?
        @Flag(name: "revoke", help: "撤销而非授予") var revoke: Bool
    }
    var help: String { "授予或撤销角色" }
    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await openStore(app)
        guard let u = try await Accounts.user(named: signature.username, on: app.db) else {
            throw CommandFailure("用户不存在：\(signature.username)")
        }
        guard let rt = signature.role, let role = Role(chineseOrCode: rt) else {
            throw CommandFailure(
                "请用 --role 给出角色：" + Role.allCases.map { "\($0.rawValue)（\($0.chineseName)）" }.joined(separator: "、"))
        }
        var chosenOrg = u.organisationID
        if let o = signature.org { chosenOrg = try await findOrganisation(o, on: app.db).id! }
        let orgID = chosenOrg
        if signature.revoke {
            guard
                let g = try await RoleGrantRecord.query(on: app.db).filter(\.$userID == u.id!).filter(
                    \.$role == role.rawValue
                ).filter(\.$organisationID == orgID).first()
            else {
                throw CommandFailure("该用户在此单位没有角色 \(role.chineseName)")
            }
            try await app.fazhi.store.write(on: app.db, .system, now: app.fazhi.now) { tx in
                try await Accounts.revoke(grant: g, tx: tx)
            }
            context.console.print("已撤销 \(u.username) 的角色 \(role.chineseName)")
        } else {
            _ = try await app.fazhi.store.write(on: app.db, .system, now: app.fazhi.now) { tx in
                try await Accounts.grant(role, to: u, in: orgID, tx: tx)
            }
            context.console.print("已授予 \(u.username) 角色 \(role.chineseName)")
        }
    }
}

func findOrganisation(_ text: String, on db: any Database) async throws -> OrganisationRecord {
    if let id = UUID(uuidString: text), let o = try await OrganisationRecord.find(id, on: db) { return o }
    let matches = try await OrganisationRecord.query(on: db).filter(\.$name == text).all()
    guard matches.count == 1 else { throw CommandFailure(matches.isEmpty ? "单位不存在：\(text)" : "有多个同名单位，请用 ID：\(text)") }
    return matches[0]
}

func readPassword() throws -> String {
    guard let line = readLine(strippingNewline: true), !line.isEmpty else {
        throw CommandFailure("请用 --password 给出密码，或从标准输入输入")
    }
    return line
}

struct UserTokenCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "username") var username: String
        @Option(name: "name", help: "令牌名称（用途）") var name: String?
    }
    var help: String { "为用户创建 API 令牌（明文只输出这一次）" }
    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await openStore(app)
        guard let u = try await Accounts.user(named: signature.username, on: app.db) else {
            throw CommandFailure("用户不存在：\(signature.username)")
        }
        let name = signature.name ?? "命令行创建"
        let (_, clear) = try await app.fazhi.store.write(on: app.db, .system, now: app.fazhi.now) { tx in
            try await Accounts.createToken(for: u, name: name, tx: tx)
        }
        context.console.print(clear)
    }
}
