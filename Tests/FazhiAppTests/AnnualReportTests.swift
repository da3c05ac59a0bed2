import FazhiCore
import FazhiOffice
import FazhiStore
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import FazhiApp

/// 年度法治政府建设情况报告 from the demo's year: every figure it states equals a recount from the cases themselves (not
/// the kept sums it reads), the department's report counts only its own, the narrative is written in versions by the
/// unit's staff only, and the .docx footnotes each figure.
@Suite(.serialized) struct AnnualReportTests {
    /// A figure of the report's JSON by `set.id`.
    static func value(_ json: [String: Any], _ key: String) -> Double? {
        let figures = (json["draft"] as? [String: Any])?["figures"] as? [[String: Any]] ?? []
        return figures.first { f in
            let fig = f["figure"] as? [String: Any]
            return "\(fig?["set"] as? String ?? "").\(fig?["id"] as? String ?? "")" == key
        }.flatMap { ($0["figure"] as? [String: Any])?["value"] as? Double }
    }

    /// A procedure's figure recounted from its case files, through the definition's own rule for each case.
    static func recount(
        _ t: TestApp, _ procedure: String, _ figure: String, year: Int, bodies: Set<UUID>? = nil
    )
        async throws -> Int
    {
        let def = try #require(t.app.fazhi.procedures.current(procedure))
        let stats = try #require(def.statistics)
        let ids = try await t.sql.raw("SELECT id FROM cases WHERE procedure = \(bind: procedure)").all().map {
            try $0.decode(column: "id", as: UUID.self)
        }
        var files: [CaseFile] = []
        for id in ids {
            if let c = try await CaseStore.load(id, on: t.app.db), bodies?.contains(c.file.bodyID) ?? true {
                files.append(c.file)
            }
        }
        return stats.tally(files, year: year).count(figure)
    }

