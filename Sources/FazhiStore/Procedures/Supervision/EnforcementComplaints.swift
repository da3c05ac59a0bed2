import FazhiCore
import FluentKit
import Foundation

/// 投诉举报 sent on the portal: filed as a case whose 登记 the system takes for the complainant at the 司法行政部门 (the
/// organisations with 监督人员); the day received is the day of filing, which the receipt shows.
public enum EnforcementComplaints {
    public static let desk = OnlineApplicationDesk(
        table: "enforcement_complaints", procedure: EnforcementComplaintProcedure.id,
        firstStep: EnforcementComplaintProcedure.Step.receive, role: .supervisor, prefix: "TS",
        recordType: "enforcement_complaint", fixedInputs: Facts([EnforcementComplaintProcedure.Fact.channel ~ "online"])
    )

    /// The offices that take complaints online, by name.
    public static func offices(on db: any Database) async throws -> [(id: UUID, name: String)] {
        var out: [(UUID, String)] = []
        for id in try await desk.officeIDs(on: db) {
            if let o = try await Directory.organisation(id, on: db) { out.append((id, o.name)) }
        }
        return out.sorted { $0.1 < $1.1 }
    }
}
