import FazhiCore
import FazhiOffice
import FazhiStore
import Foundation

extension AssessmentPage {
    /// The ranking, one unit's indicators with their forms, and the export, from the model alone.
    struct View {
        struct Model {
            let q: Query
            let csrf: String
            let error: String?
            /// The figures an imported indicator may name (for the importer).
            var keys: [String: FigureOut] = [:]
            /// The year's 督察 draws as the record holds them (seq, when, draw).
            var draws: [(Int64, String, InspectionOpening.DrawRecord)] = []
            /// The year's published draw plans, newest first.
            var plans: [(Int64, InspectionOpening.Plan)] = []
        }
        let model: Model

        func render() -> HTML {
            let m = model, q = model.q
            let head: HTML = """
                \(m.error.map { Views.flash($0, error: true) } ?? "")
                <form method="get" class="search"><label for="year">年度</label><input id="year" name="year" type="number" value="\(q.year)" min="2000" max="2100"><button type="submit">查看</button></form>
                """
            guard let scheme = q.scheme else {
                return """
                    \(head)<p class="muted" id="assessment-empty">\(q.year)年尚未导入考核方案。</p>\(importForm())
                    """
            }
            let info: HTML = """
                <p>\(q.year)年考核方案第\(scheme.version)版（\(q.importedBy)于\(q.importedOn)导入）：\(scheme.leaves.count)项计分指标，满分\(Yuan.number(scheme.referenceFull))分\(bonusText(scheme))。系统统计的指标随数据实时计分；评分项以考核人员的评分计入，未评分的暂计0分。\(gradeText(scheme))
                <a href="\(SitePath.assessment(year: q.year).path)&format=xlsx" id="assessment-xlsx">导出得分（Excel）</a> · <a href="\(SitePath.assessment(year: q.year).path)&format=template">下载指标表</a></p>
                """
            if let unit = q.unit { return "\(head)\(info)\(detail(unit, scheme))" }
            return "\(head)\(info)\(ranking(scheme))\(inspectionForms())\(importForm())"
        }

        func bonusText(_ scheme: AssessmentScheme) -> String {
            let bonus = min(
                scheme.leaves.filter { $0.rule == .bonus }.map(\.maxScore).reduce(0, +), scheme.bonusCap ?? .infinity)
            return bonus > 0 ? "，另有加分项最高\(Yuan.number(bonus))分" : ""
        }

        /// The 等次 lines in words, and what 一票否决/降等 do.
        func gradeText(_ scheme: AssessmentScheme) -> String {
            let text = (scheme.gradeLines ?? AssessmentGradeLines(values: AssessmentGrade.usualLines, percent: true))
                .text
            let vetoes = scheme.leaves.contains { if case .veto = $0.rule { true } else { false } }
            return "等次：\(text)\(scheme.gradeLines == nil ? "（通常做法，方案未另定）" : "")"
                + (vetoes ? "；发生一票否决事项的为不合格，发生降等事项的降低一个等次。" : "。")
                + (scheme.leaves.contains { $0.appliesTo != nil }
                    ? "部分指标只适用于某类单位：各单位的满分为其适用指标之和，等次和排名按折算为百分制的得分。" : "")
                + "有待评分指标的，等次待定。"
        }

        /// 等次 with what lowered it; 待定 while an indicator awaits the assessor; 不适用 with nothing to score.
        func gradeCell(_ u: UnitScore) -> String {
            let r = u.result
            guard r.full > 0 else { return "不适用（无适用的考核指标）" }
            let why = r.vetoes.map { "一票否决：\($0.name)" } + r.demotions.map { "降等：\($0.name)" }
            // Only a 一票否决 settles the 等次 before every score is in (a 降等 lowers a grade not yet known).
            if r.vetoes.isEmpty, r.pending > 0 { return "待定（\(r.pending)项待评分）" }
            return r.grade.rawValue + (why.isEmpty ? "" : "（\(why.joined(separator: "；"))）")
        }

