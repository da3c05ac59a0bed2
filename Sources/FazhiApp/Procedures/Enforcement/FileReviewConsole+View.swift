import FazhiCore
import FazhiStore
import Foundation

enum FileReviewViews {
    typealias Cell = DataTable.Cell

    static func list(_ p: FileReviewConsole.ListPage, error: String?, csrf: String) -> HTML {
        let campaigns = DataTable(
            id: "campaigns",
            columns: [.init("评查活动"), .init("结案期间"), .init("抽取案卷", numeric: true), .init("开始日期"), .init("整改期限")],
            rows: p.campaigns.map { c in
                [
                    Cell("<a href=\"/console/file-reviews/\(c.id.uuidString)\">\(c.title)</a>"),
                    .text("\(c.closedFrom.description)至\(c.closedTo.description)"), .number(c.drawn.count),
                    .text(c.createdOn.description),
                    .text(c.rectifyBy.description),
                ]
            }, empty: "尚无评查活动。")
        let mine: HTML =
            p.mine.isEmpty
            ? ""
            : """
            <section class="card" id="my-files"><h2>待我评分的案卷（\(p.mine.count)）</h2><ul>\(HTML.join(p.mine.map { f in
                "<li><a href=\"/console/file-reviews/\(f.campaignID.uuidString)/files/\(f.caseID.uuidString)\">\(f.caseNumber)</a></li>" as HTML
            }))</ul></section>
            """
        let boxes = HTML.join(
            p.bodies.map { b in
                "<label class=\"inline\"><input type=\"checkbox\" class=\"body-box\" value=\"\(b.id.uuidString)\" checked> \(b.name)</label>"
                    as HTML
            })
        let start: HTML =
            p.mayStart
            ? """
            <form method="post" action="/console/file-reviews" class="card form" id="new-campaign"><h2>组织案卷评查</h2><input type="hidden" name="_csrf" value="\(csrf)">
            <label for="title">评查活动名称</label><input id="title" name="title" required maxlength="100" value="\(p.today.year)年度行政处罚案卷评查">
            <label for="closedFrom">结案日期自</label><input id="closedFrom" name="closedFrom" type="date" required value="\(p.today.year)-01-01">
            <label for="closedTo">至</label><input id="closedTo" name="closedTo" type="date" required value="\(p.today.description)">
            <fieldset><legend>被评查单位</legend>\(boxes)</fieldset>
            <input type="hidden" id="bodies" name="bodies" value="\(p.bodies.map(\.id.uuidString).joined(separator: ","))">
            <label for="perBody">每个单位随机抽取的案卷数</label><input id="perBody" name="perBody" inputmode="numeric" value="3">
            <label for="reviewers">评查人员（每行一个用户名；每份案卷随机分配主评、复核各一人，不评查本单位的案卷）</label><textarea id="reviewers" name="reviewers" rows="3" required></textarea>
            <label for="revealed">抽取时公开产生的随机数（见证人当场输入）</label><input id="revealed" name="revealed" required maxlength="200">
            <label for="rectifyBy">不合格案卷的整改期限</label><input id="rectifyBy" name="rectifyBy" type="date" required>
            <button type="submit">抽取案卷并分配评查人员</button></form>
            <script>document.getElementById('new-campaign').addEventListener('submit',function(){document.getElementById('bodies').value=Array.from(document.querySelectorAll('.body-box:checked')).map(function(b){return b.value}).join(',')})</script>
            """
            : ""
        return """
            <p>案卷评查：按评查标准对已结案的行政处罚案卷打分。系统能从记录判断的指标（立案、告知、法制审核、期限、送达、取证记录、公示、结案）自动预判，其余由评查人员评分；否决项不合格的案卷评为不合格。抽取案卷和分配评查人员按双随机规则进行，任何人可以按公布的输入复核。</p>
            \(Views.flash(error, error: true))
            \(mine)
            \(start)
            <h2>评查活动</h2>
            \(campaigns.render())
            """
    }

