import FazhiCore
import FazhiStore
import Foundation

enum DecisionPortalView {
    static func list(_ m: DecisionPortalModel) -> HTML {
        let years = HTML.join(
            m.years.map { y in
                y == m.year
                    ? "<strong>\(y)年</strong>" as HTML
                    : "<a href=\"\(SitePath.decisionsPortal(year: y).path)\">\(y)年</a>"
            }, separator: " ")
        let catalogueNote: HTML =
            m.catalogues.isEmpty
            ? "<p class=\"muted\">\(m.year)年度决策事项目录尚未公布。</p>"
            : HTML.join(
                m.catalogues.map { c in
                    typealias F = DecisionCatalogueProcedure.Fact
                    let adjusted =
                        (c.file.facts[F.catalogueVersion] ?? 1) > 1
                        ? "（已调整，第\(Int(c.file.facts[F.catalogueVersion] ?? 1))版）" : ""
                    return
                        "<p id=\"catalogue-note\">\(c.file.facts[F.partyName] ?? "")经同级党委同意（\(c.file.facts[F.consentOn]?.description ?? "")），于\(c.file.facts[F.publishedOn]?.description ?? "")公布\(adjusted)。</p>"
                })
        let rows = HTML.join(
            m.rows.enumerated().map { i, r in
                var links: [HTML] = []
                if let d = r.decision {
                    if d.file.state == MajorDecisionProcedure.State.consulting.id {
                        links.append("<a href=\"/consultations/\(d.id.uuidString)\">发表意见</a>")
                    }
                    links.append("<a href=\"\(SitePath.decisionPortal(d.id).path)\">查看</a>")
                }
                return
                    "<tr><td class=\"num\">\(i + 1)</td><td>\(r.title)\(r.inCatalogue ? "" : "<span class=\"tag\">目录外</span>" as HTML)</td><td>\(r.undertaker)</td><td>\(r.stage)</td><td>\(HTML.join(links, separator: " "))</td></tr>"
                    as HTML
            })
        return """
            <p>年度：\(years)　<a href="/major-decisions?year=\(m.year)&amp;format=csv">CSV</a> · <a href="/major-decisions?year=\(m.year)&amp;format=json">JSON</a> · <a href="/consultations">正在征求意见的草案</a></p>
            <p>决策机关确定的决策事项目录经同级党委同意后向社会公布（《重大行政决策程序暂行条例》第三条第三款）；决策草案公开征求意见一般不少于30日（第十五条）；决策作出后及时公布并解读（第三十二条）。对决策及其实施有意见建议的，可以向决策机关或者执行单位提出（第三十五条）。</p>
            \(catalogueNote)
            <div class="table-wrap"><table class="data" id="decisions"><thead><tr><th>序号</th><th>决策事项</th><th>承办单位</th><th>阶段</th><th></th></tr></thead><tbody>\(m.rows.isEmpty ? "<tr><td colspan=\"5\">本年度没有重大行政决策事项。</td></tr>" as HTML : rows)</tbody></table></div>
            """
    }

    /// Why a decision outside the 决策事项目录 was started (第三条第三款).
    static func outside(_ f: Facts) -> HTML {
        guard let reason = f[MajorDecisionFact.outsideCatalogueReason], !reason.trimmed.isEmpty else { return "" }
        return "<dt>未列入目录的理由</dt><dd>\(reason)</dd>"
    }

    static func paragraphs(_ text: String) -> HTML {
        HTML.join(text.components(separatedBy: "\n").filter { !$0.trimmed.isEmpty }.map { "<p>\($0)</p>" as HTML })
    }

    /// 公开征求意见, hearings (on the day they were held) and other ways the public was heard (第十四条至第十七条).
    static func participation(_ c: StoredCase, consultation: String) -> String {
        typealias F = MajorDecisionFact
        var parts = consultation == "—" ? [] : [consultation]
        for s in c.file.steps where s.action == MajorDecisionProcedure.Step.hearing {
            parts.append("\(s.inputs.date(F.hearingOn.id)?.description ?? s.on.description)召开听证会")
        }
        for s in c.file.steps where s.action == MajorDecisionProcedure.Step.otherParticipation {
            parts.append(
                "\(s.inputs.date(F.participationOn.id)?.description ?? s.on.description)"
                    + MajorDecision.label(
                        s.inputs.text(F.participationMethod.id), in: MajorDecision.participationMethods))
        }
        return parts.isEmpty ? "—" : parts.joined(separator: "；")
    }

    /// One decision as published: the procedures done with their dates, the text and its 解读, how comments were
    /// adopted, execution progress, 后评估 and adjustments.
    static func decision(_ c: StoredCase, body: String) -> HTML {
        typealias F = MajorDecisionFact
        typealias S = MajorDecisionProcedure.Step
        let f = c.file.facts
        let stage = ProcedureCatalog.standard.current(MajorDecisionProcedure.id)?.state(c.file.state)?.name ?? ""
        func done(_ action: String) -> CivilDate? { c.file.lastStep(action)?.on }
        let consultation: String =
            done(S.closeConsultation).map { _ in
                "已公开征求意见（截至\(f[F.consultationUntil]?.description ?? "")，收到意见\(Int(f[F.commentsReceived] ?? 0))条，采纳\(Int(f[F.commentsAdopted] ?? 0))条）"
            }
            ?? (c.file.state == MajorDecisionProcedure.State.consulting.id
                ? "正在公开征求意见，截至\(f[F.consultationUntil]?.description ?? "")" : "—")
        let procedures: [(String, String)] = [
            ("公众参与", participation(c, consultation: consultation)),
            ("专家论证", done(S.expertReview).map { "\($0)完成" } ?? "—"),
            (
                "风险评估",
                done(S.riskAssessment).map {
                    "\($0)完成（\(MajorDecision.label(f[F.riskLevel], in: MajorDecision.riskLevels))）"
                } ?? "—"
            ),
            ("合法性审查", done(S.passReview).map { "\($0)审查通过" } ?? (f.flag(F.exploratory.id) ? "探索性改革事项，已明示法律风险" : "—")),
            (
                "集体讨论决定",
                f[F.decidedOn].map {
                    "\($0)经\(MajorDecision.label(f[F.meetingKind], in: MajorDecision.meetingKinds))讨论\(f[F.outcome] == "rejected" ? "，未通过" : "通过")"
                } ?? "—"
            ),
            ("公布", f[F.publishedOn]?.description ?? "—"),
        ]
        let steps = HTML.join(procedures.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" as HTML })
        var sections: [HTML] = []
        if c.file.state == MajorDecisionProcedure.State.consulting.id {
            sections.append(
                "<p><a class=\"button\" href=\"/consultations/\(c.id.uuidString)\" id=\"comment-link\">查看草案并发表意见</a></p>"
            )
        }
        if let text = f[F.decisionText], f[F.publishedOn] != nil {
            sections.append("<section class=\"card\" id=\"decision-text\"><h2>决策内容</h2>\(paragraphs(text))</section>")
        }
        if let i = f[F.interpretation] {
            sections.append("<section class=\"card\" id=\"interpretation\"><h2>解读</h2>\(paragraphs(i))</section>")
        }
        if let a = f[F.adoptionExplanation], !a.trimmed.isEmpty {
            sections.append(
                "<section class=\"card\" id=\"adoption\"><h2>公众意见、专家论证意见的采纳情况</h2>\(paragraphs(a))</section>")
        }
        let progress = c.file.steps.filter { $0.action == S.reportProgress }
        if !progress.isEmpty || f[F.executionUnit] != nil {
            let rows = HTML.join(
                progress.reversed().map { s in
                    "<tr><td>\(s.on.description)</td><td class=\"num\">\(Int(s.inputs.number(F.progressPercent.id) ?? 0))%</td><td>\(s.inputs.text(F.progressText.id) ?? "")</td></tr>"
                        as HTML
                })
            sections.append(
                """
                <section class="card" id="execution"><h2>执行情况</h2><p>决策执行单位：\(f[F.executionUnit] ?? "")\(c.file.state == MajorDecisionProcedure.State.suspended.id ? "（已中止执行）" : "")</p>
                <table class="data fixed-order"><thead><tr><th>报告日期</th><th>进度</th><th>执行情况</th></tr></thead><tbody>\(progress.isEmpty ? "<tr><td colspan=\"3\">尚未报告执行情况。</td></tr>" as HTML : rows)</tbody></table></section>
                """)
        }
        for s in c.file.steps where s.action == S.evaluate {
            sections.append(
                "<section class=\"card\" id=\"evaluation\"><h2>决策后评估（\(s.on.description)）</h2><p>评估单位：\(s.inputs.text(F.evaluator.id) ?? "")；结论：\(MajorDecision.label(s.inputs.text(F.evaluationConclusion.id), in: MajorDecision.evaluationConclusions))</p>\(paragraphs(s.inputs.text(F.evaluationReport.id) ?? ""))</section>"
            )
        }
        for s in c.file.steps where s.action == S.startAdjustment {
            sections.append(
                "<p class=\"notice\">\(s.on.description) 启动\(MajorDecision.label(s.inputs.text(F.adjustment.id), in: MajorDecision.adjustments))：\(s.inputs.text(F.adjustmentReason.id) ?? "")（依法重新履行相关程序，第三十七条）</p>"
            )
        }
        return """
            <p><a href="\(SitePath.decisionsPortal(year: nil).path)">重大行政决策</a> · \(body)</p>
            <dl class="facts" id="decision-procedures">
            <dt>决策事项</dt><dd>\(f[F.title] ?? "")</dd><dt>决策承办单位</dt><dd>\(f[F.undertaker] ?? "")</dd>
            <dt>当前阶段</dt><dd id="stage">\(stage)</dd>\(outside(f))\(steps)</dl>
            \(HTML.join(sections))
            """
    }
}