        func ranking(_ scheme: AssessmentScheme) -> HTML {
            let q = model.q, ranks = q.ranks
            let top = scheme.indicators.filter { $0.level == 1 }
            let table = DataTable(
                id: "assessment-ranking",
                columns: [.init("类别")] + (q.mayAssess ? [.init("名次", numeric: true)] : []) + [.init("单位")]
                    + top.map { .init("\($0.code) \($0.name)\(headingScore(scheme, $0.code))", numeric: true) }
                    + [
                        .init("总分", numeric: true), .init("满分", numeric: true),
                        .init("折算得分（百分制）", numeric: true), .init("等次"),
                        .init("待评分", numeric: true),
                    ],
                rows: q.units.map { u in
                    [DataTable.Cell.text(u.category.rawValue)]
                        + (q.mayAssess ? [DataTable.Cell.number(ranks[u.id] ?? 0)] : [])
                        + [.link(u.name, .assessment(year: q.year, unit: u.id))]
                        + top.map { h in score(subtotal(u, scheme, h.code)) }
                        + [
                            score(u.total), score(u.result.full), score(u.scaled),
                            .text(gradeCell(u), class: u.result.vetoes.isEmpty ? nil : "overdue"), .number(u.pending),
                        ]
                }, empty: "没有可以考核的单位。"
            ).render()
            let chart = BarChart(
                id: "assessment-chart", title: "\(q.year)年考核得分（折算为百分制）",
                bars: q.units.map { u in
                    BarChart.Bar(
                        label: u.name, value: u.scaled, text: "\(Yuan.number(u.scaled))分",
                        link: SitePath.assessment(year: q.year, unit: u.id).path)
                }
            ).render()
            return "<h2>得分排名</h2>\(chart)\(table)"
        }

        /// "（20分）", or "（加分项）" for a heading of 加分 alone.
        func headingScore(_ scheme: AssessmentScheme, _ code: String) -> String {
            let full = scheme.maxScore(of: code)
            return full > 0 ? "（\(Yuan.number(full))分）" : "（加分项）"
        }

        func subtotal(_ u: UnitScore, _ scheme: AssessmentScheme, _ code: String) -> Double {
            scheme.leaves.filter { $0.code == code || $0.code.hasPrefix(code + ".") }.compactMap {
                u.points[$0.code] ?? nil
            }
            .reduce(0, +)
        }

        func score(_ v: Double) -> DataTable.Cell { DataTable.Cell("\(Yuan.number(v))", sort: String(v), class: "num") }

