import FluentKit

/// 038: the hours each 执法人员培训 course gives each officer who attended it (kept when the course is entered or
/// changed), so the 名录, its alerts, the statistics and the report read the same hours.
public struct M038_OfficerCourseHours: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        try await db.schema("officer_course_hours")
            .field("officer_id", .uuid, .required, .references("officers", "id"))
            .field("year", .int, .required)
            .field("entry_id", .string, .required)
            .field("hours", .double, .required)
            .unique(on: "officer_id", "entry_id")
            .create()
    }

    public func revert(on db: any Database) async throws {
        try await db.schema("officer_course_hours").delete()
    }
}
