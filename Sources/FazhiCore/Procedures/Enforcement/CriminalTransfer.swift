/// 两法衔接 (行政执法与刑事司法衔接): where a case marked 涉嫌犯罪 stands with the police or procuratorate, read from
/// its steps. A case suspected of a crime may only end by transfer (行政处罚法 第二十七条、第八十二条, 以罚代刑);
/// the overview shows those not yet transferred, those waiting for feedback, accepted and returned.
public struct CriminalTransfer: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        /// 认定涉嫌犯罪，尚未移送 — the 有案不移 risk the seeds name.
        case notTransferred = "not_transferred"
        /// 已移送，等待接收机关立案或退回的反馈.
        case awaitingFeedback = "awaiting"
        /// 接收机关已立案.
        case accepted
        /// 接收机关不予立案，退回 (the case resumes as an administrative case).
        case returned

        public var chineseName: String {
            switch self {
            case .notTransferred: "认定涉嫌犯罪、尚未移送";
            case .awaitingFeedback: "已移送、待反馈";
            case .accepted: "已立案";
            case .returned: "已退回"
            }
        }
    }

    public let status: Status
    public let markedOn: CivilDate?
    public let crimeReason: String?
    public let transferredOn: CivilDate?
    public let receivingOrgan: String?
    public let transferNumber: String?
    public let feedbackOn: CivilDate?
    public let feedback: String?

    /// Days since the last event with no answer yet (marking without transfer, or transfer without feedback).
    public func daysWaiting(today: CivilDate) -> Int? {
        switch status {
        case .notTransferred: markedOn.map { $0.days(until: today) }
        case .awaitingFeedback: transferredOn.map { $0.days(until: today) }
        default: nil
        }
    }

    /// The case's transfer as its steps tell it, or nil if it was never marked or transferred.
    public static func of(_ file: CaseFile) -> CriminalTransfer? {
        let markAt = file.steps.lastIndex { $0.action == PenaltyOrdinaryProcedure.Step.markSuspectedCrime }
        let marked = markAt.map { file.steps[$0] }
        let lastTransferAt = file.steps.lastIndex { $0.action == PenaltyOrdinaryProcedure.Step.transfer }
        guard markAt != nil || lastTransferAt != nil else { return nil }
        // Marked again after a transfer came back: the new suspicion is not transferred yet.
        let transferAt = lastTransferAt.flatMap { t in (markAt ?? -1) > t ? nil : t }
        let transfer = transferAt.map { file.steps[$0] }
        let answerAt = file.steps.lastIndex { $0.action == "transfer_accepted" || $0.action == "transfer_returned" }
        let answer = answerAt.flatMap { a in transferAt.flatMap { a > $0 ? file.steps[a] : nil } }
        let status: Status =
            transfer == nil
            ? .notTransferred
            : answer == nil ? .awaitingFeedback : answer!.action == "transfer_accepted" ? .accepted : .returned
        return CriminalTransfer(
            status: status, markedOn: marked?.on,
            crimeReason: marked?.inputs[EnforcementFact.crimeReason]
                ?? transfer?.inputs[EnforcementFact.transferReason],
            transferredOn: transfer?.on, receivingOrgan: transfer?.inputs[EnforcementFact.receivingOrgan],
            transferNumber: transfer?.inputs[EnforcementFact.transferNumber],
            feedbackOn: answer?.on,
            feedback: answer.map { a in
                [
                    a.inputs[EnforcementFact.receiptNumber],
                    a.inputs[EnforcementFact.transferFeedback] ?? a.inputs[EnforcementFact.returnReason],
                ].compactMap { $0 }.joined(separator: "：")
            })
    }
}
