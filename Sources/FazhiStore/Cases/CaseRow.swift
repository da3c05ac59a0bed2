import FazhiCore
import Foundation

/// The columns of a case row after a step, as `CaseStore.save` and the bulk import write them, with the row's seal (the
/// SHA-256 `StateAudit` checks it against).
struct CaseRow {
    let content: String
    let party: String
    let powerItemCode: String
    let decidedOn: String?
    let closedOn: String?
    let outcome: String?
    let fine: Double?
    let figures: CaseFileFigures
    let seal: String

    init(_ t: CaseTransition, def: ProcedureDefinition, number: String, openedOn: String) throws {
        let f = t.file
        content = try StoreJSON.encode(f)
        party = def.presentation.partyName(f.facts)
        powerItemCode = f.facts[CaseColumns.powerItemCode] ?? ""
        decidedOn = f.facts[CaseColumns.decidedOn]?.description
        closedOn = def.state(f.state)?.terminal == true ? t.step.on.description : nil
        outcome = CaseStore.outcome(f)
        fine = f.facts[CaseColumns.decidedFine]?.yuan
        figures = CaseFileFigures(f, openedOn: openedOn)
        // The row as written, sealed into the step's record entry (`StateAudit`): an edit past Fazhi shows.
        seal = StateAudit.caseSeal(
            content: content, number: number, state: f.state, fine: fine, outcome: outcome, decidedOn: decidedOn,
            party: party, powerItemCode: powerItemCode)
    }
}
