import Crypto
import FazhiApp
import FazhiCore
import FazhiOffice
import FazhiStore
import Foundation
import SQLKit
import Testing
import VaporTesting

/// 证据文件: uploads stored under their SHA-256 with a record entry; refused uploads (too large, wrong type) leave
/// no file; a 笔录 may list only uploaded files, and 视听资料 needs an audio or video file.
@Suite(.serialized) struct EvidenceTests {
    static let png: [UInt8] =
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array("现场照片".utf8) + (0..<2000).map { UInt8($0 % 251) }
    static let mp4: [UInt8] = [0, 0, 0, 0x18] + Array("ftypisom".utf8) + (0..<4000).map { UInt8($0 % 253) }

    static func sha(_ b: [UInt8]) -> String { Hex.encode(Array(SHA256.hash(data: b))) }

    /// Every file under the evidence directory (content and temporary).
    static func files(_ t: TestApp) -> [String] {
        let root = t.dir.appendingPathComponent("evidence")
        return (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []).filter {
            !$0.hasSuffix("/")
        }
        .filter {
            var d: ObjCBool = false;
            FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path, isDirectory: &d);
            return !d.boolValue
        }
    }

    static func openFiledCase(_ t: TestApp) async throws -> (id: String, officer: String, head: String, pair: [UUID]) {
        let c = CaseAPITests.Client(t: t)
        let (officer, head, _, pair, item) = try await CaseAPITests.setUp(t)
        let id = try await c.open(officer, "penalty.ordinary").json()["id"] as! String
        let filed = try await c.step(
            id, head, "file_case", version: 0, date: "2026-09-01",
            [
                "source": "complaint", "powerItemCode": item, "partyName": "清河县某超市",
                "partyKind": "organisation", "partyAddress": "城关镇", "summary": "销售过期食品", "violationOn": "2026-08-20",
            ])
        #expect(filed.status == .ok)
        return (id, officer, head, pair)
    }

    @Test(arguments: TestDB.all) func uploadStoredByHashAndListedInRecord(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let (id, officer, _, pair) = try await Self.openFiledCase(t)
            let c = CaseAPITests.Client(t: t)
            let before = try await t.recordSize()
            let name = "现场照片.png".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let up = try await t.sendBytes(
                .POST, "/api/v1/cases/\(id)/evidence", token: officer, body: Self.png, headers: [("X-File-Name", name)])
            #expect(up.status == .created, "\(up.text)")
            let j = try up.json()
            #expect(
                j["sha256"] as? String == Self.sha(Self.png) && j["mediaType"] as? String == "image/png"
                    && j["fileName"] as? String == "现场照片.png")
            #expect(Self.files(t) == ["sha256/\(Self.sha(Self.png).prefix(2))/\(Self.sha(Self.png))"])
            // The record holds the hash; the same content again is the same evidence (no second row, no second entry).
            #expect(try await t.recordSize() == before + 1)
            let entry = try await RecordLog.entry(Int64(before + 1), on: t.app.db)!
            #expect(
                entry.entry.action == "evidence_upload"
                    && String(decoding: entry.payload, as: UTF8.self).contains(Self.sha(Self.png)))
            #expect(
                try await t.sendBytes(.POST, "/api/v1/cases/\(id)/evidence", token: officer, body: Self.png).status
                    == .created)
            #expect(try await t.recordSize() == before + 1)
            let list = try await t.send(.GET, "/api/v1/cases/\(id)/evidence", token: officer).jsonArray()
            #expect(list.count == 1)
            let down = try await t.send(.GET, "/api/v1/cases/\(id)/evidence/\(Self.sha(Self.png))", token: officer)
            #expect(
                Array(down.body.readableBytesView) == Self.png && down.headers.contentType?.description == "image/png")

            // A 笔录 may list only uploaded files (第四十六条); 视听资料 needs audio or video (第四十六条第一款第三项).
            let base: [String: Any] = ["evidenceSummary": "现场检查", "partySignature": "signed", "certificateShown": true]
            var unknown = base; unknown["evidenceKind"] = "inspection";
            unknown["evidenceFiles"] = [String(repeating: "a", count: 64)]
            let r1 = try await c.step(
                id, officer, "record_evidence", version: 1, date: "2026-09-02", unknown, officers: pair)
            #expect(
                r1.status == .unprocessableEntity && r1.errorField == "evidenceFiles"
                    && CaseAPITests.article(r1) == "行政处罚法 第四十六条")
            var av = base; av["evidenceKind"] = "audiovisual"; av["evidenceFiles"] = [Self.sha(Self.png)]
            let r2 = try await c.step(
                id, officer, "record_evidence", version: 1, date: "2026-09-02", av, officers: pair)
            #expect(r2.status == .unprocessableEntity && CaseAPITests.article(r2) == "行政处罚法 第四十六条第一款第三项")
            let video = try await t.sendBytes(
                .POST, "/api/v1/cases/\(id)/evidence", token: officer, body: Self.mp4,
                headers: [("X-File-Name", "DSJ0001.MP4")])
            #expect(try video.json()["mediaType"] as? String == "video/mp4" && video.json()["label"] as? String == "视频")
            av["evidenceFiles"] = [Self.sha(Self.png), Self.sha(Self.mp4)]
            let r3 = try await c.step(
                id, officer, "record_evidence", version: 1, date: "2026-09-02", av, officers: pair)
            #expect(r3.status == .ok, "\(r3.text)")
            var photo = base; photo["evidenceKind"] = "inspection"; photo["evidenceFiles"] = [Self.sha(Self.png)]
            #expect(
                try await c.step(id, officer, "record_evidence", version: 2, date: "2026-09-02", photo, officers: pair)
                    .status == .ok)

            // `fazhi backup` copies the evidence beside the database copy, in the same layout.
            let path = t.dir.appendingPathComponent("backup.\(db == .sqlite ? "sqlite" : "dump")").path
            let summary = try await Backup.write(to: path, app: t.app)
            #expect(summary.evidenceFiles == 2)
            for (bytes, sha) in [(Self.png, Self.sha(Self.png)), (Self.mp4, Self.sha(Self.mp4))] {
                let copy = try Data(
                    contentsOf: URL(fileURLWithPath: Backup.evidenceFolder(path) + "/sha256/\(sha.prefix(2))/\(sha)"))
                #expect(Array(copy) == bytes)
            }
            await #expect(throws: (any Error).self) { try await Backup.write(to: path, app: t.app) }
        }
    }

    @Test(arguments: TestDB.all) func refusedUploadsLeaveNothing(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let (id, officer, _, _) = try await Self.openFiledCase(t)
            let other = try await t.token("zf.zhifa1")
            let before = try await t.recordSize()
            // A Windows executable named as a photo: refused by its content, 422 on the field.
            let exe = try await t.sendBytes(
                .POST, "/api/v1/cases/\(id)/evidence", token: officer,
                body: Array("MZ\u{90}\u{0}".utf8) + [UInt8](repeating: 0, count: 500),
                headers: [("X-File-Name", "photo.jpg")])
            #expect(
                exe.status == .unprocessableEntity && exe.errorField == "file"
                    && exe.errorMessage?.contains("不是可作为证据上传的文件类型") == true)
            // Over the limit (64 KB in tests): 413 with the limit named.
            let big = try await t.sendBytes(
                .POST, "/api/v1/cases/\(id)/evidence", token: officer,
                body: Self.png + [UInt8](repeating: 7, count: 70 * 1024))
            #expect(big.status == .payloadTooLarge && big.errorField == "file")
            let empty = try await t.sendBytes(.POST, "/api/v1/cases/\(id)/evidence", token: officer, body: [])
            #expect(empty.status == .unprocessableEntity)
            // Another body's officer cannot add evidence to the case (they cannot even see it).
            #expect(
                try await t.sendBytes(.POST, "/api/v1/cases/\(id)/evidence", token: other, body: Self.png).status
                    == .notFound)
            #expect(Self.files(t).isEmpty, "no orphan: \(Self.files(t))")
            #expect(try await t.recordSize() == before)
            #expect(try await t.send(.GET, "/api/v1/cases/\(id)/evidence", token: officer).jsonArray().isEmpty)
        }
    }

    @Test(arguments: TestDB.all) func consoleUploadAndSweep(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let (id, _, _, _) = try await Self.openFiledCase(t)
            let web = WebClient(t)
            _ = try await web.login("scj.zhifa1")
            let page = try await web.request(.GET, "/console/cases/\(id)")
            #expect(page.text.contains("id=\"evidence-form\"") && page.text.contains("尚未上传证据文件"))
            func multipart(csrf: String?, file: [UInt8]) -> [UInt8] {
                var b: [UInt8] = []
                if let csrf {
                    b += Array("--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n".utf8)
                }
                b +=
                    Array(
                        "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"询问录音.mp4\"\r\nContent-Type: video/mp4\r\n\r\n"
                            .utf8) + file
                b += Array("\r\n--XyZ--\r\n".utf8)
                return b
            }
            let headers = [
                ("Cookie", "fazhi_session=\(web.cookie!)"), ("Content-Type", "multipart/form-data; boundary=XyZ"),
            ]
            // Without the form's token nothing is kept.
            let forged = try await t.sendBytes(
                .POST, "/console/cases/\(id)/evidence", body: multipart(csrf: "0000", file: Self.mp4), headers: headers)
            #expect(forged.status == .forbidden && Self.files(t).isEmpty)
            let ok = try await t.sendBytes(
                .POST, "/console/cases/\(id)/evidence", body: multipart(csrf: web.csrf, file: Self.mp4),
                headers: headers)
            #expect(ok.status == .seeOther, "\(ok.text)")
            let after = try await web.request(.GET, "/console/cases/\(id)")
            #expect(after.text.contains("询问录音.mp4") && after.text.contains("evidenceFile.\(Self.sha(Self.mp4))"))
            let tooBig = try await t.sendBytes(
                .POST, "/console/cases/\(id)/evidence",
                body: multipart(csrf: web.csrf, file: Self.png + [UInt8](repeating: 1, count: 70 * 1024)),
                headers: headers)
            #expect(tooBig.status == .payloadTooLarge && tooBig.text.contains("MB"))
            #expect(Self.files(t).count == 1)

            // A file no case refers to (left by a crash between the move and the commit) is swept once old enough.
            let blobs = t.app.fazhi.evidence
            let stray = blobs.url(String(repeating: "ab", count: 32))
            try FileManager.default.createDirectory(
                at: stray.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data([1, 2, 3]).write(to: stray)
            #expect(
                try await EvidenceStore.sweep(blobs, olderThan: 3600, on: t.app.db) == 0,
                "too recent: it may be an upload in progress")
            #expect(
                try await EvidenceStore.sweep(
                    blobs, olderThan: 3600, now: Date().addingTimeInterval(7200), on: t.app.db) == 1)
            #expect(
                Self.files(t).count == 1 && FileManager.default.fileExists(atPath: blobs.url(Self.sha(Self.mp4)).path))
        }
    }

    /// 案卷归档: the .zip holds the sealed 文书, the evidence hashes and every record entry with a proof that checks.
    @Test(arguments: TestDB.all) func archiveHoldsDocumentsEvidenceAndProofs(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let (id, officer, head, pair) = try await Self.openFiledCase(t)
            let c = CaseAPITests.Client(t: t)
            _ = try await t.sendBytes(
                .POST, "/api/v1/cases/\(id)/evidence", token: officer, body: Self.png,
                headers: [("X-File-Name", "photo.png")])
            var v = 1
            func step(
                _ token: String, _ action: String, _ date: String, _ inputs: [String: Any], officers: [UUID] = []
            ) async throws {
                let r = try await c.step(id, token, action, version: v, date: date, inputs, officers: officers)
                #expect(r.status == .ok, "\(action): \(r.text)")
                v += 1
            }
            try await step(
                officer, "record_evidence", "2026-09-02",
                [
                    "evidenceKind": "inspection", "evidenceSummary": "现场检查", "partySignature": "signed",
                    "certificateShown": true, "evidenceFiles": [Self.sha(Self.png)],
                ], officers: pair)
            try await step(
                officer, "propose", "2026-09-03",
                [
                    "violationFacts": "销售过期食品", "penaltyBasis": "《食品安全法》第一百二十四条", "penaltyKinds": ["罚款"],
                    "fineAmount": 50_000, "benchmarkCode": "QH-CF-001", "measureValue": 3_000, "goodsValue": 3_000,
                ])
            try await step(officer, "notify", "2026-09-03", ["noticeMethod": "direct"])
            try await step(officer, "waive", "2026-09-03", ["waiverDocument": "当事人书面放弃"])
            try await step(
                head, "decide", "2026-09-04",
                ["outcome": "penalty", "penaltyKinds": ["罚款"], "fineAmount": 50_000, "decisionReasons": "事实清楚"])

            let r = try await t.send(.GET, "/api/v1/cases/\(id)/archive", token: officer)
            #expect(r.status == .ok && r.headers.contentType?.description == "application/zip")
            let files = try ZipPackage.read(Data(r.body.readableBytesView))
            let names = files.keys.sorted()
            #expect(names.contains("案卷目录.txt") && names.contains("证据清单.csv") && names.contains("全过程记录.json"))
            let decision = try #require(names.first { $0.hasPrefix("文书/") && $0.hasSuffix("行政处罚决定书.docx") })
            #expect(
                try DocxReader.text(files[decision]!).contains("清市监罚〔2026〕")
                    && DocxReader.text(files[decision]!).contains("清河县某超市"))
            #expect(
                try ZipPackage.read(files[decision]!)["word/media/seal.png"]?.starts(with: [0x89, 0x50, 0x4E, 0x47])
                    == true, "the decision bears the seal (第五十九条)")
            #expect(names.contains { $0.hasSuffix("立案审批表.docx") } && names.contains { $0.hasSuffix("调查取证笔录.docx") })
            #expect(String(decoding: files["证据清单.csv"]!, as: UTF8.self).contains(Self.sha(Self.png)))

            // Every entry of the case is there, and each proof checks against the signed checkpoint with the public key.
            let record = try JSONSerialization.jsonObject(with: files["全过程记录.json"]!) as! [String: Any]
            let entries = record["entries"] as! [[String: Any]]
            let actions = entries.compactMap { ($0["entry"] as? [String: Any])?["action"] as? String }
            #expect(
                actions == [
                    "open", "file_case", "evidence_upload", "record_evidence", "propose", "notify", "waive", "decide",
                ])
            let cpJSON = try JSONSerialization.data(withJSONObject: record["checkpoint"]!)
            let checkpoint = try JSONDecoder().decode(RecordCheckpoint.self, from: cpJSON)
            let key = try #require(RecordSigningKey.PublicKey(base64: record["publicKey"] as! String))
            for e in entries {
                let proof = try JSONDecoder().decode(
                    InclusionProofDocument.self, from: try JSONSerialization.data(withJSONObject: e["proof"]!))
                let entry = try JSONDecoder().decode(
                    RecordEntry.self, from: try JSONSerialization.data(withJSONObject: e["entry"]!))
                try RecordProofVerifier.verify(proof, checkpoint: checkpoint, publicKey: key, entry: entry)
                #expect(RecordEntry.payloadHash(of: Array((e["payload"] as! String).utf8)) == entry.payloadHash)
            }
            // Another body cannot export it.
            #expect(
                try await t.send(.GET, "/api/v1/cases/\(id)/archive", token: try await t.token("zf.zhifa1")).status
                    == .notFound)
        }
    }
}
