import FazhiApp
import FazhiCore
import FazhiStore
import Foundation
import Testing
import VaporTesting

/// 双随机 on both databases: the directory imported all or nothing with each bad row named, a task frozen with its
/// published inputs and hash, no draw before its day nor without two witnesses, the draw re-run from the published JSON,
/// a cancellation only with its reason, the inspectors of the last draw of the same item kept away from its targets.
@Suite("双随机 (random inspections)")
struct RandomInspectionTests {
    /// 一单 and the plan: the list rests on the body's 行政检查 items (all or nothing), a task checks a listed item, the plan's
    /// entries are listed items and its filing comes after it was saved; the portal publishes both.
    @Test(arguments: TestDB.all)
    func theListAndThePlanArePublished(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let web = WebClient(t)
            _ = try await web.login("scj.juzhang")
            let page = try await web.request(.GET, "/console/draws")
            #expect(page.text.contains("SJ-SC-001") && page.text.contains("临州市市场监督管理局备案"), "the demo's list and plan")
            let market = try await t.orgID("清河县市场监督管理局")
            let penalty = try #require(
                try await PowerListStore.list(
                    on: t.app.fazhi.today, .init(type: .penalty, organisations: [market]), on: t.app.db
                )
                .rows.first?.code)
            let bad = try await web.request(
                .POST, "/console/draws/items",
                form: ["items": "SJ-X-1｜某检查｜\(penalty)｜一般｜5｜1｜某法\nSJ-X-2｜其他｜\(penalty)｜特别｜5｜1｜某法"])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("第1行") && bad.text.contains("第2行"))
            #expect(try await DrawItems.list(body: market, on: t.app.db).count == 2, "nothing replaced")
            let unlisted = try await web.request(
                .POST, "/console/draws",
                form: [
                    "title": "清单外", "item": "未列入清单的事项", "ratio": "5", "perTarget": "2", "drawOn": "2026-11-25",
                    "commitment": "抽取会上两名见证人输入的数字",
                ])
            #expect(unlisted.status == .unprocessableEntity && unlisted.text.contains("随机抽查事项清单中的事项"))
            let wrongPlan = try await web.request(
                .POST, "/console/draws/plan", form: ["year": "2027", "plan": "SJ-NONE｜1｜全县"])
            #expect(wrongPlan.status == .unprocessableEntity && wrongPlan.text.contains("不在随机抽查事项清单中"))
            let saved = try await web.request(
                .POST, "/console/draws/plan", form: ["year": "2027", "plan": "SJ-SC-001｜2｜全县餐饮服务经营者"])
            #expect(saved.status == .seeOther)
            let plan = try #require(try await DrawItems.plan(body: market, year: 2027, on: t.app.db))
            #expect(plan.filedOn == nil && plan.entries.count == 1, "a changed plan is filed again")
            let early = try await web.request(
                .POST, "/console/draws/plan/file",
                form: ["year": "2027", "filedWith": "临州市市场监督管理局", "filedOn": "2026-11-01"])
            #expect(early.status == .unprocessableEntity && early.text.contains("报备日期"))
            let filed = try await web.request(
                .POST, "/console/draws/plan/file",
                form: ["year": "2027", "filedWith": "临州市市场监督管理局", "filedOn": "2026-11-20"])
            #expect(filed.status == .seeOther)
            let officer = WebClient(t)
            _ = try await officer.login("scj.zhifa1")
            _ = try await officer.request(.GET, "/console/draws")
            let byOfficer = try await officer.request(.POST, "/console/draws/items", form: ["items": "x"])
            #expect(byOfficer.status == .forbidden)
            // The 名录库: a target taken out with its reason (an unknown code refuses the whole list); the 细则 published.
            let before = try await RandomDraws.targetCounts(body: market, on: t.app.db).values.reduce(0, +)
            let gone = UnifiedSocialCreditCode.complete("92339901MA0001000")!
            let unknown = try await web.request(
                .POST, "/console/draws/targets/remove", form: ["removeCodes": "\(gone)\n123", "removeReason": "注销"])
            #expect(unknown.status == .unprocessableEntity && unknown.text.contains("名录库中没有"))
            let noReason = try await web.request(
                .POST, "/console/draws/targets/remove", form: ["removeCodes": gone, "removeReason": ""])
            #expect(noReason.status == .unprocessableEntity)
            let removed = try await web.request(
                .POST, "/console/draws/targets/remove", form: ["removeCodes": gone, "removeReason": "已注销"])
            #expect(removed.status == .seeOther)
            #expect(try await RandomDraws.targetCounts(body: market, on: t.app.db).values.reduce(0, +) == before - 1)
            let rules = try await web.request(
                .POST, "/console/draws/rules", form: ["rulesTitle": "抽查工作细则（修订）", "rulesText": "第一条 新的细则。"])
            #expect(rules.status == .seeOther)
            let portal = try await t.send(.GET, "/random-inspections")
            #expect(portal.body.string.contains("抽查工作细则（修订）"))
            #expect(portal.body.string.contains("学校食堂食品安全检查") && portal.body.string.contains("2026-11-20报临州市市场监督管理局备案"))
        }
    }

    @Test(arguments: TestDB.all)
    func aDrawIsFrozenDrawnPublishedAndVerified(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let web = WebClient(t)
            _ = try await web.login("scj.juzhang")
            let page = try await web.request(.GET, "/console/draws")
            #expect(page.status == .ok && page.text.contains("检查对象名录库：A"), "the demo's directory")
            // A bad row: nothing imported, the row named.
            let good = UnifiedSocialCreditCode.complete("92339901MA0999001")!
            let bad = try await web.request(
                .POST, "/console/draws/targets",
                form: ["targets": "\(good),新店,餐饮服务,城关镇,A\n123,坏店,餐饮服务,城关镇,A"])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("第2行"))
            let market = try #require(
                try await Directory.organisations(on: t.app.db).first { $0.name == "清河县市场监督管理局" }?.id)
            #expect(try await RandomDraws.targetCounts(body: market, on: t.app.db).values.reduce(0, +) == 60)

            let form: [String: String] = [
                "title": "测试抽查", "item": "SJ-SC-001", "ratio": "10", "perTarget": "2",
                "drawOn": "2026-11-25", "commitment": "抽取会上两名见证人输入的数字",
            ]
            let past = try await web.request(
                .POST, "/console/draws", form: form.merging(["drawOn": "2026-11-01"]) { $1 })
            #expect(past.status == .unprocessableEntity && past.text.contains("随机数须在固定抽取范围之后产生"))
            let frozen = try await web.request(.POST, "/console/draws", form: form)
            #expect(frozen.status == .seeOther, "\(frozen.status)")
            let tasks = try await RandomDraws.tasks(bodies: [market], on: t.app.db)
            let task = try #require(tasks.first { $0.title == "测试抽查" })
            #expect(task.targetCount == 60 && task.quotas.values.reduce(0, +) == 7 && task.inputsHash.count == 64)
            // The inspectors drawn last time for this item keep away from the same targets.
            let last = try #require(tasks.first { $0.state == .drawn })
            let frozenInputs = try await RandomDraws.publishedInputs(task.id, on: t.app.db)
            let kept = Set(frozenInputs.exclusions.map { $0.joined(separator: "|") })
            let expected = last.result.flatMap { d in
                d.inspectors.filter(frozenInputs.inspectors.contains).map { "\($0)|\(d.target)" }
            }
            #expect(!expected.isEmpty && Set(expected) == kept && task.exclusionCount == kept.count)

            let drawURL = "/console/draws/\(task.id.uuidString)/draw"
            let early = try await web.request(.POST, drawURL, form: ["revealed": "1234", "witnesses": "甲\n乙"])
            #expect(early.status == .unprocessableEntity && early.text.contains("不能提前抽取"))
            // (The test's clock stands on 2026-11-20; the task drawn on its day is the demo's.)
            let published = try #require(try await RandomDraws.publishedText(last.id, on: t.app.db))
            let (hash, result) = try await RandomDraws.verify(last.id, on: t.app.db)
            #expect(hash && result == true)
            // Changing any input changes the result.
            var tampered = try JSONDecoder().decode(RandomDraws.Published.self, from: Data(published.utf8))
            let drawn = try RandomDraw.draw(tampered.inputs, revealed: tampered.revealed ?? "")
            #expect(drawn == tampered.result)
            tampered.targets.removeFirst()
            #expect(tampered.inputs.hash != tampered.inputsHash)
            #expect((try? RandomDraw.draw(tampered.inputs, revealed: tampered.revealed ?? "")) != tampered.result)

            // The portal: the task, its hash, the JSON anyone re-runs; the algorithm with the script.
            let portal = try await t.send(.GET, "/random-inspections/\(last.id.uuidString)")
            #expect(portal.status == .ok && portal.body.string.contains(last.inputsHash))
            let json = try await t.send(.GET, "/random-inspections/\(last.id.uuidString)/draw.json")
            #expect(json.body.string == published)
            let algorithm = try await t.send(.GET, "/random-inspections/algorithm")
            #expect(algorithm.body.string.contains("fazhi-draw-v1") && algorithm.body.string.contains("hashlib"))

            // The demo's task for today: drawn at its session; each target becomes a 行政检查 case of its inspectors.
            let today = try #require(tasks.first { $0.state == .frozen && $0.drawOn.description == "2026-11-20" })
            let noWitness = try await web.request(
                .POST, "/console/draws/\(today.id.uuidString)/draw", form: ["revealed": "5521", "witnesses": "甲"])
            #expect(noWitness.status == .unprocessableEntity && noWitness.text.contains("两名以上见证人"))
            let drawnNow = try await web.request(
                .POST, "/console/draws/\(today.id.uuidString)/draw", form: ["revealed": "5521", "witnesses": "甲\n乙"])
            #expect(drawnNow.status == .seeOther, "\(drawnNow.status)")
            let done = try #require(try await RandomDraws.task(today.id, on: t.app.db))
            // Each drawn inspector with an account sees the cases assigned to them.
            let officerRows = try await Officers.list(bodies: [market], year: 2026, on: t.app.db)
            for username in ["scj.zhifa1", "scj.zhifa2"] {
                let user = try #require(try await Accounts.user(named: username, on: t.app.db)?.requireID())
                guard let officerID = try await Officers.officerID(forUser: user, on: t.app.db),
                    let certificate = officerRows.first(where: { $0.id == officerID })?.certificateNumber
                else { continue }
                let theirs = done.result.filter { $0.inspectors.contains(certificate) }
                let desk = WebClient(t)
                _ = try await desk.login(username)
                let page = try await desk.request(.GET, "/console/draws")
                #expect(
                    theirs.isEmpty || page.text.contains("我的双随机检查"),
                    "\(username) sees the \(theirs.count) inspections drawn for them")
            }
            #expect(done.state == .drawn && done.cases?.count == done.result.count && !done.result.isEmpty)
            let target = try #require(done.result.first)
            let caseID = try #require(done.cases?[target.target])
            let officers = try await Officers.list(bodies: [market], year: 2026, on: t.app.db)
            let assigned = officers.filter { target.inspectors.contains($0.certificateNumber) }.map(\.id)
            let others = officers.filter {
                !target.inspectors.contains($0.certificateNumber)
                    && $0.profile.eligibility(on: CivilDate(iso: "2026-11-20")!).isEligible
            }.prefix(2).map(\.id)
            let c = CaseAPITests.Client(t: t)
            let officerToken = try await t.token("scj.zhifa1")
            let inspection: [String: Any] = [
                "inspectionSource": "random", "inspectedObject": "被抽中的店", "objectAddress": "清河县",
                "checkedItems": ["经营许可"], "findings": "未发现问题", "result": "none", "certificateShown": true,
                "partySignature": "signed",
            ]
            var k = ReconsiderationTests.Case(id: caseID.uuidString, version: 1)
            // A person cannot record the assignment; only the drawn inspectors inspect, and record it themselves.
            let typed = try await c.step(
                k.id, officerToken, "assign_random", version: k.version, date: "2026-11-20",
                ["assignedInspectors": ["X"]])
            #expect(typed.status == .unprocessableEntity, "\(typed.text)")
            let wrong = try await c.step(
                k.id, officerToken, "record_inspection", version: k.version, date: "2026-11-20", inspection,
                officers: Array(others))
            #expect(CaseAPITests.article(wrong) == "优化营商环境条例 第五十四条", "\(wrong.text)")
            func record(by officer: UUID, _ inputs: [String: FactValue]) async throws -> DomainError? {
                do {
                    _ = try await t.app.fazhi.store.write(on: t.app.db, .system) { tx in
                        try await CaseStore.take(
                            StepRequest(
                                caseID: caseID, action: "record_inspection", expectedVersion: 1, inputs: Facts(inputs),
                                officerIDs: assigned,
                                actor: ProcedureActor(id: officer, name: "检查人员", roles: [.officer], officerID: officer),
                                date: CivilDate(iso: "2026-11-20")!),
                            catalog: ProcedureCatalog.standard, calendar: DeadlineCalculator(calendar: .shipped),
                            today: CivilDate(iso: "2026-11-20")!, in: tx)
                    }
                    return nil
                } catch let e as DomainError { return e }
            }
            let facts: [String: FactValue] = [
                "inspectionSource": .text("random"), "objectAddress": .text("清河县"), "checkedItems": .list(["经营许可"]),
                "findings": .text("未发现问题"), "result": .text("none"), "certificateShown": .bool(true),
                "partySignature": .text("signed"),
            ]
            let object = try #require(
                try await CaseStore.load(caseID, on: t.app.db)?.file.facts[EnforcementFact.inspectedObject])
            let stranger = try #require(others.first)
            func refusal(_ e: DomainError?) -> (article: String?, field: String?) {
                if case .refused(let field, _, let article)? = e { return (article, field) }
                return (nil, nil)
            }
            let notDrawn = try await record(by: stranger, facts.merging(["inspectedObject": .text(object)]) { $1 })
            #expect(refusal(notDrawn).article == "优化营商环境条例 第五十四条", "\(String(describing: notDrawn))")
            let swapped = try await record(by: assigned[0], facts.merging(["inspectedObject": .text("别的企业")]) { $1 })
            #expect(refusal(swapped).field == "inspectedObject", "\(String(describing: swapped))")
            #expect(try await record(by: assigned[0], facts.merging(["inspectedObject": .text(object)]) { $1 }) == nil)
            k.version += 1
            let recorded = try #require(try await CaseStore.load(caseID, on: t.app.db)?.file)
            #expect(recorded.deadline("randomPublication")?.deadline.due.description == "2026-12-18", "20 working days")
            // A drawn task is not cancelled: its result stands.
            let cancelDrawn = try await web.request(
                .POST, "/console/draws/\(today.id.uuidString)/cancel", form: ["reason": "结果不理想，重新抽取"])
            #expect(cancelDrawn.status == .conflict)
            let portalBefore = try await t.send(.GET, "/random-inspections/\(today.id.uuidString)")
            #expect(!portalBefore.body.string.contains("未发现问题（"), "not public before its publication")
            _ = try await ReconsiderationTests.ok(
                c, &k, officerToken, "publish_random_result", "2026-11-20", ["publicationChannel": "国家企业信用信息公示系统"])
            let portalAfter = try await t.send(.GET, "/random-inspections/\(today.id.uuidString)")
            #expect(portalAfter.body.string.contains("未发现问题（2026-11-20公示）"))

            // The year's figures: the tasks drawn, the targets, the results published.
            let figures = try await t.send(
                .GET, "/api/v1/statistics/random_inspection?year=2026", token: try await t.token("scj.juzhang"))
            #expect(
                figures.status == .ok && figures.body.string.contains("开展双随机抽查3次"), "\(figures.body.string.prefix(400))"
            )

            // A cancellation needs its reason, which is published.
            let noReason = try await web.request(
                .POST, "/console/draws/\(task.id.uuidString)/cancel", form: ["reason": ""])
            #expect(noReason.status == .unprocessableEntity)
            _ = try await web.request(
                .POST, "/console/draws/\(task.id.uuidString)/cancel", form: ["reason": "测试任务，作废后重新发起"])
            #expect(try await RandomDraws.task(task.id, on: t.app.db)?.state == .cancelled)
            // Another body's head cannot draw it.
            let other = WebClient(t)
            _ = try await other.login("zf.juzhang")
            let foreign = try await other.request(.POST, drawURL, form: ["revealed": "1", "witnesses": "甲\n乙"])
            #expect([.notFound, .unprocessableEntity, .forbidden].contains(foreign.status))
        }
    }
}
