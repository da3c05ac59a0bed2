import FazhiCore
import FazhiStore
import Foundation

/// Demo 重大行政决策 of the county over two years: last year's and this year's 决策事项目录 (this year's adjusted once), a
/// decision of last year carried out and evaluated (后评估 by a university, not by the risk assessor), one of this year in
/// execution, one in public consultation now (with comments on the portal), one awaiting the 司法局's 合法性审查; the
/// county's 法律顾问 (a law firm, township and village advisers — one contract about to end) and a 公职律师, with their work.
enum DemoMajorDecision {
    typealias S = MajorDecisionProcedure.Step
    typealias Step = (String, ProcedureActor, CivilDate, [String: FactValue])

    static func load(_ c: DemoContext, in tx: WriteTransaction) async throws {
        guard let def = c.catalog.current(MajorDecisionProcedure.id),
            let catalogueDef = c.catalog.current(DecisionCatalogueProcedure.id), let gov = c.orgs["清河县人民政府"],
            let head = c.actor("xzf.xianzhang"), let reviewer = c.actor("sfj.jiandu")
        else { return }
        let base = c.base(span: 40)
        func day(_ n: Int) -> CivilDate { base.adding(days: n) }
        let thisYear = base.year, lastYear = base.year - 1
        // Day offsets from `base` for 1 January of each year, so each catalogue is made in the year before it.
        let lastYearStart = CivilDate(year: lastYear, month: 1, day: 1)!,
            thisYearStart = CivilDate(year: thisYear, month: 1, day: 1)!
        func offset(_ d: CivilDate) -> Int { base.days(until: d) }

        try await advisers(c, gov: gov, base: base, in: tx)
        try await catalogue(
            c, catalogueDef, gov: gov, head: head, year: lastYear, on: lastYearStart.adding(days: -20),
            items: ["清河县城区停车收费管理改革方案｜清河县发展和改革局", "清河县县域医疗卫生服务体系建设规划｜清河县卫生健康局"], adjust: nil,
            in: tx)
        try await catalogue(
            c, catalogueDef, gov: gov, head: head, year: thisYear, on: thisYearStart.adding(days: -20),
            items: [
                "清河县老旧小区加装电梯补助办法｜清河县住房和城乡建设局", "清河县城乡生活垃圾分类处理实施方案｜清河县综合行政执法局",
            ],
            adjust: (
                min(day(-30), thisYearStart.adding(days: 60)),
                ["清河县中心城区学校布局规划（2026—2035年）｜清河县教育局"]
            ), in: tx)

        // Last year: the parking reform — every procedure, carried out, then evaluated after many objections.
        let begun = max(offset(lastYearStart.adding(days: 40)), -700)
        let parking = try await c.runner.run(
            def, body: gov,
            full(
                item: "\(lastYear)｜清河县城区停车收费管理改革方案｜清河县发展和改革局", start: begun, head: head, reviewer: reviewer,
                day: day, expert: true, risk: true)
                + [
                    (
                        S.reportProgress, head, day(begun + 150),
                        ["progressText": .text("城区12条道路施划收费泊位1860个，智慧停车平台上线"), "progressPercent": .number(60)]
                    ),
                    (
                        S.reportProgress, head, day(begun + 300),
                        ["progressText": .text("收费泊位全部投入使用，周转率提高35%"), "progressPercent": .number(100)]
                    ),
                    (
                        S.evaluate, head, day(begun + 330),
                        [
                            "evaluationTrigger": .text("many_objections"), "evaluator": .text("临州大学公共管理学院"),
                            "evaluationReport": .text("听取市民、商户和人大代表意见，收费标准总体合理，夜间收费时段意见较多。"),
                            "evaluationConclusion": .text("continue"),
                        ]
                    ),
                    (
                        S.archive, head, day(begun + 340),
                        ["archiveKeeper": .text("清河县人民政府办公室"), "archiveNumber": .text("ZD-\(lastYear)-001")]
                    ),
                ], in: tx)
        _ = parking
        // This year: the lift subsidy — consulted with a hearing, decided and in execution.
        let lift = max(offset(thisYearStart.adding(days: 30)), -300)
        try await c.runner.run(
            def, body: gov,
            full(
                item: "\(thisYear)｜清河县老旧小区加装电梯补助办法｜清河县住房和城乡建设局", start: lift, head: head, reviewer: reviewer,
                day: day, expert: false, risk: false, hearing: true)
                + [
                    (
                        S.reportProgress, head, day(lift + 120),
                        ["progressText": .text("已受理加装申请46件，完成加装18台，发放补助540万元"), "progressPercent": .number(40)]
                    )
                ], in: tx)
        // In consultation now, with comments from the portal.
        let waste = try await c.runner.run(
            def, body: gov,
            [
                start(item: "\(thisYear)｜清河县城乡生活垃圾分类处理实施方案｜清河县综合行政执法局", head: head, on: day(-12)),
                (S.openConsultation, head, day(-10), ["consultationUntil": .date(day(22))]),
            ], in: tx)
        for (article, text) in [(2, "建议明确农村地区收运频次"), (2, "建议明确农村地区收运频次"), (nil, "建议增加对分类投放的激励措施")] as [(Int?, String)] {
            _ = try? await PublicComments.add(
                caseID: waste, article: article, text: text, commenter: "", today: c.today, catalog: c.catalog, in: tx)
        }
        // Awaiting the 司法局's review (its 待办).
        try await c.runner.run(
            def, body: gov,
            [
                start(item: "\(thisYear)｜清河县中心城区学校布局规划（2026—2035年）｜清河县教育局", head: head, on: day(-60)),
                (S.openConsultation, head, day(-58), ["consultationUntil": .date(day(-27))]),
                (
                    S.closeConsultation, head, day(-26),
                    [
                        "offlineComments": .number(9), "offlineAdopted": .number(4),
                        "adoptionSummary": .text("采纳4条，其余说明理由"),
                    ]
                ),
                (
                    S.submitReview, head, day(-12),
                    ["reviewMaterials": .list(["决策草案及说明", "有关法律法规依据", "公众参与情况说明"])]
                ),
            ], in: tx)
    }

