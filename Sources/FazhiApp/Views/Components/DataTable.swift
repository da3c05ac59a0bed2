import FazhiCore
import Foundation

/// A data table (数据表): a header, rows of cells, each cell with an optional sort key so the table script sorts numbers
/// and dates as numbers; wrapped to scroll sideways on a phone. The one place a page's table markup is written.
struct DataTable {
    struct Column {
        let title: String
        /// Right-aligned, sorted as a number.
        let numeric: Bool
        init(_ title: String, numeric: Bool = false) { self.title = title; self.numeric = numeric }
    }

    struct Cell {
        let content: HTML
        /// What the table script sorts by (a number, a date); the text when nil.
        let sort: String?
        let cssClass: String?

        init(_ content: HTML, sort: String? = nil, class cssClass: String? = nil) {
            self.content = content; self.sort = sort; self.cssClass = cssClass
        }
        static func text(_ s: String?, class cssClass: String? = nil) -> Cell { Cell("\(s ?? "")", class: cssClass) }
        static func link(_ s: String, _ path: SitePath, class cssClass: String? = nil) -> Cell {
            Cell("<a href=\"\(path.path)\">\(s)</a>", class: cssClass)
        }
        static func number(_ n: Int, link path: SitePath? = nil) -> Cell {
            Cell(path.map { "<a href=\"\($0.path)\">\(n)</a>" } ?? "\(n)", sort: String(n), class: "num")
        }
        /// An amount in yuan; its sort key is bounded, so no stored value can trap the page (an `Int` of 1e308 would).
        static func money(_ yuan: Double?) -> Cell {
            let v = yuan ?? 0
            let sort = v.isFinite && abs(v) < 1e15 ? String(Int(v.rounded())) : (v > 0 ? "1000000000000000" : "0")
            return Cell("\(yuan.map { Yuan.text($0) } ?? "")", sort: sort, class: "num")
        }
        static func deadline(_ d: Deadline, today: CivilDate) -> Cell {
            Cell(DeadlineCell(deadline: d, today: today).render(), sort: String(d.daysLeft(on: today)))
        }
        /// The article a rule rests on, in the small style of citations.
        static func article(_ s: String?) -> Cell { Cell("\(s ?? "")", class: "article") }
    }

    var id: String?
    var columns: [Column]
    var rows: [[Cell]]
    /// Shown instead of an empty table.
    var empty: String = "没有记录。"
    /// Sortable and filterable by the table script (`table.data`).
    var sortable = true
    /// A class for each row (`withdrawn`, `unused`), by position; rows past its end have none.
    var rowClasses: [String?] = []

    func render() -> HTML {
        // An empty table keeps its id on the note that replaces it, so the page has the same anchors either way.
        guard !rows.isEmpty else {
            return "<p class=\"muted\"\(HTML(raw: id.map { " id=\"\(HTML.escape($0))\"" } ?? ""))>\(empty)</p>"
        }
        let head = HTML.join(columns.map { c in "<th\(HTML(raw: c.numeric ? " class=\"num\"" : ""))>\(c.title)</th>" })
        let body = HTML.join(
            rows.enumerated().map { (i, row) in
                let cells = HTML.join(
                    row.map { c in
                        let cls: HTML = c.cssClass.map { " class=\"\($0)\"" } ?? ""
                        let sort: HTML = c.sort.map { " data-sort=\"\($0)\"" } ?? ""
                        return "<td\(cls)\(sort)>\(c.content)</td>"
                    })
                let cls: HTML = (i < rowClasses.count ? rowClasses[i] : nil).map { " class=\"\($0)\"" } ?? ""
                return "<tr\(cls)>\(cells)</tr>"
            })
        let idAttr: HTML = id.map { " id=\"\($0)\"" } ?? ""
        return
            "<div class=\"table-wrap\"><table\(HTML(raw: sortable ? " class=\"data\"" : ""))\(idAttr)><thead><tr>\(head)</tr></thead><tbody>\(body)</tbody></table></div>"
    }
}

/// A definition list of facts (事实): label and value pairs in a card.
struct FactList {
    var items: [(label: String, value: String)]
    var empty: (label: String, value: String)
    /// Facts that name another record, each a link to it.
    var links: [(label: String, text: String, path: String)] = []

    func render() -> HTML {
        let shown = items.isEmpty && links.isEmpty ? [empty] : items
        let linked = links.map { "<dt>\($0.label)</dt><dd><a href=\"\($0.path)\">\($0.text)</a></dd>" as HTML }
        return
            "<dl class=\"card facts\">\(HTML.join(shown.map { "<dt>\($0.label)</dt><dd>\($0.value)</dd>" as HTML } + linked))</dl>"
    }
}
