import FazhiCore
import FluentKit
import Foundation
import SQLKit

/// Regions and organisations (行政区划 → 机关/部门).
public enum Directory {
    public struct NewRegion: Codable, Sendable {
        public var code: String; public var name: String; public var parentCode: String?
        public init(code: String, name: String, parentCode: String?) {
            self.code = code; self.name = name; self.parentCode = parentCode
        }
    }

    public struct NewOrganisation: Codable, Sendable {
        public var name: String; public var uscc: String?; public var regionCode: String; public var parentID: UUID?
        public init(name: String, uscc: String?, regionCode: String, parentID: UUID?) {
            self.name = name; self.uscc = uscc; self.regionCode = regionCode; self.parentID = parentID
        }
    }

    public static func createRegion(_ input: NewRegion, in tx: WriteTransaction) async throws -> RegionRecord {
        guard Region.isValidCode(input.code) else { throw DomainError.invalid(field: "code", message: "行政区划代码应为6位数字") }
        let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 100 else {
            throw DomainError.invalid(field: "name", message: "名称不能为空且不超过100字")
        }
        if try await RegionRecord.find(input.code, on: tx.db) != nil {
            throw DomainError.conflict(field: "code", message: "行政区划代码 \(input.code) 已存在")
        }
        if let p = input.parentCode, try await RegionRecord.find(p, on: tx.db) == nil {
            throw DomainError.invalid(field: "parentCode", message: "上级行政区划 \(p) 不存在")
        }
        let r = RegionRecord(code: input.code, name: name, parentCode: input.parentCode)
        try await r.create(on: tx.db)
        try tx.record(
            "region", input.code, "create", NewRegion(code: input.code, name: name, parentCode: input.parentCode))
        return r
    }

    public static func createOrganisation(
        _ input: NewOrganisation, in tx: WriteTransaction
    ) async throws -> OrganisationRecord {
        let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 100 else {
            throw DomainError.invalid(field: "name", message: "名称不能为空且不超过100字")
        }
        var uscc = input.uscc?.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        if uscc?.isEmpty == true { uscc = nil }
        if let u = uscc, let problem = UnifiedSocialCreditCode.problem(u) {
            throw DomainError.invalid(field: "uscc", message: problem)
        }
        guard try await RegionRecord.find(input.regionCode, on: tx.db) != nil else {
            throw DomainError.invalid(field: "regionCode", message: "行政区划 \(input.regionCode) 不存在")
        }
        if let p = input.parentID, try await OrganisationRecord.find(p, on: tx.db) == nil {
            throw DomainError.invalid(field: "parentId", message: "上级机关不存在")
        }
        if let u = uscc, try await OrganisationRecord.query(on: tx.db).filter(\.$uscc == u).first() != nil {
            throw DomainError.conflict(field: "uscc", message: "统一社会信用代码 \(u) 已被其他机关使用")
        }
        if try await OrganisationRecord.query(on: tx.db).filter(\.$name == name).filter(
            \.$regionCode == input.regionCode
        ).first() != nil {
            throw DomainError.conflict(field: "name", message: "本行政区划内已有同名机关：\(name)")
        }
        let o = OrganisationRecord(name: name, uscc: uscc, regionCode: input.regionCode, parentID: input.parentID)
        try await o.create(on: tx.db)
        try tx.record(
            "organisation", o.id!.uuidString, "create",
            NewOrganisation(name: name, uscc: uscc, regionCode: input.regionCode, parentID: input.parentID))
        return o
    }

    /// One organisation by id, read with SQLKit rather than a Fluent model: this is the hot read of the API
    /// (about twice as fast under load, see BENCHMARKS.md).
    public static func organisation(_ id: UUID, on db: any Database) async throws -> OrganisationSummary? {
        try await (db as! any SQLDatabase).select()
            .columns("id", "name", "uscc", "region_code", "parent_id").from("organisations")
            .where("id", .equal, SQLBind(id)).limit(1)
            .first(decoding: OrganisationSummary.self)
    }

    public static func regions(on db: any Database) async throws -> [RegionRecord] {
        try await RegionRecord.query(on: db).sort(\.$id).all()
    }

    public static func organisations(on db: any Database) async throws -> [OrganisationRecord] {
        try await OrganisationRecord.query(on: db).sort(\.$regionCode).sort(\.$name).all()
    }

    /// The trees the access policy needs, read fresh (a county has tens of organisations; cheap).
    public static func tree(on db: any Database) async throws -> OrganisationTree {
        let orgs = try await organisations(on: db)
        let regs = try await regions(on: db)
        return OrganisationTree(
            organisations: orgs.compactMap { o in
                o.id.map { OrganisationNode(id: $0, regionCode: o.regionCode, parentID: o.parentID) }
            },
            regions: regs.compactMap { r in r.id.map { Region(code: $0, name: r.name, parentCode: r.parentCode) } })
    }
}

/// An organisation as read for display and the API.
public struct OrganisationSummary: Codable, Sendable {
    public let id: UUID
    public let name: String
    public let uscc: String?
    public let regionCode: String
    public let parentID: UUID?

    enum CodingKeys: String, CodingKey { case id, name, uscc, regionCode = "region_code", parentID = "parent_id" }
}
