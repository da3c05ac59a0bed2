import FazhiCore

/// A 文书 as a page shows it to the person it is addressed to: title, paragraphs, fields, tables and the signature lines.
enum DocumentView {
    static func render(_ d: DocumentText) -> HTML {
        HTML.join(
            d.blocks.map { b -> HTML in
                switch b {
                case .title(let s): "<h3 class=\"doc-title\">\(s)</h3>"
                case .centered(let s): "<p class=\"center\">\(s)</p>"
                case .heading(let s): "<h4>\(s)</h4>"
                case .paragraph(let s): HTML.join(s.components(separatedBy: "\n").map { "<p>\($0)</p>" as HTML })
                case .field(let l, let v): "<p><b>\(l)：</b>\(v)</p>"
                case .table(let rows):
                    "<table class=\"data\">\(HTML.join(rows.map { r in "<tr>\(HTML.join(r.map { "<td>\($0)</td>" as HTML }))</tr>" as HTML }))</table>"
                case .signature(let lines): "<p class=\"right\">\(HTML.join(lines.map { "\($0)<br>" as HTML }))</p>"
                case .seal: ""
                }
            })
    }
}
