import Crypto
import Foundation

/// A signed checkpoint (签名检查点) of the record: tree size, root hash and time, signed with the
/// deployment's Ed25519 key. Anyone holding the published public key can check it.
public struct RecordCheckpoint: Codable, Sendable, Hashable {
    public let treeSize: Int
    /// Lower-case hex root hash.
    public let rootHash: String
    /// ISO 8601 in China time.
    public let madeAt: String
    /// Hex of the first 8 bytes of SHA-256 of the raw public key.
    public let keyID: String
    /// Base64 Ed25519 signature over `signedText`.
    public let signature: String

    public init(treeSize: Int, rootHash: String, madeAt: String, keyID: String, signature: String) {
        self.treeSize = treeSize; self.rootHash = rootHash; self.madeAt = madeAt; self.keyID = keyID;
        self.signature = signature
    }

    /// The signed note: origin line, size, root, time — one per line (in the spirit of C2SP signed notes).
    public static func signedText(treeSize: Int, rootHash: String, madeAt: String) -> String {
        "fazhi-record-checkpoint/v1\n\(treeSize)\n\(rootHash)\n\(madeAt)\n"
    }

    public var signedText: String { Self.signedText(treeSize: treeSize, rootHash: rootHash, madeAt: madeAt) }

    public func verifySignature(publicKey: RecordSigningKey.PublicKey) -> Bool {
        guard let sig = Data(base64Encoded: signature) else { return false }
        return publicKey.key.isValidSignature(sig, for: Data(signedText.utf8))
    }
}

/// The deployment's Ed25519 signing key for checkpoints.
public struct RecordSigningKey: Sendable {
    public let privateKey: Curve25519.Signing.PrivateKey

    public struct PublicKey: Sendable {
        public let key: Curve25519.Signing.PublicKey
        public init(key: Curve25519.Signing.PublicKey) { self.key = key }
        public init?(base64: String) {
            guard let d = Data(base64Encoded: base64), let k = try? Curve25519.Signing.PublicKey(rawRepresentation: d)
            else { return nil }
            key = k
        }
        public var base64: String { key.rawRepresentation.base64EncodedString() }
        public var keyID: String { Hex.encode(SHA256.hash(data: key.rawRepresentation).prefix(8)) }
    }

    public init(privateKey: Curve25519.Signing.PrivateKey = .init()) { self.privateKey = privateKey }

    public var publicKey: PublicKey { PublicKey(key: privateKey.publicKey) }

    public func sign(treeSize: Int, root: Merkle.Hash, madeAt: String) throws -> RecordCheckpoint {
        let rootHex = Hex.encode(root)
        let text = RecordCheckpoint.signedText(treeSize: treeSize, rootHash: rootHex, madeAt: madeAt)
        let sig = try privateKey.signature(for: Data(text.utf8))
        return RecordCheckpoint(
            treeSize: treeSize, rootHash: rootHex, madeAt: madeAt, keyID: publicKey.keyID,
            signature: sig.base64EncodedString())
    }

    /// Loads the key from `path` (base64 of the raw 32-byte seed), creating it with mode 0600 on first start.
    public static func loadOrCreate(path: String) throws -> RecordSigningKey {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) {
            let text = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            guard let raw = Data(base64Encoded: text) else { throw RecordKeyError.unreadable(path) }
            return RecordSigningKey(privateKey: try Curve25519.Signing.PrivateKey(rawRepresentation: raw))
        }
        let key = RecordSigningKey()
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        guard
            fm.createFile(
                atPath: path, contents: Data(key.privateKey.rawRepresentation.base64EncodedString().utf8),
                attributes: [.posixPermissions: 0o600])
        else { throw RecordKeyError.unwritable(path) }
        return key
    }
}

public enum RecordKeyError: Error, CustomStringConvertible {
    case unreadable(String), unwritable(String)
    public var description: String {
        switch self {
        case .unreadable(let p): return "记录签名密钥文件无法读取：\(p)"
        case .unwritable(let p): return "记录签名密钥文件无法创建：\(p)"
        }
    }
}
