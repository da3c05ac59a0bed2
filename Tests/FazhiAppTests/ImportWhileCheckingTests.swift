import FazhiApp
import FazhiCore
import FazhiStore
import Fluent
import Foundation
import SQLKit
import Testing

/// An all-or-nothing import checked while it is written (`ImportWhileChecking`) reports exactly what checking the file
/// first reports, writes nothing when a row is bad — a row in a later chunk included —, and everything when none is.
@Suite(.serialized) struct ImportWhileCheckingTests {
    /// Rows over two chunks (2,000 each) of valid officers, with `cert(i)` as their 执法证号.
    static func officerFile(_ n: Int, body: String, cert: (Int) -> String) -> [[String]] {
        let born = CivilDate(year: 1970, month: 1, day: 1)!.dayNumber
        return [RegistryTemplates.officers.headers]
            + (0..<n).map { i in
                let b = CivilDate(dayNumber: born + i % 7_000)
                let id = PersonalData.idNumber(
                    first17: String(format: "110105%04d%02d%02d%03d", b.year, b.month, b.day, 100 + i / 7_000 * 2))
                return [
                    "测试员\(i)", "男", id, body, "执法队员", cert(i), "市场监管", "清河县", "2024-01-01", "2029-01-01", "在岗", "否",
                    "", "80", "2026", "12",
                ]
            }
    }

    /// 权责清单 rows of new items (or, with `kind` 调整, amendments of them), `code(i)` as their codes.
    static func powerFile(_ n: Int, body: String, kind: String = "新增", on date: String = "2026-01-01") -> [[String]] {
        [RegistryTemplates.powerList.headers]
            + (0..<n).map { i in
                [
                    String(format: "339901-XK-%05d", 50_000 + i), "对测试事项\(i)的许可", "行政许可", "", "《测试法》",
                    "第\(i % 90 + 1)条", "",
                    body, "受理、审查、决定", "", "", "12345", kind, date, "清单梳理", "清政办发〔2026〕9号", "县政府",
                ]
            }
    }

