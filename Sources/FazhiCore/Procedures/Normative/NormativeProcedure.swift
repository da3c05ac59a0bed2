import Foundation

/// 行政规范性文件的制定 (国办发〔2018〕37号、115号; 优化营商环境条例 第六十二条至第六十五条; 政府信息公开条例 第二十六条;
/// statutes §D), as data: 起草 (in the year's plan or with a reason), 公开征求意见 for documents touching rights and duties
/// (≥ 7 working days; ≥ 30 days if closely related to business; shorter only with a published reason), 公平竞争审查 where
/// market activity is affected, 合法性审核 (5–15 working days, settings) with its opinion — no 集体审议 without a 合法 or
/// 应当予以修改 opinion on the version reviewed — 集体审议, 统一登记·统一编号·统一印发 (one number per issuer and year), 公布
/// within 20 working days of signing, 备案 within the local period, 备案审查, and its end: 废止, 宣布失效 or the 有效期.
public enum NormativeProcedure {
    public static let id = "normative"
    public static let version = 1

    public enum State {
        public static let new = ProcedureState("new", "待登记")
        public static let drafting = ProcedureState("drafting", "起草中")
        public static let consulting = ProcedureState("consulting", "公开征求意见中")
        public static let reviewing = ProcedureState("reviewing", "合法性审核中")
        public static let reviewed = ProcedureState("reviewed", "审核通过，待集体审议")
        public static let deliberated = ProcedureState("deliberated", "已集体审议，待签发编号")
        public static let issued = ProcedureState("issued", "已印发，待公布")
        public static let published = ProcedureState("published", "已公布，待备案")
        public static let filed = ProcedureState("filed", "已备案")
        public static let ended = ProcedureState("ended", "已废止或者失效", terminal: true)
    }

    public enum Step {
        public static let register = "register_draft"
        public static let openConsultation = "open_consultation"
        public static let closeConsultation = "close_consultation"
        public static let competitionReview = "competition_review"
        public static let submitReview = "submit_review"
        public static let passReview = "pass_review"
        public static let failReview = "fail_review"
        public static let revise = "revise_draft"
        public static let deliberate = "deliberate"
        public static let issue = "issue"
        public static let publish = "publish"
        public static let file = "file"
        public static let recordFilingReview = "record_filing_review"
        public static let end = "end"
        public static let expire = "expire"
        public static let registerExisting = "register_existing"
        public static let revokeOnReview = "revoke_on_review"
        public static let evaluate = "evaluate"
        public static let startAmendment = "start_amendment"
        public static let fileWithCongress = "file_with_congress"
    }

    public static let states = [
        State.new, State.drafting, State.consulting, State.reviewing, State.reviewed, State.deliberated, State.issued,
        State.published, State.filed, State.ended,
    ]
    /// The issuing body's head and its 法制机构 (who records the 司法局's opinion when the 司法局 reviews).
    static let staff: Set<Role> = [.head, .legalReviewer]
    /// 合法性审核 is the 司法行政部门's or the 法制机构's (115号), recorded by the 法制审核人员, never the head.
    static let reviewers: Set<Role> = [.legalReviewer]
    /// 备案审查 is the receiving body's: the 司法行政部门 (监督人员) for the government, wherever they read the issuer.
    static let filingReviewers: Set<Role> = [.supervisor]
    /// Where an amendment of a document in force runs (its 有效期 runs on meanwhile, and may end it).
    static let amendingStates: Set<String> = [
        State.drafting.id, State.consulting.id, State.reviewing.id, State.reviewed.id, State.deliberated.id,
    ]
    /// A document issued and not ended — also while an amendment of it runs (the old text stays in force). The steps
    /// from these states that need an issued document say so (`mustBeIssued`).
    static let inForce: Set<String> = amendingStates.union([State.issued.id, State.published.id, State.filed.id])
    /// Whether the step was taken for the text now being drafted: after the last 启动修改 (an amendment is consulted
    /// and reviewed afresh — 优化营商环境条例 第六十二条、第六十三条 apply to each text made).
    static func takenThisRound(_ f: CaseFile, _ action: String) -> Bool {
        let start = f.steps.lastIndex { $0.action == Step.startAmendment } ?? -1
        return f.steps.indices.contains { $0 > start && f.steps[$0].action == action }
    }

