import FazhiCore
import FazhiStore
import Foundation
import Vapor

/// 事后公示 on the portal: published penalty decisions, searchable by body, date, penalty and full text; each
/// with the record entry that published it, so anyone can check the page is what was recorded.
enum DecisionsPortal {
    static func register(_ app: any RoutesBuilder) {
        app.get("decisions") { req async throws -> Response in
            func date(_ k: String) throws -> CivilDate? {
                guard let s = req.query[String.self, at: k], !s.isEmpty else { return nil }
                guard let d = CivilDate(iso: s) else {
                    throw DomainError.invalid(field: k, message: "日期格式应为 YYYY-MM-DD")
                }
                return d
            }
            let q = Publications.Query(
                body: req.query[String.self, at: "body"].flatMap(UUID.init(uuidString:)), from: try date("from"),
                to: try date("to"),
                penalty: req.query[String.self, at: "penalty"], text: req.query[String.self, at: "q"])
            let page = max(1, req.query[Int.self, at: "page"] ?? 1)
            let html = RegistryPortal.format(req) == "html"
            let (items, total) = try await Publications.search(
                q, limit: html ? 50 : 100_000, offset: html ? (page - 1) * 50 : 0, countUpTo: html ? 1000 : nil,
                on: req.readDB)
            // A row whose stored content no longer matches the entry that published it is marked wherever it is shown.
            let altered = try await Publications.altered(items.map(\.caseID), on: req.readDB)
            switch RegistryPortal.format(req) {
            case "json":
                return try TableResponse.json([
                    "total": AnyEncodable(total),
                    "items": AnyEncodable(
                        items.map { RecordMarked(row: $0, matchesRecord: !altered.contains($0.caseID)) }),
                ])
            case "csv":
                return TableResponse.csv(
                    [
                        [
                            "决定书文号", "执法主体", "当事人", "违法行为", "处罚依据", "处罚", "罚款（元）", "决定日期", "公示日期", "撤回日期", "撤回理由",
                            "与全过程记录一致",
                        ]
                    ]
                        + items.map {
                            [
                                $0.decisionNumber, $0.body, $0.party, $0.violation, $0.basis,
                                $0.penalties.joined(separator: "、"), Yuan.number($0.fine), $0.decidedOn, $0.publishedOn,
                                $0.withdrawnOn ?? "", $0.withdrawalReason ?? "",
                                RecordMarked<PublicDecision>.csvValue(!altered.contains($0.caseID)),
                            ]
                        },
                    filename: "行政处罚决定公示")
            default: break
            }
            let model = DecisionsPage.Model(
                query: q, items: items, total: total, page: page,
                bodies: try await EnforcementBodies.all(on: req.readDB),
                formats: RegistryPortal.formats(req), altered: altered)
            return Views.portal("行政处罚决定公示", request: req, DecisionsPage.View(model: model).render())
        }
        app.get("decisions", ":id") { req async throws -> Response in
            guard let id = req.parameters.get("id", as: UUID.self),
                let p = try await Publications.decision(id, on: req.readDB)
            else { throw APIError.notFound("没有该公示") }
            let d = p.decision
            let seq = try await Publications.recordEntry(id, on: req.readDB)
            let entry = try await seq.asyncMap { try await RecordLog.entry($0, on: req.readDB) } ?? nil
            let payload = String(decoding: try CanonicalJSON.encode(d), as: UTF8.self)
            let matches =
                entry.map { $0.entry.payloadHash == RecordEntry.payloadHash(of: Array(payload.utf8)) } ?? false
            if RegistryPortal.format(req) == "json" {
                return try TableResponse.json([
                    "decision": AnyEncodable(d), "recordEntry": AnyEncodable(seq),
                    "payloadHash": AnyEncodable(entry?.entry.payloadHash),
                ])
            }
            return Views.portal(
                d.decisionNumber, request: req,
                DecisionsPage.DecisionView(
                    decision: d, recordEntry: seq, payloadHash: entry?.entry.payloadHash,
                    matches: matches, payload: payload
                ).render())
        }
    }
}

/// A row of a public list (open data), with whether its stored content still matches the record entry that wrote it
/// (状态审计): the row's own fields plus `matchesRecord`.
struct RecordMarked<Row: Encodable>: Encodable {
    let row: Row
    let matchesRecord: Bool
    enum Keys: String, CodingKey { case matchesRecord }
    func encode(to encoder: any Encoder) throws {
        try row.encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(matchesRecord, forKey: .matchesRecord)
    }

    /// The column public CSVs end with, and its value.
    static var csvHeader: String { "与全过程记录一致" }
    static func csvValue(_ matches: Bool) -> String { matches ? "是" : "否（内容被改动）" }
}

extension Optional {
    func asyncMap<U>(_ f: (Wrapped) async throws -> U) async rethrows -> U? {
        guard let v = self else { return nil }
        return try await f(v)
    }
}
