import FazhiCore
import FazhiStore
import Vapor

/// 案卷评查 in the console: the 司法局 starts a campaign (scope, reviewers, the value revealed at the draw); each reviewer
/// sees the files drawn for them and scores what the system cannot judge; the campaign page shows every file and the
/// results by body, and gives the 通报 (.docx) with the rectification day; the draw's inputs are published as JSON so
/// anyone re-runs it with `scripts/draw-verify.py`.
enum FileReviewConsole {
    struct ListPage {
        let campaigns: [FileReviewCampaign]
        /// Files drawn for the user, not yet scored.
        let mine: [ReviewedFile]
        let mayStart: Bool
        let bodies: [(id: UUID, name: String)]
        let today: CivilDate
    }

    struct BodyResult {
        let name: String
        let files: Int
        let scored: Int
        let average: Double?
        let excellent: Int
        let passed: Int
        let failed: Int
    }

    struct CampaignPage {
        let campaign: FileReviewCampaign
        let files: [ReviewedFile]
        let names: [UUID: String]
        let results: [BodyResult]
        let username: String
        /// The organiser's staff may issue the 通报 (once every file is confirmed).
        let mayIssue: Bool
        /// The bodies (of those the user sees) that must report their correction, and the one the user reports for.
        let toRectify: Set<UUID>
        let reportsFor: UUID?
        let today: CivilDate
        /// The organiser's 监督人员 check the 整改报告.
        var mayVerify = false
        /// The reviewed body the user answers the results for (no objection, or its objection), while it may.
        var answersFor: UUID? = nil
    }

    struct FilePage {
        let campaign: FileReviewCampaign
        let file: ReviewedFile
        let standard: FileReviewStandard
        let bodyName: String
        let mayScore: Bool
        /// The 复核 may confirm or send back a score not yet confirmed.
        let mayCheck: Bool
    }

    static func load(_ req: Request, _ user: AuthUser) async throws -> ListPage {
        let names = try await CasesConsole.bodyNames(req)
        let campaigns = try await FileReviews.campaigns(on: req.db).filter {
            user.readable.contains($0.organiser) || !user.readable.isDisjoint(with: $0.bodies)
        }
        var mine: [ReviewedFile] = []
        for c in campaigns where c.reviewers.contains(user.username) {
            mine += try await FileReviews.files(c.id, on: req.db).filter {
                $0.reviewer == user.username && $0.score == nil
            }
        }
        let bodies = try await EnforcementBodies.all(on: req.db).filter { user.readable.contains($0.organisationId) }
            .map { (id: $0.organisationId, name: names[$0.organisationId] ?? $0.organisationName) }
        return ListPage(
            campaigns: campaigns, mine: mine, mayStart: SupervisionConsole.supervises(user), bodies: bodies,
            today: req.fazhi.today)
    }

    static func results(_ files: [ReviewedFile], names: [UUID: String]) -> [BodyResult] {
        Dictionary(grouping: files, by: \.bodyID).map { body, fs in
            let scored = fs.compactMap(\.score)
            return BodyResult(
                name: names[body] ?? "", files: fs.count, scored: scored.count,
                average: scored.isEmpty ? nil : Double(scored.reduce(0, +)) / Double(scored.count),
                excellent: fs.filter { $0.verdict == "优秀" }.count, passed: fs.filter { $0.verdict == "合格" }.count,
                failed: fs.filter { $0.verdict == "不合格" }.count)
        }.sorted { ($0.average ?? 0, $1.name) > ($1.average ?? 0, $0.name) }
    }