    /// The 施行日期 of the text about to be published: an amendment's own, else the document's.
    static func publishingEffectiveOn(_ f: CaseFile) -> CivilDate {
        (f.facts[NormativeFact.publishedOn] != nil ? f.facts[NormativeFact.amendmentEffectiveOn] : nil)
            ?? f.facts[NormativeFact.effectiveOn] ?? .init(year: 2000, month: 1, day: 1)!
    }

    /// A draft is written in articles, one a line (第一条…): what the consultation comments on, the versions compare.
    static func inArticles(_ text: String?) -> Bool { !PublicConsultation.articles(text ?? "").isEmpty }

    /// Steps on a document in force need it issued (a first draft in the same states is not yet a document).
    static func issued(_ c: StepContext) -> Bool { c.file.facts[NormativeFact.documentNumber] != nil }

    static func overdue(_ c: StepContext, _ key: String) -> Bool {
        guard let d = c.file.deadline(key), d.isRunning else { return false }
        return c.date > d.deadline.due
    }

    public static func definition(_ s: ProcedureSettings) -> ProcedureDefinition {
        var d = ProcedureDefinition(
            id: id, version: version, name: "行政规范性文件", instrument: "国办发〔2018〕37号、115号；《优化营商环境条例》",
            initial: State.new.id, states: states,
            actions: draftingSteps(s) + issuingSteps(s) + [existingStep(s), amendmentStep(s)],
            kind: .normative,
            opening: OpeningRule(
                staff, article: "国办发〔2018〕37号",
                refusal: "只有制定机关的负责人或者法制机构可以登记规范性文件草案（严禁以内设机构名义发文）"),
            numbering: CaseNumbering("规草", issuer: .organisation), presentation: presentation)
        d.onExpiry = ["validity": Step.expire]
        d.rolesHeldAtBody = true
        d.rolesHeldWhereRead = filingReviewers
        d.consultation = ConsultationRule(
            state: State.consulting.id, textFact: NormativeFact.draftText.id,
            summaryFact: NormativeFact.draftSummary.id,
            shortPeriodReasonFact: NormativeFact.shortPeriodReason.id)
        d.casePages = [CasePage("公众意见", path: "comments")]
        d.statistics = statistics
        return d
    }

