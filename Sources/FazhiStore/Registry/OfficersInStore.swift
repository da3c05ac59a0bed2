import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// What an officer import checks its rows against: the registered bodies, which of them the importing user may write
/// for, and the 执法证号 and 身份证号 already registered.
struct OfficersInStore: Sendable {
    let bodies: [String: UUID]
    /// Organisations the importing user may write for (nil = any).
    let allowed: Set<UUID>?
    let takenCertificates: Set<String>, takenIDNumbers: Set<String>

    static func read(allowed: Set<UUID>?, on db: any Database) async throws -> OfficersInStore {
        let sql = db as! any SQLDatabase
        var certificates = Set<String>(), idNumbers = Set<String>()
        for r in try await sql.raw("SELECT certificate_number, id_number FROM officers").all() {
            certificates.insert(try r.decode(column: "certificate_number", as: String.self))
            idNumbers.insert(try r.decode(column: "id_number", as: String.self))
        }
        return OfficersInStore(
            bodies: try await RegistryImporter.bodyNames(on: db), allowed: allowed, takenCertificates: certificates,
            takenIDNumbers: idNumbers)
    }

    /// A row whose own checks passed, against the store: the officer to write (with this id), or every problem.
    func check(
        _ rowNumber: Int, _ r: RegistryTemplates.OfficerRow, id: UUID
    ) -> Result<RegistryImporter.ReadyOfficer, RowRefused> {
        var problems: [ImportProblem] = []
        let body = bodies[r.bodyName]
        if body == nil {
            problems.append(ImportProblem(row: rowNumber, column: "执法主体", message: "“\(r.bodyName)”不是已登记的执法主体"))
        } else if let allowed, !allowed.contains(body!) {
            problems.append(ImportProblem(row: rowNumber, column: "执法主体", message: "您无权为“\(r.bodyName)”导入执法人员"))
        }
        if takenCertificates.contains(r.certificate.number) {
            problems.append(
                ImportProblem(row: rowNumber, column: "执法证号", message: "执法证号 \(r.certificate.number) 已被其他执法人员使用"))
        }
        if takenIDNumbers.contains(r.idNumber) {
            problems.append(ImportProblem(row: rowNumber, column: "身份证号", message: "该身份证号已登记为执法人员"))
        }
        guard problems.isEmpty, let body else { return .failure(RowRefused(problems: problems)) }
        let input = OfficerInput(
            name: r.name, gender: r.gender, idNumber: r.idNumber, bodyID: body, post: r.post,
            certificate: r.certificate,
            hasLegalQualification: r.hasLegalQualification, legalCertificateNumber: r.legalCertificateNumber,
            examScore: r.examScore)
        let training = r.trainingYear.flatMap { y in r.trainingHours.map { (y, $0) } }
        return .success((rowNumber, id, input, r.bodyName, training))
    }

    /// The problem of a row that failed its own checks when its body name is not a registered body either (one
    /// report lists every problem).
    func unknownBody(_ rowNumber: Int, _ cells: [String], _ reader: RowReader) -> ImportProblem? {
        RegistryImporter.unknownBody(rowNumber, cells, reader, column: "执法主体", bodies: bodies)
    }
}
