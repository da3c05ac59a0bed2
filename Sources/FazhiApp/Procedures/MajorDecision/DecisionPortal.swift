import FazhiCore
import FazhiStore
import Vapor

/// 重大行政决策 on the portal (第三条第三款、第十五条、第三十二条、第三十五条): the year's 决策事项目录 with each decision's
/// stage and links to its 征求意见, its 公布 and 解读 and its 执行情况; decisions started outside the catalogue below it;
/// as HTML, JSON and CSV. A decision's own page shows what the 条例 has published of it — never the internal record.
enum DecisionPortal {
    static func register(_ portal: any RoutesBuilder) {
        portal.get("major-decisions") { req async throws -> Response in
            let model = try await DecisionPortalModel.load(req)
            switch RegistryPortal.format(req) {
            case "json":
                return try TableResponse.json([
                    "year": AnyEncodable(model.year),
                    "decisions": AnyEncodable(model.rows.map(DecisionPortalModel.Listed.init)),
                ])
            case "csv":
                return TableResponse.csv(
                    [DecisionPortalModel.csvHeader] + model.rows.map(DecisionPortalModel.csvRow),
                    filename: "\(model.year)年度重大行政决策")
            default:
                return Views.portal("\(model.year)年度重大行政决策", request: req, DecisionPortalView.list(model))
            }
        }
        portal.get("major-decisions", ":id") { req async throws -> Response in
            guard let id = req.parameters.get("id", as: UUID.self),
                let c = try await CaseStore.load(id, on: req.readDB),
                c.file.procedure == MajorDecisionProcedure.id, c.file.state != MajorDecisionProcedure.State.new.id
            else { throw APIError.notFound("没有该重大行政决策") }
            let bodies = try await CasesConsole.bodyNames(req)
            return Views.portal(
                c.file.facts[MajorDecisionFact.title] ?? "重大行政决策", request: req,
                DecisionPortalView.decision(c, body: bodies[c.file.bodyID] ?? ""))
        }
    }
}

/// What the list shows: each catalogue item of the year with its decision (if started), and decisions of the year
/// outside the catalogue.
struct DecisionPortalModel {
    struct Row {
        let body: String
        let title: String
        let undertaker: String
        let inCatalogue: Bool
        let decision: StoredCase?
        var stage: String {
            guard let d = decision else { return "尚未启动" }
            return ProcedureCatalog.standard.current(MajorDecisionProcedure.id)?.state(d.file.state)?.name
                ?? d.file.state
        }
    }
    struct Listed: Encodable {
        let body: String, title: String, undertaker: String, inCatalogue: Bool, stage: String
        let id: String?, decidedOn: String?, publishedOn: String?, consultationUntil: String?
        init(_ r: Row) {
            body = r.body; title = r.title; undertaker = r.undertaker; inCatalogue = r.inCatalogue; stage = r.stage
            id = r.decision?.id.uuidString
            decidedOn = r.decision?.file.facts[MajorDecisionFact.decidedOn]?.description
            publishedOn = r.decision?.file.facts[MajorDecisionFact.publishedOn]?.description
            consultationUntil =
                r.decision?.file.state == MajorDecisionProcedure.State.consulting.id
                ? r.decision?.file.facts[MajorDecisionFact.consultationUntil]?.description : nil
        }
    }
    static let csvHeader = ["决策机关", "决策事项", "承办单位", "列入目录", "阶段", "决定日期", "公布日期"]
    static func csvRow(_ r: Row) -> [String] {
        let l = Listed(r)
        return [
            l.body, l.title, l.undertaker, l.inCatalogue ? "是" : "否", l.stage, l.decidedOn ?? "", l.publishedOn ?? "",
        ]
    }

    let year: Int
    let rows: [Row]
    /// The catalogues of the year as published, with their version and consent.
    let catalogues: [StoredCase]
    let years: [Int]

    static func load(_ req: Request) async throws -> DecisionPortalModel {
        let today = req.fazhi.today
        let asked = (try? req.query.get(Int.self, at: "year")) ?? today.year
        let year = (2000...(today.year + 1)).contains(asked) ? asked : today.year
        let names = try await CasesConsole.bodyNames(req)
        let catalogues = try await MajorDecisionStore.started(procedure: DecisionCatalogueProcedure.id, on: req.readDB)
            .filter { $0.file.facts[CaseColumns.decidedOn] != nil }
        let decisions = try await MajorDecisionStore.started(procedure: MajorDecisionProcedure.id, on: req.readDB)
        typealias C = DecisionCatalogueProcedure
        var rows: [Row] = [], used = Set<UUID>()
        let ofYear = catalogues.filter { Int($0.file.facts[C.Fact.year] ?? 0) == year }
        for cat in ofYear {
            for line in cat.file.facts.list(C.Fact.publishedItems.id) {
                let p = MajorDecision.parts(line)
                guard p.count >= 3, p[0] == String(year) else { continue }
                let d = decisions.first {
                    !used.contains($0.id) && $0.file.bodyID == cat.file.bodyID
                        && MajorDecision.unitKey($0.file.facts[MajorDecisionFact.title] ?? "")
                            == MajorDecision.unitKey(p[1])
                }
                if let d { used.insert(d.id) }
                rows.append(
                    Row(
                        body: names[cat.file.bodyID] ?? "", title: p[1], undertaker: p[2], inCatalogue: true,
                        decision: d))
            }
        }
        for d in decisions where !used.contains(d.id) && (d.file.steps.first?.on.year == year) {
            rows.append(
                Row(
                    body: names[d.file.bodyID] ?? "", title: d.file.facts[MajorDecisionFact.title] ?? d.number,
                    undertaker: d.file.facts[MajorDecisionFact.undertaker] ?? "", inCatalogue: false, decision: d))
        }
        let years = Set(catalogues.compactMap { $0.file.facts[C.Fact.year].map(Int.init) } + [today.year]).sorted(by: >)
        return DecisionPortalModel(year: year, rows: rows, catalogues: ofYear, years: years)
    }
}
