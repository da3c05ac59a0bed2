import FazhiCore
import FluentKit
import Foundation

/// Where the 文号 a case cites are looked up (a module that keeps documents adds its register here): each answers for the
/// numbers it holds, with the document's standing on the day, leaving out the asking case itself.
public enum CitedDocumentRegisters {
    typealias Register = @Sendable ([String], CivilDate, UUID, any Database) async throws -> [CitedDocument]
    static let all: [Register] = [NormativeLibraryStore.cited]

    /// The documents among `numbers` that a register holds, with their standing on `day`.
    public static func lookUp(
        _ numbers: [String], on day: CivilDate, excluding caseID: UUID, db: any Database
    ) async throws -> [CitedDocument] {
        guard !numbers.isEmpty else { return [] }
        var out: [CitedDocument] = []
        for register in all { out += try await register(numbers, day, caseID, db) }
        return out
    }
}
