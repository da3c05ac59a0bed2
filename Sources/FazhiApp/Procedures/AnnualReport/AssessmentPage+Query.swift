import FazhiCore
import FazhiStore
import Vapor

extension AssessmentPage {
    /// One assessed unit's score: its result under the scheme (each applying leaf's points, nil while an assessed
    /// indicator awaits the assessor; 加分; 一票否决/降等; 等次), the figures read, the 自评 and 评分 given.
    struct UnitScore {
        let id: UUID
        let name: String
        let kinds: Set<AssessmentUnitKind>
        let result: AssessmentResult
        let figures: [String: Double]
        let given: [String: [AssessmentScore.Kind: AssessmentScore]]

        var points: [String: Double?] { result.points }
        var total: Double { result.total }
        /// 折算得分: the total on a 100-point scale of the unit's own full score (units with different lists compare).
        var scaled: Double { result.full > 0 ? (result.total / result.full * 10_000).rounded() / 100 : 0 }
        /// Ranked after the others: a 一票否决 or 降等, or nothing to score.
        var rankedLast: Bool { !result.vetoes.isEmpty || !result.demotions.isEmpty || result.full == 0 }
        var category: AssessmentCategory { .of(name: name) }
        var pending: Int { result.pending }
    }

    /// What the page reads: the year's scheme, the units assessed, each unit's figures and scores, ranked.
    struct Query {
        let year: Int
        let today: CivilDate
        let scheme: AssessmentScheme?
        let importedBy: String
        let importedOn: String
        let units: [UnitScore]
        /// The unit whose indicators are shown, if one was asked for.
        let unit: UnitScore?
        /// Each figure's unit (件, 比率), for the rule's words.
        let figureUnits: [String: String]
        let mayImport: Bool
        let mayAssess: Bool
        /// The viewer's own organisation (an assessor does not score it: 回避).
        let own: UUID
        let mayReport: Bool
        /// The 佐证材料 files of the year's scores.
        var files: [AssessmentScoreKey: [EvidenceFile]] = [:]

        /// The rank of each unit within its category (县直部门, 乡镇（街道）) by 折算得分, ties sharing a rank; a unit with a
        /// 一票否决 or 降等 after the others.
        var ranks: [UUID: Int] {
            var out: [UUID: Int] = [:]
            for category in AssessmentCategory.allCases {
                let sorted = units.filter { $0.category == category }.sorted(by: Self.before)
                for (i, u) in sorted.enumerated() {
                    let tie = i > 0 && sorted[i - 1].scaled == u.scaled && sorted[i - 1].rankedLast == u.rankedLast
                    out[u.id] = tie ? out[sorted[i - 1].id] : i + 1
                }
            }
            return out
        }

        static func before(_ a: UnitScore, _ b: UnitScore) -> Bool {
            a.rankedLast != b.rankedLast ? !a.rankedLast : a.scaled != b.scaled ? a.scaled > b.scaled : a.name < b.name
        }

        /// The kinds of unit an indicator may be limited to that a unit is: its category, and whether an 执法主体 is
        /// registered in it or under it.
        static func kinds(
            of unit: UUID, name: String, tree: OrganisationTree, bodies: Set<UUID>
        ) -> Set<AssessmentUnitKind> {
            let enforcing = !tree.subtree(of: unit).isDisjoint(with: bodies)
            return [AssessmentCategory.of(name: name).kind, enforcing ? .enforcement : .nonEnforcement]
        }

        /// The units assessed: those directly under a top government (a county's departments and towns), of these.
        static func assessed(_ readable: Set<UUID>, orgs: [OrganisationRecord]) -> Set<UUID> {
            let parents = Dictionary(
                orgs.compactMap { o in o.id.map { ($0, o.parentID) } }, uniquingKeysWith: { a, _ in a })
            let roots = Set(orgs.filter { $0.parentID == nil }.compactMap(\.id))
            return readable.filter { u in (parents[u] ?? nil).map(roots.contains) ?? false }
        }

        static func fetch(_ req: Request, _ user: AuthUser) async throws -> Query {
            let (year, readable) = try StatisticsAPI.scope(req, user)
            let today = req.fazhi.today
            // One server for the whole page: for those who score (the 司法局) the primary, so the scores they gave and
            // the figures they are added to are of one moment; for the units reading their own, a replica.
            if user.isSupervisor { req.readFromPrimary() }
            let db = req.readDB
            let orgs = try await Directory.organisations(on: db)
            let names = Dictionary(orgs.compactMap { o in o.id.map { ($0, o.name) } }, uniquingKeysWith: { a, _ in a })
            // As far as the user reads them — a department head sees the own department's score, the 司法局 every unit's.
            let assessed = Self.assessed(readable, orgs: orgs)
            let kept = try await Assessments.scheme(year: year, on: db)
            let scheme = kept?.0
            let scores = try await Assessments.scores(year: year, on: db)
            var units: [UnitScore] = []
            var figureUnits: [String: String] = [:]
            // 执法部门: a unit with an 执法主体 registered in it or under it.
            let bodies = Set(try await EnforcementBodies.all(on: db).map(\.organisationId))
            if let scheme {
                let wanted = Set(scheme.leaves.flatMap { [$0.figure, $0.base].compactMap { $0 } })
                let sets = StatisticsAPI.sets(req.fazhi.procedures).filter { s in
                    wanted.contains { $0.hasPrefix(s.id + ".") }
                }
                for unit in assessed {
                    let scope = user.policy.tree.subtree(of: unit).intersection(readable)
                    var figures: [String: Double] = [:]
                    var undefined: Set<String> = []
                    for set in sets {
                        for f in try await set.compute(req, year, scope).figures
                        where wanted.contains("\(set.id).\(f.id)") {
                            figures["\(set.id).\(f.id)"] = f.value
                            figureUnits["\(set.id).\(f.id)"] = f.unit
                            if f.applicable == false { undefined.insert("\(set.id).\(f.id)") }
                        }
                    }
                    var given: [String: [AssessmentScore.Kind: AssessmentScore]] = [:]
                    for s in scores where s.unitID == unit { given[s.code, default: [:]][s.kind] = s }
                    let name = names[unit] ?? ""
                    let kinds = Self.kinds(of: unit, name: name, tree: user.policy.tree, bodies: bodies)
                    let result = scheme.result(
                        figures: figures, assessed: given.compactMapValues { $0[.assessor]?.score }, kinds: kinds,
                        undefined: undefined)
                    units.append(
                        UnitScore(
                            id: unit, name: name, kinds: kinds, result: result, figures: figures, given: given))
                }
            }
            // By category (departments first), then by score.
            units.sort { $0.category != $1.category ? $0.category == .department : Self.before($0, $1) }
            var unit: UnitScore?
            if let raw = req.query[String.self, at: "unit"], !raw.isEmpty {
                guard let id = UUID(uuidString: raw), let u = units.first(where: { $0.id == id }) else {
                    throw APIError.notFound("该单位不在考核范围内，或您无权查看")
                }
                unit = u
            }
            var q = Query(
                year: year, today: today, scheme: scheme, importedBy: kept?.by ?? "", importedOn: kept?.on ?? "",
                units: units, unit: unit, figureUnits: figureUnits, mayImport: user.isSupervisor,
                mayAssess: user.isSupervisor, own: user.organisationID,
                mayReport: unit.map { AssessmentPage.mayReport(user, unit: $0.id) } ?? false)
            if unit != nil { q.files = try await EvidenceStore.attachments(year: year, on: db) }
            return q
        }
    }
}
