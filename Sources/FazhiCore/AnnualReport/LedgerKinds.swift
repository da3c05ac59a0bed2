/// The 台账 Fazhi keeps for the report, each as its fields.
public enum LedgerKinds {
    public static let all: [LedgerKind] = [duty, course, exam, indicator, workPlan]

    public static func kind(_ id: String) -> LedgerKind? { all.first { $0.id == id } }

    /// 第一责任人履职记录: what the principal Party and government leaders did as 推进法治建设第一责任人 — meetings chaired,
    /// work heard, instructions, 述法, 宪法宣誓 — the report's part 三 (党政主要负责人履行推进法治建设第一责任人职责规定, 中办、国办
    /// 2016; article numbers **[U]**). 学法 is kept in the 学法 records.
    public static let duty = LedgerKind(
        id: "duty", title: "第一责任人履职记录", dateLabel: "履职日期",
        fields: [
            LedgerField("leader", "负责人（姓名、职务）", .text(max: 60)),
            LedgerField("form", "履职方式", .choice(DutyForm.allCases.map { ($0.rawValue, $0.chineseName) })),
            LedgerField("subject", "事项", .text(max: 200), hint: "研究的议题、听取的汇报、批示的事项或述法的题目"),
            LedgerField("document", "文件或材料", .text(max: 200), required: false, hint: "会议纪要、批示件或述法报告的文号"),
            LedgerField("evaluation", "评议结果", .text(max: 200), required: false, hint: "述法的评议结果（好、较好、一般、差）"),
        ],
        purpose: "党政主要负责人履行推进法治建设第一责任人职责的记录：主持会议研究法治建设、听取汇报、作出批示、述法、组织宪法宣誓。年度报告第三部分据此起草。",
        rules: [
            { e in
                e["form"] == DutyForm.lawReport.rawValue && e["evaluation"].isEmpty
                    ? DomainError.invalid(field: "evaluation", message: "述法应填写评议结果") : nil
            }
        ])

    /// 履职方式.
    public enum DutyForm: String, CaseIterable, Sendable {
        case chaired, heard, instruction, lawReport, oath

        public var chineseName: String {
            switch self {
            case .chaired: "主持会议研究法治建设"
            case .heard: "听取法治建设工作汇报"
            case .instruction: "对法治建设作出批示"
            case .lawReport: "述法"
            case .oath: "组织宪法宣誓"
            }
        }
    }

    /// 执法人员培训: a course with its hours and the officers who attended (by 执法证号) — each officer's hours of the year
    /// are the 名录's registered hours plus the courses attended here.
    public static let course = LedgerKind(
        id: "course", title: "执法人员培训", dateLabel: "培训日期",
        fields: [
            LedgerField("title", "培训名称", .text(max: 200)),
            LedgerField("organiser", "主办单位", .text(max: 100)),
            LedgerField("hours", "学时", .number(min: 0.5, max: 200, whole: false), unit: "学时"),
            LedgerField("attendees", "参训人员执法证号", .certificates, hint: "每行一个执法证号，须为执法人员名录中的人员"),
        ],
        purpose: "执法人员培训的期次、学时和参训人员。参训人员的学时计入其年度培训学时（执法人员名录登记的学时另计）。")

    /// 行政执法人员资格考试: the candidates' scores, the pass mark, the certificates issued after it.
    public static let exam = LedgerKind(
        id: "exam", title: "执法资格考试", dateLabel: "考试日期",
        fields: [
            LedgerField("title", "考试名称", .text(max: 200)),
            LedgerField("passMark", "合格分数线", .number(min: 1, max: 100, whole: false), unit: "分"),
            LedgerField("scores", "考生成绩", .scores, hint: "每行“姓名 分数”"),
            LedgerField(
                "certificates", "已发执法证", .number(min: 0, max: 100_000, whole: true), required: false,
                hint: "考试合格后已核发的执法证件数", unit: "个"),
        ],
        purpose: "行政执法人员资格考试：参考人数、合格人数由考生成绩和合格分数线算出；合格后核发执法证件。",
        rules: [
            { e in
                let passed = e.scores("scores").filter { $0.score >= e.number("passMark") }.count
                return e.number("certificates") > Double(passed)
                    ? DomainError.invalid(field: "certificates", message: "已发执法证不能多于考试合格人数（\(passed)人）") : nil
            }
        ])

