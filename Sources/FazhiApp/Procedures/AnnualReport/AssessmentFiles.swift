import FazhiCore
import FazhiStore
import Vapor

/// 佐证材料 of a 考核 score (`/console/assessment/files?year=&unit=&code=&kind=`): the file a unit's 自评 or the
/// assessor's 评分 rests on, uploaded as a case's evidence is (streamed, hashed, typed, on the record) by whoever may
/// give that score, downloaded by whoever reads the unit's score.
enum AssessmentFiles {
    static func register(_ console: any RoutesBuilder) {
        console.on(.POST, "assessment", "files", body: .stream) { req async throws -> Response in
            let user = try req.requireUser()
            let v = try req.query.decode([String: String].self)
            let staged: StagedEvidence
            let key: AssessmentScoreKey
            do {
                let (year, unit, kind, scheme) = try await AssessmentPage.scoring(req, user, v)
                guard let leaf = scheme.leaves.first(where: { $0.code == v["code"] }), leaf.isAssessorScored else {
                    throw DomainError.invalid(field: "code", message: "佐证材料附在评分项上（系统统计的指标由数据计分）")
                }
                key = AssessmentScoreKey(year: year, unitID: unit, code: leaf.code, kind: kind.rawValue)
                let given = try await Assessments.scores(year: year, on: req.db)
                guard given.contains(where: { $0.unitID == unit && $0.code == leaf.code && $0.kind == kind }) else {
                    throw DomainError.invalid(field: "file", message: "请先保存\(kind.chineseName)，再上传其佐证材料")
                }
                staged = try await CaseEvidenceController.receiveStaged(req, missing: "请选择要上传的佐证材料文件")
            } catch let e as DomainError {
                return try await AssessmentPage.page(req, user, error: e.message).with(status: APIError(e).status)
            }
            let blobs = req.fazhi.evidence, today = req.fazhi.today, by = user.displayName
            do {
                let file = try await req.write(as: user) { tx in
                    try await EvidenceStore.attach(staged, score: key, uploadedBy: by, on: today, blobs: blobs, in: tx)
                }
                Flash.set(req, ok: "已上传佐证材料“\(file.fileName)”")
            } catch {
                await EvidenceStore.abandon(staged, blobs: blobs, on: req.db)
                throw error
            }
            return req.redirect(
                to: SitePath.assessment(year: key.year, unit: key.unitID).path + "#indicator-\(key.code)")
        }
        console.get("assessment", "files", ":sha") { req async throws -> Response in
            let user = try req.requireUser()
            let v = try req.query.decode([String: String].self)
            guard let year = Int(v["year"] ?? ""), let unit = v["unit"].flatMap(UUID.init(uuidString:)),
                user.readable.contains(unit)
            else { throw APIError.notFound("没有这份佐证材料，或您无权查看") }
            let key = AssessmentScoreKey(year: year, unitID: unit, code: v["code"] ?? "", kind: v["kind"] ?? "")
            let sha = req.parameters.get("sha") ?? ""
            guard
                let f = try await EvidenceStore.attachments(year: year, on: req.db)[key]?.first(where: {
                    $0.sha256 == sha
                })
            else { throw APIError.notFound("没有这份佐证材料，或您无权查看") }
            return try await CaseEvidenceController.stream(req, f)
        }
    }

    /// Where a score's file is downloaded, and where a file is uploaded to a score.
    static func path(_ key: AssessmentScoreKey, sha: String? = nil) -> String {
        let query =
            "year=\(key.year)&unit=\(key.unitID.uuidString)&code=\(key.code.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&kind=\(key.kind)"
        return "/console/assessment/files" + (sha.map { "/\($0)" } ?? "") + "?" + query
    }
}
