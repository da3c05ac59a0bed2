import FazhiCore
import FluentKit
import Foundation

/// 行政复议 applications made on the portal (行政复议法 第二十二条): filed as a case whose first step, 登记, the system
/// takes for the applicant; found again by tracking number and secret.
public enum ReconsiderationApplications {
    public static let desk = OnlineApplicationDesk(
        table: "reconsideration_applications", procedure: ReconsiderationProcedure.id,
        firstStep: ReconsiderationProcedure.Step.register, role: .reconsiderationStaff, prefix: "FY",
        recordType: "reconsideration_application", fixedInputs: Facts([ReconsiderationFact.channel ~ "online"]))

    /// The 复议 offices that take online applications: organisations where someone holds the 复议工作人员 role, named
    /// by the government they work for.
    public static func offices(on db: any Database) async throws -> [(id: UUID, authority: String)] {
        var out: [(UUID, String)] = []
        for id in try await desk.officeIDs(on: db) {
            if let name = try await CaseStore.governmentAbove(id, on: db) { out.append((id, name)) }
        }
        return out.sorted { $0.1 < $1.1 }
    }

    public static func bySubmission(_ key: String, on db: any Database) async throws -> OnlineApplication? {
        try await desk.bySubmission(key, on: db)
    }

    public static func file(
        inputs: Facts, office: UUID, submissionKey: String, catalog: ProcedureCatalog, calendar: DeadlineCalculator,
        today: CivilDate, in tx: WriteTransaction
    ) async throws -> (OnlineApplication, StoredCase) {
        try await desk.file(
            inputs: inputs, office: office, submissionKey: submissionKey, catalog: catalog, calendar: calendar,
            today: today, in: tx)
    }

    public static func lookup(trackingNumber: String, secret: String, on db: any Database) async throws -> StoredCase? {
        try await desk.lookup(trackingNumber: trackingNumber, secret: secret, on: db)
    }
}
