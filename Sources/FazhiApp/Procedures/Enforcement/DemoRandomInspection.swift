import FazhiCore
import FazhiStore
import Foundation

/// Demo 双随机 at the 市场监管局: a directory of 60 businesses in three risk grades, last quarter's task drawn and
/// published, a repeated draw recorded (the first cancelled with its reason), a joint task with the 综合行政执法局 drawn,
/// and this month's task frozen and waiting for its public session today (demo login scj.juzhang).
enum DemoRandomInspection {
    static let industries = ["餐饮服务", "食品销售", "药品零售"]
    static let areas = ["城关镇", "河东街道", "清溪镇"]

    static func load(_ c: DemoContext, in tx: WriteTransaction) async throws {
        guard let market = c.orgs["清河县市场监督管理局"] else { return }
        let base = c.base(span: 40)
        let shops = ["小吃店", "面馆", "超市", "便利店", "药店", "茶饮店"]
        var lines = ["统一社会信用代码,名称,行业,区域,风险等级"]
        for i in 0..<60 {
            guard let code = UnifiedSocialCreditCode.complete(String(format: "92339901MA%07d", 1_000 + i)) else {
                continue
            }
            let grade = i % 10 == 0 ? "C" : (i % 3 == 0 ? "B" : "A")
            lines.append(
                "\(code),清河县\(areas[i % 3])第\(i + 1)号\(shops[i % shops.count]),\(industries[i % 3]),\(areas[(i / 3) % 3]),\(grade)"
            )
        }
        _ = try await RandomDraws.importTargets(lines.joined(separator: "\n"), body: market, in: tx)
        try await publishRegisters(c, body: market, in: tx)
        func task(_ title: String, created: CivilDate, drawOn: CivilDate, repeats: UUID? = nil) -> DrawTask {
            DrawTask(
                id: UUID(), bodyID: market, title: title, item: "SJ-SC-001",
                keyItem: false, industries: [], areas: [], grades: [], ratio: 10, perTarget: 2,
                commitment: "抽取日公开抽取会上由两名见证人各自输入的数字，按输入顺序连接", drawOn: drawOn, createdOn: created,
                repeats: repeats)
        }
        let first = try await RandomDraws.freeze(
            task(
                "\(base.adding(days: -90).year)年第三季度食品经营双随机抽查", created: base.adding(days: -95),
                drawOn: base.adding(days: -90)),
            exclusions: [], in: tx)
        _ = try await RandomDraws.cancel(
            first.id, reason: "抽取会因停电中断，未产生随机数，本任务作废，另行组织抽取", bodies: [market], in: tx)
        let repeated = try await RandomDraws.freeze(
            task(
                "\(base.adding(days: -88).year)年第三季度食品经营双随机抽查（重新抽取）", created: base.adding(days: -89),
                drawOn: base.adding(days: -88), repeats: first.id),
            exclusions: [], in: tx)
        let drawn = try await RandomDraws.draw(
            repeated.id, revealed: "4817-0392", witnesses: ["县人大代表 李某某", "企业代表 周某某"], today: base.adding(days: -88),
            bodies: [market], catalog: c.catalog, calendar: c.calendar, in: tx)
        try await inspect(c, drawn, body: market, on: base.adding(days: -80), in: tx)
        _ = try await RandomDraws.freeze(
            task("\(base.year)年第四季度食品经营双随机抽查", created: base.adding(days: -5), drawOn: base), exclusions: [],
            in: tx)
        try await joint(c, lead: market, on: base.adding(days: -30), in: tx)
    }

