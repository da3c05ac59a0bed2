import Foundation

/// A chart drawn on the server as SVG (no script, nothing loaded from outside): one bar per item with its value, each
/// bar a link to the records it counts; a second value may be drawn inside the first (纠错 of 审结, 罚没 of 罚款).
/// Rows run across for named items (bodies, 被申请人), columns stand up for a sequence (the months).
struct BarChart {
    struct Bar {
        let label: String
        let value: Double
        /// The part of the value drawn darker inside the bar (nil: none).
        var inner: Double? = nil
        /// The value as written at the bar's end (e.g. "12件", "3.5万元").
        let text: String
        var link: String? = nil
    }

    enum Layout { case rows, columns }

    let id: String
    /// What the chart shows, for screen readers and as its caption.
    let title: String
    let bars: [Bar]
    var layout: Layout = .rows
    /// The legend of the outer and the inner value, when there is an inner one.
    var legend: (outer: String, inner: String)? = nil

    func render() -> HTML {
        guard !bars.isEmpty else { return "" }
        let top = max(bars.map(\.value).max() ?? 0, 1)
        let body = layout == .rows ? rows(top) : columns(top)
        let key: HTML =
            legend.map {
                "<p class=\"chart-legend muted small\"><span class=\"swatch outer\"></span>\($0.outer)　<span class=\"swatch inner\"></span>\($0.inner)</p>"
            } ?? ""
        return "<figure class=\"chart\" id=\"\(id)\"><figcaption>\(title)</figcaption>\(body)\(key)</figure>"
    }

    /// One bar a row: the label on the left, the bar, the value after it.
    func rows(_ top: Double) -> HTML {
        let rowHeight = 26, labelWidth = 210, barWidth = 330, height = bars.count * rowHeight + 4
        let items = HTML.join(
            bars.enumerated().map { i, b in
                let y = i * rowHeight + 4
                let w = Int((b.value / top * Double(barWidth)).rounded())
                let inner = b.inner.map { Int(($0 / top * Double(barWidth)).rounded()) } ?? 0
                let shapes: HTML = """
                    <text x="\(labelWidth - 6)" y="\(y + 15)" text-anchor="end">\(b.label.count > 16 ? String(b.label.prefix(15)) + "…" : b.label)</text>\
                    <rect class="outer" x="\(labelWidth)" y="\(y + 3)" width="\(max(w, b.value > 0 ? 2 : 0))" height="16" rx="2"/>\
                    <rect class="inner" x="\(labelWidth)" y="\(y + 3)" width="\(inner)" height="16" rx="2"/>\
                    <text x="\(labelWidth + max(w, 2) + 6)" y="\(y + 15)">\(b.text)</text>
                    """
                return link(b, shapes)
            })
        return
            "<svg viewBox=\"0 0 \(labelWidth + barWidth + 100) \(height)\" role=\"img\" aria-label=\"\(title)\" class=\"bars\">\(items)</svg>"
    }

    /// One column a step: the label under it, the value above it.
    func columns(_ top: Double) -> HTML {
        let step = 46, chartHeight = 150, base = chartHeight + 8, width = bars.count * step + 10
        let items = HTML.join(
            bars.enumerated().map { i, b in
                let x = i * step + 10
                let h = Int((b.value / top * Double(chartHeight - 20)).rounded())
                let inner = b.inner.map { Int(($0 / top * Double(chartHeight - 20)).rounded()) } ?? 0
                let shapes: HTML = """
                    <rect class="outer" x="\(x)" y="\(base - h)" width="30" height="\(h)" rx="2"/>\
                    <rect class="inner" x="\(x)" y="\(base - inner)" width="30" height="\(inner)" rx="2"/>\
                    <text x="\(x + 15)" y="\(base - h - 4)" text-anchor="middle">\(b.text)</text>\
                    <text x="\(x + 15)" y="\(base + 16)" text-anchor="middle">\(b.label)</text>
                    """
                return link(b, shapes)
            })
        return
            "<svg viewBox=\"0 0 \(width) \(base + 24)\" role=\"img\" aria-label=\"\(title)\" class=\"bars\">\(items)</svg>"
    }

    func link(_ b: Bar, _ shapes: HTML) -> HTML {
        let tip: HTML = "<title>\(b.label)：\(b.text)</title>"
        guard let href = b.link else { return "<g>\(tip)\(shapes)</g>" }
        return "<a href=\"\(href)\">\(tip)\(shapes)</a>"
    }
}
