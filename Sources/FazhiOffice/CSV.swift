import Foundation

/// CSV as spreadsheet programs write and read it (RFC 4180 quoting; a UTF-8 byte-order mark so that Excel on a
/// Chinese Windows opens UTF-8 correctly). GB18030 files from old Excel are detected and refused with advice.
public enum CSV {
    public static func rows(_ data: Data) throws -> [[String]] {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw SpreadsheetError("CSV 文件不是 UTF-8 编码（可能是 GBK）；请在 Excel 中“另存为 → CSV UTF-8”，或直接上传 .xlsx")
        }
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var it = text.makeIterator()
        var pending: Character? = nil
        func nextChar() -> Character? { if let p = pending { pending = nil; return p }; return it.next() }
        while let c = nextChar() {
            if inQuotes {
                if c == "\"" {
                    if let n = it.next() {
                        if n == "\"" { field.append("\"") } else { inQuotes = false; pending = n }
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"": inQuotes = true
            case ",": row.append(field); field = ""
            case "\r\n", "\n", "\r": row.append(field); field = ""; rows.append(row); row = []
            default: field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        while let last = rows.last, last.allSatisfy({ $0.isEmpty }) { rows.removeLast() }
        return rows
    }

    public static func write(_ rows: [[String]]) -> Data {
        var out = "\u{FEFF}"
        for r in rows {
            out += r.map { v in
                // A leading = + - @ would run as a formula in a spreadsheet (CSV injection): quote it as text.
                let guarded = (v.first.map { "=+-@".contains($0) } ?? false) && Double(v) == nil ? "'" + v : v
                return guarded.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                    ? "\"" + guarded.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : guarded
            }.joined(separator: ",")
            out += "\r\n"
        }
        return Data(out.utf8)
    }
}

/// Reads a table from an uploaded file by its name or content: .xlsx (a ZIP) or CSV.
public enum Tabular {
    public static func rows(_ data: Data, filename: String?) throws -> [[String]] {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return try XLSXReader.rows(data) }
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw SpreadsheetError("不支持旧版 .xls 格式；请在 Excel 或 WPS 中另存为 .xlsx 后上传")
        }
        if let f = filename?.lowercased(), f.hasSuffix(".xlsx") { return try XLSXReader.rows(data) }
        return try CSV.rows(data)
    }
}
