import Foundation

/// 重大行政决策 (《重大行政决策程序暂行条例》, 国务院令第713号; statutes §C), as data: 启动 (the 决策事项目录, or a reason and
/// the catalogue adjusted), 公众参与 (≥ 30 days of public comment, a hearing with its materials ≥ 7 days ahead), 专家论证,
/// 风险评估 (no submission while the risk is uncontrollable), 合法性审查 by the 司法局 (≥ 7 working days, legal advisers'
/// opinions) — no 集体讨论 without it unless an exploratory reform states its legal risks — 集体讨论决定 at a 常务会议 or
/// 全体会议 with the 行政首长 speaking last, 报告党委, 公布 with 解读, 执行, 中止, 调整 or 停止 only by the procedure again,
/// 后评估 (never by the pre-decision evaluator) and 归档.
public enum MajorDecisionProcedure {
    public static let id = "major_decision"
    public static let version = 1

    public enum State {
        public static let new = ProcedureState("new", "待启动")
        public static let drafting = ProcedureState("drafting", "拟订决策草案")
        public static let consulting = ProcedureState("consulting", "公开征求意见中")
        public static let reviewing = ProcedureState("reviewing", "合法性审查中")
        public static let reviewed = ProcedureState("reviewed", "审查通过，待集体讨论")
        public static let decided = ProcedureState("decided", "已集体讨论决定，待公布")
        public static let executing = ProcedureState("executing", "执行中")
        public static let suspended = ProcedureState("suspended", "中止执行")
        public static let rejected = ProcedureState("rejected", "集体讨论未通过", terminal: true)
        public static let ended = ProcedureState("ended", "已停止执行", terminal: true)
    }

    public enum Step {
        public static let start = "start_decision"
        public static let openConsultation = "open_consultation"
        public static let closeConsultation = "close_consultation"
        public static let hearing = "hold_hearing"
        public static let expertReview = "expert_review"
        public static let riskAssessment = "risk_assessment"
        public static let competitionReview = "competition_review"
        public static let revise = "revise_draft"
        public static let submitReview = "submit_review"
        public static let passReview = "pass_review"
        public static let failReview = "fail_review"
        public static let decide = "decide"
        public static let reject = "reject"
        public static let rejectAdjustment = "reject_adjustment"
        public static let otherParticipation = "hear_public"
        public static let deferDecision = "defer"
        public static let reportToParty = "report_to_party"
        public static let publish = "publish"
        public static let publishStop = "publish_stop"
        public static let reportProgress = "report_progress"
        public static let suspend = "suspend"
        public static let resume = "resume"
        public static let startAdjustment = "start_adjustment"
        public static let evaluate = "evaluate"
        public static let archive = "archive"
    }

    public static let states = [
        State.new, State.drafting, State.consulting, State.reviewing, State.reviewed, State.decided, State.executing,
        State.suspended, State.rejected, State.ended,
    ]
    /// The 决策机关's head and its office (法制机构) take the steps of the 承办 and the meeting record.
    static let staff: Set<Role> = [.head, .legalReviewer]
    /// 合法性审查 by the 负责合法性审查的部门 (第二十五条): the 司法局 (its 监督人员, wherever they read) or the 法制机构.
    static let reviewers: Set<Role> = [.legalReviewer, .supervisor]
    /// 第三十条: the 行政首长 decides; 第三十七条: and alone may suspend first.
    static let chiefs: Set<Role> = [.head]

    /// Where the catalogue lookup puts what it finds (`CaseLookup.listedItems`).
    static let catalogueKey = "catalogue"

    /// Whether the step was taken for the draft now being made: after the last 启动调整 (第三十七条: a major adjustment
    /// runs the procedure again).
    static func takenThisRound(_ f: CaseFile, _ action: String) -> Bool {
        let start = f.steps.lastIndex { $0.action == Step.startAdjustment } ?? -1
        return f.steps.indices.contains { $0 > start && f.steps[$0].action == action }
    }

