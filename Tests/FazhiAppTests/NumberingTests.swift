import FazhiCore
import FazhiStore
import Foundation
import Testing
import VaporTesting

@testable import FazhiApp

/// A 委托 body (城关市场监管所) numbers its cases with its 局's prefix: the sequence belongs to the prefix, so the two draw
/// one run of numbers (a collision on the unique number was a 500 before), starting above every number already written.
@Suite(.serialized) struct NumberingTests {
    @Test(arguments: TestDB.all) func bodiesSharingAPrefixDoNotCollide(_ db: TestDB) async throws {
        try await withTestApp(db, now: CaseAPITests.now) { t in
            let suo = try await t.orgID("清河县市场监督管理局城关市场监管所")
            let ju = try await t.orgID("清河县市场监督管理局")
            #expect(
                DocumentNumber.prefix(organisationName: "清河县市场监督管理局城关市场监管所")
                    == DocumentNumber.prefix(organisationName: "清河县市场监督管理局"))
            let catalog = t.app.fazhi.procedures, today = t.app.fazhi.today
            let def = try #require(catalog.current(PenaltyOrdinaryProcedure.id))
            var numbers: [String] = []
            for body in [ju, suo, suo, ju] {
                let c = try await t.app.fazhi.store.write(on: t.app.db, .system) { tx in
                    try await CaseStore.open(def, bodyID: body, today: today, in: tx)
                }
                numbers.append(c.number)
            }
            #expect(Set(numbers).count == numbers.count, "\(numbers)")
            // One sequence: four consecutive numbers, above every 清市监立〔year〕 number the demo had written.
            let ns = numbers.compactMap { n in Int(n.split(separator: "〕").last?.dropLast() ?? "") }
            #expect(ns.count == 4 && ns == Array(ns[0]..<(ns[0] + 4)), "\(numbers)")
            #expect(ns[0] > 1, "the demo's numbers are not reused")
        }
    }
}
