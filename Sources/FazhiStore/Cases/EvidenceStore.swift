import Crypto
import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// An evidence upload refused for its size: the caller answers 413.
public struct EvidenceTooLarge: Error, Sendable {
    public let limit: Int64
    public var message: String { "证据文件超过 \(limit / 1_048_576) MB 的上限（FAZHI_EVIDENCE_MAX_MB），请分段上传或压缩后上传" }
}

/// Where evidence content lives: `<root>/sha256/ab/abcdef…` (content-addressed, written once, never changed),
/// with uploads in progress under `<root>/tmp` until their transaction commits.
public struct EvidenceBlobs: Sendable {
    public let root: URL
    public let maxBytes: Int64

    public init(directory: String, maxBytes: Int64) {
        root = URL(fileURLWithPath: directory, isDirectory: true); self.maxBytes = maxBytes
    }

    var temp: URL { root.appendingPathComponent("tmp", isDirectory: true) }

    public func url(_ sha256: String) -> URL {
        root.appendingPathComponent("sha256/\(sha256.prefix(2))/\(sha256)")
    }

    /// Starts an upload into a temporary file.
    public func begin() throws -> EvidenceUpload {
        try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: true)
        return try EvidenceUpload(url: temp.appendingPathComponent(UUID().uuidString), limit: maxBytes)
    }

    /// Every stored content file, by hash (for the sweep).
    func storedHashes() -> [String] {
        let dir = root.appendingPathComponent("sha256")
        let fm = FileManager.default
        return ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).flatMap { p in
            (try? fm.contentsOfDirectory(atPath: dir.appendingPathComponent(p).path)) ?? []
        }
    }
}

/// One upload being received: written to a temporary file while its SHA-256 and size are counted, so a large
/// video never sits in memory. Refused (too large, or not a kind of evidence) → the temporary file is removed.
public final class EvidenceUpload: @unchecked Sendable {
    let url: URL
    private let handle: FileHandle
    private var hasher = SHA256()
    private(set) var size: Int64 = 0
    private var head: [UInt8] = []
    private let limit: Int64
    private var closed = false

    init(url: URL, limit: Int64) throws {
        self.url = url; self.limit = limit
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw StoreError.configuration("无法写入证据目录 \(url.deletingLastPathComponent().path)")
        }
        handle = try FileHandle(forWritingTo: url)
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        size += Int64(bytes.count)
        if size > limit { discard(); throw EvidenceTooLarge(limit: limit) }
        if head.count < EvidenceMedia.headLength { head += bytes.prefix(EvidenceMedia.headLength - head.count) }
        hasher.update(bufferPointer: bytes)
        try handle.write(contentsOf: Data(bytes))
    }

    /// Ends the upload: its hash and kind, or a refusal (empty, or not a kind of evidence) that removes the file.
    public func finish(fileName: String) throws -> StagedEvidence {
        try handle.close(); closed = true
        guard size > 0 else { discard(); throw DomainError.invalid(field: "file", message: "上传的文件是空的") }
        guard let media = EvidenceMedia.sniff(head) else {
            discard()
            throw DomainError.invalid(
                field: "file",
                message: "“\(EvidenceFile.cleanName(fileName))”不是可作为证据上传的文件类型。可上传：\(EvidenceMedia.acceptedText)")
        }
        return StagedEvidence(
            upload: self, sha256: Hex.encode(Array(hasher.finalize())), size: size, media: media,
            fileName: EvidenceFile.cleanName(fileName))
    }

    /// Removes the temporary file (an upload refused or abandoned).
    public func discard() {
        if !closed { try? handle.close(); closed = true }
        try? FileManager.default.removeItem(at: url)
    }
}

/// A received upload, hashed and typed, not yet part of a case.
public struct StagedEvidence: Sendable {
    public let upload: EvidenceUpload
    public let sha256: String
    public let size: Int64
    public let media: EvidenceMedia
    public let fileName: String
}

/// Evidence files of cases: adding an upload to a case (row, record entry and content in one step that leaves
/// no file behind if it fails), listing, and sweeping content no case refers to.
public enum EvidenceStore {
    /// Adds a staged upload to a case inside `tx`. The content is moved into place before the commit; if the
    /// transaction then fails, `abandon` removes it again unless another case already holds the same content.
    public static func add(
        _ s: StagedEvidence, caseID: UUID, uploadedBy: String, on date: CivilDate, blobs: EvidenceBlobs,
        in tx: WriteTransaction
    ) async throws -> EvidenceFile {
        guard try await CaseStore.load(caseID, on: tx.db) != nil else { throw DomainError.notFound("案件不存在") }
        let file = EvidenceFile(
            sha256: s.sha256, size: s.size, mediaType: s.media.mediaType, label: s.media.label, fileName: s.fileName,
            uploadedOn: date.description, uploadedBy: uploadedBy)
        if let existing = try await files(caseID, on: tx.db).first(where: { $0.sha256 == s.sha256 }) {
            s.upload.discard()
            return existing  // the same content twice on one case is one piece of evidence
        }
        try await tx.sql.insert(into: "evidence_files")
            .columns("case_id", "sha256", "size", "media_type", "label", "file_name", "uploaded_on", "uploaded_by")
            .values(
                SQLBind(caseID), SQLBind(file.sha256), SQLBind(file.size), SQLBind(file.mediaType), SQLBind(file.label),
                SQLBind(file.fileName),
                SQLBind(file.uploadedOn), SQLBind(file.uploadedBy)
            )
            .run()
        try tx.record("case", caseID.uuidString, "evidence_upload", file)
        try place(s, blobs: blobs)
        return file
    }