    static func start(item: String, head: ProcedureActor, on date: CivilDate, market: Bool = false) -> Step {
        let title = MajorDecision.parts(item).dropFirst().first ?? ""
        return (
            S.start, head, date,
            [
                "catalogueItem": .text(item), "category": .text("public_policy"), "source": .text("department"),
                "proposer": .text(MajorDecision.parts(item).last ?? ""),
                "necessity": .text("拟解决的主要问题、依据、初步方案及其必要性、可行性已论证"),
                "affectsMarket": .bool(market), "draftSummary": .text("《\(title)》起草说明：依据有关法律法规和上级部署，结合本县实际起草。"),
                "draftText": .text(
                    "第一条 为了做好\(title.replacingOccurrences(of: "清河县", with: ""))工作，结合本县实际，制定本方案。\n第二条 本方案适用于本县行政区域。\n第三条 县人民政府有关部门按照职责分工组织实施。\n第四条 本方案自公布之日起施行。"
                ),
                "consultedUnits": .list(["清河县财政局", "清河县司法局"]),
            ]
        )
    }

    /// Every step of a decision from 启动 to 公布, dated from `start`.
    static func full(
        item: String, start s: Int, head: ProcedureActor, reviewer: ProcedureActor, day: (Int) -> CivilDate,
        expert: Bool, risk: Bool, hearing: Bool = false
    ) -> [Step] {
        var steps: [Step] = [
            start(item: item, head: head, on: day(s), market: expert),
            (S.openConsultation, head, day(s + 2), ["consultationUntil": .date(day(s + 33))]),
            (
                S.closeConsultation, head, day(s + 34),
                [
                    "offlineComments": .number(36), "offlineAdopted": .number(14),
                    "adoptionSummary": .text("收到意见36条，采纳14条，部分采纳6条，未采纳的已说明理由"),
                ]
            ),
        ]
        if hearing {
            steps.append(
                (
                    S.hearing, head, day(s + 40),
                    [
                        "hearingNoticeOn": .date(day(s + 30)), "hearingOn": .date(day(s + 40)),
                        "participantRules": .text("按居民代表、业主委员会、专家、人大代表分类遴选"),
                        "participants": .list(["居民代表 钱某某｜低楼层住户", "居民代表 孙某某｜高楼层住户", "县人大代表 李某某｜人大代表"]),
                        "materialsSentOn": .date(day(s + 31)), "recordSigned": .bool(true),
                        "hearingSummary": .text("低楼层住户关注采光和噪声，已在草案中增加协商和补偿条款"),
                    ]
                ))
        }
        if expert {
            steps.append(
                (
                    S.expertReview, head, day(s + 41),
                    [
                        "experts": .list(["王某某｜临州市交通规划设计院｜交通规划", "赵某某｜临州大学｜公共管理", "周某某｜县物价协会｜价格"]),
                        "expertSelection": .text("pool"), "differingViews": .bool(true), "noInterest": .bool(true),
                        "writtenOpinions": .bool(true), "opinionsSigned": .bool(true),
                        "evaluatingUnit": .text("临州市交通规划设计院"),
                        "expertOpinions": .text("收费标准分区分时设置合理；建议夜间免费时段延长，已采纳"),
                    ]
                ))
            steps.append(
                (
                    S.competitionReview, head, day(s + 42),
                    ["competitionConclusion": .text("compliant"), "competitionNotes": .text("未发现排除、限制竞争的内容")]
                ))
        }
        if risk {
            steps.append(
                (
                    S.riskAssessment, head, day(s + 43),
                    [
                        "assessor": .text("临州社会稳定风险评估中心"), "riskLevel": .text("medium"),
                        "riskControllable": .bool(true),
                        "riskReport": .text("风险点：部分商户和居民对收费有抵触情绪"),
                        "riskMeasures": .text("设置过渡期，居民区夜间优惠，制定舆情应对预案"),
                    ]
                ))
        }
        steps += [
            (S.submitReview, head, day(s + 45), ["reviewMaterials": .list(["决策草案及说明", "法律依据", "履行法定程序的说明"])]),
            (
                S.passReview, reviewer, day(s + 60),
                [
                    "reviewOpinion": .text("legal"), "reviewer": .text("林晓岚"),
                    "adviserOpinions": .list(["浙江清河律师事务所｜未发现违反法律法规的内容", "陈立新｜建议明确补助资金的监督条款"]),
                    "reviewText": .text("经审查，决策事项符合法定权限，已履行公众参与等法定程序，内容不违反法律、法规、规章和国家政策。"),
                ]
            ),
            (
                S.decide, head, day(s + 65),
                [
                    "meetingKind": .text("executive"), "meetingOn": .date(day(s + 65)),
                    "attendees": .list(["吴振华", "周国平", "王丽华", "李建军"]),
                    "speeches": .list(["周国平｜同意", "王丽华｜同意，建议加强宣传解读", "李建军｜同意", "吴振华｜同意，按程序报告县委后公布实施"]),
                    "chief": .text("吴振华"), "majorityView": .text("agree"),
                ]
            ),
            (S.reportToParty, head, day(s + 66), ["partyReportedOn": .date(day(s + 66)), "partyReply": .text("县委同意")]),
            (
                S.publish, head, day(s + 70),
                [
                    "channels": .list(["清河县人民政府网站", "清河县人民政府公报"]),
                    "interpretation": .text("一、出台背景；二、主要内容；三、实施步骤。县政府新闻办召开新闻发布会解读。"),
                    "adoptionExplanation": .text("公众意见采纳14条；专家论证意见均已研究采纳，未采纳的已说明理由。"),
                    "executionUnit": .text(
                        MajorDecision.parts(steps.first.map { $0.3["catalogueItem"]?.description ?? "" } ?? "").last
                            ?? ""),
                    "milestones": .list(["\(day(s + 160))｜完成方案宣传和首批实施", "\(day(s + 365))｜全面实施"]),
                ]
            ),
        ]
        return steps
    }

