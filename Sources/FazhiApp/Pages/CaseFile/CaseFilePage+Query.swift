import FazhiCore
import FazhiStore
import Vapor

extension CaseFilePage {
    /// What the page reads: the definition, the steps as the user may take them now, the eligible officers, the evidence.
    struct Query {
        let stored: StoredCase
        let definition: ProcedureDefinition
        let available: [ActionAvailability]
        let officers: [OfficerRow]
        let me: UUID?
        let evidence: [EvidenceFile]
        let canAddEvidence: Bool
        let bodyName: String
        /// The row contradicts its record entry (edited past Fazhi, `StateAudit`).
        var altered: StateProblem? = nil
        /// The registry lists the open steps' pickers offer, by field key.
        var pickers: [String: [InputField.Choice]] = [:]
        /// The documents the case's texts cite (a 处罚依据, a 复议's 依据) with their standing on the decision day (or
        /// today): one not in force may not be its basis (优化营商环境条例 第六十四条第二款).
        var cited: [CitedDocument] = []
        var citedOn: CivilDate? = nil
        /// The handling body's own staff may show a masked personal value (a complainant's phone), on the record.
        var mayReveal = false
        /// The personal values shown in full on this rendering (after the user asked, and it was recorded).
        var revealed: Set<String> = []
        /// The day each step refused now opens, when a running period's end opens it (作出决定 after 陈述申辩期满).
        var opensOn: [String: CivilDate] = [:]
        /// The cases the case's link facts name (`CasePresentation.caseLinks`), with their numbers.
        var linkedCases: [(key: String, id: UUID, number: String)] = []

        static func fetch(
            _ req: Request, user: AuthUser, stored: StoredCase, revealed: Set<String> = []
        ) async throws -> Query {
            let f = stored.file, today = req.fazhi.today, catalog = req.fazhi.procedures
            guard let def = catalog.definition(f.procedure, version: f.definitionVersion) else {
                throw APIError.notFound("程序定义不存在")
            }
            let actor = try await CaseStore.actorForAvailability(
                CasesAPI.actor(user, body: f.bodyID, procedure: f.procedure), def: def, file: f, on: req.db)
            let external = try await CaseStore.externalFacts(f, on: today, db: req.db)
            let available = ProcedureEngine.available(
                def, file: f, actor: actor, external: external, today: today, calendar: req.fazhi.deadlines,
                settings: catalog.settings)
            // When will a refused step open? Asked of the same rule on the days after the running periods end: the
            // first such day it is open to the same user is its opening date.
            var opensOn: [String: CivilDate] = [:]
            let refused = Set(available.filter { $0.refusal != nil }.map(\.action.id))
            let ends = Set(f.deadlines.filter(\.isRunning).map { $0.deadline.due.adding(days: 1) }).filter {
                $0 > today
            }
            for day in ends.sorted().prefix(8) where opensOn.count < refused.count {
                for a in ProcedureEngine.available(
                    def, file: f, actor: actor, external: external, today: day, calendar: req.fazhi.deadlines,
                    settings: catalog.settings)
                where a.refusal == nil && refused.contains(a.action.id) && opensOn[a.action.id] == nil {
                    opensOn[a.action.id] = day
                }
            }
            let officers = try await Officers.list(bodies: [f.bodyID], year: today.year, on: req.db).filter {
                $0.profile.eligibility(on: today).isEligible
            }
            return Query(
                stored: stored, definition: def, available: available, officers: officers,
                me: try await Officers.officerID(forUser: user.id, on: req.db),
                evidence: try await EvidenceStore.files(f.id, on: req.db),
                canAddEvidence: (try? CaseEvidenceController.checkCanAdd(req, user, stored)) != nil,
                bodyName: try await Directory.organisation(f.bodyID, on: req.db)?.name ?? "",
                altered: try await StateAudit.caseProblem(f.id, on: req.db),
                pickers: try await pickers(def, available, f, req),
                cited: try await CitedDocumentRegisters.lookUp(
                    citations(f), on: f.facts[CaseColumns.decidedOn] ?? today, excluding: f.id, db: req.db),
                citedOn: f.facts[CaseColumns.decidedOn] ?? today, mayReveal: mayReveal(user, f),
                revealed: revealed, opensOn: opensOn, linkedCases: try await casesLinked(def, f, user, req))
        }

        static func casesLinked(
            _ def: ProcedureDefinition, _ f: CaseFile, _ user: AuthUser, _ req: Request
        ) async throws -> [(
            key: String, id: UUID, number: String
        )] {
            var out: [(key: String, id: UUID, number: String)] = []
            for key in def.presentation.caseLinks {
                guard let id = f.facts.text(key).flatMap(UUID.init(uuidString:)),
                    let linked = try await CaseStore.load(id, on: req.db)
                else { continue }
                // Only a link the user may follow.
                let readable = try await AppModules.mayRead(linked, user, req)
                guard user.readable.contains(linked.file.bodyID) || readable else { continue }
                out.append((key, id, linked.number))
            }
            return out
        }

        /// Whether the user handles the case: works at its body and holds a role that takes its procedure's steps (the
        /// 司法局's 监督人员 for a complaint — not its 复议 or 调解 desks, nor a supervisor or reviewer reading it).
        static func mayReveal(_ user: AuthUser, _ f: CaseFile) -> Bool {
            guard user.organisationID == f.bodyID,
                let def = ProcedureCatalog.standard.definition(f.procedure, version: f.definitionVersion)
            else { return false }
            let roles = CasesAPI.actor(user, body: f.bodyID, procedure: f.procedure).roles
            return !roles.isDisjoint(with: def.actions.flatMap(\.roles))
        }

        /// Every 文号 in the case's text facts.
        static func citations(_ f: CaseFile) -> [String] {
            var out: [String] = []
            for (_, v) in f.facts.values.sorted(by: { $0.key < $1.key }) {
                let texts: [String] =
                    switch v {
                    case .text(let s): [s]
                    case .list(let l): l
                    default: []
                    }
                for t in texts { for n in DocumentCitations.numbers(in: t) where !out.contains(n) { out.append(n) } }
            }
            return Array(out.prefix(50))
        }

        static func pickers(
            _ def: ProcedureDefinition, _ available: [ActionAvailability], _ f: CaseFile, _ req: Request
        ) async throws -> [String: [InputField.Choice]] {
            var out: [String: [InputField.Choice]] = [:]
            for a in available where a.refusal == nil {
                for field in a.action.inputs {
                    guard let p = field.picker, out[field.key] == nil else { continue }
                    out[field.key] = try await CaseStore.pickerOptions(p, for: f, today: req.fazhi.today, on: req.db)
                }
            }
            return out
        }
    }
}
