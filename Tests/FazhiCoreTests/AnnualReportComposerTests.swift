import FazhiCore
import Foundation
import Testing

/// The 年度报告's draft from declared contributions: sentences fill from the figures, a sentence of zeros is left out,
/// a shortfall is drafted only when its figure crosses its line, every figure keeps the year before.
@Suite("年度法治政府建设情况报告: the draft")
struct AnnualReportComposerTests {
    static func figure(_ set: String, _ id: String, _ v: Double, unit: String = "件") -> ReportFigure {
        ReportFigure(
            set: set, id: id, label: id, definition: "口径", value: v, unit: unit, link: "/records/\(id)", source: set)
    }

    static let contributions = [
        ReportContribution(
            .disputes, set: "rec", sentences: ["收到申请{received}件，纠错率{rate}。", "调解{mediated}件。"],
            compared: ["received"],
            shortfalls: [
                Shortfall("corrected", .above(0), "纠错{corrected}件。"),
                Shortfall("rate", .below(0.9, unlessZero: "received"), "达标率{rate}。"),
            ]),
        ReportContribution(.enforcement, set: "enf", sentences: ["立案{opened}件，罚款{fines}元。"]),
        ReportContribution(.rules, set: "missing", sentences: ["公布{published}件。"]),
    ]

    @Test func sentencesFiguresAndShortfalls() {
        let current = [
            Self.figure("rec", "received", 5), Self.figure("rec", "rate", 0.333, unit: "比率"),
            Self.figure("rec", "mediated", 0), Self.figure("rec", "corrected", 1),
            Self.figure("enf", "opened", 30), Self.figure("enf", "fines", 353_100, unit: "元"),
        ]
        let prior = [Self.figure("rec", "received", 3)]
        let d = ReportComposer.compose(
            year: 2026, Self.contributions, current: Dictionary(uniqueKeysWithValues: current.map { ($0.key, $0) }),
            prior: Dictionary(uniqueKeysWithValues: prior.map { ($0.key, $0) }))
        #expect(
            d.sections.map(\.system) == [.enforcement, .disputes],
            "in the 纲要's order; a section of unkept figures is left out")
        #expect(d.sections[0].paragraphs.map(\.text) == ["立案30件，罚款353,100元。"])
        #expect(d.sections[1].paragraphs.map(\.text) == ["收到申请5件，纠错率33.3%。"], "调解0件 is not said")
        #expect(d.sections[1].table.map(\.change) == ["+2"])
        #expect(d.shortcomings.map(\.text) == ["纠错1件。", "达标率33.3%。"])
        #expect(d.figures.first { $0.figure.key == "rec.received" }?.prior == 3)

        // Nothing crosses its line: no shortfall; a rate of nothing is not a shortfall.
        let quiet = [
            Self.figure("rec", "received", 0), Self.figure("rec", "rate", 0, unit: "比率"),
            Self.figure("rec", "corrected", 0),
        ]
        let q = ReportComposer.compose(
            year: 2026, Self.contributions, current: Dictionary(uniqueKeysWithValues: quiet.map { ($0.key, $0) }),
            prior: [:])
        #expect(q.shortcomings.isEmpty)
        #expect(q.sections.flatMap(\.paragraphs).isEmpty)
        #expect(q.sections.first?.table.first?.change == "—", "no year before: no change")
    }

    /// A rate with nothing to divide prints "—", is not said in a sentence, and compares with nothing.
    @Test func rateOfNothing() {
        let none = ReportFigure(
            set: "rec", id: "rate", label: "纠错率", definition: "", value: 0, unit: "比率", link: nil, source: "rec",
            undefined: true)
        #expect(none.text == "—" && ReportFigure.text(0, unit: "比率") == "0%")
        let current = [Self.figure("rec", "received", 5), none]
        let prior = [
            ReportFigure(
                set: "rec", id: "received", label: "", definition: "", value: 2, unit: "件", link: nil, source: "",
                undefined: true)
        ]
        let c = [
            ReportContribution(
                .disputes, set: "rec", sentences: ["收到申请{received}件，纠错率{rate}。", "收到申请{received}件。"],
                compared: ["received", "rate"])
        ]
        let d = ReportComposer.compose(
            year: 2026, c, current: Dictionary(uniqueKeysWithValues: current.map { ($0.key, $0) }),
            prior: Dictionary(uniqueKeysWithValues: prior.map { ($0.key, $0) }))
        #expect(d.sections.flatMap(\.paragraphs).map(\.text) == ["收到申请5件。"])
        #expect(d.sections.first?.table.map(\.change) == ["—", "—"], "no prior value; no rate")
    }

    /// A zero that is a result is said: 无一败诉 only when cases were concluded; none received, said once.
    @Test func zerosThatAreResults() {
        let c = [
            ReportContribution(
                .oversight, set: "lit", sentences: ["应诉{received}件，败诉{lost}件。"],
                zeros: [
                    ZeroResult("received", "全年未发生行政诉讼案件。"),
                    ZeroResult("lost", given: "concluded", "审结{concluded}件，无一败诉。"),
                ])
        ]
        func draft(_ received: Double, _ concluded: Double, _ lost: Double) -> [String] {
            let f = [
                Self.figure("lit", "received", received), Self.figure("lit", "concluded", concluded),
                Self.figure("lit", "lost", lost),
            ]
            return ReportComposer.compose(
                year: 2026, c, current: Dictionary(uniqueKeysWithValues: f.map { ($0.key, $0) }), prior: [:]
            ).sections.flatMap(\.paragraphs).map(\.text)
        }
        #expect(draft(0, 0, 0) == ["全年未发生行政诉讼案件。"])
        #expect(draft(4, 2, 0) == ["应诉4件，败诉0件。", "审结2件，无一败诉。"])
        #expect(draft(4, 2, 1) == ["应诉4件，败诉1件。"])
    }
}

