import FluentKit
import SQLKit

/// 032: the second dimension a procedure's figures are read by (`ProcedureStatistics.Grouping`: 复议 by 被申请人),
/// kept on each case's figure memberships.
public struct M032_FigureGroups: AsyncMigration {
    public init() {}

    public func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw("ALTER TABLE case_figure_members ADD COLUMN grp TEXT").run()
        try await sql.raw("CREATE INDEX case_figure_members_grp ON case_figure_members (procedure, year, grp)").run()
    }

    public func revert(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw("DROP INDEX case_figure_members_grp").run()
        try await sql.raw("ALTER TABLE case_figure_members DROP COLUMN grp").run()
    }
}