    @Test(arguments: TestDB.all) func figuresRecountAndNarrative(_ db: TestDB) async throws {
        try await withTestApp(db) { t in
            let year = t.app.fazhi.today.year
            let web = WebClient(t)
            _ = try await web.login("xzf.xianzhang")
            let page = try await web.request(.GET, "/console/annual-report?year=\(year)")
            #expect(page.status == .ok)
            #expect(page.text.contains("年度法治政府建设情况报告") && page.text.contains("一、主要举措和成效"))
            #expect(page.text.contains("二、存在的不足和原因") && page.text.contains("三、党政主要负责人履行推进法治建设第一责任人职责情况"))
            let json =
                try JSONSerialization.jsonObject(
                    with: Data(try await web.request(.GET, "/console/annual-report?year=\(year)&format=json").text.utf8)
                )
                as? [String: Any] ?? [:]
            // The seeds' kind of figures, recounted from the cases.
            for (procedure, figure) in [
                ("mediation", "received"), ("mediation", "succeeded"), ("reconsideration", "received"),
                ("reconsideration", "concluded"), ("reconsideration", "corrected"), ("litigation", "received"),
                ("litigation", "headAppeared"), ("disclosure", "received"),
            ] {
                let stated = Self.value(json, "\(procedure).\(figure)")
                let counted = try await Self.recount(t, procedure, figure, year: year)
                #expect(stated == Double(counted), "\(procedure).\(figure): \(String(describing: stated)) ≠ \(counted)")
            }
            let opened = try await t.sql.raw(
                """
                SELECT COUNT(*) AS n FROM cases WHERE procedure IN ('penalty.ordinary', 'penalty.simple', 'inspection')
                AND opened_on LIKE \(bind: "\(year)-%")
                """
            ).first()?.decode(column: "n", as: Int.self)
            #expect(Self.value(json, "enforcement.opened") == opened.map(Double.init))

            // 权责清单 items by type and 法律顾问 work by kind, recounted from their own tables over the county's units.
            let county = try await t.orgID("清河县人民政府")
            let units = AccessPolicy(tree: try await Directory.tree(on: t.app.db)).tree.subtree(of: county)
            let inUnits = SQLGroupExpression(units.map { SQLBind($0) })
            var checked = 0
            for r in try await t.sql.raw(
                """
                SELECT type, COUNT(*) AS n FROM power_items WHERE status = 'in_force' AND organisation_id IN \(inUnits)
                GROUP BY type
                """
            ).all() {
                let type = try r.decode(column: "type", as: String.self), n = try r.decode(column: "n", as: Int.self)
                if let stated = Self.value(json, "registries.type.\(type)") {
                    #expect(stated == Double(n), "权责清单 \(type)"); checked += 1
                }
            }
            for r in try await t.sql.raw(
                """
                SELECT w.kind, COUNT(*) AS n FROM adviser_work w JOIN legal_advisers a ON a.id = w.adviser_id
                WHERE w.done_on LIKE \(bind: "\(year)-%") AND a.organisation_id IN \(inUnits) GROUP BY w.kind
                """
            ).all() {
                let kind = try r.decode(column: "kind", as: String.self), n = try r.decode(column: "n", as: Int.self)
                if let stated = Self.value(json, "advisers.work_\(kind)") {
                    #expect(stated == Double(n), "法律顾问 \(kind)"); checked += 1
                }
            }
            #expect(checked >= 4, "the seeds' 权力事项 by type and 法律顾问 work are in the report")

            // A department's report counts only its own cases.
            let market = try await t.orgID("清河县市场监督管理局")
            let head = WebClient(t)
            _ = try await head.login("scj.juzhang")
            let own =
                try JSONSerialization.jsonObject(
                    with: Data(
                        try await head.request(.GET, "/console/annual-report?year=\(year)&format=json").text.utf8))
                as? [String: Any] ?? [:]
            #expect(own["unit"] as? String == "清河县市场监督管理局")
            let ownOpened = try await t.sql.raw(
                """
                SELECT COUNT(*) AS n FROM cases WHERE procedure IN ('penalty.ordinary', 'penalty.simple', 'inspection')
                AND opened_on LIKE \(bind: "\(year)-%") AND body_id IN (\(bind: market), \(bind: try await t.orgID("清河县市场监督管理局城关市场监管所")))
                """
            ).first()?.decode(column: "n", as: Int.self)
            #expect(Self.value(own, "enforcement.opened") == ownOpened.map(Double.init))
            #expect(Self.value(own, "mediation.received") == nil || Self.value(own, "mediation.received") == 0)
            // 复议 in which it was the 被申请人, wherever heard, recounted from the files by their respondent.
            let rec = try #require(t.app.fazhi.procedures.current("reconsideration")?.statistics)
            var theirs: [CaseFile] = []
            for row in try await t.sql.raw("SELECT id FROM cases WHERE procedure = 'reconsideration'").all() {
                if let c = try await CaseStore.load(try row.decode(column: "id", as: UUID.self), on: t.app.db),
                    ["清河县市场监督管理局", "清河县市场监督管理局城关市场监管所"].contains(c.file.facts.text("respondent") ?? "")
                {
                    theirs.append(c.file)
                }
            }
            for figure in ["received", "corrected"] {
                #expect(
                    Self.value(own, "reconsideration_respondent.\(figure)")
                        == Double(rec.tally(theirs, year: year).count(figure)), "\(figure)")
            }
            // Its figures link to the records of that unit only.
            let figures = (own["draft"] as? [String: Any])?["figures"] as? [[String: Any]] ?? []
            let links = figures.compactMap { ($0["figure"] as? [String: Any])?["link"] as? String }
                .filter { $0.contains("&figure=") }
            #expect(!links.isEmpty && links.allSatisfy { $0.contains("unit=\(market.uuidString)") })
            if let link = links.first {
                #expect(try await head.request(.GET, link.components(separatedBy: "#").first ?? link).status == .ok)
            }

            // The narrative: the head writes part 三 in versions; a stale version, a stranger, bad input are refused.
            let government = try await t.orgID("清河县人民政府")
            let form: [String: String] = [
                "unit": government.uuidString, "year": String(year), "part": "other", "basedOn": "0",
                "text": "县政府主要负责人切实履行推进法治建设第一责任人职责，全年主持召开政府常务会议专题研究法治政府建设工作4次。",
            ]
            let before = try await t.recordSize()
            let saved = try await web.request(.POST, "/console/annual-report/texts", form: form)
            #expect(saved.status == .seeOther, "\(saved.text)")
            #expect(try await t.recordSize() == before + 1, "each version is on the record")
            let stale = try await web.request(
                .POST, "/console/annual-report/texts", form: form.merging(["text": "另一稿"]) { $1 })
            #expect(stale.status == .conflict, "saved over a newer version")
            let second = try await web.request(
                .POST, "/console/annual-report/texts", form: form.merging(["basedOn": "1", "text": "第二稿\n第二段"]) { $1 })
            #expect(second.status == .seeOther)
            // Both versions can be read, newest first.
            let history = try await web.request(
                .GET, "/console/annual-report/history?unit=\(government.uuidString)&year=\(year)&part=other")
            #expect(history.status == .ok && history.text.contains("第2版") && history.text.contains("第1版"))
            let newer = history.text.range(of: "第2版")?.lowerBound, older = history.text.range(of: "第1版")?.lowerBound
            #expect(newer.flatMap { n in older.map { n < $0 } } == true, "newest first")
            let bad = try await web.request(
                .POST, "/console/annual-report/texts",
                form: form.merging(["basedOn": "2", "text": "含\u{1B}控制字符"]) { $1 })
            #expect(bad.status == .unprocessableEntity && bad.text.contains("控制字符"))
            let part = try await web.request(
                .POST, "/console/annual-report/texts", form: form.merging(["part": "nonsense"]) { $1 })
            #expect(part.status == .unprocessableEntity)
            let officer = WebClient(t)
            _ = try await officer.login("scj.zhifa1")
            _ = try await officer.request(.GET, "/console/annual-report")
            let stranger = try await officer.request(
                .POST, "/console/annual-report/texts",
                form: form.merging(["unit": market.uuidString, "basedOn": "0"]) { $1 })
            #expect(stranger.status == .forbidden)
            #expect(try await t.recordSize() == before + 2, "nothing written by a refusal")

            // The .docx: the narrative as paragraphs, each figure with its footnote.
            let docx = try await web.request(.GET, "/console/annual-report?year=\(year)&format=docx")
            let data = Data(docx.body.readableBytesView)
            let text = try DocxReader.text(data)
            #expect(text.contains("第二稿") && text.contains("第二段") && text.contains("主送"))
            #expect(text.contains("一、主要举措和成效") && text.contains("五、其他需要报告的情况"))
            let notes = String(decoding: try ZipPackage.read(data)["word/footnotes.xml"] ?? Data(), as: UTF8.self)
            #expect(notes.contains("数据来源") && notes.contains("统计口径"))
            let csv = try await web.request(.GET, "/console/annual-report?year=\(year)&format=csv")
            #expect(csv.status == .ok && csv.text.contains("统计口径"))
            let wrongFormat = try await web.request(.GET, "/console/annual-report?year=\(year)&format=pdf")
            #expect(wrongFormat.status == .unprocessableEntity)
            let wrongUnit = try await web.request(.GET, "/console/annual-report?unit=nonsense")
            #expect(wrongUnit.status == .unprocessableEntity)
        }
    }
}

