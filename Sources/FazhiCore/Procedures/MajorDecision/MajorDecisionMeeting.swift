import Foundation

extension MajorDecisionProcedure {
    typealias F = MajorDecisionFact

    /// What the draft needs before it goes to the 合法性审查 and to the meeting (第十四条、第十九条、第二十二条至第二十四条、
    /// 第二十九条), each done for the draft now being made.
    static func prerequisites(_ a: ActionDefinition, asksNotPublic: Bool = false) -> ActionDefinition {
        a.gate(
            "重大行政决策程序暂行条例 第十四条",
            asksNotPublic
                ? "应当采取便于社会公众参与的方式充分听取意见（公开征求意见、听证会、座谈会、问卷调查等）；依法不予公开的决策事项，请写明依据"
                : "尚未听取社会公众意见：应当先公开征求意见、召开听证会或者以座谈会、问卷调查等方式听取意见（依法不予公开的，在送请合法性审查时写明依据）",
            field: asksNotPublic ? "notPublicReason" : nil
        ) { c in
            takenThisRound(c.file, Step.closeConsultation) || takenThisRound(c.file, Step.hearing)
                || takenThisRound(c.file, Step.otherParticipation)
                || filled(c, F.notPublicReason.id) || !(c.file.facts[F.notPublicReason] ?? "").trimmed.isEmpty
        }
        .gate("重大行政决策程序暂行条例 第十九条", "专业性、技术性较强的决策事项，应当先组织专家论证") { c in
            !c.file.facts.flag(F.specialised.id) || takenThisRound(c.file, Step.expertReview)
        }
        .gate("重大行政决策程序暂行条例 第二十二条", "可能对社会稳定、公共安全等造成不利影响的，应当先进行风险评估") { c in
            !c.file.facts.flag(F.stabilityRisk.id) || takenThisRound(c.file, Step.riskAssessment)
        }
        .gate("重大行政决策程序暂行条例 第二十四条", "风险评估认为风险不可控：应当调整决策草案并重新评估，确保风险可控") { c in
            !takenThisRound(c.file, Step.riskAssessment) || c.file.facts.flag(F.riskControllable.id)
        }
        .gate("重大行政决策程序暂行条例 第二十九条第一项；《公平竞争审查条例》", "涉及市场主体经济活动的，应当先进行公平竞争审查，且结论不是“不符合”") { c in
            !c.file.facts.flag(F.affectsMarket.id)
                || (takenThisRound(c.file, Step.competitionReview)
                    && c.file.facts[F.competitionConclusion] != "noncompliant")
        }
    }

