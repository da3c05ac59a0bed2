import FazhiCore
import FazhiStore
import MultipartKit
import Vapor

/// 证据文件: uploads streamed to disk while hashed (a 执法记录仪 video never sits in memory), stored under their
/// SHA-256 with a record entry, listed on the case and downloadable by whoever may read the case.
enum CaseEvidenceController {
    /// Who may add files: whoever may open a case of its procedure in the body (执法人员 for a penalty case, 复议工作人员,
    /// 政府信息公开工作人员 …) and its head, while the case is open.
    static func checkCanAdd(_ req: Request, _ user: AuthUser, _ c: StoredCase) throws {
        let def = req.fazhi.procedures.definition(c.file.procedure, version: c.file.definitionVersion)
        let roles = CasesAPI.actor(user, body: c.file.bodyID, procedure: c.file.procedure).roles
        guard !roles.isDisjoint(with: (def?.opening.roles ?? [.officer]).union([.head])) else {
            throw DomainError.forbidden(
                "只有本机关办理该类案件的工作人员或负责人可以上传材料", article: def?.opening.article ?? "行政处罚法 第四十二条")
        }
        if def?.state(c.file.state)?.terminal == true {
            throw DomainError.conflict(field: nil, message: "案件已办结，不能再添加证据")
        }
    }

    /// Moves a received upload into the case in one write; a failed write leaves no file behind.
    static func store(
        _ req: Request, _ user: AuthUser, _ c: StoredCase, _ staged: StagedEvidence
    ) async throws -> EvidenceFile {
        let blobs = req.fazhi.evidence, today = req.fazhi.today, caseID = c.id, by = user.displayName
        do {
            return try await req.write(as: user) { tx in
                try await EvidenceStore.add(staged, caseID: caseID, uploadedBy: by, on: today, blobs: blobs, in: tx)
            }
        } catch {
            await EvidenceStore.abandon(staged, blobs: blobs, on: req.db)
            throw error
        }
    }

    static func refusal(_ e: any Error) -> any Error {
        if let e = e as? EvidenceTooLarge {
            return APIError(.payloadTooLarge, code: "too_large", field: "file", message: e.message)
        }
        return e
    }

    /// The API: the request body is the file; its name in `X-File-Name` (percent-encoded) or `?name=`.
    static func receiveRaw(_ req: Request, _ user: AuthUser, _ c: StoredCase) async throws -> EvidenceFile {
        let name =
            req.headers.first(name: "X-File-Name")?.removingPercentEncoding ?? req.query[String.self, at: "name"]
            ?? "证据文件"
        let upload = try req.fazhi.evidence.begin()
        do {
            for try await var chunk in req.body {
                try chunk.withUnsafeReadableBytes { try upload.write($0) }
                chunk.clear()
            }
            return try await store(req, user, c, try upload.finish(fileName: name))
        } catch {
            upload.discard()
            throw refusal(error)
        }
    }

    /// The console form: multipart, parsed as it streams. The form's `_csrf` field comes before the file and is
    /// checked before any byte of the file is kept.
    static func receiveForm(_ req: Request, _ user: AuthUser, _ c: StoredCase) async throws -> EvidenceFile {
        let staged = try await receiveStaged(req, missing: "请选择要上传的证据文件")
        return try await store(req, user, c, staged)
    }

    /// A console form's file, streamed into the evidence store's temporary area and typed (not yet held by anything).
    static func receiveStaged(_ req: Request, missing: String) async throws -> StagedEvidence {
        guard let boundary = req.headers.contentType?.parameters["boundary"] else {
            throw DomainError.invalid(field: "file", message: "请通过表单选择文件上传（multipart/form-data）")
        }
        let parser = MultipartParser(boundary: boundary)
        let state = FormState(blobs: req.fazhi.evidence, expectedToken: req.session.data[CSRF.sessionKey])
        parser.onHeader = { name, value in state.header(name, value) }
        parser.onBody = { buffer in state.body(&buffer) }
        parser.onPartComplete = { state.partComplete() }
        do {
            for try await chunk in req.body {
                try parser.execute(chunk)
                if let e = state.failure { throw e }
            }
            guard state.tokenChecked else { throw CSRF.failure }
            guard let upload = state.upload, state.fileDone else {
                throw DomainError.invalid(field: "file", message: missing)
            }
            return try upload.finish(fileName: state.fileName)
        } catch {
            state.upload?.discard()
            throw refusal(error)
        }
    }

    /// What the multipart callbacks gather: small fields as text, the file into an upload.
    final class FormState: @unchecked Sendable {
        let blobs: EvidenceBlobs, expectedToken: String?
        var headers: [String: String] = [:], fieldText: [UInt8] = []
        var upload: EvidenceUpload?, fileName = "证据文件", fileDone = false
        var tokenChecked = false, failure: (any Error)?
        init(blobs: EvidenceBlobs, expectedToken: String?) { self.blobs = blobs; self.expectedToken = expectedToken }