    static func filled(_ c: StepContext, _ key: String) -> Bool { !(c.inputs.text(key) ?? "").trimmed.isEmpty }

    /// Whether an adjustment that stops the decision is under way.
    static func stopping(_ f: CaseFile) -> Bool { f.facts[MajorDecisionFact.adjustment] == "stop" }

    public static func definition(_ s: ProcedureSettings) -> ProcedureDefinition {
        var d = ProcedureDefinition(
            id: id, version: version, name: "重大行政决策", instrument: "《重大行政决策程序暂行条例》（国务院令第713号）",
            initial: State.new.id, states: states,
            actions: draftingSteps(s) + reviewSteps(s) + meetingSteps() + executionSteps(),
            kind: .decision,
            opening: OpeningRule(
                staff, article: "重大行政决策程序暂行条例 第十一条",
                refusal: "重大行政决策由决策机关（县级以上人民政府；部门和乡镇人民政府参照，第四十二条）决定启动，由其负责人或者法制机构登记"),
            numbering: CaseNumbering("重决", issuer: .organisation), presentation: presentation)
        d.rolesHeldAtBody = true
        d.rolesHeldWhereRead = [.supervisor]
        d.consultation = ConsultationRule(
            state: State.consulting.id, textFact: MajorDecisionFact.draftText.id,
            summaryFact: MajorDecisionFact.draftSummary.id,
            shortPeriodReasonFact: MajorDecisionFact.shortPeriodReason.id)
        d.casePages = [CasePage("公众意见", path: "comments")]
        d.statistics = statistics
        return d
    }

    static func draftLimits(_ a: ActionDefinition) -> ActionDefinition {
        a.gate("系统限制", "决策草案不超过50000字", field: "draftText") { c in
            (c.inputs[MajorDecisionFact.draftText] ?? "").count <= 50_000
        }
        .gate("系统限制", "决策草案说明不超过20000字", field: "draftSummary") { c in
            (c.inputs[MajorDecisionFact.draftSummary] ?? "").count <= 20_000
        }
    }

