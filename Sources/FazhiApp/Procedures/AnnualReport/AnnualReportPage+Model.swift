import FazhiCore
import FazhiStore
import Foundation

extension AnnualReportPage {
    /// The page as plain values.
    struct Model {
        let q: Query
        let csrf: String

        init(_ q: Query, csrf: String) { self.q = q; self.csrf = csrf }

        var title: String { "\(q.unitName)\(q.year)年度法治政府建设情况报告" }
        /// 法治政府建设与责任落实督察工作规定（厅字〔2019〕28号）: reported by 3月1日 and published by 4月1日 of the next
        /// year.
        var reportBy: CivilDate { CivilDate(year: q.year + 1, month: 3, day: 1) ?? q.today }
        var publishBy: CivilDate { CivilDate(year: q.year + 1, month: 4, day: 1) ?? q.today }

        /// A part's narrative as last saved, nil when none has been written.
        func text(_ part: String) -> String? {
            q.texts[part].flatMap { $0.text.isEmpty ? nil : $0.text }
        }

        /// Whom the report goes to: a government's to the same-level Party committee and 人大常委会, a department's
        /// to its government (厅字〔2019〕28号) — unless staff wrote otherwise.
        var recipients: String {
            if let t = text("recipients") { return t }
            if let parent = q.parentName { return parent }
            let place = q.unitName.hasSuffix("人民政府") ? String(q.unitName.dropLast(4)) : q.unitName
            return "中共\(place)委员会、\(place)人民代表大会常务委员会"
        }

        /// The footnote of a drafted paragraph in the .docx: where its figures come from, what each counts, the year
        /// before — one note a paragraph, as a report prints them.
        func note(_ p: ReportParagraph) -> String? {
            let values = p.segments.compactMap { s -> ReportValue? in
                if case .figure(let v) = s { return v }
                return nil
            }
            guard !values.isEmpty else { return nil }
            // A figure a unit reported names the unit's source, not Fazhi: its definition carries it.
            var sources: [String] = []
            for v in values where !sources.contains(v.figure.source) { sources.append(v.figure.source) }
            if values.allSatisfy({ $0.figure.reported == true }) {
                return "数据来源：有关单位填报（非本平台统计）。"
                    + values.map { "\($0.figure.label)：\($0.figure.definition)" }.joined(separator: "；") + "。"
            }
            let each = values.map { v in
                "\(v.figure.label)：\(v.figure.definition)"
                    + (v.prior.map { "，上年\(ReportFigure.text($0, unit: v.figure.unit))" } ?? "")
            }
            return "数据来源：法治政府建设一体化平台“\(sources.joined(separator: "”“"))”。统计口径：\(each.joined(separator: "；"))。"
        }

        struct Output: Codable {
            let title: String
            let year: Int
            let unit: String
            let reportBy: String
            let publishBy: String
            let draft: ReportDraft
            let texts: [String: String]
        }

        var json: Output {
            Output(
                title: title, year: q.year, unit: q.unitName, reportBy: reportBy.description,
                publishBy: publishBy.description, draft: q.draft,
                // The 主送 as the page shows it (written or the default), so the frozen report keeps it.
                texts: q.texts.mapValues(\.text).merging(["recipients": recipients]) { $1 })
        }

        /// Every figure the report reads, with the year before: numbers as numbers (rates as fractions).
        var csvRows: [[String]] {
            [["来源", "统计项", "统计口径", "\(q.year)年", "\(q.year - 1)年", "单位"]]
                + q.draft.figures.map { v in
                    [
                        v.figure.source, v.figure.label, v.figure.definition,
                        v.figure.isUndefined ? "" : Yuan.number(v.figure.value),
                        v.prior.map(Yuan.number) ?? "", v.figure.unit,
                    ]
                }
        }
    }
}