    static func reviewSteps(_ s: ProcedureSettings) -> [ActionDefinition] {
        [
            prerequisites(
                ActionDefinition(
                    Step.submitReview, "送请合法性审查", from: [State.drafting.id], to: State.reviewing.id, by: staff,
                    basis: "重大行政决策程序暂行条例 第二十五条、第二十六条"
                )
                .asks(
                    .init("reviewMaterials", "送审材料（决策草案、法律依据、履行法定程序的说明等，每行一项）", .list),
                    .init("notPublicReason", "依法不予公开的决策事项：不予公开的法律依据", required: false)),
                asksNotPublic: true
            )
            .gate("重大行政决策程序暂行条例 第二十五条第二款", "经审查不合法的决策草案，应当修改后再送审") { c in
                c.file.facts[F.failedVersion] != c.file.facts[F.draftVersion]
            }
            .then(
                .startDeadline(
                    DeadlineRule(
                        "review", "合法性审查", days: s.majorDecisionReviewMaxWorkdays, .workday,
                        article: "重大行政决策程序暂行条例 第二十六条（不少于7个工作日；最长审查时间为本地设置）"))),
            ActionDefinition(
                Step.passReview, "合法性审查通过", from: [State.reviewing.id], to: State.reviewed.id, by: reviewers,
                basis: "重大行政决策程序暂行条例 第二十七条、第二十八条"
            )
            .asks(
                .init("reviewOpinion", "审查意见", .choice(MajorDecision.reviewOpinions)),
                .init("reviewer", "审查人（不填的为本人）", required: false),
                .init("adviserOpinions", "法律顾问、公职律师的法律意见（每行一条：姓名｜意见）", .list),
                .init("reviewProblems", "须调整或者补充的问题（每行一条）", .list, required: false),
                .init("reviewText", "合法性审查意见书内容（权限、程序、内容）"),
                .init("shortReviewReason", "审查时间不足7个工作日的理由", required: false)
            )
            .gate("重大行政决策程序暂行条例 第二十六条第二款", "送请合法性审查应当保证必要的审查时间，一般不少于7个工作日；不足的请写明理由", field: "shortReviewReason") { c in
                guard let submitted = c.file.lastStep(Step.submitReview)?.on else { return true }
                let earliest = try c.calendar.due(
                    from: submitted, days: MajorDecision.reviewMinWorkdays, unit: .workday)
                return c.date >= earliest || filled(c, F.shortReviewReason.id)
            }
            .gate("重大行政决策程序暂行条例 第二十八条", "合法性审查过程中应当组织法律顾问、公职律师提出法律意见（每行：姓名｜意见）", field: "adviserOpinions") { c in
                let lines = c.inputs.list(F.adviserOpinions.id)
                return !lines.isEmpty && lines.allSatisfy { MajorDecision.parts($0).count >= 2 }
            }
            .gate("重大行政决策程序暂行条例 第二十八条", "修改后合法的，应当列明须调整或者补充的问题", field: "reviewProblems") { c in
                c.inputs[F.reviewOpinion] != "legal_after_changes" || !c.inputs.list(F.reviewProblems.id).isEmpty
            }
            .gate("系统限制", "审查意见书内容不超过20000字", field: "reviewText") { c in
                (c.inputs[F.reviewText] ?? "").count <= 20_000
            }
            .gate("系统限制", "审查人不超过50字", field: "reviewer") { c in (c.inputs[F.reviewer] ?? "").count <= 50 }
            .then(
                .stopDeadline("review"),
                .compute(writes: F.reviewedVersion, F.reviewer) { c in
                    Facts([
                        F.reviewedVersion ~ (c.file.facts[F.draftVersion] ?? 1),
                        F.reviewer ~ (c.inputs[F.reviewer] ?? c.actor.name),
                    ])
                }
            )
            .produces(.decisionReviewOpinion),
            ActionDefinition(
                Step.failReview, "合法性审查认为不合法", from: [State.reviewing.id], to: State.drafting.id, by: reviewers,
                basis: "重大行政决策程序暂行条例 第二十五条第二款、第二十七条"
            )
            .asks(
                .init("reviewer", "审查人（不填的为本人）", required: false),
                .init("adviserOpinions", "法律顾问、公职律师的法律意见（每行一条：姓名｜意见）", .list),
                .init("reviewProblems", "不合法的问题（每行一条）", .list),
                .init("reviewText", "合法性审查意见书内容（权限、程序、内容）")
            )
            .then(
                .stopDeadline("review"),
                .compute(writes: F.failedVersion, F.reviewer) { c in
                    Facts([
                        F.failedVersion ~ (c.file.facts[F.draftVersion] ?? 1),
                        F.reviewer ~ (c.inputs[F.reviewer] ?? c.actor.name),
                    ])
                }
            )
            .produces(.decisionReviewOpinion),
        ]
    }

