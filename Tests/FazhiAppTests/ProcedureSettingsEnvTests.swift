import FazhiCore
import Testing

@testable import FazhiApp

/// The deployment's procedure settings from the environment: each documented name is read, and a value out of its
/// range or not a finite number leaves the default (a setting must never stop the server: `Int("1e400")` would trap).
@Suite struct ProcedureSettingsEnvTests {
    @Test func documentedSettingsAreReadAndBounded() {
        let defaults = ProcedureSettings()
        let read = ProcedureSettings.fromEnvironment([
            "FAZHI_RANDOM_RESULT_PUBLICATION_WORKDAYS": "15",
            "FAZHI_DECISION_DAYS": "60",
            "FAZHI_STATEMENT_WORKING_DAYS": "3",
            "FAZHI_PUBLICATION_WORKING_DAYS": "20",
        ])
        #expect(read.randomResultPublicationWorkdays == 15)
        #expect(read.decisionDays == 60 && read.statementWorkingDays == 3 && read.publicationWorkingDays == 20)
        for bad in ["nan", "inf", "1e400", "-5", "0", "1e300"] {
            let s = ProcedureSettings.fromEnvironment([
                "FAZHI_RANDOM_RESULT_PUBLICATION_WORKDAYS": bad, "FAZHI_DECISION_DAYS": bad,
                "FAZHI_STATEMENT_WORKING_DAYS": bad, "FAZHI_PUBLICATION_WORKING_DAYS": bad,
                "FAZHI_HEARING_FINE_CITIZEN": bad, "FAZHI_REPEAT_INSPECTION_DAYS": bad,
                "FAZHI_LITIGATION_ANSWER_DAYS": bad, "FAZHI_JUDICIAL_REPLY_DAYS": bad, "FAZHI_MEDIATION_DAYS": bad,
                "FAZHI_MEDIATION_FOLLOW_UP_DAYS": bad,
            ])
            #expect(s.randomResultPublicationWorkdays == defaults.randomResultPublicationWorkdays, "\(bad)")
            #expect(s.decisionDays == defaults.decisionDays, "\(bad)")
            #expect(s.statementWorkingDays == defaults.statementWorkingDays, "\(bad)")
            #expect(s.publicationWorkingDays == defaults.publicationWorkingDays, "\(bad)")
            #expect(s.hearingFineCitizen == defaults.hearingFineCitizen, "\(bad)")
            #expect(s.repeatInspectionDays == defaults.repeatInspectionDays, "\(bad)")
            #expect(s.litigationAnswerDays == defaults.litigationAnswerDays, "\(bad)")
            #expect(s.judicialReplyDays == defaults.judicialReplyDays, "\(bad)")
            #expect(s.mediationDays == defaults.mediationDays, "\(bad)")
            #expect(s.mediationFollowUpDays == defaults.mediationFollowUpDays, "\(bad)")
        }
    }
}
