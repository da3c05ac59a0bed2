import FazhiCore
import Foundation

/// A page of the console or the portal: the one place its path is spelt, so links and routes cannot drift apart.
enum SitePath: Hashable, Sendable {
    case home
    /// The case lists, optionally of one procedure.
    case cases(procedure: String?)
    case caseFile(UUID)
    case caseDocument(UUID, CaseDocumentKind, step: Int?)
    case caseArchive(UUID)
    /// A procedure's yearly figures (`ProcedureStatistics`).
    case yearFigures(procedure: String, year: Int?)
    case enforcementStatistics
    case transfers
    case committee
    /// 政府信息公开工作年度报告 of a year (政府信息公开条例 第四十九条、第五十条).
    case disclosureReport(year: Int?)
    /// A body's 政府信息公开目录 as staff keep it (第十二条、第二十六条).
    case disclosureCatalogue
    /// Import of 规范性文件 issued before Fazhi.
    case normativeImport
    /// The 文件目录 of 规范性文件 as Excel (the user's bodies, or all for a supervisor).
    case normativeCatalogue
    /// The 制定主体清单 as the 司法局 keeps it.
    case normativeIssuers
    /// 法律顾问、公职律师 and their work log; its Excel.
    case advisers, advisersExport
    /// The 决策台账 as Excel.
    case decisionLedger
    /// 双随机抽查 in the console, one task there, and on the portal.
    case draws, draw(UUID), drawsPortal, drawPortal(UUID)
    /// 执法监督预警: the alerts of the bodies the user reads, filtered; one alert's answer and close forms.
    case alerts(body: UUID?, rule: String?, state: String?)
    case alert(Int64)
    /// 案卷评查: the campaigns and the files drawn for the user.
    case fileReviews
    /// 年度法治政府建设情况报告 of a unit for a year.
    case annualReport(unit: UUID?, year: Int?)
    /// 学法 sessions of a year (the report's 法治保障 records).
    case study(year: Int?)
    /// A 台账 of a year (第一责任人履职, 执法人员培训, 执法资格考试, 单位填报指标, 工作要点), optionally one entry in its form.
    case ledger(kind: String, year: Int?, edit: UUID? = nil)
    /// 法治政府建设考核 of a year: the ranking, or one unit's scores.
    case assessment(year: Int?, unit: UUID? = nil)
    /// 重大行政决策 on the portal: the year's catalogue and decisions, and one decision.
    case decisionsPortal(year: Int?)
    case decisionPortal(UUID)
    case userPage(UUID)
    /// Approving or rejecting a self-requested role (`GrantRequests`).
    case grantRequestDecision(UUID, approve: Bool)
    case officer(UUID)
    case users, organisations, bodies, officers, powers, benchmarks, importExport, deadline, record, tokens

    var path: String {
        switch self {
        case .home: "/console"
        case .cases(let p): p.map { "/console/cases?procedure=\($0)" } ?? "/console/cases"
        case .caseFile(let id): "/console/cases/\(id.uuidString)"
        case .caseDocument(let id, let kind, let step):
            "/console/cases/\(id.uuidString)/documents/\(kind.rawValue)" + (step.map { "?step=\($0)" } ?? "")
        case .caseArchive(let id): "/console/cases/\(id.uuidString)/archive"
        case .yearFigures(let p, let year): "/console/\(p)/statistics" + (year.map { "?year=\($0)" } ?? "")
        case .enforcementStatistics: "/console/statistics"
        case .transfers: "/console/transfers"
        case .committee: "/console/reconsideration/committee"
        case .disclosureCatalogue: "/console/disclosure/catalogue"
        case .normativeImport: "/console/normative/import"
        case .normativeCatalogue: "/console/normative/catalogue.xlsx"
        case .normativeIssuers: "/console/normative/issuers"
        case .advisers: "/console/advisers"
        case .advisersExport: "/console/advisers.xlsx"
        case .decisionLedger: "/console/major-decisions.xlsx"
        case .draws: "/console/draws"
        case .alerts(let body, let rule, let state):
            "/console/supervision"
                + Self.query([("body", body?.uuidString), ("rule", rule), ("state", state)])
        case .alert(let id): "/console/supervision/alerts/\(id)"
        case .fileReviews: "/console/file-reviews"
        case .study(let year): "/console/study" + (year.map { "?year=\($0)" } ?? "")
        case .assessment(let year, let unit):
            "/console/assessment" + Self.query([("year", year.map(String.init)), ("unit", unit?.uuidString)])
        case .ledger(let kind, let year, let edit):
            "/console/ledgers/\(kind)" + Self.query([("year", year.map(String.init)), ("edit", edit?.uuidString)])
        case .annualReport(let unit, let year):
            "/console/annual-report" + Self.query([("unit", unit?.uuidString), ("year", year.map(String.init))])
        case .draw(let id): "/console/draws/\(id.uuidString)"
        case .drawsPortal: "/random-inspections"
        case .drawPortal(let id): "/random-inspections/\(id.uuidString)"
        case .decisionsPortal(let year): "/major-decisions" + (year.map { "?year=\($0)" } ?? "")
        case .decisionPortal(let id): "/major-decisions/\(id.uuidString)"
        case .disclosureReport(let year): "/console/disclosure/report" + (year.map { "?year=\($0)" } ?? "")
        case .users: "/console/users"
        case .userPage(let id): "/console/users/\(id.uuidString)"
        case .grantRequestDecision(let id, let approve):
            "/console/grant-requests/\(id.uuidString)/\(approve ? "approve" : "reject")"
        case .officer(let id): "/console/officers/\(id.uuidString)"
        case .organisations: "/console/organisations"
        case .bodies: "/console/bodies"
        case .officers: "/console/officers"
        case .powers: "/console/powers"
        case .benchmarks: "/console/benchmarks"
        case .importExport: "/console/import"
        case .deadline: "/console/deadline"
        case .record: "/console/record"
        case .tokens: "/console/tokens"
        }
    }
}

extension SitePath {
    /// `?a=1&b=2` of the parameters that are set (percent-encoded), or nothing.
    static func query(_ items: [(String, String?)]) -> String {
        let set = items.compactMap { k, v in
            v.map {
                "\(k)=\($0.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(["&", "=", "+"])) ?? "")"
            }
        }
        return set.isEmpty ? "" : "?" + set.joined(separator: "&")
    }
}

/// The groups of the console's navigation, by the systems of 法治政府建设.
enum NavGroup: String, CaseIterable, Sendable {
    case enforcement = "执法"
    case supervision = "执法监督"
    case disputes = "复议·应诉·调解"
    case openness = "政务公开"
    case rules = "规范性文件"
    case decisions = "重大决策·法律顾问"
    case registers = "登记簿"
    case statistics = "统计"
    case system = "系统"
}

/// One entry of the console's navigation: where it goes, under which group, and who uses it.
struct NavEntry: Sendable {
    let group: NavGroup
    let title: String
    let path: SitePath
    /// Shown to a user holding any of these roles (every role when empty).
    let roles: Set<Role>

    init(_ group: NavGroup, _ title: String, _ path: SitePath, roles: Set<Role> = []) {
        self.group = group; self.title = title; self.path = path; self.roles = roles
    }

    func visible(to roles: Set<Role>) -> Bool { self.roles.isEmpty || !self.roles.isDisjoint(with: roles) }
}
