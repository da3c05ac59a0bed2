import Foundation

/// 公开征求意见 as a part any procedure may use (行政规范性文件, 重大行政决策): while a case is in its consultation state,
/// its draft is on the portal and anyone may comment on the whole text or one article, with a receipt number; staff hide a
/// comment only with a published reason (never delete), answer each group of comments (by article, then identical text)
/// — 采纳, 部分采纳 or 不采纳 with reasons — and the adoption report (意见采纳情况) is published with the final text.
public struct ConsultationRule: Sendable {
    /// The state in which the draft is open for comment.
    public let state: String
    /// The fact holding the draft text (articles as lines starting 第…条).
    public let textFact: String
    /// Published with the draft: its explanation (起草说明) and, when the period is shorter than usual, the reason.
    public let summaryFact: String?
    public let shortPeriodReasonFact: String?
    public init(state: String, textFact: String, summaryFact: String? = nil, shortPeriodReasonFact: String? = nil) {
        self.state = state; self.textFact = textFact; self.summaryFact = summaryFact
        self.shortPeriodReasonFact = shortPeriodReasonFact
    }
}

/// One comment as kept.
public struct PublicComment: Codable, Sendable, Equatable {
    public var id: UUID
    public var caseID: UUID
    /// The article commented on (第3条 → 3), nil for the whole text.
    public var article: Int?
    public var text: String
    /// As the commenter gave it (shown masked).
    public var commenter: String
    public var receipt: String
    public var submittedOn: CivilDate
    public var hiddenReason: String?
    public var response: String?
    public var responseReason: String?

    public init(
        id: UUID = UUID(), caseID: UUID, article: Int?, text: String, commenter: String, receipt: String,
        submittedOn: CivilDate
    ) {
        self.id = id; self.caseID = caseID; self.article = article; self.text = text; self.commenter = commenter
        self.receipt = receipt; self.submittedOn = submittedOn
    }
}

public enum PublicConsultation {
    public static let responses = [
        InputField.Choice("adopted", "采纳"), .init("partly", "部分采纳"), .init("rejected", "不采纳"),
    ]
    public static let maxCommentLength = 2_000

    /// The draft's articles: each line that starts with 第…条, numbered in order (第一条 → 1).
    public static func articles(_ text: String) -> [(number: Int, text: String)] {
        var out: [(Int, String)] = []
        for line in text.components(separatedBy: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            guard t.hasPrefix("第"), let end = t.firstIndex(of: "条"), t.distance(from: t.startIndex, to: end) <= 8 else {
                continue
            }
            out.append((out.count + 1, t))
        }
        return out
    }

    /// 第三条 for 3, as the draft writes it (1 to 999).
    public static func articleName(_ n: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard (1...999).contains(n) else { return "第\(n)条" }
        var s = ""
        let h = n / 100, t = (n / 10) % 10, u = n % 10
        if h > 0 { s += digits[h] + "百" }
        if t > 0 { s += (t == 1 && h == 0 ? "" : digits[t]) + "十" } else if h > 0 && u > 0 { s += "零" }
        if u > 0 { s += digits[u] }
        return "第\(s)条"
    }

    /// A group of comments answered together: the same article and the same text (whitespace aside).
    public struct Group: Sendable {
        public let key: String
        public let article: Int?
        public let text: String
        public let comments: [PublicComment]
        public var response: String? { comments.first?.response }
        public var responseReason: String? { comments.first?.responseReason }
    }

    public static func groupKey(_ c: PublicComment) -> String {
        "\(c.article.map(String.init) ?? "全文")|\(c.text.filter { !$0.isWhitespace })"
    }

    /// The visible comments grouped, by article (the whole text first) then by first submission.
    public static func groups(_ comments: [PublicComment]) -> [Group] {
        let visible = comments.filter { $0.hiddenReason == nil }
        var order: [String] = []
        var byKey: [String: [PublicComment]] = [:]
        for c in visible.sorted(by: { ($0.submittedOn, $0.receipt) < ($1.submittedOn, $1.receipt) }) {
            let k = groupKey(c)
            if byKey[k] == nil { order.append(k) }
            byKey[k, default: []].append(c)
        }
        return order.map { k in
            let cs = byKey[k] ?? []
            return Group(key: k, article: cs.first?.article, text: cs.first?.text ?? "", comments: cs)
        }.sorted { ($0.article ?? 0) < ($1.article ?? 0) }
    }

    /// The adoption report's lines: each group's article, its count, the answer and its reason.
    public static func adoptionReport(_ comments: [PublicComment]) -> [[String]] {
        [["条款", "意见", "条数", "处理", "理由"]]
            + groups(comments).map { g in
                [
                    g.article.map(articleName) ?? "全文", g.text, String(g.comments.count),
                    InputField.Choice.label(g.response, in: responses), g.responseReason ?? "",
                ]
            }
    }
}
