import Crypto
import FazhiCore
import FazhiOffice
import FazhiStore
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import FazhiApp

/// 法治督察: opened by the 依法治县办 for a unit it chooses or draws (the draw redone here from the record by the
/// documented rule), inspected, fed back with a period from 送达, rectified item by item by the unit, verified and
/// closed — each refusal both ways — and counted in the report.
@Suite(.serialized) struct InspectionTests {
    @Test(arguments: TestDB.all) func drawnInspectedRectifiedReported(_ db: TestDB) async throws {
        // A fixed day with a next day in the same year (a plan is drawn the day after it is published).
        try await withTestApp(db, now: ISO8601DateFormatter().date(from: "2026-11-20T02:00:00Z")) { t in
            let year = t.app.fazhi.today.year, today = t.app.fazhi.today.description
            let supervisor = WebClient(t)
            _ = try await supervisor.login("sfj.jiandu")
            let head = WebClient(t)
            _ = try await head.login("scj.juzhang")
            let market = try await t.orgID("清河县市场监督管理局")
            func count() async throws -> Int {
                try await t.sql.raw(
                    "SELECT COUNT(*) AS n FROM cases WHERE procedure = \(bind: RuleOfLawInspectionProcedure.id)"
                ).first()?.decode(column: "n", as: Int.self) ?? -1
            }
            let before = try await count()
            _ = try await head.request(.GET, "/console/assessment?year=\(year)")
            let refused = try await head.request(.POST, "/console/inspections", form: ["body": market.uuidString])
            #expect(refused.status == .forbidden, "a unit does not open its own inspection")
            _ = try await supervisor.request(.GET, "/console/assessment?year=\(year)")
            let value: [String: String] = ["revealed": "2026139 05 11 18 22 30", "witnesses": "李见证\n张见证"]
            #expect(
                try await supervisor.request(.POST, "/console/inspections", form: value).status == .unprocessableEntity,
                "no draw without a plan published before the value exists")
            // The plan: refused without its count, a past day or the way the value will arise.
            let drawDay = t.app.fazhi.today.adding(days: 1).description
            let plan: [String: String] = ["count": "3", "drawOn": drawDay, "commitment": "抽取当日体育彩票排列五开奖号码"]
            let records = try await t.recordSize()
            for (form, why) in [
                (plan.merging(["count": "0"]) { $1 }, "count"),
                (plan.merging(["drawOn": t.app.fazhi.today.adding(days: -1).description]) { $1 }, "a past day"),
                (plan.merging(["drawOn": today]) { $1 }, "today: the value may exist already"),
                (plan.merging(["commitment": ""]) { $1 }, "commitment"),
            ] {
                #expect(
                    try await supervisor.request(.POST, "/console/inspections/plans", form: form).status
                        == .unprocessableEntity, "\(why)")
            }
            #expect(
                try await head.request(.POST, "/console/inspections/plans", form: plan).status == .forbidden,
                "a unit does not plan its own draw")
            #expect(try await t.recordSize() == records)
            #expect(try await supervisor.request(.POST, "/console/inspections/plans", form: plan).status == .seeOther)
            #expect(try await t.recordSize() == records + 1, "the plan on the record before the value exists")
            #expect(
                try await supervisor.request(.POST, "/console/inspections/plans", form: plan).status == .conflict,
                "one plan awaiting its draw at a time")
            #expect(
                try await supervisor.request(.POST, "/console/inspections", form: ["revealed": "2026139"]).status
                    == .unprocessableEntity, "two witnesses")
            #expect(
                try await supervisor.request(.POST, "/console/inspections", form: ["witnesses": "李见证\n张见证"]).status
                    == .unprocessableEntity, "a draw needs its public value")
            let early = try await supervisor.request(.POST, "/console/inspections", form: value)
            #expect(early.status == .unprocessableEntity && early.text.contains("不能提前抽取"))
            #expect(try await count() == before)
            // Units see the plan before its day.
            #expect(try await head.request(.GET, "/console/assessment?year=\(year)").text.contains("抽取当日体育彩票排列五开奖号码"))

            // A draw of three on the plan's day: redone from what the record holds, by the rule as documented.
            t.advance(days: 1)
            // A day on, the sessions have lapsed: each signs in again.
            _ = try await supervisor.login("sfj.jiandu")
            _ = try await head.login("scj.juzhang")
            _ = try await supervisor.request(.GET, "/console/assessment?year=\(year)")
            let drew = try await supervisor.request(.POST, "/console/inspections", form: value)
            #expect(drew.status == .seeOther, "\(drew.text.prefix(3000))")
            #expect(try await count() == before + 3)
            #expect(
                try await supervisor.request(
                    .POST, "/console/inspections", form: value.merging(["revealed": "1"]) { $1 }
                )
                .status == .conflict, "a plan is drawn once: no redraw")
            #expect(try await count() == before + 3)
            let payload = try #require(
                try await t.sql.raw(
                    "SELECT payload FROM record_entries WHERE subject_type = 'inspection_draw' ORDER BY seq DESC LIMIT 1"
                ).first()?.decode(column: "payload", as: String.self))
            let draw = try #require(try JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any])
            let revealed = try #require(draw["revealed"] as? String), task = try #require(draw["task"] as? String)
            let targets = try #require(draw["targets"] as? [[String]])
            // The canonical text as scripts/draw-verify.py builds it, then its SHA-256 and the ranks.
            let ids = targets.map { $0[0] }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            let text =
                "fazhi-draw-v1\ntask|\(task)\nper-target|0\nquota|单位|3\n" + ids.map { "target|\($0)|单位\n" }.joined()
            let hex = { (d: SHA256.Digest) in d.map { String(format: "%02x", $0) }.joined() }
            let inputsHash = hex(SHA256.hash(data: Data(text.utf8)))
            #expect(inputsHash == draw["inputsHash"] as? String)
            let seed = Data(SHA256.hash(data: Data("\(inputsHash)\n\(revealed)\n\(task)".utf8)))
            let ranked = ids.sorted { a, b in
                Array(SHA256.hash(data: seed + Data(a.utf8))).lexicographicallyPrecedes(
                    Array(SHA256.hash(data: seed + Data(b.utf8))))
            }
            let result = (draw["result"] as? [[String: Any]] ?? []).compactMap { $0["target"] as? String }
            #expect(Array(ranked.prefix(3)) == result, "the same units, in rank order")
            #expect(ids.contains(market.uuidString) && ids.count > 10, "the units the 考核 lists")
            #expect(!ids.contains(try await t.orgID("清河县司法局").uuidString), "not the inspectors' own unit")
            let seq = try #require(
                try await t.sql.raw(
                    "SELECT seq FROM record_entries WHERE subject_type = 'inspection_draw' ORDER BY seq DESC LIMIT 1"
                ).first()?.decode(column: "seq", as: Int64.self))
            let file = try await supervisor.request(.GET, "/console/inspections/draws/\(seq)")
            #expect(file.status == .ok && file.text == payload, "the record's copy, to redo with draw-verify.py")
            #expect(try await supervisor.request(.GET, "/console/assessment?year=\(year)").text.contains("本年度抽取记录"))
            // The next plan leaves out the units drawn, and is not drawn before its day.
            let tomorrow = t.app.fazhi.today.adding(days: 1)
            if tomorrow.year == year {
                #expect(
                    try await supervisor.request(
                        .POST, "/console/inspections/plans", form: plan.merging(["drawOn": tomorrow.description]) { $1 }
                    ).status == .seeOther)
                let next = try #require(try await InspectionOpening.plans(year: year, on: t.app.db).first?.1)
                #expect(next.inputs.targets.count == ids.count - 3)
                #expect(Set(next.inputs.targets.map(\.id)).isDisjoint(with: result))
                let tooEarly = try await supervisor.request(.POST, "/console/inspections", form: value)
                #expect(tooEarly.status == .unprocessableEntity && tooEarly.text.contains("不能提前抽取"))
            }

            // One chosen unit, inspected through its course.
            let chose = try await supervisor.request(.POST, "/console/inspections", form: ["body": market.uuidString])
            #expect(chose.status == .seeOther)
            let id = try #require(
                try await t.sql.raw(
                    """
                    SELECT id FROM cases WHERE procedure = \(bind: RuleOfLawInspectionProcedure.id)
                    AND body_id = \(bind: market) AND state = 'new'
                    """
                ).first()?.decode(column: "id", as: UUID.self))
            let page = "/console/cases/\(id.uuidString)"
            func step(_ web: WebClient, _ action: String, _ inputs: [String: String]) async throws -> HTTPStatus {
                let c = try #require(try await CaseStore.load(id, on: t.app.db))
                _ = try await web.request(.GET, page)
                return try await web.request(
                    .POST, "\(page)/steps/\(action)",
                    form: inputs.merging(["_version": String(c.file.version), "_date": today]) { $1 }
                ).status
            }
            let county = try await t.orgID("清河县人民政府")
            let inspected = try #require(
                (AnnualReportTests.value(
                    try await report(supervisor, year, county), "rule_of_law_inspection.inspected")))
            let tenDaysAgo = t.app.fazhi.today.adding(days: -10).description
            let inspection = [
                "inspectionKind": "onsite", "inspectionScope": "special", "topic": "行政执法公示",
                "methods": "听取汇报\n查阅资料", "inspectedOn": tenDaysAgo, "inspectors": "督察组",
                "findings": "公示不及时\n台账不全",
            ]
            #expect(
                try await step(supervisor, "record_inspection", inspection.merging(["inspectionKind": "综合"]) { $1 })
                    == .unprocessableEntity)
            #expect(try await step(supervisor, "record_inspection", inspection) == .seeOther)
            #expect(
                try await step(supervisor, "close_without_findings", ["conclusion": "好"]) == .unprocessableEntity,
                "problems found: not closed as clean")
            // Served ten days ago with three days to rectify: the period has run out.
            let feedback = ["requirements": "逐项整改", "servedOn": tenDaysAgo, "rectifyDays": "3"]
            #expect(
                try await step(supervisor, "feed_back_opinions", feedback.merging(["rectifyDays": "0"]) { $1 })
                    == .unprocessableEntity)
            #expect(try await step(head, "feed_back_opinions", feedback) == .forbidden, "the unit does not feed back")
            #expect(try await step(supervisor, "feed_back_opinions", feedback) == .seeOther)
            // The 督察意见书 served: the problems, the requirements, the period from service; the unit reads it.
            let opinion = try await head.request(.GET, page + "/documents/inspection_opinion")
            let opinionText = try DocxReader.text(Data(opinion.body.readableBytesView))
            #expect(
                opinionText.contains("法治督察意见书") && opinionText.contains("1. 公示不及时。")
                    && opinionText.contains("逐项整改") && opinionText.contains("自收到本意见书之日起3日内")
                    && opinionText.contains("中共清河县委全面依法治县委员会办公室")
                    && opinionText.contains(CaseDocuments.chineseDate(t.app.fazhi.today.adding(days: -10))),
                "issued by the 依法治县办, dated no later than served: \(opinionText)")
            #expect(!opinionText.contains("清河县人民政府"), "not in the government's name")
            #expect(try await head.request(.GET, page + "/documents/inspection_report").status == .notFound)
            let c = try #require(try await CaseStore.load(id, on: t.app.db))
            #expect(c.file.deadline("rectify")?.isRunning == true)
            #expect(
                try await step(
                    supervisor, "press_overdue_rectification", ["overdueMeasure": "interview", "overdueNote": "约谈局长"])
                    == .seeOther, "past the period the 依法治县办 presses")
            #expect(
                try await step(head, "report_rectification", ["corrections": "已补公示"]) == .unprocessableEntity,
                "one correction for two problems")
            #expect(try await step(head, "report_rectification", ["corrections": "已补公示\n已补台账"]) == .seeOther)
            #expect(
                try await step(
                    supervisor, "order_further_rectification", ["furtherReasons": "台账仍不全", "furtherDays": "15"])
                    == .seeOther)
            let again = try #require(try await CaseStore.load(id, on: t.app.db))
            #expect(again.file.facts[RuleOfLawInspectionProcedure.Fact.rectifyDays] == 3, "the first period kept")
            #expect(try await step(head, "report_rectification", ["corrections": "已补公示\n台账已补齐"]) == .seeOther)
            #expect(
                try await step(supervisor, "accept_rectification", ["verification": "属实", "circular": "criticise"])
                    == .unprocessableEntity, "a 通报 needs its text")
            #expect(
                try await step(
                    supervisor, "accept_rectification",
                    ["verification": "属实", "circular": "criticise", "circularText": "通报批评整改迟缓"]) == .seeOther)
            // The 督察报告 at the close: found, rectified, verified, 通报.
            let reportText = try DocxReader.text(
                Data(try await supervisor.request(.GET, page + "/documents/inspection_report").body.readableBytesView))
            #expect(
                reportText.contains("关于对清河县市场监督管理局开展法治督察情况的报告")
                    && reportText.contains("中共清河县委全面依法治县委员会：") && reportText.contains("2. 台账不全。")
                    && reportText.contains("台账已补齐") && reportText.contains("予以通报批评：通报批评整改迟缓")
                    && reportText.contains("逾期报送") && reportText.contains("本办要求继续整改（期限15日）")
                    && reportText.contains("约谈"), "\(reportText)")
            let closed = try #require(try await CaseStore.load(id, on: t.app.db))
            #expect(closed.file.state == "closed" && closed.file.deadline("rectify")?.isRunning == false)
            #expect(closed.file.facts[RuleOfLawInspectionProcedure.Fact.rectifiedLate] == true, "late once, late")
            let r = try await report(supervisor, year, county)
            #expect(AnnualReportTests.value(r, "rule_of_law_inspection.inspected") == inspected + 1)
            #expect((AnnualReportTests.value(r, "rule_of_law_inspection.rectified") ?? 0) >= 1)
            #expect((AnnualReportTests.value(r, "rule_of_law_inspection.rectifiedLate") ?? 0) >= 1)
        }
    }

    func report(_ web: WebClient, _ year: Int, _ unit: UUID) async throws -> [String: Any] {
        try JSONSerialization.jsonObject(
            with: Data(
                try await web.request(
                    .GET, "/console/annual-report?year=\(year)&unit=\(unit.uuidString)&format=json"
                ).text.utf8))
            as? [String: Any] ?? [:]
    }
}
