import Foundation

/// The changes between two versions of a text, line by line (a line is an article or paragraph: 第一条…), as a reader
/// compares them: lines kept, deleted, added, and a deleted line directly followed by an added one shown as changed.
public enum TextDiff {
    public enum Line: Equatable, Sendable, Encodable {
        case same(String)
        case removed(String)
        case added(String)
        case changed(from: String, to: String)

        public var isChange: Bool {
            if case .same = self { return false }
            return true
        }
    }

    /// Lines beyond this many on either side are compared as one block (the texts are capped far below it).
    public static let maxLines = 4000

    public static func lines(_ text: String) -> [String] {
        text.components(separatedBy: .newlines).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    public static func compare(_ old: String, _ new: String) -> [Line] {
        let a = Array(lines(old).prefix(maxLines)), b = Array(lines(new).prefix(maxLines))
        // Longest common subsequence table from the end (lcs[i][j] = LCS of a[i...] and b[j...]).
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var out: [Line] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                out.append(.same(a[i])); i += 1; j += 1
            } else if i < a.count, j == b.count || lcs[i + 1][j] >= lcs[i][j + 1] {
                out.append(.removed(a[i])); i += 1
            } else {
                // An added line right after a deleted one is that line changed (第三条 reworded).
                if case .removed(let old)? = out.last {
                    out[out.count - 1] = .changed(from: old, to: b[j])
                } else {
                    out.append(.added(b[j]))
                }
                j += 1
            }
        }
        return out
    }
}
