import FazhiApp
import FazhiCore
import FazhiStore
import Fluent
import Foundation
import NIOCore
import SQLKit
import Synchronization
import Testing
import VaporTesting

/// The databases every storage test runs on: SQLite always; PostgreSQL when the test script started one
/// (FAZHI_TEST_POSTGRES_URL), each test in a database of its own.
enum TestDB: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres
    var testDescription: String { rawValue }

    static var all: [TestDB] {
        ProcessInfo.processInfo.environment["FAZHI_TEST_POSTGRES_URL"] == nil ? [.sqlite] : [.sqlite, .postgres]
    }
}

enum TestEnv {
    static func tempDir() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent(
            "fazhi-test-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    @discardableResult
    static func shell(_ args: [String], env: [String: String] = [:]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = args
        var e = ProcessInfo.processInfo.environment
        for (k, v) in env { e[k] = v }
        p.environment = e
        let pipe = Pipe()
        p.standardOutput = pipe; p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A fresh PostgreSQL database, empty or a copy of `template`; returns its URL.
    static func createPostgresDatabase(template: String? = nil) throws -> (url: String, name: String) {
        let base = ProcessInfo.processInfo.environment["FAZHI_TEST_POSTGRES_URL"]!
        let name = "fz_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        let create = "CREATE DATABASE \(name)" + (template.map { " TEMPLATE \($0)" } ?? "")
        var (rc, out) = try shell(["psql", base, "-v", "ON_ERROR_STOP=1", "-q", "-c", create])
        // A template's last sessions may still be ending on the server just after its app shut down.
        for _ in 0..<50 where rc != 0 && out.contains("is being accessed by other users") {
            Thread.sleep(forTimeInterval: 0.2)
            (rc, out) = try shell(["psql", base, "-v", "ON_ERROR_STOP=1", "-q", "-c", create])
        }
        guard rc == 0 else { throw StoreError.configuration("CREATE DATABASE failed: \(out)") }
        var c = URLComponents(string: base)!
        c.path = "/" + name
        return (c.string!, name)
    }

    static func dropPostgresDatabase(_ name: String) {
        let base = ProcessInfo.processInfo.environment["FAZHI_TEST_POSTGRES_URL"]!
        _ = try? shell(["psql", base, "-q", "-c", "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"])
    }

    /// Removes a prepared storage (its folder, its database) when the test process ends: it outlives every test.
    static func removeAtExit(_ storage: TestStorage) {
        atExit.withLock { list in
            if list.isEmpty {
                atexit {
                    for s in TestEnv.atExit.withLock({ $0 }) {
                        if let name = s.pgName { TestEnv.dropPostgresDatabase(name) }
                        try? FileManager.default.removeItem(at: s.dir)
                    }
                }
            }
            list.append(storage)
        }
    }
    private static let atExit = Mutex<[TestStorage]>([])
}

/// Where a test's app keeps its state: a folder (the SQLite file, the record's key, evidence) and, on PostgreSQL, a
/// database of its own.
struct TestStorage: Sendable {
    let dir: URL
    let target: DatabaseTarget
    let pgName: String?

    /// An empty folder and an empty database.
    static func empty(_ db: TestDB) throws -> TestStorage {
        let dir = try TestEnv.tempDir()
        switch db {
        case .sqlite: return TestStorage(dir: dir, target: .sqlite(path: sqlitePath(dir)), pgName: nil)
        case .postgres:
            let (url, name) = try TestEnv.createPostgresDatabase()
            return TestStorage(dir: dir, target: .postgres(url: url), pgName: name)
        }
    }

    /// A copy of this storage: the folder copied file by file, the PostgreSQL database cloned by the server
    /// (`CREATE DATABASE … TEMPLATE`), so the copy holds what this one held when its app shut down.
    func copy() throws -> TestStorage {
        let copyDir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "fazhi-test-\(UUID().uuidString.prefix(8))")
        try FileManager.default.copyItem(at: dir, to: copyDir)
        guard let pgName else {
            return TestStorage(dir: copyDir, target: .sqlite(path: Self.sqlitePath(copyDir)), pgName: nil)
        }
        let (url, name) = try TestEnv.createPostgresDatabase(template: pgName)
        return TestStorage(dir: copyDir, target: .postgres(url: url), pgName: name)
    }

    private static func sqlitePath(_ dir: URL) -> String { dir.appendingPathComponent("test.sqlite").path }
}

/// Migrated databases with the demo loaded, one per kind of database, options and day, made once per test process
/// and copied for each test: migrating and loading the demo was most of a small test's time.
actor PreparedStorage {
    static let shared = PreparedStorage()
    private var made: [String: Task<TestStorage, any Error>] = [:]

    /// A copy of the prepared storage for these options, preparing it first if no test asked for it yet. (The copy
    /// is made outside the actor: tests copy at once.)
    nonisolated func copy(
        _ db: TestDB, demo: Bool, now: Date?, settings: ProcedureSettings?
    ) async throws
        -> TestStorage
    {
        try await prepared(db, demo: demo, now: now, settings: settings).copy()
    }

    private func prepared(
        _ db: TestDB, demo: Bool, now: Date?, settings: ProcedureSettings?
    ) async throws
        -> TestStorage
    {
        // A test on the real clock gets the demo as loaded today: the demo's dates are relative to its day.
        let day = now == nil ? CivilDate(instant: Date()).description : ""
        let settingsKey = try settings.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) } ?? ""
        let key = "\(db.rawValue)|\(demo)|\(now?.timeIntervalSince1970 ?? -1)|\(day)|\(settingsKey)"
        let prepared =
            made[key]
            ?? Task {
                let storage = try TestStorage.empty(db)
                TestEnv.removeAtExit(storage)
                let t = try await TestApp(db, storage: storage, demo: demo, now: now, settings: settings)
                try await t.app.asyncShutdown()
                return storage
            }
        made[key] = prepared
        do {
            return try await prepared.value
        } catch {
            made[key] = nil  // the next test tries again
            throw error
        }
    }
}

