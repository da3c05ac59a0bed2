import FazhiCore
import FazhiStore
import Foundation

/// Demo 规范性文件 of the county over three years: the 制定主体清单; documents from before Fazhi (one past its 有效期);
/// issued, published and filed ones (one filed late); a 清理 that repeals one and marks another for amendment, then amended
/// (two versions of its text); one in public consultation now, one awaiting its 合法性审核; and 审查建议 at the 司法局.
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
                    ["signer": .text("吴县长"), "effectiveOn": .date(day(start + 40))]
                ),
                (S.publish, head, day(start + 33), ["interpretation": .text("本办法主要内容是……")]),
                (S.file, head, day(start + 33 + fileAfter), ["filedWith": .text("government_above")]),
            ]
        }
        try await issuers(c, from: day(-900), in: tx)
        let legacy = try await legacyDocuments(c, def: def, gov: gov, head: head, on: day(-720), in: tx)
        // In the order they were signed, so their 文号 run in that order.
        let renewal = try await c.runner.run(
            def, body: gov, full("清河县城镇老旧小区改造管理办法", start: -700, fileAfter: 10), in: tx)
        let relief = try await c.runner.run(
            def, body: gov, full("清河县临时救助实施办法（2024年）", start: -600, fileAfter: 12), in: tx)
        // Its consultation had comments on the portal, answered by group before it closed: the adoption report is
        // published with the text.
        let homesteadSteps = full("清河县农村宅基地审批管理办法", start: -400, fileAfter: 25)
        let homestead = try await c.runner.run(def, body: gov, Array(homesteadSteps.prefix(2)), in: tx)
        try await comments(
            c, on: homestead, day: day(-395),
            [
                (3, "建议明确宅基地审批的办理时限", "adopted", ""), (3, "建议明确宅基地审批的办理时限", "adopted", ""),
                (nil, "建议取消村民申请宅基地须提交无违法建设证明的要求", "rejected", "该证明已在第二稿中删除，无需另行规定"),
            ], in: tx)
        try await c.runner.continue(def, case: homestead, Array(homesteadSteps.dropFirst(2)), in: tx)
        try await cleanup(
            c, gov: gov, head: head,
            lines: [
                .init(document: renewal, conclusion: "amend", reason: "与新修订的上位法不一致，需修改第三条"),
                .init(document: relief, conclusion: "repeal", reason: "已被《清河县临时救助实施办法（2026年）》替代"),
                .init(document: homestead, conclusion: "continue", reason: ""),
            ] + legacy.map { .init(document: $0, conclusion: "continue", reason: "") }, in: tx)
        try await amend(c, def: def, renewal, head: head, reviewer: reviewer, in: tx)
        // The 市场监管局's drafts: one in consultation now, one awaiting its review (demo logins scj.juzhang, scj.fazhi).
        guard let market = c.orgs["清河县市场监督管理局"], let marketHead = c.actor("scj.juzhang") else { return }
        let consulting = try await c.runner.run(
            def, body: market,
            [
                (S.register, marketHead, day(-10), draft("清河县促进个体工商户发展若干措施")),
                (S.openConsultation, marketHead, day(-9), ["consultationUntil": .date(day(25))]),
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
            def, body: market,
            [
                (S.register, marketHead, day(-30), draft("清河县市场主体合规经营指导办法", rights: false)),
                (S.submitReview, marketHead, day(-3), ["reviewingBody": .text("本局法制机构")]),
            ], in: tx)
        try await suggestions(c, in: tx)
    }

    /// Comments made on the portal during a consultation, each group answered (采纳, or 不采纳 with the reason).
    static func comments(
        _ c: DemoContext, on id: UUID, day: CivilDate, _ items: [(Int?, String, String, String)],
        in tx: WriteTransaction
    ) async throws {
        for (article, text, _, _) in items {
            _ = try await PublicComments.add(
                caseID: id, article: article, text: text, commenter: "", today: day, catalog: c.catalog, in: tx)
        }
        for comment in try await PublicComments.list(caseID: id, on: tx.db) {
            guard let answer = items.first(where: { $0.1 == comment.text }), comment.response == nil else { continue }
            _ = try await PublicComments.answer(
                caseID: id, group: PublicConsultation.groupKey(comment), response: answer.2, reason: answer.3, in: tx)
        }
    }

    /// The 制定主体清单: the county government and its departments — not the city bureau's 分局 nor the 消防救援大队.
    static func issuers(_ c: DemoContext, from date: CivilDate, in tx: WriteTransaction) async throws {
        let names = ["清河县人民政府"] + DemoData.departments.map(\.0).filter { !$0.contains("分局") && !$0.contains("大队") }
        for name in names {
            guard let id = c.orgs[name] else { continue }
            try await OrganisationLists.set(
                Normative.issuerList, organisation: id, listed: true, basis: "清政发〔2023〕8号（制定主体清单）", on: date, in: tx)
        }
    }

    /// Documents issued before Fazhi, registered as they are: two of the government, two of the 市场监管局 (one past its
    /// 有效期).
    static func legacyDocuments(
        _ c: DemoContext, def: ProcedureDefinition, gov: UUID, head: ProcedureActor, on date: CivilDate,
        in tx: WriteTransaction
    ) async throws -> [UUID] {
        func doc(_ n: String, _ title: String, signed: String, until: String? = nil) -> [String: FactValue] {
            let s = CivilDate(iso: signed)!
            var f: [String: FactValue] = [
                "title": .text(title), "documentKind": .text("measures"), "documentNumber": .text(n),
                "signedOn": .date(s), "publishedOn": .date(s.adding(days: 5)), "effectiveOn": .date(s.adding(days: 30)),
                "finalText": .text(
                    "第一条 为了加强\(title.replacingOccurrences(of: "清河县", with: ""))，制定本办法。\n第二条 本办法适用于本县行政区域。\n第三条 县有关部门按照职责做好相关工作。\n第四条 本办法自发布之日起三十日后施行。"
                ),
            ]
            if let until { f["validUntil"] = .date(CivilDate(iso: until)!) }
            return f
        }
        var ids: [UUID] = []
        for (n, title, signed) in [
            ("清政规〔2023〕2号", "清河县城市道路占用挖掘管理规定", "2023-04-10"),
            ("清政规〔2024〕1号", "清河县农村集体资产管理办法", "2024-02-20"),
        ] {
            ids.append(
                try await c.runner.run(
                    def, body: gov,
                    [(NormativeProcedure.Step.registerExisting, head, date, doc(n, title, signed: signed))],
                    in: tx))
        }
        if let market = c.orgs["清河县市场监督管理局"], let marketHead = c.actor("scj.juzhang") {
            try await c.runner.run(
                def, body: market,
                [
                    (
                        NormativeProcedure.Step.registerExisting, marketHead, date,
                        doc("清市监规〔2022〕1号", "清河县食品小作坊登记管理办法（试行）", signed: "2022-03-01", until: "2024-03-31")
                    ),
                    // Its 有效期 ended before it was registered: the lapse is recorded at once.
                    (NormativeProcedure.Step.expire, marketHead, date, [:]),
                ], in: tx)
            try await c.runner.run(
                def, body: market,
                [
                    (
                        NormativeProcedure.Step.registerExisting, marketHead, date,
                        doc("清市监规〔2024〕2号", "清河县市场监督管理局行政处罚裁量权适用规则", signed: "2024-05-06")
                    )
                ], in: tx)
        }
        return ids
    }

    /// The 2026 清理 of the government's documents: one repealed, one to be amended, the rest in force.
    static func cleanup(
        _ c: DemoContext, gov: UUID, head: ProcedureActor, lines: [Normative.CleanupLine], in tx: WriteTransaction
    ) async throws {
        guard let def = c.catalog.current(NormativeCleanupProcedure.id) else { return }
        let base = c.base(span: 40)
        typealias S = NormativeCleanupProcedure.Step
        try await c.runner.run(
            def, body: gov,
            [
                (
                    S.start, head, base.adding(days: -45),
                    [
                        "cleanupTitle": .text("2026年度行政规范性文件清理"),
                        "cleanupBasis": .text("根据县政府办公室关于开展规范性文件清理工作的通知，对现行有效的规范性文件逐件清理"),
                    ]
                ),
                (S.conclude, head, base.adding(days: -40), ["conclusions": .list(lines.map(\.line))]),
                (
                    S.approve, head, base.adding(days: -35),
                    [
                        "meetingKind": .text("executive"), "meetingOn": .date(base.adding(days: -35)),
                        "attendees": .list(["吴县长", "周副县长", "王副县长"]),
                    ]
                ),
                (S.publish, head, base.adding(days: -30), [:]),
            ], in: tx)
    }

    /// The document the 清理 marked for amendment goes round the procedure again: its amended text applies from its own
    /// 施行日期, the first text before.
    static func amend(
        _ c: DemoContext, def: ProcedureDefinition, _ id: UUID, head: ProcedureActor, reviewer: ProcedureActor,
        in tx: WriteTransaction
    ) async throws {
        let base = c.base(span: 40)
        func day(_ n: Int) -> CivilDate { base.adding(days: n) }
        typealias S = NormativeProcedure.Step
        let text =
            "第一条 为了规范城镇老旧小区改造，制定本办法。\n第二条 本办法适用于本县行政区域。\n第三条 县住房和城乡建设局负责组织实施，改造方案应当征求居民意见。\n第四条 本办法自印发之日起施行。"
        try await c.runner.continue(
            def, case: id,
            [
                (
                    S.startAmendment, head, day(-40),
                    [
                        "amendmentReason": .text("2026年清理：需修改第三条"), "draftSummary": .text("修改第三条"),
                        "draftText": .text(text),
                    ]
                ),
                // Touching residents' rights: consulted on again (37号), then reviewed and deliberated as when made.
                (S.openConsultation, head, day(-40), ["consultationUntil": .date(day(-28))]),
                (S.closeConsultation, head, day(-27), ["adoptionSummary": .text("未收到意见")]),
                (S.submitReview, head, day(-27), ["reviewingBody": .text("清河县司法局")]),
                (
                    S.passReview, reviewer, day(-19),
                    ["reviewOpinion": .text("legal"), "reviewer": .text("林晓岚"), "reviewText": .text("经审核，合法。")]
                ),
                (
                    S.deliberate, head, day(-18),
                    [
                        "meetingKind": .text("executive"), "meetingOn": .date(day(-18)),
                        "attendees": .list(["吴县长", "周副县长", "王副县长"]),
                    ]
                ),
                (S.issue, head, day(-17), ["signer": .text("吴县长"), "effectiveOn": .date(day(-7))]),
                (S.publish, head, day(-16), ["interpretation": .text("本次修改明确了改造方案征求居民意见的要求。")]),
            ], in: tx)
    }

    /// 审查建议 at the 司法局: one answered, one within its period.
    static func suggestions(_ c: DemoContext, in tx: WriteTransaction) async throws {
        guard let def = c.catalog.current(NormativeSuggestionProcedure.id), let justice = c.orgs["清河县司法局"],
            let staff = c.actor("sfj.jiandu")
        else { return }
        let base = c.base(span: 40)
        typealias S = NormativeSuggestionProcedure.Step
        try await c.runner.run(
            def, body: justice,
            [
                (
                    S.receive, staff, base.adding(days: -60),
                    [
                        "channel": .text("letter"), "suggesterName": .text("清河县某某餐饮有限公司"),
                        "suggesterContact": .text("0571-00000000"), "documentCited": .text("清市监规〔2024〕2号"),
                        "suggestionText": .text("第五条对首次轻微违法一律罚款，与“首违不罚”的规定不一致"),
                        "receivedOn": .date(base.adding(days: -62)),
                    ]
                ),
                (
                    S.answer, staff, base.adding(days: -20),
                    [
                        "suggestionConclusion": .text("issuer_corrected"),
                        "answerText": .text("经审查，该规则第五条与《中华人民共和国行政处罚法》第三十三条不一致，制定机关已自行修改。"),
                    ]
                ),
            ], in: tx)
        try await c.runner.run(
            def, body: justice,
            [
                (
                    S.receive, staff, base.adding(days: -6),
                    [
                        "channel": .text("in_person"), "suggesterName": .text("张某"),
                        "suggesterContact": .text("13900000000"),
                        "documentCited": .text("清政规〔2023〕2号"),
                        "suggestionText": .text("第三条要求的占道审批材料超出上位法规定"),
                    ]
                )
            ], in: tx)
    }
}
