import FazhiCore
import Foundation
import Testing

@testable import FazhiOffice

/// A large sheet is read in parts on every core (cut before `<row ` and `<si>` tags): what comes back must be the
/// sheet as one reader sees it, row numbers and gaps included.
@Suite struct SpreadsheetReadTests {
    static func rows(_ n: Int) -> [[String]] {
        [["姓名", "编号", "说明", "数量"]]
            + (1...n).map { i in
                ["张\(i)号", String(format: "BM%07d", i), i % 7 == 0 ? "含 & 与 <符号> \"引号\"" : "", String(i % 97)]
            }
    }

    @Test func aLargeSheetReadInPartsIsTheWholeSheet() throws {
        let rows = Self.rows(40_000)
        let sheet = Array(XLSXWriter.sheetXML(rows).utf8)
        #expect(XLSXReader.cuts(sheet, before: "<row ", parts: 2).count == 3, "the sheet is read in two parts")
        let read = try XLSXReader.rows(try XLSXWriter.write([.init(name: "表", rows: rows)]))
        #expect(read == rows.map { r in Array(r[..<(r.lastIndex { !$0.isEmpty }.map { $0 + 1 } ?? 0)]) })
    }

    @Test func rowsWithoutNumbersAfterTheFirstPartAreReadInOnePiece() throws {
        // A writer that leaves out `r` on rows: the later part cannot know its first row's number.
        let body = (1...30_000).map { "<row ><c t=\"inlineStr\"><is><t>第\($0)行的文字内容</t></is></c></row>" }.joined()
        let xml = Array("<worksheet><sheetData>\(body)</sheetData></worksheet>".utf8)
        #expect(XLSXReader.cuts(xml, before: "<row ", parts: 2).count == 3)
        let read = try XLSXReader.parseSheet(xml, shared: [])
        #expect(read.count == 30_000)
        #expect(read[0] == ["第1行的文字内容"] && read[29_999] == ["第30000行的文字内容"])
    }

    @Test func rowGapsAndRepeatedNumbersKeepTheirPlaceAcrossParts() throws {
        // Row 2 and every tenth row missing (an empty line in the sheet), row numbers given.
        let numbers = (2...60_000).filter { $0 % 10 != 0 }
        let body = numbers.map { "<row r=\"\($0)\"><c r=\"B\($0)\" t=\"inlineStr\"><is><t>值\($0)</t></is></c></row>" }
        let xml = Array("<worksheet><sheetData>\(body.joined())</sheetData></worksheet>".utf8)
        #expect(XLSXReader.cuts(xml, before: "<row ", parts: 2).count == 3)
        let read = try XLSXReader.parseSheet(xml, shared: [])
        #expect(read.count == 59_999)
        #expect(read[0] == [] && read[9] == [] && read[10] == ["", "值11"] && read[59_998] == ["", "值59999"])
    }

    @Test func sharedStringsReadInPartsKeepTheirOrder() {
        let strings = (0..<60_000).map { "共享字符串\($0)" + ($0 % 5 == 0 ? "&amp;" : "") }
        let xml = Array(
            ("<sst>" + strings.map { "<si><t>\($0)</t></si>" }.joined()
                + "<si><r><t>富</t></r><r><t>文本</t></r></si></sst>")
                .utf8)
        #expect(XLSXReader.cuts(xml, before: "<si>", parts: 2).count == 3)
        let read = XLSXReader.sharedStrings(xml)
        #expect(read.count == 60_001)
        #expect(read[5] == "共享字符串5&" && read[59_999] == "共享字符串59999" && read[60_000] == "富文本")
    }