    static func draftingSteps(_ s: ProcedureSettings) -> [ActionDefinition] {
        typealias F = MajorDecisionFact
        return [
            draftLimits(
                ActionDefinition(
                    Step.start, "决定启动决策程序", from: [State.new.id], to: State.drafting.id, by: staff,
                    basis: "重大行政决策程序暂行条例 第十条、第十一条"
                )
                .asks(
                    InputField("catalogueItem", "决策事项目录中的事项", required: false).picking(
                        .listedItems(
                            procedure: DecisionCatalogueProcedure.id,
                            fact: DecisionCatalogueProcedure.Fact.publishedItems.id)),
                    .init("title", "决策事项名称（未列入目录的填写）", required: false),
                    .init("outsideCatalogueReason", "未列入决策事项目录的理由", required: false),
                    .init("category", "决策事项类别", .choice(MajorDecision.categories)),
                    .init("source", "建议来源", .choice(MajorDecision.sources)),
                    .init("proposer", "建议提出者"),
                    .init("necessity", "拟解决的主要问题、建议理由和依据、初步方案及其必要性、可行性", required: false),
                    .init("undertaker", "决策承办单位（目录已列明的可不填）", required: false),
                    .init("affectsMarket", "涉及市场主体经济活动（须公平竞争审查）", .bool, required: false),
                    .init("specialised", "专业性、技术性较强（须专家论证）", .bool, required: false),
                    .init("stabilityRisk", "可能对社会稳定、公共安全等造成不利影响（须风险评估）", .bool, required: false),
                    .init("draftSummary", "决策草案说明"),
                    .init("draftText", "决策草案"),
                    .init("options", "备选方案（有较大分歧的，每行一个）", .list, required: false),
                    .init("consultedUnits", "已协商的部门、下一级人民政府等单位", .list, required: false),
                    .init("disagreements", "不能取得一致的：争议的主要问题、各方意见和理由", required: false)
                )
                .looksUp(
                    .listedItems(
                        procedure: DecisionCatalogueProcedure.id,
                        fact: DecisionCatalogueProcedure.Fact.publishedItems.id, into: catalogueKey),
                    .otherCasesFact(
                        procedure: id, fact: MajorDecisionFact.catalogueItem.id, excludingStates: [State.rejected.id],
                        into: "startedItems"))
            )
            .gate("系统限制", "该目录事项已经启动决策程序，不能重复启动（请在原决策中办理）", field: "catalogueItem") { c in
                !c.external.list("startedItems").contains((c.inputs[F.catalogueItem] ?? "").trimmed)
                    || (c.inputs[F.catalogueItem] ?? "").trimmed.isEmpty
            }
            .gate("系统限制", "建议提出者、决策承办单位不超过100字", field: "proposer") { c in
                (c.inputs[F.proposer] ?? "").count <= 100 && (c.inputs[F.undertaker] ?? "").count <= 100
            }
            .gate("重大行政决策程序暂行条例 第三条第三款", "请选择决策事项目录中的事项，或者填写决策事项名称", field: "title") { c in
                filled(c, F.catalogueItem.id) || filled(c, F.title.id)
            }
            .gate("系统限制", "决策事项名称不超过100字", field: "title") { c in
                (c.inputs[F.title] ?? "").count <= 100
            }
            .gate("重大行政决策程序暂行条例 第三条第三款", "所选事项不在已公布的本年度（或者下一年度）决策事项目录中", field: "catalogueItem") { c in
                guard let item = c.inputs[F.catalogueItem], !item.trimmed.isEmpty else { return true }
                let p = MajorDecision.parts(item)
                return c.external.list(catalogueKey).contains(item)
                    && [String(c.date.year), String(c.date.year + 1)].contains(p.first ?? "")
            }
            .gate("重大行政决策程序暂行条例 第三条第三款", "未列入决策事项目录的，应当写明理由，并调整目录（经同级党委同意后公布）", field: "outsideCatalogueReason") { c in
                filled(c, F.catalogueItem.id) || filled(c, F.outsideCatalogueReason.id)
                    || DecisionCatalogueProcedure.lists(
                        c.external.list(catalogueKey), title: c.inputs[F.title] ?? "", year: c.date.year)
            }
            .gate("重大行政决策程序暂行条例 第十条第二项", "所属部门或者下一级人民政府提出的建议，应当论证拟解决的主要问题、建议理由和依据、初步方案及其必要性、可行性", field: "necessity") {
                c in
                c.inputs[F.source] != "department" || filled(c, F.necessity.id)
            }
            .gate("重大行政决策程序暂行条例 第十一条", "应当明确决策承办单位", field: "undertaker") { c in
                filled(c, F.undertaker.id) || MajorDecision.parts(c.inputs[F.catalogueItem] ?? "").count >= 3
            }
            .then(
                .compute(writes: F.title, F.partyName, F.undertaker, F.draftVersion) { c in
                    let p = MajorDecision.parts(c.inputs[F.catalogueItem] ?? "")
                    let title = p.count >= 2 ? p[1] : (c.inputs[F.title] ?? "").trimmed
                    let undertaker =
                        filled(c, F.undertaker.id) ? (c.inputs[F.undertaker] ?? "") : (p.count >= 3 ? p[2] : "")
                    return Facts([
                        F.title ~ title, F.partyName ~ title, F.undertaker ~ undertaker, F.draftVersion ~ 1.0,
                    ])
                }),
            ActionDefinition(
                Step.openConsultation, "向社会公开征求意见", from: [State.drafting.id], to: State.consulting.id, by: staff,
                basis: "重大行政决策程序暂行条例 第十五条"
            )
            .asks(
                .init("consultationUntil", "征求意见截止日期", .date),
                .init("shortPeriodReason", "因情况紧急等缩短期限的理由（与草案一并公开）", required: false)
            )
            .gate("重大行政决策程序暂行条例 第十五条", "征求意见截止日期不能早于公开之日", field: "consultationUntil") { c in
                c.inputs[F.consultationUntil]! >= c.date
            }
            .gate("重大行政决策程序暂行条例 第十五条", "公开征求意见的期限一般不少于30日；因情况紧急等原因缩短的，应当在征求意见时说明理由", field: "consultationUntil") { c in
                filled(c, F.shortPeriodReason.id)
                    || c.inputs[F.consultationUntil]! >= c.date.adding(days: MajorDecision.commentDays)
            }
            .then(
                .startDeadlineUntil(
                    key: "consultation", name: "公开征求意见期满", dateFact: "consultationUntil",
                    article: "重大行政决策程序暂行条例 第十五条", holder: .other)),
            ActionDefinition(
                Step.closeConsultation, "征求意见结束，归纳整理采纳意见", from: [State.consulting.id], to: State.drafting.id,
                by: staff, basis: "重大行政决策程序暂行条例 第十八条"
            )
            .asks(
                .init("offlineComments", "座谈会、信函等其他方式收到的意见条数", .number, required: false),
                .init("offlineAdopted", "其中采纳或者部分采纳的条数", .number, required: false),
                .init("adoptionSummary", "意见研究采纳情况（采纳、部分采纳、不采纳及理由）")
            )
            .looksUp(.publicComments(into: "comments"))
            .gate("重大行政决策程序暂行条例 第十五条", "征求意见期限尚未届满") { c in
                c.date > (c.file.facts[F.consultationUntil] ?? c.date)
            }
            .gate("重大行政决策程序暂行条例 第十八条", "门户网站收到的意见尚有未研究答复的：请在“公众意见”页对每组相同意见作出采纳、部分采纳或者不采纳（说明理由）的答复") { c in
                (c.external.number("comments.unanswered") ?? 0) == 0
            }
            .gate("系统限制", "意见条数应为整数，采纳条数不能多于收到条数", field: "offlineAdopted") { c in
                let r = c.inputs[F.offlineComments] ?? 0, a = c.inputs[F.offlineAdopted] ?? 0
                return r == r.rounded() && a == a.rounded() && a <= r && r <= 1_000_000
            }
            .then(
                .compute(writes: F.commentsReceived, F.commentsAdopted) { c in
                    Facts([
                        F.commentsReceived
                            ~ ((c.external.number("comments.received") ?? 0) + (c.inputs[F.offlineComments] ?? 0)),
                        F.commentsAdopted
                            ~ ((c.external.number("comments.adopted") ?? 0) + (c.inputs[F.offlineAdopted] ?? 0)),
                    ])
                },
                .stopDeadline("consultation")),
            hearingStep(),
            otherParticipationStep(),
            expertStep(),
            riskStep(),
            ActionDefinition(
                Step.competitionReview, "公平竞争审查", from: [State.drafting.id, State.consulting.id], to: nil, by: staff,
                basis: "重大行政决策程序暂行条例 第二十九条第一项"
            )
            .asks(
                .init("competitionConclusion", "审查结论", .choice(FairCompetitionReview.conclusions)),
                .init("competitionNotes", "审查情况")
            )
            .gate("重大行政决策程序暂行条例 第二十九条第一项", "本决策未登记为涉及市场主体经济活动，无须进行公平竞争审查") { c in
                c.file.facts.flag(F.affectsMarket.id)
            },
            draftLimits(
                ActionDefinition(
                    Step.revise, "修改决策草案（须重新审查）", from: [State.drafting.id, State.reviewed.id],
                    to: State.drafting.id, by: staff, basis: "重大行政决策程序暂行条例 第十八条、第二十四条、第二十八条"
                )
                .asks(
                    .init("revisionReason", "修改理由"), .init("draftSummary", "修改后的决策草案说明"),
                    .init("draftText", "修改后的决策草案"))
            )
            .then(
                .compute(writes: F.draftVersion) { c in
                    Facts([F.draftVersion ~ ((c.file.facts[F.draftVersion] ?? 1) + 1)])
                }),
        ]
    }

