import Foundation

/// 案卷评查活动: the 司法局 reviews a sample of the bodies' closed 行政处罚 files — the sample and the reviewers drawn by the
/// 双随机 rule (`RandomDraw`, re-runnable from the published inputs): files closed in a period, the same number from each
/// body, each to two reviewers (主评 and 复核) who do not work for the body reviewed. Results by body in a 通报 with a rectification date.
public struct FileReviewCampaign: Codable, Sendable, Equatable {
    public var id: UUID
    /// The 司法行政部门 running it.
    public var organiser: UUID
    public var title: String
    /// Files closed (结案) from … to.
    public var closedFrom: CivilDate
    public var closedTo: CivilDate
    public var bodies: [UUID]
    public var perBody: Int
    /// The reviewers' user names (评查人员).
    public var reviewers: [String]
    /// The value revealed at the draw (entered by witnesses), as for a 双随机 task.
    public var revealed: String
    public var standardVersion: Int
    /// Bodies with files found 不合格 correct and report by this day.
    public var rectifyBy: CivilDate
    public var createdOn: CivilDate
    public var inputs: RandomDraw.Inputs
    public var drawn: [RandomDraw.Drawn]
    /// The day the 通报 was issued: from then on the scores stand, and the bodies with problems report their correction.
    public var bulletinOn: CivilDate?
    /// Each body's 整改报告 (by body id), once it reported.
    public var rectifications: [String: Rectification]?
    /// The confirmed scores sent to the reviewed bodies (评查结果反馈), and the last day to object.
    public var resultsSentOn: CivilDate?
    public var objectionDue: CivilDate?
    /// Each body's answer to its results (by body id): no objection, or an objection and how the organiser decided it.
    public var objections: [String: Objection]?

    /// A body's 异议 to its results, or its statement that it has none.
    public struct Objection: Codable, Sendable, Equatable {
        /// nil: no objection (无异议).
        public var text: String?
        public var filedOn: CivilDate
        public var by: String
        /// 维持 or 采纳 (the files named go back to their 主评), with the reason, the day and who decided.
        public var upheld: Bool?
        public var decisionNote: String?
        public var decidedOn: CivilDate?
        public var decidedBy: String?
        public init(text: String?, filedOn: CivilDate, by: String) {
            self.text = text; self.filedOn = filedOn; self.by = by
        }
        public var isOpen: Bool { text != nil && decidedOn == nil }
        public var stage: String {
            guard text != nil else { return "无异议" }
            guard let upheld else { return "异议待处理" }
            return upheld ? "异议不成立，维持评分" : "异议成立，已退回重新评分"
        }
    }

    /// A body's report of what it corrected after the 通报.
    public struct Rectification: Codable, Sendable, Equatable {
        public var report: String
        public var reportedOn: CivilDate
        public var by: String
        /// The organiser's 核查: accepted (day, who), or sent back with what is still to correct (the body reports again).
        public var verifiedOn: CivilDate?
        public var verifiedBy: String?
        public var returnedNote: String?
        public init(report: String, reportedOn: CivilDate, by: String) {
            self.report = report; self.reportedOn = reportedOn; self.by = by
        }
        public var stage: String {
            if verifiedOn != nil { return "已核查认可" }
            return returnedNote == nil ? "待核查" : "核查未通过，待重新报送"
        }
    }

    /// The bodies that must correct and report: those with a file whose review found a problem.
    public static func bodiesToRectify(_ files: [ReviewedFile]) -> Set<UUID> {
        Set(files.filter(\.hasProblems).map(\.bodyID))
    }

    public init(
        id: UUID, organiser: UUID, title: String, closedFrom: CivilDate, closedTo: CivilDate, bodies: [UUID],
        perBody: Int, reviewers: [String], revealed: String, standardVersion: Int, rectifyBy: CivilDate,
        createdOn: CivilDate, inputs: RandomDraw.Inputs, drawn: [RandomDraw.Drawn]
    ) {
        self.id = id; self.organiser = organiser; self.title = title; self.closedFrom = closedFrom
        self.closedTo = closedTo; self.bodies = bodies; self.perBody = perBody; self.reviewers = reviewers
        self.revealed = revealed; self.standardVersion = standardVersion; self.rectifyBy = rectifyBy
        self.createdOn = createdOn; self.inputs = inputs; self.drawn = drawn
    }
}

