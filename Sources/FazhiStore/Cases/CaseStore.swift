import Crypto
import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// A stored case: the file the engine works on, with the columns lists filter on.
public struct StoredCase: Sendable {
    public let file: CaseFile
    public let number: String
    public let openedOn: String
    public var id: UUID { file.id }
}

/// A step as a user asks for it: the engine checks it against the stored case inside the write transaction.
public struct StepRequest: Sendable {
    public var caseID: UUID
    public var action: String
    public var expectedVersion: Int
    public var inputs: Facts
    public var officerIDs: [UUID]
    public var actor: ProcedureActor
    public var date: CivilDate

    public init(
        caseID: UUID, action: String, expectedVersion: Int, inputs: Facts, officerIDs: [UUID] = [],
        actor: ProcedureActor, date: CivilDate
    ) {
        self.caseID = caseID; self.action = action; self.expectedVersion = expectedVersion; self.inputs = inputs
        self.officerIDs = officerIDs; self.actor = actor; self.date = date
    }
}

/// One line of a case list.
public struct CaseSummary: Codable, Sendable {
    public let id: UUID
    public let procedure: String
    public let bodyId: UUID
    public let number: String
    public let state: String
    public let version: Int
    public let partyName: String
    public let powerItemCode: String
    public let openedOn: String
    public let decidedOn: String?
    public let closedOn: String?
    public let outcome: String?
    public let fine: Double?
}

/// A case with a deadline falling due (the sweep).
public struct DueCase: Codable, Sendable, Equatable {
    public let caseId: UUID
    public let number: String
    public let procedure: String
    public let bodyId: UUID
    public let key: String
    public let due: String
}

/// A deadline running in a case, for the 待办 list.
public struct CaseDeadlineRow: Codable, Sendable {
    public let caseId: UUID
    public let number: String
    public let partyName: String
    public let procedure: String
    public let bodyId: UUID
    public let key: String
    public let name: String
    public let due: String
    public let article: String
}