    /// 单位填报指标: a yearly figure another system owns (普法, 法律援助, 公证, 信访 …), entered by its unit with the source
    /// named and the supporting document — stated in the report as reported, not computed.
    public static let indicator = LedgerKind(
        id: "indicator", title: "单位填报指标", dateLabel: "数据截至日期",
        fields: [
            LedgerField(
                "indicator", "指标",
                .choice(ReportedIndicator.allCases.map { ($0.rawValue, "\($0.chineseName)（\($0.unit)）") })),
            LedgerField("value", "数值", .number(min: 0, max: 1_000_000_000, whole: true)),
            LedgerField("source", "数据来源", .text(max: 200), hint: "提供数据的单位或系统，如“县司法局公共法律服务管理系统”"),
            LedgerField("attachment", "证明材料", .text(max: 200), hint: "统计报表或台账的名称、文号"),
        ],
        purpose: "普法、法律援助、公证、信访等由其他系统统计的年度数据，由负责单位填报并注明来源和证明材料；年度报告中注明“据单位填报”，与系统计算的数字区分。",
        uniqueBy: ["indicator"])

    /// The figures units report.
    public enum ReportedIndicator: String, CaseIterable, Sendable {
        case legalEducation, legalAid, notarization, legalConsultation, peopleMediation, petitions, proposals
        case courtLiaison, onlineServices, creditDisclosure

        public var chineseName: String {
            switch self {
            case .legalEducation: "开展普法宣传活动"
            case .legalAid: "办理法律援助案件"
            case .notarization: "办理公证事项"
            case .legalConsultation: "提供公共法律服务咨询"
            case .peopleMediation: "人民调解组织调解矛盾纠纷"
            case .petitions: "受理信访事项"
            case .proposals: "办理人大代表建议和政协提案"
            case .courtLiaison: "府院联动会商"
            case .onlineServices: "政务服务事项实现全程网办"
            case .creditDisclosure: "公示行政许可和行政处罚信用信息"
            }
        }

        public var unit: String {
            switch self {
            case .legalEducation: "场次"
            case .legalConsultation: "人次"
            case .courtLiaison: "次"
            case .onlineServices: "项"
            case .creditDisclosure: "条"
            default: "件"
            }
        }

        /// The 纲要 system the figure is reported under.
        public var system: ReportSystem {
            switch self {
            case .onlineServices, .creditDisclosure: .functions
            case .proposals: .oversight
            case .legalEducation: .safeguards
            default: .disputes
            }
        }
    }

    /// 工作要点: a task of the year's work plan with its lead unit, 完成时限 and progress — overdue ones go into part 二,
    /// next year's into part 四.
    public static let workPlan = LedgerKind(
        id: "workPlan", title: "工作要点", dateLabel: "完成时限", dateMayBeAhead: true,
        fields: [
            LedgerField("task", "任务", .paragraph(max: 500)),
            LedgerField("owner", "牵头单位", .text(max: 100)),
            LedgerField("progress", "进展", .choice(TaskProgress.allCases.map { ($0.rawValue, $0.chineseName) })),
            LedgerField("progressNote", "进展情况", .paragraph(max: 1000), required: false),
        ],
        purpose: "年度法治政府建设工作要点的任务、牵头单位、完成时限和进展。逾期未完成的写入年度报告第二部分，下一年度的任务写入第四部分。")

    public enum TaskProgress: String, CaseIterable, Sendable {
        case planned, ongoing, done

        public var chineseName: String {
            switch self {
            case .planned: "未开始"
            case .ongoing: "推进中"
            case .done: "已完成"
            }
        }
    }
}
