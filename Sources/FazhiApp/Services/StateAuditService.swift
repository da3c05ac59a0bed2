import FazhiStore
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The latest 状态审计 (`StateAudit`): business rows that contradict their record entries, shown to 系统管理员 and
/// 司法行政监督人员 on their 工作台 and the record page until an audit finds none.
public final class StateAlerts: Sendable {
    private let box = NIOLockedValueBox<(checkedAt: Date?, problems: [StateProblem])>((nil, []))
    public init() {}
    public var current: (checkedAt: Date?, problems: [StateProblem]) { box.withLockedValue { $0 } }
    func set(_ problems: [StateProblem], at: Date) { box.withLockedValue { $0 = (at, problems) } }

    /// What the public lists know the altered rows of these registry tables by (as of the latest audit).
    func altered(_ tables: SealedTable...) -> Set<String> {
        let names = Set(tables.map(\.name))
        return Set(current.problems.filter { names.contains($0.subjectType) }.compactMap(\.ref))
    }

    /// Runs the audit now, keeps its result, and logs each altered row as an error (for the operators' alerting).
    @discardableResult
    static func check(_ app: Application) async throws -> [StateProblem] {
        let problems = try await StateAudit.run(on: app.db)
        app.fazhi.stateAlerts.set(problems, at: Date())
        for p in problems {
            app.logger.error(
                "state audit: a row contradicts the record",
                metadata: [
                    "subject": "\(p.subjectType)", "id": "\(p.subjectID)", "label": "\(p.label)",
                    "entry": "\(p.entry.map(String.init) ?? "")",
                ])
        }
        return problems
    }
}