    static func campaign(_ p: FileReviewConsole.CampaignPage, error: String?, csrf: String) -> HTML {
        let c = p.campaign
        let base = "/console/file-reviews/\(c.id.uuidString)"
        let files = DataTable(
            id: "review-files",
            columns: [
                .init("案卷"), .init("单位"), .init("主评／复核"), .init("系统预判未通过"), .init("得分", numeric: true), .init("结论"),
                .init("状态"),
            ],
            rows: p.files.map { f in
                let failed = (FileReviewStandard.version(c.standardVersion)?.indicators ?? [])
                    .filter { f.auto[$0.id] == false }.map(\.name).joined(separator: "；")
                return [
                    Cell("<a href=\"\(base)/files/\(f.caseID.uuidString)\">\(f.caseNumber)</a>"),
                    .text(p.names[f.bodyID]),
                    .text("\(f.reviewer)／\(f.coReviewer ?? "")"), .text(failed.isEmpty ? "—" : failed),
                    f.score.map { Cell.number($0) } ?? .text("待评分"),
                    .text(f.verdict ?? "", class: f.verdict == "不合格" ? "overdue" : nil),
                    .text(f.stage, class: f.returnedNote == nil ? nil : "overdue"),
                ]
            })
        let results = DataTable(
            id: "review-results",
            columns: [
                .init("单位"), .init("抽取", numeric: true), .init("已评", numeric: true), .init("平均分", numeric: true),
                .init("优秀", numeric: true), .init("合格", numeric: true), .init("不合格", numeric: true),
            ],
            rows: p.results.map { r in
                [
                    .text(r.name), .number(r.files), .number(r.scored),
                    Cell(
                        "\(r.average.map { String(format: "%.1f", $0) } ?? "—")", sort: String(r.average ?? -1),
                        class: "num"),
                    .number(r.excellent), .number(r.passed), .number(r.failed),
                ]
            })
        let open = p.files.filter { $0.checkedOn == nil }.count
        let issue: HTML =
            p.mayIssue
            ? PostForm(
                action: "\(base)/bulletin", id: "issue-form", csrf: csrf,
                content: """
                    <h2>制发通报</h2><p>\(open == 0 ? "全部案卷已评分并经复核确认。通报制发后评分不再修改，存在问题的单位应在整改期限前报送整改报告。" : "尚有\(open)份案卷未评分或者未经复核确认，全部确认后才能制发通报（可先下载阶段性通报稿）。")</p>
                    \(FormField(id: "rectifyBy", name: "rectifyBy", label: "整改期限（自通报之日起给足整改时间）", kind: .date, value: c.rectifyBy.description).render())
                    """, submit: "制发通报"
            ).render()
            : ""
        let bulletin: HTML =
            c.bulletinOn.map {
                "<p id=\"bulletin-issued\">已于<b>\($0.description)</b>制发通报，评分不再修改。<a href=\"\(base)/bulletin.docx\">下载评查情况通报（.docx）</a></p>"
                    as HTML
            } ?? (p.mayIssue ? "<p><a href=\"\(base)/bulletin.docx\">下载评查情况通报稿（.docx）</a></p>" : "")
        return """
            \(Views.flash(error, error: true))
            <p>结案期间：\(c.closedFrom.description)至\(c.closedTo.description)；每个单位抽取\(c.perBody)份；评查标准第\(c.standardVersion)版；不合格案卷整改期限：<b>\(c.rectifyBy.description)</b>。</p>
            <p class="muted">抽取输入哈希 <span class="mono">\(c.inputs.hash)</span>，公开随机数“\(c.revealed)”。<a href="\(base)/draw.json">下载抽取输入和结果（JSON）</a>，可用 scripts/draw-verify.py 复核。</p>
            <h2>各单位评查结果</h2>
            \(results.render())
            \(feedback(p, csrf: csrf))
            \(bulletin)
            \(issue)
            \(rectifications(p, csrf: csrf))
            <h2>抽取的案卷</h2>
            \(files.render())
            """
    }