    static func catalogue(
        _ c: DemoContext, _ def: ProcedureDefinition, gov: UUID, head: ProcedureActor, year: Int, on date: CivilDate,
        items: [String], adjust: (CivilDate, [String])?, in tx: WriteTransaction
    ) async throws {
        typealias C = DecisionCatalogueProcedure.Step
        var steps: [Step] = [
            (
                C.draft, head, date,
                [
                    "catalogueYear": .number(Double(year)), "items": .list(items),
                    "standards": .text("涉及重大公共利益或者社会公众切身利益、财政投入500万元以上的事项"),
                ]
            ),
            (
                C.consent, head, date.adding(days: 5),
                ["consentOn": .date(date.adding(days: 4)), "consentBasis": .text("县委常委会会议")]
            ),
            (C.publish, head, date.adding(days: 8), ["channel": .text("清河县人民政府网站")]),
        ]
        if let (on, added) = adjust {
            steps += [
                (C.adjust, head, on, ["adjustmentReason": .text("根据县委部署增加事项"), "items": .list(items + added)]),
                (
                    C.consent, head, on.adding(days: 3),
                    ["consentOn": .date(on.adding(days: 2)), "consentBasis": .text("县委常委会会议")]
                ),
                (C.publish, head, on.adding(days: 5), ["channel": .text("清河县人民政府网站")]),
            ]
        }
        try await c.runner.run(def, body: gov, steps, in: tx)
    }

