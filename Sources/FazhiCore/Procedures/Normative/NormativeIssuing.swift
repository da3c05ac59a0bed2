import Foundation

extension NormativeProcedure {
    /// 集体审议, 三统一 (登记·编号·印发), 公布, 备案, 备案审查, and the end of a document.
    static func issuingSteps(_ s: ProcedureSettings) -> [ActionDefinition] {
        [
            ActionDefinition(
                Step.deliberate, "集体审议", from: [State.reviewed.id], to: State.deliberated.id, by: staff,
                basis: "国办发〔2018〕37号"
            )
            .asks(
                .init("meetingKind", "会议", .choice(Normative.meetingKinds)),
                .init("meetingOn", "会议日期", .date),
                .init("attendees", "出席人员", .list),
                .init("reviewChangesNote", "审核意见为应当予以修改的：修改情况，或者未采纳的理由", required: false)
            )
            .gate("国办发〔2018〕115号", "合法性审核意见为应当予以修改的，应当说明修改情况或者未采纳的理由", field: "reviewChangesNote") { c in
                c.file.facts[NormativeFact.reviewOpinion] != "legal_after_changes"
                    || !(c.inputs[NormativeFact.reviewChangesNote] ?? "").trimmed.isEmpty
            }
            .gate("国办发〔2018〕37号", "集体审议的须是合法性审核通过的草案版本；草案修改后应当重新审核") { c in
                c.file.facts[NormativeFact.reviewedVersion] == c.file.facts[NormativeFact.draftVersion]
            }
            .gate("国办发〔2018〕37号", "会议日期不能早于审核通过之日，也不能晚于办理之日", field: "meetingOn") { c in
                let on = c.inputs[NormativeFact.meetingOn]!
                return on <= c.date && on >= (c.file.lastStep(Step.passReview)?.on ?? on)
            },
            ActionDefinition(
                Step.issue, "签发印发（统一登记、统一编号）", from: [State.deliberated.id], to: State.issued.id, by: [.head],
                basis: "国办发〔2018〕37号"
            )
            .asks(
                .init("signer", "签发人"),
                .init("effectiveOn", "施行日期", .date),
                .init("validityYears", "有效期（年；不填的按本地规定）", .number, required: false),
                .init("finalText", "印发文本（不填的为审核通过的草案文本）", required: false)
            )
            // The text issued is the text reviewed and deliberated (37号, 115号): a change goes back through 修改草案.
            .gate("国办发〔2018〕115号", "印发文本与审核通过的草案文本不一致；需要修改的，应当修改草案并重新审核", field: "finalText") { c in
                c.inputs[NormativeFact.finalText].map {
                    TextDiff.lines($0) == TextDiff.lines(c.file.facts[NormativeFact.draftText] ?? "")
                } ?? true
            }
            .looksUp(.nextNumber(kind: "规", into: Normative.External.documentNumber))
            .gate("国办发〔2018〕37号", "施行日期不能早于签发之日", field: "effectiveOn") { c in
                c.inputs[NormativeFact.effectiveOn]! >= c.date
            }
            .gate("本地规定", "有效期应为1至20年的整数", field: "validityYears") { c in
                c.inputs[NormativeFact.validityYears].map { $0 == $0.rounded() && $0 >= 1 && $0 <= 20 } ?? true
            }
            .then(
                .compute(
                    writes: NormativeFact.signedOn, NormativeFact.documentNumber, NormativeFact.expiresOn,
                    NormativeFact.decidedOn, NormativeFact.outcome, NormativeFact.evaluationDue,
                    NormativeFact.issueNumbers, NormativeFact.amending, NormativeFact.amendmentNumber,
                    NormativeFact.amendedOn, NormativeFact.amendmentEffectiveOn, NormativeFact.effectiveOn,
                    NormativeFact.validUntil, NormativeFact.finalText
                ) { c in
                    let number = c.external.text(Normative.External.documentNumber) ?? ""
                    let effective = c.inputs[NormativeFact.effectiveOn]!
                    let years =
                        c.inputs[NormativeFact.validityYears].map(Int.init)
                        ?? (c.file.facts.flag(NormativeFact.provisional)
                            ? c.settings.normativeProvisionalYears : c.settings.normativeValidityYears)
                    var facts = Facts([
                        NormativeFact.issueNumbers ~ (c.file.facts.list(NormativeFact.issueNumbers) + [number]),
                        NormativeFact.finalText
                            ~ (c.inputs[NormativeFact.finalText] ?? c.file.facts[NormativeFact.draftText] ?? ""),
                    ])
                    // A 修改决定 keeps the document's own 文号, dates and 有效期 (unless it sets a new one); the amended text
                    // applies from its own 施行日期 (the text versions keep every one).
                    if c.file.facts.flag(NormativeFact.amending) {
                        facts[NormativeFact.amending] = false
                        facts[NormativeFact.amendmentNumber] = number
                        facts[NormativeFact.amendedOn] = c.date
                        facts[NormativeFact.amendmentEffectiveOn] = effective
                        facts[NormativeFact.effectiveOn] = c.file.facts[NormativeFact.effectiveOn] ?? effective
                        if c.inputs[NormativeFact.validityYears] != nil {
                            facts.merge(
                                Normative.validity(endingBefore: effective.addingYearsClamped(years), c.settings))
                        }
                        return facts
                    }
                    facts.merge(Normative.validity(endingBefore: effective.addingYearsClamped(years), c.settings))
                    facts[NormativeFact.signedOn] = c.date
                    facts[NormativeFact.documentNumber] = number
                    facts[NormativeFact.decidedOn] = c.date
                    facts[NormativeFact.outcome] = "issued"
                    return facts
                },
                // 政府信息公开条例 第二十六条: published within 20 working days of being made.
                .startDeadline(
                    DeadlineRule("publication", "公布", days: 20, .workday, article: "政府信息公开条例 第二十六条")),
                .startDeadlineUntil(
                    key: "validity", name: "有效期届满（最后一日）", dateFact: "validUntil", article: "有效期：本地规定", holder: .other),
                .startDeadlineUntil(
                    key: "evaluation", name: "有效期届满前评估", dateFact: "evaluationDue", article: "本地规定（届满前6个月）")
            ),
            ActionDefinition(
                Step.publish, "公布", from: [State.issued.id], to: State.published.id, by: staff,
                basis: "政府信息公开条例 第二十六条；优化营商环境条例 第六十四条第二款"
            )
            .asks(
                .init("interpretation", "政策解读"),
                .init("fileWithCongress", "须报本级人大常委会备案", .bool, required: false),
                .init("effectiveOn", "施行日期（印发时确定的施行日期早于今天公布的，改为公布之日或者以后）", .date, required: false)
            )
            // A text applies only once published (优化营商环境条例 第六十四条第二款): its 施行日期 is not before 公布.
            .gate("优化营商环境条例 第六十四条第二款", "施行日期早于公布之日：未经公布的不得作为行政管理依据，请把施行日期改为公布之日或者以后", field: "effectiveOn") { c in
                (c.inputs[NormativeFact.effectiveOn] ?? publishingEffectiveOn(c.file)) >= c.date
            }
            .then(
                // An amended text's publication keeps the document's first 公布日期 (the text versions keep each one).
                .compute(
                    writes: NormativeFact.publishedOn, NormativeFact.publishedLate, NormativeFact.effectiveOn,
                    NormativeFact.amendmentEffectiveOn
                ) { c in
                    var facts = Facts()
                    if let corrected = c.inputs[NormativeFact.effectiveOn] {
                        if c.file.facts[NormativeFact.publishedOn] == nil {
                            facts[NormativeFact.effectiveOn] = corrected
                        } else {
                            facts[NormativeFact.effectiveOn] = c.file.facts[NormativeFact.effectiveOn]
                            facts[NormativeFact.amendmentEffectiveOn] = corrected
                        }
                    }
                    facts.merge(
                        Facts([
                            NormativeFact.publishedOn ~ (c.file.facts[NormativeFact.publishedOn] ?? c.date),
                            NormativeFact.publishedLate
                                ~ (c.file.facts.flag(NormativeFact.publishedLate)
                                    || (c.file.deadline("publication").map { c.date > $0.deadline.due } ?? false)),
                        ]))
                    return facts
                },
                .stopDeadline("publication"),
                .startDeadline(
                    DeadlineRule(
                        "filing", "报送备案", days: s.normativeFilingDays, .day, article: "备案期限：本地规定（常见为公布后15日内）")),
                .startDeadline(
                    DeadlineRule(
                        "congressFiling", "报本级人大常委会备案", days: s.normativeCongressFilingDays, .day,
                        article: "地方性法规（公布后30日内）"),
                    onlyIf: { $0.inputs.flag(NormativeFact.fileWithCongress) })
            ),
            ActionDefinition(
                Step.file, "报送备案（上一级人民政府或者司法行政部门）", from: [State.published.id], to: State.filed.id, by: staff,
                basis: "国办发〔2018〕37号"
            )
            .asks(.init("filedWith", "备案机关", .choice(Normative.filingBodies)))
            .gate("国办发〔2018〕37号", "报本级人大常委会备案的，请办理“报送人大常委会备案”", field: "filedWith") { c in
                c.inputs[NormativeFact.filedWith] != "congress"
            }
            .then(
                .compute(writes: NormativeFact.filedOn, NormativeFact.filingLate) { c in
                    Facts([
                        NormativeFact.filedOn ~ c.date,
                        NormativeFact.filingLate
                            ~ (c.file.deadline("filing").map { c.date > $0.deadline.due } ?? false),
                    ])
                },
                .stopDeadline("filing")
            )
            .produces(.filingReport),
            // The 人大常委会 filing runs beside the government's: its own period, its own record.
            ActionDefinition(
                Step.fileWithCongress, "报送本级人大常委会备案", from: [State.published.id, State.filed.id], to: nil, by: staff,
                basis: "地方性法规（规范性文件备案审查条例）"
            )
            .gate("地方性法规（规范性文件备案审查条例）", "已报送本级人大常委会备案") { c in
                c.file.facts[NormativeFact.congressFiledOn] == nil
            }
            .then(
                .compute(writes: NormativeFact.congressFiledOn, NormativeFact.congressFilingLate) { c in
                    Facts([
                        NormativeFact.congressFiledOn ~ c.date,
                        NormativeFact.congressFilingLate
                            ~ (c.file.deadline("congressFiling").map { c.date > $0.deadline.due } ?? false),
                    ])
                },
                .stopDeadline("congressFiling")
            ),
            ActionDefinition(
                Step.recordFilingReview, "登记备案审查结论（报备审查、依申请或者主动审查）", from: inForce, to: nil,
                by: filingReviewers,
                basis: "国办发〔2018〕37号"
            )
            .gate("国办发〔2018〕37号", "文件尚未签发印发") { c in issued(c) }
            .looksUp(.actorWithinBody(into: Normative.External.reviewerWithinIssuer))
            .gate("国办发〔2018〕37号", "备案审查由备案机关作出：制定机关及其所属部门不能审查本机关的文件（本级人民政府的文件由上一级人民政府审查）") { c in
                !c.external.flag(Normative.External.reviewerWithinIssuer)
            }
            .asks(
                .init("filingConclusion", "审查结论", .choice(Normative.filingConclusions)),
                .init("filingReviewNotes", "审查意见"),
                .init("correctionDueOn", "责令改正的，改正期限", .date, required: false)
            )
            // 有错必纠: a 责令改正 sets the issuer a date, which runs as its deadline until the document is amended or ended.
            .gate("国办发〔2018〕37号", "责令改正的，应当写明改正期限（晚于今天）", field: "correctionDueOn") { c in
                c.inputs[NormativeFact.filingConclusion] != "correct"
                    || (c.inputs[NormativeFact.correctionDueOn].map { $0 > c.date } ?? false)
            }
            .gate("国办发〔2018〕37号", "只有责令改正的才写改正期限", field: "correctionDueOn") { c in
                c.inputs[NormativeFact.filingConclusion] == "correct" || c.inputs[NormativeFact.correctionDueOn] == nil
            }
            .then(
                .stopDeadline("correction"),
                // Due on the date given — one day from the day before it — started only by a date given in this step.
                .compute(writes: NormativeFact.correctionFrom) { c in
                    c.inputs[NormativeFact.correctionDueOn].map {
                        Facts([NormativeFact.correctionFrom ~ $0.adding(days: -1)])
                    } ?? Facts()
                },
                .startDeadline(
                    DeadlineRule(
                        "correction", "按备案审查意见改正", days: 1, .day, article: "国办发〔2018〕37号（有错必纠）",
                        fromFact: "correctionFrom"),
                    onlyIf: { $0.inputs[NormativeFact.correctionDueOn] != nil })
            ),
            ActionDefinition(
                Step.end, "废止或者宣布失效", from: inForce, to: State.ended.id, by: staff,
                basis: "国办发〔2018〕37号；政府信息公开条例 第二十六条"
            )
            .gate("国办发〔2018〕37号", "文件尚未签发印发") { c in issued(c) }
            .asks(
                .init("ending", "废止或者失效", .choice(Normative.endings)),
                .init("endingReason", "理由（清理结论）"),
                .init("endingDecision", "废止或者宣布失效的决定（文号，或者清理结果的名称）"),
                .init("endingMeetingOn", "集体审议之日", .date),
                .init("endedOn", "决定公布之日（自该日起不再有效）", .date)
            )
            // As the document was made: decided collectively, and published — a repeal nobody could read leaves it
            // in force for the public (政府信息公开条例 第二十六条: 变更 published within 20 working days).
            .gate("国办发〔2018〕37号", "集体审议之日不能晚于决定公布之日", field: "endingMeetingOn") { c in
                c.inputs[NormativeFact.endingMeetingOn]! <= c.inputs[NormativeFact.endedOn]!
            }
            .gate("政府信息公开条例 第二十六条", "决定公布之日不能晚于今天，也不能早于文件公布之日", field: "endedOn") { c in
                let on = c.inputs[NormativeFact.endedOn]!
                return on <= c.date && on >= (c.file.facts[NormativeFact.publishedOn] ?? on)
            }
            .then(
                .compute(writes: NormativeFact.outcome) { c in
                    Facts([NormativeFact.outcome ~ (c.inputs[NormativeFact.ending] ?? "")])
                },
                .stopDeadline("validity"), .stopDeadline("evaluation"), .stopDeadline("publication"),
                .stopDeadline("filing"), .stopDeadline("correction"),
                .stopDeadline("congressFiling")
            ),
            // 评估 before the 有效期 ends: 继续有效 (a new period), 修改 (a new draft) or 废止.
            ActionDefinition(
                Step.evaluate, "有效期届满前评估", from: inForce, to: nil, by: staff, basis: "本地规定（有效期届满前评估）"
            )
            .gate("国办发〔2018〕37号", "文件尚未签发印发") { c in issued(c) }
            .asks(
                .init("evaluationConclusion", "评估结论", .choice(Normative.evaluationConclusions)),
                .init("evaluationNotes", "评估情况"),
                .init("extendedUntil", "继续有效的，新的有效期至（最后一日）", .date, required: false),
                .init("extensionPublishedOn", "继续有效的，公布继续有效决定之日", .date, required: false)
            )
            .gate("有效期：本地规定", "有效期已经届满，不能再评估继续有效；需要的应当重新制定") { c in !overdue(c, "validity") }
            .gate("本地规定", "继续有效的，应当写明新的有效期", field: "extendedUntil") { c in
                c.inputs[NormativeFact.evaluationConclusion] != "continue"
                    || (c.inputs[NormativeFact.extendedUntil].map { $0 >= c.date } ?? false)
            }
            // The new 有效期 changes the document: published as any change is (政府信息公开条例 第二十六条).
            .gate("政府信息公开条例 第二十六条", "继续有效的决定应当公布，请填写公布之日（不晚于今天）", field: "extensionPublishedOn") { c in
                c.inputs[NormativeFact.evaluationConclusion] != "continue"
                    || (c.inputs[NormativeFact.extensionPublishedOn].map { $0 <= c.date } ?? false)
            }
            .then(
                .stopDeadline("evaluation"),
                .compute(
                    writes: NormativeFact.expiresOn, NormativeFact.validUntil, NormativeFact.evaluationDue
                ) { c in
                    guard c.inputs[NormativeFact.evaluationConclusion] == "continue",
                        let until = c.inputs[NormativeFact.extendedUntil]
                    else { return Facts() }
                    return Normative.validity(endingBefore: until.adding(days: 1), c.settings)
                },
                .startDeadlineUntil(
                    key: "validity", name: "有效期届满（经评估继续有效，最后一日）", dateFact: "validUntil",
                    article: "有效期：本地规定", holder: .other)
            ),
            // 备案审查 that revokes the document (or asks the 人大常委会 to): it ends on the day of that decision.
            ActionDefinition(
                Step.revokeOnReview, "备案审查撤销", from: inForce, to: State.ended.id, by: staff.union(filingReviewers),
                basis: "国办发〔2018〕37号（有错必纠）"
            )
            .gate("国办发〔2018〕37号", "文件尚未签发印发") { c in issued(c) }
            .asks(
                .init("endingDecision", "撤销决定的文号"),
                .init("endingReason", "撤销理由"),
                .init("endedOn", "撤销决定作出之日", .date)
            )
            .gate("国办发〔2018〕37号", "备案审查结论不是撤销（提请撤销的，待有权机关作出撤销决定后再登记）") { c in
                c.file.facts[NormativeFact.filingConclusion] == "revoke"
            }
            .gate("国办发〔2018〕37号", "撤销决定作出之日不能晚于今天，也不能早于文件公布之日", field: "endedOn") { c in
                let on = c.inputs[NormativeFact.endedOn]!
                return on <= c.date && on >= (c.file.facts[NormativeFact.publishedOn] ?? on)
            }
            .then(
                .compute(writes: NormativeFact.outcome, NormativeFact.ending) { _ in
                    Facts([NormativeFact.outcome ~ "revoked", NormativeFact.ending ~ "revoked"])
                },
                .stopDeadline("validity"), .stopDeadline("evaluation"), .stopDeadline("correction")
            ),
            // The 有效期 runs out by itself: the system records it the day after (the document is 失效 from that day).
            ActionDefinition(
                Step.expire, "有效期届满，自动失效", from: inForce.union(amendingStates), to: State.ended.id, by: staff,
                basis: "有效期：本地规定"
            )
            .gate("有效期：本地规定", "有效期尚未届满") { c in overdue(c, "validity") }
            .then(
                .compute(writes: NormativeFact.endedOn, NormativeFact.outcome, NormativeFact.ending) { c in
                    Facts([
                        NormativeFact.endedOn ~ (c.file.facts[NormativeFact.expiresOn] ?? c.date),
                        NormativeFact.outcome ~ "expired", NormativeFact.ending ~ "expired",
                    ])
                },
                .stopDeadline("validity"), .stopDeadline("evaluation"), .stopDeadline("publication"),
                .stopDeadline("filing"), .stopDeadline("correction"),
                .stopDeadline("congressFiling")
            ),
        ]
    }
}

extension Normative {
    public enum External {
        /// The next 文号 of the issuer's 规范性文件 (清政规〔2026〕3号): one sequence per issuer and year.
        public static let documentNumber = "normative.number"
        /// The draft's public comments (`CaseLookup.publicComments`).
        public static let comments = "normative.comments"
        /// Whether the user recording a 备案审查 works for the issuer or under it (`CaseLookup.actorWithinBody`).
        public static let reviewerWithinIssuer = "normative.reviewerWithinIssuer"
        /// Whether the body is on the 制定主体清单 (`CaseLookup.onList`).
        public static let issuers = "normative.issuers"
    }
}

extension CivilDate {
    /// The same day `years` later — the first day after a period of whole years — and 1 March for 29 February in a common
    /// year (the period's last day is then 28 February).
    func addingYearsClamped(_ years: Int) -> CivilDate {
        CivilDate(year: year + years, month: month, day: day)
            ?? CivilDate(year: year + years, month: 3, day: 1) ?? self
    }
}
