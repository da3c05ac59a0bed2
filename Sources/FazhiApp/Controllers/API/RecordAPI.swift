import FazhiCore
import FazhiStore
import Vapor

extension InclusionProofDocument: Content {}
extension ConsistencyProofDocument: Content {}

/// The record's public face: the latest signed checkpoint, inclusion and consistency proofs.
struct RecordAPI {
    struct CheckpointAnswer: Content {
        let treeSize: Int
        let rootHash: String
        let madeAt: String
        let keyId: String
        let signature: String
        let signedText: String
        let publicKey: String
        let currentSize: Int
    }

    static func checkpointAnswer(_ cp: RecordCheckpoint, req: Request) async throws -> CheckpointAnswer {
        CheckpointAnswer(
            treeSize: cp.treeSize, rootHash: cp.rootHash, madeAt: cp.madeAt, keyId: cp.keyID, signature: cp.signature,
            signedText: cp.signedText, publicKey: req.fazhi.recordKey.publicKey.base64,
            currentSize: try await RecordLog.size(on: req.db))
    }

    static func intParam(_ req: Request, _ name: String, label: String) throws -> Int? {
        guard let s = req.query[String.self, at: name] else { return nil }
        guard let n = Int(s), n >= 1 else {
            throw APIError(.unprocessableEntity, code: "invalid", field: name, message: "\(label)应为正整数")
        }
        return n
    }

    static func register(public api: any RoutesBuilder, protected: any RoutesBuilder) {
        let record = api.grouped("record")
        record.get("checkpoint") { req async throws -> CheckpointAnswer in
            guard let cp = try await RecordLog.latestCheckpoint(on: req.db) else { throw APIError.notFound("尚未签署检查点") }
            return try await checkpointAnswer(cp, req: req)
        }
        record.get("proof") { req async throws -> InclusionProofDocument in
            guard let entry = try intParam(req, "entry", label: "记录序号 entry") else {
                throw APIError(.unprocessableEntity, code: "invalid", field: "entry", message: "缺少记录序号 entry")
            }
            let current = try await RecordLog.size(on: req.db)
            let latest = try await RecordLog.latestCheckpoint(on: req.db)
            let size = try intParam(req, "size", label: "树规模 size") ?? latest?.treeSize ?? current
            guard size <= current else {
                throw APIError(
                    .unprocessableEntity, code: "invalid", field: "size", message: "树规模 \(size) 超过现有记录数 \(current)")
            }
            guard entry <= size else {
                throw APIError(
                    .unprocessableEntity, code: "invalid", field: "entry", message: "记录序号 \(entry) 超出树规模 \(size)")
            }
            let p = try await req.fazhi.leafCache.inclusion(index: entry - 1, size: size, on: req.db)
            return InclusionProofDocument(
                entry: entry, treeSize: size, leafHash: Hex.encode(p.leaf), proof: p.proof.map { Hex.encode($0) },
                rootHash: Hex.encode(p.root))
        }
        record.get("consistency") { req async throws -> ConsistencyProofDocument in
            guard let from = try intParam(req, "from", label: "起始规模 from") else {
                throw APIError(.unprocessableEntity, code: "invalid", field: "from", message: "缺少起始规模 from")
            }
            guard let to = try intParam(req, "to", label: "目标规模 to") else {
                throw APIError(.unprocessableEntity, code: "invalid", field: "to", message: "缺少目标规模 to")
            }
            guard from <= to else {
                throw APIError(.unprocessableEntity, code: "invalid", field: "from", message: "起始规模不能大于目标规模")
            }
            let current = try await RecordLog.size(on: req.db)
            guard to <= current else {
                throw APIError(
                    .unprocessableEntity, code: "invalid", field: "to", message: "目标规模 \(to) 超过现有记录数 \(current)")
            }
            let p = try await req.fazhi.leafCache.consistency(from: from, to: to, on: req.db)
            return ConsistencyProofDocument(
                from: from, to: to, fromRoot: Hex.encode(p.fromRoot), toRoot: Hex.encode(p.toRoot),
                proof: p.proof.map { Hex.encode($0) })
        }
        protected.grouped("record").post("checkpoint") { req async throws -> Response in
            let user = try req.requireUser()
            guard user.isAdmin || user.isSupervisor else { throw APIError.forbidden("只有系统管理员或司法行政监督人员可以签署检查点") }
            let cp = try await RecordLog.makeCheckpoint(
                key: req.fazhi.recordKey, store: req.fazhi.store, on: req.db, now: req.fazhi.now)
            let r = Response(status: .created)
            try r.content.encode(try await checkpointAnswer(cp, req: req))
            return r
        }
    }
}
