import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// Lists of organisations a government publishes (M023): the 行政规范性文件制定主体清单 names the bodies that may issue
/// 规范性文件 (国办发〔2018〕37号: none in the name of an internal division). Each change is recorded.
public enum OrganisationLists {
    public struct Entry: Sendable, Encodable {
        public let organisationID: UUID
        public let listedOn: String
        public let basis: String
    }

    public static func entries(_ list: String, on db: any Database) async throws -> [Entry] {
        try await (db as! any SQLDatabase).raw(
            "SELECT organisation_id, listed_on, basis FROM organisation_lists WHERE list = \(bind: list) ORDER BY listed_on"
        ).all().map {
            Entry(
                organisationID: try $0.decode(column: "organisation_id", as: UUID.self),
                listedOn: try $0.decode(column: "listed_on", as: String.self),
                basis: try $0.decode(column: "basis", as: String.self))
        }
    }

    /// Whether the list has any entry (a list not yet published restricts no one) and whether the organisation is on it.
    public static func membership(
        _ list: String, organisation: UUID, on db: any Database
    ) async throws -> (
        published: Bool, listed: Bool
    ) {
        let sql = db as! any SQLDatabase
        let listed =
            try await sql.raw(
                "SELECT 1 AS x FROM organisation_lists WHERE list = \(bind: list) AND organisation_id = \(bind: organisation)"
            ).first() != nil
        if listed { return (true, true) }
        let any = try await sql.raw("SELECT 1 AS x FROM organisation_lists WHERE list = \(bind: list) LIMIT 1").first()
        return (any != nil, false)
    }

    /// Puts the organisation on the list (with the basis: the government's decision) or takes it off.
    public static func set(
        _ list: String, organisation: UUID, listed: Bool, basis: String, on date: CivilDate, in tx: WriteTransaction
    ) async throws {
        guard try await Directory.organisation(organisation, on: tx.db) != nil else {
            throw DomainError.invalid(field: "organisation", message: "单位不存在")
        }
        let basis = basis.trimmed
        guard (1...200).contains(basis.count) else {
            throw DomainError.invalid(field: "basis", message: "请写明依据（如县政府公布清单的文号），不超过200字")
        }
        try await tx.sql.raw(
            "DELETE FROM organisation_lists WHERE list = \(bind: list) AND organisation_id = \(bind: organisation)"
        ).run()
        if listed {
            try await tx.sql.raw(
                """
                INSERT INTO organisation_lists (list, organisation_id, listed_on, basis)
                VALUES (\(bind: list), \(bind: organisation), \(bind: date.description), \(bind: basis))
                """
            ).run()
        }
        try tx.record(
            "organisation_list", "\(list):\(organisation.uuidString)", listed ? "add" : "remove",
            ["list": list, "organisation": organisation.uuidString, "on": date.description, "basis": basis])
    }
}
