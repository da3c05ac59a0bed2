import FazhiCore
import FazhiStore
import Fluent
import Vapor

/// Something waiting for the user (待办), shown on the console home page. Later capabilities add their own
/// (cases near their deadline, reviews to do…) through `PendingItems.providers`.
struct PendingItem {
    enum Severity: String { case info, warning, overdue }
    let severity: Severity
    let title: String
    let detail: String
    let link: String?
}

enum PendingItems {
    typealias Provider = @Sendable (AuthUser, Request) async throws -> [PendingItem]

    static let providers: [Provider] = [platformItems, registryItems, caseItems] + AppModules.all.flatMap(\.pending)

    /// Case deadlines of the user's bodies that are overdue or due within three days, each linking to its case.
    /// The periods ending within three days or ended. The body's own read as its deadline (剩余、已逾期); a party's or
    /// another organ's period is not the body's to miss: while it runs it is shown as theirs, and once it has ended as the
    /// body's next step, now open (`PeriodHolder`).
    static let caseItems: Provider = { user, req in
        let today = req.fazhi.today
        var others: [String: Set<String>] = [:], acting: [String: Set<Role>] = [:]
        var answering: [String: [String: Set<Role>]] = [:]
        for d in req.fazhi.procedures.definitions {
            others[d.id, default: []].formUnion(d.othersPeriods)
            acting[d.id, default: []].formUnion(d.actions.flatMap(\.roles))
            answering[d.id, default: [:]].merge(d.periodRoles) { $0.union($1) }
        }
        // The cases of the bodies the user works in, and of the 受委托组织 acting in their name; a supervisor's reach over
        // the jurisdiction, or a government head's over its departments, is for reading, not a list of their deadlines.
        let own = Set(user.grants.filter { $0.role != .supervisor }.map(\.organisationID))
        let entrusted = try await EnforcementBodies.all(on: req.db).filter {
            $0.entrustingOrganisationId.map(own.contains) ?? false
        }.map(\.organisationId)
        let scope = own.union(entrusted)
        return try await CaseStore.runningDeadlines(bodies: scope, on: req.db).compactMap { d -> PendingItem? in
            guard let due = CivilDate(iso: d.due) else { return nil }
            let left = today.days(until: due)
            guard left <= 3 else { return nil }
            // Only the periods the user answers at that body: a 复议 clerk is not shown the 调解 or 投诉举报 desks' periods
            // of the same 司法局, nor the 法制审核 reviewer the head's 作出处罚决定.
            let roles = CasesAPI.actor(user, body: d.bodyId, procedure: d.procedure).roles
            let answeredBy = answering[d.procedure]?[d.key] ?? acting[d.procedure] ?? []
            guard !roles.isDisjoint(with: answeredBy) else { return nil }
            let link = SitePath.caseFile(d.caseId).path
            if others[d.procedure]?.contains(d.key) == true {
                return left < 0
                    ? PendingItem(
                        severity: .overdue, title: "\(d.number) \(d.partyName)：“\(d.name)”已届满，请办理下一步",
                        detail: "期限于\(d.due)届满（\(d.article)）；打开案件查看现在可以办理的步骤", link: link)
                    : PendingItem(
                        severity: .info, title: "\(d.number) \(d.partyName)：\(d.name)（当事人或者其他机关的期限）",
                        detail: "\(d.due)届满，还剩\(left)天；届满后可以办理下一步（\(d.article)）", link: link)
            }
            return PendingItem(
                severity: left < 0 ? .overdue : .warning, title: "\(d.number) \(d.partyName)：\(d.name)",
                detail: left < 0 ? "已逾期\(-left)天（\(d.due)，\(d.article)）" : "\(d.due)到期，还剩\(left)天（\(d.article)）",
                link: link)
        }
    }

