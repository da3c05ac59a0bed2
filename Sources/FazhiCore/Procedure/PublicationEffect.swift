import Foundation

/// What a step does to the public record of a decision (事后公示).
public enum PublicationEffect: String, Sendable, Codable {
    /// Publish the decision (行政处罚法 第四十八条第一款; 三项制度).
    case publish
    /// Withdraw it, with the reason made public (第四十八条第二款).
    case withdraw
}
