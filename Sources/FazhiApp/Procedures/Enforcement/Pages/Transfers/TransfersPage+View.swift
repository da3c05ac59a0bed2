import FazhiCore
import Foundation

extension TransfersPage {
    struct View {
        let model: Model

        func render() -> HTML {
            let m = model
            let summary = DataTable(
                id: "transfer-summary",
                columns: [.init("执法主体"), .init("移送", numeric: true)]
                    + m.statuses.map { .init($0.chineseName, numeric: true) },
                rows: m.bodies.map { b in
                    [.text(b.name), .number(b.transferred)]
                        + m.statuses.map { s in
                            let v = b.byStatus[s] ?? 0
                            return DataTable.Cell(
                                "\(v)", sort: String(v), class: s == .notTransferred && v > 0 ? "due overdue" : "num")
                        }
                }, empty: "本年度没有涉嫌犯罪的案件。"
            ).render()
            let cases = DataTable(
                id: "transfers",
                columns: ["案号", "执法主体", "当事人", "涉嫌犯罪的事实", "认定日期", "移送日期", "接收机关", "移送书文号", "状态", "反馈日期", "反馈"].map {
                    .init($0)
                }
                    + [.init("已等待", numeric: true)],
                rows: m.cases.map { c in
                    let t = c.transfer
                    return [
                        .link(c.number, .caseFile(c.id), class: "mono"), .text(c.body), .text(c.party),
                        .text(t.crimeReason), .text(t.markedOn?.description),
                        .text(t.transferredOn?.description), .text(t.receivingOrgan),
                        .text(t.transferNumber, class: "mono"),
                        DataTable.Cell("<span class=\"tag\">\(t.status.chineseName)</span>"),
                        .text(t.feedbackOn?.description), .text(t.feedback),
                        DataTable.Cell(
                            "\(c.daysWaiting.map { "\($0) 天" } ?? "")", sort: String(c.daysWaiting ?? -1),
                            class: t.status == .notTransferred ? "due overdue" : "num"),
                    ]
                }, empty: "没有案件。"
            ).render()
            let filters = HTML.join(
                m.filters.map { f in f.current ? "<b>\(f.label)</b> " : "<a href=\"\(f.path)\">\(f.label)</a> " as HTML
                })
            return """
                <p>行政执法与刑事司法衔接：认定涉嫌犯罪的案件只能以移送结案（《中华人民共和国行政处罚法》第二十七条、第五十七条、第八十二条，禁止以罚代刑）。
                本页列出 \(m.year) 年登记、认定涉嫌犯罪或已移送的案件及接收机关的反馈。</p>
                <form method="get" action="\(SitePath.transfers.path)" class="card search"><label for="year">年度</label><input id="year" name="year" type="number" value="\(m.year)"><button type="submit">查看</button></form>
                <h2>按执法主体</h2>
                \(summary)
                <h2>案件</h2><p class="filters">\(filters)</p>
                \(cases)
                """
        }
    }
}