    /// Officers whose certificates expire within the warning period or have expired, and those under the yearly
    /// training target, in the bodies the user manages or supervises.
    static let registryItems: Provider = { user, req in
        let scope = user.registryWritable
        guard !scope.isEmpty else { return [] }
        let today = req.fazhi.today, settings = req.fazhi.options.registrySettings
        var expiring = 0, expired = 0, training = 0
        for o in try await Officers.list(bodies: scope, year: today.year, on: req.db) {
            for a in OfficerAlert.alerts(for: o.profile(year: today.year), today: today, settings: settings) {
                switch a {
                case .expiresSoon: expiring += 1;
                case .expired: expired += 1;
                case .trainingBelowTarget: training += 1
                }
            }
        }
        var items: [PendingItem] = []
        if expired > 0 {
            items.append(
                PendingItem(
                    severity: .overdue, title: "\(expired) 名执法人员的执法证已过期", detail: "过期后不得从事执法活动（行政处罚法 第四十二条）；请换证或调整岗位。",
                    link: "/console/officers?alert=expired"))
        }
        if expiring > 0 {
            items.append(
                PendingItem(
                    severity: .warning, title: "\(expiring) 名执法人员的执法证将在\(settings.expiryWarningDays)日内到期",
                    detail: "请及时办理换证。", link: "/console/officers?alert=expiring"))
        }
        if training > 0 {
            items.append(
                PendingItem(
                    severity: .info,
                    title: "\(training) 名执法人员\(today.year)年培训学时不足\(Yuan.number(settings.trainingHoursTarget))学时",
                    detail: "请安排培训，或者在执法人员登记簿中补录已完成的学时。", link: "/console/officers?alert=training"))
        }
        return items
    }

    static func all(for user: AuthUser, _ req: Request) async throws -> [PendingItem] {
        var out: [PendingItem] = []
        for p in providers { out += try await p(user, req) }
        return out
    }

    /// The platform's own: accounts without a role, next year's holiday data, the record's checkpoint.
    static let platformItems: Provider = { user, req in
        var items: [PendingItem] = []
        if user.grants.isEmpty {
            items.append(
                PendingItem(severity: .warning, title: "您尚未被授予任何角色", detail: "请联系本单位系统管理员授予角色后再办理业务。", link: nil))
        }
        if user.isAdmin {
            let administered = Array(user.administered)
            let users = try await UserRecord.query(on: req.db).filter(\.$organisationID ~~ administered).filter(
                \.$isActive == true
            ).all()
            let granted = Set(
                try await RoleGrantRecord.query(on: req.db).filter(\.$userID ~~ users.compactMap(\.id)).all().map(
                    \.userID))
            for u in users where !granted.contains(u.id!) {
                items.append(
                    PendingItem(
                        severity: .info, title: "用户“\(u.displayName)”尚无角色", detail: "账号 \(u.username) 无法办理任何业务。",
                        link: SitePath.userPage(u.id!).path))
            }
        }
        if user.isAdmin || user.isSupervisor {
            // 状态审计: a row edited past Fazhi, named with the record entry it contradicts.
            for p in req.fazhi.stateAlerts.current.problems {
                items.append(
                    PendingItem(
                        severity: .overdue, title: "数据完整性告警：\(p.message)",
                        detail: "该内容未经本系统被改动，与全过程记录不符。请核查数据库访问记录，按记录恢复后重新全量校验。", link: SitePath.record.path))
            }
        }
        // Operations (the calendar's years, the checkpoint signer) are the 系统管理员's.
        if user.isAdmin {
            let today = req.fazhi.today
            let next = today.year + 1
            if !req.fazhi.calendar.years.contains(today.year) {
                items.append(
                    PendingItem(
                        severity: .overdue, title: "\(today.year)年节假日安排尚未载入",
                        detail: "本年度的期限均无法计算（失败即关闭）。请将 cn-\(today.year).csv 放入日历数据目录并重启。", link: SitePath.deadline.path)
                )
            } else if !req.fazhi.calendar.years.contains(next) && today.month >= 10 {
                items.append(
                    PendingItem(
                        severity: .warning, title: "\(next)年节假日安排尚未载入",
                        detail: "届满日跨入\(next)年的期限将拒绝计算。国务院办公厅通知发布后，请将 cn-\(next).csv 放入日历数据目录。",
                        link: SitePath.deadline.path))
            }
            let size = try await RecordLog.size(on: req.db)
            let latest = try await RecordLog.latestCheckpoint(on: req.db)
            let covered = latest?.treeSize ?? 0
            if size > covered {
                items.append(
                    PendingItem(
                        severity: .info, title: "全过程记录有 \(size - covered) 条尚未纳入签名检查点", detail: "检查点会定时自动签署，也可立即签署。",
                        link: SitePath.record.path))
            }
        }
        return items
    }
}

