import FazhiCore
import FazhiStore
import Vapor

/// A case as the API shows it: the file, its deadlines with days left, and the steps open to the caller now.
struct CaseDTO: Content {
    struct Step: Content {
        let action: String; let name: String; let on: String; let actor: String; let officers: [String];
        let from: String; let to: String; let inputs: [String: FactOut]
    }
    struct DeadlineOut: Content {
        let key: String; let name: String; let due: String; let article: String?; let running: Bool; let daysLeft: Int?;
        let overdue: Bool
        /// The due date is the earliest possible one: the period runs into a year whose holiday notice is not out yet.
        let provisional: Bool
    }
    struct ActionOut: Content {
        let id: String; let name: String; let allowed: Bool; let reason: String?; let article: String?
    }
    let id: UUID
    let number: String
    let procedure: String
    let procedureName: String
    let definitionVersion: Int
    let bodyId: UUID
    let state: String
    let stateName: String
    let version: Int
    let facts: [String: FactOut]
    let steps: [Step]
    let deadlines: [DeadlineOut]
    /// Periods that start from a receipt not yet recorded: not running (e.g. 行政复议法 第四十八条).
    let waitingPeriods: [WaitingOut]
    let actions: [ActionOut]
    let documents: [String]?
}

/// A period the law has not started yet, and what starts it.
struct WaitingOut: Content {
    let key: String, name: String, waitsFor: String, article: String
}

/// A fact as JSON: dates as plain ISO strings.
enum FactOut: Codable, Sendable {
    case text(String), number(Double), bool(Bool), list([String])
    init(_ v: FactValue) {
        switch v {
        case .text(let s): self = .text(s);
        case .number(let d): self = .number(d);
        case .bool(let b): self = .bool(b)
        case .date(let d): self = .text(d.description);
        case .list(let l): self = .list(l)
        }
    }
    init(from decoder: any Decoder) throws { self = .text(try decoder.singleValueContainer().decode(String.self)) }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .text(let s): try c.encode(s);
        case .number(let d): try c.encode(d);
        case .bool(let b): try c.encode(b);
        case .list(let l): try c.encode(l)
        }
    }
    static func map(_ f: Facts) -> [String: FactOut] { f.values.mapValues(FactOut.init) }
}

/// 行政执法案件 through the procedure engine: open, read, take a step; the definitions themselves as data.
struct CasesAPI {
    struct OpenInput: StrictInput {
        static let fields: Set<String> = ["procedure", "bodyId"]
        let procedure: String; let bodyId: UUID?
    }
    struct StepInput: StrictInput {
        static let fields: Set<String> = ["action", "version", "date", "inputs", "officers"]
        let action: String; let version: Int; let date: String?; let inputs: Facts?; let officers: [UUID]?
    }

    /// The roles the user holds over the case's body (granted in the body or an organisation above it).
    /// The user as the engine sees them in a body: the roles they hold over it — at the body itself only, for a procedure
    /// whose steps each body takes for itself (`ProcedureDefinition.rolesHeldAtBody`).
    static func actor(_ user: AuthUser, body: UUID, procedure: String? = nil) -> ProcedureActor {
        let def = procedure.flatMap { ProcedureCatalog.standard.current($0) }
        let own = def?.rolesHeldAtBody ?? false, anywhere = def?.rolesHeldWhereRead ?? []
        let roles = Set(
            user.grants.filter {
                own ? $0.organisationID == body : user.policy.tree.subtree(of: $0.organisationID).contains(body)
            }.map(\.role)
        )
        .union(user.grants.map(\.role).filter { anywhere.contains($0) && user.readable.contains(body) })
        return ProcedureActor(id: user.id, name: user.displayName, roles: roles)
    }

    /// Who may open a case of a procedure in a body: the roles its definition names (`OpeningRule`), with the article.
    static func mayOpen(_ def: ProcedureDefinition, user: AuthUser, body: UUID) throws {
        guard def.opening.allows(actor(user, body: body, procedure: def.id).roles) else {
            throw DomainError.forbidden(def.opening.refusal, article: def.opening.article)
        }
    }

    static func visibleCase(_ req: Request, _ user: AuthUser) async throws -> StoredCase {
        guard let id = req.parameters.get("id", as: UUID.self), let c = try await CaseStore.load(id, on: req.db) else {
            throw APIError.notFound("案件不存在，或您无权查看")
        }
        if user.readable.contains(c.file.bodyID) { return c }
        guard try await AppModules.mayRead(c, user, req) else { throw APIError.notFound("案件不存在，或您无权查看") }
        return c
    }

