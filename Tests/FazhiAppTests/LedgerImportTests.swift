import FazhiCore
import FazhiOffice
import FazhiStore
import Foundation
import Testing
import VaporTesting

@testable import FazhiApp

/// 台账 from a sheet and with their 证明材料: a 单位填报指标 sheet refused whole (naming row and column) when one cell is
/// wrong, kept whole when right, a re-import of the same unit's figure its next version; a scanned 统计报表 uploaded to
/// an entry, on the record, downloadable by readers of the unit, refused to others.
@Suite(.serialized) struct LedgerImportTests {
    static func multipart(_ parts: [(name: String, file: String?, bytes: [UInt8])]) -> [UInt8] {
        var b: [UInt8] = []
        for p in parts {
            let disposition = "form-data; name=\"\(p.name)\"" + (p.file.map { "; filename=\"\($0)\"" } ?? "")
            b += Array("--XyZ\r\nContent-Disposition: \(disposition)\r\n\r\n".utf8) + p.bytes + Array("\r\n".utf8)
        }
        return b + Array("--XyZ--\r\n".utf8)
    }

    @Test(arguments: TestDB.all) func importAndAttach(_ db: TestDB) async throws {
        try await withTestApp(db) { t in
            let year = t.app.fazhi.today.year
            let justice = try await t.orgID("清河县司法局")
            let supervisor = WebClient(t)
            _ = try await supervisor.login("sfj.jiandu")
            func send(
                _ web: WebClient, _ path: String, _ parts: [(name: String, file: String?, bytes: [UInt8])]
            )
                async throws -> TestingHTTPResponse
            {
                _ = try await web.request(.GET, "/console/ledgers/indicator?year=\(year)")
                return try await t.sendBytes(
                    .POST, path, body: Self.multipart([("_csrf", nil, Array((web.csrf ?? "").utf8))] + parts),
                    headers: [
                        ("Cookie", "fazhi_session=\(web.cookie ?? "")"),
                        ("Content-Type", "multipart/form-data; boundary=XyZ"),
                    ])
            }
            func upload(_ web: WebClient, _ csv: String) async throws -> TestingHTTPResponse {
                try await send(web, "/console/ledgers/indicator/import", [("file", "指标.csv", Array(csv.utf8))])
            }
            let template = try await supervisor.request(.GET, "/console/ledgers/indicator?year=\(year)&format=template")
            let header = try XLSXReader.rows(Data(template.body.readableBytesView)).first ?? []
            #expect(header == LedgerKinds.indicator.importColumns)
            let head = header.joined(separator: ",")
            let good = """
                \(head)
                清河县司法局,\(year)-06-30,办理法律援助案件,312,县法律援助中心案件管理系统,清司〔\(year)〕21号统计表
                清河县司法局,\(year)/6/30,办理公证事项（件）,1450,县公证处,公证业务统计月报
                """
            // The demo's 司法局 reported its 法律援助 figure already: the sheet's row is that figure's next version.
            let demo =
                try await Ledgers.list(kind: "indicator", units: [justice], year: year, on: t.app.db)
                .first { $0["indicator"] == "legalAid" }?.version ?? 0
            let before = try await t.recordSize()
            for (csv, why) in [
                (good.replacingOccurrences(of: "清河县司法局,\(year)/6/30", with: "某某局,\(year)/6/30"), "第3行“单位”"),
                (good.replacingOccurrences(of: ",312,", with: ",三百,"), "第2行“数值”"),
                (good.replacingOccurrences(of: "办理公证事项（件）", with: "办理公证"), "第3行“指标”"),
                (good.replacingOccurrences(of: "\(year)/6/30", with: "\(year + 1)/6/30"), "第3行“数据截至日期”"),
                (good + "\n清河县司法局,\(year)-07-01,办理公证事项,1,县公证处,x", "有两行"),
                ("单位,指标\n清河县司法局,1", "第1行应为表头"),
            ] {
                let r = try await upload(supervisor, csv)
                #expect(r.status == .unprocessableEntity && r.text.contains(why), "\(why): \(r.status)")
            }
            #expect(try await t.recordSize() == before, "nothing written by a refused sheet")
            #expect(try await upload(supervisor, good).status == .seeOther)
            #expect(try await t.recordSize() == before + 2)
            var kept = try await Ledgers.list(kind: "indicator", units: [justice], year: year, on: t.app.db)
            let aid = try #require(kept.first { $0["indicator"] == "legalAid" })
            #expect(aid["value"] == "312" && aid.version == demo + 1 && aid.on.description == "\(year)-06-30")
            // The same unit's figure again: its next version, not a second figure.
            #expect(
                try await upload(supervisor, good.replacingOccurrences(of: ",312,", with: ",315,")).status == .seeOther)
            kept = try await Ledgers.list(kind: "indicator", units: [justice], year: year, on: t.app.db)
            #expect(
                kept.filter { $0["indicator"] == "legalAid" }.map { [$0["value"], String($0.version)] } == [
                    ["315", String(demo + 2)]
                ])