/// One running app over a database of its own, with the demo jurisdiction loaded.
final class TestApp: @unchecked Sendable {
    let app: Application
    let db: TestDB
    let storage: TestStorage
    var dir: URL { storage.dir }
    var target: DatabaseTarget { storage.target }
    /// Days the app's clock has been moved on (`advance(days:)`): a test of a period reads the app on a later day.
    private let shift = ShiftedClock()

    /// An app over a copy of the prepared database for these options.
    convenience init(
        _ db: TestDB, demo: Bool = true, now: Date? = nil, settings: ProcedureSettings? = nil,
        options adjust: @Sendable (inout AppOptions) -> Void = { _ in }
    ) async throws {
        let storage = try await PreparedStorage.shared.copy(db, demo: demo, now: now, settings: settings)
        try await self.init(
            db, storage: storage, demo: demo, now: now, settings: settings, options: adjust)
    }

    init(
        _ db: TestDB, storage: TestStorage, demo: Bool, now: Date?, settings: ProcedureSettings?,
        options adjust: @Sendable (inout AppOptions) -> Void = { _ in }
    ) async throws {
        self.db = db
        self.storage = storage
        let dir = storage.dir
        app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        var options = AppOptions(
            database: storage.target, calendarDirectory: nil,
            recordKeyPath: dir.appendingPathComponent("record.key").path,
            loadDemo: demo, checkpointInterval: 0)
        let shift = self.shift
        if let now {
            options.clock = { now.addingTimeInterval(shift.seconds) }
        } else {
            options.clock = { Date().addingTimeInterval(shift.seconds) }
        }
        options.evidenceDirectory = dir.appendingPathComponent("evidence").path
        options.evidenceMaxBytes = 64 * 1024
        options.expiryStepsInterval = 0
        adjust(&options)
        if let settings { options.procedureSettings = settings }
        try await configure(app, options: options)
        app.passwords.use(.bcrypt(cost: 4))  // fast hashing in tests
        try await prepareForServing(app)
    }

    /// Moves the app's clock on by whole days.
    func advance(days: Int) { shift.add(Double(days) * 86_400) }

    func shutdown() async {
        try? await app.asyncShutdown()
        if let pgName = storage.pgName { TestEnv.dropPostgresDatabase(pgName) }
        try? FileManager.default.removeItem(at: dir)
    }

    var sql: any SQLDatabase { app.db as! any SQLDatabase }

    func userID(_ username: String) async throws -> UUID {
        try await Accounts.user(named: username, on: app.db)!.id!
    }

    func orgID(_ name: String) async throws -> UUID {
        try await OrganisationRecord.query(on: app.db).filter(\.$name == name).first()!.id!
    }

    /// A bearer token for a user, created directly in the store.
    func token(_ username: String) async throws -> String {
        let u = try await Accounts.user(named: username, on: app.db)!
        return try await app.fazhi.store.write(on: app.db, .system) { tx in
            try await Accounts.createToken(for: u, name: "test", tx: tx).1
        }
    }

    func send(
        _ method: HTTPMethod, _ path: String, token: String? = nil, json: String? = nil,
        headers: [(String, String)] = [], contentType: String = "application/json"
    ) async throws -> TestingHTTPResponse {
        var h = HTTPHeaders()
        if let token { h.add(name: "Authorization", value: "Bearer \(token)") }
        if json != nil { h.add(name: "Content-Type", value: contentType) }
        for (k, v) in headers { h.add(name: k, value: v) }
        let body = json.map { ByteBuffer(string: $0) }
        return try await app.testing().sendRequest(method, path, headers: h, body: body)
    }

    /// A request with a binary body (an upload).
    func sendBytes(
        _ method: HTTPMethod, _ path: String, token: String? = nil, body: [UInt8], headers: [(String, String)] = []
    ) async throws -> TestingHTTPResponse {
        var h = HTTPHeaders()
        if let token { h.add(name: "Authorization", value: "Bearer \(token)") }
        for (k, v) in headers { h.add(name: k, value: v) }
        return try await app.testing().sendRequest(method, path, headers: h, body: ByteBuffer(bytes: body))
    }

    func recordSize() async throws -> Int { try await RecordLog.size(on: app.db) }
}

/// Runs `body` with a fresh app and always shuts it down.
func withTestApp(
    _ db: TestDB, demo: Bool = true, now: Date? = nil, settings: ProcedureSettings? = nil,
    _ body: (TestApp) async throws -> Void
) async throws {
    let t = try await TestApp(db, demo: demo, now: now, settings: settings)
    do { try await body(t) } catch { await t.shutdown(); throw error }
    await t.shutdown()
}

extension TestingHTTPResponse {
    var text: String { body.getString(at: body.readerIndex, length: body.readableBytes) ?? "" }
    func json() throws -> [String: Any] {
        (try JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }
    func jsonArray() throws -> [[String: Any]] {
        (try JSONSerialization.jsonObject(with: Data(text.utf8))) as? [[String: Any]] ?? []
    }
    var errorField: String? { ((try? json())?["error"] as? [String: Any])?["field"] as? String }
    var errorMessage: String? { ((try? json())?["error"] as? [String: Any])?["message"] as? String }
}

/// A clock offset a test moves on; read by the app on every request.
final class ShiftedClock: @unchecked Sendable {
    private let lock = NSLock()
    private var offset = 0.0
    var seconds: Double { lock.withLock { offset } }
    func add(_ s: Double) { lock.withLock { offset += s } }
}
