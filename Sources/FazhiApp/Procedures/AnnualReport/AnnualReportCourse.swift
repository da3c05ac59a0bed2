import FazhiCore
import FazhiStore
import Fluent
import Foundation
import SQLKit
import Vapor

/// The course of a unit's report for a year (`AnnualReportProcedure`): started on the report page, frozen there with the
/// figures of the day (the snapshot's SHA-256 on the record), then reviewed, submitted and published on its case page.
enum AnnualReportCourse {
    /// The unit's course for the year, if started.
    static func find(unit: UUID, year: Int, on db: any Database) async throws -> StoredCase? {
        guard
            let id = try await (db as! any SQLDatabase).raw(
                """
                SELECT id FROM cases WHERE procedure = \(bind: AnnualReportProcedure.id) AND body_id = \(bind: unit)
                AND party_name = \(bind: AnnualReportProcedure.title(year))
                """
            ).first()?.decode(column: "id", as: UUID.self)
        else { return nil }
        return try await CaseStore.load(id, on: db)
    }

    /// The frozen report of a course past drafting, as the snapshot holds it (nil while drafting).
    static func frozen(_ c: StoredCase, on db: any Database) async throws -> AnnualReportPage.Model.Output? {
        guard c.file.state != AnnualReportProcedure.State.drafting.id,
            c.file.state != AnnualReportProcedure.State.new.id,
            let s = try await CaseSnapshots.latest(c.id, on: db)
        else { return nil }
        return try JSONDecoder().decode(AnnualReportPage.Model.Output.self, from: Data(s.content.utf8))
    }

    /// The canonical bytes of a report as frozen: sorted keys, so the same report hashes the same.
    static func bytes(_ o: AnnualReportPage.Model.Output) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return try e.encode(o)
    }

    static func register(_ console: any RoutesBuilder) {
        // 开始编写: opens the course, with the 3月1日 and 4月1日 periods.
        console.post("annual-report", "start") { req async throws -> Response in
            let user = try req.requireUser()
            let (unit, year) = try target(req, user)
            let catalog = req.fazhi.procedures, calendar = req.fazhi.deadlines, today = req.fazhi.today
            guard let def = catalog.current(AnnualReportProcedure.id) else { throw APIError.notFound("没有该程序") }
            try CasesAPI.mayOpen(def, user: user, body: unit)
            guard try await find(unit: unit, year: year, on: req.db) == nil else {
                throw DomainError.conflict(field: "year", message: "本单位该年度的报告已开始编写")
            }
            let actor = CasesAPI.actor(user, body: unit, procedure: def.id)
            _ = try await req.write(as: user) { tx in
                let c = try await CaseStore.open(def, bodyID: unit, today: today, in: tx)
                return try await CaseStore.take(
                    StepRequest(
                        caseID: c.id, action: AnnualReportProcedure.Step.start, expectedVersion: 0,
                        inputs: Facts(["reportYear": .number(Double(year))]), officerIDs: [], actor: actor, date: today),
                    catalog: catalog, calendar: calendar, today: today, in: tx)
            }
            Flash.set(req, ok: "已开始编写\(year)年度报告：报送期限\(year + 1)-03-01，公开期限\(year + 1)-04-01")
            return req.redirect(to: SitePath.annualReport(unit: unit, year: year).path)
        }
        // 定稿并提交审核: the report as it reads now — figures and narrative — frozen, its SHA-256 taken by the step.
        console.post("annual-report", "freeze") { req async throws -> Response in
            let user = try req.requireUser()
            let (unit, year) = try target(req, user)
            guard let course = try await find(unit: unit, year: year, on: req.db) else {
                throw DomainError.invalid(field: "year", message: "请先开始编写本年度报告")
            }
            let q = try await AnnualReportPage.Query.fetch(req, user: user, unit: unit, year: year)
            // Parts 三 and 四 are the unit's own account: a report is not frozen without them.
            for part in [ReportPart.firstResponsibility, .nextYear]
            where (q.texts[part.rawValue]?.text ?? "").isEmpty {
                throw DomainError.invalid(field: part.rawValue, message: "“\(part.heading)”尚未撰写，撰写后才能定稿")
            }
            let content = try bytes(AnnualReportPage.Model(q, csrf: "").json)
            let catalog = req.fazhi.procedures, calendar = req.fazhi.deadlines, today = req.fazhi.today
            let step = StepRequest(
                caseID: course.id, action: AnnualReportProcedure.Step.submitForReview,
                expectedVersion: course.file.version, inputs: Facts(), officerIDs: [],
                actor: CasesAPI.actor(user, body: unit, procedure: AnnualReportProcedure.id), date: today)
            _ = try await req.write(as: user) { tx in
                _ = try await CaseSnapshots.add(content, case: course.id, on: today, in: tx)
                return try await CaseStore.take(step, catalog: catalog, calendar: calendar, today: today, in: tx)
            }
            Flash.set(req, ok: "已定稿并提交审核（定稿的数据和正文不再随统计变化）")
            return req.redirect(to: SitePath.caseFile(course.id).path)
        }
    }

    /// 待办: a frozen report waits for its unit's head to review it.
    static let pending: PendingItems.Provider = { user, req in
        let heads = Set(user.grants.filter { $0.role == .head }.map(\.organisationID))
        guard !heads.isEmpty else { return [] }
        return try await CaseStore.inState(
            procedure: AnnualReportProcedure.id, state: AnnualReportProcedure.State.reviewing.id, limit: 100,
            on: req.db
        ).filter { heads.contains($0.file.bodyID) }.map { c in
            PendingItem(
                severity: .warning, title: "待审核：\(c.file.facts[AnnualReportFact.title] ?? c.number)",
                detail: "已定稿，审核通过后于\(c.file.facts[AnnualReportFact.submitBy]?.description ?? "")前报送（厅字〔2019〕28号）",
                link: SitePath.caseFile(c.id).path)
        }
    }

    /// The unit (one the user reads) and year a form names.
    static func target(_ req: Request, _ user: AuthUser) throws -> (UUID, Int) {
        let v = try req.content.decode([String: String].self)
        guard let unit = v["unit"].flatMap(UUID.init(uuidString:)), user.readable.contains(unit) else {
            throw DomainError.invalid(field: "unit", message: "请选择您可以查看的单位")
        }
        guard let year = v["year"].flatMap({ Int($0) }), (2000...req.fazhi.today.year).contains(year) else {
            throw DomainError.invalid(field: "year", message: "年度应在2000年至今年之间")
        }
        return (unit, year)
    }
}
