import FazhiCore
import FazhiStore
import Fluent
import Foundation
import Vapor

/// A believable demo jurisdiction: an invented city and county (names and people are fictional; codes are
/// in an unused range), with its government, departments, and one account per role.
enum DemoData {
    static let password = "fazhi-demo-2026"

    struct Login { let username: String; let description: String }

    static let departments: [(String, String)] = [
        ("清河县司法局", "11339901MB0000010"), ("清河县市场监督管理局", "11339901MB0000020"), ("清河县综合行政执法局", "11339901MB0000030"),
        ("清河县应急管理局", "11339901MB0000040"), ("临州市生态环境局清河分局", "11339901MB0000050"), ("清河县交通运输局", "11339901MB0000060"),
        ("清河县卫生健康局", "11339901MB0000070"), ("清河县自然资源和规划局", "11339901MB0000080"), ("清河县人力资源和社会保障局", "11339901MB0000090"),
        ("清河县文化和广电旅游体育局", "11339901MB0000100"), ("清河县农业农村局", "11339901MB0000110"), ("清河县水利局", "11339901MB0000120"),
        ("清河县住房和城乡建设局", "11339901MB0000130"), ("清河县教育局", "11339901MB0000140"), ("清河县商务局", "11339901MB0000150"),
        ("清河县医疗保障局", "11339901MB0000160"), ("清河县林业局", "11339901MB0000170"), ("清河县消防救援大队", "11339901MB0000180"),
    ]

    static let people: [(username: String, name: String, org: String, role: Role)] = [
        ("admin", "周明远", "清河县人民政府", .systemAdmin),
        ("sfj.jiandu", "林晓岚", "清河县司法局", .supervisor),
        ("sfj.fuyi", "陈思齐", "清河县司法局", .reconsiderationStaff),
        ("sfj.juzhang", "许文博", "清河县司法局", .head),
        ("sfj.tiaojie", "陈秀兰", "清河县司法局", .mediator),
        ("scj.juzhang", "王建国", "清河县市场监督管理局", .head),
        ("scj.fazhi", "赵雅琴", "清河县市场监督管理局", .legalReviewer),
        ("scj.zhifa1", "孙立峰", "清河县市场监督管理局", .officer),
        ("scj.zhifa2", "钱梦瑶", "清河县市场监督管理局", .officer),
        ("zf.juzhang", "吴海涛", "清河县综合行政执法局", .head),
        ("zf.zhifa1", "郑宇航", "清河县综合行政执法局", .officer),
        ("zf.zhifa2", "何静怡", "清河县综合行政执法局", .officer),
        ("zf.fazhi", "林晓雯", "清河县综合行政执法局", .legalReviewer),
        ("yj.zhifa1", "冯志强", "清河县应急管理局", .officer),
        ("zf.gongkai", "刘佳宁", "清河县人民政府", .disclosureStaff),
        ("scj.gongkai", "马晓燕", "清河县市场监督管理局", .disclosureStaff),
        ("xzf.xianzhang", "吴振华", "清河县人民政府", .head),
        ("xzf.fazhi", "蒋雨桐", "清河县人民政府", .legalReviewer),
    ]

    /// Loads the demo if no user exists yet; returns the logins created (empty if nothing was loaded).
    static func loadIfEmpty(_ app: Application) async throws -> [Login] {
        guard try await UserRecord.query(on: app.db).count() == 0 else { return [] }
        let hash = try await app.password.async.hash(password)
        return try await app.fazhi.store.write(on: app.db, .system, now: app.fazhi.now) { tx in
            if try await RegionRecord.find("339900", on: tx.db) == nil {
                _ = try await Directory.createRegion(.init(code: "339900", name: "临州市", parentCode: nil), in: tx)
            }
            if try await RegionRecord.find("339901", on: tx.db) == nil {
                _ = try await Directory.createRegion(.init(code: "339901", name: "清河县", parentCode: "339900"), in: tx)
            }
            let gov = try await Directory.createOrganisation(
                .init(
                    name: "清河县人民政府", uscc: UnifiedSocialCreditCode.complete("11339901MB0000001"), regionCode: "339901",
                    parentID: nil), in: tx)
            var orgs: [String: UUID] = ["清河县人民政府": gov.id!]
            for (name, code) in departments {
                let o = try await Directory.createOrganisation(
                    .init(
                        name: name, uscc: UnifiedSocialCreditCode.complete(code), regionCode: "339901",
                        parentID: gov.id!), in: tx)
                orgs[name] = o.id!
            }
            let suo = try await Directory.createOrganisation(
                .init(name: "清河县市场监督管理局城关市场监管所", uscc: nil, regionCode: "339901", parentID: orgs["清河县市场监督管理局"]), in: tx)
            orgs[suo.name] = suo.id!
            try await DemoRegistries.load(orgs: orgs, today: CivilDate(instant: app.fazhi.now), in: tx)
            var logins: [Login] = []
            var persons: [String: DemoCases.Person] = [:]
            for (index, p) in people.enumerated() {
                let u = try await Accounts.createUser(
                    username: p.username, displayName: p.name, passwordHash: hash, organisationID: orgs[p.org]!, in: tx)
                _ = try await Accounts.grant(p.role, to: u, in: orgs[p.org]!, tx: tx)
                if [.officer, .legalReviewer, .head].contains(p.role) {
                    try await DemoRegistries.officerRecord(
                        for: u.id!, index: index, name: p.name, role: p.role, body: orgs[p.org]!,
                        today: CivilDate(instant: app.fazhi.now), in: tx)
                }
                logins.append(Login(username: p.username, description: "\(p.name) · \(p.org) · \(p.role.chineseName)"))
                persons[p.username] = DemoCases.Person(id: u.id!, name: p.name, roles: [p.role])
            }
            let demo = DemoContext(
                orgs: orgs, people: persons, catalog: app.fazhi.procedures, calendar: app.fazhi.deadlines,
                today: CivilDate(instant: app.fazhi.now))
            for module in AppModules.all { try await module.demo?(demo, tx) }
            return logins
        }
    }
}