/// A 台账 entry is checked field by field against its kind.
@Suite struct LedgerKindTests {
    let today = CivilDate(year: 2026, month: 11, day: 30)!

    func entry(_ kind: LedgerKind, _ values: [String: String], on: CivilDate? = nil) -> LedgerEntry {
        LedgerEntry(unitID: UUID(), kind: kind.id, on: on ?? today, values: values)
    }

    @Test func examCountsAndRules() throws {
        let e = try LedgerKinds.exam.checked(
            entry(LedgerKinds.exam, ["title": " 考试 ", "passMark": "60", "scores": "甲 59\n\n乙，60\n丙\t95.5"]),
            today: today)
        #expect(e["title"] == "考试")
        #expect(e.scores("scores").count == 3)
        #expect(e.scores("scores").filter { $0.score >= e.number("passMark") }.count == 2)
        // Namesakes told apart by 身份证号; the same candidate twice, an invalid ID, "1e1": refused.
        func scores(_ s: String) throws -> [LedgerScore] {
            try LedgerKinds.exam.checked(
                entry(LedgerKinds.exam, ["title": "考试", "passMark": "60", "scores": s]), today: today
            ).scores("scores")
        }
        let twins = try scores("张三 11010519491231002X 80\n张三 110105194912310038 70")
        #expect(
            twins.map(\.idNumber) == ["11010519491231002X", "110105194912310038"] && twins.map(\.score) == [80, 70])
        #expect(throws: DomainError.self) { try scores("张三 80\n张三 85") }
        #expect(throws: DomainError.self) { try scores("张三 110105194912310028 80") }
        #expect(throws: DomainError.self) { try scores("王五 1e1") }
        #expect(throws: DomainError.self) {
            try LedgerKinds.exam.checked(
                entry(LedgerKinds.exam, ["title": "考试", "passMark": "60", "scores": "甲 59", "certificates": "1"]),
                today: self.today)
        }
    }

    @Test func datesFieldsAndChoices() throws {
        let duty = ["leader": "王县长", "role": "government", "form": "heard", "subject": "汇报"]
        _ = try LedgerKinds.duty.checked(entry(LedgerKinds.duty, duty), today: today)
        #expect(throws: DomainError.self) {
            try LedgerKinds.duty.checked(
                entry(LedgerKinds.duty, duty, on: self.today.adding(days: 1)), today: self.today)
        }
        #expect(throws: DomainError.self) {
            try LedgerKinds.duty.checked(
                entry(LedgerKinds.duty, duty.merging(["form": "lawReport"]) { $1 }), today: self.today)
        }
        // A 工作要点 task may be due next year, not later.
        let task = ["task": "任务", "owner": "县司法局", "progress": "planned"]
        _ = try LedgerKinds.workPlan.checked(
            entry(LedgerKinds.workPlan, task, on: CivilDate(year: 2027, month: 12, day: 31)), today: today)
        #expect(throws: DomainError.self) {
            try LedgerKinds.workPlan.checked(
                entry(LedgerKinds.workPlan, task, on: CivilDate(year: 2028, month: 1, day: 1)), today: self.today)
        }
        #expect(ReportComposer.chineseNumeral(3) == "三" && ReportComposer.chineseNumeral(12) == "十二")
        #expect(ReportComposer.chineseNumeral(20) == "二十" && ReportComposer.chineseNumeral(35) == "三十五")
    }
}