    static func draftingSteps(_ s: ProcedureSettings) -> [ActionDefinition] {
        [
            ActionDefinition(
                Step.register, "登记起草", from: [State.new.id], to: State.drafting.id, by: staff, basis: "国办发〔2018〕37号"
            )
            .asks(
                .init("title", "文件名称"),
                .init("documentKind", "文种", .choice(Normative.documentKinds)),
                .init("provisional", "暂行或者试行", .bool, required: false),
                .init("touchesRights", "涉及公民、法人和其他组织权利义务", .bool, required: false),
                .init("businessRelated", "与市场主体生产经营活动密切相关", .bool, required: false),
                .init("affectsMarket", "涉及市场主体经济活动（须公平竞争审查）", .bool, required: false),
                .init("inPlan", "列入年度制定计划", .bool, required: false),
                .init("notInPlanReason", "未列入计划的理由", required: false),
                .init("draftSummary", "起草说明"),
                .init("draftText", "草案文本（每条一行，以“第…条”开头）")
            )
            .looksUp(.onList(Normative.issuerList, into: Normative.External.issuers))
            .gate("国办发〔2018〕37号", "本机关不在行政规范性文件制定主体清单内，不能制发规范性文件（严禁以内设机构名义发文）") { c in
                !c.external.flag("\(Normative.External.issuers).published")
                    || c.external.flag("\(Normative.External.issuers).listed")
            }
            .gate("系统限制", "草案文本不超过50000字", field: "draftText") { c in
                (c.inputs[NormativeFact.draftText] ?? "").count <= 50_000
            }
            .gate("国办发〔2018〕37号", "草案文本应当按条书写：每条一行，以“第…条”开头", field: "draftText") { c in
                inArticles(c.inputs[NormativeFact.draftText])
            }
            .gate("系统限制", "文件名称不超过100字", field: "title") { c in
                (c.inputs[NormativeFact.title] ?? "").count <= 100
            }
            .gate("国办发〔2018〕37号", "未列入年度制定计划的，应当说明理由", field: "notInPlanReason") { c in
                c.inputs.flag(NormativeFact.inPlan) || !(c.inputs[NormativeFact.notInPlanReason] ?? "").trimmed.isEmpty
            }
            .then(
                .compute(writes: NormativeFact.draftVersion, NormativeFact.partyName) { c in
                    Facts([
                        NormativeFact.draftVersion ~ 1.0,
                        NormativeFact.partyName ~ (c.inputs[NormativeFact.title] ?? ""),
                    ])
                }),
            ActionDefinition(
                Step.openConsultation, "公开征求意见", from: [State.drafting.id], to: State.consulting.id, by: staff,
                basis: "国办发〔2018〕37号；优化营商环境条例 第六十二条"
            )
            .asks(
                .init("consultationUntil", "征求意见截止日期", .date),
                .init("shortPeriodReason", "缩短期限的理由（与草案一并公开）", required: false)
            )
            .gate("国办发〔2018〕37号", "征求意见截止日期不能早于公开之日", field: "consultationUntil") { c in
                c.inputs[NormativeFact.consultationUntil]! >= c.date
            }
            .gate("优化营商环境条例 第六十二条", "与市场主体生产经营活动密切相关的，征求意见期限一般不少于30日；缩短的应当说明理由", field: "consultationUntil") { c in
                !c.file.facts.flag(NormativeFact.businessRelated) || hasShortReason(c)
                    || c.inputs[NormativeFact.consultationUntil]! >= c.date.adding(days: Normative.businessCommentDays)
            }
            .gate("国办发〔2018〕37号", "征求意见期限一般不少于7个工作日；缩短的应当说明理由", field: "consultationUntil") { c in
                let earliest = try c.calendar.due(from: c.date, days: Normative.rightsCommentWorkdays, unit: .workday)
                return hasShortReason(c) || c.inputs[NormativeFact.consultationUntil]! >= earliest
            }
            .then(
                .startDeadlineUntil(
                    key: "consultation", name: "公开征求意见期满", dateFact: "consultationUntil",
                    article: "国办发〔2018〕37号；优化营商环境条例 第六十二条", holder: .other)),
            ActionDefinition(
                Step.closeConsultation, "征求意见结束，汇总采纳情况", from: [State.consulting.id], to: State.drafting.id, by: staff,
                basis: "国办发〔2018〕37号"
            )
            .asks(
                .init("offlineComments", "其他渠道（信函、座谈会等）收到的意见条数", .number, required: false),
                .init("offlineAdopted", "其中采纳或者部分采纳的条数", .number, required: false),
                .init("adoptionSummary", "意见采纳情况（采纳、部分采纳、不采纳及理由）")
            )
            .looksUp(.publicComments(into: Normative.External.comments))
            .gate("国办发〔2018〕37号", "征求意见期限尚未届满") { c in
                c.date > (c.file.facts[NormativeFact.consultationUntil] ?? c.date)
            }
            .gate("国办发〔2018〕37号", "门户网站收到的意见尚有未答复的，应当逐组答复（采纳、部分采纳或者不采纳及理由）") { c in
                (c.external.number("\(Normative.External.comments).unanswered") ?? 0) == 0
            }
            .gate("国办发〔2018〕37号", "意见条数应为整数，采纳条数不能多于收到条数", field: "offlineAdopted") { c in
                let r = c.inputs[NormativeFact.offlineComments] ?? 0, a = c.inputs[NormativeFact.offlineAdopted] ?? 0
                return r == r.rounded() && a == a.rounded() && a <= r && r <= 1_000_000
            }
            .then(
                .compute(writes: NormativeFact.commentsReceived, NormativeFact.commentsAdopted) { c in
                    let k = Normative.External.comments
                    return Facts([
                        NormativeFact.commentsReceived
                            ~ ((c.external.number("\(k).received") ?? 0)
                                + (c.inputs[NormativeFact.offlineComments] ?? 0)),
                        NormativeFact.commentsAdopted
                            ~ ((c.external.number("\(k).adopted") ?? 0) + (c.inputs[NormativeFact.offlineAdopted] ?? 0)),
                    ])
                }
            )
            .then(.stopDeadline("consultation")),
            ActionDefinition(
                Step.competitionReview, "公平竞争审查", from: [State.drafting.id], to: nil, by: staff,
                basis: "优化营商环境条例 第六十三条"
            )
            .asks(
                .init("competitionConclusion", "审查结论", .choice(Normative.competitionConclusions)),
                .init("competitionNotes", "审查情况")
            )
            .gate("优化营商环境条例 第六十三条第一款", "本文件未登记为与市场主体生产经营活动相关") { c in
                c.file.facts.flag(NormativeFact.affectsMarket) || c.file.facts.flag(NormativeFact.businessRelated)
            },
            ActionDefinition(
                Step.submitReview, "提交合法性审核", from: [State.drafting.id], to: State.reviewing.id, by: staff,
                basis: "国办发〔2018〕115号；优化营商环境条例 第六十三条第二款"
            )
            .asks(
                .init("reviewingBody", "合法性审核机构（司法行政部门或者本机关法制机构）"),
                .init("emergencyReason", "未公开征求意见的理由（紧急情况等）", required: false),
                .init("confidentialReason", "依法需要保密、不公开征求意见的理由", required: false)
            )
            .gate(
                "优化营商环境条例 第六十二条第二款", "除依法需要保密外，与市场主体生产经营活动密切相关的，应当先向社会公开征求意见（依法需要保密的请写明理由）",
                field: "confidentialReason"
            ) { c in
                !c.file.facts.flag(NormativeFact.businessRelated) || takenThisRound(c.file, Step.closeConsultation)
                    || !(c.inputs[NormativeFact.confidentialReason] ?? "").trimmed.isEmpty
            }
            .gate("国办发〔2018〕37号", "涉及公民、法人和其他组织权利义务的，应当先公开征求意见（紧急情况的请写明理由）", field: "emergencyReason") { c in
                !c.file.facts.flag(NormativeFact.touchesRights) || takenThisRound(c.file, Step.closeConsultation)
                    || !(c.inputs[NormativeFact.emergencyReason] ?? "").trimmed.isEmpty
                    || !(c.inputs[NormativeFact.confidentialReason] ?? "").trimmed.isEmpty
            }
            .gate("国办发〔2018〕115号", "审核不合法的草案，应当修改后再提交审核") { c in
                c.file.facts[NormativeFact.failedVersion] != c.file.facts[NormativeFact.draftVersion]
            }
            .gate("优化营商环境条例 第六十三条第一款", "与市场主体生产经营活动密切相关或者涉及市场主体经济活动的，应当先进行公平竞争审查，且结论不是“不符合”") { c in
                !(c.file.facts.flag(NormativeFact.affectsMarket) || c.file.facts.flag(NormativeFact.businessRelated))
                    || (takenThisRound(c.file, Step.competitionReview)
                        && c.file.facts[NormativeFact.competitionConclusion] != "noncompliant")
            }
            .then(
                .startDeadline(
                    DeadlineRule(
                        "review", "合法性审核", days: s.normativeReviewMaxWorkdays, .workday,
                        article: "国办发〔2018〕115号（审核时间最长15个工作日，本地设置）"))),
            ActionDefinition(
                Step.passReview, "合法性审核通过（合法或者应当予以修改）", from: [State.reviewing.id], to: State.reviewed.id,
                by: reviewers, basis: "国办发〔2018〕115号"
            )
            .asks(
                .init("reviewOpinion", "审核意见", .choice(Normative.reviewOpinions)),
                .init("reviewer", "审核人（不填的为本人；司法行政部门审核的填其审核人）", required: false),
                .init("reviewProblems", "发现的问题（对照“不得”清单）", .list, required: false),
                .init("reviewText", "审核意见书内容"),
                .init("expeditedReason", "审核不足5个工作日的理由", required: false)
            )
            .gate("国办发〔2018〕115号；本地设置", "合法性审核时间一般不少于5个工作日；不足的请写明理由", field: "expeditedReason") { c in
                guard let submitted = c.file.lastStep(Step.submitReview)?.on else { return true }
                let earliest = try c.calendar.due(
                    from: submitted, days: c.settings.normativeReviewMinWorkdays, unit: .workday)
                return c.date >= earliest || !(c.inputs[NormativeFact.expeditedReason] ?? "").trimmed.isEmpty
            }
            .gate("国办发〔2018〕115号", "应当予以修改的，应当列明需要修改的问题", field: "reviewProblems") { c in
                c.inputs[NormativeFact.reviewOpinion] != "legal_after_changes"
                    || !c.inputs.list(NormativeFact.reviewProblems).isEmpty
            }
            .gate("系统限制", "审核意见书内容不超过20000字", field: "reviewText") { c in
                (c.inputs[NormativeFact.reviewText] ?? "").count <= 20_000
            }
            .then(
                .stopDeadline("review"),
                .compute(writes: NormativeFact.reviewedVersion, NormativeFact.reviewer) { c in
                    Facts([
                        NormativeFact.reviewedVersion ~ (c.file.facts[NormativeFact.draftVersion] ?? 1),
                        NormativeFact.reviewer ~ (c.inputs[NormativeFact.reviewer] ?? c.actor.name),
                    ])
                }
            )
            .produces(.normativeReviewOpinion),
            ActionDefinition(
                Step.failReview, "合法性审核不通过（不合法）", from: [State.reviewing.id], to: State.drafting.id,
                by: reviewers, basis: "国办发〔2018〕115号"
            )
            .asks(
                .init("reviewer", "审核人（不填的为本人；司法行政部门审核的填其审核人）", required: false),
                .init("reviewProblems", "发现的问题（对照“不得”清单）", .list),
                .init("reviewText", "审核意见书内容")
            )
            .then(
                .stopDeadline("review"),
                .compute(writes: NormativeFact.failedVersion, NormativeFact.reviewer) { c in
                    Facts([
                        NormativeFact.failedVersion ~ (c.file.facts[NormativeFact.draftVersion] ?? 1),
                        NormativeFact.reviewer ~ (c.inputs[NormativeFact.reviewer] ?? c.actor.name),
                    ])
                }
            )
            .produces(.normativeReviewOpinion),
            ActionDefinition(
                Step.revise, "修改草案（须重新审核）", from: [State.drafting.id, State.reviewed.id], to: State.drafting.id,
                by: staff, basis: "国办发〔2018〕115号"
            )
            .asks(
                .init("revisionReason", "修改理由"), .init("draftSummary", "修改后的起草说明"),
                .init("draftText", "修改后的草案文本")
            )
            .gate("系统限制", "草案文本不超过50000字", field: "draftText") { c in
                (c.inputs[NormativeFact.draftText] ?? "").count <= 50_000
            }
            .gate("国办发〔2018〕37号", "草案文本应当按条书写：每条一行，以“第…条”开头", field: "draftText") { c in
                inArticles(c.inputs[NormativeFact.draftText])
            }
            .then(
                .compute(writes: NormativeFact.draftVersion) { c in
                    Facts([NormativeFact.draftVersion ~ ((c.file.facts[NormativeFact.draftVersion] ?? 1) + 1)])
                }),
        ]
    }

    static func hasShortReason(_ c: StepContext) -> Bool {
        !(c.inputs[NormativeFact.shortPeriodReason] ?? "").trimmed.isEmpty
    }
}
