import FazhiCore
import FazhiStore
import Fluent
import Foundation
import Vapor

/// Everything the app needs, passed in explicitly so tests control it (database, calendar, key, clock).
public struct AppOptions: Sendable {
    public var database: DatabaseTarget
    /// Directory with extra holiday files (`cn-YYYY.csv`) a deployer adds without a rebuild.
    public var calendarDirectory: String?
    /// Ed25519 checkpoint key file; created on first start.
    public var recordKeyPath: String
    public var loadDemo: Bool
    /// Mark cookies `Secure` (behind HTTPS). Off by default so the loopback demo works over plain HTTP.
    public var secureCookies: Bool
    /// Seconds between automatic checkpoints while serving (0 = off).
    public var checkpointInterval: Int
    /// Name shown on the public portal.
    public var siteName: String
    /// "Now" for the app; tests pin it.
    public var clock: @Sendable () -> Date
    /// Registry alert thresholds. The 60-hour training target is [U] in statutes §G: FAZHI_TRAINING_HOURS_TARGET.
    public var registrySettings = RegistrySettings()
    /// Local and unverified values of the procedures (hearing thresholds, statement period…): `FAZHI_*` variables.
    public var procedureSettings = ProcedureSettings()
    /// Evidence files (证据文件): where their content is kept and the largest accepted upload.
    /// `FAZHI_EVIDENCE_DIR` (default `./evidence`), `FAZHI_EVIDENCE_MAX_MB` (default 2048: a 执法记录仪 video).
    public var evidenceDirectory = "./evidence"
    public var evidenceMaxBytes: Int64 = 2048 * 1_048_576
    /// Each body's seal image for 文书: `FAZHI_SEAL_DIR/<机关名称>.png` (or `<organisation id>.png`); default `./seals`.
    /// A body without one gets a drawn ring-and-star seal.
    public var sealDirectory = "./seals"
    /// How often (seconds) the server records the steps the law takes when a deadline passes (`ExpirySteps`, e.g. 视为受理);
    /// 0: never by itself (tests run it when they choose). FAZHI_EXPIRY_INTERVAL, default 600.
    public var expiryStepsInterval = 600
    /// How often (seconds) every case and publication row is checked against its record entry (`StateAudit`);
    /// 0: never by itself. FAZHI_STATE_AUDIT_INTERVAL, default 3600.
    public var stateAuditInterval = 3600
    /// Streaming replicas that serve reads which may lag a moment (the portal, search, statistics, the report):
    /// `FAZHI_DATABASE_READ_URL`, one or more `postgres://` URLs separated by commas. Empty: every read from the primary.
    public var readDatabases: [DatabaseTarget] = []
    /// For how long after a write the writer's reads stay on the primary, so they see what they wrote
    /// (`FAZHI_READ_YOUR_WRITES_SECONDS`, default 10).
    public var readYourWritesSeconds = 10
    /// How far (seconds) a replica's replay may be behind and still serve reads (`FAZHI_READ_MAX_LAG_SECONDS`, 30).
    public var readMaxLagSeconds = 30.0
    /// PostgreSQL `synchronous_commit` for writes (`FAZHI_SYNCHRONOUS_COMMIT`: on, remote_write, remote_apply);
    /// nil: the server's setting. See `Store.synchronousCommit`.
    public var synchronousCommit: Store.SynchronousCommit?
    /// This node's name among several app nodes (`FAZHI_NODE_NAME`, default host name and process id).
    public var nodeName = ProcessInfo.processInfo.hostName + ":" + String(ProcessInfo.processInfo.processIdentifier)
    /// Addresses of the load balancers in front (`FAZHI_TRUSTED_PROXIES`, comma-separated): a request from one of them
    /// is counted against the client it names in `X-Forwarded-For`, not against the balancer.
    public var trustedProxies: Set<String> = []
    /// 政府常务会议学法 a government holds a year at least (FAZHI_STUDY_EXECUTIVE_TARGET, 4 **[U]**: a local target).
    public var studyExecutiveTarget = 4

    public init(
        database: DatabaseTarget, calendarDirectory: String? = nil, recordKeyPath: String = "./fazhi-record.key",
        loadDemo: Bool = false, secureCookies: Bool = false, checkpointInterval: Int = 600,
        siteName: String = "法治政府建设一体化平台", clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.database = database; self.calendarDirectory = calendarDirectory; self.recordKeyPath = recordKeyPath
        self.loadDemo = loadDemo; self.secureCookies = secureCookies; self.checkpointInterval = checkpointInterval
        self.siteName = siteName; self.clock = clock
    }