    static func campaign(_ req: Request, _ user: AuthUser) async throws -> CampaignPage {
        guard let id = req.parameters.get("id", as: UUID.self), let c = try await FileReviews.campaign(id, on: req.db),
            user.readable.contains(c.organiser) || !user.readable.isDisjoint(with: c.bodies)
                || c.reviewers.contains(user.username)
        else { throw APIError.notFound("没有该评查活动，或者您无权查看") }
        let names = try await CasesConsole.bodyNames(req)
        // The organiser sees every file; a body its own, a reviewer those drawn for them — not the other bodies' scores.
        let organiser = user.readable.contains(c.organiser) && SupervisionConsole.supervises(user)
        let files = try await FileReviews.files(id, on: req.db).filter { f in
            organiser || user.readable.contains(f.bodyID) || f.reviewer == user.username
                || f.coReviewer == user.username
        }
        let toRectify = FileReviewCampaign.bodiesToRectify(files)
        // A body's head or 法制机构 reports its correction once the 通报 is out.
        let own = user.organisationID
        let reports =
            c.bulletinOn != nil && toRectify.contains(own)
            && (c.rectifications?[own.uuidString].map { $0.returnedNote != nil } ?? true)
            && !CasesAPI.actor(user, body: own).roles.isDisjoint(with: [.head, .legalReviewer])
        let answers =
            c.bulletinOn == nil && c.bodies.contains(own) && c.objections?[own.uuidString] == nil
            && (c.objectionDue.map { req.fazhi.today <= $0 } ?? false)
            && !CasesAPI.actor(user, body: own).roles.isDisjoint(with: [.head, .legalReviewer])
        return CampaignPage(
            campaign: c, files: files, names: names, results: results(files, names: names), username: user.username,
            mayIssue: organiser && c.bulletinOn == nil, toRectify: toRectify, reportsFor: reports ? own : nil,
            today: req.fazhi.today, mayVerify: organiser, answersFor: answers ? own : nil)
    }

    static func filePage(_ req: Request, _ user: AuthUser) async throws -> FilePage {
        let p = try await campaign(req, user)
        guard let caseID = req.parameters.get("case", as: UUID.self),
            let f = p.files.first(where: { $0.caseID == caseID }),
            let standard = FileReviewStandard.version(p.campaign.standardVersion)
        else { throw APIError.notFound("没有该评查案卷") }
        return FilePage(
            campaign: p.campaign, file: f, standard: standard, bodyName: p.names[f.bodyID] ?? "",
            mayScore: f.reviewer == user.username && f.checkedOn == nil && p.campaign.bulletinOn == nil,
            mayCheck: f.coReviewer == user.username && f.score != nil && f.returnedNote == nil && f.checkedOn == nil
                && p.campaign.bulletinOn == nil)
    }

