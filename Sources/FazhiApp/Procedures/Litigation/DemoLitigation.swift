import FazhiCore
import FazhiStore
import Foundation

/// Demo 行政应诉 cases, each through the engine as staff would take it: four lawsuits against the county's 市场监管局 and
/// 综合执法局 — one in its answer period, one won with the head in court, one lost (the head absent, staff appearing) and
/// performed, with a 检察建议 awaiting its reply, and one on appeal.
enum DemoLitigation {
    static func load(_ c: DemoContext, in tx: WriteTransaction) async throws {
        let base = c.base(span: 31), orgs = c.orgs, catalog = c.catalog, runner = c.runner
        func day(_ offset: Int) -> CivilDate { base.adding(days: offset) }
        func actor(_ username: String) -> ProcedureActor? { c.actor(username) }

        if let def = catalog.current(LitigationProcedure.id), let scj = orgs["清河县市场监督管理局"], let zf = orgs["清河县综合行政执法局"],
            let scjStaff = actor("scj.fazhi"), let zfStaff = actor("zf.fazhi")
        {
            func suit(
                _ plaintiff: String, _ act: String, number: String, served: CivilDate, kind: String = "penalty"
            ) -> [String: FactValue] {
                [
                    "court": .text("清河县人民法院"), "courtCaseNumber": .text(number), "instance": .text("first"),
                    "plaintiff": .text(plaintiff),
                    "defendantRole": .text("sole"), "actKind": .text(kind), "actDescription": .text(act),
                    "claims": .text("撤销被诉行政行为"), "servedOn": .date(served),
                ]
            }
            let answer: [String: FactValue] = [
                "answerSummary": .text("被诉行政行为认定事实清楚，证据确凿，程序合法"), "evidenceList": .list(["现场检查笔录", "询问笔录", "抽样检验报告"]),
                "legalBasis": .list(["《中华人民共和国食品安全法》第一百二十四条"]), "agents": .list(["赵雅琴"]),
            ]
            let y = base.year
            // 1. Just served: the 15 days to answer run.
            try await runner.run(
                def, body: scj,
                [
                    (
                        "register", scjStaff, day(-3),
                        suit("清河县某某食品有限公司", "清市监罚〔\(y)〕12号行政处罚决定", number: "（\(y)）浙1101行初45号", served: day(-4))
                    )
                ], in: tx)
            // 2. Won, the head in court.
            try await runner.run(
                def, body: scj,
                [
                    (
                        "register", scjStaff, day(-60),
                        suit("孙某", "清市监罚〔\(y)〕5号行政处罚决定", number: "（\(y)）浙1101行初21号", served: day(-61))
                    ),
                    ("submit_answer", scjStaff, day(-50), answer),
                    (
                        "record_hearing", scjStaff, day(-35),
                        [
                            "hearingDate": .date(day(-35)), "headAppeared": .bool(true), "headName": .text("王建国"),
                            "headPosition": .text("局长"),
                            "appearingStaff": .list(["赵雅琴"]), "headOpinion": .text("愿意就罚款履行方式与原告协商，实质性化解争议"),
                        ]
                    ),
                    (
                        "record_judgment", scjStaff, day(-25),
                        [
                            "judgment": .text("reject_claims"), "judgmentNumber": .text("（\(y)）浙1101行初21号判决书"),
                            "judgmentServedOn": .date(day(-26)), "judgmentSummary": .text("被诉处罚决定证据确凿，适用法律正确，符合法定程序"),
                        ]
                    ),
                    ("judgment_effective", scjStaff, day(-8), [:]),
                    ("close", scjStaff, day(-7), ["closingSummary": .text("判决驳回原告诉讼请求，已生效")]),
                ], in: tx)
            // 3. Lost: the head could not attend and entrusted staff; performed; then a 检察建议 awaiting its reply.
            try await runner.run(
                def, body: zf,
                [
                    (
                        "register", zfStaff, day(-80),
                        suit(
                            "清河县某某建材商行", "责令限期拆除违法建筑决定", number: "（\(y)）浙1101行初9号", served: day(-80), kind: "compulsory"
                        )
                    ),
                    ("submit_answer", zfStaff, day(-70), answer),
                    (
                        "record_hearing", zfStaff, day(-55),
                        [
                            "hearingDate": .date(day(-55)), "headAppeared": .bool(false),
                            "absenceReason": .text("参加县防汛紧急会议"),
                            "appearingStaff": .list(["林晓雯", "郑宇航"]),
                        ]
                    ),
                    (
                        "record_judgment", zfStaff, day(-40),
                        [
                            "judgment": .text("revoke"), "judgmentNumber": .text("（\(y)）浙1101行初9号判决书"),
                            "judgmentServedOn": .date(day(-41)),
                            "judgmentSummary": .text("未依法告知陈述申辩权利，违反法定程序，判决撤销"),
                        ]
                    ),
                    ("judgment_effective", zfStaff, day(-24), [:]),
                    ("record_performance", zfStaff, day(-15), ["performanceSummary": .text("已撤销原决定，重新调查后依法作出决定")]),
                    (
                        "receive_recommendation", zfStaff, day(-10),
                        [
                            "recommendationKind": .text("procuratorial"), "issuer": .text("清河县人民检察院"),
                            "letterNumber": .text("清检行建〔\(y)〕3号"), "recommendationContent": .text("规范限期拆除案件的告知程序"),
                        ]
                    ),
                ], in: tx)
            // 4. Appealed by the body.
            try await runner.run(
                def, body: scj,
                [
                    (
                        "register", scjStaff, day(-90),
                        suit("钱某某", "政府信息公开答复", number: "（\(y)）浙1101行初3号", served: day(-91), kind: "info_disclosure")
                    ),
                    ("submit_answer", scjStaff, day(-80), answer),
                    (
                        "record_hearing", scjStaff, day(-60),
                        [
                            "hearingDate": .date(day(-60)), "headAppeared": .bool(true), "headName": .text("王建国"),
                            "headPosition": .text("局长"),
                        ]
                    ),
                    (
                        "record_judgment", scjStaff, day(-30),
                        [
                            "judgment": .text("confirm_illegal"), "judgmentNumber": .text("（\(y)）浙1101行初3号判决书"),
                            "judgmentServedOn": .date(day(-31)), "judgmentSummary": .text("答复超过法定期限，确认违法"),
                        ]
                    ),
                    (
                        "appeal", scjStaff, day(-20),
                        [
                            "appellant": .text("defendant"), "appealedOn": .date(day(-20)),
                            "appealReasons": .text("答复期限应扣除补正时间"),
                            "appealCourt": .text("临州市中级人民法院"),
                        ]
                    ),
                ], in: tx)
        }
    }
}
