import Foundation

extension DisclosureProcedure {
    /// The year's figures by the year the request was received: new requests by applicant type, and how they were
    /// answered by the rows of the national yearly-report template (国办公开办函〔2021〕30号, 第三部分).
    public static let statistics: ProcedureStatistics = {
        typealias F = ProcedureStatistics.Figure
        let answered: Set<String> = [State.answered.id, State.abandoned.id]
        var figures: [F] = [
            F("received", "本年新收申请", definition: "本年度收到的政府信息公开申请（以收到申请之日计）") { _ in true },
            F("answered", "已办结") { answered.contains($0.state) },
            F("onTime", "按期答复", definition: "在答复期限（含依法延长）内答复的申请") {
                answered.contains($0.state) && !$0.facts.flag(DisclosureFact.answerLate)
            },
            F("late", "逾期答复", definition: "答复之日晚于答复期限届满之日的申请（第三十三条）") { $0.facts.flag(DisclosureFact.answerLate) },
            F("pending", "尚未办结", main: false, definition: "统计时尚未办结的申请（年报的“结转下年度”按年末计，见年度报告）") {
                !answered.contains($0.state)
            },
            F("corrected", "通知补正", main: false) { $0.hasTaken(Step.requestCorrection) },
            F("extended", "延期答复", main: false) { $0.hasTaken(Step.extend) },
            F("consulted", "征求第三方或者其他机关意见", main: false) { $0.hasTaken(Step.consult) },
            F("reopened", "被责令重新答复", main: false) { $0.hasTaken(Step.reopen) },
            F("fee", "收取信息处理费", main: false, definition: "申请人按收费通知缴纳了信息处理费的申请（第四十二条）") {
                $0.hasTaken(Step.recordFeePaid)
            },
        ]
        for k in Disclosure.applicantKinds {
            let v = k.value
            figures.append(F("applicant." + v, k.label, main: false) { $0.facts[DisclosureFact.applicantKind] == v })
        }
        for (type, grounds) in Disclosure.allGrounds {
            let t = type.value
            figures.append(
                F("result." + t, type.label, main: false) {
                    answered.contains($0.state) && $0.facts[DisclosureFact.answerType] == t
                })
            for g in grounds {
                let v = g.value
                figures.append(
                    F("ground.\(t).\(v)", g.label, main: false) {
                        answered.contains($0.state) && $0.facts[DisclosureFact.answerType] == t
                            && $0.facts[DisclosureFact.answerGround] == v
                    })
            }
        }
        return ProcedureStatistics(
            title: "政府信息公开申请统计", year: { $0.facts[DisclosureFact.receivedOn]?.year }, figures: figures,
            rates: [.init("onTimeRate", "按期答复率", "onTime", over: "answered", formula: "按期答复数 ÷ 已办结数")])
    }()

    /// In the yearly report's own words.
    static let summary: @Sendable (FigureTally) -> String = { t in
        "\(t.year)年收到政府信息公开申请\(t.count("received"))件，办结\(t.count("answered"))件，其中予以公开\(t.count("result.disclosed"))件、"
            + "部分公开\(t.count("result.partial"))件、不予公开\(t.count("result.withheld"))件、无法提供\(t.count("result.unavailable"))件、"
            + "不予处理\(t.count("result.not_handled"))件、其他处理\(t.count("result.other"))件；按期答复率\(FigureTally.percent(t.rate("onTimeRate")))。"
    }
}
