import FazhiCore
import FazhiStore
import FluentKit
import Vapor

/// Opening 法治督察 for the units the 考核 page lists: one unit chosen, or several drawn by the draw rule
/// (`RandomDraw.sample`). A draw is in two steps, as a 双随机 task's: first the plan is published — the units, how many,
/// the draw day and how the public random value will arise, with the inputs' SHA-256 — before that value exists;
/// then, on the draw day and before two witnesses, the value is entered and the plan drawn once. Units drawn earlier
/// in the year are not in a later plan, and a plan is drawn once: a result cannot be redrawn away. Plans and draws go
/// on the record, so anyone can redo the draw.
enum InspectionOpening {
    static func register(_ console: any RoutesBuilder) {
        // One draw as the record holds it, to redo with scripts/draw-verify.py.
        console.get("inspections", "draws", ":seq") { req async throws -> Response in
            let user = try req.requireUser()
            guard user.isSupervisor || user.has(.head) || user.has(.legalReviewer),
                let seq = req.parameters.get("seq", as: Int64.self),
                let stored = try await RecordLog.entry(seq, on: req.db),
                stored.entry.subjectType == "inspection_draw"
            else { throw APIError.notFound("没有该抽取记录") }
            let r = Response(status: .ok, body: .init(data: Data(stored.payload)))
            r.headers.replaceOrAdd(name: .contentType, value: "application/json; charset=utf-8")
            r.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"draw-\(seq).json\"")
            return r
        }
        console.post("inspections", "plans") { req async throws -> Response in
            let user = try req.requireUser()
            let v = try req.content.decode([String: String].self)
            let q = try await AssessmentPage.Query.fetch(req, user)
            do {
                guard user.isSupervisor else {
                    throw DomainError.forbidden("法治督察的抽取方案由依法治县办（司法行政部门）公布", article: nil)
                }
                let plan = try await freeze(req, q: q, own: user.organisationID, form: v, by: user.displayName)
                try await req.write(as: user) { tx in try tx.record("inspection_draw", "法治督察\(q.year)", "freeze", plan)
                }
                Flash.set(
                    req,
                    ok:
                        "已公布抽取方案：\(plan.drawOn)从\(plan.inputs.targets.count)个单位中抽取\(plan.count)个（输入 SHA-256 \(plan.inputsHash.prefix(16))…）"
                )
                return req.redirect(to: SitePath.assessment(year: q.year).path + "#inspections")
            } catch let e as DomainError {
                return try await AssessmentPage.page(req, user, error: e.message).with(status: APIError(e).status)
            }
        }
        console.post("inspections") { req async throws -> Response in
            let user = try req.requireUser()
            let v = try req.content.decode([String: String].self)
            guard let def = req.fazhi.procedures.current(RuleOfLawInspectionProcedure.id) else {
                throw APIError.notFound("没有法治督察程序")
            }
            let today = req.fazhi.today
            let q = try await AssessmentPage.Query.fetch(req, user)
            // Not the inspectors' own unit (the 司法局 hosts the 依法治县办).
            let units = q.units.map(\.id).filter { $0 != user.organisationID }
            do {
                guard user.isSupervisor else {
                    throw DomainError.forbidden(def.opening.refusal, article: def.opening.article)
                }
                let chosen: [UUID]
                let drawn: DrawRecord?
                if let raw = v["body"], !raw.isEmpty {
                    guard let body = UUID(uuidString: raw), units.contains(body) else {
                        throw DomainError.invalid(field: "body", message: "请选择被督察单位（考核范围内的单位）")
                    }
                    chosen = [body]
                    drawn = nil
                } else {
                    let record = try await draw(req, year: q.year, form: v)
                    chosen = record.drawn.compactMap(UUID.init(uuidString:))
                    drawn = record
                }
                for body in chosen { try CasesAPI.mayOpen(def, user: user, body: body) }
                let opened = try await req.write(as: user) { tx in
                    if let drawn { try tx.record("inspection_draw", "法治督察\(q.year)", "draw", drawn) }
                    var out: [StoredCase] = []
                    for body in chosen { out.append(try await CaseStore.open(def, bodyID: body, today: today, in: tx)) }
                    return out
                }
                let names = Dictionary(q.units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
                if let drawn {
                    Flash.set(
                        req,
                        ok:
                            "已随机抽取\(chosen.count)个单位并登记法治督察：\(chosen.compactMap { names[$0] }.joined(separator: "、"))（抽取输入 SHA-256 \(drawn.inputsHash.prefix(16))…，公开随机数 \(drawn.revealed)，已记入全过程记录）"
                    )
                    return req.redirect(to: SitePath.cases(procedure: RuleOfLawInspectionProcedure.id).path)
                }
                Flash.set(req, ok: "已登记法治督察 \(opened.first?.number ?? "")，请开展督察后填写")
                return req.redirect(to: SitePath.caseFile(opened.first?.id ?? UUID()).path)
            } catch let e as DomainError {
                return try await AssessmentPage.page(req, user, error: e.message).with(status: APIError(e).status)
            }
        }
    }

