import FazhiCore
import FazhiStore
import SQLKit
import Vapor

extension AnnualReportPage {
    /// What the page reads: the unit and its bodies, the figures of the year and the year before from every module's
    /// declared sets, the narrative as last saved.
    struct Query {
        let year: Int
        let today: CivilDate
        let unit: UUID
        let unitName: String
        /// The government above a department (its report goes to it), nil for a government.
        let parentName: String?
        let units: [(id: UUID, name: String)]
        let bodies: Int
        let draft: ReportDraft
        let texts: [String: ReportText]
        let mayWrite: Bool
        /// The report's course (started, frozen, submitted, published), if started.
        var course: StoredCase? = nil
        /// The SHA-256 of the frozen text, once frozen: the page then shows the frozen report, not live figures.
        var frozenSha: String? = nil
        /// The course's state in words.
        var courseState: String? = nil
        /// The units directly under this one (a county's departments and towns) with their own report's course, which
        /// each reports to this unit.
        var members: [Member] = []

        struct Member {
            let id: UUID
            let name: String
            let course: UUID?
            let state: String?
            let published: Bool
            /// Begun (开始编写 taken), not merely opened.
            let started: Bool
        }

        /// The members of a unit and where each one's report of the year stands.
        static func members(_ req: Request, _ user: AuthUser, unit: UUID, year: Int) async throws -> [Member] {
            let children = try await Directory.organisations(on: req.readDB).filter {
                $0.parentID == unit && $0.id.map(user.readable.contains) == true
            }
            guard !children.isEmpty, let def = req.fazhi.procedures.current(AnnualReportProcedure.id) else { return [] }
            var courses: [UUID: (UUID, String)] = [:]
            for r in try await (req.readDB as! any SQLDatabase).raw(
                """
                SELECT id, body_id, state FROM cases WHERE procedure = \(bind: AnnualReportProcedure.id)
                AND party_name = \(bind: AnnualReportProcedure.title(year))
                """
            ).all() {
                courses[try r.decode(column: "body_id", as: UUID.self)] = (
                    try r.decode(column: "id", as: UUID.self), try r.decode(column: "state", as: String.self)
                )
            }
            return children.compactMap { o in
                o.id.map { id in
                    let c = courses[id]
                    return Member(
                        id: id, name: o.name, course: c?.0, state: c.map { def.stateName($0.1) },
                        published: c?.1 == AnnualReportProcedure.State.published.id,
                        started: c.map { $0.1 != AnnualReportProcedure.State.new.id } ?? false)
                }
            }.sorted { $0.name < $1.name }
        }

        static func fetch(_ req: Request, user: AuthUser) async throws -> Query {
            if let raw = req.query[String.self, at: "year"], Int(raw) == nil {
                throw DomainError.invalid(field: "year", message: "年度应为四位数字")
            }
            let (asked, readable) = try StatisticsAPI.scope(req, user)
            // In the reporting season (January to April) the report is the year just ended's.
            let today = req.fazhi.today
            let year = req.query[String.self, at: "year"] == nil && today.month <= 4 ? today.year - 1 : asked
            guard year <= today.year else { throw DomainError.invalid(field: "year", message: "年度不能晚于今年") }
            // An editor's page from the primary throughout, the choice of unit too (see the inner `fetch`).
            if user.grants.contains(where: { AnnualReportPage.writers.contains($0.role) }) { req.readFromPrimary() }
            let orgs = try await Directory.organisations(on: req.readDB)
            let unit: UUID
            if let raw = req.query[String.self, at: "unit"], !raw.isEmpty {
                guard let id = UUID(uuidString: raw), readable.contains(id) else {
                    throw DomainError.invalid(field: "unit", message: "请选择您可以查看的单位")
                }
                unit = id
            } else {
                // The user's own organisation, or the top of what they read (a 司法局 supervisor: the county).
                let tops = readable.filter { u in
                    orgs.first { $0.id == u }?.parentID.map { !readable.contains($0) } ?? true
                }
                guard let first = readable.contains(user.organisationID) ? user.organisationID : tops.sorted().first
                else {
                    throw APIError.notFound("您没有可以查看的单位")
                }
                unit = first
            }
            return try await fetch(req, user: user, unit: unit, year: year)
        }

