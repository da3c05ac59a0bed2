import Foundation

/// One problem found in an imported file: the sheet row (the header is row 1), the column header, and why.
public struct ImportProblem: Codable, Sendable, Equatable {
    public let row: Int
    public let column: String
    public let message: String
    public init(row: Int, column: String, message: String) {
        self.row = row; self.column = column; self.message = message
    }
}

/// A documented import template (导入模板): the columns in order, which are required, an example row.
public struct ImportTemplate: Sendable {
    public struct Column: Sendable {
        public let header: String
        public let required: Bool
        public let example: String
        public let note: String
    }
    public let kind: String
    public let title: String
    public let columns: [Column]
    public var headers: [String] { columns.map(\.header) }
    public var exampleRow: [String] { columns.map(\.example) }
}

/// Reads the cells of a sheet by header, and turns cell text into values with row-and-column problems.
public struct RowReader: Sendable {
    public let template: ImportTemplate
    /// Column by header, compared as bytes: a `String` key is hashed through Unicode normalisation, and an import
    /// looks up every cell of every row by its (Chinese) header.
    let index: [HeaderBytes: Int]
    public let headerProblems: [ImportProblem]

    public init(template: ImportTemplate, header: [String]) {
        self.template = template
        var idx: [HeaderBytes: Int] = [:]
        for (i, h) in header.enumerated() {
            let key = h.trimmed.replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "（必填）", with: "")
            if !key.isEmpty && idx[HeaderBytes(key)] == nil { idx[HeaderBytes(key)] = i }
        }
        index = idx
        headerProblems = template.columns.filter { $0.required && idx[HeaderBytes($0.header)] == nil }
            .map { ImportProblem(row: 1, column: $0.header, message: "缺少必填列“\($0.header)”；请使用下载的模板") }
    }

    public func cell(_ row: [String], _ header: String) -> String {
        guard let i = index[HeaderBytes(header)], i < row.count else { return "" }
        return row[i].trimmed
    }

    /// A header as its UTF-8 bytes: the templates' headers and the files' are compared byte for byte (a header
    /// typed with compatibility ideographs no longer matches its canonical form; spreadsheets write what was typed).
    struct HeaderBytes: Hashable, Sendable {
        let text: String
        init(_ text: String) { self.text = text }
        static func == (a: Self, b: Self) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }
        func hash(into h: inout Hasher) {
            var t = text
            t.withUTF8 { h.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }
}

/// Builds typed values from cells and collects the problems of one row.
public struct RowContext: Sendable {
    public let rowNumber: Int
    public let cells: [String]
    public let reader: RowReader
    public var problems: [ImportProblem] = []

    public init(rowNumber: Int, cells: [String], reader: RowReader) {
        self.rowNumber = rowNumber; self.cells = cells; self.reader = reader
    }

    public mutating func fail(_ column: String, _ message: String) {
        problems.append(ImportProblem(row: rowNumber, column: column, message: message))
    }

    public mutating func text(_ h: String, required: Bool = true, max: Int = 2000) -> String {
        let v = reader.cell(cells, h)
        if required && v.isEmpty { fail(h, "必填，不能为空") }
        if v.utf8.count > max && v.count > max { fail(h, "不能超过\(max)字") }
        // A NUL would end the text early in SQLite and is refused by PostgreSQL; the others are invisible.
        if TextChecks.hasControlCharacters(v) { fail(h, "含有不可见的控制字符") }
        return v
    }

    public mutating func date(_ h: String, required: Bool = true) -> CivilDate? {
        let v = reader.cell(cells, h)
        if v.isEmpty { if required { fail(h, "必填，不能为空") }; return nil }
        guard let d = TabularValues.date(v) else { fail(h, "“\(v)”不是有效日期，应写作 2026-03-01"); return nil }
        return d
    }

    public mutating func number(_ h: String, required: Bool = false) -> Double? {
        let v = reader.cell(cells, h)
        if v.isEmpty { if required { fail(h, "必填，不能为空") }; return nil }
        let digits = v.utf8.contains(UInt8(ascii: ",")) ? v.replacingOccurrences(of: ",", with: "") : v
        guard let n = Double(digits), n.isFinite else {
            fail(h, "“\(v)”不是数字"); return nil
        }
        // "-0" is 0: PostgreSQL's numbers have no negative zero, and the record must say what is stored.
        return n == 0 ? 0 : n
    }

    public mutating func bool(_ h: String) -> Bool {
        let v = reader.cell(cells, h)
        switch v {
        case "", "否", "无", "N", "n", "no", "false", "0": return false
        case "是", "有", "Y", "y", "yes", "true", "1": return true
        default: fail(h, "“\(v)”应为“是”或“否”"); return false
        }
    }

    public mutating func choice<T>(_ h: String, _ parse: (String) -> T?, allowed: [String], default def: T? = nil) -> T?
    {
        let v = reader.cell(cells, h)
        if v.isEmpty { if def == nil { fail(h, "必填，不能为空") }; return def }
        guard let t = parse(v) else { fail(h, "“\(v)”不是允许的取值（\(allowed.joined(separator: "、"))）"); return nil }
        return t
    }
}

public enum TabularValues {
    /// Accepts 2026-03-01, 2026/3/1, 2026.3.1, 2026年3月1日, 20260301, and a spreadsheet serial day number.
    public static func date(_ raw: String) -> CivilDate? {
        let s = raw.trimmed
        if let d = CivilDate(iso: s) { return d }
        if s.count == 8, s.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return CivilDate(year: Int(s.prefix(4))!, month: Int(s.dropFirst(4).prefix(2))!, day: Int(s.suffix(2))!)
        }
        if let serial = Double(s), serial >= 1, serial < 2_958_466, serial == serial.rounded(.down) || s.contains(".") {
            // Spreadsheet day numbers count from 1899-12-30 (the 1900 leap-year bug included).
            return CivilDate(year: 1899, month: 12, day: 30)!.adding(days: Int(serial))
        }
        let parts = s.replacingOccurrences(of: "年", with: "-").replacingOccurrences(of: "月", with: "-")
            .replacingOccurrences(of: "日", with: "")
            .replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: ".", with: "-").split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }

    /// Lists in one cell: 、 ； ; newline or full-width comma separate.
    public static func list(_ s: String) -> [String] {
        s.split(whereSeparator: { "、；;\n，".contains($0) }).map { String($0).trimmed }.filter { !$0.isEmpty }
    }
}
