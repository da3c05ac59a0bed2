import FazhiApp
import FazhiCore
import FazhiStore
import Foundation
import Testing
import VaporTesting

/// 部门联合抽查 on both databases: the lead body's targets, each department's inspectors drawn from its own officers
/// (`fazhi-draw-v2`, re-run from the published inputs), one 行政检查 case at each department for each target — one visit,
/// so no 短期内重复检查 alert between them — the task on each department's list; a partner that is the lead itself, not a
/// registered enforcement body, without an item or without enough eligible officers is refused.
@Suite("双随机 joint tasks")
struct JointRandomInspectionTests {
    @Test(arguments: TestDB.all)
    func aJointTaskDrawsEachDepartmentsOwnInspectors(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let web = WebClient(t)
            _ = try await web.login("scj.juzhang")
            let page = try await web.request(.GET, "/console/draws")
            #expect(page.text.contains("部门联合抽查"), "the form offers partners")
            let orgs = try await Directory.organisations(on: t.app.db)
            let market = try #require(orgs.first { $0.name == "清河县市场监督管理局" }?.id)
            let zf = try #require(orgs.first { $0.name == "清河县综合行政执法局" }?.id)
            let form: [String: String] = [
                "title": "联合抽查", "item": "SJ-SC-001", "ratio": "5", "perTarget": "2", "drawOn": "2026-11-20",
                "commitment": "抽取会上两名见证人输入的数字", "partners": "清河县综合行政执法局｜户外广告设施设置检查",
            ]
            func refused(_ partners: String, _ words: String) async throws {
                let r = try await web.request(
                    .POST, "/console/draws", form: form.merging(["partners": partners]) { $1 })
                #expect(r.status == .unprocessableEntity && r.text.contains(words), "\(partners): \(r.status)")
            }
            try await refused("清河县市场监督管理局｜食品经营", "不能是发起抽查的部门本身")
            try await refused("清河县没有的局｜检查", "不是登记的行政执法主体")
            try await refused("清河县综合行政执法局", "单位名称｜检查事项")
            try await refused("清河县综合行政执法局｜甲\n清河县综合行政执法局｜乙", "不能重复")
            try await refused("清河县市场监督管理局城关市场监管所｜食品经营", "受委托组织")
            try await refused("清河县综合行政执法局｜户外\u{1B}广告", "控制字符")
            let bell = try await web.request(
                .POST, "/console/draws", form: form.merging(["title": "联合\u{07}抽查"]) { $1 })
            #expect(
                bell.status == .unprocessableEntity && bell.text.contains("任务名称"),
                "a task that could never be drawn is not fixed")
            #expect(
                try await RandomDraws.tasks(bodies: [zf], on: t.app.db).allSatisfy { $0.title != "联合抽查" },
                "nothing half-written")

            let proposed = try await web.request(.POST, "/console/draws", form: form)
            #expect(proposed.status == .seeOther, "\(proposed.status) \(proposed.text.prefix(300))")
            // The partner finds the task in its own list, to accept: nothing is fixed before it does.
            var task = try #require(
                try await RandomDraws.tasks(bodies: [zf], on: t.app.db).first { $0.title == "联合抽查" })
            #expect(
                task.isJoint && task.bodyID == market && task.partners?.first?.bodyID == zf && task.state == .proposed)
            #expect(try await RandomDraws.publishedText(task.id, on: t.app.db) == nil, "nothing published yet")
            let taskURL = "/console/draws/\(task.id.uuidString)"
            _ = try await web.request(.GET, taskURL)
            let tooEarly = try await web.request(.POST, taskURL + "/freeze", form: ["exclusions": ""])
            #expect(tooEarly.status != .seeOther, "not before the partners accept")
            let partnerHead = WebClient(t)
            _ = try await partnerHead.login("zf.juzhang")
            let desk = try await partnerHead.request(.GET, "/console")
            #expect(desk.text.contains("待确认参加联合抽查"), "the partner's 待办")
            let offer = try await partnerHead.request(.GET, taskURL)
            #expect(offer.text.contains("accept-form"))
            let officerWeb = WebClient(t)
            _ = try await officerWeb.login("zf.zhifa1")
            _ = try await officerWeb.request(.GET, taskURL)
            let byOfficer = try await officerWeb.request(.POST, taskURL + "/accept", form: ["partnerItem": ""])
            #expect(byOfficer.status != .seeOther, "an officer does not commit the department")
            let accepted = try await partnerHead.request(.POST, taskURL + "/accept", form: ["partnerItem": ""])
            #expect(accepted.status == .seeOther, "\(accepted.status) \(accepted.text.prefix(300))")
            let twice = try await partnerHead.request(.POST, taskURL + "/accept", form: ["partnerItem": ""])
            #expect(twice.status == .conflict)
            _ = try await web.request(.GET, taskURL)
            let fixed = try await web.request(.POST, taskURL + "/freeze", form: ["exclusions": ""])
            #expect(fixed.status == .seeOther, "\(fixed.status) \(fixed.text.prefix(300))")
            task = try #require(try await RandomDraws.task(task.id, on: t.app.db))
            #expect(task.state == .frozen && task.partners?.first?.acceptedBy == "zf.juzhang")
            let inputs = try await RandomDraws.publishedInputs(task.id, on: t.app.db)
            let groups = inputs.groups ?? [:]
            #expect(inputs.algorithm == "fazhi-draw-v2" && Set(groups.values) == [market.uuidString, zf.uuidString])
            #expect(inputs.inspectors.allSatisfy { groups[$0] != nil })

            let drew = try await web.request(
                .POST, "/console/draws/\(task.id.uuidString)/draw", form: ["revealed": "8812", "witnesses": "甲\n乙"])
            #expect(drew.status == .seeOther, "\(drew.status) \(drew.text.prefix(300))")
            let done = try #require(try await RandomDraws.task(task.id, on: t.app.db))
            #expect(!done.result.isEmpty && done.openedCases.count == 2 * done.result.count)
            for d in done.result {
                #expect(d.inspectors.filter { groups[$0] == market.uuidString }.count == 2)
                #expect(d.inspectors.filter { groups[$0] == zf.uuidString }.count == 2)
            }
            // Each department's case carries its own drawn inspectors and its own item.
            for o in done.openedCases {
                let f = try #require(try await CaseStore.load(o.caseID, on: t.app.db)?.file)
                let drawn = try #require(done.result.first { $0.target == o.target })
                #expect(f.bodyID == o.body)
                #expect(
                    f.facts.list(EnforcementFact.assignedInspectors.id)
                        == drawn.inspectors.filter { groups[$0] == o.body.uuidString })
                #expect(f.facts[EnforcementFact.jointTask] == task.id.uuidString)
                #expect((f.facts[EnforcementFact.drawTask] ?? "").contains(o.body == zf ? "户外广告" : "联合抽查"))
            }
            let (hash, result) = try await RandomDraws.verify(task.id, on: t.app.db)
            #expect(hash && result == true, "re-run from the published inputs")
            var tampered = inputs
            tampered.groups?[inputs.inspectors[0]] =
                zf.uuidString == groups[inputs.inspectors[0]] ? market.uuidString : zf.uuidString
            #expect(
                tampered.inputs.hash != inputs.inputsHash, "moving an inspector to another department changes the hash")

            // The partner's head reads the task and the cases, but neither draws nor cancels it.
            let partner = WebClient(t)
            _ = try await partner.login("zf.juzhang")
            let list = try await partner.request(.GET, "/console/draws")
            #expect(list.text.contains("联合抽查"))
            let taskPage = try await partner.request(.GET, "/console/draws/\(task.id.uuidString)")
            #expect(
                taskPage.status == .ok && taskPage.text.contains("配合：清河县综合行政执法局（户外广告设施设置检查）")
                    && taskPage.text.contains("清河县综合行政执法局：<a"))
            let cancel = try await partner.request(
                .POST, "/console/draws/\(task.id.uuidString)/cancel", form: ["reason": "配合部门想作废"])
            let still = try await RandomDraws.task(task.id, on: t.app.db)
            #expect(cancel.status != .seeOther && still?.state == .drawn)

            // The next joint task of the same items: each department's inspectors keep away from the targets they were drawn
            // for last time (回避 by rotation, partners included).
            let next = try await web.request(.POST, "/console/draws", form: form.merging(["title": "第二次联合抽查"]) { $1 })
            #expect(next.status == .seeOther)
            let second = try #require(
                try await RandomDraws.tasks(bodies: [market], on: t.app.db).first { $0.title == "第二次联合抽查" })
            _ = try await partnerHead.request(.GET, "/console/draws/\(second.id.uuidString)")
            _ = try await partnerHead.request(
                .POST, "/console/draws/\(second.id.uuidString)/accept", form: ["partnerItem": ""])
            _ = try await web.request(.GET, "/console/draws/\(second.id.uuidString)")
            _ = try await web.request(.POST, "/console/draws/\(second.id.uuidString)/freeze", form: ["exclusions": ""])
            let nextInputs = try await RandomDraws.publishedInputs(second.id, on: t.app.db)
            let rotated = Set(nextInputs.exclusions.map { $0.joined(separator: "|") })
            let partnerPairs = done.result.flatMap { d in
                d.inspectors.filter { groups[$0] == zf.uuidString }.map { "\($0)|\(d.target)" }
            }
            #expect(
                !partnerPairs.isEmpty && Set(partnerPairs).isSubset(of: rotated), "the partner's inspectors rotate too")

            // Both departments inspect on the same visit: no 短期内重复检查 between them.
            let target = try #require(done.result.first)
            for o in done.openedCases where o.target == target.target {
                let f = try #require(try await CaseStore.load(o.caseID, on: t.app.db)?.file)
                let officers = try await Officers.list(bodies: [o.body], year: 2026, on: t.app.db).filter {
                    f.facts.list(EnforcementFact.assignedInspectors.id).contains($0.certificateNumber)
                }
                let first = try #require(officers.first)
                _ = try await t.app.fazhi.store.write(on: t.app.db, .system) { tx in
                    try await CaseStore.take(
                        StepRequest(
                            caseID: o.caseID, action: "record_inspection", expectedVersion: 1,
                            inputs: Facts([
                                "inspectionSource": .text("random"), "objectAddress": .text("清河县"),
                                "inspectedObject": .text(f.facts[EnforcementFact.inspectedObject] ?? ""),
                                "checkedItems": .list(["联合检查"]), "findings": .text("未发现问题"),
                                "result": .text("none"), "certificateShown": .bool(true),
                                "partySignature": .text("signed"),
                            ]),
                            officerIDs: officers.map(\.id),
                            actor: ProcedureActor(
                                id: first.id, name: first.name, roles: [.officer], officerID: first.id),
                            date: CivilDate(iso: "2026-11-20")!),
                        catalog: ProcedureCatalog.standard, calendar: DeadlineCalculator(calendar: .shipped),
                        today: CivilDate(iso: "2026-11-20")!, in: tx)
                }
                let alerts = try await SupervisionAlerts.list(
                    bodies: [o.body], state: nil, rule: AlertRule.repeatInspection.id, on: t.app.db)
                #expect(!alerts.contains { $0.caseID == o.caseID }, "one joint visit is not a repeat inspection")
            }
        }
    }
}
