import FazhiCore
import FazhiStore
import Vapor

/// 文件目录 (issue 16): every published 规范性文件 of the bodies the user reads, as Excel — 文号, name, issuer, dates and
/// the standing today — with the count of each standing at the foot, so the 清理 and the yearly report start from it.
enum NormativeCatalogueExport {
    static let header = ["序号", "文号", "文件名称", "制定机关", "签发日期", "公布日期", "施行日期", "有效期至", "最近修改", "状态"]

    static func register(_ console: any RoutesBuilder) {
        console.get("normative", "catalogue.xlsx") { req async throws -> Response in
            let user = try req.requireUser()
            let rows = try await NormativeLibraryStore.all(bodies: Array(user.readable), on: req.db)
            let names = try await CasesConsole.bodyNames(req)
            return try TableResponse.xlsx(
                [["规范性文件目录（\(req.fazhi.today.description)）", "导出时间：\(ChinaTime.minute(req.fazhi.now))"]]
                    + sheet(rows, names: names, on: req.fazhi.today), sheet: "文件目录",
                filename: "规范性文件目录（\(req.fazhi.today.description)）")
        }
    }

    static func sheet(_ rows: [NormativeLibraryStore.Row], names: [UUID: String], on day: CivilDate) -> [[String]] {
        let lines = rows.enumerated().map { i, r in
            [
                String(i + 1), r.number, r.title, names[r.bodyID] ?? "", r.signedOn, r.publishedOn, r.effectiveOn,
                r.validUntil, r.amendedOn ?? "", r.standing(on: day),
            ]
        }
        let counts = Dictionary(grouping: rows, by: { $0.standing(on: day) }).mapValues(\.count)
        let foot = NormativeLibraryStore.standings.map { "\($0) \(counts[$0] ?? 0) 件" }.joined(separator: "；")
        return [header] + lines + [["合计", "\(rows.count) 件", foot, "", "", "", "", "", "", ""]]
    }
}
