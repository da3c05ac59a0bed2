import FazhiCore
import FluentKit
import Foundation

/// 政府信息公开 requests made on the portal (政府信息公开条例 第二十九条 "数据电文"): filed as a case whose 登记 the system
/// takes for the applicant. The day received is the day both sides confirm it (第三十一条第三项): the portal shows the
/// receipt at once, so it is the day of filing.
public enum DisclosureApplications {
    public static let desk = OnlineApplicationDesk(
        table: "disclosure_applications", procedure: DisclosureProcedure.id,
        firstStep: DisclosureProcedure.Step.register,
        role: .disclosureStaff, prefix: "GK", recordType: "disclosure_application",
        fixedInputs: Facts([DisclosureFact.channel ~ "online"]))

    /// The bodies that take requests online: those with 政府信息公开工作人员, by name.
    public static func offices(on db: any Database) async throws -> [(id: UUID, name: String)] {
        var out: [(UUID, String)] = []
        for id in try await desk.officeIDs(on: db) {
            if let o = try await Directory.organisation(id, on: db) { out.append((id, o.name)) }
        }
        return out.sorted { $0.1 < $1.1 }
    }
}
