import FazhiApp
import FazhiCore
import FazhiStore
import Foundation
import Testing
import VaporTesting

/// The console form for 裁量基准: a bad form is shown again with what was typed and nothing saved; a good one is a version.
@Suite struct BenchmarkFormTests {
    @Test(arguments: TestDB.all) func createReviseAndRefuse(_ db: TestDB) async throws {
        try await withTestApp(db) { t in
            let officer = WebClient(t)
            _ = try await officer.login("scj.zhifa1")
            #expect(
                try await officer.request(.GET, "/console/benchmarks/new").status == .forbidden,
                "an officer does not publish benchmarks")

            let web = WebClient(t)
            _ = try await web.login("scj.juzhang")
            let newPage = try await web.request(.GET, "/console/benchmarks/new")
            #expect(newPage.status == .ok && newPage.text.contains("裁量档次"))
            let item = try await PowerListStore.list(on: t.app.fazhi.today, .init(type: .penalty), on: t.app.db).rows
                .first!.code
            var form = [
                "code": "QH-CF-900", "powerItemCode": item, "effectiveOn": "2026-12-01", "violation": "未按规定公示食品经营许可证",
                "violatedArticle": "《食品安全法》第三十五条", "penaltyArticle": "《食品安全法》第一百二十六条", "measure": "违法次数",
                "measureUnit": "次",
                "lighter.on": "on", "lighter.circumstances": "首次发现", "lighter.from": "0", "lighter.to": "2",
                "lighter.basis": "none", "lighter.other": "警告",
                "ordinary.on": "on", "ordinary.circumstances": "二次", "ordinary.from": "3", "ordinary.to": "",
                "ordinary.basis": "fixed", "ordinary.min": "5000", "ordinary.max": "20000",
            ]
            // Gap between 2 and 3: refused, the form comes back with the typed text, nothing is saved.
            let gap = try await web.request(.POST, "/console/benchmarks", form: form)
            #expect(gap.status == .unprocessableEntity)
            #expect(gap.text.contains("空档") && gap.text.contains("未按规定公示食品经营许可证"))
            #expect(try await Benchmarks.current(code: "QH-CF-900", on: t.app.db) == nil)

            form["ordinary.from"] = "2"
            let ok = try await web.request(.POST, "/console/benchmarks", form: form)
            #expect(ok.status == .seeOther && ok.headers.first(name: "Location") == "/console/benchmarks/QH-CF-900")
            let saved = try #require(try await Benchmarks.current(code: "QH-CF-900", on: t.app.db)).benchmark()
            #expect(
                saved.tiers.map(\.kind) == [.lighter, .ordinary] && saved.tiers[1].range.maximum == 20000
                    && saved.tiers[0].range.otherPenalties == ["警告"])

            // The same code again from the "new" form is a conflict; revising makes version 2.
            let again = try await web.request(.POST, "/console/benchmarks", form: form)
            #expect(again.status == .unprocessableEntity && again.text.contains("已存在"))
            let edit = try await web.request(.GET, "/console/benchmarks/QH-CF-900/edit")
            #expect(edit.text.contains("首次发现") && edit.text.contains("name=\"revising\""))
            form["revising"] = "1"; form["ordinary.max"] = "30000"; form["effectiveOn"] = "2027-01-01"
            #expect(try await web.request(.POST, "/console/benchmarks", form: form).status == .seeOther)
            let versions = try await Benchmarks.versions(code: "QH-CF-900", on: t.app.db)
            let revised = try versions[1].benchmark()
            #expect(versions.count == 2 && revised.tiers[1].range.maximum == 30000)
            // A version that would take effect before the current one is refused.
            form["effectiveOn"] = "2026-12-15"
            let early = try await web.request(.POST, "/console/benchmarks", form: form)
            #expect(early.status == .unprocessableEntity && early.text.contains("早于现行版本"))
        }
    }
}
