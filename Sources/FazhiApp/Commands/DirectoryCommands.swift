import FazhiCore
import FazhiStore
import Fluent
import Foundation
import Vapor

/// Setting up a deployment from the shell: the first region and organisation, before any admin exists.
struct RegionAddCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "code", help: "6位行政区划代码") var code: String
        @Argument(name: "name", help: "名称") var name: String
        @Option(name: "parent", help: "上级行政区划代码") var parent: String?
    }
    var help: String { "新增行政区划" }
    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await openStore(app)
        let r = try await app.fazhi.store.write(on: app.db, .system, now: app.fazhi.now) { tx in
            try await Directory.createRegion(
                .init(code: signature.code, name: signature.name, parentCode: signature.parent), in: tx)
        }
        context.console.print("已新增行政区划 \(r.name)（\(r.id!)）")
    }
}

struct OrganisationAddCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "name", help: "机关/部门名称") var name: String
        @Option(name: "region", help: "所在行政区划代码") var region: String?
        @Option(name: "uscc", help: "统一社会信用代码") var uscc: String?
        @Option(name: "parent", help: "上级机关名称或 ID") var parent: String?
    }
    var help: String { "新设机关/部门" }
    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await openStore(app)
        guard let region = signature.region else { throw CommandFailure("请用 --region 给出行政区划代码") }
        var parentID: UUID?
        if let p = signature.parent { parentID = try await findOrganisation(p, on: app.db).id }
        let parent = parentID
        let o = try await app.fazhi.store.write(on: app.db, .system, now: app.fazhi.now) { tx in
            try await Directory.createOrganisation(
                .init(name: signature.name, uscc: signature.uscc, regionCode: region, parentID: parent), in: tx)
        }
        context.console.print("已新设机关 \(o.name)（\(o.id!.uuidString)）")
    }
}