/// One file under review: what the system judged, what the reviewer deducted and why, the score and verdict.
public struct ReviewedFile: Codable, Sendable, Equatable {
    public var campaignID: UUID
    public var caseID: UUID
    public var bodyID: UUID
    public var caseNumber: String
    /// 主评: the first reviewer drawn, who scores; the second (复核) checks the score.
    public var reviewer: String
    public var coReviewer: String?
    /// The indicators the system judged: passed or not.
    public var auto: [String: Bool]
    /// Points the reviewer deducted on the indicators the system cannot judge, with a note for each.
    public var deductions: [String: Int]
    public var notes: [String: String]
    public var score: Int?
    public var verdict: String?
    public var scoredOn: CivilDate?
    /// 复核: the day the second reviewer confirmed the score; or their reason for sending it back to the 主评.
    public var checkedOn: CivilDate?
    public var returnedNote: String?

    /// Whether the review found anything to correct: an indicator the system found failed, or a deduction.
    public var hasProblems: Bool { verdict == "不合格" || !deductions.isEmpty || auto.values.contains(false) }

    /// Where the file stands in its review, as the pages say it.
    public var stage: String {
        if score == nil { return "待评分" }
        if returnedNote != nil { return "复核退回，待重新评分" }
        return checkedOn == nil ? "待复核" : "已复核"
    }

    public init(
        campaignID: UUID, caseID: UUID, bodyID: UUID, caseNumber: String, reviewer: String, auto: [String: Bool]
    ) {
        self.campaignID = campaignID; self.caseID = caseID; self.bodyID = bodyID; self.caseNumber = caseNumber
        self.reviewer = reviewer; self.auto = auto; self.deductions = [:]; self.notes = [:]
    }

    /// The score: every point, less the indicators the system found failed and the reviewer's deductions; 不合格 when a
    /// veto item failed.
    public func scored(
        _ s: FileReviewStandard, deductions: [String: Int], notes: [String: String], on day: CivilDate
    )
        throws -> ReviewedFile
    {
        var out = self
        for (id, n) in deductions {
            guard let i = s.indicator(id), i.check == nil else {
                throw DomainError.invalid(field: id, message: "“\(id)”不是由评查人员评分的指标")
            }
            guard n >= 0, n <= i.points else {
                throw DomainError.invalid(field: id, message: "“\(i.name)”扣分应在0至\(i.points)分之间")
            }
            if n > 0, (notes[id]?.trimmed ?? "").isEmpty {
                throw DomainError.invalid(field: "note.\(id)", message: "“\(i.name)”扣分须写明存在的问题")
            }
            try TextChecks.checkPrintable(notes[id] ?? "", field: "note.\(id)", label: "\(i.name)存在的问题")
        }
        let failed = s.indicators.filter { auto[$0.id] == false }
        let score = s.total - failed.reduce(0) { $0 + $1.points } - deductions.values.reduce(0, +)
        out.deductions = deductions.filter { $0.value > 0 }
        out.notes = notes.filter { !$0.value.trimmed.isEmpty && (deductions[$0.key] ?? 0) > 0 }
        out.score = score
        out.verdict = s.verdict(score: score, vetoFailed: failed.contains { $0.veto })
        out.scoredOn = day
        return out
    }
}

extension CaseDocumentKind {
    /// 案卷评查情况通报.
    public static let fileReviewBulletin = CaseDocumentKind("file_review_bulletin", "行政执法案卷评查情况通报")
    /// 限期整改通知书: to each body with problems found, after the 通报 (seed 001: "分部门下发限期整改通知").
    public static let fileReviewRectificationNotice = CaseDocumentKind(
        "file_review_rectification_notice", "行政执法案卷评查限期整改通知书")
}
