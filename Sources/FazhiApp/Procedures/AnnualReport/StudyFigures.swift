import FazhiCore
import FazhiStore
import Foundation
import Vapor

/// The 学法 figures of a year (`GET /api/v1/statistics/study`): sessions by form, attendance, and the governments whose
/// 政府常务会议学法 fell short of the local yearly target (`FAZHI_STUDY_EXECUTIVE_TARGET`).
enum StudyFigures {
    static let figures = FigureSet(
        id: "study", title: "学法",
        compute: { req, year, bodies in
            let sessions = try await StudySessions.list(units: bodies, year: year, on: req.readDB)
            let target = req.fazhi.options.studyExecutiveTarget
            let orgs = try await Directory.organisations(on: req.readDB)
            // The governments in scope that hold 常务会议 (a county's or a city's 人民政府; a 乡镇 holds 党政联席会议
            // instead), each held to the target.
            let governments = orgs.filter { o in
                o.id.map(bodies.contains) == true && o.name.hasSuffix("人民政府") && !o.name.contains("镇")
                    && !o.name.contains("乡") && !o.name.contains("街道")
            }.compactMap(\.id)
            let short = governments.filter { g in
                sessions.filter { $0.unitID == g && $0.kind == .executive }.count < target
            }.count
            var out = [
                FigureOut(
                    id: "sessions", label: "学法活动", definition: "\(year)年登记的学法活动", value: Double(sessions.count),
                    unit: "次",
                    records: nil),
                FigureOut(
                    id: "attendance", label: "参加学法", definition: "\(year)年学法活动参加人数之和",
                    value: Double(sessions.map(\.attendance).reduce(0, +)), unit: "人次", records: nil),
                FigureOut(
                    id: "target", label: "常务会议学法年度要求", definition: "每个政府每年政府常务会议学法的最少次数（本地设置）",
                    value: Double(target), unit: "次", records: nil),
                FigureOut(
                    id: "governmentsShort", label: "常务会议学法未达要求的政府",
                    definition: "政府常务会议学法少于每年\(target)次的人民政府", value: Double(short), unit: "个", records: nil),
            ]
            for kind in StudySession.Kind.allCases {
                out.append(
                    FigureOut(
                        id: "kind.\(kind.rawValue)", label: kind.chineseName,
                        definition: "\(year)年登记的\(kind.chineseName)",
                        value: Double(sessions.filter { $0.kind == kind }.count), unit: "次", records: nil))
            }
            return (
                "\(year)年学法活动\(sessions.count)次，其中政府常务会议学法\(sessions.filter { $0.kind == .executive }.count)次。", out
            )
        }, page: { SitePath.study(year: $0).path })

    /// What 学法 puts into the report (法治保障), and a government short of its 常务会议学法 (part 二).
    static let contributions = [
        ReportContribution(
            .safeguards, set: "study",
            sentences: [
                "坚持领导干部学法制度，政府常务会议学法{kind.executive}次、理论学习中心组学法{kind.group}次，举办法治专题讲座{kind.lecture}次、法治培训{kind.training}次，参加学法{attendance}人次。"
            ], compared: ["sessions", "kind.executive", "attendance"],
            shortfalls: [
                Shortfall("governmentsShort", .above(0), "领导干部学法制度落实不够到位，有{governmentsShort}个政府常务会议学法少于每年{target}次。")
            ],
            firstResponsibility: ["主要负责人带头学法", "主持政府常务会议学法{kind.executive}次"])
    ]
}
