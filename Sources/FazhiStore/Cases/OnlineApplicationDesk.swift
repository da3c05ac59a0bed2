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

/// Where a procedure takes applications on the portal (网上申请: 行政复议, 政府信息公开): the case is opened and its first
/// step taken by the system for the applicant; the applicant follows it with a tracking number and a secret. Each desk
/// keeps its applications in its own table (tracking number, secret hash, submission key — unique, so a form sent twice
/// files one application).
public struct OnlineApplicationDesk: Sendable {
    public let table: String
    public let procedure: String
    /// The step the system takes with the applicant's inputs.
    public let firstStep: String
    /// Who files for the applicant: the system, on the record, holding the role the first step needs.
    public let role: Role
    /// The tracking number's two letters (FY 复议, GK 公开).
    public let prefix: String
    /// The record subject of a filing.
    public let recordType: String
    /// Facts the desk sets on every filing (the channel: online).
    public let fixedInputs: Facts

    public init(
        table: String, procedure: String, firstStep: String, role: Role, prefix: String, recordType: String,
        fixedInputs: Facts
    ) {
        self.table = table; self.procedure = procedure; self.firstStep = firstStep; self.role = role
        self.prefix = prefix; self.recordType = recordType; self.fixedInputs = fixedInputs
    }

    /// The application a submission key already filed, if any (the form sent twice).
    public func bySubmission(_ key: String, on db: any Database) async throws -> OnlineApplication? {
        guard
            let r = try await (db as! any SQLDatabase).raw(
                "SELECT case_id, tracking_number FROM \(ident: table) WHERE submission_key = \(bind: key)"
            ).first()
        else { return nil }
        return OnlineApplication(
            caseID: try r.decode(column: "case_id", as: UUID.self),
            trackingNumber: try r.decode(column: "tracking_number", as: String.self), secret: nil, isNew: false)
    }

    /// Files an application: opens the case in `office`, takes the first step with the applicant's inputs (plus the
    /// tracking number, which the receipt prints), stores the number and the secret's hash. Inside `tx`, so a refusal (a
    /// missing field, a date in the future) files nothing.
    public func file(
        inputs: Facts, office: UUID, submissionKey: String, catalog: ProcedureCatalog, calendar: DeadlineCalculator,
        today: CivilDate, in tx: WriteTransaction
    ) async throws -> (OnlineApplication, StoredCase) {
        guard let def = catalog.current(procedure) else {
            throw DomainError.conflict(field: nil, message: "未配置该程序")
        }
        let opened = try await CaseStore.open(def, bodyID: office, today: today, in: tx)
        let tracking = Self.newTrackingNumber(prefix, today)
        var facts = inputs
        facts.merge(fixedInputs)
        facts["trackingNumber"] = .text(tracking)
        let step = StepRequest(
            caseID: opened.id, action: firstStep, expectedVersion: 0, inputs: facts, officerIDs: [], actor: portalActor,
            date: today)
        let (filed, _) = try await CaseStore.take(step, catalog: catalog, calendar: calendar, today: today, in: tx)
        let secret = Self.randomCode(8)
        try await tx.sql.insert(into: table).columns(
            "case_id", "tracking_number", "secret_hash", "submission_key", "submitted_on"
        )
        .values(
            SQLBind(opened.id), SQLBind(tracking), SQLBind(Self.hash(secret)), SQLBind(submissionKey),
            SQLBind(today.description)
        ).run()
        try tx.record(
            recordType, opened.id.uuidString, "submit", ["trackingNumber": tracking, "caseNumber": opened.number])
        return (OnlineApplication(caseID: opened.id, trackingNumber: tracking, secret: secret, isNew: true), filed)
    }

    /// The case an applicant may see: the tracking number and secret must both match (an unknown number and a wrong
    /// secret look the same).
    public func lookup(trackingNumber: String, secret: String, on db: any Database) async throws -> StoredCase? {
        let n = trackingNumber.trimmed.uppercased()
        guard
            let r = try await (db as! any SQLDatabase).raw(
                "SELECT case_id, secret_hash FROM \(ident: table) WHERE tracking_number = \(bind: n)"
            ).first(),
            Self.constantTimeEqual(
                try r.decode(column: "secret_hash", as: String.self), Self.hash(secret.trimmed.uppercased()))
        else { return nil }
        return try await CaseStore.load(try r.decode(column: "case_id", as: UUID.self), on: db)
    }

    /// The organisations where someone holds the desk's role: the offices that take its applications.
    public func officeIDs(on db: any Database) async throws -> [UUID] {
        try await (db as! any SQLDatabase).raw(
            "SELECT DISTINCT organisation_id FROM role_grants WHERE role = \(bind: role.rawValue)"
        ).all().map { try $0.decode(column: "organisation_id", as: UUID.self) }
    }

    var portalActor: ProcedureActor {
        ProcedureActor(
            id: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3)), name: "网上申请（门户）", roles: [role],
            isSystem: true)
    }

    /// The prefix + the date + 6 characters without look-alikes (no 0/O, 1/I/L).
    static func newTrackingNumber(_ prefix: String, _ today: CivilDate) -> String {
        "\(prefix)\(today.year)\(String(format: "%02d%02d", today.month, today.day))" + randomCode(6)
    }
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
