import Foundation

/// Part 四 of the 政府信息公开工作年度报告 (政府信息公开条例 第五十条第三项): the 行政复议 and 行政诉讼 brought over the
/// body's 政府信息公开 work, by route and result as the national template has them (结果维持, 结果纠正, 其他结果, 尚未审结,
/// 总计). Read from every procedure that declares how it reviews acts (`ActReview`): its cases whose act is 政府信息公开 and
/// whose respondent is one of the bodies.
public struct DisclosureReviewFigures: Sendable {
    /// One reviewing case: how it reviews, the case, and the name of the body it belongs to.
    public typealias Review = (review: ActReview, file: CaseFile, bodyName: String)

    /// Case ids by route and result.
    public let cases: [ActReview.Route: [ActReview.Result: [UUID]]]

    public init(_ reviews: [Review], respondents: Set<String>) {
        var out: [ActReview.Route: [ActReview.Result: [UUID]]] = [:]
        for r in reviews where r.review.actKind(r.file) == ActReview.informationDisclosure {
            guard respondents.contains(r.review.respondent(r.file) ?? r.bodyName) else { continue }
            out[r.review.route(r.file), default: [:]][r.review.result(r.file), default: []].append(r.file.id)
        }
        cases = out
    }

    public func count(_ route: ActReview.Route, _ result: ActReview.Result? = nil) -> Int {
        guard let result else { return (cases[route] ?? [:]).values.reduce(0) { $0 + $1.count } }
        return cases[route]?[result]?.count ?? 0
    }

    /// The template's figures, one line per route (so the table fits an A4 page): its four results and 总计.
    public var table: [[String]] {
        let results = ActReview.Result.allCases
        return [["类别"] + results.map(\.rawValue) + ["总计"]]
            + ActReview.Route.allCases.map { r in
                [r.rawValue] + results.map { String(count(r, $0)) } + [String(count(r))]
            }
    }
}