/// Cases under the procedure engine: opening, taking steps (one transaction each, with the record), reading.
public enum CaseStore {
    static let decoder = SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase)

    /// Opens a case on the current version of its procedure, numbered per body, year and the procedure's character
    /// (`CaseNumbering`) in the name its definition says: a registered 执法主体 (行政处罚法 第十七条), the government a
    /// 行政复议机构 works for (清河县人民政府 → 清政复〔2026〕1号, 行政复议法 第二十四条), or any organisation.
    public static func open(
        _ def: ProcedureDefinition, bodyID: UUID, today: CivilDate, in tx: WriteTransaction
    ) async throws -> StoredCase {
        guard let issuer = try await issuerName(def.numbering.issuer, of: bodyID, on: tx.db) else {
            throw DomainError.invalid(
                field: "bodyId", message: def.numbering.issuer == .enforcementBody ? "该单位未登记为执法主体" : "该单位不存在")
        }
        let file = ProcedureEngine.start(def, bodyID: bodyID)
        let number = try await freshNumber(
            prefix: DocumentNumber.prefix(organisationName: issuer), kind: def.numbering.kindAtOpening,
            year: today.year, in: tx)
        let content = try StoreJSON.encode(file)
        try await tx.sql.insert(into: "cases")
            .columns(
                "id", "procedure", "definition_version", "body_id", "number", "state", "version", "party_name",
                "power_item_code", "opened_on", "content"
            )
            .values(
                SQLBind(file.id), SQLBind(def.id), SQLBind(def.version), SQLBind(bodyID), SQLBind(number),
                SQLBind(file.state), SQLBind(0),
                SQLBind(""), SQLBind(""), SQLBind(today.description), SQLBind(content)
            )
            .run()
        if def.kind == .enforcement {
            try await FigureSums.add(FigureContribution(file, openedOn: today.description), sign: 1, on: tx.sql)
        }
        try tx.record(
            "case", file.id.uuidString, "open",
            [
                "procedure": def.id, "definitionVersion": String(def.version), "body": bodyID.uuidString,
                "number": number,
                "seal": StateAudit.caseSeal(
                    content: content, number: number, state: file.state, fine: nil, outcome: nil, decidedOn: nil,
                    party: "", powerItemCode: ""),
            ])
        return StoredCase(file: file, number: number, openedOn: today.description)
    }

    /// The bodies of the cases of a procedure whose content names this case (a 复议's `linkedCaseID`).
    public static func reviewsOf(_ id: UUID, procedure: String, on db: any Database) async throws -> [UUID] {
        try await (db as! any SQLDatabase).raw(
            "SELECT body_id FROM cases WHERE procedure = \(bind: procedure) AND content LIKE \(bind: "%\(id.uuidString)%")"
        ).all().map { try $0.decode(column: "body_id", as: UUID.self) }
    }

    /// The next case number of a prefix, kind and year. One sequence per prefix (two bodies can share one: a 委托 所
    /// abbreviates like its 局), started above every number already written with it; a number taken some other way (an
    /// import) is still skipped, never a 500.
    static func freshNumber(prefix: String, kind: String, year: Int, in tx: WriteTransaction) async throws -> String {
        var number = ""
        for _ in 0..<1_000 {
            let n = try await nextNumber(prefix: prefix, year: year, kind: kind, in: tx)
            number = DocumentNumber.format(prefix: prefix, kind: kind, year: year, number: n)
            if try await tx.sql.raw("SELECT 1 AS x FROM cases WHERE number = \(bind: number)").first() == nil { break }
        }
        return number
    }

    /// The case's own number, taken by the step that gives it (`CaseNumbering.numberedAt`: 立案 gives the 立案号 in the
    /// year of the approval) in place of the registration number, everywhere the number is copied.
    static func numberOnStep(
        _ def: ProcedureDefinition, _ stored: StoredCase, action: String, on date: CivilDate, in tx: WriteTransaction
    ) async throws -> String {
        guard action == def.numbering.numberedAt,
            let issuer = try await issuerName(def.numbering.issuer, of: stored.file.bodyID, on: tx.db)
        else { return stored.number }
        let number = try await freshNumber(
            prefix: DocumentNumber.prefix(organisationName: issuer), kind: def.numbering.kind, year: date.year, in: tx)
        let id = SQLBind(stored.file.id)
        try await tx.sql.update("cases").set("number", to: SQLBind(number)).where("id", .equal, id).run()
        try await tx.sql.update("case_deadlines").set("case_number", to: SQLBind(number)).where("case_id", .equal, id)
            .run()
        try await tx.sql.update("supervision_alerts").set("case_number", to: SQLBind(number))
            .where("case_id", .equal, SQLBind(stored.file.id.uuidString)).run()
        return number
    }

    /// Checks and takes one step. Everything it needs from the registries (officers' certificates, the body's
    /// confirmation, the power item) is read inside the same transaction; a refusal writes nothing.
    public static func take(
        _ r: StepRequest, catalog: ProcedureCatalog, calendar: DeadlineCalculator, today: CivilDate,
        in tx: WriteTransaction
    ) async throws -> (StoredCase, CaseTransition) {
        // The case, the actor's officer record and the case's body in one read (a step's statements are most of its
        // cost on PostgreSQL).
        guard
            let row = try await tx.sql.raw(
                """
                SELECT c.number, c.opened_on, c.content, o.id AS officer_id, o.legal_qualification, eb.*
                FROM cases c LEFT JOIN officers o ON o.user_id = \(bind: r.actor.id)
                LEFT JOIN (\(unsafeRaw: EnforcementBodies.select)) eb ON eb.organisation_id = c.body_id
                WHERE c.id = \(bind: r.caseID)
                """
            ).first()
        else { throw DomainError.notFound("案件不存在") }
        let body =
            try row.decodeNil(column: "id")
            ? nil : try row.decode(model: EnforcementBodyRow.self, with: EnforcementBodies.decoder)
        let stored = try storedCase(row)
        let actorOfficer = try row.decode(column: "officer_id", as: UUID?.self).map {
            ($0, try row.decode(column: "legal_qualification", as: Bool.self))
        }
        let file = stored.file
        guard let def = catalog.definition(file.procedure, version: file.definitionVersion) else {
            throw DomainError.conflict(
                field: nil, message: "找不到案件所用的程序定义（\(file.procedure) 第\(file.definitionVersion)版）")
        }
        guard let action = def.action(r.action) else {
            throw DomainError.invalid(field: "action", message: "本程序没有“\(r.action)”这一步骤")
        }

        var officers: [NamedOfficer] = []
        for id in r.officerIDs {
            guard let o = try await Officers.officer(id, on: tx.db) else {
                throw DomainError.invalid(field: "officers", message: "执法人员 \(id) 不存在")
            }
            officers.append(
                NamedOfficer(
                    id: id, name: o.name, certificateNumber: o.certificateNumber, bodyID: o.bodyId,
                    eligibility: o.profile.eligibility(on: r.date)))
        }
        var external = try await externalFacts(file, on: r.date, inputs: r.inputs, body: body, db: tx.db)
        var actor = try await enrich(r.actor, officer: actorOfficer, on: tx.sql)
        for lookup in action.lookups {
            try await look(
                lookup, for: stored, def: def, request: r, catalog: catalog, body: body, external: &external,
                actor: &actor, in: tx)
        }

        let t = try ProcedureEngine.apply(
            def, to: file, action: r.action, expectedVersion: r.expectedVersion, inputs: r.inputs, external: external,
            officers: officers, actor: actor, date: r.date, today: today, calendar: calendar, settings: catalog.settings
        )
        let number = try await numberOnStep(def, stored, action: r.action, on: r.date, in: tx)
        try await save(t, def: def, number: number, openedOn: stored.openedOn, in: tx)
        if let stats = def.statistics {
            try await YearFigures.change(stats, from: file, to: t.file, openedOn: stored.openedOn, on: tx.sql)
        } else if def.kind == .enforcement {
            try await FigureSums.change(
                from: FigureContribution(file, openedOn: stored.openedOn),
                to: FigureContribution(t.file, openedOn: stored.openedOn), on: tx.sql)
        }
        if let effect = action.publication { try await Publications.apply(effect, file: t.file, on: r.date, in: tx) }
        try await CaseProjections.apply(t.file, settings: catalog.settings, in: tx)
        for link in t.linked {
            try await takeLinked(
                link, from: t.file, on: r.date, catalog: catalog, calendar: calendar, today: today, in: tx)
        }
        return (StoredCase(file: t.file, number: number, openedOn: stored.openedOn), t)
    }

    /// A step one case causes in another, in the same transaction. When the other case cannot take it (its state does not
    /// allow it), the cause's step still stands and the record says why the other case was not changed, for its body to see.
    static func takeLinked(
        _ link: LinkedStep, from cause: CaseFile, on date: CivilDate, catalog: ProcedureCatalog,
        calendar: DeadlineCalculator,
        today: CivilDate, in tx: WriteTransaction
    ) async throws {
        guard let other = try await load(link.caseID, on: tx.db) else { return }
        let request = StepRequest(
            caseID: link.caseID, action: link.action, expectedVersion: other.file.version, inputs: link.inputs,
            officerIDs: [],
            actor: linkedActor, date: max(date, other.file.steps.last?.on ?? date))
        do {
            _ = try await take(request, catalog: catalog, calendar: calendar, today: today, in: tx)
        } catch let e as DomainError {
            try tx.record(
                "case", link.caseID.uuidString, "linked_step_refused",
                ["action": link.action, "cause": cause.id.uuidString, "reason": e.description])
        }
    }

    /// What the registries say that a step's gates read: whether the body is confirmed on the day, whether the power
    /// item a step names is one of the body's 行政处罚 items in force, and which evidence files the case holds.
    public static func externalFacts(
        _ file: CaseFile, on date: CivilDate, inputs: Facts = Facts(), body known: EnforcementBodyRow?? = nil,
        db: any Database
    ) async throws -> Facts {
        var external = Facts()
        let body: EnforcementBodyRow?
        if let known {
            body = known
        } else {
            body = try await EnforcementBodies.body(organisation: file.bodyID, on: db)
        }
        external[RegistryFacts.bodyConfirmed] = .bool(body?.domain.isConfirmed(on: date) ?? false)
        external[RegistryFacts.bodyIsPublicSecurity] = .bool(body?.organisationName.contains("公安") ?? false)
        // Only the step that names the item (立案, 当场处罚) asks whether it is on the body's list: an as-of-date list
        // query is the dearest read of a step, so later steps do not pay for it.
        if let code = inputs[CaseColumns.powerItemCode] {
            let listed = try await PowerListStore.list(
                on: date, .init(type: .penalty, organisations: [file.bodyID]), on: db
            ).rows
                .contains { $0.code == code.trimmed && AdjustmentKind(rawValue: $0.kind)?.resultingStatus == .inForce }
            external[RegistryFacts.powerItemIsBodysPenalty] = .bool(listed)
        }
        if inputs["evidenceFiles"] != nil {
            let files = try await EvidenceStore.files(file.id, on: db)
            external[RegistryFacts.uploadedEvidence] = .list(files.map(\.sha256))
            external[RegistryFacts.uploadedAudioVisual] = .list(files.filter(\.isAudioVisual).map(\.sha256))
        }
        return external
    }

    /// The case's outcome as lists and statistics show it (a decision without an outcome fact is a penalty: 当场处罚).
    static func outcome(_ f: CaseFile) -> String? {
        f.facts[CaseColumns.outcome] ?? (f.facts[CaseColumns.decidedOn] != nil ? "penalty" : nil)
    }

    static func save(
        _ t: CaseTransition, def: ProcedureDefinition, number: String, openedOn: String, in tx: WriteTransaction
    ) async throws {
        let f = t.file, sql = tx.sql
        let row = try CaseRow(t, def: def, number: number, openedOn: openedOn)
        let figures = row.figures, seal = row.seal
        let updated = try await sql.update("cases")
            .set("state", to: SQLBind(f.state)).set("version", to: SQLBind(f.version)).set(
                "content", to: SQLBind(row.content)
            )
            .set("party_name", to: SQLBind(row.party)).set(
                "power_item_code", to: SQLBind(row.powerItemCode)
            )
            .set("decided_on", to: SQLBind(row.decidedOn)).set("closed_on", to: SQLBind(row.closedOn))
            .set("outcome", to: SQLBind(row.outcome))
            .set("fine", to: SQLBind(row.fine))
            .set("legally_reviewed", to: SQLBind(figures.legallyReviewed)).set("heard", to: SQLBind(figures.heard))
            .set("decision_due", to: SQLBind(figures.decisionDue)).set(
                "handling_days", to: SQLBind(figures.handlingDays)
            )
            .where("id", .equal, SQLBind(f.id))
            // Only over the version the step was checked against: two app nodes taking a step on one case at once both
            // read that version; the second to write finds it gone and is refused, never writes over the first.
            .where("version", .equal, SQLBind(f.version - 1))
            .returning("id").all()
        guard !updated.isEmpty else {
            throw DomainError.conflict(field: "version", message: "案件已被他人同时更新，请刷新后重试")
        }
        try await sql.insert(into: "case_steps").columns("case_id", "seq", "action", "taken_on", "actor_id", "content")
            .values(
                SQLBind(f.id), SQLBind(f.steps.count), SQLBind(t.step.action), SQLBind(t.step.on.description),
                SQLBind(t.step.actorID), SQLBind(try StoreJSON.encode(t.step))
            )
            .run()
        try await OfficerActivity.note([t.step], on: sql)
        // Deadlines change only by a step's start and stop effects (the engine stops a running deadline of a key before
        // starting it again, and never drops one), so the rows follow by marking the stopped and adding the started.
        if !t.stoppedDeadlines.isEmpty {
            try await sql.update("case_deadlines").set("running", to: SQLBind(false))
                .where("case_id", .equal, SQLBind(f.id)).where("running", .equal, SQLBind(true))
                .where("key", .in, SQLBind.group(Array(Set(t.stoppedDeadlines)))).run()
        }
        if !t.startedDeadlines.isEmpty {
            var ins = sql.insert(into: "case_deadlines").columns(
                "case_id", "key", "name", "due", "article", "running", "body_id", "procedure", "case_number")
            // As the file holds them after the step (a deadline started and stopped by the same step is not running).
            for d in f.deadlines.suffix(t.startedDeadlines.count) {
                ins = ins.values(
                    SQLBind(f.id), SQLBind(d.key), SQLBind(d.name), SQLBind(d.deadline.due.description),
                    SQLBind(d.deadline.article ?? ""), SQLBind(d.isRunning),
                    SQLBind(f.bodyID.uuidString), SQLBind(f.procedure), SQLBind(number))
            }
            try await ins.run()
        }
        try tx.record("case", f.id.uuidString, t.step.action, stepPayload(t, def: def, seal: seal))
    }

    /// A step's record entry: what changed, the inputs (personal ones — ID numbers, phones — only as their SHA-256), and
    /// the seal of the row as written.
    static func stepPayload(_ t: CaseTransition, def: ProcedureDefinition, seal: String) -> CaseRecordPayload {
        let f = t.file
        var inputs = t.step.inputs
        for k in def.personalInputs {
            if let v = inputs.text(k) { inputs[k] = .text("sha256:" + Hex.encode(SHA256.hash(data: Array(v.utf8)))) }
        }
        return CaseRecordPayload(
            procedure: f.procedure, definitionVersion: f.definitionVersion, version: f.version,
            from: t.step.fromState, to: t.step.toState,
            on: t.step.on.description, inputs: inputs, officers: t.step.officers.map { $0.id.uuidString },
            documents: t.documents.map(\.rawValue),
            deadlinesStarted: t.startedDeadlines.map { "\($0.key):\($0.deadline.due)" },
            deadlinesStopped: t.stoppedDeadlines, seal: seal)
    }

    struct CaseRecordPayload: Encodable {
        let procedure: String, definitionVersion: Int, version: Int, from: String, to: String, on: String
        let inputs: Facts, officers: [String], documents: [String], deadlinesStarted: [String],
            deadlinesStopped: [String]
        /// SHA-256 of the case row as this step wrote it (`StateAudit.caseSeal`).
        let seal: String
    }

    /// Fills in what the officer registry knows of the actor: their officer record and 法律职业资格 (so the engine can tell
    /// an investigator from a reviewer).
    static func enrich(
        _ a: ProcedureActor, officer: (id: UUID, legalQualification: Bool)?, on sql: any SQLDatabase
    ) async throws -> ProcedureActor {
        var out = a
        if let officer {
            out.officerID = officer.id
            out.hasLegalQualification = out.hasLegalQualification || officer.legalQualification
        }
        return out
    }

    /// The actor as the engine sees them when judging which steps are open now (the case page, the API): their officer
    /// record and 法律职业资格, and what the open steps' `actorHasTaken` lookups find — so the page offers exactly the steps
    /// the server will take (a qualified reviewer sees 法制审核 open, 行政处罚法 第五十八条第二款).
    public static func actorForAvailability(
        _ a: ProcedureActor, def: ProcedureDefinition, file: CaseFile, on db: any Database
    ) async throws -> ProcedureActor {
        let sql = db as! any SQLDatabase
        let officer = try await sql.raw("SELECT id, legal_qualification FROM officers WHERE user_id = \(bind: a.id)")
            .first()
            .map {
                (
                    try $0.decode(column: "id", as: UUID.self),
                    try $0.decode(column: "legal_qualification", as: Bool.self)
                )
            }
        var actor = try await enrich(a, officer: officer, on: sql)
        let taken = Set(
            def.actions.filter { $0.from.contains(file.state) }.flatMap(\.lookups).flatMap { l -> [String] in
                if case .actorHasTaken(let actions) = l { return actions }
                return []
            })
        if !taken.isEmpty, !actor.hasReviewedBefore {
            actor.hasReviewedBefore =
                try await sql.raw(
                    """
                    SELECT 1 AS x FROM case_steps WHERE actor_id = \(bind: actor.id) AND action IN \(SQLGroupExpression(taken.sorted().map { SQLBind($0) })) LIMIT 1
                    """
                ).first() != nil
        }
        return actor
    }

    /// Carries out one of the step's declared lookups (`CaseLookup`).
    static func look(
        _ lookup: CaseLookup, for stored: StoredCase, def: ProcedureDefinition, request r: StepRequest,
        catalog: ProcedureCatalog,
        body: EnforcementBodyRow?, external: inout Facts, actor: inout ProcedureActor, in tx: WriteTransaction
    ) async throws {
        let file = stored.file
        switch lookup {
        case .nextNumber(let kind, let key):
            guard let issuer = try await issuerName(def.numbering.issuer, of: file.bodyID, on: tx.db) else { return }
            let prefix = DocumentNumber.prefix(organisationName: issuer)
            let n = try await nextNumber(prefix: prefix, year: r.date.year, kind: kind, in: tx)
            external[key] = .text(DocumentNumber.format(prefix: prefix, kind: kind, year: r.date.year, number: n))
        case .caseNumber(let key):
            external[key] = .text(stored.number)
        case .snapshot(let key):
            // Only a snapshot not yet frozen by an earlier taking of this step (one a step, stored just before it).
            if let s = try await CaseSnapshots.latest(file.id, on: tx.db),
                s.seq > file.steps.filter({ $0.action == r.action }).count
            {
                external[key] = .text(s.sha256)
            }
        case .periodsUnderReview(let key):
            external[key] = .list(
                try await periodsUnderReview(of: file.id, through: r.date, catalog: catalog, on: tx.sql))
        case .committeeMembers(let key):
            external[key] = .list(try await CommitteeMembers.serving(office: file.bodyID, on: r.date, db: tx.db))
        case .caseByDecisionNumber(let input, let key):
            if let n = r.inputs.text(input),
                let linked = try await caseByDecisionNumber(n, besides: file.procedure, on: tx.sql)
            {
                external[key] = .text(linked.uuidString)
                // Whose case it is, for a step that must name a case of the body it addresses.
                if let body = try await tx.sql.raw("SELECT body_id FROM cases WHERE id = \(bind: linked)").first()?
                    .decode(column: "body_id", as: UUID.self)
                {
                    external[key + ".body"] = .text(body.uuidString)
                    external[key + ".bodyName"] = .text(try await Directory.organisation(body, on: tx.db)?.name ?? "")
                    if let principal = try await EnforcementBodies.body(organisation: body, on: tx.db)?
                        .entrustingOrganisationId
                    {
                        external[key + ".principal"] = .text(principal.uuidString)
                        external[key + ".principalName"] = .text(
                            try await Directory.organisation(principal, on: tx.db)?.name ?? "")
                    }
                }
            }
        case .benchmark(let input, let key, let flag):
            let item = file.facts[CaseColumns.powerItemCode] ?? ""
            external[flag] = .bool(
                try await tx.sql.raw("SELECT 1 AS x FROM benchmarks WHERE power_item_code = \(bind: item)").first()
                    != nil)
            if let code = r.inputs.text(input)?.trimmed, !code.isEmpty,
                let stored = try await Benchmarks.versions(code: code, on: tx.db).last(where: {
                    $0.effectiveOn <= r.date.description
                }), stored.powerItemCode == item
            {
                external[key] = .text(stored.content)
            }
        case .publicComments(let key):
            let comments = try await PublicComments.list(caseID: file.id, on: tx.db)
            external["\(key).received"] = .number(Double(comments.count))
            external["\(key).adopted"] = .number(
                Double(comments.filter { ["adopted", "partly"].contains($0.response ?? "") }.count))
            external["\(key).unanswered"] = .number(
                Double(PublicConsultation.groups(comments).filter { $0.response == nil }.count))
        case .citedIssuedAboveActor(let fact, let key):
            let numbers = DocumentCitations.numbers(in: r.inputs.text(fact) ?? file.facts.text(fact) ?? "")
            let cited = try await CitedDocumentRegisters.lookUp(numbers, on: r.date, excluding: file.id, db: tx.db)
            let org = try await tx.sql.raw("SELECT organisation_id FROM users WHERE id = \(bind: actor.id)").first()?
                .decode(column: "organisation_id", as: UUID.self)
            let tree = try await Directory.tree(on: tx.db)
            external[key] = .bool(
                org.map { org in cited.contains { $0.issuer.map { tree.subtree(of: $0).contains(org) } ?? false } }
                    ?? false)
        case .alertsOfCaseBody(let input, let key):
            let asked = r.inputs.list(input).prefix(50).compactMap { Int64($0.trimmed) }
            var found: [String] = []
            if !asked.isEmpty {
                // The body's own, and those of the 受委托组织 acting in its name (行政处罚法 第二十条第三款).
                let bodies =
                    [file.bodyID.uuidString]
                    + (try await EnforcementBodies.all(on: tx.db)).filter { $0.entrustingOrganisationId == file.bodyID }
                    .map(\.organisationId.uuidString)
                found = try await tx.sql.raw(
                    """
                    SELECT id FROM supervision_alerts WHERE body_id IN \(SQLGroupExpression(bodies.map { SQLBind($0) }))
                    AND id IN \(SQLGroupExpression(asked.map { SQLBind($0) }))
                    """
                ).all().map { String(try $0.decode(column: "id", as: Int64.self)) }
            }
            external[key] = .list(found)
        case .entrustingBody(let key):
            if let principal = try await EnforcementBodies.body(organisation: file.bodyID, on: tx.db)?
                .entrustingOrganisationId
            {
                external[key] = .text(principal.uuidString)
            }
        case .actorWithinBody(let key):
            let org = try await tx.sql.raw("SELECT organisation_id FROM users WHERE id = \(bind: actor.id)").first()?
                .decode(column: "organisation_id", as: UUID.self)
            let tree = try await Directory.tree(on: tx.db)
            external[key] = .bool(org.map { tree.subtree(of: file.bodyID).contains($0) } ?? false)
        case .onList(let list, let key):
            let m = try await OrganisationLists.membership(list, organisation: file.bodyID, on: tx.db)
            external["\(key).published"] = .bool(m.published)
            external["\(key).listed"] = .bool(m.listed)
        case .otherCasesFact(let procedure, let fact, let excluded, let key):
            let others = try await (tx.sql).raw(
                """
                SELECT number, opened_on, content FROM cases WHERE procedure = \(bind: procedure) AND body_id = \(bind: file.bodyID)
                AND id <> \(bind: file.id) AND state <> 'new' ORDER BY opened_on LIMIT 10000
                """
            ).all().map(storedCase).filter { !excluded.contains($0.file.state) }
            external[key] = .list(
                others.compactMap { c -> String? in
                    switch c.file.facts[fact] {
                    case .text(let t)?: t
                    case .number(let d)? where d == d.rounded() && abs(d) < 1e15: String(Int(d))
                    default: nil
                    }
                })
        case .listedItems(let procedure, let fact, let key):
            let listed = try await listedItems(procedure: procedure, fact: fact, body: file.bodyID, on: tx.db)
            external[key] = .list(listed.lines)
            external["\(key).published"] = .bool(listed.published)
        case .bodyCases(let procedure, let states, let key):
            external[key] = .list(
                try await bodyCases(procedure: procedure, body: file.bodyID, states: states, on: tx.db).map(
                    \.id.uuidString))
        case .actorHasTaken(let actions):
            guard !actor.hasReviewedBefore, !actions.isEmpty else { return }
            let taken = try await tx.sql.raw(
                """
                SELECT 1 AS x FROM case_steps WHERE actor_id = \(bind: actor.id) AND action IN \(SQLGroupExpression(actions.map { SQLBind($0) })) LIMIT 1
                """
            ).first()
            actor.hasReviewedBefore = taken != nil
        }
    }

    /// What the page offers for a field with a picker (`InputPicker`), as choices.
    public static func pickerOptions(
        _ picker: InputPicker, for file: CaseFile, today: CivilDate, on db: any Database
    ) async throws -> [InputField.Choice] {
        switch picker {
        case .benchmarksOfCaseItem:
            let item = file.facts[CaseColumns.powerItemCode] ?? ""
            guard !item.isEmpty else { return [] }
            return try await Benchmarks.current(on: db).filter { $0.powerItemCode == item }.map { b in
                let measure = (try? b.benchmark()).flatMap { $0.measure }.map { "（按\($0)分档）" } ?? ""
                return InputField.Choice(b.code, "\(b.code) \(b.violation)\(measure)")
            }
        case .powerItemsOfCaseBody(let type):
            // The same list the step checks against (`externalFacts`): in force on the day, the body's own.
            return try await PowerListStore.list(
                on: today, .init(type: type, organisations: [file.bodyID]), limit: 5_000, on: db
            ).rows.filter { AdjustmentKind(rawValue: $0.kind)?.resultingStatus == .inForce }.map { row in
                InputField.Choice(row.code, "\(row.code) \((try? row.content().name) ?? "")")
            }
        case .listedItems(let procedure, let fact):
            return try await listedItems(procedure: procedure, fact: fact, body: file.bodyID, on: db).lines.map {
                InputField.Choice($0, $0.replacingOccurrences(of: "｜", with: " · "))
            }
        }
    }

    /// The lines of a list fact across a body's decided cases of a procedure, in the order the cases were opened, and
    /// whether the body has any such case (a catalogue not yet published restricts no one).
    public static func listedItems(
        procedure: String, fact: String, body: UUID, on db: any Database
    ) async throws -> (published: Bool, lines: [String]) {
        let cases = try await (db as! any SQLDatabase).raw(
            """
            SELECT number, opened_on, content FROM cases WHERE procedure = \(bind: procedure) AND body_id = \(bind: body)
            AND decided_on IS NOT NULL ORDER BY opened_on, number
            """
        ).all().map(storedCase)
        var seen = Set<String>(), lines: [String] = []
        for line in cases.flatMap({ $0.file.facts.list(fact) }) where seen.insert(line).inserted { lines.append(line) }
        return (!cases.isEmpty, lines)
    }

    /// The name cases are numbered and issued in (`CaseNumbering.Issuer`); nil when the organisation is not one.
    public static func issuerName(
        _ issuer: CaseNumbering.Issuer, of organisation: UUID, on db: any Database
    ) async throws -> String? {
        switch issuer {
        case .enforcementBody: try await EnforcementBodies.body(organisation: organisation, on: db)?.organisationName
        case .governmentAbove: try await governmentAbove(organisation, on: db)
        case .organisation: try await OrganisationRecord.find(organisation, on: db)?.name
        }
    }

    /// The next number of a 文号 prefix, year and kind (清市监 · 罚 · 2026). The first use starts the sequence above the
    /// highest number already written with that head — in a case number, a decision number in a case's facts, or a
    /// published decision — and the row is created with `ON CONFLICT DO NOTHING`, so two writers starting it at once both
    /// end on one row and draw different numbers.
    static func nextNumber(prefix: String, year: Int, kind: String, in tx: WriteTransaction) async throws -> Int {
        let sql = tx.sql
        func draw() async throws -> Int? {
            try await sql.raw(
                "UPDATE document_sequences SET last = last + 1 WHERE prefix = \(bind: prefix) AND year = \(bind: year) AND kind = \(bind: kind) RETURNING last"
            ).first()?.decode(column: "last", as: Int.self)
        }
        if let next = try await draw() { return next }
        let used = try await highestWritten(head: "\(prefix)\(kind)〔\(year)〕", on: sql)
        try await sql.raw(
            """
            INSERT INTO document_sequences (prefix, year, kind, last) VALUES (\(bind: prefix), \(bind: year), \(bind: kind), \(bind: used)) ON CONFLICT (prefix, year, kind) DO NOTHING
            """
        ).run()
        guard let next = try await draw() else {
            throw DomainError.conflict(field: nil, message: "文号编号暂时冲突，请重试")
        }
        return next
    }

    /// The highest number written after `head` (清市监罚〔2026〕) anywhere a 文号 is kept; 0 when none.
    static func highestWritten(head: String, on sql: any SQLDatabase) async throws -> Int {
        let rows = try await sql.raw(
            """
            SELECT number AS text FROM cases WHERE number LIKE \(bind: head + "%")
            UNION ALL SELECT content AS text FROM cases WHERE content LIKE \(bind: "%" + head + "%")
            UNION ALL SELECT decision_number AS text FROM publications WHERE decision_number LIKE \(bind: head + "%")
            """
        ).all()
        var highest = 0
        for row in rows {
            guard let text = try? row.decode(column: "text", as: String.self) else { continue }
            var rest = Substring(text)
            while let r = rest.range(of: head) {
                let digits = rest[r.upperBound...].prefix { $0.isASCII && $0.isNumber }
                if digits.count <= 9, let n = Int(digits) { highest = max(highest, n) }
                rest = rest[r.upperBound...]
            }
        }
        return highest
    }

    /// The periods (`from/to`) during which cases of the reviewing procedures (`ReviewOfCase`: a 复议 of a penalty decision)
    /// named this case, each up to `through` (行政处罚法 第七十三条第三款).
    static func periodsUnderReview(
        of caseID: UUID, through: CivilDate, catalog: ProcedureCatalog, on sql: any SQLDatabase
    ) async throws -> [String] {
        let reviewing = catalog.reviewing
        guard !reviewing.isEmpty else { return [] }
        let rows = try await sql.raw(
            """
            SELECT number, opened_on, content FROM cases WHERE procedure IN \(SQLGroupExpression(reviewing.map { SQLBind($0.id) }))
            AND content LIKE \(bind: "%" + caseID.uuidString + "%")
            """
        ).all().map(storedCase)
        return rows.map(\.file).compactMap { f in
            guard let review = catalog.current(f.procedure)?.reviewOfCase,
                f.facts.text(review.linkFact) == caseID.uuidString,
                let p = review.period(f, through)
            else { return nil }
            return "\(p.from)/\(p.to)"
        }
    }

    /// The government an office works for (a 行政复议机构's 行政复议机关): the nearest organisation at or above it that is a
    /// 人民政府 (the office itself when none is).
    public static func governmentAbove(_ organisation: UUID, on db: any Database) async throws -> String? {
        guard let own = try await OrganisationRecord.find(organisation, on: db) else { return nil }
        var current: OrganisationRecord? = own
        var hops = 0
        while let o = current, hops < 10 {
            if o.name.hasSuffix("人民政府") { return o.name }
            guard let parent = o.parentID else { break }
            current = try await OrganisationRecord.find(parent, on: db)
            hops += 1
        }
        return own.name
    }

    /// The case whose decision (by 决定书文号, or its case number) a step names — one of another procedure than the naming
    /// case's — when it is in this system.
    static func caseByDecisionNumber(
        _ number: String, besides procedure: String, on sql: any SQLDatabase
    ) async throws -> UUID? {
        let n = number.trimmed
        guard !n.isEmpty else { return nil }
        if let r = try await sql.raw("SELECT case_id FROM publications WHERE decision_number = \(bind: n)").first() {
            return try r.decode(column: "case_id", as: UUID.self)
        }
        return try await sql.raw("SELECT id FROM cases WHERE number = \(bind: n) AND procedure <> \(bind: procedure)")
            .first()?.decode(column: "id", as: UUID.self)
    }

    /// Who takes the steps one case causes in another (see `ActionDefinition.links`): the system, on the record.
    static let linkedActor = ProcedureActor(
        id: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)), name: "系统（关联案件自动登记）",
        roles: Set(Role.allCases), isSystem: true)

    /// The cases of a procedure opened in `year` (and in January after it, for applications received at the year's end
    /// and opened later), for figures worked out from the case files themselves.
    public static func files(
        procedure: String, bodies: Set<UUID>, year: Int, on db: any Database
    ) async throws -> [StoredCase] {
        guard !bodies.isEmpty else { return [] }
        return try await (db as! any SQLDatabase).raw(
            """
            SELECT number, opened_on, content FROM cases WHERE procedure = \(bind: procedure) AND body_id IN \(SQLGroupExpression(bodies.map { SQLBind($0) }))
            AND opened_on >= \(bind: "\(year)-01-01") AND opened_on < \(bind: "\(year + 1)-02-01") ORDER BY opened_on, number
            """
        ).all().map(storedCase)
    }

    /// A procedure's cases not closed before `year` began (whenever registered: a request received in December may be
    /// registered in the new year) — for reports that carry cases over from one year to the next (政府信息公开年报:
    /// 上年结转, 结转下年度), which then place each case by the dates the law counts.
    public static func filesOpenDuring(
        procedure: String, bodies: Set<UUID>, year: Int, on db: any Database
    ) async throws -> [StoredCase] {
        guard !bodies.isEmpty else { return [] }
        return try await (db as! any SQLDatabase).raw(
            """
            SELECT number, opened_on, content FROM cases WHERE procedure = \(bind: procedure) AND body_id IN \(SQLGroupExpression(bodies.map { SQLBind($0) }))
            AND (closed_on IS NULL OR closed_on >= \(bind: "\(year)-01-01")) ORDER BY opened_on, number
            """
        ).all().map(storedCase)
    }

    /// A procedure's cases in one state (the drafts open for public comment), newest first.
    /// A body's decided cases of a procedure in these states, oldest first (a 清理 covers the body's documents issued and
    /// in force, a first draft not).
    public static func bodyCases(
        procedure: String, body: UUID, states: [String], on db: any Database
    ) async throws -> [StoredCase] {
        try await (db as! any SQLDatabase).raw(
            """
            SELECT number, opened_on, content FROM cases WHERE procedure = \(bind: procedure) AND body_id = \(bind: body)
            AND state IN \(SQLGroupExpression(states.map { SQLBind($0) })) AND decided_on IS NOT NULL ORDER BY opened_on, number
            """
        ).all().map(storedCase)
    }

    public static func inState(
        procedure: String, state: String, limit: Int = 500, on db: any Database
    ) async throws -> [StoredCase] {
        try await (db as! any SQLDatabase).raw(
            """
            SELECT number, opened_on, content FROM cases WHERE procedure = \(bind: procedure) AND state = \(bind: state)
            ORDER BY opened_on DESC LIMIT \(literal: limit)
            """
        ).all().map(storedCase)
    }

    /// A procedure's cases with a decision, in the given states (e.g. served 复议 decisions for 复议决定公开), newest decisions first.
    public static func decided(
        procedure: String, states: [String], limit: Int = 2000, on db: any Database
    ) async throws -> [StoredCase] {
        try await (db as! any SQLDatabase).raw(
            """
            SELECT number, opened_on, content FROM cases WHERE procedure = \(bind: procedure) AND decided_on IS NOT NULL
            AND state IN \(SQLGroupExpression(states.map { SQLBind($0) })) ORDER BY decided_on DESC LIMIT \(literal: limit)
            """
        ).all().map(storedCase)
    }

    public static func load(_ id: UUID, on db: any Database) async throws -> StoredCase? {
        guard
            let row = try await (db as! any SQLDatabase).raw(
                "SELECT number, opened_on, content FROM cases WHERE id = \(bind: id)"
            ).first()
        else { return nil }
        return try storedCase(row)
    }

    static func storedCase(_ row: any SQLRow) throws -> StoredCase {
        StoredCase(
            file: try StoreJSON.decode(CaseFile.self, try row.decode(column: "content", as: String.self)),
            number: try row.decode(column: "number", as: String.self),
            openedOn: try row.decode(column: "opened_on", as: String.self))
    }

    /// The list lines of the given cases, in the order given.
    public static func summaries(_ ids: [UUID], on db: any Database) async throws -> [CaseSummary] {
        guard !ids.isEmpty else { return [] }
        let rows = try await (db as! any SQLDatabase).raw(
            """
            SELECT id, procedure, body_id, number, state, version, party_name, power_item_code, opened_on, decided_on, closed_on, outcome, fine
            FROM cases WHERE id IN \(SQLGroupExpression(ids.map { SQLBind($0) }))
            """
        ).all(decoding: CaseSummary.self, with: decoder)
        let byID = Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return ids.compactMap { byID[$0] }
    }

    /// Cases of the given bodies, newest first.
    /// `month` is YYYY-MM or YYYY (by the day the case was opened); `outcome` penalty / no_penalty / not_established.
    public static func list(
        bodies: Set<UUID>, procedure: String? = nil, state: String? = nil, month: String? = nil, outcome: String? = nil,
        powerItem: String? = nil, limit: Int = 500, on db: any Database
    ) async throws -> [CaseSummary] {
        guard !bodies.isEmpty else { return [] }
        var q: SQLQueryString = """
            SELECT id, procedure, body_id, number, state, version, party_name, power_item_code, opened_on, decided_on, closed_on, outcome, fine
            FROM cases WHERE body_id IN \(SQLGroupExpression(bodies.map { SQLBind($0) }))
            """
        if let procedure { q = q + " AND procedure = \(bind: procedure)" }
        if let state { q = q + " AND state = \(bind: state)" }
        if let month, !month.isEmpty {
            q = q + " AND opened_on LIKE \(bind: month.replacingOccurrences(of: "%", with: "") + "%")"
        }
        if let outcome, !outcome.isEmpty { q = q + " AND outcome = \(bind: outcome)" }
        if let powerItem, !powerItem.isEmpty { q = q + " AND power_item_code = \(bind: powerItem)" }
        q = q + " ORDER BY opened_on DESC, number DESC LIMIT \(literal: limit)"
        return try await (db as! any SQLDatabase).raw(q).all(decoding: CaseSummary.self, with: decoder)
    }

    /// Running deadlines of the given bodies' cases, soonest first (the 待办 list).
    /// The deadline sweep: every running deadline of the given procedures (all when nil) falling due from `from` through
    /// `through` — e.g. the cases due in the next three working days — soonest first. Read from the covering index on
    /// the deadline rows alone (M015), so its cost follows the cases due, not the cases held.
    public static func dueWithin(
        bodies: Set<UUID>, from: CivilDate, through: CivilDate, procedures: [String]? = nil, on db: any Database
    ) async throws -> [DueCase] {
        guard !bodies.isEmpty else { return [] }
        var q: SQLQueryString = """
            SELECT case_id, case_number, procedure, body_id, key, due FROM case_deadlines
            WHERE running = \(bind: true) AND due >= \(bind: from.description) AND due <= \(bind: through.description)
            AND body_id IN \(SQLGroupExpression(bodies.map { SQLBind($0.uuidString) }))
            """
        if let procedures { q = q + " AND procedure IN \(SQLGroupExpression(procedures.map { SQLBind($0) }))" }
        return try await (db as! any SQLDatabase).raw(q + " ORDER BY due, case_number").all().compactMap { r in
            guard let body = UUID(uuidString: try r.decode(column: "body_id", as: String.self)) else { return nil }
            return DueCase(
                caseId: try r.decode(column: "case_id", as: UUID.self),
                number: try r.decode(column: "case_number", as: String.self),
                procedure: try r.decode(column: "procedure", as: String.self), bodyId: body,
                key: try r.decode(column: "key", as: String.self), due: try r.decode(column: "due", as: String.self))
        }
    }

    public static func runningDeadlines(
        bodies: Set<UUID>, limit: Int = 500, on db: any Database
    ) async throws -> [CaseDeadlineRow] {
        guard !bodies.isEmpty else { return [] }
        return try await (db as! any SQLDatabase).raw(
            """
            SELECT d.case_id, c.number, c.party_name, c.procedure, c.body_id, d.key, d.name, d.due, d.article
            FROM case_deadlines d JOIN cases c ON c.id = d.case_id
            WHERE d.running = \(bind: true) AND c.body_id IN \(SQLGroupExpression(bodies.map { SQLBind($0) }))
            ORDER BY d.due, c.number LIMIT \(literal: limit)
            """
        ).all(decoding: CaseDeadlineRow.self, with: decoder)
    }
}
