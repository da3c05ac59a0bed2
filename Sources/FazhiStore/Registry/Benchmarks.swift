import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// A stored version of a benchmark.
public struct StoredBenchmark: Codable, Sendable {
    public let id: UUID
    public let code: String
    public let version: Int
    public let powerItemCode: String
    public let effectiveOn: String
    public let violation: String
    public let content: String
    public func benchmark() throws -> DiscretionBenchmark { try StoreJSON.decode(DiscretionBenchmark.self, content) }
}

/// 裁量基准: each save is a new version (the published text of earlier versions stays readable).
public enum Benchmarks {
    static let decoder = SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase)

    /// Saves a new version. The benchmark must pass its own checks and belong to a 行政处罚 item in the list.
    @discardableResult
    public static func save(
        _ b: DiscretionBenchmark, effectiveOn: CivilDate, in tx: WriteTransaction
    ) async throws -> Int {
        try await saveMany([(b, effectiveOn)], in: tx).first!
    }

    public static func saveMany(
        _ items: [(DiscretionBenchmark, CivilDate)], in tx: WriteTransaction
    ) async throws -> [Int] {
        let sql = tx.sql
        var versions: [Int] = []
        for (b, eff) in items {
            if let p = b.problem() { throw p }
            guard
                let row = try await sql.select().columns("type", "status").from("power_items").where(
                    "code", .equal, SQLBind(b.powerItemCode)
                ).first()
            else {
                throw DomainError.invalid(field: "powerItemCode", message: "权责清单中没有事项 \(b.powerItemCode)")
            }
            guard try row.decode(column: "type", as: String.self) == PowerType.penalty.rawValue else {
                throw DomainError.invalid(
                    field: "powerItemCode", message: "事项 \(b.powerItemCode) 不是行政处罚事项；处罚裁量基准只能对应行政处罚事项（行政处罚法 第三十四条）")
            }
            let last =
                try await sql.raw("SELECT MAX(version) AS v FROM benchmarks WHERE code = \(bind: b.code)").first()?
                .decode(column: "v", as: Int?.self) ?? 0
            if last > 0, let prev = try await current(code: b.code, on: tx.db), CivilDate(iso: prev.effectiveOn)! > eff
            {
                throw DomainError.invalid(
                    field: "effectiveOn", message: "生效日期 \(eff) 早于现行版本（第\(prev.version)版，\(prev.effectiveOn)起施行）")
            }
            let v = last + 1
            try await sql.insert(into: "benchmarks").columns(
                "id", "code", "version", "power_item_code", "effective_on", "violation", "content"
            )
            .values(
                SQLBind(UUID()), SQLBind(b.code), SQLBind(v), SQLBind(b.powerItemCode), SQLBind(eff.description),
                SQLBind(b.violation), SQLBind(try StoreJSON.encode(b))
            )
            .run()
            try await SearchIndex.put(
                "benchmark", b.code, text: "\(b.code) \(b.violation) \(b.violatedArticle) \(b.penaltyArticle)", on: sql)
            try tx.record(
                "benchmark", b.code, "version",
                [
                    "version": StoreJSON.AnyCodable.int(v), "effectiveOn": .string(eff.description),
                    "benchmark": .string(try StoreJSON.encode(b)),
                ])
            tx.seal(.benchmarks, [b.code])
            versions.append(v)
        }
        return versions
    }

    /// The current version of every benchmark (the latest version), or of those matching a search.
    public static func current(query: String? = nil, on db: any Database) async throws -> [StoredBenchmark] {
        let sql = db as! any SQLDatabase
        var extra: SQLQueryString = ""
        if let q = query?.trimmed, !q.isEmpty {
            if let codes = try await SearchIndex.search("benchmark", q, limit: 5000, on: sql) {
                if codes.isEmpty { return [] }
                extra = " AND b.code IN \(SQLGroupExpression(codes.map { SQLBind($0) }))"
            } else {
                extra = " AND b.content LIKE \(bind: "%\(q)%")"
            }
        }
        return try await sql.raw(
            """
            SELECT b.id, b.code, b.version, b.power_item_code, b.effective_on, b.violation, b.content FROM benchmarks b
            JOIN (SELECT code, MAX(version) AS v FROM benchmarks GROUP BY code) m ON m.code = b.code AND m.v = b.version
            WHERE 1 = 1
            """ + extra + " ORDER BY b.code"
        ).all(decoding: StoredBenchmark.self, with: decoder)
    }

    public static func current(code: String, on db: any Database) async throws -> StoredBenchmark? {
        try await versions(code: code, on: db).last
    }

    public static func versions(code: String, on db: any Database) async throws -> [StoredBenchmark] {
        try await (db as! any SQLDatabase).raw(
            """
            SELECT id, code, version, power_item_code, effective_on, violation, content FROM benchmarks WHERE code = \(bind: code) ORDER BY version
            """
        ).all(decoding: StoredBenchmark.self, with: decoder)
    }
}

extension StoreJSON {
    /// A small JSON value for record payloads that mix types.
    enum AnyCodable: Encodable {
        case int(Int), string(String)
        func encode(to e: any Encoder) throws {
            var c = e.singleValueContainer()
            switch self {
            case .int(let i): try c.encode(i);
            case .string(let s): try c.encode(s)
            }
        }
    }
}
