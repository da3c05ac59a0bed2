import Crypto
import Foundation

/// One entry of the record (全过程记录): who did what to which subject, when, with the SHA-256 of the
/// change's canonical payload. Entries are appended, never changed; they are the leaves of a Merkle tree.
public struct RecordEntry: Sendable, Hashable, Codable {
    /// 1-based position in the log; leaf index is `sequence - 1`.
    public let sequence: Int64
    /// ISO 8601 in China time (Asia/Shanghai), e.g. `2026-11-21T20:30:05.123+08:00`.
    public let recordedAt: String
    /// The acting user's id, or `system` for the binary itself (migrations, demo loading, timers).
    public let actor: String
    /// The organisation in whose name the actor acted; empty when none.
    public let organisation: String
    public let subjectType: String
    public let subjectID: String
    public let action: String
    /// Lower-case hex SHA-256 of the canonical payload bytes.
    public let payloadHash: String

    public init(
        sequence: Int64, recordedAt: String, actor: String, organisation: String, subjectType: String,
        subjectID: String, action: String, payloadHash: String
    ) {
        self.sequence = sequence; self.recordedAt = recordedAt; self.actor = actor; self.organisation = organisation
        self.subjectType = subjectType; self.subjectID = subjectID; self.action = action; self.payloadHash = payloadHash
    }

    /// The leaf's bytes: a version tag, then every field length-prefixed (`<utf8 byte count>:<bytes>;`), so
    /// that no two different entries can encode alike whatever characters their fields contain.
    public var canonicalBytes: [UInt8] {
        var out = Array("fazhi-record-v1;".utf8)
        for field in [String(sequence), recordedAt, actor, organisation, subjectType, subjectID, action, payloadHash] {
            let b = Array(field.utf8)
            out.append(contentsOf: Array(String(b.count).utf8)); out.append(58); out.append(contentsOf: b);
            out.append(59)
        }
        return out
    }

    /// RFC 6962 leaf hash: SHA-256(0x00 ‖ entry).
    public var leafHash: [UInt8] { Merkle.leafHash(canonicalBytes) }

    public static func payloadHash(of payload: [UInt8]) -> String { Hex.encode(SHA256.hash(data: payload)) }
}

/// Hash chain over the leaves: chain(n) = SHA-256(chain(n-1) ‖ leaf(n)), chain(0) = 32 zero bytes. Stored with
/// each entry so that verification names the first entry that was altered, removed, inserted or moved.
public enum RecordChain {
    public static let genesis = [UInt8](repeating: 0, count: 32)

    public static func next(previous: [UInt8], leaf: [UInt8]) -> [UInt8] {
        var h = SHA256()
        h.update(data: previous); h.update(data: leaf)
        return Array(h.finalize())
    }
}

/// Turns a payload into canonical JSON bytes (sorted keys, no escaped slashes) so the same change always
/// hashes the same.
public enum CanonicalJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        if let writable = value as? any CanonicalJSONWritable { return try CanonicalJSONWriter.bytes(of: writable) }
        return try encodeWithFoundation(value)
    }

    /// Through `JSONEncoder` (what `CanonicalJSONWritable` types must write alike; the tests compare the two).
    public static func encodeWithFoundation<T: Encodable>(_ value: T) throws -> [UInt8] {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try e.encode(value))
    }
}
