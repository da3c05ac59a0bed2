import FazhiCore

/// Every procedure module's projections (a module that keeps a table beside its cases adds it here).
enum CaseProjections {
    static let all: [CaseProjection] = [NormativeLibraryStore.projection, LegalAdvisers.projection]

    static func apply(_ file: CaseFile, in tx: WriteTransaction) async throws {
        for p in all where p.procedure == file.procedure { try await p.apply(file, tx) }
    }

    static func applyMany(_ files: [CaseFile], in tx: WriteTransaction) async throws {
        for p in all {
            let mine = files.filter { $0.procedure == p.procedure }
            if !mine.isEmpty { try await p.applyMany(mine, tx) }
        }
    }
}
