import FazhiApp
import FazhiCore
import FazhiOffice
import FazhiStore
import Foundation
import Testing
import VaporTesting

/// 重大行政决策 on the engine, on both databases, each gate of the 条例 both ways: the 决策事项目录 (党委同意 before 公布;
/// a decision outside it only with a reason, and not to the meeting until the catalogue lists it), ≥ 30 days of public
/// comment, hearing materials 7 days ahead, 专家论证 and 风险评估 where required (no submission while the risk is
/// uncontrollable), ≥ 7 working days of 合法性审查 with legal advisers' opinions (logged as their work), no meeting without
/// a passing review (except an exploratory reform stating its risks), the 行政首长 speaking last, 报告党委 before 公布, the
/// adoption of comments explained, 后评估 never by the pre-decision evaluator, 调整 only by the procedure again, the archive.
@Suite("重大行政决策 (major administrative decisions)")
struct MajorDecisionTests {
    typealias R = ReconsiderationTests
    static let listedItem = "2027｜清河县老旧小区加装电梯补助办法（2027年）｜清河县住房和城乡建设局"

    static func started(_ extra: [String: Any] = [:]) -> [String: Any] {
        var inputs: [String: Any] = [
            "catalogueItem": listedItem, "category": "public_policy", "source": "department",
            "proposer": "清河县住房和城乡建设局", "necessity": "老旧小区居民上下楼困难，已论证必要性、可行性",
            "draftSummary": "起草说明", "draftText": "第一条 为了推进老旧小区加装电梯，制定本办法。\n第二条 补助标准为每台15万元。",
        ]
        for (k, v) in extra { inputs[k] = v }
        return inputs
    }

    static var meeting: [String: Any] {
        [
            "meetingKind": "executive", "meetingOn": "2026-09-01", "attendees": ["吴振华", "周国平", "王丽华"],
            "speeches": ["周国平｜同意", "王丽华｜同意", "吴振华｜同意，报告县委后公布"], "chief": "吴振华", "majorityView": "agree",
        ]
    }

    @Test(arguments: TestDB.all)
    func aDecisionFromCatalogueToArchiveWithEachGate(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let c = CaseAPITests.Client(t: t)
            let head = try await t.token("xzf.xianzhang"), reviewer = try await t.token("sfj.jiandu")
            // Next year's catalogue, agreed and published (第三条第三款).
            let o = try await c.open(head, DecisionCatalogueProcedure.id)
            var cat = R.Case(id: try o.json()["id"] as! String, version: 0)
            try await R.ok(
                c, &cat, head, "draft_catalogue", "2026-05-20",
                ["catalogueYear": 2027, "standards": "标准", "items": ["清河县老旧小区加装电梯补助办法（2027年）｜清河县住房和城乡建设局"]])
            try await R.ok(
                c, &cat, head, "record_party_consent", "2026-05-25",
                ["consentOn": "2026-05-25", "consentBasis": "县委常委会"])
            try await R.ok(c, &cat, head, "publish_catalogue", "2026-05-26", ["channel": "政府网站"])
            let r = try await c.open(head, MajorDecisionProcedure.id)
            #expect(r.status == .created, "\(r.text)")
            var k = R.Case(id: try r.json()["id"] as! String, version: 0)
            func refused(
                _ action: String, _ date: String, _ inputs: [String: Any], _ article: String, field: String? = nil,
                by: String? = nil
            ) async throws {
                try await R.refused(c, k, by ?? head, action, date, inputs, article: article, field: field)
            }
            // 第三条第三款: an item not in the published catalogue, or a new title without a reason.
            try await refused(
                "start_decision", "2026-06-01", Self.started(["catalogueItem": "2026｜不存在的事项｜某局"]),
                "重大行政决策程序暂行条例 第三条第三款", field: "catalogueItem")
            try await refused(
                "start_decision", "2026-06-01",
                Self.started(["catalogueItem": "", "title": "清河县某新事项", "undertaker": "清河县某局"]),
                "重大行政决策程序暂行条例 第三条第三款", field: "outsideCatalogueReason")
            // 第十条第二项: a department's proposal argues its necessity and feasibility.
            try await refused(
                "start_decision", "2026-06-01", Self.started(["necessity": ""]), "重大行政决策程序暂行条例 第十条第二项",
                field: "necessity")
            var j = try await R.ok(
                c, &k, head, "start_decision", "2026-06-01", Self.started(["specialised": true, "stabilityRisk": true]))
            let facts = { (j: [String: Any]) in j["facts"] as? [String: Any] ?? [:] }
            // The same catalogue item is not started twice.
            let twice = R.Case(
                id: try await c.open(head, MajorDecisionProcedure.id).json()["id"] as! String, version: 0)
            try await R.refused(
                c, twice, head, "start_decision", "2026-06-02", Self.started(), article: "系统限制", field: "catalogueItem")
            #expect(
                facts(j)["title"] as? String == "清河县老旧小区加装电梯补助办法（2027年）"
                    && facts(j)["undertaker"] as? String == "清河县住房和城乡建设局")

