import Crypto
import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// An application filed online: its case, and what the applicant checks its status with.
public struct OnlineApplication: Sendable {
    public let caseID: UUID
    public let trackingNumber: String
    /// Shown once, on the receipt; only its hash is kept.
    public let secret: String?
    /// false when the same form was sent again: the first filing's application, not a second one.
    public let isNew: Bool
}

/// 行政复议 applications made on the portal (行政复议法 第二十二条): filed as a case whose first step, 登记, the system
/// takes for the applicant; found again by tracking number and secret.
public enum ReconsiderationApplications {
    /// The 复议 offices that take online applications: organisations where someone holds the 复议工作人员 role.
    public static func offices(on db: any Database) async throws -> [(id: UUID, authority: String)] {
        let rows = try await (db as! any SQLDatabase).raw(
            "SELECT DISTINCT organisation_id FROM role_grants WHERE role = \(bind: Role.reconsiderationStaff.rawValue)"
        ).all()
        var out: [(UUID, String)] = []
        for r in rows {
            let id = try r.decode(column: "organisation_id", as: UUID.self)
            if let name = try await CaseStore.governmentAbove(id, on: db) { out.append((id, name)) }
        }
        return out.sorted { $0.1 < $1.1 }
    }

    /// The application a submission key already filed, if any (the form sent twice).
    public static func bySubmission(_ key: String, on db: any Database) async throws -> OnlineApplication? {
        guard
            let r = try await (db as! any SQLDatabase).raw(
                "SELECT case_id, tracking_number FROM reconsideration_applications WHERE submission_key = \(bind: key)"
            ).first()
        else { return nil }
        return OnlineApplication(
            caseID: try r.decode(column: "case_id", as: UUID.self),
            trackingNumber: try r.decode(column: "tracking_number", as: String.self), secret: nil, isNew: false)
    }

    /// Files an application: opens the case, takes 登记 with the applicant's inputs, stores the tracking number and the
    /// secret's hash. Inside `tx`, so a refusal (a missing field, a date in the future) files nothing.
    public static func file(
        inputs: Facts, office: UUID, submissionKey: String, catalog: ProcedureCatalog, calendar: DeadlineCalculator,
        today: CivilDate, in tx: WriteTransaction
    ) async throws -> (OnlineApplication, StoredCase) {
        guard let def = catalog.current(ReconsiderationProcedure.id) else {
            throw DomainError.conflict(field: nil, message: "未配置行政复议程序")
        }
        let opened = try await CaseStore.open(def, bodyID: office, today: today, in: tx)
        let tracking = newTrackingNumber(today)
        var facts = inputs
        facts[ReconsiderationFact.channel] = "online"
        // The receipt (申请接收凭证) prints the number the applicant follows the case with.
        facts[ReconsiderationFact.trackingNumber] = tracking
        let step = StepRequest(
            caseID: opened.id, action: ReconsiderationProcedure.Step.register, expectedVersion: 0, inputs: facts,
            officerIDs: [], actor: portal,
            date: today)
        let (filed, _) = try await CaseStore.take(step, catalog: catalog, calendar: calendar, today: today, in: tx)
        let secret = newSecret()
        try await tx.sql.insert(into: "reconsideration_applications").columns(
            "case_id", "tracking_number", "secret_hash", "submission_key", "submitted_on"
        )
        .values(
            SQLBind(opened.id), SQLBind(tracking), SQLBind(hash(secret)), SQLBind(submissionKey),
            SQLBind(today.description)
        ).run()
        try tx.record(
            "reconsideration_application", opened.id.uuidString, "submit",
            ["trackingNumber": tracking, "caseNumber": opened.number])
        return (OnlineApplication(caseID: opened.id, trackingNumber: tracking, secret: secret, isNew: true), filed)
    }

    /// The case an applicant may see: the tracking number and secret must both match (an unknown number and a wrong
    /// secret look the same).
    public static func lookup(trackingNumber: String, secret: String, on db: any Database) async throws -> StoredCase? {
        let n = trackingNumber.trimmed.uppercased()
        guard
            let r = try await (db as! any SQLDatabase).raw(
                "SELECT case_id, secret_hash FROM reconsideration_applications WHERE tracking_number = \(bind: n)"
            ).first(),
            constantTimeEqual(try r.decode(column: "secret_hash", as: String.self), hash(secret.trimmed.uppercased()))
        else { return nil }
        return try await CaseStore.load(try r.decode(column: "case_id", as: UUID.self), on: db)
    }

    /// Who files for the applicant on the portal: the system, on the record.
    static let portal = ProcedureActor(
        id: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3)), name: "网上申请（门户）",
        roles: [.reconsiderationStaff], isSystem: true)

    /// FY + the date + 6 characters without look-alikes (no 0/O, 1/I/L).
    static func newTrackingNumber(_ today: CivilDate) -> String {
        "FY\(today.year)\(String(format: "%02d%02d", today.month, today.day))" + randomCode(6)
    }
    static func newSecret() -> String { randomCode(8) }
    static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
    static func randomCode(_ n: Int) -> String {
        var rng = SystemRandomNumberGenerator()
        return String((0..<n).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] })
    }
    static func hash(_ s: String) -> String { Hex.encode(Array(SHA256.hash(data: Array(s.utf8)))) }
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
