import FazhiCore
import FazhiStore
import FluentKit
import Vapor

/// Opening 法治督察 for the units the 考核 page lists: one unit chosen, or several drawn by the draw rule
/// (`RandomDraw.sample`: the units' ids, the number drawn, the task and a public random value revealed at the draw —
/// the inputs' canonical text, their SHA-256 and the drawn units go on the record, so anyone can redo the draw).
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
                    let record = try draw(
                        units: units,
                        names: Dictionary(q.units.map { ($0.id.uuidString, $0.name) }, uniquingKeysWith: { a, _ in a }),
                        form: v, year: q.year)
                    chosen = record.drawn.compactMap(UUID.init(uuidString:))
                    drawn = record
                }
                for body in chosen { try CasesAPI.mayOpen(def, user: user, body: body) }
                let opened = try await req.write(as: user) { tx in
                    if let drawn { try tx.record("inspection_draw", drawn.task, "draw", drawn) }
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
                (try? JSONDecoder().decode(DrawRecord.self, from: Data(e.payload))).map {
                    (e.entry.sequence, e.entry.recordedAt, $0)
                }
            }
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

        var drawn: [String] { result.map(\.target) }
    }

    /// The draw the form asks for: `count` of the units, by the public value `revealed`.
    static func draw(units: [UUID], names: [String: String], form v: [String: String], year: Int) throws -> DrawRecord {
        guard let count = Int((v["count"] ?? "").trimmed), (1...max(1, units.count)).contains(count) else {
            throw DomainError.invalid(field: "count", message: "抽取数量应为1至\(units.count)之间的整数")
        }
        let revealed = (v["revealed"] ?? "").trimmed
        guard (1...64).contains(revealed.count), !revealed.contains("|"), !TextChecks.hasControlCharacters(revealed)
        else {
            throw DomainError.invalid(field: "revealed", message: "请填写抽取时公开产生的随机数（如当日体育彩票开奖号码，64字以内）")
        }
        let inputs = RandomDraw.Inputs(
            task: "法治督察\(year)", targets: units.map { .init(id: $0.uuidString, stratum: "单位") }, inspectors: [],
            exclusions: [], quotas: ["单位": count], perTarget: 0)
        let sample: [RandomDraw.Target]
        do { sample = try RandomDraw.sample(inputs, revealed: revealed) } catch let e as RandomDraw.Problem {
            throw DomainError.invalid(field: "count", message: e.description)
        }
        return DrawRecord(
            algorithm: inputs.algorithm, task: inputs.task, perTarget: 0, quotas: inputs.quotas,
            targets: inputs.targets.map { [$0.id, $0.stratum] }, inspectors: [], exclusions: [],
            inputsHash: inputs.hash,
            revealed: revealed, result: sample.map { .init(target: $0.id, stratum: $0.stratum, inspectors: []) },
            names: names)
    }
}
