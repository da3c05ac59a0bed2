import FazhiCore
import FazhiStore
import Foundation

/// Demo 调解 cases: sixteen disputes at the 司法局's 调解 organisations — most settled (an agreement, then a follow-up
/// visit), one failed, one referred to the court, one declined because a party refused, one still being mediated.
enum DemoMediation {
    static func load(_ c: DemoContext, in tx: WriteTransaction) async throws {
        let base = c.base(span: 31), orgs = c.orgs, catalog = c.catalog, runner = c.runner
        func day(_ offset: Int) -> CivilDate { base.adding(days: offset) }
        func actor(_ username: String) -> ProcedureActor? { c.actor(username) }

        if let def = catalog.current(MediationProcedure.id), let office = orgs["清河县司法局"], let m = actor("sfj.tiaojie") {
            let committees = ["城关镇人民调解委员会", "清河县交通事故纠纷人民调解委员会", "清河县医疗纠纷人民调解委员会", "清河县行政争议调解中心"]
            let disputes: [(String, String, [String], String, String)] = [
                ("people", "neighbour", ["张某", "李某"], "宅基地边界滴水檐纠纷", committees[0]),
                ("people", "traffic", ["王某", "刘某"], "两车刮擦事故赔偿", committees[1]),
                ("people", "medical", ["陈某", "清河县某某卫生院"], "诊疗后并发症赔偿", committees[2]),
                ("people", "family", ["赵某", "钱某"], "赡养费分担", committees[0]),
                ("people", "labour", ["孙某", "清河县某某制衣厂"], "拖欠工资", committees[0]),
                ("people", "property", ["周某", "某某物业服务公司"], "物业费与漏水维修", committees[0]),
                ("administrative", "administrative", ["吴某", "清河县市场监督管理局"], "对行政处罚罚款数额有异议", committees[3]),
                ("people", "traffic", ["郑某", "冯某"], "电动车碰撞医疗费", committees[1]),
                ("people", "land", ["某村第三村民小组", "某村第五村民小组"], "山林地界争议", committees[0]),
                ("people", "consumer", ["何某", "某某家电商行"], "空调安装质量", committees[0]),
                ("people", "neighbour", ["林某", "黄某"], "噪音扰邻", committees[0]),
                ("people", "contract", ["许某", "某某装修队"], "装修工程款", committees[0]),
            ]
            for (i, d) in disputes.enumerated() {
                let start = -70 + i * 4
                let receive: [String: FactValue] = [
                    "mediationKind": .text(d.0), "disputeType": .text(d.1),
                    "source": .text(i % 3 == 0 ? "initiative" : "application"),
                    "parties": .list(d.2), "disputeSummary": .text(d.3), "committee": .text(d.4),
                ]
                var steps: [(String, ProcedureActor, CivilDate, [String: FactValue])] = [
                    ("receive", m, day(start), receive),
                    ("assign", m, day(start), ["mediators": .list(["陈秀兰", "高建华"])]),
                    (
                        "record_session", m, day(start + 2),
                        ["sessionDate": .date(day(start + 2)), "sessionSummary": .text("听取双方陈述，讲解相关法律规定，双方互谅互让")]
                    ),
                    (
                        "conclude_agreement", m, day(start + 3),
                        [
                            "agreementForm": .text(i % 5 == 4 ? "oral" : "written"), "disputeFacts": .text(d.3),
                            "agreementTerms": .text("双方自愿达成协议，一方一次性给付另一方人民币\(2 + i)000元，双方再无其他争议"),
                            "performanceTerms": .text("协议签订之日起十日内当面付清"), "signedByParties": .bool(true),
                            "mediatorSigned": .bool(true),
                        ]
                    ),
                ]
                if start + 33 <= 0 {
                    steps.append(
                        (
                            "follow_up", m, day(start + 33),
                            [
                                "visitedOn": .date(day(start + 33)), "performance": .text("full"),
                                "visitNotes": .text("已按协议履行完毕，双方关系缓和"),
                            ]
                        ))
                }
                try await runner.run(def, body: office, steps, in: tx)
            }
            let informed: [String: FactValue] = ["rightsInformed": .bool(true)]
            try await runner.run(
                def, body: office,
                [
                    (
                        "receive", m, day(-30),
                        [
                            "mediationKind": .text("people"), "disputeType": .text("damage"),
                            "source": .text("application"), "parties": .list(["蒋某", "沈某"]),
                            "disputeSummary": .text("饲养犬只咬伤赔偿"), "committee": .text(committees[0]),
                        ]
                    ),
                    ("assign", m, day(-29), ["mediators": .list(["陈秀兰"])]),
                    (
                        "conclude_failure", m, day(-20),
                        informed.merging([
                            "failureReason": .text("双方对赔偿数额分歧较大，一方不同意继续调解"), "routesInformed": .list(["向人民法院起诉"]),
                        ]) { a, _ in a }
                    ),
                ], in: tx)
            try await runner.run(
                def, body: office,
                [
                    (
                        "receive", m, day(-25),
                        [
                            "mediationKind": .text("judicial"), "disputeType": .text("contract"),
                            "source": .text("court"), "parties": .list(["韩某", "某某建筑公司"]),
                            "disputeSummary": .text("工程款结算（法院诉前委派）"), "committee": .text(committees[3]),
                        ]
                    ),
                    ("assign", m, day(-24), ["mediators": .list(["高建华"])]),
                    (
                        "refer_to_court", m, day(-12),
                        informed.merging(["court": .text("清河县人民法院"), "referralNote": .text("调解未果，转入诉讼程序")]) { a, _ in a
                        }
                    ),
                ], in: tx)
            try await runner.run(
                def, body: office,
                [
                    (
                        "receive", m, day(-15),
                        [
                            "mediationKind": .text("people"), "disputeType": .text("neighbour"),
                            "source": .text("initiative"), "parties": .list(["杨某", "朱某"]),
                            "disputeSummary": .text("通道占用"), "committee": .text(committees[0]),
                        ]
                    ),
                    (
                        "decline", m, day(-14),
                        informed.merging(["declineReason": .text("party_refused"), "declineNote": .text("朱某明确表示不接受调解")])
                        { a, _ in a }
                    ),
                ], in: tx)
            try await runner.run(
                def, body: office,
                [
                    (
                        "receive", m, day(-2),
                        [
                            "mediationKind": .text("people"), "disputeType": .text("labour"),
                            "source": .text("application"), "parties": .list(["秦某", "某某餐馆"]),
                            "disputeSummary": .text("解除劳动关系经济补偿"), "committee": .text(committees[0]),
                        ]
                    ),
                    ("assign", m, day(-1), ["mediators": .list(["陈秀兰", "高建华"])]),
                ], in: tx)
        }
    }
}
