import FazhiCore
import FazhiOffice
import FazhiStore
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import FazhiApp

/// 法治政府建设考核: a scheme imported from a sheet (refused whole, naming row and column, when one cell is wrong), scores
/// computed from the unit's own figures, assessed indicators scored with evidence by the assessor only, the 自评 by
/// the unit only, and an export whose parts add up to each unit's total.
@Suite(.serialized) struct AssessmentTests {
    static func multipart(csrf: String, year: Int, csv: String) -> [UInt8] {
        var b: [UInt8] = []
        b += Array("--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n".utf8)
        b += Array("--XyZ\r\nContent-Disposition: form-data; name=\"year\"\r\n\r\n\(year)\r\n".utf8)
        b += Array(
            "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"考核指标.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                .utf8)
        b += Array(csv.utf8) + Array("\r\n--XyZ--\r\n".utf8)
        return b
    }

    @Test(arguments: TestDB.all) func importScoreRankExport(_ db: TestDB) async throws {
        try await withTestApp(db) { t in
            let year = t.app.fazhi.today.year
            let market = try await t.orgID("清河县市场监督管理局")
            let supervisor = WebClient(t)
            _ = try await supervisor.login("sfj.jiandu")
            _ = try await supervisor.request(.GET, "/console/assessment?year=\(year)")
            func upload(_ web: WebClient, _ csv: String) async throws -> TestingHTTPResponse {
                try await t.sendBytes(
                    .POST, "/console/assessment/import",
                    body: Self.multipart(csrf: web.csrf ?? "", year: year, csv: csv),
                    headers: [
                        ("Cookie", "fazhi_session=\(web.cookie!)"),
                        ("Content-Type", "multipart/form-data; boundary=XyZ"),
                    ])
            }
            let header = AssessmentScheme.columns.joined(separator: ",")
            let good = """
                \(header)
                1,矛盾纠纷,,,,,,
                1.1,负责人出庭应诉率,60,不低于,litigation.appearance,100%,litigation.heard,
                1.2,被复议纠错,20,不高于,reconsideration_respondent.corrected,0,,
                2,保障,,,,,,
                2.1,普法,20,评分,,,,以台账为据
                """
            let before = try await t.recordSize()
            for (csv, why) in [
                (good.replacingOccurrences(of: "litigation.appearance", with: "litigation.nothing"), "unknown figure"),
                (good.replacingOccurrences(of: "100%", with: "很高"), "target"),
                (good.replacingOccurrences(of: "2.1,普法", with: "3.1,普法"), "parent missing"),
                (good.replacingOccurrences(of: ",60,", with: ",-5,"), "score"),
                (good.replacingOccurrences(of: "评分", with: "打分"), "rule"),
                ("编号,名称\n1,x", "header"),
            ] {
                let r = try await upload(supervisor, csv)
                #expect(r.status == .unprocessableEntity, "\(why): \(r.status)")
            }
            let head = WebClient(t)
            _ = try await head.login("scj.juzhang")
            _ = try await head.request(.GET, "/console/assessment?year=\(year)")
            #expect(try await upload(head, good).status == .forbidden)
            #expect(try await t.recordSize() == before, "nothing written by a refusal")
            #expect(try await upload(supervisor, good).status == .seeOther)
            #expect(try await t.recordSize() == before + 1)
            let scheme = try #require(try await Assessments.scheme(year: year, on: t.app.db)?.0)
            #expect(scheme.total == 100 && scheme.leaves.count == 3)

            // The 市场监管局's computed points, from its own figures through the statistics API.
            func figure(_ set: String, _ id: String) async throws -> Double {
                let r = try await supervisor.request(
                    .GET, "/api/v1/statistics/\(set)?year=\(year)&body=\(market.uuidString)")
                let figures =
                    (try JSONSerialization.jsonObject(with: Data(r.text.utf8)) as? [String: Any])?["figures"]
                    as? [[String: Any]] ?? []
                return figures.first { $0["id"] as? String == id }?["value"] as? Double ?? -1
            }
            let heard = try await figure("litigation", "heard"),
                appearance = try await figure("litigation", "appearance")
            let corrected = try await figure("reconsideration_respondent", "corrected")
            let expected =
                (heard == 0 ? 60 : (60 * min(1, appearance) * 100).rounded() / 100) + (corrected == 0 ? 20 : 0)

            // 评分: the assessor only, within the 分值, with evidence; the 自评 by the unit's own head.
            func score(_ web: WebClient, _ form: [String: String]) async throws -> TestingHTTPResponse {
                _ = try await web.request(.GET, "/console/assessment?year=\(year)&unit=\(market.uuidString)")
                return try await web.request(.POST, "/console/assessment/scores", form: form)
            }
            let assess: [String: String] = [
                "year": String(year), "unit": market.uuidString, "code": "2.1", "kind": "assessor", "score": "15",
                "evidence": "普法责任清单未公布，扣5分",
            ]
            let mark = try await t.recordSize()
            #expect(try await score(supervisor, assess.merging(["score": "21"]) { $1 }).status == .unprocessableEntity)
            #expect(
                try await score(supervisor, assess.merging(["evidence": " "]) { $1 }).status == .unprocessableEntity)
            #expect(try await score(supervisor, assess.merging(["code": "1.1"]) { $1 }).status == .unprocessableEntity)
            #expect(try await score(head, assess).status == .forbidden, "a unit does not score itself")
            let justice = try await t.orgID("清河县司法局")
            #expect(
                try await score(supervisor, assess.merging(["unit": justice.uuidString]) { $1 }).status == .forbidden,
                "the 司法局's assessor does not score the 司法局 (回避)")
            #expect(try await t.recordSize() == mark)
            #expect(try await score(head, assess.merging(["kind": "self", "score": "19"]) { $1 }).status == .seeOther)
            #expect(try await score(supervisor, assess).status == .seeOther)
            #expect(try await t.recordSize() == mark + 2)