            // 第十五条: ≥ 30 days, shorter only with the reason published.
            try await refused(
                "open_consultation", "2026-06-02", ["consultationUntil": "2026-06-20"], "重大行政决策程序暂行条例 第十五条",
                field: "consultationUntil")
            j = try await R.ok(c, &k, head, "open_consultation", "2026-06-02", ["consultationUntil": "2026-07-02"])
            #expect(R.due(j, "consultation") == "2026-07-02")
            try await refused("close_consultation", "2026-07-01", ["adoptionSummary": "x"], "重大行政决策程序暂行条例 第十五条")
            try await R.ok(
                c, &k, head, "close_consultation", "2026-07-03",
                ["offlineComments": 5, "offlineAdopted": 2, "adoptionSummary": "采纳2条"])

            // 第十九条: specialised → 专家论证 first; 第十六条: hearing materials 7 days ahead.
            try await refused("submit_review", "2026-07-04", ["reviewMaterials": ["草案"]], "重大行政决策程序暂行条例 第十九条")
            let hearing: [String: Any] = [
                "hearingNoticeOn": "2026-07-01", "participantRules": "分类遴选", "participants": ["钱某｜住户", "孙某｜住户"],
                "materialsSentOn": "2026-07-06", "hearingOn": "2026-07-10", "recordSigned": true,
                "hearingSummary": "意见已研究",
            ]
            try await refused("hold_hearing", "2026-07-10", hearing, "重大行政决策程序暂行条例 第十六条第三款", field: "materialsSentOn")
            var held = hearing
            held["materialsSentOn"] = "2026-07-03"
            try await R.ok(c, &k, head, "hold_hearing", "2026-07-10", held)
            let expert: [String: Any] = [
                "experts": ["王某｜临州大学｜规划", "赵某｜设计院｜结构"], "expertSelection": "pool", "noInterest": false,
                "writtenOpinions": true, "opinionsSigned": true, "evaluatingUnit": "临州市建筑设计院", "expertOpinions": "可行",
            ]
            try await refused("expert_review", "2026-07-11", expert, "重大行政决策程序暂行条例 第二十条", field: "noInterest")
            var independent = expert
            independent["noInterest"] = true
            try await R.ok(c, &k, head, "expert_review", "2026-07-11", independent)

            // 第二十四条: an uncontrollable risk blocks submission until the draft is adjusted and assessed again.
            let risk: [String: Any] = [
                "assessor": "临州社会稳定风险评估中心", "riskLevel": "high", "riskControllable": false, "riskReport": "低楼层住户反对",
                "riskMeasures": "协商补偿",
            ]
            try await R.ok(c, &k, head, "risk_assessment", "2026-07-12", risk)
            try await refused("submit_review", "2026-07-13", ["reviewMaterials": ["草案"]], "重大行政决策程序暂行条例 第二十四条")
            var controllable = risk
            controllable["riskControllable"] = true
            controllable["riskLevel"] = "medium"
            try await refused(
                "risk_assessment", "2026-07-13", controllable, "重大行政决策程序暂行条例 第二十四条", field: "controlMeasuresTaken")
            try await R.ok(
                c, &k, head, "revise_draft", "2026-07-14",
                [
                    "revisionReason": "增加低楼层补偿", "draftSummary": "修改说明",
                    "draftText": "第一条 为了推进加装电梯，制定本办法。\n第二条 低楼层住户可以获得补偿。",
                ])
            try await R.ok(c, &k, head, "risk_assessment", "2026-07-15", controllable)

