import FazhiCore
import FluentKit
import Foundation

/// A signed checkpoint row.
public final class CheckpointRecord: Model, @unchecked Sendable {
    public static let schema = "record_checkpoints"
    @ID(key: .id) public var id: UUID?
    @Field(key: "tree_size") public var treeSize: Int
    @Field(key: "root_hash") public var rootHash: String
    @Field(key: "made_at") public var madeAt: String
    @Field(key: "key_id") public var keyID: String
    @Field(key: "signature") public var signature: String

    public init() {}
    public init(_ cp: RecordCheckpoint) {
        treeSize = cp.treeSize; rootHash = cp.rootHash; madeAt = cp.madeAt; keyID = cp.keyID; signature = cp.signature
    }

    public var value: RecordCheckpoint {
        RecordCheckpoint(treeSize: treeSize, rootHash: rootHash, madeAt: madeAt, keyID: keyID, signature: signature)
    }
}

/// A checkpoint signing public key, kept so that old checkpoints stay verifiable after a key change.
public final class RecordKeyRecord: Model, @unchecked Sendable {
    public static let schema = "record_keys"
    @ID(custom: "key_id", generatedBy: .user) public var id: String?
    @Field(key: "public_key") public var publicKey: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
    public init(keyID: String, publicKey: String) { self.id = keyID; self.publicKey = publicKey }
}
