import FazhiCore
import FazhiStore
import Foundation

/// Demo cases, taken step by step through the engine as officers would: a finished case with a hearing and
/// 法制审核, cases waiting on a statement period or overdue, an on-the-spot penalty, an inspection with a
/// rectification date, a transfer to the police, a 首违不罚 decision and a published decision of a citizen.
enum DemoCases {
    struct Person { let id: UUID; let name: String; let roles: Set<Role> }

    static func load(
        orgs: [String: UUID], people: [String: Person], catalog: ProcedureCatalog, calendar: DeadlineCalculator,
        today: CivilDate,
        in tx: WriteTransaction
    ) async throws {
        // The cases happen before `base`, chosen so that every deadline they start (the longest: 90 days from 立案)
        // falls in a year the calendar covers; the calendar fails closed beyond it.
        let lastYear = calendar.calendar.years.max() ?? today.year
        let base = min(today, CivilDate(year: lastYear, month: 12, day: 31)!.adding(days: -91))
        func day(_ offset: Int) -> CivilDate { base.adding(days: offset) }

        for (bodyName, prefix) in [("清河县市场监督管理局", "scj"), ("清河县综合行政执法局", "zf")] {
            guard let body = orgs[bodyName],
                let item = try await PowerListStore.list(
                    on: base, .init(type: .penalty, organisations: [body]), on: tx.db
                ).rows.first?.code
            else { continue }
            let officerIDs = try await [people["\(prefix).zhifa1"], people["\(prefix).zhifa2"]].compactMap { $0 }
                .asyncCompactMap { try await Officers.officerID(forUser: $0.id, on: tx.db) }
            guard let officer = people["\(prefix).zhifa1"], let head = people["\(prefix).juzhang"],
                officerIDs.count == 2
            else { continue }
            let reviewer = people["\(prefix).fazhi"]

            func actor(_ p: Person) -> ProcedureActor { ProcedureActor(id: p.id, name: p.name, roles: p.roles) }
            /// Runs one case; a step the engine refuses (say, a deadline in a year without holiday data) ends that case there.
            func run(
                _ procedure: String, _ steps: [(String, Person, CivilDate, [String: FactValue], Bool)]
            ) async throws {
                guard let def = catalog.current(procedure) else { return }
                let c = try await CaseStore.open(def, bodyID: body, today: steps.first?.2 ?? base, in: tx)
                var version = 0
                for (action, who, date, inputs, withOfficers) in steps {
                    do {
                        _ = try await CaseStore.take(
                            StepRequest(
                                caseID: c.id, action: action, expectedVersion: version, inputs: Facts(inputs),
                                officerIDs: withOfficers ? officerIDs : [], actor: actor(who), date: date),
                            catalog: catalog, calendar: calendar, today: today, in: tx)
                        version += 1
                    } catch let e as DomainError {
                        tx.db.logger.warning("demo case stopped at \(action): \(e.description)")
                        return
                    } catch let e as CalendarError {
                        tx.db.logger.warning("demo case stopped at \(action): \(e.description)")
                        return
                    }
                }
            }
            let evidence: [String: FactValue] = [
                "evidenceKind": .text("inspection"), "evidenceSummary": .text("现场检查，制作现场笔录，拍照固定证据"),
                "partySignature": .text("signed"), "certificateShown": .bool(true),
            ]
            func filing(
                _ party: String, _ kind: String, _ summary: String, violationOn: CivilDate
            ) -> [String: FactValue] {
                [
                    "source": .text("complaint"), "powerItemCode": .text(item), "partyName": .text(party),
                    "partyKind": .text(kind),
                    "partyAddress": .text("清河县城关镇人民路\(party.count * 7 % 90 + 1)号"), "summary": .text(summary),
                    "violationOn": .text(violationOn.description),
                ]
            }
            // The item's registered 裁量基准 (第三十四条): a proposal names it with its measure, and the fine is either inside
            // the computed range or — where the demo keeps a larger or smaller fine — carries the reason (法制审核 follows).
            let benchmark = try await Benchmarks.current(on: tx.db).first { $0.powerItemCode == item }
            func proposal(
                _ facts: String, fine: Double, measure: Double, fit: Bool = false
            ) throws -> [String: FactValue] {
                var p: [String: FactValue] = [
                    "violationFacts": .text(facts), "penaltyBasis": .text("《中华人民共和国食品安全法》第一百二十二条"),
                    "penaltyKinds": .list(["罚款"]), "fineAmount": .number(fine),
                ]
                guard let stored = benchmark else { return p }
                let b = try stored.benchmark()
                p["benchmarkCode"] = .text(stored.code)
                p["measureValue"] = .number(measure)
                p["goodsValue"] = .number(measure)
                let o = try DiscretionCalculator.compute(
                    b, facts: CaseFacts(measureValue: measure, goodsValue: measure))
                let lo = o.fineMinimumYuan ?? 0, hi = o.fineMaximumYuan ?? .greatestFiniteMagnitude
                if fine < lo || fine > hi {
                    if fit {
                        p["fineAmount"] = .number(lo)
                    } else {
                        p["outsideBenchmarkReason"] = .text("案情特殊，经集体研究拟不按基准幅度处罚（附说明）")
                    }
                }
                return p
            }
            let company = prefix == "scj" ? "清河县鑫源食品商行" : "清河县顺达装饰有限公司"

            // 1. A finished case: hearing, 法制审核, decision, service, payment, publication, closing.
            let hearingDate = try calendar.due(from: day(-100), days: 7, unit: .workday)
            var full: [(String, Person, CivilDate, [String: FactValue], Bool)] = [
                (
                    "file_case", head, day(-112),
                    filing(company, "organisation", "群众投诉销售超过保质期的食品", violationOn: day(-120)), false
                ),
                ("record_evidence", officer, day(-110), evidence, true),
                (
                    "propose", officer, day(-104),
                    try proposal("在经营场所销售超过保质期的食品共计42件，货值金额10,000元", fine: 150_000, measure: 10_000), false
                ),
                ("notify", officer, day(-104), ["noticeMethod": .text("direct")], false),
                ("request_hearing", officer, day(-102), ["hearingRequest": .text("当事人书面要求听证")], false),
                (
                    "schedule_hearing", head, day(-100),
                    [
                        "hearingDate": .date(hearingDate), "hearingPlace": .text("本局三楼听证室"),
                        "hearingChair": .text("法规科 陈主任"), "hearingPublic": .bool(true),
                    ], false
                ),
                (
                    "hold_hearing", head, hearingDate,
                    [
                        "partyAppeared": .bool(true), "hearingSummary": .text("调查人员陈述事实、证据和处罚建议；当事人对事实无异议，请求从轻"),
                        "hearingRecordSigned": .text("signed"),
                    ], false
                ),
            ]
            let afterHearing = hearingDate.adding(days: 1)
            if let reviewer {
                full.append(
                    (
                        "legal_review_pass", reviewer, afterHearing, ["reviewOpinion": .text("事实清楚，证据确凿，程序合法，裁量适当，同意")],
                        false
                    ))
            }
            full += [
                (
                    "decide", head, afterHearing.adding(days: 1),
                    [
                        "outcome": .text("penalty"), "penaltyKinds": .list(["罚款"]), "fineAmount": .number(150_000),
                        "decisionReasons": .text("事实清楚，证据确凿"), "hearingRecordCited": .bool(true),
                    ], false
                ),
                (
                    "serve", officer, afterHearing.adding(days: 2),
                    ["serviceMethod": .text("direct"), "recipient": .text("\(company)负责人")], false
                ),
                ("publish", officer, afterHearing.adding(days: 3), [:], false),
                (
                    "record_payment", officer, afterHearing.adding(days: 9),
                    [
                        "paymentVoucher": .text("FS2026\(prefix.count)00812"), "paidAmount": .number(150_000),
                        "paidOn": .text(afterHearing.adding(days: 9).description),
                    ], false
                ),
                ("close", head, afterHearing.adding(days: 10), ["closingSummary": .text("罚款已缴清，案件办结")], false),
            ]
            try await run(PenaltyOrdinaryProcedure.id, full)

            // 2. Waiting on the statement period (告知 two days ago).
            try await run(
                PenaltyOrdinaryProcedure.id,
                [
                    (
                        "file_case", head, day(-40),
                        filing("清河县百味餐饮店", "organisation", "日常检查发现未按规定进行进货查验", violationOn: day(-45)), false
                    ),
                    ("record_evidence", officer, day(-38), evidence, true),
                    (
                        "propose", officer, day(-3), try proposal("未按规定查验供货者的许可证和食品出厂检验合格证", fine: 5_000, measure: 1),
                        false
                    ),
                    ("notify", officer, day(-2), ["noticeMethod": .text("direct")], false),
                ])
            // 3. Overdue: filed more than 90 days ago and still under investigation.
            try await run(
                PenaltyOrdinaryProcedure.id,
                [
                    (
                        "file_case", head, day(-96),
                        filing("清河县佳美超市", "organisation", "举报销售无中文标签的进口食品", violationOn: day(-100)), false
                    ),
                    ("record_evidence", officer, day(-95), evidence, true),
                ])
            // 4. 首违不罚: decided not to penalise, served and closed.
            try await run(
                PenaltyOrdinaryProcedure.id,
                [
                    (
                        "file_case", head, day(-60), filing("李秀英", "citizen", "流动摊点未公示健康证明", violationOn: day(-62)),
                        false
                    ),
                    ("record_evidence", officer, day(-59), evidence, true),
                    (
                        "decide", head, day(-57),
                        [
                            "outcome": .text("no_penalty"),
                            "decisionReasons": .text("初次违法且危害后果轻微并已及时改正，依据《中华人民共和国行政处罚法》第三十三条第一款不予行政处罚，已对当事人进行教育"),
                        ], false
                    ),
                    ("serve", officer, day(-56), ["serviceMethod": .text("direct"), "recipient": .text("李秀英")], false),
                    ("close", head, day(-55), ["closingSummary": .text("不予处罚，已教育")], false),
                ])
            // 5. A citizen's penalty, published with the name masked: the fine the benchmark gives (no 法制审核 needed).
            let citizenProposal = try proposal("王建军未取得食品经营许可，在城关镇农贸市场从事熟食经营", fine: 3_000, measure: 1, fit: true)
            try await run(
                PenaltyOrdinaryProcedure.id,
                [
                    (
                        "file_case", head, day(-50), filing("王建军", "citizen", "未取得许可从事食品经营", violationOn: day(-55)),
                        false
                    ),
                    ("record_evidence", officer, day(-49), evidence, true),
                    ("propose", officer, day(-45), citizenProposal, false),
                    ("notify", officer, day(-45), ["noticeMethod": .text("direct")], false),
                    ("waive", officer, day(-44), ["waiverDocument": .text("当事人签署放弃陈述申辩和听证的书面声明")], false),
                    (
                        "decide", head, day(-43),
                        [
                            "outcome": .text("penalty"), "penaltyKinds": .list(["罚款"]),
                            "fineAmount": citizenProposal["fineAmount"] ?? .number(3_000),
                            "decisionReasons": .text("事实清楚"),
                        ], false
                    ),
                    (
                        "serve", officer, day(-42), ["serviceMethod": .text("on_spot"), "recipient": .text("王建军")],
                        false
                    ),
                    ("publish", officer, day(-40), [:], false),
                    // Unpaid: the 催告书 (行政强制法 第三十五条) whose ten working days precede any enforcement.
                    (
                        "serve_demand", officer, day(-5),
                        ["demandMethod": .text("direct"), "demandContent": .text("缴纳罚款3000元及加处罚款")], false
                    ),
                ])
            // 6. Suspected crime: transferred to the police.
            try await run(
                PenaltyOrdinaryProcedure.id,
                [
                    (
                        "file_case", head, day(-30),
                        filing("清河县某某冷冻品经营部", "organisation", "涉嫌销售病死猪肉", violationOn: day(-31)), false
                    ),
                    ("record_evidence", officer, day(-29), evidence, true),
                    (
                        "mark_suspected_crime", head, day(-27), ["crimeReason": .text("检出病死猪肉，涉嫌生产、销售不符合安全标准的食品罪")],
                        false
                    ),
                    (
                        "transfer", head, day(-26),
                        [
                            "receivingOrgan": .text("清河县公安局"),
                            "transferNumber": .text("清\(prefix == "scj" ? "市监" : "综执")移〔\(base.year)〕1号"),
                            "transferReason": .text("涉嫌生产、销售不符合安全标准的食品罪"),
                        ], false
                    ),
                ])
            // 7. On the spot: a 50-yuan fine collected, handed over and filed.
            try await run(
                PenaltySimpleProcedure.id,
                [
                    (
                        "decide_on_spot", officer, day(-10),
                        [
                            "powerItemCode": .text(item), "partyName": .text("赵某"), "partyKind": .text("citizen"),
                            "violationFacts": .text("占道摆摊经营"),
                            "penaltyBasis": .text("《城市市容和环境卫生管理条例》第三十六条"), "penaltyKinds": .list(["罚款"]),
                            "fineAmount": .number(50),
                            "formNumber": .text("No.\(prefix == "scj" ? "33" : "34")0001\(base.year % 100)"),
                            "certificateShown": .bool(true), "partySignature": .text("signed"),
                            "partyInformed": .bool(true),
                            "partyStatement": .text("无异议，放弃陈述申辩"),
                        ], true
                    ),
                    ("collect_on_spot", officer, day(-10), ["receiptNumber": .text("浙财非税 \(base.year)0001")], false),
                    ("hand_over_cash", officer, day(-9), ["handoverReceipt": .text("交款单 001")], false),
                    ("file_record", officer, day(-9), ["filingNote": .text("已报局法规科备案")], false),
                    ("close", officer, day(-8), [:], false),
                ])
            // 8. An inspection that ordered rectification by a date still ahead.
            try await run(
                InspectionProcedure.id,
                [
                    (
                        "record_inspection", officer, day(-5),
                        [
                            "inspectionSource": .text("random"), "inspectedObject": .text("清河县阳光幼儿园食堂"),
                            "objectAddress": .text("清河县城关镇"),
                            "checkedItems": .list(["从业人员健康证明", "食品留样", "进货查验记录"]), "findings": .text("食品留样记录不完整"),
                            "result": .text("rectify"),
                            "rectifyBy": .date(min(day(10), CivilDate(year: lastYear, month: 12, day: 31)!)),
                            "certificateShown": .bool(true),
                            "partySignature": .text("signed"),
                        ], true
                    )
                ])
        }
    }
}

extension Array {
    func asyncCompactMap<T>(_ f: (Element) async throws -> T?) async rethrows -> [T] {
        var out: [T] = []
        for e in self { if let v = try await f(e) { out.append(v) } }
        return out
    }
}