        /// One unit: each indicator with its rule, the figure read, the points, the 自评 and 评分 with evidence.
        func detail(_ u: UnitScore, _ scheme: AssessmentScheme) -> HTML {
            let q = model.q
            let rows = HTML.join(
                scheme.indicators.map { i -> HTML in
                    guard i.rule != nil else {
                        return
                            "<tr class=\"group\"><th colspan=\"6\">\(i.code) \(i.name)\(headingScore(scheme, i.code))</th></tr>"
                    }
                    let otherKind = !i.applies(to: u.kinds)
                    let notApplicable = otherKind || (i.base.map { (u.figures[$0] ?? 0) == 0 } ?? false)
                    let figure: HTML =
                        notApplicable
                        ? "<span class=\"muted\">不适用\(otherKind ? "（适用于\((i.appliesTo ?? []).map(\.rawValue).joined(separator: "、"))）" : "")</span>"
                        : i.figure.map { f in
                            let unit = q.figureUnits[f] ?? ""
                            return "\(ReportFigure.text(u.figures[f] ?? 0, unit: unit))\(unit == "比率" ? "" : unit)"
                        } ?? ""
                    let points = pointsCell(u, i)
                    let given = HTML.join(
                        AssessmentScore.Kind.allCases.compactMap { k in
                            u.given[i.code]?[k].map { s in
                                "<div><b>\(k.chineseName) \(Yuan.number(s.score))分</b>：\(s.evidence) <span class=\"muted\">（\(s.by)，\(s.on)）</span>\(fileLinks(u, i, k))</div>"
                                    as HTML
                            }
                        })
                    let scored = i.isAssessorScored && !otherKind
                    let forms: HTML = scored ? scoreForms(u, i) : ""
                    let full = i.hasPoints ? Yuan.number(i.maxScore) : "—"
                    return """
                        <tr id="indicator-\(i.code)"><td>\(i.code)</td><td>\(i.name)\(i.note.isEmpty ? "" : "<div class=\"muted\">\(i.note)</div>" as HTML)</td><td class="num">\(full)</td><td>\(i.ruleText(unit: i.figure.flatMap { q.figureUnits[$0] } ?? ""))</td><td class="num">\(figure)</td><td class="num">\(points)</td></tr>
                        \(u.given[i.code] == nil && !scored ? "" : "<tr><td></td><td colspan=\"5\">\(given)\(forms)</td></tr>" as HTML)
                        """
                })
            return """
                <h2>\(u.name)：\(Yuan.number(u.total))分（满分\(Yuan.number(u.result.full))分\(u.result.bonus > 0 ? "，含加分\(Yuan.number(u.result.bonus))分" : "")），\(gradeCell(u))\(q.mayAssess ? "（\(u.category.rawValue)第\(q.ranks[u.id] ?? 0)名）" : "")\(u.pending > 0 ? "，\(u.pending)项待评分" : "")</h2>
                <p><a href="\(SitePath.assessment(year: q.year).path)">返回排名</a></p>
                <div class="scroll"><table class="data" id="assessment-detail"><thead><tr><th>编号</th><th>指标</th><th class="num">分值</th><th>计分方法</th><th class="num">\(q.year)年数据</th><th class="num">得分</th></tr></thead><tbody>\(rows)</tbody></table></div>
                """
        }

        /// The points of a leaf for the unit; for 一票否决/降等, whether it happened.
        func pointsCell(_ u: UnitScore, _ i: AssessmentIndicator) -> HTML {
            guard i.applies(to: u.kinds) else { return "—" }
            if case .veto = i.rule {
                let hit = (u.result.vetoes + u.result.demotions).contains { $0.code == i.code }
                return hit ? "<span class=\"overdue\">发生</span>" : "未发生"
            }
            return (u.points[i.code] ?? nil).map { "\(Yuan.number($0))" } ?? "<span class=\"overdue\">待评分</span>"
        }

        func scoreForms(_ u: UnitScore, _ i: AssessmentIndicator) -> HTML {
            let q = model.q
            let kinds = AssessmentScore.Kind.allCases.filter {
                $0 == .assessor ? q.mayAssess && u.id != q.own : q.mayReport
            }
            let isVeto = if case .veto = i.rule { true } else { false }
            return HTML.join(
                kinds.map { k -> HTML in
                    let form = PostForm(
                        action: "/console/assessment/scores", cssClass: "card inline", csrf: model.csrf,
                        content: """
                            <input type="hidden" name="year" value="\(q.year)"><input type="hidden" name="unit" value="\(u.id.uuidString)">
                            <input type="hidden" name="code" value="\(i.code)"><input type="hidden" name="kind" value="\(k.rawValue)">
                            \(isVeto
                                ? FormField(id: "score-\(k.rawValue)-\(i.code)", name: "score", label: "\(k.chineseName)认定", kind: .choice([.init("0", "未发生"), .init("1", "发生")]), value: u.given[i.code]?[k].map { Yuan.number($0.score) }).render()
                                : FormField(id: "score-\(k.rawValue)-\(i.code)", name: "score", label: "\(k.chineseName)得分（0—\(Yuan.number(i.maxScore))）", kind: .number, value: u.given[i.code]?[k].map { Yuan.number($0.score) }).render())
                            \(FormField(id: "evidence-\(k.rawValue)-\(i.code)", name: "evidence", label: k == .assessor ? "评分理由和佐证材料" : "佐证材料", kind: .longText, value: u.given[i.code]?[k]?.evidence).render())
                            """,
                        submit: "保存\(k.chineseName)"
                    ).render()
                    return HTML.join([form, uploadForm(u, i, k)])
                })
        }

