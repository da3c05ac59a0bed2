import Foundation

extension NormativeProcedure {
    /// 登记已有文件: a document issued before Fazhi (the 清理 and the 文件库 need every document in force), registered with
    /// its number, dates and text as they are; it then stands as filed (or repealed) and its 有效期 runs as for any other.
    static func existingStep(_ s: ProcedureSettings) -> ActionDefinition {
        ActionDefinition(
            Step.registerExisting, "登记已有文件（本系统启用前印发）", from: [State.new.id], to: State.filed.id, by: staff,
            basis: "国办发〔2018〕37号（统一登记）"
        )
        .asks(
            .init("title", "文件名称"),
            .init("documentKind", "文种", .choice(Normative.documentKinds)),
            .init("documentNumber", "文号"),
            .init("signedOn", "签发日期", .date),
            .init("publishedOn", "公布日期", .date),
            .init("effectiveOn", "施行日期", .date),
            .init("validUntil", "有效期至（最后一日；不填的按本地规定）", .date, required: false),
            .init("finalText", "正文")
        )
        .gate("系统限制", "文件名称不超过100字", field: "title") { c in (c.inputs[NormativeFact.title] ?? "").count <= 100 }
        .gate("系统限制", "文号不超过50字", field: "documentNumber") { c in
            (c.inputs[NormativeFact.documentNumber] ?? "").count <= 50
        }
        .gate("国办发〔2018〕37号", "公布日期不能早于签发日期，也不能晚于今天", field: "publishedOn") { c in
            let p = c.inputs[NormativeFact.publishedOn]!
            return p >= c.inputs[NormativeFact.signedOn]! && p <= c.date
        }
        .gate("国办发〔2018〕37号", "施行日期不能早于签发日期", field: "effectiveOn") { c in
            c.inputs[NormativeFact.effectiveOn]! >= c.inputs[NormativeFact.signedOn]!
        }
        .gate("本地规定", "有效期至应不早于施行日期", field: "validUntil") { c in
            c.inputs[NormativeFact.validUntil].map { $0 >= c.inputs[NormativeFact.effectiveOn]! } ?? true
        }
        .then(
            .compute(
                writes: NormativeFact.expiresOn, NormativeFact.validUntil, NormativeFact.decidedOn,
                NormativeFact.outcome,
                NormativeFact.partyName,
                NormativeFact.draftVersion, NormativeFact.evaluationDue, NormativeFact.issueNumbers
            ) { c in
                let effective = c.inputs[NormativeFact.effectiveOn]!
                // The first day it no longer applies: the day after the last valid day given (or the local period).
                let expires =
                    c.inputs[NormativeFact.validUntil]?.adding(days: 1)
                    ?? effective.addingYearsClamped(c.settings.normativeValidityYears)
                var facts = Normative.validity(endingBefore: expires, c.settings)
                facts.merge(
                    Facts([
                        NormativeFact.decidedOn ~ c.inputs[NormativeFact.signedOn]!, NormativeFact.outcome ~ "issued",
                        NormativeFact.partyName ~ (c.inputs[NormativeFact.title] ?? ""),
                        NormativeFact.draftVersion ~ 1.0,
                        NormativeFact.issueNumbers ~ [c.inputs[NormativeFact.documentNumber] ?? ""],
                    ]))
                return facts
            },
            .startDeadlineUntil(
                key: "validity", name: "有效期届满（最后一日）", dateFact: "validUntil", article: "有效期：本地规定", holder: .other),
            .startDeadlineUntil(
                key: "evaluation", name: "有效期届满前评估", dateFact: "evaluationDue", article: "本地规定（届满前6个月）")
        )
    }
}