    /// Attaches a staged upload to a 台账 entry inside `tx` (its 证明材料), the same way as to a case.
    public static func attach(
        _ s: StagedEvidence, ledgerEntry id: UUID, uploadedBy: String, on date: CivilDate, blobs: EvidenceBlobs,
        in tx: WriteTransaction
    ) async throws -> EvidenceFile {
        let file = EvidenceFile(
            sha256: s.sha256, size: s.size, mediaType: s.media.mediaType, label: s.media.label, fileName: s.fileName,
            uploadedOn: date.description, uploadedBy: uploadedBy)
        if let existing = try await attachments([id], on: tx.db)[id]?.first(where: { $0.sha256 == s.sha256 }) {
            s.upload.discard()
            return existing
        }
        try await tx.sql.insert(into: "ledger_attachments")
            .columns("entry_id", "sha256", "size", "media_type", "label", "file_name", "uploaded_on", "uploaded_by")
            .values(
                SQLBind(id), SQLBind(file.sha256), SQLBind(file.size), SQLBind(file.mediaType), SQLBind(file.label),
                SQLBind(file.fileName), SQLBind(file.uploadedOn), SQLBind(file.uploadedBy)
            )
            .run()
        try tx.record("ledger", id.uuidString, "attachment_upload", file)
        try place(s, blobs: blobs)
        return file
    }