        var partName: String? { Self.parameter("name", in: headers["content-disposition"] ?? "") }

        func header(_ name: String, _ value: String) { headers[name.lowercased()] = value }

        func body(_ buffer: inout ByteBuffer) {
            guard failure == nil else { return }
            if partName == "file" {
                guard tokenChecked else { failure = CSRF.failure; return }
                do {
                    if upload == nil {
                        upload = try blobs.begin()
                        fileName = Self.parameter("filename", in: headers["content-disposition"] ?? "") ?? fileName
                    }
                    try buffer.withUnsafeReadableBytes { try upload!.write($0) }
                } catch { failure = error }
            } else if fieldText.count < 4096 {
                fieldText += buffer.readableBytesView
            }
        }

        func partComplete() {
            if partName == "_csrf" {
                let sent = String(decoding: fieldText, as: UTF8.self)
                tokenChecked = expectedToken.map { CSRF.constantTimeEqual($0, sent) } ?? false
                if !tokenChecked { failure = CSRF.failure }
            } else if partName == "file" {
                if upload == nil, failure == nil, tokenChecked {
                    do { upload = try blobs.begin() } catch { failure = error }
                }  // an empty file
                fileDone = true
            }
            headers = [:]; fieldText = []
        }

        static func parameter(_ key: String, in disposition: String) -> String? {
            for part in disposition.split(separator: ";") {
                let kv = part.trimmingCharacters(in: .whitespaces)
                if kv.hasPrefix("\(key)=") {
                    return String(kv.dropFirst(key.count + 1)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                }
            }
            return nil
        }
    }

    static func download(_ req: Request, _ c: StoredCase) async throws -> Response {
        let sha = req.parameters.get("sha") ?? ""
        guard let f = try await EvidenceStore.files(c.id, on: req.db).first(where: { $0.sha256 == sha }) else {
            throw APIError.notFound("本案没有该证据文件")
        }
        return try await stream(req, f)
    }

    /// A stored file's content, as an attachment under its uploaded name.
    static func stream(_ req: Request, _ f: EvidenceFile) async throws -> Response {
        let url = req.fazhi.evidence.url(f.sha256)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw APIError(.gone, code: "missing", message: "证据文件的内容不在存储目录中（FAZHI_EVIDENCE_DIR），请从备份恢复")
        }
        let r = try await req.fileio.asyncStreamFile(at: url.path)
        r.headers.replaceOrAdd(name: .contentType, value: f.mediaType)
        r.headers.replaceOrAdd(
            name: .contentDisposition,
            value:
                "attachment; filename=\"evidence\"; filename*=UTF-8''\(f.fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "evidence")"
        )
        return r
    }

    static func register(api: any RoutesBuilder, console: any RoutesBuilder) {
        api.get("cases", ":id", "evidence") { req async throws -> [EvidenceFile] in
            let user = try req.requireUser()
            return try await EvidenceStore.files(try await CasesAPI.visibleCase(req, user).id, on: req.db)
        }
        api.on(.POST, "cases", ":id", "evidence", body: .stream) { req async throws -> Response in
            let user = try req.requireUser()
            let c = try await CasesAPI.visibleCase(req, user)
            try checkCanAdd(req, user, c)
            let r = Response(status: .created)
            try r.content.encode(try await receiveRaw(req, user, c))
            return r
        }
        api.get("cases", ":id", "evidence", ":sha") { req async throws -> Response in
            let user = try req.requireUser()
            return try await download(req, try await CasesAPI.visibleCase(req, user))
        }
        console.on(.POST, "cases", ":id", "evidence", body: .stream) { req async throws -> Response in
            let user = try req.requireUser()
            let c = try await CasesAPI.visibleCase(req, user)
            try checkCanAdd(req, user, c)
            _ = try await receiveForm(req, user, c)
            return req.redirect(to: "/console/cases/\(c.id.uuidString)#evidence", redirectType: .normal)
        }
        console.get("cases", ":id", "evidence", ":sha") { req async throws -> Response in
            let user = try req.requireUser()
            return try await download(req, try await CasesAPI.visibleCase(req, user))
        }
    }

    /// The case page's evidence card: the files, and the upload form for those who may add.
}

/// File sizes as people read them.
enum ByteCountText {
    static func text(_ n: Int64) -> String {
        if n < 1024 { return "\(n) B" }
        if n < 1_048_576 { return String(format: "%.1f KB", Double(n) / 1024) }
        if n < 1_073_741_824 { return String(format: "%.1f MB", Double(n) / 1_048_576) }
        return String(format: "%.2f GB", Double(n) / 1_073_741_824)
    }
}

extension EvidenceFile: Content {}
