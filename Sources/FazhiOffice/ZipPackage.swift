import Foundation
import ZIPFoundation

/// Builds a ZIP in memory (the container of .docx, .xlsx and the case archive), entries in the order added,
/// with a fixed date so the same content gives the same bytes.
public final class ZipPackage {
    private let archive: Archive

    public init() throws { archive = try Archive(accessMode: .create) }

    public func add(_ path: String, _ data: Data, compress: Bool = true) throws {
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(data.count),
            modificationDate: Date(timeIntervalSince1970: 1_767_225_600),
            compressionMethod: compress ? .deflate : .none
        ) { pos, size in data.subdata(in: Int(pos)..<(Int(pos) + size)) }
    }

    public func add(_ path: String, _ text: String) throws { try add(path, Data(text.utf8)) }

    public func data() throws -> Data {
        guard let d = archive.data else { throw SpreadsheetError("无法生成 ZIP 文件") }
        return d
    }
}

extension ZipPackage {
    /// The files of a ZIP by path (for checking what was exported).
    public static func read(_ data: Data) throws -> [String: Data] {
        let archive = try Archive(data: data, accessMode: .read)
        var out: [String: Data] = [:]
        for entry in archive where entry.type == .file {
            var d = Data()
            _ = try archive.extract(entry) { d.append($0) }
            out[entry.path] = d
        }
        return out
    }
}
