import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// 案卷评查 kept: a campaign drawn from the closed 行政处罚 files of the bodies in scope, each file pre-checked against the
/// standard's record-judged indicators and given to its drawn reviewer, who scores the rest.
public enum FileReviews {
    /// What the 司法局 asks for: the scope, the reviewers, the value revealed at the draw, the rectification day.
    public struct Request: Sendable {
        public let organiser: UUID
        public let title: String
        public let closedFrom: CivilDate
        public let closedTo: CivilDate
        public let bodies: [UUID]
        public let perBody: Int
        public let reviewers: [String]
        public let revealed: String
        public let rectifyBy: CivilDate

        public init(
            organiser: UUID, title: String, closedFrom: CivilDate, closedTo: CivilDate, bodies: [UUID], perBody: Int,
            reviewers: [String], revealed: String, rectifyBy: CivilDate
        ) {
            self.organiser = organiser; self.title = title; self.closedFrom = closedFrom; self.closedTo = closedTo
            self.bodies = bodies; self.perBody = perBody; self.reviewers = reviewers; self.revealed = revealed
            self.rectifyBy = rectifyBy
        }
    }

    /// Draws and starts a campaign. Refused, with the field, when the scope is empty or a reviewer is unknown or would be
    /// left only files of their own body.
    public static func start(_ r: Request, today: CivilDate, in tx: WriteTransaction) async throws -> FileReviewCampaign
    {
        let title = r.title.trimmed
        guard !title.isEmpty, title.count <= 100 else {
            throw DomainError.invalid(field: "title", message: "请填写评查活动名称（不超过100字）")
        }
        guard r.closedFrom <= r.closedTo, r.closedTo <= today else {
            throw DomainError.invalid(field: "closedTo", message: "结案日期范围有误：起日不能晚于止日，止日不能晚于今天")
        }
        guard (1...50).contains(r.perBody) else {
            throw DomainError.invalid(field: "perBody", message: "每个单位抽取的案卷数应为1至50")
        }
        guard r.rectifyBy > today else { throw DomainError.invalid(field: "rectifyBy", message: "整改期限应晚于今天") }
        let revealed = r.revealed.trimmed
        guard !revealed.isEmpty, revealed.count <= 200, !revealed.contains(where: \.isNewline) else {
            throw DomainError.invalid(field: "revealed", message: "请输入抽取时公开产生的随机数（一行，不超过200字）")
        }
        let reviewers = Array(Set(r.reviewers.map(\.trimmed).filter { !$0.isEmpty })).sorted()
        guard !reviewers.isEmpty, reviewers.count <= 200 else {
            throw DomainError.invalid(field: "reviewers", message: "请填写评查人员（每行一个用户名，不超过200人）")
        }
        var ownBodies: [String: Set<String>] = [:]
        for name in reviewers {
            guard let u = try await Accounts.user(named: name, on: tx.db), let id = u.id else {
                throw DomainError.invalid(field: "reviewers", message: "没有用户“\(name)”")
            }
            ownBodies[name] = Set(try await Accounts.grants(of: id, on: tx.db).map(\.organisationID.uuidString))
        }
        let bodies = Set(r.bodies.map(\.uuidString))
        guard !bodies.isEmpty else { throw DomainError.invalid(field: "bodies", message: "请选择被评查的单位") }
        let rows = try await tx.sql.raw(
            """
            SELECT id, body_id FROM cases WHERE procedure = \(bind: PenaltyOrdinaryProcedure.id)
            AND state = \(bind: PenaltyOrdinaryProcedure.State.closed.id) AND closed_on >= \(bind: r.closedFrom.description)
            AND closed_on <= \(bind: r.closedTo.description)
            """
        ).all()
        var targets: [RandomDraw.Target] = []
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self),
                body = try row.decode(column: "body_id", as: UUID.self)
            if bodies.contains(body.uuidString) { targets.append(.init(id: id.uuidString, stratum: body.uuidString)) }
        }
        guard !targets.isEmpty else {
            throw DomainError.invalid(field: "closedTo", message: "所选单位在该期间没有已结案的行政处罚案卷")
        }
        // 回避: nobody reviews a file of an organisation they work for.
        let exclusions = reviewers.flatMap { name in
            targets.filter { ownBodies[name]?.contains($0.stratum) == true }.map { [name, $0.id] }
        }
        let id = UUID()
        let inputs = RandomDraw.Inputs(
            task: id.uuidString, targets: targets, inspectors: reviewers, exclusions: exclusions,
            quotas: Dictionary(uniqueKeysWithValues: bodies.map { ($0, r.perBody) }), perTarget: 2)
        let drawn: [RandomDraw.Drawn]
        do { drawn = try RandomDraw.draw(inputs, revealed: revealed) } catch let p as RandomDraw.Problem {
            throw DomainError.invalid(
                field: "reviewers", message: "每份案卷须有两名非本单位的评查人员（\(p.description)）：请增加其他单位的评查人员")
        }
        let standard = FileReviewStandard.current
        let campaign = FileReviewCampaign(
            id: id, organiser: r.organiser, title: title, closedFrom: r.closedFrom, closedTo: r.closedTo,
            bodies: r.bodies, perBody: r.perBody, reviewers: reviewers, revealed: revealed,
            standardVersion: standard.version, rectifyBy: r.rectifyBy, createdOn: today, inputs: inputs, drawn: drawn)
        try await tx.sql.raw(
            """
            INSERT INTO review_campaigns (id, organiser, created_on, content) VALUES (\(bind: id.uuidString),
            \(bind: r.organiser.uuidString), \(bind: today.description), \(bind: try StoreJSON.encode(campaign)))
            """
        ).run()
        for d in drawn {
            guard let caseID = UUID(uuidString: d.target), let stored = try await CaseStore.load(caseID, on: tx.db),
                let body = UUID(uuidString: d.stratum), let reviewer = d.inspectors.first
            else { continue }
            var file = ReviewedFile(
                campaignID: id, caseID: caseID, bodyID: body, caseNumber: stored.number, reviewer: reviewer,
                auto: standard.precheck(stored.file))
            file.coReviewer = d.inspectors.dropFirst().first
            try await write(file, in: tx)
        }
        try tx.record("file_review_campaign", id.uuidString, "start", campaign)
        return campaign
    }

    static func write(_ f: ReviewedFile, in tx: WriteTransaction) async throws {
        try await tx.sql.raw(
            """
            INSERT INTO review_files (campaign_id, case_id, body_id, reviewer, score, verdict, content) VALUES
            (\(bind: f.campaignID.uuidString), \(bind: f.caseID.uuidString), \(bind: f.bodyID.uuidString),
            \(bind: f.reviewer), \(bind: f.score), \(bind: f.verdict), \(bind: try StoreJSON.encode(f)))
            ON CONFLICT (campaign_id, case_id) DO UPDATE SET score = excluded.score, verdict = excluded.verdict,
            content = excluded.content
            """
        ).run()
    }

    /// The reviewer drawn for the file (主评) scores it — again while the 复核 has not confirmed it — never after the 通报.
    public static func score(
        campaign: UUID, caseID: UUID, deductions: [String: Int], notes: [String: String], by reviewer: String,
        today: CivilDate, in tx: WriteTransaction
    ) async throws -> ReviewedFile {
        guard let c = try await self.campaign(campaign, on: tx.db), let f = try await file(campaign, caseID, on: tx.db)
        else { throw DomainError.notFound("没有该评查案卷") }
        guard f.reviewer == reviewer else {
            throw DomainError.forbidden("该案卷由抽取的评查人员\(f.reviewer)评分", article: nil)
        }
        try settled(c)
        guard f.checkedOn == nil else {
            throw DomainError.conflict(field: nil, message: "复核人员已于\(f.checkedOn?.description ?? "")确认评分，不能再改")
        }
        guard let standard = FileReviewStandard.version(c.standardVersion) else {
            throw DomainError.invalid(field: "standard", message: "没有第\(c.standardVersion)版评查标准")
        }
        var scored = try f.scored(standard, deductions: deductions, notes: notes, on: today)
        scored.returnedNote = nil
        try await write(scored, in: tx)
        try tx.record("file_review", "\(campaign.uuidString)/\(caseID.uuidString)", "score", scored)
        return scored
    }

    /// Scores stand once the 通报 is issued.
    static func settled(_ c: FileReviewCampaign) throws {
        if let on = c.bulletinOn {
            throw DomainError.conflict(field: nil, message: "评查结果已于\(on)通报，评分不能再改")
        }
    }

    /// 复核: the second reviewer drawn confirms the 主评's score, or sends it back with the reason (the 主评 scores again).
    public static func check(
        campaign: UUID, caseID: UUID, confirm: Bool, note: String, by reviewer: String, today: CivilDate,
        in tx: WriteTransaction
    ) async throws -> ReviewedFile {
        guard let c = try await self.campaign(campaign, on: tx.db), var f = try await file(campaign, caseID, on: tx.db)
        else { throw DomainError.notFound("没有该评查案卷") }
        guard f.coReviewer == reviewer else {
            throw DomainError.forbidden("该案卷由抽取的复核人员\(f.coReviewer ?? "")复核", article: nil)
        }
        try settled(c)
        guard f.score != nil, f.returnedNote == nil else {
            throw DomainError.conflict(field: nil, message: "主评人员尚未评分（或者退回后尚未重新评分），不能复核")
        }
        guard f.checkedOn == nil else { throw DomainError.conflict(field: nil, message: "已复核确认") }
        let note = note.trimmed
        try TextChecks.checkPrintable(note, field: "returnNote", label: "复核意见")
        if confirm {
            f.checkedOn = today
        } else {
            guard (1...2_000).contains(note.count) else {
                throw DomainError.invalid(field: "returnNote", message: "退回重新评分须写明复核意见（不超过2000字）")
            }
            f.returnedNote = note
        }
        try await write(f, in: tx)
        try tx.record(
            "file_review", "\(campaign.uuidString)/\(caseID.uuidString)", confirm ? "confirm" : "return",
            ["by": reviewer, "note": note])
        return f
    }

    /// The 通报 issued by the organiser once every file is scored and confirmed by its 复核: the scores stand from then on.
    public static func issueBulletin(
        _ campaign: UUID, organisers: Set<UUID>, rectifyBy: CivilDate? = nil, today: CivilDate, in tx: WriteTransaction
    ) async throws -> FileReviewCampaign {
        guard var c = try await self.campaign(campaign, on: tx.db), organisers.contains(c.organiser) else {
            throw DomainError.notFound("没有该评查活动，或者通报由组织评查的机关制发")
        }
        try settled(c)
        let open = try await files(campaign, on: tx.db).filter { $0.checkedOn == nil }.count
        guard open == 0 else {
            throw DomainError.conflict(field: nil, message: "尚有\(open)份案卷未评分或者未经复核确认，不能通报")
        }
        // The bodies have had their say: results sent, every body answered or the objection period ended, and every
        // objection decided.
        guard let due = c.objectionDue, c.resultsSentOn != nil else {
            throw DomainError.conflict(field: nil, message: "请先向被评查单位反馈评查结果，听取其意见后再通报")
        }
        let answered = Set((c.objections ?? [:]).keys)
        guard today > due || c.bodies.allSatisfy({ answered.contains($0.uuidString) }) else {
            throw DomainError.conflict(field: nil, message: "被评查单位提出异议的期限至\(due)，尚未届满，且尚有单位未答复")
        }
        guard !(c.objections ?? [:]).values.contains(where: \.isOpen) else {
            throw DomainError.conflict(field: nil, message: "尚有被评查单位的异议未处理")
        }
        // The rectification period is set when the 通报 goes out, so the bodies have the time it gives them.
        if let rectifyBy {
            guard rectifyBy > today, rectifyBy <= today.adding(days: 366) else {
                throw DomainError.invalid(field: "rectifyBy", message: "整改期限应在通报之日以后、一年以内")
            }
            c.rectifyBy = rectifyBy
        }
        guard today < c.rectifyBy else {
            throw DomainError.invalid(field: "rectifyBy", message: "整改期限\(c.rectifyBy)已过：请重新确定整改期限")
        }
        c.bulletinOn = today
        try await save(c, in: tx)
        try tx.record("file_review_campaign", campaign.uuidString, "bulletin", ["on": today.description])
        return c
    }

    /// A body with problems found reports what it corrected (after the 通报; once — a late report is marked late).
    public static func reportRectification(
        _ campaign: UUID, body: UUID, report: String, by username: String, today: CivilDate, in tx: WriteTransaction
    ) async throws -> FileReviewCampaign {
        guard var c = try await self.campaign(campaign, on: tx.db), c.bodies.contains(body) else {
            throw DomainError.notFound("没有该评查活动")
        }
        guard c.bulletinOn != nil else {
            throw DomainError.conflict(field: nil, message: "评查结果尚未通报，整改报告在通报后报送")
        }
        guard FileReviewCampaign.bodiesToRectify(try await files(campaign, on: tx.db)).contains(body) else {
            throw DomainError.conflict(field: nil, message: "本单位被评查的案卷未发现问题，无需报送整改报告")
        }
        if let earlier = c.rectifications?[body.uuidString], earlier.returnedNote == nil {
            throw DomainError.conflict(field: nil, message: "本单位已报送整改报告")
        }
        let report = report.trimmed
        guard (10...5_000).contains(report.count) else {
            throw DomainError.invalid(field: "report", message: "请写明逐案整改的情况（10至5000字）")
        }
        try TextChecks.checkPrintable(report, field: "report", label: "整改情况")
        // A report sent back by the 核查 is replaced by the new one (both are on the record).
        c.rectifications = (c.rectifications ?? [:]).merging(
            [body.uuidString: .init(report: report, reportedOn: today, by: username)]) { _, new in new }
        try await save(c, in: tx)
        try tx.record(
            "file_review_campaign", campaign.uuidString, "rectification",
            ["body": body.uuidString, "report": report, "late": String(today > c.rectifyBy)])
        return c
    }

    /// 核查: the organiser accepts a body's 整改报告, or sends it back with what is still to correct.
    public static func verifyRectification(
        _ campaign: UUID, body: UUID, accept: Bool, note: String, by username: String, organisers: Set<UUID>,
        today: CivilDate, in tx: WriteTransaction
    ) async throws -> FileReviewCampaign {
        guard var c = try await self.campaign(campaign, on: tx.db), organisers.contains(c.organiser) else {
            throw DomainError.notFound("没有该评查活动，或者整改情况由组织评查的机关核查")
        }
        guard var r = c.rectifications?[body.uuidString], r.verifiedOn == nil, r.returnedNote == nil else {
            throw DomainError.conflict(field: nil, message: "该单位没有待核查的整改报告")
        }
        let note = note.trimmed
        try TextChecks.checkPrintable(note, field: "verifyNote", label: "核查意见")
        if accept {
            r.verifiedOn = today
            r.verifiedBy = username
        } else {
            guard (1...2_000).contains(note.count) else {
                throw DomainError.invalid(field: "verifyNote", message: "请写明整改不到位的问题（不超过2000字）")
            }
            r.returnedNote = note
        }
        c.rectifications?[body.uuidString] = r
        try await save(c, in: tx)
        try tx.record(
            "file_review_campaign", campaign.uuidString, accept ? "rectification_accept" : "rectification_return",
            ["body": body.uuidString, "note": note, "by": username])
        return c
    }

    /// 评查结果反馈: once every file is confirmed, the organiser sends the results to the reviewed bodies, who may object
    /// within `workdays` working days.
    public static func sendResults(
        _ campaign: UUID, organisers: Set<UUID>, workdays: Int, calendar: DeadlineCalculator, today: CivilDate,
        in tx: WriteTransaction
    ) async throws -> FileReviewCampaign {
        guard var c = try await self.campaign(campaign, on: tx.db), organisers.contains(c.organiser) else {
            throw DomainError.notFound("没有该评查活动，或者由组织评查的机关反馈")
        }
        try settled(c)
        let open = try await files(campaign, on: tx.db).filter { $0.checkedOn == nil }.count
        guard open == 0 else {
            throw DomainError.conflict(field: nil, message: "尚有\(open)份案卷未评分或者未经复核确认，不能反馈")
        }
        c.resultsSentOn = today
        c.objectionDue = try calendar.due(from: today, days: workdays, unit: .workday)
        try await save(c, in: tx)
        try tx.record(
            "file_review_campaign", campaign.uuidString, "send_results", ["due": c.objectionDue?.description ?? ""])
        return c
    }

    /// A reviewed body's answer to its results, once, by the day: no objection (text nil), or its objection.
    public static func answerResults(
        _ campaign: UUID, body: UUID, objection: String?, by username: String, today: CivilDate, in tx: WriteTransaction
    ) async throws -> FileReviewCampaign {
        guard var c = try await self.campaign(campaign, on: tx.db), c.bodies.contains(body) else {
            throw DomainError.notFound("没有该评查活动")
        }
        try settled(c)
        guard let due = c.objectionDue else { throw DomainError.conflict(field: nil, message: "评查结果尚未反馈") }
        guard today <= due else {
            throw DomainError.invalid(field: "objection", message: "提出异议的期限（\(due)）已过")
        }
        guard c.objections?[body.uuidString] == nil else {
            throw DomainError.conflict(field: nil, message: "本单位已就评查结果提出意见")
        }
        let text = objection?.trimmed
        if let text {
            guard (10...5_000).contains(text.count) else {
                throw DomainError.invalid(field: "objection", message: "请写明异议的案卷、指标和理由（10至5000字）")
            }
            try TextChecks.checkPrintable(text, field: "objection", label: "异议")
        }
        c.objections = (c.objections ?? [:]).merging(
            [body.uuidString: .init(text: text, filedOn: today, by: username)]) { a, _ in a }
        try await save(c, in: tx)
        try tx.record(
            "file_review_campaign", campaign.uuidString, text == nil ? "no_objection" : "objection",
            ["body": body.uuidString, "text": text ?? "", "by": username])
        return c
    }

    /// The organiser decides an objection: upheld scores stand (with the reason); or it is accepted and the files named
    /// (by case number) go back to their 主评 to score again, then to their 复核.
    public static func decideObjection(
        _ campaign: UUID, body: UUID, accept: Bool, caseNumbers: [String], note: String, by username: String,
        organisers: Set<UUID>, today: CivilDate, in tx: WriteTransaction
    ) async throws -> FileReviewCampaign {
        guard var c = try await self.campaign(campaign, on: tx.db), organisers.contains(c.organiser) else {
            throw DomainError.notFound("没有该评查活动，或者异议由组织评查的机关处理")
        }
        guard var o = c.objections?[body.uuidString], o.isOpen else {
            throw DomainError.conflict(field: nil, message: "该单位没有待处理的异议")
        }
        let note = note.trimmed
        guard (1...2_000).contains(note.count) else {
            throw DomainError.invalid(field: "decisionNote", message: "请写明处理异议的理由（不超过2000字）")
        }
        try TextChecks.checkPrintable(note, field: "decisionNote", label: "处理理由")
        if accept {
            let own = try await files(campaign, on: tx.db).filter { $0.bodyID == body }
            let named = Set(caseNumbers.map(\.trimmed).filter { !$0.isEmpty })
            let reopened = own.filter { named.contains($0.caseNumber) }
            guard !reopened.isEmpty, reopened.count == named.count else {
                throw DomainError.invalid(field: "caseNumbers", message: "请写明需要重新评分的本单位被评查案卷的案号（每行一个）")
            }
            for var f in reopened {
                f.checkedOn = nil
                f.returnedNote = "异议成立：\(note)"
                try await write(f, in: tx)
            }
        }
        o.upheld = !accept
        o.decisionNote = note
        o.decidedOn = today
        o.decidedBy = username
        c.objections?[body.uuidString] = o
        try await save(c, in: tx)
        try tx.record(
            "file_review_campaign", campaign.uuidString, accept ? "objection_accepted" : "objection_upheld",
            ["body": body.uuidString, "note": note, "cases": caseNumbers.joined(separator: "、"), "by": username])
        return c
    }

    static func save(_ c: FileReviewCampaign, in tx: WriteTransaction) async throws {
        try await tx.sql.raw(
            "UPDATE review_campaigns SET content = \(bind: try StoreJSON.encode(c)) WHERE id = \(bind: c.id.uuidString)"
        ).run()
    }

    /// The draw as published for anyone to re-run (`scripts/draw-verify.py`): the same document as a 双随机 task's.
    public static func published(_ c: FileReviewCampaign) -> RandomDraws.Published {
        RandomDraws.Published(
            algorithm: RandomDraw.algorithm, task: c.inputs.task,
            targets: c.inputs.targets.map { [$0.id, $0.stratum] },
            inspectors: c.inputs.inspectors, exclusions: c.inputs.exclusions, quotas: c.inputs.quotas,
            perTarget: c.inputs.perTarget, inputsHash: c.inputs.hash, revealed: c.revealed, result: c.drawn)
    }

    /// Whether the user was drawn to review (主评 or 复核) this case in any campaign: they read its file.
    public static func isReviewer(_ username: String, of caseID: UUID, on db: any Database) async throws -> Bool {
        try await (db as! any SQLDatabase).raw(
            "SELECT content FROM review_files WHERE case_id = \(bind: caseID.uuidString)"
        ).all().contains { r in
            guard let f = try? StoreJSON.decode(ReviewedFile.self, try r.decode(column: "content", as: String.self))
            else { return false }
            return f.reviewer == username || f.coReviewer == username
        }
    }

    public static func campaign(_ id: UUID, on db: any Database) async throws -> FileReviewCampaign? {
        try await (db as! any SQLDatabase).raw("SELECT content FROM review_campaigns WHERE id = \(bind: id.uuidString)")
            .first().map {
                try StoreJSON.decode(FileReviewCampaign.self, try $0.decode(column: "content", as: String.self))
            }
    }

    /// The campaigns of these organisers, or those with a file of these bodies, newest first.
    public static func campaigns(on db: any Database) async throws -> [FileReviewCampaign] {
        try await (db as! any SQLDatabase).raw(
            "SELECT content FROM review_campaigns ORDER BY created_on DESC LIMIT 200"
        )
        .all().map { try StoreJSON.decode(FileReviewCampaign.self, try $0.decode(column: "content", as: String.self)) }
    }

    public static func files(_ campaign: UUID, on db: any Database) async throws -> [ReviewedFile] {
        try await (db as! any SQLDatabase).raw(
            "SELECT content FROM review_files WHERE campaign_id = \(bind: campaign.uuidString) ORDER BY body_id, case_id"
        ).all().map { try StoreJSON.decode(ReviewedFile.self, try $0.decode(column: "content", as: String.self)) }
    }

    public static func file(_ campaign: UUID, _ caseID: UUID, on db: any Database) async throws -> ReviewedFile? {
        try await (db as! any SQLDatabase).raw(
            """
            SELECT content FROM review_files WHERE campaign_id = \(bind: campaign.uuidString) AND case_id = \(bind: caseID.uuidString)
            """
        ).first().map { try StoreJSON.decode(ReviewedFile.self, try $0.decode(column: "content", as: String.self)) }
    }

    /// Files of a year's campaigns (by the day the campaign started), for the figures.
    public static func filesOfYear(_ year: Int, bodies: Set<UUID>, on db: any Database) async throws -> [ReviewedFile] {
        try await (db as! any SQLDatabase).raw(
            """
            SELECT f.content FROM review_files f JOIN review_campaigns c ON c.id = f.campaign_id
            WHERE c.created_on >= \(bind: "\(year)-01-01") AND c.created_on <= \(bind: "\(year)-12-31")
            """
        ).all().map { try StoreJSON.decode(ReviewedFile.self, try $0.decode(column: "content", as: String.self)) }
            .filter { bodies.contains($0.bodyID) }
    }
}