/// The report's course: started (its 3月1日 and 4月1日 periods), frozen with its figures (the SHA-256 on the record, the
/// text no longer editable), sent back and frozen again, approved, submitted and published; the portal shows it and
/// says whether its text still matches the record.
@Suite(.serialized) struct AnnualReportCourseTests {
    @Test(arguments: TestDB.all) func frozenReviewedSubmittedPublished(_ db: TestDB) async throws {
        try await withTestApp(db) { t in
            let year = t.app.fazhi.today.year - 1
            let market = try await t.orgID("清河县市场监督管理局")
            // The 法制机构 drafts and freezes; the head reviews (审核 is another person's).
            let head = WebClient(t), drafter = WebClient(t)
            _ = try await head.login("scj.juzhang")
            _ = try await drafter.login("scj.fazhi")
            let page = "/console/annual-report?unit=\(market.uuidString)&year=\(year)"
            #expect(try await drafter.request(.GET, page).text.contains("report-start"))
            let unitYear = ["unit": market.uuidString, "year": String(year)]
            let frozenTooSoon = try await drafter.request(.POST, "/console/annual-report/freeze", form: unitYear)
            #expect(frozenTooSoon.status == .unprocessableEntity, "nothing to freeze before the course starts")
            #expect(
                try await drafter.request(.POST, "/console/annual-report/start", form: unitYear).status == .seeOther)
            let twice = try await drafter.request(.POST, "/console/annual-report/start", form: unitYear)
            #expect(twice.status == .conflict)
            var course = try #require(try await AnnualReportCourse.find(unit: market, year: year, on: t.app.db))
            #expect(course.file.deadline("submission")?.deadline.due.description == "\(year + 1)-03-01")
            #expect(course.file.deadline("publication")?.deadline.due.description == "\(year + 1)-04-01")

            // Written, then frozen: the SHA-256 on the record is the snapshot's; the text can no longer change.
            _ = try await drafter.request(.GET, page)
            let text = unitYear.merging(["part": "nextYear", "basedOn": "0", "text": "继续推进执法规范化建设。"]) { $1 }
            #expect(try await drafter.request(.POST, "/console/annual-report/texts", form: text).status == .seeOther)
            // Part 三 is the unit's own account: no 定稿 without it.
            _ = try await drafter.request(.GET, page)
            let incomplete = try await drafter.request(.POST, "/console/annual-report/freeze", form: unitYear)
            #expect(incomplete.status == .unprocessableEntity && incomplete.text.contains("第一责任人"))
            _ = try await drafter.request(.GET, page)
            let first = unitYear.merging(["part": "firstResponsibility", "basedOn": "0", "text": "主要负责人带头学法。"]) { $1 }
            #expect(try await drafter.request(.POST, "/console/annual-report/texts", form: first).status == .seeOther)
            _ = try await drafter.request(.GET, page)
            #expect(
                try await drafter.request(.POST, "/console/annual-report/freeze", form: unitYear).status == .seeOther)
            course = try #require(try await AnnualReportCourse.find(unit: market, year: year, on: t.app.db))
            let snapshot = try #require(try await CaseSnapshots.latest(course.id, on: t.app.db))
            #expect(course.file.state == "reviewing")
            #expect(course.file.facts[AnnualReportFact.reportSha256] == snapshot.sha256)
            #expect(CaseSnapshots.verifies(snapshot.content, recorded: snapshot.sha256))
            #expect(snapshot.content.contains("继续推进执法规范化建设"))
            let frozenPage = try await head.request(.GET, page).text
            #expect(frozenPage.contains("定稿 SHA-256") && !frozenPage.contains("保存为新版本"))
            _ = try await drafter.request(.GET, page)
            let late = try await drafter.request(
                .POST, "/console/annual-report/texts", form: text.merging(["basedOn": "1", "text": "改"]) { $1 })
            #expect(late.status == .conflict, "a frozen report is not edited")
            // A step through the API cannot freeze without a fresh snapshot.
            let token = try await t.token("scj.juzhang")
            let api = CaseAPITests.Client(t: t), today = t.app.fazhi.today.description
            let reuse = try await api.step(
                course.id.uuidString, token, "return_draft", version: course.file.version, date: today,
                ["returnReason": "补充第三部分"])
            #expect(reuse.status == .ok, "\(reuse.text)")
            let again = try await api.step(
                course.id.uuidString, token, "submit_review", version: course.file.version + 1, date: today)
            #expect(again.status == .conflict && again.text.contains("定稿并提交审核"), "the old snapshot is not frozen twice")

