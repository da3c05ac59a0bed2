import FazhiCore
import FazhiStore
import Foundation
import Vapor

/// Demo 案卷评查: the 司法局 (林晓岚, sfj.jiandu) reviews this year's closed 行政处罚 files of the county's bodies, two from
/// each, reviewed by the 司法局's supervisor and a 法制审核 reviewer of another body; one file already scored and confirmed
/// by its 复核.
enum DemoFileReview {
    static func load(_ c: DemoContext, in tx: WriteTransaction) async throws {
        guard let sfj = c.orgs["清河县司法局"] else { return }
        let bodies = ["清河县市场监督管理局", "清河县综合行政执法局"].compactMap { c.orgs[$0] }
        let request = FileReviews.Request(
            organiser: sfj, title: "\(c.today.year)年度行政处罚案卷评查",
            closedFrom: CivilDate(year: c.today.year, month: 1, day: 1)!,
            closedTo: c.today, bodies: bodies, perBody: 2, reviewers: ["sfj.jiandu", "zf.fazhi", "scj.fazhi"],
            revealed: "3391-7720", rectifyBy: c.today.adding(days: 30))
        let campaign: FileReviewCampaign
        do { campaign = try await FileReviews.start(request, today: c.today, in: tx) } catch let e as DomainError {
            tx.db.logger.warning("demo file review not started: \(e.description)")
            return
        }
        guard let first = campaign.drawn.first, let caseID = UUID(uuidString: first.target),
            let reviewer = first.inspectors.first
        else { return }
        _ = try await FileReviews.score(
            campaign: campaign.id, caseID: caseID, deductions: ["law": 3, "documents": 1],
            notes: ["law": "决定书引用条款不完整，未写明具体的款、项", "documents": "送达回证未附卷"], by: reviewer, today: c.today,
            in: tx)
        if let coReviewer = first.inspectors.dropFirst().first {
            _ = try await FileReviews.check(
                campaign: campaign.id, caseID: caseID, confirm: true, note: "", by: coReviewer, today: c.today, in: tx)
        }
    }
}
