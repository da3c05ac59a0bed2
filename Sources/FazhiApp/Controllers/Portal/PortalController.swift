import FazhiCore
import FazhiStore
import Vapor

/// The public portal (门户): what anyone may read without signing in.
struct PortalController {
    static func register(_ app: any RoutesBuilder) {
        PortalHome.register(app)
        app.get("record") { req async throws -> Response in
            let latest = try await RecordLog.latestCheckpoint(on: req.db)
            var proof: PortalViews.Proof?
            var invalid = false
            if let entryText = req.query[String.self, at: "entry"] {
                if let n = Int(entryText), n >= 1, let cp = latest, n <= cp.treeSize {
                    let p = try await req.fazhi.leafCache.inclusion(index: n - 1, size: cp.treeSize, on: req.db)
                    let doc = InclusionProofDocument(
                        entry: n, treeSize: cp.treeSize, leafHash: Hex.encode(p.leaf),
                        proof: p.proof.map { Hex.encode($0) }, rootHash: Hex.encode(p.root))
                    let ok =
                        (try? RecordProofVerifier.verify(doc, checkpoint: cp, publicKey: req.fazhi.recordKey.publicKey))
                        != nil
                    proof = PortalViews.Proof(entry: n, document: doc, treeSize: cp.treeSize, holds: ok)
                } else {
                    invalid = true
                }
            }
            let body = PortalViews.record(
                entry: req.query[String.self, at: "entry"], proof: proof, invalid: invalid,
                latestSize: latest?.treeSize ?? 0)
            return Views.portal("记录核验", request: req, body)
        }
    }
}
