import FazhiCore
import FazhiOffice
import FazhiStore
import Vapor

/// 案卷归档: one .zip holding every 文书 the case produced (.docx, sealed), the evidence list with each file's
/// SHA-256, and every record entry of the case with its inclusion proof in a signed checkpoint — so the archive
/// can be checked against the public record long after it left the system.
enum CaseArchiveController {
    struct ArchivedEntry: Encodable {
        let entry: RecordEntry
        /// The change's canonical JSON, whose SHA-256 is `entry.payloadHash`.
        let payload: String
        let leafHash: String
        let proof: InclusionProofDocument?
    }

    struct ArchivedRecord: Encodable {
        let caseID: String, caseNumber: String
        let checkpoint: RecordCheckpoint?
        let publicKey: String
        let verification: String
        let entries: [ArchivedEntry]
    }

    static let verificationNote = """
        叶哈希 = SHA-256(0x00 ‖ 记录规范字节)，记录规范字节 = "fazhi-record-v1;" 后依次接各字段（序号、记录时间、操作人、单位、对象类型、对象标识、操作、内容哈希）的“UTF-8 字节数:字节;”；\
        内容哈希 = SHA-256(payload)。包含证明按 RFC 6962 计算到检查点的根哈希；检查点的 Ed25519 签名用门户公布的公钥核验。
        """

    static func archive(_ req: Request, _ c: StoredCase, user: AuthUser) async throws -> (Data, String) {
        let f = c.file
        guard let def = req.fazhi.procedures.definition(f.procedure, version: f.definitionVersion) else {
            throw APIError.notFound("程序定义不存在")
        }
        let zip = try ZipPackage()
        let ctx = try await CaseDocumentsController.context(req, c)
        let seal = CaseDocumentsController.seal(req, bodyID: ctx.sealBody(f.bodyID), bodyName: ctx.bodyName)

        // 文书, in the order the steps produced them.
        var documentLines: [String] = []
        var n = 0
        for (i, s) in f.steps.enumerated() {
            for kind in def.action(s.action)?.documents ?? [] {
                n += 1
                let text = CaseDocuments.text(kind, file: f, step: i, context: ctx)
                let name = String(format: "文书/%02d-%@.docx", n, kind.chineseName)
                try zip.add(name, try DocxWriter.write(CaseDocumentsController.word(text, seal: seal)))
                documentLines.append("\(name)（\(s.on) \(s.actionName)）")
            }
        }

        // 证据: the list and hashes (the files themselves stay in the evidence store; each is named by its hash).
        let evidence = try await EvidenceStore.files(f.id, on: req.db)
        try zip.add(
            "证据清单.csv",
            CSV.write(
                [["文件名", "类型", "媒体类型", "大小（字节）", "SHA-256", "上传日期", "上传人"]]
                    + evidence.map {
                        [$0.fileName, $0.label, $0.mediaType, String($0.size), $0.sha256, $0.uploadedOn, $0.uploadedBy]
                    }))

        // 全过程记录 with proofs. A checkpoint is signed first if the latest does not yet cover the case's last entry.
        let entries = try await RecordLog.entries(
            subjectTypes: ["case", "publication"], subjectID: f.id.uuidString, on: req.db)
        var checkpoint = try await RecordLog.latestCheckpoint(on: req.db)
        if let last = entries.last?.entry.sequence, (checkpoint?.treeSize ?? 0) < Int(last) {
            checkpoint = try await RecordLog.makeCheckpoint(
                key: req.fazhi.recordKey, store: req.fazhi.store, on: req.db, now: req.fazhi.now)
        }
        var archived: [ArchivedEntry] = []
        if let cp = checkpoint {
            for e in entries {
                let i = Int(e.entry.sequence) - 1
                var proof: InclusionProofDocument?
                if i < cp.treeSize {
                    let p = try await req.fazhi.leafCache.inclusion(index: i, size: cp.treeSize, on: req.db)
                    proof = InclusionProofDocument(
                        entry: i + 1, treeSize: cp.treeSize, leafHash: Hex.encode(p.leaf),
                        proof: p.proof.map { Hex.encode($0) }, rootHash: Hex.encode(p.root))
                }
                archived.append(
                    ArchivedEntry(
                        entry: e.entry, payload: String(decoding: e.payload, as: UTF8.self),
                        leafHash: Hex.encode(e.entry.leafHash), proof: proof))
            }
        }
        let record = ArchivedRecord(
            caseID: f.id.uuidString, caseNumber: c.number, checkpoint: checkpoint,
            publicKey: req.fazhi.recordKey.publicKey.base64,
            verification: verificationNote, entries: archived)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try zip.add("全过程记录.json", try encoder.encode(record))

        let facts = f.facts
        let index = """
            案卷目录

            案号：\(c.number)
            执法主体：\(ctx.bodyName)
            程序：\(def.name)（程序定义第\(f.definitionVersion)版，依据\(def.instrument)）
            当事人：\(def.presentation.partyName(facts))
            案件状态：\(def.stateName(f.state))
            登记日期：\(c.openedOn)\(facts[CaseColumns.decidedOn].map { "\n决定日期：\($0)" } ?? "")
            导出：\(req.fazhi.today) 由 \(user.displayName) 导出

            一、文书（\(documentLines.count) 件）
            \(documentLines.map { "  " + $0 }.joined(separator: "\n"))

            二、证据文件（\(evidence.count) 件，见 证据清单.csv；原件按 SHA-256 保存在证据存储中，可逐一核对）
            \(evidence.map { "  \($0.fileName)  \($0.label)  SHA-256 \($0.sha256)" }.joined(separator: "\n"))

            三、全过程记录（\(archived.count) 条，见 全过程记录.json；\(checkpoint.map { "均已包含在 \($0.madeAt) 签署的第 \($0.treeSize) 号检查点中" } ?? "尚无检查点")）
            \(verificationNote)
            """
        try zip.add("案卷目录.txt", Data([0xEF, 0xBB, 0xBF]) + Data(index.utf8))
        return (try zip.data(), "\(c.number)-案卷.zip")
    }

    static func response(_ req: Request, _ c: StoredCase, user: AuthUser) async throws -> Response {
        let (data, name) = try await archive(req, c, user: user)
        let r = Response(status: .ok, body: .init(data: data))
        r.headers.replaceOrAdd(name: .contentType, value: "application/zip")
        r.headers.replaceOrAdd(
            name: .contentDisposition,
            value:
                "attachment; filename=\"case-archive.zip\"; filename*=UTF-8''\(name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "case-archive.zip")"
        )
        return r
    }

    static func register(console: any RoutesBuilder, api: any RoutesBuilder) {
        console.get("cases", ":id", "archive") { req async throws -> Response in
            let user = try req.requireUser()
            return try await response(req, try await CasesAPI.visibleCase(req, user), user: user)
        }
        api.get("cases", ":id", "archive") { req async throws -> Response in
            let user = try req.requireUser()
            return try await response(req, try await CasesAPI.visibleCase(req, user), user: user)
        }
    }
}