    /// 待办: the 主评's files to score (or score again), the 复核's to check, the organiser's 通报 to issue and late
    /// reports, a body's 整改报告 due (red once late).
    static let pending: PendingItems.Provider = { user, req in
        var out: [PendingItem] = []
        let today = req.fazhi.today
        for c in try await FileReviews.campaigns(on: req.db) {
            let link = "/console/file-reviews/\(c.id.uuidString)"
            let files = try await FileReviews.files(c.id, on: req.db)
            if c.reviewers.contains(user.username), c.bulletinOn == nil {
                let toScore = files.filter {
                    $0.reviewer == user.username && ($0.score == nil || $0.returnedNote != nil)
                }
                let toCheck = files.filter { $0.coReviewer == user.username && $0.stage == "待复核" }
                if !toScore.isEmpty {
                    out.append(
                        PendingItem(
                            severity: .warning, title: "待评查案卷 \(toScore.count) 份：\(c.title)",
                            detail: "按评查标准评分（含复核退回的）", link: link))
                }
                if !toCheck.isEmpty {
                    out.append(
                        PendingItem(
                            severity: .warning, title: "待复核案卷 \(toCheck.count) 份：\(c.title)", detail: "确认评分或者写明意见退回",
                            link: link))
                }
            }
            if user.readable.contains(c.organiser), SupervisionConsole.supervises(user) {
                if c.bulletinOn == nil, !files.isEmpty, files.allSatisfy({ $0.checkedOn != nil }) {
                    out.append(
                        PendingItem(
                            severity: .warning,
                            title: c.resultsSentOn == nil ? "可以反馈评查结果：\(c.title)" : "评查通报：\(c.title)",
                            detail: c.resultsSentOn == nil
                                ? "全部案卷已评分并复核，请向被评查单位反馈结果" : "异议期限至\(c.objectionDue?.description ?? "")，期满或者各单位答复后制发通报",
                            link: link))
                }
                let undecided = (c.objections ?? [:]).values.filter(\.isOpen).count
                if undecided > 0 {
                    out.append(
                        PendingItem(
                            severity: .warning, title: "待处理的评查异议 \(undecided) 件：\(c.title)", detail: "维持或者退回重新评分",
                            link: link))
                }
                let toVerify = (c.rectifications ?? [:]).values.filter {
                    $0.verifiedOn == nil && $0.returnedNote == nil
                }
                if !toVerify.isEmpty {
                    out.append(
                        PendingItem(
                            severity: .warning, title: "待核查整改报告 \(toVerify.count) 份：\(c.title)", detail: "核查认可或者退回重新整改",
                            link: link))
                }
                let missing = FileReviewCampaign.bodiesToRectify(files).filter {
                    c.rectifications?[$0.uuidString].map { $0.returnedNote != nil } ?? true
                }
                if c.bulletinOn != nil, today > c.rectifyBy, !missing.isEmpty {
                    out.append(
                        PendingItem(
                            severity: .overdue, title: "\(missing.count)个单位逾期未报送整改报告：\(c.title)",
                            detail: "整改期限\(c.rectifyBy.description)", link: link))
                }
            }
            let own = user.organisationID
            if c.bulletinOn == nil, let due = c.objectionDue, today <= due, c.bodies.contains(own),
                c.objections?[own.uuidString] == nil,
                !CasesAPI.actor(user, body: own).roles.isDisjoint(with: [.head, .legalReviewer])
            {
                out.append(
                    PendingItem(
                        severity: .warning, title: "确认案卷评查结果：\(c.title)", detail: "如有异议，请在\(due)前提出", link: link))
            }
            if c.bulletinOn != nil, c.rectifications?[own.uuidString].map({ $0.returnedNote != nil }) ?? true,
                FileReviewCampaign.bodiesToRectify(files).contains(own),
                !CasesAPI.actor(user, body: own).roles.isDisjoint(with: [.head, .legalReviewer])
            {
                let left = today.days(until: c.rectifyBy)
                out.append(
                    PendingItem(
                        severity: left < 0 ? .overdue : .warning, title: "报送案卷评查整改报告：\(c.title)",
                        detail: left < 0
                            ? "整改期限\(c.rectifyBy.description)，已逾期\(-left)日"
                            : "整改期限\(c.rectifyBy.description)，还有\(left)日",
                        link: link))
            }
        }
        return out
    }