    static func hearingStep() -> ActionDefinition {
        typealias F = MajorDecisionFact
        return ActionDefinition(
            Step.hearing, "召开听证会", from: [State.drafting.id, State.consulting.id], to: nil, by: staff,
            basis: "重大行政决策程序暂行条例 第十六条、第十七条"
        )
        .asks(
            .init("hearingNoticeOn", "公布听证时间、地点、草案和参加人名单之日", .date),
            .init("participantRules", "听证参加人遴选办法"),
            .init("participants", "听证参加人（每行一人：姓名｜代表的方面）", .list, personName: true),
            .init("materialsSentOn", "听证会材料送达参加人之日", .date),
            .init("hearingOn", "听证会日期", .date),
            .init("recordSigned", "听证参加人已确认听证会记录并签字", .bool),
            .init("hearingSummary", "听证会意见及研究采纳情况")
        )
        .gate("系统限制", "听证会日期应在决策启动之后、办理之日以前", field: "hearingOn") { c in
            c.inputs[F.hearingOn]! <= c.date && c.inputs[F.hearingOn]! >= (c.file.steps.first?.on ?? c.date)
        }
        .gate("重大行政决策程序暂行条例 第十六条第二款、第三款", "听证时间、地点和参加人名单应当提前公布", field: "hearingNoticeOn") { c in
            c.inputs[F.hearingNoticeOn]! < c.inputs[F.hearingOn]!
        }
        .gate("重大行政决策程序暂行条例 第十六条第三款", "听证会材料应当于召开听证会7日前送达听证参加人", field: "materialsSentOn") { c in
            c.inputs[F.materialsSentOn]!.adding(days: MajorDecision.hearingMaterialDays) <= c.inputs[F.hearingOn]!
        }
        .gate("重大行政决策程序暂行条例 第十六条第三款", "应当保证相关各方都有代表参加听证会：至少两名参加人", field: "participants") { c in
            c.inputs.list(F.participants.id).count >= 2
        }
        .gate("重大行政决策程序暂行条例 第十七条第三项", "听证参加人应当确认听证会记录并签字", field: "recordSigned") { c in
            c.inputs.flag(F.recordSigned.id)
        }
    }