    /// A 部门联合抽查 led by the 市场监管局 with the 综合行政执法局 (食品经营 and 户外广告 on one visit), drawn a month ago:
    /// each department's inspectors see their inspections (demo login zf.zhifa1 among them, if drawn).
    static func joint(_ c: DemoContext, lead: UUID, on day: CivilDate, in tx: WriteTransaction) async throws {
        guard let partner = c.orgs["清河县综合行政执法局"] else { return }
        var t = DrawTask(
            id: UUID(), bodyID: lead, title: "\(day.year)年沿街餐饮门店部门联合抽查", item: "SJ-SC-001", keyItem: false,
            industries: ["餐饮服务"], areas: [], grades: [], ratio: 5, perTarget: 2,
            commitment: "抽取日公开抽取会上由两名见证人各自输入的数字，按输入顺序连接", drawOn: day, createdOn: day.adding(days: -3),
            partners: [.init(bodyID: partner, item: "户外广告设施和门头招牌设置检查")])
        do {
            t = try await RandomDraws.propose(t, in: tx)
            t = try await RandomDraws.accept(
                t.id, body: partner, item: "", by: "zf.juzhang", today: day.adding(days: -2), in: tx)
            t = try await RandomDraws.freeze(t, exclusions: [], in: tx)
            _ = try await RandomDraws.draw(
                t.id, revealed: "2718-2818", witnesses: ["县政协委员 赵某某", "企业代表 孙某某"], today: day, bodies: [lead],
                catalog: c.catalog, calendar: c.calendar, in: tx)
        } catch let e as DomainError {
            tx.db.logger.warning("demo joint draw not made: \(e.description)")
        }
    }

    /// The 市场监管局's 随机抽查事项清单 (one general item, one key item) and next year's plan, filed with the city bureau.
    static func publishRegisters(_ c: DemoContext, body: UUID, in tx: WriteTransaction) async throws {
        let item = try await PowerListStore.list(
            on: c.today, .init(type: .inspection, organisations: [body]), on: tx.db
        )
        .rows.first?.code
        guard let item else { return }
        _ = try await DrawItems.importList(
            """
            SJ-SC-001｜食品经营者经营活动检查｜\(item)｜一般｜5｜2｜《中华人民共和国食品安全法》第一百一十条
            SJ-SC-002｜学校食堂食品安全检查｜\(item)｜重点｜100｜2｜《中华人民共和国食品安全法》第一百一十条；《学校食品安全与营养健康管理规定》
            """, body: body, today: c.today, in: tx)
        _ = try await DrawItems.savePlan(
            year: c.today.year + 1,
            "SJ-SC-001｜1｜全县餐饮服务经营者，A、B级\nSJ-SC-002｜1｜全县学校食堂\nSJ-SC-001｜3｜全县食品销售经营者，全部等级\nSJ-SC-002｜3｜全县学校食堂",
            body: body, today: c.today, in: tx)
        _ = try await DrawItems.publishRules(
            title: "清河县市场监督管理局“双随机、一公开”抽查工作细则",
            text: """
                第一条 本局对随机抽查事项清单内的事项，按年度抽查计划，从检查对象名录库中随机抽取检查对象，从执法检查人员名录库中随机选派检查人员。
                第二条 抽取前固定并公布抽取范围、输入哈希和随机数来源；随机数在公开抽取会上由两名以上见证人当场产生。
                第三条 检查人员与检查对象有利害关系的，或者上一次检查过同一对象同一事项的，应当回避。
                第四条 抽查结果自作出之日起二十个工作日内通过国家企业信用信息公示系统公示。
                """, body: body, today: c.today, in: tx)
        _ = try await DrawItems.filePlan(
            year: c.today.year + 1, with: "临州市市场监督管理局", on: c.today, body: body, today: c.today, in: tx)
    }