    static func register(_ console: any RoutesBuilder) {
        console.get("file-reviews") { req async throws -> Response in
            let user = try req.requireUser()
            return try await list(req, user, error: nil)
        }
        console.post("file-reviews") { req async throws -> Response in
            let user = try req.requireUser()
            let v = try req.content.decode([String: String].self)
            do {
                guard SupervisionConsole.supervises(user) else {
                    throw DomainError.forbidden("案卷评查由司法行政部门的行政执法监督人员组织", article: "行政执法监督条例 第六条")
                }
                func date(_ k: String, _ label: String) throws -> CivilDate {
                    guard let d = CivilDate(iso: (v[k] ?? "").trimmed) else {
                        throw DomainError.invalid(field: k, message: "请填写\(label)（年-月-日）")
                    }
                    return d
                }
                let bodies = (v["bodies"] ?? "").split(separator: ",").compactMap { UUID(uuidString: String($0)) }
                    .filter(user.readable.contains)
                let r = FileReviews.Request(
                    organiser: user.organisationID, title: v["title"] ?? "", closedFrom: try date("closedFrom", "结案起日"),
                    closedTo: try date("closedTo", "结案止日"), bodies: bodies,
                    perBody: Int((v["perBody"] ?? "").trimmed) ?? 0,
                    reviewers: (v["reviewers"] ?? "").split(whereSeparator: \.isNewline).map(String.init),
                    revealed: v["revealed"] ?? "", rectifyBy: try date("rectifyBy", "整改期限"))
                let today = req.fazhi.today
                let c = try await req.write(as: user) { tx in try await FileReviews.start(r, today: today, in: tx) }
                Flash.set(req, ok: "已抽取\(c.drawn.count)份案卷并分配评查人员")
                return req.redirect(to: "/console/file-reviews/\(c.id.uuidString)")
            } catch let e as DomainError {
                return try await list(req, user, error: e.message).with(status: APIError(e).status)
            }
        }
        console.get("file-reviews", ":id") { req async throws -> Response in
            let user = try req.requireUser()
            return try await campaignPage(req, user, error: nil)
        }
        console.get("file-reviews", ":id", "draw.json") { req async throws -> Response in
            let user = try req.requireUser()
            let p = try await campaign(req, user)
            let r = Response(status: .ok)
            try r.content.encode(FileReviews.published(p.campaign), as: .json)
            return r
        }
        console.get("file-reviews", ":id", "bulletin.docx") { req async throws -> Response in
            let user = try req.requireUser()
            let p = try await campaign(req, user)
            // The draft is the organiser's; once issued, the 通报 (every body's results) is for all it concerns.
            guard p.mayIssue || p.campaign.bulletinOn != nil else {
                throw APIError.notFound("通报由组织评查的机关制发，制发后被评查单位可以下载")
            }
            let all = try await FileReviews.files(p.campaign.id, on: req.db)
            let whole = CampaignPage(
                campaign: p.campaign, files: all, names: p.names, results: results(all, names: p.names),
                username: p.username, mayIssue: p.mayIssue, toRectify: FileReviewCampaign.bodiesToRectify(all),
                reportsFor: nil, today: p.today)
            let organiser = p.names[p.campaign.organiser] ?? ""
            let text = FileReviewViews.bulletin(
                whole, organiser: organiser, today: p.campaign.bulletinOn ?? req.fazhi.today)
            return try CaseDocumentsController.docx(
                text, seal: CaseDocumentsController.seal(req, bodyID: p.campaign.organiser, bodyName: organiser))
        }
        // 限期整改通知书, after the 通报: for the organiser and for the body it is addressed to.
        console.get("file-reviews", ":id", "notice", ":body") { req async throws -> Response in
            let user = try req.requireUser()
            let p = try await campaign(req, user)
            guard
                let body = UUID(
                    uuidString: (req.parameters.get("body") ?? "").replacingOccurrences(of: ".docx", with: "")),
                p.campaign.bulletinOn != nil, p.toRectify.contains(body),
                p.mayVerify || user.readable.contains(body)
            else { throw APIError.notFound("没有该单位的整改通知书（通报制发后，向案卷存在问题的单位下发）") }
            let organiser = p.names[p.campaign.organiser] ?? ""
            return try CaseDocumentsController.docx(
                FileReviewViews.rectificationNotice(p, body: body, organiser: organiser),
                seal: CaseDocumentsController.seal(req, bodyID: p.campaign.organiser, bodyName: organiser))
        }
        console.post("file-reviews", ":id", "bulletin") { req async throws -> Response in
            let user = try req.requireUser()
            let p = try await campaign(req, user)
            do {
                guard p.mayIssue || p.campaign.bulletinOn != nil, SupervisionConsole.supervises(user) else {
                    throw DomainError.forbidden("评查通报由组织评查的司法行政部门的行政执法监督人员制发", article: "行政执法监督条例 第六条")
                }
                let today = req.fazhi.today, organisers = user.readable
                let v = try req.content.decode([String: String].self)
                let given = (v["rectifyBy"] ?? "").trimmed
                guard given.isEmpty || CivilDate(iso: given) != nil else {
                    throw DomainError.invalid(field: "rectifyBy", message: "请填写整改期限（年-月-日）")
                }
                _ = try await req.write(as: user) { tx in
                    try await FileReviews.issueBulletin(
                        p.campaign.id, organisers: organisers, rectifyBy: CivilDate(iso: given), today: today, in: tx)
                }
                Flash.set(req, ok: "已制发通报，评分不再修改；存在问题的单位应在整改期限前报送整改报告")
            } catch let e as DomainError {
                return try await campaignPage(req, user, error: e.message).with(status: APIError(e).status)
            }
            return req.redirect(to: "/console/file-reviews/\(p.campaign.id.uuidString)")
        }
        console.post("file-reviews", ":id", "rectification") { req async throws -> Response in
            let user = try req.requireUser()
            let v = try req.content.decode([String: String].self)
            let p = try await campaign(req, user)
            do {
                if let r = p.campaign.rectifications?[user.organisationID.uuidString], r.returnedNote == nil {
                    throw DomainError.conflict(field: nil, message: "本单位已报送整改报告")
                }
                guard let body = p.reportsFor else {
                    throw DomainError.forbidden("整改报告由存在问题的被评查单位的负责人或者法制机构报送", article: nil)
                }
                let today = req.fazhi.today, username = user.username
                _ = try await req.write(as: user) { tx in
                    try await FileReviews.reportRectification(
                        p.campaign.id, body: body, report: v["report"] ?? "", by: username, today: today, in: tx)
                }
                Flash.set(req, ok: "已报送整改报告")
            } catch let e as DomainError {
                return try await campaignPage(req, user, error: e.message).with(status: APIError(e).status)
            }
            return req.redirect(to: "/console/file-reviews/\(p.campaign.id.uuidString)")
        }
        console.post("file-reviews", ":id", "results") { req async throws -> Response in
            let user = try req.requireUser()
            let p = try await campaign(req, user)
            do {
                guard p.mayIssue else {
                    throw DomainError.forbidden("评查结果由组织评查的机关的行政执法监督人员反馈", article: "行政执法监督条例 第六条")
                }
                let today = req.fazhi.today, organisers = user.readable, calendar = req.fazhi.deadlines
                let days = req.fazhi.procedures.settings.fileReviewObjectionWorkdays
                let c = try await req.write(as: user) { tx in
                    try await FileReviews.sendResults(
                        p.campaign.id, organisers: organisers, workdays: days, calendar: calendar, today: today, in: tx)
                }
                Flash.set(req, ok: "已向被评查单位反馈评查结果，提出异议的期限至\(c.objectionDue?.description ?? "")")
            } catch let e as DomainError {
                return try await campaignPage(req, user, error: e.message).with(status: APIError(e).status)
            }
            return req.redirect(to: "/console/file-reviews/\(p.campaign.id.uuidString)")
        }
        console.post("file-reviews", ":id", "objection") { req async throws -> Response in
            let user = try req.requireUser()
            let v = try req.content.decode([String: String].self)
            let p = try await campaign(req, user)
            do {
                guard let body = p.answersFor else {
                    throw DomainError.forbidden(
                        "评查结果由被评查单位的负责人或者法制机构在异议期限内答复（每个单位一次）", article: nil)
                }
                let today = req.fazhi.today, username = user.username
                let text: String? = v["answer"] == "none" ? nil : (v["objection"] ?? "")
                _ = try await req.write(as: user) { tx in
                    try await FileReviews.answerResults(
                        p.campaign.id, body: body, objection: text, by: username, today: today, in: tx)
                }
                Flash.set(req, ok: text == nil ? "已确认对评查结果无异议" : "已提出异议")
            } catch let e as DomainError {
                return try await campaignPage(req, user, error: e.message).with(status: APIError(e).status)
            }
            return req.redirect(to: "/console/file-reviews/\(p.campaign.id.uuidString)")
        }
        console.post("file-reviews", ":id", "objection", ":body", "decide") { req async throws -> Response in
            let user = try req.requireUser()
            let v = try req.content.decode([String: String].self)
            let p = try await campaign(req, user)
            guard let body = req.parameters.get("body", as: UUID.self) else { throw APIError.notFound("没有该单位") }
            do {
                guard p.mayVerify else {
                    throw DomainError.forbidden("异议由组织评查的机关的行政执法监督人员处理", article: "行政执法监督条例 第六条")
                }
                let today = req.fazhi.today, username = user.username, organisers = user.readable
                let accept = v["decision"] == "accept"
                let numbers = (v["caseNumbers"] ?? "").split(whereSeparator: \.isNewline).map(String.init)
                _ = try await req.write(as: user) { tx in
                    try await FileReviews.decideObjection(
                        p.campaign.id, body: body, accept: accept, caseNumbers: numbers, note: v["decisionNote"] ?? "",
                        by: username, organisers: organisers, today: today, in: tx)
                }
                Flash.set(req, ok: accept ? "异议成立，所列案卷已退回主评人员重新评分" : "异议不成立，维持评分")
            } catch let e as DomainError {
                return try await campaignPage(req, user, error: e.message).with(status: APIError(e).status)
            }
            return req.redirect(to: "/console/file-reviews/\(p.campaign.id.uuidString)")
        }
        console.post("file-reviews", ":id", "rectification", ":body", "verify") { req async throws -> Response in
            let user = try req.requireUser()
            let v = try req.content.decode([String: String].self)
            let p = try await campaign(req, user)
            guard let body = req.parameters.get("body", as: UUID.self) else { throw APIError.notFound("没有该单位") }
            do {
                guard user.readable.contains(p.campaign.organiser), SupervisionConsole.supervises(user) else {
                    throw DomainError.forbidden("整改情况由组织评查的机关的行政执法监督人员核查", article: "行政执法监督条例 第六条")
                }
                let today = req.fazhi.today, username = user.username, organisers = user.readable
                let accept = v["decision"] == "accept"
                _ = try await req.write(as: user) { tx in
                    try await FileReviews.verifyRectification(
                        p.campaign.id, body: body, accept: accept, note: v["verifyNote"] ?? "", by: username,
                        organisers: organisers, today: today, in: tx)
                }
                Flash.set(req, ok: accept ? "已核查认可" : "已退回，请该单位重新整改并报送")
            } catch let e as DomainError {
                return try await campaignPage(req, user, error: e.message).with(status: APIError(e).status)
            }
            return req.redirect(to: "/console/file-reviews/\(p.campaign.id.uuidString)")
        }
        console.post("file-reviews", ":id", "files", ":case", "check") { req async throws -> Response in
            let user = try req.requireUser()
            let v = try req.content.decode([String: String].self)
            let p = try await filePage(req, user)
            do {
                let today = req.fazhi.today, username = user.username, confirm = v["decision"] == "confirm"
                _ = try await req.write(as: user) { tx in
                    try await FileReviews.check(
                        campaign: p.campaign.id, caseID: p.file.caseID, confirm: confirm, note: v["returnNote"] ?? "",
                        by: username, today: today, in: tx)
                }
                Flash.set(req, ok: confirm ? "已复核确认" : "已退回主评人员重新评分")
                return req.redirect(to: "/console/file-reviews/\(p.campaign.id.uuidString)")
            } catch let e as DomainError {
                return try await file(req, user, error: e.message).with(status: APIError(e).status)
            }
        }
        console.get("file-reviews", ":id", "files", ":case") { req async throws -> Response in
            let user = try req.requireUser()
            return try await file(req, user, error: nil)
        }
        console.post("file-reviews", ":id", "files", ":case") { req async throws -> Response in
            let user = try req.requireUser()
            let v = try req.content.decode([String: String].self)
            let p = try await filePage(req, user)
            do {
                var deductions: [String: Int] = [:], notes: [String: String] = [:]
                for i in p.standard.indicators where i.check == nil {
                    let text = (v["deduct.\(i.id)"] ?? "").trimmed
                    guard let n = text.isEmpty ? 0 : Int(text) else {
                        throw DomainError.invalid(field: "deduct.\(i.id)", message: "“\(i.name)”扣分应为整数")
                    }
                    deductions[i.id] = n
                    let note = v["note.\(i.id)"] ?? ""
                    guard note.count <= 2_000 else {
                        throw DomainError.invalid(field: "note.\(i.id)", message: "“\(i.name)”的问题说明不超过2000字")
                    }
                    notes[i.id] = note
                }
                let today = req.fazhi.today, username = user.username, given = deductions, explained = notes
                _ = try await req.write(as: user) { tx in
                    try await FileReviews.score(
                        campaign: p.campaign.id, caseID: p.file.caseID, deductions: given, notes: explained,
                        by: username, today: today, in: tx)
                }
                Flash.set(req, ok: "已评分")
                return req.redirect(to: "/console/file-reviews/\(p.campaign.id.uuidString)")
            } catch let e as DomainError {
                return try await file(req, user, error: e.message).with(status: APIError(e).status)
            }
        }
    }