    /// 第十四条第二款: 座谈会、实地走访、书面征求意见、问卷调查、民意调查 and the like are ways of hearing the public too.
    static func otherParticipationStep() -> ActionDefinition {
        ActionDefinition(
            Step.otherParticipation, "以座谈会、问卷调查等方式听取意见", from: [State.drafting.id, State.consulting.id], to: nil,
            by: staff, basis: "重大行政决策程序暂行条例 第十四条"
        )
        .asks(
            .init("participationMethod", "方式", .choice(MajorDecision.participationMethods)),
            .init("participationOn", "日期", .date),
            .init("participationGroups", "听取意见的对象（涉及特定群体利益的，写明相关人民团体、社会组织、群众代表）"),
            .init("participationSummary", "意见及研究采纳情况")
        )
        .gate("系统限制", "日期应在决策启动之后、办理之日以前", field: "participationOn") { c in
            let on = c.inputs.date("participationOn") ?? c.date
            return on <= c.date && on >= (c.file.steps.first?.on ?? c.date)
        }
    }

    static func expertStep() -> ActionDefinition {
        typealias F = MajorDecisionFact
        return ActionDefinition(
            Step.expertReview, "专家论证", from: [State.drafting.id, State.consulting.id], to: nil, by: staff,
            basis: "重大行政决策程序暂行条例 第十九条、第二十条"
        )
        .asks(
            .init("experts", "论证专家、专业机构（每行一个：姓名｜单位｜专业）", .list, personName: true),
            .init("expertSelection", "遴选方式", .choice(MajorDecision.expertSelections)),
            .init("differingViews", "已注重选择持不同意见的专家、专业机构", .bool, required: false),
            .init("noInterest", "专家、专业机构与决策事项无直接利害关系", .bool),
            .init("writtenOpinions", "提供了书面论证意见", .bool, required: false),
            .init("opinionsSigned", "书面论证意见已署名、盖章", .bool, required: false),
            .init("evaluatingUnit", "承担论证组织工作的单位（委托专业机构的写其名称）", required: false),
            .init("expertOpinions", "论证意见及研究采纳情况")
        )
        .gate("重大行政决策程序暂行条例 第二十条", "不得选择与决策事项有直接利害关系的专家、专业机构", field: "noInterest") { c in
            c.inputs.flag(F.noInterest.id)
        }
        .gate("重大行政决策程序暂行条例 第十九条第二款", "提供书面论证意见的，应当署名、盖章", field: "opinionsSigned") { c in
            !c.inputs.flag("writtenOpinions") || c.inputs.flag(F.opinionsSigned.id)
        }
        .then(
            .compute(writes: F.preDecisionEvaluators) { c in
                let unit = (c.inputs.text("evaluatingUnit") ?? "").trimmed
                let before = c.file.facts.list(F.preDecisionEvaluators.id)
                return Facts([
                    F.preDecisionEvaluators ~ (unit.isEmpty || before.contains(unit) ? before : before + [unit])
                ])
            })
    }