            // 第二十五条: no meeting without a passing review.
            try await refused(
                "decide", "2026-07-16", Self.meeting.merging(["meetingOn": "2026-07-16"]) { $1 },
                "重大行政决策程序暂行条例 第二十五条第二款", by: head)
            j = try await R.ok(c, &k, head, "submit_review", "2026-07-16", ["reviewMaterials": ["决策草案及说明", "法律依据"]])
            #expect(R.due(j, "review") == "2026-08-06", "15 working days (local setting)")
            let review: [String: Any] = [
                "reviewOpinion": "legal", "adviserOpinions": ["浙江清河律师事务所｜未发现违法内容"], "reviewText": "经审查，合法。",
            ]
            // 第二十六条: generally ≥ 7 working days; 第二十八条: advisers' opinions.
            try await refused(
                "pass_review", "2026-07-20", review, "重大行政决策程序暂行条例 第二十六条第二款", field: "shortReviewReason", by: reviewer)
            try await refused(
                "pass_review", "2026-07-28", review.merging(["adviserOpinions": ["只写了意见没有写姓名"]]) { $1 },
                "重大行政决策程序暂行条例 第二十八条", field: "adviserOpinions", by: reviewer)
            let none = try await c.step(
                k.id, reviewer, "pass_review", version: k.version, date: "2026-07-28",
                review.merging(["adviserOpinions": [String]()]) { $1 })
            #expect(none.status == .unprocessableEntity && none.errorField == "adviserOpinions")
            try await R.ok(c, &k, reviewer, "pass_review", "2026-07-28", review)
            let caseID = try #require(UUID(uuidString: k.id))
            let logged = try await LegalAdvisers.work(case: caseID, on: t.app.db)
            #expect(logged.count == 1 && logged.first?.1.name == "浙江清河律师事务所" && logged.first?.0.kind == .decision)
            let opinion = try await t.send(.GET, "/api/v1/cases/\(k.id)/documents/decision_review_opinion", token: head)
            #expect(opinion.status == .ok, "\(opinion.status)")

