import FluentKit

/// 014: the members of each 行政复议委员会 (行政复议法 第五十二条: 相关政府部门、专家、学者等), by the 复议机构 that consults
/// them, with their term — a consultation names members from here.
public struct M014_CommitteeMembers: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("committee_members")
            .id()
            .field("office_id", .uuid, .required, .references("organisations", "id"))
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("affiliation", .string, .required)
            .field("appointed_on", .string, .required)
            .field("term_ends_on", .string)
            .create()
    }

    public func revert(on db: any Database) async throws { try await db.schema("committee_members").delete() }
}