            // Frozen again from the page, approved, submitted and published on its case page.
            _ = try await drafter.request(.GET, page)
            #expect(
                try await drafter.request(.POST, "/console/annual-report/freeze", form: unitYear).status == .seeOther)
            course = try #require(try await AnnualReportCourse.find(unit: market, year: year, on: t.app.db))
            let casePage = "/console/cases/\(course.id.uuidString)"
            #expect(try await head.request(.GET, "/console").text.contains("待审核：\(year)年度法治政府建设情况报告"))
            // Reported and published after 3月1日 and 4月1日 (the test's today): the 文号 and each delay's reason asked.
            let submit = [
                "recipients": "清河县人民政府、临州市市场监督管理局", "documentNumber": "清市监〔\(year + 1)〕9号",
                "submitLateReason": "等待年度统计数据复核",
            ]
            for (action, inputs, status) in [
                ("approve", ["reviewOpinion": "同意报送"], HTTPStatus.seeOther),
                ("submit", submit.merging(["documentNumber": " "]) { $1 }, .unprocessableEntity),
                ("submit", submit.merging(["submitLateReason": ""]) { $1 }, .unprocessableEntity),
                ("submit", submit, .seeOther), ("publish", ["channel": "portal"], .unprocessableEntity),
                ("publish", ["channel": "portal", "publishLateReason": "门户网站改版"], .seeOther),
            ] {
                course = try #require(try await CaseStore.load(course.id, on: t.app.db))
                _ = try await head.request(.GET, casePage)
                let r = try await head.request(
                    .POST, "\(casePage)/steps/\(action)",
                    form: inputs.merging([
                        "_version": String(course.file.version), "_date": t.app.fazhi.today.description,
                    ]) { $1 })
                #expect(r.status == status, "\(action) \(inputs): \(r.status)")
            }
            course = try #require(try await CaseStore.load(course.id, on: t.app.db))
            #expect(course.file.state == "published" && course.file.deadline("publication")?.isRunning == false)

            // The portal: listed, readable by anyone, checked against the record.
            let list = try await t.send(.GET, "/annual-reports")
            #expect(list.text.contains("清河县市场监督管理局\(year)年度法治政府建设情况报告"))
            let published = try await t.send(.GET, "/annual-reports/\(course.id.uuidString)")
            #expect(published.text.contains("本文与全过程记录中的定稿一致") && published.text.contains("继续推进执法规范化建设"))
            // The frozen data a reader downloads hashes to what the record holds.
            let data = try await t.send(.GET, "/annual-reports/\(course.id.uuidString)?format=json")
            #expect(CaseSnapshots.verifies(data.text, recorded: course.file.facts[AnnualReportFact.reportSha256] ?? ""))
            let docx = try await t.send(.GET, "/annual-reports/\(course.id.uuidString)?format=docx")
            let docxText = try DocxReader.text(Data(docx.body.readableBytesView))
            #expect(docxText.contains("四、下一年度推进法治政府建设的主要安排") && docxText.contains("清市监〔\(year + 1)〕9号"))
            #expect(course.file.facts[AnnualReportFact.submitLateReason] == "等待年度统计数据复核")
            // Edited past Fazhi: the portal says so.
            try await t.sql.raw(
                "UPDATE case_snapshots SET content = REPLACE(content, '继续推进', '停止推进') WHERE case_id = \(bind: course.id.uuidString)"
            ).run()
            #expect(try await t.send(.GET, "/annual-reports/\(course.id.uuidString)").text.contains("不一致"))
        }
    }
}