    @Test(arguments: TestDB.all) func powerListAsCheckingFirstAllOrNothing(_ db: TestDB) async throws {
        try await withTestApp(db) { t in
            let store = t.app.fazhi.store
            var cells = Self.powerFile(2_100, body: "清河县市场监督管理局")
            cells[50][13] = "2026-02-30"  // row 51: no such date
            cells[2_060][0] = cells[30][0]  // row 2,061 (second chunk) repeats row 31's code
            cells[2_080][12] = "取消"  // row 2,081: cancels an item not on the list
            cells[2_090][2] = "行政奖励"; cells[2_090][7] = "不存在的局"  // row 2,091: code of another type, unknown body
            let items = try await PowerListStore.list(on: CivilDate(iso: "2026-06-01")!, on: t.app.db).rows.count
            let records = try await t.recordSize()
            let checked = try await RegistryImporter.powerList(
                cells, mode: .check, allowed: nil, store: store, context: .system, on: t.app.db)
            let all = try await RegistryImporter.powerList(
                cells, mode: .all, allowed: nil, store: store, context: .system, on: t.app.db)
            #expect(all.imported == 0 && all.rows == 2_100 && checked.rows == 2_100)
            #expect(all.problems == checked.problems)
            #expect(Set(all.problems.map(\.row)) == [51, 2_061, 2_081, 2_091])
            #expect(all.problems.contains { $0.row == 2_091 && $0.message == "“不存在的局”不是已登记的执法主体" })
            #expect(try await PowerListStore.list(on: CivilDate(iso: "2026-06-01")!, on: t.app.db).rows.count == items)
            #expect(try await t.recordSize() == records)
            // A good file, then amendments of the same items (not all new: their search documents are replaced).
            let good = Self.powerFile(2_100, body: "清河县市场监督管理局")
            let added = try await RegistryImporter.powerList(
                good, mode: .all, allowed: nil, store: store, context: .system, on: t.app.db)
            #expect(added.imported == 2_100 && added.problems.isEmpty)
            var amended = Self.powerFile(50, body: "清河县市场监督管理局", kind: "调整", on: "2026-03-01")
            for i in 1..<amended.count { amended[i][1] = "对修订事项\(i - 1)的许可" }
            let amendments = try await RegistryImporter.powerList(
                amended, mode: .all, allowed: nil, store: store, context: .system, on: t.app.db)
            #expect(amendments.imported == 50 && amendments.problems.isEmpty)
            let now = try await PowerListStore.list(on: CivilDate(iso: "2026-06-01")!, on: t.app.db).rows
            #expect(now.count == items + 2_100)
            #expect(now.contains { $0.contentJSON.contains("对修订事项49的许可") })
            #expect(!now.contains { $0.contentJSON.contains("对测试事项49的许可") })
            // The amended items' first adjustments were closed at the amendment's date (M006): the list as of the day
            // before still shows what they said then, and on the day itself only the amendment (one row per item).
            let before = try await PowerListStore.list(on: CivilDate(iso: "2026-02-28")!, on: t.app.db).rows
            #expect(before.count == items + 2_100)
            #expect(before.contains { $0.contentJSON.contains("对测试事项49的许可") })
            #expect(!before.contains { $0.contentJSON.contains("对修订事项") })
            let onTheDay = try await PowerListStore.list(on: CivilDate(iso: "2026-03-01")!, on: t.app.db).rows
            #expect(onTheDay.count == items + 2_100)
            #expect(onTheDay.contains { $0.contentJSON.contains("对修订事项49的许可") })
            #expect(!onTheDay.contains { $0.contentJSON.contains("对测试事项49的许可") })
            let r = try await t.send(
                .GET, "/powers?format=json&q=" + "修订事项".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(r.text.contains("339901-XK-50049"))
            #expect(try await RecordLog.audit(on: t.app.db).ok)
            #expect(try await StateAudit.run(on: t.app.db).isEmpty, "the rows match their seals")
            // Every row the imports wrote is sealed as written: a new item of the second chunk, an amended item, the
            // adjustment the amendment closed and the amendment itself, each edited past Fazhi, are each named.
            try await t.sql.raw(
                "UPDATE power_items SET name = '改过' WHERE code IN ('339901-XK-52050', '339901-XK-50049')"
            )
            .run()
            try await t.sql.raw("UPDATE power_adjustments SET reason = '改过' WHERE code = '339901-XK-50048'").run()
            let problems = try await StateAudit.run(on: t.app.db)
            #expect(
                problems.filter { $0.subjectType == "power_items" }.map(\.label).sorted()
                    == ["339901-XK-50049", "339901-XK-52050"], "\(problems)")
            #expect(
                problems.filter { $0.subjectType == "power_adjustments" }.map(\.label)
                    == ["339901-XK-50048", "339901-XK-50048"], "\(problems)")
            #expect(problems.count == 4, "\(problems)")
        }
    }

    @Test(arguments: TestDB.all) func reportsAsCheckingFirstAndWritesAllOrNothing(_ db: TestDB) async throws {
        try await withTestApp(db) { t in
            let store = t.app.fazhi.store
            let taken = try await Officers.list(bodies: nil, year: 2026, limit: 1, on: t.app.db).first!
            var cells = Self.officerFile(2_200, body: "清河县市场监督管理局") { String(format: "IWC%06d", $0) }
            cells[101][2] = "110105197001010012"  // row 102: wrong check character
            cells[2_051][5] = cells[11][5]  // row 2,052 (second chunk) repeats row 12's 执法证号
            cells[2_101][5] = taken.certificateNumber  // row 2,102: a registered 执法证号
            cells[2_151][1] = "未知"; cells[2_151][3] = "不存在的局"  // row 2,152: its own problem and an unknown body
            cells[2_181] = Array(repeating: " ", count: 16)  // row 2,182: empty, passed over
            let before = try await Officers.count(on: t.app.db), records = try await t.recordSize()
            // A header and blank rows: nothing to write, no write made.
            let blank = try await RegistryImporter.officers(
                [cells[0], ["", " "], []], mode: .all, allowed: nil, store: store, context: .system, on: t.app.db)
            #expect(blank.rows == 0 && blank.imported == 0 && blank.problems.isEmpty)
            let checked = try await RegistryImporter.officers(
                cells, mode: .check, allowed: nil, store: store, context: .system, on: t.app.db)
            let all = try await RegistryImporter.officers(
                cells, mode: .all, allowed: nil, store: store, context: .system, on: t.app.db)
            #expect(all.imported == 0 && all.rows == 2_199 && checked.rows == 2_199)
            #expect(all.problems == checked.problems)
            #expect(all.problems.map(\.row) == [102, 2_052, 2_102, 2_152, 2_152])
            #expect(all.problems.contains { $0.row == 2_152 && $0.message == "“不存在的局”不是已登记的执法主体" })
            #expect(try await Officers.count(on: t.app.db) == before)
            #expect(try await t.recordSize() == records)
            // Only some bodies allowed: the rows of the others are refused, nothing written.
            let good = Self.officerFile(2_050, body: "清河县市场监督管理局") { String(format: "IWD%06d", $0) }
            let other = try await t.orgID("清河县综合行政执法局")
            let refused = try await RegistryImporter.officers(
                good, mode: .all, allowed: [other], store: store, context: .system, on: t.app.db)
            #expect(refused.imported == 0 && refused.problems.count == 2_050)
            #expect(refused.problems.first?.message == "您无权为“清河县市场监督管理局”导入执法人员")
            // A good file: every row, with its training hours, search document, record entries and seals.
            let imported = try await RegistryImporter.officers(
                good, mode: .all, allowed: nil, store: store, context: .system, on: t.app.db)
            #expect(imported.imported == 2_050 && imported.problems.isEmpty)
            #expect(try await Officers.count(on: t.app.db) == before + 2_050)
            let found = try await Officers.list(bodies: nil, query: "IWD002049", year: 2026, on: t.app.db)
            #expect(found.map(\.name) == ["测试员2049"] && found.first?.trainingHours == 12)
            #expect(try await RecordLog.audit(on: t.app.db).ok)
            #expect(try await StateAudit.run(on: t.app.db).isEmpty, "the rows match their seals")
            // Every imported row is sealed as inserted (the seals come back with the insert): an officer of each chunk
            // and a training row edited past Fazhi are each named.
            let edited = try await t.sql.raw(
                "SELECT id FROM officers WHERE certificate_number IN ('IWD000007', 'IWD002049') ORDER BY name"
            ).all().map { try $0.decode(column: "id", as: UUID.self) }
            #expect(edited.count == 2)
            for id in edited {
                try await t.sql.raw("UPDATE officers SET post = '改过' WHERE id = \(bind: id)").run()
            }
            try await t.sql.raw("UPDATE officer_training SET hours = 13 WHERE officer_id = \(bind: edited[0])").run()
            let problems = try await StateAudit.run(on: t.app.db)
            #expect(Set(problems.filter { $0.subjectType == "officers" }.map(\.label)) == ["测试员7", "测试员2049"])
            #expect(problems.filter { $0.subjectType == "officer_training" }.count == 1, "\(problems)")
            #expect(problems.count == 3, "\(problems)")
        }
    }
}