    /// 集体讨论决定 (第三十条): the meeting, who spoke in what order, the 行政首长 last and deciding.
    static func meeting(_ a: ActionDefinition) -> ActionDefinition {
        prerequisites(
            a.asks(
                .init("meetingKind", "会议", .choice(MajorDecision.meetingKinds)),
                .init("meetingOn", "会议日期", .date),
                .init("attendees", "出席的会议组成人员", .list),
                .init("speeches", "发言（按发言顺序，每行：姓名｜意见；行政首长最后发言）", .list),
                .init("chief", "行政首长"),
                .init("majorityView", "会议组成人员多数人的意见", .choice(MajorDecision.majorityViews)),
                .init("againstMajorityReason", "行政首长的决定与多数人意见不一致的理由（会上说明）", required: false),
                .init("dissent", "不同意见（如实载明，每行：姓名｜意见）", .list, required: false),
                .init("reviewChangesNote", "审查意见为修改后合法的：按审查意见调整或者补充的情况", required: false),
                .init("exploratory", "国家尚无明确规定的探索性改革决策事项（经审查认为缺乏明确依据，明示法律风险提交讨论）", .bool, required: false),
                .init("legalRisks", "明示的法律风险（探索性改革事项）", required: false)
            )
            .looksUp(
                .listedItems(
                    procedure: DecisionCatalogueProcedure.id, fact: DecisionCatalogueProcedure.Fact.publishedItems.id,
                    into: catalogueKey))
        )
        .gate(
            "重大行政决策程序暂行条例 第二十五条第二款", "决策草案未经合法性审查或者经审查不合法的，不得提交决策机关讨论；国家尚无明确规定的探索性改革决策事项经审查后，可以明示法律风险提交讨论"
        ) { c in
            if c.file.state == State.reviewed.id {
                return c.file.facts[F.reviewedVersion] == c.file.facts[F.draftVersion]
            }
            // 第二十五条第二款: the proviso lets an exploratory reform go to the meeting although the review of this very
            // version found no clear legal basis — with the legal risks stated; never without a review.
            return c.inputs.flag(F.exploratory.id) && filled(c, F.legalRisks.id)
                && c.file.facts[F.failedVersion] == c.file.facts[F.draftVersion]
        }
        .gate("重大行政决策程序暂行条例 第三条第三款", "决策事项未列入已公布的决策事项目录：应当先调整目录，经同级党委同意后公布，再提交讨论") { c in
            !c.external.flag("\(catalogueKey).published")
                || DecisionCatalogueProcedure.lists(c.external.list(catalogueKey), title: c.file.facts[F.title] ?? "")
        }
        .gate("重大行政决策程序暂行条例 第二十八条", "审查意见为修改后合法的，决策承办单位应当根据审查意见进行必要的调整或者补充，并说明情况", field: "reviewChangesNote") { c in
            c.file.state != State.reviewed.id || c.file.facts[F.reviewOpinion] != "legal_after_changes"
                || filled(c, "reviewChangesNote")
        }
        .gate("重大行政决策程序暂行条例 第三十条", "会议日期不能晚于办理之日，也不能早于合法性审查之日", field: "meetingOn") { c in
            let on = c.inputs[F.meetingOn]!
            let reviewed = c.file.steps.last { [Step.passReview, Step.failReview].contains($0.action) }?.on
            return on <= c.date && on >= (reviewed ?? c.file.steps.first?.on ?? on)
        }
        .gate("重大行政决策程序暂行条例 第三十条第二款", "会议组成人员应当充分发表意见，行政首长最后发表意见：发言记录的最后一位应为行政首长", field: "speeches") { c in
            let speeches = c.inputs.list(F.speeches.id)
            return speeches.count >= 2
                && MajorDecision.speaker(speeches.last ?? "") == (c.inputs[F.chief] ?? "").trimmed
        }
        .gate("重大行政决策程序暂行条例 第三十条", "发言人和行政首长应为出席会议的会议组成人员（请在出席人员中列明）", field: "speeches") { c in
            let present = Set(c.inputs.list(F.attendees.id).map(MajorDecision.speaker))
            return present.contains((c.inputs[F.chief] ?? "").trimmed)
                && c.inputs.list(F.speeches.id).allSatisfy { present.contains(MajorDecision.speaker($0)) }
        }
        .gate("系统限制", "出席人员、发言、不同意见各不超过100项，每项不超过2000字", field: "speeches") { c in
            [F.attendees.id, F.speeches.id, F.dissent.id].allSatisfy { k in
                let l = c.inputs.list(k)
                return l.count <= 100 && l.allSatisfy { $0.count <= 2_000 }
            }
        }
        .gate("重大行政决策程序暂行条例 第三十条第三款", "会议组成人员有不同意见的，应当如实载明（每行：姓名｜意见）", field: "dissent") { c in
            c.inputs[F.majorityView] == "agree" || !c.inputs.list(F.dissent.id).isEmpty
        }
    }

