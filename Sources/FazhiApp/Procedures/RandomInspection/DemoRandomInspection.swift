import FazhiCore
import FazhiStore
import Foundation

/// Demo 双随机 at the 市场监管局: a directory of 60 businesses in three risk grades, last quarter's task drawn and
/// published, a repeated draw recorded (the first cancelled with its reason), and this month's task frozen and waiting for
/// its public session today (demo login scj.juzhang).
enum DemoRandomInspection {
    static let industries = ["餐饮服务", "食品销售", "药品零售"]
    static let areas = ["城关镇", "河东街道", "清溪镇"]

    static func load(_ c: DemoContext, in tx: WriteTransaction) async throws {
        guard let market = c.orgs["清河县市场监督管理局"] else { return }
        let base = c.base(span: 40)
        let shops = ["小吃店", "面馆", "超市", "便利店", "药店", "茶饮店"]
        var lines = ["统一社会信用代码,名称,行业,区域,风险等级"]
        for i in 0..<60 {
            guard let code = UnifiedSocialCreditCode.complete(String(format: "92339901MA%07d", 1_000 + i)) else {
                continue
            }
            let grade = i % 10 == 0 ? "C" : (i % 3 == 0 ? "B" : "A")
            lines.append(
                "\(code),清河县\(areas[i % 3])第\(i + 1)号\(shops[i % shops.count]),\(industries[i % 3]),\(areas[(i / 3) % 3]),\(grade)"
            )
        }
        _ = try await RandomDraws.importTargets(lines.joined(separator: "\n"), body: market, in: tx)
        func task(_ title: String, created: CivilDate, drawOn: CivilDate, repeats: UUID? = nil) -> DrawTask {
            DrawTask(
                id: UUID(), bodyID: market, title: title, item: "食品经营者经营活动检查（行政检查事项 QH-JC-001）",
                keyItem: false, industries: [], areas: [], grades: [], ratio: 10, perTarget: 2,
                commitment: "抽取日公开抽取会上由两名见证人各自输入的数字，按输入顺序连接", drawOn: drawOn, createdOn: created,
                repeats: repeats)
        }
        let first = try await RandomDraws.freeze(
            task(
                "\(base.adding(days: -90).year)年第三季度食品经营双随机抽查", created: base.adding(days: -95),
                drawOn: base.adding(days: -90)),
            exclusions: [], in: tx)
        _ = try await RandomDraws.cancel(
            first.id, reason: "抽取会因停电中断，未产生随机数，本任务作废，另行组织抽取", bodies: [market], in: tx)
        let repeated = try await RandomDraws.freeze(
            task(
                "\(base.adding(days: -88).year)年第三季度食品经营双随机抽查（重新抽取）", created: base.adding(days: -89),
                drawOn: base.adding(days: -88), repeats: first.id),
            exclusions: [], in: tx)
        _ = try await RandomDraws.draw(
            repeated.id, revealed: "4817-0392", witnesses: ["县人大代表 李某某", "企业代表 周某某"], today: base.adding(days: -88),
            bodies: [market], in: tx)
        _ = try await RandomDraws.freeze(
            task("\(base.year)年第四季度食品经营双随机抽查", created: base.adding(days: -5), drawOn: base), exclusions: [],
            in: tx)
    }
}
