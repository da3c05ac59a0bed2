import FazhiCore

/// Every procedure module's projections (a module that keeps a table beside its cases adds it here).
enum CaseProjections {
    static let all: [CaseProjection] = [
        NormativeLibraryStore.projection, LegalAdvisers.projection, EnforcementAlerts.penalty,
        EnforcementAlerts.inspection,
    ]

    static func apply(_ file: CaseFile, settings: ProcedureSettings, in tx: WriteTransaction) async throws {
        for p in all where p.procedure == file.procedure { try await p.apply(file, settings, tx) }
    }

    static func applyMany(_ files: [CaseFile], settings: ProcedureSettings, in tx: WriteTransaction) async throws {
        for p in all {
            let mine = files.filter { $0.procedure == p.procedure }
            if !mine.isEmpty { try await p.applyMany(mine, settings, tx) }
        }
    }
}