    static func campaignPage(_ req: Request, _ user: AuthUser, error: String?) async throws -> Response {
        let p = try await campaign(req, user)
        return Views.console(
            p.campaign.title, user: user, request: req, active: "/console/file-reviews", flash: Flash.take(req),
            FileReviewViews.campaign(p, error: error, csrf: CSRF.token(for: req))
        ).with(status: error == nil ? .ok : .unprocessableEntity)
    }

    static func list(_ req: Request, _ user: AuthUser, error: String?) async throws -> Response {
        let p = try await load(req, user)
        return Views.console(
            "案卷评查", user: user, request: req, active: "/console/file-reviews", flash: Flash.take(req),
            FileReviewViews.list(p, error: error, csrf: CSRF.token(for: req)))
    }

    static func file(_ req: Request, _ user: AuthUser, error: String?) async throws -> Response {
        let p = try await filePage(req, user)
        return Views.console(
            "评查案卷 \(p.file.caseNumber)", user: user, request: req, active: "/console/file-reviews",
            flash: Flash.take(req), FileReviewViews.file(p, error: error, csrf: CSRF.token(for: req)))
    }

    /// The year's 案卷评查 figures: files reviewed, average score, 优秀, 不合格 (API `file_review`).
    static let figures = FigureSet(id: "file_review", title: "行政执法案卷评查") { req, year, bodies in
        let db = req.readDB  // one replica for the whole set
        let files = try await FileReviews.filesOfYear(year, bodies: bodies, on: db)
        let scores = files.compactMap(\.score)
        var toRectify = 0, rectified = 0
        for (campaign, fs) in Dictionary(grouping: files, by: \.campaignID) {
            guard let c = try await FileReviews.campaign(campaign, on: db), c.bulletinOn != nil else {
                continue
            }
            let due = FileReviewCampaign.bodiesToRectify(fs)
            toRectify += due.count
            rectified += due.filter { c.rectifications?[$0.uuidString] != nil }.count
        }
        let average = scores.isEmpty ? 0 : (Double(scores.reduce(0, +)) / Double(scores.count) * 10).rounded() / 10
        func f(_ id: String, _ label: String, _ definition: String, _ v: Double, _ unit: String) -> FigureOut {
            FigureOut(id: id, label: label, definition: definition, value: v, unit: unit, records: nil)
        }
        let out = [
            f("drawn", "抽取评查的案卷", "本年评查活动随机抽取的行政处罚案卷", Double(files.count), "份"),
            f("scored", "已评查", "评查人员已评分的案卷", Double(scores.count), "份"),
            f("average", "平均分", "已评查案卷的平均得分（百分制）", average, "分"),
            f("excellent", "优秀案卷", "评为优秀的案卷", Double(files.filter { $0.verdict == "优秀" }.count), "份"),
            f("failed", "不合格案卷", "评为不合格的案卷（含否决项不合格）", Double(files.filter { $0.verdict == "不合格" }.count), "份"),
            f("toRectify", "需整改单位", "已通报的评查中案卷存在问题的单位（单位次）", Double(toRectify), "个"),
            f("rectified", "已报送整改报告", "需整改单位中已报送整改报告的（单位次）", Double(rectified), "个"),
        ]
        return ("本年评查案卷\(files.count)份，已评\(scores.count)份，平均\(average)分", out)
    }
}
