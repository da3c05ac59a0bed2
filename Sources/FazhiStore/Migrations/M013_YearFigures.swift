import FazhiCore
import FluentKit
import SQLKit

/// 013: the yearly figures of the procedures that declare them (行政复议, 行政应诉, 调解), kept as cases change: per
/// procedure, year, figure and body a count (`case_year_figures`), and which cases each figure counts
/// (`case_figure_members`, with the day the case was registered, so every figure opens its newest cases first). A year of a million 调解 records is then read from a few
/// hundred rows. The enforcement sums (M010) are rebuilt without the 行政复议 cases they used to count.
public struct M013_YearFigures: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw(
            """
            CREATE TABLE case_year_figures (procedure TEXT NOT NULL, year INTEGER NOT NULL, figure TEXT NOT NULL, body_id TEXT NOT NULL, n INTEGER NOT NULL,
              PRIMARY KEY (procedure, year, figure, body_id))
            """
        ).run()
        try await db.schema("case_figure_members")
            .field("case_id", .uuid, .required, .references("cases", "id"))
            .field("figure", .string, .required)
            .field("procedure", .string, .required)
            .field("year", .int, .required)
            .field("body_id", .string, .required)
            .field("opened_on", .string, .required)
            .unique(on: "case_id", "figure")
            .create()
        try await sql.raw(
            "CREATE INDEX case_figure_members_listing ON case_figure_members (procedure, figure, year, opened_on, body_id)"
        ).run()
        try await YearFigures.rebuild(catalog: ProcedureCatalog(), on: sql)
        // Before this migration 行政复议 cases were summed with the enforcement cases (as 立案); take them out.
        try await FigureSums.rebuild(on: sql)
    }

    public func revert(on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("DROP TABLE case_year_figures").run()
        try await db.schema("case_figure_members").delete()
    }
}
