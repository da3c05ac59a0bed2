import FazhiCore
import FazhiOffice
import FazhiStore
import Vapor

/// 政府信息公开工作年度报告 (政府信息公开条例 第四十九条、第五十条) of a year, for one body or every body the user reads:
/// part 三 from the requests (`DisclosureYearReport`), part 四 from the 复议 and 应诉 cases over 政府信息公开, the 行政处罚
/// figure of part 二 from the enforcement figures; what Fazhi does not keep (规章, 规范性文件, 许可, 强制, 收费, the
/// problems and other matters) is entered on the page. As a page and as .docx. Query → Model → View.
enum DisclosureReportPage {
    /// The figures of part 二 that are entered, and part 五/六's text: (key, label).
    static let entered: [(String, String)] = [
        ("rulesMade", "规章：本年制发"), ("rulesRepealed", "规章：本年废止"), ("rulesInForce", "规章：现行有效"),
        ("normativeMade", "行政规范性文件：本年制发"), ("normativeRepealed", "行政规范性文件：本年废止"),
        ("normativeInForce", "行政规范性文件：现行有效"), ("licences", "行政许可：本年处理决定数量"),
        ("compulsory", "行政强制：本年处理决定数量"), ("feesTenThousand", "行政事业性收费：本年收费金额（万元）"),
    ]

    /// The longest text of parts 五 and 六 (the form sends it in the address, as a GET, so it stays short).
    static let textLimit = 500

    static func register(_ console: any RoutesBuilder) {
        console.get("disclosure", "report") { req async throws -> Response in
            let user = try req.requireUser()
            let q = try await Query.fetch(req, user: user)
            let model = Model(q)
            if req.query[String.self, at: "format"] == "docx" {
                return try CaseDocumentsController.docx(
                    WordDocument(
                        View(model: model).document(),
                        sealImage: CaseDocumentsController.seal(req, bodyID: q.sealBody, bodyName: q.scopeName)),
                    fileName: model.title)
            }
            return Views.console(
                "政府信息公开工作年度报告", user: user, request: req, active: SitePath.disclosureReport(year: nil).path,
                View(model: model).render())
        }
        // The requests one cell of part 三 counts: every figure of the report opens its records.
        console.get("disclosure", "report", "cases") { req async throws -> Response in
            let user = try req.requireUser()
            let q = try await Query.fetch(req, user: user)
            let index = req.query[Int.self, at: "row"] ?? -1
            guard q.requests.rows.indices.contains(index) else { throw APIError.notFound("没有该统计项") }
            let row = q.requests.rows[index]
            let column = req.query[String.self, at: "column"] ?? "total"
            let ids = column == "total" ? row.cases.values.flatMap { $0 } : (row.cases[column] ?? [])
            let cases = try await CaseStore.summaries(ids, on: req.readDB)
            let label = column == "total" ? "总计" : Disclosure.label(column, in: DisclosureYearReport.columns)
            return Views.console(
                "\(q.year)年 \(row.label.trimmingCharacters(in: .whitespaces))（\(label)）", user: user, request: req,
                active: SitePath.disclosureReport(year: nil).path,
                View.cases(cases, back: req.url.string.replacingOccurrences(of: "/report/cases", with: "/report")))
        }
    }

    struct Query {
        let year: Int
        let today: CivilDate
        let scopeName: String
        let sealBody: UUID
        let bodyID: UUID?
        /// A government's report is published by its 政府信息公开工作主管部门 (by 3月31日), a department's by itself
        /// (by 1月31日) — 第四十九条.
        let isGovernment: Bool
        let bodies: [(UUID, String)]
        let requests: DisclosureYearReport
        let reviews: DisclosureReviewFigures
        let penalties: Int
        let fees: [Money]
        let values: [String: String]

