import Foundation

/// 年度法治政府建设情况报告 as a course a unit runs each year (法治政府建设与责任落实督察工作规定, 厅字〔2019〕28号): written,
/// frozen with its figures and reviewed by the head, submitted by 3月1日 (a department to its government and the
/// higher department; a government to the same-level Party committee and 人大常委会), published by 4月1日. The frozen
/// text's SHA-256 is on the record, so the published report can be checked against it.
public enum AnnualReportProcedure {
    public static let id = "annual_report"
    public static let version = 1
    static let source = "法治政府建设与责任落实督察工作规定（厅字〔2019〕28号）"

    public enum State {
        public static let new = ProcedureState("new", "尚未开始")
        public static let drafting = ProcedureState("drafting", "起草中")
        public static let reviewing = ProcedureState("reviewing", "已定稿待审核")
        public static let approved = ProcedureState("approved", "审核通过")
        public static let submitted = ProcedureState("submitted", "已报送")
        public static let published = ProcedureState("published", "已向社会公开", terminal: true)
    }

    public enum Step {
        public static let start = "start"
        public static let submitForReview = "submit_review"
        public static let returnDraft = "return_draft"
        public static let approve = "approve"
        public static let submit = "submit"
        public static let publish = "publish"
    }

    /// Those who write the report: the unit's head and 法制机构, the 司法局's staff who draft a government's.
    static let writers: Set<Role> = [.head, .legalReviewer, .supervisor]

    /// Whether the step is taken after the period's last day.
    static func late(_ c: StepContext, _ due: FactKey<CivilDate>) -> Bool {
        c.file.facts[due].map { c.date > $0 } ?? false
    }

    /// A reason of 1 to 500 characters given in the input.
    static func explained(_ c: StepContext, _ input: String) -> Bool {
        (1...500).contains((c.inputs.text(input) ?? "").trimmingCharacters(in: .whitespacesAndNewlines).count)
    }

    /// The report's title for a year (what lists show as its party).
    public static func title(_ year: Int) -> String { "\(year)年度法治政府建设情况报告" }