            // 第三十条: the members present speak, the 行政首长 last; against the majority only with the reason.
            try await refused(
                "decide", "2026-09-01", Self.meeting.merging(["speeches": ["外人｜同意", "吴振华｜同意"]]) { $1 },
                "重大行政决策程序暂行条例 第三十条", field: "speeches")
            try await refused(
                "decide", "2026-09-01", Self.meeting.merging(["speeches": ["吴振华｜同意", "周国平｜同意"]]) { $1 },
                "重大行政决策程序暂行条例 第三十条第二款", field: "speeches")
            try await refused(
                "decide", "2026-09-01",
                Self.meeting.merging(["majorityView": "disagree", "dissent": ["周国平｜不同意"]]) { $1 },
                "重大行政决策程序暂行条例 第三十条第二款", field: "againstMajorityReason")
            // Typed one a line in the form (CRLF from a browser): each line one speech, commas and all.
            try await R.ok(
                c, &k, head, "decide", "2026-09-01",
                Self.meeting.merging(["speeches": "周国平｜同意，建议分步实施\r\n王丽华｜同意\r\n吴振华｜同意，报告县委后公布"]) { $1 })
            // 第三十一条 then 第三十二条.
            let publication: [String: Any] = [
                "channels": ["清河县人民政府网站"], "interpretation": "补助标准解读", "executionUnit": "清河县住房和城乡建设局",
            ]
            try await refused("publish", "2026-09-02", publication, "重大行政决策程序暂行条例 第三十一条")
            try await R.ok(
                c, &k, head, "report_to_party", "2026-09-02", ["partyReportedOn": "2026-09-02", "partyReply": "同意"])
            try await refused("publish", "2026-09-03", publication, "重大行政决策程序暂行条例 第三十二条", field: "adoptionExplanation")
            j = try await R.ok(
                c, &k, head, "publish", "2026-09-03",
                publication.merging(["adoptionExplanation": "采纳公众意见2条，专家意见均已采纳"]) { $1 })
            #expect(j["state"] as? String == "executing")
            let portal = try await t.send(.GET, "/major-decisions/\(k.id)")
            #expect(
                portal.status == .ok && portal.body.string.contains("补助标准解读") && portal.body.string.contains("采纳公众意见2条")
            )
            let listed = try await t.send(.GET, "/major-decisions?year=2026&format=json")
            #expect(listed.body.string.contains(k.id))

            // A number is written in digits: not 0x10 (which a parser would read as 16), not 50.5 %.
            for bad in ["0x10", "50.5", "1e2"] {
                let r = try await c.step(
                    k.id, head, "report_progress", version: k.version, date: "2026-10-01",
                    ["progressText": "完成加装10台", "progressPercent": bad])
                #expect(r.status == .unprocessableEntity && r.errorField == "progressPercent", "\(bad): \(r.text)")
            }
            try await R.ok(
                c, &k, head, "report_progress", "2026-10-01", ["progressText": "完成加装10台", "progressPercent": "30"])
            // 第三十六条第二款: not by the unit that did the main pre-decision evaluation.
            let evaluation: [String: Any] = [
                "evaluationTrigger": "many_objections", "evaluator": "临州社会稳定风险评估中心", "evaluationReport": "报告",
                "evaluationConclusion": "adjust",
            ]
            try await refused("evaluate", "2026-10-10", evaluation, "重大行政决策程序暂行条例 第三十六条第二款", field: "evaluator")
            try await R.ok(
                c, &k, head, "evaluate", "2026-10-10", evaluation.merging(["evaluator": "临州大学公共管理学院"]) { $1 })
            try await R.ok(
                c, &k, head, "archive", "2026-10-11", ["archiveKeeper": "县政府办公室", "archiveNumber": "ZD-2026-009"])

            // 第三十七条: an adjustment runs the procedure again — no meeting, no publication on the old review.
            try await R.ok(
                c, &k, head, "start_adjustment", "2026-10-12",
                [
                    "adjustment": "adjust", "adjustmentReason": "后评估建议调整补助标准", "draftSummary": "调整说明",
                    "draftText": "第一条 补助标准调整为每台20万元。",
                ])
            try await refused(
                "decide", "2026-10-13", Self.meeting.merging(["meetingOn": "2026-10-13"]) { $1 }, "重大行政决策程序暂行条例 第十四条")
            let publishAgain = try await c.step(
                k.id, head, "publish", version: k.version, date: "2026-10-13", publication)
            #expect(publishAgain.status == .conflict, "not from drafting: \(publishAgain.text)")

            // The decision's archive: its 文书, and every record entry with its inclusion proof.
            let archive = try await t.send(.GET, "/api/v1/cases/\(k.id)/archive", token: head)
            #expect(archive.status == .ok)
            let files = try ZipPackage.read(Data(archive.body.readableBytesView))
            #expect(files.keys.contains { $0.hasSuffix("合法性审查意见书.docx") })
            let record = try JSONSerialization.jsonObject(with: files["全过程记录.json"]!) as! [String: Any]
            let entries = record["entries"] as! [[String: Any]]
            #expect(entries.count >= 15)
            let checkpoint = try JSONDecoder().decode(
                RecordCheckpoint.self, from: try JSONSerialization.data(withJSONObject: record["checkpoint"]!))
            let key = try #require(RecordSigningKey.PublicKey(base64: record["publicKey"] as! String))
            for e in entries {
                let proof = try JSONDecoder().decode(
                    InclusionProofDocument.self, from: try JSONSerialization.data(withJSONObject: e["proof"]!))
                let entry = try JSONDecoder().decode(
                    RecordEntry.self, from: try JSONSerialization.data(withJSONObject: e["entry"]!))
                try RecordProofVerifier.verify(proof, checkpoint: checkpoint, publicKey: key, entry: entry)
            }
        }
    }

    @Test(arguments: TestDB.all)
    func theCatalogueIsPublishedAfterConsentAndAnExploratoryReformStatesItsRisks(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let c = CaseAPITests.Client(t: t)
            let head = try await t.token("xzf.xianzhang")
            // A department's head may not make the government's catalogue.
            let gov = try #require(try await Directory.organisations(on: t.app.db).first { $0.name == "清河县人民政府" }?.id)
            let foreign = try await t.send(
                .POST, "/api/v1/cases", token: try await t.token("scj.juzhang"),
                json: c.json(["procedure": DecisionCatalogueProcedure.id, "bodyId": gov.uuidString]))
            #expect([.forbidden, .notFound].contains(foreign.status), "\(foreign.status)")
            // An exploratory reform outside the catalogue: started with a reason, consulted on a short period (reason given).
            let d = try await c.open(head, MajorDecisionProcedure.id)
            var k = R.Case(id: try d.json()["id"] as! String, version: 0)
            try await R.ok(
                c, &k, head, "start_decision", "2026-06-01",
                Self.started([
                    "catalogueItem": "", "title": "清河县农村集体经营性建设用地入市试点方案", "undertaker": "清河县自然资源和规划局",
                    "outsideCatalogueReason": "省里新部署的试点任务", "source": "leader", "necessity": "",
                ]))
            try await R.refused(
                c, k, head, "open_consultation", "2026-06-02", ["consultationUntil": "2026-06-12"],
                article: "重大行政决策程序暂行条例 第十五条")
            try await R.ok(
                c, &k, head, "open_consultation", "2026-06-02",
                ["consultationUntil": "2026-06-12", "shortPeriodReason": "试点申报时间紧急"])
            try await R.ok(c, &k, head, "close_consultation", "2026-06-13", ["adoptionSummary": "无意见"])
            let exploratory = Self.meeting.merging(["meetingOn": "2026-06-20", "exploratory": true]) { $1 }
            // 第二十五条第二款: never without a review — an exploratory reform the review found without a clear legal basis
            // goes to the meeting only with its legal risks stated.
            try await R.refused(
                c, k, head, "decide", "2026-06-20", exploratory.merging(["legalRisks": "风险"]) { $1 },
                article: "重大行政决策程序暂行条例 第二十五条第二款")
            try await R.ok(c, &k, head, "submit_review", "2026-06-14", ["reviewMaterials": ["决策草案"]])
            try await R.ok(
                c, &k, try await t.token("sfj.jiandu"), "fail_review", "2026-06-19",
                [
                    "adviserOpinions": ["陈立新｜国家尚无明确规定"], "reviewProblems": ["缺乏明确的上位法依据"],
                    "reviewText": "国家尚无明确规定，属于探索性改革事项。",
                ])
            try await R.refused(
                c, k, head, "decide", "2026-06-20", exploratory, article: "重大行政决策程序暂行条例 第二十五条第二款")
            let stated = exploratory.merging(["legalRisks": "国家尚无明确规定，存在与土地管理法配套规定不一致的风险"]) { $1 }
            // 第三条第三款: not to the meeting until the catalogue lists it.
            try await R.refused(c, k, head, "decide", "2026-06-20", stated, article: "重大行政决策程序暂行条例 第三条第三款")

            // The catalogue: one per year — a second is refused (the first is adjusted); 2024 is past.
            let o = try await c.open(head, DecisionCatalogueProcedure.id)
            let fresh = R.Case(id: try o.json()["id"] as! String, version: 0)
            let item = "清河县农村集体经营性建设用地入市试点方案｜清河县自然资源和规划局"
            for year in [2024, 2026] {
                try await R.refused(
                    c, fresh, head, "draft_catalogue", "2026-06-21",
                    ["catalogueYear": year, "standards": "标准", "items": [item]],
                    article: "重大行政决策程序暂行条例 第三条第三款", field: "catalogueYear")
            }
            try await R.refused(
                c, fresh, head, "draft_catalogue", "2026-06-21",
                ["catalogueYear": 2027, "standards": "标准", "items": ["没有承办单位"]],
                article: "系统限制", field: "items")
            // The demo's 2026 catalogue, adjusted: 党委同意 before 公布 again (第三条第三款), a new version.
            let demo = try #require(
                try await MajorDecisionStore.started(procedure: DecisionCatalogueProcedure.id, on: t.app.db).first {
                    $0.file.facts[DecisionCatalogueProcedure.Fact.year] == 2026
                })
            var cat = R.Case(id: demo.id.uuidString, version: demo.file.version)
            let items = demo.file.facts.list(DecisionCatalogueProcedure.Fact.items.id) + [item]
            try await R.ok(
                c, &cat, head, "adjust_catalogue", "2026-06-21", ["adjustmentReason": "省里部署试点", "items": items])
            let early = try await c.step(
                cat.id, head, "publish_catalogue", version: cat.version, date: "2026-06-22", ["channel": "政府网站"])
            #expect(early.status == .conflict, "no publication before the 党委 agrees: \(early.text)")
            try await R.refused(
                c, cat, head, "record_party_consent", "2026-06-22",
                ["consentOn": "2026-06-20", "consentBasis": "县委常委会"],
                article: "重大行政决策程序暂行条例 第三条第三款", field: "consentOn")
            try await R.ok(
                c, &cat, head, "record_party_consent", "2026-06-22",
                ["consentOn": "2026-06-22", "consentBasis": "县委常委会"])
            let published = try await R.ok(c, &cat, head, "publish_catalogue", "2026-06-23", ["channel": "政府网站"])
            #expect(
                (published["facts"] as? [String: Any])?["catalogueVersion"] as? Double == 3, "the demo's third version")

            let j = try await R.ok(
                c, &k, head, "decide", "2026-06-24", stated.merging(["meetingOn": "2026-06-24"]) { $1 })
            #expect(j["state"] as? String == "decided")
            let figures = try await t.send(
                .GET, "/api/v1/statistics/\(MajorDecisionProcedure.id)?year=2026", token: head)
            #expect(figures.status == .ok && figures.body.string.contains("exploratory"))
        }
    }

    @Test(arguments: TestDB.all)
    func advisersAreRegisteredTheirWorkCountedAndContractsRemindTheOffice(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let web = WebClient(t)
            _ = try await web.login("xzf.xianzhang")
            let page = try await web.request(.GET, "/console/advisers")
            #expect(page.status == .ok && page.text.contains("浙江清河律师事务所") && page.text.contains("陈立新"))
            let gov = try #require(try await Directory.organisations(on: t.app.db).first { $0.name == "清河县人民政府" }?.id)
            // A contract ending before it starts names the field.
            let bad = try await web.request(
                .POST, "/console/advisers",
                form: [
                    "organisation": gov.uuidString, "kind": "person", "name": "王律师", "level": "village",
                    "servedPlace": "新桥村",
                    "contractFrom": "2026-06-01", "contractUntil": "2026-01-01",
                ])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("合同期限"))
            let ok = try await web.request(
                .POST, "/console/advisers",
                form: [
                    "organisation": gov.uuidString, "kind": "person", "name": "王律师", "level": "village",
                    "servedPlace": "新桥村",
                    "contractFrom": "2026-06-01", "contractUntil": "2027-05-31",
                ])
            #expect(ok.status == .seeOther || ok.status == .found, "\(ok.status)")
            let wang = try #require(
                try await LegalAdvisers.list(organisations: [gov], on: t.app.db).first { $0.name == "王律师" })
            let work = try await web.request(
                .POST, "/console/advisers/work",
                form: [
                    "adviser": wang.id.uuidString, "doneOn": "2026-07-01", "kind": "contract", "subject": "新桥村土地承包合同",
                    "note": "建议补充违约条款",
                ])
            #expect(work.status == .seeOther || work.status == .found, "\(work.status)")
            // Work before the contract began is not this adviser's work under it.
            let early = try await web.request(
                .POST, "/console/advisers/work",
                form: ["adviser": wang.id.uuidString, "doneOn": "2026-05-01", "kind": "contract", "subject": "x"])
            #expect(early.status == .unprocessableEntity && early.text.contains("不在王律师的聘用合同期限"))
            // 续聘: the end moves, the start stays.
            let renewed = try await web.request(
                .POST, "/console/advisers/\(wang.id.uuidString)/contract", form: ["contractUntil": "2028-05-31"])
            #expect(renewed.status == .seeOther || renewed.status == .found, "\(renewed.status)")
            let after = try await LegalAdvisers.adviser(wang.id, on: t.app.db)
            #expect(
                after?.contractFrom?.description == "2026-06-01" && after?.contractUntil?.description == "2028-05-31")
            // A department's officer may not log work for the government's advisers.
            let officer = WebClient(t)
            _ = try await officer.login("scj.zhifa1")
            let foreign = try await officer.request(
                .POST, "/console/advisers/work",
                form: ["adviser": wang.id.uuidString, "doneOn": "2026-07-01", "kind": "contract", "subject": "x"])
            #expect([.forbidden, .unprocessableEntity].contains(foreign.status))

            let token = try await t.token("xzf.xianzhang")
            let figures = try await t.send(.GET, "/api/v1/statistics/advisers?year=2026", token: token)
            let values = Dictionary(
                ((try JSONSerialization.jsonObject(with: Data(figures.body.readableBytesView)) as? [String: Any])?[
                    "figures"] as? [[String: Any]] ?? [])
                    .map { ($0["id"] as? String ?? "", $0["value"] as? Double ?? -1) }, uniquingKeysWith: { a, _ in a })
            #expect((values["work_contract"] ?? 0) >= 1 && (values["covered_village"] ?? 0) >= 2, "\(values)")
            // The workbook: title row, a row per adviser, a 合计 that sums.
            let xlsx = try await web.request(.GET, "/console/advisers.xlsx?year=2026")
            let rows = try XLSXReader.rows(Data(xlsx.body.readableBytesView))
            #expect(rows.first?.first?.contains("法律顾问") == true && rows[1].first == "序号" && rows.last?.first == "合计")
            let contracts = rows.dropFirst(2).dropLast().compactMap { Double($0[10]) }.reduce(0, +)
            #expect(Double(rows.last?[10] ?? "") == contracts && contracts >= 1)
            // The law firm's contract ends within 60 days: the 工作台 says so.
            let home = try await web.request(.GET, "/console")
            #expect(home.text.contains("聘用合同即将到期"))
            // The 决策台账: a row per decision under way, a 合计 that sums.
            let ledger = try XLSXReader.rows(
                Data(try await web.request(.GET, "/console/major-decisions.xlsx?year=2026").body.readableBytesView))
            let decisions = ledger.dropFirst(2).dropLast()
            #expect(decisions.count >= 3 && decisions.contains { $0[1] == "清河县老旧小区加装电梯补助办法" && $0[5] == "执行中" })
            #expect(Int(ledger.last?[8] ?? "") == decisions.compactMap { Int($0[8]) }.reduce(0, +))
            // The 司法局's 待办: the draft sent for its 合法性审查, with the days left.
            let justice = WebClient(t)
            _ = try await justice.login("sfj.jiandu")
            let desk = try await justice.request(.GET, "/console")
            #expect(desk.text.contains("待合法性审查：清河县中心城区学校布局规划"), "the reviewer's 待办")
            let year = try await t.send(.GET, "/api/v1/statistics/major_decision_year?year=2026", token: token)
            #expect(
                year.status == .ok && year.body.string.contains("2026年度决策事项目录3项"), "\(year.body.string.prefix(300))")
        }
    }
}
