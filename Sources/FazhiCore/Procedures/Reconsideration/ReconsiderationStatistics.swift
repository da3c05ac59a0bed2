import Foundation

extension ReconsiderationProcedure {
    /// A year's 行政复议 figures in the terms the annual reports use (seed 002: "收到行政复议申请22件，审结20件，其中维持9件、
    /// 撤销2件、终止7件、调解1件、不予受理1件"). A case counts in the year its application was received (收案). 审结 = every case
    /// that has ended: decided (any type, 调解书 included), 终止, 不予受理, or deemed abandoned.
    public static let statistics: ProcedureStatistics = {
        typealias F = ProcedureStatistics.Figure
        @Sendable func outcome(_ f: CaseFile) -> String? {
            f.facts[ReconsiderationFact.decidedOn] != nil ? f.facts[ReconsiderationFact.outcome] : nil
        }
        var figures: [F] = [
            F("received", "收案") { _ in true },
            F("accepted", "受理") { $0.facts[ReconsiderationFact.acceptedOn] != nil },
            F("deemed", "其中视为受理") { $0.facts.flag(ReconsiderationFact.deemedAccepted) },
            F("refused", "不予受理") { $0.state == State.refused.id },
            F("pending", "在办") { running.contains($0.state) },
            F("concluded", "审结") {
                outcome($0) != nil
                    || [State.terminated.id, State.refused.id, State.abandoned.id, State.dismissed.id].contains(
                        $0.state)
            },
        ]
        for o in Reconsideration.outcomes {
            let value = o.value
            figures.append(
                F("outcome." + value, o.label.components(separatedBy: "（").first ?? o.label, main: false) {
                    outcome($0) == value
                })
        }
        figures += [
            F("terminated", "终止", main: false) { $0.state == State.terminated.id },
            F("abandoned", "视为放弃", main: false) { $0.state == State.abandoned.id },
            F("dismissed", "驳回申请（第三十三条）", main: false) { $0.state == State.dismissed.id },
            F("corrected", "纠错") { Reconsideration.correcting.contains(outcome($0) ?? "") },
        ]
        var stats = ProcedureStatistics(
            title: "行政复议统计", year: { $0.facts[ReconsiderationFact.receivedOn]?.year }, figures: figures,
            rates: [
                .init("correction", "纠错率", "corrected", over: "concluded", formula: "（撤销＋部分撤销＋变更＋确认违法＋责令履行＋确认无效）÷ 审结")
            ])
        // The reports count 复议 by the department whose act was reviewed (被申请人) as well as by 复议机关.
        stats.grouping = .init("被申请人") { $0.facts[ReconsiderationFact.respondent] }
        return stats
    }()
}