    static func advisers(_ c: DemoContext, gov: UUID, base: CivilDate, in tx: WriteTransaction) async throws {
        guard let justice = c.orgs["清河县司法局"] else { return }
        let list = [
            LegalAdviser(
                organisationID: gov, kind: .firm, name: "浙江清河律师事务所", firm: "浙江清河律师事务所", level: .unit,
                servedPlace: "清河县人民政府", contractFrom: base.adding(days: -690), contractUntil: base.adding(days: 40)),
            LegalAdviser(
                organisationID: gov, kind: .person, name: "张明", firm: "临州正衡律师事务所", level: .township,
                servedPlace: "城关镇", contractFrom: base.adding(days: -300), contractUntil: base.adding(days: 430)),
            LegalAdviser(
                organisationID: gov, kind: .person, name: "李静", firm: "临州正衡律师事务所", level: .village,
                servedPlace: "城关镇河东村", contractFrom: base.adding(days: -300), contractUntil: base.adding(days: 430)),
            LegalAdviser(
                organisationID: justice, kind: .publicLawyer, name: "陈立新", firm: "清河县司法局", level: .unit,
                servedPlace: "清河县司法局", contractFrom: nil, contractUntil: nil),
        ]
        for a in list { _ = try await LegalAdvisers.add(a, in: tx) }
        let work: [(Int, AdviserWork.Kind, String)] = [
            (0, .contract, "清河县城区停车特许经营协议"), (0, .contract, "县政府与某公司战略合作框架协议"),
            (0, .opinion, "某信访事项的法律意见"), (1, .contract, "城关镇农贸市场租赁合同"), (2, .other, "河东村村规民约合法性审查"),
            (3, .litigation, "某行政复议案件代理答复"),
        ]
        for (i, (who, kind, subject)) in work.enumerated() {
            let on = base.adding(days: -200 + i * 25)
            _ = try await LegalAdvisers.log(
                AdviserWork(adviserID: list[who].id, doneOn: on, kind: kind, caseID: nil, subject: subject, note: ""),
                bodies: [list[who].organisationID], today: c.today, in: tx)
        }
    }
}
