import FazhiCore
import Foundation

/// A deadline as a person reads it: the due date and the days left, red when overdue, amber within three days;
/// "（暂定）" when the period runs into a year whose holiday notice is not out.
struct DeadlineCell {
    let deadline: Deadline
    let today: CivilDate

    var daysLeft: Int { deadline.daysLeft(on: today) }
    var severity: String { daysLeft < 0 ? "overdue" : (daysLeft <= 3 ? "soon" : "ok") }

    func render() -> HTML {
        "<span class=\"due \(HTML(raw: severity))\" data-sort=\"\(daysLeft)\">\(deadline.due.description)（\(deadline.statusText(on: today))）</span>"
    }
}

/// A figure of a statistic with a link to the records it counts (every number in a report can be opened).
struct FigureLink {
    let value: Int
    let path: String
    var id: String?

    func render() -> HTML {
        let idAttr: HTML = id.map { " id=\"\($0)\"" } ?? ""
        return "<a href=\"\(path)\"\(idAttr)>\(value)</a>"
    }
}

/// Page links for a long list: 上一页 · 第 n / m 页 · 下一页, keeping the other query items.
struct Pager {
    let page: Int
    let pageSize: Int
    let total: Int
    /// The list's path with its other query items (without `page`).
    let base: String

    var pages: Int { max(1, (total + pageSize - 1) / pageSize) }

    func render() -> HTML {
        guard pages > 1 else { return "" }
        let join = base.contains("?") ? "&" : "?"
        let prev: HTML =
            page > 1
            ? "<a href=\"\(base)\(join)page=\(page - 1)\" rel=\"prev\">上一页</a>" : "<span class=\"muted\">上一页</span>"
        let next: HTML =
            page < pages
            ? "<a href=\"\(base)\(join)page=\(page + 1)\" rel=\"next\">下一页</a>" : "<span class=\"muted\">下一页</span>"
        return "<nav class=\"pager\">\(prev) · 第 \(page) / \(pages) 页（共 \(total) 条） · \(next)</nav>"
    }
}
