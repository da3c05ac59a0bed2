import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// One part's narrative as last saved: its text, its version (1 for the first save), who saved it and when.
public struct ReportText: Sendable, Equatable {
    public let part: String
    public let text: String
    public let version: Int
    public let editedBy: String
    public let editedOn: String

    public init(part: String, text: String, version: Int, editedBy: String, editedOn: String) {
        self.part = part; self.text = text; self.version = version; self.editedBy = editedBy; self.editedOn = editedOn
    }
}

/// The narrative of the 年度法治政府建设情况报告 that staff write (each section's own account, parts 二 to 五): every
/// save a new version, on the record; a save from an older version than the latest is refused, so two editors do
/// not overwrite each other.
public enum AnnualReportTexts {
    /// The longest part (a section's account runs to a few pages).
    public static let maxLength = 20_000

    /// Every version of one part, newest first (the page shows what changed and who changed it).
    public static func history(unit: UUID, year: Int, part: String, on db: any Database) async throws -> [ReportText] {
        try await (db as! any SQLDatabase).raw(
            """
            SELECT version, text, edited_by, edited_on FROM annual_report_texts WHERE unit_id = \(bind: unit.uuidString)
            AND year = \(bind: year) AND part = \(bind: part) ORDER BY version DESC
            """
        ).all().map { r in
            ReportText(
                part: part, text: try r.decode(column: "text", as: String.self),
                version: try r.decode(column: "version", as: Int.self),
                editedBy: try r.decode(column: "edited_by", as: String.self),
                editedOn: try r.decode(column: "edited_on", as: String.self))
        }
    }

    /// The latest version of each part of a unit's report for a year.
    public static func latest(unit: UUID, year: Int, on db: any Database) async throws -> [String: ReportText] {
        let rows = try await (db as! any SQLDatabase).raw(
            """
            SELECT part, version, text, edited_by, edited_on FROM annual_report_texts t WHERE unit_id = \(bind: unit.uuidString)
            AND year = \(bind: year) AND version = (SELECT MAX(version) FROM annual_report_texts u
            WHERE u.unit_id = t.unit_id AND u.year = t.year AND u.part = t.part)
            """
        ).all()
        var out: [String: ReportText] = [:]
        for r in rows {
            let part = try r.decode(column: "part", as: String.self)
            out[part] = ReportText(
                part: part, text: try r.decode(column: "text", as: String.self),
                version: try r.decode(column: "version", as: Int.self),
                editedBy: try r.decode(column: "edited_by", as: String.self),
                editedOn: try r.decode(column: "edited_on", as: String.self))
        }
        return out
    }

    /// Saves a part's text as its next version. `basedOn` is the version the editor started from (0 for none).
    public static func save(
        unit: UUID, year: Int, part: String, text: String, basedOn: Int, by editor: String, on day: CivilDate,
        in tx: WriteTransaction
    ) async throws -> Int {
        let body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard body.count <= maxLength else {
            throw DomainError.invalid(field: "text", message: "正文不能超过\(maxLength)字")
        }
        try TextChecks.checkPrintable(body, field: "text", label: "正文")
        let current =
            try await tx.sql.raw(
                """
                SELECT MAX(version) AS v FROM annual_report_texts WHERE unit_id = \(bind: unit.uuidString)
                AND year = \(bind: year) AND part = \(bind: part)
                """
            ).first()?.decode(column: "v", as: Int?.self) ?? 0
        guard basedOn == current else {
            throw DomainError.conflict(field: "text", message: "该部分已由他人修改（现为第\(current)版），请刷新后在最新版本上修改")
        }
        let version = current + 1
        try await tx.sql.raw(
            """
            INSERT INTO annual_report_texts (unit_id, year, part, version, text, edited_by, edited_on)
            VALUES (\(bind: unit.uuidString), \(bind: year), \(bind: part), \(bind: version), \(bind: body),
            \(bind: editor), \(bind: day.description))
            """
        ).run()
        try tx.record(
            "report_text", "\(unit.uuidString)/\(year)", "edit_text",
            ["part": part, "version": String(version), "text": body, "editedBy": editor])
        return version
    }
}
