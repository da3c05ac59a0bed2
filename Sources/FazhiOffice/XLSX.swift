import FazhiCore
import Foundation
import ZIPFoundation

/// A problem reading a spreadsheet, in Chinese.
public struct SpreadsheetError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ d: String) { description = d }
}

/// Reads the first worksheet of an .xlsx file (Office Open XML, as written by Excel, WPS or LibreOffice) as rows
/// of cell text, positioned by their row and column references so that row numbers match what the user sees.
public enum XLSXReader {
    public static func rows(_ data: Data) throws -> [[String]] {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw SpreadsheetError("文件不是有效的 .xlsx 工作簿（无法按 ZIP 打开）")
        }
        // Parts are inflated straight into one byte array (no intermediate Data copy), and the shared strings are
        // parsed before the sheet is inflated, so the two XML texts are never in memory together.
        func part(_ path: String) throws -> [UInt8]? {
            guard let entry = archive[path] else { return nil }
            var out = [UInt8]()
            // The size the ZIP claims is not trusted: reserve at most the limit, and stop inflating past it (a crafted
            // file of a few MB can claim or inflate to gigabytes).
            out.reserveCapacity(Int(clamping: min(entry.uncompressedSize, UInt64(maxPartBytes))))
            var tooLarge = false
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    guard out.count + chunk.count <= maxPartBytes else { tooLarge = true; throw SpreadsheetError("") }
                    out.append(contentsOf: chunk)
                }
            } catch {
                if tooLarge { throw SpreadsheetError("工作簿过大：\(path) 解压后超过 \(maxPartBytes >> 20) MB，请分成几个文件导入") }
                throw SpreadsheetError("工作簿已损坏：无法读取 \(path)")
            }
            return out
        }
        let sheetPath = try firstSheetPath(workbook: part("xl/workbook.xml"), rels: part("xl/_rels/workbook.xml.rels"))
        let shared = try part("xl/sharedStrings.xml").map(sharedStrings) ?? []
        guard let sheet = try part(sheetPath) else { throw SpreadsheetError("工作簿中没有工作表") }
        return try parseSheet(sheet, shared: shared)
    }

    /// The most one part of a workbook (the sheet, the shared strings) may inflate to: a 1,000,000-row sheet of this
    /// project's templates is about 300 MB.
    static let maxPartBytes = 512 << 20

    static func firstSheetPath(workbook: [UInt8]?, rels: [UInt8]?) -> String {
        guard let workbook, let rels else { return "xl/worksheets/sheet1.xml" }
        var s = XMLScanner(workbook)
        var rid: String?
        while let e = s.next() {
            if case .start(let name, let attrs, _) = e, XMLScanner.local(name) == "sheet" {
                rid = attrs.first { XMLScanner.local($0.0) == "id" }?.1
                break
            }
        }
        guard let rid else { return "xl/worksheets/sheet1.xml" }
        var r = XMLScanner(rels)
        while let e = r.next() {
            if case .start(let name, let attrs, _) = e, XMLScanner.local(name) == "Relationship",
                attrs.first(where: { $0.0 == "Id" })?.1 == rid, let target = attrs.first(where: { $0.0 == "Target" })?.1
            {
                if target.hasPrefix("/") { return String(target.dropFirst()) }
                return "xl/" + target
            }
        }
        return "xl/worksheets/sheet1.xml"
    }

    /// The shared strings in order, read on every core (the part cut just before `<si>` tags, each `si` one string).
    static func sharedStrings(_ bytes: [UInt8]) -> [String] {
        let bounds = cuts(bytes, before: "<si>", parts: Parallel.cores)
        return Parallel.map(parts: bounds.count - 1) { p in
            sharedStrings(XMLScanner(bytes, range: bounds[p]..<bounds[p + 1]))
        }.flatMap { $0 }
    }

    static func sharedStrings(_ scanner: XMLScanner) -> [String] {
        var s = scanner
        var out: [String] = []
        var current = ""
        var inSI = false, inT = false, inRPh = false
        while let e = s.next() {
            switch e {
            case .start(let name, _, let selfClosing):
                switch XMLScanner.local(name) {
                case "si": inSI = true; current = ""; if selfClosing { out.append(""); inSI = false }
                case "t": inT = !selfClosing
                case "rPh": inRPh = !selfClosing  // phonetic guides are not part of the text
                default: break
                }
            case .end(let name):
                switch XMLScanner.local(name) {
                case "si": out.append(current); inSI = false
                case "t": inT = false
                case "rPh": inRPh = false
                default: break
                }
            case .text(let t): if inSI && inT && !inRPh { current += t }
            }
        }
        return out
    }

    /// "BC12" → column index 54 (0-based).
    static func column(_ ref: String) -> Int? { column(ref.utf8) }

    static func column(_ ref: some Sequence<UInt8>) -> Int? {
        var n = 0
        var any = false
        for u in ref {
            guard u >= 65 && u <= 90 else { break }
            n = n * 26 + Int(u - 64); any = true
            // A sheet has 16,384 columns (XFD); a longer reference from a crafted file must not overflow.
            guard n <= 16_384 else { return nil }
        }
        return any ? n - 1 : nil
    }

    static func parseSheet(_ bytes: [UInt8], shared: [String]) throws -> [[String]] {
        var rows: [[String]] = []
        for part in try numberedRows(bytes, shared: shared) {
            for (number, row) in part { place(&rows, row, at: number) }
        }
        // Trailing empty cells and rows carry nothing.
        while let last = rows.last, last.allSatisfy({ $0.isEmpty }) { rows.removeLast() }
        return rows
    }

    /// The sheet's rows with their numbers, read on every core: the sheet is cut just before a `<row ` tag into one part
    /// per core. A row without its `r` number is numbered after the row before it, which a part cannot know, so a sheet
    /// whose later parts have one is read again in one piece.
    static func numberedRows(_ bytes: [UInt8], shared: [String]) throws -> [[(Int, [String])]] {
        let bounds = cuts(bytes, before: "<row ", parts: Parallel.cores)
        if bounds.count > 2 {
            let parts = try Parallel.tryMap(parts: bounds.count - 1) { p in
                try scanRows(XMLScanner(bytes, range: bounds[p]..<bounds[p + 1]), shared: shared)
            }
            if parts.dropFirst().allSatisfy(\.allNumbered) { return parts.map(\.rows) }
        }
        return [try scanRows(XMLScanner(bytes), shared: shared).rows]
    }

    /// Byte offsets that split a part into `parts` pieces, each later one starting at `tag` (0 and the end included);
    /// fewer when the part is small or its tags carry a namespace prefix.
    static func cuts(_ bytes: [UInt8], before tag: String, parts: Int) -> [Int] {
        let tag = Array(tag.utf8)
        var cuts = [0]
        // Small parts are read in one piece, and so are parts with CDATA or comments, whose text could hold the tag.
        guard bytes.count > 1 << 20, !hasMarkupDeclaration(bytes) else {
            return [0, bytes.count]
        }
        for p in 1..<max(1, parts) {
            var k = max(cuts.last! + 1, bytes.count * p / parts)
            while k + tag.count <= bytes.count, !bytes[k..<(k + tag.count)].elementsEqual(tag) { k += 1 }
            if k + tag.count <= bytes.count { cuts.append(k) }
        }
        return cuts + [bytes.count]
    }

    /// Whether the part holds a CDATA section or a comment (`<![CDATA[`, `<!--`). Found by their `!`, which a sheet's
    /// XML otherwise has only in cell text: `memchr` skips to each one (byte by byte, the search took a tenth of
    /// reading a 50,000-row sheet, on one core before the parallel part).
    static func hasMarkupDeclaration(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return false }
            var k = 0
            while k < b.count, let hit = memchr(base + k, Int32(UInt8(ascii: "!")), b.count - k) {
                let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                let opens = i > 0 && b[i - 1] == UInt8(ascii: "<")
                if opens && (starts(b, at: i + 1, "[CDATA[") || starts(b, at: i + 1, "--")) { return true }
                k = i + 1
            }
            return false
        }
    }

    static func starts(_ b: UnsafeBufferPointer<UInt8>, at i: Int, _ pattern: StaticString) -> Bool {
        let n = pattern.utf8CodeUnitCount
        guard i + n <= b.count, let base = b.baseAddress else { return false }
        return memcmp(base + i, pattern.utf8Start, n) == 0
    }

    /// The rows of a sheet part with their numbers, read from the scanner's byte ranges: only a cell's value becomes a
    /// string (a tag's name and its `r` and `t` attributes are compared and parsed as bytes).
    static func scanRows(_ scanner: XMLScanner, shared: [String]) throws -> (rows: [(Int, [String])], allNumbered: Bool)
    {
        var s = scanner
        var rows: [(Int, [String])] = []
        var row: [String] = []
        var rowNumber = 0, allNumbered = true
        var cellType = "", cellCol = 0, inValue = false, inInline = false
        var value: [UInt8] = []
        while let token = s.nextToken() {
            switch token {
            case .start(let name, let attributes, let selfClosing):
                if s.isLocal(name, "c") {
                    cellType = s.attribute("t", in: attributes).map { s.text($0) } ?? "n"
                    cellCol = s.attribute("r", in: attributes).flatMap { column(s.raw($0)) } ?? row.count
                    value.removeAll(keepingCapacity: true)
                    if selfClosing { set(&row, "", at: cellCol) }
                } else if s.isLocal(name, "v") {
                    inValue = !selfClosing
                } else if s.isLocal(name, "row") {
                    let numbered = s.attribute("r", in: attributes).flatMap { Int(s.text($0)) }
                    if numbered == nil { allNumbered = false }
                    rowNumber = numbered ?? (rowNumber + 1)
                    row = []
                    if selfClosing { rows.append((rowNumber, row)) }
                } else if s.isLocal(name, "is") {
                    inInline = true
                } else if s.isLocal(name, "t") {
                    inValue = inInline && !selfClosing
                }
            case .end(let name):
                if s.isLocal(name, "c") {
                    set(
                        &row, try cellText(String(decoding: value, as: UTF8.self), type: cellType, shared: shared),
                        at: cellCol)
                } else if s.isLocal(name, "v") || s.isLocal(name, "t") {
                    inValue = false
                } else if s.isLocal(name, "row") {
                    rows.append((rowNumber, row))
                } else if s.isLocal(name, "is") {
                    inInline = false
                }
            case .text(let r): if inValue { s.appendText(r, to: &value) }
            case .cdata(let r): if inValue { value.append(contentsOf: s.raw(r)) }
            }
        }
        return (rows, allNumbered)
    }

    /// A cell's text as the user sees it: a shared string looked up, a boolean as 是/否, a number as typed.
    static func cellText(_ value: String, type: String, shared: [String]) throws -> String {
        switch type {
        case "s":
            guard let i = Int(value), i >= 0, i < shared.count else {
                throw SpreadsheetError("工作簿已损坏：共享字符串索引 \(value) 无效")
            }
            return shared[i]
        case "b": return value == "1" ? "是" : "否"
        case "n": return normaliseNumber(value)
        default: return value
        }
    }

    /// Spreadsheet programs store 64 as "64" but sometimes 0.1 as "0.10000000000000001": show what the user typed.
    static func normaliseNumber(_ v: String) -> String {
        let utf8 = v.utf8
        guard utf8.contains(UInt8(ascii: ".")), !utf8.contains(UInt8(ascii: "E")), !utf8.contains(UInt8(ascii: "e")),
            let d = Double(v)
        else { return v }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        var s = String(format: "%.10f", d)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }

    static func set(_ row: inout [String], _ v: String, at col: Int) {
        guard col >= 0, col < 16384 else { return }
        // Cells nearly always come in order: the next one is appended (no array made for the gap).
        if row.count == col { row.append(v); return }
        while row.count <= col { row.append("") }
        row[col] = v
    }

    static func place(_ rows: inout [[String]], _ row: [String], at number: Int) {
        guard number >= 1, number <= 1_048_576 else { return }
        if rows.count < number - 1 { rows += Array(repeating: [], count: number - 1 - rows.count) }
        var r = row
        while let l = r.last, l.isEmpty { r.removeLast() }
        if rows.count == number - 1 { rows.append(r) } else { rows[number - 1] = r }
    }
}

