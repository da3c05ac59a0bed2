import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// 双随机 (优化营商环境条例 第五十四条; 国办发〔2015〕58号 一单两库一细则): the 检查对象名录库 of a body, imported from a
/// table with a report row by row; draw tasks frozen from it and from the 执法人员 eligible on the draw day, drawn with
/// the revealed value (`RandomDraw`), cancelled only with a reason. Every change is on the record.
public enum RandomDraws {
    public struct TargetRow: Sendable, Codable, Equatable {
        public let code: String, name: String, industry: String, area: String, grade: String
    }

    /// The published inputs of a task: what `scripts/draw-verify.py` reads.
    public struct Published: Sendable, Codable {
        public let algorithm: String
        public let task: String
        public var targets: [[String]]
        public let inspectors: [String]
        public let exclusions: [[String]]
        public let quotas: [String: Int]
        public let perTarget: Int
        public let inputsHash: String
        public var revealed: String?
        public var result: [RandomDraw.Drawn]?
        /// A joint task's department (body id) of each inspector.
        public var groups: [String: String]?

        public var inputs: RandomDraw.Inputs {
            RandomDraw.Inputs(
                task: task, targets: targets.map { RandomDraw.Target(id: $0.first ?? "", stratum: $0.last ?? "") },
                inspectors: inspectors, exclusions: exclusions, quotas: quotas, perTarget: perTarget,
                groups: groups ?? [:])
        }
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    /// Imports targets (`统一社会信用代码,名称,行业,区域,风险等级` a line, a header line allowed): all or nothing, each
    /// problem with its row. A code already in the body's directory is updated.
    /// Takes targets out of the body's 检查对象名录库 (closed, moved away), with the reason, on the record: future tasks no
    /// longer draw them; a task already fixed keeps its published inputs. An unknown code refuses the whole list.
    public static func removeTargets(
        _ text: String, reason: String, body: UUID, in tx: WriteTransaction
    ) async throws -> Int {
        let codes = Array(
            Set(
                text.split(whereSeparator: { $0.isNewline || $0 == "," || $0 == "，" || $0 == "、" })
                    .map { String($0).trimmed }.filter { !$0.isEmpty })
        ).sorted()
        guard !codes.isEmpty, codes.count <= 10_000 else {
            throw DomainError.invalid(field: "removeCodes", message: "请填写要移出的统一社会信用代码（每行一个，不超过10000个）")
        }
        let reason = reason.trimmed
        guard (1...500).contains(reason.count) else {
            throw DomainError.invalid(field: "removeReason", message: "请写明移出名录库的理由（如注销、迁出，不超过500字）")
        }
        var found = Set<String>()
        for chunk in codes.chunked(500) {
            let rows = try await tx.sql.raw(
                """
                SELECT code FROM draw_targets WHERE body_id = \(bind: body) AND code IN \(SQLGroupExpression(chunk.map { SQLBind($0) }))
                """
            ).all()
            for r in rows { found.insert(try r.decode(column: "code", as: String.self)) }
        }
        let missing = codes.filter { !found.contains($0) }
        guard missing.isEmpty else {
            throw DomainError.invalid(
                field: "removeCodes", message: "名录库中没有：\(missing.prefix(20).joined(separator: "、"))（未移出任何对象）")
        }
        for chunk in codes.chunked(500) {
            try await tx.sql.raw(
                """
                DELETE FROM draw_targets WHERE body_id = \(bind: body) AND code IN \(SQLGroupExpression(chunk.map { SQLBind($0) }))
                """
            ).run()
        }
        struct Removal: Encodable { let codes: [String]; let reason: String }
        try tx.record("draw_targets", body.uuidString, "remove", Removal(codes: codes, reason: reason))
        return codes.count
    }

