import FazhiCore
import Foundation
import SQLKit
import Testing

@testable import FazhiStore

/// Rows written in bulk (`JSONRows`, the imports' path: one JSON value on SQLite, one binary array per column on
/// PostgreSQL) must be stored exactly as the same values bound one by one through SQLKit: the row seals hash the
/// stored text, and a later edit through the ordinary path compares with it.
@Suite(.serialized) struct JSONRowsTests {
    struct Row {
        let id: UUID, name: String, flag: Bool, score: Double?, count: Int
    }

    static let columns = JSONRows([
        ("id", .uuid), ("name", .text), ("flag", .bool), ("score", .double), ("count", .int),
    ])

    /// The awkward strings but NUL, which imports refuse (`TextChecks`): PostgreSQL cannot store it in text at all.
    static let rows: [Row] = CanonicalJSONWriterTests.awkward.enumerated().map { k, s in
        Row(
            id: UUID(), name: s.replacingOccurrences(of: "\u{0}", with: ""), flag: k % 2 == 0,
            score: [nil, 80, 60.5, 0, 1e-7, 99.99][k % 6], count: k * 1_000_003)
    }

    static func packed(_ rows: [Row], on sql: any SQLDatabase) throws -> PackedRows {
        try columns.pack(rows, RowsFormat(for: sql)) { w, r in
            w.string(r.id.uuidString); w.string(r.name); w.bool(r.flag)
            if let s = r.score { try w.double(s) } else { w.null() }
            w.int(r.count)
        }
    }

    /// Every column as the database writes it as text, and its type, by id.
    static func stored(_ table: String, on sql: any SQLDatabase) async throws -> [String] {
        let sqlite = sql.dialect.name == "sqlite"
        let cols = ["name", "flag", "score", "count"].map {
            sqlite
                ? "quote(\($0)) || '/' || typeof(\($0))"
                : "COALESCE(CAST(\($0) AS TEXT), '∅') || '/' || pg_typeof(\($0))"
        }
        let select = "SELECT \(sqlite ? "id" : "CAST(id AS TEXT)") AS k, \(cols.joined(separator: " || '|' || ")) AS v"
        return try await sql.raw("\(unsafeRaw: select) FROM \(ident: table) ORDER BY count").all().map {
            "\(try $0.decode(column: "k", as: String.self).uppercased()) \(try $0.decode(column: "v", as: String.self))"
        }
    }

    @Test(arguments: TestDB.all) func storedAsIfBoundOneByOne(_ db: TestDB) async throws {
        try await withTestApp(db, demo: false) { t in
            let sql = t.app.db as! any SQLDatabase
            let types =
                sql.dialect.name == "sqlite"
                ? "UUID, TEXT, INTEGER, DOUBLE, INTEGER" : "UUID, TEXT, BOOLEAN, DOUBLE PRECISION, BIGINT"
            for table in ["rows_bound", "rows_json"] {
                let defs = zip(["id", "name", "flag", "score", "count"], types.split(separator: ", "))
                    .map { "\($0) \($1)" }.joined(separator: ", ")
                try await sql.raw("CREATE TABLE \(ident: table) (\(unsafeRaw: defs), PRIMARY KEY (id))").run()
            }
            for r in Self.rows {
                try await sql.insert(into: "rows_bound").columns("id", "name", "flag", "score", "count")
                    .values(SQLBind(r.id), SQLBind(r.name), SQLBind(r.flag), SQLBind(r.score), SQLBind(r.count)).run()
            }
            try await Self.columns.insert(into: "rows_json", try Self.packed(Self.rows, on: sql), on: sql)
            let bound = try await Self.stored("rows_bound", on: sql)
            #expect(bound.count == Self.rows.count)
            #expect(try await Self.stored("rows_json", on: sql) == bound)

            // An update by key sets the other columns of exactly the rows named.
            var changed = Self.rows
            changed[1] = Row(
                id: changed[1].id, name: "改名\"/\\", flag: !changed[1].flag, score: nil, count: changed[1].count)
            changed[3] = Row(id: changed[3].id, name: "", flag: true, score: 12.5, count: changed[3].count)
            for r in [changed[1], changed[3]] {
                try await sql.update("rows_bound").set("name", to: SQLBind(r.name)).set("flag", to: SQLBind(r.flag))
                    .set("score", to: SQLBind(r.score)).where("id", .equal, SQLBind(r.id)).run()
            }
            let byKey = JSONRows([("id", .uuid), ("count", .int), ("name", .text), ("flag", .bool), ("score", .double)])
            let updates = try byKey.pack([changed[1], changed[3]], RowsFormat(for: sql)) { w, r in
                w.string(r.id.uuidString); w.int(r.count); w.string(r.name); w.bool(r.flag)
                if let s = r.score { try w.double(s) } else { w.null() }
            }
            try await byKey.update("rows_json", keys: 2, updates, on: sql)
            #expect(try await Self.stored("rows_json", on: sql) == (try await Self.stored("rows_bound", on: sql)))
        }
    }

