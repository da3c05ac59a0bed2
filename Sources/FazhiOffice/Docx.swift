import Foundation
import ZIPFoundation

/// A document to write as .docx: blocks in reading order, laid out as a Chinese official document (公文):
/// 小标宋-style bold title, 仿宋 body at 三号 (16 pt), A4 with the GB/T 9704 margins.
public struct WordDocument: Sendable, Equatable {
    public enum Block: Sendable, Equatable {
        /// The document's name, centred and large.
        case title(String)
        /// A centred line under the title (the document number).
        case centered(String)
        /// A bold line (a section of the document).
        case heading(String)
        /// A paragraph with a two-character first-line indent.
        case paragraph(String)
        /// A labelled value on one line: "label：value".
        case field(String, String)
        /// A bordered table; the first row is the header.
        case table([[String]])
        /// Right-aligned lines (the agency's name, the date, the seal).
        case signature([String])
        /// A line in red (where the seal goes).
        case seal(String)
        /// A paragraph (indented like `.paragraph`) whose spans may carry a footnote: the source of a figure.
        case annotated([Span])
        /// A structural heading of a 公文 (GB/T 9704): level 1 (“一、”) in 黑体, level 2 (“（一）”) in 楷体, indented like
        /// the body.
        case section(String, level: Int)
    }
    /// A run of a paragraph and its footnote, if any.
    public struct Span: Sendable, Equatable {
        public let text: String
        public let note: String?
        public init(_ text: String, note: String? = nil) { self.text = text; self.note = note }
    }
    public var blocks: [Block]
    /// The body's seal (PNG). With it, a `.seal` block places the image over the agency name and date (压年盖月);
    /// without it, the block's text is printed in red.
    public var sealImage: Data?
    /// Page numbers in the footer (“— 1 —”, GB/T 9704: 4号半角宋体 between dashes), for documents of several pages.
    public var pageNumbers: Bool
    public init(_ blocks: [Block], sealImage: Data? = nil, pageNumbers: Bool = false) {
        self.blocks = blocks; self.sealImage = sealImage; self.pageNumbers = pageNumbers
    }
}

public enum DocxWriter {
    static let body =
        "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"仿宋_GB2312\" w:cs=\"Times New Roman\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>"
    static let titleFont =
        "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"方正小标宋简体\"/><w:b/><w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/>"

    /// 黑体 and 楷体 for the first two levels of headings, at the body's 三号.
    static func sectionFont(_ level: Int) -> String {
        let face = level == 1 ? "黑体" : level == 2 ? "楷体_GB2312" : "仿宋_GB2312"
        return
            "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"\(face)\" w:cs=\"Times New Roman\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>"
            + (level > 2 ? "<w:b/>" : "")
    }