    /// 评查结果反馈 and 异议: the organiser sends the confirmed results; each body answers once (none, or its objection) by
    /// the day; the organiser decides each objection (维持, or the files named go back to be scored again).
    static func feedback(_ p: FileReviewConsole.CampaignPage, csrf: String) -> HTML {
        let c = p.campaign
        let base = "/console/file-reviews/\(c.id.uuidString)"
        guard let due = c.objectionDue else {
            let ready = !p.files.isEmpty && p.files.allSatisfy { $0.checkedOn != nil }
            return p.mayIssue && ready
                ? PostForm(
                    action: "\(base)/results", id: "results-form", csrf: csrf,
                    content: "<h2>反馈评查结果</h2><p>全部案卷已评分并经复核确认。反馈后，被评查单位可以在规定的工作日内提出异议；期满或者各单位答复、异议处理完毕后制发通报。</p>",
                    submit: "向被评查单位反馈"
                ).render() : ""
        }
        let rows = c.bodies.filter { b in p.mayVerify || p.files.contains { $0.bodyID == b } }.map {
            body -> [DataTable.Cell] in
            let o = c.objections?[body.uuidString]
            let decide: HTML =
                p.mayVerify && o?.isOpen == true
                ? PostForm(
                    action: "\(base)/objection/\(body.uuidString)/decide", cssClass: "inline", csrf: csrf,
                    content: """
                        \(FormField(id: "decision-o-\(body.uuidString)", name: "decision", label: "处理意见", kind: .choice([.init("uphold", "异议不成立，维持评分"), .init("accept", "异议成立，退回重新评分")]), enforced: true).render())
                        \(FormField(id: "caseNumbers-\(body.uuidString)", name: "caseNumbers", label: "重新评分的案卷案号（异议成立时填写，每行一个）", kind: .longText, value: nil).render())
                        \(FormField(id: "decisionNote-\(body.uuidString)", name: "decisionNote", label: "理由", kind: .longText, value: nil).render())
                        """, submit: "处理异议"
                ).render() : ""
            let answer = o.map { o in (o.text ?? "") + (o.decisionNote.map { "（处理：\($0)）" } ?? "") } ?? ""
            return [
                .text(p.names[body] ?? ""),
                .text(o?.stage ?? (p.today > due ? "期满未提出异议" : "待答复"), class: o?.isOpen == true ? "overdue" : nil),
                DataTable.Cell("\(answer)\(decide)"),
            ]
        }
        let table = DataTable(id: "objections", columns: [.init("单位"), .init("意见"), .init("异议及处理")], rows: rows)
        let form: HTML =
            p.answersFor == nil
            ? ""
            : PostForm(
                action: "\(base)/objection", id: "objection-form", csrf: csrf,
                content: """
                    <h2>对评查结果的意见</h2><p>请在\(due.description)前答复（每个单位一次）。</p>
                    \(FormField(id: "answer", name: "answer", label: "意见", kind: .choice([.init("none", "对评查结果无异议"), .init("object", "提出异议")]), enforced: true).render())
                    \(FormField(id: "objection", name: "objection", label: "异议（写明案卷、指标和理由）", kind: .longText, value: nil).render())
                    """, submit: "提交"
            ).render()
        return """
            <h2>评查结果反馈与异议</h2><p>\(c.resultsSentOn?.description ?? "")反馈评查结果，提出异议的期限至<b>\(due.description)</b>（\(p.today > due ? "已届满" : "还有\(p.today.days(until: due))天"))。</p>
            \(table.render())
            \(form)
            """
    }

    /// After the 通报: each body with problems found, its 整改报告 or how late it is; the form for the user's own body.
    static func rectifications(_ p: FileReviewConsole.CampaignPage, csrf: String) -> HTML {
        let c = p.campaign
        guard c.bulletinOn != nil, !p.toRectify.isEmpty else { return "" }
        let late = p.today > c.rectifyBy
        let verifies = p.mayVerify
        let table = DataTable(
            id: "rectifications", columns: [.init("单位"), .init("报送日期"), .init("整改情况"), .init("核查")],
            rows: p.toRectify.map { body in (body, p.names[body] ?? "", c.rectifications?[body.uuidString]) }
                .sorted { $0.1 < $1.1 }.map { body, name, r in
                    guard let r else {
                        return [
                            DataTable.Cell(
                                "\(name) <a href=\"/console/file-reviews/\(c.id.uuidString)/notice/\(body.uuidString).docx\">整改通知书</a>"
                            ),
                            .text(late ? "逾期未报送" : "未报送（期限\(c.rectifyBy.description)）", class: late ? "overdue" : nil),
                            .text(""), .text(""),
                        ]
                    }
                    let verify: HTML =
                        verifies && r.verifiedOn == nil && r.returnedNote == nil
                        ? PostForm(
                            action: "/console/file-reviews/\(c.id.uuidString)/rectification/\(body.uuidString)/verify",
                            cssClass: "inline", csrf: csrf,
                            content: """
                                \(FormField(id: "decision-\(body.uuidString)", name: "decision", label: "核查意见", kind: .choice([.init("accept", "整改到位，核查认可"), .init("return", "整改不到位，退回")]), enforced: true).render())
                                \(FormField(id: "verifyNote-\(body.uuidString)", name: "verifyNote", label: "不到位的问题（退回时必填）", kind: .longText, value: nil).render())
                                """, submit: "提交核查意见"
                        ).render() : ""
                    let stage = r.stage + (r.returnedNote.map { "：\($0)" } ?? "")
                    return [
                        DataTable.Cell(
                            "\(name) <a href=\"/console/file-reviews/\(c.id.uuidString)/notice/\(body.uuidString).docx\">整改通知书</a>"
                        ),
                        .text(
                            r.reportedOn.description + (r.reportedOn > c.rectifyBy ? "（逾期）" : ""),
                            class: r.reportedOn > c.rectifyBy ? "overdue" : nil),
                        .text(r.report),
                        DataTable.Cell("\(stage)\(verify)", class: r.returnedNote == nil ? nil : "overdue"),
                    ]
                })
        let form: HTML =
            p.reportsFor == nil
            ? ""
            : PostForm(
                action: "/console/file-reviews/\(c.id.uuidString)/rectification", id: "rectification-form", csrf: csrf,
                content: """
                    <h2>报送整改报告</h2>
                    \(FormField(id: "report", name: "report", label: "逐案整改情况（整改期限\(c.rectifyBy.description)）", kind: .longText, value: nil).render())
                    """, submit: "报送"
            ).render()
        return """
            <h2>整改情况</h2>
            \(table.render())
            \(form)
            """
    }

