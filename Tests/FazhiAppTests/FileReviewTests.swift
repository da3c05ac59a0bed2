import FazhiApp
import FazhiCore
import FazhiOffice
import FazhiStore
import Foundation
import Testing
import VaporTesting

/// 案卷评查 on both databases: the sample and reviewers drawn by the 双随机 rule and re-run from the published inputs, no
/// reviewer given a file of their own body, the record-judged indicators pre-checked, the reviewer's score bounded and
/// explained, only the drawn reviewer scores, the 通报 with the results and the rectification day.
@Suite("案卷评查 (file reviews)")
struct FileReviewTests {
    @Test(arguments: TestDB.all)
    func aCampaignIsDrawnScoredAndReported(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let campaign = try #require(try await FileReviews.campaigns(on: t.app.db).first, "the demo's campaign")
            // Re-run from the published inputs: the same files and reviewers; another revealed value, another seed.
            #expect(try RandomDraw.draw(campaign.inputs, revealed: campaign.revealed) == campaign.drawn)
            #expect(FileReviews.published(campaign).inputsHash == campaign.inputs.hash)
            let files = try await FileReviews.files(campaign.id, on: t.app.db)
            #expect(!files.isEmpty && files.count == campaign.drawn.count)
            // 回避: nobody reviews a file of an organisation they work for.
            for f in files {
                let user = try #require(try await Accounts.user(named: f.reviewer, on: t.app.db)?.id)
                let own = try await Accounts.grants(of: user, on: t.app.db).map(\.organisationID)
                #expect(!own.contains(f.bodyID), "\(f.reviewer) reviews \(f.caseNumber) of their own body")
            }
            let standard = FileReviewStandard.v1
            #expect(standard.total == 100)
            let scored = try #require(files.first { $0.score != nil })
            let autoLost = standard.indicators.filter { scored.auto[$0.id] == false }.reduce(0) { $0 + $1.points }
            #expect(scored.score == 100 - autoLost - 4, "the demo deducted 3 + 1")

            // Scoring: only the drawn reviewer; a deduction within the points and explained.
            let target = try #require(files.first { $0.score == nil } ?? files.first)
            let other = ["sfj.jiandu", "zf.fazhi", "scj.fazhi"].first { $0 != target.reviewer }!
            let path = "/console/file-reviews/\(campaign.id.uuidString)/files/\(target.caseID.uuidString)"
            let stranger = WebClient(t)
            _ = try await stranger.login(other)
            _ = try await stranger.request(.GET, "/console/file-reviews")
            let notTheirs = try await stranger.request(.POST, path, form: ["deduct.law": "0"])
            #expect(notTheirs.status == .forbidden || notTheirs.status == .notFound, "\(notTheirs.status)")
            let reviewer = WebClient(t)
            _ = try await reviewer.login(target.reviewer)
            // The drawn reviewer reads the file (of another body); someone else of another body does not.
            let file = try await reviewer.request(.GET, "/console/cases/\(target.caseID.uuidString)")
            #expect(file.status == .ok, "the reviewer opens the file drawn for them")
            let outsider = WebClient(t)
            _ = try await outsider.login("yj.zhifa1")
            #expect(try await outsider.request(.GET, "/console/cases/\(target.caseID.uuidString)").status == .notFound)
            let page = try await reviewer.request(.GET, path)
            #expect(page.status == .ok && page.text.contains("系统预判") && page.text.contains("score-form"))
            let tooMuch = try await reviewer.request(.POST, path, form: ["deduct.law": "16", "note.law": "x"])
            #expect(tooMuch.status == .unprocessableEntity && tooMuch.text.contains("0至15分"))
            let unexplained = try await reviewer.request(.POST, path, form: ["deduct.law": "5"])
            #expect(unexplained.status == .unprocessableEntity && unexplained.text.contains("须写明存在的问题"))
            let done = try await reviewer.request(
                .POST, path, form: ["deduct.law": "5", "note.law": "未引用罚则条款", "deduct.facts": "0"])
            #expect(done.status == .seeOther, "\(done.status) \(done.text)")
            let after = try #require(try await FileReviews.file(campaign.id, target.caseID, on: t.app.db))
            let lost = standard.indicators.filter { after.auto[$0.id] == false }
            #expect(after.score == 100 - lost.reduce(0) { $0 + $1.points } - 5)
            #expect(after.verdict == standard.verdict(score: after.score!, vetoFailed: lost.contains { $0.veto }))

            // Starting one: only a supervisor; the reviewers must exist; the period must hold closed files.
            let supervisor = WebClient(t)
            _ = try await supervisor.login("sfj.jiandu")
            let list = try await supervisor.request(.GET, "/console/file-reviews")
            #expect(list.text.contains("new-campaign") && list.text.contains(campaign.title))
            let market = try await t.orgID("清河县市场监督管理局")
            var form = [
                "title": "测试评查", "closedFrom": "2026-01-01", "closedTo": "2026-11-20", "bodies": market.uuidString,
                "perBody": "1", "reviewers": "nobody", "revealed": "12-34", "rectifyBy": "2026-12-20",
            ]
            let unknown = try await supervisor.request(.POST, "/console/file-reviews", form: form)
            #expect(unknown.status == .unprocessableEntity && unknown.text.contains("没有用户“nobody”"))
            form["reviewers"] = "sfj.jiandu"
            form["closedFrom"] = "2020-01-01"
            form["closedTo"] = "2020-12-31"
            let empty = try await supervisor.request(.POST, "/console/file-reviews", form: form)
            #expect(empty.status == .unprocessableEntity && empty.text.contains("没有已结案"))
            let head = WebClient(t)
            _ = try await head.login("scj.juzhang")
            _ = try await head.request(.GET, "/console/file-reviews")
            let byHead = try await head.request(.POST, "/console/file-reviews", form: form)
            #expect(byHead.status == .forbidden)
            // A reviewer drawn from a body outside the campaign's scope opens the campaign and the files drawn for them.
            let zf = try await t.orgID("清河县综合行政执法局")
            let outside = try await supervisor.request(
                .POST, "/console/file-reviews",
                form: [
                    "title": "跨部门评查", "closedFrom": "2026-01-01", "closedTo": "2026-11-20", "bodies": zf.uuidString,
                    "perBody": "1", "reviewers": "scj.fazhi\nsfj.jiandu", "revealed": "55-66",
                    "rectifyBy": "2026-12-20",
                ])
            #expect(outside.status == .seeOther, "\(outside.status) \(outside.text.prefix(300))")
            let crossID = try #require(try await FileReviews.campaigns(on: t.app.db).first { $0.title == "跨部门评查" }?.id)
            let crossFile = try #require(try await FileReviews.files(crossID, on: t.app.db).first)
            let outsider2 = WebClient(t)
            _ = try await outsider2.login("scj.fazhi")
            #expect(try await outsider2.request(.GET, "/console/file-reviews/\(crossID.uuidString)").status == .ok)
            #expect(
                try await outsider2.request(
                    .GET, "/console/file-reviews/\(crossID.uuidString)/files/\(crossFile.caseID.uuidString)"
                ).status == .ok)

