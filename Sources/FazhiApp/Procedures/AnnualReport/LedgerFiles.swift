import FazhiCore
import FazhiStore
import Vapor

/// 证明材料 of a 台账 entry (`/console/ledgers/{kind}/{entry}/files`): the 统计报表 a 单位填报指标 was read from, the
/// 会议纪要 or 批示件 of a 履职 record, an exam's 成绩单 — uploaded as a case's evidence is (streamed, hashed, typed, on
/// the record), downloaded by whoever reads the entry's unit.
enum LedgerFiles {
    static func register(_ console: any RoutesBuilder) {
        console.on(.POST, "ledgers", ":kind", ":entry", "files", body: .stream) { req async throws -> Response in
            let user = try req.requireUser()
            let kind = try LedgerPage.kind(req)
            let entry = try await self.entry(req, user, kind: kind)
            guard AnnualReportPage.mayWrite(user, unit: entry.unitID) else {
                throw DomainError.forbidden("只有本单位负责人、法制审核人员或者司法行政监督人员可以上传证明材料", article: nil)
            }
            let staged: StagedEvidence
            do {
                staged = try await CaseEvidenceController.receiveStaged(req, missing: "请选择要上传的证明材料文件")
            } catch let e as DomainError {
                return try await LedgerPage.page(req, user, kind: kind, draft: entry, error: e.message).with(
                    status: APIError(e).status)
            }
            let blobs = req.fazhi.evidence, today = req.fazhi.today, by = user.displayName, id = entry.id
            do {
                let file = try await req.write(as: user) { tx in
                    try await EvidenceStore.attach(
                        staged, ledgerEntry: id, uploadedBy: by, on: today, blobs: blobs, in: tx)
                }
                Flash.set(req, ok: "已上传证明材料“\(file.fileName)”")
            } catch {
                await EvidenceStore.abandon(staged, blobs: blobs, on: req.db)
                throw error
            }
            return req.redirect(
                to: SitePath.ledger(kind: kind.id, year: entry.on.year, edit: entry.id).path + "#ledger-files")
        }
        console.get("ledgers", ":kind", ":entry", "files", ":sha") { req async throws -> Response in
            let user = try req.requireUser()
            let entry = try await self.entry(req, user, kind: try LedgerPage.kind(req))
            let sha = req.parameters.get("sha") ?? ""
            guard
                let f = try await EvidenceStore.attachments([entry.id], on: req.db)[entry.id]?.first(where: {
                    $0.sha256 == sha
                })
            else { throw APIError.notFound("该记录没有这份证明材料") }
            return try await CaseEvidenceController.stream(req, f)
        }
    }

    /// The entry named in the path, if the user reads its unit.
    static func entry(_ req: Request, _ user: AuthUser, kind: LedgerKind) async throws -> LedgerEntry {
        guard let id = req.parameters.get("entry").flatMap(UUID.init(uuidString:)),
            let entry = try await Ledgers.entry(id, on: req.db), entry.kind == kind.id,
            user.readable.contains(entry.unitID)
        else { throw APIError.notFound("记录不存在，或您无权查看") }
        return entry
    }

    /// The download path of an entry's file.
    static func path(_ entry: LedgerEntry, _ sha: String) -> String {
        "/console/ledgers/\(entry.kind)/\(entry.id.uuidString)/files/\(sha)"
    }
}
