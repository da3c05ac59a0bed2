import FazhiCore
import FazhiOffice
import FazhiStore
import Vapor

/// 文书 downloads: every document a case's steps produced, as .docx built from the case data.
enum CaseDocumentsController {
    static func context(_ req: Request, _ c: StoredCase) async throws -> DocumentContext {
        let org = try await Directory.organisation(c.file.bodyID, on: req.db)
        let regions = try await Directory.regions(on: req.db)
        let home = regions.first { $0.id == org?.regionCode }
        // A government's own act is reviewed by the government above (行政复议法 第二十四条第一款第二项) and tried by the
        // intermediate court (行政诉讼法 第十五条第一项); a department's by its own government and the local court.
        let government = org != nil && org?.parentID == nil
        let above = regions.first { $0.id == home?.parentCode }?.name
        let region = (government ? above : home?.name) ?? ""
        // Documents of a procedure numbered in the government's name are issued in it (行政复议 documents in the 复议机关's
        // name, not its office's: 行政复议法 第六十一条).
        let def = req.fazhi.procedures.definition(c.file.procedure, version: c.file.definitionVersion)
        var issuer =
            def?.numbering.issuer == .governmentAbove
            ? try await CaseStore.governmentAbove(c.file.bodyID, on: req.db) : org?.name
        if def?.numbering.documentsIssuedBy == .ruleOfLawOffice {
            // The government the unit belongs to: a township's is the county above it, a department's its own.
            let isGovernment = org?.name.hasSuffix("人民政府") == true
            let above = isGovernment ? org?.parentID : c.file.bodyID
            let government = try await above.asyncMap { try await CaseStore.governmentAbove($0, on: req.db) } ?? nil
            issuer = CaseNumbering.ruleOfLawOffice(ofGovernment: government ?? issuer ?? "")
        }
        return DocumentContext(
            bodyName: issuer ?? "", caseNumber: c.number,
            reconsiderationBody: region.isEmpty ? "本级人民政府" : "\(region)人民政府",
            court: region.isEmpty ? "有管辖权的人民法院" : "\(region)\(government ? "中级" : "")人民法院",
            caseBodyName: org?.name)
    }

    /// The body's seal image: its file in the seal directory if there is one (a PNG), else the drawn default.
    /// A document issued in another's name than the case's body (a 复议 or 监督 document in the government's) takes that
    /// name's seal only: `bodyID` is nil then, so the case body's own seal is never put on it.
    static func seal(_ req: Request, bodyID: UUID?, bodyName: String) -> Data {
        let dir = URL(fileURLWithPath: req.fazhi.options.sealDirectory)
        let ids = bodyID.map { [$0.uuidString, $0.uuidString.lowercased()] } ?? []
        for name in [bodyName] + ids where !name.isEmpty {
            if let d = try? Data(contentsOf: dir.appendingPathComponent(name + ".png")),
                d.starts(with: [0x89, 0x50, 0x4E, 0x47])
            {
                return d
            }
        }
        return SealImage.defaultPNG
    }

    static func word(_ t: DocumentText, seal: Data? = nil) -> WordDocument {
        WordDocument(
            t.blocks.map { b -> WordDocument.Block in
                switch b {
                case .title(let s): .title(s);
                case .centered(let s): .centered(s);
                case .heading(let s): .heading(s);
                case .paragraph(let s): .paragraph(s)
                case .field(let l, let v): .field(l, v);
                case .table(let r): .table(r);
                case .signature(let l): .signature(l);
                case .seal(let s): .seal(s)
                }
            }, sealImage: seal)
    }

    static func download(_ req: Request, _ c: StoredCase) async throws -> Response {
        guard let kind = ProcedureCatalog.documentKind(req.parameters.get("kind") ?? "") else {
            throw APIError.notFound("没有该文书")
        }
        // A 文书 is built from the stored case: not from one edited past Fazhi (`StateAudit`).
        if let altered = try await StateAudit.caseProblem(c.file.id, on: req.db) {
            throw APIError(.conflict, code: "state_altered", message: altered.message + "，暂停生成文书")
        }
        let step = req.query[Int.self, at: "step"]
        let def = req.fazhi.procedures.definition(c.file.procedure, version: c.file.definitionVersion)
        // A step named must be one that produced this document (never another step's facts dressed as it).
        if let raw = req.query[String.self, at: "step"] {
            guard let i = step, c.file.steps.indices.contains(i),
                def?.action(c.file.steps[i].action)?.documents.contains(kind) == true
            else { throw APIError.notFound("第\(raw)步没有生成\(kind.chineseName)") }
        }
        guard
            c.file.steps.contains(where: { s in
                req.fazhi.procedures.definition(c.file.procedure, version: c.file.definitionVersion)?.action(s.action)?
                    .documents.contains(kind) == true
            })
        else {
            throw APIError.notFound("本案尚未生成\(kind.chineseName)")
        }
        let ctx = try await context(req, c)
        let text = CaseDocuments.text(kind, file: c.file, step: step, context: ctx)
        return try docx(text, seal: seal(req, bodyID: ctx.sealBody(c.file.bodyID), bodyName: ctx.bodyName))
    }

    /// A 文书 as a .docx download named after the document.
    static func docx(_ text: DocumentText, seal: Data) throws -> Response {
        try docx(word(text, seal: seal), fileName: text.fileName)
    }

    /// Any Word document as a download named `fileName`.docx.
    static func docx(_ doc: WordDocument, fileName: String) throws -> Response {
        let data = try DocxWriter.write(doc)
        let r = Response(status: .ok, body: .init(data: data))
        r.headers.replaceOrAdd(
            name: .contentType, value: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        let name = fileName + ".docx"
        r.headers.replaceOrAdd(
            name: .contentDisposition,
            value:
                "attachment; filename=\"case.docx\"; filename*=UTF-8''\(name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "case.docx")"
        )
        return r
    }

    static func register(console: any RoutesBuilder, api: any RoutesBuilder) {
        console.get("cases", ":id", "documents", ":kind") { req async throws -> Response in
            let user = try req.requireUser()
            return try await download(req, try await CasesAPI.visibleCase(req, user))
        }
        api.get("cases", ":id", "documents", ":kind") { req async throws -> Response in
            let user = try req.requireUser()
            return try await download(req, try await CasesAPI.visibleCase(req, user))
        }
    }
}
