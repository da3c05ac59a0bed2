import FazhiCore
import FazhiStore
import Vapor

/// One figure as the statistics API gives it: its value, what it counts, and where to read the records it counts.
struct FigureOut: Content {
    let id: String
    let label: String
    /// What is counted (统计口径), in Chinese.
    let definition: String
    let value: Double
    let unit: String
    /// The API path listing the records the figure counts (nil for a figure worked out from others).
    let records: String?
    /// False for a rate with nothing to divide (no 开庭 case for 出庭率): its value 0 is no result; the report prints
    /// "—". Absent otherwise.
    var applicable: Bool? = nil
}

/// A set of figures for a year over the bodies the caller may read (or one of them).
struct FigureSetOut: Content {
    let set: String
    let title: String
    let year: Int
    let bodies: [UUID]
    let summary: String
    let figures: [FigureOut]
}

/// A set of figures the statistics API serves (`GET /api/v1/statistics/{id}`).
struct FigureSet: Sendable {
    let id: String
    let title: String
    let compute:
        @Sendable (_ req: Request, _ year: Int, _ bodies: Set<UUID>) async throws -> (
            summary: String, figures: [FigureOut]
        )
    /// The console page where a person reads the set's records for a year (the 年度报告 links its figures there).
    var page: (@Sendable (Int) -> String)? = nil
    /// The report reads the set for its own unit only, not the units under it (the 第一责任人's records: a county's
    /// report does not count its departments' heads).
    var ownUnitOnly = false
    /// Figures units report (单位填报), not counted by Fazhi: the report marks them.
    var reported = false
}

/// `GET /api/v1/statistics`: the figure sets; `GET /api/v1/statistics/{set}?year=&body=`: each figure of the set with its
/// value, label, definition and a link to the records it counts — the one source the annual report reads.
/// The sets: every procedure that keeps yearly figures (`ProcedureStatistics`), the enforcement sums, officer training.
enum StatisticsAPI {
    static func sets(_ catalog: ProcedureCatalog) -> [FigureSet] {
        catalog.withStatistics.map(procedureSet) + AppModules.all.flatMap(\.figureSets) + [training, registries]
    }

    static func register(_ api: any RoutesBuilder) {
        api.get("statistics") { req async throws -> [[String: String]] in
            _ = try req.requireUser()
            return sets(req.fazhi.procedures).map {
                ["id": $0.id, "title": $0.title, "path": "/api/v1/statistics/\($0.id)"]
            }
        }
        api.get("statistics", ":set") { req async throws -> FigureSetOut in
            let user = try req.requireUser()
            let id = req.parameters.get("set") ?? ""
            guard let set = sets(req.fazhi.procedures).first(where: { $0.id == id }) else {
                throw APIError.notFound("没有该统计；可选：\(sets(req.fazhi.procedures).map(\.id).joined(separator: "、"))")
            }
            let (year, bodies) = try scope(req, user)
            let (summary, figures) = try await set.compute(req, year, bodies)
            return FigureSetOut(
                set: set.id, title: set.title, year: year, bodies: bodies.sorted { $0.uuidString < $1.uuidString },
                summary: summary, figures: figures)
        }
        api.get("statistics", ":set", "figures", ":figure") { req async throws -> [CaseSummary] in
            let user = try req.requireUser()
            let (year, bodies) = try scope(req, user)
            let id = req.parameters.get("set") ?? "", figure = req.parameters.get("figure") ?? ""
            guard let def = req.fazhi.procedures.current(id), let stats = def.statistics, stats.figure(figure) != nil
            else {
                throw APIError.notFound("没有该统计项")
            }
            let limit = min(max(req.query[Int.self, at: "limit"] ?? 500, 1), 5_000)
            let cases = try await YearFigures.cases(
                def.id, figure: figure, year: year, bodies: bodies, limit: limit, on: req.readDB)
            return try await CaseStore.summaries(cases.map(\.id), on: req.readDB)
        }
    }

    /// The year (2000–2100, this year by default) and the bodies: the caller's readable ones, the one asked for
    /// (`body`), or those under one (`under`: a county's report links its figures to the county's records alone).
    /// `allowing`: `body` values that mean "all the caller reads" (the report's `all`).
    static func scope(_ req: Request, _ user: AuthUser, allowing: Set<String> = []) throws -> (Int, Set<UUID>) {
        let asked = req.query[String.self, at: "year"] ?? ""
        let year = asked.isEmpty ? req.fazhi.today.year : Int(asked) ?? 0
        guard (2000...2100).contains(year) else { throw DomainError.invalid(field: "year", message: "年度应在2000至2100之间") }
        if let raw = req.query[String.self, at: "under"], !raw.isEmpty {
            guard let unit = UUID(uuidString: raw) else {
                throw DomainError.invalid(field: "under", message: "单位编号格式不对")
            }
            guard user.readable.contains(unit) else { throw APIError.notFound("单位不存在，或您无权查看") }
            return (year, user.policy.tree.subtree(of: unit).intersection(user.readable))
        }
        if let raw = req.query[String.self, at: "body"], !raw.isEmpty, !allowing.contains(raw) {
            guard let body = UUID(uuidString: raw) else {
                throw DomainError.invalid(field: "body", message: "单位编号格式不对")
            }
            guard user.readable.contains(body) else { throw APIError.notFound("单位不存在，或您无权查看") }
            return (year, [body])
        }
        return (year, user.readable)
    }

