import Foundation

/// Every procedure definition the system runs, by id and version. A case stores both, so it is always run by
/// the definition it started with; a new version is added here beside the old, never in place of it.
public struct ProcedureCatalog: Sendable {
    public let settings: ProcedureSettings
    public let definitions: [ProcedureDefinition]

    public init(settings: ProcedureSettings = ProcedureSettings()) {
        self.settings = settings
        definitions = [PenaltyOrdinaryProcedure.definition(settings), PenaltySimpleProcedure.definition(settings), InspectionProcedure.definition(settings),
                       ReconsiderationProcedure.definition(settings), LitigationProcedure.definition(settings), MediationProcedure.definition(settings)]
    }

    public func definition(_ id: String, version: Int) -> ProcedureDefinition? { definitions.first { $0.id == id && $0.version == version } }
    /// The version new cases start on.
    public func current(_ id: String) -> ProcedureDefinition? { definitions.filter { $0.id == id }.max { $0.version < $1.version } }
}
