/// An error a user can act on, in Chinese, naming the field or the rule. The HTTP layer maps each case to a
/// status (422, 404, 403, 409); the CLI prints the message and exits non-zero.
public enum DomainError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A field's value is not acceptable (422).
    case invalid(field: String, message: String)
    /// Nothing of that kind exists, or the user may not see it (404).
    case notFound(String)
    /// The user may see it but not do this; `article` names the rule that refuses, if a statute does (403).
    case forbidden(String, article: String? = nil)
    /// The change collides with what is stored: a duplicate, or a stale version (409).
    case conflict(field: String?, message: String)
    /// A statute refuses the step: out of order or a gate not met (409), or a value the rule does not allow
    /// when `field` is named (422). `article` is the refusing rule, e.g. 行政处罚法 第五十八条.
    case refused(field: String? = nil, message: String, article: String)

    /// What a page shows beside the field it names (the field itself is marked there, so its key is left out).
    public var message: String {
        switch self {
        case .invalid(_, let m): return m
        case .conflict(_, let m): return m
        default: return description
        }
    }

    public var description: String {
        switch self {
        case .invalid(let f, let m): return "\(f)：\(m)"
        case .notFound(let m): return m
        case .forbidden(let m, let a): return a.map { "\(m)（依据：\($0)）" } ?? m
        case .conflict(let f, let m): return f.map { "\($0)：\(m)" } ?? m
        case .refused(_, let m, let a): return "\(m)（依据：\(a)）"
        }
    }
}