    static func file(_ p: FileReviewConsole.FilePage, error: String?, csrf: String) -> HTML {
        let f = p.file, s = p.standard
        let auto = DataTable(
            id: "auto-checks",
            columns: [.init("一级指标"), .init("系统判断的指标"), .init("分值", numeric: true), .init("结果"), .init("依据")],
            rows: s.indicators.filter { $0.check != nil }.map { i in
                [
                    .text(i.group), .text(i.name + (i.veto ? "（否决项）" : "")), .number(i.points),
                    .text(f.auto[i.id] == false ? "未通过" : "通过", class: f.auto[i.id] == false ? "overdue" : nil),
                    .article(i.basis),
                ]
            }, sortable: false)
        let manual = HTML.join(
            s.indicators.filter { $0.check == nil }.map { i in
                """
                <fieldset><legend>\(i.group)：\(i.name)（\(i.points)分；\(i.basis)）</legend>
                \(FormField(id: "deduct.\(i.id)", name: "deduct.\(i.id)", label: "扣分", kind: .number, value: f.deductions[i.id].map(String.init) ?? "0").render())
                \(FormField(id: "note.\(i.id)", name: "note.\(i.id)", label: "存在的问题（扣分时必填）", kind: .longText, value: f.notes[i.id]).render())
                </fieldset>
                """ as HTML
            })
        let form: HTML =
            p.mayScore
            ? PostForm(
                action: "/console/file-reviews/\(p.campaign.id.uuidString)/files/\(f.caseID.uuidString)",
                id: "score-form",
                csrf: csrf, content: "<h2>评查人员评分</h2>\(manual)", submit: "提交评分"
            ).render()
            : "<p class=\"muted\">本案卷由评查人员 \(f.reviewer) 评分\(f.checkedOn == nil ? "" : "，复核人员已确认")。</p>"
        let check: HTML =
            p.mayCheck
            ? PostForm(
                action: "/console/file-reviews/\(p.campaign.id.uuidString)/files/\(f.caseID.uuidString)/check",
                id: "check-form", csrf: csrf,
                content: """
                    <h2>复核</h2>
                    \(FormField(id: "decision", name: "decision", label: "复核意见", kind: .choice([.init("confirm", "确认评分"), .init("return", "退回主评人员重新评分")]), enforced: true).render())
                    \(FormField(id: "returnNote", name: "returnNote", label: "退回理由（退回时必填）", kind: .longText, value: nil).render())
                    """, submit: "提交复核意见"
            ).render()
            : ""
        let returned: HTML =
            f.returnedNote.map { "<p class=\"overdue\" id=\"returned\">复核人员退回重新评分：\($0)</p>" as HTML } ?? ""
        return """
            <p>单位：\(p.bodyName)　评查人员：\(f.reviewer)（主评）／\(f.coReviewer ?? "")（复核）　状态：<b id=\"stage\">\(f.stage)</b>　<a href="\(SitePath.caseFile(f.caseID).path)">打开案卷</a>\(f.score.map { s in "　得分：<b id=\"score\">\(s)</b>（\(f.verdict ?? "")）" as HTML } ?? "")</p>
            \(Views.flash(error, error: true))
            \(returned)
            <h2>系统预判</h2>
            \(auto.render())
            \(form)
            \(check)
            """
    }

    /// One file's problems as a sentence: the case, its score and verdict, each failed indicator and deduction.
    static func problemLine(_ f: ReviewedFile, _ p: FileReviewConsole.CampaignPage, _ s: FileReviewStandard?) -> String
    {
        let autoFailed = (s?.indicators ?? []).filter { f.auto[$0.id] == false }.map(\.name)
        let manual = f.deductions.keys.sorted().map {
            "\(s?.indicator($0)?.name ?? $0)：\(f.notes[$0] ?? "")（扣\(f.deductions[$0] ?? 0)分）"
        }
        return "\(p.names[f.bodyID] ?? "")\(f.caseNumber)（\(f.score.map { "\($0)分，\(f.verdict ?? "")" } ?? "尚未评分")）："
            + (autoFailed + manual).joined(separator: "；") + "。"
    }

