import FazhiCore
import FazhiStore
import Foundation
import Vapor

/// 复议 as the reviewed body sees it (`GET /api/v1/statistics/reconsideration_respondent`): the cases in which the
/// bodies in scope were the 被申请人 (行政复议法 第十九条), wherever they were heard — what a department's report states,
/// and where 纠错 is the respondent's shortcoming, not the 复议机关's.
enum ReconsiderationRespondentFigures {
    static let figures = FigureSet(
        id: "reconsideration_respondent", title: "被申请行政复议",
        compute: { req, year, bodies in
            guard let def = req.fazhi.procedures.current(ReconsiderationProcedure.id) else { return ("", []) }
            let orgs = try await Directory.organisations(on: req.readDB)
            let names = Set(orgs.filter { o in o.id.map(bodies.contains) == true }.map(\.name))
            // Every 复议机关's cases, by 被申请人; only the groups naming a body in scope are summed.
            let groups = try await YearFigures.byGroup(
                def, year: year, bodies: Set(orgs.compactMap(\.id)), on: req.readDB)
            let mine = groups.filter { names.contains($0.key) }.values
            func sum(_ id: String) -> Double { Double(mine.map { $0.count(id) }.reduce(0, +)) }
            let received = sum("received"), concluded = sum("concluded"), corrected = sum("corrected")
            return (
                "\(year)年被申请行政复议\(Int(received))件，审结\(Int(concluded))件，被纠错\(Int(corrected))件。",
                [
                    FigureOut(
                        id: "received", label: "被申请行政复议", definition: "\(year)年收到的、以本单位为被申请人的行政复议申请",
                        value: received, unit: "件", records: nil),
                    FigureOut(
                        id: "concluded", label: "审结", definition: "其中已审结的", value: concluded, unit: "件", records: nil),
                    FigureOut(
                        id: "corrected", label: "被纠错", definition: "其中被撤销、变更、确认违法、责令履行或者确认无效的",
                        value: corrected, unit: "件", records: nil),
                ]
            )
        }, page: { SitePath.yearFigures(procedure: ReconsiderationProcedure.id, year: $0).path })
}