    /// The drawn inspectors inspect their targets: most found in order, one told to rectify; the results published
    /// (one late, one not yet).
    static func inspect(
        _ c: DemoContext, _ task: DrawTask, body: UUID, on day: CivilDate, in tx: WriteTransaction
    ) async throws {
        guard c.catalog.current(InspectionProcedure.id) != nil else { return }
        let registry = try await Officers.list(bodies: [body], year: day.year, on: tx.db)
        let ids = Dictionary(registry.map { ($0.certificateNumber, $0.id) }, uniquingKeysWith: { a, _ in a })
        for (n, d) in task.result.enumerated() {
            guard let caseID = task.cases?[d.target], let file = try await CaseStore.load(caseID, on: tx.db)?.file
            else {
                continue
            }
            var version = file.version
            // The first drawn inspector records the inspection (优化营商环境条例 第五十四条: 随机选派的人员本人).
            guard let first = d.inspectors.first, let officerID = ids[first] else { continue }
            let officer = ProcedureActor(
                id: officerID, name: registry.first { $0.id == officerID }?.name ?? first, roles: [.officer],
                officerID: officerID)
            let rectify = n == 1
            // Visits spread over the days after the draw, on a day every drawn inspector may act: the demo's dates move
            // with today, its certificates' do not (a target none can visit stays uninspected, as one would).
            let drawn = registry.filter { d.inspectors.contains($0.certificateNumber) }
            guard
                let visit = [day.adding(days: n), day, task.drawOn].first(where: { on in
                    drawn.allSatisfy { $0.profile.eligibility(on: on).isEligible }
                })
            else { continue }
            var steps: [(String, CivilDate, [String: FactValue], [UUID])] = [
                (
                    InspectionProcedure.Step.recordInspection, visit,
                    [
                        "inspectionSource": .text("random"),
                        "inspectedObject": .text(file.facts[EnforcementFact.inspectedObject] ?? d.target),
                        "objectAddress": .text("清河县"), "checkedItems": .list(["经营许可", "进货查验记录", "从业人员健康证明"]),
                        "findings": .text(rectify ? "进货查验记录不全" : "未发现问题"),
                        "result": .text(rectify ? "rectify" : "none"), "certificateShown": .bool(true),
                        "partySignature": .text("signed"),
                    ].merging(rectify ? ["rectifyBy": .date(day.adding(days: n + 15))] : [:]) { $1 },
                    d.inspectors.compactMap { ids[$0] }
                )
            ]
            if n < task.result.count - 1 {
                steps.append(
                    (
                        InspectionProcedure.Step.publishRandomResult, visit.adding(days: n == 2 ? 40 : 10),
                        ["publicationChannel": .text("国家企业信用信息公示系统")], []
                    ))
            }
            for (action, date, inputs, officers) in steps where date <= c.today {
                do {
                    _ = try await CaseStore.take(
                        StepRequest(
                            caseID: caseID, action: action, expectedVersion: version, inputs: Facts(inputs),
                            officerIDs: officers, actor: officer, date: date),
                        catalog: c.catalog, calendar: c.calendar, today: c.today, in: tx)
                    version += 1
                } catch let e as DomainError {
                    tx.db.logger.warning("demo inspection stopped at \(action): \(e.description)")
                    break
                }
            }
        }
    }

    /// A routine inspection of a shop and, two weeks later, a 专项检查 of the same shop by the same body (the 执法监督 demo's
    /// repeated-inspection alert).
    static func inspectTwice(_ c: DemoContext, in tx: WriteTransaction) async throws {
        let base = c.base(span: 40)
        let first = base.adding(days: -40), second = base.adding(days: -26)
        guard let def = c.catalog.current(InspectionProcedure.id), let body = c.orgs["清河县市场监督管理局"] else { return }
        let officers = try await Officers.list(bodies: [body], year: first.year, on: tx.db).filter {
            $0.certificate.status == .active && $0.certificate.expiresOn >= c.today
        }
        guard officers.count >= 2 else { return }
        let actor = ProcedureActor(
            id: officers[0].id, name: officers[0].name, roles: [.officer], officerID: officers[0].id)
        for (date, source) in [(first, "routine"), (second, "special")] where date <= c.today {
            let opened = try await CaseStore.open(def, bodyID: body, today: date, in: tx)
            do {
                _ = try await CaseStore.take(
                    StepRequest(
                        caseID: opened.id, action: InspectionProcedure.Step.recordInspection, expectedVersion: 0,
                        inputs: Facts([
                            "inspectionSource": .text(source), "inspectedObject": .text("清河县河东街道某某烧烤店"),
                            "objectAddress": .text("清河县河东街道滨河路12号"), "checkedItems": .list(["经营许可", "食品原料进货查验"]),
                            "findings": .text("未发现问题"), "result": .text("none"), "certificateShown": .bool(true),
                            "partySignature": .text("signed"),
                        ]),
                        officerIDs: officers.prefix(2).map(\.id), actor: actor, date: date),
                    catalog: c.catalog, calendar: c.calendar, today: c.today, in: tx)
            } catch let e as DomainError {
                tx.db.logger.warning("demo inspection stopped: \(e.description)")
            }
        }
    }
}