    static func meetingSteps() -> [ActionDefinition] {
        let from: Set<String> = [State.reviewed.id, State.drafting.id]
        return [
            meeting(
                ActionDefinition(
                    Step.decide, "集体讨论决定：通过", from: from, to: State.decided.id, by: chiefs,
                    basis: "重大行政决策程序暂行条例 第三十条")
            )
            .gate("重大行政决策程序暂行条例 第三十条第二款", "行政首长拟作出的决定与会议组成人员多数人的意见不一致的，应当在会上说明理由", field: "againstMajorityReason") {
                c in
                c.inputs[F.majorityView] != "disagree" || filled(c, F.againstMajorityReason.id)
            }
            .then(
                .compute(writes: F.decidedOn, F.outcome, F.meetingOutcome) { c in
                    Facts([
                        F.decidedOn ~ c.inputs[F.meetingOn]!, F.outcome ~ (stopping(c.file) ? "stopped" : "approved"),
                        F.meetingOutcome ~ "approved",
                    ])
                }),
            meeting(
                ActionDefinition(
                    Step.reject, "集体讨论决定：不予通过", from: from, to: State.rejected.id, by: chiefs,
                    basis: "重大行政决策程序暂行条例 第三十条")
            )
            .gate("重大行政决策程序暂行条例 第三十条第二款", "行政首长拟作出的决定与会议组成人员多数人的意见不一致的，应当在会上说明理由", field: "againstMajorityReason") {
                c in
                c.inputs[F.majorityView] != "agree" || filled(c, F.againstMajorityReason.id)
            }
            .gate("重大行政决策程序暂行条例 第三十七条", "调整或者停止执行的方案未获通过的，请记录为“调整不予通过”，原决策继续执行") { c in
                (c.file.facts[F.adjustment] ?? "").isEmpty
            }
            .then(
                .compute(writes: F.decidedOn, F.outcome, F.meetingOutcome) { c in
                    Facts([
                        F.decidedOn ~ c.inputs[F.meetingOn]!, F.outcome ~ "rejected", F.meetingOutcome ~ "rejected",
                    ])
                }),
            meeting(
                ActionDefinition(
                    Step.deferDecision, "集体讨论决定：暂缓，修改后再讨论", from: from, to: State.drafting.id, by: chiefs,
                    basis: "重大行政决策程序暂行条例 第三十条")
            )
            .then(
                .compute(writes: F.meetingOutcome, F.draftVersion) { c in
                    // A deferred draft is changed before it comes back: it is reviewed again (第二十五条).
                    Facts([F.meetingOutcome ~ "deferred", F.draftVersion ~ ((c.file.facts[F.draftVersion] ?? 1) + 1)])
                }),
            meeting(
                ActionDefinition(
                    Step.rejectAdjustment, "集体讨论决定：调整不予通过，原决策继续执行", from: from, to: State.executing.id,
                    by: chiefs, basis: "重大行政决策程序暂行条例 第三十条、第三十七条")
            )
            .gate("重大行政决策程序暂行条例 第三十七条", "没有进行中的调整或者停止执行程序") { c in
                !(c.file.facts[F.adjustment] ?? "").isEmpty
            }
            .then(
                .compute(writes: F.adjustment, F.meetingOutcome) { _ in
                    Facts([F.adjustment ~ "", F.meetingOutcome ~ "adjustment_rejected"])
                }),
            ActionDefinition(
                Step.reportToParty, "向同级党委请示报告", from: [State.reviewed.id, State.decided.id], to: nil, by: staff,
                basis: "重大行政决策程序暂行条例 第三十一条"
            )
            .asks(.init("partyReportedOn", "请示报告日期", .date), .init("partyReply", "党委意见"))
            .gate("重大行政决策程序暂行条例 第三十一条", "请示报告日期不能晚于办理之日", field: "partyReportedOn") { c in
                c.inputs[F.partyReportedOn]! <= c.date
            },
            publication(
                ActionDefinition(
                    Step.publish, "公布决策", from: [State.decided.id], to: State.executing.id, by: staff,
                    basis: "重大行政决策程序暂行条例 第三十二条、第三十四条"
                )
                .asks(
                    .init("decisionText", "公布的决策文本（不填的为讨论通过的草案）", required: false),
                    .init("executionUnit", "决策执行单位"),
                    .init("milestones", "执行节点（每行：日期｜目标）", .list, required: false))
            )
            .gate("重大行政决策程序暂行条例 第三十七条", "本次调整为停止执行：请公布停止执行的决定") { c in !stopping(c.file) }
            .gate("系统限制", "公布的决策文本不超过50000字", field: "decisionText") { c in
                (c.inputs[F.decisionText] ?? "").count <= 50_000
            }
            .gate("重大行政决策程序暂行条例 第三十四条", "执行节点每行写作“日期｜目标”，日期如 2027-06-30", field: "milestones") { c in
                c.inputs.list(F.milestones.id).allSatisfy { line in
                    let p = MajorDecision.parts(line)
                    return p.count >= 2 && CivilDate(iso: p[0]) != nil && !p[1].isEmpty
                }
            }
            .then(
                .compute(writes: F.publishedOn, F.decisionText, F.adjustment) { c in
                    // The adjustment, if one ran, is done: the decision as published is the one executed.
                    Facts([
                        F.publishedOn ~ c.date, F.adjustment ~ "",
                        F.decisionText ~ (c.inputs[F.decisionText] ?? c.file.facts[F.draftText] ?? ""),
                    ])
                }),
            publication(
                ActionDefinition(
                    Step.publishStop, "公布停止执行的决定", from: [State.decided.id], to: State.ended.id, by: staff,
                    basis: "重大行政决策程序暂行条例 第三十二条、第三十七条"
                )
            )
            .gate("重大行政决策程序暂行条例 第三十七条", "只有经法定程序决定停止执行的，才能公布停止执行") { c in stopping(c.file) }
            .then(.compute(writes: F.publishedOn) { c in Facts([F.publishedOn ~ c.date]) }),
        ]
    }