            // 佐证材料: a file on the assessor's score, by the assessor only, on an assessed indicator only.
            func attach(
                _ web: WebClient, code: String, kind: String, _ bytes: [UInt8], unit: UUID? = nil
            ) async throws -> TestingHTTPResponse {
                _ = try await web.request(.GET, "/console/assessment?year=\(year)&unit=\(market.uuidString)")
                let key = AssessmentScoreKey(year: year, unitID: unit ?? market, code: code, kind: kind)
                return try await t.sendBytes(
                    .POST, AssessmentFiles.path(key),
                    body: LedgerImportTests.multipart([
                        ("_csrf", nil, Array((web.csrf ?? "").utf8)), ("file", "普法台账.pdf", bytes),
                    ]),
                    headers: [
                        ("Cookie", "fazhi_session=\(web.cookie ?? "")"),
                        ("Content-Type", "multipart/form-data; boundary=XyZ"),
                    ])
            }
            let pdf = Array("%PDF-1.4\n%%EOF\n".utf8)
            let before2 = try await t.recordSize()
            #expect(try await attach(head, code: "2.1", kind: "assessor", pdf).status == .forbidden)
            #expect(try await attach(supervisor, code: "1.1", kind: "assessor", pdf).status == .unprocessableEntity)
            let other = try await t.orgID("清河县应急管理局")
            #expect(
                try await attach(supervisor, code: "2.1", kind: "assessor", pdf, unit: other).status
                    == .unprocessableEntity, "no score yet for the file to rest on")
            #expect(try await t.recordSize() == before2)
            #expect(try await attach(supervisor, code: "2.1", kind: "assessor", pdf).status == .seeOther)
            #expect(try await t.recordSize() == before2 + 1)
            let withFile = try await supervisor.request(
                .GET, "/console/assessment?year=\(year)&unit=\(market.uuidString)")
            #expect(withFile.text.contains("普法台账.pdf"))
            let sha = try #require(
                try await EvidenceStore.attachments(year: year, on: t.app.db).values.first?.first?.sha256)
            let key = AssessmentScoreKey(year: year, unitID: market, code: "2.1", kind: "assessor")
            let got = try await head.request(.GET, AssessmentFiles.path(key, sha: sha))
            #expect(got.status == .ok && Array(got.body.readableBytesView) == pdf, "the unit reads its score's file")

            let page = try await supervisor.request(.GET, "/console/assessment?year=\(year)&unit=\(market.uuidString)")
            #expect(page.text.contains("\(Yuan.number(expected + 15))分") && page.text.contains("普法责任清单未公布"))
            // The export: the ranking's parts add up to each total; the unit's total as on the page.
            let xlsx = try await supervisor.request(.GET, "/console/assessment?year=\(year)&format=xlsx")
            #expect(xlsx.status == .ok)
            let rows = try XLSXReader.rows(Data(xlsx.body.readableBytesView))
            #expect(rows.first?.contains("总分") == true)
            for row in rows.dropFirst() where row.count >= 5 {
                let parts = (Double(row[2]) ?? -1) + (Double(row[3]) ?? -1)
                #expect(abs(parts - (Double(row[4]) ?? -2)) < 0.011, "\(row)")
            }
            let own = try #require(rows.first { $0.count > 1 && $0[1] == "清河县市场监督管理局" })
            #expect(Double(own[4]) == expected + 15)

            // A new version with a 加分项, a 一票否决 item, a township-only indicator and the scheme's 等次 lines: the
            // 加分 tops the total, not the full score; the 一票否决 found by the assessor makes the unit 不合格.
            let all = (AssessmentScheme.columns + AssessmentScheme.optionalColumns).joined(separator: ",")
            let second = """
                \(all)
                1,矛盾纠纷,,,,,,,
                1.1,负责人出庭应诉率,60,不低于,litigation.appearance,100%,litigation.heard,,
                1.2,被复议纠错,20,不高于,reconsideration_respondent.corrected,0,,,
                2,保障,,,,,,,
                2.1,普法,20,评分,,,,,
                2.2,乡镇调解组织建设,20,评分,,,,,乡镇（街道）
                3,加分和否决,,,,,,,
                3.1,经验被上级推广,5,加分,,,,,
                3.2,发生重大违法行政行为,,一票否决,,,,,
                等次,优秀,95,,,,,,
                等次,良好,85,,,,,,
                等次,合格,70,,,,,,
                """
            #expect(try await upload(supervisor, second).status == .seeOther)
            let v2 = try #require(try await Assessments.scheme(year: year, on: t.app.db)?.0)
            #expect(v2.version == scheme.version + 1 && v2.total == 120 && v2.gradeLines?.values == [95, 85, 70])
            let veto = assess.merging(["code": "3.2", "score": "1", "evidence": "被市政府通报违法强拆"]) { $1 }
            #expect(try await score(supervisor, veto.merging(["score": "2"]) { $1 }).status == .unprocessableEntity)
            #expect(
                try await score(supervisor, assess.merging(["code": "3.1", "score": "6"]) { $1 }).status
                    == .unprocessableEntity, "加分 within its 分值")
            #expect(
                try await score(supervisor, assess.merging(["code": "3.1", "score": "5"]) { $1 }).status == .seeOther)
            var detail = try await supervisor.request(
                .GET, "/console/assessment?year=\(year)&unit=\(market.uuidString)")
            #expect(detail.text.contains("\(Yuan.number(expected + 15 + 5))分（满分100分，含加分5分）"), "2.2 not for a 局")
            #expect(try await score(supervisor, veto).status == .seeOther)
            detail = try await supervisor.request(.GET, "/console/assessment?year=\(year)&unit=\(market.uuidString)")
            #expect(detail.text.contains("不合格（一票否决：发生重大违法行政行为）"))
            // Scored only for a unit assessed and an indicator that applies to it.
            let county = try await t.orgID("清河县人民政府")
            let mark2 = try await t.recordSize()
            #expect(
                try await score(supervisor, assess.merging(["unit": county.uuidString, "score": "10"]) { $1 }).status
                    == .unprocessableEntity, "the county government is not assessed by its own scheme")
            #expect(
                try await score(supervisor, assess.merging(["code": "2.2", "score": "10"]) { $1 }).status
                    == .unprocessableEntity, "a township's indicator is not scored for a 局")
            #expect(try await t.recordSize() == mark2)
            // A new version turning 3.1 (加分, scored 5) into a 一票否决: the old score is void, not a veto.
            let third = second.replacingOccurrences(of: "3.1,经验被上级推广,5,加分", with: "3.1,经验被上级推广,,一票否决")
            #expect(try await upload(supervisor, third).status == .seeOther)
            let voided = try await Assessments.scores(year: year, on: t.app.db).filter { $0.code == "3.1" }
            #expect(voided.isEmpty)
            detail = try await supervisor.request(.GET, "/console/assessment?year=\(year)&unit=\(market.uuidString)")
            #expect(!detail.text.contains("一票否决：经验被上级推广"))
        }
    }
}