        static func fetch(_ req: Request, user: AuthUser) async throws -> Query {
            // A body publishes its own report (第四十九条): the user's own organisation unless another is chosen, or
            // `body=all` for the sum over every body the user reads.
            let all = req.query[String.self, at: "body"] == "all"
            let (year, readable) = try StatisticsAPI.scope(req, user, allowing: ["all"])
            let requested =
                req.query[String.self, at: "body"].flatMap(UUID.init(uuidString:))
                ?? (all || !readable.contains(user.organisationID) ? nil : user.organisationID)
            let scope = requested.map { [$0] } ?? readable
            // A report read, not edited: from a replica, one for the whole page (the penalties figure too).
            let orgs = try await Directory.organisations(on: req.readDB)
            let names = Dictionary(orgs.compactMap { o in o.id.map { ($0, o.name) } }, uniquingKeysWith: { a, _ in a })
            let files = try await CaseStore.filesOpenDuring(
                procedure: DisclosureProcedure.id, bodies: scope, year: year, on: req.readDB
            ).map(\.file)
            // Part 四 counts the reviews of the bodies' acts wherever they were heard (only their number is shown).
            var reviews: [DisclosureReviewFigures.Review] = []
            for def in req.fazhi.procedures.currentDefinitions {
                guard let review = def.actReview else { continue }
                for c in try await CaseStore.files(
                    procedure: def.id, bodies: Set(names.keys), year: year, on: req.readDB)
                {
                    reviews.append((review, c.file, names[c.file.bodyID] ?? ""))
                }
            }
            let enforcement = StatisticsAPI.sets(req.fazhi.procedures).first { $0.id == "enforcement" }
            let penalties = try await enforcement?.compute(req, year, scope).figures.first { $0.id == "penalties" }?
                .value
            if let raw = req.query[String.self, at: "year"], Int(raw) == nil {
                throw DomainError.invalid(field: "year", message: "年度应为四位数字")
            }
            var values: [String: String] = [:]
            for (k, label) in entered {
                let v = (req.query[String.self, at: k] ?? "").trimmed
                // Counts are whole numbers; the fees (万元) may have up to four decimals.
                let money = k == "feesTenThousand"
                guard
                    v.isEmpty
                        || (v.count <= 12
                            && Double(v).map { $0 >= 0 && $0 <= 1e9 && (money || $0 == $0.rounded()) } == true)
                else {
                    throw DomainError.invalid(field: k, message: "“\(label)”应为不小于0的\(money ? "数" : "整数")")
                }
                values[k] = v
            }
            for k in ["problems", "other"] {
                values[k] = String((req.query[String.self, at: k] ?? "").trimmed.prefix(DisclosureReportPage.textLimit))
            }
            let scopeName = requested.flatMap { names[$0] } ?? "\(names[user.organisationID] ?? "")（所辖单位汇总）"
            return Query(
                year: year, today: req.fazhi.today, scopeName: scopeName, sealBody: requested ?? user.organisationID,
                bodyID: requested,
                isGovernment: requested.map { id in orgs.first { $0.id == id }?.parentID == nil } ?? false,
                bodies: user.readable.compactMap { id in names[id].map { (id, $0) } }.sorted { $0.1 < $1.1 },
                requests: DisclosureYearReport(year: year, files: files),
                reviews: DisclosureReviewFigures(reviews, respondents: Set(scope.compactMap { names[$0] })),
                penalties: Int(penalties ?? 0),
                // Fees paid in the year (the step that recorded the payment).
                fees: files.filter { f in
                    f.steps.contains { $0.action == DisclosureProcedure.Step.recordFeePaid && $0.on.year == year }
                }.compactMap { $0.facts[DisclosureFact.feeAmount] },
                values: values)
        }
    }

    struct Model {
        let q: Query
        init(_ q: Query) { self.q = q }
        var title: String { "\(q.scopeName)\(q.year)年政府信息公开工作年度报告" }
        /// 第四十九条: a department's report by 31 January of the next year, a government's by 31 March.
        var due: CivilDate { CivilDate(year: q.year + 1, month: q.isGovernment ? 3 : 1, day: 31) ?? q.today }
        func value(_ k: String) -> String { q.values[k].flatMap { $0.isEmpty ? nil : $0 } ?? "0" }

        /// Part 一 in words, from the figures below.
        var overview: String {
            let r = q.requests
            let new = r.row("一、")?.total ?? 0, carried = r.row("二、")?.total ?? 0
            let done = r.row("（七）")?.total ?? 0, open = r.row("四、")?.total ?? 0
            let reviews = q.reviews.count(.reconsideration)
            let suits = q.reviews.count(.suit) + q.reviews.count(.suitAfterReconsideration)
            return "\(q.year)年，\(q.scopeName)认真贯彻《中华人民共和国政府信息公开条例》，本年度新收政府信息公开申请\(new)件，上年结转\(carried)件，"
                + "办结\(done)件，结转下年度继续办理\(open)件；作出行政处罚决定\(q.penalties)件；因政府信息公开工作被申请行政复议\(reviews)件、被提起行政诉讼\(suits)件。"
        }

        /// Part 二, as the template's four small tables in one.
        var proactive: [[String]] {
            [
                ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
                ["规章", value("rulesMade"), value("rulesRepealed"), value("rulesInForce")],
                ["行政规范性文件", value("normativeMade"), value("normativeRepealed"), value("normativeInForce")],
                ["信息内容", "本年处理决定数量", "", ""],
                ["行政许可", value("licences"), "", ""],
                ["行政处罚", String(q.penalties), "", ""],
                ["行政强制", value("compulsory"), "", ""],
                ["信息内容", "本年收费金额（单位：万元）", "", ""],
                ["行政事业性收费", value("feesTenThousand"), "", ""],
            ]
        }

        /// Part 五: what was entered, else what the figures show.
        var problems: String {
            if let p = q.values["problems"], !p.isEmpty { return p }
            let late = lateCount
            let text =
                late > 0
                ? "本年度有\(late)件政府信息公开申请逾期答复，答复时限管理仍需加强。下一步将通过系统期限预警，确保在法定期限内答复。"
                : "本年度政府信息公开申请均在法定期限内答复。下一步将继续完善主动公开目录，提高依申请公开答复质量。"
            return text
        }
        var lateCount: Int { q.requests.lateCount }

        /// Part 六: the fees of 第四十二条, then what was entered.
        var other: String {
            let total = q.fees.reduce(Money.zero) { Money(fen: $0.fen + $1.fen) }
            let fees = q.fees.isEmpty ? "本年度未收取信息处理费。" : "本年度依据第四十二条收取信息处理费\(q.fees.count)件，共计\(total)元。"
            return fees + (q.values["other"].map { $0.isEmpty ? "" : $0 } ?? "")
        }
    }
}