/// 学法 records: entered by the unit's head with every field checked, counted in the report's 法治保障 section, and a
/// government short of its 常务会议学法 drafted into part 二.
@Suite(.serialized) struct StudySessionTests {
    @Test(arguments: TestDB.all) func sessionsCountedInTheReport(_ db: TestDB) async throws {
        try await withTestApp(db) { t in
            let year = t.app.fazhi.today.year
            let county = try await t.orgID("清河县人民政府")
            let head = WebClient(t)
            _ = try await head.login("xzf.xianzhang")
            let list = try await head.request(.GET, "/console/study?year=\(year)")
            #expect(list.status == .ok && list.text.contains("政府常务会议学法") && list.text.contains("study-form"))
            func report() async throws -> [String: Any] {
                try JSONSerialization.jsonObject(
                    with: Data(
                        try await head.request(.GET, "/console/annual-report?year=\(year)&format=json").text.utf8))
                    as? [String: Any] ?? [:]
            }
            func executive() async throws -> Int {
                try await t.sql.raw(
                    """
                    SELECT COUNT(*) AS n FROM study_sessions WHERE unit_id = \(bind: county.uuidString) AND kind = 'executive'
                    AND held_on LIKE \(bind: "\(year)-%")
                    """
                ).first()?.decode(column: "n", as: Int.self) ?? -1
            }
            var r = try await report()
            #expect(AnnualReportTests.value(r, "study.kind.executive") == Double(try await executive()))
            #expect(AnnualReportTests.value(r, "study.governmentsShort") == 1, "three of four: short")
            let part2 = ((r["draft"] as? [String: Any])?["shortcomings"] as? [[String: Any]] ?? []).description
            #expect(part2.contains("常务会议学法少于每年"))

            let good: [String: String] = [
                "unit": county.uuidString, "kind": "executive", "heldOn": "\(year)-11-20", "topic": "学习《行政执法监督条例》",
                "laws": "《行政执法监督条例》", "presenter": "县司法局局长", "attendees": "县政府领导班子成员", "attendance": "16",
            ]
            let before = try await t.recordSize()
            for (change, field) in [
                (["kind": "chat"], "kind"), (["heldOn": "\(year + 1)-01-01"], "heldOn"), (["topic": " "], "topic"),
                (["attendance": "0"], "attendance"), (["topic": "学\u{7}法"], "topic"),
            ] {
                _ = try await head.request(.GET, "/console/study")
                let bad = try await head.request(.POST, "/console/study", form: good.merging(change) { $1 })
                #expect(bad.status == .unprocessableEntity, "\(field): \(bad.status)")
            }
            let officer = WebClient(t)
            _ = try await officer.login("scj.zhifa1")
            _ = try await officer.request(.GET, "/console/annual-report")
            let market = try await t.orgID("清河县市场监督管理局")
            let stranger = try await officer.request(
                .POST, "/console/study", form: good.merging(["unit": market.uuidString]) { $1 })
            #expect(stranger.status == .forbidden)
            #expect(try await t.recordSize() == before, "nothing written by a refusal")
            _ = try await head.request(.GET, "/console/study")
            #expect(try await head.request(.POST, "/console/study", form: good).status == .seeOther)
            #expect(try await t.recordSize() == before + 1)
            r = try await report()
            #expect(AnnualReportTests.value(r, "study.kind.executive") == Double(try await executive()))
            let after = ((r["draft"] as? [String: Any])?["shortcomings"] as? [[String: Any]] ?? []).description
            #expect(!after.contains("常务会议学法少于每年"), "four of four: no longer short")
        }
    }
}