        /// The files a score rests on, as download links.
        func fileLinks(_ u: UnitScore, _ i: AssessmentIndicator, _ k: AssessmentScore.Kind) -> HTML {
            let key = AssessmentScoreKey(year: model.q.year, unitID: u.id, code: i.code, kind: k.rawValue)
            let files = model.q.files[key] ?? []
            guard !files.isEmpty else { return "" }
            let links = files.map { f -> HTML in
                "<a href=\"\(AssessmentFiles.path(key, sha: f.sha256))\">\(f.fileName)</a>"
            }
            return "<div class=\"muted\">佐证材料：\(HTML.join(links, separator: "、"))</div>"
        }

        /// A file for the score (a scanned 台账, a photo of the activity).
        func uploadForm(_ u: UnitScore, _ i: AssessmentIndicator, _ k: AssessmentScore.Kind) -> HTML {
            let key = AssessmentScoreKey(year: model.q.year, unitID: u.id, code: i.code, kind: k.rawValue)
            let id = "file-\(k.rawValue)-\(i.code)"
            return """
                <form method="post" action="\(AssessmentFiles.path(key))" enctype="multipart/form-data" class="card inline"><input type="hidden" name="_csrf" value="\(model.csrf)">
                <label for="\(id)">\(k.chineseName)佐证材料文件 <span class="muted">（\(EvidenceMedia.acceptedText)）</span></label><input id="\(id)" type="file" name="file">
                <button type="submit">上传</button></form>
                """
        }

        /// 法治督察 of the units listed: one chosen, or several drawn by the public draw rule.
        func inspectionForms() -> HTML {
            let q = model.q
            guard q.mayAssess, !q.units.isEmpty else {
                return model.plans.isEmpty ? "" : "<h2 id=\"inspections\">法治督察</h2>\(drawList())"
            }
            let choices = q.units.filter { $0.id != q.own }.map { InputField.Choice($0.id.uuidString, $0.name) }
            return """
                <h2 id="inspections">法治督察</h2>
                <p class="muted">对考核范围内的单位开展法治督察（法治政府建设与责任落实督察工作规定）：选定单位，或者随机抽取。随机抽取分两步：先公布抽取方案（参加抽取的单位、抽取数量、抽取日期和随机数的产生方式，连同其 SHA-256 记入全过程记录），再在抽取日由两名以上见证人见证，录入当时公开产生的随机数抽取。每个方案只抽取一次；本年度已抽中的单位不再参加以后的抽取。</p>
                \(PostForm(
                    action: "/console/inspections", id: "inspection-one", cssClass: "card inline", csrf: model.csrf,
                    content: FormField(id: "inspection-body", name: "body", label: "被督察单位", kind: .choice(choices)).render(),
                    submit: "登记督察"
                ).render())
                \(drawForms())
                \(drawList())
                """
        }

