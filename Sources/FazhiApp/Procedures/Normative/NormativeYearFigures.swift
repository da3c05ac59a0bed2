import FazhiCore
import FazhiStore
import Vapor

/// 规范性文件年度概况: what the seeds report of a year beyond each document's own figures — how many were in force at the
/// year's end, published, repealed, declared invalid, expired or revoked during it, and the year's 清理 results by
/// conclusion (清理102件、废止12件). Counted from the 文件库 and the published 清理 lists of the bodies asked.
extension NormativeLibrary {
    static let yearFigures = FigureSet(id: "normative_year", title: "规范性文件年度概况") { req, year, bodies in
        let rows = try await NormativeLibraryStore.all(bodies: Array(bodies), on: req.db)
        guard let yearEnd = CivilDate(year: year, month: 12, day: 31) else { return ("", []) }
        func inYear(_ d: String?) -> Bool { d.map { $0.hasPrefix("\(year)-") } ?? false }
        let inForce = rows.filter { $0.standing(on: yearEnd) == "现行有效" }.count
        let published = rows.filter { inYear($0.publishedOn) }.count
        let ended = rows.filter { inYear($0.endedOn) }
        // A document past its 有效期 lapses on `expiresOn` whether or not the lapse was recorded yet.
        let expired = rows.filter { inYear($0.expiresOn) && ($0.endedOn == nil || $0.ending == "expired") }.count
        let cleanups = try await CaseStore.decided(
            procedure: NormativeCleanupProcedure.id, states: [NormativeCleanupProcedure.State.published.id],
            limit: 10_000, on: req.db
        ).filter {
            bodies.contains($0.file.bodyID) && inYear($0.file.facts[NormativeCleanupFact.decidedOn]?.description)
        }
        let lines = cleanups.flatMap {
            $0.file.facts.list(NormativeCleanupFact.conclusions).compactMap(Normative.CleanupLine.init)
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
