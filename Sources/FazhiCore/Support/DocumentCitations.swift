import Foundation

/// The 文号 a text cites (清政规〔2024〕3号, 清市监规[2023]12号): what a 处罚决定's 依据 or a 复议 names, so the basis can be
/// checked against the 文件库 — an unpublished or expired document may not be a basis for administration (优化营商环境条例
/// 第六十四条第二款).
public enum DocumentCitations {
    static let pattern = try! NSRegularExpression(
        pattern: #"[\p{Han}A-Za-z]{1,20}[〔\[（(【]\s*(?:19|20)\d{2}\s*[〕\]）)】]\s*\d{1,5}\s*号"#)

    /// The 文号 in the text, in the brackets 统一编号 uses (〔〕), each once, in order.
    public static func numbers(in text: String) -> [String] {
        var out: [String] = []
        let range = NSRange(text.startIndex..., in: text)
        for m in pattern.matches(in: text, range: range) {
            guard let r = Range(m.range, in: text) else { continue }
            let n = normalised(issuerOnly(String(text[r])))
            if !out.contains(n) { out.append(n) }
        }
        return out
    }

    /// Words that end a sentence's run of characters before a 文号 (第五条和清市监规… → 清市监规…): an issuer's
    /// abbreviation does not contain them.
    static let separators: Set<Character> = ["和", "及", "与", "或", "据", "照", "条", "款", "项", "第", "的", "对", "在", "按", "依"]

    static func issuerOnly(_ s: String) -> String {
        guard let bracket = s.firstIndex(where: { "〔[（(【".contains($0) }) else { return s }
        let head = s[..<bracket]
        guard let cut = head.lastIndex(where: { separators.contains($0) }) else { return s }
        return String(s[s.index(after: cut)...])
    }

    /// One spelling: 〔〕 for the year's brackets, no spaces.
    public static func normalised(_ number: String) -> String {
        var s = number.replacingOccurrences(of: " ", with: "")
        for open in ["[", "（", "(", "【"] { s = s.replacingOccurrences(of: open, with: "〔") }
        for close in ["]", "）", ")", "】"] { s = s.replacingOccurrences(of: close, with: "〕") }
        return s
    }
}

/// A document a case cites, as the 文件库 knows it on a day.
public struct CitedDocument: Sendable, Equatable {
    public let number: String
    public let title: String
    /// 现行有效, 未施行, 未公布, 已失效, 已废止, 已撤销.
    public let standing: String
    /// The issuing body.
    public let issuer: UUID?
    public init(number: String, title: String, standing: String, issuer: UUID? = nil) {
        self.number = number; self.title = title; self.standing = standing; self.issuer = issuer
    }
    /// May it be a basis for administration on that day.
    public var inForce: Bool { standing == "现行有效" }
}