    /// 公布 (第三十二条), after the 党委 has been told (第三十一条), with 解读 and, where the public or experts were heard,
    /// how their views were adopted.
    static func publication(_ a: ActionDefinition) -> ActionDefinition {
        a.asks(
            .init("channels", "公布途径（政府公报、政府网站、报纸等，每行一个）", .list),
            .init("widelyConcerned", "社会公众普遍关心或者专业性、技术性较强", .bool, required: false),
            .init("interpretation", "解读（新闻发布会、访谈等宣传解读的内容）", required: false),
            .init("adoptionExplanation", "公众意见、专家论证意见的采纳情况说明", required: false)
        )
        .gate("重大行政决策程序暂行条例 第三十二条", "社会公众普遍关心或者专业性、技术性较强的重大行政决策，应当进行宣传解读", field: "interpretation") { c in
            !(c.inputs.flag("widelyConcerned") || c.file.facts.flag(F.specialised.id)) || filled(c, F.interpretation.id)
        }
        .gate("重大行政决策程序暂行条例 第三十一条", "重大行政决策出台前应当按照规定向同级党委请示报告") { c in
            takenThisRound(c.file, Step.reportToParty)
        }
        .gate("重大行政决策程序暂行条例 第三十二条", "社会公众普遍关心或者专业性、技术性较强的，应当说明公众意见、专家论证意见的采纳情况", field: "adoptionExplanation") { c in
            let concerned = c.inputs.flag("widelyConcerned") || c.file.facts.flag(F.specialised.id)
            let heard =
                takenThisRound(c.file, Step.closeConsultation) || takenThisRound(c.file, Step.hearing)
                || takenThisRound(c.file, Step.otherParticipation) || takenThisRound(c.file, Step.expertReview)
            return !(concerned && heard) || filled(c, F.adoptionExplanation.id)
        }
    }

