import FazhiCore
import Foundation

extension BenchDisputesCommand {
    /// The 调解 part of `fazhi bench reconsideration`: a million disputes, most settled, some failed, referred or declined.
    static let mediation = (procedure: MediationProcedure.id, name: "mediation", steps: mediationSteps)

    // The steps a mediator takes, by how the dispute ends; recent disputes are still being mediated.
    static func mediationSteps(_ rng: inout BenchCasesCommand.SplitMix, received: CivilDate, age: Int) -> [Step] {
        let type = Mediation.disputeTypes[Int(rng.next() % UInt64(Mediation.disputeTypes.count))].value
        let receive: [String: FactValue] = [
            "mediationKind": .text(rng.next() % 10 < 8 ? "people" : "administrative"), "disputeType": .text(type),
            "source": .text("application"),
            "parties": .list(["当事人甲\(rng.next() % 997)", "当事人乙\(rng.next() % 997)"]), "disputeSummary": .text("纠纷"),
            "committee": .text("调解委员会"),
        ]
        let informed: [String: FactValue] = ["rightsInformed": .bool(true)]
        let roll = rng.next() % 1000
        if roll < 15 {
            return [
                ("receive", 0, receive),
                (
                    "decline", 1,
                    informed.merging(["declineReason": .text("party_refused"), "declineNote": .text("拒绝")]) { a, _ in a
                    }
                ),
            ]
        }
        var steps: [Step] = [("receive", 0, receive), ("assign", 1, ["mediators": .list(["调解员甲", "调解员乙"])])]
        if age < 12 { return steps }
        if roll < 28 {
            return steps + [
                (
                    "conclude_failure", 10,
                    informed.merging(["failureReason": .text("分歧大"), "routesInformed": .list(["向人民法院起诉"])]) { a, _ in a
                    }
                )
            ]
        }
        if roll < 35 {
            return steps + [
                (
                    "refer_to_court", 10,
                    informed.merging(["court": .text("人民法院"), "referralNote": .text("转诉讼")]) { a, _ in a }
                )
            ]
        }
        steps.append(
            (
                "conclude_agreement", 8,
                [
                    "agreementForm": .text("written"), "disputeFacts": .text("事实"), "agreementTerms": .text("协议"),
                    "performanceTerms": .text("十日内"),
                    "signedByParties": .bool(true), "mediatorSigned": .bool(true),
                ]
            ))
        if age >= 45 {
            steps.append(
                (
                    "follow_up", 38,
                    [
                        "visitedOn": .date(CivilDate(year: 2000, month: 1, day: 1)!), "performance": .text("full"),
                        "visitNotes": .text("已履行"),
                    ]
                ))
        }
        return steps
    }
}