    static func riskStep() -> ActionDefinition {
        typealias F = MajorDecisionFact
        return ActionDefinition(
            Step.riskAssessment, "风险评估（社会稳定、公共安全等）", from: [State.drafting.id, State.consulting.id], to: nil, by: staff,
            basis: "重大行政决策程序暂行条例 第二十二条至第二十四条"
        )
        .asks(
            .init("assessor", "风险评估单位（委托第三方的写其名称）"),
            .init("riskLevel", "风险等级", .choice(MajorDecision.riskLevels)),
            .init("riskControllable", "风险可控", .bool),
            .init("priorAssessment", "按照有关规定已对有关风险作出的评价、评估（不作重复评估的，写明文件）", required: false),
            .init("riskReport", "风险评估报告：风险点", required: false),
            .init("riskMeasures", "风险防范措施和处置预案", required: false),
            .init("controlMeasuresTaken", "前次评估风险不可控的：为确保风险可控已采取的调整措施", required: false)
        )
        .gate("重大行政决策程序暂行条例 第二十三条第二款", "应当形成风险评估报告，明确风险点，提出风险防范措施和处置预案（已按有关规定评估、不作重复评估的，写明该评估）", field: "riskReport") {
            c in
            filled(c, "priorAssessment") || (filled(c, F.riskReport.id) && filled(c, F.riskMeasures.id))
        }
        .gate("系统限制", "风险评估单位不超过100字", field: "assessor") { c in (c.inputs[F.assessor] ?? "").count <= 100 }
        .gate(
            "重大行政决策程序暂行条例 第二十四条", "该版本草案已评估为风险不可控：应当采取调整决策草案等措施（修改草案，或者写明已采取的措施）确保风险可控后再评估",
            field: "controlMeasuresTaken"
        ) { c in
            !c.inputs.flag(F.riskControllable.id)
                || c.file.facts[F.riskUncontrolledVersion] != c.file.facts[F.draftVersion]
                || filled(c, "controlMeasuresTaken")
        }
        .then(
            .compute(writes: F.preDecisionEvaluators, F.riskUncontrolledVersion) { c in
                let unit = (c.inputs[F.assessor] ?? "").trimmed
                let before = c.file.facts.list(F.preDecisionEvaluators.id)
                var facts = Facts([F.preDecisionEvaluators ~ (before.contains(unit) ? before : before + [unit])])
                if !c.inputs.flag(F.riskControllable.id) {
                    facts[F.riskUncontrolledVersion] = c.file.facts[F.draftVersion] ?? 1
                }
                return facts
            })
    }
}
