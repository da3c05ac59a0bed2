import FazhiCore
import FazhiStore
import Vapor

/// 两法衔接 overview: every case marked 涉嫌犯罪 or transferred, with where it stands (not yet transferred, waiting
/// for feedback, accepted, returned), per body counts as the seeds report them ("移送公安机关处理案件3件，退回1件").
enum TransfersConsole {
    static func register(_ console: any RoutesBuilder) {
        console.get("transfers") { req async throws -> Response in
            let user = try req.requireUser()
            let today = req.fazhi.today
            let year = req.query[Int.self, at: "year"] ?? today.year
            let status = req.query[String.self, at: "status"].flatMap(CriminalTransfer.Status.init(rawValue:))
            let names = try await CasesConsole.bodyNames(req)
            let cases = try await CaseStore.transferCases(bodies: user.readable, since: year, on: req.db)
                .filter { $0.openedOn < String(format: "%04d-01-01", year + 1) }
                .compactMap { c in CriminalTransfer.of(c.file).map { (c, $0) } }
            var counts: [UUID: [CriminalTransfer.Status: Int]] = [:]
            for (c, t) in cases { counts[c.file.bodyID, default: [:]][t.status, default: 0] += 1 }
            let statuses = CriminalTransfer.Status.allCases
            let summary = counts.keys.sorted { (names[$0] ?? "") < (names[$1] ?? "") }.map { body -> HTML in
                let n = counts[body]!
                let cells = statuses.map { s -> HTML in
                    let v = n[s] ?? 0
                    return "<td class=\"\(HTML(raw: s == .notTransferred && v > 0 ? "due overdue" : ""))\" data-sort=\"\(v)\">\(v)</td>"
                }
                return "<tr><td>\(names[body] ?? "")</td><td>\(n.values.reduce(0, +) - (n[.notTransferred] ?? 0))</td>\(HTML.join(cells))</tr>"
            }
            let shown = cases.filter { status == nil || $0.1.status == status }
            let rows = shown.map { (c, t) -> HTML in
                let waiting = t.daysWaiting(today: today)
                return """
                <tr><td class="mono"><a href="/console/cases/\(c.id.uuidString)">\(c.number)</a></td><td>\(names[c.file.bodyID] ?? "")</td>
                <td>\(c.file.facts[EnforcementFact.partyName] ?? "")</td><td>\(t.crimeReason ?? "")</td><td>\(t.markedOn?.description ?? "")</td>
                <td>\(t.transferredOn?.description ?? "")</td><td>\(t.receivingOrgan ?? "")</td><td class="mono">\(t.transferNumber ?? "")</td>
                <td><span class="tag">\(t.status.chineseName)</span></td><td>\(t.feedbackOn?.description ?? "")</td><td>\(t.feedback ?? "")</td>
                <td data-sort="\(waiting ?? -1)" class="\(HTML(raw: t.status == .notTransferred ? "due overdue" : ""))">\(waiting.map { "\($0) 天" } ?? "")</td></tr>
                """
            }
            let filters = HTML.join(([nil] + statuses.map { Optional($0) }).map { s -> HTML in
                let label = s?.chineseName ?? "全部"
                let href = "/console/transfers?year=\(year)" + (s.map { "&status=\($0.rawValue)" } ?? "")
                return s == status ? "<b>\(label)</b> " : "<a href=\"\(href)\">\(label)</a> "
            })
            return Views.console("两法衔接", user: user, request: req, active: "/console/transfers", """
            <p>行政执法与刑事司法衔接：认定涉嫌犯罪的案件只能以移送结案（《中华人民共和国行政处罚法》第二十七条、第五十七条、第八十二条，禁止以罚代刑）。
            本页列出 \(year) 年登记、认定涉嫌犯罪或已移送的案件及接收机关的反馈。</p>
            <form method="get" action="/console/transfers" class="card search"><label for="year">年度</label><input id="year" name="year" type="number" value="\(year)"><button type="submit">查看</button></form>
            <h2>按执法主体</h2>
            <div class="table-wrap"><table class="data" id="transfer-summary"><thead><tr><th>执法主体</th><th>移送</th>\(HTML.join(statuses.map { "<th>\($0.chineseName)</th>" as HTML }))</tr></thead>
            <tbody>\(summary.isEmpty ? HTML("<tr><td colspan=\"6\" class=\"muted\">本年度没有涉嫌犯罪的案件。</td></tr>") : HTML.join(summary))</tbody></table></div>
            <h2>案件</h2><p class="filters">\(filters)</p>
            <div class="table-wrap"><table class="data" id="transfers"><thead><tr><th>案号</th><th>执法主体</th><th>当事人</th><th>涉嫌犯罪的事实</th><th>认定日期</th><th>移送日期</th>
            <th>接收机关</th><th>移送书文号</th><th>状态</th><th>反馈日期</th><th>反馈</th><th>已等待</th></tr></thead><tbody>\(HTML.join(rows))</tbody></table></div>
            """)
        }
    }
}
