import FazhiCore
import FazhiStore
import Fluent
import Foundation
import Vapor

/// A command failed in a way the user can act on: the message is printed and the process exits non-zero.
public struct CommandFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ d: String) { description = d }
}

func registerCommands(_ app: Application) {
    app.asyncCommands.use(MigrateCommand(), as: "migrate")
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(BackupCommand(), as: "backup")

    var record = AsyncCommands()
    record.use(RecordVerifyCommand(), as: "verify")
    record.use(RecordCheckpointCommand(), as: "checkpoint")
    app.asyncCommands.use(record.group(help: "全过程记录：verify 全量校验；checkpoint 签署检查点"), as: "record")

    var imports = AsyncCommands()
    for kind in ["officers", "power-list", "benchmarks"] { imports.use(ImportCommand(kind: kind), as: kind) }
    app.asyncCommands.use(
        imports.group(help: "从 Excel/CSV 导入：officers 执法人员；power-list 权责清单；benchmarks 裁量基准"), as: "import")
    app.asyncCommands.use(ExportCommand(), as: "export")

    var region = AsyncCommands()
    region.use(RegionAddCommand(), as: "add")
    app.asyncCommands.use(region.group(help: "行政区划：add 新增"), as: "region")
    var org = AsyncCommands()
    org.use(OrganisationAddCommand(), as: "add")
    app.asyncCommands.use(org.group(help: "机关/部门：add 新设"), as: "org")

    var user = AsyncCommands()
    user.use(UserAddCommand(), as: "add")
    user.use(UserPasswdCommand(), as: "passwd")
    user.use(UserRoleCommand(), as: "role")
    user.use(UserTokenCommand(), as: "token")
    app.asyncCommands.use(user.group(help: "用户管理：add 新建；passwd 重设密码；role 授予或撤销角色；token 创建 API 令牌"), as: "user")

    var bench = AsyncCommands()
    bench.use(BenchRecordCommand(), as: "record")
    bench.use(BenchDeadlineCommand(), as: "deadline")
    bench.use(BenchHTTPCommand(), as: "http")
    bench.use(BenchRegistriesCommand(), as: "registries")
    for module in AppModules.all { module.benches(&bench) }
    app.asyncCommands.use(bench.group(help: "基准测试（请用 release 构建）"), as: "bench")

    for module in AppModules.all { module.commands(&app.asyncCommands) }

    var procedures = AsyncCommands()
    procedures.use(ProcedureReviewCommand(), as: "review")
    app.asyncCommands.use(procedures.group(help: "程序定义：review 生成供法律审查的中文程序文件"), as: "procedures")
}

/// `fazhi procedures review [--write DIR]`: each procedure definition as a Chinese review document (`ProcedureReview`),
/// printed, or written to DIR (the repository keeps them in docs/procedures; a test fails when they are stale).
struct ProcedureReviewCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "write", help: "写入的目录（如 docs/procedures）；不给则打印") var write: String?
    }
    var help: String { "生成各程序的中文审查稿（阶段、步骤、办理人、填写项、关卡及法条、期限、文书）" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let docs = ProcedureReview.documents()
        guard let dir = signature.write else {
            for d in docs { context.console.print(d.text) }
            return
        }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for d in docs {
            try d.text.write(
                toFile: (dir as NSString).appendingPathComponent(d.file), atomically: true, encoding: .utf8)
            context.console.print("\((dir as NSString).appendingPathComponent(d.file))")
        }
    }
}

/// Migrations plus the database's own settings, for every command that opens the store.
func openStore(_ app: Application) async throws {
    try await app.fazhi.store.prepare(on: app.db)
    try await app.autoMigrate()
}

struct MigrateCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "执行尚未执行的数据库迁移" }
    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.fazhi.store.prepare(on: app.db)
        try await app.autoMigrate()
        context.console.print("数据库已是最新结构（\(app.fazhi.store.target)）。")
    }
}

struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "载入演示数据（仅当数据库中尚无用户时）" }
    func run(using context: CommandContext, signature: Signature) async throws {
        try await openStore(context.application)
        let logins = try await DemoData.loadIfEmpty(context.application)
        if logins.isEmpty { context.console.print("已有用户，未载入演示数据。") }
        for l in logins { context.console.print("\(l.username)  \(l.description)  密码：\(DemoData.password)") }
    }
}

