import Foundation

/// An inclusion proof as the public API serves it (`/api/v1/record/proof`).
public struct InclusionProofDocument: Codable, Sendable, Equatable {
    /// 1-based sequence number of the entry.
    public let entry: Int
    public let treeSize: Int
    public let leafHash: String
    public let proof: [String]
    public let rootHash: String

    public init(entry: Int, treeSize: Int, leafHash: String, proof: [String], rootHash: String) {
        self.entry = entry; self.treeSize = treeSize; self.leafHash = leafHash; self.proof = proof;
        self.rootHash = rootHash
    }
}

/// A consistency proof as the public API serves it (`/api/v1/record/consistency`).
public struct ConsistencyProofDocument: Codable, Sendable, Equatable {
    public let from: Int
    public let to: Int
    public let fromRoot: String
    public let toRoot: String
    public let proof: [String]

    public init(from: Int, to: Int, fromRoot: String, toRoot: String, proof: [String]) {
        self.from = from; self.to = to; self.fromRoot = fromRoot; self.toRoot = toRoot; self.proof = proof
    }
}

/// What an outside verifier (a citizen's tool, an auditor, the 司法局) runs on what the portal publishes:
/// trust only the published public key, then check that a signed checkpoint covers an entry, and that a
/// later checkpoint extends an earlier one.
public enum RecordProofVerifier {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case badSignature, sizeMismatch, rootMismatch, badProof, entryMismatch
        public var description: String {
            switch self {
            case .badSignature: return "检查点签名无效"
            case .sizeMismatch: return "证明的树规模与检查点不一致"
            case .rootMismatch: return "证明的根哈希与检查点不一致"
            case .badProof: return "证明不成立"
            case .entryMismatch: return "记录内容与证明中的叶哈希不一致"
            }
        }
    }

    public static func verify(
        _ p: InclusionProofDocument, checkpoint: RecordCheckpoint, publicKey: RecordSigningKey.PublicKey,
        entry: RecordEntry? = nil
    ) throws {
        guard checkpoint.verifySignature(publicKey: publicKey) else { throw Failure.badSignature }
        guard p.treeSize == checkpoint.treeSize else { throw Failure.sizeMismatch }
        guard p.rootHash == checkpoint.rootHash else { throw Failure.rootMismatch }
        if let entry, Hex.encode(entry.leafHash) != p.leafHash || Int(entry.sequence) != p.entry {
            throw Failure.entryMismatch
        }
        guard let leaf = Hex.decode(p.leafHash), let root = Hex.decode(p.rootHash) else { throw Failure.badProof }
        let path = p.proof.compactMap(Hex.decode)
        guard path.count == p.proof.count,
            MerkleVerifier.verifyInclusion(
                leafHash: leaf, index: p.entry - 1, size: p.treeSize, proof: path, root: root)
        else { throw Failure.badProof }
    }

    public static func verify(
        _ c: ConsistencyProofDocument, older: RecordCheckpoint, newer: RecordCheckpoint,
        publicKey: RecordSigningKey.PublicKey
    ) throws {
        guard older.verifySignature(publicKey: publicKey), newer.verifySignature(publicKey: publicKey) else {
            throw Failure.badSignature
        }
        guard c.from == older.treeSize, c.to == newer.treeSize else { throw Failure.sizeMismatch }
        guard c.fromRoot == older.rootHash, c.toRoot == newer.rootHash else { throw Failure.rootMismatch }
        guard let r1 = Hex.decode(c.fromRoot), let r2 = Hex.decode(c.toRoot) else { throw Failure.badProof }
        let path = c.proof.compactMap(Hex.decode)
        guard path.count == c.proof.count,
            MerkleVerifier.verifyConsistency(from: c.from, to: c.to, firstRoot: r1, secondRoot: r2, proof: path)
        else { throw Failure.badProof }
    }
}
