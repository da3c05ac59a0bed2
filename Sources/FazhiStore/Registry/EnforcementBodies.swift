import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// An enforcement body as stored and shown, with its organisation's name.
public struct EnforcementBodyRow: Codable, Sendable {
    public let id: UUID
    public let organisationId: UUID
    public let organisationName: String
    public let kind: String
    public let entrustingOrganisationId: UUID?
    public let entrustingOrganisationName: String?
    public let legalBasis: String
    public let scope: String
    public let confirmedOn: String?
    public let announcementDocument: String

    public var domain: EnforcementBody {
        EnforcementBody(
            organisationID: organisationId, kind: EnforcementBodyKind(rawValue: kind) ?? .statutory,
            entrustingOrganisationID: entrustingOrganisationId,
            legalBasis: legalBasis, scope: scope, confirmedOn: confirmedOn.flatMap(CivilDate.init(iso:)),
            announcementDocument: announcementDocument)
    }
}

/// 执法主体: registered, confirmed and announced.
public enum EnforcementBodies {
    static let decoder = SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase)

    /// Registers the body or replaces its record (one per organisation).
    @discardableResult
    public static func save(_ b: EnforcementBody, in tx: WriteTransaction) async throws -> UUID {
        if let p = b.problem() { throw p }
        guard try await Directory.organisation(b.organisationID, on: tx.db) != nil else {
            throw DomainError.invalid(field: "organisationId", message: "机关不存在")
        }
        if let e = b.entrustingOrganisationID, try await Directory.organisation(e, on: tx.db) == nil {
            throw DomainError.invalid(field: "entrustingOrganisationId", message: "委托机关不存在")
        }
        let sql = tx.sql
        let existing = try await sql.select().column("id").from("enforcement_bodies").where(
            "organisation_id", .equal, SQLBind(b.organisationID)
        ).first()
        let id = try existing?.decode(column: "id", as: UUID.self) ?? UUID()
        if existing == nil {
            try await sql.insert(into: "enforcement_bodies")
                .columns(
                    "id", "organisation_id", "kind", "entrusting_organisation_id", "legal_basis", "scope",
                    "confirmed_on", "announcement_document"
                )
                .values(
                    SQLBind(id), SQLBind(b.organisationID), SQLBind(b.kind.rawValue),
                    SQLBind(b.entrustingOrganisationID), SQLBind(b.legalBasis.trimmed),
                    SQLBind(b.scope.trimmed), SQLBind(b.confirmedOn?.description),
                    SQLBind(b.announcementDocument.trimmed)
                )
                .run()
        } else {
            try await sql.update("enforcement_bodies")
                .set("kind", to: SQLBind(b.kind.rawValue)).set(
                    "entrusting_organisation_id", to: SQLBind(b.entrustingOrganisationID)
                )
                .set("legal_basis", to: SQLBind(b.legalBasis.trimmed)).set("scope", to: SQLBind(b.scope.trimmed))
                .set("confirmed_on", to: SQLBind(b.confirmedOn?.description)).set(
                    "announcement_document", to: SQLBind(b.announcementDocument.trimmed)
                )
                .where("id", .equal, SQLBind(id)).run()
        }
        try tx.record("enforcement_body", id.uuidString, existing == nil ? "register" : "update", b)
        tx.seal(.enforcementBodies, [id])
        return id
    }

    static let select = """
        SELECT b.id, b.organisation_id, o.name AS organisation_name, b.kind, b.entrusting_organisation_id, e.name AS entrusting_organisation_name,
               b.legal_basis, b.scope, b.confirmed_on, b.announcement_document
        FROM enforcement_bodies b JOIN organisations o ON o.id = b.organisation_id LEFT JOIN organisations e ON e.id = b.entrusting_organisation_id
        """

    public static func all(on db: any Database) async throws -> [EnforcementBodyRow] {
        try await (db as! any SQLDatabase).raw("\(unsafeRaw: select) ORDER BY o.name").all(
            decoding: EnforcementBodyRow.self, with: decoder)
    }

    public static func body(organisation: UUID, on db: any Database) async throws -> EnforcementBodyRow? {
        try await (db as! any SQLDatabase).raw("\(unsafeRaw: select) WHERE b.organisation_id = \(bind: organisation)")
            .first(decoding: EnforcementBodyRow.self, with: decoder)
    }
}
