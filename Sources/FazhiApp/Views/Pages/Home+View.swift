import FazhiCore
import Foundation

/// 工作台: who the user is, what waits for them (red when overdue, amber when due soon), their latest actions.
struct HomeView {
    struct Model {
        let name: String
        let organisation: String
        let grants: [String]
        let pending: [PendingItem]
        /// (record entry, time, what was done)
        let recent: [(Int, String, String)]
    }

    let model: Model

    func render() -> HTML {
        let m = model
        let grants = HTML.join(m.grants.map { "<span class=\"tag\">\($0)</span>" as HTML })
        let pending: HTML =
            m.pending.isEmpty
            ? "<p class=\"muted\">暂无待办事项。</p>"
            : "<ul class=\"pending\">\(HTML.join(m.pending.map(item)))</ul>"
        let recent = DataTable(
            columns: [.init("记录序号", numeric: true), .init("时间（北京时间）"), .init("操作")],
            rows: m.recent.map { [.number($0.0), .text($0.1), .text($0.2)] }, empty: "尚无操作记录。"
        ).render()
        return """
            <p>\(m.name)，您好。所在单位：\(m.organisation)</p>
            <p>\(grants)</p>
            <h2>待办事项（\(m.pending.count)）</h2>\(pending)
            <h2>我最近的操作</h2>
            \(recent)
            """
    }

    func item(_ i: PendingItem) -> HTML {
        let cls = i.severity == .overdue ? "due overdue" : (i.severity == .warning ? "due soon" : "")
        let title: HTML = i.link.map { "<a href=\"\($0)\">\(i.title)</a>" } ?? "\(i.title)"
        return "<li><span class=\"\(cls)\">\(title)</span><br><span class=\"muted\">\(i.detail)</span></li>"
    }
}
