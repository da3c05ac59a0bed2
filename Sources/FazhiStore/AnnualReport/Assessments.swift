import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// A score given to a unit's indicator: the unit's own (自评) or the assessor's (评分), with its evidence.
public struct AssessmentScore: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case selfReport = "self", assessor

        public var chineseName: String { self == .selfReport ? "自评" : "考核评分" }
    }
    public let unitID: UUID
    public let code: String
    public let kind: Kind
    public let score: Double
    public let evidence: String
    public let by: String
    public let on: String

    public init(unitID: UUID, code: String, kind: Kind, score: Double, evidence: String, by: String, on: String) {
        self.unitID = unitID; self.code = code; self.kind = kind; self.score = score; self.evidence = evidence
        self.by = by; self.on = on
    }
}

/// 考核 as kept: the scheme of a year in versions (an import is the next version), and the scores — each on the record.
public enum Assessments {
    public static func scheme(
        year: Int, on db: any Database
    ) async throws -> (AssessmentScheme, by: String, on: String)? {
        try await (db as! any SQLDatabase).raw(
            """
            SELECT content, imported_by, imported_on FROM assessment_schemes WHERE year = \(bind: year)
            ORDER BY version DESC LIMIT 1
            """
        ).first().map {
            (
                try StoreJSON.decode(AssessmentScheme.self, try $0.decode(column: "content", as: String.self)),
                try $0.decode(column: "imported_by", as: String.self),
                try $0.decode(column: "imported_on", as: String.self)
            )
        }
    }

    /// Keeps a scheme as the year's next version.
    public static func importScheme(
        _ scheme: AssessmentScheme, by: String, on day: CivilDate, in tx: WriteTransaction
    ) async throws -> AssessmentScheme {
        let current =
            try await tx.sql.raw(
                "SELECT MAX(version) AS v FROM assessment_schemes WHERE year = \(bind: scheme.year)"
            ).first()?.decode(column: "v", as: Int?.self) ?? 0
        var s = scheme
        s.version = current + 1
        // A score given under another 计分方式 (加分 now 一票否决) is void: the indicator is scored afresh.
        if let previous = try await self.scheme(year: scheme.year, on: tx.db)?.0 {
            func how(_ r: AssessmentRule?) -> String {
                switch r {
                case .none: "none"
                case .assessed: "assessed"
                case .bonus: "bonus"
                case .veto(let figure, _, let demote): "veto-\(demote)-\(figure == nil)"
                default: "computed"
                }
            }
            let changed = s.leaves.filter { leaf in
                previous.leaves.first { $0.code == leaf.code }.map { how($0.rule) != how(leaf.rule) } ?? false
            }.map(\.code)
            let given = Set(try await scores(year: s.year, on: tx.db).map(\.code))
            let void = changed.filter(given.contains)
            for code in void {
                try await tx.sql.raw(
                    "DELETE FROM assessment_scores WHERE year = \(bind: s.year) AND code = \(bind: code)"
                ).run()
            }
            if !void.isEmpty { try tx.record("assessment_score", "\(s.year)", "void", ["codes": void]) }
        }
        try await tx.sql.raw(
            """
            INSERT INTO assessment_schemes (year, version, content, imported_by, imported_on) VALUES (\(bind: s.year),
            \(bind: s.version), \(bind: try StoreJSON.encode(s)), \(bind: by), \(bind: day.description))
            """
        ).run()
        try tx.record("assessment_scheme", "\(s.year)", "import", s)
        return s
    }

    /// Gives (or replaces) a score; the indicator must be an assessed one of the year's scheme, the score within its 分值.
    public static func give(
        _ score: AssessmentScore, scheme: AssessmentScheme, in tx: WriteTransaction
    ) async throws {
        guard let indicator = scheme.leaves.first(where: { $0.code == score.code }) else {
            throw DomainError.invalid(field: "code", message: "考核方案中没有编号为“\(score.code.prefix(20))”的计分指标")
        }
        guard indicator.isAssessorScored else {
            throw DomainError.invalid(field: "code", message: "该指标不是评分项（由系统统计数据计分）")
        }
        if case .veto = indicator.rule {
            guard score.score == 0 || score.score == 1 else {
                throw DomainError.invalid(field: "score", message: "一票否决、降等项应认定为“发生”或“未发生”")
            }
        } else {
            guard score.score.isFinite, score.score >= 0, score.score <= indicator.maxScore else {
                throw DomainError.invalid(field: "score", message: "得分应在0至\(Yuan.number(indicator.maxScore))分之间")
            }
        }
        let evidence = score.evidence.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !evidence.isEmpty, evidence.count <= 2000 else {
            throw DomainError.invalid(field: "evidence", message: "请填写佐证材料或评分理由（2000字以内）")
        }
        try TextChecks.checkPrintable(evidence, field: "evidence", label: "佐证材料")
        try await tx.sql.raw(
            """
            DELETE FROM assessment_scores WHERE year = \(bind: scheme.year) AND unit_id = \(bind: score.unitID.uuidString)
            AND code = \(bind: score.code) AND kind = \(bind: score.kind.rawValue)
            """
        ).run()
        try await tx.sql.raw(
            """
            INSERT INTO assessment_scores (year, unit_id, code, kind, score, evidence, by_name, on_date) VALUES
            (\(bind: scheme.year), \(bind: score.unitID.uuidString), \(bind: score.code), \(bind: score.kind.rawValue),
            \(bind: score.score), \(bind: evidence), \(bind: score.by), \(bind: score.on))
            """
        ).run()
        try tx.record(
            "assessment_score", "\(scheme.year)/\(score.unitID.uuidString)/\(score.code)", score.kind.rawValue, score)
    }

    public static func scores(year: Int, on db: any Database) async throws -> [AssessmentScore] {
        try await (db as! any SQLDatabase).raw(
            "SELECT unit_id, code, kind, score, evidence, by_name, on_date FROM assessment_scores WHERE year = \(bind: year)"
        ).all().compactMap { r in
            guard let kind = AssessmentScore.Kind(rawValue: try r.decode(column: "kind", as: String.self)),
                let unit = UUID(uuidString: try r.decode(column: "unit_id", as: String.self))
            else { return nil }
            return AssessmentScore(
                unitID: unit, code: try r.decode(column: "code", as: String.self),
                kind: kind, score: try r.decode(column: "score", as: Double.self),
                evidence: try r.decode(column: "evidence", as: String.self),
                by: try r.decode(column: "by_name", as: String.self),
                on: try r.decode(column: "on_date", as: String.self))
        }
    }
}