    /// What an insert or update returns (`RETURNING`, the imports' seals; on PostgreSQL read off the wire cell by cell)
    /// is the text a later read of the rows gives, awkward strings and NULL included.
    @Test(arguments: TestDB.all) func returnedAsStored(_ db: TestDB) async throws {
        try await withTestApp(db, demo: false) { t in
            let sql = t.app.db as! any SQLDatabase
            let sqlite = sql.dialect.name == "sqlite"
            let types =
                sqlite ? "UUID, TEXT, INTEGER, DOUBLE, INTEGER" : "UUID, TEXT, BOOLEAN, DOUBLE PRECISION, BIGINT"
            let defs = zip(["id", "name", "flag", "score", "count"], types.split(separator: ", "))
                .map { "\($0) \($1)" }.joined(separator: ", ")
            try await sql.raw("CREATE TABLE rows_ret (\(unsafeRaw: defs), PRIMARY KEY (id))").run()
            // Each column as text (NULL as "∅"; SQLite quotes it as NULL), then the key, as `RowSeals.selectList` does.
            let text = ["name", "flag", "score", "count"].map {
                sqlite ? "COALESCE(quote(\($0)), '∅')" : "COALESCE(CAST(\($0) AS TEXT), '∅')"
            }.joined(separator: " || '|' || ")
            let key = sqlite ? "quote(id)" : "CAST(id AS TEXT)"
            let list = "\(text) AS v, \(key) AS k"
            func read() async throws -> [[String]] {
                try await sql.raw("SELECT \(unsafeRaw: list) FROM rows_ret ORDER BY count").all().map {
                    [try $0.decode(column: "v", as: String.self), try $0.decode(column: "k", as: String.self)]
                }
            }
            let inserted = try await Self.columns.insert(
                into: "rows_ret", try Self.packed(Self.rows, on: sql), returning: "RETURNING \(list)", on: sql)
            #expect(inserted.count == Self.rows.count)
            #expect(inserted.sorted { $0[1] < $1[1] } == (try await read()).sorted { $0[1] < $1[1] })
            #expect(
                inserted.contains { $0[0].contains("😀𠀀é") }
                    && inserted.contains { $0[0].contains(sqlite ? "NULL" : "∅") })
            let byKey = JSONRows([("id", .uuid), ("name", .text)])
            let renamed = try byKey.pack(Self.rows.prefix(2), RowsFormat(for: sql)) { w, r in
                w.string(r.id.uuidString); w.string("改名\u{1F}\"/\\")
            }
            let updated = try await byKey.update("rows_ret", keys: 1, renamed, returning: "RETURNING \(list)", on: sql)
            let after = try await read()
            #expect(
                updated.count == 2
                    && updated.allSatisfy { after.contains($0) && $0[0].hasPrefix(sqlite ? "'改名" : "改名") })
        }
    }

    /// A seal entry's payload written for its one type is what the generic canonical encoding writes.
    @Test func sealPayloadIsCanonical() throws {
        var rows: [String: String] = [:]
        for (i, s) in CanonicalJSONWriterTests.awkward.enumerated() {
            rows[s + "/\(i)"] = String(repeating: "ab", count: i)
        }
        for i in 0..<500 { rows[UUID().uuidString.lowercased() + (i % 2 == 0 ? "/2025" : "")] = "\(i)" }
        #expect(RowSeals.payload(rows) == (try CanonicalJSON.encode(["rows": rows])))
        #expect(RowSeals.payload([:]) == (try CanonicalJSON.encode(["rows": [String: String]()])))
    }

    /// An import indexes its search documents in batches of several chunks on SQLite, and sends each chunk's on
    /// PostgreSQL (read with the chunk): every document is found, and documents already indexed are replaced.
    @Test(arguments: TestDB.all) func searchDocumentsInBatches(_ db: TestDB) async throws {
        try await withTestApp(db, demo: false) { t in
            let sql = t.app.db as! any SQLDatabase
            var batch = SearchIndex.Batch(kind: "t", new: true)
            batch.size = 3
            for part in 0..<4 {
                let docs = (0..<2).map { SearchIndex.indexed("r\(part * 2 + $0)", text: "食品安全 第\(part * 2 + $0)号") }
                let sent = try await batch.add(SearchIndex.rows(docs, RowsFormat(for: sql)), on: sql)
                #expect((sent == nil) == (sql.dialect.name == "sqlite"))
                _ = try await sent?.rows()
            }
            try await batch.flush(on: sql)
            #expect(try await SearchIndex.search("t", "食品", limit: 100, on: sql)?.sorted() == (0..<8).map { "r\($0)" })
            var again = SearchIndex.Batch(kind: "t", new: false)
            _ = try await again.add(
                SearchIndex.rows([SearchIndex.indexed("r3", text: "药品经营")], RowsFormat(for: sql)), on: sql
            )?.rows()
            try await again.flush(on: sql)
            #expect(try await SearchIndex.search("t", "食品", limit: 100, on: sql)?.contains("r3") == false)
            #expect(try await SearchIndex.search("t", "药品", limit: 100, on: sql) == ["r3"])
            guard sql.dialect.name == "postgresql" else { return }
            // Each document's tokens are stored in PostgreSQL's own order, the one its GIN index sorts them into.
            let ordered = try await sql.raw(
                "SELECT bool_and(tokens = ARRAY(SELECT unnest(tokens) ORDER BY 1)) AS ordered FROM search_index"
            ).first()
            #expect(try ordered?.decode(column: "ordered", as: Bool.self) == true)
            // M045: the tokens are compared byte by byte, and the queries still go through the GIN index.
            let collation = try await sql.raw(
                """
                SELECT collation_name FROM information_schema.columns
                WHERE table_name = 'search_index' AND column_name = 'tokens'
                """
            ).first()?.decode(column: "collation_name", as: String?.self)
            #expect(collation == "C")
            let plan = try await t.app.db.transaction { db in
                let tx = db as! any SQLDatabase
                try await tx.raw("SET LOCAL enable_seqscan = off").run()
                // The tokens' condition alone, bound as `SearchIndex` binds it (the tiny table's kind is better served
                // by its key).
                return try await tx.raw("EXPLAIN SELECT ref FROM search_index WHERE tokens @> \(bind: ["食品"])::text[]")
                    .all().map { try $0.decode(column: "QUERY PLAN", as: String.self) }
            }
            #expect(plan.contains { $0.contains("search_index_tokens") }, "\(plan)")
        }
    }

    /// A row that does not fit its columns (too few or too many cells, a cell that cannot become its column's kind) is
    /// refused when packed, and rows packed for the other database, or in two formats at once, are refused before
    /// anything is sent. Zero rows and NULL cells go through.
    @Test(arguments: TestDB.all) func packingRefusesRowsThatDoNotFit(_ db: TestDB) async throws {
        try await withTestApp(db, demo: false) { t in
            let sql = t.app.db as! any SQLDatabase
            let format = RowsFormat(for: sql)
            let cols = JSONRows([("id", .uuid), ("n", .int)])
            #expect(throws: StoreError.self) { try cols.pack([1], format) { w, _ in w.uuid(UUID()) } }
            #expect(throws: StoreError.self) {
                try cols.pack([1], format) { w, _ in
                    w.uuid(UUID())
                    w.int(1)
                    w.int(2)
                }
            }
            #expect(throws: StoreError.self) {
                try cols.pack([1], .columns) { w, _ in
                    w.string("不是编号")
                    w.int(1)
                }
            }
            #expect(throws: StoreError.self) {
                try cols.pack([1], .columns) { w, _ in
                    w.uuid(UUID())
                    w.string("一")
                }
            }
            let json = try cols.pack([1], .json) { w, k in
                w.uuid(UUID())
                w.int(k)
            }
            let columns = try cols.pack([1], .columns) { w, k in
                w.uuid(UUID())
                w.int(k)
            }
            #expect(throws: StoreError.self) { try PackedRows.joined([json, columns]) }
            #expect(throws: StoreError.self) { try PackedRows.joined([columns, json]) }
            try await sql.raw("CREATE TABLE rows_fit (id UUID PRIMARY KEY, n BIGINT)").run()
            await #expect(throws: StoreError.self) {
                try await cols.insert(into: "rows_fit", format == .json ? columns : json, on: sql)
            }
            let some = try cols.pack([1, 2, 3], format) { w, k in
                w.uuid(UUID())
                if k == 2 { w.null() } else { w.int(k) }
            }
            let none = try cols.pack([Int](), format) { _, _ in }
            try await cols.insert(into: "rows_fit", try PackedRows.joined([some, none]), on: sql)
            try await cols.insert(into: "rows_fit", none, on: sql)
            let counts = try await sql.raw(
                "SELECT COUNT(*) AS c, COUNT(n) AS v, CAST(SUM(n) AS BIGINT) AS s FROM rows_fit"
            ).first()
            #expect(try counts?.decode(column: "c", as: Int.self) == 3)
            #expect(try counts?.decode(column: "v", as: Int.self) == 2)
            #expect(try counts?.decode(column: "s", as: Int.self) == 4)
            // A negative zero (a score of "-0" passes its range check) is stored as 0, as the JSON path stored it.
            let scores = JSONRows([("id", .uuid), ("score", .double)])
            try await sql.raw("CREATE TABLE scores_fit (id UUID PRIMARY KEY, score DOUBLE PRECISION)").run()
            let zero = try scores.pack([-0.0], format) { w, d in
                w.uuid(UUID())
                try w.double(d)
            }
            try await scores.insert(into: "scores_fit", zero, on: sql)
            let text = try await sql.raw("SELECT CAST(score AS TEXT) AS s FROM scores_fit").first()
            #expect(try text?.decode(column: "s", as: String.self).hasPrefix("0") == true)
        }
    }

    /// Runs `write`, which repeats a key: that failure is the error thrown, not the "current transaction is aborted" of
    /// the statements sent after it (PostgreSQL).
    func expectTheRepeatedKeyThrown(_ write: () async throws -> Void) async {
        do {
            try await write()
            Issue.record("a repeated key was written")
        } catch {
            let text = String(reflecting: error)
            #expect(text.contains("duplicate key") || text.contains("UNIQUE constraint"), "\(text)")
            #expect(!text.contains("25P02") && !text.contains("transaction is aborted"), "\(text)")
        }
    }

    /// Chunks written one ahead (`ImportPipeline.OneChunkAhead`): when a statement of the newer chunk fails, the error
    /// thrown is that failure (a duplicate key here), not the "current transaction is aborted" of the record entries
    /// the older chunk writes after it on PostgreSQL; and nothing is committed.
    @Test(arguments: TestDB.all) func aFailedStatementSentAheadIsTheErrorThrown(_ db: TestDB) async throws {
        try await withTestApp(db, demo: false) { t in
            let sql = t.app.db as! any SQLDatabase
            try await sql.raw("CREATE TABLE rows_ahead (id UUID PRIMARY KEY, n BIGINT)").run()
            let cols = JSONRows([("id", .uuid), ("n", .int)])
            let format = RowsFormat(for: sql)
            let id = UUID()
            await expectTheRepeatedKeyThrown {
                try await t.app.fazhi.store.write(on: t.app.db, .system) { tx in
                    var ahead = ImportPipeline.OneChunkAhead()
                    for n in 1...3 {
                        let rows = try cols.pack([n], format) { w, k in
                            w.uuid(id)
                            w.int(k)
                        }
                        let sent = try await cols.sendInsert(into: "rows_ahead", rows, on: tx.sql)
                        let chunk = ImportPipeline.SentChunk(
                            writes: [SentWrite(table: .officers, rows: sent, seals: nil)], subjectType: "rows_ahead",
                            subject: "\(n)",
                            payload: Array("{}".utf8))
                        try await ahead.write(chunk, in: tx)
                    }
                    try await ahead.finish(in: tx)
                }
            }
            let stored = try await sql.raw("SELECT COUNT(*) AS n FROM rows_ahead").first()
            #expect(try stored?.decode(column: "n", as: Int.self) == 0)
        }
    }

    /// A statement sent after a chunk's writes (its search documents, on PostgreSQL) that fails is the error thrown,
    /// not the writes sent after it, which the aborted transaction refuses: here the second chunk's following statement
    /// repeats the first's key.
    @Test(arguments: TestDB.all) func aFailedStatementFollowingAChunkIsTheErrorThrown(_ db: TestDB) async throws {
        try await withTestApp(db, demo: false) { t in
            let sql = t.app.db as! any SQLDatabase
            try await sql.raw("CREATE TABLE rows_written (id UUID PRIMARY KEY, n BIGINT)").run()
            try await sql.raw("CREATE TABLE rows_following (id UUID PRIMARY KEY, n BIGINT)").run()
            let cols = JSONRows([("id", .uuid), ("n", .int)])
            let format = RowsFormat(for: sql)
            let following = UUID()
            await expectTheRepeatedKeyThrown {
                try await t.app.fazhi.store.write(on: t.app.db, .system) { tx in
                    var ahead = ImportPipeline.OneChunkAhead()
                    for n in 1...3 {
                        let written = try cols.pack([n], format) { w, k in
                            w.uuid(UUID())
                            w.int(k)
                        }
                        let again = try cols.pack([n], format) { w, k in
                            w.uuid(following)
                            w.int(k)
                        }
                        var chunk = ImportPipeline.SentChunk(
                            writes: [
                                SentWrite(
                                    table: .officers,
                                    rows: try await cols.sendInsert(into: "rows_written", written, on: tx.sql),
                                    seals: nil)
                            ], subjectType: "rows_following", subject: "\(n)", payload: Array("{}".utf8))
                        chunk.following.append(try await cols.sendInsert(into: "rows_following", again, on: tx.sql))
                        try await ahead.write(chunk, in: tx)
                    }
                    try await ahead.finish(in: tx)
                }
            }
            for table in ["rows_written", "rows_following"] {
                let stored = try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()
                #expect(try stored?.decode(column: "n", as: Int.self) == 0)
            }
        }
    }

    /// A chunk whose rows go into `rows_chunked` and whose search document is `ref` (for the test below).
    struct ChunkWithDocument: ImportPipeline.PreparedChunk {
        let n: Int
        let search: PackedRows
        let rows: PackedRows

        init(_ n: Int, ref: String, format: RowsFormat) throws {
            self.n = n
            search = try SearchIndex.rows([SearchIndex.indexed(ref, text: "食品安全 \(n)")], format)
            rows = try JSONRows([("id", .uuid), ("n", .int)]).pack([n], format) { w, k in
                w.uuid(UUID())
                w.int(k)
            }
        }

        func send(in tx: WriteTransaction) async throws -> ImportPipeline.SentChunk {
            let sent = try await JSONRows([("id", .uuid), ("n", .int)]).sendInsert(
                into: "rows_chunked", rows, on: tx.sql)
            return .init(
                writes: [SentWrite(table: .officers, rows: sent, seals: nil)], subjectType: "rows_chunked",
                subject: "\(n)", payload: Array("{}".utf8))
        }
    }

    /// An import's search documents go with their chunk (PostgreSQL) or into a batch (SQLite): a document that cannot
    /// be written — here the second chunk's repeats the first's ref — is the error thrown, and nothing is written.
    @Test(arguments: TestDB.all) func aSearchDocumentThatFailsIsTheErrorThrown(_ db: TestDB) async throws {
        try await withTestApp(db, demo: false) { t in
            let sql = t.app.db as! any SQLDatabase
            try await sql.raw("CREATE TABLE rows_chunked (id UUID PRIMARY KEY, n BIGINT)").run()
            let format = RowsFormat(for: sql)
            await expectTheRepeatedKeyThrown {
                try await t.app.fazhi.store.write(on: t.app.db, .system) { tx in
                    var ahead = ImportPipeline.OneChunkAhead()
                    var search = SearchIndex.Batch(kind: "chunked", new: true)
                    for n in 1...3 {
                        let chunk = try ChunkWithDocument(n, ref: n < 3 ? "same" : "other", format: format)
                        try await chunk.write(ahead: &ahead, search: &search, in: tx)
                    }
                    try await ahead.finish(in: tx)
                    try await search.flush(on: tx.sql)
                }
            }
            let stored = try await sql.raw("SELECT COUNT(*) AS n FROM rows_chunked").first()
            #expect(try stored?.decode(column: "n", as: Int.self) == 0)
            #expect(try await SearchIndex.search("chunked", "食品", limit: 10, on: sql) == [])
        }
    }

    /// The seals an import makes for its new 权责清单 rows as it packs them (on PostgreSQL,
    /// `RowSeals.postgresSeal`) are the seals of the rows as stored, read back as the audit reads them — awkward
    /// strings (decomposed accents, a BOM, a noncharacter), UUIDs and numbers included —; those inserts return
    /// nothing, and the audit then finds nothing.
    @Test(arguments: TestDB.all) func sealsMadeWhilePackingAreTheStoredRowsSeals(_ db: TestDB) async throws {
        try await withTestApp(db) { t in
            let org = try await t.orgID("清河县市场监督管理局")
            let awkward =
                CanonicalJSONWriterTests.awkward.map { $0.replacingOccurrences(of: "\u{0}", with: "") }
                + ["e\u{301}", "\u{FEFF}开头", "\u{FFFF}"]
            let rows: [(UUID, PowerAdjustment, Bool)] = awkward.enumerated().map { k, s in
                let content = PowerItemContent(
                    code: "339901-XK-9\(k)00\(k)", name: "对\(s)的许可", type: .licensing, subItems: [s],
                    basis: [LegalBasis(law: "《\(s)法》", article: "第一条", text: s)], organisationID: org,
                    responsibilities: s, process: s, accountability: s, supervision: s)
                let adjustment = PowerAdjustment(
                    kind: .add, effectiveOn: CivilDate(year: 2026, month: 1, day: k + 1)!, sequence: 1, reason: s,
                    approvalDocument: s, approver: s, content: content)
                return (UUID(), adjustment, true)
            }
            try await t.app.fazhi.store.write(on: t.app.db, .system) { tx in
                let postgres = tx.sql.dialect.name == "postgresql"
                let batch = try PowerListStore.Batch(rows, format: RowsFormat(for: tx.sql), sealingNewRows: true)
                let writes = try await PowerListStore.send(batch, on: tx.sql, sealing: true)
                for write in writes {
                    // On PostgreSQL the inserts are sealed as packed and return nothing; on SQLite they return rows.
                    #expect((write.seals != nil) == postgres)
                    #expect(try await write.rows.rows().isEmpty == postgres)
                    try await write.seal(in: tx)
                }
                let items = try await RowSeals.seals(.powerItems, owners: rows.map(\.0), on: tx.sql)
                let adjustments = try await RowSeals.seals(.powerAdjustments, owners: rows.map(\.0), on: tx.sql)
                #expect(items.count == rows.count && adjustments.count == rows.count)
                guard postgres else { return }
                #expect(batch.newItems?.seals == items)
                #expect(batch.adjustments.seals == adjustments)
            }
            let problems = try await RowSeals.audit(on: t.app.db as! any SQLDatabase)
            #expect(problems.isEmpty, "\(problems.prefix(3))")
        }
    }

    /// Rows are sealed as packed only where every sealed column is among those written and none is a double, and only
    /// in the PostgreSQL format.
    @Test func sealingAsPackedNeedsEverySealedColumn() throws {
        #expect(PowerListStore.itemColumns.sealingOrder(.powerItems)?.keyCount == 1)
        #expect(PowerListStore.adjustmentColumns.sealingOrder(.powerAdjustments)?.order.count == 13)
        #expect(PowerListStore.itemUpdateColumns.sealingOrder(.powerItems) == nil)
        #expect(Officers.trainingColumns.sealingOrder(.officerTraining) == nil)
        #expect(Officers.columns.sealingOrder(.officers) == nil)
        let one = [(UUID(), "339901-XK-00001")]
        func pack(_ format: RowsFormat) throws -> PackedRows {
            try JSONRows([("id", .uuid), ("code", .text)]).pack(one, format, sealingAs: .powerItems) { w, r in
                w.uuid(r.0)
                w.string(r.1)
            }
        }
        #expect(try pack(.columns).seals == nil && pack(.json).seals == nil)
    }
}
