import FazhiApp
import FazhiCore
import FazhiOffice
import FazhiStore
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

private func fixture(_ name: String) throws -> Data {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        .appendingPathComponent(name)
    return try Data(contentsOf: url)
}

@Suite(.serialized) struct RegistryStoreTests {
    /// A stored adjustment whose kind or date does not read back is reported as an integrity error, not trapped on.
    @Test func aStoredAdjustmentThatDoesNotReadBackIsAnError() throws {
        func stored(kind: String, on date: String) throws -> StoredAdjustment {
            let json = """
                {"sequence": 2, "kind": "\(kind)", "effectiveOn": "\(date)", "reason": "", "approvalDocument": "",
                 "approver": "", "content": "{}"}
                """
            return try JSONDecoder().decode(StoredAdjustment.self, from: Data(json.utf8))
        }
        #expect(throws: StoreError.self) { try stored(kind: "rename", on: "2026-01-01").domain() }
        #expect(throws: StoreError.self) { try stored(kind: "add", on: "2026-01-1x").domain() }
        // Kind and date read back: what fails next is the content, which is not an item's.
        #expect(throws: DecodingError.self) { try stored(kind: "add", on: "2026-01-01").domain() }
    }

    @Test(arguments: TestDB.all) func demoRegistriesAndPortal(_ db: TestDB) async throws {
        try await withTestApp(db) { t in
            // The seed's type split (行政许可153…) is the demo list's, as of today.
            let counts = try await PowerListStore.counts(on: t.app.fazhi.today, on: t.app.db)
            #expect(
                counts.byType[.licensing] == 153 && counts.byType[.confirmation] == 33 && counts.byType[.reward] == 19
                    && counts.byType[.benefit] == 9)
            let bodies = try await EnforcementBodies.all(on: t.app.db)
            #expect(bodies.count == 23)
            // 2-character search hits, on the list and on officers; JSON carries no ID numbers.
            let r = try await t.send(.GET, "/powers?q=%E9%A3%9F%E5%93%81&format=json")  // 食品
            #expect(r.status == .ok)
            let items = try r.json()["items"] as? [[String: Any]] ?? []
            #expect(
                !items.isEmpty
                    && items.allSatisfy {
                        ($0["name"] as? String ?? "").contains("食品")
                            || ($0["basis"] as? [[String: Any]] ?? []).description.contains("食品")
                    })
            let someone = try await Officers.list(bodies: nil, year: 2026, limit: 1, on: t.app.db).first!
            let two = String(someone.name.prefix(2))
            let o = try await t.send(
                .GET, "/officers?format=json&q=" + two.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(o.text.contains(someone.certificateNumber))
            #expect(!o.text.contains(someone.idNumber) && !o.text.contains("idNumber"))
            let csv = try await t.send(.GET, "/powers?format=csv")
            #expect(csv.headers.contentType?.description.contains("text/csv") == true && csv.text.contains("事项编码"))
            let page = try await t.send(.GET, "/powers", headers: [("Accept", "text/html")])
            #expect(page.text.contains("行政许可153"))
            let tmpl = try await t.send(.GET, "/templates/officers.xlsx")
            #expect(try XLSXReader.rows(Data(tmpl.body.readableBytesView)).first == RegistryTemplates.officers.headers)
        }
    }

    @Test(arguments: TestDB.all) func importFromLibreOfficeWorkbook(_ db: TestDB) async throws {
        try await withTestApp(db) { t in
            let cells = try Tabular.rows(
                try fixture("officers-with-errors.xlsx"), filename: "officers-with-errors.xlsx")
            #expect(cells.count == 4 && cells[1][0] == "欧阳明轩")
            let before = try await Officers.count(on: t.app.db), records = try await t.recordSize()
            let store = t.app.fazhi.store
            // Any bad row: nothing is imported, and every problem is reported by row and column.
            let r = try await RegistryImporter.officers(
                cells, mode: .all, allowed: nil, store: store, context: .system, on: t.app.db)
            #expect(r.imported == 0)
            #expect(r.problems.contains { $0.row == 3 && $0.column == "身份证号" && $0.message.contains("校验码") })
            #expect(r.problems.contains { $0.row == 4 && $0.column == "执法主体" })
            #expect(r.problems.contains { $0.row == 4 && $0.column == "有效期至" })
            let countAfter = try await Officers.count(on: t.app.db), recordsAfter = try await t.recordSize()
            #expect(countAfter == before && recordsAfter == records)
            // "Import the valid rows": only row 2.
            let v = try await RegistryImporter.officers(
                cells, mode: .validRows, allowed: nil, store: store, context: .system, on: t.app.db)
            let countValid = try await Officers.count(on: t.app.db)
            #expect(v.imported == 1 && countValid == before + 1)
            // The same file again: the certificate number is now taken.
            let again = try await RegistryImporter.officers(
                cells, mode: .validRows, allowed: nil, store: store, context: .system, on: t.app.db)
            #expect(again.imported == 0 && again.problems.contains { $0.row == 2 && $0.column == "执法证号" })
            let found = try await Officers.list(bodies: nil, query: "欧阳", year: 2026, on: t.app.db).map(\.name)
            #expect(found == ["欧阳明轩"])
        }
    }

    @Test(arguments: TestDB.all) func officersRefuseDuplicatesAndBadDates(_ db: TestDB) async throws {
        try await withTestApp(db) { t in
            let scj = try await t.orgID("清河县市场监督管理局")
            let existing = try await Officers.list(bodies: [scj], year: 2026, limit: 1, on: t.app.db).first!
            var input = OfficerInput(
                name: "测试员", gender: "男", idNumber: "11010519491231002X", bodyID: scj, post: "",
                certificate: EnforcementCertificate(
                    number: existing.certificateNumber, category: "市场监管", region: "清河县",
                    issuedOn: CivilDate(iso: "2025-01-01")!, expiresOn: CivilDate(iso: "2030-01-01")!, status: .active),
                hasLegalQualification: false, legalCertificateNumber: "", examScore: nil)
            @Sendable func create(_ i: OfficerInput) async throws -> UUID {
                try await t.app.fazhi.store.write(on: t.app.db, .system) { tx in
                    try await Officers.create(i, trainingYear: 2026, trainingHours: 12, in: tx)
                }
            }
            let dup = input
            await #expect(
                throws: DomainError.conflict(
                    field: "certificateNumber", message: "执法证号 \(existing.certificateNumber) 已被其他执法人员使用")
            ) { _ = try await create(dup) }
            input.certificate.number = "ZJ3399NEW0001"
            input.certificate.expiresOn = input.certificate.issuedOn
            let expiredOnIssue = input
            await #expect(throws: DomainError.self) { _ = try await create(expiredOnIssue) }
            input.certificate.expiresOn = CivilDate(iso: "2030-01-01")!
            let id = try await create(input)
            let row = try await Officers.officer(id, year: 2026, on: t.app.db)!
            #expect(row.trainingHours == 12 && row.profile.eligibility(on: CivilDate(iso: "2026-06-01")!).isEligible)
        }
    }

    @Test(arguments: TestDB.all) func powerListAdjustmentsAsOfAndDiff(_ db: TestDB) async throws {
        try await withTestApp(db) { t in
            let scj = try await t.orgID("清河县市场监督管理局")
            let content = PowerItemContent(
                code: "339901-JC-09001", name: "对网络交易平台的行政检查", type: .inspection, subItems: [],
                basis: [LegalBasis(law: "《电子商务法》", article: "第六条", text: "")],
                organisationID: scj, responsibilities: "检查、处理", process: "", accountability: "", supervision: "12345")
            func adjust(_ kind: AdjustmentKind, _ date: String, _ c: PowerItemContent = content) async throws {
                try await t.app.fazhi.store.write(on: t.app.db, .system) { tx in
                    _ = try await PowerListStore.adjust(
                        AdjustmentRequest(
                            kind: kind, effectiveOn: CivilDate(iso: date)!, reason: "试点",
                            approvalDocument: "清政办发〔2026〕9号", approver: "县政府", content: c), in: tx)
                }
            }
            try await adjust(.add, "2026-02-01")
            // Dated before the item exists: refused, nothing written.
            let records = try await t.recordSize()
            await #expect(throws: DomainError.self) { try await adjust(.amend, "2026-01-15") }
            let recordsAfter = try await t.recordSize()
            #expect(recordsAfter == records)
            var renamed = content; renamed.name = "对网络交易平台经营者的行政检查"
            try await adjust(.amend, "2026-05-01", renamed)
            try await adjust(.cancel, "2026-09-01", renamed)
            await #expect(throws: DomainError.self) {
                try await adjust(
                    .add, "2026-10-01",
                    {
                        var c = content; c.code = "339901-XK-09001"; return c
                    }())
            }  // code/type mismatch
            let jan = try await PowerListStore.listed(on: CivilDate(iso: "2026-01-31")!, on: t.app.db)
            let mar = try await PowerListStore.listed(on: CivilDate(iso: "2026-03-01")!, on: t.app.db)
            let jun = try await PowerListStore.listed(on: CivilDate(iso: "2026-06-01")!, on: t.app.db)
            let oct = try await PowerListStore.listed(on: CivilDate(iso: "2026-10-01")!, on: t.app.db)
            #expect(
                jan[content.code] == nil && mar[content.code]?.content.name == content.name
                    && jun[content.code]?.content.name == renamed.name && oct[content.code] == nil)
            let d = try await PowerListStore.diff(
                from: CivilDate(iso: "2026-03-01")!, to: CivilDate(iso: "2026-06-01")!, on: t.app.db)
            #expect(d.changed.map(\.after.content.code) == [content.code] && d.changed.first?.fields == ["事项名称"])
            // The demo's 2025 cancellations show up between 2025 and 2026.
            let yd = try await PowerListStore.diff(
                from: CivilDate(iso: "2025-01-01")!, to: CivilDate(iso: "2026-01-01")!, on: t.app.db)
            #expect(yd.removed.count == 5)
        }
    }

    /// M046: the list as of a date is read and counted through the indexes that replaced `power_adjustments_date`,
    /// which is gone (on PostgreSQL the plans are checked with sequential scans discouraged: the demo list is small).
    @Test(arguments: TestDB.all) func theListAsOfADateUsesItsIndexes(_ db: TestDB) async throws {
        try await withTestApp(db) { t in
            let sql = t.app.db as! any SQLDatabase
            let indexes: [String] =
                sql.dialect.name == "sqlite"
                ? try await sql.raw(
                    "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'power_adjustments'"
                )
                .all().map { try $0.decode(column: "name", as: String.self) }
                : try await sql.raw("SELECT indexname AS name FROM pg_indexes WHERE tablename = 'power_adjustments'")
                    .all().map { try $0.decode(column: "name", as: String.self) }
            #expect(!indexes.contains("power_adjustments_date"))
            #expect(indexes.contains("power_adjustments_valid") && indexes.contains("power_adjustments_code_valid"))
            let page = try await PowerListStore.list(on: CivilDate(iso: "2026-01-01")!, limit: 10, on: t.app.db)
            #expect(page.rows.count == 10 && page.total > 10)
            guard sql.dialect.name == "postgresql" else { return }
            let plans = try await t.app.db.transaction { db in
                let tx = db as! any SQLDatabase
                try await tx.raw("SET LOCAL enable_seqscan = off").run()
                let date = "2026-01-01"
                let inForce = "a.effective_on <= '\(date)' AND a.valid_to > '\(date)' AND a.kind <> 'cancel'"
                func plan(_ q: String) async throws -> String {
                    try await tx.raw("EXPLAIN \(unsafeRaw: q)").all()
                        .map { try $0.decode(column: "QUERY PLAN", as: String.self) }.joined(separator: "\n")
                }
                return (
                    try await plan("SELECT a.code FROM power_adjustments a WHERE \(inForce) ORDER BY a.code LIMIT 100"),
                    try await plan("SELECT COUNT(*) FROM power_adjustments a WHERE \(inForce)")
                )
            }
            // Which of the two depends on the table's size (the bench's 150,000 rows: `code_valid` for the page).
            for plan in [plans.0, plans.1] {
                #expect(!plan.contains("Seq Scan"), "\(plan)")
                #expect(plan.contains("power_adjustments_valid") || plan.contains("power_adjustments_code_valid"))
            }
        }
    }

    @Test(arguments: TestDB.all) func benchmarksVersionedAndChecked(_ db: TestDB) async throws {
        try await withTestApp(db) { t in
            var b = try await Benchmarks.current(code: "QH-CF-001", on: t.app.db)!.benchmark()
            @Sendable func save(_ b: DiscretionBenchmark) async throws -> Int {
                try await t.app.fazhi.store.write(on: t.app.db, .system) { tx in
                    try await Benchmarks.save(b, effectiveOn: CivilDate(iso: "2026-06-01")!, in: tx)
                }
            }
            b.tiers[3].measureFrom = 12000  // gap between 10000 and 12000
            let gap = b
            await #expect(throws: DomainError.self) { _ = try await save(gap) }
            b.tiers[3].measureFrom = 10000
            b.firstViolationExempt = true
            let v = try await save(b)
            let versions = try await Benchmarks.versions(code: "QH-CF-001", on: t.app.db)
            #expect(v == 2 && versions.count == 2)
            // A benchmark for an item that is not a 行政处罚 is refused.
            var wrong = b; wrong.code = "QH-X-1"; wrong.powerItemCode = "339901-XK-00001"
            let wrongCopy = wrong
            await #expect(throws: DomainError.self) { _ = try await save(wrongCopy) }
            let o = try DiscretionCalculator.compute(b, facts: CaseFacts(measureValue: 20000, goodsValue: 20000))
            #expect(o.tier == .ordinary && o.fineMinimumYuan == 200_000)
        }
    }
}
