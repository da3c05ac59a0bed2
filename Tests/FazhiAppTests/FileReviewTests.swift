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

            // The 通报: every body's results and the rectification day.
            let bulletin = try await supervisor.request(
                .GET, "/console/file-reviews/\(campaign.id.uuidString)/bulletin.docx")
            let text = try DocxReader.text(Data(bulletin.body.readableBytesView))
            #expect(text.contains("情况的通报") && text.contains("清河县市场监督管理局") && text.contains("整改"), "\(text)")
            let json = try await supervisor.request(.GET, "/console/file-reviews/\(campaign.id.uuidString)/draw.json")
            #expect(json.status == .ok && json.text.contains(campaign.inputs.hash))
        }
    }
}
