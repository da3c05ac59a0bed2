import FazhiApp
import FazhiCore
import FazhiStore
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

/// The portal's decision search (事后公示检索) and the record's tail check, on both databases.
@Suite("Decision search and record appends on a real database")
struct DecisionSearchTests {
    static func decision(
        _ n: Int, body: String, violation: String, decidedOn: String, penalties: [String] = ["罚款"]
    ) -> PublicDecision {
        PublicDecision(
            caseID: UUID(), decisionNumber: "清市监罚〔2026〕\(n)号", body: body, party: "清河县某商行\(n)", partyKind: "法人或者其他组织",
            violation: violation, basis: "有关法律法规", penalties: penalties, fine: 1000, decidedOn: decidedOn,
            publishedOn: decidedOn,
            withdrawnOn: nil, withdrawalReason: nil)
    }

    @Test(arguments: TestDB.all)
    func newestPublishedFirstWithFiltersAndCappedCount(_ db: TestDB) async throws {
        // Without the demo's decisions, so the expected hits are exactly these.
        try await withTestApp(db, demo: false) { t in
            let scj = UUID(), zf = UUID()
            // Published in this order: 1 … 8 (the search shows the latest published first).
            let rows: [(UUID, String, String, String, [String])] = [
                (scj, "市场监管局", "销售过期食品", "2026-03-05", ["罚款"]), (zf, "综合执法局", "违规倾倒建筑垃圾", "2026-03-20", ["罚款"]),
                (scj, "市场监管局", "销售过期食品", "2026-04-02", ["警告"]), (scj, "市场监管局", "发布虚假广告", "2026-04-15", ["罚款"]),
                (zf, "综合执法局", "占道经营销售食品", "2026-05-06", ["罚款"]),
                (scj, "市场监管局", "无证经营食品", "2026-06-01", ["罚款", "没收违法所得"]),
                (scj, "市场监管局", "销售过期食品", "2026-06-30", ["罚款"]), (zf, "综合执法局", "违规倾倒建筑垃圾", "2026-07-01", ["罚款"]),
            ]
            var ids: [UUID] = []
            try await t.app.fazhi.store.write(on: t.app.db, .system) { tx in
                for (i, r) in rows.enumerated() {
                    let d = Self.decision(i + 1, body: r.1, violation: r.2, decidedOn: r.3, penalties: r.4)
                    try await Publications.insert(d, bodyID: r.0, on: tx.sql)
                }
            }
            for n in 1...8 {
                ids.append(
                    try await Publications.search(.init(text: "清市监罚〔2026〕\(n)号"), on: t.app.db).items.first!.caseID)
            }
            func found(_ q: Publications.Query, countUpTo: Int? = nil) async throws -> ([Int], Int) {
                let r = try await Publications.search(q, countUpTo: countUpTo, on: t.app.db)
                return (r.items.map { ids.firstIndex(of: $0.caseID)! + 1 }, r.total)
            }
            // A word: every decision holding it, latest published first.
            #expect(try await found(.init(text: "食品")) == ([7, 6, 5, 3, 1], 5))
            // Every word must match (过期 and 食品), not either.
            #expect(try await found(.init(text: "过期食品")) == ([7, 3, 1], 3))
            // Body, as a token inside the index.
            #expect(try await found(.init(body: zf, text: "食品")) == ([5], 1))
            // A date range spanning months: the months narrow inside the index, the exact days after it.
            #expect(
                try await found(.init(from: CivilDate(iso: "2026-04-02"), to: CivilDate(iso: "2026-06-01"), text: "食品"))
                    == ([6, 5, 3], 3))
            #expect(
                try await found(.init(from: CivilDate(iso: "2026-04-03"), to: CivilDate(iso: "2026-06-30"), text: "食品"))
                    == ([7, 6, 5], 3))
            // A decision published last but decided earlier: first when nothing asks for a period, in decision-date order
            // when one does.
            try await t.app.fazhi.store.write(on: t.app.db, .system) { tx in
                try await Publications.insert(
                    Self.decision(9, body: "市场监管局", violation: "销售过期食品", decidedOn: "2026-04-10"), bodyID: scj,
                    on: tx.sql)
            }
            ids.append(try await Publications.search(.init(text: "清市监罚〔2026〕9号"), on: t.app.db).items.first!.caseID)
            #expect(try await found(.init(text: "过期食品")) == ([9, 7, 3, 1], 4))
            #expect(
                try await found(
                    .init(from: CivilDate(iso: "2026-04-01"), to: CivilDate(iso: "2026-06-30"), text: "过期食品")) == (
                        [7, 9, 3], 3
                    ))
            #expect(
                try await found(
                    .init(from: CivilDate(iso: "2026-04-01"), to: CivilDate(iso: "2026-06-30"), penalty: "罚款")) == (
                        [7, 6, 5, 4, 9], 5
                    ))
            #expect(try await found(.init(body: scj, text: "过期食品")) == ([9, 7, 3, 1], 4))
            // The same pages when every search counts as broad (PostgreSQL then walks the newest rows, by sequence or by
            // date, instead of asking its planner), with paging.
            for q in [
                Publications.Query(text: "食品"), .init(text: "过期食品"),
                .init(from: CivilDate(iso: "2026-04-01"), to: CivilDate(iso: "2026-06-30"), text: "食品"),
                .init(from: CivilDate(iso: "2026-03-01"), to: CivilDate(iso: "2026-07-31"), penalty: "罚款", text: "食品"),
            ] {
                for (limit, offset) in [(50, 0), (2, 1), (1, 3)] {
                    let planned = try await Publications.search(q, limit: limit, offset: offset, on: t.app.db)
                    let walked = try await Publications.search(
                        q, limit: limit, offset: offset, broadAbove: 0, on: t.app.db)
                    #expect(planned.items.map(\.caseID) == walked.items.map(\.caseID) && planned.total == walked.total)
                }
            }
            // The penalty kind, with a word and without.
            #expect(try await found(.init(penalty: "警告", text: "食品")) == ([3], 1))
            #expect(try await found(.init(penalty: "没收违法所得")) == ([6], 1))
            // No word: the filters alone, still latest first.
            #expect(try await found(.init(body: zf)) == ([8, 5, 2], 3))
            // A lone character cannot be answered by bigrams: a substring match instead.
            #expect(try await found(.init(text: "垃")) == ([8, 2], 2))
            // A word nobody used.
            #expect(try await found(.init(text: "商标侵权")) == ([], 0))
            // The count stops at the cap plus one (the page then says "1,000+").
            #expect(try await found(.init(text: "食品"), countUpTo: 2).1 == 3)
            // Paging.
            let second = try await Publications.search(.init(text: "食品"), limit: 2, offset: 2, on: t.app.db)
            #expect(second.items.map { ids.firstIndex(of: $0.caseID)! + 1 } == [6, 5])
            // The portal answers the same.
            // 过期食品
            let page = try await t.send(.GET, "/decisions?q=%E8%BF%87%E6%9C%9F%E9%A3%9F%E5%93%81&format=json").json()
            #expect(page["total"] as? Int == 4)
        }
    }

    /// The store remembers the record's last entry to save a read; a write by another process (here a second store on the
    /// same database) must be noticed, and the chain stay whole.
    @Test(arguments: TestDB.all)
    func appendsNoticeAnotherWriter(_ db: TestDB) async throws {
        try await withTestApp(db, demo: false) { t in
            let other = Store(target: t.app.fazhi.store.target)
            for i in 0..<3 {
                try await t.app.fazhi.store.write(on: t.app.db, .system) { tx in
                    try tx.record("test", "a\(i)", "note", ["n": i])
                }
                try await other.write(on: t.app.db, .system) { tx in
                    try tx.record("test", "b\(i)", "note", ["n": i])
                    try tx.record("test", "c\(i)", "note", ["n": i])
                }
            }
            // A refused write leaves the log as it was, and the next write still chains after the real tail.
            await #expect(throws: DomainError.self) {
                try await t.app.fazhi.store.write(on: t.app.db, .system) { tx in
                    try tx.record("test", "x", "note", ["n": 0])
                    throw DomainError.invalid(field: "x", message: "拒绝")
                }
            }
            try await t.app.fazhi.store.write(on: t.app.db, .system) { tx in
                try tx.record("test", "d", "note", ["n": 9])
            }
            let report = try await RecordLog.audit(on: t.app.db)
            #expect(report.ok)
            let tests = try await (t.app.db as! any SQLDatabase).raw(
                "SELECT subject_id FROM record_entries WHERE subject_type = 'test' ORDER BY seq"
            ).all()
                .map { try $0.decode(column: "subject_id", as: String.self) }
            #expect(tests == ["a0", "b0", "c0", "a1", "b1", "c1", "a2", "b2", "c2", "d"])
        }
    }
}
