import FazhiCore
import Foundation
import Testing

/// The shortcuts an import takes for ASCII and CJK text agree with the general forms they stand in for.
@Suite struct ImportFastPathTests {
    @Test func uuidTextIsFoundationsUUIDString() throws {
        var ids = (0..<1_000).map { _ in UUID() } + UUID.timeOrdered(100)
        ids.append(try #require(UUID(uuidString: "00000000-0000-0000-0000-000000000000")))
        ids.append(try #require(UUID(uuidString: "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF")))
        for id in ids { #expect(id.uuidText == id.uuidString) }
        // In canonical JSON: the same bytes as writing the string.
        var a = CanonicalJSONWriter(), b = CanonicalJSONWriter()
        a.openArray(); b.openArray()
        for id in ids.prefix(3) { a.uuid(id); b.string(id.uuidString) }
        a.closeArray(); b.closeArray()
        #expect(a.bytes == b.bytes)
    }

    /// Trimming keeps what is not white space at either end and removes every Unicode white space, the
    /// ideographic space (全角空格) and the no-break space among them.
    @Test func trimmingSeesEveryWhiteSpace() {
        let cases: [(String, String)] = [
            ("张三", "张三"), (" 张三 ", "张三"), ("\u{3000}张三\u{3000}", "张三"), ("\u{A0}食品\u{A0}", "食品"),
            ("\t\n 市场监管局\r\n", "市场监管局"), ("\u{2003}A\u{2028}", "A"), ("\u{1680}x\u{85}", "x"), ("", ""),
            ("   ", ""), ("张 三", "张 三"), ("é", "é"), ("上海\u{200B}", "上海\u{200B}"), ("\u{205F}道路\u{202F}", "道路"),
        ]
        for (raw, trimmed) in cases {
            #expect(raw.trimmed == trimmed, "\(Array(raw.unicodeScalars))")
            let general = String(
                raw.unicodeScalars.drop(while: \.properties.isWhitespace).reversed().drop(
                    while: \.properties.isWhitespace
                ).reversed().map(Character.init))
            #expect(raw.trimmed == general)
        }
    }

    @Test func idNumbersReadAsBytesGetTheSameProblems() {
        #expect(PersonalData.idNumberProblem("11010519491231002X") == nil)
        #expect(PersonalData.idNumberProblem("11010519491231002x") == nil)
        #expect(PersonalData.idNumberProblem("110105194912310021") == "身份证号校验码不正确")
        #expect(PersonalData.idNumberProblem("110105194913310021") == "身份证号中的出生日期 19491331 不是有效日期")
        #expect(PersonalData.idNumberProblem("110105190002290021") == "身份证号中的出生日期 19000229 不是有效日期")
        #expect(PersonalData.idNumberProblem("11010519491231A02X") == "身份证号前17位应为数字")
        #expect(PersonalData.idNumberProblem("1101051949123100") == "身份证号应为18位")
        #expect(PersonalData.idNumberProblem("110105194912310\r\n2") == "身份证号应为18位")  // CR LF: one character
        #expect(PersonalData.idNumberProblem("１１０１０５１９４９１２３１００２X") == "身份证号前17位应为数字")
        #expect(PersonalData.idNumberProblem("11010519491231002Ⅹ") == "身份证号校验码不正确")
    }

    @Test func certificateNumbersAreAsciiLettersDigitsAndHyphens() {
        #expect(EnforcementCertificate.numberProblem("ZJ-330102-0001") == nil)
        #expect(EnforcementCertificate.numberProblem("abc123") == nil)
        #expect(EnforcementCertificate.numberProblem("ABC12") != nil)
        #expect(EnforcementCertificate.numberProblem(String(repeating: "A", count: 31)) != nil)
        #expect(EnforcementCertificate.numberProblem("ＡＢＣ１２３") != nil)
        #expect(EnforcementCertificate.numberProblem("AB C123") != nil)
        #expect(EnforcementCertificate.numberProblem("AB_C123") != nil)
    }

    /// Cells are found by their header whatever the header's bytes look like to a hash (Chinese, starred, 必填).
    @Test func cellsAreFoundByHeader() {
        let reader = RowReader(template: RegistryTemplates.officers, header: ["*姓名", "性别（必填）", " 身份证号 "])
        #expect(reader.cell(["张三", "男", " 11010519491231002X "], "姓名") == "张三")
        #expect(reader.cell(["张三", "男"], "性别") == "男")
        #expect(reader.cell(["张三", "男", "x"], "身份证号") == "x")
        #expect(reader.cell(["张三", "男", "x"], "岗位") == "")
        #expect(reader.headerProblems.contains { $0.column == "执法主体" })
        #expect(!reader.headerProblems.contains { $0.column == "姓名" })
    }

    /// Bigrams are indexed once each, in the order they first appear, and a lone character stands for itself.
    @Test func tokensAreDistinctInFirstOrder() {
        #expect(CJKTokenizer.indexTokens("食品安全 食品 A1 a1 食") == ["食品", "品安", "安全", "a1", "食"])
        #expect(CJKTokenizer.indexTokens("安全安全") == ["安全", "全安"])
        #expect(CJKTokenizer.indexTokens("𠀀𠀁 𠀀𠀁") == ["𠀀𠀁"])
    }

    /// The text an import indexes is the tokens joined by spaces, for short texts and for long ones (whose tokens are
    /// told apart by sets once there are many): random mixes of CJK (astral ones too), ASCII words in both cases,
    /// full-width letters, accents, punctuation and repeats.
    @Test func theIndexedTextIsTheTokensJoined() {
        let pieces = [
            "食", "品", "安", "全", "食品", "𠀀", "𠀁", "办理", "流程", "🙂",
            "\u{3400}", "\u{F900}", "\u{2FFFF}", "\u{30000}", "，", "Ａ", "é", "e\u{301}",
            "A", "b", "Z9", "x", "0", " ", "-", "_", "\n", "339901", "CF", "cf",
        ]
        var generator = SeededGenerator(seed: 20_261_202)
        for length in [0, 1, 2, 3, 5, 8, 20, 60, 200, 2_000] {
            for _ in 0..<40 {
                let text = (0..<length).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
                // Compared as bytes: `==` on strings would take a compatibility ideograph for its canonical form.
                let joined = CJKTokenizer.indexTokens(text).joined(separator: " ")
                #expect(Array(CJKTokenizer.indexText(text).utf8) == Array(joined.utf8), "\(text)")
                let inByteOrder = CJKTokenizer.indexTokens(text).map { Array($0.utf8) }.sorted {
                    $0.lexicographicallyPrecedes($1)
                }
                #expect(
                    Array(CJKTokenizer.indexTextInByteOrder(text).utf8)
                        == Array(inByteOrder.joined(separator: [UInt8(ascii: " ")])), "\(text)")
            }
        }
        // Words sharing their first eight bytes are ordered by the rest, a shorter one first.
        #expect(
            CJKTokenizer.indexTextInByteOrder("abcdefghz abcdefgh 食品 abcdefghij Abcdefghi 9 abcdefgha")
                == "9 abcdefgh abcdefgha abcdefghi abcdefghij abcdefghz 食品")
        let many = (0..<300).map { n in
            "词\(n)语" + String(Character(Unicode.Scalar(0x4E00 + n) ?? "一"))
        }.joined(separator: " ")
        #expect(
            Array(CJKTokenizer.indexText(many + " " + many).utf8)
                == Array(CJKTokenizer.indexTokens(many).joined(separator: " ").utf8))
    }
}
