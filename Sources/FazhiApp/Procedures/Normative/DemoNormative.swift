import FazhiCore
import FazhiStore
import Foundation

/// Demo 规范性文件 of the county government: issued, published and filed ones (one filed late, one repealed), one
/// in public consultation now and one awaiting its 合法性审核.
enum DemoNormative {
    static func load(_ c: DemoContext, in tx: WriteTransaction) async throws {
        guard let def = c.catalog.current(NormativeProcedure.id), let gov = c.orgs["清河县人民政府"],
            let head = c.actor("admin").map({ ProcedureActor(id: $0.id, name: "吴县长", roles: [.head]) })
        else { return }
        let base = c.base(span: 40)
        // The 法制机构 records the 司法局's review (115号): not the head.
        let reviewer = ProcedureActor(id: head.id, name: "林晓岚", roles: [.legalReviewer])
        func day(_ n: Int) -> CivilDate { base.adding(days: n) }
        typealias S = NormativeProcedure.Step
        func draft(_ title: String, rights: Bool = true) -> [String: FactValue] {
            [
                "title": .text(title), "documentKind": .text("measures"), "touchesRights": .bool(rights),
                "businessRelated": .bool(false), "affectsMarket": .bool(false), "inPlan": .bool(true),
                "draftSummary": .text("依据有关法律法规，结合本县实际起草"),
                "draftText": .text(
                    "第一条 为了规范\(title.replacingOccurrences(of: "清河县", with: ""))，根据有关法律、法规，结合本县实际，制定本办法。\n第二条 本办法适用于本县行政区域内的有关活动。\n第三条 县人民政府有关部门按照职责分工做好相关工作。\n第四条 本办法自印发之日起施行。"
                ),
            ]
        }
        func full(
            _ title: String, start: Int, fileAfter: Int
        ) -> [(String, ProcedureActor, CivilDate, [String: FactValue])] {
            [
                (S.register, head, day(start), draft(title)),
                (S.openConsultation, head, day(start + 1), ["consultationUntil": .date(day(start + 15))]),
                (
                    S.closeConsultation, head, day(start + 16),
                    [
                        "offlineComments": .number(12), "offlineAdopted": .number(5),
                        "adoptionSummary": .text("采纳5条，其余已说明理由"),
                    ]
                ),
                (S.submitReview, head, day(start + 17), ["reviewingBody": .text("清河县司法局")]),
                (
                    S.passReview, reviewer, day(start + 25),
                    ["reviewOpinion": .text("legal"), "reviewer": .text("林晓岚"), "reviewText": .text("经审核，合法。")]
                ),
                (
                    S.deliberate, head, day(start + 28),
                    [
                        "meetingKind": .text("executive"), "meetingOn": .date(day(start + 28)),
                        "attendees": .list(["吴县长", "周副县长", "王副县长"]),
                    ]
                ),
                (
                    S.issue, head, day(start + 30),
                    [
                        "signer": .text("吴县长"), "effectiveOn": .date(day(start + 40)),
                        "finalText": .text("第一条 为了……，制定本办法。\n第二条 本办法适用于本县行政区域。"),
                    ]
                ),
                (S.publish, head, day(start + 33), ["interpretation": .text("本办法主要内容是……")]),
                (S.file, head, day(start + 33 + fileAfter), ["filedWith": .text("government_above")]),
            ]
        }
        // In the order they were signed, so their 文号 run in that order.
        try await c.runner.run(def, body: gov, full("清河县城镇老旧小区改造管理办法", start: -700, fileAfter: 10), in: tx)
        try await c.runner.run(
            def, body: gov,
            full("清河县临时救助实施办法（2024年）", start: -600, fileAfter: 12)
                + [(S.end, head, day(-30), ["ending": .text("repealed"), "endingReason": .text("2026年清理：已被新办法替代")])],
            in: tx)
        try await c.runner.run(def, body: gov, full("清河县农村宅基地审批管理办法", start: -400, fileAfter: 25), in: tx)
        // In consultation now, and awaiting its review.
        let consulting = try await c.runner.run(
            def, body: gov,
            [
                (S.register, head, day(-10), draft("清河县促进民营经济发展若干措施")),
                (S.openConsultation, head, day(-9), ["consultationUntil": .date(day(25))]),
            ], in: tx)
        // Comments from the portal: two alike on article 3 (answered together), one on the whole text.
        for (article, text) in [(3, "建议明确牵头部门和办理时限"), (3, "建议明确牵头部门和办理时限"), (nil, "建议增加对小微企业的专项扶持条款")]
            as [(Int?, String)]
        {
            _ = try? await PublicComments.add(
                caseID: consulting, article: article, text: text, commenter: "", today: c.today, catalog: c.catalog,
                in: tx)
        }
        try await c.runner.run(
            def, body: gov,
            [
                (S.register, head, day(-30), draft("清河县公共资源交易管理办法", rights: false)),
                (S.submitReview, head, day(-3), ["reviewingBody": .text("清河县司法局")]),
            ], in: tx)
    }
}
