import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// The 随机抽查事项清单 and 年度抽查计划 of each body, kept and recorded.
public enum DrawItems {
    /// Replaces the body's list with the lines given (all or nothing, each problem with its line): every item must rest on
    /// a 行政检查 item of the body's 权责清单 in force today.
    public static func importList(
        _ text: String, body: UUID, today: CivilDate, in tx: WriteTransaction
    ) async throws -> Int {
        let lines = text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.trimmed.isEmpty }
        guard !lines.isEmpty, lines.count <= 500 else {
            throw DomainError.invalid(field: "items", message: "请填写抽查事项（每行一项，不超过500项）")
        }
        let inspections = Set(
            try await PowerListStore.list(on: today, .init(type: .inspection, organisations: [body]), on: tx.db).rows
                .map(\.code))
        var items: [DrawItem] = [], problems: [String] = [], seen = Set<String>()
        for (n, line) in lines.enumerated() {
            let (item, problem) = DrawItem.parse(line)
            guard let item else { problems.append("第\(n + 1)行：\(problem ?? "")"); continue }
            guard inspections.contains(item.powerItemCode) else {
                problems.append("第\(n + 1)行：\(item.powerItemCode)不是本单位权责清单中现行有效的行政检查事项")
                continue
            }
            guard seen.insert(item.code).inserted else { problems.append("第\(n + 1)行：编码与前面的行重复"); continue }
            items.append(item)
        }
        guard problems.isEmpty else {
            throw DomainError.invalid(
                field: "items", message: "未导入，请修改后重试：" + problems.prefix(20).joined(separator: "；"))
        }
        try await tx.sql.raw("DELETE FROM draw_items WHERE body_id = \(bind: body.uuidString)").run()
        for i in items {
            try await tx.sql.raw(
                """
                INSERT INTO draw_items (body_id, code, content) VALUES (\(bind: body.uuidString), \(bind: i.code),
                \(bind: try StoreJSON.encode(i)))
                """
            ).run()
        }
        try tx.record("draw_items", body.uuidString, "publish", items)
        return items.count
    }

    /// Publishes the body's 抽查工作细则 (replacing the last).
    public static func publishRules(
        title: String, text: String, body: UUID, today: CivilDate, in tx: WriteTransaction
    ) async throws -> DrawRules {
        let title = title.trimmed, text = text.trimmed
        guard (1...100).contains(title.count) else {
            throw DomainError.invalid(field: "rulesTitle", message: "请填写细则名称（不超过100字）")
        }
        guard (1...50_000).contains(text.count) else {
            throw DomainError.invalid(field: "rulesText", message: "请填写细则全文（不超过50000字）")
        }
        let rules = DrawRules(title: title, text: text, publishedOn: today)
        try await tx.sql.raw(
            """
            INSERT INTO draw_rules (body_id, content) VALUES (\(bind: body.uuidString), \(bind: try StoreJSON.encode(rules)))
            ON CONFLICT (body_id) DO UPDATE SET content = excluded.content
            """
        ).run()
        try tx.record("draw_rules", body.uuidString, "publish", rules)
        return rules
    }

    public static func rules(body: UUID, on db: any Database) async throws -> DrawRules? {
        try await (db as! any SQLDatabase).raw(
            "SELECT content FROM draw_rules WHERE body_id = \(bind: body.uuidString)"
        )
        .first().map { try StoreJSON.decode(DrawRules.self, try $0.decode(column: "content", as: String.self)) }
    }

    public static func list(body: UUID, on db: any Database) async throws -> [DrawItem] {
        try await (db as! any SQLDatabase).raw(
            "SELECT content FROM draw_items WHERE body_id = \(bind: body.uuidString) ORDER BY code"
        ).all().map { try StoreJSON.decode(DrawItem.self, try $0.decode(column: "content", as: String.self)) }
    }

    /// Saves the year's plan (its lines all or nothing; each entry an item of the list). A saved plan must be filed again.
    public static func savePlan(
        year: Int, _ text: String, body: UUID, today: CivilDate, in tx: WriteTransaction
    ) async throws -> DrawPlan {
        guard year == today.year || year == today.year + 1 else {
            throw DomainError.invalid(field: "year", message: "抽查计划的年度应为本年度或者下一年度")
        }
        let items = Set(try await list(body: body, on: tx.db).map(\.code))
        guard !items.isEmpty else {
            throw DomainError.invalid(field: "plan", message: "请先公布随机抽查事项清单，计划中的每项抽查须为清单中的事项")
        }
        let lines = text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.trimmed.isEmpty }
        guard !lines.isEmpty, lines.count <= 500 else {
            throw DomainError.invalid(field: "plan", message: "请填写计划的抽查（每行一项，不超过500项）")
        }
        var entries: [DrawPlan.Entry] = [], problems: [String] = []
        for (n, line) in lines.enumerated() {
            let (e, problem) = DrawPlan.parse(line)
            guard let e else { problems.append("第\(n + 1)行：\(problem ?? "")"); continue }
            guard items.contains(e.itemCode) else { problems.append("第\(n + 1)行：\(e.itemCode)不在随机抽查事项清单中"); continue }
            entries.append(e)
        }
        guard problems.isEmpty else {
            throw DomainError.invalid(
                field: "plan", message: "未保存，请修改后重试：" + problems.prefix(20).joined(separator: "；"))
        }
        let plan = DrawPlan(year: year, entries: entries, savedOn: today)
        try await write(plan, body: body, in: tx)
        try tx.record("draw_plan", "\(body.uuidString)/\(year)", "save", plan)
        return plan
    }

    /// Records the plan's filing with the higher authority (报备): with whom and when (not before it was saved).
    public static func filePlan(
        year: Int, with authority: String, on day: CivilDate, body: UUID, today: CivilDate, in tx: WriteTransaction
    ) async throws -> DrawPlan {
        guard var plan = try await self.plan(body: body, year: year, on: tx.db) else {
            throw DomainError.invalid(field: "year", message: "该年度尚无抽查计划")
        }
        let authority = authority.trimmed
        guard (1...100).contains(authority.count) else {
            throw DomainError.invalid(field: "filedWith", message: "请写明报备的上级部门（不超过100字）")
        }
        guard day >= plan.savedOn, day <= today else {
            throw DomainError.invalid(field: "filedOn", message: "报备日期应在计划保存之后，且不晚于今天")
        }
        plan.filedWith = authority
        plan.filedOn = day
        try await write(plan, body: body, in: tx)
        try tx.record("draw_plan", "\(body.uuidString)/\(year)", "file", plan)
        return plan
    }

    static func write(_ plan: DrawPlan, body: UUID, in tx: WriteTransaction) async throws {
        try await tx.sql.raw(
            """
            INSERT INTO draw_plans (body_id, year, content) VALUES (\(bind: body.uuidString), \(bind: plan.year),
            \(bind: try StoreJSON.encode(plan))) ON CONFLICT (body_id, year) DO UPDATE SET content = excluded.content
            """
        ).run()
    }

    public static func plan(body: UUID, year: Int, on db: any Database) async throws -> DrawPlan? {
        try await (db as! any SQLDatabase).raw(
            "SELECT content FROM draw_plans WHERE body_id = \(bind: body.uuidString) AND year = \(bind: year)"
        ).first().map { try StoreJSON.decode(DrawPlan.self, try $0.decode(column: "content", as: String.self)) }
    }

    /// Every body's list and its plans of the year and the next, for the portal.
    public static func published(
        year: Int, on db: any Database
    ) async throws -> [(body: UUID, items: [DrawItem], plans: [DrawPlan])] {
        let sql = db as! any SQLDatabase
        var items: [UUID: [DrawItem]] = [:]
        for r in try await sql.raw("SELECT body_id, content FROM draw_items ORDER BY body_id, code").all() {
            guard let body = UUID(uuidString: try r.decode(column: "body_id", as: String.self)) else { continue }
            items[body, default: []].append(
                try StoreJSON.decode(DrawItem.self, try r.decode(column: "content", as: String.self)))
        }
        var out: [(body: UUID, items: [DrawItem], plans: [DrawPlan])] = []
        for (body, list) in items {
            var plans: [DrawPlan] = []
            for y in [year, year + 1] { if let p = try await plan(body: body, year: y, on: db) { plans.append(p) } }
            out.append((body, list, plans))
        }
        return out
    }
}
