/// The 台账 Fazhi keeps for the report, each as its fields.
public enum LedgerKinds {
    public static let all: [LedgerKind] = [duty, course, exam, indicator, workPlan]

    public static func kind(_ id: String) -> LedgerKind? { all.first { $0.id == id } }

    /// 第一责任人履职记录: what the principal leaders did as 推进法治建设第一责任人 — meetings chaired, work deployed and
    /// heard, instructions, 督察整改 pressed, 宪法宣誓 supervised, and 述法 (党政主要负责人履行推进法治建设第一责任人职责规定,
    /// 中办、国办 2016, puts 履职情况 into the year-end 述职; a dedicated 述法 to the Party committee above comes from later
    /// 中央依法治国办 documents — **[U]**). The report's part 三. 学法 is kept in the 学法 records. A 述法 is of a year (held
    /// early the next): it counts for its 述法年度, not the year it was held.
    public static let duty = LedgerKind(
        id: "duty", title: "第一责任人履职记录", dateLabel: "履职日期",
        fields: [
            LedgerField("leader", "负责人（姓名、职务）", .text(max: 60)),
            LedgerField(
                "role", "负责人身份",
                .choice([("party", "党委（党组）主要负责人"), ("government", "政府主要负责人"), ("department", "部门主要负责人")])),
            LedgerField("form", "履职方式", .choice(DutyForm.allCases.map { ($0.rawValue, $0.chineseName) })),
            LedgerField("subject", "事项", .text(max: 200), hint: "研究的议题、听取的汇报、批示的事项或述法的题目"),
            LedgerField("document", "文件或材料", .text(max: 200), required: false, hint: "会议纪要、批示件或述法报告的文号"),
            LedgerField(
                "lawYear", "述法年度", .number(min: 2000, max: 2100, whole: true), required: false,
                hint: "述法所述的年度（次年年初述上一年度）"),
            LedgerField(
                "venue", "述法场合", .text(max: 100), required: false, hint: "如：市委全面依法治市委员会会议、年终述职"),
            LedgerField(
                "evaluation", "评议结果", .choice(["好", "较好", "一般", "差"].map { ($0, $0) }), required: false,
                hint: "述法的评议结果"),
        ],
        purpose:
            "主要负责人履行推进法治建设第一责任人职责的记录：主持会议研究部署法治建设、审定工作要点、听取汇报、作出批示、督办督察整改、监誓宪法宣誓、述法。述法按所述年度计入（次年年初述上一年度的，计入上一年度）。年度报告第三部分据此起草。",
        rules: [
            { e in
                e["form"] == DutyForm.lawReport.rawValue && e["evaluation"].isEmpty
                    ? DomainError.invalid(field: "evaluation", message: "述法应填写评议结果") : nil
            },
            { e in
                guard e["form"] != DutyForm.lawReport.rawValue else { return nil }
                for field in ["lawYear", "venue", "evaluation"] where !e[field].isEmpty {
                    return DomainError.invalid(field: field, message: "述法年度、述法场合和评议结果只在履职方式为“述法”时填写")
                }
                return nil
            },
            { e in
                guard e["form"] == DutyForm.lawReport.rawValue else { return nil }
                guard let y = Int(e["lawYear"]), y <= e.on.year, y >= e.on.year - 1 else {
                    return DomainError.invalid(field: "lawYear", message: "述法应填写所述年度（当年或上一年度）")
                }
                return nil
            },
        ], yearField: "lawYear")

    /// 履职方式.
    public enum DutyForm: String, CaseIterable, Sendable {
        case chaired, deployed, heard, instruction, rectification, oath, lawReport

        public var chineseName: String {
            switch self {
            case .chaired: "主持会议研究法治建设"
            case .deployed: "审定年度法治建设工作要点或计划"
            case .heard: "听取法治建设工作汇报"
            case .instruction: "对法治建设作出批示"
            case .rectification: "督办法治督察反馈问题整改"
            // Those the 人大 elects or appoints swear before it; the government's head supervises (监誓) the oath of
            // those the government itself appoints.
            case .oath: "监誓本级政府任命人员宪法宣誓"
            case .lawReport: "述法"
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
            LedgerField(
                "category", "培训类别",
                .choice([("legal", "业务知识和法律法规"), ("political", "政治理论和党性教育")]),
                hint: "执法人员每年60学时的培训要求按业务知识和法律法规类计算"),
            LedgerField("attendees", "参训人员执法证号", .certificates, hint: "每行一个执法证号，须为执法人员名录中的人员"),
        ],
        purpose: "执法人员培训的期次、学时和参训人员。业务知识和法律法规类培训的学时计入参训人员的年度培训学时（执法人员名录登记的学时另计）。",
        // 政治理论和党性教育 hours are on top of the yearly requirement, not part of it.
        officerHours: { e in e["category"] == "political" ? 0 : e.number("hours") })