    /// The year's draws as the record holds them, newest first: `(seq, recorded at, draw)`.
    static func draws(year: Int, on db: any Database) async throws -> [(Int64, String, DrawRecord)] {
        try await RecordLog.entries(subjectTypes: ["inspection_draw"], subjectID: "法治督察\(year)", on: db).reversed()
            .compactMap { e in
                guard e.entry.action == "draw" else { return nil }
                return (try? JSONDecoder().decode(DrawRecord.self, from: Data(e.payload))).map {
                    (e.entry.sequence, e.entry.recordedAt, $0)
                }
            }
    }

    /// The year's published plans, newest first: `(seq, plan)`.
    static func plans(year: Int, on db: any Database) async throws -> [(Int64, Plan)] {
        try await RecordLog.entries(subjectTypes: ["inspection_draw"], subjectID: "法治督察\(year)", on: db).reversed()
            .compactMap { e in
                guard e.entry.action == "freeze" else { return nil }
                return (try? JSONDecoder().decode(Plan.self, from: Data(e.payload))).map { (e.entry.sequence, $0) }
            }
    }

    /// A draw plan as published before its random value exists, in the shape `scripts/draw-verify.py` reads (it checks
    /// the inputs' hash of a plan not drawn yet).
    struct Plan: Codable, Sendable {
        let algorithm: String
        let task: String
        let perTarget: Int
        let quotas: [String: Int]
        let targets: [[String]]
        let inspectors: [String]
        let exclusions: [[String]]
        let inputsHash: String
        let count: Int
        let drawOn: CivilDate
        /// How the public value will arise (当日体育彩票开奖号码, 抽取会上见证人现场产生的数字).
        let commitment: String
        let names: [String: String]
        let by: String

        var inputs: RandomDraw.Inputs {
            RandomDraw.Inputs(
                task: task, targets: targets.compactMap { $0.count == 2 ? .init(id: $0[0], stratum: $0[1]) : nil },
                inspectors: inspectors, exclusions: exclusions, quotas: quotas, perTarget: perTarget)
        }
    }

    /// The plan the form asks for: `count` of the units not drawn earlier this year, drawn on `drawOn` (today or
    /// later) by a value that will arise as `commitment` says. Refused while another plan awaits its draw.
    static func freeze(
        _ req: Request, q: AssessmentPage.Query, own: UUID, form v: [String: String], by: String
    ) async throws -> Plan {
        let today = req.fazhi.today
        guard q.scheme != nil else {
            throw DomainError.invalid(field: "year", message: "\(q.year)年尚未导入考核方案：督察从考核范围内的单位中抽取")
        }
        let plans = try await plans(year: q.year, on: req.db)
        let draws = try await draws(year: q.year, on: req.db)
        let drawnTasks = Set(draws.map(\.2.task))
        if let pending = plans.first(where: { !drawnTasks.contains($0.1.inputs.task) && $0.1.drawOn >= today }) {
            throw DomainError.conflict(
                field: nil, message: "已公布的抽取方案（\(pending.1.drawOn)抽取）尚未抽取：一次只能有一个待抽取的方案")
        }
        let drawnBefore = Set(draws.flatMap(\.2.drawn))
        let units = q.units.map(\.id).filter { $0 != own && !drawnBefore.contains($0.uuidString) }
        guard !units.isEmpty else {
            throw DomainError.invalid(field: "count", message: "考核范围内的单位本年度都已抽取过")
        }
        guard let count = Int((v["count"] ?? "").trimmed), (1...units.count).contains(count) else {
            throw DomainError.invalid(field: "count", message: "抽取数量应为1至\(units.count)之间的整数（本年度已抽取的单位不再参加抽取）")
        }
        // Published at least a day before: the value it names cannot have arisen when the plan is made public.
        guard let drawOn = CivilDate(iso: (v["drawOn"] ?? "").trimmed), drawOn > today, drawOn.year == q.year else {
            throw DomainError.invalid(
                field: "drawOn", message: "抽取日期应在公布之后（明天或以后）、\(q.year)年内（年-月-日）：随机数须在方案公布后才产生")
        }
        let commitment = (v["commitment"] ?? "").trimmed
        guard (4...200).contains(commitment.count), !TextChecks.hasControlCharacters(commitment) else {
            throw DomainError.invalid(
                field: "commitment", message: "请写明随机数如何在抽取时公开产生（如：抽取当日体育彩票排列五开奖号码），4至200字")
        }
        let inputs = RandomDraw.Inputs(
            task: "法治督察\(q.year)-\(plans.count + 1)", targets: units.map { .init(id: $0.uuidString, stratum: "单位") },
            inspectors: [], exclusions: [], quotas: ["单位": count], perTarget: 0)
        return Plan(
            algorithm: inputs.algorithm, task: inputs.task, perTarget: 0, quotas: inputs.quotas,
            targets: inputs.targets.map { [$0.id, $0.stratum] }, inspectors: [], exclusions: [],
            inputsHash: inputs.hash, count: count, drawOn: drawOn, commitment: commitment,
            names: Dictionary(q.units.map { ($0.id.uuidString, $0.name) }, uniquingKeysWith: { a, _ in a }), by: by)
    }

