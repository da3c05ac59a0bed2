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
        return AppOptions(
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
    }

    func with(_ change: (inout AppOptions) -> Void) -> AppOptions { var c = self; change(&c); return c }
}

/// The services one running app holds.
public struct FazhiServices: Sendable {
    public let options: AppOptions
    public let store: Store
    public let calendar: StatutoryCalendar
    public let deadlines: DeadlineCalculator
    public let recordKey: RecordSigningKey
    public let metrics: Metrics
    public let throttle: LoginThrottle
    public let idempotency: IdempotencyInFlight
    /// The latest state audit's findings (`StateAlerts`).
    public let stateAlerts = StateAlerts()
    /// Online 行政复议 applications: at most 10 filed per address per hour (a flood from one address is refused), and
    /// 20 wrong status look-ups per address per 15 minutes (guessing tracking numbers and secrets).
    public let applicationThrottle = LoginThrottle(maxFailuresPerAccount: 10, maxFailuresPerAddress: 10, window: 3600)
    /// Status lookups: 10 wrong 查询码 for one number, or 60 from one address, in 15 minutes.
    public let statusThrottle = LoginThrottle(maxFailuresPerAccount: 10, maxFailuresPerAddress: 60, window: 15 * 60)
    let accessCache = AccessCache()
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