struct HomeController {
    static func register(_ console: any RoutesBuilder) {
        console.get { req async throws -> Response in
            let user = try req.requireUser()
            let items = try await PendingItems.all(for: user, req)
            let orgs = try await OrganisationRecord.query(on: req.db).all()
            let orgName = Dictionary(uniqueKeysWithValues: orgs.map { ($0.id!, $0.name) })
            let mine = try await RecordLog.recent(on: req.db, limit: 10, actor: user.id.uuidString)
            // Steps by their names in the procedures, cases by their numbers: what a person recognises.
            var steps: [String: String] = [:]
            for d in req.fazhi.procedures.definitions {
                for a in d.actions where steps[a.id] == nil { steps[a.id] = a.name }
            }
            var numbers: [String: String] = [:]
            for e in mine where e.subjectType == "case" {
                if let id = UUID(uuidString: e.subjectID), let c = try await CaseStore.load(id, on: req.db) {
                    numbers[e.subjectID] = c.number
                }
            }
            let model = HomeView.Model(
                name: user.displayName, organisation: orgName[user.organisationID] ?? "",
                grants: user.grants.map { "\($0.role.chineseName) · \(orgName[$0.organisationID] ?? "")" },
                pending: items,
                recent: mine.map { e in
                    (
                        Int(e.sequence), String(e.recordedAt.prefix(19)).replacingOccurrences(of: "T", with: " "),
                        ActionNames.describe(e, steps: steps, numbers: numbers)
                    )
                })
            let body = HomeView(model: model).render()
            return Views.console(
                "工作台", user: user, request: req, active: SitePath.home.path, flash: Flash.take(req), body)
        }
    }
}

/// Readable names of record actions.
enum ActionNames {
    static let subjects: [String: String] = [
        "user": "用户", "role_grant": "角色授权", "api_token": "API 令牌", "organisation": "机关", "region": "行政区划",
        "officer": "执法人员", "enforcement_body": "执法主体", "power_item": "权责清单事项", "benchmark": "裁量基准",
        "publication": "公示", "supervision_alert": "执法监督预警", "file_review": "案卷评查", "file_review_campaign": "案卷评查活动",
        "draw_task": "双随机抽查任务", "draw_plan": "抽查计划", "draw_items": "随机抽查事项清单", "draw_rules": "抽查细则",
        "legal_adviser": "法律顾问", "adviser_work": "法律顾问工作", "committee_member": "复议委员会委员",
        "proactive_item": "主动公开目录", "public_comment": "公众意见", "report_text": "年度法治政府建设情况报告",
    ]
    static let actions: [String: String] = [
        "create": "新建", "grant": "授予", "revoke": "撤销", "password": "重设密码", "enable": "启用", "disable": "停用",
        "update": "修改", "add": "登记", "publish": "公布", "withdraw": "撤回", "answer": "答复", "close": "核查关闭",
        "score": "评分", "start": "启动", "import": "导入", "edit_text": "撰写", "log": "登记", "save": "保存",
        "file": "报备", "hours": "登记学时", "submit": "提交",
    ]

    /// A record entry in words: a case step by its name and the case by its number; other changes by what they are.
    static func describe(_ e: RecordEntry, steps: [String: String] = [:], numbers: [String: String] = [:]) -> String {
        if e.subjectType == "case" {
            let name =
                e.action == "open"
                ? "登记案件"
                : e.action == "evidence_upload"
                    ? "上传证据" : e.action == "reveal_personal" ? "查看完整个人信息" : steps[e.action] ?? "办理"
            return "\(name)（\(numbers[e.subjectID] ?? "案件")）"
        }
        let subject = subjects[e.subjectType] ?? "业务记录"
        let action: String
        switch e.action {
        case "create": action = "新建"
        case "grant": action = "授予"
        case "revoke": action = "撤销"
        case "password": action = "重设密码"
        case "enable": action = "启用"
        case "disable": action = "停用"
        default: action = actions[e.action] ?? "变更"
        }
        if e.subjectType == "role_grant" { return "\(action)角色（\(e.subjectID.prefix(8))）" }
        return "\(action)\(subject)（\(e.subjectID.prefix(8))）"
    }
}
