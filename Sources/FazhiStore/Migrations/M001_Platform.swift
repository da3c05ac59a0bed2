import FluentKit
import SQLKit

/// 001: regions, organisations, users, role grants, API tokens, idempotency keys.
public struct M001_Platform: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("regions")
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("parent_code", .string, .references("regions", "code"))
            .create()
        try await db.schema("organisations")
            .id()
            .field("name", .string, .required)
            .field("uscc", .string)
            .field("region_code", .string, .required, .references("regions", "code"))
            .field("parent_id", .uuid, .references("organisations", "id"))
            .field("created_at", .datetime)
            .unique(on: "uscc")
            .unique(on: "name", "region_code")
            .create()
        try await db.schema("users")
            .id()
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("is_active", .bool, .required)
            .field("created_at", .datetime)
            .unique(on: "username")
            .create()
        try await db.schema("role_grants")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("created_at", .datetime)
            .unique(on: "user_id", "role", "organisation_id")
            .create()
        try await db.schema("api_tokens")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await db.schema("idempotency_keys")
            .id()
            .field("idem_key", .string, .required)
            .field("principal", .string, .required)
            .field("method", .string, .required)
            .field("path", .string, .required)
            .field("status", .int, .required)
            .field("content_type", .string, .required)
            .field("body", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "idem_key", "principal")
            .create()
    }

    public func revert(on db: any Database) async throws {
        for t in ["idempotency_keys", "api_tokens", "role_grants", "users", "organisations", "regions"] {
            try await db.schema(t).delete()
        }
    }
}

/// 002: the record (全过程记录): append-only entries, checkpoints, signing keys.
public struct M002_Record: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("record_entries")
            .field("seq", .int64, .identifier(auto: false))
            .field("recorded_at", .string, .required)
            .field("actor", .string, .required)
            .field("organisation", .string, .required)
            .field("subject_type", .string, .required)
            .field("subject_id", .string, .required)
            .field("action", .string, .required)
            .field("payload", .string, .required)
            .field("payload_hash", .string, .required)
            .field("leaf_hash", .string, .required)
            .field("chain_hash", .string, .required)
            .create()
        try await db.schema("record_checkpoints")
            .id()
            .field("tree_size", .int, .required)
            .field("root_hash", .string, .required)
            .field("made_at", .string, .required)
            .field("key_id", .string, .required)
            .field("signature", .string, .required)
            .unique(on: "tree_size")
            .create()
        try await db.schema("record_keys")
            .field("key_id", .string, .identifier(auto: false))
            .field("public_key", .string, .required)
            .field("created_at", .datetime)
            .create()
        if let sql = db as? any SQLDatabase {
            try await sql.create(index: "record_entries_subject").on("record_entries").column("subject_type").column(
                "subject_id"
            ).run()
            try await sql.create(index: "record_entries_actor").on("record_entries").column("actor").run()
        }
    }

    public func revert(on db: any Database) async throws {
        for t in ["record_keys", "record_checkpoints", "record_entries"] { try await db.schema(t).delete() }
    }
}

public enum FazhiMigrations {
    /// In order. A new capability adds its own numbered migrations here.
    public static let all: [any Migration] = [
        M001_Platform(), M002_Record(), M003_Sessions(), M004_Registries(), M005_Cases(), M006_PowerListValidity(),
        M007_Publications(), M008_Evidence(), M009_CaseFigures(), M010_FigureSums(), M011_DecisionSearch(),
        M012_ReconsiderationApplications(), M013_YearFigures(), M014_CommitteeMembers(), M015_DeadlineSweep(),
        M016_DocumentSequences(), M017_GrantRequests(), M018_DisclosureApplications(), M019_ProactiveItems(),
        M020_PublicComments(), M021_NormativeLibrary(), M022_NormativeSuggestions(),
        M023_OrganisationLists(), M024_LegalAdvisers(), M025_RandomDraws(), M026_SupervisionAlerts(),
        M027_EnforcementComplaints(), M028_FileReviews(), M029_DrawItemsPlans(), M030_DrawRules(),
        M031_DrawTaskPartners(), M032_FigureGroups(), M033_AnnualReportTexts(), M034_CaseSnapshots(),
        M035_StudySessions(),
        M036_LedgerEntries(),
        M037_Assessment(),
        M038_OfficerCourseHours(),
        M039_NodeCoordination(),
        M040_RecordFrontiers(),
        M041_LedgerAttachments(),
        M042_ThrottleClaims(),
        M043_TokenWrites(),
        M044_RecordCompression(),
        M045_SearchTokenCollation(),
        M046_UnusedPowerAdjustmentIndex(),
    ]
}