/// 考核: a scheme read from a sheet and the points a figure earns.
@Suite struct AssessmentSchemeTests {
    @Test func parseAndScore() throws {
        let rows = [
            AssessmentScheme.columns,
            ["1", "执法", "", "", "", "", "", ""],
            ["1.1", "出庭率", "10", "不低于", "l.rate", "100%", "l.heard", ""],
            ["1.2", "纠错", "10", "不高于", "r.corrected", "2", "", ""],
            ["1.3", "普法", "5", "评分", "", "", "", ""],
        ]
        let s = try AssessmentScheme.parse(rows, year: 2026, version: 0, figures: ["l.rate", "l.heard", "r.corrected"])
        #expect(s.total == 25 && s.maxScore(of: "1") == 25 && s.leaves.count == 3)
        let rate = s.leaves[0], corrected = s.leaves[1]
        #expect(rate.score(["l.rate": 0.5, "l.heard": 4]) == 5)
        #expect(rate.score(["l.rate": 0, "l.heard": 0]) == 10, "no 开庭 case: 不适用, full points")
        #expect(rate.score(["l.rate": 1, "l.heard": 2]) == 10)
        #expect(corrected.score(["r.corrected": 2]) == 10 && corrected.score(["r.corrected": 4]) == 5)
        #expect(s.leaves[2].score([:]) == nil, "assessed: no computed points")
        let deduct = AssessmentIndicator(
            code: "9", name: "纠错", maxScore: 10, rule: .deduct(figure: "r.corrected", points: 3, base: nil), note: "")
        #expect(deduct.score(["r.corrected": 0]) == 10 && deduct.score(["r.corrected": 2]) == 4)
        #expect(deduct.score(["r.corrected": 5]) == 0, "扣完为止")
        #expect(AssessmentGrade.of(90, total: 100) == .excellent && AssessmentGrade.of(89.99, total: 100) == .good)
        #expect(AssessmentGrade.of(60, total: 100) == .pass && AssessmentGrade.of(59, total: 100) == .fail)
        #expect(AssessmentCategory.of(name: "清河县城关镇人民政府") == .township)
        #expect(AssessmentCategory.of(name: "清河县石门乡人民政府") == .township)
        #expect(AssessmentCategory.of(name: "清河县市场监督管理局") == .department)
        #expect(AssessmentCategory.of(name: "清河县乡村振兴局") == .department, "a 局 with 乡 in its name")
        #expect(
            try AssessmentScheme.parse(s.rows, year: 2026, version: 0, figures: ["l.rate", "l.heard", "r.corrected"])
                .indicators == s.indicators)
        // A heading with neither rule nor children, a leaf under a scored indicator, an unknown figure: refused.
        #expect(throws: DomainError.self) {
            try AssessmentScheme.parse(
                rows + [["2", "空", "", "", "", "", "", ""]], year: 2026, version: 0,
                figures: ["l.rate", "l.heard", "r.corrected"])
        }
        #expect(throws: DomainError.self) {
            try AssessmentScheme.parse(
                rows + [["1.1.1", "下级", "1", "评分", "", "", "", ""]], year: 2026, version: 0,
                figures: ["l.rate", "l.heard", "r.corrected"])
        }
        #expect(throws: DomainError.self) {
            try AssessmentScheme.parse(rows, year: 2026, version: 0, figures: ["l.rate"])
        }
    }

    /// 加分 on top of the full score, 一票否决 and 降等 (by the assessor or by a figure), 适用类别, the scheme's 等次 lines.
    @Test func bonusVetoCategoriesAndGradeLines() throws {
        let header = AssessmentScheme.columns + AssessmentScheme.optionalColumns
        let rows: [[String]] = [
            header,
            ["1", "执法", "", "", "", "", "", "", ""],
            ["1.1", "出庭率", "60", "不低于", "l.rate", "100%", "", "", "执法部门"],
            ["1.2", "普法", "40", "评分", "", "", "", "", ""],
            ["1.3", "乡镇调解", "60", "评分", "", "", "", "", "乡镇（街道）"],
            ["2", "加分和否决", "", "", "", "", "", "", ""],
            ["2.1", "经验推广", "5", "加分", "", "", "", "", ""],
            ["2.2", "重大违法", "", "一票否决", "", "", "", "", ""],
            ["2.3", "败诉", "", "降等", "l.lost", "1", "", "", ""],
            ["等次", "优秀", "95", "", "", "", "", "", ""],
            ["等次", "良好", "85", "", "", "", "", "", ""],
            ["等次", "合格", "70", "", "", "", "", "", ""],
        ]
        let figures: Set<String> = ["l.rate", "l.lost"]
        let s = try AssessmentScheme.parse(rows, year: 2026, version: 0, figures: figures)
        #expect(s.total == 160, "加分 and 否决 items are not in the full score; every 类别's leaves are")
        #expect(s.gradeLines == AssessmentGradeLines(values: [95, 85, 70], percent: false))
        #expect(try AssessmentScheme.parse(s.rows, year: 2026, version: 0, figures: figures).gradeLines == s.gradeLines)
        #expect(try AssessmentScheme.parse(s.rows, year: 2026, version: 0, figures: figures).indicators == s.indicators)

        // An enforcing department: 1.1 and 1.2 apply (full 100), not the township's 1.3.
        let dept: Set<AssessmentUnitKind> = [.department, .enforcement]
        var r = s.result(figures: ["l.rate": 1], assessed: ["1.2": 35, "2.1": 9], kinds: dept)
        #expect(r.full == 100 && r.earned == 95 && r.bonus == 5, "加分 capped at its 分值")
        #expect(r.total == 100 && r.pending == 0 && r.points["1.3"] == nil)
        #expect(r.grade == .excellent)
        r = s.result(figures: ["l.rate": 1], assessed: ["1.2": 30], kinds: dept)
        #expect(r.total == 90 && r.grade == .good, "90 is 良好 under this scheme's 95-point line")
        // 降等 by the figure (败诉 above 1), 一票否决 by the assessor.
        r = s.result(figures: ["l.rate": 1, "l.lost": 2], assessed: ["1.2": 40], kinds: dept)
        #expect(r.demotions.map(\.code) == ["2.3"] && r.grade == .good, "优秀 lowered one 等次")
        r = s.result(figures: ["l.rate": 1, "l.lost": 1], assessed: ["1.2": 40], kinds: dept)
        #expect(r.demotions.isEmpty && r.grade == .excellent, "at the limit: not triggered")
        r = s.result(figures: ["l.rate": 1], assessed: ["1.2": 40, "2.2": 1], kinds: dept)
        #expect(r.vetoes.map(\.code) == ["2.2"] && r.grade == .fail && r.total == 100)
        // A township: 1.2 and 1.3 (full 100); 1.3 awaits the assessor.
        r = s.result(figures: [:], assessed: ["1.2": 40], kinds: [.township, .nonEnforcement])
        #expect(r.full == 100 && r.pending == 1 && r.points["1.1"] == nil, "\(r)")

        func refused(_ change: ([[String]]) -> [[String]]) -> Bool {
            (try? AssessmentScheme.parse(change(rows), year: 2026, version: 0, figures: figures)) == nil
        }
        #expect(refused { $0.filter { $0[1] != "合格" } }, "all three lines or none")
        #expect(refused { $0.map { $0[1] == "合格" ? ["等次", "合格", "60%"] + Array($0[3...]) : $0 } }, "one form")
        #expect(refused { $0.map { $0[1] == "良好" ? ["等次", "良好", "96"] + Array($0[3...]) : $0 } }, "lines descend")
        #expect(refused { $0.map { $0[0] == "2.2" ? ["2.2", "重大违法", "5", "一票否决"] + Array($0[4...]) : $0 } })
        #expect(refused { $0.map { $0[0] == "1.2" ? Array($0[..<8]) + ["机关"] : $0 } }, "unknown 类别")
        #expect(refused { $0.map { $0[0] == "2.3" ? ["2.3", "败诉", "", "降等", "l.none"] + Array($0[5...]) : $0 } })
        #expect(AssessmentGrade.excellent.lower == .good && AssessmentGrade.pass.lower == .fail)
        #expect(refused { $0.map { $0[0] == "1.2" ? ["①"] + Array($0[1...]) : $0 } }, "编号 in ASCII digits")
        #expect(refused { $0.map { $0[0] == "1.2" ? ["01.2"] + Array($0[1...]) : $0 } }, "no leading zero")
        #expect(refused { [Array($0[0][..<8]) + ["适用单位"]] + $0.dropFirst() }, "a misspelt optional header")
        #expect(refused { $0.map { $0[0] == "等次" && $0[1] == "优秀" ? ["等次", "优秀", "120"] + Array($0[3...]) : $0 } })

        // 加分上限 caps all 加分 together; a rate with nothing to divide is 不适用 (its 分值 earned).
        let capped = try AssessmentScheme.parse(
            rows + [["2.4", "获奖", "5", "加分", "", "", "", "", ""], ["加分上限", "", "6", "", "", "", "", "", ""]],
            year: 2026, version: 0, figures: figures)
        #expect(capped.bonusCap == 6)
        #expect(try AssessmentScheme.parse(capped.rows, year: 2026, version: 0, figures: figures).bonusCap == 6)
        r = capped.result(figures: ["l.rate": 1], assessed: ["1.2": 40, "2.1": 5, "2.4": 5], kinds: dept)
        #expect(r.bonus == 6 && r.total == 106)
        r = s.result(figures: ["l.rate": 0], assessed: ["1.2": 40], kinds: dept, undefined: ["l.rate"])
        #expect(r.points["1.1"] == 60, "出庭率 of no case heard: 不适用, full points")
    }
}