        static func fetch(_ req: Request, user: AuthUser, unit: UUID, year: Int) async throws -> Query {
            let readable = user.readable
            // One server for the whole page: for its editors the primary (the texts' versions guard the next save,
            // and the figures beside them are of the same moment), for its readers a replica.
            if AnnualReportPage.mayWrite(user, unit: unit) { req.readFromPrimary() }
            let orgs = try await Directory.organisations(on: req.readDB)
            let names = Dictionary(orgs.compactMap { o in o.id.map { ($0, o.name) } }, uniquingKeysWith: { a, _ in a })
            let units = readable.compactMap { id in names[id].map { (id: id, name: $0) } }.sorted { $0.name < $1.name }
            let course = try await AnnualReportCourse.find(unit: unit, year: year, on: req.readDB)
            if let course, let frozen = try await AnnualReportCourse.frozen(course, on: req.readDB) {
                return Query(
                    year: year, today: req.fazhi.today, unit: unit, unitName: names[unit] ?? "",
                    parentName: orgs.first { $0.id == unit }?.parentID.flatMap { names[$0] }, units: units,
                    bodies: user.policy.tree.subtree(of: unit).intersection(readable).count, draft: frozen.draft,
                    texts: frozen.texts.reduce(into: [:]) { out, t in
                        out[t.key] = ReportText(part: t.key, text: t.value, version: 0, editedBy: "", editedOn: "")
                    },
                    mayWrite: false, course: course, frozenSha: course.file.facts[AnnualReportFact.reportSha256],
                    courseState: req.fazhi.procedures.current(AnnualReportProcedure.id)?.stateName(course.file.state))
            }
            let scope = user.policy.tree.subtree(of: unit).intersection(readable)
            let parent = orgs.first { $0.id == unit }?.parentID.flatMap { names[$0] }
            let contributions = AppModules.all.flatMap(\.report)
            let wanted = Set(contributions.map(\.set))
            let sets = StatisticsAPI.sets(req.fazhi.procedures).filter { wanted.contains($0.id) }
            let procedures = Set(req.fazhi.procedures.withStatistics.map(\.id))
            var current: [String: ReportFigure] = [:], prior: [String: ReportFigure] = [:]
            // A set with nothing at all the year before (no cases, no records) has no prior year to compare with:
            // "0 → 29" would read as growth from nothing kept.
            for set in sets {
                for (y, into) in [(year, 0), (year - 1, 1)] {
                    let figures = try await set.compute(req, y, set.ownUnitOnly ? [unit] : scope).figures
                    if into == 1 && figures.allSatisfy({ $0.value == 0 }) { continue }
                    for f in figures {
                        let link =
                            procedures.contains(set.id) && f.records != nil
                            ? SitePath.yearFigures(procedure: set.id, year: y).path
                                + "&unit=\(unit.uuidString)&figure=\(f.id)#cases"
                            : set.page.map { page in
                                // A unit alone (a department without units under it, or a set read for the unit
                                // only): its page shows that unit's records; a county's, those of the units under it.
                                let alone = scope.count == 1 || set.ownUnitOnly
                                let path = page(y)
                                guard path.contains("?") else { return path }
                                return path + (alone ? "&body=\(unit.uuidString)" : "&under=\(unit.uuidString)")
                            }
                        let figure = ReportFigure(
                            set: set.id, id: f.id, label: f.label, definition: f.definition, value: f.value,
                            unit: f.unit,
                            link: link, source: set.title, reported: set.reported, undefined: f.applicable == false)
                        if into == 0 { current[figure.key] = figure } else { prior[figure.key] = figure }
                    }
                }
            }
            return Query(
                year: year, today: req.fazhi.today, unit: unit, unitName: names[unit] ?? "", parentName: parent,
                units: units, bodies: scope.count,
                draft: ReportComposer.compose(
                    year: year, contributions, current: current, prior: prior,
                    plans: try await LedgerFigures.plans(req, year: year, unit: unit)),
                texts: try await AnnualReportTexts.latest(unit: unit, year: year, on: req.readDB),
                mayWrite: AnnualReportPage.mayWrite(user, unit: unit), course: course,
                courseState: course.flatMap { c in
                    req.fazhi.procedures.current(AnnualReportProcedure.id)?.stateName(c.file.state)
                })
        }
    }
}