    static func executionSteps() -> [ActionDefinition] {
        [
            ActionDefinition(
                Step.reportProgress, "报告决策执行情况", from: [State.executing.id, State.suspended.id], to: nil, by: staff,
                basis: "重大行政决策程序暂行条例 第三十四条、第三十五条"
            )
            .asks(
                .init("progressText", "执行情况"),
                .init("progressPercent", "完成进度（%）", .number),
                .init("progressProblems", "存在的问题、客观情况的重大变化", required: false)
            )
            .gate("系统限制", "完成进度应为0至100之间的整数", field: "progressPercent") { c in
                let p = c.inputs[F.progressPercent] ?? 0
                return p <= 100 && p == p.rounded()
            }
            .then(.compute(writes: F.lastProgressOn) { c in Facts([F.lastProgressOn ~ c.date]) }),
            ActionDefinition(
                Step.suspend, "行政首长决定中止执行", from: [State.executing.id], to: State.suspended.id, by: chiefs,
                basis: "重大行政决策程序暂行条例 第三十七条"
            )
            .asks(
                .init("suspensionSituation", "情形", .choice(MajorDecision.suspensionSituations)),
                .init("suspensionReason", "情况紧急、须先中止执行的理由")),
            ActionDefinition(
                Step.resume, "恢复执行", from: [State.suspended.id], to: State.executing.id, by: chiefs,
                basis: "重大行政决策程序暂行条例 第三十七条"
            )
            .asks(.init("resumptionReason", "恢复执行的理由")),
            draftLimits(
                ActionDefinition(
                    Step.startAdjustment, "启动调整或者停止执行（重新履行法定程序）",
                    from: [State.executing.id, State.suspended.id], to: State.drafting.id, by: staff,
                    basis: "重大行政决策程序暂行条例 第三十七条"
                )
                .asks(
                    .init("adjustment", "调整方式", .choice(MajorDecision.adjustments)),
                    .init("adjustmentReason", "理由（后评估结论、执行中发现的问题等）"),
                    .init("draftSummary", "调整方案说明"),
                    .init("draftText", "调整后的决策草案（停止执行的写停止执行的决定草案）"))
            )
            .then(
                .compute(writes: F.draftVersion, F.adjustments) { c in
                    Facts([
                        F.draftVersion ~ ((c.file.facts[F.draftVersion] ?? 1) + 1),
                        F.adjustments ~ ((c.file.facts[F.adjustments] ?? 0) + 1),
                    ])
                }),
            ActionDefinition(
                Step.evaluate, "决策后评估", from: [State.executing.id, State.suspended.id], to: nil, by: staff,
                basis: "重大行政决策程序暂行条例 第三十六条"
            )
            .asks(
                .init("evaluationTrigger", "后评估情形", .choice(MajorDecision.evaluationTriggers)),
                .init("evaluator", "承担评估具体工作的单位"),
                .init("evaluationReport", "后评估报告（含听取社会公众意见、人大代表和政协委员等参与情况）"),
                .init("evaluationConclusion", "评估结论", .choice(MajorDecision.evaluationConclusions))
            )
            .gate("系统限制", "评估单位不超过100字", field: "evaluator") { c in (c.inputs[F.evaluator] ?? "").count <= 100 }
            .gate("重大行政决策程序暂行条例 第三十六条第二款", "决策作出前承担主要论证评估工作的单位不得承担决策后评估", field: "evaluator") { c in
                let unit = MajorDecision.unitKey(c.inputs[F.evaluator] ?? "")
                return !c.file.facts.list(F.preDecisionEvaluators.id).map(MajorDecision.unitKey).contains(unit)
            }
            .then(.compute(writes: F.evaluatedOn) { c in Facts([F.evaluatedOn ~ c.date]) }),
            ActionDefinition(
                Step.archive, "归档", from: [State.executing.id, State.suspended.id, State.ended.id, State.rejected.id],
                to: nil, by: staff, basis: "重大行政决策程序暂行条例 第三十三条"
            )
            .asks(.init("archiveKeeper", "归档单位"), .init("archiveNumber", "档号"))
            .then(.compute(writes: F.archivedOn) { c in Facts([F.archivedOn ~ c.date]) }),
        ]
    }
}