            // A course sheet: a row twice, an unknown certificate (named by its row and column), the same file twice.
            let market = try await t.orgID("清河县市场监督管理局")
            let cert = try #require(try await Officers.list(bodies: [market], year: year, on: t.app.db).first)
                .certificateNumber
            let courseHead = LedgerKinds.course.importColumns.joined(separator: ",")
            let course = "\(courseHead)\n清河县市场监督管理局,\(year)-03-03,导入培训,县局,4,业务知识和法律法规,\(cert)"
            func importCourse(_ csv: String) async throws -> TestingHTTPResponse {
                try await send(supervisor, "/console/ledgers/course/import", [("file", "培训.csv", Array(csv.utf8))])
            }
            let twice = try await importCourse(course + "\n" + course.split(separator: "\n")[1])
            #expect(twice.status == .unprocessableEntity && twice.text.contains("第3行与第2行相同"))
            let unknown = try await importCourse(course.replacingOccurrences(of: cert, with: "ZZ000000"))
            #expect(
                unknown.status == .unprocessableEntity && unknown.text.contains("第2行“参训人员执法证号”"),
                "\(unknown.text.prefix(0))")
            #expect(try await importCourse(course).status == .seeOther)
            let again = try await importCourse(course)
            #expect(again.status == .unprocessableEntity && again.text.contains("已登记的记录相同"))

            // 证明材料: a PDF on the entry, on the record; readers download it; an officer of another unit may not.
            let pdf = Array("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".utf8)
            let path = "/console/ledgers/indicator/\(aid.id.uuidString)/files"
            let mark = try await t.recordSize()
            #expect(try await send(supervisor, path, [("file", "法律援助统计表.pdf", [])]).status == .unprocessableEntity)
            #expect(
                try await send(supervisor, path, [("file", "x.exe", Array("MZ\u{90}\u{0}".utf8))]).status
                    == .unprocessableEntity)
            let officer = WebClient(t)
            _ = try await officer.login("scj.zhifa1")
            #expect(try await send(officer, path, [("file", "a.pdf", pdf)]).status == .notFound, "not its unit")
            #expect(try await t.recordSize() == mark)
            #expect(try await send(supervisor, path, [("file", "法律援助统计表.pdf", pdf)]).status == .seeOther)
            #expect(try await t.recordSize() == mark + 1)
            let list = try await supervisor.request(.GET, "/console/ledgers/indicator?year=\(year)").text
            #expect(list.contains("法律援助统计表.pdf"))
            let files = try await EvidenceStore.attachments([aid.id], on: t.app.db)[aid.id] ?? []
            let sha = try #require(files.first?.sha256)
            let got = try await supervisor.request(.GET, "\(path)/\(sha)")
            #expect(got.status == .ok && Array(got.body.readableBytesView) == pdf)
            #expect(try await officer.request(.GET, "\(path)/\(sha)").status == .notFound)
            // The content is kept while the entry holds it.
            #expect(try await EvidenceStore.sweep(t.app.fazhi.evidence, olderThan: -1, on: t.app.db) == 0)
            #expect(FileManager.default.fileExists(atPath: t.app.fazhi.evidence.url(sha).path))
        }
    }
}