    /// From the environment: FAZHI_DATABASE_URL, FAZHI_CALENDAR_DIR, FAZHI_RECORD_KEY, FAZHI_SECURE_COOKIES,
    /// FAZHI_CHECKPOINT_INTERVAL, FAZHI_SITE_NAME.
    public static func fromEnvironment() throws -> AppOptions {
        let env = ProcessInfo.processInfo.environment
        return try AppOptions(
            database: try DatabaseTarget.fromEnvironment(),
            calendarDirectory: env["FAZHI_CALENDAR_DIR"] ?? "./calendar",
            recordKeyPath: env["FAZHI_RECORD_KEY"] ?? "./fazhi-record.key",
            secureCookies: env["FAZHI_SECURE_COOKIES"] == "1",
            checkpointInterval: Int(env["FAZHI_CHECKPOINT_INTERVAL"] ?? "") ?? 600,
            siteName: env["FAZHI_SITE_NAME"] ?? "法治政府建设一体化平台"
        )
        .with {
            $0.registrySettings = RegistrySettings(
                trainingHoursTarget: Double(env["FAZHI_TRAINING_HOURS_TARGET"] ?? "") ?? 60,
                expiryWarningDays: Int(env["FAZHI_CERT_EXPIRY_WARNING_DAYS"] ?? "") ?? 30)
        }
        .with { $0.procedureSettings = ProcedureSettings.fromEnvironment(env) }
        .with {
            $0.evidenceDirectory = env["FAZHI_EVIDENCE_DIR"] ?? "./evidence"
            $0.evidenceMaxBytes = (Int64(env["FAZHI_EVIDENCE_MAX_MB"] ?? "") ?? 2048) * 1_048_576
            $0.sealDirectory = env["FAZHI_SEAL_DIR"] ?? "./seals"
            $0.expiryStepsInterval = Int(env["FAZHI_EXPIRY_INTERVAL"] ?? "") ?? 600
            $0.stateAuditInterval = Int(env["FAZHI_STATE_AUDIT_INTERVAL"] ?? "") ?? 3600
            $0.studyExecutiveTarget = max(0, min(Int(env["FAZHI_STUDY_EXECUTIVE_TARGET"] ?? "") ?? 4, 52))
        }
        .with {
            $0.readDatabases = try Self.list(env["FAZHI_DATABASE_READ_URL"]).map {
                guard case .postgres = try DatabaseTarget(url: $0) else {
                    throw StoreError.configuration("FAZHI_DATABASE_READ_URL 应为 postgres:// 只读副本地址（可用逗号分隔多个）")
                }
                return try DatabaseTarget(url: $0)
            }
            if !$0.readDatabases.isEmpty, $0.database.isSQLite {
                throw StoreError.configuration(
                    "FAZHI_DATABASE_READ_URL 只适用于 PostgreSQL 主库（FAZHI_DATABASE_URL=postgres://…）")
            }
            $0.readYourWritesSeconds = max(0, min(Int(env["FAZHI_READ_YOUR_WRITES_SECONDS"] ?? "") ?? 10, 3600))
            $0.readMaxLagSeconds = max(0, min(Double(env["FAZHI_READ_MAX_LAG_SECONDS"] ?? "") ?? 30, 86400))
            if let node = env["FAZHI_NODE_NAME"], !node.isEmpty { $0.nodeName = String(node.prefix(100)) }
            $0.trustedProxies = Set(Self.list(env["FAZHI_TRUSTED_PROXIES"]))
            if let level = env["FAZHI_SYNCHRONOUS_COMMIT"], !level.isEmpty {
                guard let l = Store.SynchronousCommit(rawValue: level) else {
                    throw StoreError.configuration("FAZHI_SYNCHRONOUS_COMMIT 应为 on、remote_write 或 remote_apply")
                }
                $0.synchronousCommit = l
            }
        }
    }

    func with(_ change: (inout AppOptions) throws -> Void) rethrows -> AppOptions {
        var c = self; try change(&c); return c
    }

    static func list(_ value: String?) -> [String] {
        (value ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// The services one running app holds.
public struct FazhiServices: Sendable {
    public let options: AppOptions
    public let store: Store
    public let calendar: StatutoryCalendar
    public let deadlines: DeadlineCalculator
    public let recordKey: RecordSigningKey
    public let metrics: Metrics
    /// When this process started: a periodic job that never finished anywhere is as old as that (`/metrics`).
    public let startedAt = Date()
    public let throttle: LoginThrottle
    /// The latest state audit's findings (`StateAlerts`).
    public let stateAlerts = StateAlerts()
    /// Online 行政复议 applications: at most 10 filed per address per hour (a flood from one address is refused), and
    /// 20 wrong status look-ups per address per 15 minutes (guessing tracking numbers and secrets).
    public let applicationThrottle = LoginThrottle(
        scope: "application", maxFailuresPerAccount: 10, maxFailuresPerAddress: 10, window: 3600)
    /// Status lookups: 10 wrong 查询码 for one number, or 60 from one address, in 15 minutes.
    public let statusThrottle = LoginThrottle(
        scope: "status", maxFailuresPerAccount: 10, maxFailuresPerAddress: 60, window: 15 * 60)
    let accessCache = AccessCache()
    /// Which periodic jobs this node runs (leases among nodes) and when each last ran.
    let jobs: JobRuns
    /// The replicas' health and lag, for routing reads (`ReadRouting`).
    let replicas: ReplicaStates
    public let leafCache = RecordLeafCache()

    public var now: Date { options.clock() }
    public var today: CivilDate { CivilDate(instant: now) }
    public var evidence: EvidenceBlobs {
        EvidenceBlobs(directory: options.evidenceDirectory, maxBytes: options.evidenceMaxBytes)
    }
}

struct FazhiServicesKey: StorageKey { typealias Value = FazhiServices }

extension Application {
    public var fazhi: FazhiServices {
        get {
            guard let s = storage[FazhiServicesKey.self] else { fatalError("configure(_:options:) was not called") }
            return s
        }
        set { storage[FazhiServicesKey.self] = newValue }
    }
}

extension Request {
    var fazhi: FazhiServices { application.fazhi }

    /// A write transaction acting as the signed-in user in their home organisation.
    func write<T: Sendable>(
        as user: AuthUser, _ body: @escaping @Sendable (WriteTransaction) async throws -> T
    ) async throws -> T {
        try await fazhi.store.write(
            on: db, ChangeContext(actor: user.id.uuidString, organisation: user.organisationID.uuidString),
            now: fazhi.now, body)
    }
}