    static func dto(
        _ c: StoredCase, user: AuthUser, req: Request, documents: [CaseDocumentKind]? = nil
    ) async throws -> CaseDTO {
        let f = c.file, today = req.fazhi.today, catalog = req.fazhi.procedures
        let def = catalog.definition(f.procedure, version: f.definitionVersion)
        let external = try await CaseStore.externalFacts(f, on: today, db: req.db)
        var available: [ActionAvailability] = []
        if let def {
            let who = try await CaseStore.actorForAvailability(
                actor(user, body: f.bodyID, procedure: f.procedure), def: def, file: f, on: req.db)
            available = ProcedureEngine.available(
                def, file: f, actor: who, external: external, today: today, calendar: req.fazhi.deadlines,
                settings: catalog.settings)
        }
        // Personal values (an ID number, a complainant's phone) in clear only for the staff of the body handling the
        // case; anyone else reading it (a supervisor, a reviewer) gets them masked, as on the case page.
        let personal = CaseFilePage.Query.mayReveal(user, f) ? [] : def?.personalInputs ?? []
        func shown(_ facts: Facts) -> [String: FactOut] {
            var out = FactOut.map(facts)
            for k in personal {
                if let v = facts.values[k] { out[k] = .text(PersonalData.maskIDNumber(v.description)) }
            }
            return out
        }
        return CaseDTO(
            id: f.id, number: c.number, procedure: f.procedure, procedureName: def?.name ?? f.procedure,
            definitionVersion: f.definitionVersion, bodyId: f.bodyID,
            state: f.state, stateName: def?.stateName(f.state) ?? f.state, version: f.version,
            facts: shown(f.facts),
            steps: f.steps.map {
                .init(
                    action: $0.action, name: $0.actionName, on: $0.on.description, actor: $0.actorName,
                    officers: $0.officers.map(\.name),
                    from: $0.fromState, to: $0.toState, inputs: shown($0.inputs))
            },
            deadlines: f.deadlines.map {
                .init(
                    key: $0.key, name: $0.name, due: $0.deadline.due.description, article: $0.deadline.article,
                    running: $0.isRunning,
                    daysLeft: $0.isRunning ? $0.deadline.daysLeft(on: today) : nil,
                    overdue: $0.isRunning && $0.deadline.isOverdue(on: today),
                    provisional: $0.deadline.provisional == true)
            },
            waitingPeriods: (def?.presentation.waitingPeriods(f) ?? []).map {
                .init(key: $0.key, name: $0.name, waitsFor: $0.waitsFor, article: $0.article)
            },
            actions: available.map { a in
                let (reason, article): (String?, String?) =
                    a.refusal.map { e in
                        switch e {
                        case .refused(_, let m, let art): return (m, art);
                        case .forbidden(let m, let art): return (m, art);
                        default: return (e.description, nil)
                        }
                    } ?? (nil, nil)
                return .init(
                    id: a.action.id, name: a.action.name, allowed: a.refusal == nil, reason: reason, article: article)
            },
            documents: documents?.map(\.rawValue))
    }

