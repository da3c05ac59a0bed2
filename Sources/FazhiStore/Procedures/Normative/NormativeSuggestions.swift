import FazhiCore
import FluentKit
import Foundation

/// 审查建议 sent on the portal: filed as a case whose 登记 the system takes for the citizen at the 备案审查机关 (the 司法行政
/// 部门: the organisations with 监督人员); the day received is the day of filing, which the receipt shows.
public enum NormativeSuggestions {
    public static let desk = OnlineApplicationDesk(
        table: "normative_suggestions", procedure: NormativeSuggestionProcedure.id,
        firstStep: NormativeSuggestionProcedure.Step.receive, role: .supervisor, prefix: "SJ",
        recordType: "normative_suggestion", fixedInputs: Facts([NormativeSuggestionFact.channel ~ "online"]))

    /// The bodies that take 审查建议 online, by name.
    public static func offices(on db: any Database) async throws -> [(id: UUID, name: String)] {
        var out: [(UUID, String)] = []
        for id in try await desk.officeIDs(on: db) {
            if let o = try await Directory.organisation(id, on: db) { out.append((id, o.name)) }
        }
        return out.sorted { $0.1 < $1.1 }
    }
}
