import FazhiCore
import Vapor

extension AppModule {
    /// 行政应诉: its cases in the console (the generic case pages), the demo lawsuits.
    static let litigation = AppModule(
        folder: "Litigation",
        report: LitigationReport.contributions,
        navigation: [
            NavEntry(
                .disputes, "行政应诉", .cases(procedure: LitigationProcedure.id),
                roles: [.legalReviewer, .head, .reconsiderationStaff, .supervisor])
        ],
        demo: { c, tx in
            try await DemoLitigation.load(c, in: tx)
        })
}