    /// A procedure's declared figures and rates, counted from the kept sums.
    static func procedureSet(_ def: ProcedureDefinition) -> FigureSet {
        FigureSet(id: def.id, title: def.statistics?.title ?? def.name) { req, year, bodies in
            guard let stats = def.statistics,
                let tally = try await YearFigures.tally(def, year: year, bodies: bodies, on: req.readDB)
            else { return ("", []) }
            let records = { (figure: String) in "/api/v1/statistics/\(def.id)/figures/\(figure)?year=\(year)" }
            let figures = stats.figures.map { f in
                FigureOut(
                    id: f.id, label: f.label, definition: f.definition, value: Double(tally.count(f.id)), unit: "件",
                    records: records(f.id))
            }
            let rates = stats.rates.map { r in
                FigureOut(
                    id: r.id, label: r.label, definition: r.formula, value: tally.rate(r) ?? 0, unit: "比率",
                    records: nil,
                    applicable: tally.rate(r) == nil ? false : nil)
            }
            return (stats.summary(tally), figures + rates)
        }
    }

    /// The registries at the year's end: 执法主体, 执法人员, and the 权责清单's items in force by type.
    static let registries = FigureSet(
        id: "registries", title: "执法主体、执法人员和权责清单",
        compute: { req, year, bodies in
            let yearEnd = CivilDate(year: year, month: 12, day: 31) ?? req.fazhi.today
            let asOf = min(yearEnd, req.fazhi.today)
            let enforcing = try await EnforcementBodies.all(on: req.readDB).filter {
                bodies.contains($0.organisationId) && $0.domain.isConfirmed(on: asOf)
            }.count
            let officers = try await Officers.list(bodies: bodies, year: year, on: req.readDB).filter {
                $0.profile.eligibility(on: asOf).isEligible
            }.count
            var figures = [
                FigureOut(
                    id: "bodies", label: "行政执法主体", definition: "\(asOf)经确认的执法主体", value: Double(enforcing),
                    unit: "个", records: nil),
                FigureOut(
                    id: "officers", label: "持证执法人员", definition: "\(asOf)执法证有效、可以办案的执法人员", value: Double(officers),
                    unit: "人", records: nil),
            ]
            var total = 0
            for type in PowerType.allCases {
                let n = try await PowerListStore.list(
                    on: asOf, .init(type: type, organisations: bodies), limit: 1, on: req.readDB
                ).total
                total += n
                figures.append(
                    FigureOut(
                        id: "type.\(type.rawValue)", label: type.chineseName,
                        definition: "\(asOf)权责清单中在用的\(type.chineseName)事项",
                        value: Double(n), unit: "项", records: nil))
            }
            figures.insert(
                FigureOut(
                    id: "powerItems", label: "权责清单事项", definition: "\(asOf)权责清单中在用的事项", value: Double(total),
                    unit: "项", records: nil), at: 2)
            return ("\(asOf)执法主体\(enforcing)个，持证执法人员\(officers)人，权责清单事项\(total)项。", figures)
        }, page: { _ in SitePath.powers.path })

    /// 执法人员培训 (statutes §G: a yearly target of training hours, `FAZHI_TRAINING_HOURS_TARGET`) for any year.
    static let training = FigureSet(id: "training", title: "执法人员培训") { req, year, bodies in
        let target = req.fazhi.options.registrySettings.trainingHoursTarget
        let officers = try await Officers.list(bodies: bodies, year: year, on: req.readDB)
        // An officer's hours: those the 名录 registers plus the courses of the 执法人员培训 台账 they attended.
        let hours = officers.map { $0.totalHours ?? 0 }
        let met = hours.filter { $0 + 0.0001 >= target }.count
        let list = "/api/v1/statistics/training?year=\(year)"
        let figures = [
            FigureOut(
                id: "officers", label: "执法人员", definition: "执法人员名录中的人数", value: Double(officers.count), unit: "人",
                records: nil),
            FigureOut(
                id: "hours", label: "培训学时合计", definition: "\(year)年名录登记的培训学时与培训台账所记学时之和", value: hours.reduce(0, +),
                unit: "学时",
                records: nil),
            FigureOut(
                id: "met", label: "达到年度培训目标", definition: "\(year)年培训学时不少于\(Yuan.number(target))学时的人数",
                value: Double(met), unit: "人", records: nil),
            FigureOut(
                id: "metRate", label: "培训达标率", definition: "达到年度培训目标的人数 ÷ 执法人员",
                value: officers.isEmpty ? 0 : Double(met) / Double(officers.count),
                unit: "比率", records: list, applicable: officers.isEmpty ? false : nil),
        ]
        return (
            "\(year)年执法人员\(officers.count)人，培训学时合计\(Yuan.number(hours.reduce(0, +)))学时，\(met)人达到\(Yuan.number(target))学时的年度目标。",
            figures
        )
    }
}