    static func register(_ api: any RoutesBuilder) {
        api.get("procedures") { req async throws -> Response in
            _ = try req.requireUser()
            return try jsonResponse(req.fazhi.procedures.definitions.map(ProcedureJSON.definition))
        }
        api.get("cases") { req async throws -> [CaseSummary] in
            let user = try req.requireUser()
            let body = req.query[String.self, at: "body"].flatMap(UUID.init(uuidString:))
            let scope = body.map { user.readable.contains($0) ? [$0] : [] } ?? user.readable
            return try await CaseStore.list(
                bodies: scope, procedure: req.query[String.self, at: "procedure"],
                state: req.query[String.self, at: "state"],
                month: req.query[String.self, at: "month"], outcome: req.query[String.self, at: "outcome"],
                powerItem: req.query[String.self, at: "item"], on: req.db)
        }
        api.get("cases", "deadlines") { req async throws -> [CaseDeadlineRow] in
            let user = try req.requireUser()
            return try await CaseStore.runningDeadlines(bodies: user.readable, on: req.db)
        }
        api.post("cases") { req async throws -> Response in
            let user = try req.requireUser()
            let input = try StrictJSON.decode(OpenInput.self, from: req)
            guard let def = req.fazhi.procedures.current(input.procedure) else {
                throw DomainError.invalid(
                    field: "procedure",
                    message: "没有该程序；可选：\(req.fazhi.procedures.definitions.map(\.id).joined(separator: "、"))")
            }
            let body = input.bodyId ?? user.organisationID
            guard user.readable.contains(body) else { throw APIError.notFound("执法主体不存在，或您无权查看") }
            try mayOpen(def, user: user, body: body)
            let today = req.fazhi.today
            let c = try await req.write(as: user) { tx in
                try await CaseStore.open(def, bodyID: body, today: today, in: tx)
            }
            let r = Response(status: .created)
            try r.content.encode(try await dto(c, user: user, req: req))
            return r
        }
        api.get("cases", ":id") { req async throws -> CaseDTO in
            let user = try req.requireUser()
            return try await dto(try await visibleCase(req, user), user: user, req: req)
        }
        api.post("cases", ":id", "steps") { req async throws -> CaseDTO in
            let user = try req.requireUser()
            let c = try await visibleCase(req, user)
            let input = try StrictJSON.decode(StepInput.self, from: req)
            let today = req.fazhi.today
            var date = today
            if let d = input.date {
                guard let p = CivilDate(iso: d) else {
                    throw DomainError.invalid(field: "date", message: "日期格式应为 YYYY-MM-DD")
                }; date = p
            }
            let step = StepRequest(
                caseID: c.id, action: input.action, expectedVersion: input.version, inputs: input.inputs ?? Facts(),
                officerIDs: input.officers ?? [], actor: actor(user, body: c.file.bodyID, procedure: c.file.procedure),
                date: date)
            let catalog = req.fazhi.procedures, calendar = req.fazhi.deadlines
            let (after, t) = try await req.write(as: user) { tx in
                try await CaseStore.take(step, catalog: catalog, calendar: calendar, today: today, in: tx)
            }
            return try await dto(after, user: user, req: req, documents: t.documents)
        }
    }

    static func jsonResponse(_ object: Any) throws -> Response {
        let r = Response(
            status: .ok, body: .init(data: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])))
        r.headers.replaceOrAdd(name: .contentType, value: "application/json; charset=utf-8")
        return r
    }
}

/// A procedure definition as JSON, for forms and for a lawyer's review: every step, who takes it, its inputs, its
/// gates with their articles, and its documents.
enum ProcedureJSON {
    static func definition(_ d: ProcedureDefinition) -> [String: Any] {
        [
            "id": d.id, "version": d.version, "name": d.name, "instrument": d.instrument, "initial": d.initial,
            "states": d.states.map { ["id": $0.id, "name": $0.name, "terminal": $0.terminal] as [String: Any] },
            "actions": d.actions.map { a -> [String: Any] in
                var o: [String: Any] = [
                    "id": a.id, "name": a.name, "from": a.from.sorted(), "roles": a.roles.map(\.rawValue).sorted(),
                    "basis": a.basis,
                    "inputs": a.inputs.map(input),
                    "gates": a.gates.map { ["article": $0.article, "message": $0.message, "field": $0.field as Any] },
                    "documents": a.documents.map { ["id": $0.rawValue, "name": $0.chineseName] },
                ]
                if let to = a.to { o["to"] = to }
                if let r = a.officers { o["officers"] = ["minimum": r.minimum, "article": r.article] }
                return o
            },
        ]
    }

    static func input(_ f: InputField) -> [String: Any] {
        var o: [String: Any] = ["key": f.key, "label": f.label, "required": f.required]
        switch f.kind {
        case .text: o["kind"] = "text"
        case .number: o["kind"] = "number"
        case .amount: o["kind"] = "amount"
        case .date: o["kind"] = "date"
        case .bool: o["kind"] = "bool"
        case .list:
            o["kind"] = "list"
            if !f.listChoices.isEmpty { o["choices"] = f.listChoices.map { ["value": $0, "label": $0] } }
        case .choice(let c): o["kind"] = "choice"; o["choices"] = c.map { ["value": $0.value, "label": $0.label] }
        }
        return o
    }
}

extension CaseSummary: Content {}
extension CaseDeadlineRow: Content {}
