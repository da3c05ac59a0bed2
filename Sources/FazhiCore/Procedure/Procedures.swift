import Foundation

/// Every procedure module, and every procedure definition the system runs by id and version. A case stores both, so it
/// is always run by the definition it started with; a new version is added in its module beside the old, never in place
/// of it. The engine, the store, the API and the console ask the catalog: adding a procedure is a new folder and one line
/// in `modules`.
public struct ProcedureCatalog: Sendable {
    /// The modules, one line each.
    public static let modules: [ProcedureModule] = [
        .enforcement,
        .reconsideration,
        .litigation,
        .mediation,
        .disclosure,
        .normative,
        .majorDecision,
        .supervision,
        .annualReport,
    ]

    /// Every 执法监督预警 rule the modules' records can raise.
    public static var alertRules: [AlertRule] { modules.flatMap(\.alertRules) }
    public static func alertRule(_ id: String) -> AlertRule? { alertRules.first { $0.id == id } }

    /// The definitions with the default settings: for what does not depend on settings (documents, names).
    public static let standard = ProcedureCatalog()

    public let settings: ProcedureSettings
    public let definitions: [ProcedureDefinition]

    public init(settings: ProcedureSettings = ProcedureSettings()) {
        self.settings = settings
        definitions = Self.modules.flatMap { $0.definitions(settings) }
    }

    public func definition(_ id: String, version: Int) -> ProcedureDefinition? {
        definitions.first { $0.id == id && $0.version == version }
    }
    /// The version new cases start on.
    public func current(_ id: String) -> ProcedureDefinition? {
        definitions.filter { $0.id == id }.max { $0.version < $1.version }
    }
    /// Every procedure's current version, in the modules' order.
    public var currentDefinitions: [ProcedureDefinition] {
        var seen = Set<String>()
        return definitions.compactMap { d in seen.insert(d.id).inserted ? current(d.id) : nil }
    }

    /// The module a procedure belongs to.
    public static func module(of procedure: String) -> ProcedureModule? {
        modules.first { $0.procedureIDs.contains(procedure) }
    }
    /// A document kind by its id (`penalty_decision`).
    public static func documentKind(_ rawValue: String) -> CaseDocumentKind? {
        ([CaseDocumentKind.serviceReceipt] + modules.flatMap(\.documents)).first { $0.rawValue == rawValue }
    }
    /// The procedures whose cases review another case's decision.
    public var reviewing: [ProcedureDefinition] { currentDefinitions.filter { $0.reviewOfCase != nil } }
    /// The procedures that keep yearly figures (`ProcedureStatistics`).
    public var withStatistics: [ProcedureDefinition] { currentDefinitions.filter { $0.statistics != nil } }
}
