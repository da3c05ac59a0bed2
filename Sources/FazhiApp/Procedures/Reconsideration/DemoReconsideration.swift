import FazhiCore
import FazhiStore
import Foundation
import SQLKit

/// Demo 行政复议 cases at 清河县司法局 (the county government's 复议机构), each through the engine as staff would take
/// it: one just received (its acceptance review running), one waiting for 补正, one heard and decided 维持, one settled
/// and withdrawn, and one that revokes a published penalty decision of the demo — which starts that decision's
/// withdrawal from the portal.
enum DemoReconsideration {
    static func load(
        orgs: [String: UUID], people: [String: DemoCases.Person], catalog: ProcedureCatalog,
        calendar: DeadlineCalculator, today: CivilDate,
        in tx: WriteTransaction
    ) async throws {
        guard let office = orgs["清河县司法局"], let staffP = people["sfj.fuyi"],
            let def = catalog.current(ReconsiderationProcedure.id)
        else { return }
        let staff = ProcedureActor(id: staffP.id, name: staffP.name, roles: staffP.roles)
        // Inside the calendar's years, like the enforcement demo; the latest steps are a few days before today.
        let lastYear = calendar.calendar.years.max() ?? today.year
        let base = min(today, CivilDate(year: lastYear, month: 12, day: 31)!.adding(days: -31))
        func day(_ offset: Int) -> CivilDate { base.adding(days: offset) }
        let published = try await tx.sql.raw(
            "SELECT decision_number FROM publications WHERE body_id = \(bind: orgs["清河县市场监督管理局"] ?? UUID()) ORDER BY search_seq LIMIT 1"
        )
        .first()?.decode(column: "decision_number", as: String.self)

        func application(
            _ name: String, _ act: String, learned: CivilDate, amount: Double? = nil, decisionNumber: String? = nil
        ) -> [String: FactValue] {
            var a: [String: FactValue] = [
                "channel": .text("post"), "applicantName": .text(name),
                "applicantKind": .text(name.count > 4 ? "organisation" : "citizen"),
                "applicantAddress": .text("清河县城关镇"), "respondent": .text("清河县市场监督管理局"), "actKind": .text("penalty"),
                "actDescription": .text(act), "learnedOn": .date(learned), "requests": .text("撤销该行政处罚决定"),
                "reasons": .text("认定事实不清，处罚明显不当"),
            ]
            if let amount { a["actAmount"] = .number(amount) }
            if let decisionNumber { a["enforcementDecisionNumber"] = .text(decisionNumber) }
            return a
        }
        // The 复议委员会 (第五十二条): government departments, experts and scholars.
        let appointed = CivilDate(year: today.year - 1, month: 3, day: 1)!.description
        for (name, kind, affiliation) in [
            ("何志远", "department", "清河县人民政府办公室"), ("沈佳怡", "department", "清河县财政局"), ("李慧敏", "expert", "浙江清源律师事务所"),
            ("陈国栋", "expert", "清河县人民政府法律顾问团"), ("王明德", "scholar", "临州大学法学院"), ("周若兰", "scholar", "临州市委党校"),
        ] {
            _ = try await CommitteeMembers.add(
                .init(name: name, kind: kind, affiliation: affiliation, appointedOn: appointed, termEndsOn: nil),
                office: office, in: tx)
        }
        let runner = DemoRunner(catalog: catalog, calendar: calendar, today: today)
        func run(_ steps: [(String, ProcedureActor, CivilDate, [String: FactValue])]) async throws {
            try await runner.run(def, body: office, steps, in: tx)
        }
        let decision: [String: FactValue] = ["approval": .text("head"), "approver": .text("清河县人民政府县长")]

        // 1. Heard and upheld, served and closed.
        try await run([
            (
                "register", staff, day(-28),
                application("清河县某某超市", "清市监罚〔\(base.year)〕3号行政处罚决定", learned: day(-35), amount: 20_000)
            ),
            ("accept", staff, day(-27), ["track": .text("ordinary")]),
            ("send_copy", staff, day(-26), ["copyReceivedOn": .date(day(-26))]),
            (
                "record_answer", staff, day(-20),
                ["answerSummary": .text("事实清楚，证据确凿，程序合法"), "evidenceProduced": .bool(true)]
            ),
            (
                "hear_parties", staff, day(-18),
                ["hearingMethod": .text("in_person"), "opinionsSummary": .text("申请人认为罚款过重")]
            ),
            (
                "decide", staff, day(-10),
                decision.merging([
                    "outcome": .text("uphold"), "decisionText": .text("维持被申请人作出的行政处罚决定"),
                    "decisionReasons": .text("被申请人认定事实清楚，证据确凿，适用依据正确，程序合法，内容适当"),
                ]) { a, _ in a }
            ),
            ("serve", staff, day(-8), ["serviceMethod": .text("direct"), "recipient": .text("清河县某某超市")]),
            ("close", staff, day(-7), ["closingSummary": .text("决定已送达，申请人未起诉")]),
        ])
        // 2. Revoking a published penalty decision of this system (simple procedure, the parties agreeing).
        if let published {
            try await run([
                (
                    "register", staff, day(-25),
                    application(
                        "王建军", "\(published)行政处罚决定", learned: day(-30), amount: 3_000, decisionNumber: published)
                ),
                ("accept", staff, day(-24), ["track": .text("simple"), "simpleGround": .text("small_amount")]),
                ("send_copy", staff, day(-23), ["copyReceivedOn": .date(day(-23))]),
                (
                    "record_answer", staff, day(-20),
                    ["answerSummary": .text("当事人无证经营，事实清楚"), "evidenceProduced": .bool(false)]
                ),
                (
                    "decide", staff, day(-12),
                    decision.merging([
                        "outcome": .text("revoke"), "decisionText": .text("撤销被申请人作出的行政处罚决定"),
                        "decisionReasons": .text("被申请人未提交作出行政行为的证据，视为该行政行为没有证据（第七十条）"),
                    ]) { a, _ in a }
                ),
                (
                    "serve", staff, day(-3),
                    ["serviceMethod": .text("post"), "recipient": .text("王建军"), "signedOn": .date(day(-3))]
                ),
            ])
        }
        // 3. Settled: the applicant withdraws, the case ends (第七十四条).
        try await run([
            (
                "register", staff, day(-20),
                application("李某", "清市监罚〔\(base.year)〕7号行政处罚决定", learned: day(-25), amount: 2_000)
            ),
            ("accept", staff, day(-19), ["track": .text("simple"), "simpleGround": .text("small_amount")]),
            (
                "terminate", staff, day(-6),
                ["terminationGround": .text("withdrawn"), "settlementDocument": .text("和解协议及撤回行政复议申请书")]
            ),
        ])
        // 4. Waiting for 补正.
        try await run([
            ("register", staff, day(-4), application("清河县某某餐饮有限公司", "责令停业整顿决定", learned: day(-10))),
            (
                "request_correction", staff, day(-3),
                ["correctionItems": .list(["营业执照复印件", "被申请行政行为的决定书"]), "noticeReceivedOn": .date(day(-3))]
            ),
        ])
        // 5. Just received: the 5 working days run.
        try await run([
            (
                "register", staff, day(-1),
                application("赵某某", "清市监罚〔\(base.year)〕9号行政处罚决定", learned: day(-12), amount: 500)
            )
        ])
    }
}