    /// Rows are checked on every core from 2,000 rows up: problems keep their rows, and a duplicate far from its first
    /// row (in another part) is still found, reported on the later row only.
    @Test func officerRowsCheckedInPartsReportEveryProblemOnItsRow() {
        func row(_ i: Int, certificate: String? = nil, issued: String = "2024-01-01") -> [String] {
            let id = PersonalData.idNumber(
                first17: String(format: "339901%04d%02d%02d101", 1960 + i % 40, 1 + i / 40 % 12, 1 + i / 480 % 28))
            return [
                "人员\(i)", "男", id, "某局", "", certificate ?? String(format: "QH%07d", i), "综合", "清河县", issued,
                "2029-01-01",
            ]
        }
        var rows = [Array(RegistryTemplates.officers.headers.prefix(10))] + (1...3_000).map { row($0) }
        rows[2_900] = row(2_900, certificate: String(format: "QH%07d", 3))  // sheet row 2,901 repeats row 4's number
        rows[2_500] = row(2_500, issued: "2024-02-30")  // sheet row 2,501
        rows[1_500] = []  // an empty line is passed over
        let (valid, problems) = RegistryTemplates.officerRows(rows)
        #expect(valid.count == 2_997)
        #expect(problems.map(\.row) == [2_501, 2_901])
        #expect(problems.last?.message == "与第4行的执法证号重复")
        #expect(valid.map(\.0) == (2...3_001).filter { ![1_501, 2_501, 2_901].contains($0) })
    }

    /// A crafted file: a column reference past XFD must not overflow (the cell goes after the row's last), and a sheet
    /// with CDATA or comments, whose text could hold a `<row ` tag, is read in one piece.
    @Test func craftedReferencesAndCDATAAreReadSafely() throws {
        let huge =
            "<worksheet><sheetData><row r=\"1\"><c r=\"ZZZZZZZZZZZZZZZZZZZZ1\" t=\"inlineStr\"><is><t>x</t></is></c>"
            + "<c r=\"B1\" t=\"inlineStr\"><is><t>y</t></is></c></row></sheetData></worksheet>"
        #expect(try XLSXReader.parseSheet(Array(huge.utf8), shared: []) == [["x", "y"]])
        let body = (1...30_000).map {
            "<row r=\"\($0)\"><c r=\"A\($0)\" t=\"inlineStr\"><is><t>第\($0)行</t></is></c></row>"
        }
        let cdata =
            "<row r=\"30001\"><c r=\"A30001\" t=\"inlineStr\"><is><t><![CDATA[<row r=\"5\">]]></t></is></c></row>"
        let xml = Array("<worksheet><sheetData>\(body.joined())\(cdata)</sheetData></worksheet>".utf8)
        #expect(XLSXReader.cuts(xml, before: "<row ", parts: 2).count == 2)
        let read = try XLSXReader.parseSheet(xml, shared: [])
        #expect(read.count == 30_001 && read[4] == ["第5行"] && read[30_000] == ["<row r=\"5\">"])
        // A comment is found as a CDATA section is; an exclamation mark in a cell's text is no declaration.
        let comment = Array("<worksheet><sheetData>\(body.joined())<!-- <row r=\"5\"> --></sheetData></worksheet>".utf8)
        #expect(XLSXReader.hasMarkupDeclaration(comment) && XLSXReader.hasMarkupDeclaration(xml))
        let shouted = Array("<worksheet><sheetData>\(body.joined())<row r=\"30001\"><c><v>1!--!</v></c></row>".utf8)
        #expect(!XLSXReader.hasMarkupDeclaration(shouted))
        #expect(XLSXReader.cuts(shouted, before: "<row ", parts: 2).count == 3)
        #expect(
            !XLSXReader.hasMarkupDeclaration(Array("!<!-".utf8)) && XLSXReader.hasMarkupDeclaration(Array("<!--".utf8)))
    }

    /// A stray quote in a damaged tag ends at its ">" as before: the rows after it are still read.
    @Test func aStrayQuoteInATagDoesNotSwallowTheRowsAfterIt() throws {
        let xml =
            "<worksheet><sheetData><row r=\"1\"><c r=A1' t=\"inlineStr\"><is><t>甲</t></is></c></row>"
            + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>乙'</t></is></c></row>"
            + "<row r=\"3\"><c r=\"A3\" t='inlineStr'><is><t>丙</t></is></c></row></sheetData></worksheet>"
        #expect(try XLSXReader.parseSheet(Array(xml.utf8), shared: []) == [["甲"], ["乙'"], ["丙"]])
    }
}
