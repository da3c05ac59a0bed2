import Foundation

/// How a procedure's cases review another body's administrative act (行政复议 of an act, 行政诉讼 against it), declared by
/// the module that runs them, so that a report about the acts of one kind (the 政府信息公开年报's part 四) can count them
/// without naming the procedures.
public struct ActReview: Sendable {
    /// The route the review takes, as the 政府信息公开年报 template columns them.
    public enum Route: String, Sendable, CaseIterable {
        case reconsideration = "行政复议"
        case suit = "行政诉讼：未经复议直接起诉"
        case suitAfterReconsideration = "行政诉讼：复议后起诉"
    }
    /// How the review came out for the act.
    public enum Result: String, Sendable, CaseIterable {
        case upheld = "结果维持"
        case corrected = "结果纠正"
        case other = "其他结果"
        case pending = "尚未审结"
    }

    public let route: @Sendable (CaseFile) -> Route
    /// The kind of act reviewed (`info_disclosure` for 政府信息公开, as every module's act-kind list spells it).
    public let actKind: @Sendable (CaseFile) -> String?
    /// The body whose act is reviewed, by name; nil when it is the case's own body (the defendant in 应诉).
    public let respondent: @Sendable (CaseFile) -> String?
    public let result: @Sendable (CaseFile) -> Result

    public init(
        route: @escaping @Sendable (CaseFile) -> Route, actKind: @escaping @Sendable (CaseFile) -> String?,
        respondent: @escaping @Sendable (CaseFile) -> String?, result: @escaping @Sendable (CaseFile) -> Result
    ) {
        self.route = route; self.actKind = actKind; self.respondent = respondent; self.result = result
    }

    /// The act kind of 政府信息公开 in every module's list of act kinds.
    public static let informationDisclosure = "info_disclosure"
}