    /// 限期整改通知书 to one body: its files with the problems found, what to do, by when, and that it is checked.
    static func rectificationNotice(
        _ p: FileReviewConsole.CampaignPage, body: UUID, organiser: String
    ) -> DocumentText {
        let c = p.campaign, s = FileReviewStandard.version(c.standardVersion), d = c.rectifyBy
        let files = p.files.filter { $0.bodyID == body && $0.hasProblems }
        var blocks: [DocumentText.Block] = [
            .title("案卷评查限期整改通知书"),
            .paragraph("\(p.names[body] ?? "")："),
            .paragraph(
                "本机关组织的\(c.title)已于\(c.bulletinOn.map(CaseDocuments.chineseDate) ?? "")通报。你单位被评查的案卷存在下列问题："),
        ]
        blocks += files.enumerated().map { .paragraph("\($0.offset + 1). \(problemLine($0.element, p, s))") }
        blocks += [
            .paragraph(
                "请你单位逐案整改（能够补正的予以补正；决定确有错误的，依法主动改正），查找原因、完善制度，并于\(d.year)年\(d.month)月\(d.day)日前将整改情况书面报送本机关。本机关将对整改情况进行核查（《中华人民共和国行政处罚法》第七十五条第一款、《行政执法监督条例》第六条）。"
            ),
            .signature([organiser, c.bulletinOn.map(CaseDocuments.chineseDate) ?? ""]), .seal("（印章）"),
        ]
        return DocumentText(
            kind: .fileReviewRectificationNotice, blocks: blocks,
            fileName: "限期整改通知书-\(p.names[body] ?? "")-\(c.title)")
    }

    /// 通报: the campaign, the results by body, the files found 不合格 with their problems, the rectification day.
    static func bulletin(_ p: FileReviewConsole.CampaignPage, organiser: String, today: CivilDate) -> DocumentText {
        let c = p.campaign, s = FileReviewStandard.version(c.standardVersion)
        var blocks: [DocumentText.Block] = [
            .title("关于\(c.title)情况的通报"),
            .paragraph(
                "为规范行政执法行为，本机关对\(c.closedFrom.year)年\(c.closedFrom.month)月\(c.closedFrom.day)日至\(c.closedTo.year)年\(c.closedTo.month)月\(c.closedTo.day)日结案的行政处罚案卷开展了评查。按照双随机规则从\(c.bodies.count)个单位抽取案卷\(c.drawn.count)份，由非本单位的评查人员按照\(s?.name ?? "评查标准")评查。现将结果通报如下："
            ),
            .heading("一、评查结果"),
            .table(
                [["单位", "抽取", "已评", "平均分", "优秀", "合格", "不合格"]]
                    + p.results.map { r in
                        [
                            r.name, String(r.files), String(r.scored),
                            r.average.map { String(format: "%.1f", $0) } ?? "—",
                            String(r.excellent), String(r.passed), String(r.failed),
                        ]
                    }),
            .heading("二、存在的主要问题"),
        ]
        let unscored = p.files.filter { $0.checkedOn == nil }.count
        if unscored > 0 || c.bulletinOn == nil {
            blocks.insert(.paragraph("（通报稿，尚未制发：尚有\(unscored)份案卷未评分或者未经复核确认。）"), at: 2)
        }
        let failing = p.files.filter(\.hasProblems)
        if failing.isEmpty { blocks.append(.paragraph("本次评查未发现扣分问题。")) }
        for f in failing { blocks.append(.paragraph(problemLine(f, p, s))) }
        blocks += [
            .heading("三、整改要求"),
            .paragraph(
                "案卷存在问题的单位，应当逐案整改，并于\(c.rectifyBy.year)年\(c.rectifyBy.month)月\(c.rectifyBy.day)日前将整改情况书面报送本机关；本机关将对整改情况进行核查（《中华人民共和国行政处罚法》第七十五条第一款、《行政执法监督条例》第六条）。"
            ),
            .signature([organiser, CaseDocuments.chineseDate(today)]), .seal("（印章）"),
        ]
        return DocumentText(kind: .fileReviewBulletin, blocks: blocks, fileName: "案卷评查情况通报-\(c.title)")
    }
}