    public static func importTargets(
        _ text: String, body: UUID, in tx: WriteTransaction
    ) async throws -> Int {
        var rows: [TargetRow] = [], problems: [String] = [], seen = Set<String>()
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard lines.count <= 200_001 else {
            throw DomainError.invalid(field: "targets", message: "一次最多导入200000行")
        }
        for (n, line) in lines.enumerated() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmed }
            if n == 0, f.first == "统一社会信用代码" { continue }
            if f.allSatisfy(\.isEmpty) { continue }
            guard f.count == 5 else { problems.append("第\(n + 1)行：应为5列（统一社会信用代码,名称,行业,区域,风险等级）"); continue }
            if let p = UnifiedSocialCreditCode.problem(f[0]) { problems.append("第\(n + 1)行：\(p)"); continue }
            if f[0].allSatisfy({ $0 == "0" }) { problems.append("第\(n + 1)行：统一社会信用代码不能全为0"); continue }
            if !seen.insert(f[0]).inserted { problems.append("第\(n + 1)行：统一社会信用代码与前面的行重复"); continue }
            if f[1].isEmpty || f[1].count > 100 { problems.append("第\(n + 1)行：名称不能为空，不超过100字"); continue }
            if f[2...4].contains(where: { $0.isEmpty || $0.count > 50 || $0.contains("|") }) {
                problems.append("第\(n + 1)行：行业、区域、风险等级不能为空，不超过50字，不含“|”")
                continue
            }
            rows.append(TargetRow(code: f[0], name: f[1], industry: f[2], area: f[3], grade: f[4].uppercased()))
        }
        guard problems.isEmpty else {
            throw DomainError.invalid(field: "targets", message: "未导入：" + problems.prefix(20).joined(separator: "；"))
        }
        guard !rows.isEmpty else { throw DomainError.invalid(field: "targets", message: "没有可导入的行") }
        for chunk in stride(from: 0, to: rows.count, by: 500).map({ Array(rows[$0..<min($0 + 500, rows.count)]) }) {
            try await tx.sql.raw(
                "DELETE FROM draw_targets WHERE body_id = \(bind: body) AND code IN \(SQLGroupExpression(chunk.map { SQLBind($0.code) }))"
            ).run()
            try await tx.sql.raw(
                """
                INSERT INTO draw_targets (body_id, code, name, industry, area, grade) VALUES \(SQLList(chunk.map { r in
                    SQLGroupExpression([SQLBind(body), SQLBind(r.code), SQLBind(r.name), SQLBind(r.industry), SQLBind(r.area), SQLBind(r.grade)])
                }))
                """
            ).run()
        }
        try tx.record(
            "draw_targets", body.uuidString, "import",
            ["count": String(rows.count), "sha256": RandomDraw.sha256Hex(text)])
        return rows.count
    }

    /// How many targets the body's directory holds, by risk grade.
    public static func targetCounts(body: UUID, on db: any Database) async throws -> [String: Int] {
        var out: [String: Int] = [:]
        for r in try await (db as! any SQLDatabase).raw(
            "SELECT grade, COUNT(*) AS n FROM draw_targets WHERE body_id = \(bind: body) GROUP BY grade"
        ).all() {
            out[try r.decode(column: "grade", as: String.self)] = try r.decode(column: "n", as: Int.self)
        }
        return out
    }

    /// Freezes a task: the candidates (the body's targets within the filters, by risk grade), the inspectors eligible
    /// on the draw day, the 回避 exclusions (declared ones, and each inspector with the targets they were drawn for in
    /// the last drawn task of the same item), the quotas — published with their hash before the random value exists.
    public static func freeze(
        _ task: DrawTask, exclusions declared: [[String]], in tx: WriteTransaction
    ) async throws -> DrawTask {
        var t = task
        // 一单: when the body has published its 随机抽查事项清单, a task checks one of its items (and takes its class).
        let listed = try await DrawItems.list(body: t.bodyID, on: tx.db)
        if !listed.isEmpty {
            guard let item = listed.first(where: { $0.label == t.item || $0.code == t.item }) else {
                throw DomainError.invalid(field: "item", message: "抽查事项须为本单位随机抽查事项清单中的事项")
            }
            t.item = item.label
            t.keyItem = item.keyItem
        }
        t.partners = try await checkedPartners(t, on: tx.db)
        // 部门联合抽查: fixed only once every partner department has accepted its part.
        guard t.partnersAccepted else {
            throw DomainError.conflict(field: "partners", message: "联合抽查须经各配合部门确认后才能固定抽取范围")
        }
        try DrawTask.checkRequest(
            title: t.title, item: t.item, ratio: t.ratio, perTarget: t.perTarget, commitment: t.commitment,
            drawOn: t.drawOn, today: t.createdOn)
        var clauses: [SQLQueryString] = ["body_id = \(bind: t.bodyID)"]
        for (column, values) in [("industry", t.industries), ("area", t.areas), ("grade", t.grades)]
        where !values.isEmpty {
            clauses.append("\(ident: column) IN \(SQLGroupExpression(values.map { SQLBind($0) }))")
        }
        let candidates = try await tx.sql.raw(
            "SELECT code, grade FROM draw_targets WHERE \(clauses.joined(separator: " AND "))"
        ).all().map {
            RandomDraw.Target(
                id: try $0.decode(column: "code", as: String.self),
                stratum: try $0.decode(column: "grade", as: String.self))
        }
        guard
            DrawTask.quotas(counts: Dictionary(grouping: candidates, by: \.stratum).mapValues(\.count), ratio: t.ratio)
                .values.reduce(0, +) <= 10_000
        else {
            throw DomainError.invalid(field: "ratio", message: "一次抽取的检查对象不超过10000个：请缩小范围或者降低比例")
        }
        guard !candidates.isEmpty else {
            throw DomainError.invalid(field: "grades", message: "检查对象名录库中没有符合条件的检查对象")
        }
        // 执法检查人员名录库: the officers eligible on the draw day — of each department in a joint task, by department.
        var inspectors: [String] = [], groups: [String: String] = [:]
        let bodyNames = try await EnforcementBodies.all(on: tx.db).reduce(into: [UUID: String]()) {
            $0[$1.organisationId] = $1.organisationName
        }
        for body in t.bodies {
            let eligible = try await Officers.list(bodies: [body], year: t.drawOn.year, on: tx.db).filter {
                $0.profile.eligibility(on: t.drawOn).isEligible
            }.map(\.certificateNumber)
            guard eligible.count >= t.perTarget else {
                let whose = body == t.bodyID ? "" : "配合部门“\(bodyNames[body] ?? "")”"
                throw DomainError.invalid(
                    field: body == t.bodyID ? "perTarget" : "partners",
                    message: "\(whose)抽取日有执法资格的检查人员不足\(t.perTarget)名")
            }
            inspectors += eligible
            if t.isJoint { for c in eligible { groups[c] = body.uuidString } }
        }
        var exclusions = declared.filter { $0.count == 2 }
        for e in exclusions where !inspectors.contains(e[0]) || !candidates.contains(where: { $0.id == e[1] }) {
            throw DomainError.invalid(field: "exclusions", message: "回避：\(e[0])｜\(e[1]) 不是本次的检查人员或者检查对象")
        }
        // Each department's inspectors keep away from the targets they were drawn for in that department's last drawn
        // task of the same item (as lead or as partner).
        let items = [t.bodyID: t.item].merging((t.partners ?? []).map { ($0.bodyID, $0.item) }) { a, _ in a }
        for (body, item) in items.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
            let previous = try await tasks(bodies: [body], on: tx.db).filter { p in
                p.state == .drawn && (p.bodyID == body ? p.item : p.partners?.first { $0.bodyID == body }?.item) == item
            }.max { ($0.drawnOn ?? $0.createdOn) < ($1.drawnOn ?? $1.createdOn) }
            for d in previous?.result ?? [] {
                for i in d.inspectors where inspectors.contains(i) && groups[i].map({ $0 == body.uuidString }) ?? true {
                    exclusions.append([i, d.target])
                }
            }
        }
        exclusions = Array(Set(exclusions.map { $0.joined(separator: "|") })).sorted().map {
            $0.split(separator: "|").map(String.init)
        }
        // Each department (the body alone, in a task of one body) keeps `perTarget` inspectors for each target.
        var poolSize: [String: Int] = [:], excludedFor: [String: Int] = [:]
        for i in inspectors { poolSize[groups[i] ?? "", default: 0] += 1 }
        for e in exclusions { excludedFor[e[1] + "|" + (groups[e[0]] ?? ""), default: 0] += 1 }
        for (key, n) in excludedFor.sorted(by: { $0.key < $1.key }) {
            let group = String(key.split(separator: "|", omittingEmptySubsequences: false).last ?? "")
            let left = (poolSize[group] ?? 0) - n
            guard left >= t.perTarget else {
                throw DomainError.invalid(
                    field: "exclusions",
                    message: "回避后检查对象\(key.split(separator: "|").first ?? "")可选派的检查人员只剩\(left)名，不足每个对象\(t.perTarget)名"
                )
            }
        }
        let counts = Dictionary(grouping: candidates, by: \.stratum).mapValues(\.count)
        let inputs = RandomDraw.Inputs(
            task: t.id.uuidString, targets: candidates, inspectors: inspectors, exclusions: exclusions,
            quotas: DrawTask.quotas(counts: counts, ratio: t.ratio), perTarget: t.perTarget, groups: groups)
        do { try RandomDraw.check(inputs) } catch let p as RandomDraw.Problem {
            throw DomainError.invalid(field: "targets", message: p.description)
        }
        let published = Published(
            algorithm: inputs.algorithm, task: inputs.task, targets: inputs.targets.map { [$0.id, $0.stratum] },
            inspectors: inputs.inspectors, exclusions: inputs.exclusions, quotas: inputs.quotas,
            perTarget: inputs.perTarget, inputsHash: inputs.hash, revealed: nil, result: nil,
            groups: groups.isEmpty ? nil : groups)
        t.state = .frozen; t.inputsHash = inputs.hash; t.targetCount = candidates.count
        t.inspectorCount = inspectors.count; t.exclusionCount = exclusions.count; t.quotas = inputs.quotas
        let content = String(decoding: try encoder.encode(t), as: UTF8.self)
        let inputsText = String(decoding: try encoder.encode(published), as: UTF8.self)
        if task.state == .proposed {
            try await tx.sql.raw(
                """
                UPDATE draw_tasks SET state = \(bind: t.state.rawValue), content = \(bind: content), inputs = \(bind: inputsText)
                WHERE id = \(bind: t.id) AND state = \(bind: DrawTask.State.proposed.rawValue)
                """
            ).run()
        } else {
            try await tx.sql.raw(
                """
                INSERT INTO draw_tasks (id, body_id, state, created_on, content, inputs)
                VALUES (\(bind: t.id), \(bind: t.bodyID), \(bind: t.state.rawValue), \(bind: t.createdOn.description), \(bind: content), \(bind: inputsText))
                """
            ).run()
        }
        try tx.record(
            "draw_task", t.id.uuidString, "freeze",
            [
                "inputsHash": t.inputsHash, "commitment": t.commitment, "drawOn": t.drawOn.description,
                "targets": String(t.targetCount), "inspectors": String(t.inspectorCount),
                "partners": (t.partners ?? []).map { "\($0.bodyID.uuidString)｜\($0.item)" }.joined(separator: "；"),
            ])
        return t
    }

    /// 部门联合抽查, first step: the lead proposes the task (its scope, the departments and their items); nothing is fixed
    /// or published until every department has accepted (`accept`), then the lead fixes it (`freeze`).
    public static func propose(_ task: DrawTask, in tx: WriteTransaction) async throws -> DrawTask {
        var t = task
        guard t.isJoint else { throw DomainError.invalid(field: "partners", message: "请填写联合抽查的配合部门") }
        try DrawTask.checkRequest(
            title: t.title, item: t.item, ratio: t.ratio, perTarget: t.perTarget, commitment: t.commitment,
            drawOn: t.drawOn, today: t.createdOn)
        t.partners = try await checkedPartners(t, on: tx.db)
        t.state = .proposed
        let content = String(decoding: try encoder.encode(t), as: UTF8.self)
        try await tx.sql.raw(
            """
            INSERT INTO draw_tasks (id, body_id, state, created_on, content, inputs)
            VALUES (\(bind: t.id), \(bind: t.bodyID), \(bind: t.state.rawValue), \(bind: t.createdOn.description), \(bind: content), \(bind: ""))
            """
        ).run()
        for p in t.partners ?? [] {
            try await tx.sql.raw(
                "INSERT INTO draw_task_partners (task_id, body_id) VALUES (\(bind: t.id), \(bind: p.bodyID))"
            ).run()
        }
        try tx.record(
            "draw_task", t.id.uuidString, "propose",
            ["partners": (t.partners ?? []).map { "\($0.bodyID.uuidString)｜\($0.item)" }.joined(separator: "；")])
        return t
    }

    /// A partner department accepts the joint task for itself (its head or 法制机构), confirming its item (one of its own
    /// 随机抽查事项清单 when published).
    public static func accept(
        _ id: UUID, body: UUID, item: String, by username: String, today: CivilDate, in tx: WriteTransaction
    ) async throws -> DrawTask {
        guard var t = try await task(id, on: tx.db), let k = t.partners?.firstIndex(where: { $0.bodyID == body }) else {
            throw DomainError.notFound("没有该联合抽查任务，或者本单位不是其配合部门")
        }
        guard t.state == .proposed else { throw DomainError.conflict(field: nil, message: "该任务\(t.state.label)，不能再确认") }
        guard t.partners?[k].acceptedOn == nil else { throw DomainError.conflict(field: nil, message: "本部门已确认参加") }
        if !item.trimmed.isEmpty { t.partners?[k].item = item.trimmed }
        t.partners = try await checkedPartners(t, on: tx.db)
        t.partners?[k].acceptedOn = today
        t.partners?[k].acceptedBy = username
        let content = String(decoding: try encoder.encode(t), as: UTF8.self)
        try await tx.sql.raw("UPDATE draw_tasks SET content = \(bind: content) WHERE id = \(bind: id)").run()
        try tx.record(
            "draw_task", id.uuidString, "accept",
            ["body": body.uuidString, "item": t.partners?[k].item ?? "", "by": username])
        return t
    }

    /// 部门联合抽查: the departments joining the lead body — other enforcement bodies, each once, at most ten, each with
    /// the item it checks (an item of its own 随机抽查事项清单 when it has published one).
    static func checkedPartners(_ t: DrawTask, on db: any Database) async throws -> [DrawTask.DrawPartner]? {
        var partners = t.partners ?? []
        guard !partners.isEmpty else { return nil }
        guard partners.count <= 10 else {
            throw DomainError.invalid(field: "partners", message: "联合抽查的配合部门不超过10个")
        }
        guard Set(partners.map(\.bodyID)).count == partners.count, !partners.contains(where: { $0.bodyID == t.bodyID })
        else {
            throw DomainError.invalid(field: "partners", message: "配合部门不能重复，也不能是发起抽查的部门本身")
        }
        let bodies = try await EnforcementBodies.all(on: db)
        let known = Set(bodies.map(\.organisationId))
        // A 受委托组织 acts in its 委托机关's name: the department joining is the 委托机关 (never the lead's own 所).
        let entrusted = Dictionary(
            bodies.compactMap { b in b.entrustingOrganisationId.map { (b.organisationId, $0) } },
            uniquingKeysWith: { a, _ in a })
        for k in partners.indices {
            guard known.contains(partners[k].bodyID) else {
                throw DomainError.invalid(field: "partners", message: "配合部门须为登记的行政执法主体")
            }
            if let principal = entrusted[partners[k].bodyID] {
                throw DomainError.invalid(
                    field: "partners",
                    message: principal == t.bodyID
                        ? "受委托组织以本部门名义执法，不是另一个部门：联合抽查的配合部门应为其他部门"
                        : "受委托组织以委托机关的名义执法：请填写其委托机关作为配合部门")
            }
            let item = partners[k].item
            guard (1...200).contains(item.count), !item.contains(where: \.isNewline), !item.contains("|") else {
                throw DomainError.invalid(field: "partners", message: "请写明每个配合部门的检查事项（一行，不含“|”），不超过200字")
            }
            try TextChecks.checkPrintable(item, field: "partners", label: "配合部门的检查事项")
            let theirs = try await DrawItems.list(body: partners[k].bodyID, on: db)
            if !theirs.isEmpty {
                guard let listed = theirs.first(where: { $0.label == item || $0.code == item }) else {
                    throw DomainError.invalid(field: "partners", message: "配合部门的检查事项须为该部门随机抽查事项清单中的事项：“\(item)”")
                }
                partners[k].item = listed.label
            }
        }
        return partners
    }

    /// Who opens the drawn targets' 行政检查 cases and records their assignment: the system, on the record.
    static let drawActor = ProcedureActor(
        id: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4)), name: "系统（双随机抽取结果）",
        roles: Set(Role.allCases), isSystem: true)

    /// Draws with the revealed value, entered with at least two witnesses on or after the draw day; each drawn target
    /// becomes a 行政检查 case (source 双随机) assigned to its drawn inspectors.
    public static func draw(
        _ id: UUID, revealed: String, witnesses: [String], today: CivilDate, bodies: Set<UUID>,
        catalog: ProcedureCatalog, calendar: DeadlineCalculator, in tx: WriteTransaction
    ) async throws -> DrawTask {
        guard var t = try await task(id, on: tx.db), bodies.contains(t.bodyID) else {
            throw DomainError.notFound("没有该抽查任务，或者您无权办理")
        }
        guard t.state == .frozen else { throw DomainError.conflict(field: nil, message: "该任务\(t.state.label)，不能再抽取") }
        let value = revealed.trimmed, names = witnesses.map(\.trimmed).filter { !$0.isEmpty }
        guard (1...200).contains(value.count),
            !value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else {
            throw DomainError.invalid(field: "revealed", message: "请填写公开产生的随机数（不超过200字，一行）")
        }
        guard names.count >= 2, Set(names).count == names.count else {
            throw DomainError.invalid(field: "witnesses", message: "随机数应由两名以上见证人见证：请填写见证人姓名（每行一人，不重复）")
        }
        guard names.allSatisfy({ $0.count <= 50 }), names.count <= 20 else {
            throw DomainError.invalid(field: "witnesses", message: "见证人不超过20人，每人姓名不超过50字")
        }
        // 见证 is by people outside the draw: not the body's own officers (the inspectors who may be drawn).
        let staff = Set(try await RandomDraws.names(t, on: tx.db).inspectors.values)
        if let own = names.first(where: { staff.contains($0) }) {
            throw DomainError.invalid(field: "witnesses", message: "\(own)是本机关的执法人员，不能作为见证人")
        }
        guard today >= t.drawOn else {
            throw DomainError.invalid(field: "revealed", message: "抽取日期为\(t.drawOn)：随机数须在固定抽取范围之后产生，不能提前抽取")
        }
        guard today == t.drawOn else {
            throw DomainError.invalid(
                field: "revealed", message: "公布的抽取日期为\(t.drawOn)，不能改在其他日期抽取：请作废本任务（写明理由）后重新发起")
        }
        let published = try await publishedInputs(id, on: tx.db)
        let result: [RandomDraw.Drawn]
        do { result = try RandomDraw.draw(published.inputs, revealed: value) } catch let p as RandomDraw.Problem {
            throw DomainError.invalid(field: "revealed", message: p.description)
        }
        t.state = .drawn; t.revealed = value; t.witnesses = names; t.drawnOn = today; t.result = result
        (t.cases, t.partnerCases) = try await openInspections(
            t, result, groups: published.groups ?? [:], today: today, catalog: catalog, calendar: calendar, in: tx)
        var out = published
        out.revealed = value; out.result = result
        let content = String(decoding: try encoder.encode(t), as: UTF8.self)
        let inputsText = String(decoding: try encoder.encode(out), as: UTF8.self)
        try await tx.sql.raw(
            "UPDATE draw_tasks SET state = \(bind: t.state.rawValue), content = \(bind: content), inputs = \(bind: inputsText) WHERE id = \(bind: id)"
        ).run()
        try tx.record(
            "draw_task", id.uuidString, "draw",
            ["revealed": value, "witnesses": names.joined(separator: "、"), "drawn": String(result.count)])
        return t
    }

    /// One 行政检查 case per drawn target — in a joint task one at each department, with its own drawn inspectors and
    /// item, marked as one joint visit — its assignment recorded by the system step (never typed).
    static func openInspections(
        _ t: DrawTask, _ result: [RandomDraw.Drawn], groups: [String: String], today: CivilDate,
        catalog: ProcedureCatalog, calendar: DeadlineCalculator, in tx: WriteTransaction
    ) async throws -> ([String: UUID], [String: [String: UUID]]?) {
        guard let def = catalog.current(InspectionProcedure.id) else { return ([:], nil) }
        let names = try await names(t, on: tx.db).targets
        let items = [t.bodyID: t.item].merging((t.partners ?? []).map { ($0.bodyID, $0.item) }) { a, _ in a }
        var lead: [String: UUID] = [:], partners: [String: [String: UUID]] = [:]
        for d in result {
            for body in t.bodies {
                let inspectors = t.isJoint ? d.inspectors.filter { groups[$0] == body.uuidString } : d.inspectors
                var inputs: [String: FactValue] = [
                    "drawTask": .text(t.isJoint ? "\(t.title)（联合抽查：\(items[body] ?? "")）" : t.title),
                    "objectCode": .text(d.target), "inspectedObject": .text(names[d.target] ?? d.target),
                    "assignedInspectors": .list(inspectors),
                ]
                if t.isJoint { inputs["jointTask"] = .text(t.id.uuidString) }
                let c = try await CaseStore.open(def, bodyID: body, today: today, in: tx)
                _ = try await CaseStore.take(
                    StepRequest(
                        caseID: c.id, action: InspectionProcedure.Step.assignRandom, expectedVersion: 0,
                        inputs: Facts(inputs), officerIDs: [], actor: drawActor, date: today),
                    catalog: catalog, calendar: calendar, today: today, in: tx)
                if body == t.bodyID {
                    lead[d.target] = c.id
                } else {
                    partners[body.uuidString, default: [:]][d.target] = c.id
                }
            }
        }
        return (lead, t.isJoint ? partners : nil)
    }

    /// Cancels a task with its reason (a repeat is a new task naming this one): never silently replaced.
    public static func cancel(
        _ id: UUID, reason: String, bodies: Set<UUID>, in tx: WriteTransaction
    ) async throws -> DrawTask {
        guard var t = try await task(id, on: tx.db), bodies.contains(t.bodyID) else {
            throw DomainError.notFound("没有该抽查任务，或者您无权办理")
        }
        guard t.state != .cancelled else { throw DomainError.conflict(field: nil, message: "该任务已作废") }
        guard t.state == .frozen || t.state == .proposed else {
            throw DomainError.conflict(
                field: nil, message: "抽取结果已经产生并公布，不能作废：抽中的对象应当按结果检查（结果不能因不满意而重抽）")
        }
        guard (4...500).contains(reason.trimmed.count) else {
            throw DomainError.invalid(field: "reason", message: "请写明作废理由（4至500字），理由将公开")
        }
        t.state = .cancelled; t.cancelReason = reason.trimmed
        let content = String(decoding: try encoder.encode(t), as: UTF8.self)
        try await tx.sql.raw(
            "UPDATE draw_tasks SET state = \(bind: t.state.rawValue), content = \(bind: content) WHERE id = \(bind: id)"
        ).run()
        try tx.record("draw_task", id.uuidString, "cancel", ["reason": t.cancelReason ?? ""])
        return t
    }

    public static func task(_ id: UUID, on db: any Database) async throws -> DrawTask? {
        try await (db as! any SQLDatabase).raw("SELECT content FROM draw_tasks WHERE id = \(bind: id)").first().map {
            try JSONDecoder().decode(DrawTask.self, from: Data(try $0.decode(column: "content", as: String.self).utf8))
        }
    }

    /// The tasks of the bodies (nil: all, for the portal), newest first.
    public static func tasks(bodies: Set<UUID>?, limit: Int = 500, on db: any Database) async throws -> [DrawTask] {
        var q: SQLQueryString = "SELECT content FROM draw_tasks"
        if let bodies {
            guard !bodies.isEmpty else { return [] }
            // A department sees the tasks it leads and the joint tasks it takes part in.
            let ids = SQLGroupExpression(bodies.map { SQLBind($0) })
            q = q + " WHERE body_id IN \(ids) OR id IN (SELECT task_id FROM draw_task_partners WHERE body_id IN \(ids))"
        }
        return try await (db as! any SQLDatabase).raw(q + " ORDER BY created_on DESC LIMIT \(literal: limit)").all().map
        {
            try JSONDecoder().decode(DrawTask.self, from: Data(try $0.decode(column: "content", as: String.self).utf8))
        }
    }

    /// The published inputs (and, once drawn, the revealed value and the result) as stored: the JSON anyone re-runs.
    public static func publishedText(_ id: UUID, on db: any Database) async throws -> String? {
        // A proposed joint task has published nothing yet.
        let text = try await (db as! any SQLDatabase).raw("SELECT inputs FROM draw_tasks WHERE id = \(bind: id)")
            .first()?
            .decode(column: "inputs", as: String.self)
        return text?.isEmpty == true ? nil : text
    }

    public static func publishedInputs(_ id: UUID, on db: any Database) async throws -> Published {
        guard let text = try await publishedText(id, on: db) else { throw DomainError.notFound("没有该抽查任务") }
        return try JSONDecoder().decode(Published.self, from: Data(text.utf8))
    }

    /// Re-runs a drawn task from its published inputs: whether the hash and the result are what was published.
    public static func verify(_ id: UUID, on db: any Database) async throws -> (hash: Bool, result: Bool?) {
        let p = try await publishedInputs(id, on: db)
        let hashOK = p.inputs.hash == p.inputsHash
        guard let revealed = p.revealed, let result = p.result else { return (hashOK, nil) }
        return (hashOK, (try? RandomDraw.draw(p.inputs, revealed: revealed)) == result)
    }

    /// The names of a task's targets (the lead body's directory) and of its departments' officers, for the result as
    /// people read it.
    public static func names(
        _ task: DrawTask, on db: any Database
    ) async throws -> (targets: [String: String], inspectors: [String: String]) {
        let sql = db as! any SQLDatabase
        var targets: [String: String] = [:], inspectors: [String: String] = [:]
        for r in try await sql.raw("SELECT code, name FROM draw_targets WHERE body_id = \(bind: task.bodyID)").all() {
            targets[try r.decode(column: "code", as: String.self)] = try r.decode(column: "name", as: String.self)
        }
        let bodies = SQLGroupExpression(task.bodies.map { SQLBind($0) })
        for r in try await sql.raw("SELECT certificate_number, name FROM officers WHERE body_id IN \(bodies)").all() {
            inspectors[try r.decode(column: "certificate_number", as: String.self)] = try r.decode(
                column: "name", as: String.self)
        }
        return (targets, inspectors)
    }
}
