import Foundation

/// Checks and masks personal data. Public output is a separate projection: ID numbers, phones and birth dates
/// never leave the console; names on public pages of private persons are masked.
public enum PersonalData {
    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checkChars = Array("10X98765432")

    /// The problem with a resident ID number (公民身份号码, GB 11643-1999: 18 characters, a real birth date,
    /// ISO 7064 MOD 11-2 check character), or nil if it is well-formed.
    public static func idNumberProblem(_ raw: String) -> String? {
        let bytes = Array(raw.utf8)
        // 18 ASCII characters, as nearly every ID number is: read as bytes (an import checks 100,000 of them). Not with
        // a CR, which with an LF after it is one character.
        if bytes.count == 18 && bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) { return asciiIDNumberProblem(bytes) }
        let s = Array(raw.uppercased())
        guard s.count == 18 else { return "身份证号应为18位" }
        guard s[0..<17].allSatisfy({ $0.isASCII && $0.isNumber }) else { return "身份证号前17位应为数字" }
        let birth = String(s[6..<14])
        let iso = "\(birth.prefix(4))-\(birth.dropFirst(4).prefix(2))-\(birth.suffix(2))"
        guard CivilDate(iso: iso) != nil else { return "身份证号中的出生日期 \(birth) 不是有效日期" }
        var sum = 0
        for i in 0..<17 { sum += Int(String(s[i]))! * weights[i] }
        guard checkChars[sum % 11] == s[17] else { return "身份证号校验码不正确" }
        return nil
    }

    /// `idNumberProblem` of 18 ASCII characters (the same problems, in the same order).
    private static func asciiIDNumberProblem(_ s: [UInt8]) -> String? {
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        guard s[0..<17].allSatisfy(isDigit) else { return "身份证号前17位应为数字" }
        func number(_ r: Range<Int>) -> Int { r.reduce(0) { $0 * 10 + Int(s[$1] - 0x30) } }
        guard CivilDate(year: number(6..<10), month: number(10..<12), day: number(12..<14)) != nil else {
            return "身份证号中的出生日期 \(String(decoding: s[6..<14], as: UTF8.self)) 不是有效日期"
        }
        var sum = 0
        for i in 0..<17 { sum += Int(s[i] - 0x30) * weights[i] }
        let check = s[17] == UInt8(ascii: "x") ? UInt8(ascii: "X") : s[17]
        guard checkCharBytes[sum % 11] == check else { return "身份证号校验码不正确" }
        return nil
    }

    private static let checkCharBytes = Array("10X98765432".utf8)

    /// The full ID number for the first 17 digits (appends the MOD 11-2 check character).
    public static func idNumber(first17: String) -> String {
        let sum = zip(first17, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        return first17 + String(checkChars[sum % 11])
    }

    /// 张三 → 张某, 张三丰 → 张某某: the surname and one 某 per other character.
    public static func maskName(_ name: String) -> String {
        guard let first = name.first else { return "" }
        return String(first) + String(repeating: "某", count: max(1, name.count - 1))
    }

    /// Every one of `names` in `text` masked (张三 → 张某), also when written with spaces between its characters
    /// (张 三); names are masked longest first, so 张三丰 is not left as 张某丰.
    public static func maskNames(_ text: String, _ names: [String]) -> String {
        let cleaned = Set(names.map { $0.filter { !$0.isWhitespace } }).filter { $0.count >= 2 && $0.count <= 20 }
        var out = text
        for name in cleaned.sorted(by: { $0.count > $1.count }) {
            let pattern = name.map { NSRegularExpression.escapedPattern(for: String($0)) }.joined(separator: #"\s*"#)
            out = out.replacingOccurrences(of: pattern, with: maskName(name), options: .regularExpression)
        }
        return out
    }

    /// The natural persons' names a case holds, by its definition's `personName` inputs.
    public static func personNames(in f: CaseFile, partyIsCitizen citizen: Bool) -> [String] {
        ProcedureCatalog.standard.definition(f.procedure, version: f.definitionVersion)?
            .personNames(in: f, partyIsCitizen: citizen) ?? []
    }

    /// 330102199001011234 → 3301**********1234.
    public static func maskIDNumber(_ id: String) -> String {
        guard id.count > 8 else { return String(repeating: "*", count: id.count) }
        return String(id.prefix(4)) + String(repeating: "*", count: id.count - 8) + String(id.suffix(4))
    }

    /// Removes what must never be public from free text: resident ID numbers, mobile and landline numbers.
    public static func scrub(_ s: String) -> String {
        var out = s
        for pattern in [
            #"[1-9]\d{5}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx]"#, #"(?<!\d)1[3-9]\d{9}(?!\d)"#,
            #"(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)"#,
        ] {
            out = out.replacingOccurrences(of: pattern, with: "＊＊＊", options: .regularExpression)
        }
        return out
    }

    /// True if the text contains anything `scrub` removes (the masking tests look at every public page with it).
    public static func containsPersonalNumbers(_ s: String) -> Bool { scrub(s) != s }
}
