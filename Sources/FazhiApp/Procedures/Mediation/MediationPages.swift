import FazhiCore
import Vapor

extension AppModule {
    /// 调解: its cases in the console (the generic case pages), the demo disputes.
    static let mediation = AppModule(
        folder: "Mediation",
        report: MediationReport.contributions,
        navigation: [
            NavEntry(.disputes, "调解", .cases(procedure: MediationProcedure.id), roles: [.mediator, .head, .supervisor])
        ],
        demo: { c, tx in
            try await DemoMediation.load(c, in: tx)
        })
}