    /// 行政执法人员资格考试: the province sets and runs it (统筹资格考试和证件制发); the county enters who it sent, their
    /// scores and the pass mark the province set, and the certificates it applied for after it.
    public static let exam = LedgerKind(
        id: "exam", title: "组织参加执法资格考试", dateLabel: "考试日期",
        fields: [
            LedgerField("title", "考试名称", .text(max: 200), hint: "如：全省行政执法人员资格考试"),
            LedgerField("passMark", "合格分数线", .number(min: 1, max: 100, whole: false), hint: "省级统一划定", unit: "分"),
            LedgerField("scores", "考生成绩", .scores, hint: "每行“姓名 分数”；有同名考生的写“姓名 身份证号 分数”"),
            LedgerField(
                "certificates", "申领执法证", .number(min: 0, max: 100_000, whole: true), required: false,
                hint: "为考试合格人员申领的执法证件数", unit: "个"),
        ],
        purpose: "组织本单位人员参加省级统一的行政执法人员资格考试：参考人数、合格人数由考生成绩和省定合格分数线算出；考试合格后申领执法证件。",
        rules: [
            { e in
                let passed = e.scores("scores").filter { $0.score >= e.number("passMark") }.count
                return e.number("certificates") > Double(passed)
                    ? DomainError.invalid(field: "certificates", message: "申领执法证不能多于考试合格人数（\(passed)人）") : nil
            }
        ],
        derived: [
            .init("合格（人）") { e in e.scores("scores").filter { $0.score >= e.number("passMark") }.count }
        ],
        qualifies: { e in e.scores("scores").filter { $0.score >= e.number("passMark") } })

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
            LedgerField(
                "attachment", "证明材料", .text(max: 200), hint: "统计报表或台账的名称、文号；登记后可在列表中点“上传”附扫描件"),
        ],
        purpose:
            "普法、法律援助、公证、信访等由其他系统统计的年度数据，由负责统计的单位填报一次（如法律援助由司法局填报全县数据，其他单位不重复填报），注明来源和证明材料；年度报告中标注为单位填报，与系统计算的数字区分。",
        uniqueBy: ["indicator"])

    /// The figures units report.
    public enum ReportedIndicator: String, CaseIterable, Sendable {
        case legalEducation, legalAid, notarization, legalConsultation, peopleMediation, petitions, proposals
        case cppccProposals, courtLiaison, onlineServices, creditDisclosure

        public var chineseName: String {
            switch self {
            case .legalEducation: "开展普法宣传活动"
            case .legalAid: "办理法律援助案件"
            case .notarization: "办理公证事项"
            case .legalConsultation: "提供公共法律服务咨询"
            case .peopleMediation: "人民调解组织调解矛盾纠纷"
            case .petitions: "受理信访事项"
            case .proposals: "办理人大代表建议"
            case .cppccProposals: "办理政协委员提案"
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

        /// The sentence the report makes of it, as the counties' reports word these figures.
        public var sentence: String {
            switch self {
            case .legalEducation: "开展普法宣传活动{legalEducation}场次。"
            case .legalAid: "受理法律援助案件{legalAid}件。"
            case .notarization: "办理公证事项{notarization}件。"
            case .legalConsultation: "公共法律服务平台接待法律咨询{legalConsultation}人次。"
            case .peopleMediation: "各级人民调解组织调解矛盾纠纷{peopleMediation}件。"
            case .petitions: "受理信访事项{petitions}件。"
            case .proposals: "办理人大代表建议{proposals}件。"
            case .cppccProposals: "办理政协委员提案{cppccProposals}件。"
            case .courtLiaison: "开展府院联动会商{courtLiaison}次。"
            case .onlineServices: "{onlineServices}项政务服务事项实现全程网办。"
            case .creditDisclosure: "公示行政许可和行政处罚信用信息{creditDisclosure}条。"
            }
        }

        /// The 纲要 system the figure is reported under.
        public var system: ReportSystem {
            switch self {
            case .onlineServices, .creditDisclosure: .functions
            case .proposals, .cppccProposals: .oversight
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
        purpose: "年度法治政府建设工作要点的任务、牵头单位、完成时限和进展。逾期未完成的写入年度报告第二部分，下一年度的任务写入第四部分。",
        overdue: { e, today in e.on < today && e["progress"] != TaskProgress.done.rawValue })

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