            // The 通报: every body's results and the rectification day.
            let bulletin = try await supervisor.request(
                .GET, "/console/file-reviews/\(campaign.id.uuidString)/bulletin.docx")
            let text = try DocxReader.text(Data(bulletin.body.readableBytesView))
            #expect(text.contains("情况的通报") && text.contains("清河县市场监督管理局") && text.contains("整改"), "\(text)")
            let json = try await supervisor.request(.GET, "/console/file-reviews/\(campaign.id.uuidString)/draw.json")
            #expect(json.status == .ok && json.text.contains(campaign.inputs.hash))
        }
    }

    /// 复核 and 通报: the second reviewer confirms a score or sends it back with a reason; the 通报 is issued only when every
    /// file is confirmed, and from then on no score changes; each body with problems found reports its correction once,
    /// by its head or 法制机构, and is shown late (red) after the day.
    @Test(arguments: TestDB.all)
    func theCoReviewerChecksTheBulletinSettlesAndBodiesReport(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let campaign = try #require(try await FileReviews.campaigns(on: t.app.db).first, "the demo's campaign")
            let today = CivilDate(iso: "2026-11-20")!
            let files = try await FileReviews.files(campaign.id, on: t.app.db)
            let target = try #require(files.first { $0.score == nil })
            let base = "/console/file-reviews/\(campaign.id.uuidString)"
            let path = "\(base)/files/\(target.caseID.uuidString)"
            let reviewer = WebClient(t)
            _ = try await reviewer.login(target.reviewer)
            let co = WebClient(t)
            _ = try await co.login(try #require(target.coReviewer))
            _ = try await co.request(.GET, path)
            // Nothing to check before the 主评 scores.
            let early = try await co.request(.POST, path + "/check", form: ["decision": "confirm"])
            #expect(early.status == .conflict, "\(early.status)")
            _ = try await reviewer.request(.GET, path)
            let scored = try await reviewer.request(.POST, path, form: ["deduct.law": "2", "note.law": "引用条款不全"])
            #expect(scored.status == .seeOther)
            // Only the drawn 复核; a return needs its reason.
            let byReviewer = try await reviewer.request(.POST, path + "/check", form: ["decision": "confirm"])
            #expect(byReviewer.status == .forbidden, "\(byReviewer.status)")
            let bare = try await co.request(.POST, path + "/check", form: ["decision": "return", "returnNote": " "])
            #expect(bare.status == .unprocessableEntity && bare.text.contains("复核意见"))
            let back = try await co.request(
                .POST, path + "/check", form: ["decision": "return", "returnNote": "扣分依据不足"])
            #expect(back.status == .seeOther)
            let returned = try await reviewer.request(.GET, path)
            #expect(returned.text.contains("扣分依据不足") && returned.text.contains("score-form"))
            let rescored = try await reviewer.request(.POST, path, form: ["deduct.law": "1", "note.law": "引用条款不全"])
            #expect(rescored.status == .seeOther)
            #expect(try await co.request(.POST, path + "/check", form: ["decision": "confirm"]).status == .seeOther)
            let confirmed = try #require(try await FileReviews.file(campaign.id, target.caseID, on: t.app.db))
            #expect(confirmed.checkedOn == today && confirmed.returnedNote == nil && confirmed.stage == "已复核")
            let late = try await reviewer.request(.POST, path, form: ["deduct.law": "0"])
            #expect(late.status == .conflict, "a confirmed score stands")

            // The 通报 waits for every file; then it settles the scores.
            let supervisor = WebClient(t)
            _ = try await supervisor.login("sfj.jiandu")
            let campaignPage = try await supervisor.request(.GET, base)
            #expect(campaignPage.text.contains("issue-form"), "\(campaignPage.status) \(campaignPage.text.prefix(200))")
            // Only the organiser's 监督人员: another 司法局 desk cannot issue it.
            let clerk = WebClient(t)
            _ = try await clerk.login("sfj.fuyi")
            _ = try await clerk.request(.GET, base)
            let notSupervisor = try await clerk.request(.POST, base + "/bulletin", form: ["issue": "1"])
            #expect(notSupervisor.status == .forbidden || notSupervisor.status == .notFound, "\(notSupervisor.status)")
            let tooSoon = try await supervisor.request(.POST, base + "/bulletin", form: ["issue": "1"])
            #expect(
                tooSoon.status == .conflict && tooSoon.text.contains("未经复核确认"),
                "\(tooSoon.status) \(tooSoon.text.prefix(300))")
            try await t.app.fazhi.store.write(on: t.app.db, .system) { tx in
                for f in try await FileReviews.files(campaign.id, on: tx.db) where f.checkedOn == nil {
                    if f.score == nil {
                        _ = try await FileReviews.score(
                            campaign: campaign.id, caseID: f.caseID, deductions: [:], notes: [:], by: f.reviewer,
                            today: today, in: tx)
                    }
                    _ = try await FileReviews.check(
                        campaign: campaign.id, caseID: f.caseID, confirm: true, note: "", by: f.coReviewer ?? "",
                        today: today, in: tx)
                }
            }
            // The results go back to the bodies first; the 通报 waits for their answers (or the period's end) and for every
            // objection to be decided.
            _ = try await supervisor.request(.GET, base)
            let unsent = try await supervisor.request(.POST, base + "/bulletin", form: ["rectifyBy": "2026-12-31"])
            #expect(unsent.status == .conflict && unsent.text.contains("反馈评查结果"), "\(unsent.status)")
            let sent = try await supervisor.request(.POST, base + "/results", form: ["send": "1"])
            #expect(sent.status == .seeOther, "\(sent.status) \(sent.text.prefix(300))")
            let sentCampaign = try #require(try await FileReviews.campaign(campaign.id, on: t.app.db))
            #expect(sentCampaign.objectionDue?.description == "2026-11-27", "5 working days")
            let marketID = try await t.orgID("清河县市场监督管理局"), zfID = try await t.orgID("清河县综合行政执法局")
            let marketHead = WebClient(t), zfHead = WebClient(t)
            _ = try await marketHead.login("scj.juzhang")
            _ = try await zfHead.login("zf.juzhang")
            let marketDesk = try await marketHead.request(.GET, "/console")
            #expect(marketDesk.text.contains("确认案卷评查结果"))
            _ = try await marketHead.request(.GET, base)
            let shortObjection = try await marketHead.request(
                .POST, base + "/objection", form: ["answer": "object", "objection": "不服"])
            #expect(shortObjection.status == .unprocessableEntity)
            let objected = try await marketHead.request(
                .POST, base + "/objection", form: ["answer": "object", "objection": "送达回证已附卷，系扫描遗漏，请复查"])
            #expect(objected.status == .seeOther)
            _ = try await zfHead.request(.GET, base)
            let zfObjected = try await zfHead.request(
                .POST, base + "/objection", form: ["answer": "object", "objection": "法律适用一项扣分依据不足，请复查"])
            #expect(zfObjected.status == .seeOther)
            let undecided = try await supervisor.request(.POST, base + "/bulletin", form: ["rectifyBy": "2026-12-31"])
            #expect(undecided.status == .conflict && undecided.text.contains("异议未处理"))
            _ = try await supervisor.request(.GET, base)
            let upheld = try await supervisor.request(
                .POST, base + "/objection/\(marketID.uuidString)/decide",
                form: ["decision": "uphold", "decisionNote": "经复查，送达回证未附卷属实"])
            #expect(upheld.status == .seeOther)
            let zfFile = try #require(
                try await FileReviews.files(campaign.id, on: t.app.db).first { $0.bodyID == zfID })
            let accepted = try await supervisor.request(
                .POST, base + "/objection/\(zfID.uuidString)/decide",
                form: ["decision": "accept", "caseNumbers": zfFile.caseNumber, "decisionNote": "扣分依据不足，重新评分"])
            #expect(accepted.status == .seeOther, "\(accepted.status) \(accepted.text.prefix(300))")
            let reopened = try #require(try await FileReviews.file(campaign.id, zfFile.caseID, on: t.app.db))
            #expect(reopened.checkedOn == nil && reopened.stage.contains("退回"))
            let reopenedRefusal = try await supervisor.request(
                .POST, base + "/bulletin", form: ["rectifyBy": "2026-12-31"])
            #expect(reopenedRefusal.status == .conflict, "the reopened file must be scored and checked again")
            try await t.app.fazhi.store.write(on: t.app.db, .system) { tx in
                // Scored again (a deduction kept, so a body with problems stays one whichever file was reopened).
                _ = try await FileReviews.score(
                    campaign: campaign.id, caseID: zfFile.caseID, deductions: ["law": 1], notes: ["law": "引用条款不全"],
                    by: zfFile.reviewer, today: today, in: tx)
                _ = try await FileReviews.check(
                    campaign: campaign.id, caseID: zfFile.caseID, confirm: true, note: "", by: zfFile.coReviewer ?? "",
                    today: today, in: tx)
            }
            let bodyHead = WebClient(t)
            _ = try await bodyHead.login("scj.juzhang")
            _ = try await bodyHead.request(.GET, base)
            #expect(
                try await bodyHead.request(.POST, base + "/bulletin", form: ["issue": "1"]).status != .seeOther,
                "only the organiser issues it")
            let pastDay = try await supervisor.request(.POST, base + "/bulletin", form: ["rectifyBy": "2026-11-20"])
            #expect(
                pastDay.status == .unprocessableEntity && pastDay.text.contains("整改期限"), "time to rectify after the 通报")
            let issued = try await supervisor.request(.POST, base + "/bulletin", form: ["rectifyBy": "2026-12-31"])
            #expect(issued.status == .seeOther, "\(issued.status) \(issued.text.prefix(300))")
            #expect(try await FileReviews.campaign(campaign.id, on: t.app.db)?.bulletinOn == today)
            #expect(try await supervisor.request(.POST, base + "/bulletin", form: ["issue": "1"]).status == .conflict)
            let afterBulletin = try await supervisor.request(.GET, base)
            #expect(afterBulletin.text.contains("bulletin-issued") && afterBulletin.text.contains("整改情况"))
            do {
                _ = try await t.app.fazhi.store.write(on: t.app.db, .system) { tx in
                    try await FileReviews.score(
                        campaign: campaign.id, caseID: target.caseID, deductions: [:], notes: [:], by: target.reviewer,
                        today: today, in: tx)
                }
                Issue.record("a score changed after the 通报")
            } catch let e as DomainError { #expect(e.message.contains("已于2026-11-20通报")) }
            let docx = try await supervisor.request(.GET, base + "/bulletin.docx")
            let text = try DocxReader.text(Data(docx.body.readableBytesView))
            #expect(!text.contains("通报稿"), "the issued 通报 is no draft")

            // The bodies with problems report (the file just scored has a deduction).
            let due = FileReviewCampaign.bodiesToRectify(try await FileReviews.files(campaign.id, on: t.app.db))
            #expect(due.contains(target.bodyID))
            let market = target.bodyID
            let zf = try await t.orgID("清河县综合行政执法局")
            let (headName, officerName) = market == zf ? ("zf.juzhang", "zf.zhifa1") : ("scj.juzhang", "scj.zhifa1")
            let head = WebClient(t)
            _ = try await head.login(headName)
            // Each body with problems gets its 限期整改通知书 (seed 001: 分部门下发限期整改通知).
            let noticeDoc = try await head.request(
                .GET, "/console/file-reviews/\(campaign.id.uuidString)/notice/\(market.uuidString).docx")
            let noticeText = try DocxReader.text(Data(noticeDoc.body.readableBytesView))
            #expect(
                noticeText.contains("限期整改通知书") && noticeText.contains("2026年12月31日前")
                    && noticeText.contains("引用条款不全"), "\(noticeText)")
            let desk = try await head.request(.GET, "/console")
            #expect(desk.text.contains("报送案卷评查整改报告"), "the head's 待办")
            let officer = WebClient(t)
            _ = try await officer.login(officerName)
            _ = try await officer.request(.GET, base)
            let byOfficer = try await officer.request(
                .POST, base + "/rectification", form: ["report": "已逐案整改完毕，补齐送达回证"])
            #expect(byOfficer.status == .forbidden, "\(byOfficer.status)")
            let headPage = try await head.request(.GET, base)
            #expect(headPage.text.contains("rectification-form"))
            let short = try await head.request(.POST, base + "/rectification", form: ["report": "已改"])
            #expect(short.status == .unprocessableEntity && short.text.contains("逐案整改"))
            let reported = try await head.request(
                .POST, base + "/rectification", form: ["report": "已逐案整改：补正决定书引用条款，补齐送达回证并归档"])
            #expect(reported.status == .seeOther)
            let again = try await head.request(.POST, base + "/rectification", form: ["report": "再次报送整改情况说明材料"])
            #expect(again.status == .conflict && again.text.contains("已报送整改报告"), "\(again.status)")
            var kept = try #require(try await FileReviews.campaign(campaign.id, on: t.app.db))
            #expect(
                kept.rectifications?[market.uuidString]?.by == headName && kept.rectifyBy.description == "2026-12-31")
            // 核查: the organiser sends it back with what is still to correct; the body reports again; then accepted.
            let verifyPath = base + "/rectification/\(market.uuidString)/verify"
            _ = try await supervisor.request(.GET, base)
            let bareReturn = try await supervisor.request(
                .POST, verifyPath, form: ["decision": "return", "verifyNote": ""])
            #expect(bareReturn.status == .unprocessableEntity)
            let sentBack = try await supervisor.request(
                .POST, verifyPath, form: ["decision": "return", "verifyNote": "送达回证仍未归档"])
            #expect(sentBack.status == .seeOther)
            _ = try await head.request(.GET, base)
            let again2 = try await head.request(
                .POST, base + "/rectification", form: ["report": "送达回证已补齐归档，附归档清单"])
            #expect(again2.status == .seeOther, "a report sent back is reported again")
            _ = try await supervisor.request(.GET, base)
            let ok = try await supervisor.request(.POST, verifyPath, form: ["decision": "accept"])
            #expect(ok.status == .seeOther)
            kept = try #require(try await FileReviews.campaign(campaign.id, on: t.app.db))
            #expect(kept.rectifications?[market.uuidString]?.stage == "已核查认可")
            #expect(kept.rectifications?[market.uuidString]?.report.contains("归档清单") == true)
            let figures = try await t.send(
                .GET, "/api/v1/statistics/file_review?year=2026", token: try await t.token("sfj.jiandu"))
            #expect(figures.body.string.contains("\"rectified\""), "\(figures.body.string.prefix(300))")
        }
    }
}
