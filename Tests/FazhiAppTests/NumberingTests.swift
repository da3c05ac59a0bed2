import FazhiCore
import FazhiStore
import Foundation
import Testing
import VaporTesting

@testable import FazhiApp

/// A 委托 body (城关市场监管所) numbers its cases with its 局's prefix but counts apart: its first case skips the numbers
/// the 局 has used instead of failing on the unique number (a 500 before).
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
        }
    }
}
