import FazhiCore
import Foundation
import Testing

@testable import FazhiApp

/// Pages rendered from hand-made models, no database: what a person sees follows from the model alone.
@Suite struct PageRenderTests {
    static let today = CivilDate(year: 2026, month: 11, day: 20)!
    static func deadline(_ due: CivilDate) -> Deadline {
        Deadline(start: due, period: 0, unit: .day, article: "行政处罚法 第六十条", due: due)
    }

    @Test func caseListShowsDeadlinesRedWhenOverdueAndNumbersSortable() {
        let id = UUID()
        let model = CaseListPage.Model(
            title: "执法案件", navPath: "/console/cases", openable: [("penalty.ordinary", "行政处罚普通程序")],
            procedures: [("penalty.ordinary", "行政处罚普通程序")],
            selected: nil,
            deadlines: [
                .init(
                    caseID: id, number: "清市监立〔2026〕3号", party: "某超市", name: "作出处罚决定",
                    deadline: Self.deadline(Self.today.adding(days: -2)),
                    article: "行政处罚法 第六十条")
            ],
            cases: [
                .init(
                    id: id, number: "清市监立〔2026〕3号", procedure: "行政处罚普通程序", party: "某<超市>", body: "清河县市场监督管理局",
                    state: "调查取证",
                    openedOn: "2026-08-03", fine: 150_000)
            ],
            csrf: "token", today: Self.today)
        let html = CaseListPage.View(model: model).render().raw
        #expect(html.contains("class=\"due overdue\"") && html.contains("已逾期"))
        #expect(html.contains("href=\"/console/cases/\(id.uuidString)\""))
        #expect(html.contains("data-sort=\"150000\"") && html.contains("150,000"))
        #expect(html.contains("某&lt;超市&gt;") && !html.contains("某<超市>"), "text is escaped")
        #expect(html.contains("id=\"open-case\"") && html.contains("name=\"_csrf\" value=\"token\""))
    }

    @Test func emptyCaseListSaysSo() {
        let model = CaseListPage.Model(
            title: "调解", navPath: "/console/cases?procedure=mediation", openable: [], procedures: [],
            selected: "mediation",
            deadlines: [], cases: [], csrf: "t", today: Self.today)
        let html = CaseListPage.View(model: model).render().raw
        #expect(html.contains("没有进行中的期限。") && html.contains("没有案件。") && !html.contains("id=\"open-case\""))
    }

    @Test func casePageShowsOpenStepsAsFormsAndRefusedOnesWithTheirArticle() {
        let id = UUID()
        let form = CaseFilePage.Model.StepForm(
            action: "legal_review_pass", name: "法制审核通过",
            path: "/console/cases/\(id.uuidString)/steps/legal_review_pass", version: 7, date: "2026-11-20",
            today: "2026-11-20",
            fields: [
                FormField(
                    id: "legal_review_pass-reviewOpinion", name: "reviewOpinion", label: "审核意见", kind: .longText,
                    required: true)
            ],
            officers: nil, evidence: nil, evidenceNote: nil, basis: "行政处罚法 第五十八条", documents: ["法制审核意见书"],
            error: "审核意见：请填写“审核意见”")
        let model = CaseFilePage.Model(
            caseID: id, number: "清市监立〔2026〕3号", procedureName: "行政处罚普通程序", stateName: "已告知（陈述申辩）",
            bodyName: "清河县市场监督管理局",
            openedOn: "2026-08-03", version: 7, instrument: "《中华人民共和国行政处罚法》", definitionVersion: 1,
            navPath: "/console/cases",
            facts: [("当事人", "某超市")], notStarted: ("案情", "尚未立案"),
            deadlines: [
                .init(
                    name: "作出处罚决定", deadline: Self.deadline(Self.today.adding(days: 2)), stoppedOn: nil,
                    article: "行政处罚法 第六十条")
            ],
            waiting: [WaitingPeriod("answer", "被申请人答复", waitsFor: "待被申请人收到申请书副本后起算", article: "行政复议法 第四十八条")],
            open: [form], refused: [.init(name: "作出决定", reason: "应当先经法制审核", article: "行政处罚法 第五十八条", error: nil)],
            evidence: [], evidenceUpload: nil, evidenceLimitMB: 2048,
            timeline: [
                .init(
                    date: "2026-08-03", action: "立案", actor: "局长", officers: [],
                    documents: [("立案审批表", "/console/cases/\(id.uuidString)/documents/filing_approval?step=0")],
                    details: "当事人：某超市")
            ],
            csrf: "t", today: Self.today, openFailed: nil)
        let html = CaseFilePage.View(model: model).render().raw
        #expect(
            html.contains("id=\"form-legal_review_pass\"") && html.contains("<details class=\"step\" open>"),
            "a refused attempt comes back open")
        #expect(html.contains("name=\"_version\" value=\"7\"") && html.contains("max=\"2026-11-20\""))
        #expect(html.contains("暂不能办理") && html.contains("（依据：行政处罚法 第五十八条）"))
        #expect(html.contains("class=\"due soon\""), "due in two days is amber")
        #expect(html.contains("未起算：待被申请人收到申请书副本后起算"), "a period waiting for a receipt is not running")
        #expect(html.contains("立案审批表.docx") && html.contains("尚未上传证据文件。") && !html.contains("id=\"evidence-form\""))
    }

    @Test func componentsRender() {
        #expect(
            Pager(page: 2, pageSize: 50, total: 120, base: "/console/cases?procedure=x").render().raw.contains("page=3")
        )
        #expect(Pager(page: 1, pageSize: 50, total: 10, base: "/x").render().raw.isEmpty)
        #expect(
            FigureLink(value: 12, path: "/console/x?figure=a", id: "figure-a").render().raw
                == "<a href=\"/console/x?figure=a\" id=\"figure-a\">12</a>")
        let choice = FormField(
            id: "k", name: "k", label: "类型", kind: .choice([.init("a", "甲"), .init("b", "乙")]), value: "b"
        ).render().raw
        #expect(choice.contains("<option value=\"b\" selected>乙</option>"))
    }
}

