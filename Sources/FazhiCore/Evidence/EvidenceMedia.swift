/// What kind of file an evidence upload (证据文件) is, read from its first bytes — never from the name or the
/// browser's claimed type, which a user can set to anything.
public struct EvidenceMedia: Sendable, Equatable {
    public let mediaType: String
    /// The Chinese label shown in the case file (图片、音频、视频、PDF 文件、电子文档).
    public let label: String
    /// Audio or video, as from a 执法记录仪 (视听资料, 行政处罚法 第四十六条).
    public let isAudioVisual: Bool

    /// How many leading bytes `sniff` needs.
    public static let headLength = 16

    /// The media type of a file from its leading bytes, or nil for a type evidence may not be (executables,
    /// scripts, archives of unknown content, anything unrecognised).
    public static func sniff(_ head: [UInt8]) -> EvidenceMedia? {
        func starts(_ p: [UInt8], at i: Int = 0) -> Bool {
            head.count >= i + p.count && Array(head[i..<(i + p.count)]) == p
        }
        let ascii = { (s: String) in Array(s.utf8) }
        if starts([0xFF, 0xD8, 0xFF]) { return .init(mediaType: "image/jpeg", label: "图片", isAudioVisual: false) }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            return .init(mediaType: "image/png", label: "图片", isAudioVisual: false)
        }
        if starts(ascii("%PDF-")) { return .init(mediaType: "application/pdf", label: "PDF 文件", isAudioVisual: false) }
        if starts(ascii("ftyp"), at: 4) {
            // ISO base media: the brand tells audio (M4A) from video (MP4, MOV, 3GP — what 执法记录仪 write).
            let brand = head.count >= 12 ? String(decoding: head[8..<12], as: UTF8.self) : ""
            if brand.hasPrefix("M4A") { return .init(mediaType: "audio/mp4", label: "音频", isAudioVisual: true) }
            if brand == "qt  " { return .init(mediaType: "video/quicktime", label: "视频", isAudioVisual: true) }
            return .init(mediaType: "video/mp4", label: "视频", isAudioVisual: true)
        }
        if starts(ascii("RIFF")) && starts(ascii("WAVE"), at: 8) {
            return .init(mediaType: "audio/wav", label: "音频", isAudioVisual: true)
        }
        if starts(ascii("RIFF")) && starts(ascii("AVI "), at: 8) {
            return .init(mediaType: "video/x-msvideo", label: "视频", isAudioVisual: true)
        }
        if starts(ascii("ID3")) || (head.count >= 2 && head[0] == 0xFF && head[1] & 0xE0 == 0xE0) {
            return .init(mediaType: "audio/mpeg", label: "音频", isAudioVisual: true)
        }
        if starts([0x00, 0x00, 0x01, 0xBA]) { return .init(mediaType: "video/mpeg", label: "视频", isAudioVisual: true) }
        // .docx, .xlsx and OFD (the national e-document format) are ZIP containers.
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            return .init(mediaType: "application/zip", label: "电子文档", isAudioVisual: false)
        }
        return nil
    }

    /// The refusal message for an unrecognised file, listing what is accepted.
    public static let acceptedText = "图片（JPEG、PNG）、PDF、音视频（MP4、MOV、3GP、AVI、MPEG、MP3、WAV、M4A）、电子文档（DOCX、XLSX、OFD）"
}

/// One evidence file of a case, as the case file lists it. The content is stored once under its SHA-256.
public struct EvidenceFile: Codable, Sendable, Equatable {
    public let sha256: String
    public let size: Int64
    public let mediaType: String
    public let label: String
    public let fileName: String
    public let uploadedOn: String
    public let uploadedBy: String

    public init(
        sha256: String, size: Int64, mediaType: String, label: String, fileName: String, uploadedOn: String,
        uploadedBy: String
    ) {
        self.sha256 = sha256; self.size = size; self.mediaType = mediaType; self.label = label; self.fileName = fileName
        self.uploadedOn = uploadedOn; self.uploadedBy = uploadedBy
    }

    public var isAudioVisual: Bool { mediaType.hasPrefix("audio/") || mediaType.hasPrefix("video/") }

    /// A file name safe to store and show: no path, no control characters, at most 120 characters.
    public static func cleanName(_ raw: String) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
            .trimmed
        return clean.isEmpty ? "证据文件" : String(clean.prefix(120))
    }
}