/// Writes .xlsx workbooks: one or more sheets of text cells, a bold frozen header row, readable column widths.
public enum XLSXWriter {
    public struct Sheet: Sendable {
        public var name: String
        public var rows: [[String]]
        public init(name: String, rows: [[String]]) { self.name = name; self.rows = rows }
    }

    public static func write(_ sheets: [Sheet]) throws -> Data {
        let zip = try ZipPackage()
        func add(_ path: String, _ text: String) throws { try zip.add(path, text) }
        let overrides = sheets.indices.map {
            "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        try add(
            "[Content_Types].xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\(overrides)</Types>
            """)
        try add(
            "_rels/.rels",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """)
        let sheetList = sheets.enumerated().map {
            "<sheet name=\"\(XMLScanner.escape(String($1.name.prefix(31))))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>"
        }.joined()
        try add(
            "xl/workbook.xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\(sheetList)</sheets></workbook>
            """)
        let rels = sheets.indices.map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }.joined()
        try add(
            "xl/_rels/workbook.xml.rels",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(rels)<Relationship Id="rId\(sheets.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
            """)
        try add(
            "xl/styles.xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="3"><xf/><xf fontId="1" applyFont="1"/><xf applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf></cellXfs></styleSheet>
            """)
        for (n, sheet) in sheets.enumerated() {
            try add("xl/worksheets/sheet\(n + 1).xml", sheetXML(sheet.rows))
        }
        return try zip.data()
    }

    static func columnName(_ i: Int) -> String {
        var n = i + 1, s = ""
        while n > 0 { let r = (n - 1) % 26; s = String(UnicodeScalar(UInt8(65 + r))) + s; n = (n - 1) / 26 }
        return s
    }

    /// A plain decimal a spreadsheet can hold exactly: an optional minus, no leading zero (a code such as 0571 or an ID
    /// number stays text), at most 15 significant digits.
    public static func isPlainNumber(_ v: String) -> Bool {
        guard v.range(of: #"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$"#, options: .regularExpression) != nil else { return false }
        // "1.10" (an indicator's code) would read back as 1.1: a trailing zero after the point keeps it text.
        if v.contains("."), v.hasSuffix("0") { return false }
        return v.filter(\.isNumber).count <= 15
    }

    static func sheetXML(_ rows: [[String]]) -> String {
        let width = rows.map(\.count).max() ?? 0
        var widths = Array(repeating: 8.0, count: width)
        for r in rows.prefix(200) {
            for (i, v) in r.enumerated() { widths[i] = min(60, max(widths[i], Double(v.utf8.count) * 0.75 + 2)) }
        }
        var out =
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        out +=
            "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
        if width > 0 {
            out +=
                "<cols>"
                + widths.enumerated().map {
                    "<col min=\"\($0 + 1)\" max=\"\($0 + 1)\" width=\"\(Int($1))\" customWidth=\"1\"/>"
                }.joined() + "</cols>"
        }
        out += "<sheetData>"
        for (r, row) in rows.enumerated() {
            out += "<row r=\"\(r + 1)\">"
            for (c, v) in row.enumerated() where !v.isEmpty {
                // A number is written as a number, so a spreadsheet sums and sorts it (issue 15: text cells gave SUM 0).
                if r > 0, isPlainNumber(v) {
                    out += "<c r=\"\(columnName(c))\(r + 1)\"><v>\(v)</v></c>"
                    continue
                }
                out +=
                    "<c r=\"\(columnName(c))\(r + 1)\" t=\"inlineStr\"\(r == 0 ? " s=\"1\"" : "")><is><t xml:space=\"preserve\">\(XMLScanner.escape(v))</t></is></c>"
            }
            out += "</row>"
        }
        out += "</sheetData></worksheet>"
        return out
    }
}