struct RecordVerifyCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "appended", help: "只校验最近一个签名检查点之后追加的记录（增量校验，从检查点前沿继续）")
        var appended: Bool
    }
    var help: String { "重算全部记录与检查点签名；发现改动即以非零状态退出并指出第一条问题记录" }
    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await openStore(app)
        if signature.appended { return try await appended(context) }
        let total = try await RecordLog.size(on: app.db)
        let bar = ProgressBar(total: total, label: "校验记录", console: context.console)
        let report = try await RecordLog.audit(on: app.db, extraKeys: [app.fazhi.recordKey.publicKey]) { n in
            bar.update(n)
        }
        bar.finish()
        // 状态审计: every case and publication row as stored against its latest record entry.
        let altered = try await StateAudit.run(on: app.db)
        if report.ok && altered.isEmpty {
            context.console.print(
                "校验通过：\(report.entriesChecked) 条记录，\(report.checkpointsChecked) 个签名检查点；根哈希 \(Hex.encode(report.root))；案件与公示内容均与记录一致"
            )
            return
        }
        var lines: [String] = altered.map(\.message)
        if let p = report.firstProblem { lines.append("第一条问题记录：第\(p.sequence)条 —— \(p.reason)") }
        lines += report.checkpointProblems
        throw CommandFailure("记录校验未通过：\n" + lines.joined(separator: "\n"))
    }

    /// `--appended`: the entries after the latest checkpoint, from its frontier; a cheap periodic check.
    func appended(_ context: CommandContext) async throws {
        let app = context.application
        guard
            let checked = try await RecordLog.auditAppended(on: app.db, trustedKeys: [app.fazhi.recordKey.publicKey])
        else {
            throw CommandFailure("没有可继续的检查点前沿（尚无检查点、前沿与签名根哈希不符或签名无效）：请运行 fazhi record verify 做全量校验")
        }
        let report = checked.report
        if report.ok {
            context.console.print(
                "增量校验通过：检查点之后的 \(report.entriesChecked) 条记录，\(report.checkpointsChecked) 个新检查点；记录共 \(checked.frontier.size) 条，根哈希 \(Hex.encode(report.root))"
            )
            return
        }
        var lines: [String] = []
        if let p = report.firstProblem { lines.append("第一条问题记录：第\(p.sequence)条 —— \(p.reason)") }
        lines += report.checkpointProblems
        throw CommandFailure("增量校验未通过：\n" + lines.joined(separator: "\n"))
    }
}

struct RecordCheckpointCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "立即签署检查点" }
    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await openStore(app)
        let cp = try await RecordLog.makeCheckpoint(
            key: app.fazhi.recordKey, store: app.fazhi.store, on: app.db, now: app.fazhi.now)
        context.console.print(
            "检查点：规模 \(cp.treeSize)，根哈希 \(cp.rootHash)，时间 \(cp.madeAt)\n公钥 \(app.fazhi.recordKey.publicKey.base64)")
    }
}

struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "path", help: "备份文件路径") var path: String
    }
    var help: String { "在服务运行时写出一致的备份（SQLite：VACUUM INTO；PostgreSQL：调用 pg_dump）" }
    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await openStore(app)
        let summary = try await Backup.write(to: signature.path, app: app)
        context.console.print(
            "已写出备份：\(signature.path)；证据文件 \(summary.evidenceFiles) 个（\(summary.evidenceBytes / 1024) KB）在 \(Backup.evidenceFolder(signature.path))"
        )
    }
}

/// A one-line progress bar on standard error, for long CLI work.
final class ProgressBar: @unchecked Sendable {
    let total: Int, label: String, console: any Console
    init(total: Int, label: String, console: any Console) {
        self.total = total; self.label = label; self.console = console
    }
    func update(_ n: Int) {
        guard total > 0 else { return }
        let frac = min(1, Double(n) / Double(total))
        let width = 30, filled = Int(frac * Double(width))
        FileHandle.standardError.write(
            Data(
                "\r\(label) [\(String(repeating: "#", count: filled))\(String(repeating: "-", count: width - filled))] \(n)/\(total)"
                    .utf8))
    }
    func finish() { if total >= 10000 { update(total); FileHandle.standardError.write(Data("\n".utf8)) } }
}
