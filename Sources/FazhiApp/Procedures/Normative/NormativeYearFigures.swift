import FazhiCore
import FazhiStore
import Vapor

/// 规范性文件年度概况: what the seeds report of a year beyond each document's own figures — how many were in force at the
/// year's end, published, repealed, declared invalid, expired or revoked during it, the year's consultations (comments
/// received and adopted) and 合法性审核 opinions (合法 / 应当予以修改 / 不合法, 审查18件), and its 清理 results by conclusion
/// (清理102件、废止12件). Counted from the 文件库 and the published 清理 lists of the bodies asked.
extension NormativeLibrary {
    static let yearFigures = FigureSet(id: "normative_year", title: "规范性文件年度概况") { req, year, bodies in
        let rows = try await NormativeLibraryStore.all(bodies: Array(bodies), on: req.readDB)
        guard let yearEnd = CivilDate(year: year, month: 12, day: 31) else { return ("", []) }
        func inYear(_ d: String?) -> Bool { d.map { $0.hasPrefix("\(year)-") } ?? false }
        let inForce = rows.filter { $0.standing(on: yearEnd) == "现行有效" }.count
        let published = rows.filter { inYear($0.publishedOn) }.count
        let ended = rows.filter { inYear($0.endedOn) }
        // A document past its 有效期 lapses on `expiresOn` whether or not the lapse was recorded yet.
        let expired = rows.filter { inYear($0.expiresOn) && ($0.endedOn == nil || $0.ending == "expired") }.count
        let cleanups = try await CaseStore.decided(
            procedure: NormativeCleanupProcedure.id, states: [NormativeCleanupProcedure.State.published.id],
            limit: 10_000, on: req.readDB
        ).filter {
            bodies.contains($0.file.bodyID) && inYear($0.file.facts[NormativeCleanupFact.decidedOn]?.description)
        }
        let lines = cleanups.flatMap {
            $0.file.facts.list(NormativeCleanupFact.conclusions).compactMap(Normative.CleanupLine.init)
        }
        // The year's consultations and reviews, from the steps taken in it (a draft opened last year may close this one).
        let files = try await CaseStore.filesOpenDuring(
            procedure: NormativeProcedure.id, bodies: bodies, year: year, on: req.readDB
        ).map(\.file)
        let closes = files.filter { f in
            f.steps.contains { $0.action == NormativeProcedure.Step.closeConsultation && $0.on.year == year }
        }
        let received = closes.reduce(0) { $0 + Int($1.facts[NormativeFact.commentsReceived] ?? 0) }
        let adopted = closes.reduce(0) { $0 + Int($1.facts[NormativeFact.commentsAdopted] ?? 0) }
        let reviews = files.flatMap { f in
            f.steps.filter {
                $0.on.year == year
                    && [NormativeProcedure.Step.passReview, NormativeProcedure.Step.failReview].contains($0.action)
            }
        }
        func opinion(_ o: String) -> Int {
            reviews.filter { $0.action == NormativeProcedure.Step.passReview && $0.inputs.text("reviewOpinion") == o }
                .count
        }
        func f(_ id: String, _ label: String, _ definition: String, _ n: Int, records: String? = nil) -> FigureOut {
            FigureOut(id: id, label: label, definition: definition, value: Double(n), unit: "件", records: records)
        }
        let figures =
            [
                f(
                    "inForceAtYearEnd", "年末现行有效", "\(year)年12月31日现行有效的已公布规范性文件", inForce,
                    records: "/documents?date=\(yearEnd)&standing=%E7%8E%B0%E8%A1%8C%E6%9C%89%E6%95%88"),
                f("published", "本年公布", "本年公布的规范性文件（含系统启用前登记的）", published),
                f("repealed", "本年废止", "本年废止的规范性文件", ended.filter { $0.ending == "repealed" }.count),
                f("declaredInvalid", "本年宣布失效", "本年宣布失效的规范性文件", ended.filter { $0.ending == "declared_invalid" }.count),
                f("expired", "本年有效期届满失效", "有效期在本年届满的规范性文件", expired),
                f("revoked", "本年备案审查撤销", "本年经备案审查撤销的规范性文件", ended.filter { $0.ending == "revoked" }.count),
                f("consultations", "本年公开征求意见", "本年结束公开征求意见的草案", closes.count),
                FigureOut(
                    id: "commentsReceived", label: "收到意见", definition: "本年结束的公开征求意见收到的意见（含其他渠道）",
                    value: Double(received), unit: "条", records: nil),
                FigureOut(
                    id: "commentsAdopted", label: "采纳意见", definition: "其中采纳或者部分采纳的", value: Double(adopted), unit: "条",
                    records: nil),
                f("reviews", "本年合法性审核", "本年作出的合法性审核意见（每稿一次）", reviews.count),
                f("reviewLegal", "审核：合法", "审核意见为合法", opinion("legal")),
                f("reviewChanges", "审核：应当予以修改", "审核意见为应当予以修改", opinion("legal_after_changes")),
                f(
                    "reviewUnlawful", "审核：不合法", "审核意见为不合法（退回修改）",
                    reviews.filter { $0.action == NormativeProcedure.Step.failReview }.count),
                f("cleanups", "本年清理次数", "本年公布清理结果的清理", cleanups.count),
                f("cleaned", "本年清理文件", "本年公布的清理结果中逐件清理的文件", lines.count),
            ]
            + Normative.cleanupConclusions.map { c in
                f(
                    "cleaned_\(c.value)", "清理结论：\(c.label)", "本年公布的清理结果中结论为“\(c.label)”的文件",
                    lines.filter { $0.conclusion == c.value }.count)
            }
        let summary =
            "\(year)年末现行有效规范性文件\(inForce)件；本年公布\(published)件，"
            + (lines.isEmpty ? "未开展清理" : Normative.cleanupSummary(lines))
        return (summary, figures)
    }
}
