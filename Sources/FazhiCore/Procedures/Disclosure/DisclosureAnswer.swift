import Foundation

extension DisclosureProcedure {
    /// 作出答复 (第三十六条): the answer type and its ground, each with what the law demands of it — a reason for what is
    /// withheld, the parts withheld when disclosing in part (第三十七条), the third party's refusal respected unless the
    /// public interest outweighs it and the third party is told (第三十二条). Fees have their own steps (`feeSteps`).
    static let answerStep = ActionDefinition(
        Step.answer, "作出答复", from: [State.received.id], to: State.answered.id, by: staff,
        basis: "政府信息公开条例 第三十三条、第三十六条"
    )
    .asks(
        .init("answerType", "答复类型", .choice(Disclosure.answerTypes)),
        .init("answerGround", "答复情形（依据）", .choice(Disclosure.groundChoices)),
        .init("answerReason", "理由和依据（不予公开、部分公开、无法提供、不予处理的应当说明）", required: false),
        .init("informationProvided", "提供的信息，或者获取该信息的方式、途径和时间", required: false),
        .init("withheldParts", "不予公开的部分（部分公开的填写）", required: false),
        .init("otherBody", "负责公开该信息的行政机关名称、联系方式（能够确定的）", required: false),
        .init("publicInterest", "不公开可能对公共利益造成重大影响，决定予以公开", .bool, required: false),
        .init("thirdPartyNotified", "已将决定公开的内容和理由书面告知第三方", .bool, required: false),
        .init("reasonRequested", "已要求申请人说明理由，认为理由不合理", .bool, required: false)
    )
    .gate("政府信息公开条例 第三十六条", "所选答复情形不属于该答复类型", field: "answerGround") { c in
        let type = c.inputs[DisclosureFact.answerType] ?? ""
        return (Disclosure.grounds[type] ?? []).contains { $0.value == c.inputs[DisclosureFact.answerGround] }
    }
    .gate("政府信息公开条例 第三十条", "“逾期不补正”“逾期未缴费”只能由相应的“视为放弃申请”步骤记录", field: "answerGround") { c in
        !["no_correction", "fee_unpaid"].contains(c.inputs[DisclosureFact.answerGround] ?? "")
    }
    .gate("政府信息公开条例 第三十六条第三项", "不予公开、部分公开、无法提供、不予处理或者其他处理的，应当说明理由和依据", field: "answerReason") { c in
        !["withheld", "partial", "unavailable", "not_handled", "other"].contains(
            c.inputs[DisclosureFact.answerType] ?? "")
            || !(c.inputs[DisclosureFact.answerReason] ?? "").trimmed.isEmpty
    }
    .gate("政府信息公开条例 第三十七条", "部分公开的，应当写明不予公开的部分", field: "withheldParts") { c in
        c.inputs[DisclosureFact.answerType] != "partial"
            || !(c.inputs[DisclosureFact.withheldParts] ?? "").trimmed.isEmpty
    }
    .gate("政府信息公开条例 第三十六条第一项、第二项", "予以公开的，应当写明提供的信息或者获取的方式、途径", field: "informationProvided") { c in
        !["disclosed", "partial"].contains(c.inputs[DisclosureFact.answerType] ?? "")
            || !(c.inputs[DisclosureFact.informationProvided] ?? "").trimmed.isEmpty
    }
    .gate("政府信息公开条例 第三十条", "补正后申请内容仍不明确的，须先经过补正", field: "answerGround") { c in
        c.inputs[DisclosureFact.answerGround] != "still_unclear" || sinceReopen(c.file, Step.requestCorrection)
    }
    .gate("政府信息公开条例 第三十五条", "以申请数量、频次明显超过合理范围为由不予处理的，应当先要求申请人说明理由", field: "reasonRequested") { c in
        c.inputs[DisclosureFact.answerGround] != "excessive" || c.inputs.flag(DisclosureFact.reasonRequested)
    }
    .gate(
        "政府信息公开条例 第三十二条",
        "第三方不同意公开且有合理理由的，行政机关不予公开；认为不公开可能对公共利益造成重大影响而决定公开的，请勾选并书面告知第三方", field: "publicInterest"
    ) { c in
        c.inputs[DisclosureFact.answerType] != "disclosed" || !c.file.facts.flag(DisclosureFact.thirdPartyRefused)
            || (c.inputs.flag(DisclosureFact.publicInterest) && c.inputs.flag(DisclosureFact.thirdPartyNotified))
    }
    .then(
        .stopDeadline("answer"),
        .compute(writes: DisclosureFact.answeredOn, DisclosureFact.answerLate, DisclosureFact.outcome) { c in
            let due = c.file.deadline("answer")?.deadline.due
            return Facts([
                DisclosureFact.answeredOn ~ c.date, DisclosureFact.answerLate ~ (due.map { c.date > $0 } ?? false),
                DisclosureFact.outcome ~ (c.inputs[DisclosureFact.answerType] ?? ""),
            ])
        }
    )
    .produces(.disclosureAnswer)

    static let presentation = CasePresentation(
        party: ["applicantName"],
        shownFacts: [
            "channel", "applicantName", "applicantKind", "informationDescription", "requestedForm", "delivery",
            "receivedOn", "answerFrom", "correctionItems", "consultee", "consulteeName", "opinion", "extensionWorkdays",
            "answerType", "answerGround", "answerReason", "informationProvided", "withheldParts", "otherBody",
            "feeAmount",
            "answeredOn", "answerLate", "reviewCaseNumber",
        ],
        labels: [
            "receivedOn": "收到申请之日", "answerFrom": "答复期限起算日", "answeredOn": "答复日期", "answerLate": "逾期答复",
            "opinion": "意见",
        ],
        computedChoices: ["opinion": Disclosure.opinions, "outcome": Disclosure.answerTypes],
        notStarted: "尚未登记",
        result: { f in
            guard let t = f.facts[DisclosureFact.answerType] else { return "" }
            return Disclosure.label(t, in: Disclosure.answerTypes).components(separatedBy: "（").first ?? t
        })
}
