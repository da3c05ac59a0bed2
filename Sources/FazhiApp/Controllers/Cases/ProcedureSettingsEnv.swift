import FazhiCore
import Foundation

extension ProcedureSettings {
    /// Reads the deployment's values: the province's 较大数额 thresholds (第六十三条), the statement period, the
    /// decision period (第六十条 allows other laws to differ), the publication period and the local 重大执法决定 list.
    static func fromEnvironment(_ env: [String: String]) -> ProcedureSettings {
        var s = ProcedureSettings()
        // A value that is not a finite number is ignored (the default stands): "nan" or "1e400" would trap as Int.
        func num(_ k: String) -> Double? { env[k].flatMap(Double.init).flatMap { $0.isFinite ? $0 : nil } }
        // 较大数额 in 元: a province's threshold, above 0 and at most 1亿.
        if let v = num("FAZHI_HEARING_FINE_CITIZEN"), v > 0, v <= 1e8 {
            s.hearingFineCitizen = v; s.hearingConfiscationCitizen = v
        }
        if let v = num("FAZHI_HEARING_FINE_ORGANISATION"), v > 0, v <= 1e8 {
            s.hearingFineOrganisation = v; s.hearingConfiscationOrganisation = v
        }
        if let v = num("FAZHI_STATEMENT_WORKING_DAYS"), v >= 1, v <= 60 { s.statementWorkingDays = Int(v) }
        if let v = num("FAZHI_DECISION_DAYS"), v >= 1, v <= 3650 { s.decisionDays = Int(v) }
        if let v = num("FAZHI_PUBLICATION_WORKING_DAYS"), v >= 1, v <= 60 { s.publicationWorkingDays = Int(v) }
        if let v = env["FAZHI_PUBLICATION_RULE"], let rule = PublicationRule(setting: v) { s.publicationRule = rule }
        if let v = num("FAZHI_LITIGATION_ANSWER_DAYS"), v >= 1, v <= 3650 { s.litigationAnswerDays = Int(v) }
        if let v = num("FAZHI_PROCURATORIAL_REPLY_MONTHS"), v >= 1, v <= 24 { s.procuratorialReplyMonths = Int(v) }
        if let v = num("FAZHI_JUDICIAL_REPLY_DAYS"), v >= 1, v <= 3650 { s.judicialReplyDays = Int(v) }
        if let v = num("FAZHI_MEDIATION_DAYS"), v >= 1, v <= 3650 { s.mediationDays = Int(v) }
        if let v = num("FAZHI_MEDIATION_FOLLOW_UP_DAYS"), v >= 1, v <= 3650 { s.mediationFollowUpDays = Int(v) }
        if let v = num("FAZHI_COLLECTIVE_DISCUSSION_MINIMUM"), v >= 2, v <= 50 {
            s.collectiveDiscussionMinimum = Int(v)
        }
        if let v = num("FAZHI_PENALTY_EXTENSION_MAX_DAYS"), v >= 1, v <= 3650 { s.penaltyExtensionMaxDays = Int(v) }
        if let v = num("FAZHI_REDO_MAX_DAYS"), v >= 1, v <= 3650 { s.redoMaxDays = Int(v) }
        if let v = num("FAZHI_COMMITTEE_MINIMUM"), v >= 1, v <= 50 { s.committeeMinimum = Int(v) }
        if let v = env["FAZHI_RETRIAL_FIRST_INSTANCE_APPEALABLE"] { s.retrialFirstInstanceAppealable = v != "0" }
        if let v = env["FAZHI_NOTICE_PERIODS_FROM_SERVICE"] { s.noticePeriodsFromService = v != "0" }
        if let v = num("FAZHI_NORMATIVE_FILING_DAYS"), v >= 1, v <= 90 { s.normativeFilingDays = Int(v) }
        if let v = num("FAZHI_NORMATIVE_CONGRESS_FILING_DAYS"), v >= 1, v <= 90 {
            s.normativeCongressFilingDays = Int(v)
        }
        if let v = num("FAZHI_NORMATIVE_VALIDITY_YEARS"), v >= 1, v <= 20 { s.normativeValidityYears = Int(v) }
        if let v = num("FAZHI_NORMATIVE_PROVISIONAL_YEARS"), v >= 1, v <= 10 { s.normativeProvisionalYears = Int(v) }
        if let v = num("FAZHI_NORMATIVE_EVALUATION_MONTHS"), v >= 1, v <= 24 { s.normativeEvaluationMonths = Int(v) }
        if let v = num("FAZHI_NORMATIVE_REVIEW_MIN_WORKDAYS"), v >= 0, v <= 15 { s.normativeReviewMinWorkdays = Int(v) }
        if let v = num("FAZHI_REPEAT_INSPECTION_DAYS"), v >= 1, v <= 365 { s.repeatInspectionDays = Int(v) }
        if let v = num("FAZHI_RANDOM_RESULT_PUBLICATION_WORKDAYS"), v >= 1, v <= 120 {
            s.randomResultPublicationWorkdays = Int(v)
        }
        if let v = num("FAZHI_TRANSFER_FEEDBACK_DAYS"), v >= 3, v <= 365 { s.transferFeedbackDays = Int(v) }
        if let v = num("FAZHI_SUPERVISION_REPORT_WORKDAYS"), v >= 1, v <= 120 { s.supervisionReportWorkdays = Int(v) }
        if let v = num("FAZHI_FILE_REVIEW_OBJECTION_WORKDAYS"), v >= 1, v <= 30 {
            s.fileReviewObjectionWorkdays = Int(v)
        }
        if let v = num("FAZHI_COMPLAINT_ACCEPTANCE_WORKDAYS"), v >= 1, v <= 60 {
            s.complaintAcceptanceWorkdays = Int(v)
        }
        if let v = num("FAZHI_COMPLAINT_ANSWER_DAYS"), v >= 1, v <= 365 { s.complaintAnswerDays = Int(v) }
        if let v = num("FAZHI_NORMATIVE_SUGGESTION_ANSWER_DAYS"), v >= 1, v <= 180 {
            s.normativeSuggestionAnswerDays = Int(v)
        }
        if let v = num("FAZHI_NORMATIVE_REVIEW_MAX_WORKDAYS"), v >= 5, v <= 60 { s.normativeReviewMaxWorkdays = Int(v) }
        if let v = num("FAZHI_DECISION_REVIEW_MAX_WORKDAYS"), v >= 7, v <= 60 {
            s.majorDecisionReviewMaxWorkdays = Int(v)
        }
        if let v = env["FAZHI_MAJOR_DECISION_ITEMS"] {
            s.majorDecisionItems = Set(v.split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty })
        }
        return s
    }
}

extension FazhiServices {
    /// The procedure definitions with this deployment's settings.
    var procedures: ProcedureCatalog { ProcedureCatalog(settings: options.procedureSettings) }
}