    /// The files attached to 台账 entries, by entry.
    public static func attachments(_ ids: [UUID], on db: any Database) async throws -> [UUID: [EvidenceFile]] {
        guard !ids.isEmpty else { return [:] }
        var out: [UUID: [EvidenceFile]] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            let rows = try await (db as! any SQLDatabase).raw(
                """
                SELECT entry_id, sha256, size, media_type, label, file_name, uploaded_on, uploaded_by
                FROM ledger_attachments WHERE entry_id IN \(SQLGroupExpression(chunk.map { SQLBind($0) }))
                ORDER BY uploaded_on, file_name
                """
            ).all()
            for r in rows {
                out[try r.decode(column: "entry_id", as: UUID.self), default: []].append(try file(r))
            }
        }
        return out
    }

    /// Attaches a staged upload to a 考核 score (year, unit, indicator, 自评 or 评分) inside `tx`: its 佐证材料.
    public static func attach(
        _ s: StagedEvidence, score key: AssessmentScoreKey, uploadedBy: String, on date: CivilDate,
        blobs: EvidenceBlobs, in tx: WriteTransaction
    ) async throws -> EvidenceFile {
        let file = EvidenceFile(
            sha256: s.sha256, size: s.size, mediaType: s.media.mediaType, label: s.media.label, fileName: s.fileName,
            uploadedOn: date.description, uploadedBy: uploadedBy)
        let kept = try await attachments(year: key.year, on: tx.db)[key] ?? []
        if let existing = kept.first(where: { $0.sha256 == s.sha256 }) {
            s.upload.discard()
            return existing
        }
        try await tx.sql.insert(into: "assessment_attachments")
            .columns(
                "year", "unit_id", "code", "kind", "sha256", "size", "media_type", "label", "file_name", "uploaded_on",
                "uploaded_by"
            )
            .values(
                SQLBind(key.year), SQLBind(key.unitID.uuidString), SQLBind(key.code), SQLBind(key.kind),
                SQLBind(file.sha256), SQLBind(file.size), SQLBind(file.mediaType), SQLBind(file.label),
                SQLBind(file.fileName), SQLBind(file.uploadedOn), SQLBind(file.uploadedBy)
            )
            .run()
        try tx.record(
            "assessment_score", "\(key.year)/\(key.unitID.uuidString)/\(key.code)", "attachment_upload", file)
        try place(s, blobs: blobs)
        return file
    }

    /// The files attached to a year's 考核 scores, by score.
    public static func attachments(
        year: Int, on db: any Database
    ) async throws -> [AssessmentScoreKey: [EvidenceFile]] {
        var out: [AssessmentScoreKey: [EvidenceFile]] = [:]
        let rows = try await (db as! any SQLDatabase).raw(
            """
            SELECT unit_id, code, kind, sha256, size, media_type, label, file_name, uploaded_on, uploaded_by
            FROM assessment_attachments WHERE year = \(bind: year) ORDER BY uploaded_on, file_name
            """
        ).all()
        for r in rows {
            guard let unit = UUID(uuidString: try r.decode(column: "unit_id", as: String.self)) else { continue }
            let key = AssessmentScoreKey(
                year: year, unitID: unit, code: try r.decode(column: "code", as: String.self),
                kind: try r.decode(column: "kind", as: String.self))
            out[key, default: []].append(try file(r))
        }
        return out
    }

    /// Moves the upload's content into place under its hash (or drops it when the content is already there).
    static func place(_ s: StagedEvidence, blobs: EvidenceBlobs) throws {
        let target = blobs.url(s.sha256)
        let fm = FileManager.default
        if fm.fileExists(atPath: target.path) {
            s.upload.discard()
        } else {
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.moveItem(at: s.upload.url, to: target)
        }
    }

    static func file(_ r: any SQLRow) throws -> EvidenceFile {
        EvidenceFile(
            sha256: try r.decode(column: "sha256", as: String.self),
            size: try r.decode(column: "size", as: Int64.self),
            mediaType: try r.decode(column: "media_type", as: String.self),
            label: try r.decode(column: "label", as: String.self),
            fileName: try r.decode(column: "file_name", as: String.self),
            uploadedOn: try r.decode(column: "uploaded_on", as: String.self),
            uploadedBy: try r.decode(column: "uploaded_by", as: String.self))
    }

    /// After a failed transaction: removes the temporary file, and the content file if no case holds it.
    public static func abandon(_ s: StagedEvidence, blobs: EvidenceBlobs, on db: any Database) async {
        s.upload.discard()
        if (try? await isReferenced(s.sha256, on: db)) == false {
            try? FileManager.default.removeItem(at: blobs.url(s.sha256))
        }
    }

    /// Whether a case or a 台账 entry holds the content.
    static func isReferenced(_ sha: String, on db: any Database) async throws -> Bool {
        let sql = db as! any SQLDatabase
        if try await sql.raw("SELECT 1 AS x FROM evidence_files WHERE sha256 = \(bind: sha) LIMIT 1").first() != nil {
            return true
        }
        for table in ["ledger_attachments", "assessment_attachments"] {
            let row = try await sql.raw(
                "SELECT 1 AS x FROM \(unsafeRaw: table) WHERE sha256 = \(bind: sha) LIMIT 1"
            ).first()
            if row != nil { return true }
        }
        return false
    }

    public static func files(_ caseID: UUID, on db: any Database) async throws -> [EvidenceFile] {
        try await (db as! any SQLDatabase).raw(
            """
            SELECT sha256, size, media_type, label, file_name, uploaded_on, uploaded_by FROM evidence_files
            WHERE case_id = \(bind: caseID) ORDER BY uploaded_on, file_name
            """
        ).all().map(file)
    }

    /// Removes content files no case refers to and temporary files older than `olderThan` seconds — what a crash
    /// between moving a file into place and the commit could leave. Returns how many files it removed.
    @discardableResult
    public static func sweep(
        _ blobs: EvidenceBlobs, olderThan: TimeInterval = 3600, now: Date = Date(), on db: any Database
    ) async throws -> Int {
        let fm = FileManager.default
        var removed = 0
        for name in (try? fm.contentsOfDirectory(atPath: blobs.temp.path)) ?? [] {
            let u = blobs.temp.appendingPathComponent(name)
            let modified = (try? fm.attributesOfItem(atPath: u.path)[.modificationDate] as? Date) ?? nil
            if let modified, now.timeIntervalSince(modified) > olderThan { try? fm.removeItem(at: u); removed += 1 }
        }
        for sha in blobs.storedHashes() where try await !isReferenced(sha, on: db) {
            let u = blobs.url(sha)
            let modified = (try? fm.attributesOfItem(atPath: u.path)[.modificationDate] as? Date) ?? nil
            if let modified, now.timeIntervalSince(modified) > olderThan { try? fm.removeItem(at: u); removed += 1 }
        }
        return removed
    }
}

/// Which 考核 score a file supports: the year, the unit, the indicator, 自评 (`self`) or 评分 (`assessor`).
public struct AssessmentScoreKey: Hashable, Sendable {
    public let year: Int
    public let unitID: UUID
    public let code: String
    public let kind: String

    public init(year: Int, unitID: UUID, code: String, kind: String) {
        self.year = year; self.unitID = unitID; self.code = code; self.kind = kind
    }
}