/// A module is in both catalogs (its procedures in FazhiCore's, its pages in FazhiApp's), in the same order, so
/// forgetting the second line fails here rather than leaving a procedure without its pages.
@Suite struct ModuleCatalogTests {
    @Test func everyModuleHasItsWebSide() {
        #expect(AppModules.all.map(\.folder) == ProcedureCatalog.modules.map(\.folder))
    }

    /// Every procedure that keeps yearly figures has a page, and the navigation reaches the figures.
    @Test func everyFigureSetIsReachable() {
        #expect(YearFiguresPage.procedures.count == ProcedureCatalog.standard.withStatistics.count)
        #expect(
            AppModules.all.flatMap(\.navigation).contains { if case .yearFigures = $0.path { true } else { false } })
    }
}

extension PageRenderTests {
    /// 复议·应诉·调解统计 from a hand-made model: rates with their formula, each figure a link to its cases, by body.
    @Test func yearFiguresShowRatesFiguresAndBodies() {
        let model = YearFiguresPage.Model(
            title: "调解统计", navPath: "/console/reconsideration/statistics", year: 2026,
            tabs: [.init(title: "调解统计", path: "/console/mediation/statistics?year=2026", active: true)],
            summary: "2026年受理矛盾纠纷10件。", yearXLSX: "/console/mediation/statistics?year=2026&format=xlsx",
            rates: [.init(id: "success", label: "调解成功率", value: "90.0%", formula: "调解成功数 ÷ 调解数", sort: 900)],
            main: [
                .init(
                    id: "received", label: "受理数", count: 10,
                    path: "/console/mediation/statistics?year=2026&figure=received#cases")
            ],
            breakdown: [], byBody: [.init(name: "城关镇人民调解委员会", counts: [10], rates: [])], listing: nil)
        let html = YearFiguresPage.View(model: model).render().raw
        #expect(html.contains("id=\"success-rate\">90.0%") && html.contains("调解成功数 ÷ 调解数"))
        #expect(html.contains("id=\"figure-received\">10</a>") && html.contains("城关镇人民调解委员会"))
        #expect(html.contains("本年度尚无数据。"), "an empty breakdown says so")
    }
}

extension PageRenderTests {
    /// Forms post where their routes are: every console form's action is a quoted path (a path written bare once broke
    /// the import form).
    @Test func registryFormsPostToTheirRoutes() {
        let importForm = BenchmarkViews.importForm(kind: "officers", csrf: "t").raw
        #expect(importForm.contains("action=\"/console/import\"") && importForm.contains("id=\"import-form\""))
        let form = BenchmarkViews.form(values: [:], revising: false, csrf: "t").raw
        #expect(form.contains("<form method=\"post\" action=\"/console/benchmarks\""))
        for html in [importForm, form] {
            #expect(!html.contains("action=SitePath") && !html.contains("href=SitePath"))
        }
    }
}
