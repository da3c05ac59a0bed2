import FluentKit
import Foundation

/// 行政区划 row.
public final class RegionRecord: Model, @unchecked Sendable {
    public static let schema = "regions"
    @ID(custom: "code", generatedBy: .user) public var id: String?
    @Field(key: "name") public var name: String
    @OptionalField(key: "parent_code") public var parentCode: String?

    public init() {}
    public init(code: String, name: String, parentCode: String?) {
        self.id = code; self.name = name; self.parentCode = parentCode
    }
}

/// 机关/部门 row.
public final class OrganisationRecord: Model, @unchecked Sendable {
    public static let schema = "organisations"
    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    /// 统一社会信用代码.
    @OptionalField(key: "uscc") public var uscc: String?
    @Field(key: "region_code") public var regionCode: String
    @OptionalField(key: "parent_id") public var parentID: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
    public init(id: UUID? = nil, name: String, uscc: String?, regionCode: String, parentID: UUID?) {
        self.id = id; self.name = name; self.uscc = uscc; self.regionCode = regionCode; self.parentID = parentID
    }
}