    public static func definition(_ settings: ProcedureSettings) -> ProcedureDefinition {
        typealias F = AnnualReportFact
        let actions: [ActionDefinition] = [
            ActionDefinition(
                Step.start, "开始编写", from: [State.new.id], to: State.drafting.id, by: writers, basis: source
            )
            .asks(.init("reportYear", "报告年度", .number))
            .gate(source, "报告年度应在2000年至今年之间", field: "reportYear") { c in
                guard let y = c.inputs[F.reportYear] else { return false }
                return y >= 2000 && y <= Double(c.date.year) && y == y.rounded()
            }
            .then(
                .compute(writes: F.title, F.submitBy, F.publishBy) { c in
                    let year = Int(c.inputs[F.reportYear] ?? 0)
                    var out = Facts([F.title ~ title(year)])
                    out[F.submitBy] = CivilDate(year: year + 1, month: 3, day: 1)
                    out[F.publishBy] = CivilDate(year: year + 1, month: 4, day: 1)
                    return out
                },
                // 3月1日: reported to the Party committee and government (or the 人大常委会) and the department above.
                .startDeadlineUntil(
                    key: "submission", name: "报送年度报告", dateFact: F.submitBy.id, article: source),
                // 4月1日: published to the public (第二十四条 as the county catalogue quotes it).
                .startDeadlineUntil(
                    key: "publication", name: "向社会公开年度报告", dateFact: F.publishBy.id, article: source + "第二十四条")
            ),
            ActionDefinition(
                Step.submitForReview, "定稿提交审核", from: [State.drafting.id], to: State.reviewing.id, by: writers,
                basis: source
            )
            .looksUp(.snapshot(into: "snapshot"))
            // The report is of a year that has ended (each year's report is of the year before).
            .gate(source, "报告年度尚未结束，年度结束后才能定稿") { c in
                Double(c.date.year) > (c.file.facts[F.reportYear] ?? Double(c.date.year))
            }
            .gate(source, "请在年度报告页面“定稿并提交审核”：由系统按当时的统计数据生成定稿") { c in
                c.external.text("snapshot") != nil
            }
            .then(
                .compute(writes: F.reportSha256, F.frozenOn) { c in
                    Facts([F.reportSha256 ~ (c.external.text("snapshot") ?? ""), F.frozenOn ~ c.date])
                }),
            ActionDefinition(
                Step.returnDraft, "退回修改", from: [State.reviewing.id], to: State.drafting.id, by: [.head],
                basis: source
            )
            .asks(.init("returnReason", "退回理由（需修改之处）"))
            .then(
                .compute(writes: F.reviewOpinion) { c in
                    Facts([F.reviewOpinion ~ ("退回：" + (c.inputs.text("returnReason") ?? ""))])
                }),
            ActionDefinition(
                Step.approve, "审核通过", from: [State.reviewing.id], to: State.approved.id, by: [.head], basis: source
            )
            .asks(.init("reviewOpinion", "审核意见", required: false))
            // A review is another person's: the one who froze the report does not approve it.
            .gate(source, "定稿提交人不能审核自己提交的报告，应由本单位负责人另行审核") { c in
                c.file.steps.last { $0.action == Step.submitForReview }?.actorID != c.actor.id
            }
            .then(
                .compute(writes: F.reviewOpinion) { c in Facts([F.reviewOpinion ~ (c.inputs[F.reviewOpinion] ?? "同意")])
                }),
            ActionDefinition(
                Step.submit, "报送", from: [State.approved.id], to: State.submitted.id, by: writers, basis: source
            )
            .asks(.init("recipients", "报送机关（党委、人大常委会、上一级政府或者主管部门）"))
            .asks(.init("documentNumber", "报送文号（如：清政〔2027〕5号）"))
            .asks(.init("submitLateReason", "逾期报送的原因（已过3月1日时填写）", required: false))
            .gate(source, "报送机关不超过200字", field: "recipients") { c in (c.inputs.text("recipients") ?? "").count <= 200 }
            .gate(source, "请填写报送文号（50字以内）", field: "documentNumber") { c in
                (1...50).contains((c.inputs.text("documentNumber") ?? "").trimmingCharacters(in: .whitespaces).count)
            }
            // Reported after 3月1日: the delay is explained on the record (the 督察 asks for it).
            .gate(source, "已过3月1日报送期限，请说明逾期报送的原因", field: "submitLateReason") { c in
                !Self.late(c, F.submitBy) || Self.explained(c, "submitLateReason")
            }
            .then(
                .compute(writes: F.recipients, F.submittedOn, F.submittedLate, F.documentNumber, F.submitLateReason) {
                    c in
                    var out = Facts([
                        F.recipients ~ (c.inputs[F.recipients] ?? ""), F.submittedOn ~ c.date,
                        F.submittedLate ~ Self.late(c, F.submitBy),
                        F.documentNumber ~ (c.inputs.text("documentNumber") ?? "").trimmingCharacters(in: .whitespaces),
                    ])
                    if Self.late(c, F.submitBy) { out[F.submitLateReason] = c.inputs.text("submitLateReason") }
                    return out
                },
                .stopDeadline("submission")),
            ActionDefinition(
                Step.publish, "向社会公开", from: [State.submitted.id], to: State.published.id, by: writers,
                basis: source + "第二十四条"
            )
            .asks(
                .init(
                    "channel", "公开途径",
                    .choice([
                        .init("portal", "政府门户网站（本平台公开）"), .init("newspaper", "报刊"), .init("other", "其他媒体"),
                    ]))
            )
            .asks(.init("publishLateReason", "逾期公开的原因（已过4月1日时填写）", required: false))
            .gate(source + "第二十四条", "已过4月1日公开期限，请说明逾期公开的原因", field: "publishLateReason") { c in
                !Self.late(c, F.publishBy) || Self.explained(c, "publishLateReason")
            }
            .then(
                .compute(writes: F.channel, F.publishedOn, F.publishedLate, F.publishLateReason) { c in
                    var out = Facts([
                        F.channel ~ (c.inputs[F.channel] ?? ""), F.publishedOn ~ c.date,
                        F.publishedLate ~ Self.late(c, F.publishBy),
                    ])
                    if Self.late(c, F.publishBy) { out[F.publishLateReason] = c.inputs.text("publishLateReason") }
                    return out
                },
                .stopDeadline("publication")),
        ]
        var d = ProcedureDefinition(
            id: id, version: version, name: "年度法治政府建设情况报告", instrument: "《法治政府建设与责任落实督察工作规定》", initial: State.new.id,
            states: [
                State.new, State.drafting, State.reviewing, State.approved, State.submitted, State.published,
            ],
            actions: actions, kind: .report,
            opening: OpeningRule(
                writers, article: source, refusal: "只有本单位负责人、法制审核人员或者司法行政监督人员可以编写年度报告"),
            numbering: CaseNumbering("法报", issuer: .organisation),
            presentation: CasePresentation(
                party: [AnnualReportFact.title.id],
                shownFacts: [
                    "title", "submitBy", "publishBy", "frozenOn", "reportSha256", "reviewOpinion", "recipients",
                    "submittedOn", "submittedLate", "documentNumber", "submitLateReason", "channel", "publishedOn",
                    "publishedLate", "publishLateReason",
                ],
                labels: Dictionary(uniqueKeysWithValues: AnnualReportFact.all.map { ($0.id, $0.label) }),
                notStarted: "尚未开始编写"))
        d.statistics = statistics
        return d
    }

    /// Whether reports went out on time, by the year they were submitted (the 考核 of a year reads the report of the
    /// year before, submitted in it): 报送 by 3月1日, 公开 by 4月1日.
    public static let statistics: ProcedureStatistics = {
        typealias S = ProcedureStatistics.Figure
        typealias F = AnnualReportFact
        return ProcedureStatistics(
            title: "年度报告报送和公开", year: { $0.facts[F.submittedOn]?.year },
            figures: [
                S("submitted", "报送年度报告") { _ in true },
                S("submittedOnTime", "按期报送") { !$0.facts.flag(F.submittedLate) },
                S("submittedLate", "逾期报送") { $0.facts.flag(F.submittedLate) },
                S("published", "向社会公开") { $0.facts[F.publishedOn] != nil },
                S("publishedOnTime", "按期公开") { $0.facts[F.publishedOn] != nil && !$0.facts.flag(F.publishedLate) },
                S("publishedLate", "逾期公开") { $0.facts.flag(F.publishedLate) },
            ],
            rates: [])
    }()
}