    /// What the record keeps of a draw, in the shape `scripts/draw-verify.py` reads (no inspectors, `perTarget` 0):
    /// anyone with the file can redo it.
    struct DrawRecord: Codable, Sendable {
        struct Result: Codable, Sendable {
            let target: String
            let stratum: String
            let inspectors: [String]
        }
        let algorithm: String
        let task: String
        let perTarget: Int
        let quotas: [String: Int]
        let targets: [[String]]
        let inspectors: [String]
        let exclusions: [[String]]
        let inputsHash: String
        let revealed: String
        let result: [Result]
        /// Each unit's name, for the reader (not part of the draw).
        let names: [String: String]
        /// Who witnessed the value (absent in draws kept before plans).
        var witnesses: [String]? = nil

        var drawn: [String] { result.map(\.target) }
    }

    /// The draw of the year's pending plan, by the public value `revealed` entered on its draw day before two witnesses.
    static func draw(_ req: Request, year: Int, form v: [String: String]) async throws -> DrawRecord {
        let today = req.fazhi.today
        let drawnTasks = Set(try await draws(year: year, on: req.db).map(\.2.task))
        guard let (_, plan) = try await plans(year: year, on: req.db).first else {
            throw DomainError.invalid(field: "revealed", message: "请先公布抽取方案（抽取的单位、数量、日期和随机数的产生方式），在抽取日再抽取")
        }
        guard !drawnTasks.contains(plan.inputs.task) else {
            throw DomainError.conflict(field: nil, message: "该抽取方案已经抽取过，不能重新抽取；另行抽取请公布新的方案")
        }
        guard today == plan.drawOn else {
            throw DomainError.invalid(
                field: "revealed",
                message: today < plan.drawOn
                    ? "抽取日期为\(plan.drawOn)：随机数须在方案公布后、抽取时产生，不能提前抽取"
                    : "公布的抽取日期\(plan.drawOn)已过，不能改在其他日期抽取：请公布新的方案")
        }
        let revealed = (v["revealed"] ?? "").trimmed
        guard (1...64).contains(revealed.count), !revealed.contains("|"), !TextChecks.hasControlCharacters(revealed)
        else {
            throw DomainError.invalid(field: "revealed", message: "请填写抽取时公开产生的随机数（\(plan.commitment)，64字以内）")
        }
        let witnesses = (v["witnesses"] ?? "").split(whereSeparator: \.isNewline).map { String($0).trimmed }
            .filter { !$0.isEmpty }
        guard witnesses.count >= 2, Set(witnesses).count == witnesses.count, witnesses.count <= 20,
            witnesses.allSatisfy({ $0.count <= 50 && !TextChecks.hasControlCharacters($0) })
        else {
            throw DomainError.invalid(field: "witnesses", message: "随机数应由两名以上见证人见证：请填写见证人姓名（每行一人，不重复，不超过20人）")
        }
        let inputs = plan.inputs
        // The plan's inputs as published: rebuilt, they hash the same.
        guard inputs.hash == plan.inputsHash else {
            throw DomainError.conflict(field: nil, message: "抽取方案的输入与公布的 SHA-256 不符，不能抽取")
        }
        let sample: [RandomDraw.Target]
        do { sample = try RandomDraw.sample(inputs, revealed: revealed) } catch let e as RandomDraw.Problem {
            throw DomainError.invalid(field: "count", message: e.description)
        }
        return DrawRecord(
            algorithm: inputs.algorithm, task: inputs.task, perTarget: 0, quotas: inputs.quotas,
            targets: inputs.targets.map { [$0.id, $0.stratum] }, inspectors: [], exclusions: [],
            inputsHash: inputs.hash,
            revealed: revealed, result: sample.map { .init(target: $0.id, stratum: $0.stratum, inspectors: []) },
            names: plan.names, witnesses: witnesses)
    }
}