        /// A plan awaiting its draw and the form that draws it; else the form that publishes a plan.
        func drawForms() -> HTML {
            let q = model.q
            let drawn = Set(model.draws.map(\.2.task))
            if let (_, plan) = model.plans.first, !drawn.contains(plan.inputs.task), plan.drawOn >= q.today {
                return """
                    <div class="card" id="inspection-plan"><p>待抽取的方案：\(plan.drawOn.description)从\(String(plan.inputs.targets.count))个单位中抽取\(String(plan.count))个；随机数：\(plan.commitment)。输入 SHA-256 <span class="mono">\(plan.inputsHash)</span>（\(plan.by)公布）</p></div>
                    \(PostForm(
                        action: "/console/inspections", id: "inspection-draw", cssClass: "card inline", csrf: model.csrf,
                        content: """
                            \(FormField(id: "inspection-revealed", name: "revealed", label: "公开随机数", kind: .text, hint: plan.commitment).render())
                            \(FormField(id: "inspection-witnesses", name: "witnesses", label: "见证人", kind: .list, hint: "每行一人，至少两人").render())
                            """,
                        submit: "抽取并登记督察"
                    ).render())
                    """
            }
            return PostForm(
                action: "/console/inspections/plans", id: "inspection-plan-form", cssClass: "card inline",
                csrf: model.csrf,
                content: """
                    \(FormField(id: "inspection-count", name: "count", label: "抽取单位数", kind: .number).render())
                    \(FormField(id: "inspection-draw-on", name: "drawOn", label: "抽取日期", kind: .date, value: q.today.description).render())
                    \(FormField(id: "inspection-commitment", name: "commitment", label: "随机数的产生方式", kind: .text, hint: "抽取时才公开产生的数，如：抽取当日体育彩票排列五开奖号码").render())
                    """,
                submit: "公布抽取方案"
            ).render()
        }

        /// The year's draws: when, the value, the units drawn, and the record's copy to redo with draw-verify.py.
        func drawList() -> HTML {
            let q = model.q
            let drawn = Set(model.draws.map(\.2.task))
            let plans = DataTable(
                id: "inspection-plans",
                columns: [
                    .init("抽取日期"), .init("参加单位", numeric: true), .init("抽取", numeric: true), .init("随机数产生方式"),
                    .init("输入 SHA-256"), .init("状态"), .init(""),
                ],
                rows: model.plans.map { seq, p in
                    let state =
                        drawn.contains(p.inputs.task) ? "已抽取" : p.drawOn >= q.today ? "待抽取" : "抽取日已过，未抽取"
                    return [
                        .text(p.drawOn.description), .number(p.inputs.targets.count), .number(p.count),
                        .text(p.commitment),
                        .text(String(p.inputsHash.prefix(16)) + "…", class: "mono"), .text(state),
                        DataTable.Cell("<a href=\"/console/inspections/draws/\(String(seq))\">下载（JSON）</a>"),
                    ]
                }
            ).render()
            let planList: HTML = model.plans.isEmpty ? "" : "<h3>本年度抽取方案</h3>\(plans)"
            guard !model.draws.isEmpty else { return planList }
            let table = DataTable(
                id: "inspection-draws",
                columns: [.init("抽取时间"), .init("公开随机数"), .init("抽中的单位"), .init("输入 SHA-256"), .init("")],
                rows: model.draws.map { seq, at, d in
                    [
                        .text(String(at.prefix(16)).replacingOccurrences(of: "T", with: " ")), .text(d.revealed),
                        .text(d.drawn.map { d.names[$0] ?? $0 }.joined(separator: "、")),
                        .text(String(d.inputsHash.prefix(16)) + "…", class: "mono"),
                        DataTable.Cell("<a href=\"/console/inspections/draws/\(String(seq))\">下载（JSON）</a>"),
                    ]
                }
            ).render()
            return
                "\(planList)<h3>本年度抽取记录</h3><p class=\"muted\">下载的文件可用 scripts/draw-verify.py 复核（与双随机抽查同一算法）。</p>\(table)"
        }

