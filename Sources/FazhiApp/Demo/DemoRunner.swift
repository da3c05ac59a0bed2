import FazhiCore
import FazhiStore
import Foundation

/// Takes a demo case through the engine step by step, as staff would: steps dated after today are left for later, and
/// the first step the engine refuses stops the case there (logged), so the demo never holds a case the law would not.
struct DemoRunner {
    let catalog: ProcedureCatalog
    let calendar: DeadlineCalculator
    let today: CivilDate

    @discardableResult
    func run(
        _ def: ProcedureDefinition, body: UUID, _ steps: [(String, ProcedureActor, CivilDate, [String: FactValue])],
        in tx: WriteTransaction
    ) async throws -> UUID {
        let c = try await CaseStore.open(def, bodyID: body, today: min(today, steps.first?.2 ?? today), in: tx)
        var version = 0
        for (action, who, date, inputs) in steps where date <= today {
            do {
                _ = try await CaseStore.take(
                    StepRequest(
                        caseID: c.id, action: action, expectedVersion: version, inputs: Facts(inputs), officerIDs: [],
                        actor: who, date: date),
                    catalog: catalog, calendar: calendar, today: today, in: tx)
                version += 1
            } catch let e as DomainError {
                tx.db.logger.warning("demo \(def.id) case stopped at \(action): \(e.description)")
                break
            }
        }
        return c.id
    }

    /// Further steps in a case the demo made earlier (an amendment of a document issued years ago).
    func `continue`(
        _ def: ProcedureDefinition, case id: UUID, _ steps: [(String, ProcedureActor, CivilDate, [String: FactValue])],
        in tx: WriteTransaction
    ) async throws {
        guard var version = try await CaseStore.load(id, on: tx.db)?.file.version else { return }
        for (action, who, date, inputs) in steps where date <= today {
            do {
                _ = try await CaseStore.take(
                    StepRequest(
                        caseID: id, action: action, expectedVersion: version, inputs: Facts(inputs), officerIDs: [],
                        actor: who, date: date),
                    catalog: catalog, calendar: calendar, today: today, in: tx)
                version += 1
            } catch let e as DomainError {
                tx.db.logger.warning("demo \(def.id) case stopped at \(action): \(e.description)")
                break
            }
        }
    }
}