    /// The footer with the page number between dashes.
    static let footerXML = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>\
        <w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">— </w:t></w:r>\
        <w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体"/><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>\
        <w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>\
        <w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t>1</w:t></w:r>\
        <w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r>\
        <w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>
        """

    static func run(_ text: String, props: String = "") -> String {
        // Line breaks inside a value become <w:br/>; spaces are kept.
        let parts = text.components(separatedBy: "\n").map {
            "<w:t xml:space=\"preserve\">\(XMLScanner.escape($0))</w:t>"
        }
        return "<w:r><w:rPr>\(props)</w:rPr>\(parts.joined(separator: "<w:br/>"))</w:r>"
    }

    static func paragraph(_ runs: String, align: String? = nil, indent: Bool = false, spacingAfter: Int = 0) -> String {
        var p = ""
        if let align { p += "<w:jc w:val=\"\(align)\"/>" }
        if indent { p += "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>" }
        p += "<w:spacing w:after=\"\(spacingAfter)\" w:line=\"560\" w:lineRule=\"exact\"/>"
        return "<w:p><w:pPr>\(p)</w:pPr>\(runs)</w:p>"
    }

    /// The seal, 4.2 cm across, behind the text, centred on the two signature lines above its paragraph.
    static let sealDrawing: String = {
        let size = 1_512_000  // 4.2 cm in EMU
        return """
            <w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="251659264" behindDoc="1" locked="1" layoutInCell="1" allowOverlap="1">\
            <wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin"><wp:posOffset>\(5_600_000 - size)</wp:posOffset></wp:positionH>\
            <wp:positionV relativeFrom="paragraph"><wp:posOffset>-1111600</wp:posOffset></wp:positionV><wp:extent cx="\(size)" cy="\(size)"/>\
            <wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/><wp:docPr id="1" name="印章"/><wp:cNvGraphicFramePr/>\
            <a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">\
            <pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="1" name="seal.png"/><pic:cNvPicPr/></pic:nvPicPr>\
            <pic:blipFill><a:blip r:embed="rIdSeal"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="\(size)" cy="\(size)"/></a:xfrm>\
            <a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>
            """
    }()

    /// The footnotes of the document's annotated paragraphs, in order (numbered from 1).
    static func notes(_ doc: WordDocument) -> [String] {
        doc.blocks.flatMap { b -> [String] in
            if case .annotated(let spans) = b { return spans.compactMap(\.note) }
            return []
        }
    }

    static func footnotesXML(_ notes: [String]) -> String {
        let ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
        let small = body.replacingOccurrences(of: "32", with: "21")
        let items = notes.enumerated().map { i, n in
            "<w:footnote w:id=\"\(i + 1)\"><w:p><w:r><w:rPr>\(small)<w:vertAlign w:val=\"superscript\"/></w:rPr><w:footnoteRef/></w:r>\(run(" " + n, props: small))</w:p></w:footnote>"
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:footnotes \(ns)><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>\(items.joined())</w:footnotes>
            """
    }

    static func xml(_ doc: WordDocument) -> String {
        var out = ""
        var note = 0
        for b in doc.blocks {
            switch b {
            case .title(let t): out += paragraph(run(t, props: titleFont), align: "center", spacingAfter: 240)
            case .centered(let t): out += paragraph(run(t, props: body), align: "center", spacingAfter: 240)
            case .heading(let t): out += paragraph(run(t, props: body + "<w:b/>"))
            case .section(let t, let level): out += paragraph(run(t, props: sectionFont(level)), indent: true)
            case .paragraph(let t): out += paragraph(run(t, props: body), indent: true)
            case .annotated(let spans):
                let runs = spans.map { s -> String in
                    guard s.note != nil else { return run(s.text, props: body) }
                    note += 1
                    return run(s.text, props: body)
                        + "<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:footnoteReference w:id=\"\(note)\"/></w:r>"
                }
                out += paragraph(runs.joined(), indent: true)
            case .field(let l, let v): out += paragraph(run("\(l)：", props: body + "<w:b/>") + run(v, props: body))
            case .signature(let lines): for l in lines { out += paragraph(run(l, props: body), align: "right") }
            case .seal(let t):
                out +=
                    doc.sealImage == nil
                    ? paragraph(run(t, props: body + "<w:color w:val=\"C00000\"/>"), align: "right")
                    : paragraph(sealDrawing, align: "right")
            case .table(let rows):
                let cols = max(1, rows.map(\.count).max() ?? 1)
                // Each column as wide as its longest cell asks (2 to 24 characters' worth), so a label column is not
                // squeezed to two characters beside columns of numbers; a wide table prints at 五号 (10.5 pt).
                let cap = cols > 6 ? 14 : 24
                let weights = (0..<cols).map { c in
                    Double(min(max(rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0, 3), cap))
                }
                let total = weights.reduce(0, +)
                let widths = weights.map { Int(8800 * $0 / total) }
                let size = cols > 6 ? "21" : "24"
                out += "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>"
                for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
                    out += "<w:\(side) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                }
                out +=
                    "</w:tblBorders></w:tblPr><w:tblGrid>"
                    + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
                for (i, row) in rows.enumerated() {
                    out += "<w:tr>"
                    for c in 0..<cols {
                        let text = c < row.count ? row[c] : ""
                        out +=
                            "<w:tc><w:tcPr><w:tcW w:w=\"\(widths[c])\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr>\(run(text, props: body.replacingOccurrences(of: "32", with: size) + (i == 0 ? "<w:b/>" : "")))</w:p></w:tc>"
                    }
                    out += "</w:tr>"
                }
                out += "</w:tbl>" + paragraph("")
            }
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:body>\(out)<w:sectPr>\(doc.pageNumbers ? "<w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>" : "")<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>
            """
    }

    public static func write(_ doc: WordDocument) throws -> Data {
        let zip = try ZipPackage()
        let notes = notes(doc)
        func add(_ path: String, _ text: String) throws { try zip.add(path, text) }
        try add(
            "[Content_Types].xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\(notes.isEmpty ? "" : "<Override PartName=\"/word/footnotes.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml\"/>")\(doc.pageNumbers ? "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>" : "")</Types>
            """)
        try add(
            "_rels/.rels",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
            """)
        try add(
            "word/_rels/document.xml.rels",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\(notes.isEmpty ? "" : "<Relationship Id=\"rIdNotes\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes\" Target=\"footnotes.xml\"/>")\(doc.sealImage == nil ? "" : "<Relationship Id=\"rIdSeal\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/seal.png\"/>")\(doc.pageNumbers ? "<Relationship Id=\"rIdFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>" : "")</Relationships>
            """)
        try add(
            "word/styles.xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr>\(body)<w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>
            """)
        try add("word/document.xml", xml(doc))
        if !notes.isEmpty { try add("word/footnotes.xml", footnotesXML(notes)) }
        if doc.pageNumbers { try add("word/footer1.xml", footerXML) }
        // stored-deflate PNG: the ZIP compresses it
        if let seal = doc.sealImage { try zip.add("word/media/seal.png", seal) }
        return try zip.data()
    }
}

public enum DocxReader {
    /// The text of a .docx, one line per paragraph (for checks and search).
    public static func text(_ data: Data) throws -> String {
        let archive = try Archive(data: data, accessMode: .read)
        guard let entry = archive["word/document.xml"] else { throw SpreadsheetError("不是有效的 .docx 文件") }
        var xml = Data()
        _ = try archive.extract(entry, skipCRC32: true) { xml.append($0) }
        let s = String(decoding: xml, as: UTF8.self)
        var out = "", i = s.startIndex
        while let open = s[i...].range(of: "<") {
            if let close = s[open.upperBound...].range(of: ">") {
                let tag = s[open.upperBound..<close.lowerBound]
                if tag.hasPrefix("w:t") && !tag.hasPrefix("w:tbl") && !tag.hasPrefix("w:tc") && !tag.hasPrefix("w:tr")
                    && !tag.hasSuffix("/"),
                    let end = s[close.upperBound...].range(of: "</w:t>")
                {
                    out += XMLScanner.decode(ArraySlice(Array(s[close.upperBound..<end.lowerBound].utf8)))
                    i = end.upperBound; continue
                }
                if tag == "/w:p" {
                    out += "\n"
                } else if tag == "w:br/" || tag == "/w:tc" {
                    out += tag == "w:br/" ? "\n" : "\t"
                }
                i = close.upperBound
            } else {
                break
            }
        }
        return out
    }
}