        func importForm() -> HTML {
            let q = model.q
            guard q.mayImport else { return "" }
            return """
                <h2>导入考核方案</h2>
                <form method="post" action="/console/assessment/import" enctype="multipart/form-data" class="card" id="assessment-import"><input type="hidden" name="_csrf" value="\(model.csrf)">
                <input type="hidden" name="year" value="\(q.year)">
                <p class="muted">表头：\((AssessmentScheme.columns + AssessmentScheme.optionalColumns).joined(separator: "、"))（“适用类别”可省略）。计分方式为“不低于”“不高于”“每项扣分”（按“数据”列所列的系统统计数据计分，如 litigation.appearance）、“评分”“加分”（考核人员评定，加分项不计入满分），或“一票否决”“降等”（分值留空；填“数据”的，超过“目标值”即触发，否则由考核人员认定）；上级指标的计分方式留空。“适用类别”填\(AssessmentUnitKind.allCases.map(\.rawValue).joined(separator: "、"))，留空为所有单位。等次线可另列三行：编号“等次”，指标“优秀”“良好”“合格”，分值为分数或百分比。再次导入即为新版本。<a href="\(SitePath.assessment(year: q.year).path)&format=template">下载指标表模板</a></p>
                <details><summary>可用于计分的统计数据（“数据”列、“基数”列填写左列的代码）</summary>\(keyTable())</details>
                <label for="assessment-file">考核指标表（.xlsx 或 .csv）</label><input id="assessment-file" type="file" name="file" accept=".xlsx,.csv">
                <button type="submit">导入</button></form>
                """
        }

        func keyTable() -> HTML {
            DataTable(
                id: "assessment-keys", columns: [.init("代码"), .init("统计数据"), .init("单位"), .init("口径")],
                rows: model.keys.sorted { $0.key < $1.key }.map { key, f in
                    [
                        .text(key, class: "mono"), .text(f.label), .text(f.unit == "比率" ? "%" : f.unit),
                        .text(f.definition),
                    ]
                }
            ).render()
        }

        /// The export: the ranking (each first-level part and the total, summing to it) and every unit's points.
        func sheets() -> [XLSXWriter.Sheet] {
            let q = model.q
            guard let scheme = q.scheme else { return [.init(name: "考核得分", rows: [["\(q.year)年尚未导入考核方案"]])] }
            let top = scheme.indicators.filter { $0.level == 1 }
            let ranks = q.ranks
            let ranking =
                [
                    (q.mayAssess ? ["名次"] : []) + ["单位"] + top.map { "\($0.code) \($0.name)" } + [
                        "总分", "满分", "折算得分", "加分", "待评分项", "类别", "等次",
                    ]
                ]
                + q.units.map { u in
                    (q.mayAssess ? [String(ranks[u.id] ?? 0)] : []) + [u.name]
                        + top.map { Yuan.number(subtotal(u, scheme, $0.code)) }
                        + [
                            Yuan.number(u.total), Yuan.number(u.result.full), Yuan.number(u.scaled),
                            Yuan.number(u.result.bonus),
                            String(u.pending), u.category.rawValue, gradeCell(u),
                        ]
                }
            var detail = [["单位", "编号", "指标", "分值", "计分方法", "数据", "得分", "自评", "考核评分依据"]]
            for u in q.units {
                for i in scheme.leaves {
                    let unit = i.figure.flatMap { q.figureUnits[$0] } ?? ""
                    let notApplicable = !i.applies(to: u.kinds) || (i.base.map { (u.figures[$0] ?? 0) == 0 } ?? false)
                    let figure =
                        notApplicable
                        ? "不适用" : i.figure.map { ReportFigure.text(u.figures[$0] ?? 0, unit: unit) } ?? ""
                    let hit = (u.result.vetoes + u.result.demotions).contains { $0.code == i.code }
                    let points =
                        !i.applies(to: u.kinds)
                        ? "—"
                        : i.hasPoints ? (u.points[i.code] ?? nil).map(Yuan.number) ?? "待评分" : hit ? "发生" : "未发生"
                    let own = u.given[i.code]?[.selfReport].map { Yuan.number($0.score) } ?? ""
                    let basis = u.given[i.code]?[.assessor]?.evidence ?? ""
                    detail.append([
                        u.name, i.code, i.name, i.hasPoints ? Yuan.number(i.maxScore) : "", i.ruleText(unit: unit),
                        figure,
                        points, own,
                        basis,
                    ])
                }
            }
            return [
                .init(name: "得分排名", rows: ranking), .init(name: "指标得分", rows: detail),
                .init(name: "考核指标", rows: scheme.rows),
            ]
        }
    }
}
